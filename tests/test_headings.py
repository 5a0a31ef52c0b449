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
