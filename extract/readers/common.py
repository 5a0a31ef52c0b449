"""What every reader's output goes through before anything else reads it: the code-point layer.

Applied once, in `readers.read`, to every format (text, Markdown, HTML, DOCX, PDF and the text
OCR adds), so no stage ever sees a Kangxi radical or an icon-font glyph:

1. a page whose text layer is unreadable (`(cid:NN)` codes, private-use or replacement
   characters) is named in a warning and listed in `RawDocument.unreadable_pages`, the signal
   OCR hooks on (`page_unreadable` decides it for one page's text);
2. radical and compatibility ideographs fold to unified ideographs, one code point for one
   (lexicon.codepoints), so offsets in the text stay offsets in what was printed;
3. private-use glyphs and `(cid:NN)` codes are removed, with one warning saying how many;
4. characters with no glyph (zero-width spaces and joiners, a mid-text byte-order mark, a soft
   hyphen) are removed: a web page's `\u200b一、发展基础` is a heading like any other.
"""
from __future__ import annotations

from collections import defaultdict

from ..lexicon.codepoints import (CID, FOLDABLE, FULL_WIDTH_DIGIT, INVISIBLE, PRIVATE_USE, fold_code_points,
                                  fold_digits, strip_private_use, unreadable)
from ..raw import RawDocument, RawLine, RawTable

page_unreadable = unreadable


def finish(doc: RawDocument) -> RawDocument:
    _mark_unreadable_pages(doc)
    if not _needs_cleaning(doc):
        return doc
    removed = cids = 0
    for block in doc.blocks:
        if isinstance(block, RawLine):
            block.text, n, c = _clean(block.text)
            removed, cids = removed + n, cids + c
        elif isinstance(block, RawTable):
            for row in block.rows:
                for k, cell in enumerate(row):
                    row[k], n, c = _clean(cell)
                    removed, cids = removed + n, cids + c
            if block.title:
                block.title, n, c = _clean(block.title)
                removed, cids = removed + n, cids + c
    if removed:
        doc.warnings.append(("text.private_use", f"{removed} private-use character(s) removed "
                                                 "(icon-font glyphs with no text meaning)"))
    if cids:
        doc.warnings.append(("text.cid_codes", f"{cids} unmapped glyph code(s) such as (cid:12) removed: "
                                               "the converter could not read those characters"))
    return doc


def _needs_cleaning(doc: RawDocument) -> bool:
    """One pass over the whole text: most documents have nothing to fold or remove."""
    parts = []
    for block in doc.blocks:
        if isinstance(block, RawLine):
            parts.append(block.text)
        elif isinstance(block, RawTable):
            parts.extend(cell for row in block.rows for cell in row)
            parts.append(block.title or "")
    text = "\n".join(parts)
    return "(cid:" in text or bool(FOLDABLE.search(text)) or bool(PRIVATE_USE.search(text)) \
        or bool(INVISIBLE.search(text)) or bool(FULL_WIDTH_DIGIT.search(text))


def _clean(text: str) -> tuple[str, int, int]:
    text = fold_digits(fold_code_points(text))
    text = INVISIBLE.sub("", text)   # no glyph, no meaning: `\u200b一、` is `一、`
    text, n = strip_private_use(text)
    c = 0
    if "(cid:" in text:
        text, c = CID.subn("", text)
    return text, n, c


def _mark_unreadable_pages(doc: RawDocument) -> None:
    pages: dict[int, list[str]] = defaultdict(list)
    for block in doc.blocks:
        if isinstance(block, RawLine) and block.page is not None:
            pages[block.page].append(block.text)
    for page in sorted(pages):
        if page not in doc.unreadable_pages and page_unreadable("\n".join(pages[page])):
            doc.unreadable_pages.append(page)
    for page in doc.unreadable_pages:
        if page not in doc.ocr_pages:
            doc.warnings.append(("page.unreadable", f"page {page}: the text layer is unreadable (glyph "
                                                    "codes or private-use characters, not text); "
                                                    "its text is missing unless OCR reads the page"))
