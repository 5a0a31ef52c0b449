"""Projects: prose sentences, 专栏 items, natures and starts as case tables
(tests/cases/projects.yaml), a hand-made project table, and the corpus against its annotations."""
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from conftest import ANNOTATIONS, CORPUS, annotation
from extract.model import Table
from extract.pipeline import run
from extract.stages.projects import (box_lists_projects, is_project_name, item_projects, construction_nature,
                                     sentence_projects, split_run_together, start_cell, start_of,
                                     table_projects)

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "projects.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["sentences"], ids=[c["text"][:16] for c in CASES["sentences"]])
def test_prose_sentence(case):
    found = sentence_projects(case["text"])
    if case["name"] is None:
        assert found == []
        return
    assert len(found) == 1
    project = found[0]
    assert project.name == case["name"]
    assert project.budget.wan == case["wan"]
    assert project.budget.approx == case.get("approx", False)
    assert project.nature == case.get("nature")
    assert project.start == case.get("start")
    assert project.name in case["text"][slice(*project.clause)]


@pytest.mark.parametrize("case", CASES["items"], ids=[c["item"][:16] for c in CASES["items"]])
def test_box_item(case):
    assert [name for name, _ in item_projects(case["item"])] == case["names"]


def test_bold_lead_item():
    item = "1.县域影像诊断中心。依托县人民医院建设影像诊断中心。"
    assert item_projects(item, bold_lead=len("1.县域影像诊断中心。")) == [
        ("县域影像诊断中心", "依托县人民医院建设影像诊断中心。")]


@pytest.mark.parametrize("case", CASES["natures"], ids=[c["text"] for c in CASES["natures"]])
def test_nature(case):
    assert construction_nature(case["text"]) == case["nature"]


@pytest.mark.parametrize("case", CASES["starts"], ids=[c["text"] for c in CASES["starts"]])
def test_start(case):
    assert start_of(case["text"]) == case["start"]


@pytest.mark.parametrize("case", CASES["start_cells"], ids=[c["cell"] for c in CASES["start_cells"]])
def test_start_cell(case):
    assert start_cell(case["cell"]) == case["start"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("投资入万亿元余约0123456789.、，。；建设新了项目中心医院的共个/年（）：1一百千【】①②其中业区 ")),
               max_size=80))
def test_never_raises(text):
    sentence_projects(text)
    item_projects(text)
    is_project_name(text)
    box_lists_projects(text)
    assert "".join(p for _, p in split_run_together(text)).replace(" ", "") == \
        "".join(text.split()) or text.strip() == ""
    construction_nature(text)
    start_of(text)
    start_cell(text)


# ---------------------------------------------------------------- a hand-made project table

def test_rows_of_a_project_table(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("某县“十四五”卫生健康规划\n\n一、重点建设项目\n项目见下表。\n", encoding="utf-8")
    state = run(path, stop_after="segment").state
    table = Table(
        id="tb1", kind="projects", title="重点建设项目表",
        columns=["序号", "项目名称", "建设内容及规模", "建设性质", "总投资（万元）", "预计开工时间"],
        rows=[["一", "医疗服务类", "", "", "", ""],
              ["1", "县人民医院门诊综合楼项目", "新建门诊综合楼2万平方米", "新建", "12000", "2023年"],
              ["2", "县中医医院康复楼扩建项目", "扩建康复楼", "改扩建", "1.5亿元", "2024.6"],
              ["3", "镇卫生院周转房项目", "建设周转房", "续建", "约800", ""],
              ["", "合计", "", "", "28800", ""]],
        span=(10, 20), row_spans=[(10, 11), (11, 12), (12, 13), (13, 14), (14, 15)])
    got = [(p.name, p.nature, p.budget.raw, p.budget.wan, p.budget.approx, p.start, p.source.row)
           for p in table_projects(state, table)]
    assert got == [
        ("县人民医院门诊综合楼项目", "新建", "12000", 12000.0, False, "2023", 1),
        ("县中医医院康复楼扩建项目", "改扩建", "1.5亿元", 15000.0, False, "2024-06", 2),
        ("镇卫生院周转房项目", "续建", "约800", 800.0, True, None, 3),
    ]


def test_budget_unit_from_the_title(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("某市卫生规划\n\n一、重点项目\n见下表。\n", encoding="utf-8")
    state = run(path, stop_after="segment").state
    table = Table(id="tb1", kind="projects", title="重点项目表（单位：亿元）",
                  columns=["项目名称", "建设内容", "投资估算"],
                  rows=[["市传染病医院迁建项目", "迁建传染病医院", "3.5"]], span=(0, 5))
    [p] = table_projects(state, table)
    assert (p.budget.wan, p.nature) == (35000.0, "迁建")


# ---------------------------------------------------------------- the corpus

DOCS = sorted(p.stem for p in ANNOTATIONS.glob("*.json"))


def _doc(stem, extracted):
    return extracted(next(CORPUS.glob(stem + ".*"))).document


@pytest.mark.parametrize("stem", DOCS)
def test_every_box_project_found(stem, extracted):
    from extract.evaluate.items import match_projects
    doc = _doc(stem, extracted)
    gold = [g for g in annotation(stem)["projects"] if g["source_kind"] == "box"]
    result = match_projects(gold, [p.model_dump(mode="json") for p in doc.projects if p.source.kind == "box"])
    assert result.missed == []


@pytest.mark.parametrize("stem", DOCS)
def test_every_table_row_with_its_budget(stem, extracted):
    from extract.evaluate.items import match_projects
    doc = _doc(stem, extracted)
    gold = [g for g in annotation(stem)["projects"] if g["source_kind"] == "table"]
    if gold and not any(t.kind == "projects" for t in doc.tables):
        pytest.skip("the tables stage finds no project table yet")
    result = match_projects(gold, [p.model_dump(mode="json") for p in doc.projects if p.source.kind == "table"])
    assert result.missed == [] and result.extra == []
    assert all(g["budget_wan"] == p["budget"]["wan"] for g, p in result.pairs)


def test_prose_projects_precision(extracted):
    from extract.evaluate.items import match_projects
    hit = total = 0
    for stem in DOCS:
        doc = _doc(stem, extracted)
        prose = [p.model_dump(mode="json") for p in doc.projects if p.source.kind == "text"
                 and not any(h.span[0] == p.source.span[0] for h in doc.outline)]  # not programmes
        gold = [g for g in annotation(stem)["projects"] if g["source_kind"] == "text"]
        result = match_projects(gold, prose)
        hit += len(prose) - len(result.extra)
        total += len(prose)
    assert total and hit / total >= 0.9


def test_projects_have_provenance(extracted):
    for stem in DOCS:
        result = extracted(next(CORPUS.glob(stem + ".*")))
        for p in result.document.projects:
            assert p.source.span is not None and p.section is not None
            if p.source.kind != "table":
                start, end = p.source.span
                assert p.name.replace("“", "")[:2] in result.text[start:end].replace("“", "")


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_project_table_of_004_in_docx_and_pdf(suffix):
    """A real Word table, and a ruled PDF table over a page break, give the same rows."""
    from extract.evaluate.items import match_projects
    stem = "004_4b3f00f85f69e56b"
    path = Path(__file__).parent / "fixtures" / "generated" / f"{stem}{suffix}"
    if not path.exists():
        pytest.skip("fixture not generated")
    doc = run(path).document
    gold = [g for g in annotation(stem)["projects"] if g["source_kind"] == "table"]
    result = match_projects(gold, [p.model_dump(mode="json") for p in doc.projects if p.source.kind == "table"])
    assert result.missed == [] and result.extra == []
    assert [g["budget_wan"] for g, _ in result.pairs] == [p["budget"]["wan"] for _, p in result.pairs]


# ---------------------------------------------------------------- what is a project, and where

@pytest.mark.parametrize("case", CASES["names"], ids=[c["name"] for c in CASES["names"]])
def test_is_project_name(case):
    assert is_project_name(case["name"]) is case["project"]


@pytest.mark.parametrize("case", CASES["box_titles"], ids=[c["title"] for c in CASES["box_titles"]])
def test_box_title(case):
    assert box_lists_projects(case["title"]) is case["lists"]


@pytest.mark.parametrize("case", CASES["run_together"], ids=[c["item"][:12] for c in CASES["run_together"]])
def test_run_together_items(case):
    pieces = split_run_together(case["item"])
    assert [p for _, p in pieces] == case["items"]
    assert all(case["item"][o:o + len(p)] == p for o, p in pieces)


@pytest.mark.parametrize("case", CASES["documents"], ids=[c["id"] for c in CASES["documents"]])
def test_projects_of_a_plan(case, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(case["text"], encoding="utf-8")
    doc = run(path).document
    got = []
    for p, want in zip(doc.projects, case["projects"]):
        have = {"name": p.name, "kind": p.source.kind}
        for key, value in (("box", p.box), ("wan", p.budget and p.budget.wan),
                           ("high", p.budget and p.budget.high), ("approx", bool(p.budget and p.budget.approx))):
            if key in want:
                have[key] = value
        got.append(have)
    assert [p.name for p in doc.projects] == [w["name"] for w in case["projects"]]
    assert got == case["projects"]
    text = doc.source and run(path).text
    for p in doc.projects:
        if p.source.kind != "table":
            start, end = p.source.span
            assert p.name[:2] in text[start:end]


@pytest.mark.parametrize("case", CASES["tables"], ids=[c["id"] for c in CASES["tables"]])
def test_project_table_shapes(case, tmp_path):
    """Invented project tables: group rows (一、交通, with or without their subtotal), 小计/合计 rows,
    其中 columns, units in the header, the title or the cell, start columns of every name."""
    path = tmp_path / "plan.txt"
    path.write_text("某市规划\n\n一、重点项目\n项目见下表。\n", encoding="utf-8")
    state = run(path, stop_after="segment").state
    rows = case["rows"]
    table = Table(id="tb1", kind="projects", title=case.get("title"), columns=case["columns"], rows=rows,
                  span=(10, 20), row_spans=[(10 + k, 11 + k) for k in range(len(rows))])
    got = [[p.name, p.budget and p.budget.wan, p.budget and p.budget.high, bool(p.budget and p.budget.approx),
            p.start] for p in table_projects(state, table)]
    assert got == case["projects"]
