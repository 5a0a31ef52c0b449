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


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("（）():：、，,；;责任单位牵头配合按职责分工负责市县局委等到年底前2025二〇。 \n")),
               max_size=80))
def test_never_raises(text):
    responsible_units(text)
    split_responsibility(text)
    deadline_year(text)


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


@pytest.mark.skipif(not (EXTERNAL / "ext09_hainan_ertong_jiankang.docx").exists(), reason="external docs absent")
def test_tasks_closed_by_division_of_duties():
    doc = run(EXTERNAL / "ext09_hainan_ertong_jiankang.docx").document
    assert len(doc.tasks) == 6
    assert doc.tasks[0].responsible[:2] == ["省卫生健康委", "省民政厅"]
    assert all(t.responsible for t in doc.tasks)


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
