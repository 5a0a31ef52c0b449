"""Fuzzing that reaches the stages: text built from the pipeline's own vocabulary, and real DOCX
and PDF files mutated inside their structure.

Random Unicode rarely makes a line the segmenter takes for a heading or a 专栏, so it never gets
past the first stage. Here the alphabet is every marker and role word in patterns/*.yaml (专栏,
第…章, 牵头, 责任单位, 以上, units, catalogue names …) plus numerals and the punctuation that
joins them, so generated lines look like headings, boxes, task leads and indicator rows in
random combinations. Each stage has its own never-raise property (the stages before it run
first); the DOCX and PDF properties mutate the bytes inside the ZIP (document.xml) and the PDF's
objects, and reading them must give a document or one clear error, never anything else.

The suite runs few examples; `python tests/fuzz.py` runs the same properties for minutes.
"""
from __future__ import annotations

import functools
import io
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.errors import PlanExtractError
from extract.raw import RawDocument, RawLine, RawTable
from extract.stages import STAGE_NAMES

ROOT = Path(__file__).resolve().parent.parent
_TOKEN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")


@functools.lru_cache(maxsize=1)
def pattern_words() -> list[str]:
    """Every run of Chinese characters and CJK punctuation in patterns/*.yaml, keys and values."""
    import yaml
    words: set[str] = set()

    def walk(x) -> None:
        if isinstance(x, str):
            words.update(_TOKEN.findall(x))
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    for path in sorted((ROOT / "patterns").glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted(words)


NUMERALS = st.one_of(
    st.integers(-3, 3000).map(str),
    st.sampled_from(["一", "二", "三", "十", "十一", "二十", "十十", "一二三", "零", "〇", "两", "百", "千万",
                     "①", "⑳", "Ⅲ", "二〇二五", "2025", "2020—2025", "1.5", "0.0", "１２", "3%", "‰"]),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
)
GLUE = st.sampled_from(["", "", " ", "\t", "、", "，", "。", "：", "；", "（", "）", "(", ")", "【", "】", "《", "》",
                        "第", "章", "节", "条", "|", "%", "≥", "≤", "~", "—", "-", ".", "．", "*", "#", "/"])


def _piece():
    return st.one_of(st.sampled_from(pattern_words()), NUMERALS, GLUE, st.text(max_size=4))


WORDS = st.lists(_piece(), min_size=0, max_size=12).map("".join)
CELL = st.lists(_piece(), min_size=0, max_size=4).map("".join)
# numbering and captions at the start of a line, as headings, boxes and task items print them
LEADS = st.sampled_from(["{n}、", "（{n}）", "({n})", "第{n}章 ", "第{n}节 ", "{n}.", "{n}．", "{n} ", "专栏{n} ",
                         "专栏{n}：", "表{n} ", "附件{n}", "**{n}. ", "# {n}、", "{n}）", "第{n}条 "])
LED = st.builds(lambda lead, n, rest: lead.format(n=n) + rest, LEADS, NUMERALS, WORDS)
ROLE = st.builds(lambda a, role, b, c: f"{a}（{role}：{b}、{c}）", WORDS, st.sampled_from(
    [w for w in pattern_words() if any(k in w for k in ("牵头", "责任", "配合", "单位", "部门"))] or ["责任单位"]),
    CELL, CELL)
ROW = st.lists(CELL, min_size=2, max_size=6).map("\t".join)
LINE = st.one_of(WORDS, LED, LED, ROLE, ROW)
RANDOM_TABLE = st.integers(1, 5).flatmap(lambda w: st.lists(st.lists(CELL, min_size=w, max_size=w), min_size=1,
                                                              max_size=6))
# an indicator table's shape: a header of 指标/years/属性, rows of a name and figures
HEADER = st.lists(st.sampled_from(["序号", "指标", "指标名称", "单位", "2020年", "2025年", "2025年目标", "属性",
                                   "类别", "基期值", "目标值", "项目名称", "建设内容", "总投资", "责任单位"]),
                  min_size=2, max_size=6, unique=True)
FIGURE = st.one_of(NUMERALS, st.builds(lambda op, n: op + n, st.sampled_from(["≥", "≤", ">", "<", "", "约"]), NUMERALS),
                   CELL)
SHAPED_TABLE = HEADER.flatmap(lambda head: st.lists(
    st.tuples(CELL, st.lists(FIGURE, min_size=len(head) - 1, max_size=len(head) - 1)).map(lambda r: [r[0], *r[1]]),
    min_size=1, max_size=6).map(lambda rows: [head, *rows]))
TABLE = st.one_of(RANDOM_TABLE, SHAPED_TABLE)
BLOCKS = st.lists(st.one_of(LINE.map(lambda t: ("line", t)), LINE.map(lambda t: ("heading", t)),
                            TABLE.map(lambda rows: ("table", rows))), min_size=1, max_size=25)
DOC_TEXT = st.lists(LINE, min_size=1, max_size=30).map("\n".join)


def raw_document(blocks) -> RawDocument:
    out = []
    for kind, value in blocks:
        if kind == "table":
            out.append(RawTable(rows=[list(r) for r in value]))
        else:
            out.append(RawLine(value, heading_level=1 if kind == "heading" else None))
    return RawDocument(path="fuzz.txt", format="txt", sha256="0" * 64, blocks=out)


def run_stages(raw: RawDocument, last: str):
    """The pipeline's stages up to and including `last`, as pipeline.run runs them."""
    from extract.pipeline import _stages, build_document
    from extract.readers.common import finish
    from extract.state import State
    state = State(raw=finish(raw))
    for name, stage in _stages():
        if name == "normalize" or state.norm.paras:  # the pipeline stops at no body text (E106)
            stage(state)
        if name == last:
            break
    return state, build_document


def check_stages(blocks, last: str) -> None:
    state, build_document = run_stages(raw_document(blocks), last)
    n = len(state.norm.text)
    for a, b in [h.span for h in state.outline] + [x.span for x in state.boxes] + [t.span for t in state.tables]:
        assert 0 <= a <= b <= n
    if last == "meta":
        from extract.writer import to_json
        to_json(build_document(state.raw, state))


SMALL = dict(max_examples=12, deadline=None, derandomize=True, database=None,
             suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("stage", STAGE_NAMES[1:])
def test_stage_never_raises_on_pattern_vocabulary(stage):
    @settings(**SMALL)
    @given(BLOCKS)
    def prop(blocks):
        check_stages(blocks, stage)
    prop()


def test_pattern_alphabet_has_the_markers():
    words = set(pattern_words())
    for marker in ("专栏", "牵头", "责任单位", "以上", "章", "约束性"):
        assert any(marker in w for w in words), marker


# ---------------------------------------------------------------- structure-aware mutation

def mutate(data: bytes, ops: list[tuple[int, float, float, str]]) -> bytes:
    """Apply edits at relative positions: 0 flip a byte, 1 delete a range, 2 duplicate a range,
    3 insert a word, 4 truncate, 5 replace a number with another."""
    buf = bytearray(data)
    for op, where, length, word in ops:
        if not buf:
            break
        i = min(int(where * len(buf)), len(buf) - 1)
        j = min(len(buf), i + 1 + int(length * 200))
        if op == 0:
            buf[i] ^= 1 << int(length * 8) % 8
        elif op == 1:
            del buf[i:j]
        elif op == 2:
            buf[i:i] = buf[i:j]
        elif op == 3:
            buf[i:i] = word.encode("utf-8")
        elif op == 4:
            del buf[i:]
        else:
            m = re.compile(rb"\d+").search(bytes(buf), i)
            if m:
                buf[m.start():m.end()] = str(int(length * 1e6) - 5).encode()
    return bytes(buf)


OPS = st.lists(st.tuples(st.integers(0, 5), st.floats(0, 1), st.floats(0, 1),
                         st.sampled_from(pattern_words() + ["<w:p>", "</w:t>", "<w:tbl>", "obj", "endobj",
                                                            "stream", "/Length 0", "R", "<<", ">>", "&amp;"])),
               min_size=1, max_size=4)


def mutate_docx(data: bytes, member_pick: float, ops) -> bytes:
    """The same package with one XML part (mostly word/document.xml) mutated, re-zipped."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    xml = [n for n in names if n.endswith(".xml") or n.endswith(".rels")]
    target = "word/document.xml" if member_pick < 0.7 and "word/document.xml" in names else \
        xml[int(member_pick * len(xml)) % len(xml)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in names:
            part = src.read(name)
            z.writestr(name, mutate(part, ops) if name == target else part)
    return out.getvalue()


def mutate_pdf(data: bytes, pick: float, ops) -> bytes:
    """One object of the PDF (`N 0 obj … endobj`) mutated; the rest, xref included, untouched."""
    objects = list(re.finditer(rb"\d+ 0 obj.*?endobj", data, re.S))
    if not objects:
        return mutate(data, ops)
    m = objects[int(pick * len(objects)) % len(objects)]
    return data[:m.start()] + mutate(m.group(), ops) + data[m.end():]


@functools.lru_cache(maxsize=None)
def fixture_bytes(suffix: str) -> bytes:
    from fixtures import make_fixtures
    folder = make_fixtures.build()
    smallest = min(folder.glob(f"*{suffix}"), key=lambda p: p.stat().st_size)
    return smallest.read_bytes()


def read_mutated(data: bytes, suffix: str, pipeline: bool = False) -> None:
    from extract.pipeline import run
    from extract.readers import read
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"mutant{suffix}"
        path.write_bytes(data)
        try:
            run(path) if pipeline else read(path)
        except PlanExtractError:
            pass  # one clear error with a code: what a broken file should give


def test_mutated_docx_reads_or_fails_clearly():
    @settings(**{**SMALL, "max_examples": 15})
    @given(st.floats(0, 1), OPS)
    def prop(pick, ops):
        read_mutated(mutate_docx(fixture_bytes(".docx"), pick, ops), ".docx")
    prop()


def test_mutated_pdf_reads_or_fails_clearly():
    @settings(**{**SMALL, "max_examples": 15})
    @given(st.floats(0, 1), OPS)
    def prop(pick, ops):
        read_mutated(mutate_pdf(fixture_bytes(".pdf"), pick, ops), ".pdf")
    prop()
