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
import logging
import threading
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


class Prose(patterns.PatternModel):
    target_year: patterns.RegexWith("year")
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


@functools.lru_cache(maxsize=1)
def _tokenizer():
    """jieba with the domain dictionary as its whole dictionary: indicator names only need their
    domain words kept whole (the general dictionary takes seconds to load and adds nothing
    here); the words normalization replaces or drops are added to it."""
    with _lock:
        import jieba
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
    s = fold_name(name).strip("：:，,。 ")
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
    import jieba
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
