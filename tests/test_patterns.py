"""The pattern loader (extract/patterns.py): one helper, one frozen base, checked regexes."""
from __future__ import annotations

import pydantic
import pytest

from extract import patterns
from extract.patterns import PatternDataError, PatternModel


class _Example(PatternModel):
    start: patterns.RegexWith("year", "month")
    words: list[str]


def _use(tmp_path, monkeypatch, text: str) -> None:
    (tmp_path / "example.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("PLAN_EXTRACT_PATTERNS", str(tmp_path))
    patterns.load_raw.cache_clear()
    patterns._models.clear()


@pytest.fixture(autouse=True)
def _forget_loaded():
    yield
    patterns.load_raw.cache_clear()
    patterns._models.clear()


def test_a_regex_without_its_named_groups_is_refused_at_load(tmp_path, monkeypatch):
    _use(tmp_path, monkeypatch, "start: '(?P<year>20\\d\\d)年开工'\nwords: [a]\n")
    with pytest.raises(PatternDataError, match="month"):
        patterns.load("example", _Example)


def test_a_bad_regex_is_refused_at_load(tmp_path, monkeypatch):
    _use(tmp_path, monkeypatch, "start: '(?P<year>20\\d\\d(?P<month>'\nwords: [a]\n")
    with pytest.raises(PatternDataError, match="bad regex"):
        patterns.load("example", _Example)


@pytest.mark.parametrize("text, error", [
    ("start: '(?P<year>\\d{4})(?P<month>\\d\\d)'\nwords: [a]\nwords: [b]\n", "duplicate key 'words'"),
    ("start: '(?P<year>\\d{4})(?P<month>\\d\\d)'\nwords: [a]\nextra: 1\n", "extra"),
])
def test_duplicate_and_unknown_keys_are_errors(tmp_path, monkeypatch, text, error):
    _use(tmp_path, monkeypatch, text)
    with pytest.raises(PatternDataError, match=error):
        patterns.load("example", _Example)


def test_loaded_patterns_are_read_only(tmp_path, monkeypatch):
    _use(tmp_path, monkeypatch, "start: '(?P<year>\\d{4})(?P<month>\\d\\d)'\nwords: [a]\n")
    data = patterns.load("example", _Example)
    with pytest.raises(pydantic.ValidationError):
        data.words = ["b"]


def test_compiled_builds_once_per_process(tmp_path, monkeypatch):
    _use(tmp_path, monkeypatch, "start: '(?P<year>\\d{4})(?P<month>\\d\\d)'\nwords: [a, b]\n")
    calls = []

    @patterns.compiled("example", _Example)
    def grammar(p: _Example) -> tuple:
        calls.append(1)
        return tuple(p.words)

    assert grammar() == ("a", "b") and grammar() is grammar()
    assert len(calls) == 1
    grammar.reset()
    assert grammar() == ("a", "b") and len(calls) == 2


def test_pure_python_parse_is_cached_under_the_files_hash(tmp_path, monkeypatch):
    """Without libyaml, the slow parser's result is kept as JSON; the cache gives the same data."""
    monkeypatch.setenv("PLAN_EXTRACT_CACHE", str(tmp_path / "cache"))
    for path in sorted(patterns.patterns_dir().glob("*.yaml")):
        data = path.read_bytes()
        fresh = patterns._cached_parse(data)
        assert fresh == patterns._parse(data, patterns._PureUniqueKeyLoader)
        assert patterns._cached_parse(data) == fresh
    assert len(list((tmp_path / "cache" / "patterns").glob("*.json"))) >= 5


def test_the_cache_is_what_a_second_load_reads(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAN_EXTRACT_CACHE", str(tmp_path / "cache"))
    data = "words: [a, b]\n".encode()
    patterns._cached_parse(data)
    [cached] = (tmp_path / "cache" / "patterns").glob("*.json")
    cached.write_text('{"words": ["from the cache"]}', encoding="utf-8")
    assert patterns._cached_parse(data) == {"words": ["from the cache"]}


@pytest.mark.skipif(not patterns.HAS_LIBYAML, reason="PyYAML without libyaml")
def test_libyaml_and_the_pure_parser_agree_on_every_pattern_file():
    for path in sorted(patterns.patterns_dir().glob("*.yaml")):
        data = path.read_bytes()
        assert patterns._parse(data) == patterns._parse(data, patterns._PureUniqueKeyLoader), path.name
