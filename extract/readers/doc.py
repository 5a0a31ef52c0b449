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
"""
from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass
from typing import Optional

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
    props = _ParagraphProps(word, table, fib, table_stream.get("Data", b""))
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


def _open(path: str, data: bytes) -> tuple[bytes, dict[str, bytes]]:
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
            word = ole.openstream("WordDocument").read()
            tables = {name: ole.openstream(name).read()
                      for name in ("0Table", "1Table", "Data") if name in streams}
        except Exception as e:
            raise DocDamaged(f"is a damaged Word document; a stream cannot be read "
                             f"({type(e).__name__}: {e})", path) from None
    finally:
        ole.close()
    return word, tables


class _Fib:
    def __init__(self, word: bytes, path: str):
        if len(word) < 0x20 or struct.unpack_from("<H", word, 0)[0] != WORD_IDENT:
            raise NotWordDocument("has a WordDocument stream that does not start with a Word "
                                  "header (not a Word 97-2003 document)", path)
        self.flags = struct.unpack_from("<H", word, FIB_FLAGS)[0]
        self.table_name = "1Table" if self.flags & F_WHICH_TBL else "0Table"
        try:
            pos = 0x20
            csw = struct.unpack_from("<H", word, pos)[0]
            pos += 2 + 2 * csw
            cslw = struct.unpack_from("<H", word, pos)[0]
            lw = struct.unpack_from(f"<{cslw}i", word, pos + 2)
            pos += 2 + 4 * cslw
            cb_fclcb = struct.unpack_from("<H", word, pos)[0]
            self.fclcb = struct.unpack_from(f"<{2 * cb_fclcb}I", word, pos + 2)
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


def _pieces(word: bytes, table: bytes, fib: _Fib, path: str) -> list[tuple[int, int, int, bool]]:
    """The piece table: (first cp, last cp, byte offset in WordDocument, 8-bit) per piece."""
    fc, lcb = fib.fc_lcb(FCLCB_CLX)
    if lcb == 0 or fc + lcb > len(table):
        raise DocDamaged("has no readable piece table (Clx); the file is damaged or truncated",
                         path)
    clx = table[fc:fc + lcb]
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
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces = []
    for k in range(n):
        fc_raw = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
        compressed = bool(fc_raw & 0x40000000)
        offset = (fc_raw & 0x3FFFFFFF) // 2 if compressed else fc_raw & 0x3FFFFFFF
        if cps[k + 1] > cps[k]:
            pieces.append((cps[k], cps[k + 1], offset, compressed))
    return pieces


class _Text:
    """Characters by position, with the file offset (FC) of each, through the piece table."""

    def __init__(self, word: bytes, pieces: list):
        self.word = word
        self.pieces = pieces
        self.missing = 0

    def span(self, start: int, end: int) -> list[tuple[str, int]]:
        """(text, fc of its first byte, bytes per char) for the pieces covering [start, end)."""
        out = []
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
            text = raw.decode("cp1252", errors="replace") if compressed \
                else raw.decode("utf-16-le", errors="replace")
            out.append((text, first, width))
        return out


class _ParagraphProps:
    """Paragraph properties at a paragraph mark's file offset: in a table, row end, heading."""

    def __init__(self, word: bytes, table: bytes, fib: _Fib, data: bytes = b""):
        self.data = data  # the Data stream: large paragraph properties (sprmPHugePapx)
        self.runs: list[tuple[int, int, bytes]] = []  # (fc from, fc to, istd + grpprl)
        self.styles: dict[int, Optional[int]] = {}
        try:
            self._read_fkps(word, table, fib)
            self._read_styles(table, fib)
        except (struct.error, IndexError, ValueError):
            pass  # without properties: tables found from the marks alone, headings by numbering
        self.lists = _Lists(table, fib)
        self.runs.sort()
        self._starts = [r[0] for r in self.runs]

    @property
    def known(self) -> bool:
        return bool(self.runs)

    def _read_fkps(self, word: bytes, table: bytes, fib: _Fib) -> None:
        fc, lcb = fib.fc_lcb(FCLCB_BTE_PAPX)
        if lcb < 8 or fc + lcb > len(table):
            return
        n = (lcb - 4) // 8
        for k in range(n):
            pn = struct.unpack_from("<I", table, fc + 4 * (n + 1) + 4 * k)[0] & 0x3FFFFF
            page = word[pn * 512:(pn + 1) * 512]
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
                self.runs.append((fcs[i], fcs[i + 1], papx))

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
                name = std[cb_base + 2:cb_base + 2 + 2 * cch].decode("utf-16-le", errors="replace")
                match = HEADING_NAME.match(name.strip())
                level = int(match.group(1)) if match else None
            self.styles[istd] = level

    def at(self, fc: int) -> "_Para":
        """The properties of the paragraph whose mark is at file offset fc."""
        from bisect import bisect_right

        para = _Para()
        k = bisect_right(self._starts, fc) - 1
        if k < 0 or not self.runs[k][0] <= fc < self.runs[k][1]:
            return para
        papx = self.runs[k][2]
        if len(papx) < 2:
            return para
        para.level = self.styles.get(struct.unpack_from("<H", papx, 0)[0])
        grpprl = papx[2:]
        for sprm, operand in _sprms(papx[2:]):
            if sprm == SPRM_P_HUGE_PAPX and len(operand) == 4:  # the rest lies in the Data stream
                at = struct.unpack("<I", operand)[0]
                if at + 2 <= len(self.data):
                    size = struct.unpack_from("<H", self.data, at)[0]
                    grpprl = grpprl + self.data[at + 2:at + 2 + size]
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
    table = build_table(out, header_rows=max(header_rows, 1))
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
                xst = table[pos + 2:pos + 2 + 2 * cch].decode("utf-16-le", errors="replace")
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
