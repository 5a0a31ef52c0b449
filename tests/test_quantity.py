"""parse_quantity, cn_number and parse_year against tests/cases/quantities.yaml, plus fuzzing."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.money import find_money, parse_money
from extract.quantity import cn_number, parse_quantity, parse_year

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "quantities.yaml").read_text("utf-8"))


def _id(case: dict) -> str:
    return repr(case.get("raw", case.get("text")))


@pytest.mark.parametrize("case", CASES["quantities"], ids=_id)
def test_parse_quantity(case: dict) -> None:
    q = parse_quantity(case["raw"], case.get("year"))
    expect = case["expect"]
    assert (q.op, q.value, q.high) == (expect["op"], expect.get("value"), expect.get("high"))
    assert q.year == expect.get("year")
    assert q.raw == "".join(case["raw"].split())


@pytest.mark.parametrize("case", CASES["numbers"], ids=_id)
def test_cn_number(case: dict) -> None:
    assert cn_number(case["text"]) == case["expect"]


@pytest.mark.parametrize("case", CASES["years"], ids=_id)
def test_parse_year(case: dict) -> None:
    assert parse_year(case["text"]) == case["expect"]


def test_table_is_large_enough() -> None:
    assert len(CASES["quantities"]) >= 70


# Pieces a value cell is made of, so random strings look like real (and broken) cells.
PIECES = ["0", "1", "5", "9", ".", ",", "，", "０", "９", "．", "％", "%", "‰", "/", "10万",
          "一", "二", "两", "〇", "十", "百", "千", "万", "亿", "点", "成", "百分之", "零",
          "≥", "≤", "＜", "＞", "<", ">", "=", "-", "—", "~", "～", "至", "到", "∶", ":",
          "以上", "以下", "以内", "左右", "约", "近", "余", "多", "不低于", "控制在", "维持在",
          "下降", "提高", "同比例提高", "降至", "达到", "年", "2025年", "人", "岁", "*", "空", "无",
          "（", "）", " ", "每", "个百分点"]
cell_like = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=400)
@given(st.one_of(st.text(), cell_like))
def test_never_raises(text: str) -> None:
    q = parse_quantity(text)
    assert q.op in {"=", "<=", ">=", "<", ">", "~", "range", "trend", "none"}
    if q.op in ("trend", "none"):
        assert q.value is None and q.high is None
    if q.op == "range":
        assert q.value is not None and q.high is not None and q.value <= q.high
    cn_number(text)
    parse_year(text)


@given(st.integers(min_value=1900, max_value=2099))
def test_every_printed_year_reads_back(year: int) -> None:
    assert parse_year(f"{year}年目标值") == year


LONG_NOISE = ["一" * 20000 + "元", "1" * 20000 + "万元", "1-" * 10000, "1,1" * 7000, "（" * 8000 + "一" * 8000,
              "约" * 10000 + "1", "≥" * 10000 + "1", "1余" * 10000 + "元", "万元" * 5000 + "1"]


@pytest.mark.parametrize("text", LONG_NOISE, ids=lambda t: repr(t[:6]))
def test_long_noise_reads_in_linear_time(text: str) -> None:
    """A cell can be a whole mis-split paragraph: no quadratic scan (each runs well under 1 s)."""
    started = time.perf_counter()
    parse_quantity(text), cn_number(text), parse_year(text), parse_money(text, "万元"), find_money(text)
    assert time.perf_counter() - started < 10
