"""Word .docx: paragraphs and tables of the body, in order, with style signals.

The package is opened through the bounded ZIP helper (readers/archive.py: sizes checked before
anything is unpacked); the main part is the one _rels/.rels names, its styles and numbering
parts those its own relationships name (small: parsed whole). The body is streamed: each
element directly under w:body (a paragraph, a table, a content control …) is read when it is
complete and then dropped, so the tree of word/document.xml never exists whole and memory
follows the text read, not the XML (python-docx parsed every part into trees: 7.8 bytes of
RSS per byte of document.xml, 429 per byte of a typical .docx).

Signals: heading_level from the paragraph's own w:outlineLvl, else its style chain (outline
level, or a style named Heading n / 标题 n); bold when every run with text is bold. Word's
automatic list numbers (w:numPr) are rendered when their format is simple (decimal, 一二三,
①…, a b c) so “（一）” reaches the text as it appears on paper.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Optional

from ..errors import DocxBroken, EmptyInput
from ..raw import Block, RawDocument, RawLine, RawTable
from .archive import open_zip, raise_if_limit
from .grid import Cell, build_table, continue_table, join_cell_lines, table_width

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el, attr: str = "val") -> Optional[str]:
    return None if el is None else el.get(_w(attr))


def _on(el) -> Optional[bool]:
    """A toggle property (<w:b/>, <w:tblHeader w:val="0"/>): None when absent."""
    if el is None:
        return None
    return _val(el) not in ("0", "false", "off", "none")


P, TBL, R, T, TAB, BR, CR = (_w(t) for t in ("p", "tbl", "r", "t", "tab", "br", "cr"))
PPR, RPR, TXBX = _w("pPr"), _w("rPr"), _w("txbxContent")
ALTERNATE, CHOICE, FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
# Inline wrappers whose runs are part of the paragraph's visible text.
_TRANSPARENT = {_w(t) for t in ("hyperlink", "smartTag", "ins", "fldSimple", "customXml", "bdo",
                                "dir", "moveTo", "sdtContent")}
_HIDDEN = {_w(t) for t in ("del", "moveFrom", "pPr", "rPr", "instrText", "delText")}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)


def read_docx(path: str, data: bytes, sha256: str, max_bytes: Optional[int] = None) -> RawDocument:
    zf = _open(path, data, max_bytes)
    blocks: list[Block] = []
    with _damage(path):
        main = _main_part(zf)
        related = _related_parts(zf, main)
        reader = _BodyReader(_Styles(_part(zf, related.get("styles"))),
                             _Numbering(_part(zf, related.get("numbering"))))
        found_body = _stream_body(zf, main, reader, blocks)
    if not found_body:  # a main part whose root is not w:document, or no w:body in it
        raise DocxBroken("is a damaged Word document (word/document.xml has no w:document body)", path)
    if not any(b.text.strip() if isinstance(b, RawLine) else b.rows for b in blocks):
        raise EmptyInput("is a Word document with no text", path)
    return RawDocument(path=path, format="docx", sha256=sha256, blocks=blocks, size=len(data))


def _open(path: str, data: bytes, max_bytes: Optional[int] = None) -> zipfile.ZipFile:
    if data.startswith(OLE_MAGIC):
        raise DocxBroken("is an old Word 97-2003 .doc file named .docx; "
                         "open it in Word or LibreOffice and save it as .docx", path)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"PK"):
            raise DocxBroken("is a truncated or damaged DOCX (its ZIP directory is missing)", path)
        raise DocxBroken("is not a DOCX file (not a ZIP archive; perhaps a renamed text "
                         "or .doc file)", path)
    zf = open_zip(data, path, DocxBroken, "a DOCX file", max_bytes)
    names = set(zf.namelist())
    if "word/document.xml" not in names and not any(
            n.startswith("word/") and n.endswith(".xml") and "document" in n for n in names):
        other = ("an Excel workbook" if "xl/workbook.xml" in names else
                 "a PowerPoint file" if "ppt/presentation.xml" in names else "a ZIP archive")
        raise DocxBroken(f"is {other}, not a Word document (no word/document.xml inside)", path)
    return zf


@contextmanager
def _damage(path: str):
    """A part that is missing, fails to unpack or is not well-formed XML: E301 (E404 for
    libxml2's depth and text-node limits), one line naming the file."""
    from lxml.etree import XMLSyntaxError
    try:
        yield
    except (KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError,
            NotImplementedError, zlib.error) as e:
        raise_if_limit(e, path, "word/document.xml or another part")
        raise DocxBroken(f"is a damaged Word document ({type(e).__name__}: {e})", path) from None


_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _relationships(zf: zipfile.ZipFile, source: str) -> dict[str, str]:
    """Relationship type (its last word: officeDocument, styles …) → target part name, for
    the part `source` ("" for the package); empty when there is no .rels part."""
    folder, name = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in zf.namelist():
        return {}
    out: dict[str, str] = {}
    for rel in _xml(zf.read(rels)).iter(f"{{{_RELS}}}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target:
            continue
        part = posixpath.normpath(target[1:] if target.startswith("/") else posixpath.join(folder, target))
        out.setdefault((rel.get("Type") or "").rsplit("/", 1)[-1], part)
    return out


def _main_part(zf: zipfile.ZipFile) -> str:
    return _relationships(zf, "").get("officeDocument", "word/document.xml")


def _related_parts(zf: zipfile.ZipFile, main: str) -> dict[str, str]:
    return {kind: name for kind, name in _relationships(zf, main).items()
            if kind in ("styles", "numbering") and name in zf.namelist()}


def _xml(data: bytes):
    from lxml import etree
    return etree.fromstring(data, parser=etree.XMLParser(**_PARSER))


def _part(zf: zipfile.ZipFile, name: Optional[str]):
    return None if name is None else _xml(zf.read(name))


# python-docx's parser options (blank text between elements dropped), libxml2's limits kept.
_PARSER = dict(remove_blank_text=True, resolve_entities=False, no_network=True, huge_tree=False)
DOCUMENT, BODY = _w("document"), _w("body")


def _stream_body(zf: zipfile.ZipFile, main: str, reader: "_BodyReader", blocks: list[Block]) -> bool:
    """Read each element directly under the first w:body of a w:document root as it is
    completed, then drop it; whether the body was there."""
    from lxml import etree
    body = None
    with zf.open(main) as stream:
        for _, el in etree.iterparse(stream, events=("end",), **_PARSER):
            parent = el.getparent()
            if parent is None or parent.tag != BODY:
                if el.tag == BODY and body is None and _is_document_body(el):
                    body = el  # a body with nothing in it
                continue
            if body is None:
                if not _is_document_body(parent):
                    continue
                body = parent
            elif parent is not body:
                continue
            reader.walk((el,), blocks)
            el.clear()
            while el.getprevious() is not None:
                del body[0]
    return body is not None


def _is_document_body(el) -> bool:
    root = el.getparent()
    return root is not None and root.tag == DOCUMENT and root.getparent() is None \
        and root.find(BODY) is el


class _Styles:
    """Style lookups along w:basedOn chains, cached: heading level, bold, numbering."""

    def __init__(self, root):
        """`root`: the styles part's root element, None when the package has no styles part."""
        self.by_id = {} if root is None else {s.get(_w("styleId")): s for s in root.findall(_w("style"))}
        self.default_para = next((sid for sid, s in self.by_id.items()
                                  if s.get(_w("type")) == "paragraph"
                                  and s.get(_w("default")) in ("1", "true", "on")), None)
        defaults = None if root is None else root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{RPR}")
        self.default_bold = bool(_on(None if defaults is None else defaults.find(_w("b"))))
        self._level: dict[Optional[str], Optional[int]] = {}
        self._bold: dict[Optional[str], Optional[bool]] = {}

    def chain(self, style_id: Optional[str]) -> Iterator:
        seen = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = _val(style.find(_w("basedOn")))

    def heading_level(self, style_id: Optional[str]) -> Optional[int]:
        if style_id not in self._level:
            level = None
            for style in self.chain(style_id):
                outline = _val(style.find(f"{PPR}/{_w('outlineLvl')}"))
                name = _HEADING_NAME.match((_val(style.find(_w("name"))) or "").strip())
                if outline is not None and outline.isdigit():
                    level = int(outline) + 1 if int(outline) < 9 else None
                    break
                if name:
                    level = int(name.group(1))
                    break
            self._level[style_id] = level
        return self._level[style_id]

    def bold(self, style_id: Optional[str]) -> Optional[bool]:
        if style_id not in self._bold:
            self._bold[style_id] = next(
                (b for b in (_on(s.find(f"{RPR}/{_w('b')}")) for s in self.chain(style_id))
                 if b is not None), None)
        return self._bold[style_id]

    def numbering(self, style_id: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        for style in self.chain(style_id):
            num_pr = style.find(f"{PPR}/{_w('numPr')}")
            if num_pr is not None:
                return _val(num_pr.find(_w("numId"))), _val(num_pr.find(_w("ilvl")))
        return None, None


@dataclass
class _Level:
    fmt: str
    text: str
    start: int
    suffix: str
    legal: bool


class _Numbering:
    """Word's list counters, kept per abstract list as Word does, rendered cheaply."""

    def __init__(self, root):
        """`root`: the numbering part's root element, None when the package has none."""
        self.levels: dict[str, dict[int, _Level]] = {}
        self.num_abstract: dict[str, str] = {}
        self.num_start: dict[str, dict[int, int]] = {}
        self.counters: dict[str, list[Optional[int]]] = {}
        self.started: set[str] = set()
        if root is None:  # no numbering part: nothing is numbered
            return
        for absnum in root.findall(_w("abstractNum")):
            levels = {}
            for lvl in absnum.findall(_w("lvl")):
                start = _val(lvl.find(_w("start")))
                levels[int(_val(lvl, "ilvl") or 0)] = _Level(
                    fmt=_val(lvl.find(_w("numFmt"))) or "decimal",
                    text=_val(lvl.find(_w("lvlText"))) or "",
                    start=int(start) if start and start.lstrip("-").isdigit() else 1,
                    suffix={"space": " ", "nothing": ""}.get(_val(lvl.find(_w("suff"))) or "", "\t"),
                    legal=bool(_on(lvl.find(_w("isLgl")))))
            self.levels[_val(absnum, "abstractNumId") or ""] = levels
        for num in root.findall(_w("num")):
            num_id = _val(num, "numId") or ""
            self.num_abstract[num_id] = _val(num.find(_w("abstractNumId"))) or ""
            self.num_start[num_id] = {
                int(_val(o, "ilvl") or 0): int(_val(o.find(_w("startOverride"))))
                for o in num.findall(_w("lvlOverride"))
                if (_val(o.find(_w("startOverride"))) or "").isdigit()}

    def label(self, num_id: Optional[str], ilvl: int) -> Optional[str]:
        """Advance the counter of this list level and return the number as printed, or None."""
        if not num_id or num_id == "0" or num_id not in self.num_abstract:
            return None
        abstract = self.num_abstract[num_id]
        levels = self.levels.get(abstract, {})
        counters = self.counters.setdefault(abstract, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in self.num_start[num_id].items():
                if 0 <= lvl < 9:
                    counters[lvl] = start - 1
        if not 0 <= ilvl < 9 or ilvl not in levels:
            return None
        level = levels[ilvl]
        counters[ilvl] = level.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level.fmt in ("bullet", "none"):
            return None

        def number(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            ref = levels.get(k)
            if ref is None:
                raise ValueError
            value = counters[k] if counters[k] is not None else ref.start
            fmt = "decimal" if level.legal and k < ilvl else ref.fmt
            return format_number(value, fmt)

        try:
            return re.sub(r"%([1-9])", number, level.text) + level.suffix
        except ValueError:
            return None


_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"


def _chinese(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """12 → 十二, 20 → 二十, 105 → 一百零五 (below 10000, as Word's chineseCounting)."""
    if n < 10:
        return digits[n]
    out, zero = "", False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d, n = divmod(n, power)
        if d:
            if zero:
                out += "零"  # 一百零五
            out += ("" if (power == 10 and d == 1 and not out) else digits[d]) + unit
            zero = False
        elif out:
            zero = True
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                       (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """Render a list counter in a Word numFmt; ValueError for formats not rendered here."""
    if n < 0:
        raise ValueError(fmt)
    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" else str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting") and n < 10000:
        return _chinese(n)
    if fmt == "chineseLegalSimplified" and n < 10000:
        return _chinese(n, _CN_LEGAL, "拾佰仟")
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("lowerLetter", "upperLetter") and n >= 1:
        return _letters(n) if fmt == "lowerLetter" else _letters(n).upper()
    if fmt in ("lowerRoman", "upperRoman") and n >= 1:
        return _roman(n) if fmt == "lowerRoman" else _roman(n).upper()
    raise ValueError(fmt)


def _choose(alternate) -> list:
    """mc:AlternateContent holds the same content twice; read only the first choice."""
    choice = alternate.find(CHOICE)
    if choice is None:
        choice = alternate.find(FALLBACK)
    return [] if choice is None else list(choice)


class _BodyReader:
    def __init__(self, styles: _Styles, numbering: _Numbering):
        self.styles = styles
        self.numbering = numbering
        # the table a next one may continue (nothing but empty paragraphs after it), and whether
        # a page break came since: a table a PDF-to-Word converter cut at each page break
        self.open_table: Optional[RawTable] = None
        self.page_broke = False

    # ---- body ------------------------------------------------------------------------
    def walk(self, container, blocks: list[Block]) -> None:
        for el in container:
            tag = el.tag
            if tag == P:
                lines, textboxes = self.paragraph(el)
                blocks.extend(lines)
                if any(line.text.strip() for line in lines) or textboxes:
                    self.open_table = None
                elif _breaks_page(el):
                    self.page_broke = True
                for box in textboxes:  # text boxes (often a 专栏) follow their anchor paragraph
                    self.walk(box, blocks)
            elif tag == TBL:
                table = self.table(el)
                if table is None:
                    continue
                if self.open_table is not None and self.page_broke \
                        and table_width(table) == table_width(self.open_table) \
                        and not _new_header(el, table, self.open_table):
                    continue_table(self.open_table, table)   # the same table after a page break
                else:
                    blocks.append(table)
                    self.open_table = table
                self.page_broke = False
            elif tag == ALTERNATE:
                self.walk(_choose(el), blocks)
            elif tag in (_w("sdt"),):
                content = el.find(_w("sdtContent"))
                if content is not None:
                    self.walk(content, blocks)
            elif tag in _TRANSPARENT:
                self.walk(el, blocks)

    # ---- paragraphs ------------------------------------------------------------------
    def paragraph(self, p) -> tuple[list[RawLine], list]:
        ppr = p.find(PPR)
        style_id = _val(None if ppr is None else ppr.find(_w("pStyle"))) or self.styles.default_para
        pieces: list[str] = []
        runs_bold: list[bool] = []
        textboxes: list = []
        self._collect(p, pieces, runs_bold, textboxes, style_id)
        text = "".join(pieces)

        label = self._number_label(ppr, style_id)
        if label is not None:
            text = label + text
        level = self._heading_level(ppr, style_id)
        bold = bool(runs_bold) and all(runs_bold)
        lines = [RawLine(part, heading_level=level, bold=bold) for part in text.split("\n")]
        lines[-1].ends_paragraph = True  # a paragraph is a paragraph: never joined to the next
        return lines, textboxes

    def _heading_level(self, ppr, style_id) -> Optional[int]:
        outline = _val(None if ppr is None else ppr.find(_w("outlineLvl")))
        if outline is not None and outline.isdigit():
            return int(outline) + 1 if int(outline) < 9 else None  # 9 = body text
        return self.styles.heading_level(style_id)

    def _number_label(self, ppr, style_id) -> Optional[str]:
        num_pr = None if ppr is None else ppr.find(_w("numPr"))
        num_id = _val(None if num_pr is None else num_pr.find(_w("numId")))
        ilvl = _val(None if num_pr is None else num_pr.find(_w("ilvl")))
        if num_id is None:
            style_num, style_ilvl = self.styles.numbering(style_id)
            num_id, ilvl = style_num, ilvl if ilvl is not None else style_ilvl
        if num_id is None:
            return None
        return self.numbering.label(num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0)

    def _collect(self, el, pieces: list[str], runs_bold: list[bool], textboxes: list,
                 style_id) -> None:
        for child in el:
            tag = child.tag
            if tag == R:
                text = self._run_text(child, textboxes)
                pieces.append(text)
                if text.strip():
                    runs_bold.append(self._run_bold(child, style_id))
            elif tag == ALTERNATE:
                self._collect(_choose(child), pieces, runs_bold, textboxes, style_id)
            elif tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self._collect(content, pieces, runs_bold, textboxes, style_id)
            elif tag in _TRANSPARENT:
                self._collect(child, pieces, runs_bold, textboxes, style_id)

    def _run_text(self, run, textboxes: list) -> str:
        out = []
        for child in run:
            tag = child.tag
            if tag == T:
                out.append(child.text or "")
            elif tag == TAB:
                out.append("\t")
            elif tag in (BR, CR):
                out.append("\n")  # a line break inside the paragraph: a separate RawLine
            elif tag == _w("noBreakHyphen"):
                out.append("-")
            elif tag not in _HIDDEN:
                _find_textboxes(child, textboxes)
        return "".join(out)

    def _run_bold(self, run, para_style) -> bool:
        rpr = run.find(RPR)
        if rpr is not None:
            direct = _on(rpr.find(_w("b")))
            if direct is not None:
                return direct
            char_style = _val(rpr.find(_w("rStyle")))
            if char_style:
                from_char = self.styles.bold(char_style)
                if from_char is not None:
                    return from_char
        from_para = self.styles.bold(para_style)
        return from_para if from_para is not None else self.styles.default_bold

    # ---- tables ----------------------------------------------------------------------
    def table(self, tbl) -> Optional[RawTable]:
        rows = list(_table_rows(tbl))
        flagged = [bool(_on(tr.find(f"{_w('trPr')}/{_w('tblHeader')}"))) for tr in rows]
        texts = [self._row_cells(tr) for tr in rows]
        first_body = 1 if texts and len(texts[0]) == 1 else 0  # a one-cell first row: a caption
        header_rows = 0
        while header_rows < len(rows) and (flagged[header_rows] or header_rows < first_body):
            header_rows += 1  # the caption counts here; build_table takes it off as the title
        header_keys: set[tuple] = set()
        cells: list[Cell] = []
        open_merges: dict[int, Cell] = {}
        r_out = 0
        for i, row_cells in enumerate(texts):
            key = _row_key(row_cells)
            if len(key) >= 2 and key in header_keys:
                continue  # a header row repeated further down (copied pages, PDF→Word)
            if flagged[i] or i == first_body:
                header_keys.add(key)
            for col, span, merge, text in row_cells:
                if merge == "continue" and col in open_merges:
                    origin = open_merges[col]
                    origin.rowspan = r_out - origin.row + 1
                    continue
                cell = Cell(r_out, col, text, 1, span)
                cells.append(cell)
                if merge == "restart":
                    open_merges[col] = cell
                else:
                    open_merges.pop(col, None)
            r_out += 1
        return build_table(cells, header_rows=max(header_rows, 1), in_order=True)

    def _row_cells(self, tr) -> list[tuple[int, int, Optional[str], str]]:
        """(grid column, columns spanned, vMerge state, text) for each cell of a row."""
        trpr = tr.find(_w("trPr"))
        before = _val(None if trpr is None else trpr.find(_w("gridBefore")))
        col = int(before) if before and before.isdigit() else 0
        out = []
        for tc in _row_cells_el(tr):
            tcpr = tc.find(_w("tcPr"))
            span_val = _val(None if tcpr is None else tcpr.find(_w("gridSpan")))
            span = int(span_val) if span_val and span_val.isdigit() and int(span_val) > 0 else 1
            vmerge_el = None if tcpr is None else tcpr.find(_w("vMerge"))
            merge = None if vmerge_el is None else ("restart" if _val(vmerge_el) == "restart"
                                                    else "continue")
            out.append((col, span, merge, self.cell_text(tc)))
            col += span
        return out

    def cell_text(self, tc) -> str:
        blocks: list[Block] = []
        state = self.open_table, self.page_broke
        self.walk(tc, blocks)
        self.open_table, self.page_broke = state
        parts: list[str] = []
        for block in blocks:  # a table nested in a cell is flattened into the cell's text
            parts.extend([block.text] if isinstance(block, RawLine)
                         else [block.title or ""] + [c for row in block.rows for c in row])
        return join_cell_lines(parts)


def _new_header(tbl, table: RawTable, before: RawTable) -> bool:
    """The table opens with a header row of its own (flagged w:tblHeader) that is not the one
    the table before it opens with: another table, not the same one after a page break."""
    first = next(_table_rows(tbl), None)
    if first is None or not _on(first.find(f"{_w('trPr')}/{_w('tblHeader')}")) or not table.rows:
        return False
    top = [table.title] if table.title else table.rows[0]
    key = [re.sub(r"\s+", "", c) for c in top]
    return not before.rows or key != [re.sub(r"\s+", "", c) for c in before.rows[0]]


_PAGE_BREAK = {_w("lastRenderedPageBreak"), _w("pageBreakBefore"), _w("sectPr")}


def _breaks_page(p) -> bool:
    """A paragraph that breaks the page: a page break, a section break, page-break-before."""
    for el in p.iter():
        if el.tag in _PAGE_BREAK and _on(el) is not False:
            return True
        if el.tag == BR and _val(el, "type") == "page":
            return True
    return False


def _row_key(row_cells) -> tuple:
    return tuple(re.sub(r"\s+", "", text) for _, _, _, text in row_cells if text.strip())


def _table_rows(tbl) -> Iterator:
    for el in tbl:
        if el.tag == _w("tr"):
            yield el
        elif el.tag in (_w("sdt"), _w("customXml")):  # rows wrapped in content controls
            content = el.find(_w("sdtContent")) if el.tag == _w("sdt") else el
            if content is not None:
                yield from (tr for tr in content if tr.tag == _w("tr"))


def _row_cells_el(tr) -> Iterator:
    for el in tr:
        if el.tag == _w("tc"):
            yield el
        elif el.tag in (_w("sdt"), _w("customXml")):
            content = el.find(_w("sdtContent")) if el.tag == _w("sdt") else el
            if content is not None:
                yield from (tc for tc in content if tc.tag == _w("tc"))


def _find_textboxes(el, found: list) -> None:
    """Top-level w:txbxContent inside a drawing, taking one branch of mc:AlternateContent."""
    if el.tag == TXBX:
        found.append(el)
        return
    children = _choose(el) if el.tag == ALTERNATE else list(el)
    for child in children:
        _find_textboxes(child, found)
