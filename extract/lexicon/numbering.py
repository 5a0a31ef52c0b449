"""The numbering grammar: heading numbers (第一章, 一、, （一）, 1., （1）, ①), 专栏 numbers and
文号 (document numbers). The styles are data (patterns/headings.yaml); segment decides levels.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

import regex

from .. import patterns
from ..numerals import cn_int

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# 文号: 临州办发〔2021〕103号
DOC_NUMBER = regex.compile(r"[\p{Han}]{1,12}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号")


class HeadingStyle(patterns.PatternModel):
    name: str
    pattern: patterns.RegexWith("n")
    family: str


class HeadingPatterns(patterns.PatternModel):
    styles: list[HeadingStyle]
    max_title_chars: int
    run_in_end: str
    max_run_in_title_chars: int
    toc_caption: patterns.Regex
    toc_line: patterns.Regex
    box_start: patterns.RegexWith("n", "title")
    unmarked_box_caption: patterns.Regex
    box_item_lead: patterns.Regex
    box_item_project: patterns.Regex
    lost_opening_bracket: patterns.RegexWith("n", "stand")
    bracketed_number: patterns.RegexWith("n")
    unnumbered_titles: list[str]
    note_marker: patterns.Regex


@dataclass(frozen=True)
class Style:
    name: str
    rank: int
    family: str
    regex: regex.Pattern


@patterns.compiled("headings", HeadingPatterns)
def heading_grammar(p: HeadingPatterns) -> tuple[HeadingPatterns, list[Style]]:
    """patterns/headings.yaml and its numbering styles, highest rank first, compiled."""
    styles = [
        Style(s.name, rank, s.family,
              patterns.compile(r"^\s*(?:" + s.pattern + r")\s*"))
        for rank, s in enumerate(p.styles)
    ]
    return p, styles


def box_start() -> regex.Pattern:
    """A 专栏 caption: `专栏 1 标题`, `专栏1：标题`, `专栏一 标题` (groups n, title)."""
    return patterns.compile(heading_grammar()[0].box_start)


@functools.lru_cache(maxsize=1)
def _any_heading_start() -> regex.Pattern:
    p, _ = heading_grammar()
    alternatives = [s.pattern for s in p.styles]
    alternatives = [regex.sub(r"\(\?P<n>", "(?:", a) for a in alternatives]
    return patterns.compile(r"^\s*(?:" + "|".join(f"(?:{a})" for a in alternatives) + r"|专栏)")


def heading_number_length(text: str) -> int:
    """Length of the heading numbering a line starts with (0 if none)."""
    m = _any_heading_start().match(text)
    return m.end() if m else 0


def starts_like_heading(text: str) -> bool:
    """Does a line begin with heading numbering or a 专栏 caption? (used to stop line joins)"""
    return bool(_any_heading_start().match(text))


def match_heading_number(text: str) -> Optional[tuple[Style, regex.Match]]:
    """The first (highest-ranked) numbering style the line starts with, and its match."""
    _, styles = heading_grammar()
    for style in styles:
        m = style.regex.match(text)
        if m:
            return style, m
    return None


def lost_opening_bracket() -> regex.Pattern:
    """`一）`, ` 2）`, `《三）` at a line start: a bracketed number that lost its opening `（`."""
    return patterns.compile(heading_grammar()[0].lost_opening_bracket)


def bracketed_number() -> regex.Pattern:
    """`（一）`, `(2)` at a line start (groups: n)."""
    return patterns.compile(heading_grammar()[0].bracketed_number)


def ordinal(n: str) -> Optional[int]:
    """The value of a number as printed in a heading or box: 12, 十二, ⑫ → 12."""
    if n.isascii() and n.isdigit():
        return int(n)
    if n in CIRCLED:
        return CIRCLED.index(n) + 1
    return cn_int(n)
