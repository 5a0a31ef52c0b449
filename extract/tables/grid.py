"""The grid every rebuilder produces, and the rules that turn it into a clean table.

A rebuilder (one per flattened form) only recovers printed cells and where they sit: rows of
cells, each cell with its printed lines and its span. Everything after that is shared:
header rows found and merged (`2020` over `年值` → `2020年值`), empty columns dropped, spacer
rows folded into their neighbours, a unit that strayed into the name cell moved back, and
category labels carried down to the rows their merged cell covers.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

import regex

from .. import regex_cache
from ..lexicon.layout import clean_text
from . import classify

if TYPE_CHECKING:  # pragma: no cover
    from ..state import NormText, State

Span = tuple[int, int]

VALUE_ROLES = {"unit", "year", "baseline", "target", "achieved", "change", "nature", "budget", "start",
               "project_content", "project_nature", "owner"}
# columns of running text, which wrap onto the lines under their row
TEXT_ROLES = {"name", "project_name", "project_content"}
# columns a value merged across several of them is repeated into (one value for 2022年 and 2030年)
SPREAD_ROLES = {"year", "baseline", "target", "achieved"}
# columns whose header names what a year over them does not qualify (2025年 over 目标值 | 属性)
NO_YEAR_ROLES = {"seq", "category", "name", "unit", "nature", "note"}
MIN_GROUP_ROW_WIDTH = 3     # a lone text is a sub-heading only in a table this wide
MAX_HEADER_WORD_CHARS = 10  # a header cell outside the vocabulary (a wrapped piece of a header)
# a row under the header is a second header row only when at least this share of its cells are
# header words (基期值 | 目标值, 2022年 | 2030年); a first row of tasks whose deadline reads like a
# header year (推进… | 市总工会 | 市公安局 | 2027年底前完成) is data
MIN_SECOND_HEADER_SHARE = 0.5


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
    wide: dict[int, int] = field(default_factory=dict)   # column → columns a merged cell spans

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
    columns: Optional[list[str]] = None    # known header (a flattened header row), else from rows
    notes: list[tuple[str, str, Optional[Span]]] = field(default_factory=list)
    ruled: bool = False                    # the reader's own table: a row of one first cell is merged across


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
    row_groups: list[Optional[str]] = field(default_factory=list)  # the sub-heading above each row
    group_rows: list[bool] = field(default_factory=list)           # the row is a sub-heading itself


def join_spans(a: Optional[Span], b: Optional[Span]) -> Optional[Span]:
    if a is None:
        return b
    if b is None:
        return a
    return (min(a[0], b[0]), max(a[1], b[1]))


_SPACES = regex_cache.compile(r"\s+")


# --- page furniture between rows ---------------------------------------------------------------

PAGE_MARK = regex_cache.compile(r"^\s*(?:[—\-－–]+\s*\d{1,4}\s*[—\-－–]+|第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d+\s*页)?)\s*$")


MAX_HEAD_LINES = 3   # lines a running head prints (title, period, issuer …)


_heads_of: tuple = (None, set())   # (a weak reference to a normalized text, its running heads)


def running_heads(state: "State") -> set[str]:
    """Lines a page head repeats: the document's first line (its title), and the lines printed
    after it wherever it comes again that either repeat the document's opening lines in the same
    order (`某市…规划` / `（2021—2025年）`) or follow it so at two places or more. Found once per
    normalized text: the tables stage asks for every table it rebuilds, and each search reads
    the whole document (on a 50 MB plan, thousands of times over)."""
    global _heads_of
    ref, heads = _heads_of
    if ref is None or ref() is not state.norm:
        heads = _running_heads(state.norm)
        _heads_of = (weakref.ref(state.norm), heads)
    return heads


def _running_heads(norm: "NormText") -> set[str]:
    def line_text(para) -> str:
        return _SPACES.sub("", norm.para_text(para))

    # the paragraphs with text, by index (not their texts: a second copy of the document), and
    # where the first of them comes again
    lines: list[int] = []
    again: list[int] = []
    first = None
    for k, para in enumerate(norm.paras):
        t = line_text(para)
        if not t:
            continue
        if first is None:
            first = t
        elif t == first:
            again.append(len(lines))
        lines.append(k)
    if first is None:
        return set()

    def text(j: int) -> str:  # the j-th line with text, made again when asked
        return line_text(norm.paras[lines[j]])

    heads = {first}
    after: dict[tuple[int, str], int] = {}
    for i in again:
        opening = True
        for k in range(1, MAX_HEAD_LINES):
            if i + k >= len(lines) or PAGE_MARK.match(text(i + k)):
                break
            line = text(i + k)
            opening = opening and k < len(lines) and text(k) == line
            if opening:
                heads.add(line)
            after[(k, line)] = after.get((k, line), 0) + 1
    heads |= {line for (_, line), n in after.items() if n >= 2}
    return heads


def is_page_furniture(text: str, running: set[str]) -> bool:
    """A page number (`— 3 —`, `第3页`) or a running head, printed between two rows of a table
    that runs over a page break."""
    return bool(PAGE_MARK.match(text)) or _SPACES.sub("", text) in running



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
        data = drop_repeated_header(rows[h:], rows[:h])
    spread_merged_values(data, columns)
    keep = [j for j in range(width)
            if columns[j] or any(not r.cells[j].empty() for r in data)]
    columns = [columns[j] for j in keep]
    at = {j: n for n, j in enumerate(keep)}
    for r in data:
        r.cells = [r.cells[j] for j in keep]
        r.wide = {at[j]: n for j, n in r.wide.items() if j in at}
    texts = [[c.text for c in r.cells] for r in data if not r.empty()]
    roles = classify.column_roles(columns, texts)
    notes = [(code, msg, span, None) for code, msg, span in grid.notes]
    # sub-heading rows cut the table into runs: spacer rows, stray units and categories are
    # read within a run, never across a sub-heading
    groups = group_rows(data, roles, grid.ruled)
    foot = note_rows(data, grid.ruled)
    runs: list[tuple[Optional[GridRow], list[GridRow]]] = [(None, [])]
    for r in data:
        if id(r) in groups or id(r) in foot:
            runs.append((r, []))
        else:
            runs[-1][1].append(r)
    out: list[GridRow] = []
    row_groups: list[Optional[str]] = []
    is_group: list[bool] = []
    label = None
    for head, members in runs:
        if head is not None:
            if id(head) in groups:
                label = groups[id(head)]
            filled = [c for c in head.cells if not c.empty()]
            printed = next((c for c in filled if id(head) in groups and label and label in c.text), filled[0])
            head.cells = [Cell(list(printed.lines), printed.span)] + [Cell() for _ in head.cells[1:]]
            out.append(head)
            row_groups.append(None)
            is_group.append(True)   # a sub-heading or a note under the table: a row of the table, no data
        # spacer rows (a merged cell printed over a row and the row below it) in every form
        members, centered = fold_fragments(members, roles)
        move_stray_units(members, roles)
        carry_down_category(members, roles, centered)
        members = drop_category_rows(members, roles)
        out += members
        row_groups += [label] * len(members)
        is_group += [False] * len(members)
    data = out
    if not any(not g for g in is_group) or len(columns) < 2:
        return None
    out_rows = [[c.text for c in r.cells] for r in data]
    spans = [r.span or (0, 0) for r in data]
    for k, (r, span) in enumerate(zip(data, spans)):
        notes += [(code, msg, span, k) for code, msg in r.notes]
    roles = classify.column_roles(columns, [row for row, g in zip(out_rows, is_group) if not g])
    columns = name_merged_header(columns, roles)
    return Rebuilt(columns=[clean_text(c) for c in columns], rows=out_rows, row_spans=spans,
                   row_pages=[r.page for r in data], roles=roles, kind=classify.table_kind(roles),
                   paras=grid.paras, notes=notes, row_groups=row_groups, group_rows=is_group)


# a row that opens with a group's list number or a total word is a row of its own, never the
# wrapped rest of the row above
_GROUP_OR_TOTAL = regex_cache.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|[合总小共]\s*计\s*$)")
_SEQ_NUMBER = regex_cache.compile(r"^\s*(?:\d{1,4}|[一二三四五六七八九十]{1,3})[.、．]?\s*$")
_CN_SEQ = regex_cache.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]?|[（(][一二三四五六七八九十]{1,3}[）)])\s*$")
_NOT_GROUP = regex_cache.compile(r"^(?:注|说明|备注|资料来源|数据来源)")


def group_rows(rows: list[GridRow], roles: list[Optional[str]], ruled: bool) -> dict[int, str]:
    """Rows that are sub-headings inside the table (结果性指标, 约束性指标 …): one text, merged
    across the row (a reader's merged cell, or repeated in every cell), or alone in the 序号
    column, or alone anywhere when it reads as a sub-heading. id(row) → the text."""
    out: dict[int, str] = {}
    for r in rows:
        width = len(r.cells)
        if width < MIN_GROUP_ROW_WIDTH:
            continue
        filled = [(j, c.text) for j, c in enumerate(r.cells) if not c.empty()]
        texts = {t for _, t in filled}
        if len(filled) == 2 and _CN_SEQ.match(filled[0][1]) and filled[0][0] < len(roles) \
                and roles[filled[0][0]] == "seq" and filled[1][0] == filled[0][0] + 1:
            # 一 | 健康水平 in the 序号 and the next column: the sub-heading, numbered as a group
            t = filled[1][1]
            if len(t) <= classify.MAX_HEADER_CHARS and not classify.is_value(t) and not classify.is_unit(t) \
                    and not _NOT_GROUP.match(t):
                out[id(r)] = classify.group_label(t) or t
            continue
        if len(texts) != 1:
            continue
        t = next(iter(texts))
        if len(t) > classify.MAX_HEADER_CHARS or classify.is_value(t) or _SEQ_NUMBER.match(t) \
                or _NOT_GROUP.match(t) or classify.is_unit(t):
            continue
        j = filled[0][0]
        one = len(filled) == 1
        role = roles[j] if j < len(roles) else None
        if (len(filled) >= width - 1 and len(filled) >= 2) or r.wide.get(j, 1) >= width - 1 \
                or (one and classify.is_group_text(t)) \
                or (one and role == "seq") \
                or (one and ruled and j == 0 and role not in ("name", "category")):
            out[id(r)] = classify.group_label(t) or t
    return out


def note_rows(rows: list[GridRow], ruled: bool) -> set[int]:
    """Rows that are a note printed inside the table (`注：[ ]内为五年累计数`, `说明：…`, `资料来源：…`):
    one text, opening as a note, merged across the row (a reader's merged cell, or the same text
    in every cell) or, in a reader's table, alone in its first cell. Kept as a row of the table,
    never read as data, never glued to the row above nor the sub-heading of the rows below."""
    out: set[int] = set()
    for r in rows:
        width = len(r.cells)
        filled = [(j, c.text) for j, c in enumerate(r.cells) if not c.empty()]
        if width < MIN_GROUP_ROW_WIDTH or not filled or len({t for _, t in filled}) != 1:
            continue
        j, t = filled[0]
        if not _NOT_GROUP.match(t):
            continue
        if (len(filled) >= width - 1 and len(filled) >= 2) or r.wide.get(j, 1) >= width - 1 \
                or (ruled and j == 0 and len(filled) == 1):
            out.add(id(r))
    return out


def spread_merged_values(rows: list[GridRow], columns: list[str]) -> None:
    """One value merged across several year/target columns holds for each of them."""
    for r in rows:
        for j, n in r.wide.items():
            cols = range(j, min(j + n, len(r.cells)))
            if n < 2 or len(cols) >= len(r.cells) - 1 or r.cells[j].empty():
                continue
            if all(classify.header_role(columns[k]) in SPREAD_ROLES for k in cols if k < len(columns)) \
                    and all(r.cells[k].empty() for k in cols if k != j):
                for k in cols:
                    if k != j:
                        r.cells[k] = Cell(list(r.cells[j].lines), r.cells[j].span)


def drop_repeated_header(rows: list[GridRow], header: list[GridRow]) -> list[GridRow]:
    """A header printed again where the table continues after a page break is no data row."""
    printed = {tuple(_fold_key(c.text) for c in r.cells) for r in header if not r.empty()}
    if not printed:
        return rows
    return [r for r in rows if tuple(_fold_key(c.text) for c in r.cells) not in printed]


def _fold_key(text: str) -> str:
    return _SPACES.sub("", text)


def drop_category_rows(rows: list[GridRow], roles: list[Optional[str]]) -> list[GridRow]:
    """A category printed once in a row of its own above its rows: carried down, the row goes."""
    if "category" not in roles:
        return rows
    c = roles.index("category")
    out = []
    for k, r in enumerate(rows):
        lone = not r.cells[c].empty() and all(cell.empty() for j, cell in enumerate(r.cells) if j != c)
        if lone and k + 1 < len(rows) and rows[k + 1].cells[c].text == r.cells[c].text:
            continue
        out.append(r)
    return out


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
        filled = [c.text for c in r.cells if not c.empty()]
        if h and len(set(filled)) == 1 and len(r.cells) >= MIN_GROUP_ROW_WIDTH and classify.is_group_text(filled[0]):
            break   # a sub-heading row under the header (结果性指标), not a second header row
        if is_header_row([c.text for c in r.cells], first=h == 0):
            h = i + 1
            continue
        break
    return h


def is_header_row(cells: list[str], first: bool) -> bool:
    filled = [c for c in cells if c]
    if not filled:
        return False
    if not first and len(filled) >= 2 and all(classify.is_unit(c) for c in filled):
        return True   # the units of the columns above (2020年 | 2025年 over % | %)
    vocab = sum(1 for c in filled if classify.is_header_cell(c))
    for c in filled:
        if not first and classify.is_nature(c):
            return False   # 预期性指标 under a header is a row's nature, not a header word
        if classify.is_header_cell(c):
            continue
        if regex.search(r"\d", c) or len(c) > MAX_HEADER_WORD_CHARS or classify.is_nature(c):
            return False
    if first:
        return vocab >= 2
    return vocab >= 1 and vocab >= MIN_SECOND_HEADER_SHARE * len(filled)


def spread_header(rows: list[GridRow]) -> None:
    """A header cell merged over columns that have headers of their own in the row below heads
    each of them (目标值 over 2022年 | 2030年) — but a column whose header below names what holds
    no value of a year (2025年 over 目标值 | 属性: the natures) keeps its own header alone."""
    width = len(rows[0].cells) if rows else 0
    for i, r in enumerate(rows):
        for j, n in r.wide.items():
            cols = range(j, min(j + n, width))
            if not any(not below.cells[k].empty() for below in rows[i + 1:] for k in cols):
                continue
            own = [k for k in cols if any(classify.header_role(below.cells[k].text) in NO_YEAR_ROLES
                                          for below in rows[i + 1:])]
            if len(own) == len(cols):
                continue
            for k in cols:
                if k in own:
                    if k == j:   # the cell's text goes to the first column that takes it
                        first = next(c for c in cols if c not in own)
                        r.cells[first] = Cell(list(r.cells[j].lines), r.cells[j].span)
                        r.cells[j] = Cell()
                elif r.cells[k].empty():
                    r.cells[k] = Cell(list(r.cells[j].lines), r.cells[j].span)


def merge_header(rows: list[GridRow]) -> list[str]:
    """Each column's header: its header rows' cells joined (`2020` over `年值`); a cell merged
    down the header rows, which a reader repeats in each of them (序号 over two rows), once."""
    if not rows:
        return []
    width = len(rows[0].cells)
    out = []
    for j in range(width):
        texts = [r.cells[j].text for r in rows]
        # a unit printed under its column's header reads as the header's bracketed unit (2020年（%）)
        texts = [f"（{t}）" if k and t and t != texts[k - 1] and classify.is_unit(t) and not classify.is_header_cell(t)
                 else t for k, t in enumerate(texts)]
        out.append(clean_text("".join(t for k, t in enumerate(texts) if k == 0 or t != texts[k - 1]))
                   .replace(" ", ""))
    return out


def _complete(row: GridRow, roles: list[Optional[str]]) -> bool:
    """A row that prints a name and something about it, or its own 序号 and more, as opposed
    to a spacer's leftovers (a task row whose merged 牵头单位 cell is printed on the row above
    is still a row)."""
    filled = [c.text for c in row.cells if not c.empty()]
    if "seq" in roles and _SEQ_NUMBER.match(row.cells[roles.index("seq")].text) and len(filled) >= 2:
        return True
    if "seq" in roles and row.cells[roles.index("seq")].empty() and len(filled) < sum(1 for r in roles if r) \
            and all(roles[j] in TEXT_ROLES for j, c in enumerate(row.cells) if not c.empty() and j < len(roles)):
        return False   # under 序号, a row of text cells only and no number: the wrapped rest of the row above
    if len(filled) >= 2 and _GROUP_OR_TOTAL.match(filled[0]):
        return True  # 一、交通（2项） | … | 25.3 or 合计 | … | 28.5: a group's or a total's own row
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
    headed: set[int] = set()   # rows whose category a label printed in a row of its own gave
    cat = roles.index("category") if "category" in roles else None
    for p, frag in frags:
        n = p + 1 if p + 1 < len(out) else None
        alone = sum(1 for c in frag.cells if not c.empty()) == 1
        for j, cell in enumerate(frag.cells):
            if cell.empty():
                continue
            if j == cat:
                if (p >= 0 and out[p].cells[j].text == cell.text) or (n is not None and out[n].cells[j].text == cell.text):
                    continue  # a reader that fills merged cells repeats the label on spacer rows
                if alone and n is not None and out[n].cells[j].empty() and (
                        p < 0 or out[p].cells[j].empty() or p in headed
                        or (p >= 1 and out[p - 1].cells[j].text == out[p].cells[j].text)):
                    # a category printed in a row of its own, after a row that prints no label
                    # of its own (none, or its merged cell's repeated over the rows it covers):
                    # it heads the rows below it (never joined to the label above)
                    out[n].cells[j].add(cell)
                    headed.add(n)
                    continue
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


_STRAY_UNIT = regex_cache.compile(r"^(?P<name>.*?\S)[ \u3000]{2,}(?P<unit>\S{1,8})$")


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
