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
from typing import TYPE_CHECKING, Optional

import regex

from .. import catalogue, nlp, patterns, regex_cache
from ..lexicon.dates import ARABIC_YEAR, YEAR, year_value
from ..lexicon.folds import fold_width
from ..lexicon.numbering import heading_number_length
from ..model import Indicator, ItemSource, Quantity, Table
from ..quantity import parse_quantity, unit_magnitudes
from ..state import State, TableRow
from ..tables import classify
from . import meta

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

# Sizes of the printed pieces a prose rule reads (in characters):
MIN_NAME_CHARS = 2               # a subject, a thing counted, a catalogue form looked for
MAX_UNIT_CHARS = 2               # a unit word after a number, outside the measure words (3级)
MAX_CHANGE_SUBJECT_CHARS = 40    # X由2015年的A提高到B: X
MAX_SHARE_THING_CHARS = 30       # 100%的X达到Y: X
MAX_SHARE_PREDICATE_CHARS = 12   # 100%的X达到Y: 达到Y
MAX_BUILT_THING_CHARS = 12       # 建成4所社区医院: 社区医院
MAX_BOTH_GAP_CHARS = 3           # 均 and the value it sets: 均不低于85%
MIN_EACH_PART_CHARS = 3          # each name 均 sets: shorter is a modifier, not a name
MAX_SHARED_MODIFIER_CHARS = 4    # 二级和三级公立医院…: a modifier that shares the last item's head
MIN_SHARED_HEAD_CHARS = 4        # … and the head it shares, beyond the modifier
MAX_RESPECTIVELY_VERB_CHARS = 3  # 分别达到 / 分别不低于: the verb between 分别 and the values


def run(state: State) -> None:
    for table in state.tables:
        if table.kind == "indicators":
            from_table(state, table)
    from_prose(state)


# --- tables -------------------------------------------------------------------------------------

def from_table(state: State, table: Table) -> None:
    """One indicator per row: seq, name (its 说明/注 text split off into note), unit, category, the
    sub-heading row above it (group), nature in any printed form, baseline (its year from the cell
    when the cell prints one: `2018年为21.3`), every target column (targets, ascending), and an
    achieved column (完成情况) as an indicator of its own with status achieved."""
    facts = state.table_rows.get(table.id) or [TableRow() for _ in table.rows]
    data = [row for row, f in zip(table.rows, facts) if not f.is_group]
    roles = classify.column_roles(table.columns, data)
    sides = classify.year_roles(table.columns, roles)
    col = {r: roles.index(r) for r in ("seq", "name", "unit", "category", "nature", "note") if r in roles}
    if "name" not in col:
        return
    base = next((j for j, (side, _) in sides.items() if side == "baseline"), None)
    targets = [(j, y) for j, (side, y) in sides.items() if side == "target"]
    achieved = [(j, y) for j, (side, y) in sides.items() if side == "achieved"]
    changes = [j for j, r in enumerate(roles) if r == "change"]
    printed_unit = _header_unit(table.columns, col, sides) or _caption_unit(state, table)
    for k, row in enumerate(table.rows):
        fact = facts[k] if k < len(facts) else TableRow()
        if fact.is_group:
            continue
        cell = lambda j: row[j].strip() if j is not None and j < len(row) else ""  # noqa: E731
        name, note = classify.split_note(cell(col["name"]))
        if not name:
            continue
        if cell(col.get("note")):   # a 说明/备注 column
            note = f"{note}；{cell(col['note'])}" if note else cell(col["note"])
        unit = cell(col.get("unit")) or None
        if unit is None:
            name, unit = classify.split_unit_suffix(name)
        unit = unit or printed_unit
        nature = classify.nature_of(cell(col.get("nature"))) or (
            classify.nature_of(fact.group) if fact.group else None)
        baseline = _cell_quantity(cell(base), sides[base][1]) if base is not None else None
        goals = [q for j, y in targets if (q := _quantity(cell(j), y)) is not None]
        goals = _change_as_target(goals, [cell(j) for j in changes
                                          if classify.split_unit_suffix(table.columns[j])[1] in (None, unit)])
        results = [q for j, y in achieved if (q := _cell_quantity(cell(j), y)) is not None]
        if baseline is None and not goals and not results and not nature:
            continue
        span = table.row_spans[k] if k < len(table.row_spans) else table.span
        page = fact.page if fact.page is not None else state.norm.page_at(span[0])
        common = dict(name=name, category=cell(col.get("category")) or None, unit=unit, nature=nature,
                      canonical=catalogue.match(name), seq=cell(col.get("seq")) or None, group=fact.group,
                      note=note, source=ItemSource(kind="table", table=table.id, row=k, span=span, page=page))
        made = []
        if goals or not results:
            made.append(Indicator(id=f"i{len(state.indicators) + 1}", baseline=baseline, targets=goals,
                                  **common))  # type: ignore[arg-type]
            state.indicators.append(made[-1])
        if results:   # a result reached (完成情况): never one of the targets
            made.append(Indicator(id=f"i{len(state.indicators) + 1}", baseline=baseline, targets=results,
                                  status="achieved", **common))  # type: ignore[arg-type]
            state.indicators.append(made[-1])
        for ind in made:
            for q, what in [(baseline, "baseline")] + [(t, "target") for t in ind.targets]:
                if q is not None and q.op == "none" and q.raw and not _none_mark(q.raw) and not _WORDS.match(q.raw):
                    state.warn("indicator.unreadable_value",
                               f"indicator {ind.id} ({name}): the {what} cell {q.raw!r} holds no value that can be read",
                               span)


def _header_unit(columns: list[str], col: dict[str, int], sides: dict) -> Optional[str]:
    """The unit the header prints for rows that print none: in the name column's header
    (`指标（单位：%）`), the unit column's (`单位：%`), or one unit every value column's header
    prints (`2020年（%）` | `2025年（%）`; a 年均增长（%） column is about the change, not the level)."""
    for role in ("name", "unit"):
        if role in col:
            unit = classify.header_unit(columns[col[role]])[1]
            if unit:
                return unit
    units = {classify.header_unit(columns[j])[1] for j in sides}
    return units.pop() if len(units) == 1 and None not in units else None


def _caption_unit(state: State, table: Table) -> Optional[str]:
    """The unit printed for the whole table: `单位：%` on the line right above it, in a row of its
    own across the table's top, or in its caption (`表1 主要指标（单位：%）`)."""
    a, _ = state.table_paras.get(table.id, (0, 0))
    texts = [table.title or ""]
    if a > 0 and state.norm.paras[a - 1].kind == "text":
        texts.append(state.norm.para_text(state.norm.paras[a - 1]).strip())
    if a < len(state.norm.paras) and state.norm.paras[a].table is not None:
        texts.append(state.norm.paras[a].table.title or "")
    for text in texts:
        head, unit = classify.header_unit(text) if _UNIT_LABEL.search(text) else ("", None)
        if unit:
            return unit
    return None


_UNIT_LABEL = regex_cache.compile(r"(?:计量)?单位\s*[:：]")


def _change_as_target(goals: list[Quantity], changes: list[str]) -> list[Quantity]:
    """A row whose target year prints no level (`—`) but whose 年均增长/累计 column prints one
    (`地区生产总值增长（%）` | 3.6 | — | 6左右; `城镇新增就业人数（万人）` | — | — | 175), or a goal
    in words (`〔完成省下达任务〕`): that is the row's target for that year. Only columns in the row's unit are given (a 年均增长（%）
    column is no target of 固定资产投资（万亿元）); a level printed in the target column wins, and
    so does a target printed in words (实现, 持续提高: the row's goal, the change beside it no level)."""
    if not goals or goals[-1].op != "none" or not _none_mark(goals[-1].raw):
        return goals
    for text in changes:
        q = _quantity(text, goals[-1].year)
        if q is not None and (q.op != "none" or not _none_mark(q.raw)):
            return goals[:-1] + [q]   # a level, or a goal in words (〔完成省下达任务〕)
    return goals


# a value printed in words (实现, 基本全覆盖): a quantity with its raw text, nothing to warn about
_WORDS = regex_cache.compile(r"^\p{Han}+$")
# footnote marks after a value (≥90#, 85①): kept in raw, never read as part of the value
_FOOTNOTE = regex_cache.compile(r"[#＃*＊※△▲☆★\u2460-\u2473\u2776-\u277f]+$")
# a cell that prints its own year: `2018年为21.3`, `76.2（2019年）`
_YEAR_FIRST = regex_cache.compile(rf"^(?P<y>{ARABIC_YEAR})\s*年(?:底|末)?\s*(?:为|是|：|:)?\s*(?P<v>\S.*)$")
_YEAR_AFTER = regex_cache.compile(rf"^(?P<v>.*\S)\s*[（(]\s*(?P<y>{ARABIC_YEAR})\s*年?(?:底|末)?\s*[）)]$")


def _quantity(text: str, year: Optional[int]) -> Optional[Quantity]:
    if not text:
        return None
    value = _FOOTNOTE.sub("", text) or text
    if value == text:
        return parse_quantity(text, year)
    q = parse_quantity(value, year)
    return q.model_copy(update={"raw": parse_quantity(text, year).raw})


def _cell_quantity(text: str, year: Optional[int]) -> Optional[Quantity]:
    """A baseline (or result) cell, whose own year, when it prints one, is the quantity's year."""
    m = _YEAR_FIRST.match(text) or _YEAR_AFTER.match(text)
    if m is None:
        return _quantity(text, year)
    q = _quantity(m.group("v"), int(m.group("y")))
    return q.model_copy(update={"raw": parse_quantity(text, year).raw}) if q is not None else None


def _none_mark(raw: str) -> bool:
    return bool(regex.fullmatch(r"[-—–―*/\\×]+|无|暂无|空|不适用|待定|N/?A", raw))


# --- prose --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Prose:
    year: regex.Pattern
    clause: regex.Pattern       # subject, verb, quantity
    change: regex.Pattern       # subject, the change with its verb (降低13.5%)
    build: regex.Pattern        # verb, quantity, thing
    build_verb_end: regex.Pattern  # a subject that ends in a build verb
    share_led: regex.Pattern    # 100%的 X 达到 Y
    share_elided: regex.Pattern  # 20%以上达到 Y (X from the clause before)
    trailing: regex.Pattern
    from_to: regex.Pattern      # 由2015年的5.01‰下降到2.67‰
    lead: regex.Pattern
    bare: regex.Pattern         # a subject and its quantity, the verb left out: 、义务教育巩固率95%
    unit_tail: regex.Pattern    # the unit at the end of a quantity as printed
    respectively: str
    from_marks: tuple[str, ...]   # 由 / 从 before the base of a change


# a number as printed: ASCII or full-width digits (８０．５: \d is Unicode), or a Chinese share in
# tenths or a multiple (下降三成, 增长一倍)
_NUM = r"\d+(?:[.．]\d+)?"
_TENTHS_MARK = "成"
_TENTHS = rf"[一二两三四五六七八九十](?:{_TENTHS_MARK}|倍)"
_PERCENT = r"[%％]"


@functools.lru_cache(maxsize=1)
def _prose() -> _Prose:
    p = catalogue.catalogue().prose
    verbs = patterns.alternation(p.verbs)
    # a measure word, after a magnitude or not: 4所, 1.2亿人次, 120万千瓦
    measure = rf"(?:{patterns.alternation(list(unit_magnitudes()))})?(?:{patterns.alternation(p.measure_words)})"
    predicate = rf"达到[^，,；;。]{{{MIN_NAME_CHARS},{MAX_SHARE_PREDICATE_CHARS}}}"
    qty = (rf"(?:(?:[≥≤<>]\s*)?{_NUM}(?:\s*[-—–~～至]\s*{_NUM})?\s*(?:{_PERCENT}|‰|个百分点|{_PER_RATE}|{measure})?"
           rf"|{_TENTHS})(?:\s*(?:以上|以下|以内|左右))?")
    marks = patterns.alternation(p.from_marks)
    return _Prose(
        year=patterns.compile(rf"(?:{p.target_year})|(?:{p.period_end})"),
        clause=patterns.compile(rf"^(?P<subject>[^，,；;。]*?)(?P<verb>{verbs})\s*(?P<q>{qty})(?![\d.．])"),
        # (no \s* before the verb: with the lazy subject it made the pattern quadratic on a
        # long run of spaces; prose reaches here with its layout spaces removed)
        change=patterns.compile(rf"^(?P<subject>[^，,；;。]*?)(?P<q>(?:{p.change_lead})?"
                                rf"(?:{patterns.alternation(p.change_verbs)})\s*{qty})(?![\d.．])"),
        build=patterns.compile(rf"(?P<verb>{patterns.alternation(p.build_verbs)})\s*"
                               rf"(?P<q>(?:{patterns.alternation(p.build_qualifiers)})?{_NUM}(?:\s*[-—–~～至]\s*{_NUM})?"
                               rf"\s*(?:{measure})(?:以上)?)"
                               rf"(?P<thing>[0-9A-Za-z]{{0,{MAX_UNIT_CHARS}}}\p{{Han}}{{{MIN_NAME_CHARS},{MAX_BUILT_THING_CHARS}}})$"),
        share_led=patterns.compile(rf"(?<![\d.])(?P<q>{_NUM}\s*%(?:以上)?)的"
                                   rf"(?P<thing>[^，,；;。]{{{MIN_NAME_CHARS},{MAX_SHARE_THING_CHARS}}}?)"
                                   rf"(?P<pred>{predicate})$"),
        share_elided=patterns.compile(rf"^(?P<q>{_NUM}\s*%(?:以上|以下)?)(?P<pred>{predicate})$"),
        trailing=patterns.compile(r"(?:" + patterns.alternation(p.trailing_words) + r")+$"),
        from_to=patterns.compile(rf"^(?P<subject>[^，,；;。]{{{MIN_NAME_CHARS},{MAX_CHANGE_SUBJECT_CHARS}}}?)"
                                 rf"(?:{marks})\s*(?:(?P<y>\d{{4}})\s*年的?)?\s*(?P<b>{qty})"
                                 rf"\s*(?P<verb>{verbs})\s*(?:(?P<y2>\d{{4}})\s*年的?)?\s*(?P<t>{qty})(?![\d.．])"),
        bare=patterns.compile(rf"^(?P<subject>[^，,；;。]{{{MIN_NAME_CHARS},}}?)(?<![\d.．])(?P<q>{qty})(?P<rest>[（(〔［【].*)?$"),
        lead=patterns.compile(r"^(?:" + patterns.alternation(p.lead_words) + r")+"),
        build_verb_end=patterns.compile(rf"(?:{patterns.alternation(p.build_verbs)})$"),
        unit_tail=patterns.compile(rf"(?:(?<![\d.]){_NUM}\s*(?P<u>%|‰|个百分点|{_PER_RATE}|{measure}"
                                   rf"|\p{{Han}}{{1,{MAX_UNIT_CHARS}}})?|{_TENTHS})"
                                   r"(?:以上|以下|以内|左右)?$"),
        respectively=p.respectively,
        from_marks=tuple(p.from_marks),
    )


_SENTENCE = regex_cache.compile(r"[^。！？!?]+[。！？!?]?")
_SPACES = regex_cache.compile(r"\s+")
_YEAR_LEAD = regex_cache.compile(rf"^{YEAR}年(?:底|末)?[，,]?")
# a rate per population: 85/10万, 20/十万, 3/万, 5/千
_PER_RATE = r"[/／](?:[1１][0０]{1,4}|十|百|千)?万|[/／](?:千|百)"
_ITEM_SEP = regex_cache.compile(r"[、和及与]")
_CLAUSE = regex_cache.compile(r"[^，,；;、]+")
_PART = regex_cache.compile(r"[^，,；;]+")
_PER_POPULATION = regex_cache.compile(r"^每[千万百十]+(?:常住)?人口?")


def from_prose(state: State) -> None:
    norm = state.norm
    skip = {i for a, b in state.table_paras.values() for i in range(a, b)}
    skip |= set(state.front.toc) | set(state.front.notice)
    title_end = {i: h.span[1] for h in state.outline if (i := state.heading_para.get(h.id)) is not None}
    paras = [(i, p) for i, p in enumerate(norm.paras) if p.kind == "text" and i not in skip]
    period = meta.plan_period(state)
    min_year = period.start if period else planning_year([norm.para_text(p) for _, p in paras])
    found: list[Indicator] = []
    unresolved: list[tuple[str, list[_Target]]] = []
    level = {i: h.level for h in state.outline if (i := state.heading_para.get(h.id)) is not None}
    depth = 0                       # the level of the heading the paragraph is under
    listed: Optional[int] = None    # the year of a paragraph that opens a list (到2025年，主要目标是：)
    boxed = _target_box_years(state, period.end if period else None)
    list_depth = 0                  # … and the level of the heading that paragraph is under
    trail: dict[int, str] = {}      # the headings the paragraph is under, by level
    review = False                  # … one of which reviews the past (发展成就)
    items = [_arabic_item(norm.para_text(p)) for _, p in paras]   # the Arabic list number each opens with
    for k, (i, para) in enumerate(paras):
        whole = norm.para_text(para)
        item = listed is not None and level.get(i, depth + 1) > list_depth
        if i in level:
            listed = listed if item else None
            depth = level[i]
            trail = {d: t for d, t in trail.items() if d < depth} | {depth: whole}
            review = any(w in t for t in trail.values() for w in catalogue.catalogue().prose.review_headings)
        # a list number (1. （一） ①) is no part of what follows it, nor is an item's number
        offset = _list_number_length(whole, (items[k - 1] if k else None, items[k + 1] if k + 1 < len(items) else None))
        if i in title_end and not item and not _year_phrase(whole[offset:title_end[i] - para.start]):
            offset = title_end[i] - para.start   # a run-in heading's title is no target, unless it names a year
        text = whole[offset:]
        in_force = listed if listed is not None else boxed.get(i)   # the target year in force here
        for m in _SENTENCE.finditer(text):
            span = (para.start + offset + m.start(), para.start + offset + m.end())
            ym = _year_phrase(m.group(0))
            if ym is not None:
                in_force = _year(ym.group(0))
            targets = _targets(m.group(0), span, norm.page_at(span[0]), min_year, in_force, review)
            found += [t.indicator for t in targets]
            if _worth_parsing(m.group(0), targets, min_year):
                unresolved.append((m.group(0), targets))
        if text.rstrip().endswith(("：", ":")):
            listed = in_force    # the list below it states targets for that year: its items are
            list_depth = depth   # the paragraphs and the headings under it, up to the next heading as high
    if unresolved:   # spaCy is loaded only here, for the few sentences that need it
        for doc, (_, targets) in zip(nlp.nlp().pipe(s for s, _ in unresolved), unresolved):
            _resolve(doc, 0, targets)
    known = {_restated(ind) for ind in state.indicators}
    for ind in found:
        key = _restated(ind)
        if key in known:
            continue  # the prose restates a table row (or a sentence before it)
        known.add(key)
        ind.id = f"i{len(state.indicators) + 1}"
        state.indicators.append(ind)


def _target_box_years(state: State, plan_end: Optional[int]) -> dict[int, int]:
    """The paragraphs of each 专栏 whose title announces targets or indicators (`“十四五”主要发展指标`,
    `2025年主要目标`), with the year its items state targets for: the year the title names, else
    the plan's last. A box that reports results (`“十三五”主要指标完成情况`) states none."""
    out: dict[int, int] = {}
    for box in state.boxes:
        title = box.title or ""
        if not _TARGET_BOX.search(title) or _RESULT_BOX.search(title):
            continue
        named = regex.search(rf"({ARABIC_YEAR})\s*年", title)
        year = int(named.group(1)) if named else plan_end
        if year is None:
            continue
        a, b = state.box_paras.get(box.id, (0, 0))
        out.update((i, year) for i in range(a, b))
    return out


# a box title that announces targets (主要目标, 发展指标), and one that reports results
_TARGET_BOX = regex_cache.compile(r"目标|指标")
_RESULT_BOX = regex_cache.compile(r"完成|成效|成就|回顾|情况|实现")


def _restated(ind: Indicator) -> tuple:
    """What a restatement shares: the indicator, its target value and year, and whether it is a
    target or a result (74.1岁 reached in 2020 is no restatement of 74.1岁 aimed at for 2025)."""
    t = ind.target
    return (ind.canonical or catalogue.normalize(ind.name), t.value if t else None, t.year if t else None, ind.status)


_ARABIC_ITEM = regex_cache.compile(r"^(?P<n>[0-9０-９]{1,2})[.．、]")


def _arabic_item(text: str) -> Optional[int]:
    m = _ARABIC_ITEM.match(text)
    return int(fold_width(m.group("n"))) if m else None


def _list_number_length(text: str, neighbours: tuple[Optional[int], Optional[int]]) -> int:
    """Length of the list number a paragraph opens with (1. （一） ①). A number before a digit
    (`2.5岁以下儿童死亡率…`) is an item's only in a run of items: the paragraph before opens with
    the number before it, or the one after with the number after it (else 2.5 is a number)."""
    m = _ARABIC_ITEM.match(text)
    if m and text[m.end():m.end() + 1].isdigit():
        n, (before, after) = int(fold_width(m.group("n"))), neighbours
        return m.end() if before == n - 1 or after == n + 1 else 0
    return heading_number_length(text)


@dataclass
class _Target:
    indicator: Indicator
    where: tuple[int, int]   # in the sentence: the printed subject, else the clause that states it
    printed: bool            # the name is the subject as printed (not built or completed by a rule)


def _placed(sentence: str, ind: Indicator, a: int, b: int, printed_name: Optional[str] = None) -> _Target:
    """The target with where its subject is printed between a and b."""
    printed_name = printed_name or ind.name
    i = sentence.find(printed_name, a, b)
    if i < 0:
        return _Target(ind, (a, b), False)
    return _Target(ind, (i, i + len(printed_name)), printed_name == ind.name)


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
    phrase naming a target year (not earlier than min_year). Regex only: the catalogue
    completions of `targets_in` / the pipeline need the sentence parsed."""
    return [t.indicator for t in _targets(sentence, span, page, min_year)]


def _targets(sentence: str, span: tuple[int, int], page: Optional[int],
             min_year: Optional[int] = None, in_force: Optional[int] = None, review: bool = False) -> list[_Target]:
    """in_force: the target year an earlier sentence of the paragraph (or the paragraph that
    opened a list) named; a sentence naming none states targets for it. review: the sentence is
    under a heading that reviews the past (发展基础, “十三五”时期发展成就): its changes are results, and
    so are the levels of a sentence that names a year before the plan's."""
    p = _prose()
    out: list[_Target] = []
    ym = _year_phrase(sentence)
    year = _year(ym.group(0)) if ym else in_force
    rm = _RESULT_YEAR.match(sentence) if year is None else None
    result_year = int(rm.group("y")) if rm else None   # 2020年，X由2015年的A提高到B: the result's year
    is_target = year is not None and (min_year is None or year >= min_year)
    # under a review heading, a year before the plan's (截至2020年底，… / 2020年，…) reports levels reached
    past = year if year is not None and not is_target else result_year
    results = review and past is not None
    start = ym.end() if ym else 0
    scope = sentence[start:]
    years = [year]
    more = _MORE_YEARS.match(scope) if is_target else None
    if more:   # 到2022年和2030年，…分别不低于25%和35%: one target per year
        years += [int(y) for y in regex.findall(ARABIC_YEAR, more.group(0))]
        start += more.end()
        scope = sentence[start:]
    listed: list[tuple[int, int]] = []   # the parts a 分别 list takes (X、Y分别达到A、B), read as one
    if (is_target or results) and p.respectively in scope:
        out = _respectively(sentence, start, years if is_target else [past], span, page)
        if results:   # levels reached: only those named as indicators are (not 玉柴集团超过350亿元)
            out = [t for t in out if _names_indicator(t.indicator.name)]
        for t in out if results else ():
            t.indicator.status = "achieved"
        listed = [(pm.start(), pm.end()) for pm in _PART.finditer(sentence, start) if p.respectively in pm.group(0)]
    if not is_target and not results and not any(mark in scope for mark in p.from_marks):
        return out   # outside a target phrase or a review's year only a change (由A提高到B) is read
    prev_subject, prev_thing, prev_verb = "", "", ""
    for c in _CLAUSE.finditer(scope):
        a, b = start + c.start(), start + c.end()
        if any(x <= a < y for x, y in listed):
            continue
        clause = c.group(0).strip().rstrip("。！？!?")
        m = p.from_to.match(clause)
        if m:
            name = _clean_subject(m.group("subject"))
            to_year = int(m.group("y2")) if m.group("y2") else (year or result_year)
            base_year = int(m.group("y")) if m.group("y") else None
            if name:
                ind = _indicator(name, m.group("t"), m.group("verb"), to_year, span, page,
                                 baseline=(m.group("b"), base_year), nature=_nature_in(clause[m.end():]))
                if (to_year is not None and min_year is not None and to_year < min_year) or \
                        (review and (to_year is None or min_year is None or to_year < min_year)):
                    ind.status = "achieved"   # 由2015年的72.6岁提高到2020年的74.1岁: a result reached
                out.append(_placed(sentence, ind, a, b))
            continue
        if not is_target and not results:
            continue
        part = _PART.match(scope, c.start()).group(0).strip().rstrip("。！？!?")   # up to the next ，；
        elided = c.start() > 0 and scope[c.start() - 1] == "、"   # 每千人口X数达到…、Y数达到…
        at = year if is_target else past
        ind, thing, printed = _clause_target(clause, prev_subject, prev_thing, at, span, page, part, elided)
        vm = p.clause.match(clause) if ind is not None else None
        bare = p.bare.match(clause) if ind is None and elided and prev_verb else None
        if bare:   # X达到90%、Y95%: the verb of the clause before sets Y too
            ind, thing, printed = _clause_target(bare.group("subject") + prev_verb + bare.group("q"), prev_subject,
                                                 prev_thing, at, span, page, "", elided)
        prev_verb = vm.group("verb") if vm else (prev_verb if bare else "")
        if ind is not None:
            ind.nature = _nature_in(clause)
            if not is_target:
                if not _names_indicator(ind.name):
                    continue   # a review's sentence names firms and works too: 玉柴集团超过350亿元
                ind.status = "achieved"   # 截至2020年底，全市人均预期寿命达到78.3岁: a level reached
            parts = each_of(ind.name, clause)
            if parts:
                for part in parts:
                    out.append(_placed(sentence, ind.model_copy(update={"name": part,
                                                                         "canonical": catalogue.match(part)}), a, b))
            else:
                out.append(_placed(sentence, ind, a, b, printed))
            prev_subject, prev_thing = ind.name, thing
    return sorted(out, key=lambda t: t.where[0]) if listed else out


def _clause_target(clause: str, prev: str, prev_thing: str, year, span, page, part: str = "",
                   elided: bool = False) -> tuple[Optional[Indicator], str, Optional[str]]:
    """The indicator one clause sets, the thing it counts (for an elided next clause), and its
    subject as printed when a rule added to it. elided: the clause follows the one before after a
    、, so its subject may leave out that one's 每千人口."""
    p = _prose()
    m = p.share_led.search(clause)
    if m:
        thing = _clean_subject(m.group("thing"))
        return _indicator(f"{m.group('pred')}的{thing}比例", m.group("q"), "", year, span, page), thing, None
    m = p.share_elided.match(clause)
    if m and prev_thing:
        return (_indicator(f"{m.group('pred')}的{prev_thing}比例", m.group("q"), "", year, span, page),
                prev_thing, None)
    m = p.clause.match(clause)
    if m and p.build.search(clause) and p.build_verb_end.search(m.group("subject")):
        m = None  # 各县市建成不少于1个托育机构: a count of things built, not a level of 各县市建成
    if m and _NOT_A_LEVEL.match((part if part.startswith(clause) else clause)[m.end():]):
        m = None  # 达78岁的目标: the number sets a noun; 达到2级和3级: values of things not named
    if m:
        subject = printed = _clean_subject(m.group("subject"))
        if not subject:
            return None, "", None
        if prev and not subject.startswith("每"):
            pm = _PER_POPULATION.match(prev)
            if pm and regex.search(r"数$", subject) and (elided or catalogue.match(pm.group(0) + subject)):
                subject = pm.group(0) + subject  # 每千人口执业医师数达到…、注册护士数达到…
        return _indicator(subject, m.group("q"), m.group("verb"), year, span, page), "", printed
    m = p.build.search(clause)
    if m:
        thing = m.group("thing")
        if len(part) > len(clause) and part.startswith(clause):
            # 打造不少于5个优势明显、综合竞争力强的医学重点学科: modifiers joined by 、 up to 的;
            # the thing counted is the noun after the last 的 of the whole part
            head = part[m.start("thing"):].rsplit("的", 1)
            if len(head) == 2 and MIN_NAME_CHARS <= len(head[1]) <= MAX_BUILT_THING_CHARS \
                    and regex.fullmatch(r"\p{Han}+", head[1]):
                thing = head[1]
        area = _unit_of(_SPACES.sub("", m.group("q"))) in catalogue.catalogue().prose.build_area_units
        return _indicator(thing + ("面积" if area else "数"), m.group("q"), "", year, span, page), "", None
    m = p.change.match(clause)
    if m and (subject := _clean_subject(m.group("subject"))) and not _COMPARED.match(subject):
        return _indicator(subject, m.group("q"), "", year, span, page), "", subject
    return None, "", None


# after a level: 的 (the number modifies a noun: 达78岁的目标), or more values (达到2级和3级, 2级、3级)
_NOT_A_LEVEL = regex_cache.compile(r"^\s{0,2}\p{Han}{0,2}?(?:的|[和及与、]\s{0,2}[\d０-９])")
# a change's subject that is a comparison, not a name: 比“十五”时期提高5.5个百分点
def _names_indicator(name: str) -> bool:
    """Does a name end as indicator names do (…率, …数, …比重, …寿命; prose.indicator_heads)?"""
    return name.endswith(tuple(catalogue.catalogue().prose.indicator_heads))


_COMPARED = regex_cache.compile(r"^(?:比|较|同比)")
_BOTH = regex_cache.compile(rf"均(?=\p{{Han}}{{0,{MAX_BOTH_GAP_CHARS}}}?[≥≤<>\d])")
_AND = regex_cache.compile(r"和|及|与|以及")


def each_of(name: str, clause: str) -> list[str]:
    """`孕前优生健康检查覆盖率和产前筛查率均达到85%`: 均 sets the level of each thing named, one
    indicator each. Empty when the clause has no 均, or a part is too short to be a name."""
    if not _BOTH.search(clause):
        return []
    parts = [p.strip() for p in _AND.split(name) if p.strip()]
    if len(parts) < 2 or any(len(p) < MIN_EACH_PART_CHARS for p in parts) or name.count("（") != name.count("）"):
        return []
    return share_head(parts)


def share_head(names: list[str]) -> list[str]:
    """Parallel modifiers share the last item's head: `二级和三级公立医院电子病历应用水平`
    → 二级公立医院电子病历应用水平, 三级公立医院电子病历应用水平. Only when a short item and
    the start of the last item end alike (二级 / 三级), so `床位数、医师数` are left alone."""
    if len(names) < 2:
        return names
    last = names[-1]
    out = []
    for name in names[:-1]:
        n = len(name)
        if 1 < n <= MAX_SHARED_MODIFIER_CHARS and len(last) >= n + MIN_SHARED_HEAD_CHARS \
                and last[n - 1] == name[-1] and last[:n] != name:
            out.append(name + last[n:])
        else:
            out.append(name)
    return out + [last]


# a sentence that opens with a bare year (2020年，…): what it reports is that year's
_RESULT_YEAR = regex_cache.compile(rf"^\s*(?P<y>{ARABIC_YEAR})\s*年(?:底|末)?\s*[，,]")
_MORE_YEARS = regex_cache.compile(rf"^(?:\s*[和、及与至]\s*(?:到|至)?\s*{ARABIC_YEAR}\s*年(?:底|末)?)+")


def _items(subjects: str, count: int) -> list[str]:
    """The names a 分别 sentence lists, as many as it has values: split at every 、和及与, else (a
    name that holds 与, 及 or 和: 研究与试验发展经费投入强度, 农村自来水普及率) at 、 and the last 和
    (else 及, else 与) when that leaves names of MIN_EACH_PART_CHARS."""
    fine = [_clean_subject(x) for x in _ITEM_SEP.split(subjects) if x.strip()]
    if len(fine) == count:
        return fine
    for word in _LIST_AND:   # 和 joins a list's last name far more often than 及 or 与, which names hold
        at = subjects.rfind(word)
        names = [x for x in regex.split("、", subjects[:at]) + [subjects[at + len(word):]] if x.strip()]
        if at > 0 and len(names) == count and all(len(x.strip()) >= MIN_EACH_PART_CHARS for x in names):
            return [_clean_subject(x) for x in names]
    return fine


_LIST_AND = ("和", "以及", "及", "与")


def _respectively(sentence: str, start: int, years: list, span, page) -> list[_Target]:
    """`床位数、执业医师数和注册护士数分别达到8张、3.15人和4.5人`: one indicator per item; one
    item with a value per year named (`到2022年和2030年…分别不低于25%和35%`): one indicator
    with a target for each year."""
    year = years[-1]
    p = _prose()
    out: list[_Target] = []
    for pm in _PART.finditer(sentence, start):
        part = pm.group(0)
        if p.respectively not in part:
            continue
        subjects, _, rest = part.partition(p.respectively)
        vm = regex.match(rf"^(?P<verb>\p{{Han}}{{1,{MAX_RESPECTIVELY_VERB_CHARS}}}?)(?=[≥≤<>\d])", rest)
        verb = vm.group("verb") if vm else ""
        values = [v.strip("。！？!? ") for v in _ITEM_SEP.split(rest[len(verb):]) if v.strip()]
        names = _items(subjects, len(values)) if len(years) == 1 else [_clean_subject(subjects)]
        if len(names) == 1 and len(years) > 1 and len(values) == len(years):
            per_year = [_indicator(names[0], v.strip(), verb, y, span, page) for v, y in zip(values, years)]
            ind = per_year[-1].model_copy(update={"targets": [i.target for i in per_year]})
            out.append(_placed(sentence, ind, pm.start(), pm.start() + len(subjects)))
            continue
        if len(names) != len(values) or not names:
            continue
        names = share_head(names)
        prefix = _PER_POPULATION.match(names[0])
        at, end = pm.start(), pm.start() + len(subjects)
        for printed, value in zip(names, values):
            name = printed
            if prefix and not name.startswith("每"):
                name = prefix.group(0) + name
            target = _placed(sentence, _indicator(name, value.strip(), verb, year, span, page), at, end, printed)
            if target.where != (at, end):
                at = target.where[1]   # found: the next item is printed after it
            out.append(target)
    return out


# --- prose, with the catalogue over the parsed sentence (extract/nlp.py) ------------------------

_COORDINATION = ("、", "和", "及", "与")


def targets_in(doc: "Doc", min_year: Optional[int] = None) -> list["Span"]:
    """Prose targets of a Doc made by `extract.nlp.nlp()`, as spaCy Spans over their printed
    subjects (or the clause when the name is built): `span._.indicator` is the Indicator,
    `span._.quantity` its target. The same targets, names and canonical ids as the pipeline's
    prose path gives for this text; a phrase naming a target year scopes its 。-sentence."""
    spans = []
    taken: set[tuple[int, int]] = set()
    for m in _SENTENCE.finditer(doc.text):
        targets = _targets(m.group(0), (m.start(), m.end()), None, min_year)
        if _worth_parsing(m.group(0), targets, min_year):
            _resolve(doc, m.start(), targets)
        for t in targets:
            span = doc.char_span(m.start() + t.where[0], m.start() + t.where[1], alignment_mode="expand")
            if span is None or (span.start_char, span.end_char) in taken:
                continue  # spaCy keeps extension values per offsets: one target per range
            taken.add((span.start_char, span.end_char))
            span._.indicator, span._.quantity = t.indicator, t.indicator.target
            spans.append(span)
    return spans


def _qualifies(sentence: str, min_year: Optional[int]) -> bool:
    ym = _year_phrase(sentence)
    return ym is not None and (min_year is None or (_year(ym.group(0)) or 0) >= min_year)


def _worth_parsing(sentence: str, targets: list[_Target], min_year: Optional[int]) -> bool:
    """A sentence naming a target year, with a printed subject that the catalogue does not name
    but that shares words with a catalogue name, and a catalogue name printed: the only ones
    `_resolve` can change (checked without spaCy)."""
    return _qualifies(sentence, min_year) and any(
        t.printed and t.indicator.canonical is None and _near_catalogue(t.indicator.name) for t in targets
    ) and nlp.may_mention(sentence)


@functools.lru_cache(maxsize=1)
def _catalogue_forms() -> tuple[str, ...]:
    return tuple({nlp.fold_chars(n) for n in catalogue.normalized_names()})


def _near_catalogue(name: str) -> bool:
    n = nlp.fold_chars(catalogue.normalize(name))
    return len(n) >= MIN_NAME_CHARS and any(n in c or c in n for c in _catalogue_forms())


def _resolve(doc: "Doc", base: int, targets: list[_Target]) -> None:
    """Catalogue ids for printed subjects the exact match left without one (the doc's text from
    `base` on is their sentence), from the catalogue names the PhraseMatcher finds:
    (a) the subject, a place prefix aside, is a catalogue name as the matcher reads it
        (每千人拥有三岁以下婴幼儿托位数 is 每千人口拥有3岁以下婴幼儿托位数);
    (b) the subject left out words that a catalogue name printed beside it in the same
        ；-sentence supplies, and exactly one catalogue indicator results.
    A subject that merely contains a catalogue name is not given its id
    (孕前优生健康检查目标人群覆盖率和产前筛查率 is not 产前筛查率)."""
    mentions = nlp.mentions(doc)
    for t in targets:
        ind = t.indicator
        if ind.canonical is not None or not t.printed:
            continue
        a, b = base + t.where[0], base + t.where[1]
        subject = doc.char_span(a, b, alignment_mode="expand")
        if subject is None or not len(subject):
            continue
        sent = doc[subject.start].sent
        here = [m for m in mentions if m.start >= sent.start and m.end <= sent.end]
        found = _named(here, a, b, doc.text) or _completed(here, ind.name, a, b, doc.text)
        if found:
            ind.canonical, ind.name = found


def _named(mentions: list["Span"], a: int, b: int, text: str) -> Optional[tuple[str, str]]:
    """(a) A catalogue name printed as the whole subject (a..b), a place prefix (全市, 其中：) aside."""
    starts = {a} | {a + len(p) for p in catalogue.catalogue().normalize.prefixes if text.startswith(p, a)}
    m = next((m for m in mentions if m.start_char in starts and m.end_char == b), None)
    return (m.label_, text[a:b]) if m is not None else None


def _completed(mentions: list["Span"], name: str, a: int, b: int, text: str) -> Optional[tuple[str, str]]:
    """Catalogue id and name of an elided subject (printed at a..b), from the catalogue names
    printed beside it:
    - first of coordinated names sharing the last one's head:
      `高血压、2型糖尿病患者规范管理率分别达到…` → 高血压 + 患者规范管理率;
    - the head (or head and tail) of a name printed before it in the same ；-sentence:
      `患者满意度明显提高，满意度达到90%` → 患者满意度; `每千人口执业医师数…、注册护士数…` → 每千人口注册护士数.
    The completion must be a catalogue name, and all completions one indicator: else None."""
    candidates: list[str] = []
    after = next((m for m in mentions if m.start_char >= b), None)
    if after is not None and text[b:after.start_char].strip() in _COORDINATION:
        candidates += [name + after[k:].text for k in range(1, len(after))]
    for m in (m for m in mentions if m.end_char <= a):
        if m.text.endswith(name) and m.text != name:
            candidates.append(m.text)
        candidates += [m[:k].text + name for k in range(1, len(m))]
    named = [(catalogue.match(c), c) for c in candidates]
    ids = {i for i, _ in named if i is not None}
    if len(ids) != 1:
        return None
    return next((i, c) for i, c in named if i is not None)


def _clean_subject(text: str) -> str:
    s = _BULLET.sub("", text.strip(" ，,、：:"))   # ——婴儿死亡率, ●孕产妇死亡率: a list's bullet
    s = _prose().lead.sub("", s)
    s = _prose().trailing.sub("", s)
    s = _YEAR_LEAD.sub("", s)
    return s.strip(" ，,、：:")


_BULLET = regex_cache.compile(r"^(?:——|—|-|●|◆|◇|■|□|▪|•|·|○|★|☆|>)+\s*")


def _year(text: str) -> Optional[int]:
    """The year a target phrase names: 到2025年 → 2025, 到“十四五”末 → 2025 (the period's last year)."""
    m = _prose().year.search(text)
    if not m:
        return None
    if m.group("year") is None:
        period = meta.period_of(m.group("period"))
        return period.end if period else None
    return year_value(m.group("year"))


def _unit_of(raw: str) -> Optional[str]:
    m = _prose().unit_tail.search(fold_width(raw))   # ％ is %
    if m is not None and m.group(0).endswith(_TENTHS_MARK):
        return "%"   # 三成: a share in tenths, read in percent (30)
    if m is not None and m.group("u") is None and m.group(0).endswith("倍"):
        return "倍"
    u = m.group("u") if m else None
    if u in ("以上", "以下", "以内", "左右"):
        return None
    # parse_quantity applies a magnitude (20万亩 → 200000, 1.2亿人次 → 120000000): the value is in 亩, 人次
    for magnitude in unit_magnitudes() if u else ():
        if u.startswith(magnitude) and len(u) > len(magnitude):
            return u[len(magnitude):]
    return u


_NATURE_MARK = regex_cache.compile(r"[（(〔［\[【]\s*(?P<n>\p{Han}{2,6})\s*[）)〕］\]】]")


def _nature_in(text: str) -> Optional[str]:
    """The nature a clause prints in brackets after its value: `达到80岁（预期性）`, `〔约束性〕`."""
    for m in _NATURE_MARK.finditer(text):
        nature = classify.nature_of(m.group("n"))
        if nature:
            return nature
    return None


def _indicator(name: str, raw: str, verb: str, year, span, page, baseline=None, nature=None) -> Indicator:
    q = parse_quantity(verb + raw, year)
    q = Quantity(year=year, raw=_SPACES.sub("", raw), op=q.op, value=q.value, high=q.high)
    base = None
    if baseline is not None:
        b = parse_quantity(baseline[0], baseline[1])
        base = Quantity(year=baseline[1], raw=_SPACES.sub("", baseline[0]), op=b.op, value=b.value, high=b.high)
    unit = _unit_of(_SPACES.sub("", raw))
    return Indicator(id="", name=name, unit=unit, baseline=base, target=q, nature=nature,
                     canonical=catalogue.match(name),
                     source=ItemSource(kind="text", span=span, page=page))
