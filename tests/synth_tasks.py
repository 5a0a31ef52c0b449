"""Invented plans that print their tasks the many ways real 实施方案 / 行动计划 / 规划 do, each with
the tasks it holds (tests/test_tasks_synth.py reads them through the pipeline).

Every document combines, independently and by a fixed seed:
- how items are numbered: （一） items under a chapter, or 1. / 1、 / （1） / ① / 一是…二是… / no
  number / a bold lead sentence under （一） headings, numbers restarting or running on;
- how each item names its units: a closing parenthesis with labels (牵头单位：X；配合单位：Y) or
  role phrases (X牵头，Y等配合 · X、Y按职责分工负责 · X负责), inline before the item's first 。, a
  责任单位： line (or two label lines) after the item, a closing sentence (由X组织实施。 · X负责。),
  units after a dash (——X、Y), one sentence for the items above it (以上任务由X牵头，Y配合。), or a
  column of a task table (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限, or 责任单位 cells with
  their own （牵头）), now and then two tables with the same header, each under a numbered
  sub-heading (1.政务服务) and the sentence that introduces it;
- where the responsibility breaks: a line break inside a unit name, a page number between lead and
  support;
- deadlines: 2025年底前 / 2024年6月底前 inside the parenthesis, as a label, in the item's text,
  a standing 长期坚持 / 持续推进, or a table column;
- units: 省/市/区/县 levels mixed, names with parentheses (市卫生健康委（市中医药局）, 各县（市、区）
  人民政府) and 、 lists; blanket rules (以下各项任务的责任单位均含各区县政府，不再一一列出) → implied.

More forms, drawn from a stream of their own (`Extra`, so the forms above print as before): a
closing parenthesis of bare units (……。（A、B、C）, the roles by a note `以下各项任务排在第一位的为
牵头单位` or by the rules below), `牵头单位：X  配合单位：Y` on one line after the item, a space for
the comma after a role phrase, units a plan shares out (各级党委和政府, 各村（社区）, 各镇街, 市广播
电视台, 北岸大学), duty paragraphs without a role word (`区教育局：统筹推进……`, `A、B：负责……`),
several tasks in one paragraph each closed by its own parenthesis, a heading whose line names the
units above sub-items `1.` `2.` that name nobody (the heading is the task, the sub-items its text),
and task tables of many columns: 重点任务 merged over the rows of its 具体措施 (printed once), 牵头
单位 merged over rows, a header of two rows (责任单位 over 牵头单位 | 配合单位), the header printed
again after a page break, a 责任单位 cell that prints its own labels.

The expected tasks follow from what was printed, by the rules the README states (a unit named alone
without a role leads; several units without a lead all support; 牵头 units lead and the others
support), never from the program's output. Text-level items that name nobody are printed too, as
are paragraphs that mention a unit in passing: they are not tasks.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Optional

CN = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"

# agencies by the area level that prints them (a 市 plan names 市 units, now and then a 省 or 区 one)
AGENCIES = ["发展改革委", "财政局", "教育局", "科技局", "工业和信息化局", "公安局", "民政局", "司法局",
            "人力资源社会保障局", "自然资源和规划局", "生态环境局", "住房城乡建设局", "交通运输局", "水务局",
            "农业农村局", "商务局", "文化广电旅游局", "卫生健康委", "应急管理局", "审计局", "市场监管局",
            "统计局", "医保局", "体育局", "城市管理局", "委宣传部", "委组织部", "委网信办", "委编办",
            "总工会", "妇联", "残联", "科协", "红十字会", "融媒体中心", "疾控中心", "数据局", "税务局",
            "卫生健康委（中医药局）", "政务服务管理局", "退役军人事务局", "林业局", "消防救援支队",
            "直有关部门", "有关部门"]
PROVINCE = {"财政局": "财政厅", "教育局": "教育厅", "科技局": "科技厅", "工业和信息化局": "工业和信息化厅",
            "公安局": "公安厅", "民政局": "民政厅", "司法局": "司法厅", "人力资源社会保障局": "人力资源社会保障厅",
            "自然资源和规划局": "自然资源厅", "生态环境局": "生态环境厅", "住房城乡建设局": "住房城乡建设厅",
            "交通运输局": "交通运输厅", "水务局": "水利厅", "农业农村局": "农业农村厅", "商务局": "商务厅",
            "文化广电旅游局": "文化和旅游厅", "审计局": "审计厅", "体育局": "体育局", "消防救援支队": "消防救援总队"}
COLLECTIVE = ["各区县政府", "各县（市、区）人民政府", "各乡镇人民政府", "各街道办事处", "各区人民政府",
              "各镇（街道）", "各开发区管委会"]

TITLES = [
    "推进县域医共体建设", "完善城乡环境卫生长效管理机制", "加强职业技能培训", "提升基层医疗卫生服务能力",
    "健全农村养老服务网络", "实施重点河湖生态修复工程", "加快新型基础设施建设", "推动制造业数字化转型",
    "优化营商环境", "完善社会救助体系", "加强校园安全管理", "发展普惠托育服务", "推进老旧小区改造",
    "强化食品安全监管", "建设智慧交通系统", "深化医保支付方式改革", "开展全民健身活动",
    "加强历史文化街区保护", "提高防灾减灾救灾能力", "推动农村集体经济发展", "完善公共法律服务体系",
    "加强网络安全保障", "推进垃圾分类处理", "扩大优质教育资源供给", "培育壮大文化旅游产业",
    "加强重点人群健康服务", "健全矛盾纠纷多元化解机制", "发展现代设施农业", "推进政务服务标准化",
    "加强饮用水水源地保护", "完善科技成果转化机制", "加强退役军人服务保障",
]
LONG_TITLES = [
    "推进县域医共体建设，完善县乡村一体化管理机制，统筹县域内人员、资金、设备等资源配置，提升整体服务效能",
    "加快建设城乡一体的供水保障体系，推动供水管网向农村延伸，实现城乡供水同网同质同价同服务",
    "围绕产业链部署创新链，支持龙头企业联合高校和科研院所开展关键核心技术攻关，提升产业基础高级化水平",
]
BODIES = [
    "支持中心卫生院达到二级医院服务水平。", "建立健全长效管理机制，定期开展评估。",
    "到2027年，覆盖率达到90%以上。", "统筹用好各类资金，引导社会资本参与。",
    "完善监测预警体系，及时发布风险提示。", "推广先进适用技术，培育一批示范项目。",
    "加强人才队伍建设，落实待遇保障政策。", "建立工作台账，实行清单化管理。",
    "探索多元投入机制，扩大服务供给。", "强化信息共享，推动数据互联互通。",
    "严格落实属地管理责任，加强日常巡查。", "开展专项整治行动，形成长效机制。",
    "推进社区医院建设（含中心卫生院）。", "落实《健康行动计划（2024—2026年）》要求。",
]
# paragraphs of the chapters around the tasks: no unit is given a task in them
PLAIN = [
    "坚持以人民为中心的发展思想，统筹发展和安全，推动高质量发展。",
    "各地要把本方案列入重要议事日程，市卫生健康委负责指导。",
    "由市财政局统筹安排资金，保障工作经费。",
    "鼓励龙头企业牵头，联合高校、科研院所组建创新联合体。",
    "到2025年，基本建成覆盖城乡的服务体系，群众满意度明显提升。",
    "加强宣传引导，营造全社会共同参与的良好氛围。",
    "科研院所和行业协会等参与标准制定。",
    "各部门要按职责分工抓好落实，形成工作合力。",
    "市卫生健康委负责统筹协调，各有关部门密切配合。",
    "以上任务要细化分解，确保落到实处。",
    "由市政府督查室定期开展督查，通报进展情况。",
    "——坚持以人民为中心，把群众满意作为工作标准。",
]


PEOPLE = ["王建国", "李明华", "张晓东", "刘海燕", "陈志强"]   # invented leaders' names

# units the Extra forms name now and then: bodies (a level or 各 first) and others (a role phrase only)
EXTRA_BODIES = ["{level}广播电视台", "各村（社区）", "各镇街", "各级党委和政府", "{level}住房公积金管理中心",
                "{level}委政法委", "{level}中级人民法院"]
EXTRA_OTHERS = ["北岸大学", "北岸职业技术学院", "国网北岸供电公司"]
# measures of a task table's 具体措施 column
MEASURES = ["开展工业炉窑综合治理", "加强扬尘污染管控", "实施入河排污口整治", "推进城镇污水管网建设",
            "建设社区卫生服务中心", "推进区人民医院扩建", "新建5G基站", "培育数字经济龙头企业",
            "完善农村寄递物流体系", "建设标准化茶园", "推进中小学校舍改造", "开展消防安全专项整治"]


# the words a task table's header prints for each column (the Extra tables draw one)
HEADER_WORDS = {"task": ["重点任务", "工作任务", "工作举措", "改革事项", "主要任务", "具体任务"],
                "measure": ["具体措施", "工作措施", "主要举措", "具体内容"],
                "lead": ["牵头单位", "牵头部门", "主责单位"],
                "support": ["配合单位", "配合部门", "协同部门", "参与单位"],
                "responsible": ["责任单位", "责任部门", "责任主体"],
                "deadline": ["完成时限", "完成时间", "时间节点", "时间进度", "时限要求"]}


# how a plan says that the first unit named leads (a note for the tasks, or in one parenthesis)
FIRST_LEAD = ["排在第一位的为牵头单位", "列第一位的为牵头单位", "第一个单位为牵头单位", "排名第一的单位为牵头单位",
              "排在首位的为牵头单位", "牵头单位为排在第一位的单位"]


@dataclass
class Extra:
    """The forms added to the generator after its first version, from a stream of their own."""
    rng: random.Random
    first_lead: Optional[str] = None      # where the plan notes that the first unit leads: top / end
    item_share: float = 0.0               # share of items printed in a new form
    duties_free: bool = False
    runon: bool = False                   # several tasks in one paragraph, each closed by its parenthesis
    heading_subitems: bool = False        # （一）Title（X牵头） above 1. 2. that name nobody
    table: Optional[str] = None           # measures | two_rows | labels_cell (with repeats and merges)
    table_section: bool = False           # a section of its own for that table, after the others

    @staticmethod
    def draw(seed: int) -> "Extra":
        rng = random.Random(seed * 7919 + 17)
        x = Extra(rng=rng)
        x.first_lead = rng.choice([None] * 6 + ["top", "end"])
        x.item_share = rng.choice([0.0, 0.3, 0.5])
        x.duties_free = rng.random() < 0.5
        x.runon = rng.random() < 0.6
        x.heading_subitems = rng.random() < 0.4
        x.table = rng.choice([None, None, None, "measures", "two_rows", "labels_cell"])
        x.table_section = rng.random() < 0.5
        if x.table is None and rng.random() < 0.4:
            x.table, x.table_section = rng.choice(["measures", "two_rows", "labels_cell"]), True
        return x


@dataclass
class Task:
    start: str                       # the printed characters where the task starts (number or text)
    number: Optional[str]
    title: str
    lead: list[str]
    support: list[str]
    implied: list[str] = field(default_factory=list)
    deadline_text: Optional[str] = None
    table: bool = False
    form: str = ""                   # how it was printed (numbering/responsibility), for messages


@dataclass
class Plan:
    seed: int
    text: str
    tasks: list[Task]
    forms: list[str]                                 # the forms printed, for the test's ids and gaps
    bold: list[str] = field(default_factory=list)   # lead sentences a DOCX prints in bold
    chapters: list[tuple[str, str]] = field(default_factory=list)   # the level-1 headings: (number, title)
    sections: list[tuple[str, str]] = field(default_factory=list)   # level 2 under 重点任务 (one heading each)
    notice: Optional[dict] = None    # meta of the notice printed in front (title, doc_number, issuer, date)


@dataclass
class Outline:
    """How a plan numbers its headings, drawn from a stream of its own (the tasks stay the same):
    chapters 一、 or 第一部分 or 第一章 or 第1章 / 第１章 (spaced 第一章　总体要求 or not); under 第X部分/章 the sections
    一、 or （一）; items （1） and 1. printed 1） (an Arabic number closed by a bracket only); the
    Arabic item numbers full-width (１． １、 （１）), which read as ASCII."""
    chapter: str = "一、"
    section: str = "（一）"
    close_only: bool = False
    full_width: bool = False
    gap: str = ""
    arabic_chapter: bool = False   # 第3章 (第３章 when full_width) rather than 第三章

    @staticmethod
    def draw(seed: int) -> "Outline":
        rng = random.Random(seed * 7919 + 3)
        o = Outline(chapter=rng.choice(["一、", "一、", "一、", "第一部分", "第一章"]))
        if o.chapter != "一、":
            o.section = rng.choice(["一、", "（一）"])
            o.gap = rng.choice([" ", "　", ""])
        o.close_only = rng.random() < 0.25
        o.full_width = rng.random() < 0.2
        o.arabic_chapter = o.chapter == "第一章" and rng.random() < 0.5
        return o

    def chapter_line(self, k: int, title: str) -> tuple[str, str]:
        """(printed line, number as the outline gives it)."""
        if self.chapter == "一、":
            return f"{CN[k]}、{title}", CN[k]
        word = self.chapter[2:]
        if self.arabic_chapter:
            return f"第{self.digits(str(k + 1))}{word}{self.gap}{title}", f"第{k + 1}{word}"
        return f"第{CN[k]}{word}{self.gap}{title}", f"第{CN[k]}{word}"

    def section_line(self, k: int, title: str) -> tuple[str, str]:
        """(printed line, number as the outline gives it)."""
        if self.section == "一、":
            return f"{CN[k]}、{title}", CN[k]
        return f"（{CN[k]}）{title}", f"（{CN[k]}）"

    def digits(self, text: str) -> str:
        return text.translate(FULL_WIDTH) if self.full_width else text


FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def notice(rng: random.Random, place: str, title: str) -> tuple[list[str], dict]:
    """A notice that issues the plan, its lines apart by blank lines (as a converter leaves a
    Word document's paragraphs), and the meta it gives."""
    issuer = f"{place}人民政府办公室"
    year, month, day = rng.choice([2023, 2024]), rng.randint(1, 12), rng.randint(1, 28)
    abbr = {"省": "省", "市": "市", "区": "区", "县": "县"}[place[-1]]
    number = f"某{abbr}政办发〔{year}〕{rng.randint(1, 60)}号"
    lines = [f"{issuer}关于印发{title}的通知", "", number, "",
             rng.choice(["各有关单位：", "各部门、各单位："]),
             f"《{title}》已经{place}人民政府同意，现印发给你们，请认真贯彻落实。", "",
             issuer, f"{year}年{month}月{day}日", ""]
    return lines, {"title": title, "doc_number": number, "issuer": issuer,
                   "date": f"{year}-{month:02d}-{day:02d}"}


class _Units:
    """Distinct unit names of one plan, at its level with now and then another level's."""
    def __init__(self, rng: random.Random, level: str):
        self.rng, self.level, self.used = rng, level, set()

    extra: float = 0.0        # share of EXTRA_BODIES names (the Extra stream's units)

    def one(self, bodies: bool = True) -> str:
        while True:
            if self.extra and self.rng.random() < self.extra:
                pool = EXTRA_BODIES + ([] if bodies else EXTRA_OTHERS)
                name = self.rng.choice(pool).format(level=self.level)
                if name not in self.used:
                    self.used.add(name)
                    return name
                continue
            if self.rng.random() < 0.08:
                name = self.rng.choice(COLLECTIVE)
            elif self.rng.random() < 0.03:
                name = f"团{self.level}委"
            else:
                level = self.level if self.rng.random() < 0.85 else self.rng.choice(["省", "市", "区", "县"])
                base = self.rng.choice(AGENCIES)
                if level == "省":
                    base = PROVINCE.get(base, base)
                name = level + base.replace("（", f"（{level}")
            if name not in self.used:
                self.used.add(name)
                return name

    def some(self, n: int) -> list[str]:
        return [self.one() for _ in range(n)]


def _deadline(rng: random.Random, labelled: bool = False) -> tuple[str, str]:
    """(as printed, deadline_text); labelled: after 完成时限：, where any time is the deadline."""
    y = rng.choice([2024, 2025, 2026, 2027])
    loose = [(f"{y}—{y + 1}年", f"{y}—{y + 1}年"), (f"{y}年启动，{y + 1}年完成", f"{y + 1}年完成"), ("每年", "每年")]
    if labelled:
        loose = [(f"{y}年12月", f"{y}年12月"), (f"{y}年", f"{y}年"), (f"{y}—{y + 1}年", f"{y}—{y + 1}年"),
                 (f"{y}年起长期坚持", f"{y}年起长期坚持")]
    if rng.random() < 0.25:
        return rng.choice(loose)
    return rng.choice([(f"{y}年底前完成", f"{y}年底前"), (f"{y}年底前", f"{y}年底前"),
                       (f"{y}年12月31日前完成", f"{y}年12月31日前"), ("长期任务", "长期任务"),
                       ("常态化开展", "常态化开展"),
                       (f"{y}年6月底前完成", f"{y}年6月底前"), ("长期坚持", "长期坚持"), ("持续推进", "持续推进")])


def _roles(units_lead: list[str], units_support: list[str], neutral: list[str]) -> tuple[list[str], list[str]]:
    """The README's rules: 牵头 units lead, the others support; without a lead, neutral units lead
    beside 配合 units or when one is named alone, and otherwise all support."""
    if units_lead:
        return units_lead, units_support + neutral
    if units_support and neutral:
        return neutral, units_support
    if len(neutral) == 1 and not units_support:
        return neutral, []
    return [], neutral + units_support


def _join(units: list[str], rng: random.Random) -> str:
    if len(units) == 2 and rng.random() < 0.2:
        return units[0] + rng.choice(["和", "及"]) + units[1]
    return "、".join(units)


# the forms of a responsibility printed beside (or after) one item
ITEM_FORMS = ["labels", "phrase", "neutral", "joint", "line", "lines", "sentence_you", "sentence_fuze",
              "dash", "inline"]


def _responsibility(rng: random.Random, units: _Units, form: str):
    """(printed, where, lead, support, deadline_text) for one item; where: paren (closing
    parenthesis), inline (before the first 。), sentence (a closing sentence), line (lines after
    the item), dash."""
    dl_printed, dl = _deadline(rng) if rng.random() < 0.35 else (None, None)
    if form == "labels":
        lead, sup = units.some(rng.choice([1, 1, 1, 2])), units.some(rng.choice([0, 1, 2, 3]))
        label_l = rng.choice(["牵头单位", "牵头部门", "牵头单位"])
        label_s = rng.choice(["配合单位", "配合部门", "责任单位", "参与单位"])
        sep = rng.choice(["；", "；", " ", "，"])
        s = f"{label_l}：{'、'.join(lead)}" + (f"{sep}{label_s}：{'、'.join(sup)}" if sup else "")
        if rng.random() < 0.15:      # the leader in charge first: a person, not a unit
            s = f"{rng.choice(['牵头市领导', '责任领导', '牵头领导'])}：{rng.choice(PEOPLE)}；" + s
        if dl_printed:
            dl_printed, dl = _deadline(rng, labelled=True)
            s += f"；{rng.choice(['完成时限', '时间节点'])}：{dl_printed}"
        return f"（{s}）", "paren", lead, sup, dl
    if form == "phrase":
        lead, sup = units.some(rng.choice([1, 1, 1, 2])), units.some(rng.choice([0, 1, 2, 3]))
        s = f"{_join(lead, rng)}牵头"
        if sup:
            s += "，" + _join(sup, rng) + rng.choice(["配合", "等配合", "按职责分工负责", "参与", "协助",
                                                       "等部门按职责分工负责", "落实"])
        if dl_printed and rng.random() < 0.3:     # the time in a parenthesis of its own
            return f"（{s}）（{dl_printed}）", "paren", lead, sup, dl
        if dl_printed:
            s += "，" + dl_printed
        return f"（{s}）", "paren", lead, sup, dl
    if form in ("neutral", "joint"):
        us = units.some(1 if form == "neutral" else rng.choice([2, 3, 4]))
        s = rng.choice([f"{_join(us, rng)}负责", f"{'、'.join(us)}按职责分工负责", f"责任单位：{'、'.join(us)}",
                        f"{'、'.join(us)}分别负责"] if form == "joint" else
                       [f"{us[0]}负责", f"由{us[0]}负责", f"责任单位：{us[0]}", f"{us[0]}负责落实"])
        if dl_printed:
            s += rng.choice(["，", "；"]) + dl_printed
        lead, sup = _roles([], [], us)
        return f"（{s}）", "paren", lead, sup, dl
    if form == "inline":
        lead, sup = units.some(1), units.some(rng.choice([0, 1, 2]))
        s = f"{lead[0]}牵头" + (f"，{'、'.join(sup)}配合" if sup else "")
        return f"（{s}）", "inline", lead, sup, None
    if form == "line":
        us = units.some(rng.choice([1, 1, 2, 3]))
        label = rng.choice(["责任单位：", "责任单位：", "【责任单位】", "【责任单位】："])
        s = f"{label}{rng.choice(['、', '、', '　', ' ']).join(us)}"
        lead, sup = _roles([], [], us)
        return s, "line", lead, sup, None
    if form == "lines":
        lead, sup = units.some(1), units.some(rng.choice([1, 2]))
        s = f"牵头单位：{lead[0]}\n配合单位：{'、'.join(sup)}"
        if rng.random() < 0.15:
            s = f"责任领导：{rng.choice(PEOPLE)}\n" + s
        if dl_printed:
            dl_printed, dl = _deadline(rng, labelled=True)
            s += f"\n完成时限：{dl_printed}"
        return s, "line", lead, sup, dl
    if form == "sentence_you":
        if rng.random() < 0.5:
            u = units.one()
            return f"由{u}{rng.choice(['组织实施', '负责', '负责落实', '牵头实施'])}。", "sentence", [u], [], None
        lead, sup = units.some(1), units.some(rng.choice([1, 2]))
        return f"由{lead[0]}牵头，{'、'.join(sup)}配合。", "sentence", lead, sup, None
    if form == "sentence_fuze":
        us = units.some(rng.choice([1, 1, 2]))
        lead, sup = _roles([], [], us)
        return f"{'、'.join(us)}负责。", "sentence", lead, sup, None
    if form == "dash":
        us = units.some(rng.choice([1, 2, 3]))
        lead, sup = _roles([], [], us)
        return f"——{'、'.join(us)}", "dash", lead, sup, None
    raise ValueError(form)


EXTRA_ITEM_FORMS = ["bare", "one_line", "spaced_roles", "shared", "comma_joint", "paren_line", "bare_stop",
                    "lead_bracket", "note_first"]


def _is_body(name: str) -> bool:
    """A government body by its name, as the README says duty paragraphs and bare lists need: it
    ends like one (委 局 厅 办 部 府 …) or opens with 各."""
    outer = name.split("（")[0] if not name.endswith("）") else name[:name.rfind("（")]
    return name.startswith("各") or outer.endswith(("委", "局", "厅", "办", "部", "府", "署", "室", "处", "中心",
                                                    "支队", "大队", "总队"))


def _is_organ(name: str) -> bool:
    """A named organ: a level or 各 first (市总工会, 各镇街), or a body by its end."""
    return name.startswith(("省", "市", "区", "县", "各", "团")) or _is_body(name)


def _extra_responsibility(x: Extra, units: "_Units", form: str):
    """(printed, where, lead, support, deadline_text) of a form the Extra stream adds."""
    rng = x.rng
    dl_printed, dl = _deadline(rng) if rng.random() < 0.3 else (None, None)
    if form == "bare":          # ……。（A、B、C）: named organs alone
        us = [u for u in units.some(rng.choice([1, 2, 3, 4])) if _is_organ(u)] or [units.one()]
        while not _is_organ(us[0]):
            us = [units.one()]
        lead, sup = _roles([], [], us)
        return f"（{'、'.join(us)}" + (f"，{dl_printed}" if dl_printed else "") + "）", "paren", lead, sup, dl
    if form == "one_line":      # 牵头单位：X  配合单位：Y on the line after the item
        lead, sup = units.some(1), units.some(rng.choice([1, 2]))
        sep = rng.choice(["  ", "　", "；", " "])
        s = f"牵头单位：{lead[0]}{sep}配合单位：{'、'.join(sup)}"
        if dl_printed:
            dl_printed, dl = _deadline(rng, labelled=True)
            s += f"{sep}完成时限：{dl_printed}"
        return s, "line", lead, sup, dl
    if form == "spaced_roles":  # （X牵头 Y、Z配合）: a space for the comma
        lead, sup = units.some(1), units.some(rng.choice([1, 2]))
        return f"（{lead[0]}牵头 {'、'.join(sup)}配合）", "paren", lead, sup, None
    if form == "shared":        # units a plan shares out: 各级党委和政府, 北岸大学, 各村（社区）
        lead = units.some(1)
        sup = [units.one(bodies=False) for _ in range(rng.choice([1, 2]))]
        s = f"{lead[0]}牵头，{'、'.join(sup)}{rng.choice(['配合', '参与', '按职责分工负责'])}"
        if dl_printed:
            s += "，" + dl_printed
        return f"（{s}）", "paren", lead, sup, dl
    if form == "paren_line":    # 1.推进医养结合 / （X牵头，Y配合） / its text below
        lead, sup = units.some(1), units.some(rng.choice([0, 1, 2]))
        s = f"{lead[0]}牵头" + (f"，{'、'.join(sup)}配合" if sup else "")
        if rng.random() < 0.5:
            s = f"牵头单位：{lead[0]}" + (f"；配合单位：{'、'.join(sup)}" if sup else "")
        return f"（{s}）", "paren_line", lead, sup, None
    if form == "bare_stop":     # 加强公平竞争审查（县市场监管局）。: bare units before the item's last 。
        us = [u for u in units.some(rng.choice([1, 2])) if _is_organ(u)] or [units.one()]
        while not _is_organ(us[0]):
            us = [units.one()]
        lead, sup = _roles([], [], us)
        return f"（{'、'.join(us)}）", "before_stop", lead, sup, None
    if form == "lead_bracket":  # 1.【牵头单位：X；配合单位：Y】推行……: the units first, in 【】
        lead, sup = units.some(1), units.some(rng.choice([0, 1]))
        s = f"牵头单位：{lead[0]}" + (f"；配合单位：{sup[0]}" if sup else "")
        return f"【{s}】", "leading", lead, sup, None
    if form == "note_first":    # （责任单位：A、B、C，排在第一位的为牵头单位）
        us = units.some(rng.choice([2, 3]))
        note = rng.choice(FIRST_LEAD)
        return f"（责任单位：{'、'.join(us)}，{note}）", "paren", us[:1], us[1:], None
    if form == "comma_joint":   # （责任单位：A、B，C）: a comma among the units
        us = units.some(3)
        lead, sup = _roles([], [], us)
        return f"（责任单位：{us[0]}、{us[1]}，{us[2]}）", "paren", lead, sup, None
    raise ValueError(form)


def _break(rng: random.Random, printed: str, page: int) -> str:
    """A responsibility cut by a line break inside a unit name, or by a page number between two
    of its clauses."""
    if rng.random() < 0.5:
        for k in range(len(printed) - 3, 3, -1):   # inside a unit name, after its level
            if printed[k - 1] in "市区县省" and printed[k] not in "）、；，":
                return printed[:k + 1] + "\n" + printed[k + 1:]
        return printed
    at = max(printed.find("；"), printed.find("，"))
    if at <= 0:
        return printed
    return printed[:at + 1] + f"\n\n- {page} -\n\n" + printed[at + 1:]


def generate(seed: int) -> Plan:
    rng = random.Random(seed)
    level = rng.choice(["市", "市", "区", "县", "省"])
    units = _Units(rng, level)
    titles = rng.sample(TITLES, len(TITLES))
    long_titles = rng.sample(LONG_TITLES, len(LONG_TITLES))
    lines: list[str] = []
    tasks: list[Task] = []
    forms: list[str] = []
    bold: list[str] = []
    place = {"省": "某省", "市": "某市", "区": "某区", "县": "某县"}[level]
    outline = Outline.draw(seed)
    x = Extra.draw(seed)
    xunits = _Units(x.rng, level)
    xunits.used = units.used
    xunits.extra = 0.2
    chapters: list[tuple[str, str]] = []
    sections: list[tuple[str, str]] = []

    def chapter(k: int, title: str) -> None:
        printed, number = outline.chapter_line(k, title)
        lines.append(printed)
        chapters.append((number, title))
    title_line = f"{place}{rng.choice(['健康服务能力提升', '城乡建设高质量发展', '营商环境优化', '基层治理现代化'])}" \
        f"{rng.choice(['实施方案', '行动计划（2024—2026年）', '三年行动方案'])}"
    front = random.Random(seed * 7919 + 5)
    issued = None
    if front.random() < 0.3:
        notice_lines, issued = notice(front, place, title_line)
        lines += notice_lines
    lines += [title_line, ""]
    lines.append("为深入贯彻落实党中央、国务院决策部署，结合本地实际，制定本方案。")
    chapter(0, "总体要求")
    lines.append(rng.choice(PLAIN[:1] + PLAIN[4:6]))

    implied: list[str] = []
    blanket_all: Optional[str] = None
    if rng.random() < 0.3:
        implied = [rng.choice(COLLECTIVE)]
        forms.append("blanket")
        if rng.random() < 0.5:
            blanket_all = f"注：各项任务的责任单位均包括{implied[0]}，不再一一列出。"
    chapter(1, "重点任务")
    if implied and blanket_all is None:
        lines.append(f"以下各项任务的责任单位均含{implied[0]}，不再一一列出。")
    if x.first_lead == "top":
        forms.append("first_lead")
        note = x.rng.choice(FIRST_LEAD)
        lines.append(x.rng.choice([f"（以下各项任务中，{note}，其他为配合单位）", f"以下各项任务{note}。"]))

    layout = rng.choice(["items", "sections", "sections", "sections"])
    n_sections = rng.randint(2, 3)
    running = 0
    for s in range(n_sections):
        if layout == "items":
            scheme = "section_items"
        else:
            scheme = rng.choice(["1.", "1、", "（1）", "①", "一是", "none", "bold", "1.", "duties", "groups"]
                                + ([] if "table" in forms else ["table"]))   # one task table a plan
            heading = f"{titles.pop()[:2]}{rng.choice(['体系建设', '能力提升', '机制创新', '服务保障'])}"
            printed, number = outline.section_line(s, heading)
            lines.append(printed)
            sections.append((number, heading))
        forms.append(scheme)
        if scheme == "table" and x.table:
            _table_extra(x, xunits, lines, tasks, forms, titles)
            continue
        if scheme == "table":
            _table(rng, units, lines, tasks, forms, titles, split=random.Random(seed * 7919 + 11))
            continue
        if scheme == "duties":        # 县教育局：负责……。 (a department table printed as prose)
            for _ in range(rng.randint(2, 4)):
                unit, verb = units.one(), rng.choice(["负责", "负责", "牵头", "配合"])
                title = verb + titles.pop()
                body = rng.choice(BODIES)
                variant = x.rng.choice(["", "free", "several"]) if x.duties_free else ""
                if variant == "free" and _is_body(unit):     # 区教育局：统筹推进…… (no role word)
                    forms.append("duties:free")
                    lines.append(f"{unit}：{title[len(verb):]}。{body}")
                    tasks.append(Task(start=unit, number=None, title=title[len(verb):], lead=[unit], support=[],
                                      form="duties/free"))
                    continue
                if variant == "several":                      # A、B：负责…… (a joint duty)
                    forms.append("duties:several")
                    us = [unit, xunits.one()]
                    lines.append(f"{'、'.join(us)}：负责{title[len(verb):]}。{body}")
                    tasks.append(Task(start=unit, number=None, title="负责" + title[len(verb):], lead=[],
                                      support=us, form="duties/several"))
                    continue
                lines.append(f"{unit}：{title}。{body}")
                lead, sup = ([], [unit]) if verb == "配合" else ([unit], [])
                tasks.append(Task(start=unit, number=None, title=title, lead=lead, support=sup, form="duties"))
            continue
        if scheme == "groups":        # 综合协调组：由X牵头，成员单位：Y、Z。主要职责：……
            for name in rng.sample(GROUPS, rng.randint(2, 3)):
                lead, sup = units.some(1), units.some(rng.choice([1, 2, 3]))
                lines.append(f"{name}：由{lead[0]}牵头，成员单位：{'、'.join(sup)}。主要职责：{titles.pop()}。")
                tasks.append(Task(start=name, number=None, title=name, lead=lead, support=sup, form="groups"))
            continue
        if scheme in ("1.", "1、") and rng.random() < 0.5:
            pass    # numbers run on across sections
        else:
            running = 0
        covering = scheme in ("1.", "1、", "（1）", "①") and rng.random() < 0.2
        n_items = rng.randint(2, 4) if scheme != "section_items" else 1
        section_tasks: list[Task] = []
        run_in: list[str] = []        # 一是……。二是……。 in one paragraph
        first_line = len(lines)
        for k in range(n_items):
            if scheme == "section_items":
                number, printed_number = f"（{CN[s]}）", f"（{CN[s]}）"
            elif scheme == "1." and outline.close_only:
                running += 1
                number, printed_number = f"{running}）", outline.digits(f"{running}）")
            elif scheme in ("1.", "1、"):
                running += 1
                number, printed_number = str(running), outline.digits(f"{running}{scheme[-1]}")
            elif scheme == "（1）" and outline.close_only:
                number, printed_number = f"{k + 1}）", outline.digits(f"{k + 1}）")
            elif scheme == "（1）":
                number, printed_number = f"（{k + 1}）", outline.digits(f"（{k + 1}）")
            elif scheme == "①":
                number = printed_number = CIRCLED[k]
            elif scheme == "一是":
                number = printed_number = f"{CN[k]}是"
            else:
                number, printed_number = None, ""
            title = titles.pop() if rng.random() < 0.85 or scheme == "一是" or not long_titles else long_titles.pop()
            body = "".join(rng.sample(BODIES, rng.randint(0, 2))) if scheme != "一是" else ""
            dl_body = None
            if rng.random() < 0.12 and scheme != "一是":
                y = rng.choice([2024, 2025, 2026])
                body += f"{y}年6月底前完成试点。"
                dl_body = f"{y}年6月底前"
            if covering:
                form = "covering"
            elif rng.random() < 0.12 and scheme not in ("一是", "none", "bold"):
                form = "nobody"
            else:
                pool = ITEM_FORMS if scheme != "一是" else ["labels", "phrase", "neutral", "joint"]
                if scheme in ("none", "bold"):
                    pool = [f for f in pool if f not in ("line", "lines", "dash", "sentence_fuze")]
                form = rng.choice(pool)
            forms.append(form)
            if form in ("nobody", "covering"):
                item = f"{printed_number}{title}。{body}"
                if form == "covering":
                    section_tasks.append(Task(start=printed_number or title[:6], number=number, title=title,
                                              lead=[], support=[], deadline_text=dl_body, form=f"{scheme}/covering"))
                lines.append(item)
                continue
            printed, where, lead, sup, dl = _responsibility(rng, units, form)
            if x.item_share and scheme != "一是" and x.rng.random() < x.item_share:
                pool = EXTRA_ITEM_FORMS if scheme not in ("none", "bold") else \
                    [f for f in EXTRA_ITEM_FORMS if f not in ("one_line", "paren_line", "lead_bracket")]
                form = x.rng.choice(pool)
                forms.append("x:" + form)
                printed, where, lead, sup, dl = _extra_responsibility(x, xunits, form)
            if rng.random() < 0.12 and where in ("paren", "line") and scheme != "一是":
                printed = _break(rng, printed, rng.randint(2, 30))
                forms.append("break")
            if body and printed_number and scheme != "一是" and where != "inline" and rng.random() < 0.15:
                body = "\n" + body       # the item's text goes on in a paragraph of its own
                forms.append("paragraphs")
            if scheme == "section_items" and where == "paren" and body and "\n" not in printed \
                    and rng.random() < 0.4 and not form.startswith("bare"):
                # （一）推进老旧小区改造（X牵头，Y配合） / its text in the paragraphs below, now and
                # then numbered 1. 2. (sub-items that name nobody: the heading is the task)
                sub = x.heading_subitems
                item = f"{printed_number}{title}{printed}\n" + "\n".join(
                    (f"{j + 1}." + ("力争" if p[0].isdigit() else "") if sub else "") + p + "。"
                    for j, p in enumerate(p for p in body.strip("\n").split("。") if p))
                forms.append("heading_units" + (":subitems" if sub else ""))
            elif where == "inline":
                item = f"{printed_number}{title}{printed}。{body}"
            elif where == "before_stop":     # the units before the item's last 。
                item = f"{printed_number}{title}。{body}"
                item = item[:-1] + printed + "。"
            elif where == "leading":         # the units first, the item after them
                item = f"{printed_number}{printed}{title}。{body}"
            elif where == "paren_line":      # the units on a line of their own, the text below
                item = f"{printed_number}{title}\n{printed}" + (f"\n{body.strip()}" if body.strip() else "")
            elif where == "paren":
                item = f"{printed_number}{title}。{body}{printed}" if scheme != "一是" else \
                    f"{printed_number}{title}{printed}。"
            elif where == "sentence":
                item = f"{printed_number}{title}。{body}{printed}"
            elif where == "dash":
                item = f"{printed_number}{title}。{body}{printed}"
            else:   # line
                item = f"{printed_number}{title}。{body}\n{printed}"
            if scheme == "bold" or (printed_number and scheme != "一是" and rng.random() < 0.3):
                bold.append(f"{printed_number}{title}。")
            task = Task(start=printed_number or title[:6], number=number, title=title, lead=lead, support=sup,
                        deadline_text=dl or dl_body, form=f"{scheme}/{form}" + ("/break" if "\n" in printed and where != "line" or printed.count("\n") > (printed.startswith("牵头单位") and 1 + ("完成时限" in printed)) else ""))
            tasks.append(task)
            if scheme == "一是":
                run_in.append(item)
            else:
                lines.append(item)
        if run_in:
            lines.append(f"{rng.choice(['着力', '全面', '持续'])}抓好{titles.pop()[:4]}工作。" + "".join(run_in))
        if x.runon and scheme in ("none", "bold") and len(lines) - first_line >= 2 \
                and all(line.endswith("）") and "（" in line for line in lines[first_line:]):
            # several tasks in one paragraph, each closed by its own parenthesis after its 。
            forms.append("runon")
            lines[first_line:] = ["".join(lines[first_line:])]
        if covering:
            kind = rng.choice(["lead", "one", "joint"])
            if kind == "lead":
                lead, sup = units.some(1), units.some(rng.choice([1, 2]))
                who = f"由{lead[0]}牵头，{'、'.join(sup)}{rng.choice(['配合', '按职责分工负责'])}"
            else:
                us = units.some(1 if kind == "one" else rng.choice([2, 3]))
                lead, sup = _roles([], [], us)
                who = f"由{'、'.join(us)}" + ("负责" if kind == "one" else "按职责分工负责")
            lines.append(f"{rng.choice(['以上任务', '上述任务', '以上各项任务', '以上工作'])}{who}。")
            for t in section_tasks:
                t.lead, t.support = lead, sup
            tasks.extend(section_tasks)
    if x.table and x.table_section and layout != "items" and not any(f.startswith("table:") for f in forms):
        heading = x.rng.choice(["重点任务分工", "责任分工安排", "任务分工"])
        printed, number = outline.section_line(n_sections, heading)
        lines.append(printed)
        sections.append((number, heading))
        _table_extra(x, xunits, lines, tasks, forms, titles)
    chapter(2, "保障措施")
    numbered = rng.random() < 0.3
    for k, p in enumerate(rng.sample(PLAIN, 3)):
        lines.append(f"（{CN[k]}）{p}" if numbered else p)
    if blanket_all:
        lines.append(blanket_all)
    if x.first_lead == "end":
        forms.append("first_lead")
        lines.append(f"注：以上各项任务中，{x.rng.choice(FIRST_LEAD)}。")
    for t in tasks:     # a unit the task names itself is not implied
        t.implied = [u for u in implied if u not in t.lead + t.support]
        if x.first_lead and not t.lead and t.support:   # the plan's rule: the first unit leads
            t.lead, t.support = t.support[:1], t.support[1:]
    return Plan(seed=seed, text="\n".join(lines) + "\n", tasks=tasks, forms=forms, bold=bold,
                chapters=chapters, sections=sections if layout != "items" else [], notice=issued)


TABLE_HEADERS = [
    (["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], "lead_support"),
    (["序号", "工作任务", "责任单位", "时间节点"], "responsible"),
    (["重点任务", "牵头单位", "责任单位", "完成时间"], "lead_support"),
    (["序号", "具体措施", "责任单位"], "responsible_roles"),
    (["部门", "职责", "对应的健康因素"], "department"),
    (["责任部门", "主要职责"], "department"),
]
GROUPS = ["综合协调组", "督导评估组", "宣传引导组", "专家指导组", "要素保障组"]


SPLIT_HEADINGS = ["政务服务", "市场环境", "要素保障", "法治保障", "民生服务", "基层治理"]


def _table(rng, units, lines, tasks, forms, titles, split: Optional[random.Random] = None) -> None:
    """A task table as tab-separated rows (the renderings make a Word or HTML table of it); now
    and then (split, a stream of its own) printed as two tables with the same header, each under
    a numbered sub-heading of its own and the sentence that introduces it (two rows or more each)."""
    header, kind = rng.choice(TABLE_HEADERS)
    forms.append("table:" + kind)
    intro = rng.choice(["各项任务分工如下表。", "具体分工见下表。"])
    numbered = header[0] == "序号"

    def row(rng: random.Random, units: _Units) -> tuple[list[str], Task]:
        title = titles.pop()
        task_cell = title + rng.choice(["", "。" + rng.choice(BODIES)])
        dl_printed, dl = _deadline(rng)
        if not dl_printed.startswith(dl):
            dl = dl_printed        # a cell that is not only a deadline phrase: as printed
        if kind == "lead_support":
            lead, sup = units.some(rng.choice([1, 1, 2])), units.some(rng.choice([0, 1, 2]))
            cells = [task_cell, "、".join(lead), "、".join(sup), dl_printed]
        elif kind == "responsible":
            us = units.some(rng.choice([1, 1, 2]))
            lead, sup = _roles([], [], us)
            cells = [task_cell, "、".join(us), dl_printed]
        elif kind == "department":     # 部门 | 职责: the unit of a row leads it
            lead, sup = units.some(1), []
            cells = [lead[0], task_cell] + ([rng.choice(["健康环境", "健康素养", "健康服务"])] if len(header) > 2 else [])
            dl = None
        else:
            lead, sup = units.some(1), units.some(rng.choice([1, 2]))
            cells = [task_cell, f"{lead[0]}（牵头）、" + "、".join(sup)]
            dl = None
        return cells, Task(start=title[:6], number=None, title=title, lead=lead, support=sup,
                           deadline_text=dl, table=True, form="table/" + kind)

    made = [row(rng, units) for _ in range(rng.randint(2, 4))]
    parts = [made]
    if split is not None and split.random() < 0.4:
        forms.append("table:split")
        more = _Units(split, units.level)
        more.used = units.used
        made += [row(split, more) for _ in range(max(0, 4 - len(made)) + split.randint(0, 1))]
        cut = split.randint(2, len(made) - 2)
        parts = [made[:cut], made[cut:]]
        areas = split.sample(SPLIT_HEADINGS, 2)
    for n, part in enumerate(parts):
        if len(parts) > 1:
            lines.append(f"{n + 1}.{areas[n]}")
            lines.append(intro if n == 0 else f"{areas[n]}{split.choice(['任务分工如下表。', '重点任务见下表。'])}")
        else:
            lines.append(intro)
        lines.append("\t".join(header))
        for k, (cells, task) in enumerate(part):
            if numbered:     # each table numbers its own rows
                cells = [str(k + 1)] + cells
                task.number = str(k + 1)
            lines.append("\t".join(cells))
            tasks.append(task)
    lines.append("")


def _table_extra(x: Extra, units: _Units, lines, tasks, forms, titles) -> None:
    """A task table of the Extra forms, as tab rows: measures (重点任务 merged over the rows of its
    具体措施, printed on the first only, and now and then 牵头单位 too), two_rows (责任单位 over 牵头单位
    | 配合单位), labels_cell (a 责任单位 cell printing 牵头单位：X；配合单位：Y or X牵头，Y配合); the
    header printed again where a page breaks (after a page number now and then)."""
    rng = x.rng
    forms.append("table:" + x.table)
    lines.append(rng.choice(["各项任务分工如下表。", "重点任务分工见下表。"]))
    w = {k: rng.choice(v) for k, v in HEADER_WORDS.items()}
    if x.table == "measures":
        header = [["序号", w["task"], w["measure"], w["lead"], w["support"], w["deadline"]]]
    elif x.table == "two_rows":
        header = [["序号", w["task"], w["responsible"], "", w["deadline"]], ["", "", w["lead"], w["support"], ""]]
    else:
        header = [["序号", w["task"], w["responsible"], w["deadline"]]]
    wrapped = rng.random() < 0.4 and x.table != "measures"   # one row's task cell over two lines
    rows: list[tuple[list[str], Task]] = []
    n = 0
    measures = rng.sample(MEASURES, len(MEASURES))
    for i in range(rng.randint(2, 3)):
        title = titles.pop() if not (wrapped and i == 1) else rng.choice(LONG_TITLES)
        group = rng.randint(1, 3) if x.table == "measures" else 1
        merged_lead = units.some(1) if group > 1 and rng.random() < 0.5 else None
        for g in range(group):
            n += 1
            dl_printed, dl = _deadline(rng)
            if not dl_printed.startswith(dl):
                dl = dl_printed
            lead = merged_lead or units.some(rng.choice([1, 1, 2]))
            sup = units.some(rng.choice([0, 1, 2]))
            if x.table == "measures":
                measure = measures.pop()
                lead_cell = "、".join(lead) if merged_lead is None or g == 0 else ""
                cells = [str(n), title if g == 0 else "", measure, lead_cell, "、".join(sup), dl_printed]
                start = measure[:6]
            elif x.table == "two_rows":
                cells = [str(n), title, "、".join(lead), "、".join(sup), dl_printed]
                start = title[:6]
            else:
                lead, sup = lead[:1], sup or units.some(1)
                cell = rng.choice([f"牵头单位：{lead[0]}；配合单位：{'、'.join(sup)}",
                                   f"{lead[0]}牵头，{'、'.join(sup)}配合"])
                cells = [str(n), title, cell, dl_printed]
                start = title[:6]
            rows.append((cells, Task(start=start, number=str(n), title=title, lead=lead, support=sup,
                                     deadline_text=dl, table=True, form="table/" + x.table)))
    repeat = rng.randint(2, len(rows) - 1) if len(rows) >= 3 and rng.random() < 0.7 else None
    for h in header:
        lines.append("\t".join(h))
    for k, (cells, task) in enumerate(rows):
        if k == repeat:                 # a page break: the header again, after its page number
            forms.append("table:repeat")
            if rng.random() < 0.5:
                lines.append(f"- {rng.randint(3, 20)} -")
            for h in header:
                lines.append("\t".join(h))
        if wrapped and len(task.title) > 40:     # a flattening prints the cell's second line as a row
            forms.append("table:wrapped")
            cut = rng.randint(12, 30)
            lines.append("\t".join(cells[:1] + [task.title[:cut]] + cells[2:]))
            lines.append("\t".join(["", task.title[cut:]] + [""] * (len(cells) - 2)))
        else:
            lines.append("\t".join(cells))
        tasks.append(task)
    lines.append("")


if __name__ == "__main__":      # print one plan and its tasks: python tests/synth_tasks.py SEED
    import sys
    plan = generate(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print(plan.text)
    for t in plan.tasks:
        print(t)
