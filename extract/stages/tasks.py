"""tasks stage: numbered items with a lead title that the document marks as tasks.

A document marks its tasks by naming who is responsible at the end of each item
(`……。（责任单位：市卫生健康委、市财政局，各县区人民政府）`, `（省卫生健康委……按职责分工负责）`).
The items under one heading form a group; a group is a task list when enough of its items
carry such a parenthesis (patterns/tasks.yaml), so 三、组织实施's `（一）加强组织领导。…` beside a
marked task list stays a heading, and a plan that never names units has no tasks.

Items come from the outline (segment found them); this stage only reads their extent.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from .. import patterns
from ..lexicon.brackets import depth_after, matching_open
from ..model import Heading, Task
from ..numerals import cn_int
from ..state import State


class Responsibility(patterns.PatternModel):
    labels: list[str]
    trailing: list[str]


class TaskPatterns(patterns.PatternModel):
    responsibility: Responsibility
    unit_separators: list[str]
    unit_prefixes: list[str]
    unit_suffixes: list[str]
    max_unit_chars: int
    min_marked_share: float
    deadline: list[str]


@dataclass(frozen=True)
class _Grammar:
    data: TaskPatterns
    separators: "regex.Pattern[str]"
    label: "regex.Pattern[str]"        # 责任单位： at the start of a piece
    any_label: "regex.Pattern[str]"    # 配合单位： anywhere, a separator of its own
    prefix: "regex.Pattern[str]"       # 由 before a unit
    trailing: "regex.Pattern[str]"     # 按职责分工负责 at the end of a piece
    suffix: "regex.Pattern[str]"       # 等 at the end of a unit
    deadline: list["regex.Pattern[str]"]


_YEAR = r"(?P<year>20\d{2}|二[〇○零][一二三四五六七八九〇○零]{2})"


@patterns.compiled("tasks", TaskPatterns)
def grammar(data: TaskPatterns) -> _Grammar:
    alt = patterns.alternation
    return _Grammar(
        data=data,
        separators=patterns.compile(f"(?:{alt(data.unit_separators)})"),
        label=patterns.compile(rf"^(?:{alt(data.responsibility.labels)})\s*[：:]\s*"),
        any_label=patterns.compile(rf"(?:{alt(data.responsibility.labels)})\s*[：:]"),
        prefix=patterns.compile(rf"^(?:{alt(data.unit_prefixes)})"),
        trailing=patterns.compile(rf"(?:{alt(data.responsibility.trailing)})$"),
        suffix=patterns.compile(rf"(?:{alt(data.unit_suffixes)})$"),
        deadline=[patterns.compile(p.replace("{year}", _YEAR)) for p in data.deadline],
    )


# ---------------------------------------------------------------- public helpers

def responsible_units(inner: str) -> Optional[list[str]]:
    """Units named inside a responsibility parenthesis (without its brackets); None when the
    parenthesis is not one (`（含中藏医医院）`). `市卫生健康委、市财政局，各县区人民政府` needs a
    label or a trailing 负责 phrase to count: an unmarked list is just a list."""
    g = grammar()
    text = "".join(inner.split())
    if not text:
        return None
    units: list[str] = []
    marked = False
    text = g.any_label.sub(lambda m: g.data.unit_separators[0] + m.group(), text)
    for piece in g.separators.split(text):
        m = g.label.match(piece)
        if m:
            piece, marked = piece[m.end():], True
        m = g.trailing.search(piece)
        if m:
            piece, marked = piece[:m.start()], True
        piece = g.prefix.sub("", g.suffix.sub("", piece))
        if not piece:
            continue
        if len(piece) > g.data.max_unit_chars or regex.search(r"[。！？：:]", piece):
            return None
        units.append(piece)
    return units if marked and units else None


def split_responsibility(text: str) -> tuple[str, Optional[list[str]]]:
    """(text without its closing responsibility parenthesis, units) — units None when the text
    does not end with one."""
    body = text.rstrip()
    while body and body[-1] in "。.；;":
        body = body[:-1].rstrip()
    if not body or body[-1] not in "）)":
        return text, None
    open_at = matching_open(body, len(body) - 1)
    if open_at is None:
        return text, None
    units = responsible_units(body[open_at + 1:-1])
    if units is None:
        return text, None
    return body[:open_at].rstrip(), units


def deadline_year(text: str) -> Optional[int]:
    """The latest target year the text names (到2025年, 2025年底前), or None."""
    years = []
    for pattern in grammar().deadline:
        for m in pattern.finditer(text):
            y = m["year"]
            years.append(int(y) if y.isdigit() else cn_int(y))
    years = [y for y in years if y]
    return max(years) if years else None


# ---------------------------------------------------------------- the stage

@dataclass
class _Item:
    heading: Heading
    span: tuple[int, int]
    text: str
    responsible: Optional[list[str]]


def run(state: State) -> None:
    items = _items(state)
    share = grammar().data.min_marked_share
    groups: dict[Optional[str], list[_Item]] = {}
    for it in items:
        groups.setdefault(it.heading.parent, []).append(it)
    chosen: list[_Item] = []
    for group in groups.values():
        marked = sum(1 for it in group if it.responsible is not None)
        if marked and marked >= share * len(group):
            chosen.extend(group)
    chosen.sort(key=lambda it: it.span[0])
    for k, it in enumerate(chosen):
        state.tasks.append(Task(
            id=f"t{k + 1}", section=state.section_at(it.span[0]), number=it.heading.number,
            title=it.heading.title, text=it.text, responsible=it.responsible or [],
            span=it.span, page=state.norm.page_at(it.span[0]), deadline=deadline_year(it.text)))


def _items(state: State) -> list[_Item]:
    """Every heading of the outline with the text it leads, up to the next heading or box."""
    norm = state.norm
    stops = set(state.heading_para.values())
    stops.update(a for a, _ in state.box_paras.values())
    stops.update(a for a, _ in state.table_paras.values())
    if state.front.tail_start is not None:
        stops.add(state.front.tail_start)
    items = []
    for h in state.outline:
        p = state.heading_para.get(h.id)
        if p is None:
            continue
        para = norm.paras[p]
        first = norm.text[h.span[1]:para.end].lstrip("。.．:： \t")
        parts, end = [first], para.end
        q = p + 1
        while q < len(norm.paras) and q not in stops and norm.paras[q].kind == "text":
            parts.append(norm.para_text(norm.paras[q]))
            end = norm.paras[q].end
            q += 1
        text = _join(parts)
        body, units = split_responsibility(text)
        items.append(_Item(heading=h, span=(para.start, end), text=body, responsible=units))
    return items


_CLOSING_MARKS = "。！？!?；;：:"


def _join(parts: list[str]) -> str:
    """Paragraphs of one item: a paragraph that stops mid-sentence (a split page, a split
    （责任单位：市卫生健康 / 委…） parenthesis) continues on the next line without a break.
    Linear: the bracket depth is carried along, not recounted for every paragraph."""
    out: list[str] = []
    depth = 0
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out:
            last = out[-1][-1]
            if (last in _CLOSING_MARKS or last in "）)") and depth == 0:
                out.append("\n")
        out.append(part)
        depth = depth_after(part, depth)
    return "".join(out)


