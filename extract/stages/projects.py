"""projects stage: what will be built, for how much — from four places in a plan.

- rows of project tables (the tables stage marks them kind "projects"), budget in the column's unit;
- items of 专栏 boxes that name a project (`name：content`, a bold or numbered lead sentence,
  or a sentence that enumerates several projects: one project each);
- programmes of a section such as 四、重大工程 (`（一）实施疾病预防控制能力提升工程。…`);
- prose sentences that invest an amount in one named thing (`投入资金880万元…建设了连然社区卫生服务中心`),
  not totals over many projects, rates per year or subsidies (patterns/projects.yaml).

Every project keeps where it came from (source kind, table/row or span, page) and its section.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

import regex

from .. import patterns
from ..lexicon.brackets import first_top_level, split_top_level
from ..model import ItemSource, Money, Project, Table
from ..money import find_money, parse_money
from ..state import NormText, State


class TableColumns(patterns.PatternModel):
    name: list[str]
    content: list[str]
    nature: list[str]
    budget: list[str]
    start: list[str]


class NotAProject(patterns.PatternModel):
    per_period: list[str]
    subsidy: list[str]
    aggregate: list[str]


class ProsePatterns(patterns.PatternModel):
    investment: list[str]
    investment_tail: list[str]
    construction: list[str]
    not_a_project: NotAProject


class ProjectPatterns(patterns.PatternModel):
    name_nouns: list[str]
    not_a_name: str
    natures: list[str]
    leading_verbs: list[str]
    start: patterns.RegexWith("year", "month")
    table_columns: TableColumns
    total_rows: list[str]
    default_budget_unit: str
    project_box_words: list[str]
    enumeration_closers: list[str]
    programme_sections: str
    prose: ProsePatterns


@dataclass(frozen=True)
class _Grammar:
    data: ProjectPatterns
    ends_with_noun: "regex.Pattern[str]"
    noun: "regex.Pattern[str]"
    not_a_name: "regex.Pattern[str]"
    nature: "regex.Pattern[str]"
    leading_verbs: "regex.Pattern[str]"
    start: "regex.Pattern[str]"
    enumeration_closer: "regex.Pattern[str]"
    programme_section: "regex.Pattern[str]"
    invested: "regex.Pattern[str]"          # 投入资金 | 总投资约 right before an amount
    construction_run: "regex.Pattern[str]"  # 改造建设了
    per_period: "regex.Pattern[str]"
    subsidy: "regex.Pattern[str]"
    aggregate: list["regex.Pattern[str]"]


@patterns.compiled("projects", ProjectPatterns)
def grammar(data: ProjectPatterns) -> _Grammar:
    alt = patterns.alternation
    p = data.prose
    return _Grammar(
        data=data,
        ends_with_noun=patterns.compile(rf"(?:{alt(data.name_nouns)})(?:[（(][^（）()]*[）)])?$"),
        noun=patterns.compile(f"(?:{alt(data.name_nouns)})"),
        not_a_name=patterns.compile(data.not_a_name),
        nature=patterns.compile(f"(?:{alt(data.natures)})"),
        leading_verbs=patterns.compile(rf"^(?:{alt(data.leading_verbs)})+"),
        start=patterns.compile(data.start),
        enumeration_closer=patterns.compile(rf"(?:{alt(data.enumeration_closers)})$"),
        programme_section=patterns.compile(data.programme_sections),
        invested=patterns.compile(rf"(?:{alt(p.investment)})(?:{alt(p.investment_tail)})*$"),
        construction_run=patterns.compile(rf"(?:{alt(p.construction)})+了?"),
        per_period=patterns.compile(f"(?:{alt(p.not_a_project.per_period)})"),
        subsidy=patterns.compile(f"(?:{alt(p.not_a_project.subsidy)})"),
        aggregate=[patterns.compile(a) for a in p.not_a_project.aggregate],
    )


def run(state: State) -> None:
    found: list[Project] = []
    for table in state.tables:
        if table.kind == "projects":
            found.extend(table_projects(state, table))
    for box in state.boxes:
        found.extend(box_projects(state, box.id))
    programme_paras: set[int] = set()
    for project, paras in programme_projects(state):
        found.append(project)
        programme_paras.update(paras)
    found.extend(prose_projects(state, skip=programme_paras))
    found.sort(key=lambda p: (p.source.span or (0, 0))[0])
    for k, project in enumerate(found):
        project.id = f"p{k + 1}"
    state.projects.extend(found)


# ---------------------------------------------------------------- names

def clean_name(text: str) -> str:
    """A name without the verbs that open its sentence and the punctuation that closes it."""
    name = text.strip().rstrip("。；;，,：:.． ")
    stripped = grammar().leading_verbs.sub("", name)
    return stripped if len(stripped) >= 2 else name


def names_a_project(name: str) -> bool:
    return bool(grammar().ends_with_noun.search(name.rstrip("。；;，, ")))


def nature_of(text: Optional[str]) -> Optional[str]:
    """The construction nature a cell or a name states, when it states exactly one."""
    if not text:
        return None
    found = {m.group() for m in grammar().nature.finditer(text)}
    return found.pop() if len(found) == 1 else None


def start_of(text: Optional[str]) -> Optional[str]:
    """`2023年开工` → "2023", `2024年6月开工` → "2024-06"."""
    if not text:
        return None
    m = grammar().start.search(text)
    return _year_month(m["year"], m["month"]) if m else None


def _year_month(year: str, month: Optional[str]) -> str:
    return f"{year}-{int(month):02d}" if month and 1 <= int(month) <= 12 else year


def split_enumeration(sentence: str) -> list[str]:
    """The projects one sentence enumerates: `争取实施A建设项目、B迁建项目` → [A建设项目, B迁建项目],
    `实施A、B、C等项目` → [A, B, C]; [] when it is not an enumeration of named projects."""
    g = grammar()
    body = sentence.strip().rstrip("。；;")
    closer = g.enumeration_closer.search(body)
    if closer:
        body = body[:closer.start()]
    parts = [clean_name(p) for p in _split_top_level(body, "、，,；;")]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return []
    if closer or all(names_a_project(p) for p in parts):
        return parts
    return []


def _split_top_level(text: str, separators: str) -> list[str]:
    """Split on separators outside brackets: `A（B、C）、D` → [A（B、C）, D]."""
    parts = split_top_level(text, separators, opening="（(“《", closing="）)”》")
    return parts


# ---------------------------------------------------------------- tables

def column_index(columns: list[str], words: list[str]) -> Optional[int]:
    for word in words:
        for i, header in enumerate(columns):
            if word in "".join(header.split()):
                return i
    return None


def table_projects(state: State, table: Table) -> list[Project]:
    cols = grammar().data.table_columns
    name_at = column_index(table.columns, cols.name)
    if name_at is None:
        return []
    taken = {name_at}

    def col(words: list[str]) -> Optional[int]:
        i = column_index([c if k not in taken else "" for k, c in enumerate(table.columns)], words)
        if i is not None:
            taken.add(i)
        return i

    budget_at, nature_at, start_at, content_at = col(cols.budget), col(cols.nature), col(cols.start), \
        col(cols.content)
    unit = table.columns[budget_at] if budget_at is not None else None
    if unit is not None and parse_money("1", unit=unit) is None:
        unit = _title_unit(table.title) or grammar().data.default_budget_unit
    group_rows = _group_rows(table)
    out = []
    for r, row in enumerate(table.rows):
        if r in group_rows:
            continue  # 一 | 食品工业 | 106项 | 7537975: a group heading that sums the rows below
        def cell(i: Optional[int]) -> Optional[str]:
            if i is None or i >= len(row):
                return None
            value = "".join(row[i].split()) if i != content_at else row[i].strip()
            return value or None
        name = cell(name_at)
        if not name or any(name.startswith(t) for t in grammar().data.total_rows):
            continue
        content, nature_cell = cell(content_at), cell(nature_at)
        budget = parse_money(cell(budget_at) or "", unit=unit) if budget_at is not None else None
        if budget is None and content is None and nature_cell is None:
            continue  # a category row (一、公共卫生类) or an empty one
        span = table.row_spans[r] if r < len(table.row_spans) else table.span
        out.append(Project(
            id="", name=name, content=content,
            nature=nature_of(nature_cell) or (nature_cell if nature_cell else nature_of(name)),
            budget=budget, start=start_cell(cell(start_at)) or start_of(content), box=None,
            section=table.section or state.section_at(span[0]),
            source=ItemSource(kind="table", table=table.id, row=r, span=span,
                              page=state.norm.page_at(span[0]))))
    return out


_ARABIC = regex.compile(r"^\d{1,4}$")
_CHINESE = regex.compile(r"^[一二三四五六七八九十]{1,3}$")


def _group_rows(table: Table) -> set[int]:
    """Rows numbered 一、二 … in a 序号 column whose projects are numbered 1, 2 …: group headings."""
    seq = column_index(table.columns, ["序号", "编号"])
    if seq is None:
        return set()
    cells = ["".join(row[seq].split()) if seq < len(row) else "" for row in table.rows]
    if sum(1 for c in cells if _ARABIC.match(c)) < 2:
        return set()
    return {r for r, c in enumerate(cells) if _CHINESE.match(c)}


def _title_unit(title: Optional[str]) -> Optional[str]:
    if title and parse_money("1", unit=title) is not None:
        return title
    return None


def start_cell(cell: Optional[str]) -> Optional[str]:
    """预计开工时间 as printed (2023年, 2023.6, 2023年6月, 2021-2023) → "2023" / "2023-06"."""
    if not cell:
        return None
    m = regex.search(r"20\d{2}", cell)
    if not m:
        return None
    rest = cell[m.end():]
    if regex.match(r"\s*年?\s*[-—–~～至到]\s*20\d{2}", rest):
        return m.group()  # a period: its first year
    month = regex.match(r"\s*(?:年|[.\-/．])\s*(\d{1,2})(?!\d)", rest)
    return _year_month(m.group(), month[1] if month else None)


# ---------------------------------------------------------------- 专栏 boxes

_ITEM_NUMBER = regex.compile(r"^\s*(?:[（(]\s*\d{1,2}\s*[）)]|\d{1,2}\s*[.．、](?!\d)|[①-⑳])\s*")


def box_projects(state: State, box_id: str) -> list[Project]:
    box = next(b for b in state.boxes if b.id == box_id)
    a, b = state.box_paras.get(box_id, (0, 0))
    g = grammar()
    project_box = any(w in box.title for w in g.data.project_box_words)
    out = []
    for item, (span, para) in zip(box.items, item_spans(state.norm, box.items, a, b)):
        span = span or box.span
        for name, content in item_projects(item, para.bold_lead if para else 0):
            if (not project_box and not names_a_project(name)) or g.not_a_name.match(name):
                continue
            out.append(Project(
                id="", name=name, content=content, nature=nature_of(name), budget=_budget(content),
                start=start_of(content), box=box.number, section=state.section_at(span[0]),
                source=ItemSource(kind="box", span=span, page=state.norm.page_at(span[0]))))
    return out


def _budget(content: Optional[str]) -> Optional[Money]:
    """An item's own amount, when it states exactly one investment (总投资1.2亿元)."""
    if not content:
        return None
    g = grammar()
    found = [money for span, money in find_money(content)
             if g.invested.search(content[:span[0]].rstrip()) and "/" not in money.raw]
    return found[0] if len(found) == 1 else None


def item_projects(item: str, bold_lead: int = 0) -> list[tuple[str, Optional[str]]]:
    """(name, content) of each project one box item names."""
    m = _ITEM_NUMBER.match(item)
    offset = m.end() if m else 0
    text = item[offset:].strip()
    if not text:
        return []
    if bold_lead > offset:  # **lead.** items
        lead = item[offset:bold_lead]
        return [(clean_name(lead), text[len(lead.strip()):].strip() or None)]
    lead = regex.match(r"^([^，。；：:]{2,40})[：:]", text)
    if lead:  # name：content
        return [(lead.group(1).strip(), text[lead.end():].strip() or None)]
    first, rest = _first_sentence(text)
    if rest and len(first) <= 40:  # 1.州级公共卫生医学中心建设项目。探索建设…
        return [(clean_name(first), rest)]
    parts = split_enumeration(first)
    if parts:
        return [(p, None) for p in parts]
    clause, after = _first_clause(first)
    if after and names_a_project(clause):  # 为老服务项能力提升建设项目，鼓励…
        return [(clean_name(clause), after)]
    return [(clean_name(first), rest or None)]


def _first_sentence(text: str) -> tuple[str, str]:
    i = first_top_level(text, "。；;")
    return (text[:i], text[i + 1:].strip()) if i is not None else (text, "")


def _first_clause(sentence: str) -> tuple[str, str]:
    parts = _split_top_level(sentence, "，,")
    return parts[0], sentence[len(parts[0]) + 1:].strip() if len(parts) > 1 else ""


def item_spans(norm: NormText, items: list[str], a: int, b: int):
    """Where each box item lies: (span, first paragraph) or (None, None) when it is not found.
    An item is its paragraphs' texts joined, so it is located by its first characters."""
    paras = norm.paras
    if b == a + 1 and paras[a].table is not None:
        return _row_spans(norm, items, a)
    k, out = a, []
    for item in items:
        head = item.strip()[:8]
        j = k
        while j < b and not norm.para_text(paras[j]).strip().startswith(head):
            j += 1
        if not head or j >= b:
            out.append((None, None))
            continue
        text = norm.para_text(paras[j])
        start = paras[j].start + (len(text) - len(text.lstrip()))
        first, consumed, end = paras[j], 0, paras[j].end
        while j < b and consumed < len(item.strip()):
            consumed += len(norm.para_text(paras[j]).strip())
            end = paras[j].end
            j += 1
        out.append(((start, end), first))
        k = j
    return out


def _row_spans(norm: NormText, items: list[str], a: int):
    """Items of a box the reader delivered as a table: each is one printed row (a line of the
    paragraph, cells separated by tabs); a `name：content` item was the row's name | content."""
    para = norm.paras[a]
    lines, pos = [], para.start
    for line in norm.para_text(para).split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    k, out = 0, []
    for item in items:
        head = item.split("：", 1)[0].strip()[:8]
        j = k
        while j < len(lines) and not (head and lines[j][1].strip().startswith(head)):
            j += 1
        if j >= len(lines):
            out.append((None, None))
            continue
        start, line = lines[j]
        out.append(((start + len(line) - len(line.lstrip()), start + len(line.rstrip())), None))
        k = j + 1
    return out


# ---------------------------------------------------------------- programmes

def programme_projects(state: State) -> Iterator[tuple[Project, list[int]]]:
    """Innermost items under a 重大工程 heading, each with the paragraphs it covers."""
    g = grammar()
    norm = state.norm
    children: dict[Optional[str], list[str]] = {}
    for h in state.outline:
        children.setdefault(h.parent, []).append(h.id)
    by_id = {h.id: h for h in state.outline}
    stops = _stops(state)
    for h in state.outline:
        if not g.programme_section.search(h.title):
            continue
        for leaf in _leaves(h.id, children):
            item = by_id[leaf]
            p = state.heading_para[leaf]
            paras = [p]
            q = p + 1
            while q < len(norm.paras) and q not in stops and norm.paras[q].kind == "text":
                paras.append(q)
                q += 1
            end = norm.paras[paras[-1]].end
            content = norm.text[item.span[1]:end].strip(" \t\n。.．：:") or None
            span = (norm.paras[p].start, end)
            yield Project(
                id="", name=clean_name(item.title), content=content, nature=nature_of(item.title),
                budget=_budget(content), start=start_of(content), box=None,
                section=state.section_at(span[0]),
                source=ItemSource(kind="text", span=span, page=norm.page_at(span[0]))), paras


def _leaves(root: str, children: dict[Optional[str], list[str]]) -> list[str]:
    out = []
    for c in children.get(root, []):
        out.extend(_leaves(c, children) if c in children else [c])
    return out


def _up_to_last_noun(text: str) -> Optional[str]:
    """`县中医医院康复大楼建设项目已开工` → `县中医医院康复大楼建设项目`."""
    ends = [m.end() for m in grammar().noun.finditer(text)]
    return text[:ends[-1]] if ends and ends[-1] >= 4 else None


def _stops(state: State) -> set[int]:
    stops = set(state.heading_para.values())
    stops.update(a for a, _ in state.box_paras.values())
    stops.update(a for a, _ in state.table_paras.values())
    if state.front.tail_start is not None:
        stops.add(state.front.tail_start)
    return stops


# ---------------------------------------------------------------- prose

_SENTENCE = regex.compile(r"[^。！？!?；;]+[。！？!?；;]?")
_CLAUSE_END = "，,。；;！？!?\n"


def prose_projects(state: State, skip: set[int] = frozenset()) -> list[Project]:
    norm = state.norm
    front = state.front
    excluded = set(skip) | set(front.notice) | set(front.toc) | set(front.title_paras)
    for a, b in list(state.box_paras.values()) + list(state.table_paras.values()):
        excluded.update(range(a, b))
    last = front.tail_start if front.tail_start is not None else len(norm.paras)
    out = []
    for i in range(front.body_start, last):
        para = norm.paras[i]
        if i in excluded or para.kind != "text":
            continue
        text = norm.para_text(para)
        for m in _SENTENCE.finditer(text):
            for found in sentence_projects(m.group()):
                span = (para.start + m.start(), para.start + m.end())
                a, b = found.clause
                out.append(Project(
                    id="", name=found.name, content=m.group()[a:b].strip(), nature=found.nature,
                    budget=found.budget, start=found.start, box=None, section=state.section_at(span[0]),
                    source=ItemSource(kind="text", span=span, page=norm.page_at(span[0]))))
    return out


@dataclass(frozen=True)
class ProseProject:
    name: str
    budget: Money
    nature: Optional[str]
    start: Optional[str]
    clause: tuple[int, int]   # the clauses that state it, in the sentence's characters


def sentence_projects(sentence: str) -> list[ProseProject]:
    """The one concrete project a sentence invests in, or []."""
    g = grammar()
    if any(a.search(sentence) for a in g.aggregate):
        return []
    found = []
    for (s, e), money in find_money(sentence):
        project = _invested_in(sentence, s, e, money)
        if project:
            found.append(project)
    return found if len(found) == 1 else []


def _invested_in(sentence: str, s: int, e: int, money: Money):
    g = grammar()
    if "/" in money.raw:
        return None  # 500万元/年
    clause_start = max(sentence.rfind(c, 0, s) for c in _CLAUSE_END) + 1
    ends = [sentence.find(c, e) for c in _CLAUSE_END]
    clause_end = min([x for x in ends if x >= 0], default=len(sentence))
    before = sentence[clause_start:s].strip()
    after = sentence[e:clause_end].strip()
    if g.per_period.search(before[-4:]) or g.subsidy.search(sentence[clause_start:clause_end]):
        return None
    invested = g.invested.search(before)
    if not invested:
        return None
    name = None
    subject = before[:invested.start()].strip().rstrip("（(：: ")  # XX项目（总投资1.2亿元）
    opening = g.construction_run.match(subject)
    if opening and len(subject) - opening.end() >= 4:
        subject = subject[opening.end():]  # 推进XX迁建项目（总投资…）
    if subject and names_a_project(subject):  # 平罗县人民医院迁建项目总投资3.5亿元
        name = subject
    else:
        for run in g.construction_run.finditer(after):
            tail = after[run.end():].strip()
            if tail.startswith(("的", "了")):
                tail = tail[1:]
            if len(tail) >= 4 and names_a_project(tail):
                name = tail
                break
        if name is None and after.startswith("的"):
            name = _up_to_last_noun(after[1:])  # 投资1.2亿元的XX医院迁建项目已开工
    if name is None or "、" in name or regex.match(r"^\d", name):
        return None  # none named, or several: 太平卫生院、八街卫生院…
    return ProseProject(name, money, nature_of(after) or nature_of(name), start_of(sentence),
                        (clause_start, clause_end))
