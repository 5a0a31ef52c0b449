"""The review page: one self-contained HTML file per document, for a person to check values.

The normalized text with every heading, indicator, project and task marked at its span; a side
list of the items with filters; tables drawn as grids with the cells an indicator came from
marked; page numbers for paged inputs; the document's warnings at the top. No network: the
style, the script and the data are inside the file, so it opens from disk anywhere.

Spans count code points of the normalized text, end excluded, which is what Python's str
indexing counts, so a span [a, b) is text[a:b] here and `text.slice(a, b)` is never needed in
the browser (JavaScript counts UTF-16 units; the page is cut into pieces here instead).
"""
from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .model import Document

KINDS = ("heading", "indicator", "project", "task")
KIND_LABEL = {"heading": "标题 heading", "indicator": "指标 indicator", "project": "项目 project",
              "task": "任务 task"}


@dataclass
class Item:
    """One entry of the side list, with what the filters need."""
    key: str                 # unique in the page: kind initial + item id (h:s3, i:i12)
    kind: str
    label: str
    detail: str
    span: Optional[tuple[int, int]]
    page: Optional[int]
    warnings: list[str] = field(default_factory=list)
    ocr: bool = False
    no_catalogue: bool = False
    status: Optional[str] = None      # indicators: target / achieved
    table: Optional[str] = None
    row: Optional[int] = None
    cells: list[int] = field(default_factory=list)   # columns of its table row it was read from


def _q(q) -> str:
    return q.raw if q is not None else ""


def items_of(doc: Document) -> list[Item]:
    ocr_pages = set(doc.source.ocr_pages)
    tables = {t.id: t for t in doc.tables}
    out: list[Item] = []
    for h in doc.outline:
        out.append(Item(f"h:{h.id}", "heading", f"{h.number} {h.title}".strip(), f"level {h.level}",
                        tuple(h.span), h.page))
    for i in doc.indicators:
        span = tuple(i.source.span) if i.source.span else None
        value = " → ".join(v for v in (_q(i.baseline), "、".join(_q(t) for t in i.targets)) if v)
        detail = "  ".join(x for x in (value, i.unit or "", i.nature or "",
                                      f"canonical {i.canonical}" if i.canonical else "") if x)
        cells: list[int] = []
        if i.source.kind == "table" and i.source.table in tables and i.source.row is not None:
            t = tables[i.source.table]
            if 0 <= i.source.row < len(t.rows):
                wanted = {i.name, i.unit, i.nature, i.category, i.seq, i.note, _q(i.baseline),
                          *(q.raw for q in i.targets)} - {None, ""}
                cells = [c for c, text in enumerate(t.rows[i.source.row])
                         if text and (text in wanted or any(w in text for w in wanted if len(w) > 1))]
        out.append(Item(f"i:{i.id}", "indicator", i.name, detail, span, i.source.page,
                        no_catalogue=i.canonical is None, status=i.status, table=i.source.table,
                        row=i.source.row, cells=cells))
    for p in doc.projects:
        span = tuple(p.source.span) if p.source.span else None
        detail = "  ".join(x for x in (p.budget.raw if p.budget else "", p.nature or "",
                                      f"专栏 {p.box}" if p.box else "") if x)
        out.append(Item(f"p:{p.id}", "project", p.name, detail, span, p.source.page,
                        table=p.source.table, row=p.source.row))
    for t in doc.tasks:
        detail = "、".join(t.responsible)
        if t.deadline_text or t.deadline:
            detail += f"  {t.deadline_text or t.deadline}"
        out.append(Item(f"t:{t.id}", "task", f"{t.number or ''} {t.title}".strip(), detail.strip(),
                        tuple(t.span), t.page))
    for it in out:
        it.ocr = it.page is not None and it.page in ocr_pages
        if it.span:
            a, b = it.span
            it.warnings = [f"{w.code}: {w.message}" for w in doc.warnings
                           if w.span and w.span[0] < max(b, a + 1) and a < max(w.span[1], w.span[0] + 1)]
    return out


def page_marks(doc: Document, paras: Optional[Iterable[tuple[int, Optional[int]]]] = None) -> list[tuple[int, int]]:
    """(offset, page) where a new page starts. From the pipeline's page offsets when given (an
    input file), else from the pages the document's own items carry (a JSON file alone)."""
    if paras is None:
        found = [(h.span[0], h.page) for h in doc.outline]
        found += [(t.span[0], t.page) for t in doc.tasks] + [(b.span[0], b.page) for b in doc.boxes]
        found += [(t.span[0], t.pages[0]) for t in doc.tables if t.pages]
        found += [(x.source.span[0], x.source.page) for x in (*doc.indicators, *doc.projects)
                  if x.source.span]
        paras = found
    marks: list[tuple[int, int]] = []
    for start, page in sorted((s, p) for s, p in paras if p is not None):
        if not marks or page > marks[-1][1]:
            marks.append((start, page))
    return marks


# ---------------------------------------------------------------- rendering

def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def _text_html(text: str, items: list[Item], marks: list[tuple[int, int]], table_ends: dict[int, list[str]],
               anchors: dict[int, list[str]]) -> str:
    """The text cut at every span boundary; each piece is a <span> naming the items covering it."""
    n = len(text)
    spans = [(max(0, min(n, it.span[0])), max(0, min(n, it.span[1])), it) for it in items if it.span]
    cuts = {0, n} | {a for a, _, _ in spans} | {b for _, b, _ in spans} | {o for o, _ in marks}
    cuts |= set(table_ends) | set(anchors)
    starts: dict[int, list[Item]] = {}
    for a, _b, it in spans:
        starts.setdefault(a, []).append(it)
    page_at = dict(marks)
    points = sorted(c for c in cuts if 0 <= c <= n)
    out: list[str] = []
    # which items cover each piece: a sweep over the sorted span ends
    by_start = sorted(spans, key=lambda s: s[0])
    active: list[tuple[int, int, Item]] = []
    k = 0
    for a, b in zip(points, points[1:] + [None]):
        if a in page_at:
            out.append(f'<span class="pg" data-page="{page_at[a]}">p. {page_at[a]}</span>')
        for it in starts.get(a, []):
            out.append(f'<a class="anchor" id="at-{_esc(it.key)}"></a>')
        for name in anchors.get(a, []):
            out.append(f'<a class="anchor" id="{_esc(name)}"></a>')
        for tid in table_ends.get(a, []):
            out.append(f'<span class="grid-ref" data-table="{_esc(tid)}"></span>')
        if b is None:
            break
        while k < len(by_start) and by_start[k][0] <= a:
            active.append(by_start[k])
            k += 1
        active = [s for s in active if s[1] > a]
        piece = _esc(text[a:b])
        covering = [s[2] for s in active if s[0] <= a < s[1]]
        if covering:
            kinds = sorted({it.kind for it in covering})
            keys = " ".join(it.key for it in covering)
            out.append(f'<span class="{" ".join("k-" + x for x in kinds)}" data-items="{_esc(keys)}">{piece}</span>')
        else:
            out.append(piece)
    return "".join(out)


def _grid_html(doc: Document, items: list[Item]) -> dict[str, str]:
    marked: dict[tuple[str, int, int], list[str]] = {}
    row_of: dict[tuple[str, int], list[str]] = {}
    for it in items:
        if it.table and it.row is not None:
            row_of.setdefault((it.table, it.row), []).append(it.key)
            for c in it.cells:
                marked.setdefault((it.table, it.row, c), []).append(it.key)
    grids: dict[str, str] = {}
    for t in doc.tables:
        head = "".join(f"<th>{_esc(c)}</th>" for c in t.columns)
        body = []
        for r, row in enumerate(t.rows):
            keys = row_of.get((t.id, r), [])
            cells = []
            for c, text in enumerate(row):
                ks = marked.get((t.id, r, c))
                attr = f' class="from" data-items="{_esc(" ".join(ks))}"' if ks else ""
                cells.append(f"<td{attr}>{_esc(text)}</td>")
            attr = f' class="read" data-items="{_esc(" ".join(keys))}"' if keys else ""
            body.append(f'<tr{attr}><th class="rn">{r}</th>{"".join(cells)}</tr>')
        pages = f" · p. {', '.join(map(str, t.pages))}" if t.pages else ""
        grids[t.id] = (f'<figure class="grid" id="grid-{_esc(t.id)}"><figcaption>{_esc(t.id)} · {_esc(t.kind)}'
                       f'{" · " + _esc(t.title) if t.title else ""}{pages}</figcaption>'
                       f'<table><thead><tr><th class="rn">#</th>{head}</tr></thead><tbody>{"".join(body)}'
                       f"</tbody></table></figure>")
    return grids


def _list_html(items: list[Item]) -> str:
    rows = []
    for it in items:
        flags = []
        if it.warnings:
            flags.append('<span class="flag warn" title="%s">!</span>' % _esc("\n".join(it.warnings)))
        if it.ocr:
            flags.append('<span class="flag ocr">OCR</span>')
        if it.kind == "indicator" and it.no_catalogue:
            flags.append('<span class="flag nocat">no id</span>')
        if it.status == "achieved":
            flags.append('<span class="flag achieved">achieved</span>')
        page = f'<span class="page">p. {it.page}</span>' if it.page is not None else ""
        data = (f'data-key="{_esc(it.key)}" data-kind="{it.kind}" data-warn="{int(bool(it.warnings))}" '
                f'data-ocr="{int(it.ocr)}" data-nocat="{int(it.kind == "indicator" and it.no_catalogue)}" '
                f'data-status="{it.status or ""}" data-span="{it.span[0]},{it.span[1]}"' if it.span else
                f'data-key="{_esc(it.key)}" data-kind="{it.kind}" data-warn="{int(bool(it.warnings))}" '
                f'data-ocr="{int(it.ocr)}" data-nocat="{int(it.kind == "indicator" and it.no_catalogue)}" '
                f'data-status="{it.status or ""}" data-span=""')
        rows.append(f'<li class="item k-{it.kind}" {data} tabindex="0"><span class="kind">{it.kind[0].upper()}</span>'
                    f'<span class="label">{_esc(it.label)}</span>{page}{"".join(flags)}'
                    f'<div class="detail">{_esc(it.detail)}</div></li>')
    return "".join(rows)


_CSS = """
*{box-sizing:border-box}body{margin:0;font:14px/1.6 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#222;display:grid;grid-template-columns:minmax(0,1fr) 380px;grid-template-rows:auto 1fr;height:100vh}
header{grid-column:1/3;padding:8px 16px;border-bottom:1px solid #ccc;background:#f6f6f6}
header h1{font-size:16px;margin:0}header .src{color:#666;font-size:12px}
#warnings{margin:6px 0 0;padding-left:18px;color:#8a4b00;font-size:12px;max-height:9em;overflow:auto}
main{overflow:auto;padding:12px 20px}#text{white-space:pre-wrap;word-break:break-all}
aside{overflow:auto;border-left:1px solid #ccc;padding:8px;background:#fbfbfb}
#text .k-heading{font-weight:bold;color:#0b4f9c}#text .k-indicator{background:#ffe58a}#text .k-project{background:#bdeebd}
#text .k-task{border-bottom:2px solid #b07ad8}#text span.current{outline:2px solid #e0301e;background:#ffc9c2}
.pg{display:inline-block;font-size:11px;color:#fff;background:#777;border-radius:3px;padding:0 4px;margin:0 4px}
figure.grid{margin:6px 0 12px;white-space:normal;overflow:auto}figure.grid figcaption{font-size:12px;color:#555}
figure.grid table{border-collapse:collapse;font-size:12px}figure.grid td,figure.grid th{border:1px solid #bbb;padding:1px 5px;vertical-align:top}
tr.read{background:#fff8da}td.from{background:#ffe58a;font-weight:bold}td.current,tr.current td{outline:2px solid #e0301e}
th.rn{color:#999;font-weight:normal}
#filters{display:flex;flex-wrap:wrap;gap:4px 10px;font-size:12px;margin-bottom:6px}#filters label{white-space:nowrap}
#count{font-size:12px;color:#555;margin-bottom:4px}
ul#items{list-style:none;margin:0;padding:0}li.item{padding:3px 4px;border-bottom:1px solid #eee;cursor:pointer}
li.item:hover,li.item.current{background:#e8f0fe}li.item .kind{display:inline-block;width:16px;font-size:11px;color:#fff;text-align:center;border-radius:3px;margin-right:4px}
li.k-heading .kind{background:#0b4f9c}li.k-indicator .kind{background:#c79a00}li.k-project .kind{background:#2f8f2f}li.k-task .kind{background:#8a4fc0}
li.item .detail{font-size:11px;color:#666;margin-left:20px}li.item .page{font-size:11px;color:#777;margin-left:6px}
.flag{font-size:10px;border-radius:3px;padding:0 3px;margin-left:4px;color:#fff}.flag.warn{background:#d9822b}.flag.ocr{background:#555}
.flag.nocat{background:#999}.flag.achieved{background:#1c7c9c}
"""

_JS = """
(function(){
  var list=document.getElementById('items'), items=[].slice.call(list.children);
  var form=document.getElementById('filters'), count=document.getElementById('count');
  var params=new URLSearchParams(location.search);
  // a filter may be preset in the address: ?kind=indicator&warn=1&ocr=1&nocat=1&status=achieved
  if(params.get('kind')){[].forEach.call(form.querySelectorAll('input[name=kind]'),function(b){
    b.checked=params.get('kind').split(',').indexOf(b.value)>=0;});}
  ['warn','ocr','nocat'].forEach(function(n){if(params.get(n)==='1')form.elements[n].checked=true;});
  if(params.get('status'))form.elements.status.value=params.get('status');
  function apply(){
    var kinds=[].filter.call(form.querySelectorAll('input[name=kind]'),function(b){return b.checked;}).map(function(b){return b.value;});
    var warn=form.elements.warn.checked, ocr=form.elements.ocr.checked, nocat=form.elements.nocat.checked, status=form.elements.status.value;
    var shown=0;
    items.forEach(function(li){
      var d=li.dataset, ok=kinds.indexOf(d.kind)>=0&&(!warn||d.warn==='1')&&(!ocr||d.ocr==='1')&&(!nocat||d.nocat==='1')
        &&(!status||d.status===status);
      li.hidden=!ok; if(ok)shown++;
    });
    count.textContent=shown+' of '+items.length+' items shown';
    document.body.dataset.shown=shown;
  }
  function marked(key){return document.querySelectorAll('[data-items~="'+key+'"]');}
  function select(key, scroll){
    [].forEach.call(document.querySelectorAll('.current'),function(e){e.classList.remove('current');});
    var li=list.querySelector('[data-key="'+key+'"]'); if(li)li.classList.add('current');
    var hits=marked(key); [].forEach.call(hits,function(e){e.classList.add('current');});
    var target=document.getElementById('at-'+key)||hits[0];
    if(target&&scroll){target.scrollIntoView({block:'center'}); if(li)li.scrollIntoView({block:'nearest'});}
    document.body.dataset.selected=key;
    document.body.dataset.marked=hits.length;
  }
  form.addEventListener('change',apply);
  list.addEventListener('click',function(e){var li=e.target.closest('li.item');if(li){history.replaceState(null,'','#'+li.dataset.key);select(li.dataset.key,true);}});
  list.addEventListener('keydown',function(e){if(e.key==='Enter'){var li=e.target.closest('li.item');if(li)select(li.dataset.key,true);}});
  document.getElementById('text').addEventListener('click',function(e){
    var s=e.target.closest('[data-items]'); if(!s)return; var keys=s.dataset.items.split(' '), key=keys[keys.length-1];
    select(key,false); var li=list.querySelector('[data-key="'+key+'"]'); if(li)li.scrollIntoView({block:'nearest'});});
  // each table's grid goes where its text ends
  [].forEach.call(document.querySelectorAll('.grid-ref'),function(ref){
    var g=document.getElementById('grid-'+ref.dataset.table); if(g)ref.parentNode.replaceChild(g,ref);});
  apply();
  if(location.hash.length>1)select(decodeURIComponent(location.hash.slice(1)),true);
  document.body.dataset.ready='1';
})();
"""


def render(doc: Document, text: str, paras: Optional[Iterable[tuple[int, Optional[int]]]] = None) -> str:
    """The review page of one document, as one HTML string."""
    items = items_of(doc)
    marks = page_marks(doc, paras) if doc.source.pages else []
    grids = _grid_html(doc, items)
    table_ends: dict[int, list[str]] = {}
    for t in doc.tables:
        table_ends.setdefault(min(max(t.span[1], 0), len(text)), []).append(t.id)
    anchors: dict[int, list[str]] = {}
    for i, w in enumerate(doc.warnings):
        if w.span:
            anchors.setdefault(min(max(w.span[0], 0), len(text)), []).append(f"w{i}")
    body_text = _text_html(text, items, marks, table_ends, anchors)
    m, s = doc.meta, doc.source
    title = m.title or Path(s.path).name
    facts = [s.format, f"{s.pages} pages" if s.pages else "", f"OCR pages {', '.join(map(str, s.ocr_pages))}"
             if s.ocr_pages else "", m.issuer or "", m.doc_number or "", m.date or "",
             m.period.name if m.period else "", "draft" if m.draft else ""]
    counts = {k: sum(1 for it in items if it.kind == k) for k in KINDS}
    warnings = "".join(
        f'<li data-code="{_esc(w.code)}">'
        + (f'<a href="#w{i}" class="to-text">{_esc(w.code)}</a>' if w.span else _esc(w.code))
        + f": {_esc(w.message)}</li>" for i, w in enumerate(doc.warnings))
    kind_boxes = "".join(f'<label><input type="checkbox" name="kind" value="{k}" checked> {KIND_LABEL[k]} '
                         f'({counts[k]})</label>' for k in KINDS)
    filters = (kind_boxes + '<label><input type="checkbox" name="warn"> has warnings</label>'
               '<label><input type="checkbox" name="ocr"> read by OCR</label>'
               '<label><input type="checkbox" name="nocat"> no catalogue id</label>'
               '<label>status <select name="status"><option value="">any</option>'
               '<option value="target">target</option><option value="achieved">achieved</option></select></label>')
    grids_html = "".join(grids.values())
    return (f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width">'
            f'<meta name="generator" content="plan-extract review">'
            f"<title>{_esc(title)} · review</title><style>{_CSS}</style></head>"
            f'<body data-ready="0"><header><h1>{_esc(title)}</h1>'
            f'<div class="src">{_esc(s.path)} · {" · ".join(_esc(f) for f in facts if f)} · sha256 {s.sha256[:12]}…'
            f' · schema {_esc(doc.schema_version)}</div>'
            f'<ul id="warnings" data-count="{len(doc.warnings)}">{warnings}</ul></header>'
            f'<main><div id="text">{body_text}</div><div id="grids" hidden>{grids_html}</div></main>'
            f'<aside><form id="filters" onsubmit="return false">{filters}</form><div id="count"></div>'
            f'<ul id="items">{_list_html(items)}</ul></aside>'
            f"<script>{_JS}</script></body></html>\n")


# ---------------------------------------------------------------- inputs

class ReviewInputError(ValueError):
    """A path the review cannot show: one line for the person running it."""


def load(path: str | os.PathLike, settings=None) -> tuple[Document, str, Optional[list[tuple[int, Optional[int]]]]]:
    """(document, normalized text, paragraph pages) from an input file or a JSON output.

    A JSON output needs its text: written with `extract --with-text`, or its source file still
    at source.path with the same sha256 (then the text is read again from it)."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        from pydantic import ValidationError
        try:
            doc = Document.model_validate_json(p.read_bytes())
        except (ValidationError, ValueError) as e:
            first = str(e).splitlines()
            raise ReviewInputError(f"{p}: not a plan-extract document ({first[0] if first else e})") from None
        except OSError as e:
            raise ReviewInputError(f"{p}: cannot read ({e.strerror or e})") from None
        if doc.text is not None:
            return doc, doc.text, None
        src = Path(doc.source.path)
        if not src.is_absolute():
            src = p.parent / src if (p.parent / src).is_file() else src
        if src.is_file():
            from .batch.manifest import sha256_file
            if sha256_file(src) == doc.source.sha256:
                from .pipeline import run
                result = run(src, settings, stop_after="normalize")
                return doc, result.text, result.state.norm.page_offsets
        raise ReviewInputError(f"{p}: has no text and its source {doc.source.path} is not at hand "
                               "(unchanged); write it with `plan-extract extract --with-text` or "
                               "review the input file")
    from .pipeline import run
    result = run(p, settings)
    return result.document, result.text, result.state.norm.page_offsets


def write_review(path: str | os.PathLike, out: str | os.PathLike, settings=None) -> Path:
    """The review page of one input or JSON output, written to the file `out`."""
    from .writer import atomic_write_text
    doc, text, pages = load(path, settings)
    atomic_write_text(out, render(doc, text, pages))
    return Path(out)
