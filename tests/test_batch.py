"""plan-extract batch: a tree of ~100 generated plans with bad files mixed in, converted in
parallel, resumed, killed, interrupted, timed out, crashed, and run on a Dask cluster."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import plan_docs
from extract import __version__
from extract.batch import (ERRORS, MANIFEST, BatchUsageError, Input, JsonLines, Progress, discover,
                           is_done, load_manifest, plan_outputs, run_batch, safe_output)
from extract.cli_batch import batch
from extract.errors import OutputUnsafe
from extract.model import SCHEMA_VERSION

TESTS = Path(__file__).parent
pytestmark = pytest.mark.slow  # whole processes started, killed and resumed: not in `make test-fast`


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("tree") / "in"
    files = plan_docs.write_tree(root, n=100)
    return root, files


@pytest.fixture(scope="module")
def cli_run(tree, tmp_path_factory):
    """One uninterrupted run from the command line: what every other run must reproduce."""
    root, _ = tree
    out = tmp_path_factory.mktemp("reference") / "out"
    return out, CliRunner().invoke(batch, [str(root), "-o", str(out), "-j", "2"])


@pytest.fixture(scope="module")
def reference(cli_run):
    return cli_run[0]


def outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith("_")}


def json_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def no_temp_files(out: Path) -> bool:
    return not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


# ---------------------------------------------------------------- the whole tree, from the CLI

def test_cli_converts_tree_records_bad_files_then_skips_all(tree, cli_run):
    root, files = tree
    out, result = cli_run
    assert result.exit_code == 1, result.output
    assert "converted 100, skipped 0 (unchanged), failed 3" in result.output

    got = outputs(out)
    expected = {str(Path(rel).with_suffix(".json").as_posix()) for rel in files["good"]}
    assert set(got) == expected   # mirrors the tree, so the two 规划.txt do not collide
    assert {"安宁市/2021/规划.json", "duplicate/other/规划.json"} <= set(got)
    run = re.search(r"run (\S+)", result.output).group(1)
    assert f"batch {run}: 10/103 files (9%)" not in result.output
    assert f"batch {run}: 11/103 files (10%)" in result.output
    doc = json.loads(got["duplicate/other/规划.json"])
    assert doc["source"]["path"] == (root / "duplicate/other/规划.txt").as_posix()

    errors = {e["path"]: e for e in json_lines(out / ERRORS)}
    assert {p: e["code"] for p, e in errors.items()} == files["bad"]
    assert all(e["message"] and e["time"] for e in errors.values())
    assert "E104 broken/undecodable.txt: is not valid UTF-8" in result.output

    manifest = load_manifest(out / MANIFEST)
    assert len(manifest) == 103
    rec = manifest["duplicate/other/规划.txt"]
    assert rec["status"] == "ok" and rec["output"] == "duplicate/other/规划.json"
    assert rec["tool_version"] == __version__ and rec["schema_version"] == SCHEMA_VERSION
    assert rec["size"] == (root / "duplicate/other/规划.txt").stat().st_size and len(rec["sha256"]) == 64
    assert manifest["broken/empty.md"]["status"] == "failed"
    assert manifest["broken/empty.md"]["code"] == "E102"
    assert no_temp_files(out)

    again = CliRunner().invoke(batch, [str(root), "-o", str(out), "-j", "2", "--quiet"])
    assert again.exit_code == 1   # the bad files are known failures: listed, not tried again
    assert "converted 0, skipped 100 (unchanged), failed 3 (0 new, 3 known" in again.output
    retried = CliRunner().invoke(batch, [str(root), "-o", str(out), "-j", "2", "-q", "--retry-failed"])
    assert retried.exit_code == 1 and "failed 3 in" in retried.output   # tried again, failed again
    assert "batch: " not in again.output
    assert outputs(out) == got


def test_changed_inputs_are_reconverted_touched_ones_are_not(tmp_path):
    root = tmp_path / "in"
    plan_docs.write_tree(root, n=4, bad=False)
    first = sorted(root.rglob("*.txt"))
    out = tmp_path / "out"
    assert run_batch(root, out, jobs=1, progress=False).converted == 4
    os.utime(first[0], ns=(1, 10**18))                              # same bytes, new mtime
    first[1].write_text(plan_docs.plan_text(99), encoding="utf-8")   # new content
    s = run_batch(root, out, jobs=1, progress=False)
    assert (s.converted, s.skipped, s.exit_code) == (1, 3, 0)
    assert run_batch(root, out, jobs=1, progress=False, force=True).converted == 4


def test_is_done_needs_same_versions_size_and_output(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("x")
    (tmp_path / "a.json").write_text("{}")
    st = src.stat()
    inp = Input("a.txt", src, st.st_size, st.st_mtime_ns)
    rec = {"path": "a.txt", "status": "ok", "tool_version": __version__, "schema_version": SCHEMA_VERSION,
           "size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": "?", "output": "a.json"}
    assert is_done(rec, inp, "a.json", tmp_path)
    for change in ({"tool_version": "0.0.0"}, {"schema_version": "0.9"}, {"status": "failed"},
                   {"size": 2}, {"mtime_ns": 5}, {"output": "b.json"}):
        assert not is_done({**rec, **change}, inp, "a.json", tmp_path), change
    (tmp_path / "a.json").unlink()
    assert not is_done(rec, inp, "a.json", tmp_path)


# ---------------------------------------------------------------- kills and interrupts

KILLABLE = textwrap.dedent("""
    import sys
    import plan_docs
    from extract.batch import run_batch
    s = run_batch(sys.argv[1], sys.argv[2], jobs=2, converter=plan_docs.slow_extract)
    print(s.report(), file=sys.stderr)
    sys.exit(s.exit_code)
""")


def start_batch(root: Path, out: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-c", KILLABLE, str(root), str(out)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def wait_for_outputs(out: Path, n: int, proc: subprocess.Popen, limit: float = 30) -> int:
    t = time.monotonic()
    while time.monotonic() - t < limit and proc.poll() is None:
        done = sum(1 for _ in out.rglob("*.json"))
        if done >= n:
            return done
        time.sleep(0.02)
    raise AssertionError(f"batch ended or stalled before {n} outputs: {proc.poll()}")


def test_killed_run_resumes_to_identical_outputs(tree, reference, tmp_path):
    root, _ = tree
    out = tmp_path / "out"
    proc = start_batch(root, out)
    wait_for_outputs(out, 25, proc)
    os.killpg(proc.pid, signal.SIGKILL)   # the batch and its workers, mid-run
    proc.wait()
    converted_before = len(outputs(out))
    assert 25 <= converted_before < 100
    with open(out / MANIFEST, "ab") as f:   # as if the kill had cut a line short
        f.write(b'{"path": "\xe5\xae\x89\xe5\xae\x81')

    resumed = run_batch(root, out, jobs=2, progress=False)
    assert resumed.skipped >= converted_before - 2   # a file written but not yet in the manifest is redone
    assert resumed.converted + resumed.skipped == 100
    assert resumed.failed + len(resumed.known_failures) == 3   # failures from before the kill are known
    assert outputs(out) == outputs(reference)
    assert no_temp_files(out)
    assert len(load_manifest(out / MANIFEST)) == 103


def test_sigint_finishes_running_files_exits_130_and_resumes(tree, reference, tmp_path):
    root, _ = tree
    out = tmp_path / "out"
    proc = start_batch(root, out)
    wait_for_outputs(out, 10, proc)
    os.kill(proc.pid, signal.SIGINT)      # the parent only, as `kill -INT` would
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "left for the next run" in err
    manifest = load_manifest(out / MANIFEST)
    assert all((out / rec["output"]).is_file() for rec in manifest.values() if rec["status"] == "ok")
    resumed = run_batch(root, out, jobs=2, progress=False)
    assert resumed.exit_code == 1 and resumed.converted + resumed.skipped == 100
    assert outputs(out) == outputs(reference)


# ---------------------------------------------------------------- per-file isolation

def small_tree(root: Path, names: list[str]) -> None:
    root.mkdir(parents=True)
    for i, name in enumerate(names):
        (root / name).write_text(plan_docs.plan_text(i), encoding="utf-8")


def test_timeout_cuts_hanging_and_stuck_workers(tmp_path):
    """hang.txt sleeps (the in-worker timer cuts it); stuck.txt blocks the timer (the parent kills
    its worker, and the files that shared the pool are redone)."""
    small_tree(tmp_path / "in", ["a.txt", "b.txt", "hang.txt", "stuck.txt", "c.txt", "d.txt"])
    t = time.monotonic()
    s = run_batch(tmp_path / "in", tmp_path / "out", jobs=2, timeout=1, progress=False,
                  converter=plan_docs.hanging_extract)
    assert time.monotonic() - t < 20
    assert (s.converted, s.failed, s.exit_code) == (4, 2, 1)
    errors = {e["path"]: e for e in json_lines(tmp_path / "out" / ERRORS)}
    assert {p: e["code"] for p, e in errors.items()} == {"hang.txt": "E402", "stuck.txt": "E402"}
    assert "worker was stopped" in errors["stuck.txt"]["message"]
    assert sorted(outputs(tmp_path / "out")) == ["a.json", "b.json", "c.json", "d.json"]


def test_worker_that_dies_is_recorded_and_the_rest_convert(tmp_path):
    small_tree(tmp_path / "in", ["a.txt", "b.txt", "crash.txt", "c.txt", "d.txt"])
    s = run_batch(tmp_path / "in", tmp_path / "out", jobs=2, progress=False,
                  converter=plan_docs.crashing_extract)
    assert (s.converted, s.failed) == (4, 1)
    [error] = json_lines(tmp_path / "out" / ERRORS)
    assert error["path"] == "crash.txt" and error["code"] == "E900" and "worker process died" in error["message"]


def test_a_bug_is_recorded_as_E900_with_its_type(tmp_path):
    small_tree(tmp_path / "in", ["a.txt", "b.txt"])
    s = run_batch(tmp_path / "in", tmp_path / "out", jobs=1, progress=False, converter=plan_docs.buggy_extract)
    assert s.failed == 2
    error = json_lines(tmp_path / "out" / ERRORS)[0]
    assert error["code"] == "E900" and error["message"].startswith("ZeroDivisionError: division by zero (at")


# ---------------------------------------------------------------- discovery and naming

def test_discovery_sorts_follows_links_inside_and_tolerates_loops(tmp_path):
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".git").mkdir()
    for rel in ("b/2.txt", "a/1.md", "a/x.pdf", "a/skip.json", ".git/h.txt", "a/.hidden.txt"):
        (root / rel).write_text("x")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("x")
    (root / "a/out").symlink_to(outside)                  # leads out: not followed
    (root / "a/secret.txt").symlink_to(outside / "secret.txt")
    (root / "b/loop").symlink_to(root / "b")              # a loop
    (root / "c").symlink_to(root / "a")                   # inside the tree: followed
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    found, notes = discover(root)
    assert [i.rel for i in found] == ["a/1.md", "a/x.pdf", "b/2.txt", "c/1.md", "c/x.pdf"]
    joined = "\n".join(notes)
    assert "a/out: symlink leads out" in joined and "b/loop: symlink loop" in joined
    assert "dangling.txt" in joined
    (root / "converted").mkdir()
    (root / "converted" / "y.txt").write_text("y")   # OUT_DIR inside IN_DIR is not searched
    assert [i.rel for i in discover(root, exclude=(root / "converted",))[0]] == [i.rel for i in found]
    assert [i.rel for i in discover(root, "*.md")[0]] == ["a/1.md", "c/1.md"]
    assert [i.rel for i in discover(root, "b/**")[0]] == ["b/2.txt"]
    assert [i.rel for i in discover(root, "**/x.*")[0]] == ["a/x.pdf", "c/x.pdf"]


def test_output_names_mirror_the_tree_and_never_collide():
    assert plan_outputs(["a/plan.pdf", "b/plan.pdf", "c/x.txt"]) == {
        "a/plan.pdf": "a/plan.json", "b/plan.pdf": "b/plan.json", "c/x.txt": "c/x.json"}
    assert plan_outputs(["a/plan.pdf", "a/plan.docx"]) == {
        "a/plan.docx": "a/plan.docx.json", "a/plan.pdf": "a/plan.pdf.json"}
    # a name still taken after keeping the suffix is refused, not overwritten
    clash = plan_outputs(["a/plan.pdf", "a/plan.docx", "a/plan.pdf.txt"])
    assert sorted(v for v in clash.values() if v) == ["a/plan.docx.json", "a/plan.pdf.json"]
    assert list(clash.values()).count(None) == 1


def test_output_paths_stay_inside_out_dir(tmp_path):
    out = (tmp_path / "out").resolve()
    (out / "a").mkdir(parents=True)
    assert safe_output(out, "a/p.json", "a/p.txt") == out / "a/p.json"
    for bad in ("../p.json", "/etc/p.json", "a/../../p.json", "a//p.json"):
        with pytest.raises(OutputUnsafe):
            safe_output(out, bad, "x")
    (out / "link").symlink_to(tmp_path)
    with pytest.raises(OutputUnsafe):
        safe_output(out, "link/p.json", "link/p.txt")


def test_output_folder_symlinked_out_is_refused_per_file(tmp_path):
    small_tree(tmp_path / "in" / "a", ["p.txt"])
    small_tree(tmp_path / "in" / "b", ["q.txt"])
    (tmp_path / "out").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out" / "a").symlink_to(tmp_path / "elsewhere")
    s = run_batch(tmp_path / "in", tmp_path / "out", jobs=1, progress=False)
    assert (s.converted, s.failed) == (1, 1)
    assert s.failures[0][:2] == ("a/p.txt", "E502")
    assert not list((tmp_path / "elsewhere").iterdir())


# ---------------------------------------------------------------- usage, locking, progress

def test_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    (tmp_path / "in").mkdir()
    cases = [[str(tmp_path / "missing"), "-o", str(tmp_path / "o")],
             [str(tmp_path / "in")],
             [str(tmp_path / "in"), "-o", str(tmp_path / "o"), "--engine", "dask"],
             [str(tmp_path / "in"), "-o", str(tmp_path / "o"), "--scheduler", "tcp://x:8786"],
             [str(tmp_path / "in"), "-o", str(tmp_path / "o"), "-j", "0"],
             [str(tmp_path / "in"), "-o", str(tmp_path / "o"), "--glob", "[z-a]"]]
    for args in cases:
        result = runner.invoke(batch, args)
        assert result.exit_code == 2, (args, result.output)
    assert "--engine dask needs --scheduler" in runner.invoke(batch, cases[2]).output
    assert runner.invoke(batch, [str(tmp_path / "in"), "-o", str(tmp_path / "o")]).exit_code == 0


def test_every_option_has_help():
    for param in batch.params:
        if isinstance(param, __import__("click").Option):
            assert param.help, param.name


def test_second_batch_on_the_same_out_dir_is_refused(tmp_path):
    small_tree(tmp_path / "in", ["a.txt"])
    (tmp_path / "out").mkdir()
    holder = JsonLines(tmp_path / "out" / MANIFEST, lock=True)
    try:
        with pytest.raises(BatchUsageError, match="another batch"):
            run_batch(tmp_path / "in", tmp_path / "out", progress=False)
    finally:
        holder.close()


class Tty:
    def __init__(self, tty: bool):
        self.text, self.tty = "", tty

    def isatty(self) -> bool:
        return self.tty

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def screen_lines(text: str) -> list[str]:
    """What a terminal shows line by line: control sequences dropped, each line cut at \\r."""
    return [ANSI.sub("", part) for line in text.split("\n") for part in line.split("\r")]


@pytest.mark.parametrize("width", [100, 40, 24])
def test_progress_bar_on_a_terminal_fits_its_width(width):
    from rich.cells import cell_len
    tty = Tty(True)
    bar = Progress(20, 20 * 1000, tty, run_id="r1", width=width)
    for done in range(1, 21):
        bar.started(f"很长的文件夹名称/第{done}个文件/某市卫生健康事业发展规划.pdf")
        bar.finished(f"x{done}", 1000, ok=done % 10 != 0, code="E104", message="bad")
    bar.note("interrupted: finishing 2 running file(s)")
    bar.close()
    shown = screen_lines(tty.text)
    assert any("20/20 files" in line or "20/20" in line for line in shown), shown[-3:]
    assert all(cell_len(line) <= width for line in shown), [l for l in shown if cell_len(l) > width]
    if width >= 100:
        assert any("2 failed" in line for line in shown)
    assert any(line.startswith("batch r1: interrupted") for line in shown)


def test_progress_log_lines_elsewhere_carry_the_run_id_and_an_eta_from_bytes():
    log = Tty(False)
    bar = Progress(20, 20 * 1000, log, run_id="r1", verbose=False)
    for done in range(1, 21):
        bar.last = 0  # as if time had passed
        bar.finished(f"x{done}", 1000, ok=done % 10 != 0)
    bar.close()
    lines = log.text.splitlines()
    assert len(lines) == 20 and lines[-1].startswith("batch r1: 20/20 files (100%) · 2 failed")
    assert all(line.startswith("batch r1: ") and "ETA" in line for line in lines)
    quiet = Tty(False)
    Progress(100, 100, quiet, interval=3600).finished("a", 1, ok=True)
    assert quiet.text == ""   # under 10 % steps and under the interval: nothing yet
    # the ETA counts bytes: one big file done of two files leaves little time, not half
    timed = Progress(2, 1000, Tty(False))
    timed.t0 -= 9.0
    timed.finished("big", 900, ok=True)
    assert timed.line().endswith("ETA 0:00:01")
    verbose = Tty(False)
    v = Progress(2, 2, verbose, run_id="r2", verbose=True, interval=3600)
    v.finished("a.txt", 1, ok=True, seconds=0.5)
    v.finished("b.txt", 1, ok=False, code="E102", message="file is empty (0 bytes)")
    assert "batch r2: ok a.txt (0.50 s)" in verbose.text
    assert "batch r2: failed E102 b.txt: file is empty (0 bytes)" in verbose.text


def test_known_failures_are_not_retried_unless_asked_and_the_manifest_is_compacted(tmp_path):
    small_tree(tmp_path / "in", ["a.txt", "b.txt"])
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    first = run_batch(tmp_path / "in", out, jobs=1, progress=False)
    assert (first.converted, first.failed, first.known_failures) == (2, 1, [])
    again = run_batch(tmp_path / "in", out, jobs=1, progress=False)
    assert (again.converted, again.skipped, again.failed) == (0, 2, 0)
    assert again.known_failures == [("empty.txt", "E102")] and again.exit_code == 1
    report = again.report()
    assert "failed 1 (0 new, 1 known from earlier runs, not tried again)" in report
    assert "known failures" in report and "--retry-failed" in report
    assert len(json_lines(out / ERRORS)) == 1                     # not tried: nothing new logged
    retried = run_batch(tmp_path / "in", out, jobs=1, progress=False, retry_failed=True)
    assert (retried.failed, retried.known_failures) == (1, [])
    (tmp_path / "in" / "empty.txt").write_text(plan_docs.plan_text(7), encoding="utf-8")   # fixed
    fixed = run_batch(tmp_path / "in", out, jobs=1, progress=False)
    assert (fixed.converted, fixed.failed, fixed.known_failures, fixed.exit_code) == (1, 0, [], 0)
    # four runs, one line per input; every record and error line names its run
    records = json_lines(out / MANIFEST)
    assert sorted(r["path"] for r in records) == ["a.txt", "b.txt", "empty.txt"]
    assert records[-1]["run"] == fixed.run_id and records[0]["run"] == first.run_id
    assert {e["run"] for e in json_lines(out / ERRORS)} == {first.run_id, retried.run_id}


def test_a_failure_under_a_limit_is_tried_again_when_the_limit_is_raised(tmp_path):
    from extract.batch.manifest import is_known_failure
    src = tmp_path / "a.txt"
    src.write_text("x")
    st = src.stat()
    inp = Input("a.txt", src, st.st_size, st.st_mtime_ns)
    rec = {"path": "a.txt", "status": "failed", "code": "E402", "tool_version": __version__,
           "schema_version": SCHEMA_VERSION, "size": st.st_size, "mtime_ns": st.st_mtime_ns,
           "limits": {"max_mb": 200.0, "timeout": 60.0}}
    assert is_known_failure(rec, inp, {"max_mb": 200.0, "timeout": 60.0})
    assert not is_known_failure(rec, inp, {"max_mb": 200.0, "timeout": 600.0})
    assert not is_known_failure(rec, inp, {"max_mb": 200.0, "timeout": None})   # no limit now
    assert is_known_failure({**rec, "code": "E104"}, inp, {"max_mb": 200.0, "timeout": 600.0})
    assert not is_known_failure({**rec, "code": "E502"}, inp, {})   # an output problem
    assert not is_known_failure({**rec, "tool_version": "0.0.1"}, inp, {"timeout": 60.0, "max_mb": 200.0})
    assert not is_known_failure({**rec, "size": 5}, inp, {"timeout": 60.0, "max_mb": 200.0})


# ---------------------------------------------------------------- Dask

def test_dask_engine_gives_the_same_outputs(tree, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    root, files = tree
    out = tmp_path / "dask"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        s = run_batch(root, out, engine="dask", scheduler=cluster.scheduler_address, progress=False)
        assert (s.converted, s.failed, s.exit_code) == (100, 3, 1)
        assert outputs(out) == outputs(reference)
        assert {e["path"]: e["code"] for e in json_lines(out / ERRORS)} == files["bad"]
        assert len(load_manifest(out / MANIFEST)) == 103
        again = run_batch(root, out, engine="dask", scheduler=cluster.scheduler_address, progress=False)
        assert (again.converted, again.skipped) == (0, 100)
