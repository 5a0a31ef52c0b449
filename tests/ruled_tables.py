"""A generator of ruled indicator tables, for the tests: invented data, printed as a Word table
(python-docx, merged cells; over a page break as two tables, or as one that prints its header
again at the break), as a Word 97–2003 table (tests/doc_writer.py: cell widths, vertical
merges), as a ruled PDF (reportlab's canvas, every rule drawn) and OFD, and as a web page (a
<table> with rowspan and colspan inside a site's menus, layout table and footer), so that a
test can require every indicator field to equal what was generated.

    python tests/ruled_tables.py OUTDIR [SEED ...]   # writes the DOCX, DOC, PDF and HTML of each seed

A table (one `Spec` per seed) has, each by the seed's choice:
- a 序号 column; a category column whose cells are merged down the rows of each category
  (printed across, or one character a line); 指标 with the unit in its own column or in brackets
  after the name, and a note in the name cell (`说明：…`, `注：…`, `计算方法：…`, `备注：…`,
  `指标解释：…`) on a line of its own or run on after the name;
- sub-heading rows merged across the table (结果性指标, 约束性指标 …) above their rows;
- a baseline column headed 基期 / 基期水平 / 现状值 / `2020年` …, whose cells may print their own
  year (`2018年为21.3`, `76.2（2019年）`) or a none mark (—);
- one, two or three target columns (`2025年`, `2022年目标值` | `2030年目标值`, `2025年预期值`,
  or 目标值 merged over the years in a header of two rows); a value that holds for every year
  printed once in a cell merged across them; values with comparators (`≥24`, `≤9`, `85以上`,
  `≥85%`), in words (持续下降, 比2020年提高10%) and with footnote marks (`2.8#`, `85①`);
- a 年均增长/累计 column (`年均增长（%）`, `年均增长`, `五年累计`, `累计`; header cells wrap as Word
  wraps them) with a value on some rows (`6左右`, `≥6.5`, `[4.4]`), the latest target year
  printed `—` on some: the change is then that year's target, when the column is in the row's
  unit (a `年均增长（%）` column gives none to a row in 万亩);
- names whose unit opens with a magnitude (耕地保有量（万亩）, 森林蓄积量（亿立方米）, 万套, 万千瓦);
- baseline cells that print their own year in more spellings (`2018年底为21.3`, `2019年：21.3`,
  `21.3（2019年末）`, `21.3(2019年)`);
- a 说明/备注 column with a note on some rows (the row's note, after one in its name cell);
- a table of one unit that prints it once for all its rows: in the name column's header
  (`指标（单位：%）`), after every year's header (`2020年（%）`), or on a line above the table;
- a 属性 column whose natures are printed short or long (约束, 预期性指标, 倡导性), a row or
  two with none; headed 备注 on some seeds; on others the one target year printed over two
  columns in a header of two rows, `目标值 | 属性` under it.
Some seeds break the table over two pages (the PDF: the header repeated on the second page or
not, a running head of one or two lines above it, page numbers at the foot; the DOCX and DOC:
two Word tables with a page break between, as PDF-to-Word converters leave them), with a
category cut by the break (in the PDF a long label printed one character a line runs on from
one page to the next).

Expected values come from the generator's own data (`Spec.indicators`), never from the program.
The later forms (three years, change column, magnitudes, baseline spellings; then the 说明 column
and the unit printed once) draw from streams of their own, so a seed that has none of them
prints the table it always did.
"""
from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

# --- invented vocabulary --------------------------------------------------------------------------

NAMES = [  # (name, unit): invented indicators in the way plans word them
    ("居民健康素养水平", "%"), ("经常参加体育锻炼人数比例", "%"), ("人均每日食盐摄入量", "克"),
    ("孕产妇死亡率", "1/10万"), ("婴儿死亡率", "‰"), ("每千人口执业（助理）医师数", "人"),
    ("每千人口医疗卫生机构床位数", "张"), ("人均预期寿命", "岁"), ("家庭医生签约服务覆盖率", "%"),
    ("社区卫生服务中心标准化建设达标率", "%"), ("城市空气质量优良天数比率", "%"), ("产前筛查率", "%"),
    ("儿童青少年总体近视率", "%"), ("成人每日平均步行步数", "步"), ("中小学生每天校内体育活动时间", "小时"),
    ("每万人口全科医生数", "人"), ("二级以上公立医院预约诊疗率", "%"), ("县域内就诊率", "%"),
    ("重大慢性病过早死亡率", "%"), ("乡镇卫生院中医馆覆盖率", "%"), ("健康村镇建设比例", "%"),
    ("院前急救平均反应时间", "分钟"), ("每千人口拥有3岁以下婴幼儿托位数", "个"), ("居民电子健康档案建档率", "%"),
]
CATEGORIES = ["健康水平", "健康生活", "健康服务", "健康保障", "健康环境", "疾病防控", "医疗资源"]
GROUPS = ["结果性指标", "个人和社会倡导性指标", "政府工作指标"]
NATURE_GROUPS = {"约束性指标": "约束性", "预期性指标": "预期性"}
NOTES = ["说明：指具备基本健康素养的人在总人群中所占的比例", "注：按常住人口计算",
         "计算方法：年内达标人数/总人数×100%", "说明：含民营医疗机构", "注：以乡镇为单位统计",
         "备注：不含驻地单位", "指标解释：当年末数据"]
WORDS = ["持续下降", "实现", "基本全覆盖", "持续提高", "稳步提升", "比2020年提高10%"]
NATURES = {"预期性": ["预期性", "预期", "预期性指标"], "约束性": ["约束性", "约束", "约束性指标"],
           "倡导性": ["倡导性", "倡导", "倡导性指标"]}
MARKS = ["#", "①", "②"]
# names whose unit opens with a magnitude (万亩, 亿立方米, 万套): in brackets after the name, the
# unit is the whole bracket, never 亩 with 万 left in the name
MAGNITUDE_NAMES = [("耕地保有量", "万亩"), ("高标准农田建设面积", "万亩"), ("森林蓄积量", "亿立方米"),
                   ("年用水总量", "亿立方米"), ("城镇保障性安居工程建设", "万套"), ("城镇新增就业人数", "万人"),
                   ("新能源发电装机容量", "万千瓦"), ("全社会固定资产投资", "亿元")]
# a 年均增长/累计 column: its header and the unit it is in (None: the row's own)
CHANGE_HEADS = [("年均增长（%）", "%"), ("年均增长", None), ("五年累计", None), ("累计", None)]
# a baseline cell that prints its own year, beyond `2018年为21.3` and `21.3（2019年）`
YEAR_FIRST = ["{y}年为{v}", "{y}年底为{v}", "{y}年：{v}", "{y}年末{v}"]
YEAR_AFTER = ["{v}（{y}年）", "{v}（{y}年末）", "{v}({y}年)"]
# a 说明/备注 column: a note on some rows, each the row's note (after a note in its name cell)
NOTE_HEADS = ["说明", "备注"]
COLUMN_NOTES = ["按常住人口计算", "含民营医疗机构", "以乡镇为单位统计", "不含驻地单位", "国家监测口径", "当年末数据"]
# a table of one unit that prints it once: in the name column's header (指标（单位：%）), after every
# year's header (2020年（%）), or on a line right above the table (单位：%)
HEADER_UNIT_FORMS = ["name", "years", "line"]

Quantity = tuple[str, Optional[int], Optional[float]]   # raw, year, value


@dataclass
class Row:
    cells: dict[str, str]                  # role → printed text ("target0", "target1" …)
    group: Optional[str] = None            # a sub-heading row: its text, the row's only cell
    merged_targets: bool = False           # one cell across the target columns


@dataclass
class Spec:
    seed: int
    roles: list[str]                       # seq category name unit baseline target0 target1 nature
    header: list[list[str]]                # one or two rows of header text ("" under a merged cell)
    header_wide: dict[tuple[int, int], int]   # (header row, column) → columns a header cell spans
    rows: list[Row]
    indicators: list[dict]                 # what the pipeline must give, field by field
    vertical: bool = False                 # category text one character a line
    split: Optional[int] = None            # the body row the second page starts with
    repeat_header: bool = True
    running_head: list[str] = field(default_factory=list)
    group_merged: bool = True              # a sub-heading merged across the row, else in its first cell
    change_unit: Optional[str] = None      # the unit a change column (年均增长（%）) is in
    before: list[str] = field(default_factory=list)   # the lines printed above the table

    def __post_init__(self) -> None:
        self.before = self.before or list(BEFORE)

    @property
    def width(self) -> int:
        return len(self.roles)


def _value(rng: random.Random, low: float, high: float) -> tuple[str, float]:
    v = round(rng.uniform(low, high), rng.choice([0, 1]))
    text = f"{v:g}" if v != int(v) else str(int(v))
    return text, float(text)


def spec(seed: int) -> Spec:
    rng = random.Random(seed)
    # the forms added later (a third target year, a change column, magnitude units, more baseline
    # spellings) draw from their own stream, so a seed without them prints the table it always did
    more = random.Random(f"more-{seed}")
    has_seq = rng.random() < 0.6
    has_cat = rng.random() < 0.6
    has_groups = rng.random() < 0.5
    unit_col = rng.random() < 0.5
    has_nature = rng.random() < 0.75
    two_targets = rng.random() < 0.5
    two_row_header = two_targets and rng.random() < 0.3
    ys = sorted(rng.sample([2022, 2025, 2030, 2035], 2)) if two_targets else [rng.choice([2025, 2030])]
    if two_targets and more.random() < 0.3:   # three target years
        ys = sorted(ys + [more.choice([y for y in (2022, 2025, 2030, 2035) if y not in ys])])
    change = more.choice(CHANGE_HEADS) if more.random() < 0.3 else None
    # the forms added after those (a 说明 column, a unit printed once for the table): a third stream
    later = random.Random(f"later-{seed}")
    note_head = later.choice(NOTE_HEADS) if later.random() < 0.25 else None
    header_unit = later.choice(HEADER_UNIT_FORMS) if not unit_col and later.random() < 0.25 else None
    base_year = rng.choice([2019, 2020])
    base_head = rng.choice(["基期", "基期水平", "基期值", "现状值", "现状", f"{base_year}年", f"{base_year}年基期值"])
    header_year = base_year if base_head.startswith(str(base_year)) else None

    roles = (["seq"] if has_seq else []) + (["category"] if has_cat else []) + ["name"] + \
        (["unit"] if unit_col else []) + ["baseline"] + [f"target{k}" for k in range(len(ys))] + \
        (["change"] if change else []) + (["nature"] if has_nature else []) + (["note"] if note_head else [])
    words = {"seq": "序号", "category": rng.choice(["类别", "领域", "指标类别"]),
             "name": rng.choice(["指标", "指标名称", "主要指标"]), "unit": rng.choice(["单位", "计量单位"]),
             "baseline": base_head, "nature": rng.choice(["属性", "指标属性", "指标性质", "性质"]),
             "change": change[0] if change else "", "note": note_head or ""}
    if header_unit == "name":
        words["name"] += "（单位：%）"
    elif header_unit == "years":
        base_head = words["baseline"] = base_head + "（%）"
    style = rng.choice(["年目标值", "年", "年目标", "年预期值"]) if not two_row_header else "年"
    if style == "年" and header_year is not None and not two_targets:
        style = "年目标值"   # 2020年 | 2025年 reads the same; kept apart from 2020年基期值 | 2025年
    for k, y in enumerate(ys):
        words[f"target{k}"] = f"{y}{style}" + ("（%）" if header_unit == "years" else "")
    # the forms added last (natures in a 备注 column; one target year merged over 目标值 | 属性 in
    # a header of two rows): a fourth stream
    fourth = random.Random(f"fourth-{seed}")
    if has_nature and not note_head and fourth.random() < 0.2:
        words["nature"] = "备注"
    year_over_nature = has_nature and len(ys) == 1 and not change and not header_unit and fourth.random() < 0.25
    header_wide: dict[tuple[int, int], int] = {}
    if two_row_header:
        first = [("目标值" if r == "target0" else "" if r.startswith("target") else words[r]) for r in roles]
        second = [(words[r] if r.startswith("target") else "") for r in roles]
        header = [first, second]
        header_wide[(0, roles.index("target0"))] = len(ys)
    elif year_over_nature:
        first = [(f"{ys[0]}年" if r == "target0" else "" if r == "nature" else words[r]) for r in roles]
        second = [("目标值" if r == "target0" else words[r] if r == "nature" else "") for r in roles]
        header = [first, second]
        header_wide[(0, roles.index("target0"))] = 2
    else:
        header = [[words[r] for r in roles]]

    if has_groups:
        groups = rng.sample(GROUPS, 2) if rng.random() < 0.6 else list(NATURE_GROUPS)
    else:
        groups = [None]
    names = rng.sample(NAMES, min(len(NAMES), rng.randint(5, 9)))
    if more.random() < 0.3:
        for k, named in zip(more.sample(range(len(names)), 2), more.sample(MAGNITUDE_NAMES, 2)):
            names[k] = named
    if header_unit:   # a table of one unit
        names = later.sample([n for n in NAMES if n[1] == "%"], len(names))
    per_group = _partition(rng, len(names), len(groups))
    rows: list[Row] = []
    indicators: list[dict] = []
    seq = 0
    cats = rng.sample(CATEGORIES, len(CATEGORIES))
    at = 0
    for g, count in zip(groups, per_group):
        if g is not None:
            rows.append(Row({}, group=g))
        runs = _partition(rng, count, max(1, min(count, rng.randint(1, 3)))) if has_cat else [count]
        for run in runs:
            cat = cats.pop() if has_cat else None
            for k in range(run):
                name, unit = names[at]
                at += 1
                seq += 1
                # the names print bare when the header prints their unit (as with a unit column)
                row, ind = _data_row(rng, more, name, unit, ys, header_year, unit_col or bool(header_unit),
                                     has_nature, g, change[1] if change else False)
                if note_head and later.random() < 0.5:
                    row.cells["note"] = later.choice(COLUMN_NOTES)
                    ind["note"] = f"{ind['note']}；{row.cells['note']}" if ind["note"] else row.cells["note"]
                if has_seq:
                    row.cells["seq"] = str(seq)
                    ind["seq"] = str(seq)
                else:
                    ind["seq"] = None
                if has_cat:
                    row.cells["category"] = cat if k == 0 else ""
                ind["category"] = cat
                ind["group"] = g
                rows.append(row)
                indicators.append(ind)
    split = None
    if rng.random() < 0.45 and len(rows) >= 4:
        data = [k for k, r in enumerate(rows) if r.group is None and k >= 2]
        split = rng.choice(data)
    s = Spec(seed=seed, roles=roles, header=header, header_wide=header_wide, rows=rows, indicators=indicators,
             vertical=has_cat and rng.random() < 0.5, split=split, repeat_header=rng.random() < 0.6,
             running_head=rng.choice([[], ["某市卫生健康事业发展规划"], ["某市卫生健康事业发展规划", "（2021—2025年）"]]),
             group_merged=rng.random() < 0.7, change_unit=change[1] if change else None,
             before=BEFORE + (["单位：%"] if header_unit == "line" else []))
    data_rows = [k for k, r in enumerate(rows) if r.group is None]
    for k, ind in zip(data_rows, indicators):
        ind["page"] = 2 if split is not None and k >= split else 1   # in the PDF
    return s


def _partition(rng: random.Random, n: int, parts: int) -> list[int]:
    """n items in `parts` runs of at least one each."""
    parts = max(1, min(parts, n))
    cuts = sorted(rng.sample(range(1, n), parts - 1)) if parts > 1 else []
    bounds = [0] + cuts + [n]
    return [b - a for a, b in zip(bounds, bounds[1:])]


def _data_row(rng: random.Random, more: random.Random, name: str, unit: str, ys: list[int],
              header_year: Optional[int], unit_col: bool, has_nature: bool, group: Optional[str],
              change_unit) -> tuple[Row, dict]:
    """One indicator row and what the pipeline must read of it. `change_unit`: the unit of the
    table's change column (None: the row's own), False when it has none."""
    cells: dict[str, str] = {}
    note = rng.choice(NOTES) if rng.random() < 0.3 else None
    printed = name if unit_col else f"{name}（{unit}）"
    cells["name"] = printed + (rng.choice(["\n", "", " "]) + note if note else "")
    if unit_col:
        cells["unit"] = unit
    ind: dict = {"name": name, "unit": unit, "note": note}

    # baseline: a number, a number with its own year, a none mark, or nothing
    kind = rng.choice(["plain", "plain", "year_first", "year_after", "none", "empty", "mark"])
    v, value = _value(rng, 1, 95)
    if kind == "plain":
        cells["baseline"], ind["baseline"] = v, (v, header_year, value)
    elif kind == "mark":
        m = rng.choice(MARKS)
        cells["baseline"], ind["baseline"] = v + m, (v + m, header_year, value)
    elif kind == "year_first":
        y = rng.choice([2017, 2018, 2019])
        raw = (more.choice(YEAR_FIRST) if more.random() < 0.5 else YEAR_FIRST[0]).format(y=y, v=v)
        cells["baseline"], ind["baseline"] = raw, (raw, y, value)
    elif kind == "year_after":
        y = rng.choice([2018, 2019, 2020])
        raw = (more.choice(YEAR_AFTER) if more.random() < 0.5 else YEAR_AFTER[0]).format(y=y, v=v)
        cells["baseline"], ind["baseline"] = raw, (raw, y, value)
    elif kind == "none":
        cells["baseline"], ind["baseline"] = "—", ("—", header_year, None)
    else:
        cells["baseline"], ind["baseline"] = "", None

    targets: list[Quantity] = []
    merged = len(ys) > 1 and rng.random() < 0.25
    if merged:
        w = rng.choice(WORDS)
        for k, y in enumerate(ys):
            cells[f"target{k}"] = w if k == 0 else ""
            targets.append((w, y, None))
    else:
        for k, y in enumerate(ys):
            form = rng.choice(["plain", "ge", "le", "word", "mark", "plain", "ge", "above", "pct"])
            if form == "word":
                raw, val = rng.choice(WORDS), None
            else:
                t, val = _value(rng, 1, 99)
                raw = {"plain": t, "ge": f"≥{t}", "le": f"≤{t}", "mark": t + rng.choice(MARKS),
                       "above": f"{t}以上", "pct": f"≥{t}%"}[form]
            if k == 0 and len(ys) > 1 and rng.random() < 0.1 and not cells.get("baseline"):
                cells[f"target{k}"] = ""   # no target for the earlier year
                continue
            cells[f"target{k}"] = raw
            targets.append((raw, y, val))
    if change_unit is not False and not merged:
        # a change column (年均增长, 累计): a value on some rows; the latest target year printed
        # `—` on some, whose target the change then is, when in the row's unit
        if more.random() < 0.6:
            t, val = _value(more, 1, 60)
            raw = more.choice(["{t}", "{t}左右", "≥{t}", "[{t}]"]).format(t=t)
            cells["change"] = raw
        else:
            raw = val = None
        if more.random() < 0.4 and targets and targets[-1][1] == ys[-1]:
            cells[f"target{len(ys) - 1}"] = "—"
            given = raw is not None and change_unit in (None, unit)
            targets[-1] = (raw, ys[-1], val) if given else ("—", ys[-1], None)
    ind["targets"] = targets

    nature = rng.choice(list(NATURES)) if has_nature and rng.random() < 0.9 else None
    if nature:
        cells["nature"] = rng.choice(NATURES[nature])
    elif group in NATURE_GROUPS:
        nature = NATURE_GROUPS[group]
    ind["nature"] = nature
    return Row(cells, merged_targets=merged), ind


# --- DOCX -----------------------------------------------------------------------------------------

BEFORE = ["某市卫生健康事业发展规划", "一、发展目标", "到2025年，全市居民健康水平持续提高，卫生健康服务体系更加完善。",
          "表1 主要健康指标"]
AFTER = ["二、主要任务", "加强基层医疗卫生服务体系建设，提高服务能力。"]


def _cell_set(cell, text: str) -> None:
    """The cell's text, one paragraph a line."""
    lines = text.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _mark_header(row) -> None:
    from docx.oxml import parse_xml
    row._tr.get_or_add_trPr().append(parse_xml(
        '<w:tblHeader xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'))


def _category_text(s: Spec, label: str) -> str:
    return "\n".join(label) if s.vertical else label


def _docx_part(document, s: Spec, parts: list[tuple[list[Row], bool]], repeat_label: bool = False) -> None:
    """One Word table of the spec's rows, in parts (each with its header first when asked: a
    header printed again where a page broke, as PDF-to-Word converters leave it, flagged as a
    header row). A category cell cut by the break keeps its text in its first part (a converter
    that splits the table at the break leaves the rest of the merged cell empty), or prints it
    again in the next part (repeat_label)."""
    heads = [len(s.header) if header else 0 for _, header in parts]
    table = document.add_table(rows=sum(heads) + sum(len(rows) for rows, _ in parts), cols=s.width)
    table.style = "Table Grid"
    cat = s.roles.index("category") if "category" in s.roles else None
    top = 0
    for (rows, _), n_head in zip(parts, heads):
        for r in range(n_head):
            for c, text in enumerate(s.header[r]):
                if text:
                    table.cell(top + r, c).text = text
            _mark_header(table.rows[top + r])
        if n_head == 2:
            for c in range(s.width):
                if (0, c) in s.header_wide:
                    table.cell(top, c).merge(table.cell(top, c + s.header_wide[(0, c)] - 1))
                elif not s.header[1][c]:
                    table.cell(top, c).merge(table.cell(top + 1, c))
        runs: list[tuple[int, int, str]] = []   # category cells: first row, last row, label
        for k, row in enumerate(rows):
            r = top + n_head + k
            if row.group is not None:
                cell = table.cell(r, 0).merge(table.cell(r, s.width - 1)) if s.group_merged else table.cell(r, 0)
                cell.text = row.group
                continue
            for c, role in enumerate(s.roles):
                text = row.cells.get(role, "")
                if role == "category":
                    if k == 0 and not text and repeat_label:
                        text = _label_above(s, row)
                    if text or k == 0:
                        runs.append((r, r, text))
                    elif runs:
                        runs[-1] = (runs[-1][0], r, runs[-1][2])
                    continue
                if text:
                    _cell_set(table.cell(r, c), text)
            if row.merged_targets:
                first = s.roles.index("target0")
                table.cell(r, first).merge(table.cell(r, first + len([x for x in s.roles if x.startswith("target")]) - 1))
        for a, b, label in runs:
            cell = table.cell(a, cat).merge(table.cell(b, cat)) if b > a else table.cell(a, cat)
            if label:
                _cell_set(cell, _category_text(s, label))
        top += n_head + len(rows)


def _label_above(s: Spec, row: Row) -> str:
    """The category a row is under: the last label printed at or above it."""
    label = ""
    for r in s.rows[:s.rows.index(row) + 1]:
        if r.group is None and r.cells.get("category"):
            label = r.cells["category"]
    return label


def write_docx(s: Spec, path: Path, one_table: bool = False) -> Path:
    """The Word table; where the spec breaks, two Word tables with a page break between, or with
    one_table a single table that prints its header again at the break (the rows Word repeats on
    every page, written out by a converter)."""
    import docx
    document = docx.Document()
    for line in s.before:
        document.add_paragraph(line)
    if s.split is None:
        _docx_part(document, s, [(s.rows, True)])
    elif one_table:
        _docx_part(document, s, [(s.rows[:s.split], True), (s.rows[s.split:], True)],
                   repeat_label=s.seed % 2 == 1)
    else:
        _docx_part(document, s, [(s.rows[:s.split], True)])
        from docx.enum.text import WD_BREAK
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _docx_part(document, s, [(s.rows[s.split:], s.repeat_header)])
    for line in AFTER:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_docx_repeated(s: Spec, path: Path) -> Path:
    return write_docx(s, path, one_table=True)


# --- HTML -----------------------------------------------------------------------------------------

def write_html(s: Spec, path: Path) -> Path:
    """The table as a government site publishes it: a data <table> (a header of two rows with
    rowspan and colspan, a category cell merged down its rows with rowspan — one character a
    line with <br> when printed so —, a sub-heading row and a value over the target columns
    merged across with colspan, a note on a line of its own after <br>) inside the site's
    chrome: a menu, a layout table holding a side menu and the article (breadcrumb, date and
    visit counter, the lines before and after the table), a footer."""
    import html as h

    def text(t: str) -> str:
        return "<br>".join(h.escape(x) for x in t.split("\n"))

    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>某市卫生健康委员会</title>'
           "<style>.data td{border:1px solid #000}</style></head><body>",
           '<div class="nav"><a href="/">首页</a> <a href="/jg">机构概况</a> <a href="/zw">政务公开</a> '
           '<a href="/bs">办事服务</a> <a href="/hd">互动交流</a></div>',
           '<table width="1000"><tr><td class="side" width="200"><ul><li><a href="/tz">通知公告</a></li>'
           '<li><a href="/gh">规划计划</a></li><li><a href="/jd">政策解读</a></li></ul></td><td class="main">',
           '<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>',
           '<div class="info">发布时间：2021-12-30　来源：某市卫生健康委员会　浏览次数：1024</div>']
    out += [f"<p>{h.escape(x)}</p>" for x in s.before]
    out.append('<table class="data" border="1" cellspacing="0">')
    if len(s.header) == 1:
        out.append("<tr>" + "".join(f"<td>{text(t)}</td>" for t in s.header[0]) + "</tr>")
    else:
        top, below = [], []
        c = 0
        while c < s.width:
            span = s.header_wide.get((0, c), 1)
            if span > 1:
                top.append(f'<td colspan="{span}">{text(s.header[0][c])}</td>')
                below += [f"<td>{text(s.header[1][k])}</td>" for k in range(c, c + span)]
            else:
                top.append(f'<td rowspan="2">{text(s.header[0][c])}</td>')
            c += span
        out += ["<tr>" + "".join(top) + "</tr>", "<tr>" + "".join(below) + "</tr>"]
    cat = s.roles.index("category") if "category" in s.roles else None
    n_targets = sum(1 for r in s.roles if r.startswith("target"))
    for k, row in enumerate(s.rows):
        if row.group is not None:
            out.append(f'<tr><td colspan="{s.width}">{text(row.group)}</td></tr>' if s.group_merged else
                       "<tr>" + f"<td>{text(row.group)}</td>" + "<td></td>" * (s.width - 1) + "</tr>")
            continue
        cells = []
        skip = 0
        for c, role in enumerate(s.roles):
            if skip:
                skip -= 1
                continue
            t = row.cells.get(role, "")
            if c == cat:
                if not t:
                    continue   # under the rowspan of the label above
                span = 1
                while k + span < len(s.rows) and s.rows[k + span].group is None \
                        and not s.rows[k + span].cells.get("category"):
                    span += 1
                label = "<br>".join(h.escape(x) for x in t) if s.vertical else text(t)
                cells.append(f'<td rowspan="{span}">{label}</td>' if span > 1 else f"<td>{label}</td>")
            elif role == "target0" and row.merged_targets:
                cells.append(f'<td colspan="{n_targets}">{text(t)}</td>')
                skip = n_targets - 1
            else:
                cells.append(f"<td>{text(t)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    out += [f"<p>{h.escape(x)}</p>" for x in AFTER]
    out += ["</td></tr></table>",
            '<div class="footer">主办：某市卫生健康委员会　地址：某市人民路1号　网站标识码：0000000000　'
            "<a href=\"/sitemap\">网站地图</a></div></body></html>"]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


# --- PDF ------------------------------------------------------------------------------------------

FONT = "STSong-Light"
SIZE = 9.0
LEAD = 11.0
PAD = 2.0
PAGE = (595.0, 842.0)
LEFT = 50.0
TABLE_WIDTH = 495.0
SHARE = {"seq": 0.6, "category": 0.9, "name": 3.2, "unit": 0.9, "baseline": 1.3, "target0": 1.2, "target1": 1.2,
         "target2": 1.2, "change": 1.1, "note": 1.6,
         "nature": 1.0}


def _font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _wrap(text: str, width: float) -> list[str]:
    """Lines of a cell as Word wraps them: anywhere between Chinese characters, never inside a
    run of Latin letters or digits (2.8#, 1/10万 stays whole where it fits)."""
    import regex
    from reportlab.pdfbase.pdfmetrics import stringWidth
    _font()
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for token in regex.findall(r"[0-9A-Za-z.．/%‰≥≤#]+|.", para):
            if line and stringWidth(line + token, FONT, SIZE) > width:
                out.append(line)
                line = ""
            line += token
        out.append(line)
    return out


def _lines(s: Spec, role: str, text: str, width: float) -> list[str]:
    if role == "category" and s.vertical:
        return list(text)
    return _wrap(text, width - 2 * PAD)


def write_pdf(s: Spec, path: Path, ofd: bool = False) -> Path:
    """The ruled PDF (reportlab's canvas); with ofd, the same drawing as an OFD (_OfdCanvas)."""
    from reportlab.pdfgen import canvas

    _font()
    widths = _widths(s)
    xs = [LEFT]
    for w in widths:
        xs.append(xs[-1] + w)
    cat = s.roles.index("category") if "category" in s.roles else None
    heights = _heights(s)
    runs = _category_runs(s)
    head_heights = _head_heights(s, widths)

    pages = [list(range(len(s.rows)))] if s.split is None else \
        [list(range(s.split)), list(range(s.split, len(s.rows)))]
    # where each row goes: (page, top); the first page after its lines of text, the second
    # under its running head (and the header repeated, when it is)
    tops: dict[int, tuple[int, float]] = {}
    header_top: dict[int, float] = {}
    for p, body in enumerate(pages):
        y = PAGE[1] - 70 - 22 * len(s.before) if p == 0 else PAGE[1] - 40 - 14 * len(s.running_head) - 10
        if p == 0 or s.repeat_header:
            header_top[p] = y
            y -= sum(head_heights)
        for k in body:
            tops[k] = (p, y)
            y -= heights[k]
    # category cells: merged down their rows on each page they reach; the text in the first
    # part, centred when it fits there, else from its top on, running on into the next part
    # (`cut_parts` tells which seeds print a label so)
    cells: dict[int, list[tuple[float, float, float, list[tuple[float, str]]]]] = {}
    for a, b, label in runs:
        parts = []
        for p, body in enumerate(pages):
            here = [k for k in body if a <= k <= b]
            if here:
                parts.append([p, tops[here[0]][1], sum(heights[k] for k in here), []])
        lines = _lines(s, "category", label, widths[cat])
        first_h = parts[0][2]
        fit = max(1, int((first_h - 2 * PAD) // LEAD))
        if len(lines) <= fit or len(parts) == 1:
            offset = max(PAD, (first_h - len(lines) * LEAD) / 2)
            parts[0][3].extend((offset + n * LEAD, text) for n, text in enumerate(lines))
        else:   # cut by the page break: as many lines as the first part holds, the rest after it
            parts[0][3].extend((PAD + n * LEAD, text) for n, text in enumerate(lines[:fit]))
            parts[1][3].extend((PAD + n * LEAD, text) for n, text in enumerate(lines[fit:]))
        for p, top, h, placed in parts:
            cells.setdefault(p, []).append((top, h, placed))

    c = canvas.Canvas(str(path), pagesize=PAGE, invariant=1) if not ofd else _OfdCanvas(path)
    for p, body in enumerate(pages):
        if p == 0:
            c.setFont(FONT, 12)
            for n, line in enumerate(s.before):
                c.drawString(LEFT, PAGE[1] - 70 - 22 * n, line)
        else:
            c.setFont(FONT, 10)
            for n, line in enumerate(s.running_head):
                c.drawCentredString(PAGE[0] / 2, PAGE[1] - 40 - 14 * n, line)
        if p in header_top:
            _draw_header(c, s, xs, header_top[p], head_heights)
        for k in body:
            _draw_row(c, s, xs, widths, tops[k][1], heights[k], s.rows[k])
        c.setFont(FONT, SIZE)
        for top, h, placed in cells.get(p, []):
            c.rect(xs[cat], top - h, widths[cat], h, stroke=1, fill=0)
            for at, text in placed:
                c.drawCentredString(xs[cat] + widths[cat] / 2, top - at - SIZE, text)
        if p == len(pages) - 1:
            c.setFont(FONT, 12)
            y = tops[body[-1]][1] - heights[body[-1]] - 30
            for n, line in enumerate(AFTER):
                c.drawString(LEFT, y - 22 * n, line)
        c.setFont(FONT, 10)
        c.drawCentredString(PAGE[0] / 2, 30, f"— {p + 1} —")
        c.showPage()
    c.save()
    return path


def _head_heights(s: Spec, widths: list[float]) -> list[float]:
    """Each header row's height: its cells' lines as Word wraps them (`年均增长（%）` on two)."""
    out = []
    for r, row in enumerate(s.header):
        lines = [len(_wrap(text, sum(widths[c:c + s.header_wide.get((r, c), 1)]) - 2 * PAD))
                 for c, text in enumerate(row) if text and not (len(s.header) == 2 and r == 0 and not s.header[1][c])]
        out.append(max(lines, default=1) * LEAD + 2 * PAD)
    return out


def _widths(s: Spec) -> list[float]:
    total = sum(SHARE[r] for r in s.roles)
    return [TABLE_WIDTH * SHARE[r] / total for r in s.roles]


def _heights(s: Spec) -> list[float]:
    """Row heights: every cell's lines; a category cell's lines over the rows it spans (the
    last of them taller when they do not hold it)."""
    widths = _widths(s)
    heights = []
    for row in s.rows:
        if row.group is not None:
            lines = 1 if s.group_merged else len(_wrap(row.group, widths[0] - 2 * PAD))
            heights.append(lines * LEAD + 2 * PAD)
            continue
        h = LEAD + 2 * PAD
        for c, role in enumerate(s.roles):
            if role == "category":
                continue
            w = widths[c] * (2 if row.merged_targets and role == "target0" else 1)
            h = max(h, len(_lines(s, role, row.cells.get(role, ""), w)) * LEAD + 2 * PAD)
        heights.append(h)
    if "category" in s.roles:
        cat = s.roles.index("category")
        for a, b, label in _category_runs(s):
            need = len(_lines(s, "category", label, widths[cat])) * LEAD + 2 * PAD
            have = sum(heights[a:b + 1])
            if need > have:
                heights[b] += need - have
    return heights


def cut_parts(s: Spec) -> Optional[tuple[str, str]]:
    """The PDF prints a category cut by the page break, a part on each page (as write_pdf lays
    it out): the two parts; else None."""
    if s.split is None or "category" not in s.roles or not s.vertical:
        return None
    heights = _heights(s)
    for a, b, label in _category_runs(s):
        if a < s.split <= b:
            fit = max(1, int((sum(heights[a:s.split]) - 2 * PAD) // LEAD))
            return (label[:fit], label[fit:]) if len(label) > fit else None
    return None


def _category_runs(s: Spec) -> list[tuple[int, int, str]]:
    if "category" not in s.roles:
        return []
    out: list[tuple[int, int, str]] = []
    for k, row in enumerate(s.rows):
        if row.group is not None:
            continue
        text = row.cells.get("category", "")
        if text:
            out.append((k, k, text))
        elif out and all(r.group is None for r in s.rows[out[-1][0]:k + 1]):
            out[-1] = (out[-1][0], k, out[-1][2])
    return out


def _draw_header(c, s: Spec, xs: list[float], y: float, heights: list[float]) -> float:
    c.setFont(FONT, SIZE)
    n = len(s.header)
    total = sum(heights)
    for col in range(s.width):
        if n == 2 and not s.header[1][col] and (0, col) not in s.header_wide and s.header[0][col]:
            _cell(c, xs[col], y, xs[col + 1] - xs[col], total, _wrap(s.header[0][col], xs[col + 1] - xs[col] - 2 * PAD))
            continue
        top = y
        for r in range(n):
            text = s.header[r][col]
            span = s.header_wide.get((r, col), 1)
            if r == 0 and n == 2 and not text and any((0, k) in s.header_wide and k < col < k + s.header_wide[(0, k)]
                                                       for k in range(col)):
                top -= heights[r]
                continue
            if text or n == 1:
                _cell(c, xs[col], top, xs[col + span] - xs[col], heights[r], _wrap(text, xs[col + span] - xs[col] - 2 * PAD))
            top -= heights[r]
    return y - total


def _cell(c, x: float, top: float, w: float, h: float, lines: list[str], centre: bool = True) -> None:
    c.rect(x, top - h, w, h, stroke=1, fill=0)
    block = len(lines) * LEAD
    y0 = top - (h - block) / 2 if centre else top - PAD
    for n, line in enumerate(lines):
        if line:
            c.drawString(x + PAD + 1, y0 - n * LEAD - SIZE, line)


def _draw_row(c, s: Spec, xs: list[float], widths: list[float], top: float, h: float, row: Row) -> None:
    c.setFont(FONT, SIZE)
    if row.group is not None:
        if s.group_merged:
            _cell(c, xs[0], top, xs[-1] - xs[0], h, [row.group])
        else:
            _cell(c, xs[0], top, xs[1] - xs[0], h, _wrap(row.group, xs[1] - xs[0] - 2 * PAD))
            for col in range(1, s.width):
                _cell(c, xs[col], top, xs[col + 1] - xs[col], h, [])
        return
    skip = 0
    for col, role in enumerate(s.roles):
        if skip:
            skip -= 1
            continue
        if role == "category":
            continue   # drawn with its merged cell
        w = widths[col]
        if row.merged_targets and role == "target0":
            n = len([r for r in s.roles if r.startswith("target")])
            w = xs[col + n] - xs[col]
            skip = n - 1
        _cell(c, xs[col], top, w, h, _lines(s, role, row.cells.get(role, ""), w))


if __name__ == "__main__":  # pragma: no cover
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for seed in [int(a) for a in sys.argv[2:]] or range(8):
        sp = spec(seed)
        write_docx(sp, out / f"ruled_{seed}.docx")
        write_pdf(sp, out / f"ruled_{seed}.pdf")
        write_doc(sp, out / f"ruled_{seed}.doc")
        write_html(sp, out / f"ruled_{seed}.html")
        print(seed, sp.roles, sp.split, sp.vertical)


# --- DOC (Word 97–2003, tests/doc_writer.py) ------------------------------------------------------

TWIPS = 20   # a point


def write_doc(s: Spec, path: Path) -> Path:
    """The same table as Word 97–2003 stores it: cells with their widths, vertical merges
    (restart / continue), a wide cell for a merged one; cut by a page break (\\x0c) where the
    spec breaks, as two tables, the header printed again or not."""
    import doc_writer as dw
    widths = [round(w * TWIPS) for w in _widths(s)]
    paras: list = [dw.Paragraph(line + "\r") for line in s.before]

    def row(cells: list[tuple[str, int, int]], header: bool = False) -> None:   # (text, width, vertical merge)
        for text, _, _ in cells:
            lines = text.split("\n")
            paras.extend(dw.Paragraph(line + "\r", in_table=True) for line in lines[:-1])
            paras.append(dw.Paragraph(lines[-1] + "\x07", in_table=True))
        paras.append(dw.Paragraph("\x07", in_table=True, row_end=[(w, m) for _, w, m in cells],
                                  header_row=header))

    def header() -> None:
        if len(s.header) == 1:
            row([(t, w, 0) for t, w in zip(s.header[0], widths)], header=True)
            return
        top, below = [], []
        col = 0
        while col < s.width:
            span = s.header_wide.get((0, col), 1)
            if span > 1:
                top.append((s.header[0][col], sum(widths[col:col + span]), 0))
                below += [(s.header[1][k], widths[k], 0) for k in range(col, col + span)]
            else:
                top.append((s.header[0][col], widths[col], 3))
                below.append(("", widths[col], 1))
            col += span
        row(top, header=True)
        row(below, header=True)

    bodies = [s.rows] if s.split is None else [s.rows[:s.split], s.rows[s.split:]]
    for p, body in enumerate(bodies):
        if p:
            paras.append(dw.Paragraph("\x0c\r"))
        if p == 0 or s.repeat_header:
            header()
        for k, r in enumerate(body):
            if r.group is not None:
                if s.group_merged:
                    row([(r.group, sum(widths), 0)])
                else:
                    row([(r.group if c == 0 else "", w, 0) for c, w in enumerate(widths)])
                continue
            cells = []
            col = 0
            while col < s.width:
                role = s.roles[col]
                text = r.cells.get(role, "")
                if role == "category":
                    first = bool(text) or k == 0 or body[k - 1].group is not None
                    cells.append((_category_text(s, text) if text else "", widths[col], 3 if first else 1))
                elif role == "target0" and r.merged_targets:
                    n = sum(1 for x in s.roles if x.startswith("target"))
                    cells.append((text, sum(widths[col:col + n]), 0))
                    col += n
                    continue
                else:
                    cells.append((text, widths[col], 0))
                col += 1
            row(cells)
    paras += [dw.Paragraph(line + "\r") for line in AFTER]
    path.write_bytes(dw.build_doc(paras))
    return path


# --- OFD (GB/T 33190): the PDF's drawing, each string a TextObject, each rectangle a PathObject ------

OFD_NS = "http://www.ofdspec.org/2016"
MM = 72 / 25.4   # points a millimetre


def write_ofd(s: Spec, path: Path) -> Path:
    return write_pdf(s, path, ofd=True)


class _OfdCanvas:
    """What write_pdf asks of reportlab's canvas, written as OFD pages (millimetres, y down)."""

    def __init__(self, path: Path):
        self.path = path
        self.pages: list[list[str]] = [[]]
        self.size = SIZE

    def setFont(self, name: str, size: float) -> None:
        self.size = size

    def drawString(self, x: float, y: float, text: str) -> None:
        from xml.sax.saxutils import escape
        size = self.size / MM
        top = (PAGE[1] - y) / MM - size
        k = len(self.pages[-1])
        self.pages[-1].append(
            f'<ofd:TextObject ID="{k + 100}" Boundary="{x / MM:.3f} {top:.3f} {len(text) * size + 1:.3f} {size * 1.4:.3f}" '
            f'Font="3" Size="{size:.3f}"><ofd:TextCode X="0" Y="{size:.3f}">{escape(text)}</ofd:TextCode></ofd:TextObject>')

    def drawCentredString(self, x: float, y: float, text: str) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        _font()
        self.drawString(x - stringWidth(text, FONT, self.size) / 2, y, text)

    def rect(self, x: float, y: float, w: float, h: float, stroke: int = 1, fill: int = 0) -> None:
        k = len(self.pages[-1])
        left, top, wm, hm = x / MM, (PAGE[1] - y - h) / MM, w / MM, h / MM
        self.pages[-1].append(
            f'<ofd:PathObject ID="{k + 100}" Boundary="{left:.3f} {top:.3f} {wm:.3f} {hm:.3f}" LineWidth="0.2">'
            f'<ofd:AbbreviatedData>M 0 0 L {wm:.3f} 0 L {wm:.3f} {hm:.3f} L 0 {hm:.3f} C</ofd:AbbreviatedData>'
            f'</ofd:PathObject>')

    def showPage(self) -> None:
        self.pages.append([])

    def save(self) -> None:
        import zipfile
        pages = [p for p in self.pages if p]
        ofd = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" DocType="OFD">'
               f'<ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo>'
               f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        listed = "".join(f'<ofd:Page ID="{k + 1}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages)))
        document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD_NS}">'
                    f'<ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 '
                    f'{PAGE[0] / MM:.1f} {PAGE[1] / MM:.1f}</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>'
                    f'<ofd:Pages>{listed}</ofd:Pages></ofd:Document>')
        with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("OFD.xml", ofd)
            z.writestr("Doc_0/Document.xml", document)
            for k, objects in enumerate(pages):
                z.writestr(f"Doc_0/Pages/Page_{k}/Content.xml",
                           f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content>'
                           f'<ofd:Layer ID="9">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')
