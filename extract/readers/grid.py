"""Cells with spans → a rectangular RawTable. Shared by the DOCX, PDF and HTML readers.

Every reader knows a table as cells that may span rows or columns. The rules for turning them
into rows of strings are the same whatever the container:

- a vertically merged cell applies to every row it spans (carry_down_merged: a 类别 cell
  merged over five rows gives all five rows their category);
- a horizontally merged cell keeps its text in its first column and leaves "" in the
  columns it covers, so each row has the table's column count;
- a first row that is one cell across the whole width is the table's caption
  (“十四五”时期主要指标), not data: it becomes RawTable.title.

A table printed over a page break reaches a reader in parts (a PDF's pages; the two Word tables a
PDF-to-Word converter leaves); `continue_table` joins a part to the table it continues.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..raw import RawTable


@dataclass
class Cell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    fills: bool = False       # its text fills it from the top rule to the bottom one (ink_fit)
    from_top: bool = False    # its text starts at its top rule with room left below (ink_fit)


def ink_fit(cell_top: float, cell_bottom: float, ink_top: float, ink_bottom: float,
            line: float) -> tuple[bool, bool]:
    """Where a cell's text sits in it (y down; `line`: its characters' height), as a page break
    shows it: (the text fills the cell with two lines or more, no room for a line more above or
    below them — a label the break may have cut, printed on as far as the page goes (one line is
    never cut); the text starts at the top rule and leaves more room below it than above — printed
    from the top, not centred: the rest of a label the break cut, or one aligned to the top)."""
    above, below = ink_top - cell_top, cell_bottom - ink_bottom
    room = 2 * line
    lines = (ink_bottom - ink_top) / line
    return above < room and below < room and lines >= 1.5, above < line and below > above + line / 2


_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


def join_cell_lines(parts: list[str]) -> str:
    """Join the lines of one cell: nothing between CJK text (“保护单\\n位” → 保护单位), one space
    where both sides are Latin letters or digits (“A\\nlevel” → “A level”)."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not _WIDE.match(out[-1]) and not _WIDE.match(part[0]) \
                and out[-1].isalnum() and part[0].isalnum():
            out += " "
        out += part
    return out


def build_table(cells: list[Cell], pages: list[int] | None = None,
                header_rows: int = 1, in_order: bool = False) -> RawTable | None:
    """Place cells on a grid and fill spans. Returns None for a grid with no text at all.
    in_order: the cells are each row's printed cells one after the other (HTML, Word), so a row
    whose cells stop short of the table's width left cells out (RawTable.short)."""
    if not cells:
        return None
    n_rows = max(c.row + c.rowspan for c in cells)
    n_cols = max(c.col + c.colspan for c in cells)
    grid = [[""] * n_cols for _ in range(n_rows)]
    full_width_rows = set()
    wide: dict[tuple[int, int], int] = {}
    full_at_foot: set[int] = set()
    from_top: set[tuple[int, int]] = set()
    filled: set[tuple[int, int]] = set()
    reach = [0] * n_rows
    for c in cells:
        if c.fills and c.row + c.rowspan >= n_rows:
            full_at_foot.add(c.col)
        if c.fills:
            filled.add((c.row, c.col))
        if c.from_top:
            from_top.add((c.row, c.col))
        for r in range(c.row, min(c.row + c.rowspan, n_rows)):
            grid[r][c.col] = c.text  # carry_down_merged: the category applies to each row
            reach[r] = max(reach[r], c.col + c.colspan)
            if c.colspan > 1:
                wide[(r, c.col)] = min(c.colspan, n_cols - c.col)
        if c.colspan >= n_cols and c.rowspan == 1 and n_cols > 1:
            full_width_rows.add(c.row)
    if not any(any(row) for row in grid):
        return None
    short = {r: n for r, n in enumerate(reach) if in_order and 0 < n < n_cols}
    title = None
    if 0 in full_width_rows and n_rows > 1 and grid[0][0]:
        title = grid[0][0]
        grid = grid[1:]
        wide = {(r - 1, c): n for (r, c), n in wide.items() if r > 0}
        from_top = {(r - 1, c) for r, c in from_top if r > 0}
        filled = {(r - 1, c) for r, c in filled if r > 0}
        short = {r - 1: n for r, n in short.items() if r > 0}
        if header_rows > 1:
            header_rows -= 1
    pages = sorted(set(pages or []))
    return RawTable(rows=grid, pages=pages,
                    header_rows=min(max(header_rows, 0), len(grid)), title=title, wide=wide,
                    row_pages=[pages[0]] * len(grid) if len(pages) == 1 else [],
                    full_at_foot=full_at_foot, from_top=from_top, filled=filled, short=short)


def cluster_edges(values: list, tolerance: float) -> list:
    """Edge positions (cell borders, box sides) merged where they lie within `tolerance` of the
    last kept one: the grid lines a table's cells share, ascending."""
    out: list = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def nearest_index(points: list, v: float) -> int:
    """Index of the grid line nearest to v."""
    return min(range(len(points)), key=lambda i: abs(points[i] - v))


# ---- a table continued over a page break ------------------------------------------------------

def table_width(table: RawTable) -> int:
    return max((len(r) for r in table.rows), default=0)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def continue_table(first: RawTable, part: RawTable) -> None:
    """Join `part`, printed after a page break, to the table it continues: its header printed
    again goes; a row broken by the page break is one row; a category merged down the side in
    the first column runs on into the part's empty cells under it (the tables stage carries a
    category in any column, see tables/grid.carry_down_category); a label cut by the break is
    one label again (join_cut_labels)."""
    n = table_width(first)
    rows = [list(r) for r in part.rows]
    wide = dict(part.wide)
    from_top = set(part.from_top)
    filled = set(part.filled)
    short = dict(part.short)
    if part.title:  # a full-width first row here is a category row, not a caption
        rows.insert(0, [part.title] + [""] * (n - 1))
        wide = {(r + 1, c): k for (r, c), k in wide.items()}
        wide[(0, 0)] = n
        from_top = {(r + 1, c) for r, c in from_top}
        filled = {(r + 1, c) for r, c in filled}
        short = {r + 1: k for r, k in short.items()}
    # the header printed again: the rows the table opens with, however many the reader marked
    # (a PDF knows none: a header of two rows comes back whole)
    repeated = 0
    while (repeated < len(rows) and repeated < len(first.rows) - 1
           and [_compact(c) for c in rows[repeated]] == [_compact(c) for c in first.rows[repeated]]):
        repeated += 1
    rows = rows[repeated:]
    dropped = repeated
    # columns whose label the break cut, as the text sits: filled to the foot of the page before,
    # printed from the top of this one (the reader's geometry; none for a Word table)
    cut = {c for c in first.full_at_foot if (repeated, c) in from_top}
    # both pieces fill their cells to the line: printed from the top or centred, the geometry
    # cannot tell (join_cut_labels reads the labels' lengths)
    both_full = {c for c in first.full_at_foot if (repeated, c) in filled} - cut
    if rows and first.rows and not rows[0][0].strip():
        if _is_split_row(first, rows[0]):
            # the row broke over the page: its second half is not a row of its own
            first.rows[-1] = [join_cell_lines([a, b]) for a, b in zip(first.rows[-1], rows[0])]
            rows = rows[1:]
            dropped += 1
        # a category merged down the side continues onto this page
        carried = first.rows[-1][0]
        for row in rows:
            if row[0].strip():
                break
            row[0] = carried
    if rows and len(first.rows) > first.header_rows:
        join_cut_labels(first, rows, cut, both_full)
    base = len(first.rows) - dropped
    first.wide.update({(r + base, c): k for (r, c), k in wide.items() if r >= dropped})
    first.short.update({r + base: k for r, k in short.items() if r >= dropped})
    if first.row_pages and len(first.row_pages) == len(first.rows) and part.pages:
        first.row_pages.extend([part.pages[0]] * len(rows))
    first.rows.extend(rows)
    first.pages = sorted(set(first.pages) | set(part.pages))
    first.full_at_foot = set(part.full_at_foot)


_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")


def join_cut_labels(first: RawTable, rows: list[list[str]], cut: set[int] = frozenset(),
                    both_full: set[int] = frozenset()) -> None:
    """A label merged down the side (a category, printed across or one character a line) that
    the page break cut: both pieces are one label, on the rows of both (`健康` | `水平`). Told
    from a new label at the head of the page by where the text sits (`cut`: the columns whose
    piece fills its cell to the foot of the page before and whose next piece starts at the top
    of this one) or, with no geometry, by a piece of a single character (a category is two
    characters or more: `健` | `康生活`). Where both pieces fill their cells to the line
    (`both_full`: the rest of a cut label printed from the top looks as a new label centred in
    a cell it fills), by the labels' lengths: each piece shorter than every label the column
    prints whole, the two together no longer than the longest (`健康` | `水平` under 健康服务,
    疾病防控; never `疾病防控` | `医疗资源`). Only in a column headed as the category (类别, 领域 …),
    or not named but whose label spans two rows or more on one side; never in a column its
    header names as something else (单位: `人`, `人` | `张` are two units)."""
    from ..tables.classify import header_role   # the header vocabulary (patterns/tables.yaml)
    last = len(first.rows) - 1
    for c in range(min(len(first.rows[last]), len(rows[0]))):
        a, b = first.rows[last][c].strip(), rows[0][c].strip()
        if not a or not b or a == b or not _HAN.match(a + b):
            continue
        if min(len(a), len(b)) != 1 and c not in cut and not (c in both_full and _pieces(first, rows, c, a, b)):
            continue
        role = header_role(first.rows[0][c]) if c < len(first.rows[0]) else None
        if role not in (None, "category"):
            continue
        above = []
        for r in range(last, first.header_rows - 1, -1):
            if first.rows[r][c].strip() != a:
                break
            above.append(r)
        below = []
        for r in range(len(rows)):
            if rows[r][c].strip() != b:
                break
            below.append(r)
        if len(above) < 2 and len(below) < 2 and role != "category":
            continue   # a column its header does not name: only one whose labels are merged
        label = a + b
        for r in above:
            first.rows[r][c] = label
        for r in below:
            rows[r][c] = label


def _pieces(first: RawTable, rows: list[list[str]], c: int, a: str, b: str) -> bool:
    """`a` | `b` read as the pieces of one label by their lengths, against the labels column c
    prints whole on the rows away from the break."""
    whole = {r[c].strip() for r in first.rows[first.header_rows:] + rows if c < len(r)} - {a, b, ""}
    if not whole:
        return False
    return max(len(a), len(b)) < min(len(w) for w in whole) and len(a) + len(b) <= max(len(w) for w in whole)


def on_columns(part: RawTable, edges: list, target: list, tolerance: float) -> RawTable | None:
    """A part of a table with fewer columns than the table it continues (its column edges, and
    the table's), because the part's rows all merge the same cells and it has no edge between
    them: placed on the table's columns where every edge of the part is one of the table's
    (within tolerance; a merged cell spans the columns it covers); None where they do not line
    up (another table)."""
    if len(edges) < 2 or len(target) <= len(edges):
        return None
    at = [nearest_index(target, x) for x in edges]
    if any(abs(target[k] - x) > tolerance for k, x in zip(at, edges)) \
            or at[0] != 0 or at[-1] != len(target) - 1 or any(a >= b for a, b in zip(at, at[1:])):
        return None
    rows, wide = [], {}
    for r, row in enumerate(part.rows):
        placed = [""] * (len(target) - 1)
        for j, text in enumerate(row[:len(at) - 1]):
            placed[at[j]] = text
            span = at[min(j + part.wide.get((r, j), 1), len(at) - 1)] - at[j]
            if span > 1:
                wide[(r, at[j])] = span
        rows.append(placed)
    return RawTable(rows=rows, pages=part.pages, header_rows=part.header_rows, title=part.title,
                    wide=wide, row_pages=part.row_pages,
                    full_at_foot={at[c] for c in part.full_at_foot if c < len(at) - 1},
                    from_top={(r, at[c]) for r, c in part.from_top if c < len(at) - 1},
                    filled={(r, at[c]) for r, c in part.filled if c < len(at) - 1})


def _is_split_row(first: RawTable, row: list[str]) -> bool:
    """An empty first cell starts a new row only under a category merged down the side;
    under a 序号 column, or with most other cells empty too (the wrapped ends of the row's
    longer cells), it is the rest of the row above. A row with an empty cell or two (no
    baseline) is a row of its own."""
    header_first = _compact(first.rows[0][0]) if first.rows else ""
    body_firsts = [_compact(r[0]) for r in first.rows[first.header_rows:] if r[0].strip()]
    numbered = "序号" in header_first or (bool(body_firsts) and all(v.isdigit() for v in body_firsts))
    rest = row[1:]
    return numbered or sum(1 for c in rest if c.strip()) * 2 < len(rest)
