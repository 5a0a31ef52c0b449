"""parse_money and find_money against tests/cases/money.yaml, plus fuzzing."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.money import find_money, parse_money

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "money.yaml").read_text("utf-8"))


def _expected(case_raw: str, expect: dict) -> dict:
    return {"raw": expect.get("raw", case_raw), "wan": expect["wan"],
            "approx": expect.get("approx", False), "high": expect.get("high")}


@pytest.mark.parametrize("case", CASES["parse"], ids=lambda c: f"{c['raw']!r} {c.get('unit') or ''}")
def test_parse_money(case: dict) -> None:
    money = parse_money(case["raw"], case.get("unit"))
    if case["expect"] is None:
        assert money is None
    else:
        assert money is not None
        assert money.model_dump() == _expected(case["raw"], case["expect"])


@pytest.mark.parametrize("case", CASES["find"], ids=lambda c: c["text"][:16])
def test_find_money(case: dict) -> None:
    found = find_money(case["text"])
    expected = []
    for e in case["expect"]:
        start = case["text"].index(e.get("printed", e["raw"]))
        span = (start, start + len(e.get("printed", e["raw"])))
        expected.append((span, _expected(e["raw"], {k: v for k, v in e.items() if k != "printed"})))
    assert [(span, m.model_dump()) for span, m in found] == expected


def test_table_is_large_enough() -> None:
    assert len(CASES["parse"]) >= 45


PIECES = ["0", "1", "5", "9", ".", ",", "，", "０", "８", "一", "两", "三", "十", "百", "千", "万", "亿",
          "点", "零", "元", "万元", "亿元", "千万元", "余", "多", "约", "近", "逾", "超", "左右", "以上",
          "-", "—", "～", "至", "/年", "/", "人", "投资", "资金", "总投资", "每", "多元", "二元",
          "，", "。", " ", "GDP", "%", "年"]
prose_like = st.lists(st.sampled_from(PIECES), max_size=20).map("".join)
any_text = st.one_of(st.text(), prose_like)


@settings(max_examples=400)
@given(any_text, st.one_of(st.none(), st.sampled_from(["万元", "亿元", "元", "（万元）", "个"]), st.text()))
def test_parse_money_never_raises(text: str, unit: str | None) -> None:
    money = parse_money(text, unit)
    if money is not None:
        assert money.wan is not None
        assert money.high is None or money.wan <= money.high


@settings(max_examples=400)
@given(any_text)
def test_find_money_spans_hold_their_raw(text: str) -> None:
    last_end = 0
    for (start, end), money in find_money(text):
        assert last_end <= start < end <= len(text)
        assert money.raw == "".join(text[start:end].split())
        if not any(c.isspace() for c in text[start:end]):
            assert money.raw in text[start:end]
        last_end = end
