"""Cells to columns by what they are: the one step every flattened form shares.

A form's own code only cuts its region into rows of printed cells (tab rows, one cell per line,
whitespace words, key:value records …); when a row prints fewer or more cells than the header
has columns, which cell belongs to which column is decided here, from what each cell is — a
序号, a name, a unit, a number or a value in words, a nature word, a category — and where the
columns are. The search (dynamic programming over cells × columns, in printed order) finds the
assignment that leaves the fewest columns empty and joins the fewest cells; a row for which no
assignment is consistent gets None, and its form keeps it as printed, with a warning.
"""
from __future__ import annotations

from typing import Optional

import regex

from .. import regex_cache
from . import classify

SKIP_COST = 1.0          # a column the row leaves empty
SKIP_CATEGORY_COST = 0.2  # a category printed once above its rows is empty on the rows below
JOIN_COST = 0.7          # a name printed as two cells (a wrapped name: `单位地区生产总值能耗较` / `2020年下降`)
MAX_VALUE_WORDS = 16     # a value printed in words (同比例提高, 维持在70%左右)

_SEQ = regex_cache.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$")
_HAN = regex_cache.compile(r"\p{Han}")
VALUE_ROLES = {"year", "baseline", "target", "achieved", "change", "budget"}
NAME_ROLES = {"name", "project_name", "project_content"}


def is_seq(text: str) -> bool:
    return bool(_SEQ.match(text.strip()))


def fits(role: Optional[str], text: str) -> bool:
    """Whether a printed cell can stand in a column of this role."""
    t = text.strip()
    if not t:
        return True
    if role == "seq":
        return is_seq(t)
    if role == "unit":
        return classify.is_unit(t)
    if role == "nature":
        return classify.is_nature(t)
    if role in VALUE_ROLES:
        return classify.is_value(t) or (len(t) <= MAX_VALUE_WORDS and not classify.is_nature(t)
                                        and not classify.is_unit(t))
    if role == "category":
        return bool(_HAN.search(t)) and not classify.is_value(t) and len(t) <= classify.MAX_CATEGORY_CHARS \
            and not classify.is_nature(t)
    if role in NAME_ROLES:
        return not classify.is_value(t) and not is_seq(t) and not classify.is_nature(t) \
            and not (classify.is_unit(t) and not _HAN.search(t))
    return True


def _skip_cost(role: Optional[str]) -> float:
    return SKIP_CATEGORY_COST if role == "category" else SKIP_COST


def assign(cells: list[str], roles: list[Optional[str]]) -> Optional[list[list[int]]]:
    """For each column, the indexes of the cells placed in it (in printed order; a name column may
    take consecutive cells, which are joined), or None when no placement fits every cell."""
    n, m = len(cells), len(roles)
    inf = float("inf")
    # best[i][j]: cost of placing cells[i:] on columns[j:]
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    step: list[list[Optional[tuple[int, int]]]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[n][m] = 0.0
    for j in range(m - 1, -1, -1):
        best[n][j] = best[n][j + 1] + _skip_cost(roles[j])
        step[n][j] = (0, j + 1)
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = []
            if fits(roles[j], cells[i]):
                k = i + 1                                                   # cells[i:k] in column j
                options.append((best[k][j + 1], (k - i, j + 1)))
                if roles[j] in NAME_ROLES:
                    while k < n and fits(roles[j], cells[k]) and _HAN.search(cells[k]):
                        k += 1
                        options.append((best[k][j + 1] + JOIN_COST * (k - i - 1), (k - i, j + 1)))
            # column j left empty: last, so that of two placements as good the one that fills
            # the earlier columns wins (a row that lost its trailing empty cell)
            options.append((best[i][j + 1] + _skip_cost(roles[j]), (0, j + 1)))
            cost, how = min(options, key=lambda o: o[0])
            best[i][j], step[i][j] = cost, how
    if best[0][0] == inf:
        return None
    out: list[list[int]] = [[] for _ in range(m)]
    i = j = 0
    while j < m:
        how = step[i][j]
        if how is None:
            return None
        taken, nxt = how
        out[j] = list(range(i, i + taken))
        i, j = i + taken, nxt
    return out if i == n else None
