"""Scorers "projects" and "tasks" for `plan-extract evaluate` (registry: extract/evaluate/__init__).

Projects are matched by name within the same source kind (and the same box): equal after
folding punctuation, or one name inside the other. A hand-made entry may name several projects
in one line (`州紧急医学救援中心建设项目、临夏州中心血站迁建项目`) where the extractor gives one
project each; those parts together count as the one output that matches that entry, and none
counts as extra. Prose projects and programmes of a 重大工程 section both have source kind "text";
a programme starts where an outline heading starts, and is matched against annotation entries
marked `"programme": true`, so prose precision is not diluted by programmes (or the reverse).

Fields of "projects": found (any kind); table_rows, box_items, prose, programmes (found, per kind);
budget_wan, nature, start, box_number (a matched project whose field equals the annotation's).
Fields of "tasks": found (same number and title) and responsible (same units, same order).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex

from .. import regex_cache
from . import FieldScore, register

_PUNCTUATION = regex_cache.compile(r"[\s“”‘’\"'《》「」〈〉、，,。；;：:·.．]+")


def without_punctuation(name: Optional[str]) -> str:
    """A project or task name compared without spaces, quotes and punctuation: `《XX》项目` = `XX项目`."""
    return _PUNCTUATION.sub("", name or "")


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
                if _compatible(g, p) and rule(without_punctuation(g["name"]), without_punctuation(p["name"])):
                    paired[gi] = p
                    free.remove(k)
                    break
    for k in list(free):
        p = predicted[k]
        for gi in paired:
            g = gold[gi]
            if _compatible(g, p) and len(without_punctuation(p["name"])) >= 4 and without_punctuation(p["name"]) in without_punctuation(g["name"]):
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
    "box_number": lambda p: None if p.get("box") is None else str(p["box"]),
}
KINDS = ("table", "box", "text", "programme")
KIND_FIELDS = {"table": "table_rows", "box": "box_items", "text": "prose", "programme": "programmes"}


def is_programme(p: dict, heading_starts: set[int]) -> bool:
    span = (p.get("source") or {}).get("span")
    return _kind(p) == "text" and bool(span) and span[0] in heading_starts


@dataclass
class ProjectReport:
    """One document's projects against its annotation: matches per kind and what went wrong."""
    matches: dict[str, Match]
    wrong: list[dict]


def compare_projects(document: dict, annotation: dict) -> ProjectReport:
    gold_all = annotation.get("projects") or []
    heading_starts = {h["span"][0] for h in document.get("outline") or []}
    predicted = document.get("projects") or []
    programmes = [p for p in predicted if is_programme(p, heading_starts)]
    scored = [p for p in predicted if not is_programme(p, heading_starts)]
    matches = {kind: match_projects([g for g in gold_all if g.get("source_kind") == kind and not g.get("programme")],
                                    [p for p in scored if _kind(p) == kind]) for kind in KINDS[:3]}
    matches["programme"] = match_projects([g for g in gold_all if g.get("programme")], programmes)
    wrong = []
    for m in matches.values():
        for g, p in m.pairs:
            for f, get in _FIELDS.items():
                want = g.get(f) if f != "box_number" else (None if g.get("box") is None else str(g["box"]))
                if get(p) != want:
                    wrong.append({"name": g["name"], "field": f, "want": want, "got": get(p)})
    return ProjectReport(matches, wrong)


def score_projects(outputs: dict[str, dict], annotations: dict[str, dict]) -> list[FieldScore]:
    n_gold = {k: 0 for k in KINDS}
    n_pred = {k: 0 for k in KINDS}
    tp = {k: 0 for k in KINDS}
    right = {f: 0 for f in _FIELDS}
    for stem, gold in annotations.items():
        if "projects" not in gold or stem not in outputs:
            continue
        report = compare_projects(outputs[stem], gold)
        for kind, m in report.matches.items():
            n_gold[kind] += len(m.pairs) + len(m.missed)
            n_pred[kind] += len(m.pairs) + len(m.extra)  # parts of one entry count as one output
            tp[kind] += len(m.pairs)
        wrong = {(w["name"], w["field"]) for w in report.wrong}
        for m in report.matches.values():
            for g, _ in m.pairs:
                for f in _FIELDS:
                    right[f] += (g["name"], f) not in wrong
    total_gold, total_pred, total_tp = sum(n_gold.values()), sum(n_pred.values()), sum(tp.values())
    scores = [FieldScore("projects", "found", total_tp, total_pred, total_gold)]
    scores += [FieldScore("projects", KIND_FIELDS[kind], tp[kind], n_pred[kind], n_gold[kind]) for kind in KINDS]
    scores += [FieldScore("projects", f, right[f], total_pred, total_gold) for f in _FIELDS]
    return scores


@dataclass
class TaskReport:
    pairs: list[tuple[dict, dict]]
    missed: list[dict]
    extra: list[dict]
    wrong: list[dict]


def compare_tasks(document: dict, annotation: dict) -> TaskReport:
    gold = annotation.get("tasks") or []
    predicted = document.get("tasks") or []
    free = list(range(len(predicted)))
    pairs = []
    for g in gold:
        for k in free:
            p = predicted[k]
            if str(p.get("number")) == str(g.get("number")) and without_punctuation(p.get("title")) == without_punctuation(g.get("title")):
                pairs.append((g, p))
                free.remove(k)
                break
    paired = {id(g) for g, _ in pairs}
    wrong = [{"number": g["number"], "want": g.get("responsible"), "got": p.get("responsible")}
             for g, p in pairs if g.get("responsible") != p.get("responsible")]
    return TaskReport(pairs, [g for g in gold if id(g) not in paired], [predicted[k] for k in free], wrong)


def score_tasks(outputs: dict[str, dict], annotations: dict[str, dict]) -> list[FieldScore]:
    tp = right = n_pred = n_gold = 0
    for stem, gold in annotations.items():
        if "tasks" not in gold or stem not in outputs:
            continue
        report = compare_tasks(outputs[stem], gold)
        tp += len(report.pairs)
        right += len(report.pairs) - len(report.wrong)
        n_pred += len(outputs[stem].get("tasks") or [])
        n_gold += len(gold.get("tasks") or [])
    return [FieldScore("tasks", "found", tp, n_pred, n_gold),
            FieldScore("tasks", "responsible", right, n_pred, n_gold)]


register("projects", score_projects)
register("tasks", score_tasks)
