"""Invented plans that state their targets in prose the many ways real 规划 / 实施方案 print them,
each with the indicators it states (tests/test_prose_synth.py reads them through the pipeline).

A plan (title naming its period, a review section, a 发展目标 chapter, a 专栏 box, tasks) combines,
independently and by a fixed seed:
- levels after a target year (`到2025年，` `力争到2025年底，` `到“十四五”末，`): `X达到 / 提高到 / 超过 / 不低于 / 控制在 / 稳定在 / 保持在 V
  单位(以上 / 以下 / 以内 / 左右)`, several clauses to a sentence, a place (全市) before the first;
- changes from a base: `X由2020年的A提高到B`, and the same with both years printed and no year phrase;
- several names, one verb: `X、Y和Z分别达到A、B和C`, `X达到A、Y B、Z C以上`; one name, two years: `到2025年和2030年，X分别
  不低于25%和35%` (one indicator, a target each year);
- changes that set no level: `下降15%`, `年均增长6%左右`, `比2020年提高5个百分点`, `累计减少8%`, and
  amounts in Chinese numerals (`下降三成`, `比2020年增长一倍`);
- counts of things built (`建成12个社区医院` → 社区医院数);
- a year phrase that opens a list (`到2025年，主要目标是：`) whose items, numbered a level below the
  section, state a target each, now and then after a run-in title (`（一）群众获得感明显增强。X达到…`);
- natures in brackets after a value (`（约束性）`, `〔预期性〕`);
- units %, ‰, 岁, 人, 张, 个, 件, 平方米, /10万, 万人 and 亿元 (the magnitude scales the value, the
  measure word is the unit), digits now and then full-width;
- a 专栏 box whose items each name their year;
- the plan's horizon (`到2035年，X达到…`) restating an indicator of the target year: its own
  indicator (a sentence's targets are that sentence's, ../shared/spec/output.md);
- a review of the last period whose changes (`由2015年的72.6岁提高到2020年的74.1岁`, or 从…) and
  levels for its last year (`截至2020年底，X达到A，Y和Z分别为B和C`) are results reached (status
  achieved), never targets.

The expected indicators follow from what was printed, by the rules the README states for prose
(name without a place or a lead word, value in the printed unit, op from the words around it),
never from the program's output. Sentences that state nothing (`到2025年，体系更加完善。`, tasks
with numbers but no target year) are printed too: they give no indicator.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Optional

CN = "一二三四五六七八九十"
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
# what a reader makes of them in the normalized text a raw is quoted from: full-width digits and
# their point are ASCII, ％ stays (README: the code-point layer)
AS_READ = str.maketrans("０１２３４５６７８９．", "0123456789.")
MAGNITUDES = {"万": 10000, "亿": 100000000}


@dataclass(frozen=True)
class Kind:
    """An indicator a plan may set: its name, printed unit, a plausible range, decimals printed
    and the way it should move (up: 提高到, down: 控制在 / 下降到)."""
    name: str
    unit: str
    low: float
    high: float
    decimals: int
    up: bool = True


LEVELS = [
    Kind("人均预期寿命", "岁", 77, 82, 1), Kind("健康预期寿命", "岁", 68, 72, 1),
    Kind("婴儿死亡率", "‰", 2.5, 6, 1, False), Kind("5岁以下儿童死亡率", "‰", 3, 8, 1, False),
    Kind("孕产妇死亡率", "/10万", 8, 16, 0, False), Kind("肺结核发病率", "/10万", 30, 55, 0, False),
    Kind("居民健康素养水平", "%", 25, 40, 0), Kind("经常参加体育锻炼人数比例", "%", 38, 45, 0),
    Kind("每千人口医疗卫生机构床位数", "张", 5.5, 8, 1), Kind("每千人口执业（助理）医师数", "人", 2.8, 4, 2),
    Kind("每千人口注册护士数", "人", 3.2, 4.5, 2), Kind("每万人口全科医生数", "人", 3, 5, 1),
    Kind("人均体育场地面积", "平方米", 2.2, 2.8, 1), Kind("城镇新增就业人数", "万人", 3, 12, 1),
    Kind("地区生产总值", "亿元", 1200, 3500, 0), Kind("森林覆盖率", "%", 35, 65, 1),
    Kind("常住人口城镇化率", "%", 55, 70, 1), Kind("空气质量优良天数比率", "%", 85, 95, 1),
    Kind("研究与试验发展经费投入强度", "%", 1.8, 3, 1), Kind("每万人口发明专利拥有量", "件", 8, 20, 1),
    Kind("普惠性幼儿园覆盖率", "%", 80, 90, 0), Kind("养老机构护理型床位占比", "%", 55, 65, 0),
    Kind("城市生活垃圾回收利用率", "%", 35, 40, 0), Kind("县域内就诊率", "%", 90, 95, 0),
    Kind("个人卫生支出占卫生总费用的比重", "%", 25, 28, 0, False), Kind("农村自来水普及率", "%", 90, 99, 0),
    Kind("每千人口拥有3岁以下婴幼儿托位数", "个", 3, 4.5, 1), Kind("重点人群家庭医生签约服务覆盖率", "%", 75, 85, 0),
    Kind("城镇调查失业率", "%", 5, 5.5, 1, False), Kind("二级以上综合医院设置老年医学科比例", "%", 60, 80, 0),
]
# indicators plans set as a change from the base year only
CHANGES = [("单位地区生产总值能耗", False), ("单位地区生产总值二氧化碳排放", False), ("化学需氧量排放总量", False),
           ("城乡居民人均可支配收入", True), ("规模以上工业增加值", True), ("社会消费品零售总额", True),
           ("一般公共预算收入", True), ("重大慢性病过早死亡率", False), ("农村居民人均可支配收入", True)]
# things a plan counts by building them: (thing, measure word)
BUILT = [("社区医院", "所"), ("城市书房", "个"), ("口袋公园", "个"), ("区域医疗中心", "个"), ("标准化村卫生室", "个"),
         ("智慧健康养老示范社区", "个"), ("5G基站", "座"), ("乡镇综合文化站", "个")]
PLACES = ["临江市", "东平县", "青山区", "南川市", "白河县"]
SUBJECTS = ["卫生健康事业", "国民经济和社会", "全民健身", "生态环境保护", "公共服务"]
# clauses and sentences that state no target
VAGUE = ["医疗卫生服务体系更加完善", "群众获得感明显增强", "治理能力显著提升", "城乡发展更加协调",
         "生态环境持续改善", "公共服务水平明显提高"]
TASK_LINES = ["新建10个社区卫生服务站，改造提升20个村卫生室。", "每年组织2次应急演练，开展5期培训。",
              "完善疾病预防控制体系，提高应急处置能力。", "加快推进老旧小区改造，完善配套设施。",
              "统筹用好各类资金，引导社会资本参与。"]
# sentences with a number after a verb that set no indicator's level: the number modifies a noun
# (…达78岁的目标), or values for things the sentence does not name (达到2级和3级)
NOT_LEVELS = ["提前实现上一规划确定的预期寿命达78岁的目标", "二级和三级医院智慧服务平均级别力争达到2级和3级"]
NATURES = ["预期性", "约束性"]
PREVIOUS = {"“十四五”": "“十三五”时期", "“十五五”": "“十四五”期间"}   # the period a plan reviews


@dataclass
class Want:
    """One indicator the plan states."""
    name: str
    unit: Optional[str]
    targets: list[tuple]                  # (raw, op, value, high, year), ascending by year
    baseline: Optional[tuple] = None      # (raw, op, value, year)
    nature: Optional[str] = None
    status: str = "target"
    form: str = ""                        # how it was printed, for messages


@dataclass
class Plan:
    seed: int
    text: str
    wants: list[Want]
    forms: list[str] = field(default_factory=list)


@dataclass
class _Value:
    printed: str          # number and unit as printed (no comparator word)
    value: Optional[float]
    unit: Optional[str]


class _Writer:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used: set[str] = set()
        self.full_width = self.rng.random() < 0.15   # a plan that prints its values' digits full-width
        self.base = 0                                 # the base year of the plan's changes

    # -- numbers -----------------------------------------------------------------------------
    def number(self, k: Kind, low: Optional[float] = None, high: Optional[float] = None) -> str:
        low = k.low if low is None else low
        high = k.high if high is None else high
        v = round(self.rng.uniform(low, high), k.decimals)
        text = f"{v:.{k.decimals}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text

    def value(self, number: str, unit: str) -> _Value:
        """A number with its unit as printed, and what it reads as (a magnitude scales the value)."""
        v = float(number)
        read_unit = unit
        if unit[:1] in MAGNITUDES and len(unit) > 1:
            v, read_unit = float(int(round(v * MAGNITUDES[unit[0]]))) if v * MAGNITUDES[unit[0]] == int(
                v * MAGNITUDES[unit[0]]) else v * MAGNITUDES[unit[0]], unit[1:]
        printed = number + unit
        if self.full_width:
            printed = number.translate(FULL_WIDTH) + unit.translate(FULL_WIDTH)
        return _Value(printed, v, read_unit)

    def kind(self, pool=LEVELS) -> Kind:
        for _ in range(100):
            k = self.rng.choice(pool)
            if k.name not in self.used:
                self.used.add(k.name)
                return k
        raise RuntimeError("pool exhausted")

    def nature(self) -> tuple[str, Optional[str]]:
        """A nature in brackets after a value, now and then."""
        if self.rng.random() < 0.3:
            n = self.rng.choice(NATURES)
            return self.rng.choice([f"（{n}）", f"〔{n}〕"]), n
        return "", None

    # -- clauses -----------------------------------------------------------------------------
    def level(self, k: Kind, year: int, place: str = "") -> tuple[str, Want]:
        """`X达到V单位以上`: a level with the verb and the words around it."""
        r = self.rng
        if k.up:
            verb, suffix, op = r.choice([("达到", "", "="), ("达到", "以上", ">="), ("达到", "左右", "~"),
                                         ("提高到", "", "="), ("提高到", "以上", ">="), ("超过", "", ">"),
                                         ("不低于", "", ">="), ("稳定在", "", "="), ("稳定在", "左右", "~"),
                                         ("保持在", "以上", ">="), ("提升至", "", "=")])
        else:
            verb, suffix, op = r.choice([("控制在", "", "<="), ("控制在", "以下", "<="), ("控制在", "以内", "<="),
                                         ("控制在", "左右", "~"), ("下降到", "", "="), ("降至", "以下", "<="),
                                         ("不高于", "", "<="), ("低于", "", "<"), ("保持在", "以下", "<=")])
        n = self.number(k)
        v = self.value(n, k.unit)
        tail, nature = self.nature()
        raw = v.printed + suffix
        high = None
        if op == "=" and k.unit[:1] not in MAGNITUDES and r.random() < 0.15:   # a range: 达到80—85%, 4—5人
            top = self.value(self.number(k, float(n) + 1, k.high + 2), k.unit)
            low = n.translate(FULL_WIDTH) if self.full_width else n
            raw, op, high = f"{low}{r.choice(['—', '-', '～'])}{top.printed}", "range", top.value
        way = r.choice(["", "", "", "力争", "进一步", "稳步", "持续"]) if verb not in ("不低于", "不高于", "低于", "超过") else ""
        want = Want(k.name, v.unit, [(raw, op, v.value, high, year)], nature=nature, form=f"level {way}{verb}{suffix}")
        # the change that level makes, its subject left out: no indicator of its own
        since = f"，比{self.base}年{'提高' if k.up else '下降'}{r.randint(1, 5)}个百分点" \
            if k.unit == "%" and not tail and r.random() < 0.15 else ""
        return f"{place}{k.name}{way}{verb}{raw}{tail}{since}", want

    def run_of_levels(self, year: int) -> tuple[str, list[Want]]:
        """`X达到90%、Y95%、Z90%以上`: the first clause's verb sets the names after it."""
        r = self.rng
        verb = r.choice(["达到", "提高到"])
        parts, wants = [], []
        for j in range(r.randint(2, 3)):
            k = self.kind([k for k in LEVELS if k.up and k.unit[:1] not in MAGNITUDES])
            v = self.value(self.number(k), k.unit)
            suffix, op = r.choice([("", "="), ("", "="), ("以上", ">=")])
            parts.append(f"{k.name}{verb if j == 0 else ''}{v.printed}{suffix}")
            wants.append(Want(k.name, v.unit, [(v.printed + suffix, op, v.value, None, year)], form="run of levels"))
        return "、".join(parts), wants

    def from_to(self, k: Kind, base_year: Optional[int], year: Optional[int], year_printed: bool,
                status: str = "target", mark: str = "由") -> tuple[str, Want]:
        """`X由(2020年的)A提高到(2025年的)B`."""
        a, b = sorted([float(self.number(k)), float(self.number(k))])
        while a == b:
            b = float(self.number(k))
            a, b = min(a, b), max(a, b)
        if not k.up:
            a, b = b, a
        fmt = lambda x: (f"{x:.{k.decimals}f}".rstrip("0").rstrip(".") if k.decimals else f"{x:.0f}")  # noqa: E731
        va, vb = self.value(fmt(a), k.unit), self.value(fmt(b), k.unit)
        verb = self.rng.choice(["提高到", "提升到", "增加到"] if k.up else ["下降到", "降低到", "降至"])
        to = f"{year}年的" if year_printed else ""
        tail, nature = self.nature() if status == "target" else ("", None)
        since = f"{base_year}年的" if base_year else ""
        text = f"{k.name}{mark}{since}{va.printed}{verb}{to}{vb.printed}{tail}"
        want = Want(k.name, vb.unit, [(vb.printed, "=", vb.value, None, year)],
                    baseline=(va.printed, "=", va.value, base_year), nature=nature, status=status,
                    form=f"from_to {mark}…{verb}{'(year)' if year_printed else ''}")
        return text, want

    def change(self, year: int, base_year: int) -> tuple[str, Want]:
        """A change with no level: `下降15%`, `年均增长6%左右`, `比2020年提高5个百分点`, `下降三成`."""
        r = self.rng
        name, up = r.choice([c for c in CHANGES if c[0] not in self.used])
        self.used.add(name)
        verb = "增长" if up else r.choice(["下降", "降低", "减少"])
        form = r.choice(["plain", "annual", "cumulative", "points", "chinese", "times"] if up else
                        ["plain", "annual", "cumulative", "points", "chinese"])
        if form == "points":   # a share: the change is in percentage points
            k = self.kind([k for k in LEVELS if k.unit == "%"])
            name, verb = k.name, "提高" if k.up else "下降"
            phrase = f"比{base_year}年{verb}{r.randint(2, 6)}个百分点"
            unit = "个百分点"
        elif form == "chinese":
            phrase, unit = f"{verb}{r.choice(['一', '两', '三'])}成", "%"
        elif form == "times":   # 比2020年增长一倍
            phrase, unit = f"比{base_year}年{verb}一倍", "倍"
        else:
            lead = {"plain": "", "annual": "年均", "cumulative": "累计"}[form]
            amount = f"{r.randint(3, 18)}" if form != "annual" else f"{r.choice([5, 6, 6.5, 7, 7.5, 8])}"
            amount = amount.translate(FULL_WIDTH) if self.full_width else amount
            suffix = r.choice(["", "左右", "以上"]) if form != "cumulative" else ""
            phrase = f"{lead}{verb}{amount}{'％' if self.full_width else '%'}{suffix}"
            unit = "%"
        tail, nature = self.nature()
        want = Want(name, unit, [(phrase, "trend", None, None, year)], nature=nature, form=f"change {form}")
        return f"{name}{phrase}{tail}", want

    def built(self, year: int) -> tuple[str, Want]:
        """`建成12个社区医院` → 社区医院数."""
        thing, measure = self.rng.choice([b for b in BUILT if b[0] not in self.used])
        self.used.add(thing)
        n = str(self.rng.randint(3, 30))
        qual, more, op = self.rng.choice([("", "", "="), ("不少于", "", ">="), ("", "以上", ">=")])
        raw = f"{qual}{n}{measure}{more}"
        text = f"{self.rng.choice(['建成', '新建', '建设'])}{raw}{thing}"
        return text, Want(f"{thing}数", measure, [(raw, op, float(n), None, year)], form="built")

    def respectively(self, year: int) -> tuple[str, list[Want]]:
        """`X、Y和Z分别达到A、B和C`: names of one kind of unit."""
        r = self.rng
        unit = r.choice(["%", "人", "%"])
        pool = [k for k in LEVELS if (k.unit == unit or (unit == "人" and k.unit == "张")) and k.up]
        n = r.choice([2, 2, 3])
        kinds = []
        for _ in range(n):
            left = [k for k in pool if k.name not in self.used]
            if not left:
                break
            kinds.append(self.kind(left))
        if len(kinds) < 2:
            return self.level(kinds[0], year) if kinds else ("", [])  # type: ignore[return-value]
        verb, op = r.choice([("达到", "="), ("不低于", ">="), ("提高到", "=")])
        values = [self.value(self.number(k), k.unit) for k in kinds]
        names = "、".join(k.name for k in kinds[:-1]) + "和" + kinds[-1].name
        vals = "、".join(v.printed for v in values[:-1]) + r.choice(["和", "、"]) + values[-1].printed
        wants = [Want(k.name, v.unit, [(v.printed, op, v.value, None, year)], form=f"respectively {verb}")
                 for k, v in zip(kinds, values)]
        return f"{names}分别{verb}{vals}", wants

    def two_years(self, year: int, later: int) -> tuple[str, Want]:
        """`到2025年和2030年，X分别不低于25%和35%`: one indicator, a target per year."""
        k = self.kind([k for k in LEVELS if k.up])
        a, b = sorted(float(self.number(k)) for _ in range(2))
        while a == b:
            b = float(self.number(k, k.high, k.high * 1.1))
        fmt = lambda x: (f"{x:.{k.decimals}f}".rstrip("0").rstrip(".") if k.decimals else f"{x:.0f}")  # noqa: E731
        va, vb = self.value(fmt(a), k.unit), self.value(fmt(b), k.unit)
        verb, op = self.rng.choice([("达到", "="), ("不低于", ">="), ("提高到", "=")])
        text = f"到{year}年和{later}年，{k.name}分别{verb}{va.printed}和{vb.printed}。"
        return text, Want(k.name, vb.unit, [(va.printed, op, va.value, None, year), (vb.printed, op, vb.value, None, later)],
                          form="two years")


def _period(rng: random.Random) -> tuple[str, int, int, int, int]:
    """(title words, first year, target year, horizon, the review's base year)."""
    return rng.choice([("“十四五”", 2021, 2025, 2035, 2015), ("“十五五”", 2026, 2030, 2035, 2020),
                       ("（2024—2027年）", 2024, 2027, 2030, 2018)])


class _Outline:
    def __init__(self, rng: random.Random):
        self.chapter = rng.choice(["第一章", "一、"])
        self.c = 0
        self.s = 0

    def chapter_line(self, title: str) -> str:
        self.c += 1
        self.s = 0
        return f"第{CN[self.c - 1]}章 {title}" if self.chapter == "第一章" else f"{CN[self.c - 1]}、{title}"

    def section_line(self, title: str) -> str:
        self.s += 1
        return f"{CN[self.s - 1]}、{title}" if self.chapter == "第一章" else f"（{CN[self.s - 1]}）{title}"

    def item(self, k: int) -> str:
        """The number of a list item a level below the sections."""
        return f"（{CN[k]}）" if self.chapter == "第一章" else f"{k + 1}."


def generate(seed: int) -> Plan:
    w = _Writer(seed)
    r = w.rng
    period, first, year, horizon, base = _period(r)
    w.base = first - 1
    place = r.choice(PLACES)
    subject = r.choice(SUBJECTS)
    title = f"{place}{period}{subject}发展规划" if period.startswith("“") else f"{place}{subject}提升行动方案{period}"
    o = _Outline(r)
    lines = [title, "", f"为推动{subject}高质量发展，根据有关规划，结合{place}实际，制定本规划。", ""]
    wants: list[Want] = []
    forms: list[str] = []
    area = place[-1]

    # -- review: results reached, never targets ---------------------------------------------------
    lines.append(o.chapter_line("发展基础"))
    lines.append(o.section_line(r.choice(["发展成就", "上一时期发展回顾", "取得的成效"])))
    # both years printed; the result's year opening the sentence (2020年，); no year at all
    how = r.choice(["years", "years", "result year", "no year"])
    done = []
    for _ in range(r.randint(1, 3)):
        k = w.kind()
        mark = r.choice(["由", "由", "从"])
        if how == "years":
            text, want = w.from_to(k, base, first - 1, True, status="achieved", mark=mark)
        elif how == "result year":
            text, want = w.from_to(k, base, first - 1, False, status="achieved", mark=mark)
        else:
            text, want = w.from_to(k, None, None, False, status="achieved", mark=mark)
        done.append(text)
        wants.append(want)
    opening = {"years": f"过去五年，全{area}{subject}取得显著成效。", "result year": f"{first - 1}年，",
               "no year": f"{PREVIOUS.get(period, '过去五年')}，全{area}{subject}取得显著成效，"}[how]
    lines.append(opening + "，".join(done) + "。" + r.choice(TASK_LINES))
    if r.random() < 0.6:   # levels reached by the review's last year: 截至2020年底，X达到A，Y、Z分别为B、C
        reached = []
        for _ in range(r.randint(1, 2)):
            k = w.kind()
            v = w.value(w.number(k), k.unit)
            suffix, op = r.choice([("", "="), ("", "="), ("以上", ">=")])
            reached.append(f"{k.name}{r.choice(['达到', '达'])}{v.printed}{suffix}")
            wants.append(Want(k.name, v.unit, [(v.printed + suffix, op, v.value, None, first - 1)], status="achieved",
                              form="review level"))
        if r.random() < 0.5:
            ks = [w.kind([k for k in LEVELS if k.unit == "%"]) for _ in range(2)]
            vs = [w.value(w.number(k), k.unit) for k in ks]
            reached.append(f"{ks[0].name}和{ks[1].name}分别为{vs[0].printed}和{vs[1].printed}")
            wants += [Want(k.name, v.unit, [(v.printed, "=", v.value, None, first - 1)], status="achieved",
                           form="review 分别为") for k, v in zip(ks, vs)]
        leads = [f"截至{first - 1}年底，全{area}", f"到{first - 1}年，", f"{first - 1}年，全{area}"]
        if period in PREVIOUS:
            leads.append(f"截至{PREVIOUS[period][:-2]}末，")
        lead = r.choice(leads)
        if r.random() < 0.3:
            reached.append(NOT_LEVELS[0])
        lines.append(lead + "，".join(reached) + "。")
    w.used = set()   # the goals may set the indicators the review reports
    lines.append(o.section_line("面临的形势"))
    lines.append("发展不平衡不充分问题依然存在，优质资源总量不足。")

    # -- goals -----------------------------------------------------------------------------------
    lines.append(o.chapter_line(r.choice(["发展目标", "总体要求和发展目标"])))
    lines.append(o.section_line("总体目标"))
    lines.append(f"到{year}年，{r.choice(VAGUE)}，{r.choice(VAGUE)}。展望{horizon}年，基本实现现代化。")
    lines.append(o.section_line("主要目标"))

    def sentence(n_clauses: int) -> tuple[str, list[Want]]:
        parts, ws = [], []
        for j in range(n_clauses):
            form = r.choice(["level", "level", "level", "from_to", "change", "built", "vague", "run"])
            if form == "run":
                text, run = w.run_of_levels(year)
                parts.append(text)
                ws += run
                continue
            if form == "level":
                text, want = w.level(w.kind(), year, place=f"全{area}" if j == 0 and r.random() < 0.3 else "")
            elif form == "from_to":
                text, want = w.from_to(w.kind(), first - 1, year, False)
            elif form == "change":
                text, want = w.change(year, first - 1)
            elif form == "built":
                text, want = w.built(year)
            else:
                parts.append(r.choice(VAGUE + NOT_LEVELS[1:2]))
                continue
            parts.append(text)
            ws.append(want)
        return "，".join(parts), ws

    # a paragraph of sentences under one year phrase, the first now and then stating nothing
    para = f"{r.choice(['到', '到', '力争到', '至'])}{year}年{r.choice(['', '', '底'])}，"
    if period.startswith("“") and r.random() < 0.25:   # the period's end names the target year
        para = f"到{period}{r.choice(['末', '期末'])}，"
    if r.random() < 0.4:
        para += f"{r.choice(VAGUE)}。"
        text, ws = sentence(r.randint(1, 3))
        para += text + "。"
    else:
        text, ws = sentence(r.randint(1, 3))
        para += text + "。"
    wants += ws
    if r.random() < 0.6:
        text, ws = w.respectively(year)
        if r.random() < 0.4:   # in the sentence before, after its clauses
            para = para[:-1] + "，" + text + "。"
        else:
            para += text + "。"
        wants += ws
        forms.append("respectively")
    lines.append(para)
    if r.random() < 0.5:
        text, want = w.two_years(year, horizon)
        lines.append(text)
        wants.append(want)
        forms.append("two years")
    if r.random() < 0.4:   # both years printed, no year phrase
        text, want = w.from_to(w.kind(), first - 1, year, True)
        lines.append(f"{text}。")
        wants.append(want)
    if r.random() < 0.6:   # a list under a colon
        lines.append(f"到{year}年，{r.choice(['主要目标是', '实现以下目标', '力争实现以下目标'])}：")
        k = 0
        for _ in range(r.randint(2, 4)):
            text, ws = sentence(1)
            if not ws:
                continue
            lead = f"{r.choice(VAGUE)}。" if r.random() < 0.3 else ""   # a run-in title before the target
            lines.append(f"{o.item(k)}{lead}{text}{r.choice(['。', '；'])}")
            k += 1
            wants += ws
        forms.append("list")
    if r.random() < 0.5:   # the horizon restates an indicator of the target year
        again = next((x for x in wants if x.status == "target" and len(x.targets) == 1 and x.targets[0][1] != "trend"
                      and x.form.startswith("level")), None)
        if again is not None:
            k = next(k for k in LEVELS if k.name == again.name)
            raw, op, value, _, _ = again.targets[0]
            later = w.value(w.number(k, k.high, k.high * 1.05) if k.up else w.number(k, k.low * 0.9, k.low), k.unit)
            verb, op2 = ("达到", "=") if k.up else ("控制在", "<=")
            lines.append(f"展望{horizon}年，{r.choice(VAGUE)}。到{horizon}年，{k.name}{verb}{later.printed}。")
            wants.append(Want(k.name, later.unit, [(later.printed, op2, later.value, None, horizon)], form="horizon"))
            forms.append("horizon")

    # -- a box of targets ------------------------------------------------------------------------
    if r.random() < 0.6:
        lines.append("")
        lines.append(f"专栏1 {r.choice(['主要发展指标', '重点目标', '主要目标'])}")
        for k in range(r.randint(2, 3)):
            text, want = w.level(w.kind(), year)
            lines.append(f"{k + 1}.到{year}年，{text}。")
            wants.append(want)
        lines.append("")
        forms.append("box")

    # -- tasks: numbers, no target year ----------------------------------------------------------
    lines.append(o.chapter_line("主要任务"))
    lines.append(o.section_line("完善服务体系"))
    lines.append("".join(r.sample(TASK_LINES, 2)))
    lines.append(o.chapter_line("保障措施"))
    lines.append("加强组织领导，强化督促检查，确保各项目标任务落到实处。")
    for x in wants:   # a raw is quoted from the normalized text
        x.targets = [(t[0].translate(AS_READ),) + tuple(t[1:]) for t in x.targets]
        if x.baseline:
            x.baseline = (x.baseline[0].translate(AS_READ),) + x.baseline[1:]
    forms += sorted({x.form.split()[0] for x in wants})
    return Plan(seed, "\n".join(lines) + "\n", wants, sorted(set(forms)))


if __name__ == "__main__":   # python tests/synth_prose.py SEED: print a plan and what it states
    import sys
    plan = generate(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print(plan.text)
    for x in plan.wants:
        print(x)
