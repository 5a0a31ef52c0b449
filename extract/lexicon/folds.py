"""Folds: one function per way two spellings of the same text are made one.

Every fold here except `fold_name` and `drop_spaces` is one code point for one, so offsets found
on the folded text are offsets in the original.
"""
from __future__ import annotations

import unicodedata

# Full-width ASCII (０-９，．％＜～) and the few look-alikes documents use for minus and tilde.
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {
    0x3000: 0x20, 0x2212: ord("-"), 0x301C: ord("~"), 0xFE6A: ord("%")}
_BRACKETS = str.maketrans({"(": "（", ")": "）"})
_NAME_BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "［", "]": "］", " ": None, "\u3000": None})


def fold_width(text: str) -> str:
    """Full-width to ASCII, one for one: `９５．５％` → `95.5%`."""
    return text.translate(_WIDTH)


def fold_brackets(text: str) -> str:
    """Half-width round brackets to full-width, one for one: `(一)` → `（一）`."""
    return text.translate(_BRACKETS)


def squeeze_spaces(text: str) -> str:
    """Runs of whitespace to one space, the ends stripped: how two printings of one table row
    (`序号\t指标` and `序号  \t指标 `) are compared."""
    return " ".join(text.split())


def drop_spaces(text: str) -> str:
    """Every whitespace character removed: `2025 年` → `2025年`."""
    return "".join(text.split())


def fold_name(text: str) -> str:
    """The form names are compared in: NFKC width fold, full-width brackets, no spaces.
    Not length-preserving; never applied to the text spans point into."""
    return unicodedata.normalize("NFKC", text).translate(_NAME_BRACKETS)
