"""The CLI: every command has help, bad input gives one clear line, non-zero exit, no output."""
import json

import pytest
from click.testing import CliRunner

from extract.cli import main

from conftest import CORPUS

PLAN = "一、总体要求\n到2025年，全县每千人口床位数达到6张。\n二、主要任务\n（一）加强基层建设\n推进乡镇卫生院标准化建设。\n"


def _run(args):
    return CliRunner(mix_stderr=False).invoke(main, args) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames \
        else CliRunner().invoke(main, args)


# every command, those the group imports only when named (batch, export, evaluate) included
COMMANDS = {name: main.get_command(None, name) for name in main.list_commands(None)}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help(command):
    result = _run([command, "--help"])
    assert result.exit_code == 0
    assert COMMANDS[command].help


def test_version():
    result = _run(["--version"])
    assert result.exit_code == 0 and "plan-extract" in result.output


def test_schema_is_json_schema():
    import jsonschema
    schema = json.loads(_run(["schema"]).output)
    jsonschema.Draft7Validator.check_schema(schema)
    assert list(schema["properties"])[:3] == ["schema_version", "source", "meta"]


def test_output_breaking_the_schema_is_refused(tmp_path):
    from extract.errors import OutputInvalid
    from extract.model import Document, Meta, Source
    from extract.writer import write_document
    doc = Document(source=Source(path="x.txt", sha256="0" * 64, format="txt"), meta=Meta())
    doc.source.format = "rtf"  # bypasses pydantic: the schema check must catch it
    with pytest.raises(OutputInvalid):
        write_document(doc, tmp_path / "x.json")
    assert list(tmp_path.iterdir()) == []


def test_extract_writes_valid_json(tmp_path):
    src = tmp_path / "计划 (草案) $x.txt"
    src.write_text(PLAN, encoding="utf-8")
    result = _run(["extract", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "out" / (src.stem + ".json")).read_text(encoding="utf-8"))
    assert [(h["number"], h["title"]) for h in doc["outline"]] == [
        ("一", "总体要求"), ("二", "主要任务"), ("（一）", "加强基层建设")]
    assert doc["source"]["encoding"] == "utf-8"


def test_text_prints_the_coordinate_system(tmp_path):
    src = tmp_path / "a.md"
    src.write_text("## 一、总体要求\n[bookmark: page3]**（一）目标。**到2025年。\n", encoding="utf-8")
    result = _run(["text", str(src)])
    assert result.exit_code == 0
    assert result.output == "一、总体要求\n（一）目标。到2025年。\n"


BAD = {
    "empty.txt": (b"", "E102"),
    "blank.txt": (b"  \n\n \t\n", "E102"),
    "noise.txt": (bytes(range(256)) * 40, "E103"),
    "latin.txt": (b"\xff\xfe\xfa" * 10 + b"\x81\x30" * 5 + b"\xfe", None),
    "report.xlsx": (b"PK\x03\x04", "E105"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_one_line_nonzero_no_output(tmp_path, name):
    data, code = BAD[name]
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "out"
    result = _run(["extract", str(src), "-o", str(out)])
    assert result.exit_code != 0
    lines = [l for l in (result.stderr if hasattr(result, "stderr") else result.output).splitlines() if l.strip()]
    assert len(lines) == 1 and name in lines[0]
    assert lines[0].startswith("error: E")
    if code:
        assert code in lines[0]
    assert not out.exists() or not any(out.iterdir())


def test_missing_path(tmp_path):
    result = _run(["extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o")])
    assert result.exit_code != 0
    assert "E101" in (result.stderr if hasattr(result, "stderr") else result.output)
    assert "nope.txt" in (result.stderr if hasattr(result, "stderr") else result.output)


def test_batch_of_good_and_bad_keeps_going(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    result = _run(["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert (tmp_path / "out" / "a.json").exists() and not (tmp_path / "out" / "b.json").exists()


def test_make_run_outputs_keep_the_contract(tmp_path):
    import subprocess
    import sys
    from pathlib import Path
    checker = Path(__file__).resolve().parents[2] / "shared" / "tools" / "check_output.py"
    if not checker.exists():
        pytest.skip("shared/tools/check_output.py not present")
    result = _run(["extract", str(CORPUS), "-o", str(tmp_path)])
    assert result.exit_code == 0
    check = subprocess.run([sys.executable, str(checker), str(tmp_path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize("printed,title,draft", [
    ("附件3：某市儿童健康促进行动计划", "某市儿童健康促进行动计划", False),
    ("《某县“十四五”卫生健康规划》（征求意见稿）", "某县“十四五”卫生健康规划", True),
    ("某区医疗卫生服务体系规划（2021—2025年）（送审稿）", "某区医疗卫生服务体系规划（2021—2025年）", True),
])
def test_title_cleaning(printed, title, draft):
    from extract.stages.meta import clean_title, is_draft
    assert clean_title(printed) == title
    assert is_draft(printed) == draft


def test_same_stem_in_two_inputs_never_overwrites(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "plan.txt").write_text(PLAN.replace("总体要求", folder), encoding="utf-8")
    (tmp_path / "a" / "plan.md").write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out"
    result = _run(["extract", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out)])
    assert result.exit_code == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["plan.md.json", "plan.txt.2.json", "plan.txt.json"]
    titles = {json.loads((out / n).read_text(encoding="utf-8"))["outline"][0]["title"] for n in names}
    assert titles == {"a", "b", "总体要求"}


def test_outputs_are_ordinary_files(tmp_path):
    import os
    import stat
    from extract.writer import atomic_write_text
    atomic_write_text(tmp_path / "x.json", "{}\n")
    mode = stat.S_IMODE((tmp_path / "x.json").stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    assert mode == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_documented_in_the_readme(command):
    from conftest import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"plan-extract {command}" in readme
    for param in COMMANDS[command].params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt not in ("--help",):
                assert opt in readme, f"{command} {opt} is not in the README"


def test_every_error_code_is_in_the_readme():
    from conftest import ROOT
    from extract.errors import ALL_ERRORS
    from extract.patterns import PatternDataError
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for error in [*ALL_ERRORS, PatternDataError]:
        assert f"| {error.code} |" in readme, error.__name__


def test_stage_names_follow_the_pipeline():
    from extract.pipeline import STAGE_NAMES, _stages
    assert STAGE_NAMES == ["read"] + [name for name, _ in _stages()]


# ---------------------------------------------------------------- habits: stdin, stdout, options

def _out(result) -> str:
    return result.stdout if hasattr(result, "stdout") else result.output


def _err(result) -> str:
    return result.stderr if hasattr(result, "stderr") else result.output


def _invoke(args, input=None):
    kw = {"mix_stderr": False} if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else {}
    return CliRunner(**kw).invoke(main, args, input=input)


def test_dash_reads_stdin_and_writes_stdout():
    result = _invoke(["extract", "-", "-o", "-"], input=PLAN.encode("utf-8"))
    assert result.exit_code == 0, _err(result)
    doc = json.loads(_out(result))                  # one document: the JSON itself, as in a file
    assert doc["source"]["path"] == "-" and doc["source"]["format"] == "txt"
    assert [h["title"] for h in doc["outline"]][:2] == ["总体要求", "主要任务"]
    md = _invoke(["extract", "-", "--format", "md", "-o", "-", "-q"], input="## 一、总体要求\n到2025年。\n")
    assert json.loads(_out(md))["source"]["format"] == "md" and _err(md) == ""


def test_several_documents_to_stdout_are_json_lines(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(PLAN, encoding="utf-8")
    result = _invoke(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", "-"])
    assert result.exit_code == 0
    lines = _out(result).splitlines()
    assert len(lines) == 2 and [json.loads(l)["source"]["path"][-5:] for l in lines] == ["a.txt", "b.txt"]
    assert not (tmp_path / "-").exists()


def test_stdin_errors_name_the_stream():
    result = _invoke(["extract", "-", "-o", "-"], input=b"")
    assert result.exit_code == 1 and _err(result).strip() == "error: E102 -: file is empty (0 bytes)"


@pytest.mark.parametrize("args, says", [
    (["extract", "x.txt", "--timeout", "-5"], "--timeout"),
    (["extract", "x.txt", "--max-mb", "-1"], "--max-mb"),
    (["extract", "x.txt", "--max-mb", "lots"], "--max-mb"),
    (["extract", "x.txt", "--format", "md"], "--format"),
    (["extract", "-", "-", "-o", "-"], "once"),
    (["extract", "x.txt", "--dump-stage", "nope"], "--dump-stage"),
    (["extract", "x.txt", "-q", "-v"], "--quiet"),
    (["text", "x.txt", "--max-mb", "0"], "--max-mb"),
    (["evaluate", ".", ".", "--scorer", "nope"], "nope"),
    (["batch", ".", "-o", "o", "--timeout", "-5"], "--timeout"),
    (["batch", ".", "-o", "o", "-j", "0"], "--jobs"),
    (["review", "x.txt", "--timeout", "-1"], "--timeout"),
    (["review", "x.txt", "-o", "-"], "--outdir"),
    (["batch", ".", "-o", "-"], "--outdir"),
])
def test_bad_option_values_are_usage_errors(args, says):
    result = _invoke(args)
    assert result.exit_code == 2, (args, _out(result), _err(result))
    assert says in _err(result) and "Traceback" not in _err(result) + _out(result)


def test_dump_stage_prints_json_for_every_stage(tmp_path):
    from extract.pipeline import STAGE_NAMES
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    for stage in STAGE_NAMES:
        result = _invoke(["extract", str(src), str(src), "--dump-stage", stage])
        assert result.exit_code == 0, (stage, _err(result))
        lines = _out(result).splitlines()
        assert len(lines) == 2, stage                      # one object per file
        obj = json.loads(lines[0])
        assert obj["path"] == str(src) and obj["stage"] == stage and stage in obj
        assert "object at 0x" not in lines[0] and "RawLine(" not in lines[0], stage
    read = json.loads(_out(_invoke(["extract", str(src), "--dump-stage", "read"])).splitlines()[0])
    assert read["read"]["blocks"][0]["text"] == "一、总体要求"
    norm = json.loads(_out(_invoke(["extract", str(src), "--dump-stage", "normalize"])).splitlines()[0])
    assert [p["text"] for p in norm["normalize"]][:2] == ["一、总体要求", "到2025年，全县每千人口床位数达到6张。"]


def test_quiet_and_verbose(tmp_path):
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    quiet = _invoke(["extract", str(src), "-o", str(tmp_path / "o"), "--quiet"])
    assert quiet.exit_code == 0 and _err(quiet) == "" and (tmp_path / "o" / "plan.json").exists()
    verbose = _invoke(["extract", str(src), "-o", str(tmp_path / "o"), "--verbose"])
    assert "normalize" in _err(verbose) and "→" in _err(verbose)


def test_with_text_puts_the_text_last_and_spans_resolve(tmp_path):
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    plain = json.loads(_out(_invoke(["extract", str(src), "-o", "-", "-q"])))
    assert "text" not in plain                               # absent unless asked for
    doc = json.loads(_out(_invoke(["extract", str(src), "-o", "-", "-q", "--with-text"])))
    assert list(doc)[-2:] == ["warnings", "text"]
    for h in doc["outline"]:
        a, b = h["span"]
        assert h["title"] in doc["text"][a:b]


def test_every_option_is_one_name_across_commands():
    """The output folder is -o/--outdir wherever a command writes one; --quiet on every command
    that reports progress."""
    def opts(cmd):
        return {o for p in COMMANDS[cmd].params for o in getattr(p, "opts", [])}
    for cmd in ("extract", "batch", "review"):
        assert {"-o", "--outdir"} <= opts(cmd), cmd
    for cmd in ("extract", "batch", "export", "review"):
        assert {"-q", "--quiet"} <= opts(cmd), cmd
    for cmd in ("extract", "batch", "export"):
        assert {"-v", "--verbose"} <= opts(cmd), cmd


def test_every_schema_field_has_a_description():
    from extract.model import json_schema
    schema = json_schema()
    missing = [f"{name}.{field}" for name, obj in [("Document", schema), *schema["$defs"].items()]
               for field, prop in obj.get("properties", {}).items() if not prop.get("description")]
    assert missing == []
    assert all(d.get("description") for d in schema["$defs"].values())
    span = schema["$defs"]["Heading"]["properties"]["span"]["description"]
    assert "code points" in span and "end excluded" in span


def test_the_readme_python_api_example_runs(capsys, monkeypatch):
    import re
    from conftest import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md (Python API)", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    # corpus/002's table prints 人均预期寿命 | 岁 | 76.46 | 78.2 (the 2025 column)
    assert "life_expectancy 人均预期寿命 = 78.2 岁 2025" in out, out[:5]
    assert "normalize" in out[-1] and "read" in out[-1]


def _stderr(result):
    return result.stderr if hasattr(result, "stderr") else result.output


def test_a_folder_names_what_it_does_not_convert(tmp_path):
    """extract over a folder converts what a reader takes and names the rest on stderr, with the
    codes batch logs them under: nothing passed over silently."""
    import os
    src = tmp_path / "in"
    src.mkdir()
    (src / "plan.txt").write_text(PLAN, encoding="utf-8")
    (src / "budget.xls").write_bytes(b"\xd0\xcf\x11\xe0 not a plan")
    (src / "notes.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    os.mkfifo(src / "pipe.txt")
    result = _run(["extract", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["plan.json"]
    lines = _stderr(result).splitlines()
    assert any("E105" in ln and "2 file(s)" in ln and "budget.xls" in ln and "notes.zip" in ln for ln in lines)
    assert any("E108" in ln and "pipe.txt" in ln for ln in lines)


def test_an_output_that_cannot_be_written_is_E503_not_a_bug(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "afile").write_text("x", encoding="utf-8")   # the output folder's parent is a file
    result = _run(["extract", str(tmp_path / "plan.txt"), "-o", str(tmp_path / "afile" / "out")])
    assert result.exit_code == 1
    [line] = [ln for ln in _stderr(result).splitlines() if ln.startswith("error:")]
    assert "E503" in line and "plan.txt" in line and "E900" not in line


def test_console_script_exits_quickly_with_everything_written(tmp_path):
    """`python -m extract.cli` (and the plan-extract script) ends without the interpreter's
    teardown: its output is still whole (stdout flushed), its exit code kept, and the atexit
    handlers run (the regex cache file is written)."""
    import json
    import os
    import subprocess
    import sys
    src = tmp_path / "plan.txt"
    src.write_text("某县实施方案\n一、总体要求\n到2025年，人均预期寿命达到80岁。\n", encoding="utf-8")
    env = {**os.environ, "PLAN_EXTRACT_CACHE": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "extract.cli", "extract", str(src), "-o", "-"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["indicators"][0]["target"]["raw"] == "80岁"
    assert any((tmp_path / "cache").rglob("*.pickle")), "atexit handlers did not run: no regex cache"
    missing = subprocess.run([sys.executable, "-m", "extract.cli", "extract", str(tmp_path / "none.txt"),
                              "-o", str(tmp_path / "out")], capture_output=True, text=True, env=env, timeout=120)
    assert missing.returncode == 1 and "E101" in missing.stderr


def test_a_profiled_run_still_writes_its_profile(tmp_path):
    """Under a profiler (or coverage) the console script exits the normal way, so the profile
    is written: the quick exit would skip it."""
    import os
    import subprocess
    import sys
    out = tmp_path / "run.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "extract.cli", "--version"],
                          capture_output=True, text=True, timeout=120, env={**os.environ})
    assert done.returncode == 0, done.stderr
    assert out.exists() and out.stat().st_size > 0


def test_only_the_console_script_tunes_the_garbage_collector(tmp_path):
    """The console script freezes what it has loaded and collects less often
    (pipeline.settle_loaded); a program calling `main` in its own process keeps its collector
    settings and nothing of it is frozen."""
    import gc
    before = gc.get_threshold(), gc.get_freeze_count()
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    result = _run(["extract", str(tmp_path / "plan.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
