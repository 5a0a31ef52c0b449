"""Outline, meta and boxes of every seed document against hand-made annotations."""
import pytest

from conftest import ANNOTATIONS, CORPUS, annotation

DOCS = sorted(p.stem for p in ANNOTATIONS.glob("*.json"))


def _path(stem):
    return next(CORPUS.glob(stem + ".*"))


@pytest.mark.parametrize("stem", DOCS)
def test_outline_top_two_levels(stem, extracted):
    doc = extracted(_path(stem)).document
    got = [(h.level, h.number, h.title) for h in doc.outline if h.level <= 2]
    want = [(o["level"], o["number"], o["title"]) for o in annotation(stem)["outline_top"]]
    assert got == want


@pytest.mark.parametrize("stem", DOCS)
def test_meta(stem, extracted):
    doc = extracted(_path(stem)).document
    want = {k: v for k, v in annotation(stem)["meta"].items() if k != "note"}
    assert doc.meta.model_dump(mode="json") == want


@pytest.mark.parametrize("stem", DOCS)
def test_boxes(stem, extracted):
    doc = extracted(_path(stem)).document
    got = [(b.number, b.title, len(b.items)) for b in doc.boxes]
    want = [(b["number"], b["title"], b["items"]) for b in annotation(stem)["boxes"]]
    assert got == want


@pytest.mark.parametrize("stem", DOCS)
def test_outline_is_a_tree_with_spans_in_text(stem, extracted):
    result = extracted(_path(stem))
    text, ids = result.text, set()
    for h in result.document.outline:
        assert h.parent is None or h.parent in ids
        assert 0 <= h.span[0] < h.span[1] <= len(text)
        assert h.number.rstrip("、.．") in text[h.span[0]:h.span[1]].replace("(", "（").replace(")", "）") \
            or h.number in text[h.span[0]:h.span[1]]
        ids.add(h.id)


def test_toc_is_not_outline(extracted):
    """001 has a dot-leader table of contents: its 第一章 must appear once in the outline."""
    doc = extracted(_path("001_c6568823b24dcb99")).document
    assert [h.number for h in doc.outline].count("第一章") == 1


def test_same_input_same_bytes(tmp_path):
    from extract.pipeline import run
    from extract.writer import to_json
    p = _path("003_1304af9ec45eb322")
    assert to_json(run(p).document) == to_json(run(p).document)
