"""The shared text layer (extract/lexicon/) as case tables (tests/cases/lexicon.yaml)."""
from pathlib import Path

import pytest
import yaml

from extract.lexicon.brackets import depth_after, split_top_level
from extract.lexicon.dates import find_date
from extract.lexicon.folds import fold_brackets, fold_width
from extract.lexicon.numbering import heading_number_length

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "lexicon.yaml").read_text(encoding="utf-8"))


def _ids(table):
    return [c["text"][:14] for c in CASES[table]]


@pytest.mark.parametrize("case", CASES["depth_after"], ids=_ids("depth_after"))
def test_depth_after(case):
    assert depth_after(case["text"]) == case["depth"]


@pytest.mark.parametrize("case", CASES["split_top_level"], ids=_ids("split_top_level"))
def test_split_top_level(case):
    assert split_top_level(case["text"], "、") == case["parts"]


@pytest.mark.parametrize("case", CASES["dates"], ids=_ids("dates"))
def test_dates(case):
    assert find_date(case["text"]) == case["iso"]


@pytest.mark.parametrize("case", CASES["numbering"], ids=_ids("numbering"))
def test_numbering(case):
    assert heading_number_length(case["text"]) == case["length"]


@pytest.mark.parametrize("case", CASES["fold_width"], ids=_ids("fold_width"))
def test_fold_width(case):
    assert fold_width(case["text"]) == case["folded"]
    assert len(fold_width(case["text"])) == len(case["text"])


@pytest.mark.parametrize("case", CASES["fold_brackets"], ids=_ids("fold_brackets"))
def test_fold_brackets(case):
    assert fold_brackets(case["text"]) == case["folded"]


def test_lexicon_imports_no_stage_or_reader():
    import ast
    for path in (Path(__file__).parent.parent / "extract" / "lexicon").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("stages", "readers")), (path.name, node.module)


def test_normalize_does_not_import_segment():
    source = (Path(__file__).parent.parent / "extract" / "stages" / "normalize.py").read_text(encoding="utf-8")
    assert "segment" not in source.split('"""', 2)[2]
