"""Generated plan-like documents for the batch tests and the batch benchmark.

`write_tree(root, n)` writes n small .txt/.md plans in nested folders — real-looking headings
(一、 （一） 1.), a 专栏 and a tab-separated indicator table — plus, with `bad=True`, the files
a real archive holds: binary noise, an undecodable file, an empty file. Two plans share a name
in different folders. Same arguments → same bytes.

Test hooks (top-level so worker processes can import them; passed as `converter=`):
`hanging_extract` sleeps on files named *hang* (the in-worker timer can cut it) and blocks
the timer on *stuck* files (only killing the worker stops it); `crashing_extract` kills its own
worker on files named *crash*; `slow_extract` adds 30 ms per file. Everything else goes to the
real pipeline.
"""
from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

REGIONS = ["安宁市", "临夏州", "永登县", "城关区", "七里河区", "红古区", "榆中县", "皋兰县", "西固区"]
TOPICS = [("卫生与健康", "卫生健康委"), ("教育事业发展", "教育局"), ("交通运输", "交通运输局"),
          ("生态环境保护", "生态环境局"), ("养老服务体系", "民政局"), ("文化旅游", "文化和旅游局")]
INDICATORS = [("健康水平", "人均预期寿命", "岁", "80.66", "≥81.6", "预期性"),
              ("健康水平", "孕产妇死亡率", "1/10万", "10.5", "≤9.5", "预期性"),
              ("健康服务", "每千人口执业（助理）医师数", "人", "2.9", "3.2", "预期性"),
              ("健康服务", "每千人口医疗卫生机构床位数", "张", "6.5", "7.2左右", "指导性"),
              ("健康保障", "个人卫生支出占卫生总费用的比重", "%", "27.5", "27左右", "约束性"),
              ("健康环境", "城市空气质量优良天数比率", "%", "88.2", ">90", "约束性")]
TASKS = ["完善人才培养机制", "健全服务网络", "推进信息化建设", "加强基础设施建设", "深化体制改革"]
FILLER = ("坚持以人民为中心的发展思想，立足新发展阶段，贯彻新发展理念，构建新发展格局，"
          "统筹发展和安全，推动高质量发展，为全面建设社会主义现代化国家开好局、起好步。")


def plan_text(i: int, repeat: int = 1) -> str:
    """One plan. `repeat` multiplies the prose (the benchmark uses bigger documents)."""
    rnd = random.Random(i)
    region = REGIONS[i % len(REGIONS)]
    topic, office = TOPICS[i % len(TOPICS)]
    prose = FILLER * repeat
    rows = rnd.sample(INDICATORS, 4)
    lines = [f"{region}“十四五”{topic}规划", "",
             f"{region}人民政府办公室", f"2021年{1 + i % 12}月{1 + i % 28}日", "",
             "一、发展基础", "（一）主要成就", f"“十三五”时期，{region}{topic}取得显著成效。{prose}",
             "（二）面临形势", prose, "",
             "二、总体要求", "（一）指导思想", prose, "（二）主要目标",
             f"到2025年，{region}{topic}体系更加完善，主要指标达到全省平均水平。", "",
             f"表1　“十四五”{topic}主要指标", "类别\t指标\t单位\t2020年\t2025年目标\t属性"]
    lines += ["\t".join(r) for r in rows]
    lines += ["", "三、主要任务"]
    for n, task in enumerate(rnd.sample(TASKS, 3), 1):
        lines += [f"（{'一二三'[n - 1]}）{task}",
                  f"{n}.{task}。{prose}（责任单位：{region}{office}、{region}财政局）"]
    lines += [f"专栏1　{topic}重点工程",
              f"1.{region}第{i % 7 + 1}人民医院改扩建项目：新建业务用房{1000 + 37 * i}平方米，"
              f"总投资{4800 + i * 10}万元。",
              f"2.{region}社区服务中心建设项目：新建服务中心{2 + i % 5}个，总投资1.2亿元。", "",
              "四、保障措施", "（一）加强组织领导", prose, "（二）强化资金保障", prose, ""]
    return "\n".join(lines)


def write_tree(root: Path, n: int = 100, bad: bool = True, repeat: int = 1) -> dict[str, list[str]]:
    """Write the tree; return {"good": [...], "bad": {...}} relative paths (POSIX)."""
    good: list[str] = []
    for i in range(n):
        folder = f"{REGIONS[i % len(REGIONS)]}/{2021 + i % 3}"
        name = "规划.txt" if i in (0, 1) else f"plan_{i:03d}.{'md' if i % 5 == 0 else 'txt'}"
        if i == 1:
            folder = "duplicate/other"   # same name as plan 0, another folder
        rel = f"{folder}/{name}"
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        text = plan_text(i, repeat)
        if name.endswith(".md"):
            text = "\n".join(("# " if ln.endswith("规划") else "") + ln for ln in text.split("\n"))
        p.write_text(text, encoding="gb18030" if i % 7 == 3 else "utf-8")
        good.append(rel)
    bad_files: dict[str, str] = {}
    if bad:
        noise = random.Random(0).randbytes(3000)
        (root / "broken").mkdir(exist_ok=True)
        (root / "broken/corrupt.txt").write_bytes(noise[:100] + b"\x00" + noise)
        bad_files["broken/corrupt.txt"] = "E103"
        (root / "broken/undecodable.txt").write_bytes("规划".encode() + b"\x80\xff\x80 \xfe\xff" * 50)
        bad_files["broken/undecodable.txt"] = "E104"
        (root / "broken/empty.md").write_bytes(b"")
        bad_files["broken/empty.md"] = "E102"
    return {"good": sorted(good), "bad": bad_files}


# ---------------------------------------------------------------- converter hooks

def _real(path, settings):
    from extract.pipeline import extract_file
    return extract_file(path, settings)


def hanging_extract(path, settings):
    name = os.path.basename(path)
    if "stuck" in name:  # like a C loop: the timer cannot interrupt it
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(120)
    if "hang" in name:
        time.sleep(120)
    return _real(path, settings)


def crashing_extract(path, settings):
    if "crash" in os.path.basename(path):
        os._exit(3)
    return _real(path, settings)


def slow_extract(path, settings):
    """The real pipeline, 30 ms slower: gives a kill test time to land in the middle of a run."""
    time.sleep(0.03)
    return _real(path, settings)


def buggy_extract(path, settings):
    return 1 / 0
