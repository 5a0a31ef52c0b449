"""Tables printed without rules (extract/readers/columns.py): from the PDF's character boxes and
from a layout text's display columns, by one mechanism.

- every annotated corpus table printed as an unruled PDF (no rule; a 三线表; its header not
  printed again after the page break) and as `pdftotext -layout` text (values at the top of
  their rows or centred, with or without blank lines between rows; a page break inside the
  table) reads back to the annotation's indicator figures (tests/unruled_tables.py);
- invented tables, field by field against the invented content: a name with a space, a name
  wrapped over lines, an empty cell, a header over two lines, sub-heading rows, a category
  printed once;
- prose must stay prose: two columns of text under a line of header words, justified text,
  captions side by side (PDF and text).
Generated in the test run; nothing is committed. Layout-text cases of the same class are in
tests/cases/tables/layout.yaml.
"""
import json

import pytest

import forms
import unruled_tables as U
from extract.evaluate.indicators import score_indicators

DOCS = forms.annotated()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("unruled")


@pytest.mark.parametrize("form", U.PDF_RULES + U.LAYOUTS)
def test_every_annotated_table_reads_the_same(folder, form):
    from extract.pipeline import run
    out = folder / form
    out.mkdir()
    outputs, golds = {}, {}
    for stem, inds in DOCS.items():
        doc = run(U.write(form, stem, inds, out), stop_after="indicators").document
        outputs[stem] = json.loads(doc.model_dump_json())
        golds[stem] = {"indicators": inds}
    scores = {s.field: (s.tp, s.n_pred, s.n_gold) for s in score_indicators(outputs, golds)}
    n = sum(len(v) for v in DOCS.values())
    assert scores == {f: (n, n, n) for f in scores}, scores


# ---- invented tables, field by field ---------------------------------------------------------

HEADER = ["序号", "类别", "指标", "单位", "2020年", "2025年", "属性"]
ROWS = [  # (category printed once), a name with a space, a long name that wraps, an empty cell
    ["1", "经济发展", "地区生产总值年均增长", "%", "6.1", "6左右", "预期性"],
    ["2", "", "PM2.5 年均浓度", "微克/立方米", "35", "≤30", "约束性"],
    ["3", "", "数字经济核心产业增加值占地区生产总值比重", "%", "", "10", "预期性"],
    ["4", "民生福祉", "城镇调查失业率", "%", "5.2", "≤5.5", "预期性"],
    ["5", "", "每千人口拥有3岁以下婴幼儿托位数", "个", "1.2", "4.5", "预期性"],
]
FIELDS = ("name", "category", "unit", "baseline", "target", "nature")


def _expected(rows=ROWS):
    out, cat = [], ""
    for r in rows:
        cat = r[1] or cat
        out.append({"name": r[2].replace(" ", ""), "category": cat, "unit": r[3], "baseline": r[4] or None,
                    "target": r[5], "nature": r[6]})
    return out


def _got(path):
    from extract.pipeline import run
    doc = run(path, stop_after="indicators").document
    return [{"name": i.name.replace(" ", ""), "category": i.category, "unit": i.unit,
             "baseline": i.baseline.raw if i.baseline else None, "target": i.target.raw if i.target else None,
             "nature": i.nature} for i in doc.indicators if i.source.kind == "table"]


@pytest.mark.parametrize("form", U.PDF_RULES + U.LAYOUTS)
def test_invented_table_field_by_field(tmp_path, form):
    path = U.write_table(form, HEADER, ROWS, 1, tmp_path)
    assert _got(path) == _expected()


def test_invented_table_two_header_lines_and_sub_headings(tmp_path):
    """`2020年` over `基期值` is one header; 约束性指标 / 预期性指标 lines are the rows' group."""
    text = "\n".join([
        "某县农业农村现代化规划", "", "表1 主要指标", "",
        "  序号   指标名称                    单位        2020年      2025年      指标属性",
        "                                                 基期值      目标值",
        "         约束性指标",
        "  1      粮食综合生产能力            万吨        52.3        ≥53         约束性",
        "  2      高标准农田建设面积          万亩        18.6        25          约束性",
        "         预期性指标",
        "  3      农产品加工业产值与农业      —           1.9         2.4         预期性",
        "         总产值比",
        "  4      休闲农业接待人次            万人次                  120         预期性",
        "", "二、重点任务", "加快建设农业强县。", ""])
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    from extract.pipeline import run
    doc = run(path, stop_after="indicators").document
    got = [(i.name, i.unit, i.group, i.baseline.raw if i.baseline else None, i.baseline.year if i.baseline else None,
            i.target.raw, i.target.year, i.nature) for i in doc.indicators if i.source.kind == "table"]
    assert got == [
        ("粮食综合生产能力", "万吨", "约束性指标", "52.3", 2020, "≥53", 2025, "约束性"),
        ("高标准农田建设面积", "万亩", "约束性指标", "18.6", 2020, "25", 2025, "约束性"),
        ("农产品加工业产值与农业总产值比", "—", "预期性指标", "1.9", 2020, "2.4", 2025, "预期性"),
        ("休闲农业接待人次", "万人次", "预期性指标", None, None, "120", 2025, "预期性"),
    ]


# ---- prose stays prose ------------------------------------------------------------------------

# two columns side by side under a line of header words (`2020年` | `2025年`: then and now), and
# justified lines whose words (numbers among them) stand apart
LEFT = ["2020年", "全县地区生产总值达到320亿元，", "城镇居民人均可支配收入36000元，", "农村居民人均可支配收入",
        "16850元，城乡差距逐步缩小。"]
RIGHT = ["2025年", "全县地区生产总值力争突破450亿", "元，城镇居民人均可支配收入达到", "50000元，农村居民人均可支配",
         "收入达到24000元。"]
JUSTIFIED = [["全县", "粮食", "生产", "能力", "稳步", "提升，", "2020年", "总产量", "达到", "52", "万吨，"],
             ["比", "2015年", "增长", "8%", "，", "农民", "收入", "持续", "较快", "增长", "。"],
             ["预计", "到", "2025年", "总产量", "达到", "55", "万吨", "以上", "。"]]


def _two_columns_text() -> str:
    width = max(U._width(t) for t in LEFT) + 6
    lines = ["  " + a + " " * (width - U._width(a)) + b for a, b in zip(LEFT, RIGHT)]
    justified = ["  ".join(words) for words in JUSTIFIED]
    captions = ["图1 全县地区生产总值（2016-2020）    图2 三次产业结构（2016-2020）"]
    return "\n".join(["某县发展规划", "", *lines, *justified, "", *captions, ""]) + "\n"


def test_prose_in_columns_is_no_table_text(tmp_path):
    from extract.readers import read
    path = tmp_path / "prose.txt"
    path.write_text(_two_columns_text(), encoding="utf-8")
    raw = read(path)
    assert not any("\t" in b.text for b in raw.blocks), [b.text for b in raw.blocks]
    from extract.pipeline import run
    assert run(path, stop_after="tables").state.tables == []


def test_prose_in_columns_is_no_table_pdf(tmp_path):
    """Two columns of prose under a line of header words, and justified lines with numbers
    standing apart: PDF rows stay text (no row of cells)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from extract.readers import read
    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    path = tmp_path / "prose.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont(font, 11)
    y = 780
    c.drawString(72, y, "某县发展规划")
    for a, b in zip(LEFT, RIGHT):
        y -= 18
        c.drawString(72, y, a)
        c.drawString(310, y, b)
    for words in JUSTIFIED:
        y -= 18
        x = 72
        for w in words:   # justified: the words spread over the line
            c.drawString(x, y, w)
            x += pdfmetrics.stringWidth(w, font, 11) + 14
    c.save()
    raw = read(path)
    texts = [b.text for b in raw.blocks]
    assert not any("\t" in t for t in texts), texts
    assert "2020年 2025年" in texts   # the row as it was read before (parts joined by a space)
