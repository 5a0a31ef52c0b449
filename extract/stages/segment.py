"""Find the document's structure: front matter, table of contents, outline, 专栏 boxes.

Levels come from nesting, not from a fixed table: a heading's parent is the nearest open
heading of a higher-ranked numbering style, so a document that puts 一、 directly under 第四章
gets level 2 there and level 3 under a 第X节 elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from .. import regex_cache
from ..lexicon import site
from ..lexicon.dates import DATE_LINE
from ..lexicon.folds import fold_brackets, fold_width
from ..lexicon.front import front_grammar
from ..lexicon.layout import clean_text as clean_cell
from ..lexicon.numbering import (CIRCLED, DOC_NUMBER, TITLE_THEN_TEXT, HeadingPatterns, Style, box_start, heading_grammar,
                                 match_heading_number, ordinal, starts_like_heading)
from ..model import Box, Heading
from ..state import FrontMatter, NormText, Para, State
from ..tables.grid import Cell, GridRow, find_header_rows
from ..tables.regions import owned_sub_headings

# Front matter: how far from the top (and the foot) each part of it is looked for.
FRONT_LINES = 60            # the notice and the site's metadata block are among the first lines
NOTICE_LINES = 15           # a 文号 or a 关于…的通知 line opens the notice within these lines
MAX_NOTICE_LINE_CHARS = 40  # a line with a 文号 that is no longer than this is the notice's, not prose
SITE_FOOT_LINES = 15        # a web page's metadata block may sit among the last lines too
TITLE_BLOCK_LINES = 8       # the title block before the body: at most this many lines
TAIL_LINES = 12             # trailing 抄送/印发 lines are among the last lines
MAX_TITLE_LINE_CHARS = 60   # a title line is short
TOC_WINDOW = 200            # a table of contents starts within these lines after the notice
LISTED_CHAPTERS_WINDOW = 10  # a caption-less contents list starts within these lines
MAX_TOC_ENTRY_CHARS = 40    # a contents entry without leaders is a heading line this short
MIN_TOC_LINES = 3           # fewer lines under no 目录 caption are no table of contents
MIN_LISTED_CHAPTERS = 3     # a caption-less contents list names at least this many chapters
# Headings
MAX_RUN_IN_TITLE_COMMAS = 1  # a run-in heading's title (before its 。) has at most this many ，
# 专栏 boxes
MAX_ITEM_NAME_CHARS = 40    # a box row's first cell this short (and without punctuation) is the item's name
MAX_BOX_LINES = 60          # an unmarked box's caption stands within this many lines above its closing `)`


@dataclass
class Candidate:
    para: int
    style: Style
    number: str       # as printed, trailing 、.． dropped, brackets full-width
    ordinal: Optional[int]
    title: str
    title_end: int    # offset in the paragraph where the title ends
    run_in: bool


def run(state: State) -> None:
    norm = state.norm
    front = find_front_matter(norm)
    state.front = front
    candidates = [c for c in (heading_candidate(norm, i) for i in range(front.body_start, len(norm.paras)))
                  if c is not None]
    boxes, box_ranges = find_boxes(norm, front.body_start, candidates)
    in_box = {i for a, b in box_ranges for i in range(a, b)}
    in_table = owned_sub_headings(state)   # a table's sub-heading rows (一、经济发展) are no headings
    headings = [c for c in candidates if c.para not in in_box and c.para not in in_table
                and c.para < (front.tail_start or 1 << 30)]
    headings = _confirmed(norm, headings)
    state.outline, state.heading_para = build_outline(norm, headings)
    for box, (a, b) in zip(boxes, box_ranges):
        box.section = state.section_at(box.span[0])
        state.boxes.append(box)
        state.box_paras[box.id] = (a, b)


# --- headings ---------------------------------------------------------------------------------

def heading_candidate(norm: NormText, i: int) -> Optional[Candidate]:
    para = norm.paras[i]
    if para.kind != "text":
        return None
    text = norm.para_text(para)
    p = heading_grammar().data
    found = match_heading_number(text)
    if found is None:
        bare = "".join(text.split())
        if bare in p.unnumbered_titles:
            return Candidate(i, UNNUMBERED, "", None, bare, len(text.rstrip()), False)
        return None
    style, m = found
    rest = text[m.end():]
    number = fold_brackets(fold_width("".join(text[:m.end()].split()))).rstrip("、.．：:")
    if style.title_on_next_line and not rest.strip():
        return _title_on_next_line(norm, i, style, number, m)
    title, title_end, run_in = _title(text, m.end(), rest, para, p)
    if title is None:
        return None
    return Candidate(i, style, number, ordinal(m.group("n")) if m.group("n") else None,
                     title, title_end, run_in)


# An unnumbered heading (前言, 结束语): level 1 wherever it stands, and it opens no level.
UNNUMBERED = Style("unnumbered", -1, "unnumbered", regex_cache.compile(r"(?!)"))


def _title_on_next_line(norm: NormText, i: int, style: Style, number: str, m) -> Optional[Candidate]:
    """`附件2` or `第一章` alone, its title on the next line: the heading spans both."""
    if i + 1 >= len(norm.paras) or norm.paras[i + 1].kind != "text":
        return None
    title = norm.para_text(norm.paras[i + 1]).strip()
    if not title or len(title) > MAX_TITLE_LINE_CHARS or regex.search(r"[，。；]", title) or starts_like_heading(title):
        return None
    end = norm.paras[i + 1].end - norm.paras[i].start
    return Candidate(i, style, number, ordinal(m.group("n")) if m.group("n") else None, title, end, False)


_CIRCLED_REF = regex_cache.compile(rf"(?<=.)[{CIRCLED}]")
_NOTE_STYLES = ("arabic", "arabic_paren", "circled")


def _confirmed(norm: NormText, cands: list[Candidate]) -> list[Candidate]:
    """Candidates the document's own print confirms as headings:
    - not a footnote: a ② line after prose that refers to ② (`“两线”②`) is the note ② explains;
    - not a note: numbered lines right after `注：` are its notes;
    - 1.1 only under the 1. it continues, 1.1.1 only under its 1.1."""
    note = heading_grammar().note_marker
    by_para = {c.para: c for c in cands}
    referred: dict[str, int] = {}   # circled mark → first paragraph that refers to it mid-text
    notes: set[int] = set()
    for k, para in enumerate(norm.paras):
        if para.kind != "text":
            continue
        text = norm.para_text(para)
        if k not in by_para:
            for mark in _CIRCLED_REF.findall(text):
                referred.setdefault(mark, k)
        if note.match(text):
            j = k + 1
            while j in by_para and by_para[j].style.name in _NOTE_STYLES:
                notes.add(j)
                j += 1
    # `附件：title` listing an attachment, then the attachment's own header `附件` / `title`:
    # only the header opens it
    attachments = [c for c in cands if c.style.family == "attachment"]
    listed = {a.para for k, a in enumerate(attachments)
              if any(b.title and a.title.startswith(b.title) for b in attachments[k + 1:])}
    out: list[Candidate] = []
    last_arabic: Optional[str] = None
    last_decimal2: Optional[str] = None
    for c in cands:
        name = c.style.name
        if c.para in notes or c.para in listed:
            continue
        if name == "circled" and referred.get(c.number, 1 << 30) < c.para:
            continue
        if name == "arabic":
            last_arabic, last_decimal2 = c.number, None
        elif name == "decimal2":
            if c.number.split(".")[0] != last_arabic:
                continue
            last_decimal2 = c.number
        elif name == "decimal3":
            if c.number.rsplit(".", 1)[0] != last_decimal2:
                continue
        out.append(c)
    return out


def _title(text: str, start: int, rest: str, para: Para, p: HeadingPatterns):
    """(title, end offset, run_in) or (None, …) when the line is prose, not a heading."""
    if para.bold_lead and para.bold_lead > start:
        lead = text[start:para.bold_lead]
        title = lead.strip().rstrip("。.．：:")
        return (title, para.bold_lead, True) if title else (None, 0, False)
    stripped = rest.strip()
    if not stripped:
        return None, 0, False
    spaced = TITLE_THEN_TEXT.match(stripped)
    if spaced and len(spaced.group("title")) <= p.max_title_chars:
        # `一、指导思想 以…为指导，…。`: the title, then its text after a space on the same line
        return spaced.group("title"), start + (len(rest) - len(rest.lstrip())) + spaced.end("title"), True
    cut = stripped.find(p.run_in_end)
    if cut == -1 or cut == len(stripped) - 1:
        title = stripped.rstrip(p.run_in_end)
        if len(title) > p.max_title_chars or title[-1:] in "，；,;" or "。" in title or "；" in title:
            return None, 0, False
        return title, start + len(rest.rstrip()), False
    title = stripped[:cut]
    if len(title) > p.max_run_in_title_chars or not title or title.count("，") > MAX_RUN_IN_TITLE_COMMAS or "；" in title:
        return None, 0, False
    offset = start + (len(rest) - len(rest.lstrip())) + cut + 1
    return title, offset, True


def build_outline(norm: NormText, cands: list[Candidate]) -> tuple[list[Heading], dict[str, int]]:
    stack: list[tuple[Candidate, Heading]] = []
    outline: list[Heading] = []
    index: dict[str, int] = {}
    nested: set[tuple[str, str]] = set()    # (style, the style of its parent) seen so far
    for k, c in enumerate(cands):
        style = _continued_style(c, stack, nested, cands[k + 1:])
        if style is UNNUMBERED:
            stack.clear()
        while stack and stack[-1][0].style.rank >= style.rank:
            stack.pop()
        parent = stack[-1][1] if stack else None
        if stack:
            nested.add((style.name, stack[-1][0].style.name))
        para = norm.paras[c.para]
        h = Heading(id=f"s{len(outline) + 1}", level=len(stack) + 1, number=c.number, title=c.title,
                    parent=parent.id if parent else None, span=(para.start, para.start + c.title_end),
                    page=norm.page_at(para.start))
        c.style = style
        outline.append(h)
        index[h.id] = c.para
        if style is not UNNUMBERED:
            stack.append((c, h))
    return outline, index


def _continued_style(c: Candidate, stack, nested: set[tuple[str, str]] = frozenset(),
                     later: list[Candidate] = ()) -> Style:
    """A converter's renumbering (（八） then （9）) continues the open sibling's style.

    Only the heading that would be the candidate's sibling counts: the innermost open heading
    of a higher rank, of the same family, numbered one less. The document's own print says
    when it is no renumbering but an item under that sibling:
    - its style has already nested under the sibling's style (1） 2） 3） under （一）, so 4）
      under （三） is an item too);
    - the sibling's style goes on to print the number itself before their parent closes
      (一、 / 2、 3、 / 二、: the 1、 before 2、 was a paragraph, not a heading).
    """
    if c.ordinal is None:
        return c.style
    open_ = [s for s, _ in stack if s.style.rank < c.style.rank]
    if any(s.style.name == c.style.name for s, _ in stack):
        return c.style
    if open_:
        top = open_[-1]
        if top.style.family == c.style.family and top.ordinal == c.ordinal - 1:
            if (c.style.name, top.style.name) in nested:
                return c.style
            for d in later:
                if d.style.rank < top.style.rank or d.style is UNNUMBERED:
                    break
                if d.style.name == top.style.name and d.ordinal == c.ordinal:
                    return c.style
            return top.style
    return c.style


# --- front matter: notice, title block, table of contents ---------------------------------------

def find_front_matter(norm: NormText):
    front = FrontMatter()
    texts = [norm.para_text(p) if p.kind == "text" else "" for p in norm.paras]
    n = len(texts)
    head_limit = min(n, FRONT_LINES)
    # A web page's metadata block (索引号：… 发文机关：…), at the top or the foot: read by meta,
    # neither notice, title nor body.
    foot = range(max(head_limit, n - SITE_FOOT_LINES), n)
    front.site = [i for i in list(range(head_limit)) + list(foot)
                  if texts[i] and site.is_field_line(texts[i])]
    for i in front.site:
        texts[i] = ""
    # The issuing notice: a 文号 or a 《…》的通知 line near the top, closed by the signing date.
    notice_end = -1
    top = texts[:NOTICE_LINES]
    has_notice = any(DOC_NUMBER.search(t) and len(t) < MAX_NOTICE_LINE_CHARS for t in top) or \
        any(front_grammar().notice_title_line.search(t) for t in top)
    if has_notice:
        for i in range(head_limit):
            if DATE_LINE.match(texts[i]):
                notice_end = i
                break
        if notice_end >= 0:
            # a line like （此件公开发布） may follow the date
            j = notice_end + 1
            while j < n and front_grammar().notice_note.match(texts[j]):
                j += 1
            notice_end = j - 1
            front.notice = [i for i in range(0, notice_end + 1) if i not in front.site]
    start = notice_end + 1
    # Table of contents: a 目录 caption, or a run of dot-leader lines.
    toc = _find_toc(norm, texts, start)
    front.toc = toc
    if toc:
        body = toc[-1] + 1
        front.title_paras = [i for i in range(start, toc[0]) if texts[i]]
    else:
        # title block: short lines before the first prose paragraph or heading
        body = start
        sited = set(front.site)
        while body < n and body < start + TITLE_BLOCK_LINES + len(sited) and (
                body in sited or (_is_title_line(texts[body]) and (not starts_like_heading(texts[body])
                                                                   or _attachment_header(texts[body], body == start)))):
            if body not in sited:
                front.title_paras.append(body)
            body += 1
    front.body_start = body
    # Trailing 抄送/印发 lines
    for i in range(n - 1, max(body, n - TAIL_LINES) - 1, -1):
        if front_grammar().tail_line.match(texts[i]):
            front.tail_start = i
    return front


def _attachment_header(text: str, first: bool) -> bool:
    """A document that is itself an attachment opens with `附件3`: part of its title block."""
    found = match_heading_number(text) if first else None
    return found is not None and found[0].family == "attachment"


def _is_title_line(text: str) -> bool:
    if (not text or len(text) > MAX_TITLE_LINE_CHARS
            or "".join(text.split()) in heading_grammar().data.unnumbered_titles):
        return False
    return not regex.search(r"[，。；]", text)


_PAGE_NUMBER = regex_cache.compile(r"^\s*[0-9０-９]{1,4}\s*$")


def _listed_chapters(texts: list[str], start: int, limit: int) -> list[int]:
    """A contents list without a caption or page numbers: a run of heading lines at the top,
    and the body starts where the first of them is printed again."""
    for i in range(start, min(limit, start + LISTED_CHAPTERS_WINDOW)):
        if not (texts[i] and starts_like_heading(texts[i]) and len(texts[i]) <= MAX_TOC_ENTRY_CHARS):
            continue
        j = i
        while j < limit and texts[j] and starts_like_heading(texts[j]) and len(texts[j]) <= MAX_TOC_ENTRY_CHARS \
                and (j == i or texts[j] != texts[i]):
            j += 1
        if j - i >= MIN_LISTED_CHAPTERS and j < len(texts) and texts[j] == texts[i]:
            return list(range(i, j))
        return []
    return []


def _find_toc(norm: NormText, texts: list[str], start: int) -> list[int]:
    g = heading_grammar()
    caption, leader = g.toc_caption, g.toc_line
    n = len(texts)
    limit = min(n, start + TOC_WINDOW)
    first = None
    for i in range(start, limit):
        raw = texts[i] or norm.para_text(norm.paras[i])
        if caption.match(raw.replace(" ", "")):
            first = i
            break
        if leader.search(raw) and starts_like_heading(raw):
            first = i
            break
    if first is None:
        return _listed_chapters(texts, start, limit)
    toc = [first]
    entries: list[str] = []
    for i in range(first + 1, n):
        raw = norm.para_text(norm.paras[i])
        if leader.search(raw):
            toc.append(i)
            entries.append(raw.rstrip(" \t0123456789.．·…。"))
            continue
        if entries and _PAGE_NUMBER.match(raw):
            toc.append(i)   # the entry's page number on a line of its own
            continue
        # a TOC without leaders: heading lines until one repeats the first entry (the body starts)
        if starts_like_heading(raw) and len(raw) <= MAX_TOC_ENTRY_CHARS and raw not in entries[:1]:
            if not entries and i > first + 1 and not caption.match(texts[first].replace(" ", "")):
                break
            toc.append(i)
            entries.append(raw)
            continue
        break
    if len(toc) < MIN_TOC_LINES and not caption.match(texts[first].replace(" ", "")):
        return []
    return toc


# --- 专栏 boxes ---------------------------------------------------------------------------------

def box_number(number: Optional[str]) -> Optional[str]:
    """`3`, `03`, `三`, `十二`, `2-1` → "3", "3", "3", "12", "2-1"; a numeral that does not read as one
    (`十十`) → None rather than a guess."""
    if number and _SUB_NUMBER.fullmatch(number):
        return "-".join(_SUB_NUMBER.fullmatch(number).group("a", "b"))   # 2-1: box 1 of chapter 2
    value = ordinal(number) if number else None
    return str(value) if value is not None else None


_SUB_NUMBER = regex_cache.compile(r"(?P<a>\d{1,3})\s*[-－—–]\s*(?P<b>\d{1,3})")


def reader_table_box(norm: NormText, i: int) -> Optional[Box]:
    """A ruled 专栏 box: the reader's table whose first row is the box caption (`专栏1 …工程`,
    one cell or the same text repeated across a merged row) and whose rows are the box's items,
    each one cell (`1.…工程：content`, `（1）…工程。content`) or name | content cells. Its items
    name projects as a text box's do; a box whose rows carry a header of their own
    (项目名称 | 建设内容 …) stays a table, titled by the caption."""
    para = norm.paras[i]
    table = para.table
    if para.kind != "table" or table is None or len(table.rows) < 2:
        return None
    first = {clean_cell(c) for c in table.rows[0] if c.strip()}
    m = box_start().match(next(iter(first))) if len(first) == 1 else None
    if m is None or not (m.group("n") or m.group("title").strip()):
        return None
    rest = [[clean_cell(c) for c in r] for r in table.rows[1:]]
    if find_header_rows([GridRow([Cell([c] if c else []) for c in r]) for r in rest]):
        return None
    items: list[str] = []
    for r in rest:
        cells: list[str] = []
        for c in r:  # a merged cell the reader repeated across the row counts once
            if c and (not cells or cells[-1] != c):
                cells.append(c)
        if not cells:
            continue
        if len(cells) >= 2 and len(cells[0]) <= MAX_ITEM_NAME_CHARS and not regex.search(r"[，。；：:]", cells[0]):
            items.append(cells[0] + "：" + "；".join(cells[1:]))   # name | content
        else:
            items.append("".join(cells))
    if not items:
        return None
    return Box(id="", number=box_number(m.group("n")), title=m.group("title").strip().strip("：: "),
               items=items, span=(para.start, para.end), page=para.page)


def find_boxes(norm: NormText, body_start: int, cands: list[Candidate]) -> tuple[list[Box], list[tuple[int, int]]]:
    by_para = {c.para: c for c in cands}
    boxes: list[Box] = []
    ranges: list[tuple[int, int]] = []
    paras = norm.paras
    i = body_start
    while i < len(paras):
        text = norm.para_text(paras[i]) if paras[i].kind == "text" else ""
        m = box_start().match(text)
        if not m:
            i += 1
            continue
        start = i
        opened = i > 0 and norm.para_text(paras[i - 1]).strip() in ("(", "（")
        if opened:
            start = i - 1
        number = m.group("n")
        title = m.group("title").strip()
        j = i + 1
        # captions split over lines: `专栏` / `1` / `公共卫生重大项目`
        if number is None and j < len(paras) and regex.fullmatch(r"\s*\d{1,3}\s*", norm.para_text(paras[j]) or ""):
            number = norm.para_text(paras[j]).strip()
            j += 1
        if not title and j < len(paras) and paras[j].kind == "text":
            title = norm.para_text(paras[j]).strip()
            j += 1
        end, items = _box_items(norm, j, by_para, opened)
        span = (paras[start].start, paras[end - 1].end if end > start else paras[start].end)
        boxes.append(Box(id=f"b{len(boxes) + 1}", number=box_number(number), title=title.strip("：: "),
                         items=items, span=span, page=norm.page_at(paras[i].start)))
        ranges.append((start, end))
        i = max(end, i + 1)
    _add_unmarked_boxes(norm, body_start, boxes, ranges, set(by_para))
    for i in range(body_start, len(paras)):
        box = reader_table_box(norm, i)
        if box is not None:
            boxes.append(box)
            ranges.append((i, i + 1))
    order = sorted(range(len(boxes)), key=lambda k: ranges[k][0])
    boxes = [boxes[k] for k in order]
    ranges = [ranges[k] for k in order]
    for k, box in enumerate(boxes):
        box.id = f"b{k + 1}"
    return boxes, ranges


def _add_unmarked_boxes(norm: NormText, body_start: int, boxes: list[Box], ranges: list[tuple[int, int]],
                        headings: set[int]) -> None:
    """A text box whose caption lost its 专栏 mark but kept its closing `)`: walk back from the
    `)` to the caption line (a short noun phrase such as `健康问题干预重大项目`)."""
    paras = norm.paras
    caption_like = heading_grammar().unmarked_box_caption
    taken = {i for a, b in ranges for i in range(a, b)}
    numbered = [int(b.number) for b in boxes if b.number and b.number.isdigit()]
    for k in range(body_start, len(paras)):
        if k in taken or paras[k].kind != "text" or not norm.para_text(paras[k]).startswith((")", "）")):
            continue
        caption = None
        for c in range(k - 1, max(body_start, k - MAX_BOX_LINES) - 1, -1):
            if c in taken or c in headings:
                break
            t = norm.para_text(paras[c]).strip()
            nxt = norm.para_text(paras[c + 1]) if c + 1 < k else ""
            if paras[c].kind == "text" and caption_like.match(t) and _has_lead(nxt):
                caption = c  # keep walking: the earliest caption before the items wins
        if caption is None:
            continue
        c = caption
        end, items = _box_items(norm, c + 1, {}, opened=True)
        if end not in (k, k + 1):
            continue
        span = (paras[c].start, paras[end - 1].end if end > c + 1 else paras[c].end)
        before = [b for b, (a, _) in zip(boxes, ranges) if a < c and b.number and b.number.isdigit()]
        number = str(int(before[-1].number) + 1) if before and numbered else None
        ranges.append((c, end))
        boxes.append(Box(id="", number=number, title=norm.para_text(paras[c]).strip(), items=items,
                         span=span, page=norm.page_at(paras[c].start)))
        taken.update(range(c, end))


def _box_items(norm: NormText, j: int, by_para: dict[int, Candidate], opened: bool) -> tuple[int, list[str]]:
    """Items of a box from paragraph j; returns (end paragraph, items)."""
    paras = norm.paras
    items: list[str] = []
    item_style: Optional[str] = None
    form: Optional[str] = None
    k = j
    while k < len(paras):
        para = paras[k]
        text = norm.para_text(para)
        if para.kind != "text":
            if opened and para.kind == "cell":
                k += 1
                continue
            break
        if box_start().match(text):
            break
        if opened and text.startswith((")", "）")):
            return k, items  # the rest of that line is body text again
        if opened and text.endswith((")", "）")) and not regex.search(r"[（(][^)）]*[)）]$", text):
            items.append(text[:-1].strip())
            return k + 1, items
        cand = by_para.get(k)
        continuation = bool(items) and not _item_closed(items[-1]) and not _record_line(text)
        if cand is not None:
            if item_style is None and not items:
                item_style = cand.style.name
            if cand.style.name != item_style and not opened:
                break  # a heading of the document's own outline ends the box
            continuation = continuation and cand.style.name != item_style
        elif not opened and not continuation and items:
            if form == "lead" and not (_has_lead(text) or _names_a_project(text)):
                break
            if form == "sentence" and not _sentence_lead(text):
                break  # 加强组织领导。…: body text again after `name。content` items
            if form is None:
                break
        # in a box of `name：content` items, unnamed text belongs to the item above
        if opened and form == "lead" and items and not continuation and cand is None \
                and not _has_lead(text) and not _names_a_project(text):
            continuation = True
        if continuation:
            items[-1] += text
        else:
            if not items:
                form = "numbered" if cand is not None else \
                    "lead" if _has_lead(text) else "sentence" if _sentence_lead(text) else None
                if item_style is None:
                    # a first item the outline did not take for a heading (`1.G312国道…`) still
                    # sets the items' numbering: `2.…` after it is the next item, not a heading
                    numbered = match_heading_number(text)
                    item_style = numbered[0].name if numbered else None
            items.append(text)
        k += 1
    return k, items


def _has_lead(text: str) -> bool:
    """`现代化疾病预防控制体系建设项目：…` or `【名称】…` — a named item."""
    return heading_grammar().box_item_lead.match(text) is not None


def _record_line(text: str) -> bool:
    """`项目名称：…`, `建设内容：…`, `总投资：1.2亿元`: a line of a project record is a line of its own,
    never the rest of the unclosed line above it."""
    from .projects import grammar as project_grammar
    g = project_grammar()
    return bool(g.record_line.match(text) or g.name_record.match(text))


def _sentence_lead(text: str) -> bool:
    """`远程医疗系统。建设覆盖全县的…`: an item named by a short first sentence that names a work,
    its content after it — the form an unclosed box's items share (加强组织领导。… is no such item)."""
    from .projects import is_project_name, names_a_work
    m = _SENTENCE_LEAD.match(text)
    return m is not None and names_a_work(m.group(1)) and is_project_name(m.group(1))


_SENTENCE_LEAD = regex_cache.compile(rf"^([^，,。；;：:、]{{2,{MAX_ITEM_NAME_CHARS}}})[。．]\s*\S")


def _names_a_project(text: str) -> bool:
    return bool(heading_grammar().box_item_project.match(text))


def _item_closed(text: str) -> bool:
    return bool(regex.search(r"[。；！？)）]$", text))
