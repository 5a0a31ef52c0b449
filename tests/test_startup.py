"""Start-up stays cheap: what `plan-extract --version` and `--help` import, checked in a fresh
process (the time itself is measured by `make bench`, never here)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

HEAVY = ("pydantic", "jieba", "spacy", "yaml", "regex", "pdfplumber", "pypdfium2", "fastjsonschema")

_PROBE = """
import json, sys
sys.argv = ["plan-extract", *sys.argv[1:]]
from extract import cli
try:
    cli.main()
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(%r)))
print(json.dumps(heavy), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["extract", "--help"], ["batch", "--help"]])
def test_cli_start_imports_no_heavy_library(args):
    probe = _PROBE % json.dumps(HEAVY)
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=60)
    imported = json.loads(done.stderr.strip().splitlines()[-1])
    assert imported == [], f"plan-extract {' '.join(args)} imported {imported}"


def test_the_clis_stage_names_are_the_pipelines():
    from extract.pipeline import STAGE_NAMES
    from extract.stages import STAGE_NAMES as light
    assert light == STAGE_NAMES


def test_spacy_loads_without_its_command_line():
    """The prose layer's spaCy is imported without spacy.cli (weasel, typer, httpx, …), and
    still finds catalogue names; a later `import spacy.cli` gets the real module."""
    probe = """
import sys
from extract import nlp
doc = nlp.nlp()("到2025年，人均预期寿命达到80岁。")
print([m.label_ for m in nlp.mentions(doc)])
print(sorted({m.split(".")[0] for m in sys.modules} & {"weasel", "typer", "httpx", "jinja2"}))
import spacy.cli
print(callable(spacy.cli.info) and spacy.cli.__name__)
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    mentions, cli_libraries, real_cli = done.stdout.strip().splitlines()[-3:]
    assert mentions != "[]" and cli_libraries == "[]" and real_cli == "spacy.cli", done.stderr[-2000:]


# What converting a plain-text document may import: nothing for other formats, and once the
# pattern models are kept (extract/built_cache.py) not PyYAML either, nor fastjsonschema (the
# validator is generated code); spaCy only for a sentence it can help (none here).
NOT_FOR_TEXT = ("yaml", "fastjsonschema", "spacy", "pdfplumber", "pypdfium2", "pdfminer", "lxml", "docx", "rapidocr", "onnxruntime")


def test_a_text_document_imports_no_reader_of_other_formats(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("规划目标：到2025年，森林覆盖率达到25%。\n", encoding="utf-8")
    probe = _PROBE % json.dumps(NOT_FOR_TEXT)
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PLAN_EXTRACT_CACHE": str(tmp_path / "cache")}
    found = []
    for _ in ("cold", "warm"):
        done = subprocess.run([sys.executable, "-c", probe, "extract", str(one), "-o", str(tmp_path / "out"), "-q"],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
        found.append(json.loads(done.stderr.strip().splitlines()[-1]))
    assert found[0] in ([], ["yaml"]) and found[1] == [], found
    assert (tmp_path / "out" / "one.json").is_file()


def test_every_regex_of_the_package_is_compiled_through_the_cache():
    """`regex.compile` parses its pattern in Python in every process; regex_cache.compile reads
    it back compiled (extract/regex_cache.py). A module-level regex.compile is start-up lost."""
    direct = [f"{p.relative_to(ROOT)}:{n}" for p in sorted((ROOT / "extract").rglob("*.py"))
              if p.name != "regex_cache.py"
              for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
              if "regex.compile(" in line and not line.lstrip().startswith("#")]
    assert direct == [], direct


def test_jiebas_hmm_is_loaded_only_when_used():
    """The catalogue cuts with HMM=False, so jieba's HMM tables (jieba.finalseg) are not loaded
    for it; a later user of jieba with HMM in the same process cuts as in a process of its own
    (an invented sentence with a name outside jieba's dictionary, which only the HMM joins)."""
    sentence = "小明到了杭研大楼"
    plain = subprocess.run([sys.executable, "-c", f"import jieba; jieba.setLogLevel(60); print(jieba.lcut({sentence!r}))"],
                           capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}, timeout=120)
    probe = f"""
import sys
from extract import catalogue
catalogue.match("人均预期寿命")
print("jieba.finalseg.prob_emit" in sys.modules)
import jieba; jieba.setLogLevel(60)
print(jieba.lcut({sentence!r}))
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    loaded_for_the_catalogue, cut = done.stdout.strip().splitlines()[-2:]
    assert loaded_for_the_catalogue == "False", done.stderr[-2000:]
    assert cut == plain.stdout.strip().splitlines()[-1]
