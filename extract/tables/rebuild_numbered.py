"""Tables a converter wrote one cell per line without tabs, whose rows open with a numbered name
(`1.地区生产总值（亿元）` / `9570` / `15500` / … / `2.人均…`), under a header printed one word
per line — often a header of two levels (`规划目标` over `2015年` | `年均增长%`) whose words
wrap (`年均` / `增长%`).

- The reader's lines are read again: a line holding only spaces is an empty cell (the normalized
  text drops it), blank lines separate every line.
- Rows are cut at the numbered names; a short unnumbered line before a row is a category label
  covering the rows below it.
- The row width is the most common number of cells after a name. A name followed by indented
  sub-names (`9.城镇化率：` / `　常住人口城镇化率（%）` / …) has cells printing one line per name
  or one line for all (a merged cell): the split that fits is found and one row per name is made.
- Header words are joined back (`年均` + `增长%`, `2015年` + `预计`, `五年` + `累计`); words left over
  beyond the width are labels spanning the columns after them (`规划目标` → `2015年规划目标`).
"""
from __future__ import annotations

import itertools
from collections import Counter
from typing import Optional

import regex

from .. import regex_cache
from ..raw import RawLine
from ..state import State
from ..lexicon.numbering import starts_like_heading
from . import classify, stream
from .grid import Cell, Grid

NUMBERED = regex_cache.compile(r"^\s*\d{1,3}[.．](?!\d)\s*\S")
_CATEGORY = regex_cache.compile(r"^\p{Han}{2,8}$")
_SUB_NAME = regex_cache.compile(r"^(?:[\u3000 ]+\S|\s*其中)")
MAX_HEADER_LINES = 24
MAX_WIDTH = 10
MAX_ROWS = 400
MAX_CELL_CHARS = 16
_NUMBER = regex_cache.compile(r"^\d{1,3}[.．]\s*")


def _fold(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def starts_table(texts: list[str], i: int) -> bool:
    """A name header word, header lines after it, then at least three numbered rows."""
    if classify.header_role(texts[i]) != "name":
        return False
    j = i + 1
    while j < len(texts) and j - i <= MAX_HEADER_LINES and not NUMBERED.match(texts[j]):
        if len(texts[j]) > 12:
            return False
        j += 1
    if j >= len(texts) or j - i > MAX_HEADER_LINES or j - i < 3:
        return False
    header = [t for t in texts[i + 1:j] if not _CATEGORY.match(t) or classify.is_header_cell(t)]
    if sum(1 for t in header if classify.is_header_cell(t)) < 2:
        return False
    numbered = sum(1 for t in texts[j:j + 12 * MAX_WIDTH] if NUMBERED.match(t))
    return numbered >= 3


def _raw_lines(state: State, a: int) -> Optional[list[tuple[str, Optional[int]]]]:
    """The reader's lines from paragraph a on (blank ones dropped, space-only ones kept as empty
    cells), each with the paragraph it became."""
    norm = state.norm
    start = norm.paras[a].block
    blocks = state.raw.blocks
    if start is None or not isinstance(blocks[start], RawLine):
        return None
    out: list[tuple[str, Optional[int]]] = []
    p = a
    for b in blocks[start:]:
        if not isinstance(b, RawLine):
            break
        text = b.text.replace("\r", "")
        if text == "":
            continue
        if not text.strip():
            out.append(("", None))
            continue
        f = _fold(text)
        while p < len(norm.paras) and f and not _fold(norm.para_text(norm.paras[p])).startswith(f) \
                and p < a + len(out) + 2:
            p += 1
        para = p if p < len(norm.paras) else None
        out.append((text, para))
        if para is not None and _fold(norm.para_text(norm.paras[para])) == f:
            p += 1
        if len(out) > MAX_HEADER_LINES + MAX_ROWS * (MAX_WIDTH + 2):
            break
    return out


def rebuild(state: State, a: int) -> Optional[Grid]:
    lines = _raw_lines(state, a)
    if not lines:
        return None
    norm = state.norm

    def span(p: Optional[int]):
        return (norm.paras[p].start, norm.paras[p].end) if p is not None else None

    k = 1
    while k < len(lines) and not NUMBERED.match(lines[k][0]):
        k += 1
    head = [t.strip() for t, _ in lines[1:k] if t.strip()]
    category: Optional[tuple[str, Optional[int]]] = None
    if head and _CATEGORY.match(head[-1]) and not classify.is_header_cell(head[-1]):
        category = (head[-1], lines[k - 1][1])
        head = head[:-1]
    # rows: a numbered name, sub-names, then cells up to the next name or label
    raw_rows: list[tuple[Optional[tuple[str, Optional[int]]], list[tuple[str, Optional[int]]],
                         list[tuple[str, Optional[int]]]]] = []
    end_para = lines[k - 1][1] or a
    i = k
    def width_limit(names) -> int:
        return 1 << 30 if len(names) > 1 or not raw_rows else max(len(c) for _, n, c in raw_rows) + 1

    while i < len(lines) and len(raw_rows) < MAX_ROWS and NUMBERED.match(lines[i][0]):
        names = [lines[i]]
        i += 1
        while i < len(lines) and lines[i][0] and _SUB_NAME.match(lines[i][0]) and not NUMBERED.match(lines[i][0]):
            names.append(lines[i])
            i += 1
        cells = []
        while i < len(lines) and not NUMBERED.match(lines[i][0]):
            t = lines[i][0].strip()
            if t and (len(t) > MAX_CELL_CHARS or regex.search(r"[。；]$", t) or t.startswith("注")
                      or starts_like_heading(t)):
                break
            if len(cells) >= width_limit(names):
                break
            cells.append(lines[i])
            i += 1
        next_cat = None
        if len(cells) > 2 and i < len(lines) and NUMBERED.match(lines[i][0]) \
                and _CATEGORY.match(cells[-1][0].strip()) and not classify.is_nature(cells[-1][0].strip()) \
                and not (_CATEGORY.match(cells[-2][0].strip()) and not classify.is_nature(cells[-2][0].strip())):
            next_cat = cells.pop()
        # trailing empty cells of the last row belong to nothing
        raw_rows.append((category, names, cells))
        for t, p in names + cells:
            if p is not None:
                end_para = max(end_para, p)
        category = next_cat if next_cat is not None else category
        if i < len(lines) and not NUMBERED.match(lines[i][0]):
            break
    if len(raw_rows) < 3:
        return None
    width = Counter(len(c) for _, n, c in raw_rows if len(n) == 1).most_common(1)[0][0]
    if not 2 <= width <= MAX_WIDTH:
        return None
    columns = _header(head, width)
    if columns is None:
        return None
    name_word = lines[0][0].strip()
    roles = [classify.header_role(c) for c in columns]
    columns = ["类别", _fold(name_word)] + columns
    blocks = [stream.Block([Cell([c]) for c in columns])]
    for cat, names, cells in raw_rows:
        page = norm.paras[names[0][1]].page if names[0][1] is not None else None
        for sub, values in _split(names, cells, width, roles):
            name = _NUMBER.sub("", sub[0].strip())
            row = [Cell([cat[0]], span(cat[1])) if cat else Cell(), Cell([name], span(sub[1]))]
            row += [Cell([t] if t.strip() else [], span(p) if t.strip() else None) for t, p in values]
            # a row of fewer cells than the header: read in order when its cells fit their
            # columns, else placed by what they are (the shared assembly)
            short = [(stream.SHORT_ROW, f"the row prints {len(values)} of {width} cells; read in order")] \
                if len(values) != width else []
            blocks.append(stream.Block(row, page=page, notes=short))
    got = stream.assemble(blocks, ends=False, header=1, rows_printed=True)
    if got is None:
        return None
    return Grid(rows=got.rows[1:], paras=(a, end_para + 1), columns=columns, header_rows=0)


def _in_order(cells, width: int):
    if len(cells) <= width:
        return cells
    extra = len(cells) - width + 1   # a cell wrapped over lines: the surplus joins the first one
    return [("".join(t.strip() for t, _ in cells[:extra]), cells[0][1])] + cells[extra:]


def _fits(part, role) -> int:
    """Penalty for a 属性 column holding no nature, or another column holding one."""
    bad = 0
    for t, _ in part:
        t = t.strip()
        if t and (role == "nature") != classify.is_nature(t):
            bad += 1
    return bad


def _split(names, cells, width: int, roles):
    """One (name, values) per printed name. Cells print one line per name or one for all (a
    merged cell); a name whose own line has no values is left out (`9.城镇化率：`)."""
    m = len(names)
    if m == 1 or len(cells) <= width:
        return [(names[0], _in_order(cells, width))]
    best = None
    for sizes in itertools.product((1, m), repeat=width):
        if sum(sizes) != len(cells):
            continue
        pos, score, parts = 0, 0, []
        for s in sizes:
            part = cells[pos:pos + s]
            pos += s
            parts.append(part)
            if s == m:
                score += sum(1 for t, _ in part[1:] if t.strip()) + (0 if part[0][0].strip() else 1)
            score -= 5 * _fits(part, roles[len(parts) - 1] if len(parts) - 1 < len(roles) else None)
        if best is None or score > best[0]:
            best = (score, parts)
    if best is None:
        values = _in_order(cells, width)
        return [(name, values) for name in names]
    out = []
    for r, name in enumerate(names):
        values = [part[r] if len(part) == m else part[0] for part in best[1]]
        if r == 0 and not any(part[0][0].strip() for part in best[1] if len(part) == m):
            continue
        out.append((name, values))
    return out


def _header(words: list[str], width: int) -> Optional[list[str]]:
    """Value column names from the header words after the name word."""
    words = [w for w in words if w]
    role = classify.header_role
    exact = classify.vocab().exact

    def merge(rule) -> None:
        n = 0
        while n + 1 < len(words) and len(words) > width:
            a, b = words[n], words[n + 1]
            if rule(a, b, a + b):
                words[n:n + 2] = [a + b]
            else:
                n += 1

    merge(lambda a, b, ab: classify.fold_header(ab) in exact)
    merge(lambda a, b, ab: role(a) is None and role(ab) is not None)
    merge(lambda a, b, ab: role(b) is None and role(ab) is not None)
    extra = len(words) - width
    if extra < 0:
        return None
    if extra == 0:
        return words
    # labels spanning the columns after them: `extra` words that are no year and no change
    for i in range(0, width + 1):
        labels = words[i:i + extra]
        rest = words[i + extra:]
        if not rest or len(rest) % extra or any(role(w) in ("year", "change") for w in labels):
            continue
        per = len(rest) // extra
        leaves = [w + labels[n // per] for n, w in enumerate(rest)]
        return words[:i] + leaves
    return None
