"""plan-extract export: the batch's JSON files flattened to CSV, JSON lines, Parquet and DuckDB,
with row counts that round-trip."""
from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

import plan_docs
from extract.batch import MANIFEST, run_batch
from extract.cli_batch import export as export_cmd
from extract.export import COLUMNS, collect, export, target_kind
from extract.model import (Document, Indicator, ItemSource, Meta, Money, Period, Project, Quantity,
                           Source, Task)


def make_doc(path: str, title: str, target: float, n_tasks: int) -> Document:
    life = Indicator(id="i1", name="人均预期寿命", category="健康水平", unit="岁", nature="预期性",
                     canonical="life_expectancy",
                     baseline=Quantity(year=2020, raw="80.66", op="=", value=80.66),
                     target=Quantity(year=2025, raw=f"≥{target}", op=">=", value=target),
                     source=ItemSource(kind="table", table="tb1", row=0, span=(10, 30)))
    beds = Indicator(id="i2", name="每千人口床位数", unit="张", target=Quantity(raw="7左右", op="~", value=7.0),
                     source=ItemSource(kind="text", span=(40, 52)))
    past = Indicator(id="i3", name="每千人口床位数", unit="张", status="achieved",
                     target=Quantity(year=2020, raw="6.1", op="=", value=6.1),
                     source=ItemSource(kind="text", span=(53, 60)))
    project = Project(id="p1", name="人民医院改扩建项目", content="新建业务用房", nature="改扩建",
                      budget=Money(raw="6500余万元", wan=6500.0, approx=True), box="b1", section="s9",
                      source=ItemSource(kind="box", span=(60, 90)))
    tasks = [Task(id=f"t{i}", section="s4", number=str(i), title="完善人才培养机制", text="落实培训制度，",
                  responsible=["市卫生健康委", "市财政局"], deadline=2025, span=(100 + i, 120 + i),
                  lead=["市卫生健康委"], support=["市财政局"], implied=["各县区人民政府"],
                  deadline_text="2025年底前")
             for i in range(1, n_tasks + 1)]
    return Document(source=Source(path=path, sha256="0" * 64, format="txt", encoding="utf-8"),
                    meta=Meta(title=title, issuer="某市人民政府", date="2022-04-25",
                              period=Period(name="十四五", start=2021, end=2025)),
                    indicators=[life, beds, past], projects=[project], tasks=tasks)


@pytest.fixture
def out_dir(tmp_path):
    out = tmp_path / "out"
    docs = {"a/x.json": make_doc("in/a/x.pdf", "安宁市卫生健康规划", 81.6, 2),
            "b/y.json": make_doc("in/b/y.docx", "永登县卫生健康规划", 80.0, 3),
            "z.json": make_doc("corpus/z.txt", "城关区卫生健康规划", 82.5, 0)}
    for rel, doc in docs.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(json.dumps(doc.model_dump(mode="json"), ensure_ascii=False), encoding="utf-8")
    manifest = [{"path": "a/x.pdf", "status": "ok", "output": "a/x.json"},
                {"path": "b/y.docx", "status": "ok", "output": "b/y.json"}]
    (out / MANIFEST).write_text("".join(json.dumps(r) + "\n" for r in manifest), encoding="utf-8")
    (out / "notes.json").write_text('{"not": "a document"}', encoding="utf-8")
    (out / "a" / ".x.json.tmp").write_text("half", encoding="utf-8")
    return out


EXPECTED = {"documents": 3, "indicators": 9, "projects": 3, "tasks": 5, "task_units": 15}


def test_collect_reads_documents_and_names_them_by_input_path(out_dir):
    data = collect(out_dir)
    assert data.documents == 3
    assert {t: len(rows) for t, rows in data.rows.items()} == EXPECTED
    assert [d["id"] for d in data.rows["documents"]] == ["a/x.pdf", "b/y.docx", "corpus/z.txt"]
    assert data.skipped and data.skipped[0].startswith("notes.json: not a plan-extract document")
    first = data.rows["indicators"][0]
    assert first["key"] == "a/x.pdf#i1" and data.rows["documents"][2]["key"] == "corpus/z.txt"
    assert first["doc_id"] == "a/x.pdf" and first["doc_title"] == "安宁市卫生健康规划"
    assert first["doc_period"] == "十四五" and first["target_value"] == 81.6 and first["span_start"] == 10
    assert all(list(row) == [c for c, _ in COLUMNS[t]] for t, rows in data.rows.items() for row in rows)


def test_csv_has_one_row_per_item_and_a_bom_for_excel(out_dir, tmp_path):
    export(out_dir, [tmp_path / "indicators.csv", tmp_path / "hubei-tasks.csv"], bom=True)
    raw = (tmp_path / "indicators.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader((tmp_path / "indicators.csv").open(encoding="utf-8-sig", newline="")))
    assert len(rows) == EXPECTED["indicators"]
    assert list(rows[0])[:7] == ["key", "doc_id", "doc_title", "doc_issuer", "doc_period", "id", "name"]
    assert rows[0]["key"] == "a/x.pdf#i1" and rows[0]["status"] == "target"
    assert rows[0]["canonical"] == "life_expectancy" and rows[0]["target_op"] == ">="
    assert rows[1]["baseline_raw"] == "" and rows[1]["target_raw"] == "7左右"
    tasks = list(csv.DictReader((tmp_path / "hubei-tasks.csv").open(encoding="utf-8-sig", newline="")))
    assert len(tasks) == EXPECTED["tasks"] and tasks[0]["responsible"] == "市卫生健康委、市财政局"
    export(out_dir, tmp_path / "projects.csv")
    plain = (tmp_path / "projects.csv").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf") and b",true," in plain   # approx


def test_jsonl_rows_keep_their_types(out_dir, tmp_path):
    export(out_dir, tmp_path / "projects.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "projects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == EXPECTED["projects"]
    assert rows[0]["budget_wan"] == 6500.0 and rows[0]["approx"] is True and rows[0]["source_row"] is None


def test_parquet_round_trips(out_dir, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    for table, n in EXPECTED.items():
        export(out_dir, tmp_path / f"{table}.parquet")
        t = pq.read_table(tmp_path / f"{table}.parquet")
        assert t.num_rows == n and t.column_names == [c for c, _ in COLUMNS[table]]
    assert str(pq.read_table(tmp_path / "indicators.parquet").schema.field("target_value").type) == "double"
    assert str(pq.read_table(tmp_path / "documents.parquet").schema.field("date").type) == "date32[day]"


def test_duckdb_has_all_tables_and_answers_the_readme_query(out_dir, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    export(out_dir, tmp_path / "plans.duckdb")
    con = duckdb.connect(str(tmp_path / "plans.duckdb"), read_only=True)
    for table, n in EXPECTED.items():
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n
    # the query docs/batch.md shows: one canonical indicator's targets across documents
    rows = con.execute("""
        SELECT d.title, i.target_year, i.target_op, i.target_value, i.unit
        FROM indicators i JOIN documents d ON d.id = i.doc_id
        WHERE i.canonical = 'life_expectancy'
        ORDER BY i.target_value DESC""").fetchall()
    assert rows == [("城关区卫生健康规划", 2025, ">=", 82.5, "岁"), ("安宁市卫生健康规划", 2025, ">=", 81.6, "岁"),
                    ("永登县卫生健康规划", 2025, ">=", 80.0, "岁")]
    assert con.execute("SELECT draft, n_tasks FROM documents WHERE id = 'b/y.docx'").fetchone() == (False, 3)
    types = {(t, c): ty for t, c, ty in con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns").fetchall()}
    assert types[("documents", "date")] == "DATE" and types[("indicators", "target_value")] == "DOUBLE"
    assert types[("projects", "budget_wan")] == "DOUBLE" and types[("indicators", "target_year")] == "BIGINT"
    assert con.execute("SELECT max(date) FROM documents").fetchone()[0].isoformat() == "2022-04-25"
    # one key per row across the batch, declared as the primary key; achieved values filter out
    for table in EXPECTED:
        assert con.execute(f"SELECT count(DISTINCT key) = count(*) FROM {table}").fetchone()[0], table
    pk = con.execute("SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'").fetchall()
    assert {t for (t,) in pk} >= set(EXPECTED)
    assert con.execute("SELECT count(*) FROM indicators WHERE status = 'achieved'").fetchone()[0] == 3
    assert con.execute("SELECT key FROM indicators WHERE status = 'achieved' ORDER BY key").fetchall()[0] == ("a/x.pdf#i3",)
    con.close()
    export(out_dir, tmp_path / "plans.duckdb")   # replaced whole, not appended to
    con = duckdb.connect(str(tmp_path / "plans.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".wal"))]


def test_cli_writes_several_targets_and_refuses_unknown_ones(out_dir, tmp_path):
    runner = CliRunner()
    result = runner.invoke(export_cmd, [str(out_dir), "--to", str(tmp_path / "e/indicators.jsonl"),
                                        "--to", str(tmp_path / "e/documents.csv")])
    assert result.exit_code == 0, result.output
    assert "indicators.jsonl: 9 row(s) (indicators)" in result.output and "skipped notes.json" in result.output
    for bad in ("plans.xlsx", "everything.csv", "indicators"):
        result = runner.invoke(export_cmd, [str(out_dir), "--to", str(tmp_path / bad)])
        assert result.exit_code == 2, (bad, result.output)
    assert runner.invoke(export_cmd, [str(tmp_path / "missing"), "--to", "x.csv"]).exit_code == 2
    assert target_kind("2024_projects.parquet") == ("parquet", "projects")


def test_export_of_a_real_batch_counts_every_item(tmp_path):
    plan_docs.write_tree(tmp_path / "in", n=6, bad=True)
    summary = run_batch(tmp_path / "in", tmp_path / "out", jobs=1, progress=False)
    report = export(tmp_path / "out", [tmp_path / "documents.jsonl", tmp_path / "indicators.jsonl",
                                       tmp_path / "projects.jsonl", tmp_path / "tasks.jsonl"])
    assert report.documents == summary.converted == 6 and not report.skipped
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((tmp_path / "out").rglob("*.json"))]
    for table in ("indicators", "projects", "tasks"):
        lines = (tmp_path / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == sum(len(d[table]) for d in docs)
    ids = [json.loads(line)["id"] for line in (tmp_path / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(p.relative_to(tmp_path / "in").as_posix()
                                 for p in (tmp_path / "in").rglob("*") if p.is_file() and "broken" not in p.parts)


def test_keys_stay_unique_when_one_input_was_converted_twice(out_dir):
    (out_dir / "again").mkdir()
    (out_dir / "again" / "z.json").write_bytes((out_dir / "z.json").read_bytes())   # no manifest line
    data = collect(out_dir)
    for table, rows in data.rows.items():
        keys = [r["key"] for r in rows]
        assert len(keys) == len(set(keys)), table
    ids = [d["id"] for d in data.rows["documents"]]
    assert ids.count("corpus/z.txt") == 1 and "z.json" in ids   # the second is named by its output


def test_rows_that_share_an_item_id_get_distinct_keys():
    from extract.export import row_keys
    rows = [{"id": "t1"}, {"id": "t1"}, {"id": "t2"}, {"id": None}]
    assert row_keys("a.pdf", "task_units", rows) == ["a.pdf#t1/1", "a.pdf#t1/2", "a.pdf#t2", "a.pdf#task_units4"]
    assert row_keys("a.pdf", "documents", [{"id": "a.pdf"}]) == ["a.pdf"]


def test_task_units_one_row_per_task_unit_and_role(out_dir, tmp_path):
    export(out_dir, tmp_path / "task_units.csv")
    rows = list(csv.DictReader((tmp_path / "task_units.csv").open(encoding="utf-8", newline="")))
    assert len(rows) == 15
    first = [(r["task_id"], r["unit"], r["role"], r["position"]) for r in rows[:3]]
    assert first == [("t1", "市卫生健康委", "lead", "1"), ("t1", "市财政局", "support", "1"),
                     ("t1", "各县区人民政府", "implied", "1")]
    assert rows[0]["doc_id"] == "a/x.pdf" and rows[0]["deadline_text"] == "2025年底前"
    assert target_kind("hubei-task_units.parquet") == ("parquet", "task_units")


def test_task_units_answer_the_readme_query(out_dir, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    export(out_dir, [tmp_path / "plans.duckdb", tmp_path / "task_units.parquet"])
    con = duckdb.connect(str(tmp_path / "plans.duckdb"), read_only=True)
    # README: which tasks does one unit lead, across all plans
    rows = con.execute("""
        SELECT d.title, u.task_number, u.task_title
        FROM task_units u JOIN documents d ON d.id = u.doc_id
        WHERE u.unit = '市卫生健康委' AND u.role = 'lead'
        ORDER BY d.title, u.task_id""").fetchall()
    assert len(rows) == 5 and rows[0] == ("安宁市卫生健康规划", "1", "完善人才培养机制")
    assert con.execute("SELECT count(*) FROM task_units WHERE unit = '市财政局' AND role = 'lead'").fetchone() == (0,)
    con.close()
    import pyarrow.parquet as pq
    assert pq.read_table(tmp_path / "task_units.parquet").num_rows == 15
