"""Readers: every format gives the same RawDocument (lines in reading order, signals, tables).

Checked on DOCX/PDF fixtures built from the corpus (tests/fixtures/make_fixtures.py: what a
reader gives back must be what went in), on small inputs made here, and, when the folder is
there, on the real documents in /work/shared/external (values checked by eye on the pages).
"""
from __future__ import annotations

import functools
import io
import os
import re
import sys
import zipfile
from pathlib import Path

import pytest

from extract.lexicon.codepoints import fold_digits
from extract.errors import DocDamaged, DocxBroken, EmptyInput, PdfDamaged, PdfEncrypted, PdfNoTextLayer
from extract.readers import RawLine, RawTable, read
from extract.readers.docx import format_number
from extract.readers.grid import Cell, build_table, join_cell_lines

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
import make_fixtures  # noqa: E402

EXTERNAL = Path(os.environ.get("PLAN_EXTRACT_EXTERNAL", "/work/shared/external"))
PAGE_FOOTER = re.compile(r"^— (\d+) —$")


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def lines(doc) -> list[RawLine]:
    return [b for b in doc.blocks if isinstance(b, RawLine)]


def tables(doc) -> list[RawTable]:
    return [b for b in doc.blocks if isinstance(b, RawTable)]


def external(pattern: str) -> Path:
    found = sorted(EXTERNAL.glob(pattern))
    if not found:
        pytest.skip(f"external document {pattern} not present")
    return found[0]


@pytest.fixture(scope="session")
def generated() -> Path:
    return make_fixtures.build()


@functools.lru_cache(maxsize=None)
def read_once(path: Path):
    """Several tests look at the same fixture; read it once (tests never change a document)."""
    return read(path)


@pytest.fixture(scope="session")
def corpus_items() -> dict:
    return {stem: make_fixtures.load(stem) for stem in make_fixtures.DOCS}


def paras(items) -> list:
    return [i for i in items if isinstance(i, make_fixtures.Para)]


def expected_tables(items) -> list:
    return [i for i in items if isinstance(i, make_fixtures.Table)]


# ---- shared pieces ----------------------------------------------------------------------

@pytest.mark.parametrize("parts, joined", [
    (["编制规划数量（全国重点文物", "保护单位"], "编制规划数量（全国重点文物保护单位"),
    (["A", "level"], "A level"),
    (["新增三级及以上、A", "级"], "新增三级及以上、A级"),
    (["2025", "年"], "2025年"),
    (["", "  市人社局 ", "医保中心"], "市人社局医保中心"),
])
def test_join_cell_lines(parts, joined):
    assert join_cell_lines(parts) == joined


def test_grid_fills_vertical_spans_and_takes_a_full_width_caption():
    table = build_table([
        Cell(0, 0, "主要指标", colspan=3),
        Cell(1, 0, "类别"), Cell(1, 1, "指标"), Cell(1, 2, "目标"),
        Cell(2, 0, "健康水平", rowspan=2), Cell(2, 1, "人均预期寿命"), Cell(2, 2, "81"),
        Cell(3, 1, "婴儿死亡率"), Cell(3, 2, "≤5"),
        Cell(4, 0, "合计", colspan=2), Cell(4, 2, "-"),
    ])
    assert table.title == "主要指标"
    assert table.rows == [["类别", "指标", "目标"],
                          ["健康水平", "人均预期寿命", "81"],
                          ["健康水平", "婴儿死亡率", "≤5"],
                          ["合计", "", "-"]]


@pytest.mark.parametrize("n, fmt, shown", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (35, "chineseCountingThousand", "三十五"),
    (105, "chineseCountingThousand", "一百零五"), (3, "decimalEnclosedCircle", "③"),
    (2, "ideographTraditional", "乙"), (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"),
    (12, "decimalFullWidth", "１２"), (7, "decimal", "7"),
])
def test_word_list_numbers(n, fmt, shown):
    assert format_number(n, fmt) == shown


# ---- DOCX: generated ----------------------------------------------------------------------

@pytest.mark.parametrize("stem", make_fixtures.DOCS)
def test_docx_paragraphs_in_order_with_style_signals(generated, corpus_items, stem):
    doc = read_once(make_fixtures.outputs(stem)[0])
    assert doc.format == "docx" and doc.pages is None
    got = [ln for ln in lines(doc) if ln.text]
    want = paras(corpus_items[stem])
    # every reader folds full-width digits (the code-point layer, readers.common)
    assert [ln.text for ln in got] == [fold_digits(p.text) for p in want]
    assert [ln.heading_level for ln in got] == [p.level for p in want]
    # bold set on the runs, or inherited from the built-in Heading 1–4 styles, which are bold
    assert [ln.bold for ln in got] == [p.bold or (p.level or 9) <= 4 for p in want]
    assert all(ln.page is None for ln in got)


@pytest.mark.parametrize("stem", make_fixtures.DOCS)
def test_docx_tables_with_merged_categories_filled(generated, corpus_items, stem):
    doc = read_once(make_fixtures.outputs(stem)[0])
    want = expected_tables(corpus_items[stem])
    assert [t.rows for t in tables(doc)] == [t.expected_rows() for t in want]
    assert all(t.header_rows == 1 for t in tables(doc))


def test_docx_004_values(generated):
    doc = read_once(make_fixtures.outputs("004")[0])
    indicators, projects = tables(doc)
    assert indicators.rows[0] == ["类别", "指标", "单位", "2019年", "2025年目标", "属性"]
    # 婴儿死亡率 sits under the merged 健康水平 cell; 职业卫生 is the last row of 卫生监督
    assert indicators.rows[2] == ["健康水平", "婴儿死亡率", "‰", "2.67", "≤2.5", "预期性"]
    assert indicators.rows[-1][:2] == ["卫生监督", "职业卫生（用人单位）覆盖率"]
    assert len(indicators.rows) == 28
    assert projects.rows[4][1] == "安宁市太平卫生院异地新建项目"
    assert projects.rows[4][4] == "4800"
    assert len(projects.rows) == 10  # the header row repeated mid-table is dropped


def test_docx_renders_word_list_numbers(generated):
    path = make_fixtures.outputs("004")[0]
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "<w:numPr>" in xml and "二、指导思想和发展目标" not in xml  # the number is Word's
    texts = [ln.text for ln in lines(read_once(path))]
    assert "二、指导思想和发展目标" in texts
    assert "（三）发展目标" in texts


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TEXTBOX = ('<w:p {w} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:t>锚点</w:t></w:r><w:r>'
            '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
            '<w:p><w:r><w:t>专栏1 重点工程</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing>'
            '</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>'
            '<w:t>专栏1 重点工程</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>'
            '</mc:Fallback></mc:AlternateContent></w:r></w:p>')


SPAN2, SPAN3 = '<w:gridSpan w:val="2"/>', '<w:gridSpan w:val="3"/>'
MERGE_START, MERGED = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"


def _cell(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def _docx_with(*body_xml: str) -> bytes:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    section = document.element.body[-1]
    for xml in body_xml:
        section.addprevious(parse_xml(xml.format(w=_W)))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_word_xml_features(tmp_path):
    path = tmp_path / "features.docx"
    path.write_bytes(_docx_with(
        '<w:p {w}><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>第一章 总则</w:t></w:r></w:p>',
        # tracked changes: deleted text is gone, inserted text and hyperlinks are read
        '<w:p {w}><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删除'
        '</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>'
        '<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>',
        '<w:p {w}><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>',
        _TEXTBOX,  # the text box once, though the file holds it twice (Choice and Fallback)
        '<w:sdt {w}><w:sdtContent><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>内容控件</w:t></w:r></w:p>'
        '</w:sdtContent></w:sdt>',
        '<w:tbl {w}><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
        f'<w:tr>{_cell("主要指标", SPAN3)}</w:tr>'
        f'<w:tr><w:trPr><w:tblHeader/></w:trPr>{_cell("类别")}{_cell("指标")}{_cell("目标")}</w:tr>'
        f'<w:tr>{_cell("健康水平", MERGE_START)}{_cell("人均预期寿命")}{_cell("81")}</w:tr>'
        f'<w:tr>{_cell("", MERGED)}{_cell("婴儿死亡率")}{_cell("≤5")}</w:tr>'
        f'<w:tr><w:trPr><w:tblHeader/></w:trPr>{_cell("类别")}{_cell("指标")}{_cell("目标")}</w:tr>'
        f'<w:tr>{_cell("合计", SPAN2)}{_cell("-")}</w:tr>'
        f'<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{_cell("后移")}{_cell("1")}</w:tr>'
        '</w:tbl>'))
    doc = read(path)
    assert [(ln.text, ln.heading_level, ln.bold) for ln in lines(doc)] == [
        ("第一章 总则", 1, False), ("保留插入链接", None, False), ("第一行", None, False),
        ("第二行", None, False), ("锚点", None, False), ("专栏1 重点工程", None, False),
        ("内容控件", None, True)]
    (table,) = tables(doc)
    assert table.title == "主要指标" and table.header_rows == 1
    assert table.rows == [["类别", "指标", "目标"], ["健康水平", "人均预期寿命", "81"],
                          ["健康水平", "婴儿死亡率", "≤5"], ["合计", "", "-"], ["", "后移", "1"]]


# ---- DOCX: real documents -----------------------------------------------------------------

def test_docx_ext10_department_table():
    doc = read_once(external("ext10*.docx"))
    texts = [ln.text for ln in lines(doc)]
    assert lines(doc)[0].text == "关于印发句容市“将健康融入所有政策”工作实施方案的通知"
    assert lines(doc)[0].heading_level == 1 and lines(doc)[0].bold
    assert "四、保障措施" in texts
    (table,) = tables(doc)
    assert len(table.rows) == 24 and {len(r) for r in table.rows} == {3}
    assert table.rows[1][0] == "市政府办"
    assert table.rows[1][2] == "健康政策、健康资源、健康环境"
    # a cell of two paragraphs (市人社局 / 医保中心) reads as one text
    assert table.rows[7][0] == "市人社局医保中心"
    assert table.rows[-1][0] == "各镇（街道、管委会）"
    # the table comes after its heading line, at the end of the body
    assert doc.blocks.index(table) > texts.index("各部门政策开发的重点领域")


def test_docx_ext09_outline_level_9_is_body_text():
    doc = read_once(external("ext09*.docx"))
    texts = [ln.text for ln in lines(doc)]
    assert texts[0] == "附件3"
    assert texts.index("一、主要目标") < texts.index("二、工作举措")
    assert [t for t in texts if t.startswith("（")][0].startswith("（一）加强出生缺陷综合防治服务")
    assert not tables(doc)
    assert all(ln.heading_level is None for ln in lines(doc))  # w:outlineLvl 9 = body text


# ---- PDF: generated ---------------------------------------------------------------------

@pytest.mark.parametrize("stem", make_fixtures.DOCS)
def test_pdf_text_in_reading_order(generated, corpus_items, stem):
    doc = read_once(make_fixtures.outputs(stem)[1])
    body = [ln for ln in lines(doc) if not PAGE_FOOTER.match(ln.text)]
    assert "".join(compact(ln.text) for ln in body) == \
        "".join(compact(fold_digits(p.text)) for p in paras(corpus_items[stem]))


@pytest.mark.parametrize("stem", make_fixtures.DOCS)
def test_pdf_pages_and_page_numbers(generated, stem):
    doc = read_once(make_fixtures.outputs(stem)[1])
    footers = [ln for ln in lines(doc) if PAGE_FOOTER.match(ln.text)]
    assert [ln.page for ln in footers] == list(range(1, doc.pages + 1))
    assert all(int(PAGE_FOOTER.match(ln.text).group(1)) == ln.page for ln in footers)
    # each page's footer is its last line, though reportlab draws it first
    last_on_page = {ln.page: ln for ln in lines(doc)}
    assert all(PAGE_FOOTER.match(ln.text) for ln in last_on_page.values())
    pages = [ln.page for ln in lines(doc)]
    assert pages == sorted(pages)


@pytest.mark.parametrize("stem", make_fixtures.DOCS)
def test_pdf_running_header_dropped_after_page_one(generated, corpus_items, stem):
    doc = read_once(make_fixtures.outputs(stem)[1])
    running = compact(paras(corpus_items[stem])[0].text[:40])
    assert [ln.page for ln in lines(doc) if compact(ln.text) == running] == [1]


@pytest.mark.parametrize("stem", make_fixtures.DOCS)
def test_pdf_headings_from_bookmarks(generated, corpus_items, stem):
    doc = read_once(make_fixtures.outputs(stem)[1])
    for level in (1, 2):
        got = "".join(compact(ln.text) for ln in lines(doc) if ln.heading_level == level)
        want = "".join(compact(p.text) for p in paras(corpus_items[stem]) if p.level == level)
        assert got == want


@pytest.mark.parametrize("stem", ["002", "004"])
def test_pdf_ruled_tables_stitched_over_pages(generated, corpus_items, stem):
    doc = read_once(make_fixtures.outputs(stem)[1])
    want = expected_tables(corpus_items[stem])
    got = tables(doc)
    assert len(got) == len(want)
    for table, expected in zip(got, want):
        # the header repeated on each page is dropped; merged categories fill every row
        assert [[compact(c) for c in row] for row in table.rows] == \
            [[compact(c) for c in row] for row in expected.expected_rows()]
        assert len(table.pages) >= 2 and table.pages == list(range(table.pages[0], table.pages[-1] + 1))
    # no cell text leaks into the running text
    assert not any(ln.text.strip() in ("预期性", "约束性") for ln in lines(doc))


def _rotated_table_pdf(rotation: int, ruling: str = "lines") -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    shown_height = width if rotation in (90, 270) else height
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setPageRotation(rotation)
    c.transform(*{0: (1, 0, 0, 1, 0, 0), 90: (0, 1, -1, 0, width, 0),
                  180: (-1, 0, 0, -1, width, height), 270: (0, -1, 1, 0, 0, height)}[rotation])
    c.setFont("STSong-Light", 12)
    c.drawString(72, shown_height - 300, "表格后面的一行")  # drawn first, read last
    c.drawString(72, shown_height - 72, "第一行标题文字")
    top = shown_height - 200
    if ruling == "lines":  # one path object per rule
        for i in range(4):
            c.line(72 + i * 100, top, 72 + i * 100, top - 60)
        for j in range(3):
            c.line(72, top - j * 30, 372, top - j * 30)
    elif ruling == "one_path":  # the whole grid stroked as a single path
        path = c.beginPath()
        for i in range(4):
            path.moveTo(72 + i * 100, top)
            path.lineTo(72 + i * 100, top - 60)
        for j in range(3):
            path.moveTo(72, top - j * 30)
            path.lineTo(372, top - j * 30)
        c.drawPath(path, stroke=1, fill=0)
    else:  # each cell an outlined rectangle
        for i in range(3):
            for j in range(2):
                c.rect(72 + i * 100, top - (j + 1) * 30, 100, 30, stroke=1, fill=0)
    for i, (head, value) in enumerate(zip(["类别", "指标", "目标"], ["健康", "寿命", "81岁"])):
        c.drawString(77 + i * 100, top - 20, head)
        c.drawString(77 + i * 100, top - 50, value)
    c.save()
    return buffer.getvalue()


@pytest.mark.parametrize("rotation, ruling", [
    (0, "lines"), (90, "lines"), (180, "lines"), (270, "lines"),
    (0, "one_path"), (90, "rectangles"), (0, "rectangles"),
])
def test_pdf_ruled_table_in_reading_order(tmp_path, rotation, ruling):
    path = tmp_path / f"rotated{rotation}.pdf"
    path.write_bytes(_rotated_table_pdf(rotation, ruling))
    doc = read(path)
    shown = [b.rows if isinstance(b, RawTable) else b.text for b in doc.blocks]
    assert shown == ["第一行标题文字", [["类别", "指标", "目标"], ["健康", "寿命", "81岁"]], "表格后面的一行"]


# ---- PDF: real documents ------------------------------------------------------------------

@pytest.mark.slow   # a whole external PDF of many pages
def test_pdf_ext01_indicator_table_over_three_pages():
    doc = read_once(external("ext01*.pdf"))
    assert doc.pages == 44
    (table,) = tables(doc)
    assert table.pages == [10, 11, 12]
    assert table.title == "“十四五”时期湖北省文物事业发展主要指标"
    assert len(table.rows) == 26 and {len(r) for r in table.rows} == {4}
    assert compact(table.rows[0][2]) == "2025年" and table.rows[0][3] == "属性"
    assert table.rows[1] == ["保护利用", "湖北省文物保护单位增加数量", "≥50", "约束性"]
    # the merged 保护利用 cell gives its category to each of its eight rows
    assert [r[0] for r in table.rows[1:9]] == ["保护利用"] * 8
    assert table.rows[2][1] == "编制规划数量（全国重点文物保护单位、湖北省文物保护单位、专题专项）"
    museums = next(r for r in table.rows if r[1] == "博物馆数量")
    assert museums == ["博物馆", "博物馆数量", "≥260", "预期性"]
    assert table.rows[-1] == ["人才培养", "省级层面培训人员（人次）", "≥1000", "约束性"]


@pytest.mark.slow   # a whole external PDF of many pages
def test_pdf_ext01_lines_pages_and_bold():
    doc = read_once(external("ext01*.pdf"))
    by_text = {ln.text: ln for ln in lines(doc)}
    assert by_text["三、构筑文物安全防护体系"].page == 12
    assert by_text["6.提升安全监管水平"].page == 13 and by_text["6.提升安全监管水平"].bold
    assert by_text["5.加强安全制度建设"].bold
    assert not by_text["三、构筑文物安全防护体系"].bold  # 黑体, not a bold face
    # the printed page number “4” is the last line of PDF page 10, after the table
    page10 = [b for b in doc.blocks if getattr(b, "page", None) == 10 or
              (isinstance(b, RawTable) and 10 in b.pages)]
    assert isinstance(page10[-2], RawTable) and page10[-1].text == "4"
    # table cells are not repeated as running text
    assert not any("湖北省文物保护单位增加数量" in ln.text for ln in lines(doc))


def test_pdf_ext07_footer_last_and_bold_headings():
    doc = read_once(external("ext07*.pdf"))
    assert doc.pages == 14 and not tables(doc)  # 专栏 boxes are one-column frames, not tables
    page1 = [ln for ln in lines(doc) if ln.page == 1]
    assert page1[0].text == "00101 省应对气候变化“十五五”规划"
    assert page1[-1].text == "— 1 —"  # drawn first by Word, shown at the foot
    heading = next(ln for ln in page1 if ln.text.startswith("(一)"))
    assert heading.text == "(一)统筹推进绿色低碳转型发展" and heading.bold
    assert any(ln.text == "专栏 1 非二氧化碳温室气体管控工程" and ln.page == 4 for ln in lines(doc))


def test_pdf_ext02_tables_as_images_give_no_tables():
    """With OCR off, the tables and 专栏 printed as pictures are not read, and a warning names
    their pages (tests/test_ocr.py reads one of them by OCR)."""
    doc = read(external("ext02*.pdf"), ocr="off")
    assert doc.pages == 18 and not tables(doc)
    texts = [ln.text for ln in lines(doc)]
    assert "一、发展环境" in texts and "二、总体要求" in texts
    assert [(code, msg.split(" may ")[0]) for code, msg in doc.warnings] == [
        ("reader.images_not_read", "large images on pages 3, 5, 7, 8, 9, 10, 12, 13, 14, 15, 17")]


# ---- HTML -------------------------------------------------------------------------------

PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>不读</title><style>p {{ color: red }}</style><script>var a = "不读";</script></head>
<body><table width="100%"><tr><td><table><tr><td>首页</td></tr></table>
<h1>某市“十四五”卫生健康规划</h1>
<p>第一段文字，在源码里
换行了。<b>加粗</b>普通</p>
<p><strong>一、总体要求</strong></p>
<div>甲<br>乙<span style="display:none">隐藏</span></div>
<table><caption>主要指标</caption>
<thead><tr><th>类别</th><th>指标</th><th colspan="2">目标</th></tr></thead>
<tr><td rowspan="2">健康水平</td><td>人均预期寿命</td><td>80</td><td>81</td></tr>
<tr><td>婴儿死亡率</td><td colspan="2">≤5</td></tr>
</table>
<h2>二、主要任务</h2>
</td></tr></table></body></html>"""


@pytest.mark.parametrize("encoding, data", [
    ("gb18030", PAGE.encode("gb18030")),
    ("utf-8", PAGE.replace("gb2312", "utf-8").encode("utf-8")),
    ("utf-8-sig", b"\xef\xbb\xbf" + PAGE.replace("charset=gb2312", "").encode("utf-8")),
])
def test_html_blocks_headings_and_tables(tmp_path, encoding, data):
    path = tmp_path / "page.html"
    path.write_bytes(data)
    doc = read(path)
    assert doc.format == "html" and doc.encoding == encoding
    got = [(b.text, b.heading_level, b.bold) for b in lines(doc)]
    assert got == [("首页", None, False), ("某市“十四五”卫生健康规划", 1, False),
                   ("第一段文字，在源码里换行了。加粗普通", None, False),
                   ("一、总体要求", None, True), ("甲", None, False), ("乙", None, False),
                   ("二、主要任务", 2, False)]
    (table,) = tables(doc)
    assert table.title == "主要指标"
    assert table.rows == [["类别", "指标", "目标", ""], ["健康水平", "人均预期寿命", "80", "81"],
                          ["健康水平", "婴儿死亡率", "≤5", ""]]
    assert doc.blocks.index(table) == len(doc.blocks) - 2


# ---- bad input ------------------------------------------------------------------------

def _encrypted_pdf() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, encrypt=StandardEncryption("user-password", "owner-password"))
    c.drawString(72, 700, "secret plan")
    c.save()
    return buffer.getvalue()


def _image_only_pdf() -> bytes:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    for _ in range(2):  # a two-page “scan”
        c.drawImage(ImageReader(Image.new("RGB", (300, 400), "white")), 50, 300, 300, 400)
        c.showPage()
    c.save()
    return buffer.getvalue()


def _truncated_pdf() -> bytes:
    data = (make_fixtures.OUT / make_fixtures.outputs("003")[1].name).read_bytes()
    return data[: len(data) // 2]


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buffer.getvalue()


BAD_INPUTS = [
    ("encrypted.pdf", _encrypted_pdf, PdfEncrypted, "decrypt it first"),
    ("scanned.pdf", _image_only_pdf, PdfNoTextLayer, "needs OCR"),
    ("truncated.pdf", _truncated_pdf, PdfDamaged, "damaged or truncated"),
    ("garbage.pdf", lambda: b"%PDF-1.7\n" + b"\x00not a pdf" * 50, PdfDamaged, "damaged"),
    ("no_document.docx", lambda: _zip({"[Content_Types].xml": b"<Types/>", "docProps/app.xml": b"<x/>"}),
     DocxBroken, "no word/document.xml"),
    ("renamed_text.docx", lambda: "一、总体要求\n（一）指导思想\n".encode("utf-8"), DocxBroken, "not a ZIP"),
    ("cut.docx", lambda: (make_fixtures.OUT / make_fixtures.outputs("003")[0].name).read_bytes()[:3000],
     DocxBroken, "truncated"),
    ("old_word.docx", lambda: bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 600, DocDamaged,
     "damaged or truncated Word 97-2003"),
    ("empty_page.html", lambda: b"<html><body><script>x()</script> </body></html>", EmptyInput,
     "no visible text"),
]


@pytest.mark.parametrize("name, make, error, words", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_raises_a_clear_error(generated, tmp_path, name, make, error, words):
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(error) as caught:
        read(path, ocr="off")  # tests/test_ocr.py covers scans with OCR on
    assert name in str(caught.value)
    assert words in str(caught.value)
    assert str(caught.value).startswith(error.code)


def test_owner_password_only_pdf_is_read(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, encrypt=StandardEncryption("", "owner-password"))
    c.drawString(72, 700, "printing restricted, reading allowed")
    c.save()
    path = tmp_path / "restricted.pdf"
    path.write_bytes(buffer.getvalue())
    assert [ln.text for ln in lines(read(path))] == ["printing restricted, reading allowed"]


@pytest.mark.parametrize("kind", ["docx", "pdf", "html"])
def test_damaged_files_raise_only_our_errors(generated, tmp_path, kind):
    """Bytes flipped, cut or dropped anywhere: a RawDocument or a PlanExtractError, never a crash."""
    import random

    from extract.errors import PlanExtractError

    source = {"docx": make_fixtures.outputs("003")[0], "pdf": make_fixtures.outputs("003")[1]}
    data = source[kind].read_bytes() if kind in source else PAGE.encode("utf-8")
    rng = random.Random(20211027)
    for trial in range(24):
        damaged = bytearray(data)
        if trial % 3 == 0:
            for _ in range(rng.randint(1, 20)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        elif trial % 3 == 1:
            damaged = damaged[:rng.randrange(1, len(damaged))]
        else:
            start = rng.randrange(len(damaged))
            del damaged[start:start + rng.randint(1, 2000)]
        path = tmp_path / f"damaged{trial}.{kind}"
        path.write_bytes(bytes(damaged))
        try:
            read(path)
        except PlanExtractError:
            pass


def test_docx_reader_needs_no_python_docx(tmp_path):
    """python-docx is a test dependency only (fixtures, renderings, the benchmark's baseline):
    the reader streams document.xml itself, so a DOCX converts with the package unimportable."""
    import subprocess
    import sys
    import docx
    path = tmp_path / "plan.docx"
    d = docx.Document()
    d.add_paragraph("某县卫生健康规划")
    d.add_paragraph("一、发展目标")
    d.add_paragraph("到2025年，人均预期寿命达到80岁。")
    d.save(path)
    code = ("import sys; sys.modules['docx'] = None\n"
            "from extract.pipeline import run\n"
            f"doc = run({str(path)!r}).document\n"
            "assert doc.source.format == 'docx', doc.source\n"
            "assert [h.title for h in doc.outline] == ['发展目标'], doc.outline\n"
            "assert [i.target.raw for i in doc.indicators] == ['80岁'], doc.indicators\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_form_feeds_are_page_breaks_not_blank_lines(tmp_path):
    """pdftotext-style text: a form feed starts the next page (the first is page 1) and is no
    blank line, so a table printed one cell per line, cut by a page break, keeps its rows."""
    from extract.pipeline import run
    rows = [("健康水平", "人均预期寿命", "岁", "78.2", "79", "预期性"),
            ("健康水平", "婴儿死亡率", "‰", "5.1", "≤5", "预期性"),
            ("健康服务", "每千人口执业（助理）医师数", "人", "2.6", "3.2", "约束性")]
    cells = ["领域", "指标", "单位", "2020年", "2025年", "属性"] + [c for r in rows for c in r]
    lines = ["东林县“十四五”卫生健康规划", "", "表1 主要指标"]
    for k, cell in enumerate(cells):
        lines.append(("\f" if k == 15 else "") + "\t" + cell)
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n\f到2025年，居民健康素养水平达到28%。\n", encoding="utf-8")
    doc = run(path).document
    got = [(i.category, i.name, i.unit, i.baseline.raw, i.target.raw, i.nature, i.source.page)
           for i in doc.indicators if i.source.kind == "table"]
    assert got == [r[:3] + (r[3], r[4], r[5], 1) for r in rows[:2]] + [rows[2] + (2,)]
    assert [i.source.page for i in doc.indicators if i.source.kind == "text"] == [3]
