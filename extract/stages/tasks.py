"""tasks stage: every item, paragraph or table row that names the units responsible for it.

A task is whatever a document gives to named units: a numbered item at any level (一、 （一）
1. （1） ① 一是), a plain paragraph, a row of a task or department table, a working group of a
notice. What makes it a task is a responsibility the grammar reads (extract/responsibility.py,
patterns/tasks.yaml) — a closing parenthesis, an inline one, a `责任单位：` line, a sentence such
as `由市卫生健康委牵头，成员单位：…` — never the length or boldness of its lead. Text without a
unit is not a task.

The body is cut into blocks (a numbered paragraph and the unnumbered ones after it); a closing
responsibility ends a task, so a block may hold several (paragraphs under one heading, each
closed by its own units). Blanket rules (`以下各项任务的责任单位均含各县（市、区）人民政府，
不再一一列出`) add their units to the `implied` list of the tasks they cover.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from typing import Optional

import regex

from .. import regex_cache
from ..model import Heading, Table, Task, TaskSource
from ..responsibility import (Responsibility, closing_parenthesis, deadline_text, deadline_year,
                              grammar, parentheses, read_bare_units, read_covering, read_duty, read_dash, read_deadline_line, read_sentence,
                              read_time, read_units,
                              separate_cell_lines,
                              split_cell_units, split_units,
                              standing_deadline, looks_like_unit)
from ..state import State
from ..lexicon.brackets import depth_after, split_top_level
from ..lexicon.folds import fold_brackets, fold_width
from ..lexicon.numbering import heading_grammar, heading_number_length, match_heading_number, starts_like_heading

# The former API, still read by the case table tests/cases/responsible.yaml.
def responsible_units(inner: str) -> Optional[list[str]]:
    found = read_units(inner)
    return found.responsible if found else None


def split_responsibility(text: str) -> tuple[str, Optional[list[str]]]:
    body, found = closing_parenthesis(text)
    return body, (found.responsible if found else None)


__all__ = ["run", "responsible_units", "split_responsibility", "deadline_year"]

# A task that starts inside a paragraph (二是…) is found again in the joined text by its sub-item
# number and this many characters after it (enough to be unique within one item).
FIND_CHARS = 8
# A printed lead (a heading's title, a bold lead) opens the task's body within this many
# characters (a space or a mark left before it); further in, the body is not cut at it.
MAX_LEAD_OFFSET = 2


@dataclass
class _Found:
    """A task before ids: where it is and what it names."""
    start: int
    end: int
    number: Optional[str]
    title: str
    text: str
    who: Responsibility
    deadline_text: Optional[str] = None
    source: Optional[TaskSource] = None
    implied: list[str] = field(default_factory=list)
    open_below: bool = False       # its units are on its first line: the sub-items below are its text


def run(state: State) -> None:
    found = _text_tasks(state) + _table_tasks(state)
    found.sort(key=lambda f: (f.start, f.source.row if f.source and f.source.row is not None else -1))
    _apply_blanket_rules(state, found)
    for k, f in enumerate(found):
        lead, support = f.who.roles()
        responsible = f.who.responsible
        page = state.norm.page_at(f.start)
        if f.source is not None and f.source.page is None:
            f.source = f.source.model_copy(update={"page": page})
        state.tasks.append(Task(
            id=f"t{k + 1}", section=state.section_at(f.start), number=f.number, title=f.title,
            text=f.text, responsible=responsible, span=(f.start, f.end),
            page=page, deadline=deadline_year(f.text) or deadline_year(f.title)
            or deadline_year(f.deadline_text or ""),
            lead=lead, support=support, implied=[u for u in f.implied if u not in responsible],
            deadline_text=f.deadline_text, source=f.source))


# ---------------------------------------------------------------- tasks in the text

@dataclass
class _Part:
    para: int
    text: str          # the paragraph's text after its number
    at: int            # offset of `text` in the normalized text


@dataclass
class _Block:
    number: Optional[str]
    heading: Optional[Heading]
    lead: Optional[str]            # a bold lead printed at the start of the header
    parts: list[_Part]
    style: Optional[str] = None    # the numbering style (lexicon/numbering: arabic, cn_paren …; 是)


@dataclass
class _Marker:
    start: int                     # in the block's joined text
    end: int
    who: Responsibility
    closing: bool                  # ends a task (end of a line, or before the next 二是)
    removable: bool                # a parenthesis or label line, cut from the task's text
    line: bool = False             # a label line of its own (组长单位：X)


def _text_tasks(state: State) -> list[_Found]:
    out: list[_Found] = []
    waiting: list[_Block] = []     # numbered items above that named nobody (what 以上任务由… covers)
    owner: Optional[tuple[_Found, _Block]] = None   # an item whose first line names its units
    for block in _blocks(state):
        at = next((k for k, p in enumerate(block.parts) if read_covering(p.text) is not None), None)
        if at is None:
            found = _block_tasks(state, block)
            if owner is not None and not found and _below(owner[1], block):
                # （一）完善医疗服务体系（X牵头，Y配合） / 1.推进… / 2.加强…: the sub-items that
                # name nobody are the text of the item above them
                _take_below(state, owner[0], block)
                continue
            owner = (found[0], block) if len(found) == 1 and found[0].open_below else None
            if block.number is None or not block.style or (waiting and waiting[-1].style != block.style):
                waiting = []       # a heading, a paragraph or another numbering: a new list of items
            if block.number is not None and block.style and not found and len(block.parts) == 1:
                waiting.append(block)
            out.extend(found)
            continue
        # 以上任务由市发展改革委牵头，市财政局配合。: every item above it that names nobody
        who = read_covering(block.parts[at].text)
        head = _Block(block.number, block.heading, block.lead, block.parts[:at], block.style)
        found = _block_tasks(state, head) if head.parts else []
        if head.parts and not found and (not waiting or waiting[-1].style == head.style):
            waiting.append(head)
        out.extend(found)
        out.extend(_covered(state, b, who) for b in waiting if b.number is not None)   # type: ignore[arg-type]
        waiting = []
        if block.parts[at + 1:]:
            out.extend(_block_tasks(state, _Block(None, None, None, block.parts[at + 1:])))
    return out


def _below(item: _Block, block: _Block) -> bool:
    """The block is a sub-item of the item: numbered in another style, and no heading at the
    item's level or above."""
    if block.number is None or not block.style or not item.style or "是" in (block.style, item.style):
        return False
    if block.heading is not None and item.heading is not None and block.heading.level <= item.heading.level:
        return False
    rank = {s.name: s.rank for s in heading_grammar().styles}
    return rank.get(block.style, -1) > rank.get(item.style, len(rank))


def _take_below(state: State, item: _Found, block: _Block) -> None:
    """The sub-item's paragraphs (numbers as printed) go to the item's text, its span and deadline."""
    norm = state.norm
    paras = [norm.para_text(norm.paras[p.para]).strip() for p in block.parts]
    item.text = "\n".join(x for x in [item.text] + paras if x)
    item.end = max(item.end, norm.paras[block.parts[-1].para].end)
    item.deadline_text = item.deadline_text or deadline_text("\n".join(paras))


def _covered(state: State, block: _Block, who: Responsibility) -> _Found:
    """An item that names nobody itself, given its units by a sentence after it."""
    joined, _ = _join(block.parts)
    title, text = _title(block, joined.strip(), True)
    norm = state.norm
    return _Found(start=norm.paras[block.parts[0].para].start, end=norm.paras[block.parts[-1].para].end,
                  number=block.number, title=title, text=text,
                  who=Responsibility(units=list(who.units)), deadline_text=who.deadline_text or deadline_text(joined))


def _blocks(state: State) -> list[_Block]:
    """Numbered paragraphs with the unnumbered text paragraphs after them; a run of unnumbered
    paragraphs before the first number is a block of its own."""
    norm = state.norm
    g = grammar()
    stops = set()
    for a, b in list(state.box_paras.values()) + list(state.table_paras.values()):
        stops.update(range(a, b))
    end = state.front.tail_start if state.front.tail_start is not None else len(norm.paras)
    heading_at = {p: h for h in state.outline for hid, p in [(h.id, state.heading_para.get(h.id))]
                  if p is not None}
    blocks: list[_Block] = []
    cur: Optional[_Block] = None
    for i in range(state.front.body_start, end):
        para = norm.paras[i]
        if i in stops or para.kind != "text":
            cur = None
            continue
        text = norm.para_text(para)
        if not text.strip():
            continue
        h = heading_at.get(i)
        numlen = heading_number_length(text) if not text.lstrip().startswith("专栏") else 0
        sub = g.sub_item.match(text.lstrip()) if not numlen else None
        if h is not None or numlen or sub:
            if h is not None:
                number = h.number
                numlen = numlen or 0
            elif numlen:
                # in ASCII digits, as the outline gives heading numbers (１． → 1, （２） → （2）)
                number = fold_brackets(fold_width("".join(text[:numlen].split()))).rstrip("、.．")
            else:
                lead_ws = len(text) - len(text.lstrip())
                numlen = lead_ws + sub.end()
                number = sub.group()
            after = text[numlen:]
            lead = None
            if para.bold_lead and para.bold_lead > numlen:
                lead = text[numlen:para.bold_lead].strip().rstrip("。.．：:") or None
            if sub:
                style = "是"
            else:
                style_m = match_heading_number(text.lstrip()) if numlen else None
                style = style_m[0].name if style_m else None
            cur = _Block(number=number, heading=h, lead=lead,
                         parts=[_Part(i, after, para.start + numlen)], style=style)
            blocks.append(cur)
        else:
            if cur is None:
                cur = _Block(number=None, heading=None, lead=None, parts=[])
                blocks.append(cur)
            cur.parts.append(_Part(i, text, para.start))
    return blocks


_CLOSING_MARKS = "。！？!?；;：:"


def _join(parts: list[_Part], heading_line: bool = False) -> tuple[str, list[int]]:
    """The parts as one text and where each part starts in it. A paragraph that stops
    mid-sentence (a split page, a split （责任单位：市卫生健康 / 委…）) continues on the next
    line without a break; a heading line (三、职责分工) never does."""
    out: list[str] = []
    starts: list[int] = []
    length = 0
    depth = 0
    g = grammar()
    for k, part in enumerate(parts):
        t = part.text.rstrip()
        if out and t:
            last = out[-1][-1] if out[-1] else ""
            # a label line (责任单位：X, 主要职责：…) is a line of its own, as is a heading line
            labelled = depth == 0 and bool(g.label.match(t.lstrip()) or g.label.match(out[-1].lstrip())
                                           or g.run_in_lead.match(t.lstrip()))
            if labelled and not g.label.match(t.lstrip()) and _cut_label_line(out[-1], t):
                labelled = False      # 责任单位：区民政局、区税 / 务局: a unit name cut by the line end
            if ((last in _CLOSING_MARKS or last in "）)") and depth == 0) or (k == 1 and heading_line) \
                    or labelled:
                out.append("\n")
                length += 1
        starts.append(length)
        out.append(t)
        length += len(t)
        depth = depth_after(t, depth)
    return "".join(out), starts


def _cut_label_line(line: str, after: str) -> bool:
    """A label line whose last unit the line break cut (责任单位：区民政局、区税 + 务局): it names
    nobody as printed, and does with the next line run on."""
    line, after = line.strip(), after.strip()
    g = grammar()
    if not g.label.match(line) or line[-1:] in _CLOSING_MARKS or starts_like_heading(after):
        return False
    # 市委 / 组织部: a line that opens like no unit (no area level, no 各) continues the one above
    opens_unit = after.startswith(tuple(g.data.organ_openers))
    return (read_units(line) is None or not opens_unit) and read_units(line + after) is not None


def _markers(joined: str, numbered: bool) -> list[_Marker]:
    g = grammar()
    found: list[_Marker] = []
    # a task ends at a line end, or where the next item starts in the same line (二是, 2. run in)
    closer = regex_cache.compile(rf"[。；;.，,]?[ \t]*(?:\n|$|(?={g.sub_item.pattern})|(?=\d{{1,2}}[、.．]\D)"
                                 rf"|(?=[（(][一二三四五六七八九十\d]{{1,3}}[)）]))")
    taken: list[tuple[int, int]] = []
    parens = list(parentheses(joined))
    for k, (s, e, inner) in enumerate(parens):
        who = read_units(inner)
        if who is None and s > 0 and (joined[s - 1] in "。；;！？" or (
                closer.match(joined, e) and not looks_like_unit(joined[max(0, s - 4):s]))):
            # ……。（市工业和信息化局、市科技局）: a parenthesis of named organs alone, standing
            # after a sentence of its own or closing its item (加强公平竞争审查（县市场监管局）。),
            # is the item's units (the roles, if any, by a rule of the plan); one right after a
            # name (市卫生健康委（市中医药局）) is part of that name
            who = read_bare_units(inner)
        if who is None:
            continue
        if k + 1 < len(parens) and parens[k + 1][0] == e and read_time(parens[k + 1][2]):
            # （牵头单位：X）（2025年底前）: a time in a parenthesis of its own after the units
            who.deadline_text = who.deadline_text or read_time(parens[k + 1][2])
            e = parens[k + 1][1]
        m = closer.match(joined, e)
        # a parenthesis after a sentence end closes its item even when the next item runs on
        # in the same line (……。（X负责）加强……: lines a converter joined)
        closing = m is not None or (s > 0 and joined[s - 1] in "。；;！？")
        found.append(_Marker(s, m.end() if m else e, who, closing, True))
        taken.append((s, e))
    # a 责任单位：… line of its own, and sentences that are a responsibility (由X牵头，Y配合。)
    pos = 0
    for line in joined.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if g.label.match(line.strip()):
            who = read_units(line)
            if who is None:
                # 完成时限：2025年底前 on its own line, after the label lines of an item
                dl = read_deadline_line(line)
                who = Responsibility(deadline_text=dl) if dl else None
            if who is not None and not any(a >= line_start and b <= pos for a, b in taken):
                found.append(_Marker(line_start, line_start + len(line), who, True, True, line=True))
                continue
        dash = read_dash(line)
        if dash is not None and not any(a >= line_start + dash[0] for a, _ in taken if a < pos):
            # ……。——市商务局、市财政局: the units after a dash close the item
            taken.append((line_start + dash[0], line_start + len(line)))
            found.append(_Marker(line_start + dash[0], line_start + len(line), dash[1], True, True))
        line_end = line_start + len(line.rstrip().rstrip("。；;！？"))
        pure: list[tuple[int, int, int, bool]] = []    # sentence markers: (index, start, end, whole)
        for k, sm in enumerate(regex.finditer(r"[^。；;！？]+[。；;！？]?", line)):
            sentence = sm.group()
            s, e = line_start + sm.start(), line_start + sm.end()
            if any(a < e and s < b for a, b in taken):
                continue
            core = sentence.strip().rstrip("。；;！？")
            duty = read_duty(core) if k == 0 else None
            if duty is not None:
                # 市教育局：负责学校卫生工作。 — a unit's duty paragraph (a department table in prose)
                found.append(_Marker(s, e, duty[1], False, False))
                continue
            lead = g.run_in_lead.match(core)
            if lead and not g.label.match(core):
                core = core[lead.end():]
            # 由X牵头，会同Y，制定…: a responsibility that opens a sentence and goes on with the
            # work counts where an item states it, at its start (the first sentence, or the one
            # after a numbered item's run-in title), not from inside a long paragraph
            closing = e >= line_end
            who = read_sentence(core, opening=k == 0 or (k == 1 and line_start == 0 and numbered),
                                closing=closing)
            if who is None:
                # 牵头单位：X；完成时限：2025年底。 — a deadline label after the units' own sentence
                dl = read_deadline_line(core) if pure and pure[-1][2] == s else None
                if dl is None:
                    continue
                who = Responsibility(deadline_text=dl)
            found.append(_Marker(s, e, who, closing, False))
            pure.append((len(found) - 1, s, e, not who.units or read_units(core) is not None))
        # the sentences that close the line and are only a responsibility (责任单位：X。 ·
        # 牵头单位：X；参与单位：Y。 · X负责。) are no part of the task's text, as a closing
        # parenthesis is not
        end = line_start + len(line.rstrip())
        for k, s, e, whole in reversed(pure):
            if not whole or e < end:
                break
            found[k].removable, end = True, s
        pure.clear()
    found.sort(key=lambda m: m.start)
    return found


def _block_tasks(state: State, block: _Block) -> list[_Found]:
    if not block.parts:
        return []
    h = block.heading
    joined, starts = _join(block.parts, h is not None and block.parts[0].text.strip().rstrip("。.．：:")
                           .endswith(h.title))
    markers = _markers(joined, block.number is not None)
    if not markers:
        return []
    for m in markers:
        # a parenthesis that is a paragraph of its own (1.推进医养结合 / （X牵头，Y配合） /
        # 支持……) is a label line: the paragraphs after it are its item's text
        i = _part_at(starts, m.start)
        if starts[i] == m.start and i > 0:
            end = starts[i + 1] if i + 1 < len(starts) else len(joined)
            m.line = m.line or joined[m.end:end].strip() in ("", "。", "；", ";")
    # cut the block after each closing marker, and before a paragraph that names units of its
    # own while the task before it already has some (综合组：由…牵头 / 督导组：由…牵头)
    cuts: list[tuple[int, int, list[_Marker]]] = []
    begin = 0
    group: list[_Marker] = []
    for m in markers:
        part = _part_at(starts, m.start)
        if not group and cuts and m.closing and not joined[cuts[-1][1]:m.start].strip():
            # 牵头单位：X / 配合单位：Y on two lines after one item: both close it
            a0, _, g0 = cuts[-1]
            cuts[-1] = (a0, m.end, g0 + [m])
            begin = m.end
            continue
        if group and part != _part_at(starts, group[-1].start) and starts[part] > begin:
            cuts.append((begin, starts[part], group))
            begin, group = starts[part], []
        group.append(m)
        if m.closing:
            cuts.append((begin, m.end, group))
            begin, group = m.end, []
    first_line = block.number is not None and len(cuts) == 1 and not group \
        and all(_part_at(starts, m.start) == 0 for m in cuts[0][2])
    if group:
        cuts.append((begin, len(joined), group))
    elif cuts and (cuts[-1][2][-1].line or first_line):
        # 组长单位：X / 成员单位：Y / 主要职责：… — the lines after the label lines are its text;
        # so are the paragraphs under an item whose first line names its units
        # (（一）推进老旧小区改造（X牵头，Y配合） / 完善…。 / 2025年底前完成…。)
        cuts[-1] = (cuts[-1][0], len(joined), cuts[-1][2])
    # a header that names nobody itself, above several tasks, introduces them
    header_names = any(_part_at(starts, m.start) == 0 for m in markers)
    keep_header = block.number is None or len(cuts) < 2 or header_names
    out = []
    for k, (a, b, group) in enumerate(cuts):
        with_header = k == 0 and keep_header and block.number is not None
        if k == 0 and not keep_header and len(starts) > 1:
            a = max(a, starts[1])
        body = _without_markers(joined, a, b, group).strip()
        number = block.number if with_header else None
        if not with_header:
            sub = grammar().sub_item.match(body)
            numlen = heading_number_length(body) if not sub else 0
            if sub:
                number, body = sub.group(), body[sub.end():]
            elif numlen and k > 0:      # 1.推进A。（X负责）2.推进B。（Y负责） in one paragraph
                number, body = fold_brackets("".join(body[:numlen].split()).rstrip("、.．")), body[numlen:]
            elif k == 0 and (len(cuts) >= 2 or _lone_sub_item(body)):
                # 着力抓好妇幼健康工作。一是……（A负责）。二是……: the sentences before 一是 introduce
                sub = _first_sub_item(body)
                if sub:
                    rest = body[sub.start("sub"):]
                    number, body = sub["sub"], body[sub.end():]
                    at = joined.find(rest[:sub.end() - sub.start("sub") + FIND_CHARS], a, b)
                    a = at if at != -1 else a      # the task starts at its 一是
        elif len(cuts) >= 2 or _lone_sub_item(body):
            # （三）加强妇幼健康服务。一是……（A负责）。二是……（B牵头）: the first task is 一是
            _, rest = _title(block, body, True)
            sub = _first_sub_item(rest)
            if sub:
                rest = rest[sub.start("sub"):]
                with_header, number, body = False, sub["sub"], rest[len(sub["sub"]):]
                at = joined.find(rest[:len(sub["sub"]) + FIND_CHARS], a, b)
                a = at if at != -1 else a      # the task starts at its 一是
        bold = None
        if not with_header and number is None:
            i0 = _part_at(starts, a)
            para = state.norm.paras[block.parts[i0].para]
            if a <= starts[i0] and para.bold_lead:     # a bold lead opening a plain paragraph
                bold = state.norm.text[para.start:para.start + para.bold_lead].strip().rstrip("。.．：:") or None
        title, text = _title(block, body, with_header, bold)
        if not title:
            continue
        who = Responsibility(units=_first_roles([u for m in group for u in m.who.units]))
        if not who.units:
            continue        # a deadline line with no units before it
        dl = next((m.who.deadline_text for m in group if m.who.deadline_text), None) \
            or deadline_text(body)
        i_a, i_b = _part_at(starts, a), _part_at(starts, max(a, b - 1))
        part_a = block.parts[i_a]
        if with_header or a == starts[i_a]:
            start = state.norm.paras[part_a.para].start
        else:   # a task that begins inside a paragraph (二是…)
            start = part_a.at + (a - starts[i_a])
            while start < len(state.norm.text) and state.norm.text[start] in " \t\n。；;":
                start += 1
        end = state.norm.paras[block.parts[i_b].para].end
        out.append(_Found(start=start, end=end, number=number, title=title, text=text, who=who,
                          deadline_text=dl, open_below=first_line and with_header
                          and not regex.search("[。；;！？]", joined[:cuts[0][2][0].start])))
    return out


def _lone_sub_item(text: str) -> bool:
    """The text holds one sub-item, after an introduction (……工作。一是……（A负责）。), and no
    二是 after it: its units are the 一是's (the 二是 went to a paragraph of its own)."""
    sub = _first_sub_item(text)
    return bool(sub) and sub.start("sub") > 0 and not grammar().sub_item.search(text, sub.end())


def _first_sub_item(text: str):
    """The first 一是 that opens the text or one of its sentences (its group `sub`), or None."""
    return regex.search(rf"(?:^|(?<=[。；;：:]))[ \t]*(?P<sub>{grammar().sub_item.pattern})", text)


def _first_roles(units):
    seen: dict[str, str] = {}
    for u, r in units:
        seen.setdefault(u, r)
    return list(seen.items())


def _part_at(starts: list[int], pos: int) -> int:
    return max(bisect.bisect_right(starts, pos) - 1, 0)


def _without_markers(joined: str, a: int, b: int, group: list[_Marker]) -> str:
    pieces, pos = [], a
    for m in group:
        if not m.removable or m.start < a:
            continue
        pieces.append(joined[pos:m.start])
        pos = m.end
        if joined[m.start:m.end].endswith("\n"):
            pieces.append("\n")      # the line break the marker closed stays a paragraph break
        elif m.end < b and joined[m.end] not in "。；;，,、！？\n" and m.start > a \
                and joined[m.start - 1] not in _CLOSING_MARKS:
            # 发展托育服务（X负责）到2027年，…: the units end the lead where a converter ran
            # the heading line into the next paragraph
            pieces.append("\n")
    pieces.append(joined[pos:b])
    text = "".join(pieces)
    return regex.sub(r"[ \t]+\n", "\n", text).strip()


def _title(block: _Block, body: str, with_header: bool, bold: Optional[str] = None) -> tuple[str, str]:
    """(title, text): the printed lead (a heading's run-in title, a bold lead, 综合组：) where there
    is one, else the text up to the first 。 or ；."""
    g = grammar()
    lead = bold
    if with_header:
        lead = block.heading.title if block.heading is not None else block.lead
    if lead is None:
        m = g.run_in_lead.match(body)
        duty = read_duty(body)
        if duty is not None:
            # 市教育局：负责… — the unit is not the title (综合组：由…牵头 — the group is)
            body = body[duty[0]:].lstrip()
        elif m and not g.label.match(body):
            lead = m["title"]
    if lead is not None:
        lead = _without_responsibility(lead)
        at = body.find(lead)
        rest = body[at + len(lead):] if at != -1 and at <= MAX_LEAD_OFFSET else body
        return lead.strip(), rest.lstrip("。.．:： \t\n")
    m = regex.search(r"[。；;\n]", body)     # a paragraph's end ends the title too
    if m:
        return body[:m.start()].strip(), body[m.end():].lstrip(" \t\n")
    return body.strip(), ""


def _without_responsibility(title: str) -> str:
    """A heading's title without the responsibility parenthesis printed in it; text run on after
    the parenthesis with no sentence mark (a converter joined the next paragraph) is not title."""
    for s, e, inner in reversed(list(parentheses(title))):
        if read_units(inner) is not None or (not title[e:].strip("。；; ") and s > 0
                                             and not looks_like_unit(title[max(0, s - 4):s])
                                             and read_bare_units(inner) is not None):
            title = (title[:s] if s > 0 and title[e:].strip() else title[:s] + title[e:]).strip()
    return title


# ---------------------------------------------------------------- tasks in tables

def _table_tasks(state: State) -> list[_Found]:
    out: list[_Found] = []
    carry: dict = {}
    for table in state.tables:
        out.extend(_rows_of(table, carry))
    return out


def _column(columns: list[str], names: list[str]) -> Optional[int]:
    """The first column whose header is one of names (whole header first, then a header
    that starts or ends with one: 牵头单位（部门）, 主要任务及措施 stay out of this)."""
    clean = ["".join(c.split()) for c in columns]
    for name in names:
        for i, c in enumerate(clean):
            if c == name:
                return i
    for name in names:
        for i, c in enumerate(clean):
            if c.startswith((name + "（", name + "(")) and c.endswith(("）", ")")):
                return i
    # a header of two rows read as one (责任单位 over 牵头单位 | 配合单位 → 责任单位牵头单位): the
    # lower row names the column, the upper one is a group header of the vocabulary
    groups = _header_words()
    for name in names:
        for i, c in enumerate(clean):
            if c.endswith(name) and c[:-len(name)] in groups:
                return i
    return None


@functools.cache
def _header_words() -> frozenset[str]:
    cols = grammar().data.table
    return frozenset(cols.number + cols.task + cols.lead + cols.responsible + cols.support + cols.deadline
                     + cols.groups)


def _rows_of(table: Table, carry: Optional[dict] = None) -> list[_Found]:
    """A task per row. carry: what the last row of the table before leaves to this one, where
    this one goes on under the same header (a table a page break cut in two, its header printed
    again): the merged task and lead cells of that row."""
    cols = grammar().data.table
    columns, first = table.columns, 0
    if not any(c.strip() for c in columns) and table.rows:
        # a header the tables stage did not know as one (部门 | 职责 in tab rows): its first row,
        # when that row names a task column and a unit column
        columns, first = table.rows[0], 1
    if len(table.rows) > first + 1 and _header_row(table.rows[first]):
        # 责任单位 over 牵头单位 | 配合单位: a header of two rows, read as one
        lower = table.rows[first]
        columns = [a + (lower[i] if i < len(lower) else "") for i, a in enumerate(columns)]
        first += 1
    # the columns of the work itself (重点任务 | 具体措施): the leftmost gives the title, the
    # others the row's own text
    c_work = sorted(set(c for c in (_column(columns, [name]) for name in cols.task) if c is not None))
    c_task = c_work[0] if c_work else None
    c_more = c_work[1:]
    c_lead = _column(columns, cols.lead)
    c_resp = _column(columns, cols.responsible)
    c_sup = _column(columns, cols.support)
    if c_task is None or (c_lead is None and c_resp is None):
        return []
    c_num = _column(columns, cols.number)
    c_dl = _column(columns, cols.deadline)
    out = []
    above: dict[int, str] = {}    # the lead and responsible cells of the row above
    above_task = ""               # the task cell of the row above
    if carry is not None and carry.get("columns") == columns:
        above, above_task = carry["above"], carry["task"]
    last: Optional[tuple[_Found, str]] = None    # the task of the row above and its task cell
    for r, row in enumerate(table.rows):
        if r < first or _header_row(row):
            continue              # the header again after a page break is no task
        cell = lambda c: row[c].strip() if c is not None and c < len(row) else ""   # noqa: E731
        task = cell(c_task)
        if task and last is not None and not any(x.strip() for i, x in enumerate(row) if i != c_task) \
                and not starts_like_heading(task):
            # a task cell's second line that a flattening printed as a row of its own
            found, body = last
            body = body + " ".join(task.split())
            found.title, text = _title_and_text(body)
            found.text = "\n".join(x for x in [text] + found.text.split("\n")[1 if _title_and_text(last[1])[1] else 0:] if x)
            span = table.row_spans[r] if r < len(table.row_spans) else table.span
            found.end = max(found.end, span[1])
            found.deadline_text = found.deadline_text or deadline_text(body)
            last = (found, body)
            continue
        last = None
        if not task and above_task and any(cell(c) for c in c_more):
            # 重点任务 merged over the rows of its measures, printed once by a flattening
            task = above_task
        if not task or len(set(x for x in row if x.strip())) <= 1:
            above, above_task = {}, ""
            continue      # an empty row or a group row printed across the table
        above_task = task
        # every task has a lead: an empty cell of the column that names it (牵头单位, else
        # 责任单位) under a filled one is a cell merged over both rows that a flattening printed
        # once, on the first; beside a lead column, 责任单位 is a support column, empty when none
        c_owner = c_lead if c_lead is not None else c_resp
        owner = {c_owner: cell(c_owner) or above.get(c_owner, "")}
        above = owner
        unit_cell = lambda c: owner[c] if c in owner else cell(c)   # noqa: E731
        cells = [(_cell_units(unit_cell(c)), role) for c, role in ((c_lead, "lead"), (c_resp, "responsible"),
                                                                    (c_sup, "support"))]
        if any(units is None for units, _ in cells):
            continue
        # a cell's own role word (市卫生健康委（牵头）) wins over its column's
        who = Responsibility(units=_first_roles([(u, own or role) for units, role in cells
                                                 for u, own in units]))   # type: ignore[union-attr]
        if not who.units:
            continue
        span = table.row_spans[r] if r < len(table.row_spans) else table.span
        body = " ".join(task.split()) if "\n" in task else task
        title, text = _title_and_text(body)
        more = [" ".join(cell(c).split()) for c in c_more if cell(c)]
        text = "\n".join(x for x in [text] + more if x)
        number = cell(c_num) or None
        dl = cell(c_dl)
        out.append(_Found(start=span[0], end=span[1], number=number, title=title, text=text, who=who,
                          deadline_text=(standing_deadline(dl) or ("".join(dl.split()) if dl else None))
                          or deadline_text(body),
                          source=TaskSource(kind="table", table=table.id, row=r, span=span)))
        last = (out[-1], body)
    if carry is not None:
        carry.update(columns=columns, above=above, task=above_task)
    return out


def _title_and_text(body: str) -> tuple[str, str]:
    """A task cell: its title up to the first 。 or ；, the rest its text."""
    m = regex.search(r"[。；;]", body)
    return (body[:m.start()].strip(), body[m.end():].strip()) if m else (body, "")


def _header_row(row: list[str]) -> bool:
    """A row of header words only (序号 | 重点任务 | 牵头单位 …, or 牵头单位 | 配合单位 under a header
    over both): a header, also where a page break printed it again."""
    cells = ["".join(c.split()) for c in row if c.strip()]
    words = _header_words()
    return bool(cells) and all(c in words for c in cells) and len(cells) >= min(2, len(row))


def _cell_units(cell: str) -> Optional[list[tuple[str, Optional[str]]]]:
    """Units of a table cell with the role a cell prints itself (市卫生健康委（牵头）), else None
    for the role; None when the cell is prose rather than names."""
    if not cell or cell in "-—/无":
        return []
    who = read_units(separate_cell_lines(cell), need_role=False)
    if who is not None and (len(who.units) > 1 or who.explicit):
        return [(u, r if r != "responsible" else None) for u, r in who.units]
    units = split_cell_units(cell)
    if units and all(looks_like_unit(u) for u in units):
        return [(u, None) for u in units]
    return None


# ---------------------------------------------------------------- blanket rules

def _rule_matches(text: str, patterns_: list, keyword: str):
    """Matches of the rule patterns, looked for only on the lines that hold the rule's key word
    (均, 牵头): a rule is one sentence, and the patterns are costly to try at every offset."""
    pos = 0
    for line in text.split("\n"):
        if keyword in line:
            for pattern in patterns_:
                for m in pattern.finditer(line):
                    yield pos + m.start(), m
        pos += len(line) + 1


def _apply_blanket_rules(state: State, found: list[_Found]) -> None:
    g = grammar()
    text = state.norm.text
    for at, m in _rule_matches(text, g.blanket, "均"):
        units = []
        for piece in split_top_level(m["units"], "、，,"):
            units.extend(u for u in split_units(piece) if looks_like_unit(u))
        if not units:
            continue
        for f in found:
            if m["following"] and f.start < at:
                continue
            f.implied.extend(u for u in units if u not in f.implied)
    for at, m in _rule_matches(text, g.first_is_lead, "牵头"):
        line_start = text.rfind("\n", 0, at) + 1
        inside = [s for s, e, _ in parentheses(text[line_start:text.find("\n", at) % (len(text) + 1)])
                  if s <= at + len(m.group()) - 1 - line_start < e]
        if inside and text[line_start:line_start + inside[0]].strip():
            continue      # a note inside one task's parenthesis: the grammar reads it there
        for f in found:
            if (m["following"] and f.start < at) or not f.who.units:
                continue
            if not any(r == "lead" for _, r in f.who.units):
                first, rest = f.who.units[0], f.who.units[1:]
                f.who.units = [(first[0], "lead")] + [(u, "support" if r == "responsible" else r)
                                                      for u, r in rest]
