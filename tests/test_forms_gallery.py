"""Metamorphic: every annotated corpus indicator table, re-flattened into every form a converter
prints (tests/forms.py), reads back to the same indicator figures (`evaluate`'s indicator
scorer) as the annotation. Generated in the test run; nothing is committed."""
import json

import pytest

import forms
from extract.evaluate.indicators import score_indicators

DOCS = forms.annotated()


@pytest.fixture(scope="module")
def gallery(tmp_path_factory):
    return tmp_path_factory.mktemp("forms")


@pytest.mark.parametrize("form", forms.FORMS)
def test_every_form_reads_the_same(gallery, form):
    from extract.pipeline import run
    folder = gallery / form
    folder.mkdir()
    outputs, golds = {}, {}
    for stem, inds in DOCS.items():
        path = forms.write(form, stem, inds, folder)
        doc = run(path, stop_after="indicators").document
        outputs[stem] = json.loads(doc.model_dump_json())
        for table in doc.tables:   # every row carries the page it is printed on (the PDF's run over two)
            pages = [i.source.page for i in doc.indicators if i.source.table == table.id]
            if table.pages:
                assert pages == sorted(pages) and pages[0] == table.pages[0] and pages[-1] == table.pages[-1]
        golds[stem] = {"indicators": inds}
    scores = {s.field: (s.tp, s.n_pred, s.n_gold) for s in score_indicators(outputs, golds)}
    n = sum(len(v) for v in DOCS.values())
    assert scores == {f: (n, n, n) for f in scores}, scores
