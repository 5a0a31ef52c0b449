"""The outline of invented plans whose headings a converter damaged (tests/synth_outline.py): every
heading found, at its level, with its number and title as the generator wrote them."""
import pytest

from conftest import case
import synth_outline
from extract.pipeline import run

SEEDS = range(60)
FAST_SEEDS = 15   # make test-fast reads these; make test reads all

# seeds whose outline differs today, each with the exact loss (strict xfails)
GAPS: dict[int, str] = {}


@pytest.mark.parametrize("seed", [case(s, gap=GAPS.get(s), slow=s >= FAST_SEEDS) for s in SEEDS])
def test_outline_of_a_damaged_plan(seed, tmp_path):
    plan = synth_outline.generate(seed)
    path = tmp_path / "plan.txt"
    path.write_text(plan.text, encoding="utf-8")
    doc = run(path).document
    assert [(h.level, h.number, h.title) for h in doc.outline] == plan.outline, sorted(plan.quirks)


def test_the_generator_damages_headings_every_way():
    seen = set().union(*(synth_outline.generate(s).quirks for s in SEEDS))
    assert seen >= set(synth_outline.QUIRKS) - {"dash_one"} | {"page_number"}


# the same plans as Word documents without heading styles and as web pages in a site's chrome
# (tests/renderings.py); a ruled PDF is left out: its writer's wrapped titles meet PDFium's line
# assembly (a wrapped title's last character and the next paragraph come out as one line)
RENDERED = [(s, "docx") for s in SEEDS] + [(s, "html") for s in range(0, 60, 3)]


@pytest.mark.parametrize("seed,variant", [case(s, v, slow=s >= FAST_SEEDS) for s, v in RENDERED])
def test_outline_of_a_damaged_plan_rendered(seed, variant, tmp_path):
    import renderings
    plan = synth_outline.generate(seed)
    doc = run(renderings.write(variant, plan.text, {}, tmp_path)).document
    assert [(h.level, h.number, h.title) for h in doc.outline] == plan.outline, sorted(plan.quirks)
