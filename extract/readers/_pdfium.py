"""PDFium functions the PDF reader calls for every object and line of every page, bound through
cffi with plain integer handles.

pypdfium2's own bindings (ctypes) return typed pointers (a Python object made per call) and
accept its helper objects through a Python property; even bound with `argtypes` of `c_void_p`,
a ctypes call converts each argument by a Python-level `from_param`: 2,400 instructions for a
call of one argument, 6,700 for FPDFText_GetRect's six (callgrind). The reader makes thousands
of calls a page (two per text object in the object scan, one per text rectangle of a line), so
these go through cffi instead (cffi comes with pdfplumber, through pdfminer.six's
cryptography; it is also a declared dependency), at about a third of the cost a call: each is
the address of pypdfium2's own C function, cast to its C type by cffi's backend (which parses
a type in C: cffi's `cdef` would import its Python C parser, ~0.05 s a process). Handles are
declared `intptr_t`, so they go in and come out as Python integers (0 for none), usable as
dictionary keys: on every platform PDFium is built for, a pointer and an intptr_t are passed
alike. Out-parameters are cffi arrays (`new("float[4]")`), read by index or unpacked; PDFium's
FS_RECTF is four floats (left, top, right, bottom), its FS_MATRIX six (a … f).
`bind()` once a document is open (pypdfium2 has loaded the library by then).
"""
from __future__ import annotations

import functools
from itertools import compress, repeat
from operator import gt, or_
from types import SimpleNamespace

import _cffi_backend

ffi = _cffi_backend.FFI()
new = ffi.new
NULL = ffi.NULL

# name (without FPDF) → C type; handles as intptr_t, FS_RECTF* and FS_MATRIX* as float*
_FUNCTIONS = {
    "PageObj_GetMatrix": "int(*)(intptr_t, float *)",
    "Path_CountSegments": "int(*)(intptr_t)",
    "Path_GetPathSegment": "intptr_t(*)(intptr_t, int)",
    "PathSegment_GetPoint": "int(*)(intptr_t, float *, float *)",
    "PathSegment_GetType": "int(*)(intptr_t)",
    "PathSegment_GetClose": "int(*)(intptr_t)",
    "Text_CountChars": "int(*)(intptr_t)",
    "Text_GetUnicode": "unsigned int(*)(intptr_t, int)",
    "Text_IsGenerated": "int(*)(intptr_t, int)",
    "Text_GetFontSize": "double(*)(intptr_t, int)",
    "Text_GetCharAngle": "float(*)(intptr_t, int)",
    "Text_GetLooseCharBox": "int(*)(intptr_t, int, float *)",
    "Text_GetMatrix": "int(*)(intptr_t, int, float *)",
    "Text_GetCharOrigin": "int(*)(intptr_t, int, double *, double *)",
    "Font_GetGlyphWidth": "int(*)(intptr_t, uint32_t, float, float *)",
    "Font_GetDescent": "int(*)(intptr_t, float, float *)",
    "Page_CountObjects": "int(*)(intptr_t)",
    "Page_GetObject": "intptr_t(*)(intptr_t, int)",
    "FormObj_CountObjects": "int(*)(intptr_t)",
    "FormObj_GetObject": "intptr_t(*)(intptr_t, unsigned long)",
    "PageObj_GetType": "int(*)(intptr_t)",
    "PageObj_GetBounds": "int(*)(intptr_t, float *, float *, float *, float *)",
    "Path_GetDrawMode": "int(*)(intptr_t, int *, int *)",
    "TextObj_GetFont": "intptr_t(*)(intptr_t)",
    "TextObj_GetText": "unsigned long(*)(intptr_t, intptr_t, unsigned short *, unsigned long)",
    "TextObj_GetTextRenderMode": "int(*)(intptr_t)",
    "Font_GetIsEmbedded": "int(*)(intptr_t)",
    "Font_GetWeight": "int(*)(intptr_t)",
    "Font_GetBaseFontName": "size_t(*)(intptr_t, char *, size_t)",
    "Text_CountRects": "int(*)(intptr_t, int, int)",
    "Text_GetRect": "int(*)(intptr_t, int, double *, double *, double *, double *)",
    "Text_GetTextObject": "intptr_t(*)(intptr_t, int)",
    "Text_GetBoundedText": "int(*)(intptr_t, double, double, double, double, unsigned short *, int)",
}


@functools.lru_cache(maxsize=1)
def bind() -> SimpleNamespace:
    import ctypes

    import pypdfium2_raw.bindings as raw

    lib = raw._libs["pdfium"]
    return SimpleNamespace(**{name: ffi.cast(ctype, ctypes.cast(lib["FPDF" + name], ctypes.c_void_p).value)
                              for name, ctype in _FUNCTIONS.items()})


def handle(obj) -> int:
    """The address behind a pypdfium2 helper (PdfPage, PdfTextPage) or raw pointer."""
    import ctypes
    raw = getattr(obj, "raw", obj)
    return ctypes.cast(raw, ctypes.c_void_p).value or 0


class _Rects:
    """Out-parameters for FPDFText_GetRect, one (left, top, right, bottom) per rectangle of a
    range, so a line's rectangles are fetched by one `map` and read back by one `unpack`."""

    def __init__(self, size: int):
        self.size = size
        self.buffer = new("double[]", 4 * size)
        self.pointers = [[self.buffer + 4 * k + j for k in range(size)] for j in range(4)]


_RECTS = [_Rects(64)]


def text_box(textpage: int, first: int, count: int, inked_only: bool):
    """The union (left, bottom, right, top, in PDF user space) of PDFium's text rectangles of
    characters first..first+count (one rectangle per text object on a line), or None when there
    is none (with inked_only: none with an extent). A caller turns it to display coordinates
    once: each display coordinate is a monotone function of one user-space coordinate, so that
    equals the union of the turned rectangles, to the last bit. min and max keep the first of
    equal values, as a running union does."""
    fast = bind()
    n = fast.Text_CountRects(textpage, first, count)
    if n <= 0:
        return None
    rects = _RECTS[0]
    if n > rects.size:
        rects = _RECTS[0] = _Rects(max(n, 2 * rects.size))
    list(map(fast.Text_GetRect, repeat(textpage, n), range(n), *rects.pointers))
    v = ffi.unpack(rects.buffer, 4 * n)
    left, top, right, bottom = v[0::4], v[1::4], v[2::4], v[3::4]
    if inked_only:
        inked = list(map(or_, map(gt, right, left), map(gt, top, bottom)))
        if not all(inked):
            left, top, right, bottom = (list(compress(x, inked)) for x in (left, top, right, bottom))
            if not left:
                return None
    return min(left), min(bottom), max(right), max(top)


IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def multiply(m: tuple, n: tuple) -> tuple:
    """m then n (PDF row-vector convention: [x y 1]·m·n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


_MATRIX = new("float[6]")   # the out-parameter of FPDFPageObj_GetMatrix (an FS_MATRIX)


def object_matrix(obj: int) -> tuple:
    """A page object's matrix (identity when PDFium has none)."""
    if not bind().PageObj_GetMatrix(obj, _MATRIX):
        return IDENTITY
    return tuple(_MATRIX)
