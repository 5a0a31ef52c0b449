"""The cell stream and its one assembly into a grid.

A one-cell-per-line form (tab-led cells, untabbed cells) is cut by its own code into blocks: the
cells printed between two row breaks (a blank line), each a grid.Cell — an empty Cell for a line
of spaces or an empty tab cell. What the blocks mean is decided here, the same for every form:

- the header is the leading blocks made of header words: one block, or two when the header is
  printed over two rows (`2020` … / `年值` …, joined by grid.finish); a first block that opens
  with header words and goes on with values is the header followed by the rows printed without
  row breaks;
- the header's first block gives the width; its words (both rows joined) the column roles;
- a block of the width is a row as printed (a spacer row too: grid.finish folds its pieces into
  the rows around it); a block of a multiple of the width, rows printed without row breaks;
- a block whose cells carry their keys (key:value records) puts each in the column its key heads;
- any other block is placed by what its cells are (assign.py); one that fits no placement is
  kept as printed, with a warning — or, where the form cannot tell where the table ends
  (untabbed cells), it ends the table unless a block that fits follows it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .. import regex_cache
from . import assign, classify
if TYPE_CHECKING:  # pragma: no cover
    from ..raw import RawTable

from .grid import Cell, Grid, GridRow, clean_text, find_header_rows, is_header_row, merge_header, spread_header

MAX_LEFT_OUT = 2    # empty cells a row may leave out (a category printed once above it)
MIN_LABEL_HEADER_ROWS = 3   # a first row of labels is read as the header only above this many rows
MAX_LABEL_CHARS = 12        # a header label of a reader's table (部门, 政策开发重点领域)
LONGER_BODY_RATIO = 1.5     # body cells longer than the labels by this factor: the labels are a header
SHORT_ROW = "table.missing_cells"
UNPLACED = ("table.unplaced_row", "its cells fit no placement on the columns; kept in printed order")


@dataclass
class Block:
    cells: list[Cell]
    page: Optional[int] = None
    paras: list[int] = field(default_factory=list)   # the paragraphs its lines belong to
    keys: Optional[list[str]] = None   # the header word each cell was printed after (key:value records)
    # cells printed without row breaks (one cell per line, no blank line between rows): cut into
    # rows by the header's width; where: each cell's (paragraph, page)
    unbroken: bool = False
    where: list[tuple[Optional[int], Optional[int]]] = field(default_factory=list)
    cut: bool = False   # a row cut by the width from an unbroken run: its cells must fit their columns
    # what its form noticed (warnings); a SHORT_ROW note (`prints 3 of 5 cells; read in order`)
    # holds only while the row is read as printed, not once its cells are placed by what they are
    notes: list[tuple[str, str]] = field(default_factory=list)
    extra_span: Optional[tuple[int, int]] = None   # printed lines of the row that are in no cell
    # a row whose cell bounds the form knows (a reader's table: cells with their column and span):
    # column → columns a merged cell spans
    wide: dict[int, int] = field(default_factory=dict)

    def row(self, cells: list[Cell], placed: bool = False) -> GridRow:
        """A grid row of the table from this block's cells (placed: in other columns than
        printed, so no merged cell spans from where it was)."""
        notes = [n for n in self.notes if not (placed and n[0] == SHORT_ROW)]
        return GridRow(cells, page=self.page, notes=notes, extra_span=self.extra_span,
                       wide={} if placed else dict(self.wide))

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    def filled(self) -> int:
        return sum(1 for c in self.cells if not c.empty())


@dataclass
class Assembled:
    rows: list[GridRow]     # header rows first
    header_rows: int
    used: int               # blocks read (the table ends after them)
    roles: list[Optional[str]]
    paras: list[int] = field(default_factory=list)   # the paragraphs of the blocks read


def header_blocks(blocks: list[Block]) -> int:
    """How many leading blocks are header rows (a sub-heading row under the header is none)."""
    width = len(blocks[0].cells) if blocks else 0   # a one-cell block is as wide as the table
    return find_header_rows([GridRow(b.cells + [Cell() for _ in range(width - len(b.cells))]) for b in blocks])


def split_header(block: Block) -> Optional[tuple[Block, Block]]:
    """A first block that opens with header words and goes on with the rows: (header, rest)."""
    k = 0
    while k < len(block.cells) and not block.cells[k].empty() and classify.is_header_cell(block.cells[k].text) \
            and not classify.is_nature(block.cells[k].text):
        k += 1
    if k < 2 or k == len(block.cells) or not is_header_row(block.texts[:k], first=True):
        return None
    return (Block(block.cells[:k], block.page, block.paras),
            Block(block.cells[k:], block.page, block.paras))


def place(cells: list[Cell], roles: list[Optional[str]]) -> Optional[list[Cell]]:
    """The row's cells on the columns by what they are, or None when no placement fits (or the
    row would have no name, or fill one column only: no row). Its empty cells are printed
    cells too (they hold their column's place) and are tried first; then the filled ones alone
    (a converter that left the empty cells out)."""
    for printed in (cells, [c for c in cells if not c.empty()]):
        placed = assign.assign([c.text for c in printed], roles)
        if placed is None:
            continue
        out = []
        for ks in placed:
            cell = Cell()
            for k in ks:
                cell.add(printed[k])
            out.append(cell)
        filled = sum(1 for c in out if not c.empty())
        # one filled cell is a row only where the printed empty cells pin it to the name column
        # (a spacer row under a merged category: ` | 医师数 |  |  |  | `, the wrapped rest of a name)
        spacer = printed is cells and filled == 1 and len(cells) >= len(roles) - 1 and any(c.empty() for c in cells)
        if ("name" in roles and out[roles.index("name")].empty()) or (filled < 2 and not spacer):
            continue
        return out
    return None


def fits_as_printed(cells: list[Cell], roles: list[Optional[str]]) -> bool:
    return len(cells) == len(roles) and all(assign.fits(r, c.text) for c, r in zip(cells, roles))


def assemble(blocks: list[Block], ends: bool, header: Optional[int] = None,
             rows_printed: bool = False, empties_printed: bool = True,
             bounded: bool = False) -> Optional[Assembled]:
    """The grid rows of a table printed as blocks (see the module doc). ends: an unplaceable
    block followed by another ends the table (the form does not know where it ends). header:
    the number of header blocks when the form prints where its header ends (the keys of
    key:value records, a Markdown delimiter row), else found from the header words.
    rows_printed: each block is one printed row (a pipe row, an HTML <tr>), never several.
    empties_printed: the form prints a row's empty cells (a tab, a pipe, a line of spaces), so a
    printed row short of cells lost only its trailing ones; whitespace words print none.
    bounded: the form knows every cell's column and span (a reader's table): its rows are as
    wide as the table, and no cell of one column is joined to the next."""
    blocks = [b for b in blocks if b.cells]
    h = header_blocks(blocks) if header is None else header
    if h == 0 and blocks and not rows_printed:
        cut = split_header(blocks[0])
        if cut is None:
            return None
        blocks = list(cut) + blocks[1:]
        h = 1
    if h == 0:
        return None
    width = len(blocks[0].cells)
    head = [b.row(list(b.cells) + [Cell() for _ in range(width - len(b.cells))]) for b in blocks[:h]]
    spread_header(head)
    roles = [classify.header_role(t) for t in merge_header(head)]
    printed_header = [tuple(b.texts) for b in blocks[:h]]
    blocks = blocks[:h] + [r for b in blocks[h:]
                           for r in (cut_by_width(b, width, roles, printed_header) if b.unbroken else [b])]
    if rows_printed and not bounded:
        join_split_names(blocks[h:], blocks[0], roles)
    rows: list[GridRow] = list(head)
    used = h
    for n in range(h, len(blocks)):
        b = blocks[n]
        if not b.filled() and b.cut:
            break   # a row of empty cells cut from the run: what follows the table
        if not b.filled():
            used = n + 1
            continue   # a spacer row with nothing in it
        if tuple(b.texts) in printed_header or (h > 1 and header_blocks(blocks[n:n + h]) == h):
            rows.append(b.row(b.cells))   # the header printed again after a page break
            used = n + 1
            continue
        got = _rows_of(b, roles, width, ends, printed_header, rows_printed, rows_printed and empties_printed,
                       bounded)
        if got is None:
            if ends and (b.filled() < 2 or not _fits_next(blocks[n + 1:], roles, width, printed_header)):
                break
            got = [b.row(list(b.cells))]
            got[0].notes.append(UNPLACED)
        rows += got
        used = n + 1
    if used == h:
        return None
    return Assembled(rows=rows, header_rows=h, used=used, roles=roles,
                     paras=[p for b in blocks[:used] for p in b.paras])


def to_grid(blocks: list[Block], paras: tuple[int, int], header: Optional[int] = None,
            rows_printed: bool = False, bounded: bool = False) -> Grid:
    """The grid of a table printed as blocks, for a form that knows where the table ends: the
    assembled rows, or the blocks as printed when no header is found (a table of other things:
    grid.finish reads it as it is). bounded: see assemble (the grid is a reader's: ruled)."""
    got = assemble(blocks, ends=False, header=header, rows_printed=rows_printed, bounded=bounded)
    if got is None:
        return Grid(rows=[b.row(b.cells) for b in blocks], paras=paras, ruled=bounded)
    return Grid(rows=got.rows, paras=paras, header_rows=got.header_rows, ruled=bounded)


def table_grid(table: "RawTable", spans: list[tuple[int, int]], pages: list[Optional[int]],
               paras: tuple[int, int], skip: int = 0) -> Grid:
    """The grid of a table whose cells the form knows with their columns and spans (a reader's
    RawTable; an HTML <table> inside a text): one block a row (spans, pages: each row's), its
    merged cells with the columns they span, a row that left cells out (RawTable.short) with
    only its printed cells, to be placed by what they are; the first `skip` rows left out (a
    caption). The header: the rows of header words, or the reader's header row when it is
    a row of short labels over longer rows (_reads_as_header); one printed over two rows is one
    header even when the reader marked one."""
    blocks: list[Block] = []
    for r, raw_row in enumerate(table.rows):
        if r < skip:
            continue
        span = spans[r] if r < len(spans) else None
        printed = raw_row[:table.short[r]] if r in table.short else raw_row
        blocks.append(Block([Cell([c] if c.strip() else [], span if c.strip() else None) for c in printed],
                            page=pages[r] if r < len(pages) else None,
                            wide={c: n for (row, c), n in table.wide.items() if row == r}))
    found = header_blocks(blocks)
    if not found and table.header_rows and _reads_as_header(table.rows):
        found = 1
    header = max(found, table.header_rows if found else 0)
    return to_grid(blocks, paras, header=header or None, rows_printed=True, bounded=True)


_SENTENCE_MARK = regex_cache.compile(r"[，。；：:,;！？]")
_DIGIT = regex_cache.compile(r"\d")


def _reads_as_header(rows: list[list[str]]) -> bool:
    """A reader's first row of short labels over rows of longer text is the header even when no
    header word of the vocabulary is in it (部门 | 政策开发重点领域 | 对应的健康因素)."""
    if len(rows) < MIN_LABEL_HEADER_ROWS:
        return False
    first = [clean_text(c) for c in rows[0]]
    if len(first) < 2 or not all(first) or len(set(first)) < len(first):
        return False
    if any(len(c) > MAX_LABEL_CHARS or _DIGIT.search(c) or _SENTENCE_MARK.search(c) for c in first):
        return False
    body = [clean_text(c) for r in rows[1:] for c in r]
    # the labels do not come back in the rows below (a first data row would be like the others)
    if any(c in body for c in first):
        return False
    longer = sum(len(c) for c in body) / max(1, len(body))
    return longer > LONGER_BODY_RATIO * sum(len(c) for c in first) / len(first)


def _fits_next(after: list[Block], roles: list[Optional[str]], width: int, header: list[tuple]) -> bool:
    """The next block is a row of the table (or its header printed again)."""
    nxt = next((b for b in after if b.filled()), None)
    return nxt is not None and (tuple(nxt.texts) in header or _rows_of(nxt, roles, width, True, header) is not None)


def _filled_width(cells: list[Cell]) -> int:
    n = len(cells)
    while n and cells[n - 1].empty():
        n -= 1
    return n


def join_split_names(rows: list[Block], header: Block, roles: list[Optional[str]]) -> None:
    """Printed rows one cell wider than the header under a name header that spans two columns: a
    group printed once (`工业投资`, empty below) and an item (`年度数` / `累计数`). Both go into
    the name cell, the group carried down: `工业投资年度数`, `工业投资累计数`."""
    h = _filled_width(header.cells)
    if "name" not in roles[:h]:
        return
    j = roles.index("name")

    def split(b: Block) -> bool:
        return _filled_width(b.cells) == h + 1 and len(b.cells) > j + 1 and not b.cells[j + 1].empty() \
            and not classify.is_value(b.cells[j + 1].text)

    group: Optional[Cell] = None
    for b in rows:
        if not split(b):
            group = None
            continue
        cells = b.cells
        if not cells[j].empty():
            group = Cell(list(cells[j].lines), cells[j].span)
            cells[j].add(cells[j + 1])
        elif group is not None:
            cells[j] = Cell(group.lines + cells[j + 1].lines, cells[j + 1].span)
        else:
            cells[j] = cells[j + 1]
        del cells[j + 1]


def _category_only(b: Block, roles: list[Optional[str]]) -> bool:
    """A row that prints only its category (a category in a row of its own above its rows)."""
    return "category" in roles and len(b.cells) == len(roles) and not b.cells[roles.index("category")].empty() \
        and b.filled() == 1


def cut_by_width(run: Block, width: int, roles: list[Optional[str]], header: list[tuple]) -> list[Block]:
    """Cells printed without row breaks, cut into rows of the header's width: the header printed
    again after a page break is skipped; a sub-heading (结果性指标) is a row of its own, printed
    as one line or with its empty cells; under a 序号 column the rows must count 1, 2, 3 …
    (the table ends where they do not: a row whose number is missing would shift every row
    after it)."""
    seq = roles.index("seq") if "seq" in roles else None
    cells, where = run.cells, run.where
    texts = [c.text for c in cells]
    out: list[Block] = []

    def row(a: int, b: int, pad: int = 0) -> Block:
        ps = [p for p, _ in where[a:b] if p is not None]
        page = next((pg for p, pg in where[a:b] if p is not None), None)
        return Block(cells[a:b] + [Cell() for _ in range(pad)], page=page, paras=ps, cut=True)

    k, expected = 0, 1
    while k + width - MAX_LEFT_OUT <= len(cells) and (k + width <= len(cells) or _left_out(cells, k, width, roles) < width):
        chunk = texts[k:k + width]
        if any(tuple(chunk) == h for h in header):
            k += width
            continue
        if classify.is_group_text(chunk[0]):
            taken = width if not any(chunk[1:]) else 1
            out.append(row(k, k + 1, width - 1))
            k += taken
            continue
        if "category" in roles and chunk[roles.index("category")] \
                and not any(t for j, t in enumerate(chunk) if j != roles.index("category")):
            out.append(row(k, k + width))   # a category printed in a row of its own: no 序号
            k += width
            continue
        if seq is not None and chunk[seq] != str(expected):
            break
        n = width if fits_as_printed(cells[k:k + width], roles) else _left_out(cells, k, width, roles)
        out.append(row(k, k + n, width - n))
        expected += 1
        k += n
    while out and out[-1].filled() == 1 and classify.is_group_text(out[-1].cells[0].text):
        out.pop()   # a sub-heading with no row under it: the heading after the table
    return out


def _left_out(cells: list[Cell], k: int, width: int, roles: list[Optional[str]]) -> int:
    """How many cells the row at k prints when its cells do not fit their columns as printed: a
    row that leaves out a merged cell's place (a category printed once above its rows, as
    Word's plain text prints it) is up to MAX_LEFT_OUT cells short, when its cells placed by
    what they are fit and the next row starts right after them (or the full width fits no
    placement: the table ends after the short row); else the header's width."""
    def short_row(at: int, n: int) -> bool:
        """The n cells at `at`, placed, fill every column but a category's."""
        if n < 2 or at + n > len(cells) or any(c.empty() for c in cells[at:at + n]):
            return False
        placed = place(cells[at:at + n], roles)
        return placed is not None and all(not c.empty() or r == "category" for c, r in zip(placed, roles))

    def starts_row(at: int) -> bool:
        return at >= len(cells) or fits_as_printed(cells[at:at + width], roles) or short_row(at, width - 1)
    placeable = place(cells[k:k + width], roles) is not None   # else the short row ends the table
    for n in range(width - 1, width - MAX_LEFT_OUT - 1, -1):
        if short_row(k, n) and (starts_row(k + n) or not placeable):
            return n
    return width


def _by_key(b: Block, keys: tuple, width: int) -> Optional[list[GridRow]]:
    """A block whose cells name their columns (key:value records): each in the column its key
    heads; None when a key heads no column."""
    cells = [Cell() for _ in range(width)]
    for key, cell in zip(b.keys or [], b.cells):
        if clean_text(key) not in keys:
            return None
        cells[keys.index(clean_text(key))] = cell
    return [b.row(cells)]


def _rows_of(b: Block, roles: list[Optional[str]], width: int, ends: bool,
             header: Optional[list[tuple]] = None, one_row: bool = False,
             pad: bool = False, bounded: bool = False) -> Optional[list[GridRow]]:
    """The rows one block prints, or None when its cells fit no placement. bounded: a reader's
    row, whose cells are in their columns unless it printed fewer than the table has."""
    n = len(b.cells)
    if b.cut:
        # a row cut from cells printed without row breaks: as printed when its cells fit their
        # columns (a sub-heading alone in the first cell, a category alone in its column too)
        lone = b.filled() == 1 and not b.cells[0].empty()
        if lone and classify.is_group_text(b.cells[0].text):
            return [b.row(list(b.cells))]
        if fits_as_printed(b.cells, roles) and (b.filled() >= 2 or _category_only(b, roles)):
            return [b.row(list(b.cells))]
        placed = place([c for c in b.cells if not c.empty()], roles)
        return [b.row(placed, placed=True)] if placed is not None else None
    if b.keys is not None:
        return _by_key(b, header[0], width) if header else None
    if n == width:
        return [b.row(list(b.cells))]
    if pad and n < width and not (b.filled() == 1 and b.cells[0].empty() and b.cells[-1].empty()):
        # a printed row that lost its trailing empty cells (`⇥保障⇥⇥⇥⇥维持在85%左右`), when
        # its cells fit their columns as printed; one that left out a cell inside is placed
        # below, as is a spacer row with one filled cell among printed empty ones
        # (` | 执业（助理）医师数 |  |  |  | ` under a merged category: a name's wrapped rest)
        padded = list(b.cells) + [Cell() for _ in range(width - n)]
        if fits_as_printed(padded, roles):
            return [b.row(padded)]
    if n < width and b.filled() == 1 and not b.cells[0].empty() and (bounded or classify.is_group_text(b.cells[0].text)):
        # a sub-heading row merged across the table (结果性指标), printed as one cell (a reader's
        # row of one cell is one, whatever it says: grid.group_rows reads it)
        return [b.row(list(b.cells) + [Cell() for _ in range(width - n)])]
    if n >= 2 * width and n % width == 0 and not one_row:
        chunks = [b.cells[s:s + width] for s in range(0, n, width)]
        if not ends or all(fits_as_printed(c, roles) for c in chunks):
            return [b.row(list(c)) for c in chunks]
    placed = place(b.cells, roles)
    if placed is None:
        return None
    return [b.row(placed, placed=True)]
