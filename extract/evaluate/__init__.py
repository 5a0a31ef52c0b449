"""`plan-extract evaluate OUTDIR ANNOTATIONS`: precision, recall and F1 per field against the
hand-made annotations (ANNOTATIONS/<stem>.json beside OUTDIR/<stem>.json).

Scorers are registered by name; each reads every output and every annotation and returns
its field scores:

    from extract.evaluate import FieldScore, register

    def score_projects(outputs: dict[str, dict], annotations: dict[str, dict]) -> list[FieldScore]:
        # outputs: document stem → the output JSON (as loaded); annotations: stem → annotation JSON
        return [FieldScore("projects", "found", tp=9, n_pred=10, n_gold=11), ...]

    register("projects", score_projects)

A FieldScore counts, for one field, the items whose field is right (tp), the items the tool
output (n_pred) and the items annotated (n_gold): precision = tp / n_pred, recall = tp / n_gold.
`extract.evaluate.indicators` registers "indicators" and "prose_indicators"; a module
`extract/evaluate/items.py`, when present, is imported too and registers its own scorers.
"""
from __future__ import annotations

import importlib
import importlib.util
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import click

Scorer = Callable[[dict[str, dict], dict[str, dict]], list["FieldScore"]]


@dataclass
class FieldScore:
    scorer: str
    field: str
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else (1.0 if not self.n_gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else (1.0 if not self.n_pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {**asdict(self), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


_REGISTRY: dict[str, Scorer] = {}
_PLUGINS = ("extract.evaluate.indicators", "extract.evaluate.items")


def register(name: str, fn: Scorer) -> None:
    """Add (or replace) a scorer under name."""
    _REGISTRY[name] = fn


def scorers() -> dict[str, Scorer]:
    for module in _PLUGINS:
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)
    return dict(_REGISTRY)


def load_dir(folder: str | Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for f in sorted(Path(folder).glob("*.json")):
        with open(f, encoding="utf-8") as fh:
            out[f.stem] = json.load(fh)
    return out


def score(outdir: str | Path, annotations: str | Path, only: tuple[str, ...] = ()) -> list[FieldScore]:
    """Scores of every registered scorer (or those named in only) on the documents annotated."""
    gold = load_dir(annotations)
    outputs = {stem: doc for stem, doc in load_dir(outdir).items() if stem in gold}
    scores: list[FieldScore] = []
    for name, fn in scorers().items():
        if only and name not in only:
            continue
        scores += fn(outputs, gold)
    return scores


def format_scores(scores: list[FieldScore]) -> str:
    lines = [f"{'scorer':18s} {'field':18s} {'precision':>9s} {'recall':>7s} {'F1':>6s}   right/output/annotated"]
    for s in scores:
        lines.append(f"{s.scorer:18s} {s.field:18s} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f}   "
                     f"{s.tp}/{s.n_pred}/{s.n_gold}")
    return "\n".join(lines)


def _known_scorers(names: tuple[str, ...]) -> tuple[str, ...]:
    known = scorers()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise click.BadParameter(f"unknown scorer {', '.join(map(repr, unknown))}; "
                                 f"choose from {', '.join(sorted(known))}")
    return names


@click.command("evaluate")
@click.argument("outdir", type=click.Path(exists=True, file_okay=False))
@click.argument("annotations", type=click.Path(exists=True, file_okay=False))
@click.option("--scorer", "only", multiple=True, callback=lambda ctx, param, value: _known_scorers(value),
              help="Run only this scorer (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(outdir: str, annotations: str, only: tuple[str, ...], as_json: bool) -> None:
    """Score the JSON files in OUTDIR against the annotations in ANNOTATIONS (same stems).

    Prints precision, recall and F1 per field: an item counts as right for a field when it
    matches an annotated item and that field is equal.
    """
    scores = score(outdir, annotations, only)
    if as_json:
        click.echo(json.dumps([s.as_dict() for s in scores], ensure_ascii=False, indent=1))
    else:
        click.echo(format_scores(scores))

