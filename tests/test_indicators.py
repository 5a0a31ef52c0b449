"""Indicators: prose case table (tests/cases/indicators_prose.yaml) and the corpus figures."""
from pathlib import Path

import pytest
import yaml

from conftest import CORPUS, annotation
from extract.stages.indicators import sentence_targets

PROSE = yaml.safe_load((Path(__file__).parent / "cases" / "indicators_prose.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", PROSE, ids=[c["text"][:24] for c in PROSE])
def test_prose_case(case):
    got = sentence_targets(case["text"], (0, len(case["text"])), None, case.get("min_year"))
    assert [i.name for i in got] == [e["name"] for e in case["expect"]]
    for ind, e in zip(got, case["expect"]):
        assert ind.unit == e["unit"]
        t = ind.target
        assert (t.raw, t.op, t.value, t.high, t.year) == (e["raw"], e["op"], e["value"], e.get("high"), e["year"])
        assert ind.source.kind == "text"
        if "baseline_raw" in e:
            assert (ind.baseline.raw, ind.baseline.year) == (e["baseline_raw"], e["baseline_year"])
        if "targets" in e:
            assert [(q.raw, q.year) for q in ind.targets] == [tuple(w) for w in e["targets"]]
        assert ind.status == e.get("status", "target")
        assert ind.nature == e.get("nature")


@pytest.mark.parametrize("stem", ["000", "001", "002", "004"])
def test_table_indicators_have_provenance(extracted, stem):
    doc = extracted(next(CORPUS.glob(f"{stem}_*.txt"))).document
    table_ids = {t.id for t in doc.tables}
    rows = [i for i in doc.indicators if i.source.kind == "table"]
    assert len(rows) == len(annotation(doc.source.path.split("/")[-1].rsplit(".", 1)[0])["indicators"])
    for ind in rows:
        assert ind.source.table in table_ids and ind.source.row is not None and ind.source.span
        assert ind.canonical is not None


def test_uncertain_rows_are_warned(extracted):
    codes = {w.code for w in extracted(next(CORPUS.glob("000_*.txt"))).document.warnings}
    assert "table.interleaved_rows" in codes
    codes = {w.code for w in extracted(next(CORPUS.glob("002_*.txt"))).document.warnings}
    assert {"table.unit_in_name", "table.misaligned_cell"} <= codes


def test_past_years_are_not_targets(extracted):
    """到2019年底 in a 十四五 plan reports the past: what it states is a result reached, never a target."""
    doc = extracted(next(CORPUS.glob("004_*.txt"))).document
    for ind in doc.indicators:
        if ind.source.kind == "text" and ind.target.year and ind.target.year < 2025:
            assert ind.status == "achieved"


# Invented: a plan whose later horizon (到2030年) is named as often as its own target year.
_HORIZONS = """东湖区“十四五”全民健康规划

一、发展基础
到2020年底，全区建成社区卫生服务中心12个。

二、发展目标
到2025年，全区人均预期寿命达到80岁以上，婴儿死亡率控制在4‰以下，居民健康素养水平提高到28%。到2030年，人均预期寿命达到81岁。
"""


def test_targets_of_the_plan_period_are_read_beside_a_later_horizon(tmp_path):
    """A target year in the plan's period (十四五: 2021—2025) is a target even when a later
    horizon is named as often; a year before the period (到2020年底) reports the past."""
    from extract.pipeline import run
    path = tmp_path / "plan.txt"
    path.write_text(_HORIZONS, encoding="utf-8")
    got = [(i.name, i.target.raw, i.target.year) for i in run(path).document.indicators]
    assert got == [("人均预期寿命", "80岁以上", 2025), ("婴儿死亡率", "4‰以下", 2025),
                   ("居民健康素养水平", "28%", 2025), ("人均预期寿命", "81岁", 2030)]


# Invented: targets stated after the sentence (or the paragraph ending in ：) that names the year.
_IN_FORCE = """南港市“十四五”卫生健康发展规划

一、发展基础
全市每千人口执业（助理）医师数达到2.9人，每千人口床位数达到6.1张。

二、发展目标
到2025年，全市卫生健康服务体系更加完善。人均预期寿命达到80岁，婴儿死亡率控制在4‰以下。
到2025年，具体实现以下目标：
——健康水平持续提升。孕产妇死亡率控制在10/10万以下。
——服务能力明显增强。每千人口执业（助理）医师数达到3.4人，每千人口床位数达到6.8张。

三、主要任务
全市每万人口全科医生数达到3.1人。
"""


def test_a_target_year_holds_for_the_sentences_and_the_list_after_it(tmp_path):
    """到2025年 names the year for the rest of its paragraph, and, when its paragraph ends with
    a colon, for the list below it up to the next heading; the present (发展基础) and the text
    under the next heading are no targets."""
    from extract.pipeline import run
    path = tmp_path / "plan.txt"
    path.write_text(_IN_FORCE, encoding="utf-8")
    got = [(i.name, i.target.raw, i.target.year) for i in run(path).document.indicators]
    assert got == [("人均预期寿命", "80岁", 2025), ("婴儿死亡率", "4‰以下", 2025),
                   ("孕产妇死亡率", "10/10万以下", 2025), ("每千人口执业（助理）医师数", "3.4人", 2025),
                   ("每千人口床位数", "6.8张", 2025)]


# Invented: a 专栏 of targets whose items name no year, and one that reports the last period's results.
_TARGET_BOX = """北港市“十四五”卫生健康事业发展规划

第一章 发展基础
专栏1 “十三五”主要指标完成情况
1.人均预期寿命达到78.5岁。

第二章 发展目标
全市卫生健康体系更加完善。
专栏2 “十四五”卫生健康主要发展指标
1.人均预期寿命达到80岁以上。
2.婴儿死亡率控制在4‰以下。
3.每千人口执业（助理）医师数达到3.2人。

第三章 主要任务
加强公共卫生体系建设。
"""


def test_a_box_of_targets_states_them_for_the_year_its_title_or_the_plan_names(tmp_path):
    """Items of a box titled with 目标/指标 state targets for the year the title names, else the
    plan's last year; their list numbers are no part of a name; a box of results states none."""
    from extract.pipeline import run
    path = tmp_path / "plan.txt"
    path.write_text(_TARGET_BOX, encoding="utf-8")
    got = [(i.name, i.target.raw, i.target.year) for i in run(path).document.indicators]
    assert got == [("人均预期寿命", "80岁以上", 2025), ("婴儿死亡率", "4‰以下", 2025),
                   ("每千人口执业（助理）医师数", "3.2人", 2025)]


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["到2025年，", "达到", "控制在", "由2015年的", "下降到", "分别", "、", "和", "，", "。",
                           "3.5", "%", "以上", "每千人口", "建成", "所", "的", "100%", "≥", "\t", " ", "\n", "率"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=30).map("".join))
def test_prose_never_raises(text):
    sentence_targets(text, (0, len(text)), None, 2025)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.sampled_from(["指标", "单位", "2020年", "属性", "预期性", "|", "---",
                                                    "<table>", "<tr><td>", "</table>", "\t\n", "\n\n"]),
                          st.text(max_size=4)), max_size=60).map("".join))
def test_tables_and_indicators_never_raise(tmp_path_factory, text):
    from extract.errors import PlanExtractError
    from extract.pipeline import run
    path = tmp_path_factory.mktemp("fuzz") / "doc.md"
    path.write_text(text, encoding="utf-8")
    try:
        run(path, stop_after="indicators")
    except PlanExtractError:
        pass  # an empty file is refused with its own error, not a crash
