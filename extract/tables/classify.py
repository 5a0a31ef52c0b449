"""What a table's columns mean and what kind of table it is, from its header vocabulary.

The vocabulary is data (patterns/tables.yaml). A column's role comes from its header text; a
column without a printed header gets a role from what its cells hold (预期性 → nature), so a
rebuilt table whose category column had no header cell still reads right.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

import regex

from .. import patterns, regex_cache
from ..lexicon.dates import ARABIC_YEAR, YEAR
from ..quantity import parse_year, unit_magnitudes

Role = str  # seq category name unit year baseline target change nature project_* budget start owner


class RoleWords(patterns.PatternModel):
    exact: list[str] = []
    contains: list[str] = []


class TablePatterns(patterns.PatternModel):
    roles: dict[str, RoleWords]
    target_words: list[str]
    baseline_words: list[str]
    achieved_words: list[str]
    year_heads: list[str]
    header_fragments: list[str]
    natures: list[str]
    nature_forms: dict[str, str]
    group_endings: list[str]
    note_marks: list[str]
    kinds: dict[str, list[list[str]]]
    units: list[str]
    unit_chars: str
    toc_leader: patterns.Regex
    caption: patterns.Regex
    max_caption_chars: int


@dataclass(frozen=True)
class _Compiled:
    data: TablePatterns
    exact: dict[str, str]
    contains: list[tuple[str, str]]
    units: frozenset[str]
    fragments: frozenset[str]
    unit_chars: regex.Pattern
    toc_leader: regex.Pattern
    caption: regex.Pattern
    value: regex.Pattern
    natures: dict[str, str]     # folded printed form → one of `natures`
    note: regex.Pattern


@patterns.compiled("tables", TablePatterns)
def vocab(p: TablePatterns) -> _Compiled:
    exact: dict[str, str] = {}
    contains: list[tuple[str, str]] = []
    for role, words in p.roles.items():
        for w in words.exact:
            exact.setdefault(fold_header(w), role)
        for w in words.contains:
            contains.append((fold_header(w), role))
    return _Compiled(
        data=p, exact=exact, contains=contains,
        units=frozenset(fold_header(u) for u in p.units),
        fragments=frozenset(fold_header(w) for w in p.header_fragments),
        unit_chars=patterns.compile(f"^[{p.unit_chars}]+$"),
        toc_leader=patterns.compile(p.toc_leader),
        caption=patterns.compile(p.caption),
        natures={**{fold_header(n): n for n in p.natures}, **{fold_header(k): v for k, v in p.nature_forms.items()}},
        note=patterns.compile("(?:" + "|".join(regex.escape(m) for m in p.note_marks) + ")"),
        value=patterns.compile(
            r"^(?:[≤≥<>＜＞~±+\-－—]?\s*[0-9０-９][0-9０-９.,．]*\s*(?:[%％‰倍]|个百分点)?"
            r"(?:以上|以下|左右)?|[-—–*／/×]+|[≤≥<>＜＞]\S*)$"),
    )


_HEADER_FOLD = str.maketrans({"(": "（", ")": "）", "％": "%", " ": None, "\u3000": None, "\t": None, "\n": None})


def fold_header(text: str) -> str:
    """Header text compared without spaces, with full-width brackets: `2025 年` → `2025年`."""
    return text.translate(_HEADER_FOLD)


MAX_HEADER_CHARS = 40
MAX_NAME_HEADER_CHARS = 8      # 主要指标名称: a short header ending in 指标/名称 heads the names
MAX_UNIT_CHARS = 12            # a unit cell, or a bracketed unit after a name
MAX_CATEGORY_CHARS = 12        # a category label in an unnamed column
REPEATED_SHARE = 0.5           # a column whose distinct values are fewer than this share repeats labels
DISTINCT_SHARE = 0.8           # a column whose distinct values are more than this share holds names


@functools.lru_cache(maxsize=8192)
def header_role(header: str) -> Optional[Role]:
    """The role a header cell names, or None."""
    if len(header) > MAX_HEADER_CHARS:
        return None
    v = vocab()
    h = fold_header(header)
    if not h:
        return None
    if h in v.exact:
        return v.exact[h]
    head, unit = header_unit(h)
    if unit is not None:   # 指标（单位：%）, 单位：万元, 2020年（%）: the header without its unit
        return header_role(head) if head else "unit"
    if parse_year(h) is not None and regex.match(rf"^{YEAR}", h):
        return "year"
    d = vocab().data
    if parse_year(h) is not None and regex.search(rf"{ARABIC_YEAR}年", h) and any(
            w in h for w in d.target_words + d.baseline_words + d.achieved_words + d.year_heads):
        return "year"   # 目标值2022年, 指标值2020年: a two-row header, the word above the year
    for word, role in v.contains:
        if word in h:
            return role
    if period_year(h) is not None:
        return "year"   # “十三五”末, “十四五”目标: the plan period's last year
    # 主要指标名称, 预期性指标 … : a header that ends in a name word
    if regex.search(r"(?:指标|名称)$", h) and len(h) <= MAX_NAME_HEADER_CHARS:
        return "name"
    return None


def nature_of(text: str) -> Optional[str]:
    """The nature a cell prints, in any of its printed forms (约束, 预期性指标 → 约束性, 预期性)."""
    return vocab().natures.get(fold_header(text))


def is_nature(text: str) -> bool:
    return nature_of(text) is not None


_GROUP_NUMBER = regex_cache.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．])\s*")


# a Chinese list number opening a lone text: 一、 （二）
_CN_LIST_NUMBER = regex_cache.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])")


def group_label(text: str) -> str:
    """A sub-heading without its list number: `一、结果性指标` → `结果性指标`."""
    return _GROUP_NUMBER.sub("", text).strip()


def is_group_text(text: str) -> bool:
    """A lone text that reads as a sub-heading of the rows below it (结果性指标, 约束性指标)."""
    t = fold_header(group_label(text))
    if 2 <= len(t) <= MAX_HEADER_CHARS and _CN_LIST_NUMBER.match(text) and regex.fullmatch(r"\p{Han}+", t):
        return True   # 一、经济发展 / （二）民生福祉 between rows numbered 1, 2 …: a sub-heading by its numbering
    return 2 < len(t) <= MAX_HEADER_CHARS and not is_value(t) and (
        is_nature(t) and len(t) > 3 or any(t.endswith(e) for e in vocab().data.group_endings))


def split_note(name: str) -> tuple[str, Optional[str]]:
    """`人均预期寿命 说明：…` → (`人均预期寿命`, `说明：…`); a name without a note mark is left whole."""
    m = vocab().note.search(name)
    if m is None or m.start() == 0:
        return name, None
    return name[:m.start()].rstrip(" ，,；;。（("), name[m.start():].strip()


def is_value(text: str) -> bool:
    """A cell that prints a number, a comparator or a none mark (not a name)."""
    t = text.strip()
    return bool(t) and bool(vocab().value.match(t))


def is_unit(text: str) -> bool:
    t = fold_header(text).rstrip(".")
    if not t or len(t) > MAX_UNIT_CHARS:
        return False
    v = vocab()
    if t in v.units:
        return True
    if any(t.startswith(m) and t[len(m):] in v.units for m in unit_magnitudes()):
        return True   # 万套, 亿立方米
    return bool(v.unit_chars.match(t)) and not regex.match(r"^[0-9.]*(?:年)?$", t)


def is_header_fragment(text: str) -> bool:
    return fold_header(text) in vocab().fragments


def split_unit_suffix(name: str) -> tuple[str, Optional[str]]:
    """`人均预期寿命（岁）` → (`人均预期寿命`, `岁`); `每千人口执业（助理）医师数` is left whole."""
    s = name.rstrip()
    if not s.endswith(("）", ")")):
        return name, None
    open_at = max(s.rfind("（"), s.rfind("("))
    if open_at <= 0:
        return name, None
    unit = s[open_at + 1:-1].strip()
    if not unit or len(unit) > MAX_UNIT_CHARS or any(ch in unit for ch in "（）()") or not is_unit(unit):
        return name, None
    head = s[:open_at].rstrip()
    return (head, unit) if head else (name, None)


PERIOD_END_WORDS = ("", "末", "期末", "末期")   # “十三五”末: the period's last year


@functools.lru_cache(maxsize=4096)
def period_year(header: str) -> Optional[int]:
    """The year a header that names a five-year plan period stands for, its last: `“十三五”末`
    → 2020, `“十四五”目标` → 2025 (the header is the period and an end or target/baseline word)."""
    from ..lexicon.front import front_grammar
    from ..stages.meta import period_of   # the plan-period arithmetic (十四五 → 2021–2025)
    h = fold_header(header)
    m = front_grammar().period_name.search(h)
    if m is None:
        return None
    rest = (h[:m.start()] + h[m.end():]).strip("“”\"")
    d = vocab().data
    if rest not in PERIOD_END_WORDS and rest not in d.target_words and \
            vocab().exact.get(rest) not in ("target", "baseline"):
        return None
    period = period_of(m.group())
    return period.end if period is not None else None


def header_year(header: str) -> Optional[int]:
    """The year a year column's header names: printed (2025年目标值) or a plan period's last."""
    return parse_year(header) or period_year(header)


_UNIT_LABEL = regex_cache.compile(r"^(?P<head>.*?)[（(]?(?:计量)?单位[:：](?P<unit>[^（）()]+?)[）)]?$")


def header_unit(header: str) -> tuple[str, Optional[str]]:
    """A unit a header cell prints for its column: `指标（单位：%）` → (`指标`, `%`), `单位：万元`
    → (``, `万元`), `2020年（%）` → (`2020年`, `%`); a header without one → (header, None)."""
    h = fold_header(header)
    m = _UNIT_LABEL.match(h)
    if m and is_unit(m.group("unit")):
        return m.group("head"), m.group("unit")
    head, unit = split_unit_suffix(h)
    return (head, unit) if unit is not None else (header, None)


def column_roles(columns: list[str], rows: list[list[str]]) -> list[Optional[Role]]:
    """Role of every column: from the header, else from the cells (unnamed category, 属性 …)."""
    roles = [header_role(c) for c in columns]
    for j, role in enumerate(roles):
        cells = [r[j].strip() for r in rows if j < len(r) and r[j].strip()]
        if role in ("category", "note") and cells and all(is_nature(c) for c in cells) and "nature" not in roles:
            # 指标类型 or 备注 over 预期性 | 约束性: the natures, not categories or notes
            roles[j] = "nature"
            continue
        if role is not None:
            continue
        if not cells:
            continue
        if all(is_nature(c) for c in cells):
            roles[j] = "nature"
        elif all(is_unit(c) for c in cells) and "unit" not in roles:
            roles[j] = "unit"
        elif "name" in roles and j < roles.index("name") and all(
                not is_value(c) and len(c) <= MAX_CATEGORY_CHARS for c in cells):
            roles[j] = "category"
    if "name" in roles and "category" not in roles:
        # 指标 printed over a merged 类别|指标 header: the named column repeats its values down
        # the rows (a category), the unnamed one beside it holds the distinct names
        j = roles.index("name")
        if j + 1 < len(roles) and roles[j + 1] is None and not columns[j + 1].strip():
            here = [r[j] for r in rows if j + 1 < len(r) and r[j]]
            beside = [r[j + 1] for r in rows if j + 1 < len(r) and r[j + 1]]
            if here and beside and len(set(here)) < REPEATED_SHARE * len(here) \
                    and len(set(beside)) > DISTINCT_SHARE * len(beside):
                roles[j], roles[j + 1] = "category", "name"
    if "name" not in roles:
        # an indicator table whose name column is headed 项目/内容 …: the widest text column
        text_cols = [j for j, r in enumerate(roles) if r in (None, "project_name")
                     and any(not is_value(row[j]) for row in rows if j < len(row) and row[j].strip())]
        if text_cols and ("year" in roles or "nature" in roles or "target" in roles):
            j = max(text_cols, key=lambda k: sum(len(row[k]) for row in rows if k < len(row)))
            roles[j] = "name"
    return roles


def table_kind(roles: list[Optional[Role]]) -> str:
    present = set(r for r in roles if r)
    for kind, sets in vocab().data.kinds.items():
        if any(set(s) <= present for s in sets):
            return kind
    return "other"


def is_header_cell(text: str) -> bool:
    """A cell that could be part of a header row: vocabulary, a year, or a fragment."""
    if len(text) > MAX_HEADER_CHARS:
        return False
    t = fold_header(text)
    return bool(t) and (header_role(t) is not None or is_header_fragment(t))


def year_roles(columns: list[str], roles: list[Optional[Role]]) -> dict[int, tuple[str, Optional[int]]]:
    """Column index → ("baseline" | "target" | "achieved", year) for the value columns of an
    indicator table. Several columns may be targets (2022年目标值 | 2030年目标值).

    - a column headed as the baseline (基期水平, 现状值, 2020年基期值) is the baseline, never a
      target; one headed as a result (完成情况, 2020年实际) is achieved, never a target;
    - among the other printed years, those headed 目标/预期/规划 are the targets; without such a
      word, the years after the baseline are targets; without a baseline column either, the
      latest year is the target and the one before it the baseline — with three or more years,
      the earliest is the baseline and the rest are targets (2015年 | 2020年 | 2030年);
    - 预期值/目标值 without a year is a target.
    """
    v = vocab().data
    out: dict[int, tuple[str, Optional[int]]] = {}
    years: list[tuple[int, int]] = []
    for j, r in enumerate(roles):
        h = fold_header(columns[j]) if j < len(columns) else ""
        y = header_year(h) if r == "year" else None
        if r == "achieved" or (r == "year" and any(w in h for w in v.achieved_words)):
            out[j] = ("achieved", y)
        elif r == "baseline" or (r == "year" and any(w in h for w in v.baseline_words)):
            out[j] = ("baseline", y)
        elif r == "year" and y is not None:
            years.append((j, y))
    bases = [j for j, (side, _) in out.items() if side == "baseline"]
    for j in bases[:-1]:   # one baseline: the last printed
        del out[j]
    if not bases and years:
        # a result reached before every year still to come, with no baseline column, is the
        # baseline (2020年实际值 | 2025年目标值); one for a year the table also targets is a result
        # (2020年目标 | 2020年完成情况)
        early = [j for j, (side, y) in out.items() if side == "achieved" and y is not None
                 and y < min(y2 for _, y2 in years)]
        if early:
            j = max(early, key=lambda k: (out[k][1], k))
            out[j] = ("baseline", out[j][1])
            bases = [j]
    marked = [(j, y) for j, y in years if any(w in columns[j] for w in v.target_words)]
    if marked:
        first = min(y for _, y in marked)
        # an unmarked year after a marked one is a target too (2025年目标 | 2035年)
        targets = [(j, y) for j, y in years if (j, y) in marked or y > first]
        if not bases:
            before = [(j, y) for j, y in years if (j, y) not in marked and y < first]
            if before:
                base = max(before, key=lambda t: (t[1], -t[0]))
                out[base[0]] = ("baseline", base[1])
    elif bases:
        by = out[bases[-1]][1]
        targets = [(j, y) for j, y in years if by is None or y > by]
    elif len(years) >= 3 and len({y for _, y in years}) == len(years):
        first = min(years, key=lambda t: t[1])
        out[first[0]] = ("baseline", first[1])
        targets = [t for t in years if t != first]
    elif years:
        target = max(years, key=lambda t: (t[1], t[0]))
        targets = [target]
        before = [(j, y) for j, y in years if j != target[0] and y < target[1]] or \
            [(j, y) for j, y in years if j != target[0] and y <= target[1]]
        if before:
            base = max(before, key=lambda t: (t[1], -t[0]))
            out[base[0]] = ("baseline", base[1])
    else:
        targets = []
    for j, y in targets:
        out[j] = ("target", y)
    if not any(side == "target" for side, _ in out.values()):
        for j, r in enumerate(roles):
            if r == "target":
                out[j] = ("target", None)
                break
    return dict(sorted(out.items()))
