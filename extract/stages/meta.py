"""Document metadata from the front matter: title, issuer, 文号, date, period, draft."""
from __future__ import annotations

from typing import Optional

import regex

from ..lexicon import site
from ..lexicon.dates import DATE, find_date, iso_date
from ..lexicon.front import front_grammar
from ..lexicon.numbering import DOC_NUMBER
from ..model import Meta, Period
from ..numerals import cn_int
from ..state import State

PREAMBLE_PARAS = 5        # the paragraphs after the front matter that may name the period
PREAMBLE_CHARS = 400      # of which this much text is read
TAIL_PARAS = 6            # the last paragraphs, where the signature and date of a notice stand
FIRST_NUMBERED_PLAN = 3   # the 3rd five-year plan (三五) is the first that ran five years from 1966
FIRST_NUMBERED_PLAN_START = 1966
PLAN_YEARS = 5
FIRST_PERIOD_YEAR, LAST_PERIOD_YEAR = 1950, 2099   # a printed span of years outside these is no plan's period



def run(state: State) -> None:
    norm, front = state.norm, state.front
    texts = {i: norm.para_text(norm.paras[i]) for i in range(len(norm.paras))
             if norm.paras[i].kind == "text"}
    notice = [texts.get(i, "") for i in front.notice]
    head = [texts.get(i, "") for i in front.title_paras]
    sited = [texts.get(i, "") for i in front.site]
    title_raw = _title(notice, head) or site.field_value(sited, "title")
    draft = False
    title = None
    if title_raw:
        draft = is_draft(title_raw)
        title = clean_title(title_raw)
    draft = draft or any(front_grammar().draft_mark.fullmatch(t.strip()) for t in head)
    doc_number = next((m.group(0) for t in notice for m in [DOC_NUMBER.search(t)] if m), None) \
        or site.field_value(sited, "doc_number")
    signer, signed = _signature(state)
    # the body's own print wins over the web page's metadata block (a crawler's 发布机构 is the
    # site's owner); each source in the order of how surely it names the issuer and the date
    issuer = (_issuer(notice) if notice else None) or signer or _title_block_issuer(head) \
        or _tail_issuer(state) or site.field_value(sited, "issuer")
    date = (_date(notice) if notice else None) or signed or _tail_date(state) \
        or _site_date(sited, "written") or _date_under_title(head) or _site_date(sited, "published")
    period = plan_period(state, title)
    state.meta = Meta(title=title, issuer=issuer, doc_number=_compact(doc_number), date=date,
                      period=period, draft=draft)


def plan_period(state: State, title: Optional[str] = None) -> Optional[Period]:
    """The plan's period from its title (or the lines of its title block), else from the text
    before the first heading; the indicators stage asks it too (a target year before the
    period reports the past)."""
    norm, front = state.norm, state.front
    if not title:
        title = " ".join(norm.para_text(norm.paras[i]) for i in front.title_paras
                         if norm.paras[i].kind == "text")
    return period_of(title) or period_of(_preamble(state))


def _preamble(state: State) -> str:
    """Text between the front matter and the first heading: a plan without a title line
    still names its period there (“十四五”时期是…)."""
    first = state.heading_para.get(state.outline[0].id) if state.outline else None
    stop = min(first if first is not None else len(state.norm.paras), state.front.body_start + PREAMBLE_PARAS)
    return "".join(state.norm.para_text(p) for p in state.norm.paras[state.front.body_start:stop]
                   if p.kind == "text")[:PREAMBLE_CHARS]


def is_draft(title: str) -> bool:
    """A title that carries a draft's mark: （征求意见稿）, 草案."""
    return bool(front_grammar().draft_mark.search(title))


def clean_title(text: str) -> str:
    f = front_grammar()
    t = f.attachment_mark.sub("", f.draft_mark.sub("", text).strip())
    t = regex.sub(r"[《》]", "", t)
    return regex.sub(r"\s+", "", t).strip()


def _title(notice: list[str], head: list[str]) -> Optional[str]:
    # The title block after the notice is the plan's own title; the notice names it too.
    f = front_grammar()
    lines = [t.strip() for t in head if t.strip()]
    for k, line in enumerate(lines):
        if f.plan_title.search(f.draft_mark.sub("", line).strip()) and "通知" not in line:
            return line
        # a title wrapped over two lines
        if k + 1 < len(lines) and f.plan_title.search(f.draft_mark.sub("", line + lines[k + 1]).strip()):
            return line + lines[k + 1]
    for t in notice:
        m = f.notice_of.search(regex.sub(r"\s+", "", t))
        if m:
            return m.group("title")
    # the notice's body names what it issues: 现将《…方案》印发给你们
    for t in notice:
        m = f.issued_herewith.search(regex.sub(r"\s+", "", t))
        if m and f.plan_title.search(f.draft_mark.sub("", m.group("title"))):
            return m.group("title")
    return None


def _compact(s: Optional[str]) -> Optional[str]:
    return regex.sub(r"\s+", "", s) if s else None


def _issuer(notice: list[str]) -> Optional[str]:
    f = front_grammar()
    lines = [regex.sub(r"\s+", "", t) for t in notice]
    # 1. the notice's own title names its issuer: 南宁市人民政府办公厅关于印发…的通知
    for k, t in enumerate(lines):
        joined = t + (lines[k + 1] if k + 1 < len(lines) else "")
        m = f.issuer_before_title.match(joined)
        if m and f.issuer_line.match(m.group("issuer")):
            return m.group("issuer")
    # 2. the 发文机关 header, possibly over two lines: 南宁市人民政府 / 办公厅文件
    for k, t in enumerate(lines):
        m = f.issuer_header.match(t)
        if m:
            head = m.group("issuer")
            if k > 0 and f.issuer_line.match(lines[k - 1] + head):
                head = lines[k - 1] + head
            return head
    # 3. the signature line just above the date
    for k, t in enumerate(lines):
        if DATE.fullmatch(t) and k > 0 and f.issuer_line.match(lines[k - 1]):
            return lines[k - 1]
    return None


def _date(notice: list[str]) -> Optional[str]:
    for t in reversed(notice):
        m = DATE.fullmatch(regex.sub(r"\s+", "", t.strip()).strip("（）()"))
        if m:
            return iso_date(m)
    return None


def _tail_lines(state: State) -> list[str]:
    norm = state.norm
    return [norm.para_text(p) for p in norm.paras[-TAIL_PARAS:] if p.kind == "text"]


SIGNATURE_LINES = 8   # the signature block is among the last lines of the body


def _signature(state: State) -> tuple[Optional[str], Optional[str]]:
    """The signature closing the body: issuer line(s), then the date line.
    `某市发展和改革委员会` / `某市工业和信息化局` / `2023年6月8日` → (“…委员会、…局”, 2023-06-08)."""
    norm, front = state.norm, state.front
    end = front.tail_start if front.tail_start is not None else len(norm.paras)
    start = max(front.body_start, end - SIGNATURE_LINES)
    lines = [regex.sub(r"\s+", "", norm.para_text(p)) for p in norm.paras[start:end] if p.kind == "text"]
    for k in range(len(lines) - 1, 0, -1):
        m = DATE.fullmatch(lines[k].strip("（）()"))
        if not m:
            continue
        issuers = []
        j = k - 1
        while j >= 0 and front_grammar().issuer_line.match(lines[j]):
            issuers.insert(0, lines[j])
            j -= 1
        if issuers:
            return "、".join(issuers), iso_date(m)
        return None, None
    return None, None


def _title_block_issuer(head: list[str]) -> Optional[str]:
    """Issuers printed under the plan's title: `湖北省文化和旅游厅` / `湖北省文物局`."""
    issuers = [regex.sub(r"\s+", "", t) for t in head]
    f = front_grammar()
    issuers = [t for t in issuers if f.issuer_line.match(t) and not f.plan_title.search(t)]
    return "、".join(issuers) or None


def _date_under_title(head: list[str]) -> Optional[str]:
    """A date line in the title block: `（2023年6月8日）`."""
    for t in head:
        m = DATE.fullmatch(regex.sub(r"\s+", "", t).strip("（）()"))
        if m:
            return iso_date(m)
    return None


def _site_date(lines: list[str], name: str) -> Optional[str]:
    value = site.field_value(lines, name)
    return find_date(value) if value else None


def _tail_issuer(state: State) -> Optional[str]:
    """A plan without a notice may close with `西宁市人民政府办公室 2022年4月25日印发`, on one line
    or with the date line under the issuer's."""
    f = front_grammar()
    lines = [t.strip() for t in _tail_lines(state)]
    for k, t in enumerate(lines):
        m = f.issuer_issued.match(t)
        if m and f.issuer_line.match(m.group("issuer")):
            return m.group("issuer")
        date = DATE.match(regex.sub(r"\s+", "", t))
        if k and date and f.issued_line.search(t) and f.issuer_line.match(regex.sub(r"\s+", "", lines[k - 1])):
            return regex.sub(r"\s+", "", lines[k - 1])   # `西宁市人民政府办公室` / `2022年4月25日印发`
    return None


def _tail_date(state: State) -> Optional[str]:
    for t in _tail_lines(state):
        if front_grammar().issued_line.search(t.strip()):
            m = DATE.search(regex.sub(r"\s+", "", t))
            if m:
                return iso_date(m)
    return None


def period_of(text: str) -> Optional[Period]:
    """十四五 → 2021–2025; or a printed span such as （2021—2025年）.

    The 3rd five-year plan began in 1966 (after the 1963–65 adjustment) and every plan since has
    run five years, so the Nth (N ≥ 3) starts in 1966 + 5(N-3).
    """
    f = front_grammar()
    m = f.period_name.search(text or "")
    if m:
        n = cn_int(m.group("n"))
        if n and n >= FIRST_NUMBERED_PLAN:
            start = FIRST_NUMBERED_PLAN_START + PLAN_YEARS * (int(n) - FIRST_NUMBERED_PLAN)
            return Period(name=f"{m.group('n')}五", start=start, end=start + PLAN_YEARS - 1)
    m = f.period_years.search(text or "")
    if m:
        a, b = int(m.group("start")), int(m.group("end"))
        if FIRST_PERIOD_YEAR <= a <= b <= LAST_PERIOD_YEAR:
            return Period(name=f"{a}—{b}", start=a, end=b)
    return None
