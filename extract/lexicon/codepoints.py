"""Code points that print like ideographs but are not them, and text a PDF could not map.

- `fold_code_points`: Kangxi radicals (⼀ U+2F00), CJK Radicals Supplement (⻅ U+2EC5) and CJK
  compatibility ideographs (U+F900…) → the unified ideograph they stand for, one code point for
  one (patterns/code_points.tsv, generated from Unicode's data by scripts/build_code_points.py).
  A PDF printed from a Mac writes `⼀、` and `⼈均预期寿命` this way. Never blanket NFKC: it
  would rewrite full-width punctuation, ①, ㎡ and superscripts too.
- `strip_private_use`: private-use glyphs (icon fonts in a browser print) carry no text.
- `unreadable`: a page whose text layer is `(cid:NN)` codes or mostly private-use and
  replacement characters is not text (an OCR candidate).
"""
from __future__ import annotations

import functools

import regex

from .. import regex_cache
from ..patterns import patterns_dir

PRIVATE_USE = regex_cache.compile(r"[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
CID = regex_cache.compile(r"\(cid:\d+\)")
# characters with no glyph that web pages and word processors leave inside words and before list
# numbers: zero-width space/joiners, word joiner, a byte-order mark mid-text, a soft hyphen
INVISIBLE = regex_cache.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
REPLACEMENT = "\ufffd"
# a page is unreadable when this share of its visible characters is cid codes, private use or U+FFFD
UNREADABLE_SHARE = 0.3
UNREADABLE_MIN_CHARS = 20


@functools.lru_cache(maxsize=1)
def code_point_table() -> dict[int, int]:
    table: dict[int, int] = {}
    with open(patterns_dir() / "code_points.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            source, target = line.split("\t", 2)[:2]
            table[int(source, 16)] = int(target, 16)
    return table


FOLDABLE = regex_cache.compile(r"[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


def fold_code_points(text: str) -> str:
    """Radical and compatibility ideographs → unified ideographs: `⼀、⼈均` → `一、人均`."""
    if not FOLDABLE.search(text):
        return text
    return text.translate(code_point_table())


# Full-width digits and percent signs (２０２５年, ９５．５％), which word processors' full-width input
# types: the digits 0-9, ％, and a full-width point after an ASCII letter or digit (not before a
# Chinese character: `１．加强` keeps its list label's point), one code point for one.
# Chinese punctuation (，：（）) stays as printed.
FULL_WIDTH_DIGIT = regex_cache.compile(r"[\uff10-\uff19\uff0e]")
_DIGITS = str.maketrans({0xFF10 + k: ord("0") + k for k in range(10)})
_POINT = regex_cache.compile(r"(?<=[0-9A-Za-z])\uff0e(?=[0-9A-Za-z]|\s|$)")   # 95．5, DDDs．100, DDDs．⏎


def fold_digits(text: str) -> str:
    """`２０２５年` → `2025年`, `９５．５％` → `95.5%`."""
    if not FULL_WIDTH_DIGIT.search(text):
        return text
    return _POINT.sub(".", text.translate(_DIGITS))


def strip_private_use(text: str) -> tuple[str, int]:
    """Text without private-use characters, and how many were removed."""
    if not PRIVATE_USE.search(text):
        return text, 0
    out, n = PRIVATE_USE.subn("", text)
    return out, n


def unreadable(text: str) -> bool:
    """Is this page's text mostly glyph codes the PDF could not map to characters?"""
    visible = regex.sub(r"\s+", "", text)
    if len(visible) < UNREADABLE_MIN_CHARS:
        return False
    cids = sum(len(m.group(0)) for m in CID.finditer(visible))
    bad = cids + len(PRIVATE_USE.findall(visible)) + visible.count(REPLACEMENT)
    return bad >= UNREADABLE_SHARE * len(visible)
