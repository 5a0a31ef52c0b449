"""Ruled PDF tables from PDFium's objects (readers/pdf_ruled.py) against pdfplumber reading the
page itself (the fallback, pdfminer's parse): the same tables on every PDF fixture, and the
same document out of the pipeline."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXTERNAL, ROOT
from extract.raw import RawTable
from extract.readers import pdf, pdf_ruled

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
import make_fixtures  # noqa: E402


def _fixtures() -> list[Path]:
    return sorted(make_fixtures.build().glob("*.pdf")) + sorted(EXTERNAL.glob("*.pdf"))


@pytest.fixture
def pdfplumber_only(monkeypatch):
    """The reader as it was: pdfplumber (pdfminer) parses every page with a grid."""
    monkeypatch.setattr(pdf_ruled, "tables", lambda *args, **kwargs: None)


def _tables(path: Path) -> list[RawTable]:
    """The tables of the text layer: OCR off, since it reads pictures, not the two table paths
    compared here (and would spend ~10 CPU-s a picture on ext02, twice)."""
    data = path.read_bytes()
    raw = pdf.read_pdf(str(path), data, hashlib.sha256(data).hexdigest(), ocr="off")
    return [b for b in raw.blocks if isinstance(b, RawTable)]


def _comparable(table: RawTable) -> dict:
    """Everything of a table; cell text without whitespace: PDFium reads a non-embedded CID
    font's ” followed by a glyph as ” plus a no-break space where pdfminer reads ” alone
    (the pipeline drops such a space between Chinese characters either way)."""
    out = {k: v for k, v in vars(table).items() if k != "rows"} if hasattr(table, "__dict__") else {}
    out["rows"] = [["".join(c.split()) for c in row] for row in table.rows]
    return out


def _read_both(path: Path, monkeypatch) -> tuple[list[RawTable], list[RawTable]]:
    fast = _tables(path)
    with monkeypatch.context() as m:
        m.setattr(pdf_ruled, "tables", lambda *args, **kwargs: None)
        slow = _tables(path)
    return fast, slow


@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: p.name)
def test_pdfium_edges_give_pdfplumbers_tables(path, monkeypatch):
    fast, slow = _read_both(path, monkeypatch)
    assert [_comparable(t) for t in fast] == [_comparable(t) for t in slow]


def test_the_fixtures_hold_ruled_tables(monkeypatch):
    """The comparison above is about something: the fixtures have ruled tables with rows."""
    found = [t for p in _fixtures() for t in _tables(p)]
    assert len(found) >= 3 and sum(len(t.rows) for t in found) >= 20


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_a_libreoffice_rendering(tmp_path, monkeypatch):
    """A DOCX fixture printed to PDF by LibreOffice (embedded font subsets, each with its own
    ascent: the boxes must come from the font size and descent, as pdfminer has them)."""
    docx = make_fixtures.build() / "002_4298840802f018b6.docx"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   capture_output=True, timeout=180, check=True)
    fast, slow = _read_both(tmp_path / "002_4298840802f018b6.pdf", monkeypatch)
    assert fast and [_comparable(t) for t in fast] == [_comparable(t) for t in slow]


def _drawn_grid_pdf(path: Path) -> None:
    """An invented ruled table drawn three ways real converters draw rules: stroked lines,
    thin filled rectangles, and a stroked rectangle outline (one form XObject among them)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 10)
    c.drawString(72, 780, "表1 主要指标")
    xs, ys = [72, 200, 330, 460], [760, 736, 712, 688]
    c.rect(xs[0], ys[-1], xs[-1] - xs[0], ys[0] - ys[-1], stroke=1, fill=0)   # outline
    for x in xs[1:-1]:
        c.line(x, ys[0], x, ys[-1])                                          # stroked rules
    c.beginForm("rule")
    c.rect(xs[0], ys[1] - 0.25, xs[-1] - xs[0], 0.5, stroke=0, fill=1)       # a filled hairline
    c.endForm()
    c.doForm("rule")
    c.line(xs[0], ys[2], xs[-1], ys[2])
    cells = [["指标", "2020年", "2025年"], ["森林覆盖率（%）", "23.1", "≥25"], ["人均预期寿命（岁）", "78.3", "79"]]
    for r, row in enumerate(cells):
        for k, text in enumerate(row):
            c.drawString(xs[k] + 4, ys[r] - 16, text)
    c.drawString(72, 660, "说明：带≥的为下限。")
    c.showPage()
    c.save()


def test_an_invented_grid_drawn_three_ways(tmp_path, monkeypatch):
    path = tmp_path / "grid.pdf"
    _drawn_grid_pdf(path)
    fast, slow = _read_both(path, monkeypatch)
    assert fast and [_comparable(t) for t in fast] == [_comparable(t) for t in slow]
    assert fast[0].rows[1] == ["森林覆盖率（%）", "23.1", "≥25"]


def test_pdfminer_parses_no_page_of_a_ruled_pdf(tmp_path, monkeypatch):
    """With PDFium's edges, pdfplumber is never opened for a page whose text PDFium can place."""
    path = tmp_path / "grid.pdf"
    _drawn_grid_pdf(path)
    opened = []
    monkeypatch.setattr(pdf._TableFinder, "page", lambda self, index: opened.append(index))
    assert _tables(path) and opened == []
