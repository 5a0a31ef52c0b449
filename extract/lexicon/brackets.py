"""The one bracket-depth scanner: where a character stands inside （…）, and what follows from it.

Depth never goes below zero: a stray closing mark (a converter dropped its opening) does not
make the rest of the text count as outside a bracket that was never opened.
"""
from __future__ import annotations

import functools
import re
from typing import Iterator, Optional

OPENING = "（("
CLOSING = "）)"


def depths(text: str, depth: int = 0, opening: str = OPENING,
           closing: str = CLOSING) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth after it) for each character of text."""
    for i, ch in enumerate(text):
        if ch in opening:
            depth += 1
        elif ch in closing and depth:
            depth -= 1
        yield i, ch, depth


def depth_after(text: str, depth: int = 0, opening: str = OPENING, closing: str = CLOSING) -> int:
    """Brackets still open at the end of text (carried over from `depth` open before it).
    Only the brackets are visited (found by a compiled pattern): normalize asks this of a
    paragraph each time it joins a line to it."""
    for m in _marks(opening + closing).finditer(text):
        if m.group() in opening:
            depth += 1
        elif depth:
            depth -= 1
    return depth


@functools.lru_cache(maxsize=16)
def _marks(chars: str) -> "re.Pattern[str]":
    return re.compile("[" + re.escape(chars) + "]")


def split_top_level(text: str, separators: str, opening: str = OPENING,
                    closing: str = CLOSING) -> list[str]:
    """Split on separators outside brackets: `A（B、C）、D` → [A（B、C）, D]."""
    parts, start = [], 0
    for i, ch, depth in depths(text, 0, opening, closing):
        if depth == 0 and ch in separators:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def first_top_level(text: str, stops: str, opening: str = OPENING, closing: str = CLOSING) -> Optional[int]:
    """Index of the first of `stops` outside brackets, or None."""
    for i, ch, depth in depths(text, 0, opening, closing):
        if depth == 0 and ch in stops:
            return i
    return None


def matching_open(text: str, close_at: int, opening: str = OPENING, closing: str = CLOSING) -> Optional[int]:
    """Index of the opening bracket that the closing one at close_at closes, or None."""
    depth = 0
    for i in range(close_at, -1, -1):
        ch = text[i]
        if ch in closing:
            depth += 1
        elif ch in opening:
            depth -= 1
            if depth == 0:
                return i
    return None
