"""Load pattern data from patterns/*.yaml once per process, validated and compiled.

Each consumer describes its file with a `PatternModel` (the one frozen base: extra keys
forbidden, values read-only), so a typo in the data is an error at load time, not a silent
miss. Duplicate YAML keys are errors too, and so is a regex without the named groups its code
reads (`RegexWith("subject", "verb")`).

A regex is written from named pieces: `{year}` in a pattern stands for the one spelling of a
year (extract/lexicon/dates), and a file may name pieces of its own under `pieces:` (they may
use the shared ones). Pieces are expanded when the file is loaded, so the model, the code and
the checks all see the whole regex; an unknown piece is an error. `\\p{Han}` and `{2,4}` are
regex, not pieces. A module turns its file into what it matches with through one helper:

    @patterns.compiled("normalize", NormalizePatterns)
    def grammar(p: NormalizePatterns) -> _Compiled: ...     # grammar() builds it once

YAML is parsed by libyaml (yaml.CSafeLoader, ~20× the pure-Python parser) when PyYAML has it;
without it the parsed data is cached as JSON keyed on the file's hash.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Annotated, Callable, TypeVar

import regex
import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, ValidationInfo

from . import regex_cache
from .errors import PlanExtractError
from .lexicon import dates

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


class PatternDataError(PlanExtractError):
    code = "E901"


class PatternModel(BaseModel):
    """The base of every pattern-file model: unknown keys are errors, loaded data is read-only."""
    model_config = ConfigDict(extra="forbid", frozen=True)


# The pieces every pattern file may use: one spelling of each, from extract/lexicon/dates.
SHARED_PIECES: dict[str, str] = {
    "year": dates.YEAR,                  # 2025 · 二〇二五 (without 年)
    "arabic_year": dates.ARABIC_YEAR,    # 2025
    "chinese_year": dates.CHINESE_YEAR,  # 二〇二五
    "month": dates.MONTH,                # 4 · 十二
    "day": dates.DAY,                    # 25 · 二十五
}

# {name}, lowercase; not the property of \p{Han} / \N{…}, and never a {2,4} quantifier
_PIECE = regex_cache.compile(r"(?<!\\[pPN])\{([a-z][a-z0-9_]*)\}")


def expand_pieces(pattern: str, pieces: dict[str, str]) -> str:
    """`{year}年` → `(?:(?:19|20)[0-9]{2}|…)年`; each piece is wrapped in (?:…) so it stays
    one unit before a quantifier or beside an alternation."""
    def piece(m: regex.Match) -> str:
        name = m.group(1)
        if name not in pieces:
            raise ValueError(f"unknown piece {{{name}}} in {pattern!r} (known: {', '.join(sorted(pieces))})")
        return f"(?:{pieces[name]})"
    return _PIECE.sub(piece, pattern)


def _file_pieces(raw: object) -> dict[str, str]:
    """The shared pieces and a file's own `pieces:` (which may use the shared ones)."""
    own = raw.get("pieces") if isinstance(raw, dict) else None
    if not isinstance(own, dict):
        return dict(SHARED_PIECES)
    found = dict(SHARED_PIECES)
    for name, value in own.items():
        if not isinstance(name, str) or not isinstance(value, str) or not _PIECE.fullmatch(f"{{{name}}}"):
            raise ValueError(f"pieces: {name!r} must be a lowercase name for a regex string")
        found[name] = expand_pieces(value, found)
    return found


def _valid_regex(*groups: str) -> Callable[[str, ValidationInfo], str]:
    def check(pattern: str, info: ValidationInfo) -> str:
        pieces = (info.context or {}).get("pieces", SHARED_PIECES)
        pattern = expand_pieces(pattern, pieces)
        try:
            compiled_ = regex_cache.compile(pattern, regex.V1)
        except regex.error as e:
            raise ValueError(f"bad regex {pattern!r}: {e}") from None
        missing = [g for g in groups if g not in compiled_.groupindex]
        if missing:
            raise ValueError(f"regex {pattern!r} lacks the named group(s) {missing}")
        return pattern
    return check


def RegexWith(*groups: str):  # noqa: N802 (a type, spelled like one)
    """A regex field that must compile and define these named groups: `start: RegexWith("name")`.
    Its `{piece}`s are expanded first: the field holds the whole regex."""
    return Annotated[str, AfterValidator(_valid_regex(*groups))]


Regex = RegexWith()   # a regex field with no group the code reads


def patterns_dir() -> Path:
    """Where the pattern data is: $PLAN_EXTRACT_PATTERNS if set; else the copy a wheel ships
    inside the package (extract/_patterns, see setup.py); else patterns/ beside the package
    (a checkout, or an editable install)."""
    env = os.environ.get("PLAN_EXTRACT_PATTERNS")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "_patterns", here.parent / "patterns"):
        if (candidate / "headings.yaml").is_file():
            return candidate
    raise PatternDataError("pattern folder not found: reinstall plan-extract, or set "
                           "PLAN_EXTRACT_PATTERNS to a folder holding its patterns/*.yaml")


HAS_LIBYAML = hasattr(yaml, "CSafeLoader")


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser when PyYAML was built with it, with duplicate keys refused."""


class _PureUniqueKeyLoader(yaml.SafeLoader):
    """The pure-Python parser, with duplicate keys refused (the fallback, its result cached)."""


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise PatternDataError(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
        seen.add(key)
    return loader.construct_mapping(node, deep)


for _loader in (_UniqueKeyLoader, _PureUniqueKeyLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@functools.lru_cache(maxsize=None)
def load_raw(name: str) -> object:
    path = patterns_dir() / f"{name}.yaml"
    try:
        data = path.read_bytes()
        if HAS_LIBYAML:
            return _parse(data)
        return _cached_parse(data)
    except PatternDataError as e:
        raise PatternDataError(f"{path}: {e.message}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise PatternDataError(f"{path}: {e}") from None


def _parse(data: bytes, loader: type = _UniqueKeyLoader) -> object:
    return yaml.load(data.decode("utf-8"), Loader=loader)


def cache_dir() -> Path:
    env = os.environ.get("PLAN_EXTRACT_CACHE")
    base = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "plan-extract"
    return base / "patterns"


def _cached_parse(data: bytes) -> object:
    """The pure-Python parser's result, kept as JSON under the file's hash (pattern data is
    plain mappings, lists, strings and numbers). A cache that cannot be written is skipped."""
    cached = cache_dir() / f"{hashlib.sha256(data).hexdigest()}.json"
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    parsed = _parse(data, _PureUniqueKeyLoader)
    try:
        text = json.dumps(parsed, ensure_ascii=False)
        if json.loads(text) != parsed:   # not plain JSON data (an integer key, a date): no cache
            return parsed
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, cached)
    except (OSError, TypeError, ValueError):
        pass
    return parsed


_models: dict[tuple[str, type], BaseModel] = {}


def load(name: str, model: type[M]) -> M:
    """patterns/<name>.yaml validated as `model`; cached per process."""
    key = (name, model)
    if key not in _models:
        raw = load_raw(name)
        try:
            pieces = _file_pieces(raw)
            if isinstance(raw, dict):   # the file's own pieces live in its regexes, not in the model
                raw = {k: v for k, v in raw.items() if k != "pieces"}
            _models[key] = model.model_validate(raw, context={"pieces": pieces})
        except (ValidationError, ValueError) as e:
            raise PatternDataError(f"patterns/{name}.yaml: {e}") from None
    return _models[key]  # type: ignore[return-value]


def compiled(name: str, model: type[M]) -> Callable[[Callable[[M], T]], Callable[[], T]]:
    """Decorator: `build(data)` turns patterns/<name>.yaml (validated as `model`) into what a
    module matches with; the decorated function takes no argument and builds it once per
    process (thread-safe). `fn.reset()` forgets it (for tests that swap the pattern folder)."""
    def wrap(build: Callable[[M], T]) -> Callable[[], T]:
        lock = threading.Lock()
        built: list[T] = []

        @functools.wraps(build)
        def get() -> T:
            if not built:
                with lock:
                    if not built:
                        built.append(build(load(name, model)))
            return built[0]
        get.reset = built.clear  # type: ignore[attr-defined]
        return get
    return wrap


_compiled: dict[tuple[str, int], "regex.Pattern[str]"] = {}


def compile(pattern: str, flags: int = 0) -> "regex.Pattern[str]":
    """Compile once; every pattern in the data goes through here so a bad one fails at load.
    Compiled patterns are kept between processes (extract/regex_cache.py)."""
    key = (pattern, flags)
    found = _compiled.get(key)
    if found is None:
        try:
            found = _compiled[key] = regex_cache.compile(pattern, flags | regex.V1)
        except regex.error as e:
            raise PatternDataError(f"bad regex {pattern!r}: {e}") from None
    return found


def compiled_patterns() -> list["regex.Pattern[str]"]:
    """Every pattern compiled so far in this process, module-level ones of extract.* included
    (the backtracking test runs each on adversarial text)."""
    import sys
    found = {(p.pattern, p.flags): p for p in _compiled.values()}
    for name, module in list(sys.modules.items()):
        if name == "extract" or name.startswith("extract."):
            for value in vars(module).values():
                if isinstance(value, regex.Pattern):
                    found[(value.pattern, value.flags)] = value
    return list(found.values())


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so 不低于 wins over 不低."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
