"""Tables printed without rules, found from where their text sits: one mechanism for every
reader that knows positions (the PDF's character boxes, a layout text's display columns).

A reader gives its visual lines, each a list of placed parts (x0, x1, text) — text separated
from its neighbours by more than a word space — with the line's top and bottom. A table is a run
of lines under a header line of table words (`序号  指标  单位  2020年  2025年  属性`, over one
line or more) whose parts fall into the header's column bands:

- the header's parts, over all its lines, give the columns (parts that overlap in x are one
  column: `2025年` over `目标值`; a part over two or more of another line heads each of their
  columns: `规划目标` over `2020年` `2025年`); the border between two columns is the emptiest x between
  them in the table's lines (a name set left in a wide column runs past its header's middle);
- a line belongs to the table while each of its parts lies in one column and no column gets
  more than two (a sentence that runs across the columns, a note under the table, words spread
  by justification end it; so does a wide vertical gap, a page number, a rule drawn in text —
  a pandoc table, read by rebuild_flat.py); a part that runs on into the next column at a word
  space where that column's header starts is two cells (a name that fills its column, one space
  before the unit); a line of one part that is a sub-heading (`约束性指标`, `预期性指标`) is a
  row of its own;
- a line that prints a value (a number, a nature word, a 序号) is a row's anchor; a line with
  text only in some columns (a name wrapped onto a second line, a category word) belongs to the
  anchor above or below it: where the PDF leaves more space between rows than between the
  lines of a cell (a blank line in layout text), the wider gap parts them; else by the table's
  vertical alignment — set at the top: all below; centred: as many lines above an anchor as
  below, or one more or fewer (a layout text centres on a whole line), the choice that breaks
  name cells where their lines end (a line printed short of the column's width ends its cell;
  a full one that ends with a measure word, patterns/columns.yaml, likely does too);
- after the last row, a line goes on the last name only while the name line above it is full;
  a page number ends the table;
- a table left open at the foot of a page (nothing after it but the page number) goes on at the
  head of the next page without its header: the rows there that keep within its columns
  (after a running head) are its rows, read with its alignment (find_tables' carry);
- a category printed once for several rows at their top covers its row (the assembler carries
  it down); centred over them (the first printed below the first row), the labels split the
  rows into consecutive groups, each label as near its group's middle as can be.

Prose must not become a table: the header line must hold at least two header words and be
mostly header words, the table needs two anchors, and every row's parts must keep within the
columns (two columns of prose, justified text, a caption row beside a figure have no header).
The cells of each row come back as text; the reader prints them as tab-separated rows, the form
the table assembler reads (extract/tables/rebuild_cells.py + stream.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .. import patterns
from .grid import join_cell_lines

# a page number printed on a line of its own (`— 4 —`, `37`, `第3页 共10页`, `3/10`): what may follow a
# table at the foot of its page when the next page goes on with it
PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－_]*\s*\d{1,4}\s*[-—–－_]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
                         r"|\d+\s*/\s*\d+)\s*$")
MIN_ANCHORS = 2          # rows with values a table needs
LOOSE_GAP = 0.7          # a vertical gap wider than this × the line height parts two rows
END_GAP = 3.0            # a gap wider than this × the line height ends the table
HEADER_SHARE = 0.5       # at least this share of a header line's parts are header words
MAX_PARTS = 2            # parts a cell may hold on one line (more: words of justified text)


class ColumnPatterns(patterns.PatternModel):
    name_endings: list[str]


@patterns.compiled("columns", ColumnPatterns)
def _name_endings(p: ColumnPatterns) -> tuple[str, ...]:
    return tuple(p.name_endings)


@dataclass(slots=True)
class Part:
    x0: float
    x1: float
    text: str
    top: Optional[float] = None      # its own extent where the reader knows it (else the line's)
    bottom: Optional[float] = None

    @property
    def mid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(slots=True)
class Line:
    """A visual line: its parts left to right, and where it is on the page (any unit of y)."""
    parts: list[Part]
    top: float
    bottom: float


@dataclass
class Table:
    first: int                    # index of its first line
    end: int                      # index past its last line
    rows: list[list[str]]         # the header first (its lines joined), then one row per anchor
    lines: list[list[int]]        # for each row, the lines it was read from (in order)
    header_rows: int = 1          # 0: a table continued from the page before, its header not printed again
    columns: Optional["Columns"] = None   # what a continuation on the next page is read with


@dataclass
class Columns:
    """A table's columns as found on its page: a page that goes on with the table without its
    header (the next page) is read on them (find_tables' carry)."""
    columns: list["_Column"]
    roles: list
    borders: list[float]
    height: float
    centred: Optional[bool] = None   # its rows are centred (else set at the top), as read on its page


def header_words(words: list[str]) -> bool:
    """A line of table header words (`序号 指标 单位 2020年 2025年 属性`): at least two, and at
    least half the line's words. Also the cheap test a reader runs on a line's whitespace words
    before it asks where they are."""
    from ..tables import classify
    if len(words) < 2:
        return False
    heads = sum(1 for w in words if classify.is_header_cell(w) and not classify.is_group_text(w))
    return heads >= 2 and heads >= HEADER_SHARE * len(words)


def find_tables(lines: list[Line], carry: Optional[Columns] = None) -> list[Table]:
    """The tables among the lines, in order; lines not in a table are left alone. carry: the
    columns of a table left open at the foot of the page before; the rows at the head of these
    lines that keep within them continue it (a table with no header rows)."""
    out: list[Table] = []
    i = 0
    if carry is not None:
        table = _continued(lines, carry)
        if table is not None:
            out.append(table)
            i = table.end
    while i < len(lines):
        if header_words([p.text for p in lines[i].parts]):
            table = _table_at(lines, i)
            if table is not None:
                out.append(table)
                i = table.end
                continue
        i += 1
    return out


CONTINUATION_LINES = 4   # a continued table's first row starts among the page's first lines


def _continued(lines: list[Line], carry: Columns) -> Optional[Table]:
    """The head of a page that goes on with the table of the page before: from the first line
    (among the first few: a running head and a page's furniture come before it) that prints two
    parts or more within the table's columns, with the lines right above it (no wider gap) that
    also keep within them."""
    tolerance = 0.5 * carry.height
    k0 = next((k for k in range(min(CONTINUATION_LINES, len(lines)))
               if len(lines[k].parts) >= 2 and _cells_of(lines[k], carry.borders, tolerance) is not None), None)
    if k0 is None or header_words([p.text for p in lines[k0].parts]):
        return None   # the header printed again: a table of its own (the assembler joins them)
    while k0 > 0 and not _loose(lines[k0 - 1], lines[k0]) \
            and _cells_of(lines[k0 - 1], carry.borders, tolerance) is not None:
        k0 -= 1
    return _body_rows(lines, k0, 0, carry.columns, carry.roles, carry.height, carry.borders, carry.centred)


# ---- one table ------------------------------------------------------------------------------

@dataclass
class _Column:
    x0: float
    x1: float
    texts: list[str] = field(default_factory=list)


def _height(line: Line) -> float:
    return max(line.bottom - line.top, 1e-6)


def _gap(a: Line, b: Line) -> float:
    return b.top - a.bottom


def _loose(a: Line, b: Line) -> bool:
    return _gap(a, b) > LOOSE_GAP * min(_height(a), _height(b))


def _header_columns(lines: list[Line], h: int) -> tuple[list[_Column], int]:
    """The columns of the header opening at line h and how many lines it takes: the header line,
    and the lines right under it (no wider gap) that hold header words or fragments only."""
    from ..tables import classify
    n = 1
    while h + n < len(lines):
        line = lines[h + n]
        if _loose(lines[h + n - 1], line) or not line.parts or not all(
                (classify.is_header_cell(p.text) or classify.is_header_fragment(p.text)
                 or _bracketed(p.text)) and not classify.is_value(p.text) and not classify.is_group_text(p.text)
                for p in line.parts):
            break
        n += 1
    head = lines[h:h + n]
    # a word over two words or more of another header line (`规划目标` over `2020年` `2025年`) spans
    # their columns: it makes none of its own, and heads each of them
    spanning = [p for k, line in enumerate(head) for p in line.parts
                if any(sum(1 for q in other.parts if q.x0 < p.x1 and p.x0 < q.x1) >= 2
                       for j, other in enumerate(head) if j != k)]
    parts = sorted((p for line in head for p in line.parts if p not in spanning), key=lambda p: p.x0)
    columns: list[_Column] = []
    for p in parts:
        if columns and p.x0 < columns[-1].x1:
            columns[-1].x1 = max(columns[-1].x1, p.x1)
        else:
            columns.append(_Column(p.x0, p.x1))
    for line in head:   # each column's words, top to bottom
        for p in line.parts:
            if p in spanning:
                for c in columns:
                    if c.x0 < p.x1 and p.x0 < c.x1:
                        c.texts.append(p.text)
            else:
                _column_of(columns, p.mid).texts.append(p.text)
    return columns, n


def _bracketed(text: str) -> bool:
    t = text.strip()
    return len(t) <= 8 and t[:1] in "（(" and t[-1:] in "）)"


def _column_of(columns: list, x: float):
    return min(columns, key=lambda c: 0 if c.x0 <= x <= c.x1 else min(abs(x - c.x0), abs(x - c.x1)))


def _borders(columns: list[_Column], lines: list[Line]) -> list[float]:
    """Between each two columns, the x where the table's lines print least (the middle of the
    emptiest stretch), searched between the two headers' middles."""
    out = []
    parts = [p for line in lines for p in line.parts]
    for a, b in zip(columns, columns[1:]):
        lo, hi = (a.x0 + a.x1) / 2, (b.x0 + b.x1) / 2
        cuts = sorted({lo, hi, a.x1, b.x0} | {x for p in parts for x in (p.x0, p.x1) if lo < x < hi})
        best, best_at, best_len = None, (a.x1 + b.x0) / 2, -1.0
        for u, v in zip(cuts, cuts[1:]):
            if v <= u:
                continue
            x = (u + v) / 2
            n = sum(1 for p in parts if p.x0 < x < p.x1)
            if best is None or n < best or (n == best and v - u > best_len):
                best, best_at, best_len = n, x, v - u
        out.append(best_at)
    return out


def _split_at_columns(line: Line, columns: list["_Column"], tolerance: float) -> Line:
    """A part that runs on into the next column at a word space (a cell and the next one set a
    single space apart: `城市细颗粒物（PM2.5）年均浓度 微克/立方米` where the name fills its
    column) is cut there: at a space after which the text starts where a column's header
    starts (by the part's display width)."""
    from ..lexicon.layout import display_width
    if " " not in "".join(p.text for p in line.parts):
        return line
    out: list[Part] = []
    todo = list(line.parts)
    while todo:
        p = todo.pop(0)
        width = max(display_width(p.text), 1)

        def at(i: int) -> float:
            return p.x0 + (p.x1 - p.x0) * display_width(p.text[:i]) / width

        cut = next((i for i, ch in enumerate(p.text) if ch == " " and any(
            p.x0 + tolerance < c.x0 and c.x0 - tolerance <= at(i + 1) <= (c.x0 + c.x1) / 2 for c in columns)), None)
        if cut is None:
            out.append(p)
            continue
        out.append(Part(p.x0, at(cut), p.text[:cut].rstrip(), p.top, p.bottom))
        todo.insert(0, Part(at(cut + 1), p.x1, p.text[cut + 1:].lstrip(), p.top, p.bottom))
    return line if len(out) == len(line.parts) else Line(out, line.top, line.bottom)


def _cells_of(line: Line, borders: list[float], tolerance: float) -> Optional[dict[int, list[Part]]]:
    """The line's parts by column, or None when a part runs across a border."""
    import bisect
    out: dict[int, list[Part]] = {}
    for p in line.parts:
        k = bisect.bisect(borders, p.mid)
        left = borders[k - 1] if k > 0 else float("-inf")
        right = borders[k] if k < len(borders) else float("inf")
        if p.x0 < left - tolerance or p.x1 > right + tolerance:
            return None
        out.setdefault(k, []).append(p)
        if len(out[k]) > MAX_PARTS:
            return None   # words spread over the line (justified text), no cell
    return out


def _table_at(lines: list[Line], h: int) -> Optional[Table]:
    from ..tables import classify
    columns, nh = _header_columns(lines, h)
    if len(columns) < 2:
        return None
    roles = [classify.header_role(join_cell_lines(c.texts)) for c in columns]
    return _body_rows(lines, h, nh, columns, roles, _height(lines[h]), None)


def _body_rows(lines: list[Line], h: int, nh: int, columns: list[_Column], roles: list, height: float,
               borders: Optional[list[float]], centred: Optional[bool] = None) -> Optional[Table]:
    """The table whose header takes lines h..h+nh (none: a continuation from the page before,
    its extent found on the borders of that page) and whose rows follow."""
    from ..tables import classify
    # the lines the table may take: up to a wide gap, a line of one part spanning the columns
    # that is no sub-heading, or a line that reaches across the header's columns
    mids = borders or [(a.x1 + b.x0) / 2 for a, b in zip(columns, columns[1:])]
    end = h + nh
    while end < len(lines):
        line = lines[end] = _split_at_columns(lines[end], columns, 0.5 * height)
        if (end > h and _gap(lines[end - 1], line) > END_GAP * height) or not line.parts \
                or PAGE_NUMBER.match(" ".join(p.text for p in line.parts)) \
                or all(_RULE.fullmatch(p.text) for p in line.parts):
            break   # a wide gap; the page's number at its foot; a rule drawn in text (a
            # pandoc table's `----- ----`: a form of its own, rebuild_flat.py)
        if _cells_of(line, mids, height) is None and not _sub_heading(line):
            # a part may run past the middle between two headers (a long name set left):
            # it only ends the table when it covers a whole neighbouring header
            if any(p.x0 < c.x0 and p.x1 > c.x1 for p in line.parts for c in columns[1:]):
                break
        end += 1
    body = lines[h + nh:end]
    borders = _borders(columns, [ln for ln in body if not _sub_heading(ln)])
    cells: list[Optional[dict[int, list[Part]]]] = []
    for k, line in enumerate(body):
        got = None if _sub_heading(line) else _cells_of(line, borders, 0.5 * height)
        if got is None and not _sub_heading(line):
            body = body[:k]
            break
        cells.append(got)
    end = h + nh + len(body)
    value_cols = {k for k, r in enumerate(roles) if r not in ("name", "category", "unit", None)}

    def anchor(got: Optional[dict[int, list[Part]]]) -> bool:
        if got is None:
            return False
        for k, ps in got.items():
            text = "".join(p.text for p in ps)
            if roles[k] == "seq" and text.strip().isdigit():
                return True
            if (k in value_cols or roles[k] is None) and (classify.is_value(text) or classify.is_nature(text)):
                return True
        return False

    anchors = [k for k, got in enumerate(cells) if anchor(got)]
    if len(anchors) < (MIN_ANCHORS if nh else 1):
        return None
    # after the last row, a line goes on its name cell only where the name line above it is
    # printed full width (else it is the text after the table); a sub-heading there is no row
    name = roles.index("name") if "name" in roles else None
    full = _full_lines(body, cells, name)
    last_name = anchors[-1] if anchors[-1] in full else None
    for k in range(anchors[-1] + 1, len(body)):
        if k in full:
            if last_name is not None and not full[last_name]:
                del body[k:], cells[k:]
                break
            last_name = k
    while cells and cells[-1] is None:
        cells.pop()
        body.pop()
    end = h + nh + len(body)
    # every body line: the index of its row (an anchor), or a sub-heading of its own
    category = roles.index("category") if "category" in roles else None
    # where each line's cells are, a category centred over several rows left out: its words
    # share lines with the rows' but keep their own spacing
    spans = [_extent(body[k], [p for col, ps in (got or {}).items() if col != category for p in ps])
             for k, got in enumerate(cells)]
    owner, centred = _owners(spans, cells, anchors, category, roles.index("name") if "name" in roles else None,
                             centred)
    rows: list[list[str]] = [[join_cell_lines(c.texts) for c in columns]] if nh else []
    members: list[list[int]] = [list(range(h, h + nh))] if nh else []
    row_of: dict[int, int] = {}
    for k in range(len(body)):
        if cells[k] is None:   # a sub-heading across the table: a row of its own
            rows.append([body[k].parts[0].text] + [""] * (len(columns) - 1) if len(body[k].parts) == 1
                        else [join_cell_lines([p.text for p in body[k].parts])] + [""] * (len(columns) - 1))
            members.append([h + nh + k])
            continue
        a = owner[k]
        if a not in row_of:
            row_of[a] = len(rows)
            rows.append([""] * len(columns))
            members.append([])
        members[row_of[a]].append(h + nh + k)
    for a, r in row_of.items():
        pieces: dict[int, list[str]] = {}
        for n in members[r]:
            for col, ps in (cells[n - h - nh] or {}).items():
                if col != category:
                    pieces.setdefault(col, []).append(" ".join(p.text for p in ps))
        for col, texts in pieces.items():
            rows[r][col] = join_cell_lines(texts)
    if category is not None:
        # centred labels: read so on the page before; else the first printed below the first row
        _spread_categories(body, cells, category, owner, row_of, rows, centred if not nh else None)
    for r in members:
        r.sort()
    return Table(first=h, end=end, rows=rows, lines=members, header_rows=1 if nh else 0,
                 columns=Columns(columns, roles, borders, height, centred))


_RULE = re.compile(r"[-=_—–─━+:| ]{3,}")
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+[章节部分])")


def _sub_heading(line: Line) -> bool:
    """A line of one sub-heading (`结果性指标`, `约束性指标`) inside the table: a row of its own
    (a numbered heading, `二、主要任务`, is the text after the table)."""
    from ..tables import classify
    return len(line.parts) == 1 and classify.is_group_text(line.parts[0].text) \
        and not _NUMBERED.match(line.parts[0].text)


def _extent(line: Line, parts: list[Part]) -> Line:
    tops = [p.top for p in parts if p.top is not None]
    bottoms = [p.bottom for p in parts if p.bottom is not None]
    if not tops or len(tops) != len(parts):
        return line
    return Line(line.parts, min(tops), max(bottoms))


def _owners(body: list[Line], cells: list, anchors: list[int], category: Optional[int],
            name: Optional[int], centred: Optional[bool] = None) -> tuple[dict[int, int], bool]:
    """Each line of the body → the anchor whose row it belongs to (see the module doc). The
    lines between two anchors part at the widest gap wider than a cell's line spacing; with no
    such gap, by the table's alignment: set at the top, every line goes to the anchor above;
    centred (lines before the first anchor, or the first category printed below the first row,
    or where centring breaks fewer name cells: see _full_lines), an anchor has as many lines
    below it as above, or one more or one fewer (a layout text centres on a line: the upper or
    lower middle of an even count), chosen so that every anchor's count fits and the name cells
    break where their lines end (_centred_splits). centred: the alignment as read on the page
    before (a continued table), else found here; returned with the owners."""
    owner = {a: a for a in anchors}
    # a line of category words only (a label centred over rows, maybe on the spacer between
    # two) takes no part: its rows come from _spread_categories
    label_only = {k for k, got in enumerate(cells) if got is not None and set(got) == {category}}
    runs = [[k for k in range(lo + 1, hi) if cells[k] is not None and k not in label_only]
            for lo, hi in zip([-1] + anchors, anchors + [len(body)])]
    for k in runs[0]:
        owner[k] = anchors[0]
    first_label = next((k for k, got in enumerate(cells) if got is not None and category in got), None)
    shown = centred if centred is not None else \
        bool(runs[0]) or (first_label is not None and first_label > anchors[0])
    forced: list[Optional[int]] = []
    for i, run in enumerate(runs[1:]):
        if i == len(anchors) - 1:
            forced.append(len(run))     # after the last anchor: its own
            continue
        chain = [anchors[i]] + run + [anchors[i + 1]]
        gaps = [_gap(body[x], body[y]) for x, y in zip(chain, chain[1:])]
        loose = [j for j in range(len(gaps)) if _loose(body[chain[j]], body[chain[j + 1]])]
        forced.append(max(loose, key=lambda j: gaps[j]) if loose else None)
    full = _full_lines(body, cells, name)
    endings = _name_endings()
    ends = {k: cells[k][name][-1].text.rstrip().endswith(endings) for k in full}

    def cost(i: int, d: int) -> int:
        chain = [anchors[i]] + runs[i + 1] + ([anchors[i + 1]] if i + 1 < len(anchors) else [])
        n = 0.0
        for j in range(len(chain) - 1):
            x, y = chain[j], chain[j + 1]
            if x not in full or y not in full:
                continue
            if j == d:    # the row breaks after x: wrong where x is full and ends no name
                n += 1 if full[x] and not ends[x] else 0
            else:         # the cell goes on after x: wrong where x is short; doubtful where it ends a name
                n += 1 if not full[x] else (0.5 if ends[x] else 0)
        return n

    splits = _centred_splits(len(runs[0]), [len(r) for r in runs[1:]], forced, cost)
    top = [len(r) if f is None else f for r, f in zip(runs[1:], forced)]
    if centred is False or (not shown and sum(cost(i, d) for i, d in enumerate(top))
                            <= sum(cost(i, d) for i, d in enumerate(splits))):
        splits = top   # set at the top unless centring reads the cells better
    else:
        shown = True
    for i, run in enumerate(runs[1:]):
        for j, k in enumerate(run):
            owner[k] = anchors[i] if j < splits[i] else anchors[i + 1]
    for k in sorted(label_only):
        owner[k] = owner.get(k - 1, anchors[0]) if k > anchors[0] else anchors[0]
    return owner, shown


def _centred_splits(before: int, runs: list[int], forced: list[Optional[int]], cost) -> list[int]:
    """For each anchor, how many of the lines after it are its own: forced where a gap says, else
    as many as it has above it, or one more or one fewer (a text centred on a line takes the
    upper or the lower middle of an even count), so that every anchor fits; of the choices that
    fit, the one that breaks rows least often after a full cell line or keeps fewest short
    ones inside a cell (cost(i, d)), the upper middle first. When none fits, all (as a table
    set at the top)."""
    # above-count of the next anchor → (cost so far, previous above-count, split)
    states: list[dict[int, tuple[float, int, int]]] = [{before: (0.0, -1, -1)}]
    for i, k in enumerate(runs):
        nxt: dict[int, tuple[float, int, int]] = {}
        for u, (c, _, _) in states[-1].items():
            options = [forced[i]] if forced[i] is not None else [d for d in (u + 1, u, u - 1) if 0 <= d <= k]
            for d in options:
                total = c + cost(i, d)
                if k - d not in nxt or total < nxt[k - d][0]:
                    nxt[k - d] = (total, u, d)
        if not nxt:
            return [forced[i] if forced[i] is not None else k for i, k in enumerate(runs)]
        states.append(nxt)
    splits = []
    u = min(states[-1], key=lambda v: states[-1][v][0])
    for i in range(len(runs), 0, -1):
        _, prev, d = states[i][u]
        splits.append(d)
        u = prev
    return splits[::-1]


def _full_lines(body: list[Line], cells: list, name: Optional[int]) -> dict[int, bool]:
    """Lines whose name cell is printed to the column's width (less one character): the cell
    goes on on the next line; a shorter one ends it. Lines without a name cell are left out."""
    from ..lexicon.layout import display_width
    if name is None:
        return {}
    parts = {k: got[name] for k, got in enumerate(cells) if got is not None and name in got}
    if not parts:
        return {}
    right = max(p.x1 for ps in parts.values() for p in ps)
    out = {}
    for k, ps in parts.items():
        p = ps[-1]
        char = 2 * (p.x1 - p.x0) / max(display_width(p.text), 1)   # an ideograph's width
        out[k] = p.x1 >= right - 0.9 * char
    return out


def _spread_categories(body: list[Line], cells: list, category: int, owner: dict[int, int],
                       row_of: dict[int, int], rows: list[list[str]], centred: Optional[bool]) -> None:
    """A category's words (one or several lines, one character a line) make one label; centred
    over its rows, it covers them from the end of the previous label to as far below its middle
    as the first lies above it."""
    labels: list[tuple[list[int], str]] = []   # (body lines, text)
    prev: Optional[int] = None
    for k, got in enumerate(cells):
        if got is None or category not in got:
            continue
        text = " ".join(p.text for p in got[category])
        if labels and prev is not None and all(not _loose(body[j], body[j + 1]) for j in range(prev, k)) \
                and not (owner.get(k) != owner.get(prev) and owner.get(k) == k and owner.get(prev) == prev) \
                and not any(cells[j] is not None and owner.get(j) == j and j != owner.get(prev)
                            and j != owner.get(k) for j in range(prev + 1, k)):
            labels[-1][0].append(k)
            labels[-1] = (labels[-1][0], labels[-1][1] + "\n" + text)
        else:
            labels.append(([k], text))
        prev = k
    order = sorted(row_of, key=lambda a: row_of[a])   # anchors in row order
    if not labels or any(ks[len(ks) // 2] not in owner for ks, _ in labels):
        return
    texts = [join_cell_lines(text.split("\n")) for _, text in labels]
    # labels centred over their rows: the first is printed below the first row (set at the
    # top of its rows, it would be on the first, and the rows below it carry it down)
    at = [order.index(owner[ks[len(ks) // 2]]) for ks, _ in labels]
    if centred is None:
        centred = at[0] > 0
    groups = _centred_groups(body, cells, category, owner, order, labels) if centred else None
    if groups is None:
        groups = [(i, i) for i in at]
    for (first, last), label in zip(groups, texts):
        for a in order[first:last + 1]:
            rows[row_of[a]][category] = label


def _centred_groups(body: list[Line], cells: list, category: int, owner: dict[int, int],
                    order: list[int], labels: list) -> Optional[list[tuple[int, int]]]:
    """The rows (first, last: indices in `order`) each label is centred over: the groups follow
    one another from the first row to the last, each label's middle as near its group's middle
    as can be (within a line: a layout text centres on a whole line, the upper middle of an even
    count), none left out; None when no partition fits."""
    tops: dict[int, float] = {}
    bottoms: dict[int, float] = {}
    for j, a in owner.items():
        if cells[j] is None or set(cells[j]) == {category}:
            continue
        tops[a] = min(tops.get(a, body[j].top), body[j].top)
        bottoms[a] = max(bottoms.get(a, body[j].bottom), body[j].bottom)
    if any(a not in tops for a in order):
        return None
    mids = [(body[ks[0]].top + body[ks[-1]].bottom) / 2 for ks, _ in labels]
    line = min(_height(body[ks[0]]) for ks, _ in labels)
    # from the first row to the last; else (a table cut by a page break: its first rows under a
    # label printed on the page before, its last under one cut) from any row to any
    for starts in ([0], range(len(order))):
        got = _groups_from(starts, order, tops, bottoms, mids, line)
        if got is not None:
            return got
    return None


def _groups_from(starts, order: list[int], tops: dict, bottoms: dict, mids: list[float],
                 line: float) -> Optional[list[tuple[int, int]]]:
    # start row → (total deviation, previous start, end) per label
    states: list[dict[int, tuple[float, int, int]]] = [{s: (0.0, -1, -1) for s in starts}]
    for mid in mids:
        nxt: dict[int, tuple[float, int, int]] = {}
        for start, (cost, _, _) in states[-1].items():
            for end in range(start, len(order)):
                top, bottom = tops[order[start]], bottoms[order[end]]
                if top > mid + line:
                    break
                off = (top + bottom) / 2 - mid
                off = off if off >= 0 else -1.5 * off   # a text centred on a line takes the upper middle
                if off <= 1.5 * line and (end + 1 not in nxt or cost + off < nxt[end + 1][0]):
                    nxt[end + 1] = (cost + off, start, end)
        if not nxt:
            return None
        states.append(nxt)
    if len(order) not in states[-1] and len(starts) == 1:
        return None
    out = []
    at = len(order) if len(order) in states[-1] else max(states[-1])   # the last rows carry the label down
    for i in range(len(mids), 0, -1):
        _, start, end = states[i][at]
        out.append((start, end))
        at = start
    return out[::-1]
