"""Invented indicator tables, printed in every flattened form, for tests/test_synth_tables.py.

    python tests/synth_tables.py SEED [FORM]     # prints one table in one form (or all), for a look

From a seed, `invent(seed)` makes up an indicator table of the kinds plans print: an optional
序号 column, an optional category column (the category printed once above its rows), the name
(sometimes long enough to wrap into two cells), the unit, a baseline column headed by its year
(`2020年`) or by a word (基期, 现状值, `2020年基期值`), one or two target years (`2025年`,
`2025年目标`, `2030年目标值`), a nature printed short or long (约束, 预期性, 约束性指标), values
printed as numbers, comparators or words (持续下降, 基本全覆盖); sub-heading rows, plain
(结果性指标) or numbered as a list (一、经济发展, （二）民生福祉: the group is the text without its
number), in tab rows printed with or without the tabs after them; units with a magnitude (万亩,
亿立方米, 万套), in the unit column or, with no unit column, in brackets after the name; a change
column (年均增长（%）, 年均增长, 五年累计, 累计) whose value is the target of a row whose last target
year prints — (only in the column's unit when it names one; a level or a word printed in the
target column wins). `render(table, form)` prints it inside a small plan as

- tabs: one tab-separated row per line;
- tabcells: one tab-led cell per line, a blank line after each row;
- cells: one untabbed cell per line, header words spaced out (`指 标`, `2020 年`), a line of
  spaces for an empty cell, blank and space-only lines between rows, a long name wrapped into
  two cells;
- spaced: one cell per line with a blank line after every line (no row breaks);
- words: whitespace-separated words, one row per line (a category repeated on every row);
- records: key:value records, one row per line (`序号：1 领域：… 指标：… 2020年：…`);
- records_cut: the same records cut across lines; fields: one field a line;
- markdown: a pipe table (outer pipes printed or not); html: a <table> whose category cells are merged with rowspan;
- grid, simple, multiline: pandoc's plain-text tables, columns padded to display width (an
  ideograph is two columns wide): grid (`+----+` borders, a long name wrapped inside its cell
  over the lines between two borders, the header above `+====+`, a sub-heading merged across
  the row or in its first cell); simple (words under a rule of dash groups, an empty cell left
  blank); multiline (rows apart by blank lines between two rules, a long name wrapped onto the
  lines under its row, the header wrapped over two lines when printed over two rows).

Expected values are the generator's own data (`Row`), never the program's output.
"""
from __future__ import annotations

import html
import random
import sys
import unicodedata

import regex
from dataclasses import dataclass
from typing import Optional

FORMS = ("tabs", "tabcells", "cells", "spaced", "words", "records", "records_cut", "fields", "markdown", "html",
         "grid", "simple", "multiline")
PANDOC = ("grid", "simple", "multiline")

# invented names: plain ones, ones with brackets that are no unit, long ones that wrap (cut at |)
NAMES = [
    "居民健康素养水平", "经常参加体育锻炼人数比例", "孕产妇死亡率", "婴儿死亡率", "人均预期寿命",
    "每千人口执业（助理）医师数", "每千人口注册护士数", "每万人口全科医生数", "每千人口医疗卫生机构床位数",
    "城市空气质量优良天数比率", "森林覆盖率", "农村自来水普及率", "城镇新增就业人数", "研发经费投入强度",
    "常住人口城镇化率", "万人发明专利拥有量", "粮食综合生产能力", "二级以上医院预约诊疗率",
    "单位地区生产总值能耗较|2020年下降", "以乡镇为单位适龄儿童|免疫规划疫苗接种率",
    "二级及以上综合性医院设置|老年医学科的比例", "城乡居民医保政策范围内|住院费用支付比例",
    "重点行业用人单位劳动者|职业健康检查覆盖率", "家庭医生签约服务|重点人群覆盖率",
]
UNITS = ["%", "岁", "人", "张", "‰", "1/10万", "万人", "亿元", "年", "件", "万吨", "个"]
CATEGORIES = ["健康水平", "健康生活", "健康服务", "健康保障", "生态环境", "创新驱动", "民生福祉", "经济发展"]
WORD_VALUES = ["持续下降", "基本全覆盖", "逐步提高", "稳步提升", "持续提高"]
NATURES = {"预期性": ["预期", "预期性", "预期性指标"], "约束性": ["约束", "约束性", "约束性指标"],
           "指导性": ["指导", "指导性", "指导性指标"], "倡导性": ["倡导", "倡导性", "倡导性指标"]}
GROUPS = ["结果性指标", "过程性指标", "约束性指标", "预期性指标", "个人和社会倡导性指标", "政府工作指标"]
# sub-headings numbered as a list (一、经济发展, （二）民生福祉): the group is the text without its number
AREAS = ["经济发展", "创新驱动", "民生福祉", "绿色生态", "安全保障", "社会文明", "健康服务"]
CN = "一二三四五六七八九十"
# a unit printed in brackets after the name, opening with a magnitude or not (耕地保有量（万亩）)
NAME_UNITS = ["万亩", "亿立方米", "万套", "万公顷", "万千瓦", "亿元", "万人", "%", "岁", "‰", "万吨标准煤"]
MAGNITUDE_UNITS = ["万亩", "亿立方米", "万套", "万公顷", "万千瓦", "万标箱"]
# a change column (年均增长, 五年累计) and its unit: it gives the target of a row whose target year
# prints none (—), in the row's unit or in any unit when the column names none
CHANGES = [("年均增长（%）", "%"), ("年均增长", None), ("五年累计", None), ("累计", None)]
NONE_VALUES = ["-", "—", "*"]
BEFORE = ["某市“十四五”社会发展规划", "一、发展目标", "到2025年，社会事业发展水平明显提升。", "表1 主要发展指标"]
AFTER = ["二、主要任务", "加强基层服务体系建设，提高服务能力。"]


@dataclass
class Row:
    seq: Optional[str]
    category: Optional[str]
    name: str               # as it reads (a wrapped name joined)
    wrap: Optional[int]     # where a long name is cut into two cells (cells form), or None
    unit: Optional[str]
    baseline: Optional[str]
    targets: list[str]
    nature: Optional[str]   # one of 预期性 约束性 指导性
    nature_printed: Optional[str]
    group: Optional[str] = None   # the sub-heading row above it (结果性指标), printed once
    unit_in_name: bool = False    # the unit printed in brackets after the name (耕地保有量（万亩）)
    change: Optional[str] = None  # its cell in the change column (年均增长, 累计), if the table has one

    @property
    def printed_name(self) -> str:
        return f"{self.name}（{self.unit}）" if self.unit_in_name else self.name


@dataclass
class Table:
    seed: int
    header: list[str]
    roles: list[str]        # seq category name unit baseline target nature, one a column
    base_year: Optional[int]
    target_years: list[int]
    rows: list[Row]
    page_break: Optional[int] = None   # a page break before this row: page number, running head, header again
    two_rows: bool = False             # the header printed over two rows (`2025年` over `目标值`)
    category_rows: bool = False        # each category printed in a row of its own above its rows
    group_print: Optional[dict] = None  # group → its sub-heading as printed (一、经济发展), when numbered
    change_unit: Optional[str] = None   # the change column's unit (年均增长（%）), if it names one

    def group_text(self, group: str) -> str:
        return (self.group_print or {}).get(group, group)

    def is_group_row(self, r: list[str]) -> bool:
        """A printed sub-heading row: its text in the first cell, the others empty."""
        return r[0] in {self.group_text(x.group) for x in self.rows if x.group} and not any(r[1:])

    def header_rows(self) -> list[list[str]]:
        """The header as printed: one row, or two whose cells joined give the header."""
        return self.header_rows_if_two() if self.two_rows else [self.header]

    def header_rows_if_two(self) -> list[list[str]]:
        top, bottom = [], []
        targets = [j for j, r in enumerate(self.roles) if r.startswith("target")]
        if len(targets) == 2 and self.header[targets[0]].endswith("目标值"):
            # 目标值 printed once over both target years: `目标值` / `2025年` | `2030年`
            for j, h in enumerate(self.header):
                if j in targets:
                    top.append("目标值" if j == targets[0] else "")
                    bottom.append(h[:-len("目标值")])
                else:
                    top.append(h)
                    bottom.append("")
            return [top, bottom]
        for h, role in zip(self.header, self.roles):
            if role == "change":   # 年均增长（%）, 五年累计: printed whole, merged down
                top.append(h)
                bottom.append("")
                continue
            cut = next((k for k in (h.find("年") + 1, h.find("指标") + 2 if h.startswith("指标") else 0)
                        if 0 < k < len(h)), None)
            top.append(h[:cut] if cut else h)
            bottom.append(h[cut:] if cut else "")
        return [top, bottom]

    def cells(self, row: Row, first_of_run: bool) -> list[str]:
        out = []
        for role in self.roles:
            if role == "seq":
                out.append(row.seq or "")
            elif role == "category":
                out.append(row.category if first_of_run else "")
            elif role == "name":
                out.append(row.printed_name)
            elif role == "unit":
                out.append(row.unit or "")
            elif role == "baseline":
                out.append(row.baseline or "")
            elif role.startswith("target"):
                out.append(row.targets[int(role[6:])])
            elif role == "nature":
                out.append(row.nature_printed or "")
            elif role == "change":
                out.append(row.change or "")
        return out

    def printed_rows(self, repeat_category: bool = False, own_rows: bool = True) -> list[list[str]]:
        """The rows as printed, a sub-heading row (its text in the first cell, the others
        empty) above the rows of each group."""
        last, group = None, None
        out = []
        for r in self.rows:
            if r.group != group:
                out.append([self.group_text(r.group)] + [""] * (len(self.roles) - 1))
                group = r.group
                last = None
            if self.category_rows and own_rows and not repeat_category and r.category != last:
                out.append([r.category if role == "category" else "" for role in self.roles])
                out.append(self.cells(r, False))
            else:
                out.append(self.cells(r, r.category != last or repeat_category))
            last = r.category
        return out

    def break_at(self) -> Optional[int]:
        """The printed row before which the page breaks, or None."""
        if self.page_break is None:
            return None
        rows = self.printed_rows()
        target = self.cells(self.rows[self.page_break], True)
        target = target[self.roles.index("name")]
        return next(k for k, r in enumerate(rows) if r[self.roles.index("name")] == target)


def _value(rng: random.Random, unit: Optional[str], words: bool) -> str:
    if not words and rng.random() < 0.1:
        return rng.choice(NONE_VALUES)
    if words and rng.random() < 0.25:
        return rng.choice(WORD_VALUES)
    number = rng.choice([f"{rng.randint(1, 99)}", f"{rng.randint(1, 99)}.{rng.randint(1, 9)}",
                         f"{rng.randint(100, 9999)}"])
    prefix = rng.choice(["", "", "", "≥", "≤", ">"]) if words else ""
    return prefix + number


def invent(seed: int) -> Table:
    rng = random.Random(seed)
    has_seq = rng.random() < 0.6
    has_cat = rng.random() < 0.5
    has_unit = rng.random() < 0.85
    has_nature = rng.random() < 0.75
    base_year = rng.choice([2019, 2020, 2020, 2021])
    n_targets = 2 if rng.random() < 0.3 else 1
    target_years = [2025, 2030][:n_targets] if base_year < 2025 else [2030]
    base_style = rng.choice(["year", "year", "基期值", "现状值", "基期", "year基期值"])
    header, roles = [], []
    if has_seq:
        header.append("序号"), roles.append("seq")
    if has_cat:
        header.append(rng.choice(["类别", "领域"])), roles.append("category")
    header.append(rng.choice(["指标", "主要指标", "指标名称"])), roles.append("name")
    if has_unit:
        header.append("单位"), roles.append("unit")
    header.append({"year": f"{base_year}年", "year基期值": f"{base_year}年基期值"}.get(base_style, base_style))
    roles.append("baseline")
    if base_style in ("基期值", "现状值", "基期"):
        base_year_out: Optional[int] = None
    else:
        base_year_out = base_year
    target_word = rng.choice(["", "目标", "目标值"])
    for k, y in enumerate(target_years):
        header.append(f"{y}年{target_word}"), roles.append(f"target{k}")
    if has_nature:
        header.append(rng.choice(["属性", "指标属性"])), roles.append("nature")
    nature_style = rng.randrange(3)
    n_rows = rng.randint(3, 7)
    groups = rng.sample(GROUPS, 2) if rng.random() < 0.25 else None
    group_cut = rng.randint(1, n_rows - 1)
    names = rng.sample(NAMES, n_rows)
    cats = rng.sample(CATEGORIES, 3)
    rows = []
    cat_index = 0
    for n, printed in enumerate(names):
        if has_cat and n and rng.random() < 0.4 and cat_index < 2:
            cat_index += 1
        unit = rng.choice(UNITS) if has_unit else None
        nature = rng.choice(list(NATURES)) if has_nature else None
        wrap = printed.index("|") if "|" in printed else None
        words = rng.random() < 0.6
        rows.append(Row(
            seq=str(n + 1) if has_seq else None,
            category=cats[cat_index] if has_cat else None,
            name=printed.replace("|", ""), wrap=wrap, unit=unit,
            baseline=_value(rng, unit, False),
            targets=[_value(rng, unit, words) for _ in target_years],
            nature=nature,
            nature_printed=NATURES[nature][nature_style] if nature else None,
            group=(groups[0] if n < group_cut else groups[1]) if groups else None))
    page_break = rng.randint(1, n_rows - 1) if rng.random() < 0.3 else None
    t = Table(seed=seed, header=header, roles=roles, base_year=base_year_out, target_years=target_years,
              rows=rows, page_break=page_break, category_rows=has_cat and rng.random() < 0.3)
    t.two_rows = rng.random() < 0.3 and any(t.header_rows_if_two()[1])
    _more_features(t, random.Random(seed * 7919 + 17), groups is not None)
    return t


def _more_features(t: Table, rng: random.Random, has_groups: bool) -> None:
    """Features drawn from a second stream, so the tables above stay as they were: sub-headings
    numbered as a list (一、经济发展), units in brackets after the name or with a magnitude
    (万亩, 亿立方米), a change column (年均增长（%）, 五年累计) giving the target of a row whose
    target year prints none."""
    if has_groups and rng.random() < 0.5:
        style = rng.choice(["{n}、{g}", "（{n}）{g}"])
        names = rng.sample(AREAS, 2)
        old = list(dict.fromkeys(r.group for r in t.rows))
        t.group_print = {}
        for k, (was, new) in enumerate(zip(old, names)):
            t.group_print[new] = style.format(n=CN[k], g=new)
            for r in t.rows:
                if r.group == was:
                    r.group = new
    if "unit" in t.roles and rng.random() < 0.2:   # no unit column: each unit after its name
        at = t.roles.index("unit")
        del t.roles[at], t.header[at]
        for r in t.rows:
            r.unit_in_name = True
    elif "unit" not in t.roles and rng.random() < 0.6:
        for r in t.rows:
            if rng.random() < 0.8:
                r.unit, r.unit_in_name = rng.choice(NAME_UNITS), True
    elif "unit" in t.roles:
        for r in t.rows:
            if rng.random() < 0.2:
                r.unit = rng.choice(MAGNITUDE_UNITS)
    if rng.random() < 0.3:
        header, t.change_unit = rng.choice(CHANGES)
        at = max(j for j, role in enumerate(t.roles) if role.startswith("target")) + 1
        t.header.insert(at, header)
        t.roles.insert(at, "change")
        for r in t.rows:
            if rng.random() < 0.4:
                r.targets[-1] = "—"
            if r.targets[-1] in NONE_VALUES and rng.random() < 0.3:
                r.change = "—"
            else:
                r.change = rng.choice([f"{rng.randint(3, 9)}左右", f"[{rng.randint(10, 99)}.{rng.randint(1, 9)}]",
                                       f"{rng.randint(10, 500)}", f"≥{rng.randint(2, 8)}", "—"])
        if t.two_rows and not any(t.header_rows_if_two()[1]):
            t.two_rows = False


def _spaced(word: str) -> str:
    """`指标` → `指 标`, `2020年` → `2020 年`: header words as some converters space them out."""
    if word[:4].isdigit():
        return word[:4] + " " + word[4:]
    return " ".join(word) if len(word) == 2 else word


def body(t: Table, form: str) -> list[str]:
    """The table's lines in one plain-text form."""
    rng = random.Random(t.seed * 31 + FORMS.index(form))
    # words and records print the category on every row, or (half the tables) once above its rows
    flat = ("words", "records", "records_cut", "fields")
    repeat = form in flat and rng.random() < 0.5
    rows = t.printed_rows(repeat_category=repeat, own_rows=form not in flat)
    page = t.break_at() if form in ("tabs", "tabcells", "cells", "spaced", "words", "records", "records_cut") else None
    furniture = ["", "— 5 —", BEFORE[0], ""]   # a page number and the running head
    if form in ("tabcells", "cells", "spaced") and rng.random() < 0.5:
        # a sub-heading merged across the table: one cell
        rows = [r[:1] if t.is_group_row(r) else r for r in rows]
    head = t.header_rows()
    name_col = t.roles.index("name")
    wraps = {r.printed_name: r.wrap for r in t.rows}
    if form == "tabs":
        lines = ["\t".join(h) for h in head]
        alone = t.group_print and random.Random(t.seed).random() < 0.5   # 一、经济发展 with no tabs after it
        for k, r in enumerate(rows):
            if k == page:
                lines += furniture[1:3] + ["\t".join(h) for h in head]
            lines.append(r[0] if alone and t.is_group_row(r) else "\t".join(r))
        return lines
    if form == "tabcells":
        header = [line for h in head for line in ["\t" + c for c in h] + [""]]
        lines = list(header)
        for k, r in enumerate(rows):
            if k == page:
                lines += furniture[1:] + header
            for j, c in enumerate(r):
                if j == name_col and wraps.get(c) is not None:   # the wrapped rest on an untabbed line
                    lines += ["\t" + c[:wraps[c]], c[wraps[c]:]]
                else:
                    lines.append("\t" + c)
            lines.append("")
        return lines
    if form == "cells":
        header = [line for h in head for line in [_spaced(c) if c else "  " for c in h] + [""]]
        lines = list(header)
        for k, r in enumerate(rows):
            if k == page:
                lines += furniture[1:] + header
            for j, c in enumerate(r):
                if j == name_col and wraps.get(c) is not None:
                    lines += [c[:wraps[c]], c[wraps[c]:]]
                else:
                    lines.append(c if c else "  ")
            lines += [""] + (["   ", ""] if rng.random() < 0.3 else [])   # a blank line, or a space-only line between blanks
        return lines
    if form == "spaced":
        # one cell per line, a blank line after every line (no row breaks), a line of spaces
        # for an empty cell, the header on one row
        lines = []
        for c in t.header:
            lines += [_spaced(c), ""]
        for k, r in enumerate(rows):
            if k == page:
                lines += furniture[1:3] + [""] + [x for c in t.header for x in (_spaced(c), "")]
            for c in r:
                lines += [c if c else "  ", ""]
        return lines
    if form == "words":
        lines = [" ".join(t.header)]
        for k, r in enumerate(rows):
            if k == page:
                lines += furniture[1:3] + [" ".join(t.header)]
            name = r[name_col]
            if name_col == 0 and wraps.get(name) is not None and rng.random() < 0.5:
                # a PDF's name too wide for its cell: its first part on a line of its own
                lines += [name[:wraps[name]], " ".join([name[wraps[name]:]] + [c for c in r[1:] if c])]
            else:
                lines.append(" ".join(c for c in r if c))
        return lines
    if form in ("records", "records_cut", "fields"):
        keys = [_spaced(h) if h[:4].isdigit() and rng.random() < 0.5 else h for h in t.header]
        # a sub-heading row is its text on a line of its own
        records = [[r[0]] if t.is_group_row(r) else [f"{h}：{c}" for h, c in zip(keys, r) if c]
                   for r in rows]
        lines = []
        for k, fields in enumerate(records):
            if k == page:
                lines += furniture[1:3]
            if form == "records_cut" and len(fields) > 1:   # cut between two fields
                cut = rng.randint(1, len(fields) - 1)
                lines += [" ".join(fields[:cut]), " ".join(fields[cut:])]
            elif form == "fields":
                lines += fields
            else:
                lines.append(" ".join(fields))
        return lines
    if form in PANDOC:
        return _pandoc(t, form, rows, rng)
    if form == "markdown":
        lines = ["| " + " | ".join(head[0]) + " |", "|" + "---|" * len(t.header)] + \
            ["| " + " | ".join(r) + " |" for r in head[1:] + rows]
        if rng.random() < 0.4 and all(r[0] and r[-1] for r in head + rows):
            # without the outer pipes (html2text), where no row's first or last cell is empty
            lines = [line[1:-1].strip() for line in lines]
        return lines
    raise ValueError(form)


def _width(text: str) -> int:
    """Display columns, as pandoc counts them: an ideograph or full-width sign is two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _wrap(text: str, width: int) -> list[str]:
    """A cell's text cut into lines of at most width display columns (ideographs broken
    anywhere, a number kept whole)."""
    lines, line = [], ""
    for word in regex.findall(r"[0-9A-Za-z.]+|.", text):   # a number is never cut
        if line and _width(line + word) > width:
            lines.append(line)
            line = ""
        line += word
    return lines + [line] if line or not lines else lines


def _pandoc(t: Table, form: str, rows: list[list[str]], rng: random.Random) -> list[str]:
    head = t.header_rows()
    if form == "simple" or (len(head) == 2 and any(not c for c in head[0])):
        head = [t.header]      # one header line (a word over two columns has no grid or simple form)
    return pandoc(form, head, rows, t.roles.index("name"), t.is_group_row, rng)


def pandoc(form: str, head: list[list[str]], rows: list[list[str]], name_col: int, is_group, rng: random.Random) -> list[str]:
    """A table as pandoc's Markdown writer prints it in plain text: grid, simple or multiline.
    head: the header's lines (cells of one line joined give the header); is_group: whether a
    row is a sub-heading (its text in the first cell)."""
    header = ["".join(parts) for parts in zip(*head)]
    merged = form == "grid" and rng.random() < 0.5   # a sub-heading merged across the row (pandoc 3)
    widths = [max(_width(c) for c in [h] + [r[j] for r in rows if not (merged and is_group(r))])
              for j, h in enumerate(header)]
    widths = [max(w, max(_width(h) for h in col), 2) for w, col in zip(widths, zip(*head))]
    if form != "simple":       # a long name wraps inside its column (a sub-heading in it does not)
        groups = [_width(r[0]) for r in rows if is_group(r) and name_col == 0 and not merged]
        widths[name_col] = min(widths[name_col], max([rng.choice([14, 16, 18, 20, 24])] + groups))

    def cell_lines(r: list[str]) -> list[list[str]]:
        """Each cell's lines as the column prints them."""
        return [_wrap(c, widths[j]) if c else [""] for j, c in enumerate(r)]

    def block(cells: list[list[str]], sep: str, lead: str, tail: str) -> list[str]:
        n = max(len(c) for c in cells)
        return [lead + sep.join(_pad(c[k] if k < len(c) else "", widths[j]) for j, c in enumerate(cells)) + tail
                for k in range(n)]

    if form == "grid":
        rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
        lines = [rule] + block([[h[j] for h in head] for j in range(len(header))], " | ", "| ", " |")
        lines.append(rule.replace("-", "="))
        total = sum(widths) + 3 * (len(widths) - 1)
        for r in rows:
            if is_group(r) and merged:
                lines += ["| " + _pad(r[0], total) + " |", rule]
                continue
            lines += block(cell_lines(r), " | ", "| ", " |") + [rule]
        return lines
    dashes = "  " + " ".join("-" * w for w in widths)
    if form == "simple":
        lines = ["  " + " ".join(_pad(h, w) for h, w in zip(header, widths)).rstrip(), dashes]
        return lines + ["  " + " ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
    full = "-" * (sum(widths) + len(widths) + 1)
    lines = [full] + [x.rstrip() for x in block([[h[j] for h in head] for j in range(len(header))], " ", "  ", "")]
    lines.append(dashes)
    for k, r in enumerate(rows):
        if k:
            lines.append("")
        lines += [x.rstrip() for x in block(cell_lines(r), " ", "  ", "")]
    return lines + [full]


def html_rows(rows: list[list[str]], cat: Optional[int], is_group=lambda r: False) -> list[str]:
    """The rows as <tr> lines: a category cell merged down (rowspan) over the empty cells below
    it, a sub-heading row (is_group) merged across the table."""
    out = []
    for k, r in enumerate(rows):
        if is_group(r):
            out.append(f'<tr><td colspan="{len(r)}">{html.escape(r[0])}</td></tr>')
            continue
        cells = []
        for j, c in enumerate(r):
            if j == cat:
                if not c:
                    continue
                span = 1
                while k + span < len(rows) and not rows[k + span][cat] and not is_group(rows[k + span]):
                    span += 1
                cells.append(f'<td rowspan="{span}">{html.escape(c)}</td>')
            else:
                cells.append(f"<td>{html.escape(c)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return out


def html_document(before: list[str], table: list[str], after: list[str]) -> str:
    """A web page: the paragraphs before, the table's lines, the paragraphs after."""
    text = "".join(f"<p>{html.escape(x)}</p>" for x in before) + "\n".join(table) + \
        "".join(f"<p>{html.escape(x)}</p>" for x in after)
    return f"<html><body>{text}</body></html>\n"


def render(t: Table, form: str) -> tuple[str, str]:
    """(file suffix, text) of a small plan that prints the table in this form."""
    if form == "html":
        rows = t.printed_rows()
        cat = t.roles.index("category") if "category" in t.roles else None
        out = ["<table>"] + _html_header(t) + html_rows(rows, cat, t.is_group_row) + ["</table>"]
        return ".html", html_document(BEFORE, out, AFTER)
    suffix = ".md" if form == "markdown" else ".txt"
    return suffix, "\n".join(BEFORE + [""] + body(t, form) + [""] + AFTER) + "\n"


def _html_header(t: Table) -> list[str]:
    """The header rows: a word over two rows merged down (rowspan), one over two columns across
    (colspan: 目标值 over 2025年 | 2030年)."""
    head = t.header_rows()
    if len(head) == 1:
        return ["<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head[0]) + "</tr>"]
    top, bottom = head
    first, second = [], []
    j = 0
    while j < len(top):
        if not bottom[j]:
            first.append(f'<th rowspan="2">{html.escape(top[j])}</th>')
            j += 1
            continue
        span = 1
        while j + span < len(top) and not top[j + span] and bottom[j + span]:
            span += 1
        first.append(f'<th colspan="{span}">{html.escape(top[j])}</th>' if span > 1 else f"<th>{html.escape(top[j])}</th>")
        second += [f"<th>{html.escape(b)}</th>" for b in bottom[j:j + span]]
        j += span
    return ["<tr>" + "".join(first) + "</tr>", "<tr>" + "".join(second) + "</tr>"]


def expected(t: Table) -> list[dict]:
    """What each row says, from the generator's own data."""
    out = []
    for r in t.rows:
        targets = list(r.targets)
        if r.change and r.change not in NONE_VALUES and targets[-1] in NONE_VALUES and \
                t.change_unit in (None, r.unit):
            targets[-1] = r.change   # the change column gives the target the target year does not print
        out.append({
            "seq": r.seq, "category": r.category, "group": r.group, "name": r.name, "unit": r.unit,
            "baseline": (r.baseline, t.base_year),
            "targets": [(v, y) for v, y in zip(targets, t.target_years)],
            "nature": r.nature,
        })
    return out


if __name__ == "__main__":
    table = invent(int(sys.argv[1]))
    for form in sys.argv[2:] or FORMS:
        print(f"--- {form}")
        print(render(table, form)[1])
