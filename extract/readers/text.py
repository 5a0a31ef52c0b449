"""Plain text and Markdown: detect the encoding, split into lines. Nothing else."""
from __future__ import annotations

import codecs
import functools

from ..errors import BinaryInput, EmptyInput, UndecodableInput
from ..raw import RawDocument, RawLine

# Tried in order after the BOMs. GB18030 is a superset of GBK and GB2312, so it covers both;
# Big5 comes last because almost any GB byte string fails as Big5 only late.
_FALLBACKS = ("utf-8", "gb18030", "big5")


def decode(data: bytes, path: str, notes: list[tuple[str, str]] | None = None) -> tuple[str, str]:
    """Return (text, encoding name) or raise a clear error. Problems decoding got past are
    appended to `notes` as (code, message)."""
    if not data.strip():
        raise EmptyInput("file is empty", path)
    cut = _cut_utf8_tail(data)
    if cut is not None:
        if notes is not None:
            notes.append(("input.truncated", f"the file ends inside a character ({len(data) - cut} "
                                             "stray bytes dropped): it may be truncated"))
        data = data[:cut]
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                      (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as e:
                raise UndecodableInput(f"starts with a {name} byte-order mark but does not decode: {e.reason}", path)
    if b"\x00" in data[:8192]:
        utf16 = _bomless_utf16(data)
        if utf16:
            return data.decode(utf16), utf16
        raise BinaryInput("is a binary file, not text (NUL bytes)", path)
    mixed = _decode_mixed(data)
    if mixed:
        return mixed
    candidates = []
    for name in _FALLBACKS:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise BinaryInput("is a binary file, not text (control characters)", path)
        if name == "utf-8":
            return text, name  # UTF-8 that decodes is UTF-8: other encodings almost never do
        candidates.append((_common_share(text), name, text))
    if candidates:
        # GB18030 decodes nearly any byte string, Big5 included, into rare characters
        score, name, text = max(candidates, key=lambda c: c[0])
        if score >= 0.2 or not any(ord(ch) > 0x2E80 for ch in text[:20000]):
            return text, name
    raise UndecodableInput("is not valid UTF-8, GB18030 or Big5 text; convert it to UTF-8", path)


def _cut_utf8_tail(data: bytes) -> int | None:
    """Where UTF-8 text cut inside its last character should end; None if it is not that."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(data) - 3:
            try:
                data[:e.start].decode("utf-8")
                return e.start
            except UnicodeDecodeError:
                return None
        return None


def _decode_mixed(data: bytes) -> tuple[str, str] | None:
    """Files concatenated from parts in different encodings: UTF-8 lines beside GB18030 lines.
    Decoded line by line; None when the file is not such a mix."""
    lines = data.split(b"\n")
    utf8_rich = failed = 0
    for line in lines:
        try:
            line.decode("utf-8")
            utf8_rich += not line.isascii()
        except UnicodeDecodeError:
            failed += 1
    if not (utf8_rich and failed):
        return None
    out, legacy = [], set()
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            options = []
            for name in ("gb18030", "big5"):
                try:
                    decoded = line.decode(name)
                except UnicodeDecodeError:
                    continue
                options.append((_common_share(decoded), name, decoded))
            if not options:
                return None
            _, name, text = max(options, key=lambda o: o[0])
            legacy.add(name)
            out.append(text)
    return "\n".join(out), "utf-8+" + "+".join(sorted(legacy))


@functools.lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    from ..patterns import patterns_dir
    lines = (patterns_dir() / "common_hanzi.txt").read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")))


def _common_share(text: str) -> float:
    """Share of Han characters that are among the most frequent ones (real text: > 0.5)."""
    han = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    common = _common_hanzi()
    return sum(ch in common for ch in han) / len(han)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NULs sit in the high bytes of ASCII characters, on one side only."""
    if len(data) % 2:
        return None
    head = data[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    order = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    for name in order:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        plausible = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t"
                        and not ("\ue000" <= ch <= "\uf8ff"))
        if sample and plausible / len(sample) > 0.97 and not _looks_binary(text) and \
                (_common_share(text) > 0.3 or text.isascii()):
            return name
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v\x1a")
    return controls > max(3, len(sample) // 100)


def read_text(path: str, data: bytes, sha256: str, fmt: str) -> RawDocument:
    notes: list[tuple[str, str]] = []
    text, encoding = decode(data, path, notes)
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
                       pages=None, size=len(data), warnings=notes)
