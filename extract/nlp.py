"""spaCy over prose sentences: a blank Chinese pipeline, and the indicator catalogue as a PhraseMatcher.

`nlp()` is `spacy.blank("zh")` — no trained model, nothing downloaded — with
- a tokenizer: spaCy's ChineseTokenizer with segmenter "jieba", whose jieba is the catalogue's
  own (patterns/jieba_userdict.txt as its whole dictionary, no HMM; extract/catalogue.py). The
  text is width-folded character for character before it is cut, so `执业(助理)医师` and
  `执业（助理）医师` give the same tokens and token offsets stay those of the text;
- `catalogue_norms`: each token's NORM is its folded form (widths as the catalogue folds them,
  a lone Chinese digit as its digit: 三岁 → 3岁) with the catalogue's word synonyms applied
  (每千常住人口 → 每千人口, 比率 → 比例), the attribute the matcher compares;
- a sentencizer on 。！？； (and ! ? ;): a clause group ends at ；, not only at 。.

spaCy's own jieba set-up is not used: it loads jieba's general dictionary into the global
jieba (about 2 s here) and knows no user dictionary. The catalogue's tokenizer loads in a
millisecond and keeps every domain word whole, which is all the matcher needs.

Everything is built on the first call, once per process, under a lock; importing this module
does not import spaCy. The first call costs ≈0.5–0.7 CPU-s on the development machine: the
spaCy import without its command line (≈0.45 s; the CLI alone costs ≈0.2 s and 18 MB more), and the
pipeline with the matcher (≈0.1 s); `load_seconds` records it; the README (spaCy section) has the figures. The indicators stage calls it only for a sentence it can help.
"""
from __future__ import annotations

import functools
import threading
import time
from typing import TYPE_CHECKING, Iterator, Optional

from . import catalogue
from .lexicon.folds import fold_name

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span

SENTENCE_ENDS = ["。", "！", "？", "；", "!", "?", ";"]

load_seconds: Optional[float] = None   # wall time of the first nlp() call in this process
_lock = threading.Lock()


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    """fold_name for one character, kept one character long (offsets must not move)."""
    f = fold_name(c) if not c.isspace() else c
    return f if len(f) == 1 else c


_DIGITS = "〇一二三四五六七八九"
_NUMBER_CHARS = frozenset(_DIGITS + "零两十百千万亿0123456789")


def fold_chars(text: str) -> str:
    """The form the matcher reads, one character for each of text's: widths folded as in the
    catalogue, and a lone Chinese digit read as its digit (三岁 → 3岁, 二型 → 2型; 十五, 二〇二五
    stay: only a digit with no number character beside it is certain)."""
    out = [_fold_char(c) for c in text]
    for i, c in enumerate(text):
        d = _DIGITS.find(c)
        if d >= 0 and (i == 0 or out[i - 1] not in _NUMBER_CHARS) \
                and (i + 1 == len(out) or out[i + 1] not in _NUMBER_CHARS):
            out[i] = str(d)
    return "".join(out)


class _DomainJieba:
    """What spaCy's ChineseTokenizer calls as `jieba_seg.cut(text, cut_all=False)`."""

    def cut(self, text: str, cut_all: bool = False) -> Iterator[str]:
        folded = fold_chars(text)
        i = 0
        for w in catalogue.segment(folded):   # words without whitespace, in order
            j = folded.find(w, i)
            if j < 0:   # cannot happen: segment only drops whitespace
                break
            yield text[j:j + len(w)]
            i = j + len(w)


def _import_spacy():
    """`import spacy`, without its command line: spaCy's __init__ imports `spacy.cli.info`, which
    pulls in the whole CLI (weasel, typer, httpx, requests, jinja2: about a third of spaCy's
    import time and 18 MB). Stand-ins answer that one import; they are removed afterwards, so a
    later `import spacy.cli` loads the real one."""
    import sys
    import types
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_ins = {}
    if "spacy.cli" not in sys.modules:
        cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
        info.info = _no_cli   # type: ignore[attr-defined]
        cli.info = info       # type: ignore[attr-defined]
        stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
        sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if stand_ins and getattr(spacy, "cli", None) is stand_ins["spacy.cli"]:
        del spacy.cli
    return spacy


def _no_cli(*args, **kwargs):
    raise RuntimeError("spaCy's command line is not loaded here: run `python -m spacy info`")


def _register() -> None:
    """Register the tokenizer and the norms component with spaCy (idempotent)."""
    spacy = _import_spacy()
    from spacy.language import Language
    from spacy.lang.zh import ChineseTokenizer

    if "plan_extract.zh_domain_jieba.v1" not in spacy.registry.tokenizers:
        @spacy.registry.tokenizers("plan_extract.zh_domain_jieba.v1")
        def make_tokenizer(segmenter: str = "jieba"):
            def factory(nlp):
                tok = ChineseTokenizer(nlp.vocab, segmenter="char")   # "jieba" would load jieba's main dictionary
                tok.segmenter = segmenter
                tok.jieba_seg = _DomainJieba()
                return tok
            return factory

    if not Language.has_factory("catalogue_norms"):
        synonyms = {fold_name(k): fold_name(v)
                    for k, v in catalogue.catalogue().normalize.synonyms.items()}

        @Language.component("catalogue_norms")
        def catalogue_norms(doc):
            folded = fold_chars(doc.text)
            for t in doc:
                f = folded[t.idx:t.idx + len(t.text)].strip() or t.text
                t.norm_ = synonyms.get(f, f)
            return doc


def _variants(names: list[str]) -> list[str]:
    """Each name, and each with a synonym's usual form replaced by its variants (执业（助理）医师
    → 执业医师, 预期寿命 → 期望寿命): the matcher compares token by token, and a variant may be
    cut into other tokens than its usual form (人均预期寿命 is one word, 人均期望寿命 four)."""
    out = dict.fromkeys(fold_name(n) for n in names)
    for variant, usual in catalogue.catalogue().normalize.synonyms.items():
        variant, usual = fold_name(variant), fold_name(usual)
        if variant != usual:
            out.update(dict.fromkeys(n.replace(usual, variant) for n in list(out) if usual in n))
    return list(out)


@functools.lru_cache(maxsize=1)
def _printed_forms() -> tuple[str, ...]:
    return tuple(sorted({fold_chars(v) for e in catalogue.catalogue().indicators
                         for v in _variants([e.name, *e.aliases])}))


def may_mention(text: str) -> bool:
    """Whether text holds a catalogue name as a string: what `mentions` needs, checked without
    spaCy (a sentence failing it is not worth loading spaCy for)."""
    folded = fold_chars(text)
    return any(f in folded for f in _printed_forms())


def nlp() -> "Language":
    """The process-wide pipeline (built on the first call)."""
    return _build()[0]


_built: Optional[tuple["Language", "PhraseMatcher"]] = None


def _build() -> tuple["Language", "PhraseMatcher"]:
    global _built
    if _built is None:
        with _lock:
            if _built is None:
                _built = _make()
    return _built


def _make() -> tuple["Language", "PhraseMatcher"]:
    global load_seconds
    t = time.perf_counter()
    spacy = _import_spacy()
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Span

    _register()
    pipeline = spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "plan_extract.zh_domain_jieba.v1", "segmenter": "jieba"}}})
    pipeline.add_pipe("catalogue_norms")
    pipeline.add_pipe("sentencizer", config={"punct_chars": SENTENCE_ENDS})
    matcher = PhraseMatcher(pipeline.vocab, attr="NORM")
    for e in catalogue.catalogue().indicators:
        patterns: dict[tuple[str, ...], "Doc"] = {}
        for doc in pipeline.pipe(_variants([e.name, *e.aliases])):
            patterns.setdefault(tuple(t.norm_ for t in doc), doc)
        matcher.add(e.id, list(patterns.values()))
    for name in ("indicator", "quantity"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    load_seconds = time.perf_counter() - t
    return pipeline, matcher


def catalogue_matcher() -> "PhraseMatcher":
    """PhraseMatcher of every catalogue name and alias (match id = the entry's id), on NORM."""
    return _build()[1]


def mentions(doc: "Doc | Span") -> list["Span"]:
    """Catalogue names printed in doc, longest first where they overlap, in text order; each
    Span's label_ is the entry id. Tokens keep domain words whole, so a name is only found
    at word boundaries (预期寿命 is not found inside 健康预期寿命)."""
    from spacy.util import filter_spans
    found = catalogue_matcher()(doc, as_spans=True)
    return sorted(filter_spans(found), key=lambda s: s.start)
