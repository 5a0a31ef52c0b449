"""The forms gallery: every annotated corpus indicator table re-flattened the ways converters
print tables, so that one test can check that the table model reads each form the same.

    python tests/forms.py OUTDIR        # writes every form of every document, for a look

Each annotated document's table indicators (corpus/annotations/*.json) become one table —
序号, 类别 (when annotated), 指标, 单位, the baseline year, the target year, 属性 (when annotated) —
printed inside a small invented plan as:

- tab rows (a category printed once, empty cells under it);
- one cell per line, header words spaced out (`指 标`, `2020 年`), a space-only line for an
  empty cell, a blank line after each row;
- key:value records, one row per line (`序号：1 类别：健康水平 指标：… 2020年：76.46 …`);
- whitespace words, one row per line (a category repeated on every row, an empty cell left out);
- a Markdown pipe table; an HTML table (the category merged with rowspan);
- pandoc's grid, simple and multiline tables (tests/synth_tables.pandoc: columns padded to
  display width, long names wrapped inside their cells in grid and multiline);
- a DOCX table and a ruled PDF table (tests/fixtures/make_fixtures.py: merged category cells,
  the PDF's header repeated on each page).
"""
from __future__ import annotations

import html
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANNOTATIONS = ROOT / "corpus" / "annotations"
sys.path.insert(0, str(Path(__file__).parent / "fixtures"))

TEXT_FORMS = ("tabs", "cells", "records", "words", "markdown", "html", "grid", "simple", "multiline")
FORMS = TEXT_FORMS + ("docx", "pdf")
SUFFIX = {"markdown": ".md", "html": ".html", "docx": ".docx", "pdf": ".pdf"}
BEFORE = ["某市卫生健康事业发展规划", "一、发展目标", "全面推进健康城市建设，持续提升居民健康水平。", "表1 主要发展指标"]
AFTER = ["二、主要任务", "加强基层医疗卫生服务体系建设，提高服务能力。"]


def annotated() -> dict[str, list[dict]]:
    """Document stem → its annotated table indicators (documents without any left out)."""
    out = {}
    for f in sorted(ANNOTATIONS.glob("*.json")):
        inds = json.loads(f.read_text(encoding="utf-8")).get("indicators") or []
        if inds:
            out[f.stem] = inds
    return out


def table(indicators: list[dict]) -> tuple[list[str], list[list[str]], int | None]:
    """Header, rows (a category only on the first row of its run) and the category column."""
    has_cat = any(i.get("category") for i in indicators)
    has_unit = any(i.get("unit") for i in indicators)
    has_nature = any(i.get("nature") for i in indicators)
    by = next((i["baseline"]["year"] for i in indicators if i.get("baseline")), None)
    ty = next((i["target"]["year"] for i in indicators if i.get("target")), None)
    header = ["序号"] + (["类别"] if has_cat else []) + ["指标"] + (["单位"] if has_unit else []) + \
        [f"{by}年" if by else "基期值", f"{ty}年目标" if ty else "目标值"] + (["属性"] if has_nature else [])
    rows = []
    last_cat = None
    for n, i in enumerate(indicators, 1):
        cat = i.get("category") or ""
        row = [str(n)] + ([cat if cat != last_cat else ""] if has_cat else []) + [i["name"]]
        row += [i.get("unit") or ""] if has_unit else []
        row += [(i.get("baseline") or {}).get("raw") or "", (i.get("target") or {}).get("raw") or ""]
        row += [i.get("nature") or ""] if has_nature else []
        rows.append(row)
        last_cat = cat
    return header, rows, (1 if has_cat else None)


def _filled(rows: list[list[str]], cat: int | None) -> list[list[str]]:
    out, last = [], ""
    for r in rows:
        r = list(r)
        if cat is not None:
            r[cat] = r[cat] or last
            last = r[cat]
        out.append(r)
    return out


def _spaced(word: str) -> str:
    """`指标` → `指 标`, `2020年` → `2020 年`: header words as some converters space them out."""
    if word[:4].isdigit():
        return word[:4] + " " + word[4:]
    return " ".join(word) if len(word) == 2 else word


def body(form: str, header: list[str], rows: list[list[str]], cat: int | None) -> list[str]:
    """The table's lines in one of the plain-text forms (tabs, cells, records, words, markdown)."""
    if form == "tabs":
        lines = ["\t".join(header)] + ["\t".join(r) for r in rows]
    elif form == "cells":
        lines = [_spaced(h) for h in header] + [""]
        for r in rows:
            lines += [c if c else "  " for c in r] + [""]
    elif form == "records":
        lines = [" ".join(f"{h}：{c}" for h, c in zip(header, r) if c) for r in _filled(rows, cat)]
    elif form == "words":
        lines = [" ".join(header)] + [" ".join(c for c in r if c) for r in _filled(rows, cat)]
    elif form == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
    elif form in ("grid", "simple", "multiline"):
        import random
        import synth_tables
        widest = max(range(len(header)), key=lambda j: max([len(r[j]) for r in rows] + [0]))   # wraps
        lines = synth_tables.pandoc(form, [header], rows, widest, lambda r: False, random.Random(len(rows)))
    else:
        raise ValueError(form)
    return lines


def render(form: str, header: list[str], rows: list[list[str]], cat: int | None) -> str:
    if form == "html":
        import synth_tables
        out = ["<table>", "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>"] + \
            synth_tables.html_rows(rows, cat) + ["</table>"]
        return synth_tables.html_document(BEFORE, out, AFTER)
    return "\n".join(BEFORE + [""] + body(form, header, rows, cat) + [""] + AFTER) + "\n"


def write(form: str, stem: str, indicators: list[dict], folder: Path) -> Path:
    """The document for one form of one annotated table; returns its path."""
    header, rows, cat = table(indicators)
    path = folder / f"{stem}{SUFFIX.get(form, '.txt')}"
    if form in TEXT_FORMS:
        path.write_text(render(form, header, rows, cat), encoding="utf-8")
        return path
    import make_fixtures as mf
    items = [mf.Para(BEFORE[0], level=None), mf.Para(BEFORE[1], level=1), mf.Para(BEFORE[2]), mf.Para(BEFORE[3]),
             mf.Table([header] + rows, {cat} if cat is not None else set()),
             mf.Para(AFTER[0], level=1), mf.Para(AFTER[1])]
    if form == "docx":
        _docx(header, rows, cat, path)
    else:
        mf.build_pdf(items, path)
    return path


def _docx(header: list[str], rows: list[list[str]], cat: int | None, path: Path) -> None:
    """A Word document with the table (its header row flagged, each category merged down over
    the empty cells below it). Rows are filled one at a time: python-docx's table.cell(r, c)
    walks the whole grid on every call."""
    import docx
    import make_fixtures as mf
    document = docx.Document()
    for n, text in enumerate(BEFORE):
        document.add_paragraph(text, style="Heading 1" if n == 1 else None)
    word = document.add_table(rows=len(rows) + 1, cols=len(header))
    word.style = "Table Grid"
    grid = [row.cells for row in word.rows]
    for c, h in enumerate(header):
        grid[0][c].text = h
    mf._mark_header_row(word.rows[0])
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row):
            if text:
                grid[r][c].text = text
    if cat is not None:
        r = 1
        while r <= len(rows):
            end = r
            while end + 1 <= len(rows) and not rows[end][cat]:
                end += 1
            if end > r:
                grid[r][cat].merge(grid[end][cat])
            r = end + 1
    document.add_paragraph(AFTER[0], style="Heading 1")
    document.add_paragraph(AFTER[1])
    document.save(str(path))


if __name__ == "__main__":
    out = Path(sys.argv[1])
    for form in FORMS:
        (out / form).mkdir(parents=True, exist_ok=True)
        for stem, inds in annotated().items():
            write(form, stem, inds, out / form)
