"""Scorers for indicators: table rows ("indicators") and prose targets ("prose_indicators").

Table rows: an output indicator from a table matches the annotated row of the same document
with the same name (compared width-folded, without spaces), else the most similar remaining
name (similarity ≥ 0.6). Fields: found, name, category, unit, baseline, target, nature,
years (both years right), all (every field right).

Prose targets: annotated only where a document's `prose_indicators` list is non-empty. An
output indicator from text matches an annotated one when its target (op, value) is equal and
its sentence contains the annotated quote (the source text is read again from source.path
when it exists) or its name is similar.
"""
from __future__ import annotations

import difflib
import unicodedata
from pathlib import Path
from typing import Optional

from . import FieldScore, register

FIELDS = ("name", "category", "unit", "baseline", "target", "nature", "years")


def nfkc_without_spaces(text: Optional[str]) -> Optional[str]:
    """Annotated and extracted text compared NFKC-folded, every space removed: `９５ ％` = `95%`."""
    if text is None:
        return None
    return "".join(unicodedata.normalize("NFKC", text).split())


def same_quantity(a: Optional[dict], b: Optional[dict]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a.get("op") != b.get("op") or nfkc_without_spaces(a.get("raw")) != nfkc_without_spaces(b.get("raw")):
        return False
    for k in ("value", "high"):
        x, y = a.get(k), b.get(k)
        if (x is None) != (y is None) or (x is not None and abs(float(x) - float(y)) > 1e-9):
            return False
    return a.get("year") == b.get("year")


def field_right(field: str, out: dict, gold: dict) -> bool:
    if field in ("name", "category", "unit"):
        return nfkc_without_spaces(out.get(field)) == nfkc_without_spaces(gold.get(field))
    if field == "nature":
        return out.get("nature") == gold.get("nature")
    if field in ("baseline", "target"):
        return same_quantity(out.get(field), gold.get(field))
    if field == "years":
        return all(((out.get(k) or {}).get("year")) == ((gold.get(k) or {}).get("year"))
                   for k in ("baseline", "target"))
    raise KeyError(field)


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, nfkc_without_spaces(a) or "", nfkc_without_spaces(b) or "").ratio()


def match_by_name(outs: list[dict], golds: list[dict], threshold: float = 0.6) -> list[tuple[dict, dict]]:
    """One-to-one pairs: equal names first, then the most similar names above threshold."""
    pairs: list[tuple[dict, dict]] = []
    free_out = list(range(len(outs)))
    free_gold = list(range(len(golds)))
    for g in list(free_gold):
        for o in free_out:
            if nfkc_without_spaces(outs[o]["name"]) == nfkc_without_spaces(golds[g]["name"]):
                pairs.append((outs[o], golds[g]))
                free_out.remove(o)
                free_gold.remove(g)
                break
    candidates = sorted(((similarity(outs[o]["name"], golds[g]["name"]), o, g)
                         for o in free_out for g in free_gold), reverse=True)
    for sim, o, g in candidates:
        if sim < threshold:
            break
        if o in free_out and g in free_gold:
            pairs.append((outs[o], golds[g]))
            free_out.remove(o)
            free_gold.remove(g)
    return pairs


def score_indicators(outputs: dict[str, dict], annotations: dict[str, dict]) -> list[FieldScore]:
    counts = {f: 0 for f in ("found", *FIELDS, "all")}
    n_pred = n_gold = 0
    for stem, ann in annotations.items():
        if stem not in outputs:  # a document not converted is not scored (e.g. a PDF-only run)
            continue
        golds = ann.get("indicators") or []
        outs = [i for i in (outputs.get(stem) or {}).get("indicators", []) if i["source"]["kind"] == "table"]
        n_pred += len(outs)
        n_gold += len(golds)
        for out, gold in match_by_name(outs, golds):
            counts["found"] += 1
            right = [f for f in FIELDS if field_right(f, out, gold)]
            for f in right:
                counts[f] += 1
            if len(right) == len(FIELDS):
                counts["all"] += 1
    return [FieldScore("indicators", f, counts[f], n_pred, n_gold) for f in counts]


def _sentence_text(doc: dict) -> Optional[str]:
    path = (doc.get("source") or {}).get("path")
    if not path or not Path(path).exists():
        return None
    from ..pipeline import run
    try:
        return run(path, stop_after="normalize").text
    except Exception:  # an unreadable source only loses the quote check
        return None


def score_prose(outputs: dict[str, dict], annotations: dict[str, dict]) -> list[FieldScore]:
    counts = {"found": 0, "target": 0, "unit": 0}
    n_pred = n_gold = 0
    for stem, ann in annotations.items():
        golds = ann.get("prose_indicators") or []
        if not golds or stem not in outputs:
            continue
        doc = outputs.get(stem) or {}
        outs = [i for i in doc.get("indicators", []) if i["source"]["kind"] == "text"]
        n_pred += len(outs)
        n_gold += len(golds)
        text = _sentence_text(doc) if outs else None
        free = list(outs)
        for gold in golds:
            quote = nfkc_without_spaces(gold.get("quote") or "")
            best = None
            for out in free:
                t, g = out.get("target") or {}, gold.get("target") or {}
                if t.get("op") != g.get("op") or t.get("value") != g.get("value"):
                    continue
                span = out["source"].get("span")
                in_sentence = bool(text and span and quote and quote in nfkc_without_spaces(text[span[0]:span[1]]))
                if in_sentence or similarity(out["name"], gold["name"]) >= 0.6:
                    best = out
                    break
            if best is None:
                continue
            free.remove(best)
            counts["found"] += 1
            counts["target"] += same_quantity(best.get("target"), gold.get("target"))
            counts["unit"] += nfkc_without_spaces(best.get("unit")) == nfkc_without_spaces(gold.get("unit"))
    return [FieldScore("prose_indicators", f, counts[f], n_pred, n_gold) for f in counts]


register("indicators", score_indicators)
register("prose_indicators", score_prose)
