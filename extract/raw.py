"""What every reader produces: the same RawDocument, whatever the input format.

These types sit beside the model, under both the readers and the stages: the state and the
stages use them without importing any reader.

A reader's only job is to get the document's lines and real tables out of its container, in
reading order, with the signals the format carries (page, heading style, bold lead). It does not
clean text: that is the normalizer's job, so one set of rules serves every format.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union


@dataclass(slots=True)
class RawLine:
    text: str
    page: Optional[int] = None          # 1-based, where the input has pages
    heading_level: Optional[int] = None  # a style/outline-level signal (Markdown #, Word Heading n)
    bold: bool = False                  # the whole line is bold (a signal, not text)
    ends_paragraph: bool = False        # the container ends a paragraph here (DOCX): never joined on


@dataclass
class RawTable:
    """A table the container itself knows (DOCX table, ruled PDF table). Cells are plain text."""
    rows: list[list[str]]
    pages: list[int] = field(default_factory=list)
    header_rows: int = 1
    # vertically merged cells already filled in by the reader: a merged category applies to all rows
    title: Optional[str] = None
    # (row, column) → columns spanned, for a cell merged across columns (its text is in the first
    # column, "" in the others); and the page each row is printed on, where the input has pages
    wide: dict[tuple[int, int], int] = field(default_factory=dict)
    row_pages: list[int] = field(default_factory=list)
    # where cells' text sits, for a table a page break may cut (PDF, OFD: see readers.grid.ink_fit):
    # the columns whose cell at the table's foot is filled down to its bottom rule (its text may
    # run on past the break), and (row, column) of cells printed from their top rule with room
    # left below (not centred: maybe the rest of a label cut at the foot of the page before)
    full_at_foot: set[int] = field(default_factory=set)
    from_top: set[tuple[int, int]] = field(default_factory=set)
    # (row, column) of cells whose text fills them from the top rule to the bottom one (centred
    # or printed from the top: the two look the same)
    filled: set[tuple[int, int]] = field(default_factory=set)
    # row → the columns its cells reach, for a row that prints fewer cells than the table has
    # columns and no cell over the rest (an HTML <tr> with a <td> left out, a Word row of fewer
    # cells): which of its cells belongs to which column is read from what they are
    short: dict[int, int] = field(default_factory=dict)


Block = Union[RawLine, RawTable]


@dataclass
class RawDocument:
    path: str
    format: str                 # txt | md | docx | doc | pdf | html | ofd
    sha256: str
    blocks: list[Block]
    encoding: Optional[str] = None
    pages: Optional[int] = None  # page count, pdf only
    size: int = 0
    # problems the reader got past (a page it could not load …): (code, message) each
    warnings: list[tuple[str, str]] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages (or images) read by OCR
    # pages whose text layer is glyph codes, not text (readers.common): what OCR should read
    unreadable_pages: list[int] = field(default_factory=list)
