"""The document as it moves through the stages: each stage fills its own layer."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal, Optional

from .model import Box, Heading, Indicator, Meta, Project, Table, Task, Warning
from .raw import RawDocument, RawTable

ParaKind = Literal["text", "cell", "row", "table"]
# text: prose or heading · cell: one table cell per line (tab-led, or the wrap of such a cell)
# row: a table row flattened to whitespace-separated words · table: a reader's real table


@dataclass(slots=True)
class Para:
    """One line of the normalized text (paragraphs are joined by '\\n')."""
    start: int
    end: int
    kind: ParaKind = "text"
    page: Optional[int] = None
    heading_level: Optional[int] = None  # style signal from the reader (Markdown #, Word heading)
    bold_lead: int = 0                   # length of a bold run-in lead at the start, 0 if none
    blank_before: bool = False           # a blank line (or page break) preceded it in the input
    table: Optional[RawTable] = None
    block: Optional[int] = None          # index of the reader block it came from (the first, when joined)


@dataclass
class NormText:
    text: str
    paras: list[Para]
    page_offsets: list[tuple[int, int]] = field(default_factory=list)  # (offset, page) ascending

    def para_text(self, para: Para) -> str:
        return self.text[para.start:para.end]

    def page_at(self, offset: int) -> Optional[int]:
        if not self.page_offsets:
            return None
        i = bisect.bisect_right(self.page_offsets, (offset, 1 << 30)) - 1
        return self.page_offsets[max(i, 0)][1]


@dataclass(slots=True)
class TableRow:
    """What the tables stage knows of a table row beyond its cells."""
    page: Optional[int] = None          # the page the row is printed on
    group: Optional[str] = None         # the sub-heading row above it (结果性指标), or None
    is_group: bool = False              # the row is such a sub-heading itself


@dataclass
class FrontMatter:
    """What precedes the body: the issuing notice, the title block, the table of contents."""
    body_start: int = 0                     # index of the first body paragraph
    notice: list[int] = field(default_factory=list)   # paragraph indexes of the notice
    toc: list[int] = field(default_factory=list)      # paragraph indexes of the TOC
    title_paras: list[int] = field(default_factory=list)
    tail_start: Optional[int] = None        # first paragraph of trailing 抄送/印发 lines
    site: list[int] = field(default_factory=list)     # a web page's metadata lines (索引号：…)


@dataclass
class State:
    raw: RawDocument
    deadline: Optional[float] = None
    norm: NormText = field(default_factory=lambda: NormText("", []))
    front: FrontMatter = field(default_factory=FrontMatter)
    outline: list[Heading] = field(default_factory=list)
    heading_para: dict[str, int] = field(default_factory=dict)   # heading id → paragraph index
    boxes: list[Box] = field(default_factory=list)
    box_paras: dict[str, tuple[int, int]] = field(default_factory=dict)  # box id → para range
    tables: list[Table] = field(default_factory=list)
    table_paras: dict[str, tuple[int, int]] = field(default_factory=dict)
    table_rows: dict[str, list[TableRow]] = field(default_factory=dict)   # table id → per row
    indicators: list[Indicator] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)
    warnings: list[Warning] = field(default_factory=list)
    _heading_starts: list[int] = field(default_factory=list, repr=False)

    def warn(self, code: str, message: str, span: tuple[int, int] | None = None) -> None:
        self.warnings.append(Warning(code=code, message=message, span=span))

    def section_at(self, offset: int) -> Optional[str]:
        """Id of the nearest heading whose span starts at or before offset."""
        if len(self._heading_starts) != len(self.outline):
            self._heading_starts = [h.span[0] for h in self.outline]
        i = bisect.bisect_right(self._heading_starts, offset) - 1
        return self.outline[i].id if i >= 0 else None
