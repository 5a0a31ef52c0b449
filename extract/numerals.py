"""Whole numbers written in Chinese, for ordinals and years: 十一 → 11, 二〇二五 → 2025.

A thin typed view of `quantity.cn_number`, which owns the numeral grammar (patterns/quantities.yaml).
"""
from __future__ import annotations

from typing import Optional

from .quantity import cn_number


def cn_int(text: str) -> Optional[int]:
    """A whole number written in Chinese or digits; None if the text is not one."""
    value = cn_number(text.strip())
    if value is None or value != int(value):
        return None
    return int(value)
