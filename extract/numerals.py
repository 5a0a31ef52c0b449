"""Chinese integer numerals: 十一 → 11, 二十三 → 23, 一百零五 → 105, 二〇二五 → 2025."""
from __future__ import annotations

from typing import Optional

_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2,
           "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
           "八": 8, "捌": 8, "九": 9, "玖": 9}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}


def cn_int(text: str) -> Optional[int]:
    """A whole number written in Chinese (or ASCII/full-width digits); None if it is not one."""
    s = text.strip()
    if not s:
        return None
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    if all(ch in _DIGITS for ch in s) and len(s) > 1:
        return int("".join(str(_DIGITS[ch]) for ch in s))  # 二〇二五: digit by digit
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        elif ch in _BIG:
            total += (section + (digit or 0)) * _BIG[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)
