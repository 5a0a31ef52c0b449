"""The meta of invented plans whose front matter is printed every way documents print it
(tests/synth_meta.py): title, issuer, 文号 and date as the generator wrote them."""
import pytest

from conftest import case
import synth_meta
from extract.pipeline import run

SEEDS = range(60)
FAST_SEEDS = 15   # make test-fast reads these; make test reads all


@pytest.mark.parametrize("seed", [case(s, slow=s >= FAST_SEEDS) for s in SEEDS])
def test_meta_of_an_invented_plan(seed, tmp_path):
    plan = synth_meta.generate(seed)
    path = tmp_path / "plan.txt"
    path.write_text(plan.text, encoding="utf-8")
    m = run(path).document.meta
    assert {"title": m.title, "issuer": m.issuer, "doc_number": m.doc_number, "date": m.date} == plan.meta, plan.shape


def test_the_generator_prints_every_shape():
    assert {synth_meta.generate(s).shape for s in SEEDS} == set(synth_meta.SHAPES)


# the same front matter as a Word document and as a web page in a site's chrome (tests/renderings.py)
RENDERED = [(s, v) for s in range(0, 60, 3) for v in ("docx", "html")]


@pytest.mark.parametrize("seed,variant", [case(s, v, slow=s >= FAST_SEEDS) for s, v in RENDERED])
def test_meta_of_an_invented_plan_rendered(seed, variant, tmp_path):
    import renderings
    plan = synth_meta.generate(seed)
    m = run(renderings.write(variant, plan.text, {}, tmp_path)).document.meta
    assert {"title": m.title, "issuer": m.issuer, "doc_number": m.doc_number, "date": m.date} == plan.meta, plan.shape
