"""Invented plan front matter every way documents print it — the held-out set for meta.

`generate(seed)` writes a plan's first page in one of three shapes, with random variations:

- `notice`: the issuing notice (`{issuer}关于印发{title}的通知`, on one line or wrapped over two), a
  文号 with 〔〕, [], ［］ or （） around its year, the addressees, one paragraph, the issuer's
  signature and date (Arabic or Chinese numerals), sometimes `（此件公开发布）`, then the plan's
  title (on one line or two) and its first heading;
- `web`: a government site's metadata block (索引号 / 发文机关 / 发文字号 / 成文日期 / 发布日期), as
  lines, then the title and the body;
- `plain`: the title and body, closed by `{issuer} {date}印发`.

The expected title, issuer, 文号 and ISO date come from the generator's own choices.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

PLACES = [("临川市", "临"), ("江城市", "江"), ("云海县", "云"), ("北山区", "北")]
OFFICES = [("人民政府", "政发"), ("人民政府办公室", "政办发"), ("发展和改革委员会", "发改"), ("卫生健康委员会", "卫健")]
SUBJECTS = ["养老服务体系建设", "卫生健康事业发展", "生态环境保护", "综合交通运输发展", "数字经济发展",
            "教育事业发展", "文化和旅游发展", "应急管理体系建设"]
CN_DIGITS = "〇一二三四五六七八九"
SHAPES = ["notice", "web", "plain"]


@dataclass
class Plan:
    text: str
    meta: dict
    shape: str


def _cn_year(year: int) -> str:
    return "".join(CN_DIGITS[int(d)] for d in str(year))


def _cn_number(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def generate(seed: int) -> Plan:
    rng = random.Random(seed)
    (place, short), (office, code) = rng.choice(PLACES), rng.choice(OFFICES)
    issuer = place + office
    title = f"{place}“十四五”{rng.choice(SUBJECTS)}规划"
    year, month, day = rng.choice([2021, 2022, 2023]), rng.randint(1, 12), rng.randint(1, 28)
    iso = f"{year}-{month:02d}-{day:02d}"
    n = rng.randint(1, 120)
    left, right = rng.choice([("〔", "〕"), ("[", "]"), ("［", "］"), ("（", "）")])
    doc_number = f"{short}{code}{left}{year}{right}{n}号"
    date = f"{year}年{month}月{day}日" if rng.random() < 0.5 else \
        f"{_cn_year(year)}年{_cn_number(month)}月{_cn_number(day)}日"
    shape = rng.choice(SHAPES)
    body = ["一、发展基础", "", "“十三五”时期，各项工作取得明显成效。", "", "二、总体要求", "", "坚持以人民为中心。", ""]
    blank = rng.random() < 0.5
    gap = [""] if blank else []
    if shape == "notice":
        notice_title = f"{issuer}关于印发{title}的通知"
        cut = rng.choice([None, len(issuer) + 4])
        lines = [notice_title] if cut is None else [notice_title[:cut], notice_title[cut:]]
        lines += gap + [doc_number] + gap + [f"各{rng.choice(['县（市、区）', '乡镇'])}人民政府，{place[-1]}直各部门："]
        lines += [f"现将《{title}》印发给你们，请结合实际认真贯彻落实。"] + gap
        lines += [issuer, date]
        if rng.random() < 0.5:
            lines += ["（此件公开发布）"]
        lines += gap
        split = rng.random() < 0.3
        lines += [title[:len(place) + 6], title[len(place) + 6:]] if split else [title]
        lines += gap + body
        meta = {"title": title, "issuer": issuer, "doc_number": doc_number, "date": iso}
    elif shape == "web":
        lines = [f"索引号：{rng.randint(10**8, 10**9 - 1)}/{year}-{n:05d}", f"发文机关：{issuer}",
                 f"发文字号：{doc_number}", f"成文日期：{iso}", f"发布日期：{iso}"] + gap
        lines += [title] + gap + body
        meta = {"title": title, "issuer": issuer, "doc_number": doc_number, "date": iso}
    else:
        lines = [title] + gap + body + [f"{issuer}", f"{date}印发"]
        meta = {"title": title, "issuer": issuer, "doc_number": None, "date": iso}
    return Plan(text="\n".join(lines) + "\n", meta=meta, shape=shape)


if __name__ == "__main__":
    import sys
    p = generate(int(sys.argv[1]))
    print(p.text)
    print(p.meta)
