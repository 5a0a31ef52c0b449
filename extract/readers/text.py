"""Plain text and Markdown: detect the encoding, split into lines. Nothing else.

Nothing is refused for a few bad bytes: a byte that no candidate encoding reads becomes U+FFFD
and a warning gives their count and the first offset; a run of GB18030/Big5 characters inside
UTF-8 text (files pasted together from parts) is decoded as such. Only text of which more than
MAX_BAD_SHARE of the bytes are undecodable is refused (E104). NUL bytes (padding after a crash,
a stray byte from a converter) are removed with a warning; a file that is binary once they are
gone is refused (E103).
"""
from __future__ import annotations

import codecs
import functools
import threading

from .. import regex_cache
from ..errors import BinaryInput, EmptyInput, UndecodableInput
from ..raw import RawDocument, RawLine

# Tried in order after the BOMs. GB18030 is a superset of GBK and GB2312, so it covers both;
# Big5 comes last because almost any GB byte string fails as Big5 only late.
_FALLBACKS = ("utf-8", "gb18030", "big5")
_LEGACY = ("gb18030", "big5")
MAX_BAD_SHARE = 0.1   # more undecodable bytes than this share: not text in any encoding we know
Notes = list[tuple[str, str]]


class _Mending(threading.local):
    """What the codec error handlers did during one decode (per thread: Dask runs files in threads)."""
    def reset(self) -> None:
        self.bad = 0           # bytes replaced by U+FFFD
        self.first = None      # offset of the first of them
        self.legacy: set[str] = set()
        self.legacy_chars = 0  # characters decoded from legacy runs inside UTF-8


_mending = _Mending()


def _replace(e: UnicodeDecodeError) -> tuple[str, int]:
    _mending.bad += e.end - e.start
    if _mending.first is None:
        _mending.first = e.start
    return "\ufffd", e.end


def _mend(e: UnicodeDecodeError) -> tuple[str, int]:
    """UTF-8 that stops decoding here: a run of GB18030 or Big5 characters, else a bad byte."""
    data = e.object
    end = _legacy_run_end(data, e.start)
    if end > e.start:
        options = []
        for name in _LEGACY:
            try:
                decoded = data[e.start:end].decode(name)
            except UnicodeDecodeError:
                continue
            options.append((_plausible_share(decoded), name, decoded))
        if options:
            score, name, decoded = max(options, key=lambda o: o[0])
            if score >= 0.5:
                _mending.legacy.add(name)
                _mending.legacy_chars += len(decoded)
                return decoded, end
    return _replace(e)


codecs.register_error("plan-extract-replace", _replace)
codecs.register_error("plan-extract-mend", _mend)


def _legacy_run_end(data: bytes, i: int) -> int:
    """Where a run of two- and four-byte GB-style characters starting at i ends (i: none);
    it stops before ASCII and before a three- or four-byte UTF-8 character (two-byte UTF-8
    decodes to Latin, Greek or Cyrillic letters, and GB pairs form it by chance)."""
    j, n = i, len(data)
    while j + 1 < n:
        b, b2 = data[j], data[j + 1]
        if j > i and b >= 0xE0 and _utf8_char_at(data, j):  # a UTF-8 Han character: the run ends
            break
        if not 0x81 <= b <= 0xFE:
            break
        if 0x30 <= b2 <= 0x39 and j + 3 < n:
            j += 4
        elif 0x40 <= b2 <= 0xFE and b2 != 0x7F:
            j += 2
        else:
            break
    return j


def _utf8_char_at(data: bytes, j: int) -> bool:
    b = data[j]
    length = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
    try:
        data[j:j + length].decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _lenient(data: bytes, name: str, handler: str = "plan-extract-replace"):
    """(text, bad bytes, offset of the first, legacy encodings used, characters from them)."""
    _mending.reset()
    text = data.decode(name, handler)
    return text, _mending.bad, _mending.first, set(_mending.legacy), _mending.legacy_chars


def _note_bad(notes: Notes | None, bad: int, first: int | None, name: str) -> None:
    if bad and notes is not None:
        verb = "is" if bad == 1 else "are"
        notes.append(("input.bad_bytes", f"{bad} byte{'s' * (bad != 1)} that {verb} not valid {name} "
                                         f"replaced by U+FFFD (the first at byte {first})"))


def strip_nul(text: str, notes: Notes | None) -> str:
    """Text without NUL characters; a warning says how many and where the first was."""
    count = text.count("\x00")
    if count and notes is not None:
        notes.append(("input.nul", f"{count} NUL character{'s' * (count != 1)} removed "
                                   f"(the first at character {text.index(chr(0))})"))
    return text.replace("\x00", "") if count else text


def decode(data: bytes, path: str, notes: Notes | None = None) -> tuple[str, str]:
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
            handler = "plan-extract-mend" if name == "utf-8-sig" else "plan-extract-replace"
            text, bad, first, _, _ = _lenient(data, name, handler)
            if bad > MAX_BAD_SHARE * len(data) or (bad and _readable_share(text) < 0.5):
                raise UndecodableInput(f"starts with a {name} byte-order mark but most of it does not "
                                       f"decode ({bad} bad bytes)", path)
            _note_bad(notes, bad, first, name)
            return strip_nul(text, notes), name
    if b"\x00" in data[:8192]:
        utf16 = _bomless_utf16(data)
        if utf16:
            return strip_nul(data.decode(utf16), notes), utf16
    if b"\x00" in data:
        count, first = data.count(b"\x00"), data.index(b"\x00")
        data = data.replace(b"\x00", b"")
        if not data.strip():
            raise BinaryInput("is a binary file, not text (only NUL bytes)", path)
        if notes is not None:
            notes.append(("input.nul", f"{count} NUL byte{'s' * (count != 1)} removed (the first at "
                                       f"byte {first}); byte offsets below count without them"))
    return _decode_bytes(data, path, notes)


def _decode_bytes(data: bytes, path: str, notes: Notes | None) -> tuple[str, str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(text):
            raise BinaryInput("is a binary file, not text (control characters)", path)
        return text, "utf-8"  # UTF-8 that decodes is UTF-8: other encodings almost never do
    legacy = []
    for name in _LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise BinaryInput("is a binary file, not text (control characters)", path)
        legacy.append((_common_share(text), name, text))
    best_legacy = max(legacy, key=lambda c: c[0]) if legacy else None
    if best_legacy and _good(best_legacy):
        return best_legacy[2], best_legacy[1]
    # UTF-8 beside GB18030 (mixed files rarely decode whole in either: UTF-8 after ASCII
    # leaves a GB lead byte without its pair), or UTF-8 with a few bad bytes
    mended = _mixed(data)
    if mended is not None:
        text, name, bad, first, utf8_chars, legacy_chars = mended
        if utf8_chars >= 0.05 * legacy_chars:  # else a legacy file whose bytes formed UTF-8 by chance
            _note_bad(notes, bad, first, "UTF-8, GB18030 or Big5")
            return text, name
    # nothing decodes cleanly: the legacy decoding with the fewest bad bytes, if few
    options = []
    for name in _LEGACY:
        text, bad, first, _, _ = _lenient(data, name)
        if bad <= MAX_BAD_SHARE * len(data) and not _looks_binary(text) and _readable_share(text) >= 0.5:
            options.append((bad, -_common_share(text), name, text, first))
    options = [o for o in options if -o[1] >= 0.2 or not any(ord(ch) > 0x2E80 for ch in o[3][:20000])]
    if options:
        bad, _, name, text, first = min(options, key=lambda o: o[:2])
        _note_bad(notes, bad, first, name)
        return text, name
    if _looks_binary(data.decode("latin-1")):
        raise BinaryInput("is a binary file, not text (control characters)", path)
    raise UndecodableInput("is not valid UTF-8, GB18030 or Big5 text (more than "
                           f"{MAX_BAD_SHARE:.0%} of its bytes do not decode); convert it to UTF-8", path)


def _good(candidate: tuple[float, str, str]) -> bool:
    """GB18030 decodes nearly any byte string, Big5 included, into rare characters."""
    score, _, text = candidate
    return score >= 0.2 or not any(ord(ch) > 0x2E80 for ch in text[:20000])


def _mixed(data: bytes):
    """UTF-8 text with undecodable stretches: GB18030/Big5 runs decoded as such, bad bytes
    replaced. None when the UTF-8 part is not real text or too much is bad."""
    text, bad, first, legacy, legacy_chars = _lenient(data, "utf-8", "plan-extract-mend")
    if bad > MAX_BAD_SHARE * len(data) or _looks_binary(text):
        return None
    # Chinese characters read as UTF-8 (GB bytes often make valid two-byte UTF-8 by chance,
    # but those decode to Cyrillic or Latin letters, not to Han)
    utf8_chars = sum(1 for ch in text if "\u2e80" <= ch) - legacy_chars - text.count("\ufffd")
    if utf8_chars <= 0:
        return None
    name = "utf-8" + "".join("+" + n for n in sorted(legacy))
    return text, name, bad, first, utf8_chars, legacy_chars


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


def _plausible_share(text: str) -> float:
    """Share of characters that are common Han or Chinese punctuation (a short legacy run)."""
    common = _common_hanzi()
    chars = [ch for ch in text if not ch.isspace()]
    if not chars:
        return 0.0
    return sum(ch in common or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
               or ch in "“”‘’…—·" for ch in chars) / len(chars)


def _readable_share(text: str) -> float:
    """Share of characters a reader could read: ASCII, whitespace, common Han, CJK punctuation."""
    sample = text[:20000]
    if not sample:
        return 0.0
    common = _common_hanzi()
    return sum(" " <= ch <= "~" or ch.isspace() or ch in common or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·" for ch in sample) / len(sample)


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
    # form feeds: the page breaks a pdftotext-style converter leaves; the text has pages then,
    # the first being 1. A page break is no blank line (a row break inside a table printed
    # one cell per line): the empty pieces around a form feed are not lines.
    page = 1 if "\f" in text else None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\f" in line:
            parts = line.split("\f")
            for i, part in enumerate(parts):
                if i:
                    page += 1
                if part.strip():
                    lines.append(RawLine(part, page=page))
            continue
        lines.append(RawLine(line, page=page))
    if fmt == "txt":
        lines = aligned_tables(lines)
    return RawDocument(path=path, format=fmt, sha256=sha256, blocks=lines, encoding=encoding,
                       pages=None, size=len(data), warnings=notes)


_COLUMN_GAP = regex_cache.compile(r"\S+(?: \S+)*")   # a part: words with single spaces between


def aligned_tables(lines: list[RawLine]) -> list[RawLine]:
    """Tables in layout text (`pdftotext -layout`: columns padded with runs of spaces, an
    ideograph two columns wide, a wrapped cell on the next line with blanks in the others),
    found by readers/columns.py from the display columns of each line's parts (text parted by
    two spaces or more); each becomes tab-separated rows, the form the tables stage reads. A
    file with no line of table header words set apart by runs of spaces is not looked at."""
    from . import columns
    from ..lexicon.layout import display_width

    def parts(text: str) -> list:
        return [columns.Part(display_width(text[:m.start()]), display_width(text[:m.end()]), m.group())
                for m in _COLUMN_GAP.finditer(text)]

    def candidate(text: str) -> bool:
        return "  " in text and "\t" not in text and columns.header_words(text.split())

    if not any(candidate(ln.text) for ln in lines):
        return lines
    found: list[tuple[list[int], "columns.Table"]] = []   # (the line numbers it was read from, table)
    carry = None
    for page in _pages(lines):
        placed = [k for k in page if lines[k].text.strip() and "\t" not in lines[k].text]
        tables = columns.find_tables([columns.Line(parts(lines[k].text.replace("\u3000", "  ")), k, k + 1)
                                      for k in placed], carry)
        found += [(placed, t) for t in tables]
        carry = tables[-1].columns if tables and all(
            columns.PAGE_NUMBER.match(lines[k].text) for k in placed[tables[-1].end:]) else None
    if not found:
        return lines
    out: list[RawLine] = []
    done = 0
    for placed, table in found:
        first, end = placed[table.first], placed[table.end - 1] + 1
        out += lines[done:first]
        for cells, members in zip(table.rows, table.lines):
            out.append(RawLine("\t".join(cells), page=lines[placed[members[0]]].page))
        done = end
    return out + lines[done:]


def _pages(lines: list[RawLine]) -> list[list[int]]:
    """The line numbers of each page (form feeds make pages; without, one)."""
    out: list[list[int]] = []
    for k, line in enumerate(lines):
        if not out or line.page != lines[out[-1][-1]].page:
            out.append([])
        out[-1].append(k)
    return out
