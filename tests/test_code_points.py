"""The code-point layer every reader's output goes through (readers.common), as a case table
(tests/cases/code_points.yaml), in each format the project can write without a converter."""
import unicodedata
from pathlib import Path

import pytest
import yaml

from extract.lexicon.codepoints import code_point_table, fold_code_points
from extract.readers import read

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "code_points.yaml").read_text(encoding="utf-8"))


def _write(tmp_path, fmt, line):
    if fmt == "txt":
        p = tmp_path / "a.txt"
        p.write_text(line + "\n", encoding="utf-8")
    elif fmt == "html":
        p = tmp_path / "a.html"
        p.write_text(f"<html><body><p>{line}</p></body></html>", encoding="utf-8")
    else:
        import docx
        d = docx.Document()
        d.add_paragraph(line)
        p = tmp_path / "a.docx"
        d.save(p)
    return p


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
@pytest.mark.parametrize("case", CASES, ids=[c["read"][:10] for c in CASES])
def test_read_folds_code_points(case, fmt, tmp_path):
    doc = read(_write(tmp_path, fmt, case["raw"]))
    texts = [b.text for b in doc.blocks if hasattr(b, "text") and b.text.strip()]
    assert texts == [case["read"]]
    codes = [c for c, _ in doc.warnings]
    if case.get("warning"):
        assert case["warning"] in codes
    else:
        assert not any(c.startswith("text.") for c in codes)


def test_the_table_is_one_code_point_for_one_and_covers_every_radical():
    table = code_point_table()
    assert all(0x4E00 <= t <= 0x9FFF or 0x3400 <= t <= 0x4DBF or t >= 0x20000 for t in table.values())
    assert all(cp in table for cp in range(0x2F00, 0x2FD6))          # every Kangxi radical
    assert sum(0x2E80 <= cp <= 0x2EFF for cp in table) >= 100         # NFKC maps only 2 of these
    sample = "".join(map(chr, table))
    assert len(fold_code_points(sample)) == len(sample)
    # the compatibility ideographs fold to their canonical (NFC) form
    assert all(chr(t) == unicodedata.normalize("NFC", chr(cp)) for cp, t in table.items() if 0xF900 <= cp <= 0xFAFF)


def test_an_unreadable_page_is_named(tmp_path):
    p = tmp_path / "a.txt"
    good = "第一章 总体要求\n坚持以人民为中心的发展思想，推进健康城市建设。\n"
    bad = "".join(f"(cid:{n})" for n in range(10, 40)) + "\n" + "\uE000\uE001\uE002" * 10 + "\n"
    p.write_text(good + "\f" + bad + "\f" + good, encoding="utf-8")
    doc = read(p)
    assert doc.unreadable_pages == [2]
    messages = [m for c, m in doc.warnings if c == "page.unreadable"]
    assert len(messages) == 1 and messages[0].startswith("page 2:")


def test_an_unreadable_pdf_page_is_named(tmp_path):
    """A PDF whose second page's text layer is glyph codes, as a converter without the font's
    character map writes them."""
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas
    p = tmp_path / "a.pdf"
    c = canvas.Canvas(str(p))
    for page in ("Chapter one: general requirements of the plan.",
                 "".join(f"(cid:{n})" for n in range(10, 30))):
        c.drawString(72, 720, page)
        c.drawString(72, 700, page)
        c.showPage()
    c.save()
    doc = read(p, ocr="off")  # the text layer's own signal (with OCR the page is read again)
    assert doc.unreadable_pages == [2]
    assert any(code == "page.unreadable" and m.startswith("page 2:") for code, m in doc.warnings)
