"""OCR for scans and tables printed as pictures (issue 13).

Without the [ocr] extra (or with --ocr off) nothing is read silently: a scan gets E201 saying how
to install the extra, image-only pages and large images of a text document get a warning naming
their pages. With the extra, one page is read by OCR here (the benchmark reads more): a page of a
corpus PDF fixture, rendered to an image and rebuilt as a scan in the test run, gives the
indicators of its text version.
"""
import io
import os
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
import make_fixtures  # noqa: E402
from extract.errors import PdfNoTextLayer  # noqa: E402
from extract.readers import RawTable, ocr, read  # noqa: E402

EXTERNAL = Path(os.environ.get("PLAN_EXTRACT_EXTERNAL", ROOT.parent / "shared" / "external"))
needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the [ocr] extra is not installed")
DPI = 200


def _scan(pdf_path: Path, pages: list[int], out: Path, blank_page: bool = False) -> Path:
    """The given pages (1-based) rendered to images and rebuilt as an image-only PDF."""
    import pypdfium2 as pdfium
    from PIL import Image

    src = pdfium.PdfDocument(pdf_path)
    images = [src[i - 1].render(scale=DPI / 72).to_pil().convert("L") for i in pages]
    if blank_page:
        images.append(Image.new("L", images[0].size, 255))
    images[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    return out


def _text_pages(pdf_path: Path, pages: list[int], out: Path) -> Path:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(pdf_path)
    new = pdfium.PdfDocument.new()
    new.import_pages(src, [i - 1 for i in pages])
    new.save(out)
    return out


def _text_and_image_pdf() -> bytes:
    """Page 1 has text; page 2 is an image with text drawn in it (a scanned page)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.setFont("STSong-Light", 14)
    c.drawString(72, 760, "一、总体要求")
    c.showPage()
    picture = Image.new("RGB", (600, 300), "white")
    ImageDraw.Draw(picture).rectangle((50, 50, 550, 250), outline="black", width=3)
    c.drawImage(ImageReader(picture), 50, 300, 500, 400)
    c.showPage()
    c.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def fixture_pdf() -> Path:
    make_fixtures.build()
    return make_fixtures.outputs("004")[1]


def test_scan_without_the_extra_says_how_to_install_it(fixture_pdf, tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    path = _scan(fixture_pdf, [1], tmp_path / "scan.pdf")
    with pytest.raises(PdfNoTextLayer) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith("E201") and "needs OCR" in message
    assert "pip install '.[ocr]'" in message


def test_scan_with_ocr_off_says_so(fixture_pdf, tmp_path):
    path = _scan(fixture_pdf, [1], tmp_path / "scan.pdf")
    with pytest.raises(PdfNoTextLayer, match=r"OCR is off \(--ocr off\)"):
        read(path, ocr="off")


def test_image_only_page_of_a_text_document_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    path = tmp_path / "mixed.pdf"
    path.write_bytes(_text_and_image_pdf())
    raw = read(path)
    assert [b.text for b in raw.blocks] == ["一、总体要求"]
    assert raw.ocr_pages == []
    assert [code for code, _ in raw.warnings] == ["reader.image_only_pages"]
    assert raw.warnings[0][1].startswith("page 2 has no readable text and was not read")


def test_ocr_text_fixes():
    assert ocr.fix_text("婴儿死亡率（%0）") == "婴儿死亡率（‰）"
    assert ocr.fix_text("12.27®") == "12.27"
    assert ocr.fix_text("增长%10") == "增长%10"  # a percent before a number is left alone


@needs_ocr
@pytest.mark.slow
def test_scanned_page_gives_the_text_versions_indicators(fixture_pdf, tmp_path):
    """One page with a ruled indicator table (004, page 9: 20 rows), as text and as a scan."""
    from extract.pipeline import run

    text = run(_text_pages(fixture_pdf, [9], tmp_path / "text.pdf")).document
    scan_path = _scan(fixture_pdf, [9], tmp_path / "scan.pdf", blank_page=True)
    scan = run(scan_path).document
    assert scan.source.ocr_pages == [1]  # the blank page is not reported as read
    assert [w.code for w in scan.warnings if w.code.startswith("reader.")] == ["reader.ocr_page"]

    def fields(i):
        return (i.name, i.unit, i.category, i.nature, i.baseline and i.baseline.value,
                i.target and (i.target.op, i.target.value))
    want = {i.name: fields(i) for i in text.indicators}
    got = {i.name: fields(i) for i in scan.indicators}
    assert len(want) == 20
    found = [name for name in want if name in got]
    assert len(found) >= 0.95 * len(want)
    assert sum(got[name] == want[name] for name in found) >= 0.9 * len(want)
    assert len(got) <= len(want)  # nothing invented


@needs_ocr
@pytest.mark.slow
@pytest.mark.skipif(not (EXTERNAL / "ext02_guoban_wenwu_keji_14th_imgtables.pdf").exists(),
                    reason="../shared/external not present")
def test_ext02_indicator_table_printed_as_a_picture(tmp_path):
    """专栏1 of ext02 (page 3) is a JPEG: 21 indicator rows under 类型/指标/2020年/2025年/属性.
    Values read off the page image by eye."""
    from extract.pipeline import run

    page = _text_pages(EXTERNAL / "ext02_guoban_wenwu_keji_14th_imgtables.pdf", [3], tmp_path / "p3.pdf")
    raw = read(page)
    assert raw.ocr_pages == [1]
    assert [code for code, _ in raw.warnings] == ["reader.ocr_image"]
    tables = [b for b in raw.blocks if isinstance(b, RawTable)]
    assert len(tables) == 1 and len(tables[0].rows) == 22  # the header and 21 rows
    assert tables[0].rows[0] == ["类型", "指标", "2020年", "2025年", "属性"]
    doc = run(page).document
    assert len(doc.indicators) == 21
    by_name = {i.name: i for i in doc.indicators}
    assert {i.category for i in doc.indicators} == {"资源管理", "文物安全", "科技创新", "改革创新",
                                                   "博物馆、纪念馆", "人才队伍"}
    patents = by_name["文物领域专利授权数量"]
    assert (patents.baseline.value, patents.target.value, patents.nature) == (3900, 5900, "预期性")
    bases = by_name["国家文物局重点科研基地数量"]
    assert (bases.baseline.value, bases.target.op, bases.target.value, bases.target.high) == \
        (33, "range", 40, 45)
    assert by_name["文物机构从业人员数量"].target.value == 19.5


def test_every_engine_call_names_each_step(monkeypatch):
    """rapidocr keeps the flags of its last call: a cell re-read (use_det=False) must not leave the
    next page read without detection, so the page call names every step itself."""
    import numpy as np
    calls = []

    class Recorder:
        def __call__(self, image, **steps):
            calls.append(steps)
            return None
    monkeypatch.setattr(ocr, "engine", lambda: Recorder())
    page = np.full((60, 200, 3), 255, np.uint8)
    page[20:40, 20:180] = 0   # ink
    ocr._ocr(page)
    assert calls == [{"use_det": True, "use_cls": False, "use_rec": True}]


def test_every_item_on_a_page_read_by_ocr_is_flagged():
    """Items on an OCR'd page each carry ocr.item (with their id and span); items elsewhere none."""
    from extract.model import Indicator, ItemSource, Project
    from extract.pipeline import warn_ocr_items
    from extract.raw import RawDocument
    from extract.state import State
    state = State(raw=RawDocument(path="x.pdf", format="pdf", sha256="0", blocks=[], ocr_pages=[2]))
    state.indicators = [Indicator(id="i1", name="床位数", source=ItemSource(kind="table", page=2, span=[5, 9])),
                        Indicator(id="i2", name="医师数", source=ItemSource(kind="table", page=3, span=[20, 24]))]
    state.projects = [Project(id="p1", name="县医院新建项目", source=ItemSource(kind="box", page=2, span=[30, 37]))]
    warn_ocr_items(state)
    assert [(w.code, w.span) for w in state.warnings] == [("ocr.item", [5, 9]), ("ocr.item", [30, 37])]
    assert "indicator i1 (床位数)" in state.warnings[0].message and "page 2" in state.warnings[0].message
