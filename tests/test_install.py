"""Install anywhere: the wheel carries the pattern data, so the tool works outside the checkout.

Builds the wheel from this tree (no build isolation, no network), installs it into a fresh venv
whose only other packages are the current environment's dependencies (reached through a .pth
line, so the editable install of the checkout stays out of sight), and converts a corpus file
from another folder."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT

pytestmark = pytest.mark.slow   # builds a wheel and a venv: not in `make test-fast`


def _run(args, **kw):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PLAN_EXTRACT_PATTERNS")}
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=120, **kw)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("setuptools", minversion="77")
    out = tmp_path_factory.mktemp("wheel")
    tree = tmp_path_factory.mktemp("build") / "plan-extract"   # a copy: the build leaves build/ behind
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "build", "*.egg-info")
    for name in ("extract", "patterns"):
        shutil.copytree(ROOT / name, tree / name, ignore=ignore)
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(ROOT / name, tree / name)
    r = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
              "-w", str(out), str(tree)], cwd=tree)
    if r.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {r.stderr.strip().splitlines()[-1:]}")
    [whl] = out.glob("plan_extract-*.whl")
    return whl


def test_wheel_ships_every_pattern_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"extract/_patterns/{p.relative_to(ROOT / 'patterns').as_posix()}"
                for p in (ROOT / "patterns").rglob("*") if p.is_file() and p.suffix != ".md"}
    assert expected and expected <= names
    assert not any(n.startswith("patterns/") for n in names)   # no top-level package "patterns"


def test_installed_wheel_converts_from_another_folder(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    r = _run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q", str(wheel)])
    assert r.returncode == 0, r.stderr
    site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    (site / "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")  # the dependencies

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    src = min(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)   # the quickest to convert
    r = _run([str(env_dir / "bin" / "plan-extract"), "extract", str(src), "-o", "out"], cwd=elsewhere)
    assert r.returncode == 0, r.stderr
    doc = json.loads((elsewhere / "out" / f"{src.stem}.json").read_text(encoding="utf-8"))
    assert doc["outline"] and doc["indicators"]
    where = _run([str(py), "-c", "import extract, extract.patterns as p; print(extract.__file__); "
                  "print(p.patterns_dir())"], cwd=elsewhere).stdout.split()
    assert all(Path(w).is_relative_to(site) for w in where), where   # the wheel's copy, not the checkout

    # the variable points the tool at another folder of pattern data
    r = subprocess.run([str(env_dir / "bin" / "plan-extract"), "extract", str(src), "-o", "out2"],
                       cwd=elsewhere, capture_output=True, text=True, timeout=120,
                       env={**os.environ, "PYTHONPATH": "", "PLAN_EXTRACT_PATTERNS": str(tmp_path / "none")})
    assert r.returncode != 0 and "E901" in r.stderr and str(tmp_path / "none") in r.stderr
