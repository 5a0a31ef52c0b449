"""Compiled regexes kept between processes (extract/regex_cache.py): what comes back from the
file matches as the freshly compiled pattern does, and a bad file is never trusted."""
from __future__ import annotations

import pickle

import pytest
import regex

from extract import regex_cache

# invented patterns of the kinds the pattern files hold: named groups, V1 sets, lookbehind
CASES = [
    (r"(?P<year>\d{4})年(?:底|末)?", regex.V1, "到2025年底", {"year": "2025"}),
    (r"(?<![\d.])(?P<q>\d+(?:\.\d+)?\s*%)", regex.V1, "提高到12.5%以上", {"q": "12.5%"}),
    (r"[[\p{Han}]--[的了]]+", regex.V1, "的森林覆盖率", None),
    (r"(?i)^km\b", 0, "KM 以内", None),
]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and a process that has loaded nothing from it."""
    monkeypatch.setenv("PLAN_EXTRACT_CACHE", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_known", None)
    monkeypatch.setattr(regex_cache, "_used", {})
    monkeypatch.setattr(regex_cache, "_added", False)
    return tmp_path


def _forget(monkeypatch):
    """As if a new process started: the file is all that is left."""
    monkeypatch.setattr(regex_cache, "_known", None)
    monkeypatch.setattr(regex_cache, "_used", {})


@pytest.mark.parametrize("pattern, flags, text, groups", CASES)
def test_a_pattern_from_the_file_matches_as_the_compiled_one(fresh, monkeypatch, pattern, flags,
                                                             text, groups):
    compiled = regex_cache.compile(pattern, flags)
    regex_cache.save()
    assert regex_cache.cache_file().is_file()
    _forget(monkeypatch)
    monkeypatch.setattr(regex_cache.regex, "compile", _must_not_compile)
    loaded = regex_cache.compile(pattern, flags)
    assert loaded is not compiled   # it came from the file, not from this process
    assert (loaded.pattern, loaded.flags, loaded.groupindex) == \
        (compiled.pattern, compiled.flags, compiled.groupindex)
    got, want = loaded.search(text), compiled.search(text)
    assert (got and got.span(), got and got.groupdict()) == (want and want.span(), want and want.groupdict())
    if groups is not None:
        assert got.groupdict() == groups


def _must_not_compile(*args, **kwargs):
    raise AssertionError("compiled again although the cache file holds the pattern")


def test_a_damaged_file_is_compiled_around(fresh, monkeypatch):
    path = regex_cache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x80\x05not a pickle")
    assert regex_cache.compile(r"第(?P<n>\d+)条").search("第3条").group("n") == "3"


def test_a_file_that_would_build_anything_but_a_regex_is_refused(fresh):
    class Anything:
        def __reduce__(self):
            return (print, ("this must not run",))
    path = regex_cache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps({("x", 0): Anything()}))
    assert regex_cache._read(path) == {}
    assert regex_cache.compile("x").pattern == "x"


def test_an_unwritable_cache_folder_is_no_error(fresh, monkeypatch, tmp_path):
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("")
    monkeypatch.setenv("PLAN_EXTRACT_CACHE", str(blocker))
    assert regex_cache.compile(r"\d+万元").match("500万元")
    regex_cache.save()   # cannot write under a file: silently nothing


def test_only_the_patterns_asked_for_are_built_from_the_file(fresh, monkeypatch):
    """Each entry is unpickled when a process asks for its pattern: a bad entry costs only its
    own pattern (compiled again), the others still come from the file."""
    class Anything:
        def __reduce__(self):
            return (print, ("this must not run",))
    good = regex_cache.compile(r"(?P<year>\d{4})年", regex.V1)
    regex_cache.save()
    _forget(monkeypatch)
    path = regex_cache.cache_file()
    entries = regex_cache._read(path)
    entries[("到(?P<year>\\d{4})年", int(regex.V1))] = pickle.dumps(Anything())
    path.write_bytes(pickle.dumps(entries))
    monkeypatch.setattr(regex_cache.regex, "compile", _must_not_compile)
    loaded = regex_cache.compile(r"(?P<year>\d{4})年", regex.V1)
    assert loaded is not good and loaded.search("2025年").group("year") == "2025"
    monkeypatch.undo()
    monkeypatch.setattr(regex_cache, "_used", {})
    assert regex_cache.compile("到(?P<year>\\d{4})年", regex.V1).search("到2030年").group("year") == "2030"
