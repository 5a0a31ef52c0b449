"""Word 97–2003 .doc (issue 13): the same answers as the DOCX of the same document.

The .doc files are made in the test run: by tests/doc_writer.py on every machine (plain and
fast-saved), and by LibreOffice from the DOCX fixtures where `soffice` is installed.
"""
import io
import shutil
import subprocess
import sys
import zipfile

import pytest

from conftest import ANNOTATIONS, ROOT

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
import doc_writer  # noqa: E402
import make_fixtures  # noqa: E402
from doc_writer import Paragraph, build_doc  # noqa: E402
from extract.errors import DocDamaged, DocEncrypted, NotWordDocument, UnsupportedFormat  # noqa: E402
from extract.readers import RawLine, RawTable, read  # noqa: E402

STEMS = ["001_c6568823b24dcb99", "002_4298840802f018b6", "003_1304af9ec45eb322", "004_4b3f00f85f69e56b"]


def _blocks(raw):
    out = []
    for b in raw.blocks:
        if isinstance(b, RawTable):
            out.append(("table", b.title, b.header_rows, b.rows))
        elif b.text.strip():
            out.append(("line", b.text.strip(), b.heading_level))
    return out


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """{stem: (.docx path, .doc path)}; 004 is written fast-saved (pieces out of file order)."""
    folder = make_fixtures.build()
    out = tmp_path_factory.mktemp("doc")
    made = {}
    for stem in STEMS:
        path = out / f"{stem}.doc"
        doc_writer.write_doc(make_fixtures.load(stem[:3]), path, fast_saved=stem.startswith("004"))
        made[stem] = (folder / f"{stem}.docx", path)
    return made


@pytest.mark.parametrize("stem", STEMS)
def test_doc_reads_as_its_docx(docs, stem):
    docx_path, doc_path = docs[stem]
    raw = read(doc_path)
    assert raw.format == "doc" and raw.warnings == []
    assert _blocks(raw) == _blocks(read(docx_path))


def test_doc_gives_the_docx_figures(docs, tmp_path):
    from extract.evaluate import score
    from extract.pipeline import run
    from extract.writer import write_document

    figures = {}
    for fmt in ("docx", "doc"):
        folder = tmp_path / fmt
        folder.mkdir()
        for stem in STEMS:
            result = run(docs[stem][0 if fmt == "docx" else 1])
            assert result.document.source.format == fmt
            write_document(result.document, folder / f"{stem}.json")
        figures[fmt] = {(s.scorer, s.field): (s.tp, s.n_pred, s.n_gold)
                        for s in score(folder, ANNOTATIONS)}
    assert figures["doc"] == figures["docx"]


@pytest.mark.slow   # starts LibreOffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_doc_reads_as_its_docx(docs, tmp_path):
    """A .doc written by a real Word-format writer: automatic list numbers, huge PAPX in the
    Data stream, merged cells."""
    stem = STEMS[1]  # 002: numbered headings and a two-row header with merged cells
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(docs[stem][0])],
                   check=True, capture_output=True, timeout=180)
    converted = read(tmp_path / f"{stem}.doc")
    assert _blocks(converted) == _blocks(read(docs[stem][0]))


@pytest.mark.parametrize("stem", [STEMS[1], STEMS[3]])
def test_streams_stored_out_of_order_read_the_same(docs, tmp_path, stem):
    """The reader reads the WordDocument stream where its sectors lie, following the FAT: a file
    whose every stream runs backwards through the file, a sector at a time, is the same document
    (as olefile reads it whole), fast-saved pieces included."""
    path = tmp_path / f"{stem}-scattered.doc"
    doc_writer.write_doc(make_fixtures.load(stem[:3]), path, fast_saved=stem.startswith("004"),
                         scattered=True)
    assert path.read_bytes() != docs[stem][1].read_bytes()
    assert read(path).blocks == read(docs[stem][1]).blocks


# ---- invented documents: one mechanism each ----------------------------------------------

def _write(tmp_path, paragraphs, name="plan.doc", **options):
    path = tmp_path / name
    path.write_bytes(build_doc(paragraphs, **options))
    return path


def _lines(raw):
    return [b.text for b in raw.blocks if isinstance(b, RawLine)]


def test_fields_keep_their_result_and_lose_their_code(tmp_path):
    path = _write(tmp_path, [
        Paragraph("\x13 TOC \\o \"1-2\" \\h \x14一、总体要求\t1\r"),
        Paragraph("总体要求\x15\r"),
        Paragraph("详见\x13 HYPERLINK \"http://example.org\" \x14市政府网站\x15。\r"),
        Paragraph("第\x13 PAGE \x14\x15页\x13 NUMPAGES \x15\r"),
        Paragraph("图\x01示\x08与脚注\x02，软\x1f连字符，不间断\x1e连字符\r"),
    ])
    assert _lines(read(path)) == ["一、总体要求\t1", "总体要求", "详见市政府网站。", "第页",
                                  "图示与脚注，软连字符，不间断-连字符"]


def test_line_and_page_breaks_end_lines(tmp_path):
    path = _write(tmp_path, [Paragraph("（一）指导思想\x0b坚持以人民为中心\r"), Paragraph("\x0c二、主要任务\r")])
    assert [t for t in _lines(read(path)) if t] == ["（一）指导思想", "坚持以人民为中心", "二、主要任务"]


def test_table_cells_rows_caption_and_merges(tmp_path):
    def row(cells, merges=None):
        widths = [(w, m) for w, m in zip([800] * len(cells), merges or [0] * len(cells))]
        return [Paragraph(c + "\x07", in_table=True) for c in cells] + \
            [Paragraph("\x07", in_table=True, row_end=widths)]
    caption = [Paragraph("表1 主要指标\x07", in_table=True),
               Paragraph("\x07", in_table=True, row_end=[(2400, 0)])]
    path = _write(tmp_path, [Paragraph("前言\r")] + caption + row(["类别", "指标", "目标"])
                  + row(["经济", "增速", "6%"], [3, 0, 0]) + row(["", "投资", "8%"], [1, 0, 0])
                  + [Paragraph("后记\r")])
    raw = read(path)
    assert _lines(raw) == ["前言", "后记"]
    table = next(b for b in raw.blocks if isinstance(b, RawTable))
    assert table.title == "表1 主要指标"
    assert table.rows == [["类别", "指标", "目标"], ["经济", "增速", "6%"], ["经济", "投资", "8%"]]


def test_multi_paragraph_cell_is_one_cell(tmp_path):
    path = _write(tmp_path, [Paragraph("重点工程\r", in_table=True), Paragraph("新建病房\x07", in_table=True),
                             Paragraph("3亿元\x07", in_table=True),
                             Paragraph("\x07", in_table=True, row_end=[(800, 0), (800, 0)])])
    table = next(b for b in read(path).blocks if isinstance(b, RawTable))
    assert table.rows == [["重点工程新建病房", "3亿元"]]


def test_wps_suffix_and_docx_named_doc(docs, tmp_path):
    wps = _write(tmp_path, [Paragraph("一、总体要求\r")], name="方案.wps")
    assert read(wps).format == "doc"
    disguised = tmp_path / "plan.doc"
    disguised.write_bytes(docs[STEMS[2]][0].read_bytes())
    assert read(disguised).format == "docx"


def test_plain_text_named_doc_or_wps_is_read_as_text(tmp_path):
    """A system's “export to Word” that wrote text (UTF-8 or GBK) under .doc/.wps: read as text,
    with a warning naming the suffix; binary bytes that are no Word file stay E303."""
    from extract.errors import DocDamaged
    text = "某县实施方案\n一、总体要求\n（一）加强领导。（县卫生健康局负责）\n"
    for name, encoding in (("方案.doc", "utf-8"), ("方案.wps", "gb18030")):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        raw = read(path)
        assert raw.format == "txt" and raw.encoding == encoding
        assert ("input.plain_text", f"a plain text file named {path.suffix}: read as text") in raw.warnings
        assert "一、总体要求" in [b.text for b in raw.blocks]
    junk = tmp_path / "junk.doc"
    junk.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(DocDamaged):
        read(junk)


def _ole_without_word() -> bytes:
    return doc_writer.compound_file({"Workbook": b"\x09\x08" + b"\0" * 100})


BAD = [
    ("encrypted.doc", lambda: build_doc([Paragraph("机密\r")], encrypted=True), DocEncrypted, "password"),
    ("cut.doc", lambda: build_doc([Paragraph("一、总体要求\r" * 400)])[:3000], DocDamaged, "truncated"),
    ("sheet.doc", _ole_without_word, NotWordDocument, "Excel workbook"),
    ("rich.doc", lambda: "{\\rtf1\\ansi 一、总体要求}".encode(), UnsupportedFormat, "RTF"),
]


@pytest.mark.parametrize("name, make, error, words", BAD, ids=[b[0] for b in BAD])
def test_bad_doc_raises_its_own_error(tmp_path, name, make, error, words):
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(error) as caught:
        read(path)
    assert str(caught.value).startswith(f"{error.code} {path}")
    assert words in str(caught.value)


def test_damaged_doc_raises_only_our_errors(docs, tmp_path):
    """Bytes flipped or cut anywhere: a RawDocument or a PlanExtractError, never a crash."""
    import random

    from extract.errors import PlanExtractError

    data = docs[STEMS[2]][1].read_bytes()
    rnd = random.Random(13)
    for k in range(40):
        damaged = bytearray(data)
        if k % 2:
            damaged = damaged[:rnd.randrange(len(damaged))]
        else:
            for _ in range(20):
                damaged[rnd.randrange(len(damaged))] = rnd.randrange(256)
        path = tmp_path / f"d{k}.doc"
        path.write_bytes(bytes(damaged))
        try:
            read(path)
        except PlanExtractError:
            pass


def test_zip_named_doc_is_not_mistaken(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("xl/workbook.xml", "<x/>")
    path = tmp_path / "book.doc"
    path.write_bytes(buffer.getvalue())
    from extract.errors import DocxBroken
    with pytest.raises(DocxBroken):
        read(path)
