"""The indicator catalogue (patterns/indicators.yaml) and matching a printed name to it.

A name is normalized — brackets folded, place prefixes (全市, 其中：) and a bracketed unit
suffix dropped, then segmented by jieba with the domain dictionary so that whole words can be
replaced by their usual form (每千常住人口 → 每千人口, 期望寿命 → 预期寿命) and empty words
dropped (的, 拥有). Two names are the same indicator when their normalized forms are equal:
matching never guesses, an unknown name gets None.

jieba is loaded on first use, once per process, with its own tokenizer so the user dictionary
does not leak into other users of jieba.
"""
from __future__ import annotations

import functools
import importlib.util
import logging
import os
import sys
import threading
import types
from typing import Optional


from . import built_cache, patterns
from .lexicon.folds import fold_name


class Entry(patterns.PatternModel):
    id: str
    name: str
    unit: Optional[str] = None
    aliases: list[str] = []


class Normalize(patterns.PatternModel):
    prefixes: list[str]
    synonyms: dict[str, str]
    drop: list[str]
    optional_suffixes: list[str] = []
    footnote_marks: str = ""


class Prose(patterns.PatternModel):
    target_year: patterns.RegexWith("year")
    period_end: patterns.RegexWith("period")
    verbs: list[str]
    change_verbs: list[str]
    change_lead: patterns.Regex
    build_verbs: list[str]
    build_qualifiers: list[str]
    build_area_units: list[str]
    lead_words: list[str]
    trailing_words: list[str]
    measure_words: list[str]
    respectively: str
    from_marks: list[str]
    review_headings: list[str]
    indicator_heads: list[str]


class Catalogue(patterns.PatternModel):
    normalize: Normalize
    indicators: list[Entry]
    prose: Prose


_lock = threading.Lock()


@patterns.compiled("indicators", Catalogue)
def catalogue(cat: Catalogue) -> Catalogue:
    ids = [e.id for e in cat.indicators]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise patterns.PatternDataError(f"patterns/indicators.yaml: duplicate ids {sorted(dup)}")
    return cat


class _HmmOnFirstUse(types.ModuleType):
    """Stands for jieba.finalseg (jieba's HMM for words outside the dictionary: a 1.3 MB table of
    emission probabilities, 60% of importing jieba) until something reads from it, which this
    package never does (it cuts with HMM=False). The first read runs the real module and copies
    its names in, so any other user of jieba in the process gets the whole HMM."""

    def __init__(self, name: str, init_file: str):
        super().__init__(name)
        self.__file__ = init_file
        self.__path__ = [os.path.dirname(init_file)]
        self.__spec__ = importlib.util.spec_from_file_location(
            name, init_file, submodule_search_locations=self.__path__)

    def __getattr__(self, attr: str):
        if attr.startswith("__"):
            raise AttributeError(attr)
        with _lock_hmm:
            if "_real" not in self.__dict__:
                spec = importlib.util.spec_from_file_location(
                    self.__name__, self.__file__, submodule_search_locations=self.__path__)
                real = importlib.util.module_from_spec(spec)
                sys.modules[self.__name__] = real   # the real module while it runs (relative imports)
                try:
                    spec.loader.exec_module(real)
                finally:
                    sys.modules[self.__name__] = self
                self.__dict__.update({k: v for k, v in vars(real).items() if not k.startswith("__")})
                self.__dict__["_real"] = real
        return getattr(self.__dict__["_real"], attr)


_lock_hmm = threading.RLock()


def _import_jieba():
    """`import jieba`, its HMM module standing in until used (see _HmmOnFirstUse)."""
    if "jieba" not in sys.modules and "jieba.finalseg" not in sys.modules:
        found = importlib.util.find_spec("jieba")
        init_file = found and found.submodule_search_locations and os.path.join(
            list(found.submodule_search_locations)[0], "finalseg", "__init__.py")
        if init_file and os.path.isfile(init_file):
            sys.modules["jieba.finalseg"] = _HmmOnFirstUse("jieba.finalseg", init_file)
    import jieba
    return jieba


@functools.lru_cache(maxsize=1)
def _tokenizer():
    """jieba with the domain dictionary as its whole dictionary: indicator names only need their
    domain words kept whole (the general dictionary takes seconds to load and adds nothing
    here); the words normalization replaces or drops are added to it."""
    with _lock:
        jieba = _import_jieba()
        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer(dictionary=str(patterns.patterns_dir() / "jieba_userdict.txt"))
        tok.initialize()
        n = catalogue().normalize
        for w in [*n.synonyms, *n.synonyms.values(), *n.drop]:
            tok.add_word(fold_name(w), freq=50000)
        return tok


def segment(text: str) -> list[str]:
    """jieba words of text, with the domain dictionary."""
    return [w for w in _tokenizer().lcut(text, HMM=False) if w.strip()]


@functools.lru_cache(maxsize=16384)
def normalize(name: str) -> str:
    """The comparable form of an indicator name."""
    from .tables.classify import split_unit_suffix
    cat = catalogue()
    s = fold_name(name).strip("：:，,。 ").rstrip(cat.normalize.footnote_marks + " ")
    s, _ = split_unit_suffix(s)
    changed = True
    while changed:
        changed = False
        for p in sorted(cat.normalize.prefixes, key=len, reverse=True):
            fp = fold_name(p)
            if s.startswith(fp) and len(s) > len(fp) + 1:
                s = s[len(fp):]
                changed = True
    words = []
    drop = set(cat.normalize.drop)
    synonyms = {fold_name(k): fold_name(v) for k, v in cat.normalize.synonyms.items()}
    for w in segment(s):
        w = synonyms.get(w, w)
        if w in drop:
            continue
        if words and words[-1] == w and len(w) > 1:
            continue  # a word printed twice (使用使用) is a slip
        words.append(w)
    s = "".join(words)
    for suffix in cat.normalize.optional_suffixes:
        fs = fold_name(suffix)
        if s.endswith(fs) and len(s) >= len(fs) + 3:
            s = s[:-len(fs)]
    return s


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Every catalogue name's normalized form → its id. Kept between processes (built_cache):
    segmenting every name costs a short document more than the rest of its matching; the key
    is the pattern folder (the catalogue, the dictionary, the units a name may end with) and
    jieba's version; the code is in the cache's name."""
    jieba = _import_jieba()
    return built_cache.get(("catalogue-index", jieba.__version__, patterns.folder_digest()),
                           _build_index)


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for e in catalogue().indicators:
        for n in [e.name, *e.aliases]:
            key = normalize(n)
            other = index.get(key)
            if other is not None and other != e.id:
                raise patterns.PatternDataError(
                    f"patterns/indicators.yaml: {n!r} of {e.id} normalizes like a name of {other}")
            index[key] = e.id
    return index


def normalized_names() -> frozenset[str]:
    """The normalized form of every catalogue name and alias (from the kept index)."""
    return frozenset(_index())


def match(name: str) -> Optional[str]:
    """Catalogue id of an indicator name, or None when it is not in the catalogue."""
    if not name or not name.strip():
        return None
    return _index().get(normalize(name))


def entry(id_: str) -> Optional[Entry]:
    return next((e for e in catalogue().indicators if e.id == id_), None)
