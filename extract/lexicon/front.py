"""The front matter as printed (patterns/front.yaml): the notice and its closing lines, draft
marks, plan titles, issuer lines and the period. Segment finds the parts with it; meta reads
title, issuer, date and period from them."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import patterns


class FrontPatterns(patterns.PatternModel):
    notice_title_line: patterns.Regex
    notice_note: patterns.Regex
    tail_line: patterns.Regex
    draft_mark: patterns.Regex
    plan_title: patterns.Regex
    notice_of: patterns.RegexWith("title")
    issued_herewith: patterns.RegexWith("title")
    attachment_mark: patterns.Regex
    issuer_line: patterns.Regex
    issuer_before_title: patterns.RegexWith("issuer")
    issuer_header: patterns.RegexWith("issuer")
    issuer_issued: patterns.RegexWith("issuer")
    issued_line: patterns.Regex
    period_name: patterns.RegexWith("n")
    period_years: patterns.RegexWith("start", "end")


@dataclass(frozen=True)
class Front:
    """Each regex of patterns/front.yaml, compiled (the names are the file's keys)."""
    notice_title_line: regex.Pattern
    notice_note: regex.Pattern
    tail_line: regex.Pattern
    draft_mark: regex.Pattern
    plan_title: regex.Pattern
    notice_of: regex.Pattern
    issued_herewith: regex.Pattern
    attachment_mark: regex.Pattern
    issuer_line: regex.Pattern
    issuer_before_title: regex.Pattern
    issuer_header: regex.Pattern
    issuer_issued: regex.Pattern
    issued_line: regex.Pattern
    period_name: regex.Pattern
    period_years: regex.Pattern


@patterns.compiled("front", FrontPatterns)
def front_grammar(p: FrontPatterns) -> Front:
    return Front(**{name: patterns.compile(getattr(p, name)) for name in Front.__dataclass_fields__})
