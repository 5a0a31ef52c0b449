"""PDFium functions the PDF reader calls for every object and line of every page, bound with
plain `void *` handles.

pypdfium2's own bindings return typed pointers (a Python object made per call, hashed through
ctypes) and accept its helper objects through a Python property: on a page of five hundred text
objects that overhead is most of the reader's time. These bindings take and return integers
(handle addresses) instead; they are the same C functions from the same library. Build them
with `bind()` once a document is open (the library is loaded by then).
"""
from __future__ import annotations

import ctypes
import functools
from ctypes import POINTER, c_double, c_float, c_int, c_uint, c_ulong, c_void_p
from types import SimpleNamespace


@functools.lru_cache(maxsize=1)
def bind() -> SimpleNamespace:
    import pypdfium2_raw.bindings as raw

    lib = raw._libs["pdfium"]

    def fn(name: str, restype, *argtypes):
        f = lib[name]           # a new function object: pypdfium2's own stays as it is
        f.restype, f.argtypes = restype, argtypes
        return f

    p_float, p_double = POINTER(c_float), POINTER(c_double)
    p_matrix, p_rectf = POINTER(raw.FS_MATRIX), POINTER(raw.FS_RECTF)
    return SimpleNamespace(
        PageObj_GetMatrix=fn("FPDFPageObj_GetMatrix", c_int, c_void_p, p_matrix),
        Path_CountSegments=fn("FPDFPath_CountSegments", c_int, c_void_p),
        Path_GetPathSegment=fn("FPDFPath_GetPathSegment", c_void_p, c_void_p, c_int),
        PathSegment_GetPoint=fn("FPDFPathSegment_GetPoint", c_int, c_void_p, p_float, p_float),
        PathSegment_GetType=fn("FPDFPathSegment_GetType", c_int, c_void_p),
        PathSegment_GetClose=fn("FPDFPathSegment_GetClose", c_int, c_void_p),
        Text_CountChars=fn("FPDFText_CountChars", c_int, c_void_p),
        Text_GetUnicode=fn("FPDFText_GetUnicode", c_uint, c_void_p, c_int),
        Text_IsGenerated=fn("FPDFText_IsGenerated", c_int, c_void_p, c_int),
        Text_GetFontSize=fn("FPDFText_GetFontSize", c_double, c_void_p, c_int),
        Text_GetCharAngle=fn("FPDFText_GetCharAngle", c_float, c_void_p, c_int),
        Text_GetLooseCharBox=fn("FPDFText_GetLooseCharBox", c_int, c_void_p, c_int, p_rectf),
        Text_GetMatrix=fn("FPDFText_GetMatrix", c_int, c_void_p, c_int, p_matrix),
        Text_GetCharOrigin=fn("FPDFText_GetCharOrigin", c_int, c_void_p, c_int, p_double, p_double),
        Font_GetGlyphWidth=fn("FPDFFont_GetGlyphWidth", c_int, c_void_p, c_uint, c_float, p_float),
        Font_GetDescent=fn("FPDFFont_GetDescent", c_int, c_void_p, c_float, p_float),
        Page_CountObjects=fn("FPDFPage_CountObjects", c_int, c_void_p),
        Page_GetObject=fn("FPDFPage_GetObject", c_void_p, c_void_p, c_int),
        FormObj_CountObjects=fn("FPDFFormObj_CountObjects", c_int, c_void_p),
        FormObj_GetObject=fn("FPDFFormObj_GetObject", c_void_p, c_void_p, c_ulong),
        PageObj_GetType=fn("FPDFPageObj_GetType", c_int, c_void_p),
        PageObj_GetBounds=fn("FPDFPageObj_GetBounds", c_int, c_void_p, p_float, p_float,
                             p_float, p_float),
        Path_GetDrawMode=fn("FPDFPath_GetDrawMode", c_int, c_void_p, POINTER(c_int),
                            POINTER(c_int)),
        TextObj_GetFont=fn("FPDFTextObj_GetFont", c_void_p, c_void_p),
        TextObj_GetText=fn("FPDFTextObj_GetText", c_ulong, c_void_p, c_void_p, c_void_p, c_ulong),
        TextObj_GetTextRenderMode=fn("FPDFTextObj_GetTextRenderMode", c_int, c_void_p),
        Font_GetIsEmbedded=fn("FPDFFont_GetIsEmbedded", c_int, c_void_p),
        Font_GetWeight=fn("FPDFFont_GetWeight", c_int, c_void_p),
        Font_GetBaseFontName=fn("FPDFFont_GetBaseFontName", c_ulong, c_void_p, c_void_p, c_ulong),
        Text_CountRects=fn("FPDFText_CountRects", c_int, c_void_p, c_int, c_int),
        Text_GetRect=fn("FPDFText_GetRect", c_int, c_void_p, c_int, p_double, p_double,
                        p_double, p_double),
        Text_GetTextObject=fn("FPDFText_GetTextObject", c_void_p, c_void_p, c_int),
        Text_GetBoundedText=fn("FPDFText_GetBoundedText", c_int, c_void_p, c_double, c_double,
                               c_double, c_double, c_void_p, c_int),
    )


def handle(obj) -> int:
    """The address behind a pypdfium2 helper (PdfPage, PdfTextPage) or raw pointer."""
    raw = getattr(obj, "raw", obj)
    return ctypes.cast(raw, c_void_p).value or 0


_RECT = tuple(c_double() for _ in range(4))   # out-parameters of FPDFText_GetRect


def text_box(textpage: int, first: int, count: int, inked_only: bool):
    """The union (left, bottom, right, top, in PDF user space) of PDFium's text rectangles of
    characters first..first+count (one rectangle per text object on a line), or None when there
    is none (with inked_only: none with an extent). A caller turns it to display coordinates
    once: each display coordinate is a monotone function of one user-space coordinate, so that
    equals the union of the turned rectangles, to the last bit."""
    fast = bind()
    left, top, right, bottom = _RECT
    get_rect = fast.Text_GetRect
    x0 = y0 = x1 = y1 = None
    for k in range(fast.Text_CountRects(textpage, first, count)):
        get_rect(textpage, k, left, top, right, bottom)
        l, t, r, b = left.value, top.value, right.value, bottom.value
        if inked_only and not (r > l or t > b):
            continue
        if x0 is None:
            x0, y0, x1, y1 = l, b, r, t
            continue
        if l < x0:
            x0 = l
        if b < y0:
            y0 = b
        if r > x1:
            x1 = r
        if t > y1:
            y1 = t
    return None if x0 is None else (x0, y0, x1, y1)


IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def multiply(m: tuple, n: tuple) -> tuple:
    """m then n (PDF row-vector convention: [x y 1]·m·n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


_MATRIX: list = []   # the out-parameter of FPDFPageObj_GetMatrix, made on first use


def object_matrix(obj: int) -> tuple:
    """A page object's matrix (identity when PDFium has none)."""
    if not _MATRIX:
        import pypdfium2.raw as pdfium_c
        _MATRIX.append(pdfium_c.FS_MATRIX())
    m = _MATRIX[0]
    if not bind().PageObj_GetMatrix(obj, m):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)
