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

from .. import patterns, regex_cache
from ..lexicon.brackets import first_top_level, split_top_level
from ..lexicon.numbering import CIRCLED, ordinal
from ..model import ItemSource, Money, Project, Table
from ..money import find_money, parse_money
from ..state import NormText, State

MIN_NAME_CHARS = 4        # a project's name has at least this many characters (县医院迁建, not 医院)
MAX_NAME_CHARS = 50       # a longer "name" is a sentence
MAX_LEAD_CHARS = 40       # a lead (`name：`, `【name】`, a first sentence) this short names an item
MAX_LABEL_CHARS = 30      # a name alone on its line is at most this long …
SHORT_LABEL_CHARS = 20    # … and, in a box of projects, this short even without a work noun
ITEM_HEAD_CHARS = 8       # a box item is found in the text by its first characters
MAX_BOX_TABLE_GAP = 2     # a table this close after a box's caption holds the box's rows
MIN_NUMBERED_ROWS = 2     # a 序号 column numbers at least this many projects 1, 2 … under its 一、二 groups
PER_PERIOD_REACH = 4      # a per-period word (每年, 人均) counts this close before an amount


class TableColumns(patterns.PatternModel):
    name: list[str]
    content: list[str]
    nature: list[str]
    budget: list[str]
    start: list[str]
    sequence: list[str]


class NotAProject(patterns.PatternModel):
    per_period: list[str]
    subsidy: list[str]
    aggregate: list[str]


class ProsePatterns(patterns.PatternModel):
    investment: list[str]
    investment_tail: list[str]
    part_words: list[str]
    construction: list[str]
    not_a_project: NotAProject


class NotAProjectName(patterns.PatternModel):
    sector: str
    place: str
    institution: str
    field: str
    field_label_length: int
    target: str
    label: str
    task_verbs: list[str]
    task_project_heads: list[str]
    task_markers: list[str]
    place_built_by: list[str]


class ProjectPatterns(patterns.PatternModel):
    name_nouns: list[str]
    generic_names: list[str]
    work_nouns: list[str]
    not_a_name: patterns.Regex
    item_number: patterns.Regex
    run_together_mark: patterns.Regex
    group_name: patterns.Regex
    group_number: patterns.Regex
    item_row_number: patterns.Regex
    list_closer: patterns.RegexWith("head")
    natures: list[str]
    leading_verbs: list[str]
    start: patterns.RegexWith("year", "month")
    start_cell: patterns.RegexWith("year", "span", "month")
    clause_time: patterns.Regex
    table_columns: TableColumns
    total_rows: list[str]
    default_budget_unit: str
    project_box_words: list[str]
    not_project_box_heads: list[str]
    construction_focus_heads: list[str]
    not_project_box_words: list[str]
    not_a_project_name: NotAProjectName
    enumeration_closers: list[str]
    record_keys: list[str]
    name_keys: list[str]
    programme_sections: str
    strong_heads: list[str]
    task_section_words: list[str]
    prose: ProsePatterns


@dataclass(frozen=True)
class _Grammar:
    data: ProjectPatterns
    ends_with_noun: "regex.Pattern[str]"
    noun: "regex.Pattern[str]"
    ends_with_work: "regex.Pattern[str]"
    not_a_name: "regex.Pattern[str]"
    item_number: "regex.Pattern[str]"
    run_together_mark: "regex.Pattern[str]"
    group_name: "regex.Pattern[str]"
    group_number: "regex.Pattern[str]"
    item_row_number: "regex.Pattern[str]"
    nature: "regex.Pattern[str]"
    leading_verbs: "regex.Pattern[str]"
    start: "regex.Pattern[str]"
    start_cell: "regex.Pattern[str]"
    clause_time: "regex.Pattern[str]"
    enumeration_closer: "regex.Pattern[str]"
    programme_section: "regex.Pattern[str]"
    invested: "regex.Pattern[str]"          # 投入资金 | 总投资约 right before an amount
    construction_run: "regex.Pattern[str]"  # 改造建设了
    per_period: "regex.Pattern[str]"
    subsidy: "regex.Pattern[str]"
    aggregate: list["regex.Pattern[str]"]
    project_box: "regex.Pattern[str]"
    not_project_box: "regex.Pattern[str]"
    construction_focus: "regex.Pattern[str]"
    not_project_box_word: "regex.Pattern[str]"
    not_project: list["regex.Pattern[str]"]  # sector, place, institution, target, label
    field: "regex.Pattern[str]"
    task_verb: "regex.Pattern[str]"
    task_project_head: "regex.Pattern[str]"
    strong_head: "regex.Pattern[str]"
    task_marker: "regex.Pattern[str]"
    task_section: "regex.Pattern[str]"
    record_line: "regex.Pattern[str]"
    name_record: "regex.Pattern[str]"


@patterns.compiled("projects", ProjectPatterns)
def grammar(data: ProjectPatterns) -> _Grammar:
    alt = patterns.alternation
    p = data.prose
    n = data.not_a_project_name
    return _Grammar(
        data=data,
        ends_with_noun=patterns.compile(rf"(?:{alt(data.name_nouns)})(?:[（(][^（）()]*[）)])?$"),
        noun=patterns.compile(f"(?:{alt(data.name_nouns)})"),
        ends_with_work=patterns.compile(rf"(?:{alt(data.name_nouns + data.work_nouns)})$"),
        not_a_name=patterns.compile(data.not_a_name),
        item_number=patterns.compile(data.item_number),
        run_together_mark=patterns.compile(data.run_together_mark),
        group_name=patterns.compile(data.group_name),
        group_number=patterns.compile(data.group_number),
        item_row_number=patterns.compile(data.item_row_number),
        nature=patterns.compile(f"(?:{alt(data.natures)})"),
        leading_verbs=patterns.compile(rf"^(?:{alt(data.leading_verbs)})+"),
        start=patterns.compile(data.start),
        start_cell=patterns.compile(data.start_cell),
        clause_time=patterns.compile(data.clause_time),
        enumeration_closer=patterns.compile(rf"(?:{alt(data.enumeration_closers)})$"),
        programme_section=patterns.compile(data.programme_sections),
        invested=patterns.compile(rf"(?:{alt(p.investment)})(?:{alt(p.investment_tail)})*$"),
        construction_run=patterns.compile(rf"(?:{alt(p.construction)})+了?"),
        per_period=patterns.compile(f"(?:{alt(p.not_a_project.per_period)})"),
        subsidy=patterns.compile(f"(?:{alt(p.not_a_project.subsidy)})"),
        aggregate=[patterns.compile(a) for a in p.not_a_project.aggregate],
        project_box=patterns.compile(alt(data.project_box_words)),
        not_project_box=patterns.compile(rf"(?:{alt(data.not_project_box_heads)})$"),
        construction_focus=patterns.compile(rf"(?:{alt(data.construction_focus_heads)})$"),
        not_project_box_word=patterns.compile(alt(data.not_project_box_words)),
        not_project=[patterns.compile(x) for x in (n.sector, n.place, n.institution, n.target, n.label)],
        field=patterns.compile(n.field),
        task_verb=patterns.compile(rf"^(?:{alt(n.task_verbs)})"),
        task_project_head=patterns.compile(rf"(?:{alt(n.task_project_heads)})$"),
        strong_head=patterns.compile(rf"(?:{alt(data.strong_heads)})$"),
        task_marker=patterns.compile(alt(n.task_markers)),
        task_section=patterns.compile(alt(data.task_section_words)),
        record_line=patterns.compile(rf"^\s*(?:{alt(data.record_keys)})\s*[：:]"),
        name_record=patterns.compile(rf"^\s*(?:{alt(data.name_keys)})\s*[：:]\s*\S"),
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
    """A name without the verbs that open its sentence, the punctuation that closes it and the 等
    of a list it ends (`建设XX等项目` → `XX项目`)."""
    name = text.strip().rstrip("。；;，,：:.． ")
    name = patterns.compile(grammar().data.list_closer).sub(r"\g<head>", name)
    stripped = grammar().leading_verbs.sub("", name)
    return stripped if len(stripped) >= MIN_NAME_CHARS else name


def names_a_project(name: str) -> bool:
    return bool(grammar().ends_with_noun.search(name.rstrip("。；;，, ")))


def _bare(name: str) -> str:
    """A name without the bracketed note it may end with: `XX中心建设（YY中心）` → `XX中心建设`."""
    return regex.sub(r"(?:[（(][^（）()]*[）)])+$", "", name.strip().rstrip("。；;，, ")) or name


def is_project_name(name: str) -> bool:
    """False for a name that is not a project whatever lists it: an industry (新能源汽车产业), a
    park listed as a place (XX经济开发区), a mechanism, a target (形成3个千亿元产业集群), a bare
    label (重点项目), or a task that builds nothing (构建科技服务网络)."""
    g = grammar()
    bare = _bare(name)
    if len(bare) > MAX_NAME_CHARS or _split_top_level(bare, "，,；;")[1:]:
        return False  # a sentence, not a name
    if any(p.search(bare) for p in g.not_project):
        return False
    if len(bare) <= g.data.not_a_project_name.field_label_length and g.field.search(bare) \
            and not names_a_work(bare):
        return False
    return not g.task_verb.match(bare) or bool(g.task_project_head.search(bare))


def _builds_place(name: str, content: Optional[str]) -> bool:
    """`城市新区：建设五象新区、…`: a zone named as a place whose item is its construction."""
    g = grammar()
    return bool(content) and bool(g.not_project[1].search(_bare(name))) and \
        content.lstrip().startswith(tuple(g.data.not_a_project_name.place_built_by))


def box_lists_projects(title: str) -> Optional[bool]:
    """What a 专栏 title announces: True projects, False something else (industries, layouts,
    directions, targets, parks), None when the title does not say (then items speak for themselves)."""
    g = grammar()
    head = _bare(title)
    if g.construction_focus.search(head) and not g.not_project_box_word.search(head):
        return True
    if g.not_project_box.search(head):
        return False
    return True if g.project_box.search(head) else None


def names_a_work(name: str) -> bool:
    """A name noun or a work noun ends it: 出海通道, 江河湖泊治理, 重大科技专项."""
    return bool(grammar().ends_with_work.search(_bare(name)))


def construction_nature(text: Optional[str]) -> Optional[str]:
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
    parts = [q for p in parts if p for q in _split_conjoined(p)]
    if len(parts) < 2:
        return []
    if closer or all(names_a_project(p) and is_project_name(p) for p in parts):
        return parts
    return []


def _split_conjoined(name: str) -> list[str]:
    """`A污水处理厂新建工程和B中医医院提质改造工程` → both, where each side names a project; `A和B
    综合整治工程` (one work of two places) stays whole."""
    for m in _CONJUNCTION.finditer(name):
        a, b = name[:m.start()], name[m.end():]
        if len(a) >= MIN_NAME_CHARS and len(b) >= MIN_NAME_CHARS and names_a_project(a) and names_a_project(b) \
                and is_project_name(a) and is_project_name(b):
            return [a, *_split_conjoined(b)]
    return [name]


_CONJUNCTION = regex_cache.compile(r"以及|和|及|与")


def _split_top_level(text: str, separators: str) -> list[str]:
    """Split on separators outside brackets: `A（B、C）、D` → [A（B、C）, D]."""
    parts = split_top_level(text, separators, opening="（(“《", closing="）)”》")
    return parts


# ---------------------------------------------------------------- tables

def column_index(columns: list[str], words: list[str]) -> Optional[int]:
    """The first column whose header has one of words (in the words' order); a 其中 column (a part
    of the one before it: 其中：中央预算内投资) never stands for the whole."""
    for word in words:
        for i, header in enumerate(columns):
            flat = "".join(header.split())
            if word in flat and not flat.startswith("其中"):
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
        if not name or _sums_rows(name):
            continue  # 合计, 小计, 交通类小计, 一、交通基础设施 (a group heading, even with its subtotal)
        content, nature_cell = cell(content_at), cell(nature_at)
        budget = parse_money(cell(budget_at) or "", unit=unit) if budget_at is not None else None
        if budget is None and content is None and nature_cell is None:
            continue  # a category row (一、公共卫生类) or an empty one
        span = table.row_spans[r] if r < len(table.row_spans) else table.span
        out.append(Project(
            id="", name=name, content=content,
            nature=construction_nature(nature_cell) or (nature_cell if nature_cell else construction_nature(name)),
            budget=budget, start=start_cell(cell(start_at)) or start_of(content), box=None,
            section=table.section or state.section_at(span[0]),
            source=ItemSource(kind="table", table=table.id, row=r, span=span,
                              page=state.norm.page_at(span[0]))))
    return out


def _sums_rows(name: str) -> bool:
    totals = tuple(grammar().data.total_rows)
    return name.startswith(totals) or name.endswith(totals) or bool(grammar().group_name.match(name))


def _group_rows(table: Table) -> set[int]:
    """Rows numbered 一、二 … in a 序号 column whose projects are numbered 1, 2 …: group headings."""
    seq = column_index(table.columns, grammar().data.table_columns.sequence)
    if seq is None:
        return set()
    cells = ["".join(row[seq].split()) if seq < len(row) else "" for row in table.rows]
    g = grammar()
    if sum(1 for c in cells if g.item_row_number.match(c)) < MIN_NUMBERED_ROWS:
        return set()
    return {r for r, c in enumerate(cells) if g.group_number.match(c)}


def _title_unit(title: Optional[str]) -> Optional[str]:
    if title and parse_money("1", unit=title) is not None:
        return title
    return None


def start_cell(cell: Optional[str]) -> Optional[str]:
    """预计开工时间 as printed (2023年, 2023.6, 2023年6月, 2021-2023) → "2023" / "2023-06"."""
    if not cell:
        return None
    m = grammar().start_cell.search(cell)
    if not m:
        return None
    if m["span"]:
        return m["year"]  # a period: its first year
    return _year_month(m["year"], m["month"])


# ---------------------------------------------------------------- 专栏 boxes


def box_projects(state: State, box_id: str) -> list[Project]:
    box = next(b for b in state.boxes if b.id == box_id)
    a, b = state.box_paras.get(box_id, (0, 0))
    lists = box_lists_projects(box.title)
    if lists is False:
        return []  # 发展重点, 布局, 方向, 目标 …: whatever its items are, they are not projects
    g = grammar()
    out, named_any = [], False
    tables = [(t.span, t.kind == "projects") for t in state.tables if t.span]
    in_table = False
    for where, piece, lead in _box_pieces(state, box, a, b, lists):
        held = [read for t, read in tables if t[0] <= where[0] and where[1] <= t[1]]
        in_table = in_table or bool(held)
        if any(held):
            continue  # a row of the project table the box holds: read as the table's
        for name, content, named in _item_projects(piece, lead):
            if name in g.data.record_keys:
                if out:  # 总投资：3亿元 under the project above: part of its record
                    out[-1] = _with_record(out[-1], f"{name}：{content or ''}", where)
                continue
            named_any = named_any or named
            if g.not_a_name.match(name):
                continue
            if not is_project_name(name) and not (named and lists and _builds_place(name, content)):
                continue
            if not (named and lists) and not names_a_work(name):
                continue  # an unnamed sentence, or a box that does not announce projects
            if not names_a_work(name) and g.task_marker.search(piece):
                continue  # 推进医保支付方式改革（牵头单位：…）: a task with its units
            out.append(_box_project(state, box, name, content, where))
    if not out and not named_any and not in_table and box.items and names_a_project(box.title) \
            and is_project_name(box.title) and not g.not_a_name.match(box.title):
        # 专栏：XX产业基地建设 over one unnamed paragraph: the box is that one project
        content = "".join(box.items).strip() or None
        out.append(_box_project(state, box, clean_name(box.title), content, box.span))
    return out


def _with_record(project: Project, line: str, where) -> Project:
    content = "\n".join(x for x in (project.content, line) if x)
    span = (project.source.span[0], max(project.source.span[1], where[1]))
    return project.model_copy(update=dict(
        content=content, budget=_budget(content), start=start_of(content),
        nature=project.nature or construction_nature(_record_value(content, "建设性质")),
        source=project.source.model_copy(update=dict(span=span))))


def _box_pieces(state: State, box, a: int, b: int, lists: Optional[bool] = None):
    """(span, text, bold lead) of each item of a box; a box whose rows the reader returned as a
    table right under its caption (a table of kind other, no items left in the box) gives one
    `name：content` item per row."""
    if not box.items:
        for table in state.tables:
            if table.kind == "other" and 0 <= table.span[0] - box.span[1] <= MAX_BOX_TABLE_GAP and table.rows:
                for r, row in enumerate(table.rows):
                    cells = [c.strip() for c in row if c.strip()]
                    span = table.row_spans[r] if r < len(table.row_spans) else table.span
                    if cells:
                        yield span, "：".join([cells[0], "".join(cells[1:])]) if len(cells) > 1 else cells[0], 0
                return
    for item, (span, para) in zip(box.items, item_spans(state.norm, box.items, a, b)):
        span = span or box.span
        for where, piece, first in _item_pieces(state.norm, item, span, a, b, bool(lists)):
            yield where, piece, (para.bold_lead if para is not None and first else 0)


def _box_project(state: State, box, name: str, content: Optional[str], span) -> Project:
    return Project(
        id="", name=name, content=content, nature=construction_nature(name), budget=_budget(content),
        start=start_of(content), box=box.number, section=state.section_at(span[0]),
        source=ItemSource(kind="box", span=span, page=state.norm.page_at(span[0])))


def _item_pieces(norm: NormText, item: str, span, a: int, b: int, lists: bool = False):
    """(span, text, is first) of each item an item holds: names one a line that the box reader
    joined (`河湖水系连通工程` / `矿山生态修复`), or items run together in one paragraph."""
    lines = [p for p in norm.paras[a:b] if p.start >= span[0] and p.end <= span[1] and p.kind == "text"]
    texts = [norm.para_text(p).strip() for p in lines]
    if len(lines) > 1 and all(_bare_label(t, lists) for t in texts):
        return [((p.start, p.end), t, k == 0) for k, (p, t) in enumerate(zip(lines, texts))]
    return [(_piece_span(norm, span, piece, offset), piece, offset == 0)
            for offset, piece in split_run_together(item)]


def _bare_label(text: str, lists: bool = False) -> bool:
    """A name alone on its line: ends with a work noun, or, in a box of projects, short enough
    that no printed line would wrap there (县医院信息化)."""
    if not 2 <= len(text) <= MAX_LABEL_CHARS or regex.search(r"[，,。；;、：:]", text):
        return False
    return names_a_work(text) or (lists and len(text) <= SHORT_LABEL_CHARS)


def _piece_span(norm: NormText, span, piece: str, offset: int):
    """The span of one of several items run together in a paragraph, when it can be located."""
    start = span[0] + offset
    if offset and norm.text[start:start + len(piece)] == piece:
        return (start, start + len(piece))
    return span


_BRACKET_LEAD = regex_cache.compile(rf"^\s*【([^【】]{{2,{MAX_LEAD_CHARS}}})】\s*")


def split_run_together(item: str) -> list[tuple[int, str]]:
    """Items a layout ran together into one: `【A】…【B】…`, `1.A…2.B…`, `①A…②B…` → one per
    item, with its offset; a number counts only when it continues the sequence the item opens."""
    text = item
    opening = grammar().run_together_mark.match(text.lstrip())
    if not opening:
        return _semicolon_items(item)
    lead = len(text) - len(text.lstrip())
    cuts = [lead]
    mark = opening.group()
    if mark == "【":
        cuts += [m.start() for m in regex.finditer(r"【", text) if m.start() > lead
                 and _BRACKET_LEAD.match(text[m.start():]) and _after_break(text, m.start())]
    else:
        n = _mark_number(mark)
        for m in grammar().run_together_mark.finditer(text, lead + len(mark)):
            if _mark_number(m.group()) == n + 1 and _same_style(mark, m.group()) \
                    and _after_break(text, m.start()):
                cuts.append(m.start())
                n += 1
    cuts.append(len(text))
    return [(a, text[a:b].strip()) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


_NOT_IN_NAME = regex_cache.compile(r"[。．！？!?：:、]")


def _semicolon_items(item: str) -> list[tuple[int, str]]:
    """`A改造，投资1500万元；B中心建设，投资2000万元。` → one item per part, when every part opens
    with a clause that names a work (a sentence of tasks or targets parted by ；stays whole)."""
    parts = _split_top_level(item, "；;")
    if len(parts) < 2:
        return [(0, item)]
    out, at = [], 0
    for part in parts:
        at = item.index(part, at)
        clause, after = _first_clause(part.strip())
        if not (after and len(clause) <= MAX_LEAD_CHARS and not _NOT_IN_NAME.search(clause)
                and names_a_work(clause) and is_project_name(clause)):
            return [(0, item)]
        out.append((at, part.strip()))
        at += len(part)
    return out


def _after_break(text: str, at: int) -> bool:
    """A run-together item starts after a sentence end or a space (never inside a sentence)."""
    before = text[:at].rstrip(" \t\u3000")
    return not before or before[-1] in "。；;！!？?）)" or at > len(before)


def _mark_number(mark: str) -> Optional[int]:
    if mark and mark[0] in CIRCLED:
        return ordinal(mark[0])
    digits = regex.search(r"\d+", mark)
    return int(digits.group()) if digits else None


def _same_style(a: str, b: str) -> bool:
    def style(m: str) -> str:
        return "circled" if m[0] in CIRCLED else ("paren" if m[0] in "（(" else "dot")
    return style(a) == style(b)


def _budget(content: Optional[str]) -> Optional[Money]:
    """An item's own amount, when it states exactly one investment (总投资1.2亿元). Its parts
    (`，其中中央预算内投资1.2亿元`) do not count; nor do rates (每年投入500万元, 500万元/年) or
    subsidies per unit (单机补贴不超过5万元)."""
    if not content:
        return None
    g = grammar()
    found = []
    for (s, e), money in find_money(content):
        clause_start = max(content.rfind(c, 0, s) for c in _CLAUSE_END) + 1
        before = content[clause_start:s].rstrip()
        if not g.invested.search(before) or "/" in money.raw or _is_part(before):
            continue
        ends = [x for x in (content.find(c, e) for c in _CLAUSE_END) if x >= 0]
        clause = content[clause_start:min(ends, default=len(content))]
        if g.per_period.search(before) or g.subsidy.search(clause):
            continue
        found.append(money)
    return found[0] if len(found) == 1 else None


def _is_part(before: str) -> bool:
    """`其中中央预算内投资` before an amount: a part of the total stated just before it."""
    return before.lstrip("（( ").startswith(tuple(grammar().data.prose.part_words))


def item_projects(item: str, bold_lead: int = 0) -> list[tuple[str, Optional[str]]]:
    """(name, content) of each project one box item names."""
    return [(name, content) for name, content, _ in _item_projects(item, bold_lead)]


def _item_projects(item: str, bold_lead: int = 0) -> list[tuple[str, Optional[str], bool]]:
    """(name, content, named) of each project one item names; named is False when the item has no
    name of its own (its first sentence stands in) and the name must then read as a project."""
    m = grammar().item_number.match(item)
    offset = m.end() if m else 0
    text = item[offset:].strip()
    if not text:
        return []
    if bold_lead > offset:  # **lead.** items
        lead = item[offset:bold_lead]
        return [(clean_name(lead), text[len(lead.strip()):].strip() or None, True)]
    bracket = _BRACKET_LEAD.match(text)
    if bracket:  # 【name】content
        return [(clean_name(bracket.group(1)), text[bracket.end():].strip() or None, True)]
    lead = regex.match(rf"^([^，。；：:]{{2,{MAX_LEAD_CHARS}}})[：:]", text)
    if lead and lead.group(1).strip() in grammar().data.name_keys:  # 项目名称：XX项目
        value = text[lead.end():].strip()
        return [(clean_name(value), None, True)] if value else []
    if lead:  # name：content
        name, rest = lead.group(1).strip(), text[lead.end():].strip()
        key = next((k for k in grammar().data.record_keys if name.endswith(k) and len(name) - len(k) >= MIN_NAME_CHARS), None)
        if key:  # 县医院迁建项目 / 建设内容：… joined into one line by the box reader
            return [(clean_name(name[:-len(key)]), f"{key}：{rest}", True)]
        return [(name, rest or None, True)]
    cell = regex.match(rf"^([^，。；：:\s]{{2,{MAX_LEAD_CHARS}}})(?:\t|[ \u3000]{1,4})(?=\S)", text)
    if cell and names_a_work(cell.group(1)):  # name <tab> content: a row of a box printed as a table
        return [(clean_name(cell.group(1)), text[cell.end():].strip() or None, True)]
    first, rest = _first_sentence(text)
    if rest and len(first) <= MAX_LEAD_CHARS:  # 1.州级公共卫生医学中心建设项目。探索建设…
        return [(clean_name(first), rest, True)]
    parts = split_enumeration(first)
    if parts:
        return [(p, None, True) for p in parts]
    clause, after = _first_clause(first)
    if after and (names_a_project(clause) or names_a_work(clause) and not grammar().leading_verbs.match(clause)):
        # 为老服务项能力提升建设项目，鼓励… / 疾控中心实验室改造，投资… (实施X防治，… is a sentence)
        return [(clean_name(clause), after, True)]
    label = len(first) <= MAX_LEAD_CHARS and not regex.search(r"[，,、；;]", first)  # 退耕还林: a bare name
    return [(clean_name(first), rest or None, label)]


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
        head = item.strip()[:ITEM_HEAD_CHARS]
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
        head = item.split("：", 1)[0].strip()[:ITEM_HEAD_CHARS]
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
    """The programmes a 重大工程 section lists, each with the paragraphs it covers: an item that names
    a project is one, its own sub-items being its parts (content). Items are headings of the
    outline, or paragraphs of the section that the outline does not list (numbered, or opening with
    a named project: `实施县人民医院迁建项目，…`)."""
    g = grammar()
    norm = state.norm
    children: dict[Optional[str], list[str]] = {}
    for h in state.outline:
        children.setdefault(h.parent, []).append(h.id)
    by_id = {h.id: h for h in state.outline}
    stops = _stops(state)
    listings = {a for a, _ in state.box_paras.values()} | {a for a, _ in state.table_paras.values()}
    para_heading = {p: hid for hid, p in state.heading_para.items()}
    for h in state.outline:
        if not g.programme_section.search(h.title) or (h.parent and _in_programme(h.parent, by_id)):
            continue
        yield from _paragraph_programmes(state, state.heading_para[h.id] + 1, stops)
        with_tasks = bool(g.task_section.search(h.title))  # 重点任务和重大工程: tasks too
        for pid in _programmes(h.id, children, by_id):
            item = by_id[pid]
            p = state.heading_para[pid]
            if pid not in children and len(split_run_together(norm.para_text(norm.paras[p]))) > 1:
                yield from _paragraph_items(state, p)  # 1.A项目：…。2.B工程：… on the heading's line
                continue
            named = _item_projects(item.title)
            if len(named) != 1:
                continue
            name, lead_rest, _ = named[0]
            if not names_a_work(name) and pid not in children:
                # （一）公共卫生: a group label over paragraphs that may name the projects
                yield from _paragraph_programmes(state, state.heading_para[pid] + 1, stops)
                continue
            if not is_project_name(name) or g.not_a_name.match(name) or not names_a_work(name) \
                    or (with_tasks and not g.strong_head.search(_bare(name))):
                continue
            inner = set(_descendants(pid, children))
            p = state.heading_para[pid]
            paras = [p]
            q = p + 1
            while q < len(norm.paras) and norm.paras[q].kind == "text" and \
                    (q not in stops or para_heading.get(q) in inner):
                paras.append(q)
                q += 1
            own = [norm.para_text(norm.paras[k]) for k in paras[1:]]
            if not lead_rest and q in listings and not any(regex.search(r"[。；;]", t) for t in own):
                continue  # 一、文化设施建设工程 over a 专栏 or table of its projects (and its caption)
            enumerated = [list(_paragraph_items(state, k)) for k in paras[1:]]
            if any(len(found) > 1 for found in enumerated) and not lead_rest:
                # 第一节 交通工程 / 重点建设A高速公路、B铁路等项目: the projects it enumerates
                for found in enumerated:
                    yield from found
                continue
            if any(g.name_record.match(t) for t in own):
                # 一、防洪减灾项目 over records `项目名称：…` / `总投资：…`: a group of them
                yield from _paragraph_programmes(state, p + 1, stops)
                continue
            end = norm.paras[paras[-1]].end
            rest = norm.text[item.span[1]:end].strip(" \t\n。.．：:")
            content = "\n".join(x for x in (lead_rest, rest) if x) or None
            span = (norm.paras[p].start, end)
            yield Project(
                id="", name=name, content=content, nature=construction_nature(name),
                budget=_budget(content), start=start_of(content), box=None,
                section=state.section_at(span[0]),
                source=ItemSource(kind="text", span=span, page=norm.page_at(span[0]))), paras


def _paragraph_programmes(state: State, q: int, stops: set[int]) -> Iterator[tuple[Project, list[int]]]:
    """Paragraphs of a programme section up to its first sub-heading, one item each:
    `1.县人民医院迁建项目：迁建…` (numbered: named as a box item is) or `实施XX工程，…` (unnumbered: only
    when its name ends with a name or work noun)."""
    g = grammar()
    norm = state.norm
    while q < len(norm.paras) and q not in stops and norm.paras[q].kind == "text":
        found = list(_paragraph_items(state, q))
        r = q + 1
        while r < len(norm.paras) and r not in stops and norm.paras[r].kind == "text" \
                and g.record_line.match(norm.para_text(norm.paras[r])):
            r += 1  # 建设内容：… / 总投资：… / 建设年限：… lines of the record above
        if len(found) == 1 and r > q + 1:
            project, paras = found[0]
            record = norm.text[norm.paras[q + 1].start:norm.paras[r - 1].end].strip()
            content = "\n".join(x for x in (project.content, record) if x)
            span = (project.source.span[0], norm.paras[r - 1].end)
            found = [(project.model_copy(update=dict(
                content=content, budget=_budget(content), start=start_of(content),
                nature=construction_nature(_record_value(content, "建设性质")) or project.nature,
                source=project.source.model_copy(update=dict(span=span)))), list(range(q, r)))]
        yield from found
        q = r


def _record_value(content: str, key: str) -> Optional[str]:
    m = regex.search(rf"{key}\s*[：:]\s*([^\n；;。]*)", content)
    return m.group(1) if m else None


def _paragraph_items(state: State, q: int) -> Iterator[tuple[Project, list[int]]]:
    g = grammar()
    norm = state.norm
    para = norm.paras[q]
    text = norm.para_text(para)
    for offset, piece in split_run_together(text):
        numbered = bool(grammar().item_number.match(piece))
        found = _item_projects(piece)
        for name, content, named in found:
            if not named or g.not_a_name.match(name) or not is_project_name(name):
                continue
            if not numbered and len(found) == 1 and not names_a_work(name):
                continue  # an unnumbered paragraph names its project with a noun, or enumerates
            span = _piece_span(norm, (para.start, para.end), piece, offset)
            yield Project(
                id="", name=name, content=content, nature=construction_nature(name), budget=_budget(content),
                start=start_of(content), box=None, section=state.section_at(span[0]),
                source=ItemSource(kind="text", span=span, page=norm.page_at(span[0]))), [q]


def _in_programme(hid: Optional[str], by_id) -> bool:
    g = grammar()
    while hid:
        if g.programme_section.search(by_id[hid].title):
            return True
        hid = by_id[hid].parent
    return False


def _programmes(root: str, children: dict[Optional[str], list[str]], by_id) -> list[str]:
    """Items under root that are programmes: the outermost that name a project, unless all the
    items under one end with 项目/工程 (then it groups them: （一）交通工程 → 1.XX公路项目 …)."""
    g = grammar()
    out = []
    for c in children.get(root, []):
        kids = children.get(c, [])
        title = _bare(clean_name(by_id[c].title))
        groups = bool(kids) and (not names_a_project(title) or
                                 all(g.strong_head.search(_bare(clean_name(by_id[k].title))) for k in kids))
        out.extend(_programmes(c, children, by_id) if groups else [c])
    return out


def _descendants(root: str, children: dict[Optional[str], list[str]]) -> list[str]:
    out = []
    for c in children.get(root, []):
        out.append(c)
        out.extend(_descendants(c, children))
    return out


def _up_to_last_noun(text: str) -> Optional[str]:
    """`县中医医院康复大楼建设项目已开工` → `县中医医院康复大楼建设项目`."""
    ends = [m.end() for m in grammar().noun.finditer(text)]
    return text[:ends[-1]] if ends and ends[-1] >= MIN_NAME_CHARS else None


def _stops(state: State) -> set[int]:
    stops = set(state.heading_para.values())
    stops.update(a for a, _ in state.box_paras.values())
    stops.update(a for a, _ in state.table_paras.values())
    if state.front.tail_start is not None:
        stops.add(state.front.tail_start)
    return stops


# ---------------------------------------------------------------- prose

_SENTENCE = regex_cache.compile(r"[^。！？!?；;]+[。！？!?；;]?")
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


def _clause_before(sentence: str, clause_start: int) -> Optional[tuple[int, str]]:
    """(start, text) of the clause before the one at clause_start, the time opening it dropped
    (`2023年加快推进XX建设项目` → `加快推进XX建设项目`), or None at the sentence's start."""
    if clause_start <= 0:
        return None
    prev_start = max(sentence.rfind(c, 0, clause_start - 1) for c in _CLAUSE_END) + 1
    return prev_start, grammar().clause_time.sub("", sentence[prev_start:clause_start - 1].strip())


def _invested_in(sentence: str, s: int, e: int, money: Money):
    g = grammar()
    if "/" in money.raw:
        return None  # 500万元/年
    clause_start = max(sentence.rfind(c, 0, s) for c in _CLAUSE_END) + 1
    ends = [sentence.find(c, e) for c in _CLAUSE_END]
    clause_end = min([x for x in ends if x >= 0], default=len(sentence))
    before = sentence[clause_start:s].strip()
    after = sentence[e:clause_end].strip()
    if g.per_period.search(before[-PER_PERIOD_REACH:]) or g.subsidy.search(sentence[clause_start:clause_end]):
        return None
    invested = g.invested.search(before)
    if not invested:
        return None
    name = None
    subject = before[:invested.start()].strip().rstrip("（(：: ")  # XX项目（总投资1.2亿元）
    subject = g.item_number.sub("", subject, count=1)   # （4）XX项目：总投资…: the list label is no name
    if subject in g.data.generic_names:
        # 加快推进XX建设项目，项目总投资18亿元: the project the clause before names
        prev = _clause_before(sentence, clause_start)
        named = clean_name(prev[1]) if prev is not None else ""
        if named and names_a_project(named) and is_project_name(named):
            return ProseProject(named, money, construction_nature(named), start_of(sentence), (prev[0], clause_end))
        return None
    opening = g.construction_run.match(subject)
    if opening and len(subject) - opening.end() >= MIN_NAME_CHARS:
        subject = subject[opening.end():]  # 推进XX迁建项目（总投资…）
    if subject and names_a_project(subject):  # 平罗县人民医院迁建项目总投资3.5亿元
        name = subject
    else:
        for run in g.construction_run.finditer(after):
            tail = after[run.end():].strip()
            if tail.startswith(("的", "了")):
                tail = tail[1:]
            if len(tail) >= MIN_NAME_CHARS and names_a_project(tail):
                name = tail
                break
        if name is None and after.startswith("的"):
            name = _up_to_last_noun(after[1:])  # 投资1.2亿元的XX医院迁建项目已开工
    if name is None and not subject and not after and clause_start > 0:
        # 建成县急救中心，总投资3000万元: the clause before names what the amount built
        prev_start, prev = _clause_before(sentence, clause_start)
        run = g.construction_run.search(prev)
        tail = prev[run.end():].strip().lstrip("了的") if run else ""
        if run and len(tail) >= MIN_NAME_CHARS and names_a_project(tail):
            name, clause_start, after = tail, prev_start, prev
    if name is None or "、" in name or regex.match(r"^\d", name):
        return None  # none named, or several: 太平卫生院、八街卫生院…
    return ProseProject(name, money, construction_nature(after) or construction_nature(name), start_of(sentence),
                        (clause_start, clause_end))
