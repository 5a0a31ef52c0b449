"""PDF: text lines in reading order from PDFium, ruled tables from pdfplumber.

PDFium (pypdfium2) reads the text layer about 25× faster than pdfplumber, so it does the
text. pdfplumber is asked only about pages whose drawing holds a grid of ruling lines (found
cheaply from PDFium's path objects); its tables become RawTables at their place in the page,
and the characters inside a table's box are left out of the running text, where they would
come out as one scrambled line per cell fragment. pdfplumber also reads the text of the rare
page where PDFium loses characters (see _scan_objects).

Each RawLine is one printed line (the normalizer rejoins hard-wrapped lines) with its 1-based
page and bold when the line is set in a bold font or in fill-and-stroke “fake bold”. Page
numbers stay in (“— 4 —”, a lone “37”): the normalizer removes them for every format.
Lines are ordered top to bottom on the displayed page (PDFium's content order puts Word's
footers first). A table continued on the next page is stitched to its first part.
"""
from __future__ import annotations

import functools
import io
import logging
import operator
import re
from dataclasses import dataclass, field
from itertools import compress, repeat
from typing import Optional

from ..errors import PdfDamaged, PdfEncrypted, PdfNoTextLayer
from ..raw import Block, RawDocument, RawLine, RawTable
from . import _pdfium, columns
from .grid import (Cell, build_table, cluster_edges, continue_table, ink_fit, join_cell_lines,
                   nearest_index, on_columns, table_width)

log = logging.getLogger(__name__)

# A page is worth a pdfplumber pass when it draws at least this many distinct vertical and
# horizontal rules: three verticals make two columns; a 专栏 box alone has only two.
MIN_VERTICAL_RULES = 3
MIN_HORIZONTAL_RULES = 2
RULE_THICKNESS = 3.0   # points; thicker filled shapes are backgrounds, not rules
RULE_MIN_LENGTH = 8.0
CELL_EDGE_TOLERANCE = 2.0  # points; cell borders closer than this are one grid line
# A running header is the same top line on at least this share of pages (and on 3 or more).
RUNNING_HEADER_SHARE = 0.5
RUNNING_HEADER_ZONE = 0.12  # top share of the page height

FILL_STROKE_MODES = (2, 6)  # text drawn filled and stroked: Word's “fake bold” for CJK fonts
PAGE_NUMBER = columns.PAGE_NUMBER   # `— 4 —`, `37`, `第3页 共10页`, `3/10`


class _Collect(logging.Handler):
    """What went wrong on single pages: logged, and kept for the document's `warnings`."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def read_pdf(path: str, data: bytes, sha256: str, ocr: str = "auto") -> RawDocument:
    """ocr: "auto" reads pages and images without text by OCR when the [ocr] extra is
    installed; "off" never; "force" reads every page by OCR (see _apply_ocr)."""
    collect = _Collect()
    log.addHandler(collect)
    try:
        raw = _read_pdf(path, data, sha256, ocr)
    finally:
        log.removeHandler(collect)
    raw.warnings = [("reader.pdf_page", m) for m in collect.messages] + raw.warnings
    return raw


def _read_pdf(path: str, data: bytes, sha256: str, ocr: str = "auto") -> RawDocument:
    pdf = _open(path, data)
    finder = _TableFinder(data)
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise PdfDamaged("has no pages", path)
        outline = _outline(pdf)
        unruled = _Unruled()
        pages = [_read_page(pdf, i, finder, outline.get(i, []), unruled) for i in range(n_pages)]
        ocr_pages, warnings, why_not = _apply_ocr(pdf, pages, ocr)
    finally:
        finder.close()
        pdf.close()
    _check_text_layer(pages, path, why_not)
    titles = _repeated_titles(pages)
    _drop_running_header(pages)
    blocks = [b for b in stitch_tables(pages) if id(b) not in titles]
    return RawDocument(path=path, format="pdf", sha256=sha256, blocks=blocks, pages=n_pages,
                       size=len(data), warnings=warnings, ocr_pages=ocr_pages)


def _open(path: str, data: bytes):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PdfEncrypted("is encrypted; decrypt it first (it needs a password to open)",
                               path) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise PdfEncrypted("is encrypted with an unsupported security handler; "
                               "decrypt it first", path) from None
        raise PdfDamaged(f"is damaged or truncated and cannot be opened ({e})", path) from None


# ---- one page ---------------------------------------------------------------------------

@dataclass(slots=True)  # a page (an OFD page can be a whole plan) holds one per piece of text
class PlacedLine:
    """A line of text placed on a page, in reading coordinates: what group_rows orders into rows
    (the PDF, OFD and OCR readers all place their text this way)."""
    text: str
    x0: float
    top: float      # display coordinates: points from the top-left of the shown page
    bottom: float
    bold: bool
    x1: float = 0.0     # the right edge, where the reader measured it (columns.py needs it)
    first: int = -1     # PDFium's character indices of the line (first..last), when known
    last: int = -1


@dataclass
class _Page:
    number: int
    height: float
    items: list[tuple[float, Block]] = field(default_factory=list)  # (top, block), in order
    chars: int = 0
    unreadable: int = 0
    images: list[tuple] = field(default_factory=list)  # large images with no text over them
    columns: dict[int, list[float]] = field(default_factory=dict)  # id(table) → its column edges (x)


class _ToDisplay:
    """PDF user space → the page as shown (rotation applied, y down), as pdfplumber has it."""

    def __init__(self, page):
        x0, y0, x1, y1 = page.get_mediabox()
        self.box = (x0, y0, x1, y1)
        self.rotation = page.get_rotation() % 360
        self.height = (x1 - x0) if self.rotation in (90, 270) else (y1 - y0)

    def rect(self, left: float, bottom: float, right: float, top: float):
        x0, y0, x1, y1 = self.box
        if self.rotation == 90:
            return bottom - y0, left - x0, top - y0, right - x0
        if self.rotation == 180:
            return x1 - right, bottom - y0, x1 - left, top - y0
        if self.rotation == 270:
            return y1 - top, x1 - right, y1 - bottom, x1 - left
        return left - x0, y1 - top, right - x0, y1 - bottom


def _read_page(pdf, index: int, finder: "_TableFinder", bookmarks: list,
               unruled: Optional["_Unruled"] = None) -> _Page:
    import pypdfium2 as pdfium

    try:
        page = pdf[index]
    except pdfium.PdfiumError as e:  # one broken page should not cost the others
        log.warning("page %d cannot be loaded (%s); it is left out", index + 1, e)
        return _Page(number=index + 1, height=0.0)
    try:
        to_display = _ToDisplay(page)
        result = _Page(number=index + 1, height=to_display.height)
        textpage = page.get_textpage()
        try:
            scan = _scan_objects(page, textpage, to_display)
            result.images = scan.images
            found = _ruled_tables(scan, textpage, to_display, index, finder) if scan.has_grid else []
            exclude = [bbox for bbox, _, _ in found]
            if scan.lost_text:
                lines = finder.lines(index, exclude)
                result.chars = sum(len(ln.text) for ln in lines)
                rows = group_rows(lines)
            else:
                rows, result.chars, result.unreadable = _page_lines(textpage, to_display, exclude, unruled)
        finally:
            textpage.close()
    finally:
        page.close()
        finder.release(index)
    _mark_bookmarked_headings(rows, bookmarks)
    items: list[tuple[float, Block]] = [
        (row.top, RawLine(row.text, page=result.number, heading_level=row.heading_level,
                          bold=row.bold))
        for row in rows]
    items += [(bbox[1], table) for bbox, table, _ in found]
    result.columns = {id(table): edges for _, table, edges in found}
    items.sort(key=lambda item: item[0])
    result.items = items
    return result


@dataclass(slots=True)
class _Row:
    parts: list[PlacedLine]
    top: float
    bottom: float
    heading_level: Optional[int] = None
    cells: Optional[list[str]] = None   # a row of a table printed without rules (columns.py)

    @property
    def text(self) -> str:
        if self.cells is not None:
            return "\t".join(self.cells)
        return " ".join(p.text for p in sorted(self.parts, key=lambda p: p.x0))

    @property
    def bold(self) -> bool:
        return all(p.bold for p in self.parts)


_UNREADABLE = re.compile(r"[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0e-\x1f]")


def _page_lines(textpage, to_display: _ToDisplay, exclude: list[tuple],
                unruled: Optional["_Unruled"] = None) -> tuple[list[_Row], int, int]:
    """PDFium's lines of the page (minus table areas), grouped into visual rows, top to bottom.

    A line's box comes from PDFium's text rectangles (a few calls per line); only a line that
    touches a table is looked at character by character, to keep what lies outside the table.
    """
    import pypdfium2.raw as pdfium_c

    n = textpage.count_chars()
    text = textpage.get_text_range(0, n) if n else ""
    if len(text) != n:  # PDFium's text and character indices disagree (rare): build it by index
        text = "".join(chr(c) if 0 < c < 0x110000 else "\ufffd"
                       for c in (pdfium_c.FPDFText_GetUnicode(textpage, i) for i in range(n)))
    bold_of = _BoldFonts(textpage)
    tp = bold_of.textpage   # the text page's handle, for the per-line calls
    lines: list[PlacedLine] = []
    start = 0
    for end in [m.start() for m in re.finditer("\n", text)] + [n]:
        span_text = text[start:end].rstrip("\r")
        first, last = start, start + len(span_text)
        start = end + 1
        stripped = span_text.strip()
        if not stripped:
            continue
        box = _line_box(tp, first, last, to_display)
        if box is None:  # no glyph boxes (a font PDFium could not load): use the font's metrics
            boxes = _loose_boxes(tp, text, first, last, to_display)
            if not boxes:
                continue
            box = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                   max(b[2] for b in boxes), max(b[3] for b in boxes))
        if exclude and any(_contains(x, box) for x in exclude):
            continue   # wholly inside a table: its characters are the table's
        if exclude and any(_overlaps(box, x) for x in exclude):
            line = _line_outside(tp, text, first, last, to_display, exclude, bold_of)
        else:
            if _HAS_SPACE.search(stripped):
                ink = [first + i for i, c in enumerate(span_text) if not c.isspace()]
            else:  # one run of ink: its indices without a walk over the characters
                lead = len(span_text) - len(span_text.lstrip())
                ink = range(first + lead, first + lead + len(stripped))
            samples = {ink[0], ink[len(ink) // 2], ink[-1]}
            line = PlacedLine(stripped, box[0], box[1], box[3], all(bold_of(i) for i in samples),
                              box[2], first, last)
        if line is not None:
            lines.append(line)
    ink_text = re.sub(r"\s+", "", text)
    return _unruled_tables(group_rows(lines), tp, text, to_display, unruled or _Unruled()), len(ink_text), \
        len(_UNREADABLE.findall(ink_text))


WORD = re.compile(r"\S+")
WORD_SPACE = 0.6   # words closer than this × the line height are one part of a row (not two cells)


@dataclass
class _Unruled:
    """A table printed without rules left open at the foot of the page read last (nothing after
    it but a page number): the next page may go on with it without its header."""
    open: Optional[columns.Columns] = None


def _unruled_tables(rows: list[_Row], textpage: int, text: str, to_display: _ToDisplay,
                    unruled: _Unruled) -> list[_Row]:
    """Tables printed without rules (readers/columns.py): from the first row whose words are a
    table header on (from the top, on a page after one whose table was left open), the lines
    are cut into words placed by PDFium (one text-box call per word, only on such pages),
    regrouped into rows and parts, and each table found replaces the rows it covers by its rows
    of cells. Other rows stay as they were."""
    carry, unruled.open = unruled.open, None
    start = 0 if carry is not None and rows else next(
        (k for k, row in enumerate(rows) if _HAS_SPACE.search(row.text) and columns.header_words(row.text.split())),
        None)
    if start is None:
        return rows
    words: list[PlacedLine] = []
    for row in rows[start:]:
        for line in row.parts:
            if line.first < 0:
                return rows   # a line without its characters' indices (the lost-text path)
            span = text[line.first:line.last]
            for m in WORD.finditer(span):
                box = _pdfium.text_box(textpage, line.first + m.start(), m.end() - m.start(), True)
                if box is None:
                    continue
                x0, top, x1, bottom = to_display.rect(*box)
                words.append(PlacedLine(m.group(), x0, top, bottom, line.bold, x1))
    placed = group_rows(words)
    found = columns.find_tables([_parts(row) for row in placed], carry)
    if not found:
        return rows
    if all(PAGE_NUMBER.match(row.text) for row in placed[found[-1].end:]):
        unruled.open = found[-1].columns
    out = rows[:start]
    rest = rows[start:]
    for table in found:
        first, last = placed[table.first], placed[table.end - 1]
        top, bottom = first.top, last.bottom
        out += [r for r in rest if (r.top + r.bottom) / 2 < top]
        rest = [r for r in rest if (r.top + r.bottom) / 2 > bottom]
        for cells, members in zip(table.rows, table.lines):
            parts = [p for k in members for p in placed[k].parts]
            out.append(_Row(parts, min(p.top for p in parts), max(p.bottom for p in parts), cells=cells))
    return out + rest


def _parts(row: _Row) -> "columns.Line":
    """A row of words as a line of parts: words closer than a word space joined."""
    parts: list[columns.Part] = []
    last_x1 = None
    height = row.bottom - row.top
    for w in sorted(row.parts, key=lambda p: p.x0):
        if parts and last_x1 is not None and w.x0 - last_x1 < WORD_SPACE * height:
            parts[-1].text += " " + w.text
            parts[-1].x1 = max(parts[-1].x1, w.x1)
            parts[-1].top, parts[-1].bottom = min(parts[-1].top, w.top), max(parts[-1].bottom, w.bottom)
        else:
            parts.append(columns.Part(w.x0, w.x1, w.text, w.top, w.bottom))
        last_x1 = max(last_x1 or w.x1, w.x1)
    return columns.Line(parts, row.top, row.bottom)


_HAS_SPACE = re.compile(r"\s")


def _line_box(textpage: int, first: int, last: int, to_display: _ToDisplay) -> Optional[tuple]:
    """The display box of characters first..last from PDFium's text rectangles (one per text
    object on the line), or None when none has an extent. textpage: the text page's handle."""
    box = _pdfium.text_box(textpage, first, last - first, inked_only=True)
    return None if box is None else to_display.rect(*box)


def _line_outside(textpage: int, text: str, first: int, last: int, to_display: _ToDisplay,
                  exclude: list[tuple], bold_of) -> Optional[PlacedLine]:
    """The part of a line that lies outside every table, character by character."""
    get_box = _pdfium.bind().Text_GetLooseCharBox
    rect = _pdfium.new("float[4]")   # an FS_RECTF: left, top, right, bottom
    kept: list[tuple[str, tuple, int]] = []
    for i in range(first, last):
        get_box(textpage, i, rect)
        box = to_display.rect(rect[0], rect[3], rect[2], rect[1])
        if not _inside(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), exclude):
            kept.append((text[i], box, i))
    ink = [k for k in kept if not k[0].isspace()]
    if not ink:
        return None
    samples = {ink[0][2], ink[len(ink) // 2][2], ink[-1][2]}
    return PlacedLine("".join(c for c, _, _ in kept).strip(), min(b[0] for _, b, _ in ink),
                 min(b[1] for _, b, _ in ink), max(b[3] for _, b, _ in ink),
                 all(bold_of(i) for i in samples))


def _loose_boxes(textpage: int, text: str, first: int, last: int, to_display: _ToDisplay) -> list[tuple]:
    get_box = _pdfium.bind().Text_GetLooseCharBox
    rect = _pdfium.new("float[4]")   # an FS_RECTF: left, top, right, bottom
    boxes = []
    for i in range(first, last):
        if not text[i].isspace():
            get_box(textpage, i, rect)
            boxes.append(to_display.rect(rect[0], rect[3], rect[2], rect[1]))
    return boxes


def _contains(outer: tuple, inner: tuple) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def group_rows(lines: list[PlacedLine]) -> list[_Row]:
    """Lines side by side on the shown page form one row; rows run top to bottom."""
    rows: list[_Row] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        if rows:
            row = rows[-1]
            overlap = min(row.bottom, line.bottom) - max(row.top, line.top)
            height = min(row.bottom - row.top, line.bottom - line.top)
            if height > 0 and overlap >= 0.5 * height:
                row.parts.append(line)
                row.bottom = max(row.bottom, line.bottom)
                continue
        rows.append(_Row([line], line.top, line.bottom))
    return rows


class _BoldFonts:
    """Is the character at this index bold? Cached per text object, and a font's own boldness
    (weight, name) per font: a page prints hundreds of text objects in a few fonts."""

    def __init__(self, textpage):
        self.fast = _pdfium.bind()
        self.textpage = _pdfium.handle(textpage)
        self.cache: dict[int, bool] = {}
        self.fonts: dict[int, bool] = {}
        self.buffer = _pdfium.new("char[]", 256)

    def __call__(self, index: int) -> bool:
        fast = self.fast
        obj = fast.Text_GetTextObject(self.textpage, index)
        if not obj:
            return False
        bold = self.cache.get(obj)
        if bold is None:
            bold = fast.TextObj_GetTextRenderMode(obj) in FILL_STROKE_MODES
            if not bold:
                font = fast.TextObj_GetFont(obj)
                if font:
                    bold = self.fonts.get(font)
                    if bold is None:
                        bold = self.fonts[font] = self._font_bold(font)
            bold = self.cache[obj] = bool(bold)
        return bold

    def _font_bold(self, font: int) -> bool:
        fast = self.fast
        if fast.Font_GetWeight(font) >= 600:
            return True
        size = fast.Font_GetBaseFontName(font, self.buffer, len(self.buffer))
        name = _pdfium.ffi.unpack(self.buffer, max(size - 1, 0)).decode("latin-1").lower()
        return "bold" in name or "heavy" in name or "black" in name


# ---- ruled tables ------------------------------------------------------------------------

@dataclass
class _Scan:
    """What one pass over a page's objects finds."""
    has_grid: bool       # draws a grid of ruling lines
    lost_text: bool      # has text PDFium could not place
    images: list[tuple]  # display boxes of large images with no text over them (for OCR)
    paths: list[tuple[int, tuple]]   # every path object: (handle, matrix of the forms around it)


def _scan_objects(page, textpage, to_display: _ToDisplay, max_depth: int = 8) -> _Scan:
    """One pass over PDFium's page objects, inside form XObjects too.

    Lost text happens with CJK fonts that are not embedded when no matching font is
    installed: PDFium then has no glyph boxes and drops any text object of one character
    (a paragraph's last “变” or “。” alone on its line). Such pages are read by pdfplumber.

    A page holds hundreds of text objects (LibreOffice and reportlab print one or a few
    characters each), so a text object costs two calls, made by `map` with no Python between
    them: fetch it, ask its font (PDFium has a font for text objects only). Only the fonts that
    are not embedded send their objects to the lost-text test; other objects are asked their
    type, in page order.
    """
    import pypdfium2.raw as pdfium_c

    fast = _pdfium.bind()
    tp = _pdfium.handle(textpage)
    verticals: set[int] = set()
    horizontals: set[int] = set()
    images: list[tuple] = []
    paths: list[tuple[int, tuple]] = []
    lost_text = False
    embedded: dict[int, bool] = {}   # font handle → embedded (asked once per font, not per object)
    bounds = _pdfium.new("float[4]")   # out-parameters: left, bottom, right, top
    left, bottom, right, top = (bounds + k for k in range(4))
    fill, stroke = _pdfium.new("int *"), _pdfium.new("int *")
    x0, y0, x1, y1 = to_display.box
    area = (x1 - x0) * (y1 - y0)
    # bound once: this loop runs for every object of every page (hundreds of text objects)
    path_kind = pdfium_c.FPDF_PAGEOBJ_PATH
    image_kind, form_kind = pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM
    get_font, get_bounds, get_type = fast.TextObj_GetFont, fast.PageObj_GetBounds, fast.PageObj_GetType
    page_handle = _pdfium.handle(page)
    stack = [(None, fast.Page_CountObjects(page_handle), _pdfium.IDENTITY, 0)]
    while stack:
        form, count, outer, depth = stack.pop()
        get, parent = ((fast.Page_GetObject, page_handle) if form is None
                       else (fast.FormObj_GetObject, form))
        objects = list(map(get, repeat(parent, count), range(count)))
        fonts = list(map(get_font, objects))
        if not lost_text:
            lost_text = _lost_text(fast, tp, objects, fonts, embedded)
        for obj in compress(objects, map(operator.not_, fonts)):   # the objects that are not text
            kind = get_type(obj)
            if kind == path_kind:
                paths.append((obj, outer))
                if not get_bounds(obj, left, bottom, right, top):
                    continue
                lo_x, lo_y, hi_x, hi_y = bounds
                width, height = hi_x - lo_x, hi_y - lo_y
                if width <= RULE_THICKNESS and height >= RULE_MIN_LENGTH:
                    verticals.add(round((lo_x + hi_x) / 4))  # 2-point buckets
                elif height <= RULE_THICKNESS and width >= RULE_MIN_LENGTH:
                    horizontals.add(round((hi_y + lo_y) / 4))
                elif fast.Path_GetDrawMode(obj, fill, stroke) and stroke[0]:
                    _stroked_rules(fast, obj, verticals, horizontals)
            elif kind == image_kind:
                if get_bounds(obj, left, bottom, right, top):
                    box = _image_box(fast, tp, to_display, area, *bounds)
                    if box is not None:
                        images.append(box)
            elif kind == form_kind and depth < max_depth:
                stack.append((obj, fast.FormObj_CountObjects(obj),
                              _pdfium.multiply(_pdfium.object_matrix(obj), outer), depth + 1))
    has_grid = len(verticals) >= MIN_VERTICAL_RULES and len(horizontals) >= MIN_HORIZONTAL_RULES
    return _Scan(has_grid, lost_text, images, paths)


def _lost_text(fast, tp: int, objects: list, fonts: list, embedded: dict[int, bool]) -> bool:
    """Is there a text object of two characters or fewer in a font that is not embedded (which
    PDFium drops when no such font is installed)? fonts: each object's font, None for the
    objects that are not text."""
    suspects = set()
    for font in set(fonts):
        if font:
            is_embedded = embedded.get(font)
            if is_embedded is None:
                is_embedded = embedded[font] = bool(fast.Font_GetIsEmbedded(font))
            if not is_embedded:
                suspects.add(font)
    return bool(suspects) and any(font in suspects and fast.TextObj_GetText(obj, tp, _pdfium.NULL, 0) <= 2
                                  for obj, font in zip(objects, fonts))


def _stroked_rules(fast, obj: int, verticals: set, horizontals: set) -> None:
    """Straight axis-aligned segments of a stroked path (a drawn grid, a rectangle outline)."""
    import pypdfium2.raw as pdfium_c

    a, b, c, d, e, f = _pdfium.object_matrix(obj)
    x, y = _pdfium.new("float *"), _pdfium.new("float *")
    line_to, bezier_to = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_BEZIERTO
    previous = None
    for k in range(fast.Path_CountSegments(obj)):
        segment = fast.Path_GetPathSegment(obj, k)
        fast.PathSegment_GetPoint(segment, x, y)
        point = (a * x[0] + c * y[0] + e, b * x[0] + d * y[0] + f)
        kind = fast.PathSegment_GetType(segment)
        if kind == line_to and previous is not None:
            (x0, y0), (x1, y1) = previous, point
            if abs(x1 - x0) <= 1 and abs(y1 - y0) >= RULE_MIN_LENGTH:
                verticals.add(round(x0 / 2))
            elif abs(y1 - y0) <= 1 and abs(x1 - x0) >= RULE_MIN_LENGTH:
                horizontals.add(round(y0 / 2))
        previous = point if kind != bezier_to else None


def _ruled_tables(scan: _Scan, textpage, to_display: "_ToDisplay", index: int,
                  finder: "_TableFinder") -> list[tuple[tuple, RawTable, list[float]]]:
    """The page's ruled tables, each with its box and its column edges: pdfplumber's algorithm
    on PDFium's edges and characters (readers/pdf_ruled.py), or pdfplumber on its own where
    PDFium cannot stand in for pdfminer (lost characters, a rotated page or rotated text)."""
    from . import pdf_ruled

    found = None
    if not scan.lost_text:
        x0, y0, x1, y1 = to_display.box
        width = (y1 - y0) if to_display.rotation in (90, 270) else (x1 - x0)
        try:
            found = pdf_ruled.tables(scan.paths, textpage, to_display.rect, width, to_display.height,
                                     to_display.rotation)
        except Exception as e:  # PDFium's view failed: pdfplumber reads the page itself
            log.debug("page %d: PDFium's tables failed (%s: %s)", index + 1, type(e).__name__, e)
    if found is None:
        return finder.tables(index)
    out = []
    for table in found:
        raw = _plumber_table(table, index + 1)
        if raw is not None:
            out.append((tuple(table.bbox), *raw))
    return out


class _TableFinder:
    """pdfplumber, opened only when a page needs it: for tables PDFium cannot give, or for text
    PDFium lost. Each page is closed once read (pdfplumber keeps its parsed objects otherwise)."""

    def __init__(self, data: bytes):
        self.data = data
        self.plumber = None
        self.opened: set[int] = set()

    def page(self, index: int):
        if self.plumber is None:
            import pdfplumber
            self.plumber = pdfplumber.open(io.BytesIO(self.data))
        self.opened.add(index)
        return self.plumber.pages[index]

    def release(self, index: int) -> None:
        """Forget what pdfplumber parsed of this page."""
        if index in self.opened:
            self.opened.discard(index)
            try:
                self.plumber.pages[index].close()
            except Exception:  # nothing to free is no reason to fail the page
                pass

    def tables(self, index: int) -> list[tuple[tuple, RawTable, list[float]]]:
        try:
            out = []
            for table in self.page(index).find_tables():
                raw = _plumber_table(table, index + 1)
                if raw is not None:
                    out.append((tuple(table.bbox), *raw))
            return out
        except Exception as e:  # a page pdfplumber cannot parse keeps its text, loses its tables
            log.warning("page %d: table detection failed (%s: %s)", index + 1, type(e).__name__, e)
            return []

    def lines(self, index: int, exclude: list[tuple]) -> list[PlacedLine]:
        try:
            found = self.page(index).extract_text_lines(strip=True, return_chars=True)
        except Exception as e:
            log.warning("page %d: text extraction failed (%s: %s)", index + 1, type(e).__name__, e)
            return []
        out = []
        for line in found:
            chars = [c for c in line["chars"] if not _inside(
                ((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2), exclude)]
            ink = [c for c in chars if not c["text"].isspace()]
            if not ink:
                continue
            text = line["text"] if len(chars) == len(line["chars"]) else "".join(c["text"] for c in chars)
            out.append(PlacedLine(text.strip(), min(c["x0"] for c in ink), min(c["top"] for c in ink),
                             max(c["bottom"] for c in ink),
                             all("bold" in (c.get("fontname") or "").lower() for c in ink)))
        return out

    def close(self) -> None:
        if self.plumber is not None:
            try:
                self.plumber.close()
            except Exception:  # pdfplumber re-reads the page tree to close; a damaged one raises
                self.plumber.stream.close()


def _inside(point: tuple[float, float], boxes: list[tuple]) -> bool:
    x, y = point
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _plumber_table(table, page_number: int) -> Optional[tuple[RawTable, list[float]]]:
    """The RawTable of a pdfplumber table, and its column edges (x)."""
    texts = table.extract()
    located = [(bbox, text or "") for row, row_texts in zip(table.rows, texts)
               for bbox, text in zip(row.cells, row_texts) if bbox is not None]
    if not located:
        return None
    xs = cluster_edges([v for bbox, _ in located for v in (bbox[0], bbox[2])], CELL_EDGE_TOLERANCE)
    ys = cluster_edges([v for bbox, _ in located for v in (bbox[1], bbox[3])], CELL_EDGE_TOLERANCE)
    cells = []
    for (x0, top, x1, bottom), text in located:
        col, row = nearest_index(xs, x0), nearest_index(ys, top)
        cells.append(Cell(row, col, join_cell_lines(text.split("\n")),
                          rowspan=max(1, nearest_index(ys, bottom) - row),
                          colspan=max(1, nearest_index(xs, x1) - col)))
    _place_ink(cells, [bbox for bbox, _ in located], getattr(table.page, "chars", []), xs, ys)
    raw = build_table(cells, pages=[page_number])
    if raw is None or max(len(r) for r in raw.rows) < 2:
        return None  # one column: a boxed 专栏, whose text reads fine as running text
    return raw, xs


def _place_ink(cells: list[Cell], boxes: list[tuple], chars: list[dict], xs: list[float],
               ys: list[float]) -> None:
    """Where each cell's text sits in it (grid.ink_fit), from the characters inside the table:
    each character goes to the grid slot its middle lies in, a slot to the cell covering it."""
    import bisect

    owner: dict[tuple[int, int], int] = {}
    for k, cell in enumerate(cells):
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                owner[(r, c)] = k
    ink: dict[int, list[float]] = {}   # cell → [top, bottom, character height]
    for ch in chars:
        if ch["text"].isspace():
            continue
        x, y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        k = owner.get((bisect.bisect(ys, y) - 1, bisect.bisect(xs, x) - 1))
        if k is None:
            continue
        box = ink.get(k)
        if box is None:
            ink[k] = [ch["top"], ch["bottom"], ch["bottom"] - ch["top"]]
        else:
            box[0], box[1], box[2] = min(box[0], ch["top"]), max(box[1], ch["bottom"]), \
                max(box[2], ch["bottom"] - ch["top"])
    for k, (top, bottom, line) in ink.items():
        if line > 0:
            cells[k].fills, cells[k].from_top = ink_fit(boxes[k][1], boxes[k][3], top, bottom, line)


# ---- whole document ----------------------------------------------------------------------

def _outline(pdf) -> dict[int, list[tuple[str, int]]]:
    """Bookmarks by page index: (title without spaces, heading level from 1)."""
    out: dict[int, list[tuple[str, int]]] = {}
    try:
        for bookmark in pdf.get_toc(max_depth=9):
            dest = bookmark.get_dest()
            index = dest.get_index() if dest is not None else None
            title = _compact(bookmark.get_title() or "")
            if index is not None and title:
                out.setdefault(index, []).append((title, bookmark.level + 1))
    except Exception as e:  # a broken outline is no reason to lose the text
        log.warning("PDF outline unreadable (%s)", e)
    return out


def _mark_bookmarked_headings(rows: list[_Row], bookmarks: list[tuple[str, int]]) -> None:
    """A line whose text is a bookmark title (alone, or with the next line) is that heading."""
    if not bookmarks:
        return
    levels = dict(bookmarks)
    texts = [_compact(r.text) for r in rows]
    for i, text in enumerate(texts):
        if text in levels:
            rows[i].heading_level = levels[text]
        elif i + 1 < len(texts) and text + texts[i + 1] in levels:
            rows[i].heading_level = rows[i + 1].heading_level = levels[text + texts[i + 1]]


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _check_text_layer(pages: list[_Page], path: str, why_not: str = "") -> None:
    """Refuse a document with no readable text at all; why_not says why OCR did not read it."""
    chars = sum(p.chars for p in pages) + sum(
        1 for p in pages for _, b in p.items if isinstance(b, RawTable) for row in b.rows for c in row if c)
    hint = (", and OCR found no text on its pages" if why_not == OCR_FOUND_NOTHING else
            f"; it needs OCR: {why_not}" if why_not else "; it needs OCR")
    if chars == 0:
        raise PdfNoTextLayer(f"has no text layer (a scan or images of pages){hint}", path)
    unreadable = sum(p.unreadable for p in pages)
    if unreadable > 0.5 * chars:
        raise PdfNoTextLayer("has a text layer that does not map to Unicode (fonts without "
                             f"ToUnicode tables){hint}", path)


# ---- OCR hooks (extract/readers/ocr.py reads the images) ----------------------------------

OCR_IMAGE_SHARE = 0.15    # an image covering this share of a text page may hold a table or 专栏
OCR_TEXT_OVER_IMAGE = 20  # more text-layer characters than this over the image: not image-only
OCR_UNREADABLE_SHARE = 0.5
OCR_FOUND_NOTHING = "OCR found no text"


def _apply_ocr(pdf, pages: list[_Page], mode: str) -> tuple[list[int], list[tuple[str, str]], str]:
    """Read by OCR what has no usable text layer: whole pages without text (or with a text layer
    that does not map to Unicode), and large images on text pages (tables and 专栏 boxes
    printed as pictures). With mode "force", every page. Returns (pages read by OCR,
    warnings, why OCR did not run when it was needed: "" when it ran or was not needed)."""
    from . import ocr
    from .common import page_unreadable  # the text layer's signal, shared with every reader

    if mode == "force":
        whole = {p.number for p in pages}
    else:
        whole = {p.number for p in pages if (p.chars == 0 and not p.items) or
                 (p.chars > 0 and p.unreadable > OCR_UNREADABLE_SHARE * p.chars) or
                 page_unreadable("\n".join(b.text for _, b in p.items if isinstance(b, RawLine)))}
    images = {} if mode == "force" else {
        p.number: p.images for p in pages if p.number not in whole and p.images}
    if not whole and not images:
        return [], [], ""
    if mode == "off" or not ocr.available():
        why = ("OCR is off (--ocr off)" if mode == "off" else
               f"OCR is not installed; {ocr.INSTALL_HINT}")
        warnings = []
        if whole and len(whole) < len(pages):
            warnings.append(("reader.image_only_pages",
                             f"{_page_list(sorted(whole))} {'has' if len(whole) == 1 else 'have'} "
                             f"no readable text and "
                             f"{'was' if len(whole) == 1 else 'were'} not read ({why})"))
        if images:
            warnings.append(("reader.images_not_read",
                             f"large images on {_page_list(images)} may hold tables or "
                             f"专栏 boxes and were not read ({why})"))
        return [], warnings, why
    done, warnings = [], []
    for page in pages:
        if page.number in whole:
            if not _ocr_page(pdf, page, None):
                continue  # a blank page
            warnings.append(("reader.ocr_page", f"page {page.number} was read by OCR (no usable "
                             "text layer): check its text and values against the page"))
        elif page.number in images:
            for box in images[page.number]:
                _ocr_page(pdf, page, box)
            warnings.append(("reader.ocr_image", f"page {page.number}: an image was read by OCR "
                             "(a table or 专栏 printed as a picture): check its values"))
        else:
            continue
        done.append(page.number)
    return done, warnings, "" if done else OCR_FOUND_NOTHING


def _page_list(numbers) -> str:
    numbers = list(numbers)
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(str(n) for n in numbers)


def _image_box(fast, textpage: int, to_display: _ToDisplay, area: float, left: float,
               bottom: float, right: float, top: float) -> Optional[tuple]:
    """The display box of an image object (PDF user space bounds) when it is large and has
    (almost) no text over it; called from the page's one object scan (_scan_objects)."""
    if (right - left) * (top - bottom) < OCR_IMAGE_SHARE * area:
        return None
    over = fast.Text_GetBoundedText(textpage, left, top, right, bottom, _pdfium.NULL, 0)
    return to_display.rect(left, bottom, right, top) if over <= OCR_TEXT_OVER_IMAGE else None


def _ocr_page(pdf, page: _Page, box: Optional[tuple]) -> bool:
    """OCR the page (box None: all of it, replacing its text) or one image box of it; the lines
    and tables found take their place among the page's items, top to bottom."""
    from . import ocr

    scale = ocr.RENDER_DPI / 72
    try:
        pdf_page = pdf[page.number - 1]
    except Exception:  # a page PDFium cannot load was already named when its text was read
        return False
    try:
        image = pdf_page.render(scale=scale, rotation=0, may_draw_forms=True).to_numpy()
    finally:
        pdf_page.close()
    # the bitmap is the page as shown (rotation applied), in display coordinates × scale
    if box is not None:
        bx0, by0, bx1, by1 = (int(v * scale) for v in box)
        image = image[max(by0, 0):by1, max(bx0, 0):bx1]
        dx, dy = max(bx0, 0) / scale, max(by0, 0) / scale
    else:
        dx = dy = 0.0
    boxes, tables = ocr.read_image(image, scale, page.number)
    lines = [PlacedLine(text, x0 + dx, top + dy, bottom + dy, False)
             for text, x0, top, _x1, bottom in boxes]
    items: list[tuple[float, Block]] = [
        (row.top, RawLine(join_cell_lines([p.text for p in sorted(row.parts, key=lambda p: p.x0)]),
                          page=page.number))
        for row in group_rows(lines)]
    items += [(bbox[1] + dy, table) for bbox, table in tables]
    if box is None:
        page.items = sorted(items, key=lambda item: item[0])
        page.chars = sum(len(b.text) for _, b in items if isinstance(b, RawLine))
        page.unreadable = 0
    else:
        page.items = sorted(page.items + items, key=lambda item: item[0])
        page.chars += sum(len(b.text) for _, b in items if isinstance(b, RawLine))
    return bool(items)


def _drop_running_header(pages: list[_Page]) -> None:
    """Drop a line repeated identically at the top of most pages (a running header)."""
    tops: dict[str, list[_Page]] = {}
    for page in pages:
        first = next((b for _, b in page.items), None)
        top = page.items[0][0] if page.items else None
        if isinstance(first, RawLine) and top is not None and top <= RUNNING_HEADER_ZONE * page.height:
            key = _compact(first.text)
            if key and not PAGE_NUMBER.match(key):
                tops.setdefault(key, []).append(page)
    for key, where in tops.items():
        if len(where) >= 3 and len(where) >= RUNNING_HEADER_SHARE * len(pages):
            for page in where:
                if page.number > 1:  # on page 1 the same words are usually the title itself
                    page.items.pop(0)


def _repeated_titles(pages: list[_Page]) -> set[int]:
    """The document's first line (its title) printed again as the first line of a later page,
    in the head zone: a running head however few pages repeat it (the rule of most pages needs
    three). Left in, it joins the paragraph the page break cut. Found before the table parts are
    stitched (which reads it as furniture between them) and dropped after; ids of the lines."""
    title = _first_line(pages[:1])
    key = _compact(title.text) if title is not None else ""
    out: set[int] = set()
    for page in pages[1:]:
        if page.items and isinstance(page.items[0][1], RawLine) and key \
                and page.items[0][0] <= RUNNING_HEADER_ZONE * page.height \
                and _compact(page.items[0][1].text) == key:
            out.add(id(page.items[0][1]))
    return out


def _first_line(pages: list) -> Optional[RawLine]:
    """The document's first printed line: its title."""
    return next((b for p in pages for _, b in p.items if isinstance(b, RawLine) and b.text.strip()), None)


def _is_page_number(block: Block) -> bool:
    return isinstance(block, RawLine) and (not block.text.strip() or bool(PAGE_NUMBER.match(block.text)))


def stitch_tables(pages: list, tolerance: float = CELL_EDGE_TOLERANCE) -> list[Block]:
    """The blocks of the pages, a table that runs over a page break joined: same column count
    (or a part with fewer columns whose edges are the table's, within tolerance), nothing
    between the two parts but page furniture (page numbers; a running head of one line or
    more). The furniture stays, after the table. Pages are objects with `number`, `height`,
    `items` ((top, block) in order) and `columns` (id(table) → its column edges), as the PDF's
    and the OFD reader's are."""
    blocks: list[Block] = []
    open_table: Optional[RawTable] = None
    open_edges: list[float] = []
    heads = _running_heads(pages)
    for page in pages:
        items = [b for _, b in page.items]
        furniture = [_is_page_number(b) for b in items]
        for k in range(_head_lines(page, heads)):
            furniture[k] = True
        first = next((k for k, b in enumerate(items) if not furniture[k]), None)
        if open_table is not None and first is not None and isinstance(items[first], RawTable):
            part = items[first]
            if table_width(part) != table_width(open_table):
                part = on_columns(part, page.columns.get(id(part), []), open_edges, tolerance)
            if part is not None:
                continue_table(open_table, part)
                items.pop(first)
                furniture.pop(first)
        substantive = [b for b, f in zip(items, furniture) if not f]
        if substantive:
            last = substantive[-1]
            if last is not open_table:
                open_table = last if isinstance(last, RawTable) else None
                open_edges = page.columns.get(id(last), [])
        blocks.extend(items)
    return blocks


def _running_heads(pages: list) -> set[str]:
    """First lines a running head may open with: the document's first line (its title), and a
    head-zone first line printed on two pages or more."""
    firsts: dict[str, int] = {}
    for page in pages:
        if page.items and isinstance(page.items[0][1], RawLine) \
                and page.items[0][0] <= RUNNING_HEADER_ZONE * page.height:
            key = _compact(page.items[0][1].text)
            firsts[key] = firsts.get(key, 0) + 1
    out = {key for key, n in firsts.items() if n >= 2}
    title = _first_line(pages)
    if title is not None:
        out.add(_compact(title.text))
    return out - {""}


def _head_lines(page, heads: set[str]) -> int:
    """How many lines at the top of a page after the first are its running head: the lines in
    the head zone from the top, when the first of them opens a running head."""
    if page.number == 1 or not page.items or not isinstance(page.items[0][1], RawLine) \
            or _compact(page.items[0][1].text) not in heads:
        return 0
    n = 0
    while n < len(page.items) and isinstance(page.items[n][1], RawLine) \
            and page.items[n][0] <= RUNNING_HEADER_ZONE * page.height:
        n += 1
    return n
