"""Metamorphic tests: each annotated corpus document re-rendered the way real converters deliver
it must give the same outline (top two levels) and meta as the clean text. Generated in the test
run from the corpus; nothing is committed.

- radicals: every ideograph that has a Kangxi radical or CJK Radicals Supplement code point is
  written with it (a PDF printed from a Mac);
- lost brackets: the opening `（` of every bracketed number at a line start dropped (an online
  PDF converter);
- DOCX: every line a Normal paragraph, no heading styles (python-docx);
- HTML: every line a <p>, wrapped in a government site's chrome (menus, breadcrumb, counters,
  toolbar, 相关解读, footer);
- crawler Markdown: front matter that repeats what the document prints (发布日期 / 发布机构 /
  原文链接, then ---, then 政策全文).
"""
import html
from pathlib import Path

import pytest
import regex

from conftest import ANNOTATIONS, CORPUS
from extract.lexicon.codepoints import code_point_table
from extract.pipeline import run

STEMS = sorted(p.stem for p in ANNOTATIONS.glob("*.json"))


def _source(stem: str) -> str:
    return next(CORPUS.glob(stem + ".*")).read_text(encoding="utf-8")


def _facts(doc):
    return ([(h.level, h.number, h.title) for h in doc.outline if h.level <= 2],
            doc.meta.model_dump(mode="json"))


@pytest.fixture(scope="module")
def clean(extracted):
    return {stem: _facts(extracted(next(CORPUS.glob(stem + ".*"))).document) for stem in STEMS}


def _radicals(text: str) -> str:
    inverse: dict[int, int] = {}
    for radical, unified in sorted(code_point_table().items()):
        if 0x2E80 <= radical <= 0x2FD5:
            inverse.setdefault(unified, radical)
    return text.translate(inverse)


def _lost_brackets(text: str) -> str:
    return regex.sub(r"(?m)^([ \t\u3000]*)[（(](?=\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[）)])", r"\1", text)


def _docx(text: str, path: Path) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    d.save(path)
    return path


CHROME_TOP = """<div class="nav"><a>首页</a> | <a>政务公开</a> | <a>政务服务</a> | <a>互动交流</a>
<span>关怀版</span> <span>无障碍</span> <span>繁</span> <span>EN</span></div>
<form><input type="text" placeholder="请输入关键字"><button>搜索</button></form>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<div class="info">浏览量：1283</div><div>文字大小：大 中 小</div>"""
CHROME_BOTTOM = """<div>【打印】【关闭】</div><div>相关解读</div><ul><li>一图读懂本规划</li><li>专家解读本规划</li></ul>
<div class="foot">主办单位：本站编辑部 网站标识码：0000000001</div><div>X ICP备00000000号-1</div>"""


def _html(text: str, path: Path) -> Path:
    body = "\n".join(f"<p>{html.escape(line)}</p>" if line.strip() else "" for line in text.split("\n"))
    path.write_text(f"<html><body>{CHROME_TOP}\n<div class=\"content\">{body}</div>\n{CHROME_BOTTOM}"
                    f"</body></html>", encoding="utf-8")
    return path


def _crawled(text: str, meta: dict, path: Path) -> Path:
    def date(iso):
        if not iso:
            return ""
        y, m, d = iso.split("-")
        return f"{int(y)}年{int(m)}月{int(d)}日"
    head = (f"# {meta['title']}\n\n" if meta["title"] else "") + (
        f"**发布日期**: {date(meta['date'])}\n**发布机构**: {meta['issuer'] or ''}\n**分类**: \n"
        "**原文链接**: https://www.example.gov.cn/zwgk/ghjh/content_0000000000000000000000000000.html\n\n"
        "---\n\n## 政策全文\n\n")
    path.write_text(head + text, encoding="utf-8")
    return path


VARIANTS = ["radicals", "lost_brackets", "docx", "html", "crawler"]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("stem", STEMS)
def test_same_outline_and_meta(stem, variant, clean, tmp_path):
    text = _source(stem)
    if variant == "radicals":
        path = tmp_path / "doc.txt"
        path.write_text(_radicals(text), encoding="utf-8")
        assert path.read_text(encoding="utf-8") != text
    elif variant == "lost_brackets":
        path = tmp_path / "doc.txt"
        path.write_text(_lost_brackets(text), encoding="utf-8")
    elif variant == "docx":
        path = _docx(text, tmp_path / "doc.docx")
    elif variant == "html":
        path = _html(text, tmp_path / "doc.html")
    else:
        path = _crawled(text, clean[stem][1], tmp_path / "doc.md")
    got = _facts(run(path).document)
    assert got[0] == clean[stem][0]
    assert got[1] == clean[stem][1]
