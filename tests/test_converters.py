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


# --- web pages and crawler Markdown -------------------------------------------------------------

import yaml  # noqa: E402
from pathlib import Path  # noqa: E402

from extract.lexicon.site import fields, is_chrome  # noqa: E402

SITE = yaml.safe_load((Path(__file__).parent / "cases" / "site.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("line", SITE["chrome"])
def test_chrome_line(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", SITE["body"])
def test_body_line_is_not_chrome(line):
    assert not is_chrome(line)


def test_metadata_line_fields():
    assert fields("索引号：0001/2023-00012 发文机关：临川市人民政府 成文日期：2023年06月05日") == [
        ("other", "0001/2023-00012"), ("issuer", "临川市人民政府"), ("written", "2023年06月05日")]


PLAN_BODY = ("一、总体要求\n坚持以人民为中心的发展思想，推进城乡融合发展。\n"
             "（一）发展目标\n到2025年，全市数字经济核心产业增加值占比达到10%。\n"
             "二、保障措施\n加强组织领导，落实工作责任。\n")

HTML_PAGE = """<html><head><title>临川市人民政府</title></head><body>
<div class="top"><a>首页</a> | <a>政务公开</a> | <a>关怀版</a> | <a>无障碍</a> | <a>繁</a> | <a>EN</a></div>
<div><input placeholder="请输入关键字"> 搜索</div>
<div>当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<table><tr><td>索引号：</td><td>0001/2023-00012</td><td>主题分类：</td><td>规划计划</td></tr>
<tr><td>发文机关：</td><td>临川市人民政府办公室</td><td>成文日期：</td><td>2023年06月05日</td></tr>
<tr><td>发文字号：</td><td>临政办发〔2023〕12号</td><td>发布日期：</td><td>2023年06月08日</td></tr></table>
<h1>临川市数字经济发展“十四五”规划</h1>
<div>浏览量：1283</div><div>文字大小：大 中 小</div>
{body}
<div>打印 收藏 关闭</div>
<div>相关解读</div><div>《临川市数字经济发展“十四五”规划》图解</div><div>一图读懂数字经济规划</div>
<div>主办单位：临川市人民政府办公室</div><div>苏ICP备12345678号-1</div>
</body></html>"""


def _html(tmp_path, body):
    paras = "".join(f"<p>{line}</p>" for line in body.strip().split("\n"))
    p = tmp_path / "page.html"
    p.write_text(HTML_PAGE.replace("{body}", paras), encoding="utf-8")
    return run(p)


def test_web_page_chrome_stays_out_and_its_metadata_fills_meta(tmp_path):
    result = _html(tmp_path, PLAN_BODY)
    doc = result.document
    assert _outline(doc) == [(1, "一", "总体要求"), (2, "（一）", "发展目标"), (1, "二", "保障措施")]
    for chrome in ("关怀版", "浏览量", "文字大小", "打印", "ICP", "当前位置", "相关解读", "一图读懂", "关键字"):
        assert chrome not in result.text, chrome
    assert (doc.meta.title, doc.meta.issuer, doc.meta.doc_number, doc.meta.date) == (
        "临川市数字经济发展“十四五”规划", "临川市人民政府办公室", "临政办发〔2023〕12号", "2023-06-05")
    assert doc.tables == []


def test_a_signature_in_the_body_wins_over_the_page_metadata(tmp_path):
    body = PLAN_BODY + "临川市发展和改革委员会\n临川市工业和信息化局\n2023年6月1日\n"
    doc = _html(tmp_path, body).document
    assert (doc.meta.issuer, doc.meta.date) == ("临川市发展和改革委员会、临川市工业和信息化局", "2023-06-01")


CRAWLED = """# 临川市数字经济发展“十四五”规划

**发布日期**: 2023年6月8日
**发布机构**: 临川市
**分类**: 
**原文链接**: https://www.example.gov.cn/zwgk/ghjh/2023/06/08/content_123456789012345678901234567890.html

---

## 政策全文

{body}
"""


def test_crawler_front_matter_fills_meta_but_a_signature_wins(tmp_path):
    p = tmp_path / "crawled.md"
    p.write_text(CRAWLED.replace("{body}", PLAN_BODY), encoding="utf-8")
    result = run(p)
    doc = result.document
    assert _outline(doc) == [(1, "一", "总体要求"), (2, "（一）", "发展目标"), (1, "二", "保障措施")]
    assert (doc.meta.title, doc.meta.issuer, doc.meta.date) == (
        "临川市数字经济发展“十四五”规划", "临川市", "2023-06-08")
    assert "政策全文" not in result.text and "---" not in result.text
    p.write_text(CRAWLED.replace("{body}", PLAN_BODY + "临川市人民政府办公室\n2023年6月5日\n"), encoding="utf-8")
    doc = run(p).document
    assert (doc.meta.issuer, doc.meta.date) == ("临川市人民政府办公室", "2023-06-05")
