"""OFD (GB/T 33190, the national fixed-layout format of e-government documents).

An OFD file is a ZIP of XML parts: OFD.xml names each document's root (DocBody/DocRoot →
Doc_0/Document.xml), whose Pages list each page's Content.xml (BaseLoc). A page's text is in
TextObject elements (a Boundary box “x y w h” in millimetres, a Size, a Weight) holding TextCode
elements (X, Y of the baseline, relative to the box). Layers and PageBlocks nest them.

Lines are built as the PDF reader builds them from text objects: each TextCode becomes a piece
of text at its place on the page; pieces side by side form one printed line; lines run top to
bottom. Pages are kept (1-based, in the document's page order). Template pages (running
headers and footers drawn on every page) are not read. Ruled tables are drawn as paths in OFD,
not stored as tables: their text comes out as lines, cell by cell along each row.

The ZIP is read within bounds (readers/archive.py, shared with DOCX: the declared unpacked sizes
checked before anything is unpacked, E403), at most MAX_MEMBERS parts and MAX_PART bytes a part,
and every part's XML is parsed without entities or network access (E404 past libxml2's limits).
"""
from __future__ import annotations

import posixpath
import zipfile
from typing import Optional

from ..errors import EmptyInput, OfdBroken
from ..raw import RawDocument, RawLine
from .archive import open_zip, parse_xml, read_member
from .grid import join_cell_lines

OFD_NS = "http://www.ofdspec.org/2016"
MAX_MEMBERS = 20_000
MAX_UNPACKED = 1024 * 1024 * 1024  # bytes read from all XML parts together
MAX_PART = 64 * 1024 * 1024       # bytes, one XML part
BOLD_WEIGHT = 600


def read_ofd(path: str, data: bytes, sha256: str) -> RawDocument:
    archive = _open(path, data)
    budget = [MAX_UNPACKED]
    root = _xml(archive, "OFD.xml", path, budget)
    blocks: list[RawLine] = []
    warnings: list[tuple[str, str]] = []
    page_number = 0
    image_pages: list[int] = []
    bodies = [el for el in root if _local(el.tag) == "DocBody"]
    for body in bodies:
        doc_root = next((el.text for el in body if _local(el.tag) == "DocRoot" and el.text), None)
        if not doc_root:
            continue
        doc_path = doc_root.strip().lstrip("/")
        if any(_local(el.tag) == "Encryptions" for el in body) or \
                _member(archive, posixpath.join(posixpath.dirname(doc_path), "Encryptions.xml")):
            raise OfdBroken("is an encrypted OFD; decrypt it first", path)
        document = _xml(archive, doc_path, path, budget)
        base = posixpath.dirname(doc_path)
        for page in document.iter(f"{{{OFD_NS}}}Page"):
            loc = page.get("BaseLoc")
            if not loc:
                continue
            page_number += 1
            part = loc.lstrip("/") if loc.startswith("/") else posixpath.normpath(
                posixpath.join(base, loc))
            try:
                content = _xml(archive, part, path, budget)
            except OfdBroken as e:
                if "over the size limit" in e.message:
                    raise
                warnings.append(("reader.ofd_page", f"page {page_number} cannot be read "
                                 f"({e.message}); it is left out"))
                continue
            lines = _page_lines(content, page_number)
            if not lines and next(content.iter(f"{{{OFD_NS}}}ImageObject"), None) is not None:
                image_pages.append(page_number)
            blocks.extend(lines)
    if image_pages and len(image_pages) < page_number:
        warnings.append(("reader.image_only_pages",
                         f"page{'s' if len(image_pages) > 1 else ''} "
                         f"{', '.join(map(str, image_pages))} of the OFD "
                         f"{'hold' if len(image_pages) > 1 else 'holds'} only images (scans) and "
                         f"{'were' if len(image_pages) > 1 else 'was'} not read: OCR reads PDF "
                         "pages only"))
    if page_number == 0:
        raise OfdBroken("has no pages (no Document.xml with Pages)", path)
    if not any(b.text.strip() for b in blocks):
        raise EmptyInput("is an OFD with no text (perhaps scanned page images; OCR reads PDF "
                         "pages only: print it to PDF to read it by OCR)", path)
    return RawDocument(path=path, format="ofd", sha256=sha256, blocks=list(blocks),
                       pages=page_number, size=len(data), warnings=warnings)


def _open(path: str, data: bytes) -> zipfile.ZipFile:
    archive = open_zip(data, path, OfdBroken, "an OFD file")  # bounded from the ZIP directory
    if len(archive.infolist()) > MAX_MEMBERS:
        raise OfdBroken(f"has {len(archive.infolist())} parts, over the limit of {MAX_MEMBERS}",
                        path)
    if not _member(archive, "OFD.xml"):
        raise OfdBroken("is a ZIP archive without OFD.xml, not an OFD document", path)
    return archive


def _member(archive: zipfile.ZipFile, name: str) -> Optional[zipfile.ZipInfo]:
    try:
        return archive.getinfo(name)
    except KeyError:
        lower = name.lower()  # some writers differ in case from what their XML says
        return next((i for i in archive.infolist() if i.filename.lower() == lower), None)


def _xml(archive: zipfile.ZipFile, name: str, path: str, budget: list[int]):
    info = _member(archive, name)
    if info is None:
        raise OfdBroken(f"lacks its part {name}", path)
    if info.file_size > MAX_PART or info.file_size > budget[0]:
        raise OfdBroken(f"has a part {name} over the size limit", path)
    raw = read_member(archive, info.filename, path, OfdBroken)
    budget[0] -= len(raw)
    return parse_xml(raw, path, name, OfdBroken)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _numbers(value: Optional[str]) -> list[float]:
    out = []
    for v in (value or "").replace(",", " ").split():
        try:
            out.append(float(v))
        except ValueError:
            return []
    return out


def _page_lines(content, page_number: int) -> list[RawLine]:
    from .pdf import PlacedLine, group_rows

    pieces: list[PlacedLine] = []
    for obj in content.iter(f"{{{OFD_NS}}}TextObject"):
        box = _numbers(obj.get("Boundary"))
        x0, y0 = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
        size = (_numbers(obj.get("Size")) or [3.5])[0]
        bold = (_numbers(obj.get("Weight")) or [400])[0] >= BOLD_WEIGHT
        x = y = 0.0
        for code in obj.iter(f"{{{OFD_NS}}}TextCode"):
            text = "".join(code.itertext())
            x = (_numbers(code.get("X")) or [x])[0]
            y = (_numbers(code.get("Y")) or [y])[0]
            if text.strip():
                baseline = y0 + y
                pieces.append(PlacedLine(text.strip(), x0 + x, baseline - size, baseline, bold))
    # pieces of one line (often a TextCode per character or per run) join like a cell's lines:
    # nothing between CJK characters, a space between Latin words
    return [RawLine(join_cell_lines([p.text for p in sorted(row.parts, key=lambda p: p.x0)]),
                    page=page_number, bold=row.bold) for row in group_rows(pieces)]
