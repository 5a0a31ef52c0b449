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


# --- named pieces ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, matches, misses", [
    # a shared piece: the one spelling of a year in digits
    ("start: '(?P<year>{arabic_year})年(?P<month>\\d\\d)'\nwords: [a]\n", "2023年06", "3000年06"),
    # a file's own piece, built on a shared one
    ("pieces:\n  ym: '(?P<year>{arabic_year})年'\nstart: '{ym}(?P<month>\\d\\d)月'\nwords: [a]\n",
     "1998年12月", "98年12月"),
    # {year} takes a year in Chinese digits too
    ("start: '(?P<year>{year})年(?P<month>\\d\\d)'\nwords: [a]\n", "二〇二五年06", "二五年06"),
])
def test_pieces_are_expanded_when_the_file_loads(tmp_path, monkeypatch, text, matches, misses):
    _use(tmp_path, monkeypatch, text)
    start = patterns.compile(patterns.load("example", _Example).start)
    assert "{" not in start.pattern.replace("{2}", "").replace("{4}", "")
    assert start.fullmatch(matches) and not start.fullmatch(misses)


def test_regex_braces_are_not_pieces(tmp_path, monkeypatch):
    _use(tmp_path, monkeypatch, "start: '(?P<year>\\p{Han}{2,4})(?P<month>\\d{1,2})'\nwords: [a]\n")
    assert patterns.load("example", _Example).start == "(?P<year>\\p{Han}{2,4})(?P<month>\\d{1,2})"


@pytest.mark.parametrize("text, error", [
    # an unknown piece names itself and the pieces there are
    ("start: '(?P<year>{yeer})(?P<month>\\d\\d)'\nwords: [a]\n", r"unknown piece \{yeer\}.*arabic_year"),
    ("pieces:\n  ym: '{nope}年'\nstart: '(?P<year>{ym})(?P<month>\\d\\d)'\nwords: [a]\n", r"unknown piece \{nope\}"),
    ("pieces:\n  Year: '\\d{4}'\nstart: '(?P<year>\\d)(?P<month>\\d)'\nwords: [a]\n", "lowercase name"),
    # a piece brings no named group: the regex still lacks the one its code reads
    ("start: '{year}年(?P<month>\\d\\d)'\nwords: [a]\n", r"lacks the named group\(s\) \['year'\]"),
])
def test_a_bad_piece_is_refused_at_load(tmp_path, monkeypatch, text, error):
    _use(tmp_path, monkeypatch, text)
    with pytest.raises(PatternDataError, match=error):
        patterns.load("example", _Example)


def test_no_pattern_file_spells_out_a_year():
    """A year is spelled once (extract/lexicon/dates, the {year} pieces), not in each file."""
    import regex
    year = regex.compile(r"20\\d\{2\}|\(\?:19\|20\)|19\|20|\\d\{4\}\s*\\?s?\*?年|二〇\[")
    for path in sorted(patterns.patterns_dir().glob("*.yaml")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split(" #", 1)[0]
            assert not year.search(code), f"{path.name}:{n} spells a year out: use {{year}} or {{arabic_year}}"
