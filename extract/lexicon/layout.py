"""Layout on the printed page: spaces that layout put inside Chinese text, display width."""
from __future__ import annotations

import regex

from .. import regex_cache
# Characters that belong to Chinese running text (Han, CJK and full-width punctuation).
CJK_TEXT = r"\p{Han}\u3000-\u303f\uff01-\uff60\u2018-\u201f\u2026\u2014\u00b7《》"
LAYOUT_SPACE = r"[ \t\u3000\u00a0\u2002-\u200b]+"
_CJK_SPACE = regex_cache.compile(
    rf"(?<=[{CJK_TEXT}]){LAYOUT_SPACE}(?=[{CJK_TEXT}0-9A-Za-z%‰≤≥<>＜＞+\-]) |"
    rf"(?<=[{CJK_TEXT}0-9A-Za-z%‰≤≥<>＜＞.]){LAYOUT_SPACE}(?=[{CJK_TEXT}])|"
    rf"(?<=[≤≥<>＜＞~～]){LAYOUT_SPACE}(?=[0-9])",
    regex.V1 | regex.X,
)
HAS_SPACE = regex_cache.compile(r"[ \t\u3000\u00a0\u2002-\u200b]")
_NARROW = regex_cache.compile(r"[\x00-\u2e7f]+")


def remove_layout_spaces(text: str) -> str:
    """Spaces next to Chinese characters are layout, not words: `全市 35种` → `全市35种`."""
    return _CJK_SPACE.sub("", text)


_RUNS_OF_SPACE = regex_cache.compile(r"\s+")


def clean_text(text: str) -> str:
    """A cell or a short line as one text: layout spaces out (`5 岁以下` → `5岁以下`), other runs
    of space down to one."""
    return _RUNS_OF_SPACE.sub(" ", remove_layout_spaces(text)).strip()


def display_width(text: str) -> int:
    """Columns a line takes on the page: CJK and full-width count 2, the rest 1."""
    return len(text) + len(_NARROW.sub("", text))
