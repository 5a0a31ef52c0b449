"""tables stage: read every table of the document, classify it, and give it a title.

One table model. regions.find_regions finds where tables are and how they are printed; each
form's own code only cuts its region into printed cells and row breaks — tab rows and tab-led
cells (tables/rebuild_cells.py), whitespace words (rebuild_flat.py), one cell per line
(rebuild_bare.py, rebuild_numbered.py), key:value records (records.py), Markdown and HTML
(markdown.py), the reader's own tables (reader_grid below). The one-cell-per-line blocks are
assembled by one set of rules (tables/stream.py: header rows, width, rows as printed or placed);
a row that prints more or fewer cells than the header has columns is placed by what its cells
are (tables/assign.py). Every form gives a grid.Grid, and grid.finish applies the shared rules
(header, sub-heading rows, merged values, spacer rows, categories) → model.Table, with what is
known of each row (its page, its sub-heading) in state.table_rows. Rows that could not be read
with certainty are kept and get a warning each.
"""
from __future__ import annotations

from typing import Optional

import regex

from .. import regex_cache
from ..model import Table
from ..raw import RawTable
from ..state import State, TableRow
from ..tables import classify, grid as grid_mod, markdown, stream, rebuild_bare, rebuild_cells, rebuild_flat, rebuild_numbered, records
from ..tables.grid import Cell, Grid, GridRow, Rebuilt
from ..tables.regions import Region, find_regions

MIN_HEADER_TABLE_ROWS = 3      # a first row is read as a caption or a label header only above this many
MIN_KNOWN_HEADER_COLUMNS = 2   # a header naming this many columns the vocabulary knows makes one row a table
TOC_ROW_SHARE = 0.6            # rows that read as `heading … page` making a table a table of contents


def run(state: State) -> None:
    index: Optional[dict[int, int]] = None
    boxed = {a for a, _ in state.box_paras.values() if state.norm.paras[a].kind == "table"}
    headings = {h.span[0]: h.title for h in state.outline}   # a caption that is a heading: by offset
    read_until = 0   # paragraphs up to here belong to a table already read
    for region in find_regions(state):
        if region.a < read_until:
            continue  # inside a table already read (a numbered table's header lines)
        if region.form == "cells" and index is None:
            index = rebuild_cells.cell_blocks(state)
        if region.form == "reader" and region.a in boxed:
            continue  # a reader table that is a 专栏 box: segment made the box
        grid = rebuild(state, region, index or {})
        rebuilt = grid_mod.finish(grid) if grid is not None else None
        if rebuilt is None or not _is_table(rebuilt, state):
            continue
        add_table(state, rebuilt, headings)
        read_until = max(read_until, rebuilt.paras[1])


def rebuild(state: State, region: Region, index: dict[int, int]) -> Optional[Grid]:
    if region.form == "cells":
        return rebuild_cells.rebuild(state, region.a, region.b, index)
    if region.form == "flat":
        return rebuild_flat.rebuild(state, region.paras)
    if region.form == "pipe":
        return markdown.rebuild_pipe(state, region.paras)
    if region.form == "html":
        return markdown.rebuild_html(state, region.a, region.b)
    if region.form == "bare":
        return rebuild_bare.rebuild(state, region.a, region.width)
    if region.form == "numbered":
        return rebuild_numbered.rebuild(state, region.a)
    if region.form == "records":
        return records.rebuild(state, region.a, region.b)
    if region.form == "reader":
        return reader_grid(state, region.a)
    return None


def caption_row(table: RawTable) -> Optional[str]:
    """The table's first row when it is a caption (`专栏2 重大建设项目`, `表1 …`): one text, in
    one cell or repeated across a merged row, above a header row of its own."""
    if len(table.rows) < MIN_HEADER_TABLE_ROWS:
        return None
    first = {grid_mod.clean_text(c) for c in table.rows[0] if c.strip()}
    if len(first) != 1:
        return None
    text = next(iter(first))
    if len(text) > classify.vocab().data.max_caption_chars or not _BOX_MARK.match(text):
        return None
    second = GridRow([Cell([c] if c.strip() else []) for c in table.rows[1]])
    return text if grid_mod.find_header_rows([second]) else None


def reader_grid(state: State, i: int) -> Optional[Grid]:
    """A table the reader already knows (DOCX, DOC, ruled PDF, OFD, HTML): its rows, each on
    its line of the paragraph, are the blocks of the shared assembly (stream.table_grid)."""
    para = state.norm.paras[i]
    table: Optional[RawTable] = para.table
    if table is None:
        return None
    spans = []
    pos = para.start
    lines = state.norm.para_text(para).split("\n")
    for r in range(len(table.rows)):
        line = lines[r] if r < len(lines) else ""
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    pages = [table.row_pages[r] if r < len(table.row_pages) else para.page for r in range(len(table.rows))]
    skip = 1 if caption_row(table) else 0   # a caption printed in the table's first row
    return stream.table_grid(table, spans, pages, (i, i + 1), skip=skip)


def _is_table(t: Rebuilt, state: State) -> bool:
    """At least two rows of two filled columns — or one under a header of two columns or more
    that the vocabulary knows (序号 | 任务 | 牵头单位 | 配合单位 over a single task) — and not a
    table of contents."""
    filled = [r for r in t.rows if sum(1 for c in r if c) >= 2]
    known = sum(1 for c in t.columns if c and classify.header_role(c) is not None)
    if len(filled) < (1 if known >= MIN_KNOWN_HEADER_COLUMNS else 2):
        return False
    if t.kind == "other" and not any(t.columns):
        from ..lexicon.numbering import starts_like_heading
        toc_like = sum(1 for r in t.rows if r and starts_like_heading(r[0]) and regex.fullmatch(r"\d{1,4}", r[-1]))
        if toc_like >= TOC_ROW_SHARE * len(t.rows):
            return False
    return True


def add_table(state: State, t: Rebuilt, headings: Optional[dict[int, str]] = None) -> Table:
    norm = state.norm
    a, b = t.paras
    tid = f"tb{len(state.tables) + 1}"
    span = (norm.paras[a].start, norm.paras[b - 1].end)
    raw_tables = [norm.paras[k].table for k in range(a, b) if norm.paras[k].table is not None]
    # a reader's table knows every page it runs over and the caption it took from above it
    pages = sorted({p for p in t.row_pages if p is not None} |
                   {norm.paras[k].page for k in range(a, b) if norm.paras[k].page is not None} |
                   {p for rt in raw_tables for p in rt.pages})
    if headings is None:
        headings = {h.span[0]: h.title for h in state.outline}
    title = caption(state, a, headings) or next((t for rt in raw_tables for t in (caption_row(rt), (rt.title or "").strip()) if t), None)
    table = Table(id=tid, section=state.section_at(span[0]), kind=t.kind, title=title,  # type: ignore[arg-type]
                  columns=t.columns, rows=t.rows, span=span, pages=pages or None,
                  row_spans=t.row_spans)
    state.tables.append(table)
    state.table_paras[tid] = (a, b)
    # a row read from the text's own lines is on the page where its span starts (a block of
    # several rows printed without row breaks carries one page, its first); a reader's table
    # (one paragraph) knows its rows' pages itself
    def row_page(page: Optional[int], row_span: tuple[int, int]) -> Optional[int]:
        if page is None or (not raw_tables and row_span[1] > row_span[0]):
            return norm.page_at(row_span[0])
        return page
    state.table_rows[tid] = [
        TableRow(page=row_page(page, span), group=group, is_group=is_group)
        for page, span, group, is_group in zip(t.row_pages, t.row_spans, t.row_groups, t.group_rows)]
    for code, message, where, row in t.notes:
        at = f"table {tid}" + (f" row {row}" if row is not None else "")
        state.warn(code, f"{at}: {message}", where)
    return table


_BOX_MARK = regex_cache.compile(r"^(?:专栏|表)\s*[0-9一二三四五六七八九十]+\s*[:：.、]?\s*")


def caption(state: State, a: int, headings: dict[int, str]) -> Optional[str]:
    """The line above the table when it names a table: a caption, or a heading that reads as one
    (headings: heading titles by the offset they start at)."""
    norm = state.norm
    k = a - 1
    if k < 0 or norm.paras[k].kind != "text":
        return None
    text = norm.para_text(norm.paras[k]).strip()
    v = classify.vocab()
    heading = headings.get(norm.paras[k].start)
    if heading is not None:
        text = heading
    if not text or len(text) > v.data.max_caption_chars or regex.search(r"[。；]$", text):
        return None
    if not v.caption.search(_BOX_MARK.sub("", text)):
        return None
    return text
