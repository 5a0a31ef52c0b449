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
without it the parsed data is cached as JSON keyed on the file's hash. A validated model is kept
between processes (extract/built_cache.py, keyed on the file's hash and the code): a process that
finds it neither imports PyYAML nor builds the model's validator (models are built on first
validation, `defer_build`).
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Annotated, Callable, Optional, TypeVar

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, ValidationInfo

from . import built_cache, regex_cache
from .errors import PlanExtractError
from .lexicon import dates

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


class PatternDataError(PlanExtractError):
    code = "E901"


class PatternModel(BaseModel):
    """The base of every pattern-file model: unknown keys are errors, loaded data is read-only."""
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


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


@functools.lru_cache(maxsize=1)
def _loaders() -> tuple[type, type, bool]:
    """The YAML loaders, made when a file is first parsed (PyYAML is not imported before):
    libyaml's parser when PyYAML was built with it, else the pure-Python one; and the
    pure-Python one (the fallback, its result cached). Both refuse duplicate keys."""
    import yaml

    def construct_mapping(loader, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                raise PatternDataError(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
            seen.add(key)
        return loader.construct_mapping(node, deep)

    unique = type("_UniqueKeyLoader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})
    pure = type("_PureUniqueKeyLoader", (yaml.SafeLoader,), {})
    for loader in (unique, pure):
        loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return unique, pure, hasattr(yaml, "CSafeLoader")


def __getattr__(name: str):
    """HAS_LIBYAML and the two loaders, importing PyYAML only when asked for."""
    if name in ("_UniqueKeyLoader", "_PureUniqueKeyLoader", "HAS_LIBYAML"):
        unique, pure, has_libyaml = _loaders()
        return {"_UniqueKeyLoader": unique, "_PureUniqueKeyLoader": pure, "HAS_LIBYAML": has_libyaml}[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def folder_digest() -> str:
    """sha256 over every data file of the pattern folder (name and bytes): the key of what is
    built from several of them (the catalogue's normalized names)."""
    return _folder_digest(patterns_dir())


@functools.lru_cache(maxsize=None)
def _folder_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        h.update(f"{path.name}\0{len(data := path.read_bytes())}\0".encode() + data)
    return h.hexdigest()


def _read_file(name: str) -> bytes:
    path = patterns_dir() / f"{name}.yaml"
    try:
        return path.read_bytes()
    except OSError as e:
        raise PatternDataError(f"{path}: {e}") from None


@functools.lru_cache(maxsize=None)
def load_raw(name: str) -> object:
    path = patterns_dir() / f"{name}.yaml"
    data = _read_file(name)
    import yaml
    try:
        if _loaders()[2]:
            return _parse(data)
        return _cached_parse(data)
    except PatternDataError as e:
        raise PatternDataError(f"{path}: {e.message}") from None
    except (UnicodeDecodeError, yaml.YAMLError) as e:
        raise PatternDataError(f"{path}: {e}") from None


def _parse(data: bytes, loader: Optional[type] = None) -> object:
    import yaml
    return yaml.load(data.decode("utf-8"), Loader=loader or _loaders()[0])


def cache_dir() -> Path:
    return (built_cache.cache_root() or Path(".")) / "patterns"


def _cached_parse(data: bytes) -> object:
    """The pure-Python parser's result, kept as JSON under the file's hash (pattern data is
    plain mappings, lists, strings and numbers). A cache that cannot be written is skipped."""
    cached = cache_dir() / f"{hashlib.sha256(data).hexdigest()}.json"
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    parsed = _parse(data, _loaders()[1])
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
    """patterns/<name>.yaml validated as `model`; once per process, and kept between processes
    for this package's models (extract/built_cache.py: keyed on the file's bytes and the code)."""
    key = (name, model)
    if key not in _models:
        data = _read_file(name)
        cache_key = ("patterns", name, f"{model.__module__}.{model.__qualname__}",
                     built_cache.file_digest(data))
        _models[key] = built_cache.get(cache_key, lambda: _validate(name, model),
                                       store=model.__module__.startswith("extract."))
    return _models[key]  # type: ignore[return-value]


def _validate(name: str, model: type[M]) -> M:
    raw = load_raw(name)
    try:
        pieces = _file_pieces(raw)
        if isinstance(raw, dict):   # the file's own pieces live in its regexes, not in the model
            raw = {k: v for k, v in raw.items() if k != "pieces"}
        return model.model_validate(raw, context={"pieces": pieces})
    except (ValidationError, ValueError) as e:
        raise PatternDataError(f"patterns/{name}.yaml: {e}") from None


COMPILED: list[tuple[str, type]] = []   # (file, model) of every `compiled` builder, as imported


def compiled(name: str, model: type[M]) -> Callable[[Callable[[M], T]], Callable[[], T]]:
    """Decorator: `build(data)` turns patterns/<name>.yaml (validated as `model`) into what a
    module matches with; the decorated function takes no argument and builds it once per
    process (thread-safe). `fn.reset()` forgets it (for tests that swap the pattern folder)."""
    def wrap(build: Callable[[M], T]) -> Callable[[], T]:
        COMPILED.append((name, model))
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
