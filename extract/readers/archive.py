"""ZIP-based inputs (DOCX, OFD): bounded unpacking and bounded XML, shared by their readers.

A ZIP's central directory declares each member's unpacked size, and Python's zipfile never
unpacks a member past that size (a member that lies about it fails its CRC check). So checking
the declared sizes before anything is unpacked bounds the work: an archive is refused when its
members would unpack to more than the size limit (`--max-mb` counts the unpacked contents too),
or when one large member expands far more than documents do (a zip bomb). Both checks read only
the directory, so a bomb fails in milliseconds, not after minutes of inflating.

XML is parsed with libxml2's own limits kept (nesting depth 256, text nodes 10 MB), without
entity expansion or network access; hitting a limit is a clear error, never a silent cut.

    from .archive import open_zip, read_member, parse_xml
    zf = open_zip(data, path, OfdBroken, "an OFD file", max_bytes)
    root = parse_xml(read_member(zf, "Doc_0/Pages/Page_0/Content.xml", path), path, "Content.xml")
"""
from __future__ import annotations

import io
import zipfile
import zlib
from typing import Optional

from ..errors import ArchiveTooLarge, NestingTooDeep, PlanExtractError

# A member over BOMB_MIN_BYTES unpacked that expands more than BOMB_RATIO times is a zip bomb:
# WordprocessingML and OFD XML compress 5–20×, images and fonts hardly at all.
BOMB_RATIO = 100
BOMB_MIN_BYTES = 10_000_000
# Without a size limit (max_bytes None), still never unpack more than this.
DEFAULT_MAX_UNPACKED = 1_000_000_000


def open_zip(data: bytes, path: str, broken: type[PlanExtractError], what: str,
             max_bytes: Optional[int] = None) -> zipfile.ZipFile:
    """The archive, after its directory has been checked against the limits.

    `broken` is the format's own error (DocxBroken …) for an archive that does not open;
    `what` names the format in messages ("a DOCX file")."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError) as e:
        raise broken(f"is not a readable ZIP archive, so not {what} ({e})", path) from None
    check_unpacked_size(zf, path, what, max_bytes)
    return zf


def check_unpacked_size(zf: zipfile.ZipFile, path: str, what: str,
                        max_bytes: Optional[int] = None) -> None:
    """Raise ArchiveTooLarge (E403) when the declared unpacked sizes are beyond the limits."""
    limit = max_bytes if max_bytes else DEFAULT_MAX_UNPACKED
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > BOMB_MIN_BYTES and info.file_size > BOMB_RATIO * max(info.compress_size, 1):
            raise ArchiveTooLarge(
                f"is {what} whose part {info.filename!r} would unpack from "
                f"{info.compress_size / 1e6:.1f} MB to {info.file_size / 1e6:.0f} MB "
                f"(over {BOMB_RATIO}× its packed size: a zip bomb?); not unpacked", path)
    if total > limit:
        raise ArchiveTooLarge(
            f"is {what} that would unpack to {total / 1e6:.0f} MB, over the size limit of "
            f"{limit / 1e6:.0f} MB (raise it with --max-mb)", path)


def read_member(zf: zipfile.ZipFile, name: str, path: str,
                broken: Optional[type[PlanExtractError]] = None) -> bytes:
    """One member's bytes, never more than its declared size (zipfile stops there and a
    member that lies fails its CRC). Missing or damaged members raise `broken` if given."""
    try:
        return zf.read(name)
    except (KeyError, zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError,
            zlib.error) as e:  # zlib.error: compressed bytes that do not inflate
        if broken is None:
            raise
        raise broken(f"has a damaged or missing part {name!r} ({e})", path) from None


def xml_parser():
    """An lxml parser with libxml2's limits on, and no entities or network."""
    from lxml import etree
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           remove_blank_text=False)


def parse_xml(data: bytes, path: str, part: str, broken: Optional[type[PlanExtractError]] = None):
    """Parse one XML part; NestingTooDeep (E404) when it passes libxml2's limits, `broken`
    (if given) for any other syntax error."""
    from lxml import etree
    try:
        return etree.fromstring(data, parser=xml_parser())
    except etree.XMLSyntaxError as e:
        raise_if_limit(e, path, part)
        if broken is None:
            raise
        raise broken(f"has a damaged XML part {part!r} ({e})", path) from None


def raise_if_limit(error: Exception, path: str, part: str) -> None:
    """Turn libxml2's resource-limit errors (depth over 256, a text node over 10 MB) into E404."""
    text = str(error)
    if "Excessive depth" in text or "XML_PARSE_HUGE" in text or "Resource limit" in text \
            or "huge input lookup" in text:
        raise NestingTooDeep(
            f"has an XML part {part!r} beyond the parser's limits (elements nested over 256 "
            f"deep, or one text node over 10 MB): {text.splitlines()[0][:200]}", path) from None
