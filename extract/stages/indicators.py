"""indicators stage: every indicator with its baseline and target, from tables and from prose.

Tables: each row of an `indicators` table gives name, unit (its column, or brackets after the
name), category, nature and the baseline/target cells under the year columns the header names.
Prose: a sentence that names a target year (`到2025年，`) states targets clause by clause:
`X达到3.28人`, `X控制在9.5%以下`, `建成4—5所社区医院`, `100%的X达到Y`, `X、Y和Z分别达到A、B和C`,
`由2015年的5.01‰下降到2.67‰`. The vocabulary is in patterns/indicators.yaml.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

import regex

from .. import catalogue, patterns
from ..model import Indicator, ItemSource, Quantity, Table
from ..quantity import cn_number, parse_quantity
from ..state import State
from ..tables import classify


def run(state: State) -> None:
    for table in state.tables:
        if table.kind == "indicators":
            from_table(state, table)
    from_prose(state)


# --- tables -------------------------------------------------------------------------------------

def from_table(state: State, table: Table) -> None:
    roles = classify.column_roles(table.columns, table.rows)
    years = classify.year_roles(table.columns, roles)
    col = {r: roles.index(r) for r in ("name", "unit", "category", "nature") if r in roles}
    if "name" not in col:
        return
    base = next((j for j, (side, _) in years.items() if side == "baseline"), None)
    target = next((j for j, (side, _) in years.items() if side == "target"), None)
    for k, row in enumerate(table.rows):
        cell = lambda j: row[j].strip() if j is not None and j < len(row) else ""  # noqa: E731
        name = cell(col["name"])
        if not name:
            continue
        unit = cell(col.get("unit")) or None
        if unit is None:
            name, unit = classify.split_unit_suffix(name)
        nature = cell(col.get("nature"))
        baseline = _quantity(cell(base), years[base][1]) if base is not None else None
        goal = _quantity(cell(target), years[target][1]) if target is not None else None
        if baseline is None and goal is None and not nature:
            continue
        span = table.row_spans[k] if k < len(table.row_spans) else table.span
        ind = Indicator(
            id=f"i{len(state.indicators) + 1}", name=name, category=cell(col.get("category")) or None,
            unit=unit, baseline=baseline, target=goal,
            nature=nature if classify.is_nature(nature) else None,  # type: ignore[arg-type]
            canonical=catalogue.match(name),
            source=ItemSource(kind="table", table=table.id, row=k, span=span, page=state.norm.page_at(span[0])))
        state.indicators.append(ind)
        for q, what in ((baseline, "baseline"), (goal, "target")):
            if q is not None and q.op == "none" and q.raw and not _none_mark(q.raw):
                state.warn("indicator.unreadable_value",
                           f"indicator {ind.id} ({name}): the {what} cell {q.raw!r} holds no value that can be read",
                           span)


def _quantity(text: str, year: Optional[int]) -> Optional[Quantity]:
    if not text:
        return None
    return parse_quantity(text, year)


def _none_mark(raw: str) -> bool:
    return bool(regex.fullmatch(r"[-—–―*/\\×]+|无|暂无|空|不适用|待定|N/?A", raw))


# --- prose --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Prose:
    year: regex.Pattern
    clause: regex.Pattern       # subject, verb, quantity
    build: regex.Pattern        # verb, quantity, thing
    share_led: regex.Pattern    # 100%的 X 达到 Y
    share_elided: regex.Pattern  # 20%以上达到 Y (X from the clause before)
    trailing: regex.Pattern
    from_to: regex.Pattern      # 由2015年的5.01‰下降到2.67‰
    lead: regex.Pattern
    respectively: str


_NUM = r"\d+(?:\.\d+)?"


@functools.lru_cache(maxsize=1)
def _prose() -> _Prose:
    p = catalogue.catalogue().prose
    verbs = patterns.alternation(p.verbs)
    measure = patterns.alternation(p.measure_words)
    qty = (rf"(?:[≥≤<>]\s*)?{_NUM}(?:\s*[-—–~～至]\s*{_NUM})?\s*(?:%|‰|个百分点|{measure})?"
           r"(?:\s*(?:以上|以下|以内|左右))?")
    return _Prose(
        year=patterns.compile(p.target_year),
        clause=patterns.compile(rf"^(?P<subject>[^，,；;。]*?)(?P<verb>{verbs})\s*(?P<q>{qty})(?![\d.])"),
        build=patterns.compile(rf"(?P<verb>{patterns.alternation(p.build_verbs)})\s*(?P<q>{_NUM}(?:\s*[-—–~～至]\s*{_NUM})?"
                               rf"\s*(?:{measure}))(?:以上)?(?P<thing>\p{{Han}}{{2,12}})$"),
        share_led=patterns.compile(rf"(?<![\d.])(?P<q>{_NUM}\s*%(?:以上)?)的(?P<thing>[^，,；;。]{{2,30}}?)"
                                   rf"(?P<pred>达到[^，,；;。]{{2,12}})$"),
        share_elided=patterns.compile(rf"^(?P<q>{_NUM}\s*%(?:以上|以下)?)(?P<pred>达到[^，,；;。]{{2,12}})$"),
        trailing=patterns.compile(r"(?:" + patterns.alternation(p.trailing_words) + r")+$"),
        from_to=patterns.compile(rf"^(?P<subject>[^，,；;。]{{2,40}}?)由\s*(?:(?P<y>\d{{4}})\s*年的?)?\s*(?P<b>{qty})"
                                 rf"\s*(?P<verb>{verbs})\s*(?:(?P<y2>\d{{4}})\s*年的?)?\s*(?P<t>{qty})(?![\d.])"),
        lead=patterns.compile(r"^(?:" + patterns.alternation(p.lead_words) + r")+"),
        respectively=p.respectively,
    )


_SENTENCE = regex.compile(r"[^。！？!?]+[。！？!?]?")
_SPACES = regex.compile(r"\s+")
_YEAR_LEAD = regex.compile(r"^(?:\d{4}|[二〇]{2}\p{Han}{2})年[，,]?")
_UNIT_TAIL = regex.compile(rf"(?<![\d.]){_NUM}\s*(?P<u>%|‰|个百分点|\p{{Han}}{{1,2}})?(?:以上|以下|以内|左右)?$")
_ITEM_SEP = regex.compile(r"[、和及与]")
_CLAUSE = regex.compile(r"[^，,；;、]+")
_PER_POPULATION = regex.compile(r"^每[千万百十]+(?:常住)?人口?")


def from_prose(state: State) -> None:
    norm = state.norm
    skip = {i for a, b in state.table_paras.values() for i in range(a, b)}
    skip |= set(state.front.toc) | set(state.front.notice)
    title_end = {i: h.span[1] for h in state.outline if (i := state.heading_para.get(h.id)) is not None}
    paras = [(i, p) for i, p in enumerate(norm.paras) if p.kind == "text" and i not in skip]
    min_year = planning_year([norm.para_text(p) for _, p in paras])
    found: list[Indicator] = []
    for i, para in paras:
        offset = title_end.get(i, para.start) - para.start   # a run-in heading's title is no target
        text = norm.para_text(para)[offset:]
        for m in _SENTENCE.finditer(text):
            span = (para.start + offset + m.start(), para.start + offset + m.end())
            found += sentence_targets(m.group(0), span, norm.page_at(span[0]), min_year)
    known = {(ind.canonical or catalogue.normalize(ind.name),
              ind.target.value if ind.target else None) for ind in state.indicators}
    for ind in found:
        key = (ind.canonical or catalogue.normalize(ind.name), ind.target.value if ind.target else None)
        if key in known:
            continue  # the prose restates a table row
        known.add(key)
        ind.id = f"i{len(state.indicators) + 1}"
        state.indicators.append(ind)


def planning_year(texts: list[str]) -> Optional[int]:
    """The year most target phrases name (到2025年): earlier ones (到2019年底) report the past."""
    counts: dict[int, int] = {}
    for t in texts:
        for sentence in _SENTENCE.finditer(t):
            m = _year_phrase(sentence.group(0))
            y = _year(m.group(0)) if m else None
            if y is not None:
                counts[y] = counts.get(y, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def _year_phrase(sentence: str) -> Optional[regex.Match]:
    """`到2025年` opening a clause; not the 到2020年 inside `由…下降到2020年的…`."""
    for m in _prose().year.finditer(sentence):
        if m.start() == 0 or sentence[m.start() - 1] in "，,；;：:（( ":
            return m
    return None


def sentence_targets(sentence: str, span: tuple[int, int], page: Optional[int],
                     min_year: Optional[int] = None) -> list[Indicator]:
    """Indicators a sentence states, in order: changes `由A提高到B` anywhere, and targets after a
    phrase naming a target year (not earlier than min_year)."""
    p = _prose()
    out: list[Indicator] = []
    ym = _year_phrase(sentence)
    year = _year(ym.group(0)) if ym else None
    is_target = ym is not None and (min_year is None or (year or 0) >= min_year)
    scope = sentence[ym.end():] if ym else sentence
    if is_target and p.respectively in scope:
        return _respectively(scope, year, span, page)
    prev_subject, prev_thing = "", ""
    for c in _CLAUSE.finditer(scope):
        clause = c.group(0).strip().rstrip("。！？!?")
        m = p.from_to.match(clause)
        if m:
            name = _clean_subject(m.group("subject"))
            to_year = int(m.group("y2")) if m.group("y2") else year
            base_year = int(m.group("y")) if m.group("y") else None
            if name:
                out.append(_indicator(name, m.group("t"), m.group("verb"), to_year, span, page,
                                      baseline=(m.group("b"), base_year)))
            continue
        if not is_target:
            continue
        ind, thing = _clause_target(clause, prev_subject, prev_thing, year, span, page)
        if ind is not None:
            out.append(ind)
            prev_subject, prev_thing = ind.name, thing
    return out


def _clause_target(clause: str, prev: str, prev_thing: str, year, span, page
                   ) -> tuple[Optional[Indicator], str]:
    """The indicator one clause sets, and the thing it counts (for an elided next clause)."""
    p = _prose()
    m = p.share_led.search(clause)
    if m:
        thing = _clean_subject(m.group("thing"))
        return _indicator(f"{m.group('pred')}的{thing}比例", m.group("q"), "", year, span, page), thing
    m = p.share_elided.match(clause)
    if m and prev_thing:
        return _indicator(f"{m.group('pred')}的{prev_thing}比例", m.group("q"), "", year, span, page), prev_thing
    m = p.clause.match(clause)
    if m:
        subject = _clean_subject(m.group("subject"))
        if not subject:
            return None, ""
        if prev and not subject.startswith("每"):
            pm = _PER_POPULATION.match(prev)
            if pm and regex.search(r"数$", subject):
                subject = pm.group(0) + subject  # 每千人口执业医师数达到…、注册护士数达到…
        return _indicator(subject, m.group("q"), m.group("verb"), year, span, page), ""
    m = p.build.search(clause)
    if m:
        return _indicator(m.group("thing") + "数", m.group("q"), "", year, span, page), ""
    return None, ""


def _respectively(scope: str, year, span, page) -> list[Indicator]:
    """`床位数、执业医师数和注册护士数分别达到8张、3.15人和4.5人`: one indicator per item."""
    p = _prose()
    out: list[Indicator] = []
    for part in regex.split(r"[，,；;]", scope):
        if p.respectively not in part:
            continue
        subjects, _, rest = part.partition(p.respectively)
        vm = regex.match(r"^(?P<verb>\p{Han}{1,3}?)(?=[≥≤<>\d])", rest)
        verb = vm.group("verb") if vm else ""
        names = [_clean_subject(s) for s in _ITEM_SEP.split(subjects) if s.strip()]
        values = [v.strip("。！？!? ") for v in _ITEM_SEP.split(rest[len(verb):]) if v.strip()]
        if len(names) != len(values) or not names:
            continue
        prefix = _PER_POPULATION.match(names[0])
        for name, value in zip(names, values):
            if prefix and not name.startswith("每"):
                name = prefix.group(0) + name
            out.append(_indicator(name, value.strip(), verb, year, span, page))
    return out


def _clean_subject(text: str) -> str:
    s = text.strip(" ，,、：:")
    s = _prose().lead.sub("", s)
    s = _prose().trailing.sub("", s)
    s = _YEAR_LEAD.sub("", s)
    return s.strip(" ，,、：:")


def _year(text: str) -> Optional[int]:
    m = _prose().year.search(text)
    if not m:
        return None
    value = cn_number(m.group("year"))
    return int(value) if value is not None else None


def _unit_of(raw: str) -> Optional[str]:
    m = _UNIT_TAIL.search(raw)
    u = m.group("u") if m else None
    if u in ("以上", "以下", "以内", "左右"):
        return None
    return u


def _indicator(name: str, raw: str, verb: str, year, span, page, baseline=None) -> Indicator:
    q = parse_quantity(verb + raw, year)
    q = Quantity(year=year, raw=_SPACES.sub("", raw), op=q.op, value=q.value, high=q.high)
    base = None
    if baseline is not None:
        b = parse_quantity(baseline[0], baseline[1])
        base = Quantity(year=baseline[1], raw=_SPACES.sub("", baseline[0]), op=b.op, value=b.value, high=b.high)
    unit = _unit_of(_SPACES.sub("", raw))
    if unit and len(unit) > 1 and unit[0] in "万亿":
        unit = unit[1:]  # parse_quantity applies 万/亿 (20万亩 → 200000): the value is in 亩
    return Indicator(id="", name=name, unit=unit, baseline=base, target=q,
                     canonical=catalogue.match(name),
                     source=ItemSource(kind="text", span=span, page=page))
