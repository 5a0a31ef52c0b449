"""Properties of the whole pipeline on generated plan-like text: it never raises, every span
lies inside the normalized text, and every output validates against the JSON Schema.

The strategy builds documents from the pieces converters produce (headings of every numbering
style, run-in and bold leads, tab-led cells, flattened rows, pipe tables, 专栏 captions,
bookmarks, page numbers, LaTeX, notices) mixed with arbitrary text. `tests/fuzz.py` runs the
same property with a large budget.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.pipeline import run
from extract.writer import to_json

NUM = st.sampled_from(["一", "二", "十一", "3", "12", "①", "九"])
PIECES = st.one_of(
    st.builds(lambda n, t: f"第{n}章 {t}", NUM, st.text(max_size=12)),
    st.builds(lambda n, t: f"{n}、{t}", NUM, st.text(max_size=12)),
    st.builds(lambda n, t, b: f"（{n}）{t}。{b}", NUM, st.text(max_size=10), st.text(max_size=60)),
    st.builds(lambda n, t, b: f"**{n}. {t}。**{b}（责任单位：市卫生健康委、市财政局）", NUM, st.text(max_size=10),
              st.text(max_size=40)),
    st.builds(lambda a, b: f"\t{a}\n\t{b}", st.text(max_size=8), st.text(max_size=8)),
    st.builds(lambda n, v: f"{n} % {v} ≥{v} 预期性", st.text(max_size=10), st.floats(0, 1000, allow_nan=False)),
    st.builds(lambda a, v: f"| {a} | {v} | 约束性 |", st.text(max_size=8), st.integers(-5, 99999)),
    st.builds(lambda n, t: f"专栏 {n} {t}", NUM, st.text(max_size=12)),
    st.builds(lambda t: f"{t}项目：投资1200万元，新建业务用房。", st.text(max_size=12)),
    st.sampled_from(["[bookmark: page3]", "— 12 —", "37", "$\\leq 15/10$", "目 录", "第一章 总则.....\t1",
                     "临州办发〔2021〕103号", "2021年12月31日", "(", ")", "", "序号\t指标\t2020年\t2025年",
                     "1\t人均预期寿命（岁）\t74.1\t75", "<table><tr><td>a</td></tr></table>", "## ", "**"]),
    st.text(max_size=80),
)
DOCS = st.lists(PIECES, min_size=1, max_size=40).map(lambda parts: "\n".join(parts) + "\n")


def _check(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"plan{suffix}"
        path.write_text(text, encoding="utf-8")
        try:
            result = run(path)
        except Exception as e:  # only the documented refusals (empty, binary…) may stop a document
            assert getattr(e, "code", "").startswith("E1"), repr(e)
            return
    doc, n = result.document, len(result.text)
    to_json(doc)  # validates against the schema; raises OutputInvalid otherwise
    spans = [h.span for h in doc.outline] + [b.span for b in doc.boxes] + [t.span for t in doc.tables] \
        + [t.span for t in doc.tasks] + [w.span for w in doc.warnings if w.span] \
        + [i.source.span for i in doc.indicators if i.source.span] \
        + [p.source.span for p in doc.projects if p.source.span]
    for a, b in spans:
        assert 0 <= a <= b <= n
    ids = {h.id for h in doc.outline}
    assert all(h.parent is None or h.parent in ids for h in doc.outline)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS, st.sampled_from([".txt", ".md"]))
def test_pipeline_never_raises_and_output_is_valid(text, suffix):
    _check(text, suffix)
