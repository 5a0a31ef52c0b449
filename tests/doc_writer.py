"""A small Word 97–2003 (.doc) writer for the tests, so the .doc reader is tested on every machine.

olefile only reads, so this writes the two layers by hand, following [MS-CFB] and [MS-DOC]:

- an OLE compound file (version 3, 512-byte sectors, every stream padded past the 4096-byte
  mini-stream cutoff so no mini stream is needed);
- a WordDocument stream (FIB, text pieces, PAPX FKP pages) and a 1Table stream (style sheet,
  Clx with the piece table, PlcBtePapx).

Text is cut into pieces; a piece whose text is all ASCII is stored 8-bit (fCompressed), the
rest UTF-16LE. `fast_saved=True` writes the pieces in reverse file order behind a Prc, with
fComplex set, as Word's fast save leaves a file. Tables carry sprmPFInTable on their
paragraphs, sprmPFTtp and sprmTDefTable (cell edges, vertical merges) on each row's end mark.
Headings get the built-in heading styles (sti 1–9), as Word writes them.
"""
from __future__ import annotations

import struct
from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

SECTOR = 512
ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


# ---- compound file ----------------------------------------------------------------------

def compound_file(streams: dict[str, bytes], scattered: bool = False) -> bytes:
    """An OLE compound file holding these streams under the root storage. scattered=True
    stores the streams' sectors in reverse order, so that every stream's chain runs backwards
    through the file, one sector at a time (a reader must follow the FAT, not read on)."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    body = b""
    fat: list[int] = []
    starts = {}
    for name in names:
        data = streams[name]
        if len(data) < 4096:
            data += b"\0" * (4096 - len(data))
        data += b"\0" * (-len(data) % SECTOR)
        streams[name] = data
        first = len(fat)
        count = len(data) // SECTOR
        starts[name] = first
        fat += [first + k + 1 for k in range(count - 1)] + [ENDOFCHAIN]
        body += data
    if scattered:
        last = len(fat) - 1
        fat = [fat[last - k] if fat[last - k] == ENDOFCHAIN else last - fat[last - k]
               for k in range(len(fat))]
        starts = {name: last - first for name, first in starts.items()}
        body = b"".join(body[k:k + SECTOR] for k in range(len(body) - SECTOR, -1, -SECTOR))
    # directory: root + one entry per stream, as a chain of right siblings (ascending order)
    entries = [_dir_entry("Root Entry", 5, ENDOFCHAIN, 0, child=1 if names else NOSTREAM)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else NOSTREAM
        entries.append(_dir_entry(name, 2, starts[name], len(streams[name]), right=right))
    directory = b"".join(entries)
    directory += b"\0" * (-len(directory) % SECTOR)
    dir_first = len(fat)
    n_dir = len(directory) // SECTOR
    fat += [dir_first + k + 1 for k in range(n_dir - 1)] + [ENDOFCHAIN]
    # FAT sectors: enough to describe everything, themselves included
    n_fat = 1
    while (len(fat) + n_fat) > n_fat * (SECTOR // 4):
        n_fat += 1
    fat_first = len(fat)
    fat += [FATSECT] * n_fat
    fat += [FREESECT] * (n_fat * (SECTOR // 4) - len(fat))
    assert n_fat <= 109
    difat = [fat_first + k for k in range(n_fat)] + [FREESECT] * (109 - n_fat)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, n_fat, dir_first, 0, 4096, ENDOFCHAIN, 0,
                            ENDOFCHAIN, 0)
              + struct.pack("<109I", *difat))
    assert len(header) == SECTOR
    return header + body + directory + struct.pack(f"<{len(fat)}I", *fat)


def _dir_entry(name: str, kind: int, start: int, size: int, child: int = NOSTREAM,
               right: int = NOSTREAM) -> bytes:
    encoded = name.encode("utf-16-le") + b"\0\0"
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", NOSTREAM, right, child) + b"\0" * 16 + b"\0" * 4
            + b"\0" * 16 + struct.pack("<IQ", start, size))


# ---- Word document ----------------------------------------------------------------------

@dataclass
class Paragraph:
    """One paragraph as Word stores it: its text including the mark (\\r, or \\x07 in a table)."""
    text: str
    style: int = 0                  # istd: 0 Normal, n = Heading n
    in_table: bool = False
    row_end: Optional[list[tuple[int, int]]] = None  # per cell: (width in twips, vertMerge)
    header_row: bool = False        # the row end of a header row (sprmTTableHeader)


def paragraphs_of(items) -> list[Paragraph]:
    """make_fixtures items (Para / Table) → Word paragraphs. Merged categories are written as
    Word writes them: the first cell restarts a vertical merge, the empty ones below continue it."""
    out: list[Paragraph] = []
    for item in items:
        if hasattr(item, "rows"):
            spans = {col: item.merge_spans(col) for col in item.merged_cols}
            width = len(item.rows[0])
            for r, row in enumerate(item.rows):
                merges = []
                for c in range(width):
                    state = 0
                    for first, last in spans.get(c, []):
                        if r == first:
                            state = 3
                        elif first < r <= last:
                            state = 1
                    merges.append((1200, state))
                    out.append(Paragraph(row[c] + "\x07", in_table=True))
                out.append(Paragraph("\x07", in_table=True, row_end=merges))
        else:
            out.append(Paragraph(item.text + "\r", style=item.level or 0))
    return out


def _papx(p: Paragraph) -> bytes:
    grpprl = struct.pack("<H", p.style)
    if p.in_table:
        grpprl += struct.pack("<HB", 0x2416, 1)
    if p.row_end is not None:
        grpprl += struct.pack("<HB", 0x2417, 1)
        n = len(p.row_end)
        edges, x = [0], 0
        for w, _ in p.row_end:
            x += w
            edges.append(x)
        tcs = b"".join(struct.pack("<H", vmerge << 5) + b"\0" * 18 for _, vmerge in p.row_end)
        operand = struct.pack("<B", n) + struct.pack(f"<{n + 1}h", *edges) + tcs
        grpprl += struct.pack("<HH", 0xD608, len(operand) + 1) + operand
        if p.header_row:
            grpprl += struct.pack("<HB", 0x3404, 1)
    return grpprl


def _fkp_pages(marks: list[tuple[int, bytes]], text_start: int) -> list[tuple[int, bytes]]:
    """PAPX FKP pages for (fc just past each paragraph mark, PAPX), sorted by fc."""
    pages = []
    start = text_start
    i = 0
    while i < len(marks):
        runs: list[tuple[int, bytes]] = []
        used = 4  # rgfc's final entry
        while i < len(marks):
            g = marks[i][1]
            size = len(g) + (1 if len(g) % 2 else 2)
            size += size % 2
            if used + 4 + 13 + size > 510:
                break
            runs.append(marks[i])
            used += 4 + 13 + size
            i += 1
        assert runs, "a paragraph's properties do not fit in one FKP page"
        page = bytearray(SECTOR)
        fcs = [start] + [fc for fc, _ in runs]
        struct.pack_into(f"<{len(fcs)}I", page, 0, *fcs)
        top = 511
        for k, (_, g) in enumerate(runs):
            blob = (bytes([(len(g) + 1) // 2]) + g) if len(g) % 2 else (bytes([0, len(g) // 2]) + g)
            top -= len(blob)
            top -= top % 2
            page[top:top + len(blob)] = blob
            page[4 * len(fcs) + 13 * k] = top // 2
        page[511] = len(runs)
        pages.append((start, bytes(page)))
        start = fcs[-1]
    return pages


def build_doc(paragraphs: list[Paragraph], *, fast_saved: bool = False, encrypted: bool = False,
              piece_chars: int = 700, scattered: bool = False) -> bytes:
    text = "".join(p.text for p in paragraphs)
    # pieces: runs of ASCII text are stored 8-bit, the rest UTF-16
    pieces: list[tuple[int, int, bool]] = []  # (cp from, cp to, compressed)
    cp = 0
    while cp < len(text):
        compressed = text[cp].isascii()
        end = cp + 1
        while end < len(text) and end - cp < piece_chars and text[end].isascii() == compressed:
            end += 1
        pieces.append((cp, end, compressed))
        cp = end
    fib_size = 0x400
    order = list(reversed(range(len(pieces)))) if fast_saved else list(range(len(pieces)))
    word = bytearray(fib_size)
    offsets = {}
    for k in order:
        cp0, cp1, compressed = pieces[k]
        offsets[k] = len(word)
        word += text[cp0:cp1].encode("cp1252" if compressed else "utf-16-le")
    text_end = len(word)
    # paragraph properties, keyed by the file offset just past each paragraph mark
    marks = []
    cp = 0
    ends = [b for _, b, _ in pieces]
    for p in paragraphs:
        cp += len(p.text)
        k = bisect_left(ends, cp)  # the piece holding the mark: a < cp <= b
        cp0, _, compressed = pieces[k]
        marks.append((offsets[k] + (cp - cp0) * (1 if compressed else 2), _papx(p)))
    marks.sort()  # by file offset: with fast-saved pieces out of order, runs still cover the file
    word += b"\0" * (-len(word) % SECTOR)
    fkps = _fkp_pages(marks, fib_size)
    bte_fcs, bte_pns = [], []
    for first_fc, page in fkps:
        bte_fcs.append(first_fc)
        bte_pns.append(len(word) // SECTOR)
        word += page
    bte = struct.pack(f"<{len(fkps) + 1}I", *bte_fcs, marks[-1][0]) + struct.pack(
        f"<{len(fkps)}I", *bte_pns)
    # the table stream: style sheet, Clx, PlcBtePapx
    table = bytearray()
    stsh = _style_sheet()
    fc_stsh = len(table)
    table += stsh
    plc = struct.pack(f"<{len(pieces) + 1}I", *([a for a, _, _ in pieces] + [len(text)])) + b"".join(
        struct.pack("<HIH", 0, offsets[k] * 2 | 0x40000000 if compressed else offsets[k], 0)
        for k, (_, _, compressed) in enumerate(pieces))
    clx = b""
    if fast_saved:
        prl = struct.pack("<HB", 0x2416, 0)  # a Prc, as fast saves leave them
        clx += struct.pack("<Bh", 1, len(prl)) + prl
    clx += struct.pack("<BI", 2, len(plc)) + plc
    fc_clx = len(table)
    table += clx
    fc_bte = len(table)
    table += bte
    # the FIB
    flags = 0x0200 | (0x0004 if fast_saved else 0) | (0x0100 if encrypted else 0)
    fib = bytearray(struct.pack("<HHHHHH", 0xA5EC, 0x00C1, 0, 0x0804, 0, flags))
    fib += b"\0" * (0x20 - len(fib))
    fib += struct.pack("<H", 14) + b"\0" * 28
    lw = [0] * 22
    lw[0] = text_end
    lw[3] = len(text)
    fib += struct.pack("<H", 22) + struct.pack("<22i", *lw)
    fclcb = [0] * (93 * 2)
    fclcb[2 * 1], fclcb[2 * 1 + 1] = fc_stsh, len(stsh)
    fclcb[2 * 13], fclcb[2 * 13 + 1] = fc_bte, len(bte)
    fclcb[2 * 33], fclcb[2 * 33 + 1] = fc_clx, len(clx)
    fib += struct.pack("<H", 93) + struct.pack(f"<{93 * 2}I", *fclcb) + struct.pack("<H", 0)
    assert len(fib) <= fib_size
    word[:len(fib)] = fib
    return compound_file({"WordDocument": bytes(word), "1Table": bytes(table)}, scattered)


def _style_sheet() -> bytes:
    names = ["Normal"] + [f"heading {n}" for n in range(1, 10)]
    stshi = struct.pack("<HH", len(names), 10) + b"\0" * 14
    out = struct.pack("<H", len(stshi)) + stshi
    for sti, name in enumerate(names):
        std = struct.pack("<HHHHH", sti, 1 << 0, 0, 0, 0)  # sti; stk paragraph
        std += struct.pack("<H", len(name)) + name.encode("utf-16-le") + b"\0\0"
        out += struct.pack("<H", len(std)) + std
    return out


def write_doc(items, path, **options) -> None:
    path.write_bytes(build_doc(paragraphs_of(items), **options))
