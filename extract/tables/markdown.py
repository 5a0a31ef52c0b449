"""Tables other converters emit as markup: Markdown pipe tables, pandoc grid tables and HTML
`<table>` elements.

All keep their structure, so rebuilding is parsing: a pipe row (outer pipes printed or not) is
split on unescaped `|` (the `|---|` delimiter row marks the header above it); in a grid table
(`+-----+----+` borders between rows) the pipe lines between two borders are one row whose cells
wrap over those lines, and the `+=====+` border marks the header above it. Each printed row is
then one block of the shared assembly (tables/stream.py), the delimiter row saying where the
header ends: a row that prints fewer or more cells than the header is placed by what its cells
are, or kept with a warning. An HTML table is read by the HTML reader's own table code (one
parser of <table> for web pages and for markup inside a text) and assembled as every reader's
table is (stream.table_grid: merged cells with their spans, rows that leave cells out placed).
"""
from __future__ import annotations

from typing import Optional

import regex

from .. import regex_cache
from ..state import State
from . import stream
from .grid import Cell, Grid, GridRow, find_header_rows

PIPE_ROW = regex_cache.compile(r"^\s*\|.*\|\s*$")
_DELIMITER = regex_cache.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SPLIT = regex_cache.compile(r"(?<!\\)\|")
_GRID_BORDER = regex_cache.compile(r"^\s*\+(?:[-=:]{2,}\+)+\s*$")
HTML_OPEN = regex_cache.compile(r"<table\b", regex.IGNORECASE)
HTML_CLOSE = regex_cache.compile(r"</table\s*>", regex.IGNORECASE)
_TR = regex_cache.compile(r"<tr\b[^>]*>", regex.IGNORECASE)


def is_pipe_row(text: str) -> bool:
    return bool(PIPE_ROW.match(text)) and text.count("|") >= 3


def is_bare_pipe_row(text: str) -> bool:
    """A pipe row without its outer pipes (`1 | 人均预期寿命 | 岁`, as html2text writes them):
    a table row only in a run whose second line is the delimiter row."""
    return len(_SPLIT.findall(text)) >= 2 and not is_delimiter(text)


def is_grid_border(text: str) -> bool:
    """A grid table's border between rows: `+------+----+`, `+======+====+` under the header."""
    return bool(_GRID_BORDER.match(text))


def starts_pipe_table(texts: list[str], i: int) -> bool:
    if is_grid_border(texts[i]):
        return i + 1 < len(texts) and is_pipe_row(texts[i + 1])
    return is_pipe_row(texts[i]) or (is_bare_pipe_row(texts[i]) and i + 1 < len(texts) and is_delimiter(texts[i + 1]))


def is_delimiter(text: str) -> bool:
    return bool(_DELIMITER.match(text)) and "|" in text


def rebuild_pipe(state: State, paras: list[int]) -> Optional[Grid]:
    norm = state.norm
    rows: list[GridRow] = []
    header_rows = 0
    grid = any(is_grid_border(norm.para_text(norm.paras[i])) for i in paras)
    open_row = False   # in a grid table: the pipe lines since the last border are one row
    # a table whose header prints no outer pipes (html2text) prints none on its rows either: a
    # pipe at a row's start or end bounds an empty first or last cell there
    outer = grid or is_pipe_row(norm.para_text(norm.paras[paras[0]]))
    for i in paras:
        para = norm.paras[i]
        text = norm.para_text(para)
        if is_grid_border(text):
            open_row = False
            if "=" in text:
                header_rows = len(rows)
            continue
        if is_delimiter(text):
            header_rows = len(rows)
            continue
        inner = text.strip()   # outer pipes, when printed, are no cell bounds
        body_start = text.index("|") + 1 if inner.startswith("|") and outer else len(text) - len(text.lstrip())
        body_end = text.rindex("|") if inner.endswith("|") and not inner.endswith("\\|") and outer \
            else len(text.rstrip())
        cells: list[Cell] = []
        pos = body_start
        for part in _SPLIT.split(text[body_start:body_end]):
            s, e = pos, pos + len(part)
            pos = e + 1
            value = part.replace("\\|", "|").strip()
            cells.append(Cell([value] if value else [], (para.start + s, para.start + e) if value else None))
        if grid and open_row and len(cells) == len(rows[-1].cells):
            for held, more in zip(rows[-1].cells, cells):
                held.add(more)   # the cell's text wrapped onto the next line inside the borders
            continue
        if grid and len(cells) == 1 and rows and len(rows[0].cells) > 1:
            # one cell merged across the row (a sub-heading, pandoc 3): its text in every
            # column, as an HTML colspan is read
            cells = [Cell(list(cells[0].lines), cells[0].span) for _ in rows[0].cells]
        rows.append(GridRow(cells, page=para.page))
        open_row = grid
    if not rows:
        return None
    # a header printed over two rows puts its second row under the delimiter (2025 年 / 目标值)
    header_rows = max(header_rows, find_header_rows(rows))
    return stream.to_grid([stream.Block(r.cells, page=r.page) for r in rows], (paras[0], paras[-1] + 1),
                          header=header_rows or None, rows_printed=True)


def rebuild_html(state: State, a: int, b: int) -> Optional[Grid]:
    """An HTML table on paragraphs a..b-1 (one line or many), read by the HTML reader's own table
    code (readers/html.py: rowspan and colspan, a row that leaves cells out, a caption) and
    assembled as every reader's table is (stream.table_grid), each row's span its <tr>."""
    from lxml import html as lxml_html

    from ..readers.html import data_table
    norm = state.norm
    start, end = norm.paras[a].start, norm.paras[b - 1].end
    text = norm.text[start:end]
    m = HTML_OPEN.search(text)
    close = HTML_CLOSE.search(text, m.end()) if m else None
    if not m or not close:
        return None
    markup = text[m.start():close.end()]
    try:
        root = lxml_html.fragment_fromstring(markup)
        table = data_table(root)
    except Exception:  # lxml raises several types on broken markup; a broken table is skipped
        return None
    if table is None:
        return None
    tr_starts = [start + m.start() + t.start() for t in _TR.finditer(markup)]
    if table.title:   # a row across the table's top: a row here (the reader's caption)
        table.rows.insert(0, [table.title] + [""] * (len(table.rows[0]) - 1))
        table.wide = {(r + 1, c): n for (r, c), n in table.wide.items()}
        table.wide[(0, 0)] = len(table.rows[0])
        table.short = {r + 1: n for r, n in table.short.items()}
        table.header_rows += 1
    spans = [(tr_starts[r] if r < len(tr_starts) else start,
              tr_starts[r + 1] if r + 1 < len(tr_starts) else start + close.start()) for r in range(len(table.rows))]
    return stream.table_grid(table, spans, [norm.paras[a].page] * len(table.rows), (a, b))
