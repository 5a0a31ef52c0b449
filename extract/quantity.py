"""Read a printed quantity — an indicator cell (≥81.6) or a prose value (控制在9.5%以下) — into a
Quantity, plus the number and year readers it rests on.

The words (以上, 左右, 下降 …) are data in patterns/quantities.yaml; this module only knows how
they combine around a number. Nothing here raises on text: what cannot be read is op "none".

Choices callers must know:
- value stays in the printed unit: ≥95% → 95, 百分之十五 → 15, 三成 → 30, 5.01‰ → 5.01.
- 万/亿 after a number is applied: 1.2万人 → 12000 (a cell under a 万人 column prints 1.2).
- a per-unit denominator is part of the unit: 24.97/10万 → 24.97, 每千人口3.5人 → 3.5.
- a ratio is normalised to 1: 1∶1.25 → 1.25.
- the year of a Quantity is the caller's (from the column header, see parse_year); a year in
  the text (较2020年下降) is a reference point, not the quantity's year.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, NamedTuple, Optional

import regex
from pydantic import field_validator

from . import patterns
from .lexicon.dates import ARABIC_YEAR
from .lexicon.folds import drop_spaces, fold_width
from .model import Op, Quantity

Comparator = Literal[">=", "<=", "<", ">"]

MAX_NUMERAL_RUN = 24      # a run of Chinese numerals longer than this is no number
MAX_DECIMAL_DIGITS = 12   # digits after 点 (三点五)
MIN_MULTIPLIER = 100      # units from 百 up may follow an Arabic number: 1.2万, 3千 (十 may not: 3十)
FIRST_YEAR, LAST_YEAR = 1900, 2099   # a year in Chinese digits outside these is no year


# ---------------------------------------------------------------- vocabulary (patterns/quantities.yaml)

_Data = patterns.PatternModel


class Comparators(_Data):
    prefix: dict[Comparator, list[str]]
    suffix: dict[Comparator, list[str]]


class Approx(_Data):
    prefix: list[str]
    suffix: list[str]


class ChineseNumerals(_Data):
    digits: dict[str, int]
    small_units: dict[str, int]
    large_units: dict[str, int]
    decimal_point: str
    percent_prefixes: list[str]
    tenths: str

    @field_validator("digits", "small_units", "large_units")
    @classmethod
    def _single_characters(cls, table: dict[str, int]) -> dict[str, int]:
        # the number regex is built from character classes
        bad = [k for k in table if len(k) != 1]
        if bad:
            raise ValueError(f"numeral keys must be one character: {bad}")
        return table


class QuantityPatterns(_Data):
    comparators: Comparators
    bounding_verbs: dict[Comparator, list[str]]
    approx: Approx
    level_words: list[str]
    trend_words: list[str]
    none_tokens: list[str]
    range_separators: list[str]
    minus_signs: list[str]
    ratio_separators: list[str]
    unit_words: list[str]
    chinese_numerals: ChineseNumerals
    unit_magnitudes: list[str]


def _inverse(table: dict[Comparator, list[str]]) -> dict[str, Comparator]:
    return {word: op for op, words in table.items() for word in words}


@dataclass(frozen=True)
class _Grammar:
    data: QuantityPatterns
    prefix_op: dict[str, Comparator]
    suffix_op: dict[str, Comparator]
    bound_op: dict[str, Comparator]
    approx: frozenset[str]
    levels: frozenset[str]
    trends: frozenset[str]
    separators: frozenset[str]
    minus: frozenset[str]
    none_words: frozenset[str]
    none_chars: frozenset[str]
    ratio: frozenset[str]
    arabic: str           # regex source of an Arabic number: 1,200 · 80.66
    chinese: str          # regex source of a Chinese numeral run: 一千二百 · 三点五
    numeral_parts: "regex.Pattern[str]"
    scanner: "regex.Pattern[str]"
    year: "regex.Pattern[str]"
    unit_magnitudes: tuple[str, ...]   # longest first


class _Pieces(NamedTuple):
    """Regex sources, named so the bigger patterns read as what they match."""
    digit: str            # 一 两 〇
    numeral: str          # a digit or a unit: 一 十 万
    arabic_body: str      # 1,200 · 80.66
    arabic: str
    chinese: str          # 一千二百 · 三点五
    number: str           # either, with 百分之 / 万 / 成: 百分之十五 · 1.2万 · 三成
    per: str              # a denominator: /10万 · 每千
    year: str             # 2025 · 二〇二五 (without 年)
    year_span: str        # 2021-2025


def _pieces(data: QuantityPatterns) -> _Pieces:
    cn = data.chinese_numerals
    digit = _char_class(cn.digits)
    numeral = _char_class({**cn.digits, **cn.small_units, **cn.large_units})
    magnitudes = {c: v for c, v in {**cn.small_units, **cn.large_units}.items() if v >= MIN_MULTIPLIER}
    # after Arabic digits: one magnitude, or two growing (1.2万亿, 3千万); never 万千 — in
    # 120万千瓦 the 千 opens the unit (千瓦), it does not add a thousand
    multiplier = patterns.alternation([a + b for a in magnitudes for b in magnitudes if magnitudes[b] > magnitudes[a]]
                                      + list(magnitudes))
    point = regex.escape(cn.decimal_point)
    arabic_body = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
    arabic = rf"(?<![A-Za-z0-9.]){arabic_body}"  # not inside PM2.5, COVID-19 or 12.5
    chinese = rf"(?<!{numeral}){numeral}{{1,{MAX_NUMERAL_RUN}}}(?:{point}{digit}{{1,{MAX_DECIMAL_DIGITS}}})?"
    number = (rf"(?:{patterns.alternation(cn.percent_prefixes)})?"
              rf"(?:{arabic}(?:{multiplier})?|{chinese})"
              rf"(?:{regex.escape(cn.tenths)}{digit}?)?")
    per = rf"(?:/|每)(?:[0-9]+(?:\.[0-9]+)?)?{numeral}{{0,2}}"
    year = rf"{ARABIC_YEAR}|(?<!{numeral})[一二]{digit}{{3}}"
    year_span = rf"{ARABIC_YEAR}年?(?:{patterns.alternation(data.range_separators)}){ARABIC_YEAR}"
    return _Pieces(digit, numeral, arabic_body, arabic, chinese, number, per, year, year_span)


@patterns.compiled("quantities", QuantityPatterns)
def grammar(data: QuantityPatterns) -> _Grammar:
    """patterns/quantities.yaml, validated and compiled once per process."""
    p = _pieces(data)
    point = regex.escape(data.chinese_numerals.decimal_point)
    year_token = rf"(?<![0-9])(?:{p.year_span}|{p.year})年"
    scanner = (rf"(?P<year>{year_token})|(?P<per>{p.per})"
               rf"|(?P<word>{patterns.alternation(_vocabulary(data))})"
               rf"|(?P<num>{p.number})|(?P<other>.)")
    parts = (rf"(?P<arabic>{p.arabic_body})|(?P<decimal>{p.digit}{{1,{MAX_NUMERAL_RUN}}}{point}{p.digit}{{1,{MAX_DECIMAL_DIGITS}}})"
             rf"|(?P<digit>{p.digit})|(?P<unit>{p.numeral})|(?P<bad>.)")
    # the end of a span of years names the period's end; no year inside a longer number
    year = rf"(?<![0-9.])(?:{p.year_span}|{p.year})(?!\.?[0-9])(?!{p.numeral})"
    none_words = frozenset(data.none_tokens)
    return _Grammar(
        data=data,
        prefix_op=_inverse(data.comparators.prefix),
        suffix_op=_inverse(data.comparators.suffix),
        bound_op=_inverse(data.bounding_verbs),
        approx=frozenset(data.approx.prefix + data.approx.suffix),
        levels=frozenset(data.level_words),
        trends=frozenset(data.trend_words),
        separators=frozenset(data.range_separators),
        minus=frozenset(data.minus_signs),
        none_words=none_words,
        none_chars=frozenset(w for w in none_words if len(w) == 1),
        ratio=frozenset(data.ratio_separators),
        arabic=p.arabic,
        chinese=p.chinese,
        numeral_parts=patterns.compile(parts, regex.DOTALL),
        scanner=patterns.compile(scanner, regex.DOTALL),
        year=patterns.compile(year),
        unit_magnitudes=tuple(sorted(data.unit_magnitudes, key=len, reverse=True)),
    )


def _char_class(table: dict[str, int]) -> str:
    return "[" + "".join(regex.escape(c) for c in table) + "]"


def _vocabulary(data: QuantityPatterns) -> list[str]:
    words = [w for table in (data.comparators.prefix, data.comparators.suffix, data.bounding_verbs)
             for ws in table.values() for w in ws]
    return (words + data.approx.prefix + data.approx.suffix + data.level_words + data.trend_words
            + data.range_separators + data.minus_signs + data.ratio_separators + data.unit_words)


# ---------------------------------------------------------------- numbers

MAX_DIGITS = 20  # longer digit runs are ids or noise, not quantities
MAX_NUMBER_CHARS = 64  # 二十三万四千五百六十七 is 11; a longer "number" is a run of noise


def decimal_value(text: str) -> Optional[Decimal]:
    """Exact value of one number as printed (folded, no spaces): 1.2万, 一千二百, 百分之十五, 三成.

    Shared with money.py; Decimal so that 12.14 × 10000 is 121400, not 121399.99999999999.
    """
    if len(text) > MAX_NUMBER_CHARS:
        return None
    cn = grammar().data.chinese_numerals
    sign = Decimal(1)
    if text[:1] in grammar().minus:
        sign, text = Decimal(-1), text[1:]
    for prefix in cn.percent_prefixes:  # 百分之十五 → 15: the value stays in percent
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    head, tenths, tail = text.partition(cn.tenths)
    if not tenths:
        value = _plain_number(head)
        return None if value is None else sign * value
    whole = _plain_number(head)          # 三成五 → 3 tenths and 5 hundredths, in percent
    rest = _plain_number(tail) if tail else Decimal(0)
    if whole is None or rest is None or rest >= 10:
        return None
    return sign * (whole * 10 + rest)


def _plain_number(text: str) -> Optional[Decimal]:
    cn = grammar().data.chinese_numerals
    if not text:
        return None
    if len(text) > 1 and all(c in cn.digits for c in text):  # 二〇二五: read digit by digit
        return Decimal("".join(str(cn.digits[c]) for c in text))
    parts = [(m.lastgroup, m.group()) for m in grammar().numeral_parts.finditer(text)]
    if any(kind == "bad" for kind, _ in parts):
        return None
    return _positional(parts, cn)


def _positional(parts: list[tuple[str, str]], cn: ChineseNumerals) -> Optional[Decimal]:
    """一亿二千万, 两万五, 一百零五, 1.2万: sections below 万/亿 added, then multiplied."""
    total = section = Decimal(0)
    pending: Optional[Decimal] = None   # a digit still waiting for its unit
    pending_is_cn_digit = False
    last_unit: Optional[int] = None
    last_small: Optional[int] = None
    largest = 0
    after_zero = False
    for kind, text in parts:
        if kind == "digit" and cn.digits[text] == 0 and pending is None and last_unit is not None:
            after_zero = True           # 一百零五: the 5 is units, not the colloquial 一百五 = 150
            continue
        if kind in ("arabic", "decimal", "digit"):
            if pending is not None:
                return None             # two numbers in a row: 十四五
            pending = _atom(kind, text, cn)
            if pending is None:
                return None
            pending_is_cn_digit = kind == "digit"
            continue
        unit = cn.small_units.get(text) or cn.large_units[text]
        if text in cn.small_units:
            if last_small is not None and unit >= last_small:
                return None             # 一百二千 is no number
            section += (Decimal(1) if pending is None else pending) * unit
            last_small = unit
        else:
            section += pending or 0
            if section == 0 and total == 0:
                section = Decimal(1)    # 亿 alone, 万元: one of the unit
            total = (total + section) * unit if unit > largest else total + section * unit
            largest = max(largest, unit)
            section, last_small = Decimal(0), None
        pending, last_unit, after_zero = None, unit, False
    if pending is not None:
        if last_unit is not None and not after_zero:
            if not pending_is_cn_digit:
                return None             # 1万2: no reading is safe
            pending *= Decimal(last_unit) / 10  # 一千二 → 1200, 两万五 → 25000, 十一 → 11
        section += pending
    return total + section


def _atom(kind: str, text: str, cn: ChineseNumerals) -> Optional[Decimal]:
    if kind == "digit":
        return Decimal(cn.digits[text])
    if kind == "decimal":               # 三点五
        whole, _, frac = text.partition(cn.decimal_point)
        return Decimal("".join(str(cn.digits[c]) for c in whole) + "." +
                       "".join(str(cn.digits[c]) for c in frac))
    digits = text.replace(",", "")
    if len(digits.replace(".", "")) > MAX_DIGITS:
        return None
    return Decimal(digits)


def _finite(value: Optional[Decimal]) -> Optional[float]:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def unit_magnitudes() -> tuple[str, ...]:
    """The magnitudes a unit may open with (万亩, 1.2亿人次), longest first: one list for table
    units and prose measure words."""
    return grammar().unit_magnitudes


def cn_number(text: str) -> Optional[float]:
    """A number written in Chinese, Arabic or both; None if the text is not one number.

    二〇二五 → 2025, 一千二百 → 1200, 十一 → 11, 两 → 2, 1.2万 → 12000, 1,200 → 1200,
    三点五 → 3.5. Percent forms keep the percent unit: 百分之十五 → 15, 三成 → 30, 15% → 15.
    """
    if not isinstance(text, str):
        return None
    s = drop_spaces(fold_width(text)).rstrip("%‰")
    try:
        return _finite(decimal_value(s)) if s else None
    except ArithmeticError:             # a pathological run of units overflows Decimal
        return None


def parse_year(text: str) -> Optional[int]:
    """The year a header or phrase names: 2025年, 二〇二五年, 2025 年目标值, 2020年值.

    A span of years (2021-2025年) names its end: a period's figure is the one reached at its end.
    The first year in the text wins; None when there is none (基期值, “十四五”).
    """
    if not isinstance(text, str):
        return None
    m = grammar().year.search(drop_spaces(fold_width(text)))
    if m is None:
        return None
    last = m.group()[-4:]               # the year itself, or the end of a span
    digits = grammar().data.chinese_numerals.digits
    if last[0] in digits:
        year = int("".join(str(digits[c]) for c in last))
        return year if FIRST_YEAR <= year <= LAST_YEAR else None
    return int(last)


# ---------------------------------------------------------------- tokens

@dataclass(frozen=True)
class _Token:
    kind: str                          # year | per | word | num | other
    text: str
    value: Optional[Decimal] = None


# a unit between a number and its qualifier: % ‰ 岁 人 项 万管 — but not across a clause
_CLAUSE_BREAK = frozenset("，,。；;、：（）()[]【】!?！？")
_UNIT_REACH = 4


def _tokens(s: str) -> list[_Token]:
    tokens: list[_Token] = []
    for m in grammar().scanner.finditer(s):
        kind, text = m.lastgroup or "other", m.group()
        value = None
        if kind == "num":
            value = decimal_value(text)
            if value is None or _inside_word(text, tokens):
                kind = "other"
        tokens.append(_Token(kind, text, value))
    return tokens


def _inside_word(text: str, before: list[_Token]) -> bool:
    """Chinese numerals that are part of a word, not a number: 进一步, 统一, 每千人口, 万人."""
    cn = grammar().data.chinese_numerals
    if any(text.startswith(p) for p in cn.percent_prefixes):
        return False                    # 百分之 is never part of a word
    if not (text[0] in cn.digits or text[0] in cn.small_units or text[0] in cn.large_units):
        return False
    han = patterns.compile(r"\p{Han}")
    if before and before[-1].kind == "other" and han.match(before[-1].text):
        return True
    # a bare unit is a word (万人, 千米) unless it is 十 (十 = 10, 十五 = 15)
    return not any(c in cn.digits for c in text) and cn.small_units.get(text[0]) != 10


# ---------------------------------------------------------------- quantity

_Reading = tuple[Op, Optional[Decimal], Optional[Decimal]]
_NONE: _Reading = ("none", None, None)


def parse_quantity(raw: str, year: Optional[int] = None) -> Quantity:
    """A Quantity from a printed value; raw is kept with whitespace removed. Never raises."""
    printed = drop_spaces(raw) if isinstance(raw, str) else ""
    try:
        op, value, high = _read(fold_width(printed))
    except ArithmeticError:             # Decimal overflow on pathological input: unreadable
        op, value, high = _NONE
    low, top = _finite(value), _finite(high)
    if (value is not None and low is None) or (high is not None and top is None):
        op, low, top = "none", None, None
    return Quantity(year=year, raw=printed, op=op, value=low, high=top)


def _read(s: str) -> _Reading:
    g = grammar()
    if not s or s in g.none_words or set(s) <= g.none_chars:
        return _NONE
    tokens = _tokens(s)
    numbers = [i for i, t in enumerate(tokens) if t.kind == "num"]
    if not numbers:
        has_trend = any(t.kind == "word" and t.text in g.trends for t in tokens)
        return ("trend", None, None) if has_trend else _NONE
    i = _target(tokens, numbers)
    before = _words_before(tokens, i)
    if _is_change(tokens, i, before):
        return ("trend", None, None)
    value = tokens[i].value
    if value is None:                   # num tokens always carry one; keeps the type checker honest
        return _NONE
    if i == numbers[0] and before and before[0] in g.minus:
        value = -value                  # -0.5‰: a sign only before the first number
    after = _after_unit(tokens, i)
    high = _range_end(tokens, after)
    if high is not None:
        return ("range", min(value, high), max(value, high))
    ratio = _ratio(tokens, i, value)
    if ratio is not None:               # ≥1∶1.2: the comparator applies to the ratio
        value, after = ratio, _after_unit(tokens, i + 2)
    return (_op(before, _words_from(tokens, after)), value, None)


def _target(tokens: list[_Token], numbers: list[int]) -> int:
    """The number a level word points at (由5.07‰降至3.74‰ → 3.74), else the first."""
    g = grammar()
    for i in numbers:
        if any(w in g.levels or w in g.bound_op for w in _words_before(tokens, i)):
            return i
    return numbers[0]


def _is_change(tokens: list[_Token], i: int, before: list[str]) -> bool:
    """下降10%, 提高5个百分点: a trend verb before the number and no level word next to it."""
    g = grammar()
    if any(w in g.levels or w in g.bound_op for w in before):
        return False
    return any(t.kind == "word" and t.text in g.trends for t in tokens[:i])


def _words_before(tokens: list[_Token], i: int) -> list[str]:
    """The words right before token i, nearest first: 控制在 in 控制在9.5%."""
    words = []
    for j in range(i - 1, -1, -1):      # indices, not a slice: cells can be whole paragraphs
        if tokens[j].kind != "word":
            break
        words.append(tokens[j].text)
    return words


def _after_unit(tokens: list[_Token], i: int) -> int:
    """Index of the first token after number i and its unit (% ‰ 岁 人 /10万 个百分点)."""
    g = grammar()
    j, reach = i + 1, 0
    while j < len(tokens) and reach < _UNIT_REACH:
        t = tokens[j]
        is_unit = (t.kind in ("per", "other") and t.text not in _CLAUSE_BREAK
                   and t.text not in g.ratio) or (t.kind == "word" and t.text in g.data.unit_words)
        if not is_unit:
            break
        j, reach = j + 1, reach + 1
    return j


def _words_from(tokens: list[_Token], j: int) -> list[str]:
    words = []
    for t in itertools.islice(tokens, j, None):
        if t.kind != "word":
            break
        words.append(t.text)
    return words


def _range_end(tokens: list[_Token], j: int) -> Optional[Decimal]:
    """10-15, 10%-15%, 80至85: a separator right after the unit, then a number."""
    if j + 1 < len(tokens) and tokens[j].kind == "word" and tokens[j].text in grammar().separators:
        if tokens[j + 1].kind == "num":
            return tokens[j + 1].value
    return None


def _ratio(tokens: list[_Token], i: int, first: Decimal) -> Optional[Decimal]:
    """1∶1.25 → 1.25: the ratio normalised to one."""
    if i + 2 < len(tokens) and tokens[i + 1].text in grammar().ratio and tokens[i + 2].kind == "num":
        second = tokens[i + 2].value
        if first != 0 and second is not None:
            return second / first
    return None


def _op(before: list[str], after: list[str]) -> Op:
    """What the printed words say, most precise first: a comparator after the number (95%以上),
    one before it (≥95), an approximation (约, 左右: 控制在70%左右 is about 70), a bounding
    verb (控制在5‰), else equality."""
    g = grammar()
    for words, table in ((after, g.suffix_op), (before, g.prefix_op)):
        for w in words:
            if w in table:
                return table[w]
    if any(w in g.approx for w in before) or any(w in g.approx for w in after):
        return "~"
    for w in before:
        if w in g.bound_op:
            return g.bound_op[w]
    return "="
