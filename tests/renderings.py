"""Renderings of a whole plan document the way real converters deliver it, for the metamorphic
tests (tests/test_metamorphic.py). Each takes the clean text of an annotated corpus document and
writes one file; nothing is committed, everything is generated in the test run.

- radicals: every ideograph that has a Kangxi radical or CJK Radicals Supplement code point is
  written with it (a PDF printed from a Mac);
- lost_brackets: the opening `（` of every bracketed number at a line start dropped (an online
  PDF converter);
- blank_lines: a blank line after every line (a converter that writes each Word paragraph as a
  line and a blank one; a notice's title, 文号, issuer and date then stand apart);
- docx: every line a Normal paragraph, no heading styles; a table the text prints (one cell per
  tab-indented line, or tab-separated rows) a real Word table (python-docx);
- html: every line a <p>, each table a <table>, wrapped in a government site's chrome (menus, breadcrumb, counters,
  toolbar, 相关解读, footer);
- crawler: Markdown with front matter that repeats what the document prints (发布日期 / 发布机构
  / 原文链接, then ---, then 政策全文);
- tables_tabs, tables_cells, tables_markdown, tables_grid, tables_simple, tables_multiline: the
  document with every table it prints flattened again (tests/forms.py): tab-separated rows; one
  cell per line (spaced-out header words, a blank line after each row); Markdown pipes; pandoc's
  grid, simple and multiline tables (the first row its header, as pandoc takes one);
- tables_word_text, tables_html2text, tables_page_break: Word's "save as plain text" (each cell
  a line, rows not marked, an empty cell an empty line, a merged category printed once);
  html2text's Markdown of an HTML table (no outer pipes, a `---|---` rule; a row under a merged
  category prints the cells it has); one tab-led cell per line over a page break after the
  table's first half (page number, running head, the header printed again);
- tables_wrapped_pipes: Markdown pipes whose long cells wrap inside their column (12 characters),
  the rest of each cell on pipe lines of their own under the row;
- pdf: a ruled PDF (reportlab, tests/fixtures/make_fixtures.py): every line a body paragraph, no
  bookmarks, no larger heading type; tables as ruled tables, the header repeated on each page;
  page numbers at the foot and a running header.

A table is found in the text, never from the program's output: a run of tab-indented cell lines
(rows between blank lines, a bare line continuing the cell above) or
of at least two lines with three or more tab-separated cells. A table printed as whitespace words
(000, the text of a PDF) is left as it is.
"""
from __future__ import annotations

import html
import sys
from pathlib import Path
from typing import Union

import regex

import forms

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
import make_fixtures as mf  # noqa: E402

Segment = Union[str, mf.Table]   # a line of text, or a table the text prints


def radicals(text: str) -> str:
    from extract.lexicon.codepoints import code_point_table
    inverse: dict[int, int] = {}
    for radical, unified in sorted(code_point_table().items()):
        if 0x2E80 <= radical <= 0x2FD5:
            inverse.setdefault(unified, radical)
    return text.translate(inverse)


def lost_brackets(text: str) -> str:
    return regex.sub(r"(?m)^([ \t\u3000]*)[（(](?=\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[）)])", r"\1", text)


# A list label at a line start, as a word processor's automatic numbering prints it.
_LIST_LABEL = regex.compile(r"(?m)^([ \u3000]*(?:第[一二三四五六七八九十百]+[篇章节]|[一二三四五六七八九十]+、"
                            r"|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]))[ \u3000]*(?=\S)(?![^\n]*\t)")


def dash_one(text: str) -> str:
    """A PDF whose font maps 一 to a dash: `—、发展基础`, `（—）主要成效` in every list label 一."""
    return regex.sub(r"(?m)^([ \u3000]*)(?:一(?=、)|(?<=[（(])一(?=[)）]))|^([ \u3000]*[（(])一(?=[)）])",
                     lambda m: (m.group(1) or m.group(2) or "") + "—", text)


_FULL_WIDTH = str.maketrans("0123456789.%()<>=~-", "０１２３４５６７８９．％（）＜＞＝～－")


def full_width(text: str) -> str:
    """A word processor's full-width input: digits, points, percent signs, brackets, comparators and
    dashes full-width in prose and tables alike (`到２０２５年，达到９５．５％以上`)."""
    return text.translate(_FULL_WIDTH)


def letter_spaced(text: str) -> str:
    """A PDF set with letter spacing, as its text extractor prints it: a space between every two
    Chinese characters of a line, a wider gap (two spaces) where the print had a space; tables'
    tabbed lines as they are."""
    def spaced(line: str) -> str:
        line = regex.sub(r"(?<=\p{Han})[ \u3000]+(?=\p{Han})", "  ", line)
        return regex.sub(r"(?<=\p{Han})(?=\p{Han})", " ", line)
    return "\n".join(line if "\t" in line else spaced(line) for line in text.split("\n"))


def label_tabs(text: str) -> str:
    """A word processor's text export: a tab between each list label and its text
    (`一、⇥指导思想`, `1.⇥加强…`); lines of a table (already tabbed) are left alone."""
    return _LIST_LABEL.sub(lambda m: m.group(1) + "\t", text)


def pdftotext(text: str, width: int = 72, page_lines: int = 40) -> str:
    """A PDF converted to plain text (pdftotext without -layout): prose hard-wrapped at a fixed
    display width (a CJK character is two columns), a page number at the foot of each page
    and a form feed before the next; lines of a table (tabbed) and short lines as they are."""
    from unicodedata import east_asian_width

    def wrapped(line: str) -> list[str]:
        out, cur, w = [], "", 0
        for ch in line:
            cw = 2 if east_asian_width(ch) in "WF" else 1
            if w + cw > width:
                out.append(cur)
                cur, w = "", 0
            cur, w = cur + ch, w + cw
        return out + [cur]
    out: list[str] = []
    page = 1
    for line in text.split("\n"):
        for piece in ([line] if "\t" in line or not line.strip() else wrapped(line)):
            out.append(piece)
            if len(out) % page_lines == 0:
                out.append(f"— {page} —")
                page += 1
                out.append("\f")
    return "\n".join(out).replace("\n\f\n", "\n\f")


def blank_lines(text: str) -> str:
    return "\n\n".join(text.split("\n"))


def segments(text: str) -> list[Segment]:
    """The text's lines, with each table it prints as one mf.Table (header row first)."""
    lines = text.split("\n")
    out: list[Segment] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            i = _cell_lines(lines, i, out)
            continue
        if line.count("\t") >= 2:
            end = i
            while end < len(lines) and lines[end].count("\t") >= 2:
                end += 1
            if end - i >= 2:
                rows = [[c.strip() for c in r.split("\t")] for r in lines[i:end]]
                width = max(len(r) for r in rows)
                out.append(mf.Table([r + [""] * (width - len(r)) for r in rows]))
                i = end
                continue
        out.append(line)
        i += 1
    return out


def _cell_lines(lines: list[str], i: int, out: list[Segment]) -> int:
    """One cell per tab-indented line, rows between blank lines; a bare line continues the cell
    above; a line that prints two cells apart by a wide gap (`设置       %`) is two cells, a bare
    line after it continuing the first. Empty columns are left out."""
    rows: list[list[str]] = []
    row: list[str] = []
    last = 0   # the cell a bare line continues
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            last = len(row)
            row += regex.split(r"\s{3,}", line[1:].strip())
        elif line.strip() and row:
            row[last] += line.strip()
        elif line.strip():
            break  # text after a blank line: the table is over
        elif row:
            rows.append(row)
            row = []
        i += 1
    if row:
        rows.append(row)
    rows = [r for r in rows if any(r)]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    keep = [c for c in range(width) if any(r[c] for r in rows)]
    out.append(mf.Table([[r[c] for c in keep] for r in rows]))
    return i


def has_tables(text: str) -> bool:
    return any(isinstance(s, mf.Table) for s in segments(text))


# Header words of a column whose cells a table merges down over the rows of one group (a
# category printed once, the empty cells under it covered by the merged cell)
MERGED_HEADS = {"类别", "领域", "分类", "类型", "指标类别"}


def _merged(header: list[str], rows: list[list[str]]) -> list[list[bool]]:
    """For each cell, whether a merged cell above it covers it (an empty cell under a filled
    one in a column headed as a category)."""
    cols = [j for j, h in enumerate(header) if "".join(h.split()) in MERGED_HEADS]
    out, above = [], {j: False for j in cols}
    for r in rows:
        flags = [False] * len(r)
        for j in cols:
            flags[j] = not r[j] and above[j]
            above[j] = above[j] or bool(r[j])
        out.append(flags)
    return out


def word_text(header: list[str], rows: list[list[str]]) -> list[str]:
    """Word's "save as plain text" of a table: each cell a line of its own, rows not marked,
    an empty cell an empty line, a merged cell printed once (the cells it covers not at all)."""
    lines = list(header)
    for r, covered in zip(rows, _merged(header, rows)):
        lines += [c for c, cov in zip(r, covered) if not cov]
    return lines


def html2text_rows(header: list[str], rows: list[list[str]]) -> list[str]:
    """html2text's Markdown for an HTML table whose category cells are merged down (rowspan): pipes
    between the cells and none outside, a `---|---` rule under the header; a row under a merged
    cell prints the cells it has, so the rest move one column left."""
    lines = [" | ".join(header), "|".join("---" for _ in header)]
    for r, covered in zip(rows, _merged(header, rows)):
        lines.append(" | ".join(c for c, cov in zip(r, covered) if not cov))
    return lines


def page_break_cells(header: list[str], rows: list[list[str]], head: str) -> list[str]:
    """One tab-led cell per line (a blank line after each row) over a page break after the
    table's first half: the page number between blank lines, the running head (the document's
    first line), then the header printed again."""
    def cells(r: list[str]) -> list[str]:
        return ["\t" + c for c in r] + [""]
    half = max(1, len(rows) // 2)
    lines = cells(header)
    for r in rows[:half]:
        lines += cells(r)
    lines += ["- 7 -", "", head, ""] + cells(header)
    for r in rows[half:]:
        lines += cells(r)
    return lines


def wrapped_pipes(header: list[str], rows: list[list[str]], width: int = 12) -> list[str]:
    """A Markdown pipe table whose long cells wrap inside their column (a converter with a column
    width, as tabulate's maxcolwidths prints it): the rest of each cell on pipe lines of its own
    under the row, the other cells empty there."""
    def lines(r: list[str]) -> list[str]:
        parts = [[c[k:k + width] for k in range(0, len(c), width)] or [""] for c in r]
        return ["| " + " | ".join(p[m] if m < len(p) else "" for p in parts) + " |"
                for m in range(max(len(p) for p in parts))]
    out = lines(header) + ["|" + "---|" * len(header)]
    for r in rows:
        out += lines(r)
    return out


def reflatten(text: str, form: str) -> str:
    """The document with every table it prints flattened as form (forms.TEXT_FORMS, or one of
    word_text, html2text, page_break, wrapped_pipes)."""
    out: list[str] = []
    head = next((line for line in text.split("\n") if line.strip()), "").strip()
    for s in segments(text):
        if isinstance(s, str):
            out.append(s)
        elif form == "word_text":
            out += [""] + word_text(s.rows[0], s.rows[1:]) + [""]
        elif form == "html2text":
            out += [""] + html2text_rows(s.rows[0], s.rows[1:]) + [""]
        elif form == "wrapped_pipes":
            out += [""] + wrapped_pipes(s.rows[0], s.rows[1:]) + [""]
        elif form == "page_break":
            out += [""] + page_break_cells(s.rows[0], s.rows[1:], head) + [""]
        else:
            out += [""] + forms.body(form, s.rows[0], s.rows[1:], None) + [""]
    return "\n".join(out)


def docx(text: str, path: Path) -> Path:
    """Every line a Normal paragraph (no heading styles); each table a Word table."""
    import docx as python_docx
    d = python_docx.Document()
    for s in segments(text):
        if isinstance(s, str):
            d.add_paragraph(s)
            continue
        table = d.add_table(rows=len(s.rows), cols=len(s.rows[0]))
        table.style = "Table Grid"
        for cells, row in zip((r.cells for r in table.rows), s.rows):
            for cell, value in zip(cells, row):
                if value:
                    cell.text = value
        mf._mark_header_row(table.rows[0])
    d.save(str(path))
    return path


def docx_lines(text: str, path: Path) -> Path:
    """A PDF converted to Word: every line of the PDF's hard-wrapped text (pdftotext's wrap) a
    paragraph of its own, the page numbers gone to the footer."""
    import docx as python_docx
    d = python_docx.Document()
    for line in pdftotext(text).replace("\f", "").split("\n"):
        if not regex.fullmatch(r"— \d+ —", line):
            d.add_paragraph(line)
    d.save(str(path))
    return path


def pdf(text: str, path: Path) -> Path:
    """A ruled PDF: body paragraphs only (no bookmarks, no heading type), tables ruled."""
    items: list = []
    for s in segments(text):
        if isinstance(s, mf.Table):
            items.append(s)
        elif s.strip():
            items.append(mf.Para(s.strip()))
    mf.build_pdf(items, path)
    return path


CHROME_TOP = """<div class="nav"><a>首页</a> | <a>政务公开</a> | <a>政务服务</a> | <a>互动交流</a>
<span>关怀版</span> <span>无障碍</span> <span>繁</span> <span>EN</span></div>
<form><input type="text" placeholder="请输入关键字"><button>搜索</button></form>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<div class="info">浏览量：1283</div><div>文字大小：大 中 小</div>"""
CHROME_BOTTOM = """<div>【打印】【关闭】</div><div>相关解读</div><ul><li>一图读懂本规划</li><li>专家解读本规划</li></ul>
<div class="foot">主办单位：本站编辑部 网站标识码：0000000001</div><div>X ICP备00000000号-1</div>"""


def html_page(text: str, path: Path) -> Path:
    """Every line a <p>, each table an HTML <table>, inside a government site's chrome."""
    parts = []
    for s in segments(text):
        if isinstance(s, str):
            parts.append(f"<p>{html.escape(s)}</p>" if s.strip() else "")
        else:
            parts.append("<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                                             for row in s.rows) + "</table>")
    body = "\n".join(parts)
    path.write_text(f"<html><body>{CHROME_TOP}\n<div class=\"content\">{body}</div>\n{CHROME_BOTTOM}"
                    f"</body></html>", encoding="utf-8")
    return path


def crawled(text: str, meta: dict, path: Path) -> Path:
    def date(iso):
        if not iso:
            return ""
        y, m, d = iso.split("-")
        return f"{int(y)}年{int(m)}月{int(d)}日"
    head = (f"# {meta['title']}\n\n" if meta["title"] else "") + (
        f"**发布日期**: {date(meta['date'])}\n**发布机构**: {meta['issuer'] or ''}\n**分类**: \n"
        "**原文链接**: https://www.example.gov.cn/zwgk/ghjh/content_0000000000000000000000000000.html\n\n"
        "---\n\n## 政策全文\n\n")
    path.write_text(head + text, encoding="utf-8")
    return path


# Renderings that rewrite the text and keep it a text file.
TEXT_RENDERINGS = {"radicals": radicals, "lost_brackets": lost_brackets, "pdftotext": pdftotext,
                   "label_tabs": label_tabs, "blank_lines": blank_lines, "dash_one": dash_one,
                   "letter_spaced": letter_spaced, "full_width": full_width}


def write(variant: str, text: str, meta: dict, folder: Path) -> Path:
    """The file of one rendering of text (meta: the clean text's, for the crawler's front matter)."""
    if variant in TEXT_RENDERINGS:
        path = folder / "doc.txt"
        path.write_text(TEXT_RENDERINGS[variant](text), encoding="utf-8")
    elif variant.startswith("tables_"):
        path = folder / "doc.txt"
        path.write_text(reflatten(text, variant[len("tables_"):]), encoding="utf-8")
    elif variant == "docx":
        path = docx(text, folder / "doc.docx")
    elif variant == "docx_lines":
        path = docx_lines(text, folder / "doc.docx")
    elif variant == "html":
        path = html_page(text, folder / "doc.html")
    elif variant == "crawler":
        path = crawled(text, meta, folder / "doc.md")
    elif variant == "pdf":
        path = pdf(text, folder / "doc.pdf")
    else:
        raise ValueError(variant)
    return path
