import json
from pathlib import Path

import pytest

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
