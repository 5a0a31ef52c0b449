"""Tables a converter wrote one cell per line without any tab: `序号` / `指标` / `预期值` /
`属性` / `1` / `生产安全事故死亡人数` / `下降15%` / `约束性` / `2` …

The header is the run of header words at the top; its length is the row width. Rows are cut
by that width, re-synchronised on the 序号 column when there is one (a row whose number is
missing or wraps would otherwise shift every row after it).
"""
from __future__ import annotations

from typing import Optional

import regex

from ..state import State
from . import classify
from .grid import Cell, Grid, GridRow

MAX_CELL_CHARS = 60
MAX_HEADER_WORD_CHARS = 12   # one header word on a line of its own


def header_run(texts: list[str], i: int) -> int:
    """Number of consecutive header-word lines from i (0 when fewer than two)."""
    k = i
    while k < len(texts) and len(texts[k]) <= MAX_HEADER_WORD_CHARS and classify.is_header_cell(texts[k]):
        k += 1
    return k - i if k - i >= 2 else 0


def is_cell_line(text: str) -> bool:
    return 0 < len(text) <= MAX_CELL_CHARS and not regex.search(r"[。；;]$", text)


def rebuild(state: State, a: int, width: int) -> Optional[Grid]:
    """Rows after the `width` header lines starting at paragraph a; None if they do not fit."""
    norm = state.norm
    paras = norm.paras
    texts = []
    j = a
    while j < len(paras) and paras[j].kind == "text" and is_cell_line(norm.para_text(paras[j]).strip()):
        texts.append(norm.para_text(paras[j]).strip())
        j += 1
    header = texts[:width]
    body = list(range(a + width, a + len(texts)))
    roles = [classify.header_role(h) for h in header]
    seq = roles.index("seq") if "seq" in roles else None
    rows: list[GridRow] = []
    k = 0
    expected = 1
    while k + width <= len(body):
        chunk = body[k:k + width]
        cells = [norm.para_text(paras[p]).strip() for p in chunk]
        if seq is not None and cells[seq] != str(expected):
            break
        if not _fits(cells, roles):
            break
        rows.append(GridRow([Cell([c], (paras[p].start, paras[p].end)) for c, p in zip(cells, chunk)],
                            page=paras[chunk[0]].page))
        expected += 1
        k += width
    if len(rows) < 2:
        return None
    end = body[k - 1] + 1
    return Grid(rows=[GridRow([Cell([h], (paras[a + n].start, paras[a + n].end)) for n, h in enumerate(header)])]
                + rows, paras=(a, end), header_rows=1)


def _fits(cells: list[str], roles: list[Optional[str]]) -> bool:
    for c, role in zip(cells, roles):
        if role == "nature" and not classify.is_nature(c):
            return False
        if role == "name" and (classify.is_value(c) or classify.is_nature(c)):
            return False
        if role in ("year", "baseline") and not classify.is_value(c):
            return False
    return True
