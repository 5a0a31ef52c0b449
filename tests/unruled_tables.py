"""Tables printed without rules, for the tests: the same table as an unruled PDF (reportlab, no
rule or only a 三线表's three) and as `pdftotext -layout` prints text (columns padded with
spaces to display width, an ideograph two columns wide, long cells wrapped onto the next lines
with blanks in the other columns, values set at the top of their rows or centred in them, a
category printed once for its rows, at their top or centred over them).

    python tests/unruled_tables.py OUTDIR   # writes every form of every annotated corpus table

Expected values come from the table given (the annotated corpus tables: tests/forms.py), never
from the program.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "fixtures"))

import forms  # noqa: E402

PDF_RULES = ("none", "three", "none-unrepeated")   # no rule; a 三线表; no rule, header not printed again
# values at the top / centred; blank lines between rows; a page break (a form feed after a page
# number) in the middle of the table, the header not printed again
LAYOUTS = ("top", "middle", "middle-spaced", "top-paged")
WRAP = 14   # display columns a long cell wraps at


def _width(text: str) -> int:
    from extract.lexicon.layout import display_width
    return display_width(text)


def _wrap(text: str, width: int) -> list[str]:
    """A cell's lines at most `width` display columns wide (CJK text breaks anywhere)."""
    lines, line = [], ""
    for ch in text:
        if line and _width(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line] if line or not lines else lines


def layout(header: list[str], rows: list[list[str]], cat: int | None, valign: str = "top",
           spaced: bool = False, gap: int = 3) -> list[str]:
    """The table as `pdftotext -layout` prints it. rows: a category only on the first row of its
    run (forms.table). valign "top" or "middle"; spaced: a blank line between rows."""
    name = header.index("指标") if "指标" in header else None
    cells = [[_wrap(c, WRAP) if j == name else [c] for j, c in enumerate(r)] for r in rows]
    heights = [max(len(c) for c in r) for r in cells]
    widths = [max([_width(header[j])] + [_width(line) for r in cells for line in r[j]]) for j in range(len(header))]
    # the grid of printed lines: row r takes heights[r] lines (and a blank after it when spaced)
    starts, n = [], 0
    for h in heights:
        starts.append(n)
        n += h + (1 if spaced else 0)
    grid = [[""] * len(header) for _ in range(n)]
    for r, row in enumerate(cells):
        for j, lines in enumerate(row):
            if j == cat:
                continue
            off = (heights[r] - len(lines)) // 2 if valign == "middle" else 0
            for k, line in enumerate(lines):
                grid[starts[r] + off + k][j] = line
    if cat is not None:   # printed once, at the top of its rows or centred over them
        r = 0
        while r < len(rows):
            end = r + 1
            while end < len(rows) and not rows[end][cat]:
                end += 1
            first, last = starts[r], starts[end - 1] + heights[end - 1] - 1
            at = (first + last) // 2 if valign == "middle" else first
            grid[at][cat] = rows[r][cat]
            r = end
    pad = " " * gap

    def line(cells: list[str]) -> str:
        return ("  " + pad.join(c + " " * (w - _width(c)) for c, w in zip(cells, widths))).rstrip()

    return [line(header)] + [line(g) if any(g) else "" for g in grid]


def render_layout(header: list[str], rows: list[list[str]], cat: int | None, form: str) -> str:
    valign = "middle" if form.startswith("middle") else "top"
    body = layout(header, rows, cat, valign, spaced=form.endswith("spaced"))
    if form.endswith("paged"):   # the break before the row that starts past the middle
        cut = next(k for k in range(len(body) // 2, len(body)) if body[k][2:3].isdigit())
        body = body[:cut] + ["", "                                 — 1 —", "\f" + forms.BEFORE[0]] + body[cut:]
    return "\n".join(forms.BEFORE + [""] + body + [""] + forms.AFTER) + "\n"


def write_pdf(header: list[str], rows: list[list[str]], cat: int | None, path: Path, rules: str) -> Path:
    import make_fixtures as mf
    items = [mf.Para(forms.BEFORE[0], level=None), mf.Para(forms.BEFORE[1], level=1), mf.Para(forms.BEFORE[2]),
             mf.Para(forms.BEFORE[3]), mf.Table([header] + rows, {cat} if cat is not None else set()),
             mf.Para(forms.AFTER[0], level=1), mf.Para(forms.AFTER[1])]
    mf.build_pdf(items, path, rules=rules.split("-")[0], repeat_header=not rules.endswith("unrepeated"))
    return path


def write(form: str, stem: str, indicators: list[dict], folder: Path) -> Path:
    """One annotated table in one unruled form (a PDF rules value or a layout); its path."""
    header, rows, cat = forms.table(indicators)
    return write_table(form, header, rows, cat, folder, stem)


def write_table(form: str, header: list[str], rows: list[list[str]], cat: int | None, folder: Path,
                stem: str = "table") -> Path:
    """A small plan with the table in one unruled form; rows: a category only on the first row
    of its run."""
    if form in PDF_RULES:
        return write_pdf(header, rows, cat, folder / f"{stem}.pdf", form)
    path = folder / f"{stem}.txt"
    path.write_text(render_layout(header, rows, cat, form), encoding="utf-8")
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1])
    for form in PDF_RULES + LAYOUTS:
        (out / form).mkdir(parents=True, exist_ok=True)
        for stem, inds in forms.annotated().items():
            write(form, stem, inds, out / form)
