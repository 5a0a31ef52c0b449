"""Where the tables are: runs of paragraphs that a rebuilder can read.

Each region names its form (how it was flattened) and its paragraph range; deciding what the
table says is left to the rebuilders and grid.finish.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import regex_cache
from ..lexicon.folds import squeeze_spaces
from ..lexicon.numbering import separates_tables, starts_like_heading
from ..state import State
from . import classify, grid, markdown, rebuild_bare, rebuild_flat, rebuild_numbered, records

_SENTENCE = regex_cache.compile(r"[，。；！？：:;]")
MAX_GAP_LINES = 4          # untabbed lines tolerated between two cell lines (wrapped cells)
MAX_FLAT_LINE_CHARS = 30   # a wrapped name or a stacked label in a flattened table
MAX_HTML_PARAS = 2000
MAX_STACK_LINES = 16       # a category label written vertically, one character a line
MAX_HEADER_WORD_CHARS = 12  # a line that may open an untabbed table: one header word
MAX_WRAP_CHARS = 20        # an untabbed line between cell lines: the wrapped rest of a cell
_STACK_PIECE = regex_cache.compile(r"^\s*\p{Han}{1,3}\s*$")


@dataclass
class Region:
    form: str               # cells | flat | pipe | html | bare | numbered | records | reader
    a: int                  # first paragraph
    b: int                  # one past the last paragraph
    paras: list[int]
    width: int = 0          # bare: header width


def find_regions(state: State) -> list[Region]:
    norm = state.norm
    paras = norm.paras
    texts = [norm.para_text(p) for p in paras]
    out: list[Region] = []
    i = state.front.body_start if state.front.toc else 0
    toc = set(state.front.toc)
    n = len(paras)
    while i < n:
        p, text = paras[i], texts[i]
        if i in toc:
            i += 1
            continue
        if p.kind == "table":
            out.append(Region("reader", i, i + 1, [i]))
            i += 1
            continue
        if markdown.starts_pipe_table(texts, i):
            j = i
            while j < n and (markdown.is_pipe_row(texts[j]) or markdown.is_delimiter(texts[j])
                             or markdown.is_bare_pipe_row(texts[j]) or markdown.is_grid_border(texts[j])):
                j += 1
            if j - i >= 2:
                out.append(Region("pipe", i, j, list(range(i, j))))
                i = j
                continue
        if markdown.HTML_OPEN.search(text):
            j = i
            while j < min(n, i + MAX_HTML_PARAS) and not markdown.HTML_CLOSE.search(texts[j]):
                j += 1
            if j < n:
                out.append(Region("html", i, j + 1, list(range(i, j + 1))))
                i = j + 1
                continue
        if p.kind == "cell":
            running = grid.running_heads(state)
            j = _cell_run_end(paras, i, texts, lambda t: grid.is_page_furniture(t, running))
            lines = [texts[k] for k in range(i, j) if paras[k].kind == "cell"]
            leader = classify.vocab().toc_leader
            if sum(1 for t in lines if leader.search(t)) < 0.5 * len(lines):
                out.append(Region("cells", i, j, list(range(i, j))))
            i = j
            continue
        if any(t.startswith("--") for t in texts[i + 1:i + 1 + rebuild_flat.MAX_DASHED_HEADER_LINES]):
            dashed = rebuild_flat.dashed_run(state, i)
            if dashed is not None:
                out.append(Region("flat", i, dashed[0], dashed[1]))
                i = dashed[0]
                continue
        if (p.kind == "row" or _words_header(state, i)) and not markdown.is_pipe_row(text):
            j, members = _flat_run(paras, texts, i)
            if sum(1 for k in members if paras[k].kind == "row") >= 2:
                out.append(Region("flat", i, j, members))
                i = j
                continue
        if p.kind == "text" and ":" in text or p.kind == "text" and "：" in text:
            if records.starts_records(state, i):
                j = records.region_end(state, texts, i)
                start = max(records.region_start(state, i), out[-1].b if out else 0)
                out.append(Region("records", start, j, list(range(start, j))))
                i = j
                continue
        if p.kind == "text" and p.end - p.start <= MAX_HEADER_WORD_CHARS and rebuild_numbered.starts_table(
                [t.strip() for t in texts[i:i + rebuild_numbered.MAX_HEADER_LINES + 40]], 0):
            out.append(Region("numbered", i, i + 1, [i]))
            i += 1
            continue
        if p.kind == "text" and p.end - p.start <= MAX_HEADER_WORD_CHARS:
            width = rebuild_bare.header_run([t.strip() for t in texts[i:i + 40]], 0)
            if width:
                out.append(Region("bare", i, i + width, [i], width=width))
                i += width
                continue
        i += 1
    return out


def owned_sub_headings(state: State) -> set[int]:
    """Paragraphs a table owns although they read as headings: a numbered sub-heading (`一、经济发展`,
    `（二）民生福祉`) between the header and a row, or between two rows — the tables stage reads it
    as the group of the rows below, so the outline must not take it. In whitespace words the
    normalizer marks those between two rows (kind row); the one under a header line it read as
    text (one year or none) is found here, as are those of a table written one untabbed cell per
    line, where every cell is a text line (cell_line_sub_headings)."""
    norm = state.norm
    paras = norm.paras
    out = cell_line_sub_headings(norm)
    for i in range(2, len(paras)):
        if paras[i].kind == "row" and paras[i - 1].kind == "text" and paras[i - 2].kind == "text" \
                and classify.is_group_text(norm.para_text(paras[i - 1]).strip()) and _words_header(state, i - 2):
            out.add(i - 1)
    return out


def cell_line_sub_headings(norm) -> set[int]:
    """The sub-headings a table written one untabbed cell per line owns. A line counts only where
    a row follows it: a full row's cells, one a line, holding a value and not the table's header
    again (a heading after the table is followed by prose, a heading of its own, or another
    table's header)."""
    paras = norm.paras
    n = len(paras)
    out: set[int] = set()

    def text(k: int) -> str:
        return norm.para_text(paras[k]).strip()

    def cell(k: int) -> bool:
        return paras[k].kind == "text" and not paras[k].heading_level and rebuild_bare.is_cell_line(text(k))

    i = 0
    while i < n:
        if paras[i].kind != "text" or paras[i].end - paras[i].start > MAX_HEADER_WORD_CHARS \
                or not classify.is_header_cell(text(i)):
            i += 1
            continue
        width = rebuild_bare.header_run([text(k) for k in range(i, min(n, i + 40))], 0)
        if not width:
            i += 1
            continue
        j = i + width
        while j < n and cell(j):
            if classify.is_group_text(text(j)):
                row = list(range(j + 1, min(n, j + 1 + width)))
                if len(row) == width and all(cell(k) and not classify.is_group_text(text(k)) for k in row) \
                        and any(classify.is_value(text(k)) for k in row) \
                        and not rebuild_bare.header_run([text(k) for k in row], 0):
                    out.add(j)
            j += 1
        i = max(j, i + 1)
    return out


def _words_header(state: State, i: int) -> bool:
    """A line of header words over whitespace-word rows: `指标 单位 基期值 2025年目标 属性` (one
    year or none, so the normalizer did not take it for a row; its spaces are read on the
    reader's line, since the normalized text closes spaces between ideographs)."""
    paras = state.norm.paras
    if paras[i].kind != "text":
        return False
    k = i + 1
    # short lines before the first row: a sub-heading (结果性指标), a wrapped name's first part
    while k < len(paras) and k - i <= MAX_GAP_LINES and paras[k].kind == "text" and not paras[k].heading_level:
        t = state.norm.para_text(paras[k]).strip()
        if _RULE_LINE.match(t):
            k += 1
            continue   # the rule of dash groups under a header (pandoc's simple and multiline tables)
        if len(t) > MAX_FLAT_LINE_CHARS or _SENTENCE.search(t):
            return False
        k += 1
    if k >= len(paras) or paras[k].kind != "row":
        return False
    return is_words_header(records.raw_text(state, i).split())


def is_words_header(words: list[str]) -> bool:
    return len(words) >= 3 and all(classify.is_header_cell(w) for w in words)


def _after_page_break(gap: list[str], furniture) -> list[str]:
    """The lines of a gap printed on the page its next rows start on: a line above the page
    number and running head stands at the foot of the page before (a sub-heading row left there,
    `二、健康服务`), so it cannot separate the table from its header printed again."""
    last = max((k for k, t in enumerate(gap) if furniture(t.strip())), default=-1)
    return [t for t in gap[last + 1:] if not furniture(t.strip())]


def _cell_run_end(paras, i: int, texts: list[str], furniture=lambda text: False) -> int:
    """End of a run of cell paragraphs, untabbed lines between them included: short ones (wrapped
    cells, stacked labels), and any that sit inside one tab-separated row broken over lines — the
    row before them and the row after them hold together no more cells than the widest row.
    Lines after which the run's header comes again end it when, page furniture left aside (a
    page number, the running head, and what stands above them at the page's foot), they read as
    a heading or the sentence that introduces the next table (lexicon.numbering.separates_tables)."""
    n = len(paras)
    j = i
    width = 0
    header = squeeze_spaces(texts[i])
    while j < n:
        if paras[j].kind == "cell":
            width = max(width, texts[j].count("\t") + 1)
            j += 1
            continue
        k = j
        while k < n and paras[k].kind == "text":
            k += 1
        if k < n and paras[k].kind == "cell" and squeeze_spaces(texts[k]) == header \
                and separates_tables(_after_page_break([texts[g] for g in range(j, k)], furniture)):
            break
        k = j
        while k < n and k - j < MAX_GAP_LINES and paras[k].kind == "text" and paras[k].end - paras[k].start <= MAX_WRAP_CHARS:
            k += 1
        if k < n and k > j and paras[k].kind == "cell":
            j = k
            continue
        # a category written vertically, one character a line, ending on its first row
        k = j
        while k < n and k - j < MAX_STACK_LINES and paras[k].kind == "text" and _STACK_PIECE.match(texts[k]):
            k += 1
        if k < n and k > j and paras[k].kind == "cell" and _STACK_PIECE.match(texts[k].split("\t", 1)[0]):
            j = k
            continue
        k = j
        while k < n and k - j < MAX_GAP_LINES and paras[k].kind == "text" and not paras[k].heading_level:
            k += 1
        if k < n and k > j and paras[k].kind == "cell" and j > i and paras[j - 1].kind == "cell":
            before, after = texts[j - 1].count("\t") + 1, texts[k].count("\t") + 1
            if before >= 2 and after >= 2 and before + after - 1 <= width:
                j = k
                continue
        break
    return j


# a line of dash groups (`------- ----- -----`): the rule a plain-text table prints under its header
_RULE_LINE = regex_cache.compile(r"^[-=—]{3,}(?:\s+[-=—]{3,})*$")


def _flat_run(paras, texts: list[str], i: int) -> tuple[int, list[int]]:
    """A header/row line and the rows and short lines (wrapped names, stacked labels) after it."""
    n = len(paras)
    members = [i]
    last_row = i
    j = i + 1
    while j < n:
        p, t = paras[j], texts[j].strip()
        if p.kind == "row" and not markdown.is_pipe_row(t):
            members.append(j)
            last_row = j
        elif _RULE_LINE.match(t):
            pass   # a rule under the header or around the rows (pandoc's simple and multiline tables)
        elif p.kind == "text" and len(t) <= MAX_FLAT_LINE_CHARS and not _SENTENCE.search(t) \
                and not p.heading_level:
            members.append(j)
        else:
            break
        j += 1
    # trailing short lines belong to the table only when they hold values (rows flattened
    # column by column); otherwise they are whatever follows it
    tail = [k for k in members if k > last_row]
    if tail and not any(classify.is_value(texts[k].strip()) for k in tail):
        members = [k for k in members if k <= last_row] + _wrapped_last_row(paras, texts, members, last_row, tail)
    end = members[-1] + 1
    return end, members


def _wrapped_last_row(paras, texts: list[str], members: list[int], last_row: int, tail: list[int]) -> list[int]:
    """In a table whose rows stand apart by blank lines (pandoc's multiline tables), or whose
    rows already wrap onto short lines of their own (a simple table's `健康` / `环境`), the
    short lines right under the last row, up to a blank line, are the rest of its wrapped cells."""
    apart = any(paras[k].blank_before for k in members[1:] if paras[k].kind == "row")
    wraps = any(paras[k].kind != "row" for k in members[1:] if k < last_row)
    if not apart and not wraps:
        return []
    wrap = []
    for k in tail:
        if paras[k].blank_before or k != last_row + 1 + len(wrap) or paras[k].heading_level \
                or starts_like_heading(texts[k].strip()):
            break
        wrap.append(k)
    return wrap
