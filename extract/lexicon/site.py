"""What a government website prints around a document (patterns/site.yaml): chrome (menus,
toolbars, breadcrumbs, footers) and the metadata block (索引号 / 发文机关 / 成文日期 …), which a
crawler's Markdown front matter (`**发布日期**：…`) repeats."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

import regex

from .. import patterns, regex_cache

_SEPARATORS = regex_cache.compile(r"[\s|｜/·丨•>＞»›【】\[\]（）()]+")


class SitePatterns(patterns.PatternModel):
    chrome_words: list[str]
    chrome_lines: list[patterns.Regex]
    related_marker: patterns.Regex
    max_related_lines: int
    site_fields: dict[str, list[str]]


@dataclass(frozen=True)
class _Site:
    words: frozenset[str]
    chrome: regex.Pattern
    related: regex.Pattern
    max_related: int
    label_field: dict[str, str]
    field_start: regex.Pattern
    pairs: regex.Pattern


@patterns.compiled("site", SitePatterns)
def site(p: SitePatterns) -> _Site:
    labels = {label: name for name, ls in p.site_fields.items() for label in ls}
    alt = patterns.alternation(list(labels))
    return _Site(
        words=frozenset(p.chrome_words),
        chrome=patterns.compile("^(?:" + "|".join(f"(?:{c})" for c in p.chrome_lines) + ")$"),
        related=patterns.compile(f"^(?:{p.related_marker})$"),
        max_related=p.max_related_lines,
        label_field=labels,
        field_start=patterns.compile(rf"^\s*(?:{alt})\s*[：:]"),
        pairs=patterns.compile(rf"(?P<label>{alt})\s*[：:]\s*(?P<value>.*?)\s*(?=(?:{alt})\s*[：:]|$)"),
    )


def is_chrome(text: str) -> bool:
    """A line of menus, toolbar, breadcrumb or footer: `首页 | 政务公开`, `打印 收藏 关闭`."""
    s = site()
    t = text.strip()
    if not t or len(t) > 200 or "。" in t:
        return False  # chrome never ends a sentence
    tokens = [w for w in _SEPARATORS.split(t) if w]
    if len(tokens) == 1 and len(tokens[0]) == 1:
        return False  # a lone 大 or 中 may be a table cell; a toolbar prints 大 中 小 together
    if tokens and all(w in s.words or _made_of_words(w, s.words) for w in tokens):
        return True
    return bool(s.chrome.match(t))


MAX_MENU_TOKEN = 40   # a token longer than this is never a run of menu words


def _made_of_words(token: str, words: frozenset[str]) -> bool:
    """`打印收藏关闭` (layout spaces removed): the token is a run of chrome words."""
    if len(token) > MAX_MENU_TOKEN:
        return False
    longest = _longest(words)
    reach = [True] + [False] * len(token)
    for i in range(len(token)):
        if reach[i]:
            for j in range(i + 1, min(len(token), i + longest) + 1):
                if token[i:j] in words:
                    reach[j] = True
    return reach[-1]


@functools.lru_cache(maxsize=4)
def _longest(words: frozenset[str]) -> int:
    """The longest chrome word (asked for every short line: measured once per word set)."""
    return max(map(len, words))


def is_related_marker(text: str) -> bool:
    """`相关解读`: a list of links to other pages follows."""
    return bool(site().related.match(text.strip()))


def max_related_lines() -> int:
    return site().max_related


def is_label(text: str) -> bool:
    """A metadata label alone, as a table cell prints it: `索引号`, `发文机关：`."""
    return text.strip().rstrip("：:").strip() in site().label_field


def is_field_line(text: str) -> bool:
    """A line of the metadata block: it starts with a label and a colon (`发文机关：…`)."""
    return bool(site().field_start.match(text))


def fields(text: str) -> list[tuple[str, str]]:
    """(field, value) pairs of a metadata line, by the meta field each label fills:
    `索引号：0001/2023 发文机关：某市人民政府` → [("other", …), ("issuer", "某市人民政府")]."""
    s = site()
    out = []
    for m in s.pairs.finditer(text):
        value = m.group("value").strip()
        if value:
            out.append((s.label_field[m.group("label")], value))
    return out


def field_value(lines: list[str], name: str) -> Optional[str]:
    """The first value of field `name` in these metadata lines."""
    for line in lines:
        for f, value in fields(line):
            if f == name:
                return value
    return None
