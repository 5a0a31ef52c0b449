"""Text as real converters deliver it: DOCX paragraphs, web pages with their site chrome, crawler
Markdown. Every document here is invented for the test, in the shape each converter produces."""
import pytest

from extract.pipeline import run

BODY = "坚持以人民为中心的发展思想，统筹推进城乡基础设施建设，全面提升公共服务水平和城市治理能力"


def _outline(doc):
    return [(h.level, h.number, h.title) for h in doc.outline]


# --- DOCX -------------------------------------------------------------------------------------

def _docx(tmp_path, paragraphs, style=None):
    docx = pytest.importorskip("docx")
    from docx.enum.style import WD_STYLE_TYPE
    d = docx.Document()
    if style and style not in [s.name for s in d.styles]:
        d.styles.add_style(style, WD_STYLE_TYPE.PARAGRAPH)
    for text in paragraphs:
        d.add_paragraph(text, style=style if text else None)
    p = tmp_path / "plan.docx"
    d.save(p)
    return run(p).document, run(p).text


@pytest.mark.parametrize("style", [None, "Header", "Normal (Web)"])
def test_docx_paragraphs_are_never_joined(tmp_path, style):
    """Long paragraphs without a closing 。 and blank paragraphs between them stay paragraphs
    (only one cut inside brackets, as a PDF-to-Word conversion leaves a page break, joins);
    headings known only by their numbering; the title over two paragraphs is one title."""
    doc, text = _docx(tmp_path, [
        "临川市城乡建设", "“十四五”规划", "",
        "一、发展基础", "", BODY, "", BODY, "",
        "（一）基础设施建设", BODY + "。",
        "二、总体要求", "", BODY, "全面加强乡镇卫生院（社", "区卫生服务中心）建设。",
    ], style)
    assert _outline(doc) == [(1, "一", "发展基础"), (2, "（一）", "基础设施建设"), (1, "二", "总体要求")]
    assert doc.meta.title == "临川市城乡建设“十四五”规划"
    assert text.count(BODY) == 4
    assert "\n" + BODY + "\n" + BODY + "\n" in text
    assert text.endswith("\n" + BODY + "\n全面加强乡镇卫生院（社区卫生服务中心）建设。")
