"""Heading numbering patterns as a case table (tests/cases/headings.yaml)."""
from pathlib import Path

import pytest
import yaml

from extract.state import NormText, Para
from extract.stages.segment import heading_candidate

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "headings.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["line"][:16] for c in CASES])
def test_heading_line(case):
    line = case["line"]
    norm = NormText(line, [Para(0, len(line))])
    got = heading_candidate(norm, 0)
    if case["number"] is None:
        assert got is None
    else:
        assert got is not None
        assert (got.number, got.title) == (str(case["number"]), case["title"])


@pytest.mark.parametrize("printed, number", [("3", "3"), ("03", "3"), ("三", "3"), ("十二", "12"),
                                             ("十十", None), (None, None)])
def test_box_number_reads_or_is_null(printed, number):
    """A 专栏 numeral that does not read as a number (`专栏十十`) gives number null, not a crash."""
    from extract.stages.segment import box_number
    assert box_number(printed) == number


def test_box_with_an_unreadable_numeral_is_still_a_box(tmp_path):
    from extract.pipeline import run
    p = tmp_path / "x.txt"
    p.write_text("一、总体要求\n\n专栏十十 重点工程\n\n1.乡镇卫生院改造工程：改造卫生院3所。\n", encoding="utf-8")
    [box] = run(p).document.boxes
    assert (box.number, box.title) == (None, "重点工程")
