"""Undo what converters do to a document, as general rules, into one normalized text.

The normalized text is the coordinate system of every span in the output: one paragraph per
line. Rules, in order: strip converter noise and Markdown/LaTeX marks (keeping them as
signals), drop page furniture, mark table-cell regions (left as they are), rejoin lines that
a PDF hard-wrapped or a page break cut, and remove spaces that layout put inside Chinese text.
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

import regex

from .. import patterns, regex_cache
from ..lexicon.brackets import depth_after
from ..lexicon.folds import squeeze_spaces
from ..lexicon.dates import DATE, DATE_LINE, YEAR_TOKEN
from ..lexicon.layout import HAS_SPACE, display_width, remove_layout_spaces
from ..lexicon import site
from ..lexicon.numbering import (DOC_NUMBER, TITLE_THEN_TEXT, bracketed_number, dash_for_one, heading_number_length, lost_opening_bracket, ordinal,
                                 separates_tables, starts_like_heading)
from ..raw import RawLine, RawTable
from ..state import NormText, Para, State

# A web page's metadata block laid out as a table (索引号 | … | 发文机关 | …)
MIN_SITE_TABLE_LABELS = 2      # at least this many label cells
SITE_TABLE_PAIRED_SHARE = 0.8  # label + value pairs cover at least this share of the filled cells
# Flat rows: a table row a PDF extractor flattened to words
MIN_ROW_TOKENS = 3             # fewer words are no row
MIN_ROW_VALUES = 2             # this many value-like words make a row …
LONG_ROW_TOKENS = 4            # … or one value among at least this many words
MIN_HEADER_YEARS = 2           # a header row names at least two years (2020年 2025年)
# Headings and numbers
MAX_SPACED_HEADING_CHARS = 45  # a heading this short keeps the space between its two phrases
MIN_LETTER_GAPS = 2            # a line with this many single spaces between letters, and twice as many as
#                                letters side by side, is letter-spaced
MAX_TITLE_TAIL_CHARS = 30     # the rest of a wrapped numbered title on the next line is at most this long
NUMBER_HEAD_CHARS = 8          # a bracketed item number's closing bracket stands within these
# Page furniture
MAX_CHROME_LINE_CHARS = 200    # a website's menu, toolbar or footer line is no longer than this
MAX_RELATED_LINK_WIDTH = 100   # a 相关解读 link line is no wider than this (display columns)
MIN_PROSE_WIDTH = 20           # a lone number between lines this wide is a page number
# Table-cell regions: the wrapped rest of a cell between two tab-led cells
MAX_CELL_GAP_LINES = 3         # at most this many short lines stand between two cells
MAX_CELL_WRAP_WIDTH = 40       # and each is no wider than this
# The hard-wrap width of a PDF-extracted text
MIN_WRAPPED_WIDTH = 30         # only lines at least this wide can be full lines
MIN_WRAPPED_LINES = 10         # fewer such lines: no hard wrap to find
WRAP_TOLERANCE = 4             # full lines fall within this many columns under the width
MIN_WRAPPED_SHARE = 0.3        # and are at least this share of the long lines
MAX_ENDED_FULL_SHARE = 0.5     # more full lines than this share ending a sentence: no hard wrap
MAX_WRAP_WIDTH = 160           # a wider "width" is one paragraph per line
# Rejoining wrapped lines
MIN_OPEN_BRACKET_CHARS = 10    # a line this long that ends inside brackets continues
FULL_LINE_SLACK = 6            # a full line may fall this many columns short (a digit run at its end)
SHORT_LINE_DIVISOR = 3         # a line under a third of the width ends its paragraph
MIN_PAGE_CUT_WIDTH = 60        # one paragraph per line: a line this wide before a blank may be cut by a page break


class NormalizePatterns(patterns.PatternModel):
    noise: list[patterns.Regex]
    page_number_lines: list[patterns.Regex]
    lone_number: patterns.Regex
    markdown_heading: patterns.Regex
    bold: patterns.Regex
    list_marker: patterns.Regex
    latex_inline: patterns.Regex
    latex_commands: dict[str, str]
    terminal_punctuation: str
    closing_marks: str
    item_starts: patterns.Regex
    flat_row_value: patterns.Regex
    sub_item: patterns.Regex


@dataclass
class _Compiled:
    noise: regex.Pattern
    page_number: regex.Pattern
    lone_number: regex.Pattern
    md_heading: regex.Pattern
    bold: regex.Pattern
    list_marker: regex.Pattern
    latex: regex.Pattern
    latex_command: regex.Pattern
    latex_map: dict[str, str]
    terminal: str
    closing: str
    item_start: regex.Pattern
    row_value: regex.Pattern
    sub_item: regex.Pattern


@patterns.compiled("normalize", NormalizePatterns)
def grammar(p: NormalizePatterns) -> _Compiled:
    commands = sorted(p.latex_commands, key=len, reverse=True)
    return _Compiled(
        noise=patterns.compile("|".join(f"(?:{n})" for n in p.noise)),
        page_number=patterns.compile("^(?:" + "|".join(f"(?:{n})" for n in p.page_number_lines) + ")$"),
        lone_number=patterns.compile(f"^{p.lone_number}$"),
        md_heading=patterns.compile(p.markdown_heading),
        bold=patterns.compile(p.bold),
        list_marker=patterns.compile(p.list_marker),
        latex=patterns.compile(p.latex_inline),
        latex_command=patterns.compile("|".join(regex.escape(c) + r"(?![A-Za-z])" for c in commands)),
        latex_map=p.latex_commands,
        terminal=p.terminal_punctuation,
        closing=p.closing_marks,
        item_start=patterns.compile(p.item_starts),
        row_value=patterns.compile(p.flat_row_value),
        sub_item=patterns.compile(p.sub_item),
    )


_SENTENCE_PUNCT = regex_cache.compile(r"[，。；！？、：]")
# a word's brackets, closed or (a name wrapped inside its table cell: 以乡（镇、街道 / ）为单位…)
# left open at the word's end
_IN_BRACKETS = regex_cache.compile(r"（[^（）\s]*(?:）|(?=\s|$))|\([^()\s]*(?:\)|(?=\s|$))")
_CLAUSE_PUNCT = regex_cache.compile(r"[，,：:、]")
_RUN_ON = regex_cache.compile(r"[：:。]")
# a line that opens with a short label and a colon (项目名称：, 总投资：, 牵头单位：)
_LABEL_LINE = regex_cache.compile(r"^\s*\p{Han}{2,8}\s*[：:]\s*\S")
_ANY_PUNCT = regex_cache.compile(r"[，,：:、。；;！？!?]")


@dataclass(slots=True)
class _Line:
    text: str
    page: Optional[int] = None
    heading_level: Optional[int] = None
    bold: bool = False
    bold_lead: int = 0
    ends_paragraph: bool = False  # the reader's container ends a paragraph here
    kind: str = "text"            # text | cell | row | table
    blank_before: bool = False
    table: Optional[RawTable] = None
    last: Optional[str] = None    # the last line joined onto this one (None: none was)
    # pages that begin inside this paragraph (a sentence running over a page break): (offset, page)
    # (None while there is none: a 50 MB text has half a million lines, so no empty lists)
    page_breaks: Optional[list[tuple[int, int]]] = None
    block: Optional[int] = None   # index of the reader block it came from (the first, when joined)
    # (text, brackets open at its end): depth_after of a paragraph kept as lines join it, so a
    # long paragraph is not scanned again at each join (valid while `text` is that string)
    depth: Optional[tuple[str, int]] = field(default=None, repr=False, compare=False)


def run(state: State) -> None:
    state.norm = normalize(state.raw.blocks)


def normalize(blocks: list) -> NormText:
    c = grammar()
    lines = _clean_lines(blocks, c)
    _repair_lost_brackets(lines)
    _repair_dash_for_one(lines)
    lines = _drop_page_furniture(lines, c)
    _mark_cell_regions(lines)
    _mark_row_sub_headings(lines, c)
    width = wrap_width(lines)
    paras = _rejoin_wrapped_lines(lines, width, c)
    return _assemble(paras)


# --- per-line cleaning ------------------------------------------------------------------------

def _clean_lines(blocks: list, c: _Compiled) -> list[_Line]:
    out: list[_Line] = []
    labelled: dict[int, tuple[RawLine, str]] = {}   # lines that read as a list label ⇥ its text
    blank = False
    for k, block in enumerate(blocks):
        if isinstance(block, RawTable) and _is_site_table(block):
            for row in block.rows:  # a page's metadata block laid out as a table: its lines
                text = _site_row(row, c)
                if text:
                    out.append(_Line(text, blank_before=True, block=k, ends_paragraph=True))
            blank = False
            continue
        if isinstance(block, RawTable):
            text = "\n".join("\t".join(_clean_cell(cell, c) for cell in row) for row in block.rows)
            out.append(_Line(text, page=block.pages[0] if block.pages else None, kind="table",
                             blank_before=True, table=block, block=k))
            blank = False
            continue
        line = _clean_line(block, c)
        if line is None:
            blank = True
            continue
        line.blank_before = blank
        line.block = k
        blank = False
        if line.kind == "cell" and "\t" in block.text:
            raw = _printed(block, c)      # （6）⇥[bookmark: page56]实施…: the noise is no text
            joined = _label_and_text(raw)
            if joined != raw:
                labelled[len(out)] = (block, joined)
        out.append(line)
    # `一、⇥指导思想`: a list label and its text, unless it stands right beside (no blank line
    # between) a two-cell row of a table (`（十一五）⇥26000` under `（十二五）⇥预期性`; a tab-led
    # cell `⇥约束性` is a one-cell-per-line table's, not a row of two)
    def two_cells(j: int) -> bool:
        line = out[j]
        return line.kind == "cell" and j not in labelled and line.text.count("\t") == 1 \
            and not line.text.startswith("\t")
    for i, (block, joined) in labelled.items():
        if (i > 0 and not out[i].blank_before and two_cells(i - 1)) or \
                (i + 1 < len(out) and not out[i + 1].blank_before and two_cells(i + 1)):
            continue
        line = _clean_line(dataclasses.replace(block, text=joined), c)
        if line is not None:
            line.blank_before, line.block = out[i].blank_before, out[i].block
            out[i] = line
    return out


def _is_site_table(table: RawTable) -> bool:
    """A web page's metadata block as a table: `索引号 | … | 发文机关 | …`."""
    cells = [cell for row in table.rows for cell in row if cell.strip()]
    labels = sum(1 for cell in cells if site.is_label(cell) or site.is_field_line(cell))
    return labels >= MIN_SITE_TABLE_LABELS and labels * 2 >= len(cells) * SITE_TABLE_PAIRED_SHARE


def _site_row(row: list[str], c: _Compiled) -> str:
    """`索引号` `0001/2023` `发文机关：` `某市人民政府` → `索引号：0001/2023 发文机关：某市人民政府`."""
    parts: list[str] = []
    for cell in row:
        cell = _clean_cell(cell, c)
        if not cell or (parts and cell == parts[-1]):
            continue
        if site.is_label(cell):
            parts.append(cell.rstrip("：:") + "：")
        elif parts and parts[-1].endswith("："):
            parts[-1] += cell
        else:
            parts.append(cell)
    return " ".join(parts).strip()


def _clean_cell(text: str, c: _Compiled) -> str:
    text = c.noise.sub("", text)
    text = text.replace("\n", "").replace("\t", " ").strip()
    return remove_layout_spaces(text)


_NOISE_CHARS = frozenset("[{<!")  # every noise pattern starts with one of these


def _printed(block: RawLine, c: _Compiled) -> str:
    """The line as printed, without carriage returns and converter noise (bookmarks, anchors)."""
    raw = block.text.replace("\r", "")
    # the cheap character test skips the regex pass that cannot match (most lines are prose)
    return c.noise.sub("", raw) if not _NOISE_CHARS.isdisjoint(raw) else raw


def _clean_line(block: RawLine, c: _Compiled) -> Optional[_Line]:
    if not block.text.strip():   # a carriage return is whitespace too
        return None
    raw = _printed(block, c)
    is_cell = "\t" in raw.rstrip()
    heading_level = block.heading_level
    first = raw.lstrip()[:1]
    if first == "#":
        m = c.md_heading.match(raw)
        if m:
            heading_level = heading_level or len(m.group(1))
            raw = raw[m.end():]
    if not is_cell and first in ("-", "*", "+"):
        raw = c.list_marker.sub("", raw, count=1)
    raw = convert_latex(raw, c)
    if "**" in raw or "__" in raw:
        bold, bold_lead, raw = _bold_signal(raw, c)
    else:
        bold, bold_lead = False, 0
    text = raw.strip(" \u3000\u00a0") if is_cell else raw.strip()
    if not text.strip():
        return None
    if is_cell:
        text = text.rstrip()
        kind = "cell"
    else:
        kind = "row" if _looks_like_flat_row(text, c) else "text"
        if kind == "row":
            text = _unspace_letters(text)   # its words as the rebuilders read them
        if kind == "text":
            bold_lead = _shift_for_strip(raw, bold_lead)
            text = _remove_spaces(text)
            bold_lead = min(bold_lead, len(text))
    return _Line(text, page=block.page, heading_level=heading_level,
                 bold=bold or block.bold, bold_lead=bold_lead, kind=kind, ends_paragraph=block.ends_paragraph)


_LABELLED_TEXT = regex_cache.compile(r"^\s*(?:\*\*|__)?[\p{Han}“《【]")   # a label's text opens with a word (bold or not)


def _label_and_text(raw: str) -> str:
    """`一、\t指导思想`, `（一）\t总体目标`, `第一章\t发展基础`: a list label and its text, which
    a word processor's automatic numbering exports with a tab between them, joined in one line
    (the caller keeps it cells where a table's cells stand beside it). A line with a second
    tab, or a value after the tab (`（十一五）\t26000`), is returned as it is."""
    indent = raw[:len(raw) - len(raw.lstrip(" \u3000"))]
    label, _, rest = raw[len(indent):].partition("\t")
    rest = rest.lstrip("\t")
    if not _LABELLED_TEXT.match(rest) or "\t" in rest.rstrip() or not label.strip():
        return raw      # a value after the tab (（十一五）⇥26000) is a table's cell
    if heading_number_length(label) != len(label.rstrip()):
        return raw
    return f"{indent}{label.rstrip()} {rest}"


def _shift_for_strip(raw: str, lead: int) -> int:
    """bold_lead counted on the unstripped, spaced text → on the cleaned text."""
    if not lead:
        return 0
    head = remove_layout_spaces(raw[:lead].strip())
    return len(head)


def _bold_signal(text: str, c: _Compiled) -> tuple[bool, int, str]:
    """`**（一）加强组织领导。**正文` → lead length 10; whole-line bold → bold=True. Marks removed."""
    stripped = text.strip()
    marks = list(c.bold.finditer(stripped))
    if len(marks) < 2:
        return False, 0, c.bold.sub("", text) if marks else text
    clean = c.bold.sub("", stripped)
    if marks[0].start() == 0:
        lead = len(c.bold.sub("", stripped[:marks[1].start()]))
        if marks[-1].end() == len(stripped) and len(marks) == 2:
            return True, 0, clean
        return False, lead, clean
    return False, 0, clean


def convert_latex(text: str, c: _Compiled | None = None) -> str:
    """`$\\leq 15/10$` → `≤15/10`; `$6.6\\%$` → `6.6%`. Only inside $…$."""
    c = c or grammar()
    if "$" not in text:
        return text

    def inner(m: regex.Match) -> str:
        s = c.latex_command.sub(lambda k: c.latex_map[k.group(0)], m.group(1))
        s = regex.sub(r"\\(?:text|mathrm|mathbf|rm)\s*\{([^{}]*)\}", r"\1", s)
        s = regex.sub(r"[\^_]\{([^{}]*)\}", r"\1", s)
        s = regex.sub(r"\\[A-Za-z]+", "", s)
        s = s.replace("{", "").replace("}", "").replace("\\", "")
        return regex.sub(r"\s+", "", s)

    return c.latex.sub(inner, text)


_PHRASE_GAP = regex_cache.compile(r"(?<=\p{Han}{4})[ \u3000]+(?=\p{Han}{4})")
_LETTER_GAP = regex_cache.compile(r"(?<=\p{Han}) (?=\p{Han})")          # one space between two letters
_WIDE_GAP = regex_cache.compile(r"(?<=\p{Han})(?: {2,}|\u3000+)(?=\p{Han})")
_HAN_PAIR = regex_cache.compile(r"\p{Han}(?=\p{Han})")


def _unspace_letters(text: str) -> str:
    """A letter-spaced print (`维 护 重 点 人 群 健 康  促 进 …`, `人 均 期 望 寿 命  岁  75.10`): a single
    space parts letters, a wider gap parts phrases or cells; other lines as they are."""
    gaps = len(_LETTER_GAP.findall(text))
    if gaps < MIN_LETTER_GAPS or gaps < 2 * len(_HAN_PAIR.findall(text)):
        return text
    return _LETTER_GAP.sub("", _WIDE_GAP.sub("\ue001", text)).replace("\ue001", " ")


def _remove_spaces(text: str) -> str:
    """Like remove_layout_spaces, but a short heading keeps the space between two phrases
    (`第七节 维护重点人群健康 促进人口长期均衡发展`): there it is punctuation, not layout."""
    if not HAS_SPACE.search(text):
        return text
    text = _unspace_letters(text)
    number = heading_number_length(text)
    spaced = TITLE_THEN_TEXT.match(text[number:]) if number else None
    if spaced:   # `一、指导思想 以…为指导，…。`: the space parts the title from its text
        title = remove_layout_spaces(text[:number + spaced.end("title")])
        return title + " " + remove_layout_spaces(text[number + spaced.end():])
    if len(text) > MAX_SPACED_HEADING_CHARS or not number:
        return remove_layout_spaces(text)
    marked = _PHRASE_GAP.sub("\ue000", text)
    return remove_layout_spaces(marked).replace("\ue000", " ")


def _looks_like_flat_row(text: str, c: _Compiled) -> bool:
    """A table row a PDF extractor flattened to words: `婴儿死亡率 ‰ 5.09 ≤5.08 预期性`."""
    tokens = _words(text)
    # punctuation inside a name's brackets (以乡（镇、街道）为单位…) or after 其中 is no sentence's
    if len(tokens) < MIN_ROW_TOKENS or _SENTENCE_PUNCT.search(c.sub_item.sub("", _IN_BRACKETS.sub("", text))) or DATE.search(text):
        return False  # a date line (`2021 年 10 月 28 日`, a signature) is not a row
    values = sum(1 for t in tokens if c.row_value.match(t))
    years = sum(1 for t in tokens if YEAR_TOKEN.match(t))
    values += years if years >= MIN_HEADER_YEARS else 0  # a header row names two years: 2020年 2025年
    return values >= MIN_ROW_VALUES or (values >= 1 and len(tokens) >= LONG_ROW_TOKENS)


def _words(text: str) -> list[str]:
    """The line's words, where the single characters a letter-spaced print sets apart are one word:
    `专 栏 1 公 共 卫 生 项 目` → 专栏, 1, 公共卫生项目 (a caption, not a row of eight words)."""
    if not _LETTER_GAP.search(text):
        return text.split()   # no two letters a space apart: nothing to join (most lines)
    out: list[str] = []
    spaced = False
    for token in text.split():
        single = len(token) == 1 and _HAN.match(token) is not None
        if single and spaced:
            out[-1] += token
        else:
            out.append(token)
        spaced = single
    return out


_HAN = regex_cache.compile(r"\p{Han}")


# --- numbers that lost their opening bracket ------------------------------------------------

def _repair_lost_brackets(lines: list[_Line]) -> None:
    """` 一）指导思想` or `《一）指导思想` → `（一）指导思想`, where a converter dropped the `（` or
    printed another mark for it. Only where the document's own numbering confirms the style:
    the same kind of number (Chinese or Arabic) printed whole as （N） elsewhere, or the
    damaged numbers forming a run (一）… 二）…). `1）` is also a style of its own, so a run of
    Arabic ones is repaired only in a document whose Chinese ones show the converter's damage."""
    lost = lost_opening_bracket()
    damaged: list[tuple[_Line, regex.Match, Optional[int]]] = []
    whole: dict[bool, set[int]] = {True: set(), False: set()}  # keyed by “Arabic digits”
    for line in lines:
        if line.kind != "text":
            continue
        head = line.text[:NUMBER_HEAD_CHARS]
        if not _CLOSING_MARK.search(head):
            continue
        m = bracketed_number().match(line.text)
        if m:
            whole[m.group("n").isdigit()].add(ordinal(m.group("n")) or 0)
            continue
        m = lost.match(line.text)
        if m and line.text[m.end():].strip() and \
                (m.group("close") in "）)") != (m.group("stand") is not None and m.group("stand") in "（("):
            damaged.append((line, m, ordinal(m.group("n"))))  # one bracket damaged, the other round
    found: dict[bool, set[Optional[int]]] = {True: set(), False: set()}
    for _, m, k in damaged:
        found[m.group("n").isdigit()].add(k)
    def confirmed(arabic: bool, k: Optional[int]) -> bool:
        run = k is not None and (k - 1 in found[arabic] or k + 1 in found[arabic])
        if not arabic:
            return bool(whole[False]) or run
        # （五） then 6）: a converter's renumbering continues the Chinese run
        after_chinese = k is not None and (k - 1 in found[False] or k - 1 in whole[False])
        return bool(whole[True]) or ((run or after_chinese) and damaged_chinese)

    damaged_chinese = any(not m.group("n").isdigit() and confirmed(False, k) for _, m, k in damaged)
    for line, m, k in damaged:
        if not confirmed(m.group("n").isdigit(), k):
            continue
        number = f"（{m.group('n')}）"
        delta = len(number) - m.end()
        line.text = number + line.text[m.end():]
        if line.bold_lead:
            line.bold_lead = max(0, line.bold_lead + delta)


_CLOSING_MARK = regex_cache.compile(r"[）)〉>」］\]】]")


def _repair_dash_for_one(lines: list[_Line]) -> None:
    """`—、发展基础` → `一、发展基础`, `（—）` → `（一）`: a font whose mapping printed 一 as a dash.
    Only where the document numbers on with 二 in the same style (`二、`, `（二）`)."""
    dash = dash_for_one()
    found = [(line, m) for line in lines if line.kind == "text" and (m := dash.match(line.text))]
    if not found:
        return
    bare = any(_SECOND_BARE.match(line.text) for line in lines if line.kind == "text")
    paren = any(_SECOND_PAREN.match(line.text) for line in lines if line.kind == "text")
    for line, m in found:
        group = "bare" if m.group("bare") else "paren"
        if not line.text[m.end():].strip() or not (bare if group == "bare" else paren):
            continue
        at = m.start(group)
        line.text = line.text[:at] + "一" + line.text[at + 1:]   # one code point for one


_SECOND_BARE = regex_cache.compile(r"^[ \u3000]*二\s*、")
_SECOND_PAREN = regex_cache.compile(r"^[ \u3000]*[（(]\s*二\s*[）)]")


# --- page furniture ---------------------------------------------------------------------------

def _drop_page_furniture(lines: list[_Line], c: _Compiled) -> list[_Line]:
    """Page numbers, and a website's chrome: menus, toolbars, breadcrumbs, footers, counters and
    the 相关解读 list of links (patterns/site.yaml)."""
    out: list[_Line] = []
    related = 0   # link lines still expected after a 相关解读 marker
    for i, line in enumerate(lines):
        if line.kind in ("text", "row") and c.page_number.match(line.text.strip()):
            _carry_blank(lines, i)
            continue
        if line.kind == "text" and len(line.text) <= MAX_CHROME_LINE_CHARS:
            if site.is_related_marker(line.text):
                related = site.max_related_lines()
                continue
            if related and display_width(line.text) <= MAX_RELATED_LINK_WIDTH and not _ends_paragraph(line.text, c) \
                    and not starts_like_heading(line.text):
                related -= 1
                continue
            related = 0
            if site.is_chrome(line.text):
                _carry_blank(lines, i)
                continue
        if line.kind == "text" and c.lone_number.match(line.text) and _between_prose(lines, i):
            _carry_blank(lines, i)
            continue
        out.append(line)
    return out


def _carry_blank(lines: list[_Line], i: int) -> None:
    """A dropped page number stands for a page break: the next line keeps blank_before."""
    if i + 1 < len(lines):
        lines[i + 1].blank_before = True


def _between_prose(lines: list[_Line], i: int) -> bool:
    prev = lines[i - 1] if i > 0 else None
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    page = lines[i].page
    if page is not None and (nxt is None or prev is None or nxt.page not in (None, page) or
                             prev.page not in (None, page)):
        return True  # the first or last line of a page: a page number wherever it stands
    if not lines[i].blank_before and prev is not None:
        return False

    def prose(line: Optional[_Line]) -> bool:
        return line is None or (line.kind == "text" and display_width(line.text) >= MIN_PROSE_WIDTH)
    if prev is not None and nxt is not None and _counts_on(prev.text, nxt.text):
        return False  # 选择 / 3 / 个县域内…: a digit a converter split off its sentence
    return prose(prev) and prose(nxt)


def _counts_on(before: str, after: str) -> bool:
    """The line before stops mid-sentence and the line after opens with what a count is
    followed by (a measure word, 万/亿, %): the number between them is the sentence's."""
    from ..catalogue import catalogue
    from ..quantity import unit_magnitudes
    if not before.rstrip() or before.rstrip()[-1] in "。！？；;!?：:":
        return False
    words = catalogue().prose.measure_words + list(unit_magnitudes()) + ["%", "％", "‰"]
    return after.lstrip().startswith(tuple(words))


# --- table-cell regions -----------------------------------------------------------------------

def _mark_cell_regions(lines: list[_Line]) -> None:
    """Short untabbed lines between tab-led cells are the wrapped rest of a cell (`健康` / `水平`),
    unless the cells after them open with the table's own header again and the lines read as
    what separates two tables (a heading, the sentence that introduces the next table)."""
    cell_idx = [i for i, line in enumerate(lines) if line.kind == "cell"]
    header: Optional[str] = squeeze_spaces(lines[cell_idx[0]].text) if cell_idx else None
    for a, b in zip(cell_idx, cell_idx[1:]):
        if b - a == 1:
            continue
        between = lines[a + 1:b]
        repeated = squeeze_spaces(lines[b].text) == header and separates_tables([line.text for line in between])
        if 1 < b - a <= MAX_CELL_GAP_LINES + 1 and not repeated \
                and all(line.kind == "text" and display_width(line.text) <= MAX_CELL_WRAP_WIDTH for line in between):
            for line in between:
                line.kind = "cell"
        else:
            header = squeeze_spaces(lines[b].text)   # the cells after the gap are a table of their own


_SENTENCE_MARK = regex_cache.compile(r"[，。；！？]")


def _mark_row_sub_headings(lines: list[_Line], c: _Compiled) -> None:
    """A numbered sub-heading on a line of its own between two rows of words (`2 一般公共预算收入
    亿元 12.5 16 预期性` / `二、民生福祉` / `3 城镇调查失业率 % 4.8 <5.5 预期性`) is a line of the
    table, as the short lines between tab-led cells are: kind row, so the outline never takes it
    (the table reads it as the sub-heading of the rows below). Not when the row after it is a
    header (two years and no other value: a heading between two tables)."""
    for i in range(1, len(lines) - 1):
        line, before, after = lines[i], lines[i - 1], lines[i + 1]
        if line.kind != "text" or before.kind != "row" or after.kind != "row":
            continue
        text = line.text.strip()
        if not starts_like_heading(text) or display_width(text) > MAX_CELL_WRAP_WIDTH \
                or _SENTENCE_MARK.search(text) or _header_words(after.text, c):
            continue
        line.kind = "row"


def _header_words(text: str, c: _Compiled) -> bool:
    """A row of words whose only values are years: a header (`指标 2020年 2025年 属性`)."""
    values = [t for t in text.split() if c.row_value.match(t)]
    return all(YEAR_TOKEN.match(t) for t in values)


# --- rejoining wrapped lines ------------------------------------------------------------------

def wrap_width(lines: list[_Line]) -> Optional[int]:
    """The hard-wrap width of a PDF-extracted text, or None when lines are whole paragraphs.

    A hard-wrapped document has many lines of (nearly) the same width; a document with one
    paragraph per line has widths spread over hundreds of columns.
    """
    measured = [(display_width(line.text), line.text) for line in lines
                if line.kind == "text" and not _TABLE_MARKUP.match(line.text.strip())]   # `| … |` rows are no prose
    long = [w for w, _ in measured if w >= MIN_WRAPPED_WIDTH]
    if len(long) < MIN_WRAPPED_LINES:
        return None
    counts = Counter(long)
    best, best_n = None, 0
    for w in counts:
        n = sum(counts.get(x, 0) for x in range(w - WRAP_TOLERANCE, w + 1))
        if n > best_n or (n == best_n and best is not None and w > best):
            best, best_n = w, n
    if best is None or best_n < MIN_WRAPPED_SHARE * len(long) or best > MAX_WRAP_WIDTH:
        return None
    # a wrap cuts sentences: full lines that mostly end one are short paragraphs of like length
    c = grammar()
    full = [text for w, text in measured if best - WRAP_TOLERANCE <= w <= best]
    if sum(1 for t in full if _ends_paragraph(t, c)) > MAX_ENDED_FULL_SHARE * len(full):
        return None
    return best


def _ends_paragraph(text: str, c: _Compiled) -> bool:
    t = text.rstrip()
    while t and t[-1] in c.closing:
        # 。” ends a sentence; “…》” mid-sentence does not
        if len(t) >= 2 and t[-2] in c.terminal:
            return True
        t = t[:-1]
    return bool(t) and t[-1] in c.terminal


def _rejoin_wrapped_lines(lines: list[_Line], width: Optional[int], c: _Compiled) -> list[_Line]:
    out: list[_Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, line, width, c):
            joined = _join(prev.text, line.text)
            if line.page is not None and line.page != (prev.page_breaks[-1][1] if prev.page_breaks else prev.page):
                prev.page_breaks = (prev.page_breaks or []) + [(len(joined) - len(line.text), line.page)]
            # the join adds no bracket: the depth after it is the line's, from the paragraph's
            prev.depth = (joined, depth_after(line.text, _depth(prev)))
            prev.text = joined
            prev.ends_paragraph = line.ends_paragraph
            prev.last = line.text
            continue
        out.append(line)
    return out


def _continues(prev: _Line, line: _Line, width: Optional[int], c: _Compiled) -> bool:
    if prev.kind != "text" or line.kind != "text":
        return False
    if _wrapped_title(prev, line):
        return True
    if line.heading_level or prev.heading_level or line.bold or prev.bold or line.bold_lead:
        return False
    if _depth(prev) > 0 and _closes_first(line.text):
        return True   # `…（见附件` / `2）…`: the line closes the bracket the paragraph left open
    if _ends_paragraph(prev.text, c) or c.item_start.match(line.text) or starts_like_heading(line.text):
        return False
    if site.is_field_line(prev.text) or site.is_field_line(line.text):
        return False  # a line of a web page's metadata block (发布日期：…) stands alone
    if _stands_alone(prev.text) or _stands_alone(line.text):
        return False  # a 文号, a date line (never the rest of a notice's title), a line of table markup
    if _LABEL_LINE.match(line.text) and _LABEL_LINE.match(prev.text if prev.last is None else prev.last):
        return False  # `总投资：4800万元` / `建设年限：…`: the lines of a record, one field each
    if len(prev.text) >= MIN_OPEN_BRACKET_CHARS and _depth(prev) > 0:
        return True  # a paragraph does not end inside brackets: （社 / 区卫生服务中心）
    if prev.ends_paragraph and width is None:
        return False  # the container's paragraph (DOCX): no wrap or page-break guess crosses it,
        #               unless the paragraphs are a hard wrap's lines (a PDF-to-Word conversion)
    if _closes_first(line.text):
        return False  # it closes a bracket the paragraph never opened (a box's lone `)`): no
        #               wrap or page break left it there
    last = prev.text if prev.last is None else prev.last
    last_width = display_width(last)
    numbered = heading_number_length(last) if prev.last is None else 0
    if numbered and not _ANY_PUNCT.search(last, numbered) and \
            (line.blank_before or _ANY_PUNCT.search(line.text, 1) and not _ANY_PUNCT.match(line.text)):
        # a long numbered title with no punctuation (`二、坚持…的科技创新中心`), then a blank line or a
        # line of sentences: the title ends here (the rest of a wrapped title is words alone)
        return False
    if width is not None:
        # a hard-wrapped line fills the column (a few columns short when it ends in a digit run)
        if last_width >= width - FULL_LINE_SLACK:
            return True
        # a shorter line that is already prose (a run-in title set in a larger or bold font
        # wraps earlier: `2.荆楚大遗址传承发展工程:贯彻落实省政府重大工`) continues too
        if last_width < width // SHORT_LINE_DIVISOR:
            return False
        numbered = heading_number_length(last) if prev.last is None else 0
        if numbered:
            # a numbered line is a heading (`（一）加快构建信息平台，推进信息数据共享`) unless
            # it runs on into its text after a colon or a full stop
            return bool(_RUN_ON.search(last, numbered))
        return bool(_CLAUSE_PUNCT.search(last))
    # one paragraph per line: only a page break cuts a paragraph, and it leaves a long line
    # and a blank line marks the break
    return last_width >= MIN_PAGE_CUT_WIDTH and line.blank_before


def _wrapped_title(prev: _Line, line: _Line) -> bool:
    """`二、…加快建设人与自然和谐共生的` / `现代化美丽城市`: a numbered title cut after a word no title
    ends with (的, 和, 与 …) goes on with the next line, when that line is short and no sentence —
    also across a DOCX paragraph end (a PDF-to-Word conversion makes every line a paragraph)."""
    if prev.last is not None or prev.heading_level or line.heading_level \
            or prev.bold != line.bold or line.bold_lead:
        return False
    t = line.text.strip()
    return bool(_DANGLING_END.search(prev.text)) and bool(heading_number_length(prev.text)) \
        and 0 < len(t) <= MAX_TITLE_TAIL_CHARS and not _SENTENCE_MARK.search(t) and not starts_like_heading(t)


_DANGLING_END = regex_cache.compile(r"[的和与及、，,并或之]\s*$")
_SENTENCE_MARK = regex_cache.compile(r"[。；;！？!?：:]")


# a line of table markup: a pipe row or a grid table's border (`| a | b |`, `+----+----+`)
_TABLE_MARKUP = regex_cache.compile(r"^[|+].*[|+]$")


def _stands_alone(text: str) -> bool:
    t = text.strip()
    return bool(DOC_NUMBER.fullmatch(t) or DATE_LINE.match(t) or _TABLE_MARKUP.match(t))


_FIRST_BRACKET = regex_cache.compile(r"[（(）)]")


def _closes_first(text: str) -> bool:
    """The first round bracket of the text closes one (`2）加强…` read after `（见附件`)."""
    m = _FIRST_BRACKET.search(text[:NUMBER_HEAD_CHARS])
    return m is not None and m.group() in "）)"


def _depth(line: _Line) -> int:
    """Brackets still open at the end of the line's text (kept while lines join it)."""
    if line.depth is None or line.depth[0] is not line.text:
        line.depth = (line.text, depth_after(line.text))
    return line.depth[1]


def _join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b
    return a + b


# --- assembly ---------------------------------------------------------------------------------

def _assemble(lines: list[_Line]) -> NormText:
    pieces: list[str] = []
    paras: list[Para] = []
    page_offsets: list[tuple[int, int]] = []
    offset = 0
    for line in lines:
        text = line.text
        start = offset
        end = start + len(text)
        paras.append(Para(start=start, end=end, kind=line.kind, page=line.page,  # type: ignore[arg-type]
                          heading_level=line.heading_level, bold_lead=line.bold_lead,
                          blank_before=line.blank_before, table=line.table, block=line.block))
        for at, page in [(0, line.page)] + (line.page_breaks or []):
            if page is not None and (not page_offsets or page_offsets[-1][1] != page):
                page_offsets.append((start + at, page))
        pieces.append(text)
        offset = end + 1
    return NormText(text="\n".join(pieces), paras=paras, page_offsets=page_offsets)
