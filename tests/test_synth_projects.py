"""The projects of invented plans that list them every way plans print them (tests/synth_projects.py):
every project found, in order, with its kind, box, budget in 万元 and start as the generator wrote them."""
import pytest

from conftest import case
import synth_projects
from extract.pipeline import run

SEEDS = range(60)
FAST_SEEDS = 15   # make test-fast reads these; make test reads all

# seeds whose projects differ today, each with the exact loss (strict xfails)
GAPS: dict[int, str] = {}


def _fields(p) -> synth_projects.Expected:
    return synth_projects.Expected(p.name, p.source.kind, p.box, p.budget.wan if p.budget else None, p.start)


@pytest.mark.parametrize("seed", [case(s, gap=GAPS.get(s), slow=s >= FAST_SEEDS) for s in SEEDS])
def test_projects_of_an_invented_plan(seed, tmp_path):
    plan = synth_projects.generate(seed)
    path = tmp_path / "plan.txt"
    path.write_text(plan.text, encoding="utf-8")
    got = [_fields(p) for p in run(path).document.projects]
    assert got == plan.projects, plan.forms


def test_the_generator_prints_every_form():
    assert {f for s in SEEDS for f in synth_projects.generate(s).forms} == set(synth_projects.FORMS)


# the same plans as Word documents (tables as Word tables, no heading styles) and as web pages in
# a site's chrome (tests/renderings.py)
RENDERED = [(s, v) for s in range(0, 60, 3) for v in ("docx", "html")]


@pytest.mark.parametrize("seed,variant", [case(s, v, slow=s >= FAST_SEEDS) for s, v in RENDERED])
def test_projects_of_an_invented_plan_rendered(seed, variant, tmp_path):
    import renderings
    plan = synth_projects.generate(seed)
    got = [_fields(p) for p in run(renderings.write(variant, plan.text, {}, tmp_path)).document.projects]
    assert got == plan.projects, plan.forms
