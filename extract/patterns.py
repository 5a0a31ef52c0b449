"""Load pattern data from patterns/*.yaml once per process, validated and compiled.

Each consumer describes its file with a pydantic model (extra keys forbidden), so a typo in the
data is an error at load time, not a silent miss. Duplicate YAML keys are errors too.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TypeVar

import regex
import yaml
from pydantic import BaseModel, ValidationError

from .errors import PlanExtractError

M = TypeVar("M", bound=BaseModel)


class PatternDataError(PlanExtractError):
    code = "E901"


def patterns_dir() -> Path:
    env = os.environ.get("PLAN_EXTRACT_PATTERNS")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "patterns", here / "_patterns"):
        if candidate.is_dir():
            return candidate
    raise PatternDataError("pattern folder not found (set PLAN_EXTRACT_PATTERNS)")


class _UniqueKeyLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise PatternDataError(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
        seen.add(key)
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@functools.lru_cache(maxsize=None)
def load_raw(name: str) -> object:
    path = patterns_dir() / f"{name}.yaml"
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=_UniqueKeyLoader)
    except PatternDataError as e:
        raise PatternDataError(f"{path}: {e.message}") from None
    except (OSError, yaml.YAMLError) as e:
        raise PatternDataError(f"{path}: {e}") from None


_models: dict[tuple[str, type], BaseModel] = {}


def load(name: str, model: type[M]) -> M:
    """patterns/<name>.yaml validated as `model`; cached per process."""
    key = (name, model)
    if key not in _models:
        try:
            _models[key] = model.model_validate(load_raw(name))
        except ValidationError as e:
            raise PatternDataError(f"patterns/{name}.yaml: {e}") from None
    return _models[key]  # type: ignore[return-value]


_compiled: dict[tuple[str, int], "regex.Pattern[str]"] = {}


def compile(pattern: str, flags: int = 0) -> "regex.Pattern[str]":
    """Compile once; every pattern in the data goes through here so a bad one fails at load."""
    key = (pattern, flags)
    found = _compiled.get(key)
    if found is None:
        try:
            found = _compiled[key] = regex.compile(pattern, flags | regex.V1)
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
