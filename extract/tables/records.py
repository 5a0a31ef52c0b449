"""Tables linearized to key:value records: `领域：健康服务 指标：每千人口执业（助理）医师数（人）
2020 年：2.9 2025 年：3.2`, one record per line or cut across lines.

A key is a header word (the table vocabulary: 领域, 指标, 单位, a year, 属性 …) printed before a
colon at the start of a line or after a space; the value runs to the next key. The header is
the keys in the order they first appear; a record starts again where its first key comes back
(or a key it already has). Keys are read on the reader's own line (spaces kept), since the
normalized text may have closed the spaces between a value and the next key. Cutting is all
this module does: the keys are the header block and each record a block whose cells name their
columns by key, assembled by the shared rules (tables/stream.py).
"""
from __future__ import annotations

from typing import Optional

import regex

from .. import regex_cache
from ..raw import RawLine
from ..lexicon.dates import ARABIC_YEAR
from ..state import State
from . import classify, stream
from .grid import Cell, Grid, GridRow, clean_text, is_page_furniture, running_heads

MIN_KEYS = 2              # a line with this many header keys opens (or is) a record
MAX_GAP_LINES = 4         # running heads and sub-headings between two records
MAX_KEY_CHARS = 12
MAX_CONTINUATION_CHARS = 80   # a line that carries on the record above (no key of its own)

_KEY = regex_cache.compile(r"(?:^|(?<=\s))(?P<key>" + ARABIC_YEAR + r"\s*年[^\s：:]{0,6}|[^\s：:，。；]{1,%d})\s*[：:]" % MAX_KEY_CHARS)
_SPACE = regex_cache.compile(r"\s+")
_SENTENCE_END = regex_cache.compile(r"[。；;]$")


def raw_text(state: State, i: int) -> str:
    """Paragraph i as the reader printed it: its lines joined by a space (spaces kept)."""
    return " ".join(raw_lines(state, i))


def raw_lines(state: State, i: int) -> list[str]:
    """Paragraph i's lines as the reader printed them (spaces kept)."""
    paras = state.norm.paras
    first = paras[i].block
    if first is None:
        return [state.norm.para_text(paras[i])]
    last = next((paras[k].block for k in range(i + 1, len(paras)) if paras[k].block is not None),
                len(state.raw.blocks))
    own = _SPACE.sub("", state.norm.para_text(paras[i]))
    running = running_heads(state)
    # the paragraph's own lines: not the page numbers and running heads the normalizer dropped
    # (or joined to it, at a page break inside a record)
    lines = [b.text for k, b in enumerate(state.raw.blocks[first:last]) if isinstance(b, RawLine) and b.text.strip()
             and _SPACE.sub("", clean_text(b.text)) in own and not (k and is_page_furniture(b.text, running))]
    return [t.strip() for t in lines] or [state.norm.para_text(paras[i])]


def keys(text: str) -> list[regex.Match]:
    """The header keys printed in a line, in order."""
    return [m for m in _KEY.finditer(text) if classify.is_header_cell(m.group("key"))]


def is_record(text: str) -> bool:
    return len(keys(text)) >= MIN_KEYS


MIN_FIELD_LINES = 3       # records printed one field a line: this many lines opened by a key


def starts_records(state: State, i: int) -> bool:
    """Paragraph i opens key:value records: it holds several keys, or it and the lines after it
    each open with a key (one field a line), a name key among them."""
    first = keys(raw_text(state, i))
    if len(first) >= MIN_KEYS:
        return True
    if not first or first[0].start() > 0:   # one field a line: the first line opens with a key
        return False
    roles = []
    running = running_heads(state)
    fields: list[str] = []
    for j in range(i, min(i + 2 * MIN_FIELD_LINES, len(state.norm.paras))):
        text = raw_text(state, j)
        if j == i or not is_page_furniture(text, running):   # a page number or running head is no field
            fields.append(text)
        if len(fields) == MIN_FIELD_LINES:
            break
    for text in fields:
        found = keys(text)
        if not found or found[0].start() > 0:
            return False
        roles += [classify.header_role(m.group("key")) for m in found]
    return len(roles) >= MIN_FIELD_LINES and "name" in roles and len(set(roles)) >= 2


def region_end(state: State, texts: list[str], i: int) -> int:
    """One past the last paragraph of the records starting at paragraph i."""
    paras = state.norm.paras
    running = running_heads(state)
    j = i + 1
    while j < len(paras) and paras[j].kind == "text" and not paras[j].heading_level:
        t = texts[j]
        # running heads between two records at a page break, sub-headings: when a record follows
        k = j
        while k < len(paras) and k - j < MAX_GAP_LINES and paras[k].kind == "text" \
                and (is_page_furniture(texts[k], running) or is_sub_heading(texts[k])):
            k += 1
        if k > j and k < len(paras) and keys(raw_text(state, k)):
            j = k
            continue
        if is_record(raw_text(state, j)) or (len(t) <= MAX_CONTINUATION_CHARS and not _SENTENCE_END.search(t)
                                             and keys(raw_text(state, j))):
            j += 1
            continue
        # a line cut from the record above (no key of its own) when a record follows it
        if len(t) <= MAX_CONTINUATION_CHARS and not _SENTENCE_END.search(t) and j + 1 < len(paras) \
                and is_record(raw_text(state, j + 1)):
            j += 1
            continue
        break
    return j


_GROUP = ""   # the key a sub-heading line is kept under (no header key is empty)


def region_start(state: State, i: int) -> int:
    """The first paragraph of the records found at paragraph i: the lines right above it that
    open with a key (the first record's first fields, cut onto lines of their own) and a
    sub-heading line above them belong to them."""
    paras = state.norm.paras
    k = i
    while k > 0 and i - k < MAX_GAP_LINES and paras[k - 1].kind == "text" and not paras[k - 1].heading_level:
        text = raw_text(state, k - 1)
        found = keys(text)
        if found and found[0].start() == 0 and len(text) <= MAX_CONTINUATION_CHARS:
            k -= 1
            continue
        if is_sub_heading(clean_text(text)):
            k -= 1
        break
    return k


_CAPTION = regex_cache.compile(r"^(?:专栏|附表|表)\s*[0-9一二三四五六七八九十]")


def is_sub_heading(text: str) -> bool:
    """A line of its own between records that heads the rows below (结果性指标), not a caption
    (表1 主要发展指标)."""
    return classify.is_group_text(text) and not _CAPTION.match(text)


def rebuild(state: State, a: int, b: int) -> Optional[Grid]:
    norm = state.norm
    header: list[str] = []
    rows: list[tuple[dict[str, str], tuple[int, int], Optional[int]]] = []
    current: Optional[dict[str, str]] = None
    last_key: Optional[str] = None
    running = running_heads(state)
    lines = [(text, i) for i in range(a, b) for text in raw_lines(state, i)]
    for text, i in lines:
        para = norm.paras[i]
        if is_page_furniture(text, running):
            continue   # a page number or running head between two records at a page break
        found = keys(text)
        span = (para.start, para.end)
        if not found and is_sub_heading(clean_text(text)):
            # a sub-heading printed on a line of its own between records (结果性指标)
            rows.append(({_GROUP: clean_text(text)}, span, para.page))
            current, last_key = None, None
            continue
        pieces: list[tuple[Optional[str], str]] = []
        if not found or found[0].start() > 0:
            pieces.append((None, text[:found[0].start()] if found else text))   # the rest of the last value
        for n, m in enumerate(found):
            end = found[n + 1].start() if n + 1 < len(found) else len(text)
            pieces.append((classify.fold_header(m.group("key")), text[m.end():end]))
        for key, value in pieces:
            value = clean_text(value)
            if key is None:
                if current is not None and last_key is not None and value:
                    current[last_key] = current[last_key] + value
                continue
            if current is None or key in current or (header and key == header[0]):
                current = {}
                rows.append((current, span, para.page))
            if key not in header:
                header.append(key)
            current[key] = value
            last_key = key
            s, e = rows[-1][1]
            rows[-1] = (current, (min(s, span[0]), max(e, span[1])), rows[-1][2])
    if len(rows) < 2 or len(header) < 2:
        return None
    # the keys are the header; each record's values name their columns by their keys
    head = (norm.paras[a].start, norm.paras[a].end)
    blocks = [stream.Block([Cell([h], head) for h in header])]
    for record, span, page in rows:
        if _GROUP in record:   # a sub-heading: one cell, read as a row merged across the table
            blocks.append(stream.Block([Cell([record[_GROUP]], span)], page=page))
            continue
        blocks.append(stream.Block([Cell([v], span) if v else Cell() for v in record.values()], page=page,
                                   keys=list(record)))
    got = stream.assemble(blocks, ends=False, header=1)
    if got is None:
        return None
    return Grid(rows=got.rows, paras=(a, b), header_rows=got.header_rows)
