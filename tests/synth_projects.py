"""Invented plans that list their projects every way plans print them — the held-out set for projects.

`generate(seed)` writes a small plan whose 重大工程 chapter lists projects in two or three of these
forms, chosen at random, each project with an invented name, content, budget (万元 or 亿元) and
sometimes a start:

- `box_numbered`: a 专栏 of `1.name：content，总投资X亿元。` items;
- `box_sentence`: a 专栏 of `name。content` items (no closing mark);
- `box_bracket`: a 专栏 of `【name】content` items;
- `box_records`: a 专栏 of records, `项目名称：` / `建设内容：` / `总投资：` / `建设年限：` lines;
- `box_semicolon`: a 专栏 of one paragraph, `name，投资X；name，投资Y。`;
- `programmes`: `（一）name。content` paragraphs of the chapter itself;
- `table_pipe` / `table_tabs`: a project table (序号 | 项目名称 | 建设内容 | 总投资（万元） | 建设年限),
  as Markdown pipes or tab-separated rows, under a caption;
- `enumeration`: `重点建设A、B和C等项目。` under a section heading.

The expected projects (name, where: box/text/table, box number, budget in 万元, start) come from the
generator's own choices, never from the program.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Optional

PLACES = ["县城", "城北", "滨江", "东湖", "西山", "南港", "青川", "云海", "临川", "北山"]
THINGS = ["人民医院", "中医医院", "妇幼保健院", "疾控中心实验室", "综合客运枢纽", "污水处理厂", "体育中心",
          "职业教育园区", "图书馆新馆", "养老服务中心", "垃圾焚烧发电厂", "供水厂", "物流园", "游客服务中心",
          "急救指挥中心", "科技孵化基地", "数据中心", "湿地公园", "防洪堤", "高速公路连接线"]
WORKS = ["迁建", "改扩建", "新建", "二期", "提质改造", "扩容", "建设"]
ENDS = ["项目", "工程"]
CONTENTS = ["新建业务用房2万平方米，配套建设附属设施", "改造提升主体建筑，购置设备一批", "新增床位500张，建设医技楼",
            "建设处理能力每日5万吨的设施及配套管网", "建设标准化场馆及室外活动场地", "建设智能化管理平台，完善配套设施"]
FORMS = ["box_numbered", "box_sentence", "box_bracket", "box_records", "box_semicolon", "programmes",
         "table_pipe", "table_tabs", "enumeration"]


@dataclass
class Expected:
    name: str
    kind: str                 # box | text | table
    box: Optional[str] = None
    wan: Optional[float] = None
    start: Optional[str] = None


@dataclass
class Plan:
    text: str
    projects: list[Expected] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)


def _names(rng: random.Random, n: int, used: set[str]) -> list[str]:
    out = []
    while len(out) < n:
        name = rng.choice(PLACES) + rng.choice(THINGS) + rng.choice(WORKS) + rng.choice(ENDS)
        if name not in used:
            used.add(name)
            out.append(name)
    return out


def _budget(rng: random.Random) -> tuple[str, float]:
    """(as printed, in 万元)."""
    if rng.random() < 0.5:
        yi = rng.choice([1.2, 2.5, 3.8, 5, 6.6, 12, 18.5])
        return f"{yi:g}亿元", yi * 10000
    wan = rng.choice([800, 1500, 3000, 4800, 6500, 9000])
    return f"{wan}万元", float(wan)


def generate(seed: int) -> Plan:
    rng = random.Random(seed)
    place = rng.choice(["临川市", "江城市", "云海县", "北山区"])
    forms = rng.sample(FORMS, rng.randint(2, 3))
    plan = Plan(text="", forms=forms)
    used: set[str] = set()
    lines = [f"{place}“十四五”基础设施建设规划", "", "第一章 发展基础", "",
             "“十三五”时期，全市基础设施建设取得明显成效。", "", "第二章 重大工程", ""]
    box = 0
    section = 0
    for form in forms:
        names = _names(rng, rng.randint(2, 4), used)
        section += 1
        heading = f"{'一二三四'[section - 1]}、{rng.choice(['交通', '社会事业', '生态环保', '城市更新'])}领域"
        if form.startswith("box_"):
            box += 1
            lines += [heading, "", f"专栏{box} {rng.choice(['重大建设项目', '重点工程', '重点项目'])}", ""]
            if form == "box_semicolon":
                parts = []
                for name in names:
                    printed, wan = _budget(rng)
                    parts.append(f"{name}，投资{printed}")
                    plan.projects.append(Expected(name, "box", str(box), wan))
                lines += ["；".join(parts) + "。", ""]
                continue
            for k, name in enumerate(names, 1):
                printed, wan = _budget(rng)
                content = rng.choice(CONTENTS)
                year = rng.choice([None, 2021, 2022, 2023])
                start = f"，{year}年开工" if year else ""
                if form == "box_numbered":
                    lines.append(f"{k}.{name}：{content}，总投资{printed}{start}。")
                elif form == "box_sentence":
                    lines.append(f"{name}。{content}，总投资{printed}{start}。")
                elif form == "box_bracket":
                    lines.append(f"【{name}】{content}，总投资{printed}{start}。")
                elif form == "box_records":
                    lines += [f"项目名称：{name}", f"建设内容：{content}。", f"总投资：{printed}"]
                    if year:
                        lines.append(f"建设年限：{year}—2025年")
                plan.projects.append(Expected(name, "box", str(box), wan, str(year) if year else None))
            lines.append("")
        elif form == "programmes":
            lines += [f"{heading}工程", ""]
            for k, name in enumerate(names, 1):
                printed, wan = _budget(rng)
                lines += [f"（{'一二三四'[k - 1]}）{name}。{rng.choice(CONTENTS)}，总投资{printed}。", ""]
                plan.projects.append(Expected(name, "text", None, wan))
        elif form.startswith("table_"):
            lines += [heading, "", f"表{section} 重大建设项目表", ""]
            header = ["序号", "项目名称", "建设内容", "总投资（万元）", "建设年限"]
            rows = []
            for k, name in enumerate(names, 1):
                wan = float(rng.choice([800, 1500, 3000, 4800, 6500, 9000, 56000]))
                year = rng.choice([2021, 2022, 2023])
                rows.append([str(k), name, rng.choice(CONTENTS), f"{wan:g}", f"{year}—2025"])
                plan.projects.append(Expected(name, "table", None, wan, str(year)))
            if form == "table_pipe":
                lines += ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
                lines += ["| " + " | ".join(r) + " |" for r in rows]
            else:
                lines += ["\t".join(header)] + ["\t".join(r) for r in rows]
            lines.append("")
        elif form == "enumeration":
            lines += [f"{heading}重大工程", ""]
            joined = "、".join(names[:-1]) + "和" + names[-1] if rng.random() < 0.5 else "、".join(names)
            lines += [f"重点建设{joined}等项目。", ""]
            plan.projects += [Expected(name, "text") for name in names]
    lines += ["第三章 保障措施", "", "加强组织领导，落实工作责任。", ""]
    plan.text = "\n".join(lines)
    return plan


if __name__ == "__main__":
    import sys
    p = generate(int(sys.argv[1]))
    print(p.text)
    for e in p.projects:
        print(e)
