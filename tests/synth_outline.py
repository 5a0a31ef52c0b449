"""Invented plans whose headings a converter damaged — the held-out set for the outline.

`generate(seed)` writes a small plan (title, then two or three levels of numbered headings with a
body paragraph under each) in one of several numbering schemes, and damages its headings the ways
real converters do, each heading at random:

- `dash_one`: 一 printed as a dash by a font's mapping (`—、`, `（—）`);
- `close_mark`: a bracketed number's closing bracket printed as another mark (`（三〉`);
- `lost_open`: the opening bracket dropped (`二）`);
- `zero_width`: a zero-width space or a byte-order mark before the number;
- `spaced_number`: spaces inside the number (`（ 一 ）`, `一 、`, `1 .`);
- `full_width`: full-width digits and brackets (`１．`, `（１）`);
- `half_width`: half-width brackets (`(一)`);
- `title_text`: the title, a space, then the body's first sentence on the same line;
- `run_in`: the title closed by `。` with the body run into the line (`（一）加强…。正文`);
- `wrapped`: a long title cut after 的 onto the next line;
- `label_tab`: a tab between the number and the title (a word processor's text export);
- `split_chapter`: `第一章` alone on its line, the title on the next;

and, over the whole document, blank lines between paragraphs or none, and page numbers (`— 3 —`)
between paragraphs. The expected outline (level, number as the contract prints it, title) comes
from the generator's own choices, never from the program.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

CN = "一二三四五六七八九十"
FULL = str.maketrans("0123456789.()", "０１２３４５６７８９．（）")

VERBS = ["加快", "推进", "提升", "加强", "深化", "完善", "推动", "强化", "健全", "优化", "促进", "全面"]
OBJECTS = ["现代产业体系建设", "城乡融合发展", "公共服务水平", "生态环境保护", "重点领域改革", "对外开放合作",
           "社会保障体系", "文化繁荣发展", "科技创新支撑", "基层治理体系", "营商环境建设", "就业创业服务",
           "现代农业发展", "智慧城市建设", "医疗卫生服务能力", "教育现代化", "粮食安全保障", "交通基础设施建设",
           "绿色低碳转型", "安全生产监管"]
TITLES = [v + o for v in VERBS for o in OBJECTS]
LONG_TITLES = ["坚持生态优先绿色发展加快建设人与自然和谐共生的现代化美丽城市",
               "坚持以人民为中心的发展思想加快建设共建共治共享的社会治理新格局",
               "坚持创新驱动发展全面塑造发展新优势加快建设具有区域影响力的科技创新中心"]
BODIES = ["全市上下要统一思想，狠抓落实，确保各项工作取得实效。", "要坚持问题导向，补齐短板弱项，推动高质量发展。",
          "各地要结合实际，细化工作措施，明确责任分工。", "到2025年，相关工作取得明显成效，群众满意度持续提升。",
          "加大资金投入力度，完善配套政策，强化要素保障。", "充分发挥市场作用，引导社会资本积极参与。"]

# numbering schemes: the style of each level, top first
SCHEMES = [["zhang", "cn", "cn_paren"], ["cn", "cn_paren", "arabic"], ["cn", "cn_paren"],
           ["zhang", "jie", "cn"], ["cn", "arabic", "arabic_paren"]]
QUIRKS = ["dash_one", "close_mark", "lost_open", "zero_width", "spaced_number", "full_width", "half_width",
          "title_text", "run_in", "wrapped", "label_tab", "split_chapter"]


@dataclass
class Plan:
    text: str
    outline: list[tuple[int, str, str]] = field(default_factory=list)
    quirks: set[str] = field(default_factory=set)


def _number(style: str, k: int) -> tuple[str, str]:
    """(as printed, as the contract gives it) for the k-th (1-based) number of a style."""
    cn = CN[k - 1] if k <= 10 else "十" + CN[k - 11]
    return {
        "zhang": (f"第{cn}章", f"第{cn}章"), "jie": (f"第{cn}节", f"第{cn}节"),
        "cn": (f"{cn}、", cn), "cn_paren": (f"（{cn}）", f"（{cn}）"),
        "arabic": (f"{k}.", str(k)), "arabic_paren": (f"（{k}）", f"（{k}）"),
    }[style]


def _damage(rng: random.Random, style: str, k: int, printed: str, title: str, body: str,
            plan: Plan, siblings: int) -> tuple[list[str], bool]:
    """The heading's lines as a converter printed them, and whether the body is already in them."""
    quirk = rng.choice(QUIRKS + ["none"] * 6)
    if quirk == "dash_one" and k == 1 and siblings >= 2 and style in ("cn", "cn_paren"):
        printed = printed.replace("一", "—")
    elif quirk == "close_mark" and k >= 2 and style == "cn_paren":
        printed = printed[:-1] + "〉"
    elif quirk == "lost_open" and k >= 2 and style == "cn_paren":
        printed = printed[1:]
    elif quirk == "zero_width":
        printed = rng.choice(["\u200b", "\ufeff"]) + printed
    elif quirk == "spaced_number" and style in ("cn", "cn_paren", "arabic"):
        printed = {"cn": printed[:-1] + " 、", "cn_paren": "（ " + printed[1:-1] + " ）",
                   "arabic": printed[:-1] + " ."}[style]
    elif quirk == "full_width" and style in ("arabic", "arabic_paren"):
        printed = printed.translate(FULL)
    elif quirk == "half_width" and style in ("cn_paren", "arabic_paren"):
        printed = "(" + printed[1:-1] + ")"
    elif quirk == "title_text" and style not in ("zhang", "jie"):
        plan.quirks.add(quirk)
        return [f"{printed}{title} {body}"], True
    elif quirk == "run_in" and style not in ("zhang", "jie"):
        plan.quirks.add(quirk)
        return [f"{printed}{title}。{body}"], True
    elif quirk == "wrapped" and style not in ("zhang", "jie") and "的" in title:
        plan.quirks.add(quirk)
        cut = title.index("的") + 1
        return [f"{printed}{title[:cut]}", title[cut:]], False
    elif quirk == "label_tab":
        plan.quirks.add(quirk)
        return [f"{printed}\t{title}"], False
    elif quirk == "split_chapter" and style in ("zhang", "jie"):
        plan.quirks.add(quirk)
        return [printed, title], False
    else:
        quirk = "none"
    if quirk != "none":
        plan.quirks.add(quirk)
    return [f"{printed}{title}"], False


def generate(seed: int) -> Plan:
    rng = random.Random(seed)
    scheme = rng.choice(SCHEMES)
    place = rng.choice(["临川市", "江城市", "云海县", "北山区"])
    plan = Plan(text="")
    lines: list[str] = [f"{place}“十四五”{rng.choice(['经济社会', '生态环境', '公共服务', '城乡建设'])}发展规划"]
    titles = iter(rng.sample(TITLES, len(TITLES)))
    long_titles = iter(rng.sample(LONG_TITLES, len(LONG_TITLES)))

    def heading(level: int, k: int, siblings: int) -> None:
        style = scheme[level - 1]
        printed, number = _number(style, k)
        title = next(long_titles, None) if rng.random() < 0.15 and style not in ("zhang", "jie") else None
        title = title or next(titles)
        body = "".join(rng.sample(BODIES, rng.randint(1, 3)))   # paragraphs of varied length, as printed
        heading_lines, has_body = _damage(rng, style, k, printed, title, body, plan, siblings)
        lines.extend(heading_lines)
        plan.outline.append((level, number, title))
        if not has_body and (level == len(scheme) or rng.random() < 0.5):
            lines.append(body)
        if level < len(scheme):
            n = rng.randint(2, 3)
            for j in range(1, n + 1):
                heading(level + 1, j, n)

    top = rng.randint(2, 3)
    for k in range(1, top + 1):
        heading(1, k, top)
    blank = rng.random() < 0.5
    out: list[str] = []
    page = 1
    for i, line in enumerate(lines):
        out.append(line)
        if i and i % 12 == 0 and rng.random() < 0.5 and not _inside_heading(lines, i):
            page += 1
            out += ["", f"— {page} —", ""] if blank else [f"— {page} —"]
            plan.quirks.add("page_number")
        elif blank:
            out.append("")
    plan.text = "\n".join(out) + "\n"
    return plan


def _inside_heading(lines: list[str], i: int) -> bool:
    """A page number never stands between a heading and its second line (a split or wrapped title)."""
    return i + 1 < len(lines) and (lines[i].startswith("第") and len(lines[i]) <= 5 or lines[i].endswith("的"))
