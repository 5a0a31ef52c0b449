"""Who is responsible for a task: one grammar for every way a plan prints it.

`read_units("市卫生健康委牵头，市财政局、市医保局按职责分工负责")` → the units with their roles.
The grammar is data (patterns/tasks.yaml: labels, role phrases, unit shapes); this module only
cuts the text into pieces, outside nested brackets, and gives each piece its role.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Literal, Optional

import regex

from . import patterns, regex_cache
from .lexicon.brackets import CLOSING, OPENING, depth_after, matching_open, split_top_level
from .lexicon.dates import YEAR, year_value

Role = Literal["lead", "support", "responsible"]
_ROLES: tuple[Role, ...] = ("lead", "support", "responsible")


class _Roles(patterns.PatternModel):
    lead: list[str]
    support: list[str]
    responsible: list[str]


class _TableColumns(patterns.PatternModel):
    number: list[str]
    task: list[str]
    lead: list[str]
    responsible: list[str]
    support: list[str]
    deadline: list[str]
    groups: list[str]


class TaskPatterns(patterns.PatternModel):
    labels: _Roles
    trailing: _Roles
    leading_support: list[str]
    person_labels: list[str]
    deadline_labels: list[str]
    unit_separators: list[str]
    unit_conjunctions: list[str]
    unit_prefixes: list[str]
    unit_suffixes: list[str]
    shared_names: list[str]
    unit_ends: list[str]
    unit_collectives: list[str]
    area_ends: list[str]
    not_in_unit: list[str]
    not_unit_start: list[str]
    max_unit_chars: int
    unit_openers: list[str]
    organ_openers: list[str]
    organ_ends: list[str]
    dash_units: str
    covering: str
    sub_item: str
    run_in_lead: str
    unit_duty: str
    area_levels: str
    blanket: list[str]
    first_is_lead: list[str]
    table: _TableColumns
    deadline_phrases: list[patterns.RegexWith("year")]   # type: ignore[valid-type]
    min_deadline_year: int
    time_piece: patterns.Regex   # type: ignore[valid-type]
    completion_words: list[str]
    max_deadline_chars: int
    max_deadline_tail_chars: int
    standing_deadlines: list[str]
    deadline: list[patterns.RegexWith("year")]   # type: ignore[valid-type]


@dataclass(frozen=True)
class _Grammar:
    data: TaskPatterns
    label: "regex.Pattern[str]"          # a label (role or deadline) at the start of a piece
    any_label: "regex.Pattern[str]"      # a label anywhere: a separator of its own
    label_role: dict[str, str]           # label → role, or "deadline"
    trailing: "regex.Pattern[str]"       # a role phrase at the end of a piece
    trailing_role: dict[str, str]
    prefix: "regex.Pattern[str]"
    suffix: "regex.Pattern[str]"
    conjunction: "regex.Pattern[str]"
    joined: "regex.Pattern[str]"
    unit_end: "regex.Pattern[str]"
    concatenated: "regex.Pattern[str]"   # 委|市 inside a table cell's joined lines
    deadline_phrase: "regex.Pattern[str]"
    time_piece: "regex.Pattern[str]"
    spaced: "regex.Pattern[str]"        # a space between two units (市发展改革委 市财政局)
    role_run: "regex.Pattern[str]"      # a role phrase run into the next unit (X牵头Y配合: a lost space)
    standing: "regex.Pattern[str]"
    deadline_year: list["regex.Pattern[str]"]
    organ: "regex.Pattern[str]"         # a named organ: 市卫生健康委, 教育部 (not 科研院所)
    dash_units: "regex.Pattern[str]"
    covering: "regex.Pattern[str]"
    sub_item: "regex.Pattern[str]"
    run_in_lead: "regex.Pattern[str]"
    unit_duty: "regex.Pattern[str]"
    area_levels: "regex.Pattern[str]"
    blanket: list["regex.Pattern[str]"]
    first_is_lead: list["regex.Pattern[str]"]
    role_word: "regex.Pattern[str]"     # any label or role phrase: a cheap test before parsing
    after_bracket_role: "regex.Pattern[str]"   # 县民政局（牵头）|县大数据中心: a lost line break


def _longest_first(words: list[str]) -> list[str]:
    return sorted(words, key=len, reverse=True)


# The brackets a role may stand in after its unit: 市卫生健康委（牵头） · 〔牵头〕 · [牵头] (【牵头单位】 is a
# label before the units: grammar().label)
_ROLE_OPEN, _ROLE_CLOSE = r"（(〔［\[", r"）)〕］\]"


@functools.cache
def grammar() -> _Grammar:
    d = patterns.load("tasks", TaskPatterns)
    alt = patterns.alternation
    label_role: dict[str, str] = {}
    for role in _ROLES:
        for w in getattr(d.labels, role):
            label_role[w] = role
    for w in d.deadline_labels:
        label_role[w] = "deadline"
    for w in d.person_labels:
        label_role[w] = "person"
    labels = alt(_longest_first(list(label_role)))
    trailing_role: dict[str, str] = {}
    for role in _ROLES:
        for w in getattr(d.trailing, role):
            trailing_role[w] = role
    bracketed = {**{w: r for w, r in label_role.items() if r not in ("deadline", "person")}, **trailing_role}
    ends = alt(_longest_first(d.unit_ends))
    conj = alt(_longest_first(d.unit_conjunctions))
    opener = alt(_longest_first(d.unit_openers))
    # a unit end that is not a lone area character (市市场监管局 must stay one unit)
    org_ends = alt(_longest_first([e for e in d.unit_ends if e not in d.area_ends]))
    return _Grammar(
        data=d,
        # 责任单位： · 【责任单位】 (a label in lenticular brackets, the colon optional)
        label=patterns.compile(rf"^(?:【(?P<label>{labels})】[：:]?|(?P<label>{labels})[：:])"),
        any_label=patterns.compile(rf"【(?:{labels})】[：:]?|(?:{labels})[：:]"),
        label_role=label_role,
        # 市卫生健康委牵头 · 市卫生健康委（牵头）
        trailing=patterns.compile(rf"(?:[{_ROLE_OPEN}](?P<phrase>{alt(list(bracketed))})[{_ROLE_CLOSE}]"
                                  rf"|(?P<phrase>{alt(list(trailing_role))}))$"),
        trailing_role=bracketed,
        prefix=patterns.compile(rf"^(?:{alt(d.unit_prefixes)})"),
        suffix=patterns.compile(rf"(?:{alt(_longest_first(d.unit_suffixes))})$"),
        conjunction=patterns.compile(rf"(?<=(?:{ends})|[）)])(?:{conj})(?=.)"),
        # 市卫生健康委会同市医保局: a joining word right after a unit opens a piece of its own
        joined=patterns.compile(rf"(?<=(?:{ends})|[）)])(?=(?:{alt(_longest_first(d.leading_support))}).)"),
        unit_end=patterns.compile(rf"(?:{ends})$"),
        concatenated=patterns.compile(rf"(?<=.(?:{org_ends}))(?=(?:{opener}).)"),
        deadline_phrase=patterns.compile("|".join(f"(?:{p})" for p in d.deadline_phrases)),
        time_piece=patterns.compile(d.time_piece),
        spaced=patterns.compile(rf"(?<=.(?:{org_ends})|(?:{alt(_longest_first(list(trailing_role)))}))\s+"
                                rf"(?=(?:{alt(_longest_first(d.organ_openers))}).)"),
        role_run=patterns.compile(rf"(?<=(?:{ends}|[）)])(?:{alt(_longest_first(list(trailing_role)))}))"
                                  rf"(?=(?:{alt(_longest_first(d.organ_openers))}).)"),
        standing=patterns.compile(rf"^(?:{alt(_longest_first(d.standing_deadlines))})$"),
        deadline_year=[patterns.compile(p) for p in d.deadline],
        organ=patterns.compile(rf"^(?:{alt(_longest_first(d.organ_openers))})|(?:{alt(_longest_first(d.organ_ends))})$"),
        dash_units=patterns.compile(d.dash_units),
        covering=patterns.compile(d.covering),
        sub_item=patterns.compile(d.sub_item),
        run_in_lead=patterns.compile(d.run_in_lead),
        unit_duty=patterns.compile(d.unit_duty),
        area_levels=patterns.compile(d.area_levels),
        blanket=[patterns.compile(p) for p in d.blanket],
        first_is_lead=[patterns.compile(p) for p in d.first_is_lead],
        role_word=patterns.compile(f"{labels}|{alt(list(trailing_role))}"),
        after_bracket_role=patterns.compile(rf"(?<=[{_ROLE_OPEN}](?:{alt(list(bracketed))})[{_ROLE_CLOSE}])(?=[^、，,；;\n])"),
    )


# ---------------------------------------------------------------- what the grammar reads

@dataclass
class Responsibility:
    """The units a task names, each with its printed role, and a deadline printed beside them."""
    units: list[tuple[str, Role]] = field(default_factory=list)
    deadline_text: Optional[str] = None
    labelled: bool = False        # a label (责任单位：) named some of the units

    @property
    def explicit(self) -> bool:
        """Marked beyond doubt: by a label or a 牵头 phrase (what a bare sentence needs)."""
        return self.labelled or any(r == "lead" for _, r in self.units)

    @property
    def responsible(self) -> list[str]:
        return _unique(u for u, _ in self.units)

    def roles(self) -> tuple[list[str], list[str]]:
        """(lead, support): 牵头 units lead; neutral units (责任单位, 负责) lead beside 配合 units
        or when they are the only unit named; otherwise every unit supports (a joint duty)."""
        units = self.responsible
        role = {}
        for u, r in self.units:
            role.setdefault(u, r)
        leads = [u for u in units if role[u] == "lead"]
        supports = [u for u in units if role[u] == "support"]
        neutral = [u for u in units if role[u] == "responsible"]
        if leads:
            return leads, [u for u in units if u not in leads]
        if supports and neutral:
            return neutral, supports
        if len(units) == 1 and neutral:
            return neutral, []
        return [], units


def _unique(items) -> list[str]:
    seen: dict[str, None] = {}
    for x in items:
        seen.setdefault(x, None)
    return list(seen)


def looks_like_unit(name: str) -> bool:
    """An organisation or area name, not a clause (市卫生健康委, 各县（市、区）人民政府, 各地)."""
    g = grammar()
    d = g.data
    if not name or len(name) > d.max_unit_chars or regex.search(r"[。！？：:“”\"《》\d%％]", name):
        return False
    outer = regex.sub(r"[（(][^（()）]*[)）]", "", name)    # 各镇（街道、管委会） → 各镇
    if not outer or any(c in outer for c in d.not_in_unit):
        return False
    if outer.startswith(tuple(d.not_unit_start)):
        return False
    if outer in d.unit_collectives:
        return True
    return bool(g.unit_end.search(outer))


def is_organ(name: str) -> bool:
    """A unit named as a government body (市卫生健康委, 各区人民政府, 教育部), not a kind of body
    (科研院所, 行业协会)."""
    return looks_like_unit(name) and bool(grammar().organ.search(name))


def read_dash(text: str) -> Optional[tuple[int, Responsibility]]:
    """Units printed after a dash at the end of an item (……。——市商务局、市财政局): (where the
    dash starts, the units), or None."""
    m = grammar().dash_units.search(text)
    if m is None:
        return None
    who = read_units(m["units"], need_role=False)
    if who is None or not all(is_organ(u) for u in who.responsible):
        return None
    return m.start(), who


def read_bare_units(text: str) -> Optional[Responsibility]:
    """Units listed without a role word (市工业和信息化局、市科技局，2024年底前), each a named
    organ, as a responsibility of neutral roles; None for anything else (含妇幼保健院, 2024—2026年,
    科研院所、行业协会)."""
    who = read_units(text, need_role=False)
    if who is None or not who.units or not all(is_organ(u) for u in who.responsible):
        return None
    return who


def read_duty(text: str) -> Optional[tuple[int, Responsibility]]:
    """A unit's duty paragraph, the department table printed as prose: `县教育局：负责学校卫生
    工作` · `区住房城乡建设局、区自然资源局：保障配套幼儿园用地` → (where the text after the
    colon starts, the units). A role word after the colon (负责 牵头 配合 …: unit_duty) gives the
    units their role; without one the units must be government bodies (ending like one, or 各…),
    so a run-in lead such as 综合组： or 中心城区： is none."""
    g = grammar()
    m = _UNIT_COLON.match(text)
    if m is None or g.label.match(text):
        return None
    units: list[str] = []
    for piece in split_top_level(m["units"], "、，,"):
        units.extend(split_units(piece))
    if not units or not all(looks_like_unit(u) for u in units):
        return None
    duty = g.unit_duty.match(text[m.end():].lstrip())
    if duty is None and not all(_is_body(u) for u in units):
        return None
    role = g.trailing_role.get(duty["role"], "responsible") if duty else "responsible"
    return m.end(), Responsibility(units=[(u, role) for u in _unique(units)])   # type: ignore[misc]


_UNIT_COLON = regex_cache.compile(r"^[ \t]*(?P<units>[^。；;：:\n]{2,80}?)[：:]")


def _is_body(name: str) -> bool:
    """A government body by its name: it ends like one (委 局 厅 办 部 府 …) or opens with 各."""
    d = grammar().data
    outer = regex.sub(r"[（(][^（()）]*[)）]", "", name)
    return outer.startswith("各") or outer.endswith(tuple(d.organ_ends))


def read_covering(sentence: str) -> Optional[Responsibility]:
    """以上任务由市发展改革委牵头，市财政局配合。 → the units it gives every item above it."""
    m = grammar().covering.match(sentence.strip())
    if m is None:
        return None
    return read_units(m["who"])


def split_units(piece: str) -> list[str]:
    """One piece → its units: 省卫生健康委及省民政厅 → two; 等/由 dropped; two names whose
    separator was lost (a line break in a cell, a space that layout removal took:
    市卫生健康委市财政局) cut where one ends like an organisation and the next opens like a unit."""
    g = grammar()
    out = []
    for part in _split_joined(piece):
        part = g.prefix.sub("", g.suffix.sub("", part))
        out.extend(u for u in cut_run_together(part) if u)
    return out


def _split_joined(piece: str) -> list[str]:
    """A piece cut at its joining words (及/和/与) after a unit name, except before a name the
    units share (各区县党委和政府: 政府 is no unit of its own)."""
    g = grammar()
    parts, begin, cut = [], 0, 0
    cuts = [(m.start(), m.end()) for m in g.conjunction.finditer(piece)] + [(len(piece), len(piece))]
    for k, (a, b) in enumerate(cuts[:-1]):
        if piece[b:cuts[k + 1][0]] in g.data.shared_names:
            continue
        parts.append(piece[begin:a])
        begin = b
    parts.append(piece[begin:])
    return parts


def cut_run_together(name: str) -> list[str]:
    """市卫生健康委市财政局 → two names; 市市场监管局, 团市委 stay one (the cut needs a name
    before it: each cut starts the search again on the rest)."""
    g = grammar()
    out = []
    pos = 0
    while True:
        m = g.concatenated.search(name, pos)
        if m is None:
            break
        if depth_after(name[:m.start()]):     # 各村（社区）: never inside a bracket
            pos = m.start() + 1
            continue
        out.append(name[:m.start()])
        name, pos = name[m.start():], 0
    return out + [name]


def separate_cell_lines(cell: str) -> str:
    """A table cell whose line breaks are lost (县民政局（牵头）县大数据中心) with 、 put back
    between the units (names run together are cut by split_units)."""
    g = grammar()
    cell = g.after_bracket_role.sub("、", cell)
    return "、".join(regex.split(r"[\n\t]+|\s{2,}", cell.strip()))


def split_cell_units(cell: str) -> list[str]:
    """A table cell's units: lines and separators cut, and two names joined by a lost line
    break (市卫生健康委市财政局) cut where one ends like a unit and the next opens like one."""
    g = grammar()
    seps = "".join(s for s in g.data.unit_separators if len(s) == 1)
    units: list[str] = []
    for line in regex.split(r"[\n\t ]+|\s{2,}", cell.strip()):
        for piece in split_top_level(line, seps):
            units.extend(split_units(piece))
    return units


def read_units(text: str, *, need_role: bool = True) -> Optional[Responsibility]:
    """The units a parenthesis, sentence or line names, with roles; None when it is not one
    (`含中藏医医院`, `2024—2026年`, a clause). need_role: an unlabelled list without a role
    phrase (`市卫生健康委、市财政局`) is just a list, not a responsibility."""
    g = grammar()
    d = g.data
    # a space between two units separates them (责任单位：市发展改革委 市财政局); any other is
    # layout (市人力资源 社会保障局)
    text = g.role_run.sub("，", "".join(g.spaced.sub("、", text.strip()).split()))
    if not text or (need_role and not g.role_word.search(text)):
        return None
    seps = "".join(s for s in d.unit_separators if len(s) == 1)
    text = g.any_label.sub(lambda m: seps[0] + m.group(), text)
    text = g.joined.sub(seps[0], text)
    out = Responsibility()
    marked = False
    scope: Optional[str] = None          # the role a label gives to the pieces after it
    pending: list[str] = []              # unlabelled units waiting for a role phrase
    times: list[str] = []                # pieces that are only a time (2024—2025年)
    joining = False                      # after 会同/协同: the units join the ones before it
    principal: Optional[slice] = None    # the units before 会同, in out.units
    first_leads = False                  # a note in the parenthesis: 排在第一位的为牵头单位
    for piece in _area_lists(split_top_level(text, seps)):
        if not piece:
            continue
        if "牵头" in piece and any(p.search(piece) for p in g.first_is_lead):
            first_leads = marked = True
            continue
        m = g.label.match(piece)
        if m:
            scope = g.label_role[m["label"]]
            piece = piece[m.end():]
            marked = True
            out.labelled = out.labelled or scope not in ("deadline", "person")
            if not piece:
                continue
        if scope == "person":        # 牵头市领导：王某某 — a person, not a unit
            continue
        if scope == "deadline":      # 完成时限：2025年12月 — the label says what it is
            dl = _labelled_deadline(piece)
            if dl is None:
                return None
            out.deadline_text = out.deadline_text or dl
            continue
        role: Optional[str] = None
        lead_word = next((w for w in d.leading_support if piece.startswith(w) and len(piece) > len(w)), None)
        if lead_word:
            piece, marked = piece[len(lead_word):], True
            if pending:       # X会同Y…: X does the work, the units from 会同 on join it
                principal = slice(len(out.units), len(out.units) + len(pending))
                out.units.extend((u, "responsible") for u in pending)   # type: ignore[misc]
                pending = []
            joining = True
        if joining:
            role = "support"
        m = g.trailing.search(piece)
        if m and m.start() > 0:
            if joining:       # X会同Y、Z负责: the phrase is X's role
                if principal is not None:
                    out.units[principal] = [(u, g.trailing_role[m["phrase"]]) for u, _ in out.units[principal]]
                principal, joining = None, False
            else:
                role = g.trailing_role[m["phrase"]]
            piece = piece[:m.start()]
            marked = True
        units = split_units(piece)
        if not units or not all(looks_like_unit(u) for u in units):
            dl = _deadline_piece(piece) if role is None or not units else None
            if dl is not None:
                out.deadline_text = out.deadline_text or dl
                continue
            if role is None and g.time_piece.match(piece) and _years_ok(piece):
                times.append(piece)
                continue
            return None
        if role is not None:
            out.units.extend((u, role) for u in pending + units)   # type: ignore[misc]
            pending = []
        elif scope is not None:
            out.units.extend((u, scope) for u in units)            # type: ignore[misc]
        else:
            pending.extend(units)
    out.units.extend((u, "responsible") for u in pending)   # 责任单位：X，Y: the label's list
    if not out.units or (need_role and not marked):
        return None
    if out.deadline_text is None and times:    # 2024年启动，2026年完成 → 2026年完成
        out.deadline_text = _pick_time(times)
    out.units = _ordered_unique(out.units)
    if first_leads and not any(r == "lead" for _, r in out.units):
        out.units = [(out.units[0][0], "lead")] + [(u, "support" if r == "responsible" else r)
                                                   for u, r in out.units[1:]]
    return out


def _area_lists(pieces: list[str]) -> list[str]:
    """各市、县、自治县人民政府 is one unit: pieces that are only an area level (各市, 县) join
    the piece after them."""
    g = grammar()
    out: list[str] = []
    held: list[str] = []
    for piece in pieces:
        m = g.label.match(piece)
        if g.area_levels.fullmatch(piece[m.end():] if m else piece):
            held.append(piece)
            continue
        out.append("、".join(held + [piece]) if held else piece)
        held = []
    return out + held


def read_sentence(sentence: str, opening: bool = True, closing: bool = False) -> Optional[Responsibility]:
    """A sentence that is a responsibility (由县委办牵头，县政府办配合。 · 责任单位：X). A bare
    sentence needs more than a role phrase: a label, a 牵头 unit or a leading 由 — 科研院所和
    行业协会等参与 is prose; closing (the sentence ends an item): units and a role phrase alone
    (市卫生健康委负责。) count when every unit is a named organ."""
    core = sentence.strip().rstrip("。；;！？")
    who = read_units(core)
    if who is not None and (who.explicit or core.startswith(tuple(grammar().data.unit_prefixes))
                            or (closing and all(is_organ(u) for u in who.responsible))):
        return who
    if not opening or not grammar().role_word.search(core[:_MAX_OPENING]):
        return None
    # 由市发展改革委牵头，会同市财政局，制定实施细则: the clauses before the work, when they
    # name a lead or a label
    # (the clauses up to the first that is not units: linear, and a responsibility is short)
    clauses = split_top_level(core[:_MAX_OPENING], "，,")
    j = 0
    while j < len(clauses) - 1 and read_units(clauses[j], need_role=False) is not None:
        j += 1
    who = read_units("，".join(clauses[:j])) if j else None
    return who if who is not None and who.explicit else None


_MAX_OPENING = 300      # characters of a sentence that may hold its opening responsibility


def _ordered_unique(units: list[tuple[str, Role]]) -> list[tuple[str, Role]]:
    """Printed order by each unit's first mention (pending units were placed when resolved)."""
    seen: dict[str, Role] = {}
    for u, r in units:
        seen.setdefault(u, r)
    return list(seen.items())


def _deadline_piece(piece: str) -> Optional[str]:
    """A deadline printed as a piece of its own: 2025年底前(完成), 长期坚持 → as printed."""
    g = grammar()
    piece = piece.strip()
    if g.standing.match(piece):
        return piece
    m = g.deadline_phrase.match(piece)
    if m and _deadline_year_ok(m) and len(piece) - m.end() <= g.data.max_deadline_tail_chars:
        return m.group()
    return None


def _labelled_deadline(piece: str) -> Optional[str]:
    """What a deadline label (完成时限：) gives: a deadline phrase, else the piece as printed."""
    piece = "".join(piece.split()).rstrip("。；;，,")
    if not piece:
        return None
    return _deadline_piece(piece) or (piece if len(piece) <= grammar().data.max_deadline_chars
                                      and not looks_like_unit(piece) else None)


def read_time(text: str) -> Optional[str]:
    """A text that is only a deadline or a time (2025年底前, 长期坚持, 2024—2025年), as printed."""
    g = grammar()
    seps = "".join(x for x in g.data.unit_separators if len(x) == 1)
    phrases, times = [], []
    for piece in split_top_level("".join(text.split()), seps):
        if not piece:
            continue
        found = _deadline_piece(piece)
        if found is not None:
            phrases.append(found)
        elif g.time_piece.match(piece) and _years_ok(piece):
            times.append(piece)
        else:
            return None
    return phrases[0] if phrases else _pick_time(times)


def _pick_time(times: list[str]) -> Optional[str]:
    """Of the time pieces (2024年启动，2026年完成), the first with a completion word, else the first."""
    words = grammar().data.completion_words
    return next((t for t in times if any(w in t for w in words)), times[0] if times else None)


def read_deadline_line(line: str) -> Optional[str]:
    """A line that is only a deadline label and its value (完成时限：2025年12月), or None."""
    g = grammar()
    m = g.label.match(line.strip())
    if m is None or g.label_role[m["label"]] != "deadline":
        return None
    return _labelled_deadline(line.strip()[m.end():])


def _years_ok(piece: str) -> bool:
    """Every year the piece names is one a deadline may be (not 1998)."""
    return all((year_value(y) or 0) >= grammar().data.min_deadline_year for y in regex.findall(YEAR, piece))


def _deadline_year_ok(m: "regex.Match[str]") -> bool:
    y = year_value(m["year"])
    return y is not None and y >= grammar().data.min_deadline_year


# ---------------------------------------------------------------- deadlines of a task text

def deadline_text(text: str) -> Optional[str]:
    """The first deadline phrase an item prints (2025年底前, 2024年6月底前), as printed."""
    m = next((m for m in grammar().deadline_phrase.finditer(text) if _deadline_year_ok(m)), None)
    return "".join(m.group().split()) if m else None


def standing_deadline(cell: str) -> Optional[str]:
    """A cell or piece that is only a deadline: 2025年底前, 长期坚持, 持续推进."""
    return _deadline_piece("".join(cell.split()))


def deadline_year(text: str) -> Optional[int]:
    """The latest target year the text names (到2025年, 2025年底前), or None."""
    years = [year_value(m["year"]) for pattern in grammar().deadline_year for m in pattern.finditer(text)]
    years = [y for y in years if y and y >= grammar().data.min_deadline_year]
    return max(years) if years else None


# ---------------------------------------------------------------- parentheses in a text

def closing_parenthesis(text: str) -> tuple[str, Optional[Responsibility]]:
    """(text without its closing responsibility parenthesis, what it names) — None when the
    text does not end with one."""
    body = text.rstrip()
    while body and body[-1] in "。.；;":
        body = body[:-1].rstrip()
    if not body or body[-1] not in "）)":
        return text, None
    open_at = matching_open(body, len(body) - 1)
    if open_at is None:
        return text, None
    found = read_units(body[open_at + 1:-1])
    if found is None:
        return text, None
    return body[:open_at].rstrip(), found


def parentheses(text: str):
    """(start, end, inner) of every top-level parenthesis of the text, lenticular ones too
    (【牵头单位：X】). Only the brackets are visited (a compiled pattern finds them): the tasks
    stage asks this of whole sections."""
    start = depth = 0
    for m in _BRACKET.finditer(text):
        i = m.start()
        if text[i] in _OPEN:
            depth += 1
            if depth == 1:
                start = i
        elif depth:   # a stray closing bracket leaves the depth at zero
            depth -= 1
            if depth == 0:
                yield start, i + 1, text[start + 1:i]


_OPEN, _CLOSE = OPENING + "【", CLOSING + "】"
_BRACKET = regex_cache.compile("[" + regex.escape(_OPEN + _CLOSE) + "]")


__all__ = ["Responsibility", "read_units", "read_bare_units", "read_duty", "read_sentence", "read_dash", "read_covering", "read_deadline_line",
           "read_time", "is_organ", "separate_cell_lines", "split_units", "split_cell_units", "looks_like_unit",
           "closing_parenthesis", "parentheses", "deadline_text", "standing_deadline", "deadline_year",
           "grammar", "TaskPatterns"]
