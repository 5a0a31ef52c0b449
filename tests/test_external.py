"""Generality on real documents written by others (../shared/external). Skips when absent.

Expected values were read off the documents themselves (their printed notice and headings).
"""
import pytest

from conftest import EXTERNAL

pytestmark = pytest.mark.skipif(not EXTERNAL.is_dir(), reason="../shared/external not present")


def _doc(name, extracted):
    path = EXTERNAL / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    return extracted(path).document


def test_gbk_notice_and_parts(extracted):
    doc = _doc("ext06_nanning_keji_13th_gbk.txt", extracted)
    assert doc.source.encoding == "gb18030"
    assert doc.meta.doc_number == "南府办〔2016〕71号"
    assert doc.meta.issuer == "南宁市人民政府办公厅"
    assert doc.meta.date == "2016-11-23"
    assert doc.meta.period.model_dump() == {"name": "十三五", "start": 2016, "end": 2020}
    top = [(h.level, h.number, h.title) for h in doc.outline if h.level <= 2][:3]
    assert top == [(1, "第一篇", "建设创新型南宁"), (2, "第一章", "把握发展新形势"), (2, "第二章", "确立发展新蓝图")]


def test_markdown_wrapper_national_plan(extracted):
    doc = _doc("ext03_guojia_yingji_14th.md", extracted)
    assert doc.meta.doc_number == "国发〔2021〕36号"
    level1 = [h.number for h in doc.outline if h.level == 1]
    assert level1[:10] == ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
