"""Offline OCR for page images: the optional extra `plan-extract[ocr]` (rapidocr + onnxruntime).

rapidocr's PP-OCR detection and recognition models ship inside its wheel; nothing is downloaded
at run time (checked with the network cut: `unshare -n`). onnxruntime from 1.29 on sends
telemetry unless ORT_DISABLE_TELEMETRY is set, so it is set here before onnxruntime is imported.

A page image becomes what the PDF reader makes of a text page:

- ruled tables: the grid is found from the ruling lines (OpenCV morphology: long horizontal and
  vertical strokes), each cell between neighbouring lines, a missing line between two cells
  making one merged cell; the text boxes OCR finds are placed in the cell that holds their
  centre, and the cells go through the same table builder as every other reader's tables;
- the other text boxes, grouped into printed lines top to bottom (the PDF reader's rows).

Coordinates are returned in PDF points (the image's pixels divided by the render scale).
"""
from __future__ import annotations

import importlib.util
import os
import re
import threading
from typing import Optional

from ..raw import RawTable
from .grid import Cell, build_table, join_cell_lines

# onnxruntime ≥ 1.29 sends telemetry and writes under ~/.cache unless this is set before it is
# imported; this module is imported before any OCR engine is made.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

INSTALL_HINT = ("install the OCR extra from this repository: pip install '.[ocr]' "
                "(or `make ocr`), then run again")
RENDER_DPI = 200
MIN_SCORE = 0.5          # rapidocr's own text score threshold
RULE_MIN_POINTS = 20     # a rule is longer than this; a character's stroke is shorter
RULE_MERGE_POINTS = 4    # rules closer than this are one (double borders)
MIN_TABLE_SIDE = 40      # pixels: smaller boxes are not tables

_engine = None
_lock = threading.Lock()


def available() -> bool:
    """Is the [ocr] extra installed? (Looked up without importing onnxruntime.)"""
    return all(importlib.util.find_spec(m) is not None for m in ("rapidocr", "onnxruntime", "cv2"))


def engine():
    """One RapidOCR engine per process, made on first use (loading the models takes seconds)."""
    global _engine
    with _lock:
        if _engine is None:
            from rapidocr import RapidOCR

            # One inference thread per process: a batch's worker processes are the parallelism,
            # and they do not oversubscribe the cores.
            _engine = RapidOCR(params={"Global.log_level": "error",
                                       "Global.text_score": MIN_SCORE,
                                       "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                                       "EngineConfig.onnxruntime.inter_op_num_threads": 1})
    return _engine


def read_image(image, scale: float, page: int):
    """OCR one page image (an RGB numpy array rendered at `scale` pixels per point).

    Returns (boxes, tables): boxes are (text, x0, top, x1, bottom) in points for the text
    outside tables; tables are (bbox in points, RawTable). The image is read once; each text
    box goes to the table cell holding its centre, and a cell left empty that holds ink is
    read again on its own (a dash, a short number the page-wide detector missed)."""
    grids = find_grids(image, scale)
    found = _ocr(image)
    taken: set[int] = set()
    tables = []
    for grid in grids:
        table = _fill(grid, image, found, taken, page)
        if table is not None:
            x0, y0, x1, y1 = grid.bbox
            tables.append(((x0 / scale, y0 / scale, x1 / scale, y1 / scale), table))
    rest = [(text, a / scale, b / scale, c / scale, d / scale)
            for k, (text, a, b, c, d) in enumerate(found) if k not in taken]
    return rest, tables


# What the recogniser prints for signs it does not know, fixed in OCR output only: the per-mille
# sign comes out as % followed by a zero or an o (婴儿死亡率（%0）), a circled footnote
# number after a value as ® or © (12.27② → 12.27®).
_OCR_FIXES = [(re.compile(r"%[0oO](?![0-9])"), "‰"),
              (re.compile(r"(?<=[0-9])[®©]"), "")]


def fix_text(text: str) -> str:
    for pattern, replacement in _OCR_FIXES:
        text = pattern.sub(replacement, text)
    return text


def _ocr(image) -> list[tuple[str, float, float, float, float]]:
    """Text boxes of an image: (text, x0, top, x1, bottom) in its pixels."""
    if image.size == 0 or (image < 160).sum() < 20:  # no ink
        return []
    # Every step named on every call: rapidocr keeps the flags of the last call, so a cell re-read
    # (use_det=False) left every later page of the process read without detection. Pages are
    # upright: the angle classifier only turns some numbers over (5900 → 0060).
    result = engine()(image, use_det=True, use_cls=False, use_rec=True)
    out = []
    boxes = getattr(result, "boxes", None)  # rapidocr returns another type when it found nothing
    for box, text, _score in zip(boxes if boxes is not None else [],
                                 getattr(result, "txts", None) or (),
                                 getattr(result, "scores", None) or ()):
        if text.strip():
            xs, ys = [p[0] for p in box], [p[1] for p in box]
            out.append((fix_text(text.strip()), min(xs), min(ys), max(xs), max(ys)))
    return out


class Grid:
    """A ruled table in an image: its line positions and which cell borders are drawn."""

    def __init__(self, xs: list[int], ys: list[int], vertical, horizontal):
        self.xs, self.ys = xs, ys
        self.vertical, self.horizontal = vertical, horizontal  # the line masks

    @property
    def bbox(self) -> tuple[int, int, int, int]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def _drawn(self, mask, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Is there a line from a to b (axis-aligned) in the mask, allowing a little slack?"""
        (x0, y0), (x1, y1) = a, b
        pad = 3
        region = mask[max(min(y0, y1) - pad, 0):max(y0, y1) + pad + 1,
                      max(min(x0, x1) - pad, 0):max(x0, x1) + pad + 1]
        if region.size == 0:
            return False
        along = region.any(axis=0) if y0 == y1 else region.any(axis=1)
        return along.mean() >= 0.6

    def cells(self) -> list[tuple[int, int, int, int]]:
        """(row, col, rowspan, colspan) of each cell, merging cells whose border is not drawn."""
        n_rows, n_cols = len(self.ys) - 1, len(self.xs) - 1
        owner = [[None] * n_cols for _ in range(n_rows)]
        out = []
        for r in range(n_rows):
            for c in range(n_cols):
                if owner[r][c] is not None:
                    continue
                span_c = 1
                while c + span_c < n_cols and owner[r][c + span_c] is None and not self._drawn(
                        self.vertical, (self.xs[c + span_c], self.ys[r]),
                        (self.xs[c + span_c], self.ys[r + 1])):
                    span_c += 1
                span_r = 1
                while r + span_r < n_rows and not self._drawn(
                        self.horizontal, (self.xs[c], self.ys[r + span_r]),
                        (self.xs[c + span_c], self.ys[r + span_r])):
                    span_r += 1
                for rr in range(r, r + span_r):
                    for cc in range(c, c + span_c):
                        owner[rr][cc] = len(out)
                out.append((r, c, span_r, span_c))
        return out


def find_grids(image, scale: float = RENDER_DPI / 72) -> list[Grid]:
    """Ruled tables of a page image, from its long horizontal and vertical strokes.

    A stroke counts as a rule when it is longer than any character's stroke (RULE_MIN_POINTS at
    this scale); rules closer than RULE_MERGE_POINTS are one (a double border)."""
    import cv2
    import numpy as np

    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY) if image.ndim == 3 else image
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 10)
    length = max(int(RULE_MIN_POINTS * scale), 10)
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                                  cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                                cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    frame = cv2.dilate(horizontal | vertical, np.ones((5, 5), np.uint8))
    contours, _ = cv2.findContours(frame, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    grids = []
    merge = max(int(RULE_MERGE_POINTS * scale), 2)
    for contour in contours:
        x, y, cw, ch = cv2.boundingRect(contour)
        if cw < MIN_TABLE_SIDE or ch < MIN_TABLE_SIDE:
            continue
        hv = horizontal[y:y + ch, x:x + cw] > 0
        vv = vertical[y:y + ch, x:x + cw] > 0
        ys = _lines(hv.sum(axis=1), length, y, merge)
        xs = _lines(vv.sum(axis=0), length, x, merge)
        if len(xs) >= 3 and len(ys) >= 2:  # two columns at least: a 专栏 box alone is text
            grids.append(Grid(xs, ys, vertical > 0, horizontal > 0))
    return sorted(grids, key=lambda g: g.ys[0])


def _lines(lengths, min_length: int, offset: int, merge: int) -> list[int]:
    """Positions of the rules: rows (or columns) holding at least one rule's length of line,
    runs of them and rules closer than `merge` pixels taken as one."""
    out: list[int] = []
    start = None
    for i, length in enumerate(list(lengths) + [0]):
        on = length >= min_length
        if on and start is None:
            start = i
        elif not on and start is not None:
            centre = offset + (start + i - 1) // 2
            if out and centre - out[-1] <= merge:
                out[-1] = (out[-1] + centre) // 2
            else:
                out.append(centre)
            start = None
    return out


def _fill(grid: Grid, image, found: list, taken: set[int], page: int) -> Optional[RawTable]:
    cells = grid.cells()
    texts: dict[int, list[tuple[float, float, str]]] = {}
    mine = set()
    for k, (text, x0, y0, x1, y1) in enumerate(found):
        if k in taken:
            continue
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        for i, (r, c, rs, cs) in enumerate(cells):
            if grid.xs[c] <= cx <= grid.xs[c + cs] and grid.ys[r] <= cy <= grid.ys[r + rs]:
                texts.setdefault(i, []).append((y0, x0, text))
                mine.add(k)
                break
    out = []
    for i, (r, c, rs, cs) in enumerate(cells):
        parts = [t for _, _, t in _reading_order(texts.get(i, []))]
        if not parts:
            parts = _reread(image, grid.xs[c], grid.ys[r], grid.xs[c + cs], grid.ys[r + rs])
        out.append(Cell(r, c, join_cell_lines(parts), rs, cs))
    table = build_table(out, pages=[page])
    if table is None or len(table.rows) < 2 or max(len(row) for row in table.rows) < 2:
        return None  # one row or one column (a rule under a letterhead, a boxed 专栏): lines
    taken |= mine
    return table


def _reread(image, x0: int, y0: int, x1: int, y1: int) -> list[str]:
    """Recognition alone on an empty cell that holds ink, padded with white."""
    import numpy as np

    inset = 4
    crop = image[y0 + inset:y1 - inset, x0 + inset:x1 - inset]
    ink = (crop.min(axis=2) if crop.ndim == 3 else crop) < 128
    if crop.size == 0 or ink.sum() < 6:
        return []
    rows, cols = ink.any(axis=1).nonzero()[0], ink.any(axis=0).nonzero()[0]
    height, width = rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1
    if height * 2.5 <= width and height <= 0.3 * (y1 - y0):
        return ["—"]  # one flat stroke alone in a cell: the dash of “not applicable”
    padded = np.pad(crop, ((8, 8), (8, 8), (0, 0)) if crop.ndim == 3 else 8,
                    constant_values=255)
    result = engine()(padded, use_det=False, use_cls=False, use_rec=True)
    return [fix_text(t.strip()) for t, score in zip(getattr(result, "txts", None) or (),
                                                    getattr(result, "scores", None) or ())
            if t.strip() and score >= MIN_SCORE]


def _reading_order(boxes: list[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    """Boxes of one cell, top to bottom, left to right within a line (tops within 10 px)."""
    out: list[tuple[float, float, str]] = []
    line_top = None
    for top, left, text in sorted(boxes):
        if line_top is None or top - line_top > 10:
            line_top = top
        out.append((line_top, left, text))
    return out
