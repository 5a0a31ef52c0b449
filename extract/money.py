"""Read amounts of money (6500余万元, 12.14亿元, 3000-5000万元, 一千二百万元) into Money, in 万元.

Units, approximation words and rate suffixes are data in patterns/money.yaml; numbers are read
by extract/quantity.py. Nothing here raises on text.

Choices callers must know:
- parse_money reads the first amount in its text; Money.raw is that amount as printed
  (whitespace removed, a rate kept: 500万元/年), not the whole cell.
- a printed unit wins over the column's: parse_money("1.2亿元", unit="万元") is 12000.
- approx is true for any qualifier that makes the figure inexact: 约/左右 (about), 余/多/超/逾/以上
  (more than), 以内/不超过 (at most).
- a range gives wan = low end, high = high end; the unit printed once serves both (3000-5000万元).
- a bare 万/亿 without 元 is money in a budget cell; in prose (find_money) only right after a
  money word (总投资1.2亿), so 人口1.2亿 is not read as money.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

import regex
from pydantic import field_validator

from . import patterns, quantity
from .lexicon.folds import fold_width
from .model import Money, Span

# A guard, not a budget: the patterns are linear and read about 2 MB a second.
SECONDS_PER_MB = 10.0
MIN_SECONDS = 1.0
MONEY_WORD_REACH = 8     # a money word (总投资) counts this close before a bare 万/亿


_Data = patterns.PatternModel


class MoneyApprox(_Data):
    prefix: list[str]
    infix: list[str]
    suffix: list[str]


class MoneyPatterns(_Data):
    units: dict[str, float]
    approx: MoneyApprox
    range_separators: list[str]
    per_units: list[str]
    context_words: list[str]
    foreign_currencies: list[str]

    @field_validator("units")
    @classmethod
    def _positive(cls, units: dict[str, float]) -> dict[str, float]:
        bad = [u for u, m in units.items() if not m > 0]
        if bad:
            raise ValueError(f"unit multipliers must be positive: {bad}")
        return units


@dataclass(frozen=True)
class _Grammar:
    data: MoneyPatterns
    to_wan: dict[str, Decimal]
    amount: "regex.Pattern[str]"        # the unit is printed: 880万元
    cell: "regex.Pattern[str]"          # the unit may come from the column header: 4800
    unit: "regex.Pattern[str]"
    context: "regex.Pattern[str]"


@patterns.compiled("money", MoneyPatterns)
def grammar(data: MoneyPatterns) -> _Grammar:
    """patterns/money.yaml, validated and compiled once per process."""
    return _Grammar(
        data=data,
        to_wan={u: Decimal(str(m)) for u, m in data.units.items()},
        amount=patterns.compile(_amount_regex(data, unit_required=True)),
        cell=patterns.compile(_amount_regex(data, unit_required=False)),
        unit=patterns.compile(patterns.alternation(list(data.units))),
        context=patterns.compile(patterns.alternation(data.context_words)),
    )


def _amount_regex(data: MoneyPatterns, unit_required: bool) -> str:
    """[approx] [low [unit] sep] number [余|多] unit [余元] [approx] [/rate], from named pieces.

    Every quantifier is bounded or over disjoint pieces, so matching stays linear.
    """
    q = quantity.grammar()
    alt = patterns.alternation
    gap = r"[ \t\xa0]?"                 # a PDF line may space the number off its unit
    number = rf"(?:{q.arabic}|{q.chinese})"
    unit = rf"(?:{alt(list(data.units))})"
    prefix = rf"(?:(?P<pre>{alt(data.approx.prefix)}){gap})?"
    low = rf"(?:(?P<low>{number})(?P<low_unit>{unit})?{gap}(?:{alt(data.range_separators)}){gap})?"
    infix = rf"(?P<infix>{alt(data.approx.infix)})?"
    tail = rf"(?P<tail>(?:{alt(data.approx.infix)})元)?"       # 1亿余元
    suffix = rf"(?:{gap}(?P<suf>{alt(data.approx.suffix)}))?"
    rate = rf"(?:/(?:{alt(data.per_units)}))?"
    optional = "" if unit_required else "?"
    multipliers = "[" + "".join(regex.escape(c) for c in _numeral_chars()[1]) + "]"
    not_foreign = rf"(?!{multipliers}*(?:{alt(data.foreign_currencies)}))"  # 1.2亿美元
    # most positions of a document start no amount: say so before trying the pieces (7× faster)
    digits, units = _numeral_chars()
    starts = {w[0] for w in data.approx.prefix} | set("0123456789") | set(digits) | set(units)
    first = "[" + "".join(regex.escape(c) for c in sorted(starts)) + "]"
    return (rf"(?={first}){prefix}{low}(?P<num>{number}){gap}{infix}(?P<unit>{unit}){optional}"
            rf"{not_foreign}{tail}{suffix}{rate}")


# ---------------------------------------------------------------- public

def parse_money(raw: str, unit: Optional[str] = None) -> Optional[Money]:
    """The first amount in a budget cell or phrase; None when there is none.

    unit is the column's unit (万元, 亿元, or a header such as 总投资（万元）) for cells that print
    a bare number: parse_money("4800", unit="万元") → 4800 万元. Never raises.
    """
    if not isinstance(raw, str):
        return None
    text = "".join(raw.split())
    folded = fold_width(text)
    try:
        printed = _first(grammar().amount, text, folded, None)
        if printed is not None:
            return printed
        column = _header_unit(unit)     # the printed unit wins; the column's only fills in
        return None if column is None else _first(grammar().cell, text, folded, column)
    except ArithmeticError:             # Decimal overflow on pathological input
        return None


def find_money(text: str) -> list[tuple[Span, Money]]:
    """Every amount of money in a text, with its [start, end) span. Never raises."""
    if not isinstance(text, str):
        return []
    folded = fold_width(text)
    found: list[tuple[Span, Money]] = []
    try:
        timeout = MIN_SECONDS + SECONDS_PER_MB * len(text) / 1e6
        for m in grammar().amount.finditer(folded, timeout=timeout):
            if _is_word(m) or not _reads_as_money(m, folded):
                continue
            money = _money(m, text, None)
            if money is not None:
                found.append(((m.start(), m.end()), money))
    except (TimeoutError, ArithmeticError):
        pass                            # keep what was found: a partial list beats none
    return found


# ---------------------------------------------------------------- reading one match

def _first(pattern: "regex.Pattern[str]", text: str, folded: str,
           column: Optional[Decimal]) -> Optional[Money]:
    for m in pattern.finditer(folded):
        found = None if _is_word(m) else _money(m, text, column)
        if found is not None:
            return found
    return None


def _money(m: "regex.Match[str]", text: str, default: Optional[Decimal]) -> Optional[Money]:
    """Money from a match on the folded text; raw comes from the printed text at the same span."""
    to_wan = grammar().to_wan
    per = to_wan[m["unit"]] if m["unit"] else default
    value = quantity.decimal_value(m["num"])
    if per is None or value is None:
        return None
    wan, high = value * per, None
    if m["low"]:
        low = quantity.decimal_value(m["low"])
        if low is None:
            return None
        low_wan = low * (to_wan[m["low_unit"]] if m["low_unit"] else per)  # 3000-5000万元
        wan, high = min(low_wan, wan), max(low_wan, wan)
    if not _is_finite(wan) or (high is not None and not _is_finite(high)):
        return None
    approx = any(m[k] for k in ("pre", "infix", "tail", "suf"))
    raw = "".join(text[m.start():m.end()].split())
    return Money(raw=raw, wan=float(wan), approx=approx,
                 high=None if high is None else float(high))


def _is_finite(value: Decimal) -> bool:
    return math.isfinite(float(value))


def _header_unit(unit: Optional[str]) -> Optional[Decimal]:
    """The multiplier a column header names: 万元, 亿元, 总投资（万元）."""
    if not isinstance(unit, str):
        return None
    header = fold_width("".join(unit.split()))
    if any(c in header for c in grammar().data.foreign_currencies):
        return None                     # 万美元: not our currency
    m = grammar().unit.search(header)
    return grammar().to_wan[m.group()] if m else None


def _numeral_chars() -> tuple[dict[str, int], dict[str, int]]:
    cn = quantity.grammar().data.chinese_numerals
    return cn.digits, {**cn.small_units, **cn.large_units}


def _is_word(m: "regex.Match[str]") -> bool:
    """Numerals inside words, not amounts: 二元结构, 统一多元, a lone 万元 header."""
    digits, units = _numeral_chars()
    number = m["num"]
    is_chinese = number[0] in digits or number[0] in units
    if not is_chinese:
        return False
    if m["unit"] == "元" and not any(c in units for c in number):
        return True                     # 二元, 一元化: no one prints 二元 for 2 yuan in a plan
    return len(number) == 1 and number in units and not m["pre"]  # 万元, 亿元: a unit, not 1万元


def _reads_as_money(m: "regex.Match[str]", folded: str) -> bool:
    """In prose an amount needs 元, or a money word before a bare 万/亿 (总投资1.2亿)."""
    printed_yuan = m["unit"].endswith("元") or bool(m["tail"])
    digits, _ = _numeral_chars()
    has_digit = any(c.isdigit() or c in digits for c in m["num"])
    if printed_yuan and (has_digit or m["pre"]):
        return True                     # 880万元, 逾亿元
    return _after_money_word(folded, m.start())  # 总投资1.2亿, 投资千万元


def _after_money_word(folded: str, start: int) -> bool:
    window = folded[max(0, start - MONEY_WORD_REACH):start]
    clause = patterns.compile(r"[，,。；;：:、\n]").split(window)[-1]
    return grammar().context.search(clause) is not None
