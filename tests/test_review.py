"""The review page: what it holds (always), and what a real browser shows (headless Chromium,
skipped where it is not installed).

The plan is invented: a heading, an indicator table, a task with its 责任单位 and a 专栏 project.
A warning is added to the document, as a stage would, to see it at the top and on its items."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import main
from extract.model import Warning
from extract.pipeline import Settings, run
from extract.review import render

from conftest import ROOT

PLAN = """某县“十四五”养老服务发展规划
一、发展基础
“十三五”期间，全县人均预期寿命由2015年的74.2岁提高到2020年的75.9岁。
二、发展目标
到2025年，全县养老机构护理型床位占比达到55%以上。
表1　“十四五”养老服务主要指标
类别\t指标\t单位\t2020年\t2025年目标\t属性
服务供给\t每千名老年人养老床位数\t张\t32\t≥35\t预期性
服务质量\t养老机构护理型床位占比\t%\t40\t≥55\t约束性
三、主要任务
（一）完善服务网络
1.推进社区养老服务中心建设。到2025年，建成街道综合养老服务中心。（责任单位：县民政局、县财政局）
专栏1　重点工程
1.县社会福利中心改扩建项目：总投资3200万元。
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review")
    src = folder / "养老规划.txt"
    src.write_text(PLAN, encoding="utf-8")
    result = run(src, Settings(with_text=True))
    doc, text = result.document, result.text
    bed = next(i for i in doc.indicators if i.name == "每千名老年人养老床位数")
    warning = Warning(code="table.example", message="a warning on the first indicator row",
                      span=list(bed.source.span))
    doc = doc.model_copy(update={"warnings": [*doc.warnings, warning]})
    return folder, doc, text


class Page(HTMLParser):
    """The parts of the page a test reads: the text pieces with the items covering them,
    the side list, the grids' cells, the warnings and any outside reference."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.pieces: list[tuple[str, list[str]]] = []   # text of #text in order, with its item keys
        self.items: list[dict] = []
        self.cells: list[dict] = []
        self.warnings: list[str] = []
        self.anchors: list[str] = []
        self.pages: list[str] = []
        self.outside: list[str] = []
        self.scripts = 0
        self.feed(html)

    def _inside(self, test) -> dict | None:
        for tag, attrs in reversed(self.stack):
            if test(tag, attrs):
                return attrs
        return None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("src", "href"):
            if a.get(k) and not a[k].startswith("#"):
                self.outside.append(a[k])
        if tag == "link":
            self.outside.append(a.get("href", "link"))
        if tag == "script":
            self.scripts += 1
        if tag == "a" and a.get("class") == "anchor":
            self.anchors.append(a["id"])
        if tag == "li" and "item" in (a.get("class") or ""):
            self.items.append({**a, "text": ""})
        if tag == "td":
            self.cells.append({**a, "text": ""})
        if tag not in ("a", "meta", "input", "option"):
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        if tag not in ("a", "meta", "input", "option"):
            while self.stack and self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if self._inside(lambda t, a: a.get("class") == "pg"):
            self.pages.append(data)
            return
        if self._inside(lambda t, a: a.get("id") == "text"):
            covering = self._inside(lambda t, a: "data-items" in a)
            self.pieces.append((data, covering["data-items"].split() if covering else []))
        elif self._inside(lambda t, a: a.get("id") == "warnings"):
            self.warnings.append(data)
        elif self._inside(lambda t, a: t == "li" and "item" in (a.get("class") or "")):
            self.items[-1]["text"] += data
        if self._inside(lambda t, a: t == "td"):
            self.cells[-1]["text"] += data

    def text(self) -> str:
        return "".join(p for p, _ in self.pieces)

    def marked(self, key: str) -> str:
        return "".join(p for p, keys in self.pieces if key in keys)


def test_page_holds_the_text_every_item_at_its_span_and_the_warnings(plan):
    _folder, doc, text = plan
    page = Page(render(doc, text))
    assert page.outside == [] and page.scripts == 1          # self-contained: nothing fetched
    assert page.text() == text                               # the whole normalized text, in order
    expected = {f"h:{h.id}": h.span for h in doc.outline} | {f"t:{t.id}": t.span for t in doc.tasks}
    expected |= {f"i:{i.id}": i.source.span for i in doc.indicators}
    expected |= {f"p:{p.id}": p.source.span for p in doc.projects}
    assert len(expected) >= 8
    for key, (a, b) in expected.items():
        assert page.marked(key) == text[a:b], key            # each item marked exactly at its span
        assert f"at-{key}" in page.anchors                   # and a place to scroll to
    listed = {it["data-key"]: it for it in page.items}
    assert set(listed) == set(expected)
    assert {it["data-kind"] for it in page.items} == {"heading", "indicator", "project", "task"}
    # the warning is at the top and flags the item whose span it covers, and only that one
    assert "table.example" in "".join(page.warnings)
    bed = next(i for i in doc.indicators if i.name == "每千名老年人养老床位数")
    flagged = {k for k, it in listed.items() if it["data-warn"] == "1"}
    assert f"i:{bed.id}" in flagged and not any(k.startswith(("h:", "p:")) for k in flagged)
    # the indicator's row of the table grid: its name and its values are the marked cells
    cells = [c["text"] for c in page.cells if f"i:{bed.id}" in c.get("data-items", "").split()]
    assert {"每千名老年人养老床位数", "32", "≥35", "张", "预期性"} <= set(cells)
    assert "服务质量" not in cells


def test_pages_are_shown_for_paged_inputs(plan):
    """A PDF's items carry their page; the JSON alone is enough to mark where pages start."""
    _folder, doc, text = plan
    assert Page(render(doc, text)).pages == []              # a text file has no pages
    s2 = next(h for h in doc.outline if h.title == "主要任务")
    outline = [h.model_copy(update={"page": 1 if h.span[0] < s2.span[0] else 2}) for h in doc.outline]
    paged = doc.model_copy(update={"outline": outline, "source": doc.source.model_copy(
        update={"format": "pdf", "pages": 2, "ocr_pages": [2]})})
    page = Page(render(paged, text))
    assert page.pages == ["p. 1", "p. 2"]
    listed = {it["data-key"]: it for it in page.items}
    assert listed[f"h:{s2.id}"]["data-ocr"] == "1" and "p. 2" in listed[f"h:{s2.id}"]["text"]
    assert listed[f"h:{doc.outline[0].id}"]["data-ocr"] == "0"


def test_review_command_takes_inputs_and_json_with_text(plan, tmp_path):
    folder, doc, _text = plan
    src = folder / "养老规划.txt"
    runner = CliRunner()
    r = runner.invoke(main, ["extract", str(src), "--with-text", "-o", str(tmp_path / "json"), "-q"])
    assert r.exit_code == 0, r.output
    saved = tmp_path / "json" / "养老规划.json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert list(data)[-2:] == ["warnings", "text"]
    for i in data["indicators"]:                           # spans resolve from the file alone
        a, b = i["source"]["span"]
        assert i["name"] in data["text"][a:b]
    moved = tmp_path / "elsewhere.json"                    # its source cannot be found from here
    moved.write_text(saved.read_text(encoding="utf-8"), encoding="utf-8")
    r = runner.invoke(main, ["review", str(src), str(moved), "-o", str(tmp_path / "pages")])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == ["elsewhere.html", "养老规划.html"]
    from_json = (tmp_path / "pages" / "elsewhere.html").read_text(encoding="utf-8")
    assert Page(from_json).text() == data["text"]

    data.pop("text")
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps({**data, "source": {**data["source"], "path": "gone.txt"}}), encoding="utf-8")
    r = runner.invoke(main, ["review", str(bare), "-o", str(tmp_path / "pages")])
    assert r.exit_code == 1 and "--with-text" in r.output and "Traceback" not in r.output


# ---------------------------------------------------------------- in a real browser

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
def browser(test):
    """A test that renders the page in headless Chromium: skipped without it, and not in
    `make test-fast` (it starts a browser)."""
    return pytest.mark.slow(pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")(test))


def chromium(tmp_path: Path, url: str, *args: str) -> str:
    profile = tmp_path / "profile"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}", *args, url]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


def body_data(dom: str) -> dict[str, str]:
    body = re.search(r"<body([^>]*)>", dom).group(1)
    return dict(re.findall(r'data-(\w+)="([^"]*)"', body))


@browser
def test_browser_filters_the_list_and_scrolls_to_an_item(plan, tmp_path):
    _folder, doc, text = plan
    html = tmp_path / "page.html"
    html.write_text(render(doc, text), encoding="utf-8")
    url = html.as_uri()
    n = len(doc.outline) + len(doc.indicators) + len(doc.projects) + len(doc.tasks)
    bed = next(i for i in doc.indicators if i.name == "每千名老年人养老床位数")
    # a filter and an item named in the address: the item is selected as a click selects it
    chosen = chromium(tmp_path, url + f"?kind=indicator,project#i:{bed.id}", "--dump-dom")
    data = body_data(chosen)
    assert data["ready"] == "1"                                    # the script ran
    shown = len(doc.indicators) + len(doc.projects)
    assert data["shown"] == str(shown) and f"{shown} of {n} items shown" in chosen
    assert re.search(r'<li class="item k-heading"[^>]* hidden', chosen)
    assert not re.search(r'<li class="item k-indicator"[^>]* hidden', chosen)
    assert data["selected"] == f"i:{bed.id}" and int(data["marked"]) >= 3   # text, row, cells
    assert re.search(rf'<li class="item k-indicator current" data-key="i:{bed.id}"', chosen)
    targets_with_warnings = sum(1 for i in doc.indicators if i.status == "target" and i.id == bed.id)
    both = body_data(chromium(tmp_path, url + "?status=target&warn=1", "--dump-dom"))
    assert both["shown"] == str(targets_with_warnings) == "1"
    achieved = [i for i in doc.indicators if i.status == "achieved"]
    assert [i.name for i in achieved] == ["人均预期寿命"]      # the 十三五 result, not a goal
    assert body_data(chromium(tmp_path, url + "?status=achieved", "--dump-dom"))["shown"] == "1"
    # each table's grid stands where its text ends
    assert chosen.index('id="grid-tb1"') < chosen.index('id="at-t:t1"')


@browser
def test_browser_shows_highlights_in_a_screenshot(plan, tmp_path):
    Image = pytest.importorskip("PIL.Image")
    _folder, doc, text = plan
    html = tmp_path / "page.html"
    html.write_text(render(doc, text), encoding="utf-8")
    bed = next(i for i in doc.indicators if i.name == "每千名老年人养老床位数")
    shot = tmp_path / "shot.png"
    chromium(tmp_path, html.as_uri() + f"#i:{bed.id}", "--window-size=1200,700", f"--screenshot={shot}")
    img = Image.open(shot).convert("RGB")
    colours = img.getcolors(maxcolors=1 << 20)
    count = {c: n for n, c in colours}
    assert count.get((0xff, 0xe5, 0x8a), 0) > 200      # indicators marked in yellow
    assert count.get((0xbd, 0xee, 0xbd), 0) > 200      # the project in green
    assert count.get((0xe0, 0x30, 0x1e), 0) > 50       # the selected item's red outline
    keep = os.environ.get("PLAN_EXTRACT_REVIEW_SCREENSHOT")   # README: where the picture comes from
    if keep:
        shutil.copy(shot, keep)
