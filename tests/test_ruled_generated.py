"""Generated ruled indicator tables (tests/ruled_tables.py) read back field by field: every
indicator of every seed, from its Word table (DOCX and DOC; a DOCX of one table that prints its
header again at the page break), from its ruled PDF and OFD, and from a web page that holds it
inside the site's chrome (rowspan, colspan), must
carry the values the generator put in (seq, category, group, name, unit, note, nature, baseline,
targets — a change column's value where the latest target year prints `—` — and the page each
row is printed on in the PDF and the OFD)."""
from __future__ import annotations

import pytest

import ruled_tables as gen

# 3 and 4: a category label one character a line cut by the page break, a single character on
# one side (`医疗资` | `源`); 44 and 141: cut into two pieces of two (`健康` | `生活`, `医疗` |
# `资源`: the first fills its cell to the foot of the page, the second starts at the top of its
# cell, in 141 a cell over two rows); 195: a single character at the foot (`疾` | `病防控`); 75:
# a single character and the rest, each on one row under a 类别 header (`健` | `康水平`);
# 70 and 118: the page after the break merges every row's target cells (no rule between them);
# 1, 3, 7, 8: three target years; 0, 1, 5, 6, 10, 21, 118: a 年均增长/累计 column giving the
# target of a row whose latest year prints `—` (6: a 年均增长（%） column gives none to a row in
# another unit); 3, 5, 195: a unit with a magnitude in brackets after the name (森林蓄积量（亿立方米）);
# 2, 13, 20, 118, 141: a 说明/备注 column; a table of one unit printed once: after every year's
# header (8, 13: 2020年（%）), on the line above the table (20, 195: 单位：%), in the name column's
# header (26: 指标（单位：%）); 136, 192, 194, 276: a label cut into two pieces that each fill their
# cell to the line, printed from the top as much as centred (`健康` | `水平`), and 41, 45, 60, 187,
# 229: two whole labels that each fill their cell on either side of the break (`疾病防控` |
# `医疗资源`), never joined
SEEDS = list(range(40)) + [44, 45, 60, 70, 75, 118, 136, 141, 187, 192, 194, 195, 229, 276]
FORMATS = ("docx", "doc", "pdf", "ofd", "html", "docx_repeated")
FAST_SEEDS = 8   # the inner loop (make test-fast) reads these; make test reads all
WRITE = {"docx": gen.write_docx, "doc": gen.write_doc, "pdf": gen.write_pdf, "ofd": gen.write_ofd,
         "html": gen.write_html, "docx_repeated": gen.write_docx_repeated}
SUFFIX = {"docx_repeated": "docx"}


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """(seed, format) → (spec, the pipeline's indicators from tables), each built once a session
    and only when a test asks for it (make test-fast reads the first seeds only)."""
    from extract.pipeline import Settings, run
    folder = tmp_path_factory.mktemp("ruled")
    built: dict[tuple[int, str], tuple] = {}

    def get(seed: int, fmt: str) -> tuple:
        if (seed, fmt) not in built:
            s = gen.spec(seed)
            path = WRITE[fmt](s, folder / f"t{seed}-{fmt}.{SUFFIX.get(fmt, fmt)}")
            result = run(path, Settings(ocr="off"), stop_after="indicators")
            built[(seed, fmt)] = (s, [i for i in result.state.indicators if i.source.kind == "table"])
        return built[(seed, fmt)]
    return get


def _q(q):
    return None if q is None else (q.raw, q.year, q.value)


def _params():
    out = []
    for seed in SEEDS:
        for fmt in FORMATS:
            if fmt == "docx_repeated" and gen.spec(seed).split is None:
                continue   # one table either way: the docx case
            marks = [pytest.mark.slow] if seed >= FAST_SEEDS else []   # make test-fast reads the first seeds
            out.append(pytest.param(seed, fmt, marks=marks, id=f"{seed}-{fmt}"))
    return out


@pytest.mark.parametrize("seed,fmt", _params())
def test_every_field(generated, seed, fmt):
    s, got = generated(seed, fmt)
    assert [i.name for i in got] == [w["name"] for w in s.indicators]
    for ind, want in zip(got, s.indicators):
        assert (ind.seq, ind.category, ind.group) == (want["seq"], want["category"], want["group"]), ind.name
        assert (ind.unit, ind.note, ind.nature) == (want["unit"], want["note"], want["nature"]), ind.name
        assert _q(ind.baseline) == (tuple(want["baseline"]) if want["baseline"] else None), ind.name
        assert [_q(t) for t in ind.targets] == [tuple(t) for t in want["targets"]], ind.name
        assert ind.target == (ind.targets[-1] if ind.targets else None)
        assert ind.status == "target"
        if fmt in ("pdf", "ofd"):
            assert ind.source.page == want["page"], ind.name


TWO_TABLES = ([["指标", "2020年", "2025年"], ["人均预期寿命（岁）", "78", "79"], ["婴儿死亡率（‰）", "5", "4"]],
              [["项目名称", "建设内容", "总投资（万元）"], ["市传染病医院", "新建病房楼", "52000"],
               ["市疾控中心", "改造实验室", "8000"]])


def _two_docx(path):
    import docx
    from docx.enum.text import WD_BREAK
    document = docx.Document()
    document.add_paragraph("某市卫生健康事业发展规划")
    for rows in TWO_TABLES:
        table = document.add_table(rows=len(rows), cols=3)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        gen._mark_header(table.rows[0])
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.save(str(path))


def _two_doc(path):
    import doc_writer as dw
    paras = [dw.Paragraph("某市卫生健康事业发展规划\r")]
    for rows in TWO_TABLES:
        for k, row in enumerate(rows):
            paras += [dw.Paragraph(text + "\x07", in_table=True) for text in row]
            paras.append(dw.Paragraph("\x07", in_table=True, row_end=[(1800, 0)] * 3, header_row=k == 0))
        paras.append(dw.Paragraph("\x0c\r"))
    path.write_bytes(dw.build_doc(paras))


@pytest.mark.parametrize("fmt", ["docx", "doc"])
def test_another_table_after_a_page_break_stays_apart(tmp_path, fmt):
    """Two Word tables of as many columns with a page break between: the second opens with a
    header row of its own (flagged), so it is another table, not the first one continued."""
    from extract.raw import RawTable
    from extract.readers import read
    path = tmp_path / f"two.{fmt}"
    (_two_docx if fmt == "docx" else _two_doc)(path)
    tables = [b for b in read(path).blocks if isinstance(b, RawTable)]
    assert [t.rows[0][0] for t in tables] == ["指标", "项目名称"]
    assert [len(t.rows) for t in tables] == [3, 3]


# A category cut by a page break, as the reader sees the two parts: the last rows of the first
# page and the first of the next, the category column first; `foot`: the piece at the foot fills
# its cell (no room for a line more), `top`: the next piece starts at its cell's top rule with
# room below (not centred). Invented labels.
CUT_CASES = [
    # (name, foot rows, head rows, foot fills, head from the top, the category of every row)
    ("pieces of two, the text placed as a cut leaves it", ["疾病", "疾病"], ["防控", "防控"], True, True,
     ["疾病防控"] * 4),
    ("pieces of two, the second centred: a new label", ["疾病", "疾病"], ["防控", "防控"], True, False,
     ["疾病", "疾病", "防控", "防控"]),
    ("pieces of two, the first with room below it: a new label", ["疾病", "疾病"], ["防控", "防控"], False, True,
     ["疾病", "疾病", "防控", "防控"]),
    ("a single character at the foot, no geometry", ["健", "健"], ["康服务"], False, False, ["健康服务"] * 3),
    ("one row on the foot side, the rest over two rows", ["医疗"], ["资源", "资源"], True, True, ["医疗资源"] * 3),
    ("a single character, one row on each side", ["健"], ["康水平"], False, False, ["健康水平"] * 2),
]
# a column with no header: only a label merged over two rows or more on one side runs on
NAMELESS_CASES = [
    ("a single character, one row on each side", ["健"], ["康水平"], False, False, ["健", "康水平"]),
    ("a single character, two rows at the foot", ["健", "健"], ["康水平"], False, False, ["健康水平"] * 3),
]
# the same in a column headed 单位: units are never a label cut in two (`人`, `人` | `张`)
UNIT_CASES = [
    ("a single character on each side", ["人", "人"], ["张"], False, False, ["人", "人", "张"]),
    ("filled and from the top", ["万人", "万人"], ["千瓦", "千瓦"], True, True, ["万人", "万人", "千瓦", "千瓦"]),
]


@pytest.mark.parametrize("name,foot,head,fills,from_top,want,header",
                         [c + (["类别", "指标", "2025年"],) for c in CUT_CASES] +
                         [c + (["单位", "指标", "2025年"],) for c in UNIT_CASES] +
                         [c + (["", "指标", "2025年"],) for c in NAMELESS_CASES],
                         ids=[c[0] for c in CUT_CASES] + ["单位: " + c[0] for c in UNIT_CASES] +
                         ["no header: " + c[0] for c in NAMELESS_CASES])
def test_a_label_cut_by_the_page_break(name, foot, head, fills, from_top, want, header):
    from extract.raw import RawTable
    from extract.readers.grid import continue_table
    first = RawTable(rows=[header] + [[c, f"指标{k}", "1"] for k, c in enumerate(foot)], pages=[3],
                     full_at_foot={0} if fills else set())
    part = RawTable(rows=[header] + [[c, f"指标{k + 9}", "2"] for k, c in enumerate(head)], pages=[4],
                    from_top={(1, 0)} if from_top else set())
    continue_table(first, part)
    assert [r[0] for r in first.rows[1:]] == want
