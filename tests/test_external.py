"""Generality on real documents written by others (../shared/external). Skips when absent.

Expected values were read off the documents themselves (their printed notice and headings).
"""
import pytest

from conftest import EXTERNAL

pytestmark = pytest.mark.skipif(not EXTERNAL.is_dir(), reason="../shared/external not present")


def _doc(name, extracted):
    path = EXTERNAL / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    return extracted(path).document


def test_gbk_notice_and_parts(extracted):
    doc = _doc("ext06_nanning_keji_13th_gbk.txt", extracted)
    assert doc.source.encoding == "gb18030"
    assert doc.meta.doc_number == "南府办〔2016〕71号"
    assert doc.meta.issuer == "南宁市人民政府办公厅"
    assert doc.meta.date == "2016-11-23"
    assert doc.meta.period.model_dump() == {"name": "十三五", "start": 2016, "end": 2020}
    top = [(h.level, h.number, h.title) for h in doc.outline if h.level <= 2][:3]
    assert top == [(1, "第一篇", "建设创新型南宁"), (2, "第一章", "把握发展新形势"), (2, "第二章", "确立发展新蓝图")]


def test_markdown_wrapper_national_plan(extracted):
    doc = _doc("ext03_guojia_yingji_14th.md", extracted)
    assert doc.meta.doc_number == "国发〔2021〕36号"
    level1 = [h.number for h in doc.outline if h.level == 1]
    assert level1[:10] == ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def _row(table, name):
    return next(r for r in table.rows if name in r)


def test_guangxi_industry_indicator_table(extracted):
    """表1 “十二五”广西工业和信息化主要发展指标: tab rows, categories written one character a line."""
    doc = _doc("ext05_guangxi_gongxin_12th_projects.txt", extracted)
    t = doc.tables[0]
    assert t.kind == "indicators"
    assert t.columns == ["类别", "指标", "单位", "2010", "2015", "增长幅度", "属性"]
    assert len(t.rows) == 37   # every printed row, the 信息化及两化融合 rows (an 8-line label) included
    by_name = {i.name: i for i in doc.indicators if i.source.kind == "table"}
    gross = by_name["工业总产值"]
    assert (gross.category, gross.unit, gross.baseline.raw, gross.target.raw, gross.nature) == \
        ("综合实力", "亿元", "11638.28", "24000", "预期性")
    net = by_name["互联网普及率"]
    assert (net.category, net.unit, net.baseline.raw, net.target.raw) == ("信息化及两化融合", "%", "30", "50")
    energy = _row(t, "规模以上万元工业增加值能耗（2010年价）")
    assert energy == ["可持续发展", "规模以上万元工业增加值能耗（2010年价）", "吨标煤/万元", "1.51", "1.18", "-22%", "约束性"]


def test_guangxi_industry_project_appendix(extracted):
    """The appendix lists 所列重大项目总计1568个项目 (its 合计 row: 1568项) under a header wrapped
    over four lines; group rows 一 食品工业 106项 are not projects."""
    doc = _doc("ext05_guangxi_gongxin_12th_projects.txt", extracted)
    t = next(t for t in doc.tables if t.kind == "projects")
    assert t.columns == ["序号", "项目名称", "建设规模及内容", "总投资（万元）", "建设起止年限", "项目所在地",
                         "业主或单位", "产业代码", "市代码"]
    projects = {p.name: p for p in doc.projects if p.source.kind == "table"}
    assert len([p for p in doc.projects if p.source.kind == "table"]) == 1568
    assert "食品工业" not in projects
    assert projects["石南六联食品工业集团项目"].budget.wan == 400000
    assert projects["石南六联食品工业集团项目"].start == "2012"
    # a row whose 建设规模及内容 runs over three printed lines
    assert projects["东化公司生产区环保整体迁建项目"].budget.wan == 160000
    assert projects["东化公司生产区环保整体迁建项目"].content.endswith("氯碱下游精细化工产品。")
    # a row whose 项目所在地 wraps (南宁市 / 高新区)
    assert projects["皇氏乳业特色乳品项目"].budget.wan == 259300
    assert _row(t, "皇氏乳业特色乳品项目")[5] == "南宁市高新区"
    assert projects["河池市化工产业园区基础设施及配套工程"].budget.wan == 760000


def test_guangxi_outline_indicator_boxes(extracted):
    """专栏1/专栏2 of the 十三五 outline: one cell per line, blank lines between, header of two levels,
    rows opened by numbered names; 专栏2 prints 34 numbered indicators, four of them
    (9 城镇化率, 14 互联网普及率, 31 森林增长, 33 地表水质量) only as parents of sub-names."""
    doc = _doc("ext04_guangxi_gangyao_13th.txt", extracted)
    box1, box2 = [t for t in doc.tables if t.kind == "indicators"][:2]
    assert box1.title.startswith("专栏1") and len(box1.rows) == 34
    assert box1.rows[0] == ["经济发展", "地区生产总值（亿元）", "9570", "15500", "10", "16803", "10.1"]
    assert box2.title.startswith("专栏2")
    assert box2.columns == ["类别", "指标", "2015年预计", "2020年", "年均增长（%）", "五年累计", "指标属性"]
    assert len(box2.rows) == 34 - 4 + 13
    ind = [i for i in doc.indicators if i.source.kind == "table" and i.source.table == box2.id]
    by_name = {i.name: i for i in ind}
    gdp = by_name["地区生产总值"]
    assert (gdp.unit, gdp.baseline.raw, gdp.target.raw, gdp.nature) == ("亿元", "16803", "24130", "预期性")
    urban = by_name["户籍人口城镇化率"]
    assert (urban.category, urban.unit, urban.baseline.raw, urban.target.raw, urban.nature) == \
        ("经济发展", "%", "32.4", "40", "约束性")
    life = by_name["人均预期寿命"]
    assert (life.category, life.unit, life.baseline.raw, life.target.raw, life.nature) == \
        ("民生福祉", "岁", "76", "77", "预期性")


@pytest.mark.slow   # a whole external PDF of many pages
def test_hubei_relics_indicator_table_under_merged_header(extracted):
    """“十四五”时期湖北省文物事业发展主要指标 (pages 10–12): 指标 printed over the category and
    name columns, categories (保护利用, 文物安全, 革命文物, 博物馆 …) merged down the side."""
    doc = _doc("ext01_hubei_wenwu_14th.pdf", extracted)
    t = next(t for t in doc.tables if t.kind == "indicators")
    assert t.columns == ["类别", "指标", "2025年", "属性"]
    assert t.title == "“十四五”时期湖北省文物事业发展主要指标"
    assert t.pages == [10, 11, 12]
    by_name = {i.name: i for i in doc.indicators if i.source.kind == "table"}
    assert len(by_name) == 25
    assert (by_name["湖北省文物保护单位增加数量"].category, by_name["湖北省文物保护单位增加数量"].nature) == \
        ("保护利用", "约束性")
    assert by_name["革命文物保护利用示范项目"].category == "革命文物"
    assert (by_name["县级博物馆覆盖率"].category, by_name["县级博物馆覆盖率"].unit,
            by_name["县级博物馆覆盖率"].target.raw) == ("博物馆", "%", "100")
    assert by_name["省级层面培训人员"].category == "人才培养"


def test_anhui_climate_box_projects(extracted):
    """专栏1–3 each list numbered 工程 `（1）name。content`: 3 + 2 + 2 projects."""
    doc = _doc("ext07_anhui_qihou_15th_draft.pdf", extracted)
    box1 = [p.name for p in doc.projects if p.box == "1"]
    assert box1 == ["甲烷综合治理工程", "电子信息制造业含氟温室气体替代减排工程", "电力系统六氟化硫替代减排工程"]
    assert sorted({p.box for p in doc.projects}) == ["1", "2", "3"]
    assert len(doc.projects) == 7


def test_jurong_policy_table_header(extracted):
    """附件 各部门政策开发的重点领域: a Word table of 24 rows, header 部门 | 政策开发重点领域 | 对应的健康因素."""
    doc = _doc("ext10_jurong_jiankang_zhengce.docx", extracted)
    [t] = doc.tables
    assert t.kind == "other"
    assert t.columns == ["部门", "政策开发重点领域", "对应的健康因素"]
    assert len(t.rows) == 23
    assert t.rows[0][0] == "市政府办"
    assert t.rows[-1][0] == "各镇（街道、管委会）"


# ---------------------------------------------------------------- projects: only projects
# Judged by reading each document's 专栏 and 重大工程 sections: what it names as a project, and
# what it lists that is not one (industries, parks, fields, directions, targets).

def test_national_emergency_plan_names_five_programmes(extracted):
    """ext03: 十、实施重大工程项目 names five 能力提升工程, each with numbered parts (1.–17.) that are
    its content; 专栏2–5 list sectors to rectify, a storage layout, research directions and products
    (titles ending 重点), none of them projects."""
    doc = _doc("ext03_guojia_yingji_14th.md", extracted)
    assert [(p.name, p.source.kind) for p in doc.projects] == [
        ("管理创新能力提升工程", "text"), ("风险防控能力提升工程", "text"), ("巨灾应对能力提升工程", "text"),
        ("综合支撑能力提升工程", "text"), ("社会应急能力提升工程", "text")]
    first = doc.projects[0]
    assert "应急救援指挥中心建设" in first.content and "安全监管监察能力建设" in first.content


def test_guangxi_outline_boxes_give_works_not_fields(extracted):
    """ext04: 重点工程 boxes print `label：content`; labels that name a work (出海通道, 大型灌区,
    江河湖泊治理, …基地) are projects, and so are zones whose item is their construction (城市新区：建设…);
    labels of a field (核电, 学前教育, 医疗机构, 社会保障), a zone that is only promoted (综合保税区：推进…)
    and boxes of industries, parks, directions (专栏12–16, 20, 23) are not."""
    doc = _doc("ext04_guangxi_gangyao_13th.txt", extracted)
    names = [p.name for p in doc.projects]
    for work in ("出海通道", "南北国际新通道", "大型灌区", "江河湖泊治理", "“双高”糖料蔗基地", "重大科技专项",
                 "退耕还林", "社区服务平台", "中国—东盟信息港"):
        assert work in names
    for field in ("核电", "水电", "风电", "天然气", "制糖业", "冶金行业", "电子信息产业", "学前教育", "高等教育",
                  "医疗机构", "社会保障", "养老服务", "安全生产", "海洋旅游", "跨境电子商务", "综合保税区",
                  "省际合作机制", "重大产业基地", "八大旅游精品", "重点项目"):
        assert field not in names
    assert not [p for p in doc.projects if p.box in ("12", "13", "14", "15", "16", "20", "23")]
    assert "城市新区" in names
    assert 50 <= len(names) <= 66


def test_guangxi_industry_boxes_give_only_their_engineering_projects(extracted):
    """ext05: 专栏1 (产业布局), 2 (工业园区), 3 (industries' technologies), 5 (企业) list no project;
    专栏4 prints four 【…工程】 bullets one a line, all projects; 专栏6's 产业集群 is a target."""
    doc = _doc("ext05_guangxi_gongxin_12th_projects.txt", extracted)
    boxed = [p for p in doc.projects if p.source.kind == "box"]
    assert [p.name for p in boxed if p.box == "4"] == [
        "“两化”融合试点工程", "智能工业工程", "行业信息化工程", "中小企业信息化工程"]
    assert not [p for p in boxed if p.box in ("1", "2", "3", "5")]
    assert "中小企业产业集群" not in [p.name for p in boxed]
    assert "工业产品质量提升工程" in [p.name for p in boxed if p.box == "7"]
    prose = [p.name for p in doc.projects if p.source.kind == "text"]
    assert not [n for n in prose if "技术改造" in n]   # 全区完成技术改造投资6200亿元: a region's total


def test_nanning_single_paragraph_boxes(extracted):
    """ext06: `专栏：title` over one paragraph; a title that names a project is the project, titles of
    industrialisation or tasks (…产业化, 构建科技服务网络, 环境保护创新体系建设) are not."""
    doc = _doc("ext06_nanning_keji_13th_gbk.txt", extracted)
    names = [p.name for p in doc.projects]
    for name in ("工业机器人产业技术支撑平台建设", "贫困县（区）农业科技示范区（科技示范村）建设",
                 "检验检测认证高技术服务区建设", "发明专利双倍增计划"):
        assert name in names
    for name in ("中药民族药新产品开发与产业化", "构建科技服务网络", "环境保护创新体系建设",
                 "南宁市重点领域专利产品产业化"):
        assert name not in names
    assert all(len(n) <= 40 and "，" not in n for n in names)


@pytest.mark.slow   # a whole external PDF of many pages, its first page OCRed
def test_hubei_relics_boxes_are_all_projects(extracted):
    """ext01: 专栏1–7 (titles of tasks) list named 工程 only."""
    doc = _doc("ext01_hubei_wenwu_14th.pdf", extracted)
    boxed = [p.name for p in doc.projects if p.source.kind == "box"]
    assert len(boxed) == 25 and all(n.endswith(("工程", "计划")) for n in boxed)

# ---------------------------------------------------------------- tasks (issue 12)

def test_hainan_child_health_tasks_closed_by_division_of_duties(extracted):
    """（一）…（六）, each a paragraph of 一是/二是 sub-items closed by
    （省卫生健康委、省民政厅…按职责分工负责）: six tasks, every unit a joint (support) duty."""
    doc = _doc("ext09_hainan_ertong_jiankang.docx", extracted)
    assert [(t.number, t.title) for t in doc.tasks] == [
        ("（一）", "加强出生缺陷综合防治服务"), ("（二）", "优化儿童保健服务管理"),
        ("（三）", "强化儿童医疗服务能力建设"), ("（四）", "增强儿童身体素质"),
        ("（五）", "预防儿童意外伤害"), ("（六）", "加大儿童健康知识宣传普及力度")]
    assert doc.tasks[0].responsible == ["省卫生健康委", "省民政厅", "省妇联", "省残联", "省红十字会", "省计生协"]
    assert doc.tasks[3].responsible == ["省教育厅", "省卫生健康委", "省旅游和文化广电体育厅", "省疾控局", "团省委",
                                        "省妇联", "省计生协"]
    assert doc.tasks[4].responsible[-2:] == ["省疾控局", "省妇联"]
    assert all(t.lead == [] and t.support == t.responsible for t in doc.tasks)
    assert not any("按职责" in t.text or "负责）" in t.text for t in doc.tasks)


def test_jurong_department_table_gives_the_tasks(extracted):
    """The attachment 各部门政策开发的重点领域 (部门 | 政策开发重点领域 | 对应的健康因素): one task per
    department row, that department its only unit; the body's 1./（一） items name no unit."""
    doc = _doc("ext10_jurong_jiankang_zhengce.docx", extracted)
    assert len(doc.tasks) == 23
    assert all(t.source.kind == "table" and t.number is None for t in doc.tasks)
    units = [t.responsible for t in doc.tasks]
    assert units[:3] == [["市政府办"], ["市委宣传部"], ["市教育局"]]
    assert ["镇江市句容生态环境局"] in units and ["市人社局医保中心"] in units
    assert units[-1] == ["各镇（街道、管委会）"]
    assert all(t.lead == t.responsible for t in doc.tasks)
    assert doc.tasks[0].title == "成立市健康促进委员会，参与日常协调和管理工作，建立联席会议制度和公共政策健康审查制度，审议和推动跨部门行动"
    assert doc.tasks[5].title == "提髙对健康领域的经费支持"


@pytest.mark.parametrize("name", ["ext01_hubei_wenwu_14th.pdf", "ext07_anhui_qihou_15th_draft.pdf",
                                  "ext03_guojia_yingji_14th.md", "ext04_guangxi_gangyao_13th.txt",
                                  "ext05_guangxi_gongxin_12th_projects.txt", "ext06_nanning_keji_13th_gbk.txt",
                                  "ext08_shanghai_nongji_14th.md"])
def test_plans_that_name_no_units_have_no_tasks(name, extracted):
    """These plans never give a task to a named unit (read: no 牵头/责任单位/按职责 closing any item;
    ext06's 鼓励创新型企业牵头，联合高校… is advice to enterprises, not a responsibility)."""
    assert _doc(name, extracted).tasks == []
