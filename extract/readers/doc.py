"""Word 97–2003 .doc (and WPS .wps files saved in the same format), in pure Python.

The file is an OLE compound file (olefile opens it). Its text is found as [MS-DOC] lays it out:

- the FIB at the start of the WordDocument stream says which table stream holds the
  document's tables (0Table or 1Table, bit fWhichTblStm), whether the file is encrypted, how many
  characters the main text has (ccpText), and where the Clx lies in the table stream;
- the Clx's piece table (Pcdt → PlcPcd) maps character positions to pieces of bytes in the
  WordDocument stream, each either 8-bit (cp1252, its fc halved) or UTF-16LE. A fast-saved
  file (fComplex) is read by the same table: its pieces are simply out of file order;
- paragraph properties (PlcBtePapx → PAPX FKP pages) say which cell mark closes a table row
  (sprmPFTtp) and which style a paragraph has; the style sheet's built-in heading styles
  (sti 1–9) or a style named “标题 n”/“Heading n”, and a direct outline level, give
  heading_level as the DOCX reader does.

Paragraph marks (\\r) end lines; cell marks (\\x07) end cells, and the mark of a paragraph with
sprmPFTtp ends a row, so tables become RawTables. Fields (\\x13 code \\x14 result \\x15) keep
their result and lose their code (HYPERLINK, PAGE, TOC …); a field with no result is dropped.
Pictures, footnote anchors and other special characters are removed. Only the main text is
read (headers, footers, footnotes and comments are not part of the plan's body); the text of
text boxes follows the body, with a warning saying so.

Memory stays in proportion to the text, not to Word's bookkeeping (issue #14): the WordDocument
and Data streams are read where they lie in the file's bytes (their sector chains, _Stream),
never copied whole; the piece table is read from its bytes a piece at a time and each piece's
text decoded only when its turn comes; the paragraph properties are three arrays (fc from, fc
to, the properties' bytes, one object per distinct value).
"""
from __future__ import annotations

import io
import re
import struct
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional, Union

from ..errors import DocDamaged, DocEncrypted, EmptyInput, NotWordDocument
from ..raw import Block, RawDocument, RawLine, RawTable
from .grid import (Cell, build_table, cluster_edges, continue_table, join_cell_lines, nearest_index,
                   on_columns, table_width)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_IDENT = 0xA5EC
# FIB offsets ([MS-DOC] 2.5.1): FibBase flags, ccpText in FibRgLw97, fcClx/lcbClx in FibRgFcLcb97.
FIB_FLAGS = 0x0A
F_COMPLEX, F_ENCRYPTED, F_WHICH_TBL, F_OBFUSCATED = 0x0004, 0x0100, 0x0200, 0x8000
FCLCB_STSHF, FCLCB_BTE_PAPX, FCLCB_CLX, FCLCB_PLF_LST, FCLCB_PLF_LFO = 1, 13, 33, 73, 74
# Sprms read from paragraph properties.
SPRM_P_IN_TABLE, SPRM_P_TTP, SPRM_P_OUT_LVL = 0x2416, 0x2417, 0x2640
SPRM_P_ILFO, SPRM_P_ILVL, SPRM_P_HUGE_PAPX = 0x460B, 0x260A, 0x6646
SPRM_T_HEADER, SPRM_T_DEF_TABLE, SPRM_T_VERT_MERGE = 0x3404, 0xD608, 0xD62B
EDGE_TOLERANCE = 30  # twips: cell edges this close are the same grid line
MAX_PIECES = 1_000_000
HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)

PARA, CELL, PAGE_BREAK = "\r", "\x07", "\x0c"
FIELD_BEGIN, FIELD_SEP, FIELD_END = "\x13", "\x14", "\x15"
# Characters that are marks, not text: picture/object anchors, auto-numbered footnote
# references, annotation marks, optional hyphens, drawn objects.
_DROP = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x06\x08\x1f\x00"), None)
_DROP.update({0x1E: "-", 0x0B: "\n", 0x0C: "\n", 0x0E: "\n"})


def read_doc(path: str, data: bytes, sha256: str) -> RawDocument:
    word, table_stream = _open(path, data)
    fib = _Fib(word, path)
    if fib.flags & (F_ENCRYPTED | F_OBFUSCATED):
        raise DocEncrypted("is an encrypted (password-protected) Word document; remove the "
                           "password in Word or WPS and save it again", path)
    table = table_stream.get(fib.table_name)
    if table is None:
        raise DocDamaged(f"has no {fib.table_name} stream (a damaged Word document)", path)
    pieces = _pieces(word, table, fib, path)
    chars = _Text(word, pieces)
    props = _ParagraphProps(word, table, fib, table_stream.get("Data") or b"")
    warnings: list[tuple[str, str]] = []
    blocks = _blocks(chars, 0, fib.ccp_text, props)
    if fib.ccp_txbx > 0:
        start = fib.ccp_text + fib.ccp_ftn + fib.ccp_hdd + fib.ccp_atn + fib.ccp_edn
        box_blocks = _blocks(chars, start, start + fib.ccp_txbx, props)
        if any(isinstance(b, RawTable) or b.text.strip() for b in box_blocks):
            blocks += box_blocks
            warnings.append(("reader.doc_textboxes_at_end",
                             "the text of text boxes (often a 专栏) is placed after the body: "
                             "a .doc keeps it apart from the paragraph it is anchored to"))
    if chars.missing:
        warnings.append(("reader.doc_truncated",
                         f"{chars.missing} characters lie past the end of the file and are lost"))
    if not any(b.text.strip() if isinstance(b, RawLine) else b.rows for b in blocks):
        raise EmptyInput("is a Word document with no text", path)
    return RawDocument(path=path, format="doc", sha256=sha256, blocks=blocks, size=len(data),
                       warnings=warnings)


def _open(path: str, data: bytes) -> tuple[StreamBytes, dict[str, StreamBytes]]:
    """The WordDocument stream and the table streams (0Table, 1Table, Data), in place in
    `data` where they can be (_in_place)."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as e:  # olefile raises OSError and others on a cut or damaged container
        raise DocDamaged(f"is a damaged or truncated Word 97-2003 file ({type(e).__name__}: {e})",
                         path) from None
    try:
        streams = {"/".join(entry) for entry in ole.listdir()}
        if "WordDocument" not in streams:
            kind = ("an Excel workbook" if {"Workbook", "Book"} & streams else
                    "a PowerPoint file" if "PowerPoint Document" in streams else
                    "a Works or old WPS document" if {"CONTENTS", "WksSSWorkBook"} & streams else
                    "an OLE compound file")
            if "EncryptedPackage" in streams:
                raise DocEncrypted("is an encrypted (password-protected) Office document; remove "
                                   "the password and save it again", path)
            raise NotWordDocument(f"is {kind}, not a Word document (no WordDocument stream)",
                                  path)
        try:
            word = _in_place(ole, data, "WordDocument")
            tables = {name: _in_place(ole, data, name, sliced=name == "Data")
                      for name in ("0Table", "1Table", "Data") if name in streams}
        except Exception as e:
            raise DocDamaged(f"is a damaged Word document; a stream cannot be read "
                             f"({type(e).__name__}: {e})", path) from None
    finally:
        ole.close()
    return word, tables


def _in_place(ole, data: bytes, name: str, sliced: bool = True) -> StreamBytes:
    """A stream of the root storage read in place, as olefile would read it: a view of the
    file's bytes where its sectors follow each other (as writers nearly always store them),
    else a _Stream over its runs of sectors (only sliced), or for a stream read with struct at
    any offset (sliced=False: the table stream) a copy; a stream under the mini-stream cutoff
    is small (olefile copies it)."""
    import olefile

    entry = next((kid for kid in ole.root.kids if kid.name.lower() == name.lower()), None)
    if entry is None or entry.entry_type != olefile.STGTY_STREAM or entry.size < ole.minisectorcutoff:
        return ole.openstream(name).read()
    stream = _Stream(data, ole.fat, entry.isectStart, entry.size, ole.sectorsize)
    if len(stream.at) == 1:
        return stream.view[stream.file[0]:stream.file[0] + stream.size]
    return stream if sliced else stream[0:len(stream)]


class _Stream:
    """An OLE stream read where its sectors lie in the file, not copied whole: its bytes come by
    slices (text pieces, 512-byte property pages). The sector chain is followed as olefile's
    OleStream follows it, with its tolerance: the chain stops at an index outside the FAT, a
    sector cut by the end of the file gives what it has, the stream ends at its declared size
    or where the bytes run out."""

    def __init__(self, data: bytes, fat, start: int, size: int, sector_size: int):
        self.view = memoryview(data)
        # runs of consecutive sectors: (offset in the stream, offset in the file, length)
        self.at: array = array("q")
        self.file: array = array("q")
        self.length: array = array("q")
        total, sect = 0, start
        for _ in range((size + sector_size - 1) // sector_size):
            if not 0 <= sect < len(fat):
                break
            offset = sector_size * (sect + 1)  # the header fills sector -1
            got = max(0, min(sector_size, len(data) - offset))
            if got and self.length and self.length[-1] % sector_size == 0 \
                    and self.file[-1] + self.length[-1] == offset:
                self.length[-1] += got
            elif got:
                self.at.append(total)
                self.file.append(offset)
                self.length.append(got)
            total += got
            sect = fat[sect] & 0xFFFFFFFF
        self.size = min(total, size)

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, key: slice) -> bytes:
        start, stop, _ = key.indices(self.size)
        k = bisect_right(self.at, start) - 1
        if start >= stop or k < 0:
            return b""
        if stop - self.at[k] <= self.length[k]:  # within one run of sectors (nearly always)
            offset = self.file[k] - self.at[k]
            return bytes(self.view[offset + start:offset + stop])
        out = []
        while start < stop and k < len(self.at):
            lo = start - self.at[k]
            hi = min(stop - self.at[k], self.length[k])
            out.append(self.view[self.file[k] + lo:self.file[k] + hi])
            start = self.at[k] + hi
            k += 1
        return b"".join(out)


StreamBytes = Union[memoryview, _Stream, bytes]  # a stream as the reader reads it: by slices


def _unpack_at(fmt: str, stream: StreamBytes, pos: int) -> tuple:
    """struct.unpack_from on a _Stream or bytes (struct.error when the bytes run out)."""
    return struct.unpack(fmt, stream[pos:pos + struct.calcsize(fmt)])


class _Fib:
    def __init__(self, word, path: str):
        if len(word) < 0x20 or _unpack_at("<H", word, 0)[0] != WORD_IDENT:
            raise NotWordDocument("has a WordDocument stream that does not start with a Word "
                                  "header (not a Word 97-2003 document)", path)
        self.flags = _unpack_at("<H", word, FIB_FLAGS)[0]
        self.table_name = "1Table" if self.flags & F_WHICH_TBL else "0Table"
        try:
            pos = 0x20
            csw = _unpack_at("<H", word, pos)[0]
            pos += 2 + 2 * csw
            cslw = _unpack_at("<H", word, pos)[0]
            lw = _unpack_at(f"<{cslw}i", word, pos + 2)
            pos += 2 + 4 * cslw
            cb_fclcb = _unpack_at("<H", word, pos)[0]
            self.fclcb = _unpack_at(f"<{2 * cb_fclcb}I", word, pos + 2)
        except struct.error:
            if self.flags & (F_ENCRYPTED | F_OBFUSCATED):
                self.fclcb, lw = (), (0,) * 11
                return
            raise DocDamaged("is truncated inside its Word header (FIB)", path) from None
        if cslw < 11 or cb_fclcb <= FCLCB_CLX:
            raise DocDamaged("has a Word header (FIB) too short to locate its text", path)
        (self.ccp_text, self.ccp_ftn, self.ccp_hdd, _, self.ccp_atn, self.ccp_edn,
         self.ccp_txbx) = (max(v, 0) for v in lw[3:10])

    def fc_lcb(self, index: int) -> tuple[int, int]:
        if 2 * index + 1 >= len(self.fclcb):
            return 0, 0
        return self.fclcb[2 * index], self.fclcb[2 * index + 1]


def _pieces(word, table: bytes, fib: _Fib, path: str) -> "_Pieces":
    """The piece table: (first cp, last cp, byte offset in WordDocument, 8-bit) per piece."""
    fc, lcb = fib.fc_lcb(FCLCB_CLX)
    if lcb == 0 or fc + lcb > len(table):
        raise DocDamaged("has no readable piece table (Clx); the file is damaged or truncated",
                         path)
    clx = memoryview(table)[fc:fc + lcb]  # views, not copies: the piece table can be large
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers of a fast-saved file
        if pos + 3 > len(clx):
            break
        pos += 3 + struct.unpack_from("<h", clx, pos + 1)[0]
    if pos + 5 > len(clx) or clx[pos] != 0x02:
        raise DocDamaged("has a damaged piece table (no Pcdt in the Clx)", path)
    size = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + size]
    n = (len(plc) - 4) // 12
    if n <= 0 or n > MAX_PIECES:
        raise DocDamaged("has an empty or damaged piece table", path)
    return _Pieces(plc, n)


class _Pieces:
    """The piece table's entries, read from its bytes as they are visited (a document cut into
    many pieces costs 12 bytes a piece, not a tuple of four numbers)."""

    def __init__(self, plc: bytes, n: int):
        self.plc, self.n = plc, n

    def __iter__(self):
        plc, n = self.plc, self.n
        cps = struct.iter_unpack("<I", plc[:4 * (n + 1)])
        (cp1,) = next(cps)
        pcds = struct.iter_unpack("<HIH", plc[4 * (n + 1):4 * (n + 1) + 8 * n])  # flags, fc, prm
        for (following,), (_, fc_raw, _) in zip(cps, pcds):
            cp0, cp1 = cp1, following
            if cp1 <= cp0:
                continue
            compressed = bool(fc_raw & 0x40000000)
            offset = (fc_raw & 0x3FFFFFFF) // 2 if compressed else fc_raw & 0x3FFFFFFF
            yield cp0, cp1, offset, compressed


class _Text:
    """Characters by position, with the file offset (FC) of each, through the piece table."""

    def __init__(self, word, pieces: "_Pieces"):
        self.word = word
        self.pieces = pieces
        self.missing = 0

    def span(self, start: int, end: int):
        """(text, fc of its first byte, bytes per char) for the pieces covering [start, end),
        one piece at a time."""
        for cp0, cp1, offset, compressed in self.pieces:
            lo, hi = max(cp0, start), min(cp1, end)
            if lo >= hi:
                continue
            width = 1 if compressed else 2
            first = offset + (lo - cp0) * width
            raw = self.word[first:first + (hi - lo) * width]
            if len(raw) < (hi - lo) * width:
                self.missing += hi - lo - len(raw) // width
                raw = raw[:len(raw) // width * width]
            text = str(raw, "cp1252" if compressed else "utf-16-le", "replace")
            yield text, first, width


class _ParagraphProps:
    """Paragraph properties at a paragraph mark's file offset: in a table, row end, heading."""

    def __init__(self, word, table: bytes, fib: _Fib, data=b""):
        self.data = data  # the Data stream: large paragraph properties (sprmPHugePapx)
        # the runs of paragraph properties: fc from, fc to, istd + grpprl (one bytes object
        # per distinct value: most paragraphs of a document share their properties)
        self._starts, self._ends = array("q"), array("q")
        self._papx: list[bytes] = []
        self.styles: dict[int, Optional[int]] = {}
        try:
            self._read_fkps(word, table, fib)
            self._read_styles(table, fib)
        except (struct.error, IndexError, ValueError):
            pass  # without properties: tables found from the marks alone, headings by numbering
        self.lists = _Lists(table, fib)
        self._sort_runs()

    def _sort_runs(self) -> None:
        """Runs in the order of (fc from, fc to, properties), as FKP pages nearly always are."""
        keys = list(zip(self._starts, self._ends, self._papx))
        if all(a <= b for a, b in zip(keys, keys[1:])):
            return
        keys.sort()
        self._starts = array("q", (k[0] for k in keys))
        self._ends = array("q", (k[1] for k in keys))
        self._papx = [k[2] for k in keys]

    @property
    def known(self) -> bool:
        return bool(self._starts)

    def _read_fkps(self, word: bytes, table: bytes, fib: _Fib) -> None:
        fc, lcb = fib.fc_lcb(FCLCB_BTE_PAPX)
        if lcb < 8 or fc + lcb > len(table):
            return
        n = (lcb - 4) // 8
        shared: dict[bytes, bytes] = {}
        for k in range(n):
            pn = struct.unpack_from("<I", table, fc + 4 * (n + 1) + 4 * k)[0] & 0x3FFFFF
            page = bytes(word[pn * 512:(pn + 1) * 512])
            if len(page) < 512:
                continue
            crun = page[511]
            fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
            for i in range(crun):
                b_offset = page[4 * (crun + 1) + 13 * i] * 2
                papx = b""
                if b_offset:
                    cb = page[b_offset]
                    if cb:
                        papx = page[b_offset + 1:b_offset + 1 + 2 * cb - 1]
                    else:
                        cb = page[b_offset + 1]
                        papx = page[b_offset + 2:b_offset + 2 + 2 * cb]
                self._starts.append(fcs[i])
                self._ends.append(fcs[i + 1])
                self._papx.append(shared.setdefault(papx, papx))

    def _read_styles(self, table: bytes, fib: _Fib) -> None:
        """istd → heading level, from built-in heading styles (sti 1–9) or their names."""
        fc, lcb = fib.fc_lcb(FCLCB_STSHF)
        if lcb < 4 or fc + lcb > len(table):
            return
        stsh = table[fc:fc + lcb]
        cb_stshi = struct.unpack_from("<H", stsh, 0)[0]
        cstd, cb_base = struct.unpack_from("<HH", stsh, 2)
        pos = 2 + cb_stshi
        for istd in range(cstd):
            if pos + 2 > len(stsh):
                break
            cb_std = struct.unpack_from("<H", stsh, pos)[0]
            std = stsh[pos + 2:pos + 2 + cb_std]
            pos += 2 + cb_std
            if len(std) < 2:
                continue
            sti = struct.unpack_from("<H", std, 0)[0] & 0x0FFF
            level = sti if 1 <= sti <= 9 else None
            if level is None and len(std) >= cb_base + 2:
                cch = struct.unpack_from("<H", std, cb_base)[0]
                name = str(std[cb_base + 2:cb_base + 2 + 2 * cch], "utf-16-le", "replace")
                match = HEADING_NAME.match(name.strip())
                level = int(match.group(1)) if match else None
            self.styles[istd] = level

    def at(self, fc: int) -> "_Para":
        """The properties of the paragraph whose mark is at file offset fc."""
        para = _Para()
        k = bisect_right(self._starts, fc) - 1
        if k < 0 or not self._starts[k] <= fc < self._ends[k]:
            return para
        papx = self._papx[k]
        if len(papx) < 2:
            return para
        para.level = self.styles.get(struct.unpack_from("<H", papx, 0)[0])
        grpprl = papx[2:]
        for sprm, operand in _sprms(papx[2:]):
            if sprm == SPRM_P_HUGE_PAPX and len(operand) == 4:  # the rest lies in the Data stream
                at = struct.unpack("<I", operand)[0]
                if at + 2 <= len(self.data):
                    size = struct.unpack("<H", self.data[at:at + 2])[0]
                    grpprl = grpprl + bytes(self.data[at + 2:at + 2 + size])
        for sprm, operand in _sprms(grpprl):
            if sprm == SPRM_P_IN_TABLE:
                para.in_table = bool(operand[:1] and operand[0])
            elif sprm == SPRM_P_TTP:
                para.row_end = bool(operand[:1] and operand[0])
            elif sprm == SPRM_P_ILFO and len(operand) == 2:
                para.ilfo = struct.unpack("<h", operand)[0]
            elif sprm == SPRM_P_ILVL and operand:
                para.ilvl = operand[0]
            elif sprm == SPRM_P_OUT_LVL and operand:
                para.level = operand[0] + 1 if operand[0] < 9 else None
            elif sprm == SPRM_T_HEADER and operand:
                para.header_row = bool(operand[0])
            elif sprm == SPRM_T_DEF_TABLE and operand:
                n = operand[0]
                if len(operand) >= 1 + 2 * (n + 1):
                    para.edges = list(struct.unpack_from(f"<{n + 1}h", operand, 1))
                    tcs = operand[1 + 2 * (n + 1):]
                    para.merges = [(struct.unpack_from("<H", tcs, 20 * i)[0] >> 5) & 3
                                   if len(tcs) >= 20 * i + 2 else 0 for i in range(n)]
            elif sprm == SPRM_T_VERT_MERGE and len(operand) >= 3 and para.merges is not None:
                if operand[1] < len(para.merges):
                    para.merges[operand[1]] = operand[2]
        para.in_table = para.in_table or para.row_end
        return para


@dataclass
class _Para:
    in_table: bool = False
    row_end: bool = False
    level: Optional[int] = None
    header_row: bool = False
    edges: Optional[list[int]] = None   # a row's cell edges in twips (sprmTDefTable)
    merges: Optional[list[int]] = None  # per cell: 0 none, 1 continues the cell above, 3 starts
    ilfo: int = 0                       # Word's automatic list (1-based), 0 for none
    ilvl: int = 0


_OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}


def _sprms(grpprl: bytes):
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, pos)[0]
        pos += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == 0xD608:  # sprmTDefTable: a two-byte size
                size = struct.unpack_from("<H", grpprl, pos)[0] - 1 if pos + 2 <= len(grpprl) else 0
                pos += 2
            else:
                size = grpprl[pos] if pos < len(grpprl) else 0
                pos += 1
        else:
            size = _OPERAND_SIZE[spra]
        yield sprm, grpprl[pos:pos + size]
        pos += size


def _blocks(chars: _Text, start: int, end: int, props: _ParagraphProps) -> list[Block]:
    """Lines and tables of the characters [start, end), marks resolved."""
    blocks: list[Block] = []
    rows: list[tuple[list[str], _Para]] = []
    cells: list[str] = []
    cell_parts: list[str] = []
    text = _FieldFilter()
    previous_mark = None
    # the last table while only empty paragraphs follow it, and whether a page break (\x0c) came
    # since: a table cut at a page break into two (a PDF-to-Word conversion) is one table
    open_table: Optional[RawTable] = None
    open_edges: list[int] = []
    page_broke = breaks_here = False

    def close_table() -> None:
        nonlocal rows, cells, cell_parts, open_table, open_edges, page_broke
        if cells or cell_parts:  # a row left open (no row-end mark): keep what it has
            rows.append((cells + ([join_cell_lines(cell_parts)] if cell_parts else []), _Para()))
        if rows:
            made = _table(rows)
            if made is not None:
                table, edges = made
                if open_table is not None and page_broke and table_width(table) != table_width(open_table):
                    table = on_columns(table, edges, open_edges, EDGE_TOLERANCE) or table
                # a part that opens with a header row of its own (flagged), not the table's: another table
                top = [table.title] if table.title else table.rows[0]
                new_header = bool(rows) and rows[0][1].header_row and open_table is not None and \
                    [_compact(c) for c in top] != [_compact(c) for c in open_table.rows[0]]
                if open_table is not None and page_broke and not new_header \
                        and table_width(table) == table_width(open_table):
                    continue_table(open_table, table)
                else:
                    blocks.append(table)
                    open_table, open_edges = table, edges
                page_broke = False
        rows, cells, cell_parts = [], [], []

    for piece, fc0, width in chars.span(start, end):
        for i, ch in enumerate(piece):
            if ch not in (PARA, CELL):
                text.feed(ch)
                breaks_here = breaks_here or ch == PAGE_BREAK
                continue
            paragraph = text.take()
            para = props.at(fc0 + i * width)
            if ch == CELL:
                if props.known:
                    row_end = para.row_end
                else:  # no properties: a cell mark right after a cell mark ends the row
                    row_end = previous_mark == CELL and not paragraph and not cell_parts
                if row_end:
                    rows.append((cells, para))
                    cells, cell_parts = [], []
                else:
                    cell_parts.append(paragraph)
                    cells.append(join_cell_lines(cell_parts))
                    cell_parts = []
            elif para.in_table or (not props.known and cells):
                cell_parts.append(paragraph)  # a paragraph inside a cell
            else:
                close_table()
                if paragraph.strip():
                    open_table = None
                page_broke = page_broke or breaks_here
                label = props.lists.label(para.ilfo, para.ilvl) if para.ilfo > 0 else None
                if label and paragraph.strip():
                    paragraph = label + paragraph
                blocks.extend(RawLine(part, heading_level=para.level)
                              for part in paragraph.split("\n"))
            previous_mark = ch
            breaks_here = False
    tail = text.take()
    close_table()
    if tail.strip():
        blocks.extend(RawLine(part) for part in tail.split("\n"))
    return blocks


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _table(rows: list[tuple[list[str], _Para]]) -> Optional[tuple[RawTable, list[int]]]:
    """Rows of cell texts → a RawTable, and its column edges where rows carry their cell edges:
    cells are then placed on the grid of all edges (a wide cell spans columns) and vertical
    merges become row spans."""
    rows = [(cells, para) for cells, para in rows if cells]
    if not rows:
        return None
    located = all(p.edges is not None and len(p.edges) == len(c) + 1 for c, p in rows)
    grid_lines = cluster_edges([e for _, p in rows for e in p.edges], EDGE_TOLERANCE) if located else []
    out: list[Cell] = []
    header_keys: set[tuple] = set()
    header_rows = 0
    r = 0
    below: dict[int, Cell] = {}  # column → the last cell placed there (for vertical merges)
    for k, (cells, para) in enumerate(rows):
        key = tuple(re.sub(r"\s+", "", c) for c in cells if c.strip())
        if k > 0 and len(key) >= 2 and key in header_keys:
            continue  # a header row repeated inside the table
        if para.header_row or k == 0:
            header_keys.add(key)
            if para.header_row and header_rows == r:
                header_rows += 1
        for i, text in enumerate(cells):
            if located:
                col = nearest_index(grid_lines, para.edges[i])
                span = max(1, nearest_index(grid_lines, para.edges[i + 1]) - col)
            else:
                col, span = i, 1
            merge = para.merges[i] if para.merges and i < len(para.merges) else 0
            if merge == 1 and col in below and not text.strip():
                origin = below[col]
                origin.rowspan = r - origin.row + 1
                continue
            cell = Cell(r, col, text, 1, span)
            out.append(cell)
            for c in range(col, col + span):
                below[c] = cell
        r += 1
    if not located and len(rows[0][0]) == 1:  # a one-cell first row: the table's caption
        out[0].colspan = max(len(c) for c, _ in rows)
    table = build_table(out, header_rows=max(header_rows, 1), in_order=True)
    return None if table is None else (table, grid_lines)


class _Lists:
    """Word's automatic list numbers ([MS-DOC] PlfLst, PlfLfo, LVL), rendered as the DOCX
    reader renders them: the level's number text with its counters, then its follow character."""

    def __init__(self, table: bytes, fib: _Fib):
        self.levels: dict[int, list[tuple[int, str, str, str, bool]]] = {}  # lsid → per level
        self.lfo: list[int] = []  # ilfo - 1 → lsid
        self.counters: dict[int, list[Optional[int]]] = {}
        try:
            self._read(table, fib)
        except (struct.error, IndexError, ValueError):
            pass  # a broken list table: numbers stay out, headings still come by style

    def _read(self, table: bytes, fib: _Fib) -> None:
        fc, lcb = fib.fc_lcb(FCLCB_PLF_LST)
        if lcb < 2 or fc + lcb > len(table):
            return
        count = struct.unpack_from("<h", table, fc)[0]
        lists = []
        for k in range(max(count, 0)):
            base = fc + 2 + 28 * k
            lsid = struct.unpack_from("<i", table, base)[0]
            simple = table[base + 26] & 1
            lists.append((lsid, 1 if simple else 9))
        pos = fc + lcb  # the LVLs follow the PlfLst
        for lsid, n in lists:
            levels = []
            for _ in range(n):
                start, nfc, flags = struct.unpack_from("<iBB", table, pos)
                follow = table[pos + 15]
                cb_chpx, cb_papx = table[pos + 24], table[pos + 25]
                pos += 28 + cb_papx + cb_chpx
                cch = struct.unpack_from("<H", table, pos)[0]
                xst = str(table[pos + 2:pos + 2 + 2 * cch], "utf-16-le", "replace")
                pos += 2 + 2 * cch
                levels.append((start, _NFC.get(nfc, ""), xst, {0: "\t", 1: " "}.get(follow, ""),
                               bool(flags & 4)))
            self.levels[lsid] = levels
        fc, lcb = fib.fc_lcb(FCLCB_PLF_LFO)
        if lcb >= 4 and fc + lcb <= len(table):
            n = struct.unpack_from("<i", table, fc)[0]
            self.lfo = [struct.unpack_from("<i", table, fc + 4 + 16 * k)[0]
                        for k in range(max(min(n, (lcb - 4) // 16), 0))]

    def label(self, ilfo: int, ilvl: int) -> Optional[str]:
        from .docx import format_number

        if not 0 < ilfo <= len(self.lfo) or self.lfo[ilfo - 1] not in self.levels:
            return None
        lsid = self.lfo[ilfo - 1]
        levels = self.levels[lsid]
        if not 0 <= ilvl < len(levels):
            return None
        counters = self.counters.setdefault(lsid, [None] * 9)
        start, fmt, xst, follow, legal = levels[ilvl]
        counters[ilvl] = start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if fmt in ("", "bullet", "none"):
            return None
        out = []
        for ch in xst:
            k = ord(ch)
            if k < 9:  # a placeholder for the counter of level k
                if k >= len(levels):
                    return None
                value = counters[k] if counters[k] is not None else levels[k][0]
                try:
                    out.append(format_number(value, "decimal" if legal and k < ilvl else levels[k][1]))
                except ValueError:
                    return None
            else:
                out.append(ch)
        return "".join(out) + follow


# [MS-DOC] nfc codes → the names of Word's number formats (those docx.format_number renders).
_NFC = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter",
        14: "decimalFullWidth", 18: "decimalEnclosedCircle", 19: "decimalFullWidth",
        22: "decimalZero", 23: "bullet", 28: "decimalEnclosedCircleChinese",
        30: "ideographTraditional", 33: "taiwaneseCounting", 35: "taiwaneseCountingThousand",
        37: "chineseCounting", 38: "chineseLegalSimplified", 39: "chineseCountingThousand",
        11: "japaneseCounting", 255: "none"}


class _FieldFilter:
    """Collects a paragraph's text, keeping field results and dropping field codes."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.stack: list[bool] = []  # per open field: are we in its result part?

    def feed(self, ch: str) -> None:
        if ch == FIELD_BEGIN:
            self.stack.append(False)
        elif ch == FIELD_SEP:
            if self.stack:
                self.stack[-1] = True
        elif ch == FIELD_END:
            if self.stack:
                self.stack.pop()
        elif all(self.stack):
            self.out.append(ch)

    def take(self) -> str:
        text = "".join(self.out).translate(_DROP)
        self.out = []
        return text
