"""The numbering grammar: heading numbers (第一章, 一、, （一）, 1., （1）, ①), 专栏 numbers and
文号 (document numbers). The styles are data (patterns/headings.yaml); segment decides levels.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from .. import patterns, regex_cache
from ..numerals import cn_int

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# 文号: 临州办发〔2021〕103号
DOC_NUMBER = regex_cache.compile(r"[\p{Han}]{1,12}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号")


class HeadingStyle(patterns.PatternModel):
    name: str
    pattern: patterns.RegexWith("n")
    family: str
    title_on_next_line: bool = False


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
    lost_opening_bracket: patterns.RegexWith("n", "stand", "close")
    dash_for_one: patterns.RegexWith("bare", "paren")
    bracketed_number: patterns.RegexWith("n")
    unnumbered_titles: list[str]
    note_marker: patterns.Regex


@dataclass(frozen=True)
class Style:
    name: str
    rank: int
    family: str
    regex: regex.Pattern
    title_on_next_line: bool = False


@dataclass(frozen=True)
class HeadingGrammar:
    """patterns/headings.yaml compiled: the numbering styles (highest rank first) and the
    box and note forms, each regex named by its key in the file."""
    data: HeadingPatterns
    styles: list[Style]
    any_start: regex.Pattern      # any style's number, or 专栏, at a line start (no groups)
    box_start: regex.Pattern
    lost_opening_bracket: regex.Pattern
    dash_for_one: regex.Pattern
    bracketed_number: regex.Pattern
    unmarked_box_caption: regex.Pattern
    box_item_lead: regex.Pattern
    box_item_project: regex.Pattern
    note_marker: regex.Pattern
    toc_caption: regex.Pattern
    toc_line: regex.Pattern


@patterns.compiled("headings", HeadingPatterns)
def heading_grammar(p: HeadingPatterns) -> HeadingGrammar:
    """patterns/headings.yaml, validated and compiled once per process."""
    styles = [
        Style(s.name, rank, s.family,
              patterns.compile(r"^\s*+(?:" + s.pattern + r")\s*"), s.title_on_next_line)
        for rank, s in enumerate(p.styles)
    ]
    unnamed = [regex.sub(r"\(\?P<n>", "(?:", s.pattern) for s in p.styles]
    any_start = r"^\s*+(?:" + "|".join(f"(?:{a})" for a in unnamed) + r"|[【\[［]?\s*专栏)"
    return HeadingGrammar(
        data=p, styles=styles, any_start=patterns.compile(any_start),
        **{name: patterns.compile(getattr(p, name)) for name in (
            "box_start", "lost_opening_bracket", "dash_for_one", "bracketed_number", "unmarked_box_caption",
            "box_item_lead", "box_item_project", "note_marker", "toc_caption", "toc_line")})


def box_start() -> regex.Pattern:
    """A 专栏 caption: `专栏 1 标题`, `专栏1：标题`, `专栏一 标题`, `【专栏1】标题`, `专栏2-1 标题`
    (groups n, title)."""
    return heading_grammar().box_start


def heading_number_length(text: str) -> int:
    """Length of the heading numbering a line starts with (0 if none)."""
    m = heading_grammar().any_start.match(text)
    return m.end() if m else 0


def starts_like_heading(text: str) -> bool:
    """Does a line begin with heading numbering or a 专栏 caption? (used to stop line joins)"""
    return bool(heading_grammar().any_start.match(text))


# After a heading's number: a title of words with no punctuation, a space, then a sentence (a
# comma in it, a full stop at its end) — `指导思想 以…为指导，…。`. Two phrases parted by a space
# (`优化空间布局　构建绿色发展新格局`) are one title.
TITLE_THEN_TEXT = regex_cache.compile(r"^(?P<title>[^\s，,。；;：:、]{2,})[ \u3000\t]+(?=[^\n]*[，,][^\n]*。\s*$)")

SENTENCE_ENDS = ("。", "：", ":")


def separates_tables(gap: list[str]) -> bool:
    """Lines printed between a table and its header printed again that make the second a table
    of its own: a heading (`（二）市场环境`), or after the first line (which may be the wrapped
    rest of a cell at a page's foot) a sentence that introduces the next table (`…如下表。`).
    Page numbers, running heads and a sub-heading row (`预期性指标`) do not."""
    return any(starts_like_heading(t.strip()) for t in gap) \
        or any(t.rstrip().endswith(SENTENCE_ENDS) for t in gap[1:])


def match_heading_number(text: str) -> Optional[tuple[Style, regex.Match]]:
    """The first (highest-ranked) numbering style the line starts with, and its match."""
    for style in heading_grammar().styles:
        m = style.regex.match(text)
        if m:
            return style, m
    return None


def lost_opening_bracket() -> regex.Pattern:
    """`一）`, ` 2）`, `《三）`, `（三〉` at a line start: a bracketed number with a bracket lost or
    printed as another mark (groups n, stand, close)."""
    return heading_grammar().lost_opening_bracket


def dash_for_one() -> regex.Pattern:
    """`—、`, `（—）` at a line start: 一 printed as a dash (groups bare, paren)."""
    return heading_grammar().dash_for_one


def bracketed_number() -> regex.Pattern:
    """`（一）`, `(2)` at a line start (groups: n)."""
    return heading_grammar().bracketed_number


def ordinal(n: str) -> Optional[int]:
    """The value of a number as printed in a heading or box: 12, 十二, ⑫ → 12."""
    if n.isascii() and n.isdigit():
        return int(n)
    if n in CIRCLED:
        return CIRCLED.index(n) + 1
    return cn_int(n)
