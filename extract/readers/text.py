"""Plain text and Markdown: detect the encoding, split into lines. Nothing else."""
from __future__ import annotations

import codecs

from ..errors import BinaryInput, EmptyInput, UndecodableInput
from .base import RawDocument, RawLine

# Tried in order after the BOMs. GB18030 is a superset of GBK and GB2312, so it covers both;
# Big5 comes last because almost any GB byte string fails as Big5 only late.
_FALLBACKS = ("utf-8", "gb18030", "big5")


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise a clear error."""
    if not data.strip():
        raise EmptyInput("file is empty", path)
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                      (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as e:
                raise UndecodableInput(f"starts with a {name} byte-order mark but does not decode: {e.reason}", path)
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16), utf16
    if b"\x00" in data[:8192]:
        raise BinaryInput("is a binary file, not text (NUL bytes)", path)
    for name in _FALLBACKS:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise BinaryInput("is a binary file, not text (control characters)", path)
        return text, name
    raise UndecodableInput("is not valid UTF-8, GB18030 or Big5 text; convert it to UTF-8", path)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NULs in every other byte of ASCII-heavy text."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        head = head[:-1]
    even, odd = head[0::2], head[1::2]
    if not head:
        return None
    # CJK text in UTF-16 has few NULs, so also accept decodes that are mostly CJK.
    for name, zeros in (("utf-16-le", odd.count(0)), ("utf-16-be", even.count(0))):
        if zeros > len(head) / 4:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return name
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v\x1a")
    return controls > max(3, len(sample) // 100)


def read_text(path: str, data: bytes, sha256: str, fmt: str) -> RawDocument:
    text, encoding = decode(data, path)
    if not text.strip():
        raise EmptyInput("has no text (only whitespace)", path)
    lines: list[RawLine] = []
    page = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\f" in line:  # form feed: a page break left by pdftotext-style converters
            parts = line.split("\f")
            for i, part in enumerate(parts):
                if i:
                    page = (page or 1) + 1
                lines.append(RawLine(part, page=page))
            continue
        lines.append(RawLine(line, page=page))
    return RawDocument(path=path, format=fmt, sha256=sha256, blocks=lines, encoding=encoding,
                       pages=None, size=len(data))
