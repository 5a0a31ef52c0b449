"""HTML: block elements become lines, <h1>–<h6> heading levels, data tables RawTables.

The page is laid out the way a browser would break it into lines (whitespace collapsed, a
line break between two Chinese characters in the source dropped, as CSS does), and nothing
more: boilerplate such as menus and 访问量 counters stays for the normalizer to judge.
Tables that only lay out the page (they hold other tables, or have a single column) are read
as running text; the others become RawTables with rowspan/colspan filled.
"""
from __future__ import annotations

import re
from typing import Optional

from ..errors import EmptyInput, NestingTooDeep
from ..raw import Block, RawDocument, RawLine, RawTable
from .grid import Cell, build_table, join_cell_lines
from .text import decode, strip_nul

BLOCK_TAGS = {"address", "article", "aside", "blockquote", "body", "center", "dd", "details",
              "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
              "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "legend", "li",
              "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "ul", "caption",
              "tbody", "thead", "tfoot", "tr", "td", "th"}
HIDDEN_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link",
               "object", "embed", "iframe", "select", "option", "textarea", "button", "svg", "math"}
BOLD_TAGS = {"b", "strong"}
HEADINGS = {f"h{n}": n for n in range(1, 7)}

_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]"
_SEGMENT_BREAK_IN_CJK = re.compile(rf"(?<={_CJK})[ \t\r\f]*\n[ \t\r\n\f]*(?={_CJK})")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # not NBSP, not the ideographic space
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_GB_ALIASES = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "hz-gb-2312"}


def read_html(path: str, data: bytes, sha256: str) -> RawDocument:
    notes: list[tuple[str, str]] = []
    text, encoding = _decode(data, path, notes)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str with an encoding declaration
    blocks = _parse(text, path, notes)
    del text
    if not any(b.text.strip() if isinstance(b, RawLine) else b.rows for b in blocks):
        raise EmptyInput("is an HTML file with no visible text", path)
    return RawDocument(path=path, format="html", sha256=sha256, blocks=blocks,
                       encoding=encoding, size=len(data), warnings=notes)


# Inline formatting that broken pages leave open by the thousand (<font> from old editors):
# taken out when the page nests past the parser's depth limit, so the text under it is read.
_INLINE_TAGS = re.compile(r"</?(?:font|span|b|strong|i|em|u|a|small|big|sup|sub|s|strike|o:p)\b[^>]*>",
                          re.IGNORECASE)


def _parse(text: str, path: str, notes: list[tuple[str, str]]) -> list[Block]:
    """The page's lines and tables, with nothing dropped: libxml2's HTML parser without its 10 MB
    cap on a text node (huge_tree), and its error log read. The parser builds no tree: it hands
    its events (an element opens, text, an element closes) to a _Page as it reads, so memory
    holds the lines made so far and the open elements, never the page's tree (only a table's
    own, until it is known to be a data table). A fatal error means the parser stopped and the
    rest of the page is missing (elements nested past 2048): the page is parsed again without
    its inline formatting tags, and refused (E404) if it still does not parse whole."""
    from lxml import etree

    source = text
    for attempt in range(2):
        page = _Page()
        parser = etree.HTMLParser(target=page, huge_tree=True)
        try:
            etree.fromstring(source, parser=parser)
        except (etree.ParserError, ValueError):
            raise EmptyInput("is an HTML file with no content", path) from None
        if not page.elements:  # what lxml.html calls an empty document
            raise EmptyInput("is an HTML file with no content", path)
        fatal = [e for e in parser.error_log if e.level_name == "FATAL"]
        if not fatal:
            return page.blocks()
        if attempt:
            raise NestingTooDeep(f"is an HTML page the parser cannot read to the end even without "
                                 f"its inline formatting tags ({fatal[0].message.strip()}, line "
                                 f"{fatal[0].line})", path)
        notes.append(("html.nesting", f"elements nested too deep for the parser "
                                      f"({fatal[0].message.strip()}, line {fatal[0].line}): inline "
                                      "formatting tags (font, span, b …) were removed to read the "
                                      "whole page, so bold is not known"))
        del page
        source = _INLINE_TAGS.sub("", text)
    raise AssertionError("unreachable")


def _decode(data: bytes, path: str, notes: list[tuple[str, str]]) -> tuple[str, str]:
    """The charset the page declares, else what readers.text.decode detects. NULs removed."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        match = _META_CHARSET.search(data[:8192])
        if match:
            name = match.group(1).decode("ascii", "replace").lower()
            name = "gb18030" if name in _GB_ALIASES else name  # GB18030 is a superset of both
            try:
                return strip_nul(data.decode(name), notes), name
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common; fall back to detection
    return decode(data, path, notes)


class _Builder:
    """Lines from a page's events: block elements and <br> end a line, <h1>–<h6> and bold are
    carried down to the text inside them."""

    def __init__(self):
        self.blocks: list[Block] = []
        self.pieces: list[tuple[str, bool]] = []  # inline text of the line being built
        self.heading: Optional[int] = None
        self.frames: list[tuple[bool, Optional[int], bool, bool]] = []  # (bold, heading, pre, block)
        self.skip = 0               # depth inside a subtree that is not read (hidden, under <br>)
        self.recording: Optional[list[tuple]] = None  # the events of a table not yet closed
        self.recording_depth = 0

    def flush(self) -> None:
        if self.pieces:
            text = "".join(t for t, _ in self.pieces)
            text = _HTML_SPACE.sub(" ", _SEGMENT_BREAK_IN_CJK.sub("", text)).strip()
            inked = [bold for t, bold in self.pieces if t.strip()]
            if text:
                self.blocks.append(RawLine(text, heading_level=self.heading,
                                           bold=bool(inked) and all(inked)))
            self.pieces = []

    def add(self, text: Optional[str], bold: bool, heading: Optional[int], pre: bool) -> None:
        if not text:
            return
        if pre:
            lines = text.split("\n")
            for k, line in enumerate(lines):
                if k:
                    self.flush_pre()
                self.pieces.append((line, bold))
                self.heading = heading
            return
        if not self.pieces:
            self.heading = heading
        self.pieces.append((text, bold))

    def flush_pre(self) -> None:
        """A line of <pre> keeps its spaces."""
        inked = [bold for t, bold in self.pieces if t.strip()]
        self.blocks.append(RawLine("".join(t for t, _ in self.pieces).rstrip(),
                                   heading_level=self.heading, bold=bool(inked) and all(inked)))
        self.pieces = []

    # --- the page as events, in document order: an element opens, text, an element closes ----
    # (the parser's own, or a table's tree walked by _tree_events). The open elements are a stack
    # of frames (bold, heading, pre, block); a hidden element's subtree is skipped by counting
    # its depth; a table is recorded until it closes, then read as a data table or replayed as
    # running text.

    def start(self, tag: str, attrib) -> None:
        if self.recording is not None:
            self._record_start(tag, attrib)
            return
        if self.skip:
            self.skip += 1
            return
        tag = tag.lower()
        bold, heading, pre, _ = self.frames[-1] if self.frames else (False, None, False, False)
        if tag in HIDDEN_TAGS or _hidden(attrib):
            self.skip = 1
            return
        if tag == "br":
            (self.flush_pre if pre else self.flush)()
            self.skip = 1  # nothing under a line break is read
            return
        if tag == "table":
            self.flush()
            self.recording, self.recording_depth = [("start", tag, dict(attrib))], 1
            return
        self._open(tag, attrib, bold, heading, pre)

    def _open(self, tag: str, attrib, bold: bool, heading: Optional[int], pre: bool) -> None:
        block = tag in BLOCK_TAGS or tag == "table"
        if block:
            (self.flush_pre if pre and self.pieces else self.flush)()
        bold = bold or tag in BOLD_TAGS or bool(_BOLD_STYLE.search(attrib.get("style") or ""))
        heading = HEADINGS.get(tag, heading)
        pre = pre or tag in ("pre", "textarea", "listing")
        self.frames.append((bold, heading, pre, block))

    def data(self, text: str) -> None:
        if self.recording is not None:
            self.recording.append(("data", text))
        elif not self.skip and self.frames:
            bold, heading, pre, _ = self.frames[-1]
            self.add(text, bold, heading, pre)

    def end(self, tag: str) -> None:
        if self.recording is not None:
            self.recording.append(("end", tag))
            self.recording_depth -= 1
            if not self.recording_depth:
                self._table_closed()
            return
        if self.skip:
            self.skip -= 1
            return
        if self.frames:
            _, _, pre, block = self.frames.pop()
            if block:  # a block element ends its line
                (self.flush_pre if pre and self.pieces else self.flush)()

    def _record_start(self, tag: str, attrib) -> None:
        if tag.lower() == "table":
            # a table holding a table lays out the page: what it holds is running text
            self._replay()
            self.start(tag, attrib)
            return
        self.recording.append(("start", tag, dict(attrib)))
        self.recording_depth += 1

    def _table_closed(self) -> None:
        """The recorded table, whole: a RawTable, or its events replayed as running text."""
        from lxml.etree import TreeBuilder
        from lxml.html import HTMLParser
        tree = TreeBuilder(parser=HTMLParser())  # lxml.html elements, as the parser makes them
        for event in self.recording:
            getattr(tree, event[0])(*event[1:])
        table = data_table(tree.close())
        if table is None:
            self._replay()
        else:
            self.recording = None
            self.blocks.append(table)

    def _replay(self) -> None:
        """A recorded table that lays out the page: its events read as any element's."""
        events, self.recording = self.recording, None
        _, tag, attrib = events[0]
        bold, heading, pre, _ = self.frames[-1] if self.frames else (False, None, False, False)
        self._open(tag.lower(), attrib, bold, heading, pre)
        for event in events[1:]:
            getattr(self, event[0])(*event[1:])

    def walk(self, root) -> None:
        """A subtree of the page (a table cell) read as the parser's events would be."""
        for event in _tree_events(root):
            getattr(self, event[0])(*event[1:])


class _Page:
    """The parser's target: the events of the page's first root element, that is of its first
    <body> once one opens (as lxml.html's document root and its body)."""

    def __init__(self):
        self.builder = _Builder()
        self.depth = 0          # open elements, hidden ones included
        self.elements = 0       # elements opened
        self.body = False       # the first <body> under the root has opened
        self.done = False       # the root element (or the body) has closed

    def start(self, tag: str, attrib) -> None:
        self.elements += 1
        self.depth += 1
        if self.done:
            return
        if self.depth == 2 and tag.lower() == "body" and not self.body:
            self.body = True
            self.builder = _Builder()  # only the body is read (what came before it is the head)
        self.builder.start(tag, attrib)

    def data(self, text: str) -> None:
        if not self.done and self.depth:
            self.builder.data(text)

    def end(self, tag: str) -> None:
        self.depth -= 1
        if self.done:
            return
        self.builder.end(tag)
        if self.depth == (1 if self.body else 0):
            self.done = True

    def close(self) -> None:
        return None

    def blocks(self) -> list[Block]:
        builder = self.builder
        if builder.recording is not None:  # a table the parser never closed: its text is read
            builder._replay()
        builder.flush()
        return builder.blocks


def _tree_events(root):
    """The (event, …) tuples of a subtree, in document order, without recursion; comments
    and processing instructions give only their tails, as the parser gives them."""
    yield "start", root.tag, root.attrib
    if root.text:
        yield "data", root.text
    stack = [(root, iter(root))]
    while stack:
        el, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield "end", el.tag
            if stack and el.tail:
                yield "data", el.tail
            continue
        if not isinstance(child.tag, str):
            if child.tail:
                yield "data", child.tail
            continue
        yield "start", child.tag, child.attrib
        if child.text:
            yield "data", child.text
        stack.append((child, iter(child)))


def _hidden(attrib) -> bool:
    return attrib.get("hidden") is not None or bool(_HIDDEN_STYLE.search(attrib.get("style") or ""))


def _rows(table) -> list:
    """The table's own rows (not those of tables nested in it), in document order."""
    rows = []
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child if isinstance(c.tag, str) and c.tag.lower() == "tr")
    return rows


def _span(el, attr: str) -> int:
    value = re.match(r"\s*(\d+)", el.get(attr) or "")
    return max(1, min(int(value.group(1)), 1000)) if value else 1


def data_table(table) -> Optional[RawTable]:
    """A RawTable, or None for a layout table whose content reads as running text."""
    if any(True for _ in table.iterdescendants("table")):
        return None
    rows = _rows(table)
    occupied: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    header_rows = 0
    for r, tr in enumerate(rows):
        col = 0
        tds = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
        if tds and header_rows == r and (tr.getparent().tag == "thead"
                                         or all(c.tag.lower() == "th" for c in tds)):
            header_rows += 1
        for td in tds:
            while (r, col) in occupied:
                col += 1
            rowspan = _span(td, "rowspan") if td.get("rowspan", "").strip() != "0" else len(rows) - r
            colspan = _span(td, "colspan")
            rowspan = min(rowspan, len(rows) - r)
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied.add((r + dr, col + dc))
            cells.append(Cell(r, col, _cell_text(td), rowspan, colspan))
            col += colspan
    if not cells or max(c.col + c.colspan for c in cells) < 2:
        return None
    raw = build_table(cells, header_rows=max(header_rows, 1), in_order=True)
    caption = table.find("caption")
    if raw is not None and caption is not None and caption.text_content().strip():
        if raw.title and raw.title != caption.text_content().strip():
            raw.rows.insert(0, [raw.title] + [""] * (len(raw.rows[0]) - 1))
        raw.title = _HTML_SPACE.sub(" ", caption.text_content()).strip()
    return raw


def _cell_text(td) -> str:
    builder = _Builder()
    builder.walk(td)
    builder.flush()
    return join_cell_lines([b.text for b in builder.blocks if isinstance(b, RawLine)])
