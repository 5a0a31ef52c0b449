"""Tasks of invented plans (tests/synth_tasks.py), each printed as plain text and re-rendered the
way real converters deliver it (tests/renderings.py: radical code points, lost opening brackets,
DOCX without heading styles — bold leads kept bold —, HTML in site chrome, crawler Markdown, a
blank line after every line, and for the first seeds a ruled PDF with page numbers and a running head). Every rendering must give
the tasks the generator printed: where each starts, its number and title, lead, support, implied
units and deadline_text; the chapters (一、 / 第一部分 / 第一章) at level 1 and the sections under
重点任务 (（一） or 一、) at level 2, whatever numbers the items (1）, full-width １． too); and,
where a notice issues the plan (its lines apart by blank lines), its title, 文号, issuer and date.
Fixed seeds; generated in the test run, nothing committed."""
from __future__ import annotations

import pytest
import regex

import renderings
from conftest import case
import synth_tasks
from extract.lexicon.folds import fold_width
from extract.pipeline import run

SEEDS = range(30)                 # every rendering
TEXT_SEEDS = range(30, 150)       # plain text only (a document costs ~20 ms)

# (seed, variant) pairs that do not give their tasks yet, with the reason: strict xfails
GAPS: dict[tuple[int, str], str] = {}


def _write(plan: synth_tasks.Plan, variant: str, folder):
    text = plan.text
    if variant == "text":
        path = folder / "plan.txt"
        path.write_text(text, encoding="utf-8")
        return path
    if variant == "docx":
        path = renderings.docx(text, folder / "plan.docx")
        if plan.bold:
            _bold_leads(path, plan.bold)
        return path
    if variant == "html":
        return renderings.html_page(text, folder / "plan.html")
    return renderings.write(variant, text, {"title": text.split("\n", 1)[0], "date": None, "issuer": None}, folder)


def _bold_leads(path, leads: list[str]) -> None:
    """Print each paragraph's lead sentence in bold, the rest plain (as Word documents do)."""
    import docx
    d = docx.Document(str(path))
    for p in d.paragraphs:
        lead = next((x for x in leads if p.text.startswith(x)), None)
        if lead:
            rest = p.text[len(lead):]
            for r in list(p.runs):
                r._element.getparent().remove(r._element)
            p.add_run(lead).bold = True
            p.add_run(rest)
    d.save(str(path))


PDF_SEEDS = range(12)              # a ruled PDF costs more: the first seeds only


def _variants(plan: synth_tasks.Plan) -> list[str]:
    out = ["text", "radicals", "docx", "html", "crawler", "blank_lines"]
    # a lost `（` shows only where a Chinese number lost it too: `1）` alone is a style of its own
    # (normalize repairs a run of Arabic ones only then), so a plan printing no （一）, or printing
    # 1） items of its own, has no lost_brackets rendering that any reader could undo
    if renderings.lost_brackets(plan.text) != plan.text and regex.search(r"(?m)^（[一二三四五六七八九十]+）", plan.text) \
            and not regex.search(r"(?m)^[0-9０-９]+）", plan.text):
        out.append("lost_brackets")
    if plan.seed in PDF_SEEDS:
        out.append("pdf")
    return out


FAST_TEXT_SEEDS = 60      # plain-text seeds the inner loop (make test-fast) reads; make test reads all
FAST_RENDERED_SEEDS = 12  # seeds the inner loop also reads in every rendering


def _case(seed: int, v: str):
    return case(seed, v, gap=GAPS.get((seed, v)),
                slow=seed >= FAST_TEXT_SEEDS or (v != "text" and seed >= FAST_RENDERED_SEEDS))


CASES = [_case(seed, v) for seed in SEEDS for v in _variants(synth_tasks.generate(seed))] + \
    [_case(seed, "text") for seed in TEXT_SEEDS]


def expected(plan: synth_tasks.Plan) -> list[tuple]:
    return [(t.number, t.title, t.lead, t.support, t.implied, t.deadline_text) for t in plan.tasks]


def got(result) -> list[tuple]:
    return [(t.number, t.title, t.lead, t.support, t.implied, t.deadline_text) for t in result.document.tasks]


def starts_ok(plan: synth_tasks.Plan, result) -> list[str]:
    """The tasks whose span does not start where the task is printed (a table row: whose span
    does not hold its title)."""
    bad = []
    for want, t in zip(plan.tasks, result.document.tasks):   # in order: rows may share a title
        if t.title != want.title:
            continue
        # the normalized text's digits are ASCII (readers.common): compared width-folded
        printed, start = fold_width(result.text[t.span[0]:t.span[1]]), fold_width(want.start)
        ok = start in "".join(printed.split()) if want.table else printed.startswith(start)
        if not ok:
            bad.append(f"{want.start}… at {printed[:12]!r}")
    return bad


def outline(result) -> tuple[list, list]:
    """The level-1 headings, and the level-2 ones under the second (重点任务)."""
    top = [(h.number, h.title) for h in result.document.outline if h.level == 1]
    under, inside = [], False
    for h in result.document.outline:
        if h.level == 1:
            inside = len(top) > 1 and (h.number, h.title) == top[1]
        elif h.level == 2 and inside:
            under.append((h.number, h.title))
    return top, under


@pytest.mark.parametrize("seed, variant", CASES)
def test_tasks_of_invented_plans(seed, variant, tmp_path):
    plan = synth_tasks.generate(seed)
    result = run(_write(plan, variant, tmp_path))
    assert got(result) == expected(plan), plan.forms
    assert starts_ok(plan, result) == []
    top, under = outline(result)
    assert top == plan.chapters      # 一、 / 第一部分 / 第一章 chapters, whatever numbers the items
    if plan.sections:
        assert under == plan.sections
    if plan.notice:                  # a notice in front, its lines apart by blank lines
        meta = result.document.meta.model_dump(mode="json")
        assert {k: meta[k] for k in plan.notice} == plan.notice


def test_task_table_in_tab_rows_whose_first_row_is_short(tmp_path):
    text = ("某区营商环境优化实施方案\n\n一、重点任务\n各项任务分工如下表。\n"
            "重点任务\t牵头单位\t责任单位\t完成时间\n"
            "完善科技成果转化机制\t区科技局\t区财政局\t2024年底前\n"
            "完善社会救助体系\t区民政局\t区残联\t2025年底前\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    tasks = run(path).document.tasks
    assert [(t.title, t.lead, t.support, t.deadline_text) for t in tasks] == [
        ("完善科技成果转化机制", ["区科技局"], ["区财政局"], "2024年底前"),
        ("完善社会救助体系", ["区民政局"], ["区残联"], "2025年底前")]
