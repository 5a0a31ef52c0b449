"""Outline and boxes of invented documents, end to end through normalize and segment."""
from extract.pipeline import run


def _doc(tmp_path, text, name="plan.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return run(p).document


def test_a_box_number_that_does_not_read_is_null(tmp_path):
    doc = _doc(tmp_path, "一、重点任务\n专栏十十 重点工程\n1.建设数据中心。\n2.建设算力平台。\n二、保障措施\n")
    assert [b.number for b in doc.boxes] == [None]
