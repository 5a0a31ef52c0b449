"""One module per input format; each returns the same RawDocument."""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from ..errors import (EmptyInput, InputNotFound, InputTooLarge, InputUnreadable, NotRegularFile,
                      UnsupportedFormat)
from ..paths import printable
from ..raw import Block, RawDocument, RawLine, RawTable

SUFFIX_FORMAT = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                 ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html",
                 ".doc": "doc", ".wps": "doc", ".ofd": "ofd"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

__all__ = ["Block", "RawDocument", "RawLine", "RawTable", "read", "SUFFIX_FORMAT"]


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def read_bytes(p: Path, shown: str, max_bytes: int | None = None) -> bytes:
    """The file's bytes, refusing what is not a regular file before opening it (a FIFO would
    block, /dev/zero never ends) and counting the bytes actually read against the limit (a
    file's st_size can be 0 or grow while it is read)."""
    try:
        st = os.stat(p)
    except FileNotFoundError:
        if os.path.islink(p):
            raise InputNotFound("is a symlink to a file that does not exist", shown) from None
        raise InputNotFound("does not exist", shown) from None
    except OSError as e:  # permission denied on a folder above it, a name too long, a loop
        raise InputUnreadable(f"cannot be read ({e.strerror or e})", shown) from None
    if stat.S_ISDIR(st.st_mode):
        raise UnsupportedFormat("is a folder, not a file", shown)
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a regular file")
        raise NotRegularFile(f"is {kind}, not a regular file; only files are read", shown)
    limit_note = "(raise it with --max-mb)"
    if max_bytes is not None and st.st_size > max_bytes:
        raise InputTooLarge(f"is {st.st_size / 1e6:.1f} MB, over the size limit of "
                            f"{max_bytes / 1e6:.0f} MB {limit_note}", shown)
    try:
        # O_NONBLOCK: if the name was swapped for a FIFO since the stat, open does not hang
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        raise InputUnreadable(f"cannot be read ({e.strerror or e})", shown) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile("is not a regular file (it changed while being opened)", shown)
        chunks, total = [], 0
        want = st.st_size + 1 if st.st_size else 1 << 22  # one read for a file that is what it says
        if max_bytes is not None:
            want = min(want, max_bytes + 1)
        while True:
            chunk = os.read(fd, want)
            want = 1 << 22
            if not chunk:
                break
            total += len(chunk)
            if max_bytes is not None and total > max_bytes:
                raise InputTooLarge(f"is over the size limit of {max_bytes / 1e6:.0f} MB "
                                    f"(more bytes than its size said) {limit_note}", shown)
            chunks.append(chunk)
    except BlockingIOError:
        raise NotRegularFile("is not a regular file (reading it would block)", shown) from None
    except OSError as e:  # EIO on a failing disk, a file on a vanished network share
        raise InputUnreadable(f"cannot be read ({e.strerror or e})", shown) from None
    finally:
        os.close(fd)
    return b"".join(chunks) if len(chunks) != 1 else chunks[0]


def unsupported_message(path: str | os.PathLike) -> str:
    """What E105 says about a file no reader takes (the reader and the batch say the same)."""
    suffix = Path(path).suffix
    return (f"has an unsupported file type {suffix or '(none)'!r}; "
            f"expected one of {', '.join(sorted(SUFFIX_FORMAT))}")


def detect_format(path: Path, data: bytes) -> str:
    fmt = SUFFIX_FORMAT.get(path.suffix.lower())
    if data[:5] == b"%PDF-":
        return "pdf"
    if fmt in ("doc", "docx"):
        # Archives hold Word files under the other suffix: the bytes decide.
        if data.startswith(OLE_MAGIC):
            return "doc"
        if data[:2] == b"PK":
            return "docx"
        head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if head.startswith((b"<html", b"<!doctype html", b"<?xml")) and b"<html" in head[:400]:
            return "html"  # Word's or a web system's “save as .doc” that is a web page
        if head.startswith(b"{\\rtf"):
            raise UnsupportedFormat("is an RTF file named .doc; RTF is not read: open it in Word "
                                    "or WPS and save it as .docx", printable(path))
        if fmt == "doc" and _plain_text(data):
            return "txt"   # a system's “export to Word” that wrote text under .doc (input.plain_text)
    if fmt is None:
        raise UnsupportedFormat(unsupported_message(path), printable(path))
    return fmt


def _plain_text(data: bytes) -> bool:
    """Bytes that are text (UTF-8 or GB18030, no NUL), not a binary Word file."""
    sample = data[:8192]
    if b"\x00" in sample:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            sample.decode(encoding)
            return True
        except UnicodeDecodeError as e:
            if e.start >= len(sample) - 4:   # a character cut by the sample's end
                return True
    return False


def read(path: str | os.PathLike, max_bytes: int | None = None, ocr: str = "auto") -> RawDocument:
    """The document's RawDocument, whatever its format, through the common code-point layer
    (readers.common: radical code points folded, private-use glyphs removed, unreadable pages
    named) before anything else reads it. ocr: "auto" | "off" | "force", for inputs with pages
    that may need it (PDF)."""
    from .common import finish
    return finish(_read_format(path, max_bytes, ocr))


def _read_format(path: str | os.PathLike, max_bytes: int | None = None,
                 ocr: str = "auto") -> RawDocument:
    p = Path(path)
    shown = printable(path)  # names that are not UTF-8 keep their bytes as \xNN
    data = read_bytes(p, shown, max_bytes)
    if not data:
        raise EmptyInput("file is empty (0 bytes)", shown)
    fmt = detect_format(p, data)
    sha = hashlib.sha256(data).hexdigest()
    if fmt in ("txt", "md"):
        from .text import read_text
        raw = read_text(shown, data, sha, fmt)
        if SUFFIX_FORMAT.get(p.suffix.lower()) == "doc":
            raw.warnings.append(("input.plain_text", f"a plain text file named {p.suffix}: read as text"))
        return raw
    if fmt == "html":
        from .html import read_html
        return read_html(shown, data, sha)
    if fmt == "ofd":
        from .ofd import read_ofd
        return read_ofd(shown, data, sha)
    if fmt == "doc":
        from .doc import read_doc
        return read_doc(shown, data, sha)
    if fmt == "docx":
        from .docx import read_docx
        return read_docx(shown, data, sha, max_bytes)
    from .pdf import read_pdf
    return read_pdf(shown, data, sha, ocr=ocr)
