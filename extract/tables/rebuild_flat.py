"""Tables a PDF extractor flattened to whitespace-separated words, one printed line per row.

What the extractor does to a table, and how each is undone:
- a name or unit too wide for its cell wraps onto lines of its own before the row's values
  (`以乡为单位适龄儿童免疫规划` / `疫苗接种率` / `％ ≥95 ≥96 约束性`): the row lacks its
  leading columns, which are taken from those lines (unit pieces last: `DDDs.` / `100/人`);
- a category written vertically in a merged cell comes out as a stack of short lines before
  the first row it covers (`疾病` / `预防` / `控制`): it labels that row and those below;
- two rows printed side by side come out column by column, one word per line (names, then
  units, then each value column): read back row by row, with a warning.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from .. import regex_cache
from ..lexicon.layout import display_width
from ..raw import RawLine
from ..state import State
from . import classify, records, stream
from .grid import Cell, Grid, GridRow, is_page_furniture, join_spans, running_heads

_MAX_STACK_WORD = 3   # a vertically written label prints one to three characters a line


@dataclass
class _Line:
    text: str
    span: tuple[int, int]
    page: Optional[int]
    blank_before: bool = False


def _is_stack_word(text: str) -> bool:
    return len(text) <= _MAX_STACK_WORD and bool(regex.fullmatch(r"\p{Han}+", text))


def rebuild(state: State, paras: list[int]) -> Optional[Grid]:
    ruled = _rule_columns(state, paras)
    if ruled is not None:
        grid = _rebuild_by_columns(state, paras, *ruled)
        if grid is not None:
            return grid
    norm = state.norm
    items = [_Line(norm.para_text(norm.paras[i]), (norm.paras[i].start, norm.paras[i].end),
                   norm.paras[i].page, norm.paras[i].blank_before) for i in paras]
    header = items[0].text.split()
    if norm.paras[paras[0]].kind == "text":   # a header line of words: its spaces on the reader's line
        header = records.raw_text(state, paras[0]).split()
    if not _is_header(header):
        return None
    header_lines = 1 + _header_second_line(state, paras, header)
    columns = list(header)
    roles = [classify.header_role(h) for h in columns]
    width = len(columns)
    rows: list[GridRow] = []
    labels: list[Optional[list[str]]] = []   # a category label written vertically, by row
    pending: list[_Line] = []
    has_stack = False
    running = running_heads(state)
    printed_header = "".join(header)
    for k, item in enumerate(items[1:], 1):
        if k < header_lines:
            continue
        if is_page_furniture(item.text, running) or regex.sub(r"\s+", "", item.text) == printed_header:
            continue   # a page number, the running head or the header printed again at a page break
        tokens = item.text.split()
        if not pending and len(tokens) == 1 and classify.is_group_text(tokens[0]):
            # a sub-heading row (结果性指标): its text in the first cell
            rows.append(GridRow([Cell(tokens, item.span)], page=item.page))
            labels.append(None)
            continue
        if len(tokens) < 2 or not any(classify.is_value(t) or classify.is_nature(t) for t in tokens):
            if _rest_of_row_above(items, k, rows, pending) and "name" in roles:
                rows[-1].cells[roles.index("name")].add(Cell([item.text.strip()], item.span))
                continue   # rows apart by blank lines: a line right under a row is its wrapped name
            pending.append(item)
            continue
        missing = max(0, width - len(tokens))
        label, pending = _take_stack(pending, missing=missing)
        has_stack = has_stack or label is not None
        block_rows, pending = _leading_block(pending, roles, missing)
        if block_rows:
            rows += block_rows
            labels += [label] + [None] * (len(block_rows) - 1)
            label = None
        rows.append(_fit(tokens, item, pending, roles, width))
        labels.append(label)
        pending = []
    if pending:
        label, pending = _take_stack(pending, missing=0)
        block_rows = _column_major(pending, roles)
        if block_rows:
            rows += block_rows
            labels += [None] * len(block_rows)
    # a category written vertically labels its rows in a column of its own (grid.finish carries
    # it down), unless the header has a category column
    with_labels = "category" not in roles and has_stack
    if with_labels:
        columns = ["类别"] + columns
    head = stream.Block([Cell([c]) for c in columns])
    blocks = [stream.Block(([Cell(label or [])] if with_labels else []) + r.cells, page=r.page, notes=r.notes,
                           extra_span=r.extra_span) for r, label in zip(rows, labels)]
    got = stream.assemble([head] + blocks, ends=False, header=1, rows_printed=True, empties_printed=False)
    if got is None:
        return None
    return Grid(rows=got.rows[got.header_rows:], paras=(paras[0], paras[-1] + 1), columns=columns,
                header_rows=0)


# the rule of dash groups a plain-text table prints under its header (pandoc's simple and
# multiline tables): each group spans one column
_DASH_RULE = regex_cache.compile(r"^\s*-{2,}(?:[ ]+-{2,})+\s*$")
_DASHES = regex_cache.compile(r"-+")
_RULE = regex_cache.compile(r"^\s*[-=—]{3,}(?:\s+[-=—]{3,})*\s*$")


_FULL_RULE = regex_cache.compile(r"^\s*-{3,}\s*$")
MAX_DASHED_HEADER_LINES = 3   # a header wrapped inside its columns prints at most this many lines
MAX_DASHED_LINES = 5000       # a multiline table's closing rule is looked for this far


def _rule_under(state: State, i: int) -> Optional[int]:
    """The paragraph of the dash rule under a header that opens at paragraph i (its one to
    three lines printed right above the rule, with no blank line between)."""
    paras = state.norm.paras
    for k in range(i + 1, min(i + 1 + MAX_DASHED_HEADER_LINES, len(paras))):
        if paras[k].blank_before:
            return None
        raw = _raw_line(state, k)
        if raw is not None and _DASH_RULE.match(raw):
            return k
    return None


def dashed_run(state: State, i: int) -> Optional[tuple[int, list[int]]]:
    """A table whose dash rules delimit it (pandoc's simple and multiline tables): its header's
    lines open at paragraph i, right under a blank line or a full dash line, and a rule of dash
    groups (one a column) stands under them. A table opened by a full dash line (multiline) runs
    to the full dash line that closes it, whatever its rows print (prose with ，。, lines of a
    wrapped cell apart by blank lines); one without (simple) to its first blank line. Returns the
    paragraph after the table and its paragraphs, or None."""
    norm, blocks = state.norm, state.raw.blocks
    paras = norm.paras
    top = paras[i].block
    if top is None or paras[i].heading_level or paras[i].kind not in ("text", "row"):
        return None
    rule = _rule_under(state, i)
    if rule is None:
        return None
    above = blocks[top - 1] if top > 0 else None
    above_text = above.text.strip() if isinstance(above, RawLine) else ""
    if above_text and not _FULL_RULE.match(above_text):
        return None   # the header's first line is not the line i opens with
    multiline = bool(above_text)
    k = paras[rule].block + 1
    limit = min(len(blocks), k + MAX_DASHED_LINES)
    while k < limit and isinstance(blocks[k], RawLine):
        t = blocks[k].text.strip()
        if _FULL_RULE.match(t) or (not multiline and not t):
            break
        k += 1
    if multiline and (k == limit or not isinstance(blocks[k], RawLine) or not _FULL_RULE.match(blocks[k].text)):
        return None   # no closing rule: not a table the rules delimit
    end = rule + 1
    while end < len(paras) and paras[end].block is not None and paras[end].block < k:
        end += 1
    if end == rule + 1:
        return None   # no row
    return end, list(range(i, end))


def _rule_columns(state: State, paras: list[int]) -> Optional[tuple[int, list[int]]]:
    """The dash rule under the header (its line printed right after the header's one to three
    lines): its paragraph, and the display column each column starts at."""
    k = _rule_under(state, paras[0])
    if k is None:
        return None
    raw = _raw_line(state, k)
    return k, [display_width(raw[:m.start()]) for m in _DASHES.finditer(raw)]


def _cut(text: str, starts: list[int]) -> list[str]:
    """A line cut into the columns by where each character is printed: it belongs to the
    column whose start is the last at or before it."""
    cells = [""] * len(starts)
    col = 0
    for ch in text:
        j = max((j for j, s in enumerate(starts) if s <= col), default=0)
        cells[j] += ch
        col += display_width(ch)
    return [c.strip() for c in cells]


def _rebuild_by_columns(state: State, paras: list[int], rule: int, starts: list[int]) -> Optional[Grid]:
    """A table whose dash rule gives its columns: header words (wrapped over a second line, or
    with a space inside: `2025 年`), names with spaces, empty cells and cells wrapped onto the
    lines under their row are read by position, not word by word. Rows stand apart by blank
    lines (multiline) or one a line (simple); a line of header words right under the rule is the
    header's second row (a converter that takes one header row prints the second as a body row)."""
    norm = state.norm
    first, last = norm.paras[paras[0]].block, norm.paras[rule].block
    if first is None or last is None:
        return None
    # the header's lines as printed (the normalizer may have joined them into one paragraph)
    head_lines = [b.text.rstrip() for b in state.raw.blocks[first:last] if isinstance(b, RawLine) and b.text.strip()]
    if not head_lines:
        return None
    header = ["".join(parts) for parts in zip(*(_cut(line, starts) for line in head_lines))]
    header = ["".join(h.split()) for h in header]
    if not _is_header([h for h in header if h]) or not all(header):
        return None
    body = [i for i in paras if i > rule and not _DASH_RULE.match(norm.para_text(norm.paras[i]).strip())]
    apart = any(norm.paras[i].blank_before for i in body[1:])   # rows apart by blank lines
    running = running_heads(state)
    rows: list[GridRow] = []
    for n, i in enumerate(body):
        para = norm.paras[i]
        if is_page_furniture(norm.para_text(para), running):
            continue
        span = (para.start, para.end)
        lines = [t for t in _raw_lines(state, i) if not _RULE.match(t)]   # not the rules around the rows
        for m, text in enumerate(lines):
            cells = _cut(text, starts)
            if not rows and n == 0 and m == 0 and all(not c or (classify.is_header_cell(c) and not classify.is_group_text(c))
                                                      for c in cells) and not any(classify.is_value(c) for c in cells):
                header = [h + c for h, c in zip(header, cells)]   # the header's second row under the rule
                continue
            if rows and apart and (m or not para.blank_before):
                for cell, more in zip(rows[-1].cells, cells):
                    if more:
                        cell.add(Cell([more], span))   # a cell wrapped onto the line under its row
                continue
            rows.append(GridRow([Cell([c], span) if c else Cell() for c in cells], page=para.page))
    if not rows:
        return None
    # cut by position, every row prints every cell: the shared assembly reads them as printed
    blocks = [stream.Block([Cell([h]) for h in header])] + [stream.Block(r.cells, page=r.page) for r in rows]
    got = stream.assemble(blocks, ends=False, header=1, rows_printed=True)
    if got is None:
        return None
    return Grid(rows=got.rows[1:], paras=(paras[0], paras[-1] + 1), columns=header, notes=[], header_rows=0)


def _raw_lines(state: State, i: int) -> list[str]:
    """Paragraph i's lines as the reader printed them, leading spaces kept (the normalizer may
    have joined a wrapped cell's line to its row)."""
    paras, blocks = state.norm.paras, state.raw.blocks
    first = paras[i].block
    if first is None:
        return [state.norm.para_text(paras[i])]
    last = next((paras[k].block for k in range(i + 1, len(paras)) if paras[k].block is not None), len(blocks))
    return [b.text.rstrip() for b in blocks[first:last] if isinstance(b, RawLine) and b.text.strip()]


def _raw_line(state: State, i: int) -> Optional[str]:
    """Paragraph i's first line as the reader printed it, its leading spaces kept."""
    block = state.norm.paras[i].block
    b = state.raw.blocks[block] if block is not None else None
    return b.text.rstrip() if isinstance(b, RawLine) else None


def _columns(text: str) -> list[tuple[int, str]]:
    """Each word of a line with the display column it starts at (an ideograph is two wide, as
    plain-text table writers pad)."""
    out, col = [], 0
    for m in regex.finditer(r"\S+|\s+", text):
        if not m.group().isspace():
            out.append((col, m.group()))
        col += display_width(m.group())
    return out


def _header_second_line(state: State, paras: list[int], header: list[str]) -> int:
    """A header wrapped over two lines (pandoc's multiline tables: `2025年` over `目标值`): the
    second line's words, each under the header word whose column it starts in, are joined to
    it (header changed in place). Returns the lines taken (0 or 1)."""
    if len(paras) < 2 or paras[1] != paras[0] + 1 or state.norm.paras[paras[1]].kind != "text":
        return 0
    first, second = _raw_line(state, paras[0]), _raw_line(state, paras[1])
    if first is None or second is None:
        return 0
    top, under = _columns(first), _columns(second)
    if [w for _, w in top] != header or not under or \
            not all(classify.is_header_cell(w) and not classify.is_group_text(w) for _, w in under):
        return 0
    for col, word in under:
        j = max((j for j, (c, _) in enumerate(top) if c <= col), default=None)
        if j is None:
            return 0
        header[j] += word
    return 1


def _rest_of_row_above(items: list[_Line], k: int, rows: list[GridRow], pending: list[_Line]) -> bool:
    """In a table whose rows stand apart by blank lines (pandoc's multiline tables), short lines
    right under a row, with a blank line after them, are the rest of that row's wrapped cell."""
    if not rows or pending or items[k].blank_before:
        return False
    # the wrap may take several lines: each short and without values, up to the next blank line
    for nxt in items[k + 1:]:
        if nxt.blank_before:
            return True
        tokens = nxt.text.split()
        if len(tokens) != 1 or classify.is_value(tokens[0]) or classify.is_nature(tokens[0]):
            return False
    return True


def _is_header(tokens: list[str]) -> bool:
    return len(tokens) >= 2 and sum(1 for t in tokens if classify.is_header_cell(t)) >= 2


def _take_stack(lines: list[_Line], missing: int) -> tuple[Optional[list[str]], list[_Line]]:
    """Leading short lines that are a vertically written category label."""
    k = 0
    while k < len(lines) and _is_stack_word(lines[k].text.strip()):
        k += 1
    if missing and k == len(lines):
        k = max(0, k - 1)   # the last short line is the row's own (wrapped) name
    if k == 0:
        return None, lines
    return [ln.text.strip() for ln in lines[:k]], lines[k:]


def _fit(tokens: list[str], item: _Line, pending: list[_Line], roles: list, width: int) -> GridRow:
    """Place a row's words on the columns; missing leading columns come from wrapped lines."""
    cells: list[Cell] = []
    extra = None
    name_col = roles.index("name") if "name" in roles else 0
    if len(tokens) > width:
        # a name with spaces inside: the surplus words belong to the name column
        k = len(tokens) - width
        tokens = tokens[:name_col] + ["".join(tokens[name_col:name_col + k + 1])] + tokens[name_col + k + 1:]
    missing = width - len(tokens)
    if missing > 0 and len(pending) == 1 and "category" in roles:
        # a row that prints every column but the category, under a line of its own: that line is
        # the category (printed in a row of its own above its rows), wherever its column stands
        placed = stream.place([Cell([t], item.span) for t in tokens], roles)
        cat = roles.index("category")
        if placed is not None and placed[cat].empty() and all(not c.empty() for j, c in enumerate(placed) if j != cat):
            placed[cat] = Cell([pending[0].text.strip()], pending[0].span)
            return GridRow(placed, page=item.page)
    if missing > 0 and not pending:
        # no wrapped lines to supply the missing cells: the words are placed by what they are
        # (the assembly's placement, now: a wrapped name under the row joins its name cell);
        # a row no placement fits stays as printed and the assembly keeps it with a warning
        printed = [Cell([t], item.span) for t in tokens]
        return GridRow(stream.place(printed, roles) or printed, page=item.page)
    if missing > 0:
        lead = _leading_cells(pending, missing, roles)
        cells += lead
        for ln in pending:
            extra = join_spans(extra, ln.span)
    for t in tokens:
        cells.append(Cell([t], item.span))
    if missing <= 0 and pending and name_col < len(cells):
        # a full row after lines of its own: the first part of a name too wide for its cell,
        # printed above the line with the rest and the values
        cells[name_col] = Cell([ln.text.strip() for ln in pending] + cells[name_col].lines, item.span)
        for ln in pending:
            extra = join_spans(extra, ln.span)
    return GridRow(cells, page=item.page, extra_span=extra)


def _leading_cells(lines: list[_Line], missing: int, roles: list) -> list[Cell]:
    """The wrapped name (and unit) printed on lines before the row's values."""
    texts = [ln.text.strip() for ln in lines]
    unit_lines: list[str] = []
    if missing >= 2 and "unit" in roles[:missing]:
        k = len(texts)
        while k > 1 and (classify.is_unit(texts[k - 1]) or _unit_piece(texts[k - 1])):
            k -= 1
        unit_lines, texts = texts[k:], texts[:k]
    cells = [Cell(texts)]
    if missing >= 2:
        cells.append(Cell(unit_lines))
    while len(cells) < missing:
        cells.append(Cell())
    return cells


def _unit_piece(text: str) -> bool:
    """A piece of a wrapped unit: `DDDs.`, `100/人`, `天％`."""
    return len(text) <= 8 and bool(regex.fullmatch(r"[A-Za-z0-9./%％‰人天次床日年月万千]+", text))


def _leading_block(lines: list[_Line], roles: list, missing: int) -> tuple[Optional[list[GridRow]], list[_Line]]:
    """Rows flattened column by column at the start of the lines; what follows them is the next
    row's wrapped name (and unit), which holds no values."""
    width = len(roles)
    k = len(lines) - len(lines) % width
    while k >= width:
        rest = lines[k:]
        if (missing or not rest) and not any(classify.is_value(ln.text.strip()) for ln in rest):
            rows = _column_major(lines[:k], roles)
            if rows:
                return rows, rest
        k -= width
    return None, lines


def _column_major(lines: list[_Line], roles: list) -> Optional[list[GridRow]]:
    """Rows printed side by side come out one word per line, column by column."""
    width = len(roles)
    if len(lines) < width or len(lines) % width:
        return None
    m = len(lines) // width
    texts = [ln.text.strip() for ln in lines]
    cols = [texts[j * m:(j + 1) * m] for j in range(width)]
    for role, col in zip(roles, cols):
        if role in ("name", None) and not all(regex.search(r"\p{Han}", t) and not classify.is_value(t) for t in col):
            return None
        if role in ("year", "baseline", "target") and not all(classify.is_value(t) for t in col):
            return None
        if role == "nature" and not all(classify.is_nature(t) for t in col):
            return None
        if role == "unit" and not all(classify.is_unit(t) for t in col):
            return None
    span = None
    for ln in lines:
        span = join_spans(span, ln.span)
    rows = []
    for i in range(m):
        cells = [Cell([cols[j][i]], lines[j * m + i].span) for j in range(width)]
        row = GridRow(cells, page=lines[0].page, extra_span=span)
        if m > 1:
            row.notes.append(("table.interleaved_rows",
                              f"{m} rows printed side by side and flattened column by column; "
                              f"read back as row {i + 1} of {m}"))
        rows.append(row)
    return rows
