"""One module per input format; each returns the same RawDocument."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..errors import EmptyInput, InputNotFound, InputTooLarge, UnsupportedFormat
from ..raw import Block, RawDocument, RawLine, RawTable

SUFFIX_FORMAT = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                 ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}

__all__ = ["Block", "RawDocument", "RawLine", "RawTable", "read", "SUFFIX_FORMAT"]


def detect_format(path: Path, data: bytes) -> str:
    fmt = SUFFIX_FORMAT.get(path.suffix.lower())
    if data[:5] == b"%PDF-":
        return "pdf"
    if fmt is None:
        raise UnsupportedFormat(
            f"has an unsupported file type {path.suffix or '(none)'!r}; "
            f"expected one of {', '.join(sorted(SUFFIX_FORMAT))}", str(path))
    return fmt


def read(path: str | os.PathLike, max_bytes: int | None = None) -> RawDocument:
    """The document's RawDocument, whatever its format, through the common code-point layer
    (readers.common: radical code points folded, private-use glyphs removed, unreadable pages
    named) before anything else reads it."""
    from .common import finish
    return finish(_read_format(path, max_bytes))


def _read_format(path: str | os.PathLike, max_bytes: int | None = None) -> RawDocument:
    p = Path(path)
    shown = str(path)
    if not p.exists():
        raise InputNotFound("does not exist", shown)
    if p.is_dir():
        raise UnsupportedFormat("is a folder, not a file", shown)
    size = p.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise InputTooLarge(f"is {size / 1e6:.1f} MB, over the size limit of {max_bytes / 1e6:.0f} MB "
                            "(raise it with --max-mb)", shown)
    data = p.read_bytes()
    if not data:
        raise EmptyInput("file is empty (0 bytes)", shown)
    fmt = detect_format(p, data)
    sha = hashlib.sha256(data).hexdigest()
    if fmt in ("txt", "md"):
        from .text import read_text
        return read_text(shown, data, sha, fmt)
    if fmt == "html":
        from .html import read_html
        return read_html(shown, data, sha)
    if fmt == "docx":
        from .docx import read_docx
        return read_docx(shown, data, sha)
    from .pdf import read_pdf
    return read_pdf(shown, data, sha)
