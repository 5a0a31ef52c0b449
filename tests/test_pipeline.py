"""The pipeline's promise: each stage fills only the layers it declares (pipeline.WRITES), and
appends to `warnings` without rewriting what an earlier stage said."""
from __future__ import annotations

import dataclasses
import sys

import pytest

from conftest import ROOT, corpus_docs
from extract.pipeline import WRITES, _stages
from extract.raw import RawDocument, RawLine, RawTable
from extract.readers import read
from extract.state import State

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
import make_fixtures  # noqa: E402


def _ruled_box_and_table() -> RawDocument:
    """Invented: a ruled 专栏 box (caption row, then items) and an indicator table, as a PDF or
    DOCX reader delivers them."""
    box = RawTable(rows=[["专栏1 基层医疗能力提升工程"],
                         ["1.乡镇卫生院改造工程：改造乡镇卫生院12所。"],
                         ["2.村卫生室建设工程：新建村卫生室40个。"]], pages=[2])
    table = RawTable(rows=[["指标", "2020年", "2025年", "属性"],
                           ["每千人口床位数（张）", "5.1", "6.0", "预期性"],
                           ["孕产妇死亡率（1/10万）", "12", "≤10", "约束性"]], pages=[3])
    blocks = [RawLine("某县卫生健康发展规划", page=1), RawLine("一、发展目标", page=1),
              RawLine("到2025年，基层服务能力明显提升。", page=1), box, table,
              RawLine("二、保障措施", page=3), RawLine("加强组织领导，县卫生健康局牵头。", page=3)]
    return RawDocument(path="x.pdf", format="pdf", sha256="0", blocks=blocks, pages=3)


def _layers(state: State) -> dict[str, str]:
    """A fingerprint of every layer: repr is deterministic for the dataclasses and models."""
    return {f.name: repr(getattr(state, f.name)) for f in dataclasses.fields(state)
            if not f.name.startswith("_") and f.name != "warnings"}


@pytest.fixture(scope="module")
def fixtures():
    return make_fixtures.build()


@pytest.mark.parametrize("name", [p.name for p in corpus_docs()] +
                         ["004_4b3f00f85f69e56b.docx", "004_4b3f00f85f69e56b.pdf", "ruled box and table"])
def test_each_stage_writes_only_its_own_layers(name, fixtures):
    if name == "ruled box and table":
        raw = _ruled_box_and_table()
    else:
        raw = read(ROOT / "corpus" / name if (ROOT / "corpus" / name).exists() else fixtures / name)
    state = State(raw=raw)
    assert list(WRITES) == [name for name, _ in _stages()]
    for name, stage in _stages():
        before, warned = _layers(state), list(state.warnings)
        stage(state)
        after = _layers(state)
        touched = {k for k in before if before[k] != after[k]}
        assert touched <= set(WRITES[name]), f"stage {name} wrote {sorted(touched - set(WRITES[name]))}"
        assert state.warnings[:len(warned)] == warned, f"stage {name} rewrote earlier warnings"
    if raw.path == "x.pdf":  # the ruled box is segment's, the indicator table the tables stage's
        assert [(b.id, b.number, len(b.items)) for b in state.boxes] == [("b1", "1", 2)]
        assert [t.kind for t in state.tables] == ["indicators"]


def test_the_declared_layers_exist_and_belong_to_one_stage_each():
    fields = {f.name for f in dataclasses.fields(State)}
    owners: dict[str, str] = {}
    for stage, layers in WRITES.items():
        for layer in layers:
            assert layer in fields, f"{stage} declares unknown layer {layer}"
            assert layer not in owners, f"{layer} written by {owners.get(layer)} and {stage}"
            owners[layer] = stage
