"""The grid every rebuilder produces, and the rules that turn it into a clean table.

A rebuilder (one per flattened form) only recovers printed cells and where they sit: rows of
cells, each cell with its printed lines and its span. Everything after that is shared:
header rows found and merged (`2020` over `年值` → `2020年值`), empty columns dropped, spacer
rows folded into their neighbours, a unit that strayed into the name cell moved back, and
category labels carried down to the rows their merged cell covers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex

from ..stages.normalize import remove_layout_spaces
from . import classify

Span = tuple[int, int]

VALUE_ROLES = {"unit", "year", "baseline", "target", "change", "nature", "budget", "start",
               "project_content", "project_nature", "owner"}


@dataclass
class Cell:
    lines: list[str] = field(default_factory=list)
    span: Optional[Span] = None

    @property
    def text(self) -> str:
        return clean_text("".join(line.strip() for line in self.lines))

    def empty(self) -> bool:
        return not any(line.strip() for line in self.lines)

    def add(self, other: "Cell", before: bool = False) -> None:
        self.lines = other.lines + self.lines if before else self.lines + other.lines
        self.span = join_spans(self.span, other.span)


@dataclass
class GridRow:
    cells: list[Cell]
    page: Optional[int] = None
    notes: list[tuple[str, str]] = field(default_factory=list)   # (warning code, why)
    extra_span: Optional[Span] = None   # printed lines that belong to the row but to no cell

    def empty(self) -> bool:
        return all(c.empty() for c in self.cells)

    @property
    def span(self) -> Optional[Span]:
        s = self.extra_span
        for c in self.cells:
            s = join_spans(s, c.span)
        return s


@dataclass
class Grid:
    rows: list[GridRow]
    paras: tuple[int, int]                 # paragraph range [a, b) the table occupies
    header_rows: Optional[int] = None      # None: find them from the vocabulary
    spread_fragments: bool = False         # spacer rows carry parts of the rows around them
    columns: Optional[list[str]] = None    # known header (a flattened header row), else from rows
    notes: list[tuple[str, str, Optional[Span]]] = field(default_factory=list)


@dataclass
class Rebuilt:
    """A clean table: what the tables stage turns into a model.Table."""
    columns: list[str]
    rows: list[list[str]]
    row_spans: list[Span]
    row_pages: list[Optional[int]]
    roles: list[Optional[str]]
    kind: str
    paras: tuple[int, int]
    notes: list[tuple[str, str, Optional[Span], Optional[int]]] = field(default_factory=list)  # + row


def join_spans(a: Optional[Span], b: Optional[Span]) -> Optional[Span]:
    if a is None:
        return b
    if b is None:
        return a
    return (min(a[0], b[0]), max(a[1], b[1]))


_SPACES = regex.compile(r"\s+")


def clean_text(text: str) -> str:
    """Layout spaces out (`5 岁以下` → `5岁以下`), other runs of space down to one."""
    return _SPACES.sub(" ", remove_layout_spaces(text)).strip()


# --- finishing ----------------------------------------------------------------------------------

def finish(grid: Grid) -> Optional[Rebuilt]:
    rows = [r for r in grid.rows]
    if not rows:
        return None
    width = max(len(r.cells) for r in rows)
    if grid.columns:
        width = max(width, len(grid.columns))
    split_stray_units(rows, width)
    for r in rows:
        r.cells += [Cell() for _ in range(width - len(r.cells))]
    if grid.columns is not None:
        columns = list(grid.columns) + [""] * (width - len(grid.columns))
        data = rows
    else:
        h = grid.header_rows if grid.header_rows is not None else find_header_rows(rows)
        columns = merge_header(rows[:h]) if h else [""] * width
        data = rows[h:]
    keep = [j for j in range(width)
            if columns[j] or any(not r.cells[j].empty() for r in data)]
    columns = [columns[j] for j in keep]
    for r in data:
        r.cells = [r.cells[j] for j in keep]
    texts = [[c.text for c in r.cells] for r in data if not r.empty()]
    roles = classify.column_roles(columns, texts)
    notes = [(code, msg, span, None) for code, msg, span in grid.notes]
    centered: set[int] = set()
    if grid.spread_fragments:
        data, centered = fold_fragments(data, roles)
    else:
        data = [r for r in data if not r.empty()]
    if not data or len(columns) < 2:
        return None
    move_stray_units(data, roles)
    carry_down_category(data, roles, centered)
    out_rows = [[c.text for c in r.cells] for r in data]
    spans = [r.span or (0, 0) for r in data]
    for k, (r, span) in enumerate(zip(data, spans)):
        notes += [(code, msg, span, k) for code, msg in r.notes]
    roles = classify.column_roles(columns, out_rows)
    columns = name_merged_header(columns, roles)
    return Rebuilt(columns=[clean_text(c) for c in columns], rows=out_rows, row_spans=spans,
                   row_pages=[r.page for r in data], roles=roles, kind=classify.table_kind(roles),
                   paras=grid.paras, notes=notes)


def name_merged_header(columns: list[str], roles: list[Optional[str]]) -> list[str]:
    """`指标` printed over a merged 类别|指标 header whose left column holds the categories: the
    header goes to the names it heads and the category column is named for its role (类别)."""
    out = list(columns)
    for j in range(len(out) - 1):
        if roles[j] == "category" and roles[j + 1] == "name" and out[j] and not out[j + 1] \
                and classify.header_role(out[j]) == "name":
            out[j], out[j + 1] = classify.vocab().data.roles["category"].exact[0], out[j]
    return out


def find_header_rows(rows: list[GridRow]) -> int:
    """Leading rows made of header words, spacer rows between them included."""
    h = 0
    for i, r in enumerate(rows):
        if r.empty():
            continue
        if is_header_row([c.text for c in r.cells], first=h == 0):
            h = i + 1
            continue
        break
    return h


def is_header_row(cells: list[str], first: bool) -> bool:
    filled = [c for c in cells if c]
    if not filled:
        return False
    vocab = sum(1 for c in filled if classify.is_header_cell(c))
    for c in filled:
        if classify.is_header_cell(c):
            continue
        if regex.search(r"\d", c) or len(c) > 10 or classify.is_nature(c):
            return False
    return vocab >= (2 if first else 1)


def merge_header(rows: list[GridRow]) -> list[str]:
    if not rows:
        return []
    width = len(rows[0].cells)
    return [clean_text("".join(r.cells[j].text for r in rows)).replace(" ", "") for j in range(width)]


def _complete(row: GridRow, roles: list[Optional[str]]) -> bool:
    """A row that prints a name and something about it, as opposed to a spacer's leftovers."""
    names = [j for j, r in enumerate(roles) if r in ("name", "project_name")]
    others = [j for j, r in enumerate(roles) if r in VALUE_ROLES]
    has_name = any(not row.cells[j].empty() for j in names) if names else True
    has_value = any(not row.cells[j].empty() for j in others) if others else True
    return has_name and has_value


def fold_fragments(rows: list[GridRow], roles: list[Optional[str]]) -> tuple[list[GridRow], set[int]]:
    """Spacer rows (one-cell-per-line tables) hold pieces of the rows around them.

    A value printed in a spacer goes to the neighbouring row whose cell is empty (the cell
    was vertically centred across the boundary), else it is the wrapped rest of the cell
    above. A category piece joins the label next to it; a label split across a row and a
    spacer was centred in its merged cell (see carry_down_category).
    """
    out: list[GridRow] = []
    frags: list[tuple[int, GridRow]] = []
    for r in rows:
        if r.empty():
            continue
        if _complete(r, roles) or not out and not frags:
            out.append(r)
        else:
            frags.append((len(out) - 1, r))
    centered: set[int] = set()
    cat = roles.index("category") if "category" in roles else None
    for p, frag in frags:
        n = p + 1 if p + 1 < len(out) else None
        for j, cell in enumerate(frag.cells):
            if cell.empty():
                continue
            if j == cat:
                if p >= 0 and out[p].cells[j].text == cell.text:
                    continue  # a reader that fills merged cells repeats the label on spacer rows
                if p >= 0 and not out[p].cells[j].empty():
                    out[p].cells[j].add(cell)
                    centered.add(p)
                elif n is not None and not out[n].cells[j].empty():
                    out[n].cells[j].add(cell, before=True)
                    centered.add(n)
                elif n is not None:
                    out[n].cells[j].add(cell)
                    centered.add(n)
                elif p >= 0:
                    out[p].cells[j].add(cell)
                continue
            if n is not None and out[n].cells[j].empty():
                target, moved = n, True
            elif p >= 0 and out[p].cells[j].empty():
                target, moved = p, True
            else:
                target, moved = (p, False) if p >= 0 else (n, False)
            if target is None:
                continue
            out[target].cells[j].add(cell, before=target == n and not moved)
            if moved and roles[j] in VALUE_ROLES:
                out[target].notes.append(("table.misaligned_cell",
                                          f"its {j + 1}th cell ({cell.text}) is printed on a spacer line "
                                          f"{'above' if target == n else 'below'} the row; read as this row's"))
    return out, centered


_STRAY_UNIT = regex.compile(r"^(?P<name>.*?\S)[ \u3000]{2,}(?P<unit>\S{1,8})$")


def split_stray_units(rows: list[GridRow], width: int) -> None:
    """A row one cell short whose name line ends in a unit after a run of spaces: the unit's own
    cell was lost and its text printed inside the name (`…医院设置       %`); split it back."""
    for r in rows:
        if len(r.cells) >= width:
            continue
        for j, cell in enumerate(r.cells):
            hit = next(((k, m) for k, line in enumerate(cell.lines)
                        if (m := _STRAY_UNIT.match(line.rstrip())) and classify.is_unit(m.group("unit"))), None)
            if hit is None or classify.is_value(cell.lines[0]):
                continue
            k, m = hit
            cell.lines[k] = m.group("name")
            r.cells.insert(j + 1, Cell([m.group("unit")], cell.span))
            r.notes.append(("table.unit_in_name",
                            f"the unit {m.group('unit')} is printed inside the name cell and its own cell "
                            f"is missing; split into a unit cell"))
            break


def move_stray_units(rows: list[GridRow], roles: list[Optional[str]]) -> None:
    """`二级及以上综合性医院设置       %` with an empty unit cell: the % belongs to the unit column."""
    if "unit" not in roles or "name" not in roles:
        return
    u, n = roles.index("unit"), roles.index("name")
    for r in rows:
        if not r.cells[u].empty():
            continue
        cell = r.cells[n]
        for k, line in enumerate(cell.lines):
            m = _STRAY_UNIT.match(line.rstrip())
            if m and classify.is_unit(m.group("unit")):
                cell.lines[k] = m.group("name")
                r.cells[u].lines = [m.group("unit")]
                r.notes.append(("table.unit_in_name",
                                f"the unit {m.group('unit')} is printed inside the name cell; moved to the unit column"))
                break


def carry_down_category(rows: list[GridRow], roles: list[Optional[str]], centered: set[int]) -> None:
    """Fill empty category cells from the label whose merged cell covers them.

    A label printed once at the top of its rows covers them down to the next label. A label
    printed across a row boundary was centred in its merged cell, which therefore reaches as
    many rows above it as below (健康 / 环境 printed at row 27 → rows 26–28).
    """
    if "category" not in roles:
        return
    c = roles.index("category")
    anchors = [i for i, r in enumerate(rows) if not r.cells[c].empty()]
    limit = len(rows)
    for k in range(len(anchors) - 1, -1, -1):
        i = anchors[k]
        start = i
        if i in centered:
            below = limit - i - 1
            prev = anchors[k - 1] if k > 0 else -1
            start = i - min(below, i - prev - 1)
        label = rows[i].cells[c]
        for t in range(start, limit):
            if t != i:
                rows[t].cells[c] = Cell(list(label.lines), None)
        limit = start
