"""Scorers for projects and tasks: an output document against corpus/annotations/<stem>.json.

Projects are matched by name within the same source kind (and the same box): equal after
folding punctuation, or one name inside the other. A hand-made entry may name several projects
in one line (`州紧急医学救援中心建设项目、临夏州中心血站迁建项目`) where the extractor gives one
project each; those parts all count for that one entry and none counts as extra. Prose projects
and programmes of a 重大工程 section both have source kind "text"; a programme starts where an
outline heading starts, and is scored apart because the annotations do not list programmes.

Tasks are matched by number and title; `responsible` must be the same units in the same order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import regex

_FOLD = regex.compile(r"[\s“”‘’\"'《》「」〈〉、，,。；;：:·.．]+")


def fold(name: Optional[str]) -> str:
    return _FOLD.sub("", name or "")


@dataclass
class Match:
    pairs: list[tuple[dict, dict]] = field(default_factory=list)   # (gold, first predicted)
    parts: list[tuple[dict, dict]] = field(default_factory=list)   # further predicted parts of a gold
    missed: list[dict] = field(default_factory=list)
    extra: list[dict] = field(default_factory=list)


def _kind(p: dict) -> str:
    return p.get("source_kind") or (p.get("source") or {}).get("kind") or ""


def _compatible(gold: dict, pred: dict) -> bool:
    if _kind(gold) != _kind(pred):
        return False
    return not (gold.get("box") and pred.get("box")) or str(gold["box"]) == str(pred["box"])


def _contains(a: str, b: str) -> bool:
    """One name inside the other, the shorter long enough to mean something."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and short in long_


def match_projects(gold: list[dict], predicted: list[dict]) -> Match:
    result = Match()
    free = list(range(len(predicted)))
    paired: dict[int, dict] = {}
    for rule in (lambda g, p: g == p, _contains):
        for gi, g in enumerate(gold):
            if gi in paired:
                continue
            for k in free:
                p = predicted[k]
                if _compatible(g, p) and rule(fold(g["name"]), fold(p["name"])):
                    paired[gi] = p
                    free.remove(k)
                    break
    for k in list(free):
        p = predicted[k]
        for gi in paired:
            g = gold[gi]
            if _compatible(g, p) and len(fold(p["name"])) >= 4 and fold(p["name"]) in fold(g["name"]):
                result.parts.append((g, p))
                free.remove(k)
                break
    result.pairs = [(gold[gi], paired[gi]) for gi in sorted(paired)]
    result.missed = [g for gi, g in enumerate(gold) if gi not in paired]
    result.extra = [predicted[k] for k in free]
    return result


def _budget_wan(p: dict) -> Optional[float]:
    return (p.get("budget") or {}).get("wan")


_FIELDS = {
    "budget_wan": _budget_wan,
    "nature": lambda p: p.get("nature"),
    "start": lambda p: p.get("start"),
    "box": lambda p: p.get("box"),
}


def _is_programme(p: dict, heading_starts: set[int]) -> bool:
    span = (p.get("source") or {}).get("span")
    return _kind(p) == "text" and bool(span) and span[0] in heading_starts


def _rates(gold: int, predicted: int, matched_gold: int, correct_predicted: int) -> dict:
    precision = correct_predicted / predicted if predicted else None
    recall = matched_gold / gold if gold else None
    f1 = (2 * precision * recall / (precision + recall)
          if precision is not None and recall and precision + recall else None)
    return {"gold": gold, "predicted": predicted, "matched": matched_gold,
            "precision": precision, "recall": recall, "f1": f1}


def score_projects(document: dict, annotation: dict) -> dict[str, Any]:
    """Counts and rates per source kind, field accuracy on matched pairs, and what went wrong."""
    gold_all = annotation.get("projects") or []
    heading_starts = {h["span"][0] for h in document.get("outline") or []}
    predicted = document.get("projects") or []
    programmes = [p for p in predicted if _is_programme(p, heading_starts)]
    scored = [p for p in predicted if not _is_programme(p, heading_starts)]
    out: dict[str, Any] = {"kinds": {}, "fields": {}, "missed": [], "extra": [], "wrong": []}
    field_hits = {f: [0, 0] for f in _FIELDS}
    matched = correct = 0
    for kind in ("table", "box", "text"):
        gold = [g for g in gold_all if g.get("source_kind") == kind]
        pred = [p for p in scored if _kind(p) == kind]
        m = match_projects(gold, pred)
        out["kinds"][kind] = _rates(len(gold), len(pred), len(m.pairs), len(m.pairs) + len(m.parts))
        matched, correct = matched + len(m.pairs), correct + len(m.pairs) + len(m.parts)
        out["missed"] += [{"kind": kind, "name": g["name"]} for g in m.missed]
        out["extra"] += [{"kind": kind, "name": p["name"], "span": (p.get("source") or {}).get("span")}
                         for p in m.extra]
        for g, p in m.pairs:
            for f, get in _FIELDS.items():
                want = g.get(f)
                if f not in g or (want is None and kind != "table"):
                    continue  # a field the annotator left open outside tables is not scored
                field_hits[f][1] += 1
                if get(p) == want or (f == "box" and str(get(p)) == str(want)):
                    field_hits[f][0] += 1
                else:
                    out["wrong"].append({"name": g["name"], "field": f, "want": want, "got": get(p)})
    out["fields"] = {f: (h / n if n else None) for f, (h, n) in field_hits.items()}
    out["fields_n"] = {f: n for f, (_, n) in field_hits.items()}
    out["all"] = _rates(len(gold_all), len(scored), matched, correct)
    out["programmes"] = {"predicted": len(programmes), "names": [p["name"] for p in programmes],
                         "note": "programmes of a 重大工程 section: not in the annotations, not scored"}
    return out


def score_tasks(document: dict, annotation: dict) -> dict[str, Any]:
    gold = annotation.get("tasks") or []
    predicted = document.get("tasks") or []
    free = list(range(len(predicted)))
    pairs = []
    for g in gold:
        for k in free:
            p = predicted[k]
            if str(p.get("number")) == str(g.get("number")) and fold(p.get("title")) == fold(g.get("title")):
                pairs.append((g, p))
                free.remove(k)
                break
    matched = {id(g) for g, _ in pairs}
    wrong = [{"number": g["number"], "want": g["responsible"], "got": p.get("responsible")}
             for g, p in pairs if "responsible" in g and g["responsible"] != p.get("responsible")]
    with_units = [g for g, _ in pairs if "responsible" in g]
    out = _rates(len(gold), len(predicted), len(pairs), len(pairs))
    out.update({
        "responsible_exact": (len(with_units) - len(wrong)) / len(with_units) if with_units else None,
        "missed": [{"number": g.get("number"), "title": g.get("title")} for g in gold if id(g) not in matched],
        "extra": [{"number": predicted[k].get("number"), "title": predicted[k].get("title")} for k in free],
        "wrong": wrong,
    })
    return out
