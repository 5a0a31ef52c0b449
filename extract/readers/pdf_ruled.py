"""Ruled tables from PDFium's objects, found by pdfplumber's own table algorithm.

pdfplumber finds a ruled table from two things: the page's edges (every straight side of a
drawn line, rectangle or path) and its characters with their boxes. It gets both from pdfminer,
which parses the whole page in Python: 78% of reading time on the pages that hold tables. PDFium
already has the page parsed, so `PdfiumPage` builds the same edges and characters from PDFium's
page objects and text page, in pdfplumber's coordinates and dictionaries, and pdfplumber's
`TableFinder` (edges → intersections → cells → tables) and `Table.extract` run on it unchanged:
pdfminer never parses the page. pdfplumber stays the table library.

The edges follow pdfminer's reading of a path: each subpath (from a move-to) is one object; one
with a single segment is a line (horizontal when its ends are level, else vertical, as
pdfplumber has it); any other gives an edge between each two consecutive end points, a close
going back to the start (a rectangle's four sides), Bézier control points aside. Only painted
paths count (filled or stroked), inside form XObjects too.

`tables()` returns None when PDFium cannot give what pdfminer would: a rotated page or rotated
text, characters PDFium could not place. The reader then asks pdfplumber itself (the fallback).
tests/test_pdf_tables.py compares both paths on every PDF fixture.
"""
from __future__ import annotations

from typing import Callable, Optional

from . import _pdfium

Box = tuple[float, float, float, float]
_MARGIN = 2.0   # points around a table's box within which characters are still collected


class PdfiumPage:
    """What pdfplumber's TableFinder and Table.extract read of a page: `edges`, `chars`, `bbox`."""

    def __init__(self, edges: list[dict], chars: list[dict], bbox: Box):
        self.edges = edges
        self.chars = chars
        self.bbox = bbox

    def extract_words(self, **kwargs):  # only the "text" strategies ask; the reader uses "lines"
        from pdfplumber.utils import extract_words
        return extract_words(self.chars, **kwargs)


def tables(paths: list[tuple[int, tuple]], textpage, to_rect: Callable[[float, float, float, float], Box],
           width: float, height: float, rotation: int) -> Optional[list]:
    """pdfplumber Tables of the page, found on PDFium's edges and characters; None when PDFium
    cannot stand in for pdfminer here. `paths`: the page's path objects with the matrix of the
    forms around each, in page order (the reader's object scan collects them)."""
    if rotation:
        return None
    from pdfplumber.table import TableFinder
    like = PdfiumPage(page_edges(paths, to_rect), [], (0.0, 0.0, width, height))
    found = TableFinder(like).tables   # the "lines" strategy reads edges only
    if not found:
        return found
    chars = page_chars(textpage, to_rect, [t.bbox for t in found])
    if chars is None:
        return None
    like.chars = chars   # what Table.extract reads: the characters inside the tables
    return found


# ---- edges -----------------------------------------------------------------------------------

def page_edges(paths: list[tuple[int, tuple]], to_rect) -> list[dict]:
    """pdfplumber's `page.edges`, from PDFium's path objects (form XObjects included): each
    (path handle, matrix of the forms around it)."""
    fast = _pdfium.bind()
    edges: list[dict] = []
    fill, stroke = _pdfium.new("int *"), _pdfium.new("int *")
    for obj, outer in paths:
        if not fast.Path_GetDrawMode(obj, fill, stroke) or not (fill[0] or stroke[0]):
            continue
        for points, single in _subpaths(fast, obj, _pdfium.multiply(_pdfium.object_matrix(obj), outer)):
            edges += _edges(points, single, to_rect)
    return edges


def _subpaths(fast, obj: int, matrix: tuple) -> list[tuple[list[tuple[float, float]], bool]]:
    """Each subpath's end points in page space (a close adds the start again), and whether it
    is a single straight segment (pdfminer's line: "ml" or "mlh")."""
    import pypdfium2.raw as pdfium_c

    a, b, c, d, e, f = matrix
    x, y = _pdfium.new("float *"), _pdfium.new("float *")
    move_to, bezier_to = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_BEZIERTO
    out: list[tuple[list[tuple[float, float]], bool]] = []
    points: list[tuple[float, float]] = []
    shape = ""
    bezier = 0
    for k in range(fast.Path_CountSegments(obj)):
        segment = fast.Path_GetPathSegment(obj, k)
        kind = fast.PathSegment_GetType(segment)
        fast.PathSegment_GetPoint(segment, x, y)
        point = (a * x[0] + c * y[0] + e, b * x[0] + d * y[0] + f)
        if kind == move_to:
            if points:
                out.append((points, shape in ("ml", "mlh")))
            points, shape, bezier = [point], "m", 0
            continue
        if not points:   # a path must start with a move; pdfminer ignores one that does not
            continue
        if kind == bezier_to:
            bezier += 1
            if bezier % 3:   # two control points, then the end point
                continue
            shape += "c"
        else:
            shape += "l"
        points.append(point)
        if fast.PathSegment_GetClose(segment):
            shape += "h"
            if len(shape) > 3 and shape.endswith("lh") and points[-1] == points[0]:
                shape = shape[:-2] + "h"   # pdfminer drops a last line back to the start
            else:
                points.append(points[0])
            out.append((points, shape in ("ml", "mlh")))
            points, shape = [], ""
    if points:
        out.append((points, shape in ("ml", "mlh")))
    return out


def _edges(points: list[tuple[float, float]], single: bool, to_rect) -> list[dict]:
    if single:
        x0, top, x1, bottom = to_rect(min(points[0][0], points[1][0]), min(points[0][1], points[1][1]),
                                      max(points[0][0], points[1][0]), max(points[0][1], points[1][1]))
        return [_edge("line", x0, top, x1, bottom, "h" if top == bottom else "v")]
    out = []
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        orientation = "v" if x0 == x1 else ("h" if y0 == y1 else None)
        if orientation is None:
            continue   # pdfplumber drops slanted edges before it looks for tables
        left, top, right, bottom = to_rect(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        out.append(_edge("curve_edge", left, top, right, bottom, orientation))
    return out


def _edge(kind: str, x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict:
    return {"object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation}


# ---- characters ------------------------------------------------------------------------------

def page_chars(textpage, to_rect, within: Optional[list[Box]] = None) -> Optional[list[dict]]:
    """pdfplumber's `page.chars` (what Table.extract reads), from PDFium's text page: each
    character drawn on the page (none PDFium generated: its spaces between words and line
    ends), with its box from the font's metrics as pdfminer computes it; only those whose
    middle lies in one of the boxes `within` when given (Table.extract reads no other).
    None when such a character is rotated (pdfplumber would read it as a column of its own).

    The calls go through plain-handle bindings (extract/readers/_pdfium.py). What PDFium keeps
    per text object (its font, font size and matrix, so the angle) is asked once an object, a
    font's glyph widths and descent at a size once; a character's code is read from the page's
    text where that is PDFium's (see _plain), so a character costs two or three calls."""
    fast = _pdfium.bind()
    tp = _pdfium.handle(textpage)
    rect = _pdfium.new("float[4]")   # an FS_RECTF: left, top, right, bottom
    matrix = _pdfium.new("float[6]")   # an FS_MATRIX: a … f
    advance, descent = _pdfium.new("float *"), _pdfium.new("float *")
    origin_x, origin_y = _pdfium.new("double *"), _pdfium.new("double *")
    get_box, get_object, get_origin = fast.Text_GetLooseCharBox, fast.Text_GetTextObject, fast.Text_GetCharOrigin
    objects: dict[int, tuple] = {}                       # text object → what _object_state says
    widths: dict[tuple, Optional[float]] = {}            # (font, code, size) → advance, if any
    descents: dict[tuple, Optional[float]] = {}          # (font, size) → descent, if any
    chars: list[dict] = []
    count = fast.Text_CountChars(tp)
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:   # PDFium's text and character indices disagree: codes by index
        text = ""
    for i in (range(count) if within is None else _indices_near(tp, text, count, to_rect, within)):
        if not get_box(tp, i, rect):
            continue
        if within is not None:
            x0, top, x1, bottom = to_rect(rect[0], rect[3], rect[2], rect[1])
            x, y = (x0 + x1) / 2, (top + bottom) / 2
            if not any(b[0] - _MARGIN <= x <= b[2] + _MARGIN and b[1] - _MARGIN <= y <= b[3] + _MARGIN
                       for b in within):
                continue
        if text and _plain(text[i]):
            code = ord(text[i])
        else:
            if fast.Text_IsGenerated(tp, i) == 1:
                continue
            code = fast.Text_GetUnicode(tp, i)
            if code in (0, 0x0A, 0x0D, 0xFFFE, 0xFFFF) or code > 0x10FFFF:
                continue
        obj = get_object(tp, i)
        state = objects.get(obj) if obj else None
        if state is None:
            state = _object_state(fast, tp, i, obj, matrix)
            if obj:
                objects[obj] = state
        font, size, rotated, a, b, c, d = state
        if rotated:
            return None
        left, right = rect[0], rect[2]
        # pdfminer's box is as wide as the character's advance in the PDF's own widths (PDFium's
        # loose box takes the width from the font it renders with, a substitute when the font is
        # not embedded): the gaps pdfplumber reads as spaces between words depend on it.
        # Its height likewise: the font size up from the font's descent below the baseline
        # (PDFium's loose box takes ascent and descent from each embedded subset, which differ).
        low, high = rect[3], rect[1]
        if font and size > 0 and a is not None:
            key = (font, code, size)
            if key in widths:
                width = widths[key]
            else:
                width = widths[key] = (advance[0] if fast.Font_GetGlyphWidth(font, code, size, advance)
                                       and advance[0] > 0 else None)
            if width is not None:
                right = left + width * (a ** 2 + b ** 2) ** 0.5
            key = (font, size)
            if key in descents:
                down = descents[key]
            else:
                down = descents[key] = descent[0] if fast.Font_GetDescent(font, size, descent) else None
            if down is not None and get_origin(tp, i, origin_x, origin_y):
                scale = (c ** 2 + d ** 2) ** 0.5
                low = origin_y[0] + down * scale
                high = low + size * scale
        x0, top, x1, bottom = to_rect(left, low, right, high)
        chars.append({"text": chr(code), "x0": x0, "x1": x1, "top": top, "bottom": bottom,
                      "doctop": top, "upright": True, "width": x1 - x0, "height": bottom - top,
                      "size": size})
    return chars


def _plain(char: str) -> bool:
    """A character of the page's text whose code PDFium's character at the same index has, and
    which PDFium never generates: it generates only spaces and line ends, and the text holds
    U+FFFE where a character has no Unicode (or is a hyphen PDFium joined)."""
    return " " < char < "\ud800" or "\ue000" <= char < "\ufffe" or char > "\uffff"


def _object_state(fast, tp: int, index: int, obj: int, matrix) -> tuple:
    """(font, font size, rotated, a, b, c, d of the matrix or Nones) of the character at index:
    PDFium gives every character of a text object the object's font size and matrix."""
    font = fast.TextObj_GetFont(obj) if obj else None
    size = fast.Text_GetFontSize(tp, index)
    rotated = abs(fast.Text_GetCharAngle(tp, index)) > 1e-3
    if fast.Text_GetMatrix(tp, index, matrix):
        return font, size, rotated, matrix[0], matrix[1], matrix[2], matrix[3]
    return font, size, rotated, None, None, None, None


def _indices_near(tp: int, text: str, count: int, to_rect, within: list[Box]):
    """Indices of the characters on PDFium's text lines that come near one of the boxes: a
    line's box is a few calls, a character's one each, and most lines of a page lie outside
    its tables. A line PDFium gives no box for is kept whole (its characters decide)."""
    import re

    if not text:   # no text, or PDFium's text and character indices disagree: every character
        yield from range(count)
        return
    start = 0
    for end in [m.start() for m in re.finditer("\n", text)] + [count]:
        first, start = start, end + 1
        box = _pdfium.text_box(tp, first, end - first, inked_only=False)
        if box is not None:
            x0, y0, x1, y1 = to_rect(*box)
            x0, y0, x1, y1 = x0 - _MARGIN, y0 - _MARGIN, x1 + _MARGIN, y1 + _MARGIN
            if not any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in within):
                continue
        yield from range(first, end)
