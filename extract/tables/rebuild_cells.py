"""Tables a converter wrote with tabs: one tab-led cell per line (rows separated by blank lines),
or one tab-separated row per line.

The normalized text keeps every printed cell as a paragraph but not the empty cells and blank
lines that tell rows apart, so the rebuilder reads the region's printed lines again from the
reader's output (`printed_lines`) and places each on the grid, with the span of its paragraph.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from .. import regex_cache
from ..raw import RawLine
from ..state import State
from . import classify, stream
from .grid import Cell, Grid, GridRow, is_header_row, is_page_furniture, running_heads


@dataclass
class PrintedLine:
    text: str                 # as printed, tabs kept
    para: Optional[int]       # the paragraph it became, None for a blank line or an empty cell

    @property
    def blank(self) -> bool:
        return not self.text.strip() and "\t" not in self.text

    @property
    def tabbed(self) -> bool:
        return "\t" in self.text


def printed_lines(state: State, a: int, b: int, index: dict[int, int]) -> list[PrintedLine]:
    """The reader's lines from paragraph a to paragraph b-1, blank lines and empty cells included.
    index is cell_blocks(state)."""
    paras = state.norm.paras
    first, last = paras[a].block, paras[b - 1].block
    if first is None or last is None or index.get(first) != a or index.get(last) != b - 1:
        return [PrintedLine(state.norm.para_text(paras[i]), i) for i in range(a, b)]
    out = []
    for k in range(first, last + 1):
        block = state.raw.blocks[k]
        if not isinstance(block, RawLine):
            continue
        p = index.get(k)
        text = state.norm.para_text(paras[p]) if p is not None else block.text.replace("\r", "")
        out.append(PrintedLine(text, p))
    return out


def cell_blocks(state: State) -> dict[int, int]:
    """Reader block index → paragraph index, for cell paragraphs (one printed line each: the
    normalizer never joins cell lines)."""
    return {p.block: i for i, p in enumerate(state.norm.paras) if p.kind == "cell" and p.block is not None}


def one_cell_per_line(lines: list[PrintedLine]) -> bool:
    tabbed = [ln for ln in lines if ln.tabbed and ln.text.strip()]
    single = [ln for ln in tabbed if ln.text.lstrip(" ").startswith("\t") and "\t" not in ln.text.strip()]
    return bool(tabbed) and len(single) >= 0.8 * len(tabbed)


def rebuild(state: State, a: int, b: int, index: dict[int, int]) -> Optional[Grid]:
    lines = printed_lines(state, a, b, index)
    if one_cell_per_line(lines):
        return _cells_grid(state, lines, (a, b))
    return _rows_grid(state, lines, (a, b))


def _span(state: State, p: Optional[int], start: int = 0, end: Optional[int] = None):
    if p is None:
        return None
    para = state.norm.paras[p]
    return (para.start + start, para.start + (end if end is not None else para.end - para.start))


def _cells_grid(state: State, lines: list[PrintedLine], paras: tuple[int, int]) -> Grid:
    """One tab-led cell per line, a blank line between rows; an untabbed line is the wrapped
    rest of the cell above. The blocks are assembled by the shared rules (tables/stream.py)."""
    blocks: list[stream.Block] = []
    current: Optional[stream.Block] = None
    running = running_heads(state)
    gap = _row_gap(lines)
    blanks = 0
    at_page_break = False   # page furniture since the last cell: the blank lines around it may cut a row
    page_cuts: set[int] = set()   # blocks a page break ends (their row may go on after it)
    for ln in lines:
        if ln.blank:
            blanks += 1
            if blanks >= gap:
                current = None
            continue
        blanks = 0
        if not ln.tabbed and is_page_furniture(ln.text, running):
            at_page_break = at_page_break or bool(blocks)
            continue   # a page number or running head between two rows at a page break
        if current is None:
            if at_page_break:
                page_cuts.add(len(blocks) - 1)
            current = stream.Block([])
            blocks.append(current)
        at_page_break = False
        if ln.tabbed or not current.cells:
            text = ln.text.split("\t", 1)[1] if ln.tabbed else ln.text
            current.cells.append(Cell([text] if text.strip() else [], _span(state, ln.para)))
        else:
            current.cells[-1].add(Cell([ln.text], _span(state, ln.para)))
        if ln.para is not None and current.page is None:
            current.page = state.norm.paras[ln.para].page
    return stream.to_grid(join_page_cuts(blocks, page_cuts), paras)


def join_page_cuts(blocks: list[stream.Block], cuts: set[int]) -> list[stream.Block]:
    """Blocks a page break ended (blank lines around a page number or a running head) that the
    block after it completes: a header cut in two (the part after the break header words too,
    not the header printed again), or a row short of the header's width whose rest, after the
    break, fills it no further than the width. A row that ends at the page break is left alone."""
    if not cuts:
        return blocks
    out: list[stream.Block] = []
    width = 0
    for k, b in enumerate(blocks):
        prev = out[-1] if out else None
        if prev is not None and k - 1 in cuts and _completes(prev, b, blocks[k + 1:], width):
            prev.cells += b.cells
            prev.paras += b.paras
            continue
        if prev is not None and not width and stream.header_blocks(out) == len(out):
            width = len(out[0].cells)   # the header is read: the rows are as wide as it
        out.append(b)
    return out


def _completes(a: stream.Block, b: stream.Block, after: list[stream.Block], width: int) -> bool:
    if not width:   # the header cut in two: the rows after it are wider than its first part
        return a.texts != b.texts and stream.header_blocks([a]) == 1 and is_header_row(b.texts, first=False) \
            and max((len(x.cells) for x in after), default=0) > len(a.cells)
    return 0 < len(a.cells) < width and len(a.cells) + len(b.cells) <= width


def _row_gap(lines: list[PrintedLine]) -> int:
    """How many blank lines part two rows: one, unless the converter put a blank line after
    every line (then the cells of a row stand one blank line apart, and a longer run of blank
    lines parts the rows)."""
    runs: list[int] = []
    blanks, seen = 0, False
    for ln in lines:
        if ln.blank:
            blanks += 1
            continue
        if seen and ln.tabbed:
            runs.append(blanks)
        seen, blanks = seen or ln.tabbed, 0
    if runs and min(runs) >= 1 and max(runs) > min(runs):
        return min(runs) + 1
    return 1


def _rows_grid(state: State, lines: list[PrintedLine], paras: tuple[int, int]) -> Grid:
    """One tab-separated row per line. A short untabbed line before a row is the stacked rest
    of its first cell (`综` / `合` / `实` / `力\t工业总产值…`); a line that completes a short
    row is the wrapped rest of that row's last cell."""
    rows: list[GridRow] = []
    # the widest row sets the width from the start, so a header whose cells wrap onto the next
    # lines (`…\t总投资` / `（万元）\t建设起止` / `年限\t项目` / `所在地\t…`) is one row too
    width = max((len(ln.text.split("\t")) for ln in lines if ln.tabbed), default=0)
    prefix: list[Cell] = []
    stacked = _stacked_lines(lines)
    running = running_heads(state)
    for n, ln in enumerate(lines):
        if ln.blank:
            continue
        text = ln.text
        if "\t" not in text and is_page_furniture(text, running):
            continue   # a page number or running head printed between rows at a page break
        parts = text.split("\t")
        offsets, pos = [], 0
        for part in parts:
            offsets.append((pos, pos + len(part)))
            pos += len(part) + 1
        cells = [Cell([p] if p.strip() else [], _span(state, ln.para, s, e) if p.strip() else None)
                 for p, (s, e) in zip(parts, offsets)]
        page = state.norm.paras[ln.para].page if ln.para is not None else None
        if len(parts) == 1:
            if classify.is_group_text(text) and not prefix:
                # a sub-heading row (一、结果性指标), as wide as the table: nothing continues it
                rows.append(GridRow(cells + [Cell() for _ in range(width - 1)], page=page))
                continue
            if rows and len(rows[-1].cells) < width and n not in stacked:
                rows[-1].cells[-1].add(cells[0])
            else:
                prefix.append(cells[0])
            continue
        if rows and width and len(rows[-1].cells) + len(cells) - 1 <= width and parts[0].strip() \
                and len(rows[-1].cells) < width and not prefix and not _numbers_next_row(rows, parts[0]):
            last = rows[-1]
            last.cells[-1].add(cells[0])
            last.cells += cells[1:]
            continue
        for p in reversed(prefix):
            cells[0].add(p, before=True)
        prefix = []
        rows.append(GridRow(cells, page=page))
        width = max(width, len(cells))
    return stream.to_grid([stream.Block(r.cells, page=r.page) for r in rows], paras, rows_printed=True)


_SEQ = regex_cache.compile(r"^\s*(?:\d{1,4}|[一二三四五六七八九十]{1,3})\s*$")


def _numbers_next_row(rows: list[GridRow], first: str) -> bool:
    """`3\t…` after a short row `2\t…` in a table headed 序号: a new numbered row, not the wrapped
    rest of the last."""
    if not _SEQ.match(first):
        return False
    head = rows[0].cells[0].text if rows[0].cells else ""
    return classify.header_role(head) == "seq" or any(r.cells and _SEQ.match(r.cells[0].text) for r in rows[-1:])


_STACK_WORD = regex_cache.compile(r"^\s*\p{Han}{1,3}\s*$")


def _stacked_lines(lines: list[PrintedLine]) -> set[int]:
    """Untabbed lines of one to three characters that end in a row whose first cell is one such
    piece too (`工` / `业` / `结` / `构\t工业增加值…`): a label written vertically, not the
    wrapped rest of the row above."""
    out: set[int] = set()
    run: list[int] = []
    for n, ln in enumerate(lines):
        if ln.blank:
            continue
        if not ln.tabbed and _STACK_WORD.match(ln.text):
            run.append(n)
            continue
        if run and ln.tabbed and _STACK_WORD.match(ln.text.split("\t", 1)[0]):
            out.update(run)
        run = []
    return out
