"""Outline and boxes of invented documents, end to end through normalize and segment."""
from extract.pipeline import run


def _doc(tmp_path, text, name="plan.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return run(p).document


def test_a_box_number_that_does_not_read_is_null(tmp_path):
    doc = _doc(tmp_path, "一、重点任务\n专栏十十 重点工程\n1.建设数据中心。\n2.建设算力平台。\n二、保障措施\n")
    assert [b.number for b in doc.boxes] == [None]


from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
import yaml  # noqa: E402

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "outline.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_outline_case(case, tmp_path):
    doc = _doc(tmp_path, case["text"])
    assert [[h.level, h.number, h.title] for h in doc.outline] == [[a, str(b), c] for a, b, c in case["outline"]]


META = yaml.safe_load((Path(__file__).parent / "cases" / "meta.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", META, ids=[c["name"] for c in META])
def test_meta_case(case, tmp_path):
    m = _doc(tmp_path, case["text"]).meta
    assert {"title": m.title, "issuer": m.issuer, "doc_number": m.doc_number, "date": m.date} == case["meta"]
    if "draft" in case:
        assert m.draft == case["draft"]
    if "period" in case:
        assert m.period is not None and m.period.model_dump() == case["period"]
