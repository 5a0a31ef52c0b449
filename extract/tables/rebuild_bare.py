"""Tables a converter wrote one cell per line without any tab: `序号` / `指标` / `预期值` /
`属性` / `1` / `生产安全事故死亡人数` / `下降15%` / `约束性` / `2` …

The reader's own lines are read again (each paragraph knows its reader line), so that a line of
spaces is an empty cell and a blank line ends a row:

- rows separated by blank lines: each run of lines between blank lines is a block of the cell
  stream, assembled by the shared rules (tables/stream.py: a header of one or two rows of header
  words, spaced out or not — `指 标`, `2020 年`; spacer rows; rows placed by what their cells
  are; the table ends at a block that fits no placement with none that fits after it);
- rows printed without blank lines: the header is the run of header words at the top, its
  length the row width; the cells after it are one run that the shared assembly cuts by the
  width (stream.cut_by_width: the rows count on in the 序号 column when there is one), a row
  whose cells do not fit their columns placed by what they are.
"""
from __future__ import annotations

from typing import Optional

import regex

from .. import regex_cache
from ..lexicon.numbering import starts_like_heading
from ..raw import RawLine
from ..state import State
from . import classify, rebuild_cells, stream
from .grid import Cell, Grid, clean_text, is_page_furniture, running_heads

MAX_CELL_CHARS = 60
MAX_HEADER_WORD_CHARS = 12   # one header word on a line of its own
MAX_LINES = 20000            # lines read for one table at most


def header_run(texts: list[str], i: int) -> int:
    """Number of consecutive header-word lines from i (0 when fewer than two). A sub-heading
    after the name header word (结果性指标) is the first row's, not a header word."""
    k = i
    named = False
    while k < len(texts) and len(texts[k]) <= MAX_HEADER_WORD_CHARS and classify.is_header_cell(texts[k]) \
            and not _CAPTION.match(texts[k]) and not (named and classify.is_group_text(texts[k])):
        named = named or classify.header_role(texts[k]) == "name"
        k += 1
    return k - i if k - i >= 2 else 0


def is_cell_line(text: str) -> bool:
    return 0 < len(text) <= MAX_CELL_CHARS and not regex.search(r"[。；;]$", text)


# 表1 主要指标 (a caption), 三、主要指标 (a heading): the line above the header, not a header word
_CAPTION = regex_cache.compile(r"^(?:(?:专栏|附表|表)\s*[0-9一二三四五六七八九十]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])")
_Line = tuple[str, Optional[int]]    # (text, its paragraph) — "" and None for an empty cell
_PAGE: _Line = ("\x01", None)       # where a page number or running head was left out


def _lines(state: State, a: int) -> list[Optional[_Line]]:
    """The reader's lines from paragraph a on: None for a blank line, ("", None) for a line of
    spaces (an empty cell), else the cell text and its paragraph. Ends at the first line that
    is no cell (prose, a heading)."""
    norm = state.norm
    paras = norm.paras
    start = paras[a].block
    if start is None:   # no reader lines to go back to: the paragraphs themselves
        out: list[Optional[_Line]] = []
        for j in range(a, len(paras)):
            t = norm.para_text(paras[j]).strip()
            if paras[j].kind != "text" or not is_cell_line(t):
                break
            out.append((t, j))
        return out
    j = a
    out = []
    running = running_heads(state)
    for k in range(start, min(len(state.raw.blocks), start + MAX_LINES)):
        block = state.raw.blocks[k]
        if not isinstance(block, RawLine):
            break
        if block.text.strip() and k > start and is_page_furniture(block.text, running):
            out.append(_PAGE)
            continue   # a page number or running head where the table runs over a page break
        if block.text == "" or block.text.strip("\r\n") == "":
            out.append(None)
            continue
        if not block.text.strip():
            out.append(("", None))
            continue
        while j < len(paras) and paras[j].block is not None and paras[j].block <= k:
            j += 1
        p = j - 1   # the paragraph this line is in: its own, or the one it was joined to
        if p < a or paras[p].kind != "text" or paras[p].heading_level:
            break
        joined = paras[p].block != k or (j < len(paras) and paras[j].block is not None and paras[j].block > k + 1
                                         and any(isinstance(b, RawLine) and b.text.strip()
                                                 for b in state.raw.blocks[k + 1:paras[j].block]))
        t = clean_text(block.text) if joined else norm.para_text(paras[p]).strip()
        if not is_cell_line(t):
            if not t or not out or out[-1] is None:
                break   # a paragraph after the table
            t = _LONG + t   # the long cell of a row, or the text after it: _groups decides
        out.append((t, p))
    return out


def rebuild(state: State, a: int, width: int) -> Optional[Grid]:
    """Rows after the `width` header lines starting at paragraph a; None if they do not fit."""
    lines = _lines(state, a)
    groups, cuts = _groups(lines)
    # blank lines end rows only where they stand between rows, not after every line
    if len(groups) >= 2 and sum(1 for g in groups if len(g) == 1) <= len(groups) / 2:
        grid = _blocks_grid(state, a, groups, cuts)
        if grid is not None:
            return grid
    return _cut_grid(state, a, [ln for ln in lines if ln is not None and ln is not _PAGE], width)


_LONG = "\0"   # marks a line too long for a cell unless the row it stands in is a row of the table


def _groups(lines: list[Optional[_Line]]) -> tuple[list[list[_Line]], set[int]]:
    """The lines between blank lines, and the groups a page break ended (a page number or
    running head between blank lines after them: their row may go on after it). A line too long
    for a cell (100–200 characters of a project's content) is kept only inside a group about as
    wide as the header (the first group, or the row after the header's words in it); the lines
    end before any other group that holds one (prose after the table)."""
    groups: list[list[_Line]] = []
    current: list[_Line] = []
    cuts: set[int] = set()
    page = False
    for ln in lines + [None]:
        if ln is _PAGE:
            page = True
        elif ln is None:
            if any(t for t, _ in current):
                groups.append(current)
            current = []
        else:
            if page and not current and groups:
                cuts.add(len(groups) - 1)
            page = False
            current.append(ln)
    if not groups:
        return groups, cuts
    width = len(groups[0])
    if 0 in cuts and len(groups) > 1 and all(classify.is_header_cell(t) for t, _ in groups[1]):
        width += len(groups[1])   # the header cut in two by a page break
    # a first group that goes on after the header's words with the first row (no blank line
    # under the header): the header's words give the width, the row after them may hold long cells
    head = header_run([t for t, _ in groups[0]], 0)
    if 0 < head < len(groups[0]):
        width = head
    for n, g in enumerate(groups):
        long = [k for k, (t, _) in enumerate(g) if t.startswith(_LONG)]
        if not long:
            continue
        row = g[head:] if n == 0 and 0 < head < len(g) and min(long) >= head else g
        if (n == 0 and row is g) or not width - stream.MAX_LEFT_OUT <= len(row) <= width \
                or (n and starts_like_heading(g[0][0])):
            return groups[:n], cuts   # prose after the table (a heading, then its text)
        groups[n] = [(t[len(_LONG):] if t.startswith(_LONG) else t, p) for t, p in g]
    return groups, cuts


def _blocks_grid(state: State, a: int, groups: list[list[_Line]], cuts: set[int]) -> Optional[Grid]:
    """Rows between blank lines: the shared assembly of the cell stream (tables/stream.py)."""
    paras = state.norm.paras

    def span(p):
        return (paras[p].start, paras[p].end) if p is not None else None

    blocks = []
    for g in groups:
        ps = [p for _, p in g if p is not None]
        blocks.append(stream.Block([Cell([t], span(p)) if t else Cell() for t, p in g],
                                   page=paras[ps[0]].page if ps else None, paras=ps))
    blocks = rebuild_cells.join_page_cuts(blocks, cuts)
    got = stream.assemble(blocks, ends=True)
    if got is None or len(got.rows) - got.header_rows < _min_rows(got.rows[0].cells):
        return None
    last = max(p for b in blocks[:got.used] for p in b.paras)
    return Grid(rows=got.rows, paras=(a, last + 1), header_rows=got.header_rows)


def _cut_grid(state: State, a: int, body_lines: list[_Line], width: int) -> Optional[Grid]:
    """Rows printed without blank lines between them: the header's words, then one run of cells
    that the shared assembly cuts by the header's width (stream.cut_by_width; a row that leaves
    out its merged category is one cell short). The run ends at the first line too long for a
    cell unless the header has a content column (a project's content)."""
    paras = state.norm.paras
    header = [ln for ln in body_lines if ln[0]][:width]
    if len(header) < width:
        return None
    k = body_lines.index(header[-1]) + 1
    # a line too long for a cell is a project's content, in a table with a content column;
    # under any other header it is the prose after the table
    content = any(classify.header_role(t) == "project_content" for t, _ in header)
    end = next((j for j in range(k, len(body_lines)) if body_lines[j][0].startswith(_LONG)), len(body_lines))
    body_lines = [(t[len(_LONG):] if t.startswith(_LONG) else t, p) for t, p in body_lines[:len(body_lines) if content else end]]

    def span(p):
        return (paras[p].start, paras[p].end) if p is not None else None

    head = stream.Block([Cell([t], span(p)) for t, p in header])
    run = stream.Block([Cell([t], span(p)) if t else Cell() for t, p in body_lines[k:]], unbroken=True,
                       where=[(p, paras[p].page if p is not None else None) for _, p in body_lines[k:]])
    got = stream.assemble([head, run], ends=True, header=1)
    if got is None or len(got.rows) - got.header_rows < _min_rows(head.cells):
        return None
    return Grid(rows=got.rows, paras=(a, max(got.paras) + 1), header_rows=1)


MIN_ONE_ROW_HEADER = 3   # a header this wide makes one row under it a table (one task)


def _min_rows(header: list[Cell]) -> int:
    """Rows a table needs under its header: two, or one under a header of three words or more."""
    return 1 if len(header) >= MIN_ONE_ROW_HEADER else 2
