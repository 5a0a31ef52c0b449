import json
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check what is computed, never how fast: hypothesis' per-example deadline (200 ms)
# fails a first call that pays for loading patterns, or any call on a loaded machine. Speed is
# measured in `make bench`.
settings.register_profile("plan-extract", deadline=None)
settings.load_profile("plan-extract")

def case(*values, gap=None, slow=False, id=None):
    """One parametrized case of a generator or a rendering: a strict xfail naming its exact loss
    when it has a known gap, marked slow when `make test-fast` leaves it out."""
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    if slow:
        marks.append(pytest.mark.slow)
    return pytest.param(*values, marks=marks, id=id if id is not None else "-".join(map(str, values)))


ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
ANNOTATIONS = CORPUS / "annotations"
EXTERNAL = ROOT.parent / "shared" / "external"


def corpus_docs():
    return sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md"))


def annotation(stem: str) -> dict:
    return json.loads((ANNOTATIONS / f"{stem}.json").read_text(encoding="utf-8"))


_results = {}


@pytest.fixture(scope="session")
def extracted():
    """Run the pipeline once per corpus document for the whole session."""
    from extract.pipeline import run

    def get(path: Path):
        if path not in _results:
            _results[path] = run(path)
        return _results[path]
    return get
