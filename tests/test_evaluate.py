"""`plan-extract evaluate`: the registry, the scorers, and the figures on the corpus."""
import pytest
from click.testing import CliRunner

from conftest import ANNOTATIONS, CORPUS
from extract.evaluate import FieldScore, register, score, scorers


@pytest.fixture(scope="module")
def outdir(tmp_path_factory):
    from extract.cli import main
    out = tmp_path_factory.mktemp("out")
    r = CliRunner().invoke(main, ["extract", str(CORPUS), "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out


def _by_field(scores, scorer):
    return {s.field: s for s in scores if s.scorer == scorer}


def test_corpus_indicator_figures(outdir):
    f = _by_field(score(outdir, ANNOTATIONS, ("indicators",)), "indicators")
    assert f["found"].precision == 1.0 and f["found"].recall == 1.0
    assert f["all"].recall >= 0.97
    for name in ("name", "category", "unit", "baseline", "target", "nature", "years"):
        assert f[name].recall >= 0.97, name


def test_corpus_prose_figures(outdir):
    f = _by_field(score(outdir, ANNOTATIONS, ("prose_indicators",)), "prose_indicators")
    assert f["found"].recall >= 0.9
    assert f["target"].recall >= 0.9


def test_cli_prints_every_field(outdir):
    from extract.cli import main
    r = CliRunner().invoke(main, ["evaluate", str(outdir), str(ANNOTATIONS)])
    assert r.exit_code == 0, r.output
    for word in ("indicators", "prose_indicators", "precision", "recall", "F1", "baseline", "years"):
        assert word in r.output


def test_registry_accepts_a_scorer(outdir):
    register("test_constant", lambda outputs, annotations: [FieldScore("test_constant", "x", 1, 2, 4)])
    try:
        s = [s for s in score(outdir, ANNOTATIONS, ("test_constant",))]
        assert (s[0].precision, s[0].recall) == (0.5, 0.25)
        assert "indicators" in scorers()
    finally:
        from extract import evaluate
        evaluate._REGISTRY.pop("test_constant")


def test_field_score_edge_cases():
    assert FieldScore("s", "f", 0, 0, 0).f1 == 1.0
    assert FieldScore("s", "f", 0, 3, 0).precision == 0.0


def test_corpus_project_and_task_figures(outdir):
    """Issue 4's bar: every table row and box item with exact budget; all 24 tasks of 003 with
    exactly the right units; prose projects precision ≥ 0.9."""
    f = _by_field(score(outdir, ANNOTATIONS, ("projects",)), "projects")
    for name in ("table_rows", "box_items", "programmes"):
        assert f[name].recall == 1.0, name
    assert f["prose"].precision >= 0.9
    assert f["budget_wan"].recall == 1.0
    t = _by_field(score(outdir, ANNOTATIONS, ("tasks",)), "tasks")
    assert (t["found"].tp, t["found"].n_gold) == (24, 24)
    assert t["responsible"].tp == 24 and t["responsible"].precision == 1.0
