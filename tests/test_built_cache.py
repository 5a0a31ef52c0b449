"""What is built from the pattern data, kept between processes (extract/built_cache.py): the
kept value is the one a fresh build gives, an edited pattern file or module is never answered
from the cache, and a cache that cannot be read or written never fails a run."""
from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from extract import built_cache, catalogue, patterns


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and a process that has read nothing from it."""
    monkeypatch.setenv("PLAN_EXTRACT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(built_cache, "_known", None)
    monkeypatch.setattr(built_cache, "_added", {})
    patterns._models.clear()
    patterns.load_raw.cache_clear()
    yield tmp_path
    patterns._models.clear()
    patterns.load_raw.cache_clear()


def _new_process(monkeypatch):
    """As if a new process started: the file is all that is left."""
    built_cache.save()
    monkeypatch.setattr(built_cache, "_known", None)
    patterns._models.clear()
    patterns.load_raw.cache_clear()


def test_every_kept_pattern_model_is_the_freshly_validated_one(fresh, monkeypatch):
    from extract.pipeline import _stages
    _stages()   # every stage's module, so every pattern file's model is known
    from extract.responsibility import TaskPatterns   # loaded directly, not through `compiled`
    files = [*patterns.COMPILED, ("tasks", TaskPatterns)]
    fresh_models = {(name, model): patterns.load(name, model) for name, model in files}
    assert {name for name, _ in fresh_models} == {p.stem for p in patterns.patterns_dir().glob("*.yaml")}
    _new_process(monkeypatch)
    monkeypatch.setattr(patterns, "_validate", _must_not_build)
    for (name, model), fresh_model in fresh_models.items():
        kept = patterns.load(name, model)
        assert kept is not fresh_model and kept == fresh_model, name


def _must_not_build(*args, **kwargs):
    raise AssertionError("validated again although the cache holds the model")


def test_an_edited_pattern_file_is_validated_again(fresh, monkeypatch):
    folder = fresh / "patterns"
    shutil.copytree(patterns.patterns_dir(), folder)
    monkeypatch.setenv("PLAN_EXTRACT_PATTERNS", str(folder))
    first = patterns.load("indicators", catalogue.Catalogue)
    _new_process(monkeypatch)
    text = (folder / "indicators.yaml").read_text(encoding="utf-8")
    (folder / "indicators.yaml").write_text(text.replace("name: 婴儿死亡率", "name: 婴幼儿死亡率", 1), encoding="utf-8")
    again = patterns.load("indicators", catalogue.Catalogue)
    names = lambda cat: {e.name for e in cat.indicators}   # noqa: E731
    assert "婴幼儿死亡率" in names(again) and "婴幼儿死亡率" not in names(first)


def test_a_bad_pattern_file_is_refused_every_time(fresh, monkeypatch):
    """A file that fails validation is never kept: the next process refuses it as well."""
    folder = fresh / "patterns"
    shutil.copytree(patterns.patterns_dir(), folder)
    monkeypatch.setenv("PLAN_EXTRACT_PATTERNS", str(folder))
    (folder / "indicators.yaml").write_text("normalize: {}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(patterns.PatternDataError):
            patterns.load("indicators", catalogue.Catalogue)
        _new_process(monkeypatch)


def test_the_code_signature_changes_with_any_module(tmp_path, monkeypatch):
    package = tmp_path / "extract"
    (package / "stages").mkdir(parents=True)
    (package / "a.py").write_text("A = 1\n")
    (package / "stages" / "b.py").write_text("B = 1\n")
    monkeypatch.setattr(built_cache, "__file__", str(package / "built_cache.py"))
    signatures = []
    for step in ("start", "edit", "new module"):
        if step == "edit":
            (package / "stages" / "b.py").write_text("B = 22\n")
        if step == "new module":
            (package / "c.py").write_text("")
        built_cache.code_signature.cache_clear()
        signatures.append(built_cache.code_signature())
    built_cache.code_signature.cache_clear()
    assert len(set(signatures)) == 3


def test_a_damaged_or_foreign_cache_file_is_built_around(fresh, monkeypatch):
    built_cache.get(("example",), lambda: {"a": 1})
    _new_process(monkeypatch)
    path = built_cache.cache_file()
    # an entry that would make a class from outside the package is refused, not trusted
    evil = pickle.dumps({("example",): pickle.dumps(subprocess.Popen)})
    path.write_bytes(evil)
    monkeypatch.setattr(built_cache, "_known", None)
    assert built_cache.get(("example",), lambda: "built again") == "built again"
    path.write_bytes(b"not a pickle")
    monkeypatch.setattr(built_cache, "_known", None)
    assert built_cache.get(("example",), lambda: "built again") == "built again"


def _extract_one(folder, env) -> tuple[bytes, str]:
    """Convert an invented one-line plan in a whole process: (the JSON, stderr)."""
    one = folder / "one.txt"
    one.write_text("规划目标：到2025年，森林覆盖率达到25%。\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "extract.cli", "extract", one.name, "-o",
                           str(folder / "out"), "-q"], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", **env}, cwd=folder, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return (folder / "out" / "one.json").read_bytes(), done.stderr


@pytest.fixture(scope="module")
def with_a_cache(tmp_path_factory):
    """The JSON of a cold run (empty cache folder) and of a warm one (the folder it filled)."""
    folder = tmp_path_factory.mktemp("cached")
    env = {"PLAN_EXTRACT_CACHE": str(folder / "cache"), "HOME": str(folder)}
    cold, warm = _extract_one(folder, env), _extract_one(folder, env)
    assert list((folder / "cache" / "built").glob("*.pickle"))   # the cold run did keep it
    return cold, warm


@pytest.mark.parametrize("where", ["under a file", "no home"])
def test_a_cache_that_cannot_be_written_does_not_fail_the_run(tmp_path, with_a_cache, where):
    """A whole process with its cache folder impossible to make: the same JSON as with a cache,
    cold or warm, and nothing on stderr."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    env = {"under a file": {"PLAN_EXTRACT_CACHE": str(blocker / "cache"), "HOME": str(tmp_path)},
           "no home": {"HOME": str(blocker / "home"), "XDG_CACHE_HOME": str(blocker / "xdg")}}[where]
    (cold, _), (warm, _) = with_a_cache
    output, stderr = _extract_one(tmp_path, env)
    assert output == cold == warm and stderr == ""
