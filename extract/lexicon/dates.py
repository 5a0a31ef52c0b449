"""Years and dates as printed: 2021年, 二〇二一年, 2021年4月25日, 二〇二一年四月二十五日.

One spelling of each piece, used by every stage that reads a year or a date.
"""
from __future__ import annotations

from typing import Optional

import regex

from .. import regex_cache
# the ten digits of a year written digit by digit (二〇二一), with the look-alikes printed for 〇
YEAR_DIGITS = "〇一二三四五六七八九"
_ZERO_LIKE = str.maketrans({"零": "〇", "○": "〇", "Ｏ": "〇"})
CN_YEAR_CHAR = "[一二三四五六七八九〇零○Ｏ]"
# a year in Arabic digits, without 年: 1949, 2025 (not any four digits: 3000吨 is no year)
ARABIC_YEAR = r"(?:19|20)[0-9]{2}"
# a year in Chinese digits, digit by digit: 二〇二五
CHINESE_YEAR = rf"{CN_YEAR_CHAR}{{4}}"
# a year without 年, either way
YEAR = rf"(?:{ARABIC_YEAR}|{CHINESE_YEAR})"
MONTH = r"[\d一二三四五六七八九十]{1,3}"
DAY = r"[\d一二三四五六七八九十]{1,3}"
# 2021年4月25日 (spaces allowed between the pieces, as layout leaves them)
DATE = regex_cache.compile(rf"(?P<y>{YEAR})\s*年\s*(?P<m>{MONTH})\s*月\s*(?P<d>{DAY})\s*日")
# a line that is only a date, possibly in brackets, the day optional: （2021年4月）
DATE_LINE = regex_cache.compile(rf"^[（(]?\s*{YEAR}\s*年\s*{MONTH}\s*月(?:\s*{DAY}\s*日)?\s*[）)]?$")
# a year token opening a table header: 2020年
YEAR_TOKEN = regex_cache.compile(rf"^{ARABIC_YEAR}年")


def year_value(s: str) -> Optional[int]:
    """2021 → 2021; 二〇二一 → 2021 (digit by digit); 十一 → 11 (a month or a day)."""
    # imported here: the quantity grammar behind cn_int builds on this module's year pieces
    from ..numerals import cn_int
    if s.isdigit():
        return int(s)
    if len(s) == 4:
        s2 = s.translate(_ZERO_LIKE)
        if all(ch in YEAR_DIGITS for ch in s2):
            return int("".join(str(YEAR_DIGITS.index(ch)) for ch in s2))
    return cn_int(s)


def iso_date(m: regex.Match) -> Optional[str]:
    """A DATE match as YYYY-MM-DD, or None when the month or day is impossible."""
    y, mo, d = year_value(m.group("y")), year_value(m.group("m")), year_value(m.group("d"))
    if not (y and mo and d) or not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


# 2021-12-30, 2021/12/30, 2021.12.30: as websites print a date
NUMERIC_DATE = regex_cache.compile(rf"(?<!\d)(?P<y>{ARABIC_YEAR})\s*(?P<sep>[-/.])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*(?P<d>\d{{1,2}})(?!\d)")


def find_date(text: str) -> Optional[str]:
    """The first printed date in text, as YYYY-MM-DD: 2021年4月25日, 二〇二一年四月二十五日, or
    a website's 2021-04-25."""
    for pattern in (DATE, NUMERIC_DATE):
        for m in pattern.finditer(text):
            iso = iso_date(m)
            if iso:
                return iso
    return None
