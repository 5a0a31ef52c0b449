"""Task items: responsible units and deadlines as case tables (tests/cases/responsible.yaml),
task lists of invented documents, and the corpus (003's 24 tasks) against its annotation."""
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from conftest import CORPUS, EXTERNAL, annotation
from extract.pipeline import run
from extract.stages.tasks import deadline_year, responsible_units, split_responsibility

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "responsible.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["units"], ids=[c["inner"][:14] for c in CASES["units"]])
def test_responsible_units(case):
    assert responsible_units(case["inner"]) == case["units"]


@pytest.mark.parametrize("case", CASES["items"], ids=[c["text"][:14] for c in CASES["items"]])
def test_split_responsibility(case):
    body, units = split_responsibility(case["text"])
    assert units == case["units"]
    assert body == case["body"]


@pytest.mark.parametrize("case", CASES["deadlines"], ids=[c["text"][:14] for c in CASES["deadlines"]])
def test_deadline(case):
    assert deadline_year(case["text"]) == case["year"]


@pytest.mark.parametrize("case", CASES["times"], ids=[c["text"][:14] for c in CASES["times"]])
def test_time_parenthesis(case):
    from extract.responsibility import read_time
    assert read_time(case["text"]) == case["time"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("（）():：、，,；;【】—责任单位牵头配合按职责分工负责市县局委等到年底前2025二〇。由会同各是以上 \n")),
               max_size=80))
def test_never_raises(text):
    from extract.responsibility import (read_covering, read_dash, read_sentence, read_time, separate_cell_lines,
                                        split_cell_units)
    read_dash(text)
    read_covering(text)
    read_time(text)
    read_sentence(text, opening=False, closing=True)
    responsible_units(text)
    split_responsibility(text)
    deadline_year(text)
    read_sentence(text)
    split_cell_units(separate_cell_lines(text))


def _tasks(tmp_path, text):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return run(path).document.tasks


PLAN = """某县卫生健康事业发展实施方案

一、重点任务
（一）强化基层服务
1.推进紧密型医共体建设。完善县乡村一体化管理。到2026年，县域就诊率达到90%。（责任单位：县卫生健康局、县财政局，各乡镇人民政府）
2.提升乡镇卫生院能力。支持中心卫生院达到二级医院水平，鼓励开设特色专科，加强（责任单位：县卫生
健康局、县医保局）
（二）完善公共卫生体系
3.加强疾病预防控制。改善县疾控中心实验室条件。（县卫生健康局、县疾控中心按职责分工负责）
二、保障措施
（一）加强组织领导。各乡镇要把本方案列入重要议事日程。
（二）强化督导考核。县卫生健康局要定期通报进展。
"""


def test_task_list_of_an_invented_plan(tmp_path):
    tasks = _tasks(tmp_path, PLAN)
    got = [(t.number, t.title, t.responsible, t.deadline) for t in tasks]
    assert got == [
        ("1", "推进紧密型医共体建设", ["县卫生健康局", "县财政局", "各乡镇人民政府"], 2026),
        ("2", "提升乡镇卫生院能力", ["县卫生健康局", "县医保局"], None),
        ("3", "加强疾病预防控制", ["县卫生健康局", "县疾控中心"], None),
    ]
    assert tasks[0].text.startswith("完善县乡村一体化管理")
    assert "责任单位" not in tasks[0].text


def test_no_units_no_tasks(tmp_path):
    plain = "\n".join(line.split("（责任单位")[0].split("（县卫生")[0] for line in PLAN.splitlines())
    assert _tasks(tmp_path, plain) == []


def test_tasks_of_003_match_annotation(extracted):
    stem = "003_1304af9ec45eb322"
    doc = extracted(CORPUS / f"{stem}.txt").document
    got = [(t.number, t.title, t.responsible) for t in doc.tasks]
    want = [(t["number"], t["title"], t["responsible"]) for t in annotation(stem)["tasks"]]
    assert got == want


@pytest.mark.parametrize("stem", ["000_5cdd5f19ab465203", "001_c6568823b24dcb99", "002_4298840802f018b6",
                                  "004_4b3f00f85f69e56b"])
def test_documents_without_units_have_no_tasks(stem, extracted):
    assert extracted(CORPUS / f"{stem}.txt").document.tasks == []


def test_tasks_spans_cover_their_text(extracted):
    result = extracted(CORPUS / "003_1304af9ec45eb322.txt")
    for t in result.document.tasks:
        printed = result.text[t.span[0]:t.span[1]]
        assert printed.startswith(t.number) and t.title in printed
        assert t.section is not None




FIXTURES = Path(__file__).parent / "fixtures" / "generated"


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_tasks_of_003_in_docx_and_pdf(suffix):
    """Page breaks (PDF) and Word bold leads (DOCX) give the same 24 tasks."""
    stem = "003_1304af9ec45eb322"
    path = FIXTURES / f"{stem}{suffix}"
    if not path.exists():
        pytest.skip("fixture not generated")
    got = [(t.number, t.title, t.responsible) for t in run(path).document.tasks]
    want = [(t["number"], t["title"], t["responsible"]) for t in annotation(stem)["tasks"]]
    assert got == want


# ---------------------------------------------------------------- the responsibility grammar

from extract.responsibility import (read_bare_units, read_covering, read_dash, read_duty, read_sentence, read_units,  # noqa: E402
                                   split_cell_units)

GRAMMAR = yaml.safe_load((Path(__file__).parent / "cases" / "tasks.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", GRAMMAR["phrasings"], ids=[c["text"][:16] for c in GRAMMAR["phrasings"]])
def test_responsibility_phrasings(case):
    if case.get("closing"):       # the last sentence of an item
        who = read_sentence(case["text"], opening=False, closing=True)
    elif case.get("dash"):
        found = read_dash(case["text"])
        who = found[1] if found else None
    elif case.get("covering"):
        who = read_covering(case["text"])
    elif case.get("bare"):
        who = read_bare_units(case["text"])
    elif case.get("duty"):
        found = read_duty(case["text"])
        who = found[1] if found else None
    else:
        who = (read_sentence if case.get("sentence") else read_units)(case["text"])
    if case["lead"] is None:
        assert who is None
        return
    assert who is not None
    lead, support = who.roles()
    assert (lead, support) == (case["lead"], case["support"])
    assert who.responsible == case["lead"] + case["support"]     # printed order in every case here
    assert not any(w in u for u in who.responsible for w in ("牵头", "配合", "负责", "单位："))
    assert who.deadline_text == case.get("deadline_text")


def test_at_least_forty_phrasings():
    assert sum(1 for c in GRAMMAR["phrasings"] if c["lead"] is not None) >= 40


@pytest.mark.parametrize("case", GRAMMAR["cells"], ids=[c["cell"][:10] for c in GRAMMAR["cells"]])
def test_unit_cells(case):
    from extract.stages.tasks import _cell_units
    got = _cell_units(case["cell"])
    assert (got if got is None else [u for u, _ in got]) == case["units"]


# ---------------------------------------------------------------- what a task is, in invented plans

FORMS = """某市基层卫生服务能力提升行动方案

以下各项任务的责任单位均含各县（市、区）人民政府，不再一一列出。

一、重点任务
（一）强化县域医疗服务
1.推进县域医共体建设，完善县乡村一体化管理机制，统筹县域内人员、资金、设备等资源配置，提升整体服务效能。到2026年，县域就诊率达到90%。（市卫生健康委牵头，市医保局、市财政局按职责分工负责）
2.提升乡镇卫生院服务能力。支持中心卫生院达到二级医院水平。
责任单位：市卫生健康委；配合单位：市人力资源社会保障局
（二）完善公共卫生体系
加强疾病预防控制机构建设，改善实验室条件，2025年底前全部达标。（市疾控局负责）
健全传染病监测预警网络。（市卫生健康委、市疾控局按职责分工负责）
提高群众健康素养水平，广泛开展健康教育。
（三）加强妇幼健康服务。一是推进出生缺陷防治（市卫生健康委负责）。二是完善托育服务体系（市发展改革委牵头，市民政局配合）。
二、组织实施
（一）加强组织领导。各地要把本方案列入重要议事日程，由市卫生健康委定期通报进展。
（二）成立工作专班。
综合协调组：由市卫生健康委牵头，成员单位：市发展改革委、市财政局。主要职责：统筹推进各项工作。
督导评估组：由市政府督查室牵头，成员单位：市卫生健康委。主要职责：开展督导评估。
"""


def test_every_form_of_task_in_an_invented_plan(tmp_path):
    """A long first sentence, a 责任单位 line after the item, unnumbered paragraphs closed by
    their own units, 一是/二是 sub-items, working groups; a blanket rule adds 各县（市、区）人民政府."""
    tasks = _tasks(tmp_path, FORMS)
    got = [(t.number, t.title, t.lead, t.support) for t in tasks]
    assert got == [
        ("1", "推进县域医共体建设，完善县乡村一体化管理机制，统筹县域内人员、资金、设备等资源配置，提升整体服务效能",
         ["市卫生健康委"], ["市医保局", "市财政局"]),
        ("2", "提升乡镇卫生院服务能力", ["市卫生健康委"], ["市人力资源社会保障局"]),
        (None, "加强疾病预防控制机构建设，改善实验室条件，2025年底前全部达标", ["市疾控局"], []),
        (None, "健全传染病监测预警网络", [], ["市卫生健康委", "市疾控局"]),
        ("一是", "推进出生缺陷防治", ["市卫生健康委"], []),
        ("二是", "完善托育服务体系", ["市发展改革委"], ["市民政局"]),
        (None, "综合协调组", ["市卫生健康委"], ["市发展改革委", "市财政局"]),
        (None, "督导评估组", ["市政府督查室"], ["市卫生健康委"]),
    ]
    assert all(t.implied == ["各县（市、区）人民政府"] for t in tasks)
    assert all("各县（市、区）人民政府" not in t.responsible for t in tasks)
    assert tasks[1].text == "支持中心卫生院达到二级医院水平。"       # the 责任单位 line is not text
    assert tasks[2].deadline_text == "2025年底前" and tasks[2].deadline == 2025
    assert tasks[0].deadline == 2026 and tasks[0].deadline_text is None
    result = run(tmp_path / "plan.txt")
    for t in result.document.tasks:     # every span starts where its number (or text) is printed
        printed = result.text[t.span[0]:t.span[1]]
        assert printed.startswith(t.number or t.title[:4]), (t.number, printed[:12])
    assert all(t.source.kind == "text" for t in tasks)


def test_blanket_rule_covers_only_what_follows(tmp_path):
    text = FORMS.replace("以下各项任务的责任单位均含各县（市、区）人民政府，不再一一列出。\n", "").replace(
        "（二）完善公共卫生体系\n", "（二）完善公共卫生体系\n下列任务责任单位均包括各街道办事处，不再列出。\n")
    tasks = _tasks(tmp_path, text)
    assert [t.implied for t in tasks[:2]] == [[], []]
    assert all(t.implied == ["各街道办事处"] for t in tasks[2:])


def _task_table(path, header, rows):
    import docx
    d = docx.Document()
    d.add_paragraph("某县健康促进重点任务分工方案")
    d.add_paragraph("一、重点任务")
    d.add_paragraph("各项任务按下表分工落实。")
    t = d.add_table(rows=1, cols=len(header))
    for c, h in zip(t.rows[0].cells, header):
        c.text = h
    for r in rows:
        for c, v in zip(t.add_row().cells, r):
            c.text = v
    d.add_paragraph("二、保障措施")
    d.add_paragraph("加强组织领导，确保各项任务落实到位。")
    d.save(path)
    return run(path).document


def test_task_table_gives_a_task_per_row(tmp_path):
    doc = _task_table(tmp_path / "plan.docx", ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], [
        ["1", "建设县域医学影像中心。统一检查标准。", "县卫生健康局", "县财政局\n县医保局", "2025年底前"],
        ["2", "开展健康县城建设", "县爱卫办", "各乡镇人民政府", "长期坚持"],
        ["3", "完善家庭医生签约服务", "县卫生健康局、县医保局", "", "2024年6月底前"],
    ])
    got = [(t.number, t.title, t.lead, t.support, t.deadline_text, t.source.kind, t.source.row)
           for t in doc.tasks]
    assert got == [
        ("1", "建设县域医学影像中心", ["县卫生健康局"], ["县财政局", "县医保局"], "2025年底前", "table", 0),
        ("2", "开展健康县城建设", ["县爱卫办"], ["各乡镇人民政府"], "长期坚持", "table", 1),
        ("3", "完善家庭医生签约服务", ["县卫生健康局", "县医保局"], [], "2024年6月底前", "table", 2),
    ]
    assert doc.tasks[0].source.table == doc.tables[0].id


def test_department_table_gives_a_task_per_department(tmp_path):
    doc = _task_table(tmp_path / "plan.docx", ["部门", "职责", "对应的健康因素"], [
        ["县教育局", "开展健康学校建设。改善学校卫生环境。", "健康环境"],
        ["县总工会", "维护职工健康权益", "健康素养"],
        ["各乡镇（街道）", "健全健康教育网络；动员群众参与", "健康促进"],
    ])
    got = [(t.number, t.title, t.lead, t.support) for t in doc.tasks]
    assert got == [(None, "开展健康学校建设", ["县教育局"], []), (None, "维护职工健康权益", ["县总工会"], []),
                   (None, "健全健康教育网络", ["各乡镇（街道）"], [])]


def test_a_table_without_unit_column_gives_no_tasks(tmp_path):
    doc = _task_table(tmp_path / "plan.docx", ["序号", "重点任务", "完成时限"], [["1", "开展健康县城建设", "2025年"]])
    assert doc.tasks == []


def test_label_lines_after_an_item_and_inline_parentheses(tmp_path):
    text = """某区养老服务体系建设实施方案

一、主要任务
1.完善居家养老服务网络，推动街道综合养老服务中心全覆盖，构建十五分钟养老服务圈，2025年6月底前建成。
牵头单位：区民政局
配合单位：区财政局、区卫生健康委
2.发展普惠托育服务（区卫生健康委牵头，区教育局配合）。支持社会力量举办托育机构。
3.加强养老护理队伍建设。开展护理员职业技能培训。
二、保障措施
加强经费保障，由区财政局统筹安排资金。
"""
    tasks = _tasks(tmp_path, text)
    got = [(t.number, t.lead, t.support, t.deadline_text) for t in tasks]
    assert got == [("1", ["区民政局"], ["区财政局", "区卫生健康委"], "2025年6月底前"),
                   ("2", ["区卫生健康委"], ["区教育局"], None)]
    assert tasks[0].title.startswith("完善居家养老服务网络") and "牵头单位" not in tasks[0].text
    assert tasks[1].title == "发展普惠托育服务" and tasks[1].text == "支持社会力量举办托育机构。"


def test_unit_cells_with_their_own_roles(tmp_path):
    doc = _task_table(tmp_path / "plan.docx", ["序号", "工作任务", "责任单位", "时间节点"], [
        ["1", "建设智慧健康养老平台", "县民政局（牵头）\n县大数据中心", "持续推进"],
        ["2", "开展老年人健康管理", "县卫生健康局", "2026年底前"],
    ])
    got = [(t.number, t.lead, t.support, t.deadline_text) for t in doc.tasks]
    assert got == [("1", ["县民政局"], ["县大数据中心"], "持续推进"), ("2", ["县卫生健康局"], [], "2026年底前")]


def test_unnumbered_paragraphs_with_bold_leads(tmp_path):
    import docx
    d = docx.Document()
    d.add_paragraph("某县爱国卫生运动实施方案")
    d.add_paragraph("一、重点任务")
    for lead, rest in [("开展城乡环境卫生整治。", "清理卫生死角，治理农村垃圾和污水，改善人居环境，建立长效管理机制，确保村庄环境"
                        "干净整洁有序。（县住房城乡建设局牵头，各乡镇人民政府配合）"),
                       ("加强病媒生物防制。", "科学开展病媒生物监测。（县卫生健康局负责）")]:
        p = d.add_paragraph()
        p.add_run(lead).bold = True
        p.add_run(rest)
    d.add_paragraph("二、保障措施")
    d.add_paragraph("加强宣传引导，营造良好氛围。")
    d.save(tmp_path / "plan.docx")
    got = [(t.number, t.title, t.lead, t.support) for t in run(tmp_path / "plan.docx").document.tasks]
    assert got == [(None, "开展城乡环境卫生整治", ["县住房城乡建设局"], ["各乡镇人民政府"]),
                   (None, "加强病媒生物防制", ["县卫生健康局"], [])]


def test_first_unit_leads_when_the_plan_says_so(tmp_path):
    text = PLAN.replace("一、重点任务\n", "一、重点任务\n以下各项任务中，排在第一位的为牵头单位。\n")
    tasks = _tasks(tmp_path, text)
    assert [(t.lead, t.support) for t in tasks] == [
        (["县卫生健康局"], ["县财政局", "各乡镇人民政府"]), (["县卫生健康局"], ["县医保局"]),
        (["县卫生健康局"], ["县疾控中心"])]
    assert [(t.lead, t.support) for t in _tasks(tmp_path, PLAN)][0] == ([], ["县卫生健康局", "县财政局", "各乡镇人民政府"])


def test_items_run_together_in_one_paragraph(tmp_path):
    text = ("某县食品安全工作方案\n\n一、重点任务\n"
            "1.加强校园食品安全监管。（县市场监管局牵头，县教育局配合）2.开展农村集体聚餐指导。（县卫生健康局负责）"
            "3.严厉打击食品违法犯罪。（县公安局负责）\n")
    got = [(t.number, t.title, t.lead, t.support) for t in _tasks(tmp_path, text)]
    assert got == [("1", "加强校园食品安全监管", ["县市场监管局"], ["县教育局"]),
                   ("2", "开展农村集体聚餐指导", ["县卫生健康局"], []),
                   ("3", "严厉打击食品违法犯罪", ["县公安局"], [])]


def test_duty_paragraphs_of_units(tmp_path):
    """职责分工 in prose: `单位：负责……。` paragraphs, a department table printed as text."""
    text = """某县创建国家卫生县城工作方案

三、职责分工
县卫生健康局：负责创建工作的日常组织协调，开展健康教育和病媒生物防制。
县住房城乡建设局：牵头推进城区道路、供排水等基础设施建设。
县教育局：配合做好学校卫生工作。
各乡镇、街道：按照统一部署，抓好辖区整治。
四、工作要求
各单位要高度重视，确保创建工作取得实效。
"""
    got = [(t.title, t.lead, t.support) for t in _tasks(tmp_path, text)]
    assert got == [("负责创建工作的日常组织协调，开展健康教育和病媒生物防制", ["县卫生健康局"], []),
                   ("牵头推进城区道路、供排水等基础设施建设", ["县住房城乡建设局"], []),
                   ("配合做好学校卫生工作", [], ["县教育局"])]


def test_working_groups_with_label_lines(tmp_path):
    text = """关于成立某市健康城市建设工作专班的通知

一、工作专班组成
（一）综合协调组
组长单位：市卫生健康委
成员单位：市发展改革委、市财政局
主要职责：负责专班日常工作，统筹推进各项任务。
（二）宣传引导组
组长单位：市委宣传部
成员单位：市融媒体中心
主要职责：负责宣传报道。
二、工作要求
各成员单位要明确一名联络员。
"""
    got = [(t.number, t.title, t.text, t.lead, t.support) for t in _tasks(tmp_path, text)]
    assert got == [("（一）", "综合协调组", "主要职责：负责专班日常工作，统筹推进各项任务。", ["市卫生健康委"],
                     ["市发展改革委", "市财政局"]),
                   ("（二）", "宣传引导组", "主要职责：负责宣传报道。", ["市委宣传部"], ["市融媒体中心"])]


def test_units_on_an_item_line_and_times_in_their_own_parenthesis(tmp_path):
    """An item whose first line names its units keeps the paragraphs under it as its text; a
    time printed in a parenthesis of its own after the units is the deadline; 【责任单位】 lines."""
    text = """某区城市更新实施方案

一、重点任务
（一）推进老旧小区改造（区住房城乡建设局牵头，各街道办事处配合）
完善小区基础设施，补齐公共服务短板。
2025年底前完成全部改造任务。
（二）提升公共空间品质。一是建设口袋公园（区城市管理局负责）（长期坚持）；二是改造背街小巷（区住房城乡建设局牵头，区交通运输局配合）。
（三）完善社区服务。
1.建设社区综合服务设施。（责任单位：区民政局，完成时限：2025年）
2.发展社区养老服务。
【责任单位】区民政局、区卫生健康委
二、保障措施
各有关单位要按照职责分工，抓好落实。
"""
    tasks = _tasks(tmp_path, text)
    got = [(t.number, t.title, t.lead, t.support, t.deadline_text) for t in tasks]
    assert got == [("（一）", "推进老旧小区改造", ["区住房城乡建设局"], ["各街道办事处"], "2025年底前"),
                   ("一是", "建设口袋公园", ["区城市管理局"], [], "长期坚持"),
                   ("二是", "改造背街小巷", ["区住房城乡建设局"], ["区交通运输局"], None),
                   ("1", "建设社区综合服务设施", ["区民政局"], [], "2025年"),
                   ("2", "发展社区养老服务", [], ["区民政局", "区卫生健康委"], None)]
    assert tasks[0].text == "完善小区基础设施，补齐公共服务短板。\n2025年底前完成全部改造任务。"


def test_duties_of_units_with_brackets_and_a_department_table_in_tab_rows(tmp_path):
    """`各县（市、区）人民政府：负责……。` is a duty paragraph like `县教育局：负责……。`; a 部门 | 职责
    table printed as tab rows (a header the tables stage does not name) gives a task per row."""
    text = ("某市健康城市建设工作方案\n\n三、职责分工\n"
            "各县（市、区）人民政府：负责本辖区健康城市建设，落实属地责任。\n"
            "市卫生健康委（市中医药局）：牵头推进健康细胞建设。\n"
            "四、部门职责\n"
            "部门\t职责\t对应的健康因素\n"
            "市教育局\t开展健康学校建设。改善学校卫生环境。\t健康环境\n"
            "市总工会\t维护职工健康权益\t健康素养\n\n"
            "五、工作要求\n各单位要高度重视。\n")
    got = [(t.title, t.lead, t.source.kind) for t in _tasks(tmp_path, text)]
    assert got == [("负责本辖区健康城市建设，落实属地责任", ["各县（市、区）人民政府"], "text"),
                   ("牵头推进健康细胞建设", ["市卫生健康委（市中医药局）"], "text"),
                   ("开展健康学校建设", ["市教育局"], "table"), ("维护职工健康权益", ["市总工会"], "table")]


def test_a_lead_cell_merged_over_rows_and_flattened_to_tab_rows(tmp_path):
    """A converter that prints a merged 牵头单位 cell once, on its first row, leaves the rows
    below it an empty cell: each is still a row of its own (its own 序号), led by the unit
    above; an empty 配合单位 cell stays empty (a task may have no support)."""
    text = ("北岸县重点任务分工方案\n\n重点任务分工表\n"
            "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
            "1\t推进县域医共体建设\t县卫生健康局\t县医保局、县财政局\t2025年底前\n"
            "2\t完善家庭医生签约服务\t\t县医保局\t2024年底前\n"
            "3\t开展爱国卫生运动\t\t\t长期坚持\n"
            "4\t加强公共卫生人才队伍建设\t县人社局\t县卫生健康局\t2025年底前\n")
    got = [(t.number, t.title, t.lead, t.support, t.deadline_text) for t in _tasks(tmp_path, text)]
    assert got == [
        ("1", "推进县域医共体建设", ["县卫生健康局"], ["县医保局", "县财政局"], "2025年底前"),
        ("2", "完善家庭医生签约服务", ["县卫生健康局"], ["县医保局"], "2024年底前"),
        ("3", "开展爱国卫生运动", ["县卫生健康局"], [], "长期坚持"),
        ("4", "加强公共卫生人才队伍建设", ["县人社局"], ["县卫生健康局"], "2025年底前"),
    ]


def test_closing_responsibility_sentences_leave_the_text(tmp_path):
    """Sentences that close an item and are only its responsibility (a label sentence, a chain of
    labels cut by ；, `X负责。`) are no part of its text, as a closing parenthesis is not; a
    sentence that goes on with the work after its units stays."""
    text = ("某市健康乡村建设实施方案\n\n二、重点任务\n"
            "1.加强村卫生室建设。每个行政村至少设置1所村卫生室。责任单位：市卫生健康委、市财政局。\n"
            "2.推进县域医共体建设。实现县域医共体全覆盖。牵头单位：市卫生健康委；参与单位：市医保局；完成时限：2025年底。\n"
            "3.完善医保支付政策。落实差别化支付。市医保局负责。\n"
            "4.健全考核机制。由市发展改革委牵头，会同市财政局，制定考核实施细则。\n")
    got = [(t.number, t.text, t.lead, t.support, t.deadline_text) for t in _tasks(tmp_path, text)]
    assert got == [
        ("1", "每个行政村至少设置1所村卫生室。", [], ["市卫生健康委", "市财政局"], None),
        ("2", "实现县域医共体全覆盖。", ["市卫生健康委"], ["市医保局"], "2025年底"),
        ("3", "落实差别化支付。", ["市医保局"], [], None),
        ("4", "由市发展改革委牵头，会同市财政局，制定考核实施细则。", ["市发展改革委"], ["市财政局"], None),
    ]


def test_a_task_table_with_a_measures_column_keeps_each_rows_measure(tmp_path):
    """重点任务 | 具体措施: the task column gives the title (merged over its measures' rows), the
    measure column the row's own text — it was lost."""
    doc = _task_table(tmp_path / "plan.docx", ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"], [
        ["1", "完善医疗服务体系", "推进区人民医院扩建", "区卫生健康局", "区发展改革局", "2025年底"],
        ["2", "完善医疗服务体系", "建设社区卫生服务中心", "区卫生健康局", "各街道办事处", "2024年底"],
        ["3", "强化公共卫生", "建设区疾控中心实验室", "区疾控中心", "", "2025年6月"],
    ])
    got = [(t.number, t.title, t.text, t.lead, t.support) for t in doc.tasks]
    assert got == [("1", "完善医疗服务体系", "推进区人民医院扩建", ["区卫生健康局"], ["区发展改革局"]),
                   ("2", "完善医疗服务体系", "建设社区卫生服务中心", ["区卫生健康局"], ["各街道办事处"]),
                   ("3", "强化公共卫生", "建设区疾控中心实验室", ["区疾控中心"], [])]


def test_sub_items_under_a_heading_that_names_the_units_are_its_text(tmp_path):
    """（一）Title（X牵头，Y配合） over 1. 2. that name nobody: the heading is the task, its
    sub-items (numbers as printed) its text and deadline; sub-items that name units of their own
    stay tasks of their own."""
    text = ("某县健康县城建设方案\n\n三、重点任务\n"
            "（一）完善医疗服务体系（县卫生健康局牵头，县发展改革局、县财政局配合）\n"
            "1.推进县人民医院提标扩能，2025年底前达到三级医院水平。\n"
            "2.加强乡镇卫生院建设。\n"
            "（二）加强公共卫生能力\n"
            "1.建设县疾控中心实验室。（县疾控中心负责）\n"
            "四、保障措施\n加强组织领导。\n")
    tasks = _tasks(tmp_path, text)
    got = [(t.number, t.title, t.text, t.lead, t.support, t.deadline_text) for t in tasks]
    assert got == [("（一）", "完善医疗服务体系", "1.推进县人民医院提标扩能，2025年底前达到三级医院水平。\n2.加强乡镇卫生院建设。",
                    ["县卫生健康局"], ["县发展改革局", "县财政局"], "2025年底前"),
                   ("1", "建设县疾控中心实验室", "", ["县疾控中心"], [], None)]


def test_a_task_table_of_many_columns_in_tab_rows(tmp_path):
    """A header of two rows (责任单位 over 牵头单位 | 配合单位), 重点任务 and 牵头单位 merged over the
    rows of their measures (printed once, on the first), the header again after a page break."""
    text = ("某市生态环境保护行动计划\n\n二、重点任务\n"
            "序号\t重点任务\t具体措施\t责任单位\t\t完成时限\n"
            "\t\t\t牵头单位\t配合单位\t\n"
            "1\t推进大气污染防治\t开展工业炉窑综合治理\t市生态环境局\t市工业和信息化局\t2025年底前\n"
            "2\t\t加强扬尘污染管控\t\t市住房城乡建设局\t长期坚持\n"
            "- 7 -\n"
            "序号\t重点任务\t具体措施\t责任单位\t\t完成时限\n"
            "\t\t\t牵头单位\t配合单位\t\n"
            "3\t推进水污染防治\t实施入河排污口整治\t市水务局\t\t2024年底前\n"
            "三、保障措施\n加强组织领导。\n")
    got = [(t.number, t.title, t.text, t.lead, t.support, t.deadline_text) for t in _tasks(tmp_path, text)]
    assert got == [("1", "推进大气污染防治", "开展工业炉窑综合治理", ["市生态环境局"], ["市工业和信息化局"], "2025年底前"),
                   ("2", "推进大气污染防治", "加强扬尘污染管控", ["市生态环境局"], ["市住房城乡建设局"], "长期坚持"),
                   ("3", "推进水污染防治", "实施入河排污口整治", ["市水务局"], [], "2024年底前")]


def test_units_in_a_paragraph_of_their_own_keep_the_text_below(tmp_path):
    """1.推进医养结合 / （X牵头，Y配合） / 支持……: the parenthesis is a label line, the paragraphs
    after it are the item's text (and give its deadline) — they were dropped."""
    text = ("某市养老服务体系建设实施方案\n\n三、重点任务\n"
            "1.推进医养结合\n（市卫生健康委牵头，市民政局配合）\n支持养老机构内设医疗机构。2025年底前实现全覆盖。\n"
            "2.发展智慧养老服务。\n（牵头单位：市民政局；配合单位：市大数据局）\n建设智慧养老服务平台。\n"
            "四、保障措施\n加强组织领导。\n")
    got = [(t.number, t.title, t.text, t.lead, t.support, t.deadline_text) for t in _tasks(tmp_path, text)]
    assert got == [("1", "推进医养结合", "支持养老机构内设医疗机构。2025年底前实现全覆盖。", ["市卫生健康委"], ["市民政局"],
                    "2025年底前"),
                   ("2", "发展智慧养老服务", "建设智慧养老服务平台。", ["市民政局"], ["市大数据局"], None)]


def test_units_first_in_lenticular_brackets_before_the_stop_and_a_note_for_one_task(tmp_path):
    """【牵头单位：X】 opening an item; bare units before the item's last 。 (not a name's own bracket:
    市卫生健康委（市中医药局）); a note in one task's parenthesis that the first unit leads is that
    task's alone."""
    text = ("某县2024年工作要点\n\n一、优化政务服务\n"
            "1.【牵头单位：县政务服务中心；配合单位：县大数据中心】推行“一网通办”。\n"
            "2.加强公平竞争审查（县市场监管局）。\n"
            "3.规范涉企收费。（责任单位：县发展改革局、县财政局，排在第一位的为牵头单位）\n"
            "4.完善信用修复机制。（县发展改革局、县市场监管局按职责分工负责）\n"
            "5.加强与县卫生健康局（县中医药局）。\n"
            "二、保障措施\n加强组织领导。\n")
    got = [(t.number, t.title, t.lead, t.support) for t in _tasks(tmp_path, text)]
    assert got == [("1", "推行“一网通办”", ["县政务服务中心"], ["县大数据中心"]),
                   ("2", "加强公平竞争审查", ["县市场监管局"], []),
                   ("3", "规范涉企收费", ["县发展改革局"], ["县财政局"]),
                   ("4", "完善信用修复机制", [], ["县发展改革局", "县市场监管局"])]
