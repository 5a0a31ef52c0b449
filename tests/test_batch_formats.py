"""Nothing silent in a batch (issue 13): .doc, .wps and .ofd convert; files of a type no reader
takes are counted, listed in the summary and logged in _errors.jsonl as E105."""
import json

from doc_writer import Paragraph, build_doc
from test_ofd import _page, _text_object, write_ofd

from extract.batch import run_batch


def test_new_formats_convert_and_unsupported_files_are_listed(tmp_path):
    root, out = tmp_path / "in", tmp_path / "out"
    (root / "2021").mkdir(parents=True)
    (root / "2021" / "方案.doc").write_bytes(build_doc([Paragraph("某县“十四五”养老服务规划\r"),
                                                       Paragraph("一、总体要求\r")]))
    (root / "2021" / "通知.wps").write_bytes(build_doc([Paragraph("一、工作目标\r")]))
    (root / "规划.ofd").write_bytes(write_ofd([_page([_text_object(1, 25, 30, "一、发展基础")])]))
    (root / "规划.txt").write_text("一、总体要求\n坚持以人民为中心。\n", encoding="utf-8")
    (root / "2021" / "指标.xls").write_bytes(b"\xd0\xcf\x11\xe0 a spreadsheet")
    (root / "附件.zip").write_bytes(b"PK\x03\x04")
    summary = run_batch(root, out, jobs=1, progress=False)
    assert (summary.total, summary.converted, summary.failed) == (4, 4, 0)
    assert summary.unsupported == ["2021/指标.xls", "附件.zip"]
    report = summary.report()
    assert "not converted: 2 file(s) of a type no reader takes (E105" in report
    assert "2021/指标.xls" in report and "附件.zip" in report
    logged = [json.loads(line) for line in (out / "_errors.jsonl").read_text().splitlines()]
    assert [(e["path"], e["code"]) for e in logged] == [("2021/指标.xls", "E105"), ("附件.zip", "E105")]
    assert "unsupported file type '.xls'" in logged[0]["message"]
    formats = {p.name: json.loads(p.read_text())["source"]["format"] for p in out.rglob("*.json")}
    assert formats == {"方案.json": "doc", "通知.json": "doc", "规划.ofd.json": "ofd", "规划.txt.json": "txt"}


def test_glob_leaves_out_what_it_does_not_match(tmp_path):
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    (root / "a.txt").write_text("一、总体要求\n", encoding="utf-8")
    (root / "b.xls").write_bytes(b"x")
    summary = run_batch(root, out, glob="*.txt", jobs=1, progress=False)
    assert summary.unsupported == [] and not (out / "_errors.jsonl").exists()
