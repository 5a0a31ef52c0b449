"""Table rebuilding: case tables of flattened text (tests/cases/tables/*.yaml) → expected rows,
and the corpus tables (indicator tables of every document, the projects table of 004)."""
from pathlib import Path

import pytest
import yaml

from conftest import CORPUS, EXTERNAL

CASES = sorted((Path(__file__).parent / "cases" / "tables").glob("*.yaml"))


def _cases():
    return [pytest.param(case, id=f"{f.stem}: {case['name']}")
            for f in CASES for case in yaml.safe_load(f.read_text(encoding="utf-8")) if "text" in case]


def run_text(tmp_path, text: str, suffix: str = ".txt", stop_after: str = "tables"):
    from extract.pipeline import run
    path = tmp_path / f"case{suffix}"
    path.write_text(text.replace("⇥", "\t").replace("␌", "\f"), encoding="utf-8")   # ␌: a form feed
    return run(path, stop_after=stop_after)


@pytest.mark.parametrize("case", _cases())
def test_case(tmp_path, case):
    suffix = ".md" if "<table" in case["text"] or "|---" in case["text"] else ".txt"
    result = run_text(tmp_path, case["text"], suffix, "indicators" if "indicators" in case else "tables")
    if "indicators" in case:
        check_indicators([i for i in result.state.indicators if i.source.kind == "table"], case["indicators"])
    tables = result.state.tables
    assert len(tables) == len(case["tables"]), [t.columns for t in tables]
    for got, want in zip(tables, case["tables"]):
        assert got.kind == want["kind"]
        if "title" in want:
            assert got.title == want["title"]
        assert got.columns == want["columns"]
        assert got.rows == want["rows"]
        assert len(got.row_spans) == len(got.rows)
        text = result.state.norm.text
        for row, span in zip(got.rows, got.row_spans):
            assert 0 <= span[0] < span[1] <= len(text)
    if "outline" in case:   # a line the table owns (a sub-heading row) is no heading of the outline
        assert [h.title for h in result.state.outline] == case["outline"]
    codes = sorted(w.code for w in result.state.warnings if w.code.startswith("table."))
    assert codes == sorted(case.get("warnings", []))
    for table in tables:   # every row knows its page and its sub-heading
        assert len(result.state.table_rows[table.id]) == len(table.rows)


def test_corpus_projects_table(extracted):
    doc = extracted(next(CORPUS.glob("004_*.txt"))).document
    projects = [t for t in doc.tables if t.kind == "projects"]
    assert len(projects) == 1
    t = projects[0]
    assert t.title == "“十四五”重点建设项目计划表"
    assert t.columns == ["序号", "项目名称", "主要建设内容及规模", "建设性质", "规划投资建议（万元）", "预计开工时间"]
    assert [r[0] for r in t.rows] == [str(i) for i in range(1, 10)]
    assert t.rows[3][1] == "安宁市太平卫生院异地新建项目"
    assert t.rows[3][3:5] == ["新建", "4800"]


@pytest.mark.parametrize("stem,title,n", [
    ("000", None, 22),
    ("001", "临夏州“十四五”卫生健康事业发展主要指标", 18),
    ("002", "“十四五”时期卫生健康事业发展指标", 32),
    ("004", "“十四五”规划主要指标一览表", 27),
])
def test_corpus_indicator_tables(extracted, stem, title, n):
    doc = extracted(next(CORPUS.glob(f"{stem}_*.txt"))).document
    t = [t for t in doc.tables if t.kind == "indicators"]
    assert len(t) == 1
    assert t[0].title == title
    assert len(t[0].rows) == n
    assert t[0].section is not None


def test_no_table_of_contents_or_prose_tables(extracted):
    doc = extracted(next(CORPUS.glob("001_*.txt"))).document
    assert [t.kind for t in doc.tables] == ["indicators"]
    doc = extracted(next(CORPUS.glob("003_*.txt"))).document
    assert doc.tables == []


@pytest.mark.skipif(not (EXTERNAL / "ext03_guojia_yingji_14th.md").exists(), reason="external documents absent")
def test_external_one_cell_per_line():
    from extract.pipeline import run
    doc = run(EXTERNAL / "ext03_guojia_yingji_14th.md").document
    t = [t for t in doc.tables if t.kind == "indicators"]
    assert t and t[0].columns == ["序号", "指标", "预期值", "属性"]
    assert len(t[0].rows) == 7


@pytest.mark.skipif(not (EXTERNAL / "ext05_guangxi_gongxin_12th_projects.txt").exists(),
                    reason="external documents absent")
def test_external_tab_rows_never_raise():
    from extract.pipeline import run
    doc = run(EXTERNAL / "ext05_guangxi_gongxin_12th_projects.txt").document
    first = doc.tables[0]
    assert first.kind == "indicators"
    assert first.columns[:7] == ["类别", "指标", "单位", "2010", "2015", "增长幅度", "属性"]
    assert first.rows[0][:3] == ["综合实力", "工业总产值", "亿元"]  # a category stacked one character a line


# --- tables the reader delivers (DOCX, ruled PDF): invented RawTables ---------------------------

def _reader_tables(table):
    return _reader_state(table).tables


def _reader_state(table, before=()):
    from extract.raw import RawDocument, RawLine
    from extract.stages import indicators, normalize, projects, segment, tables
    from extract.state import State
    blocks = [RawLine("某市卫生健康发展规划", page=1), RawLine("一、主要任务", page=1),
              RawLine("加强协同，推动各项工作落实到位。", page=1)] + [RawLine(t, page=1) for t in before] + [table,
              RawLine("二、保障措施", page=3), RawLine("加强组织领导。", page=3)]
    state = State(raw=RawDocument(path="x.pdf", format="pdf", sha256="0", blocks=blocks, pages=3))
    for stage in (normalize.run, segment.run, tables.run, indicators.run, projects.run):
        stage(state)
    return state


def test_reader_table_header_of_plain_labels():
    """A first row of short labels over rows of longer text is the header, vocabulary or not."""
    from extract.raw import RawTable
    rows = [["单  位", "工作重点", "关联内容"],
            ["市交通局", "发展公共交通，加强道路安全管理。", "出行环境、意外伤害"],
            ["市体育局", "建设健身步道，推广全民健身活动。", "生活方式、健康环境"]]
    [t] = _reader_tables(RawTable(rows=rows, pages=[1], header_rows=1))
    assert t.kind == "other"
    assert t.columns == ["单位", "工作重点", "关联内容"]
    assert t.rows[0] == ["市交通局", "发展公共交通，加强道路安全管理。", "出行环境、意外伤害"]


def test_reader_table_first_row_of_data_is_not_a_header():
    from extract.raw import RawTable
    rows = [["市交通局", "发展公共交通", "出行环境"],
            ["市体育局", "建设健身步道，推广全民健身活动。", "生活方式、健康环境"],
            ["市交通局", "加强道路安全管理，减少交通事故。", "意外伤害"]]
    [t] = _reader_tables(RawTable(rows=rows, pages=[1], header_rows=1))
    assert t.columns == ["", "", ""]
    assert len(t.rows) == 3


def test_reader_table_merged_name_header_title_and_pages():
    """指标 printed over the category and name columns; the reader took the caption and knows the
    pages the table runs over."""
    from extract.raw import RawTable
    rows = [["指标", "", "2025年", "属性"],
            ["卫生资源", "每千人口床位数（张）", "6.5", "预期性"],
            ["卫生资源", "每千人口执业医师数（人）", "3.2", "预期性"],
            ["卫生资源", "每万人口全科医生数（人）", "4", "约束性"],
            ["健康水平", "人均预期寿命（岁）", "≥80", "预期性"],
            ["健康水平", "婴儿死亡率（‰）", "≤4", "预期性"]]
    [t] = _reader_tables(RawTable(rows=rows, pages=[1, 2], header_rows=1, title="主要发展指标"))
    assert t.kind == "indicators"
    assert t.columns == ["类别", "指标", "2025年", "属性"]
    assert t.title == "主要发展指标"
    assert t.pages == [1, 2]


@pytest.mark.parametrize("rows", [
    [["专栏1 公共卫生能力提升工程"],
     ["1.疾病预防控制体系建设工程：建设市疾控中心实验室，改造县级疾控机构。"],
     ["2.传染病医院建设工程：新建市传染病医院，床位300张。"]],
    [["专栏1 公共卫生能力提升工程", "专栏1 公共卫生能力提升工程"],   # a merged caption row, repeated
     ["疾病预防控制体系建设工程", "建设市疾控中心实验室，改造县级疾控机构。"],
     ["传染病医院建设工程", "新建市传染病医院，床位300张。"]],
    [["专栏一 公共卫生能力提升工程", ""],
     ["（1）疾病预防控制体系建设工程。建设市疾控中心实验室，改造县级疾控机构。", ""],
     ["（2）传染病医院建设工程。新建市传染病医院，床位300张。", ""]],
])
def test_reader_table_that_is_a_box(rows):
    """A ruled 专栏 whose first row is its caption: a box whose rows are its items, not a table."""
    from extract.raw import RawTable
    state = _reader_state(RawTable(rows=rows, pages=[1], header_rows=1))
    assert state.tables == []
    [box] = state.boxes
    assert (box.id, box.number, box.title) == ("b1", "1", "公共卫生能力提升工程")
    got = [(p.name, p.content, p.box, p.source.kind) for p in state.projects]
    assert got == [("疾病预防控制体系建设工程", "建设市疾控中心实验室，改造县级疾控机构。", "1", "box"),
                   ("传染病医院建设工程", "新建市传染病医院，床位300张。", "1", "box")]
    text = state.norm.text
    for p in state.projects:   # each project's span is its own printed row
        a, b = p.source.span
        assert "\n" not in text[a:b] and p.name[:4] in text[a:b]


def test_reader_box_with_a_header_stays_a_table():
    from extract.raw import RawTable
    rows = [["专栏2 重大建设项目", "专栏2 重大建设项目", "专栏2 重大建设项目"],
            ["项目名称", "建设内容", "总投资（万元）"],
            ["市传染病医院", "新建病房楼，床位300张", "52000"],
            ["市疾控中心实验室", "改造实验室3000平方米", "8000"]]
    state = _reader_state(RawTable(rows=rows, pages=[1], header_rows=1))
    assert state.boxes == []
    [t] = state.tables
    assert t.kind == "projects"
    assert [p.name for p in state.projects] == ["市传染病医院", "市疾控中心实验室"]


# --- ruled tables as they are printed (tests/cases/tables/ruled.yaml) ---------------------------

RULED = [c for c in yaml.safe_load((Path(__file__).parent / "cases" / "tables" / "ruled.yaml").read_text(encoding="utf-8"))
         if "rows" in c]   # the text cases run in test_case


def _quantity_matches(got, want):
    if want is None:
        return got is None
    if got is None:
        return False
    raw, year, *value = want
    return (got.raw, got.year) == (raw, year) and (not value or got.value == value[0])


def check_indicators(indicators, wants):
    assert len(indicators) == len(wants), [(i.name, i.status) for i in indicators]
    for ind, want in zip(indicators, wants):
        for key, value in want.items():
            if key == "baseline":
                assert _quantity_matches(ind.baseline, value), (ind.name, ind.baseline)
            elif key == "targets":
                assert len(ind.targets) == len(value), (ind.name, ind.targets)
                for q, w in zip(ind.targets, value):
                    assert _quantity_matches(q, w), (ind.name, q)
                assert ind.target == (ind.targets[-1] if ind.targets else None)
            elif key == "page":
                assert ind.source.page == value, ind.name
            else:
                assert getattr(ind, key) == value, (ind.name, key)


@pytest.mark.parametrize("case", RULED, ids=[c["name"] for c in RULED])
def test_ruled_case(case):
    from extract.raw import RawTable
    table = RawTable(rows=case["rows"], pages=case.get("pages", [1]), header_rows=1, title=case.get("title"),
                     wide={(r, c): n for r, c, n in case.get("wide", [])}, row_pages=case.get("row_pages", []),
                     short={r: n for r, n in case.get("short", [])})
    state = _reader_state(table, case.get("before", ()))
    check_indicators([i for i in state.indicators if i.source.kind == "table"], case["indicators"])
    if "warnings" in case:
        assert sorted(w.code for w in state.warnings) == sorted(case["warnings"])


def _table_indicators(path, text):
    """The indicators read from the tables of an invented document written to path."""
    from extract.pipeline import Settings, run
    path.write_text(text, encoding="utf-8")
    return [i for i in run(path, Settings(ocr="off"), stop_after="indicators").state.indicators
            if i.source.kind == "table"]


def test_html_rows_that_leave_out_the_category_cell(tmp_path):
    """A web page's table whose rows under a category leave its cell out, with no rowspan (the
    browser shifts them left): each row's cells are placed by what they are, the category
    carried down. Invented page."""
    page = ("<html><body><p>某县卫生健康事业发展规划</p><p>表1 主要指标</p><table border='1'>"
            "<tr><th>类别</th><th>指标</th><th>单位</th><th>2020年</th><th>2025年</th><th>属性</th></tr>"
            "<tr><td>健康水平</td><td>人均预期寿命</td><td>岁</td><td>78.3</td><td>79</td><td>预期性</td></tr>"
            "<tr><td>婴儿死亡率</td><td>‰</td><td>3.6</td><td>≤4</td><td>约束性</td></tr>"
            "<tr><td>健康服务</td><td>每千人口医疗卫生机构床位数</td><td>张</td><td>5.7</td><td>6.4</td><td>预期性</td></tr>"
            "<tr><td>每万人口全科医生数</td><td>人</td><td>2.9</td><td>3.9</td><td>约束性</td></tr>"
            "</table><p>二、主要任务</p></body></html>")
    got = _table_indicators(tmp_path / "plan.html", page)
    assert [(i.name, i.category, i.unit, i.nature) for i in got] == [
        ("人均预期寿命", "健康水平", "岁", "预期性"), ("婴儿死亡率", "健康水平", "‰", "约束性"),
        ("每千人口医疗卫生机构床位数", "健康服务", "张", "预期性"), ("每万人口全科医生数", "健康服务", "人", "约束性")]
    assert [(i.baseline.raw, i.target.raw) for i in got] == [("78.3", "79"), ("3.6", "≤4"), ("5.7", "6.4"), ("2.9", "3.9")]


def test_html_table_inside_a_text_is_read_as_a_web_page_table_is(tmp_path):
    """An HTML <table> left inside a Markdown text is read by the HTML reader's table code and
    the same assembly: a row that leaves out the category cell placed by what its cells are, a
    year merged over 目标值 | 属性 heading the target column only. Invented text."""
    text = ("# 某县卫生健康事业发展规划\n\n表1 主要指标\n\n<table>"
            "<tr><th rowspan='2'>类别</th><th rowspan='2'>指标</th><th rowspan='2'>2020年</th><th colspan='2'>2025年</th></tr>"
            "<tr><th>目标值</th><th>属性</th></tr>"
            "<tr><td>健康水平</td><td>人均预期寿命（岁）</td><td>78.3</td><td>79</td><td>预期性</td></tr>"
            "<tr><td>婴儿死亡率（‰）</td><td>3.6</td><td>≤4</td><td>约束性</td></tr>"
            "</table>\n\n## 二、主要任务\n")
    got = _table_indicators(tmp_path / "plan.md", text)
    assert [(i.name, i.category, i.unit, i.nature, i.baseline.raw, i.baseline.year, [(t.raw, t.year) for t in i.targets])
            for i in got] == [("人均预期寿命", "健康水平", "岁", "预期性", "78.3", 2020, [("79", 2025)]),
                              ("婴儿死亡率", "健康水平", "‰", "约束性", "3.6", 2020, [("≤4", 2025)])]
