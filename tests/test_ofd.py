"""OFD (GB/T 33190) reader (issue 13): small OFD files written by the test, as the standard lays
them out (OFD.xml → Doc_0/Document.xml → Pages/Page_N/Content.xml, TextObject/TextCode)."""
import io
import zipfile

import pytest

from extract.errors import ArchiveTooLarge, EmptyInput, OfdBroken
from extract.readers import RawLine, read

NS = "http://www.ofdspec.org/2016"


def _text_object(i, x, y, text, size=4.0, weight=None, per_char=False):
    """A TextObject at (x, y) mm; per_char writes one TextCode per character, as some writers do."""
    weight_attr = f' Weight="{weight}"' if weight else ""
    if per_char:
        codes = "".join(f'<ofd:TextCode X="{k * size}" Y="{size}">{ch}</ofd:TextCode>'
                        for k, ch in enumerate(text))
    else:
        codes = f'<ofd:TextCode X="0" Y="{size}">{text}</ofd:TextCode>'
    return (f'<ofd:TextObject ID="{i}" Boundary="{x} {y} 170 {size * 1.5}" Font="3" '
            f'Size="{size}"{weight_attr}>{codes}</ofd:TextObject>')


def _page(objects):
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
            f'<ofd:Layer ID="9"><ofd:PageBlock ID="10">{"".join(objects)}</ofd:PageBlock></ofd:Layer>'
            f'</ofd:Content></ofd:Page>')


def write_ofd(pages: list[list[str]], extra: dict[str, bytes] | None = None) -> bytes:
    ofd = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" '
           f'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo>'
           f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
    page_list = "".join(f'<ofd:Page ID="{k + 1}" BaseLoc="Pages/Page_{k}/Content.xml"/>'
                        for k in range(len(pages)))
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}">'
                f'<ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea>'
                f'<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
                f'<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'
                f'<ofd:Pages>{page_list}</ofd:Pages></ofd:Document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", ofd)
        z.writestr("Doc_0/Document.xml", document)
        z.writestr("Doc_0/Tpls/Tpl_0/Content.xml", _page([_text_object(1, 20, 10, "某某市人民政府文件")]))
        for k, content in enumerate(pages):
            z.writestr(f"Doc_0/Pages/Page_{k}/Content.xml", content)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buffer.getvalue()


def test_lines_in_reading_order_with_pages(tmp_path):
    page1 = _page([  # written out of order: the reader orders by position on the page
        _text_object(3, 25, 60, "（一）指导思想"),
        _text_object(1, 40, 30, "某市“十四五”养老服务体系规划", size=6, weight=700, per_char=True),
        _text_object(2, 25, 45, "一、总体要求", weight=700),
        _text_object(4, 25, 75, "到2025年，每千名老年人拥有养老床位"),
        _text_object(5, 140, 75, "40张。"),
        _text_object(6, 100, 280, "— 1 —"),
    ])
    page2 = _page([_text_object(1, 25, 30, "二、主要任务"), _text_object(2, 25, 45, "Smart city 建设")])
    path = tmp_path / "plan.ofd"
    path.write_bytes(write_ofd([page1, page2]))
    raw = read(path)
    assert raw.format == "ofd" and raw.pages == 2
    got = [(b.text, b.page, b.bold) for b in raw.blocks if isinstance(b, RawLine)]
    assert got == [("某市“十四五”养老服务体系规划", 1, True), ("一、总体要求", 1, True),
                   ("（一）指导思想", 1, False), ("到2025年，每千名老年人拥有养老床位40张。", 1, False),
                   ("— 1 —", 1, False), ("二、主要任务", 2, False), ("Smart city 建设", 2, False)]


def test_image_only_page_is_named(tmp_path):
    scan = _page([]).replace("</ofd:PageBlock>", '<ofd:ImageObject ID="5" Boundary="0 0 210 297" '
                             'ResourceID="7"/></ofd:PageBlock>')
    path = tmp_path / "mixed.ofd"
    path.write_bytes(write_ofd([_page([_text_object(1, 25, 30, "一、总体要求")]), scan]))
    raw = read(path)
    assert [b.text for b in raw.blocks] == ["一、总体要求"]
    assert [code for code, _ in raw.warnings] == ["reader.image_only_pages"]
    assert raw.warnings[0][1].startswith("page 2 of the OFD holds only images (scans) and was not read")


def test_pipeline_on_ofd(tmp_path):
    from extract.pipeline import run

    page = _page([_text_object(1, 25, 20, "某县“十四五”教育事业发展规划"),
                  _text_object(2, 25, 35, "一、发展基础"), _text_object(3, 25, 50, "（一）主要成就"),
                  _text_object(4, 25, 65, "二、主要任务")])
    path = tmp_path / "plan.ofd"
    path.write_bytes(write_ofd([page]))
    doc = run(path).document
    assert doc.source.format == "ofd"
    assert [(h.number, h.title, h.page) for h in doc.outline if h.level == 1] == \
        [("一", "发展基础", 1), ("二", "主要任务", 1)]


BAD = [
    ("text.ofd", lambda: "一、总体要求".encode(), OfdBroken, "not a readable ZIP"),
    ("plain.ofd", lambda: _zip({"a.txt": b"x"}), OfdBroken, "without OFD.xml"),
    ("cut.ofd", lambda: write_ofd([_page([_text_object(1, 1, 1, "正文" * 500)])])[:200], OfdBroken, "ZIP"),
    ("nopage.ofd", lambda: _zip({"OFD.xml": f'<ofd:OFD xmlns:ofd="{NS}"/>'.encode()}), OfdBroken, "no pages"),
    ("bad_xml.ofd", lambda: _zip({"OFD.xml": b"<ofd:OFD"}), OfdBroken, "damaged XML"),
    ("image_only.ofd", lambda: write_ofd([_page([])]), EmptyInput, "no text"),
    ("bomb.ofd", lambda: _zip({"OFD.xml": b"<a/>", "big.bin": b"\0" * (2 * 2**20)}), ArchiveTooLarge,
     "size limit"),
]


def _zip(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name, make, error, words", BAD, ids=[b[0] for b in BAD])
def test_bad_ofd_raises_a_clear_error(tmp_path, monkeypatch, name, make, error, words):
    from extract.readers import archive
    monkeypatch.setattr(archive, "DEFAULT_MAX_UNPACKED", 2**20)  # the bomb stays small
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(error) as caught:
        read(path)
    assert str(caught.value).startswith(f"{error.code} {path}")
    assert words in str(caught.value)


def test_a_page_read_from_the_parsers_events_is_the_page_read_whole(tmp_path, monkeypatch):
    """A page part over STREAM_PART bytes is read from the parser's events, its tree never whole
    (issue #14): it gives what the page's tree gives. Pages with text out of order, a code per
    character, bold, objects nested in objects, a page box of its own, an image-only page, a
    damaged page (left out with its warning), and ruled tables of the table generator."""
    import ruled_tables
    from extract.readers import ofd

    nested = _page([f'<ofd:PathObject ID="7" Boundary="20 20 100 20"><ofd:AbbreviatedData>M 0 0 L 100 0'
                    f'</ofd:AbbreviatedData>{_text_object(8, 25, 22, "框内的字")}</ofd:PathObject>',
                    _text_object(9, 25, 50, "框外的字", weight=700).replace(
                        "</ofd:TextObject>", f'{_text_object(10, 60, 80, "套在字里的字")}</ofd:TextObject>')])
    boxed = _page([_text_object(1, 25, 30, "三、保障措施")]).replace(
        "<ofd:Content>", "<ofd:Area><ofd:PhysicalBox>0 0 297 210</ofd:PhysicalBox></ofd:Area><ofd:Content>")
    scan = _page([]).replace("</ofd:PageBlock>", '<ofd:ImageObject ID="5" ResourceID="7"/></ofd:PageBlock>')
    pages = [_page([_text_object(3, 25, 60, "（一）指导思想"),
                    _text_object(1, 40, 30, "某市养老服务体系规划", size=6, weight=700, per_char=True),
                    _text_object(2, 25, 45, "一、总体要求")]),
             nested, boxed, scan, _page([_text_object(1, 25, 30, "二、主要任务")])[:-20]]
    files = [tmp_path / "pages.ofd"]
    files[0].write_bytes(write_ofd(pages))
    files += [ruled_tables.write_ofd(ruled_tables.spec(seed), tmp_path / f"ruled{seed}.ofd") for seed in (0, 1, 2, 3)]
    whole = [read(path) for path in files]
    assert any(code == "reader.ofd_page" for code, _ in whole[0].warnings)
    monkeypatch.setattr(ofd, "STREAM_PART", 0)
    assert [read(path) for path in files] == whole


def _damage(archive: bytes, member: str) -> bytes:
    """The archive with `member`'s compressed bytes made to start with a deflate block of the
    reserved type 3 (zlib: "invalid block type"), as a damaged download or disk leaves them."""
    info = zipfile.ZipFile(io.BytesIO(archive)).getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    return archive[:start] + b"\x07" + archive[start + 1:]


def test_a_page_whose_compressed_bytes_do_not_inflate_is_left_out_with_a_warning(tmp_path):
    path = tmp_path / "damaged.ofd"
    path.write_bytes(_damage(write_ofd([_page([_text_object(1, 25, 30, "一、总体要求")]),
                                        _page([_text_object(1, 25, 30, "二、主要任务")])]),
                             "Doc_0/Pages/Page_1/Content.xml"))
    raw = read(path)
    assert [b.text for b in raw.blocks] == ["一、总体要求"]
    assert [code for code, _ in raw.warnings] == ["reader.ofd_page"]
    assert "page 2 cannot be read" in raw.warnings[0][1] and "invalid block type" in raw.warnings[0][1]


def test_an_ofd_whose_main_part_does_not_inflate_is_one_clear_error(tmp_path):
    path = tmp_path / "damaged.ofd"
    path.write_bytes(_damage(write_ofd([_page([_text_object(1, 25, 30, "一、总体要求")])]), "Doc_0/Document.xml"))
    with pytest.raises(OfdBroken) as caught:
        read(path)
    assert "damaged or missing part 'Doc_0/Document.xml'" in str(caught.value)
