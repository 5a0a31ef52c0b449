"""The same answers from DOCX and PDF as from text (issue 5), and page provenance.

The fixtures are built by tests/fixtures/make_fixtures.py from the corpus text and its
hand-checked annotations (the DOCX/PDF stand for the authors' original files).
"""
import sys

import pytest

from conftest import ANNOTATIONS, ROOT, annotation

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
import make_fixtures  # noqa: E402

STEMS = ["001_c6568823b24dcb99", "002_4298840802f018b6", "003_1304af9ec45eb322", "004_4b3f00f85f69e56b"]


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    from extract.pipeline import run
    from extract.writer import write_document
    folder = make_fixtures.build()
    out = {}
    for fmt in ("docx", "pdf"):
        d = tmp_path_factory.mktemp(fmt)
        for stem in STEMS:
            result = run(folder / f"{stem}.{fmt}")
            write_document(result.document, d / f"{stem}.json")
            out[(fmt, stem)] = result.document
        out[fmt] = d
    return out


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("stem", STEMS)
def test_same_outline_meta_boxes(converted, fmt, stem):
    doc, ann = converted[(fmt, stem)], annotation(stem)
    assert [(h.level, h.number, h.title) for h in doc.outline if h.level <= 2] == \
        [(o["level"], o["number"], o["title"]) for o in ann["outline_top"]]
    assert doc.meta.model_dump(mode="json") == {k: v for k, v in ann["meta"].items() if k != "note"}
    assert [(b.number, b.title, len(b.items)) for b in doc.boxes] == \
        [(b["number"], b["title"], b["items"]) for b in ann["boxes"]]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_evaluation_figures(converted, fmt):
    from extract.evaluate import score
    by = {(s.scorer, s.field): s for s in score(converted[fmt], ANNOTATIONS)}
    assert by[("indicators", "found")].recall == 1.0 and by[("indicators", "found")].precision == 1.0
    assert by[("indicators", "all")].recall >= 0.97
    assert by[("prose_indicators", "found")].recall >= 0.9
    for field in ("table_rows", "box_items", "programmes", "budget_wan"):
        assert by[("projects", field)].recall == 1.0, field
    assert by[("tasks", "responsible")].tp == 24


def test_pdf_pages_checked_by_hand(converted):
    """Pages read off the generated PDFs (page text and rendered page images)."""
    d001, d003, d004 = (converted[("pdf", s)] for s in ("001_c6568823b24dcb99", "003_1304af9ec45eb322",
                                                          "004_4b3f00f85f69e56b"))
    assert d001.source.pages is not None and d001.source.pages >= 20
    h = next(h for h in d001.outline if h.number == "第三章")
    assert h.page == 9
    assert next(b for b in d001.boxes if b.number == "3").page == 15
    assert next(t for t in d001.tables if t.kind == "indicators").pages == [9]
    assert next(t for t in d003.tasks if t.number == "6").page == 3
    assert next(h for h in d003.outline if h.title == "提升医疗服务质量").page == 5
    project = next(p for p in d004.projects if p.name == "安宁市温泉卫生院建设项目")
    assert (project.source.kind, project.source.page) == ("table", 23)
    assert all(i.source.page is not None for i in d004.indicators if i.source.kind == "table")


def test_docx_has_no_pages(converted):
    doc = converted[("docx", "004_4b3f00f85f69e56b")]
    assert doc.source.pages is None and all(h.page is None for h in doc.outline)
