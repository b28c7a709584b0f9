"""Scoring facts against gold facts, with the matching rules of the evaluation README.

A produced fact matches a gold fact when its predicate is the gold predicate (or one of its
`alternatives`) and its subject and object label or any alias equals one of the gold names after
normalisation (NFKC, case-fold, no possessive 's, no punctuation, collapsed spaces, no leading
article); `symmetric` gold facts match either way round; "*" matches anything. Recall per tier =
matched gold facts / gold facts; precision = produced facts whose predicate occurs in the gold
file and that match a gold fact / produced facts with such a predicate. Negative facts must
match nothing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .errors import InputError

__all__ = ["normalise", "fact_matches", "Score", "score_facts", "read_jsonl"]

_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_POSSESSIVE = re.compile(r"['’]s\b")
_PUNCT = re.compile(r"[^\w\s]")


def normalise(name: Any) -> str:
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    text = _PUNCT.sub(" ", _POSSESSIVE.sub("", text))
    return _ARTICLE.sub("", " ".join(text.split()))


def _names(side: dict) -> set[str]:
    if "value" in side:
        return {normalise(side["value"])}
    return {normalise(side.get("label", "")), *(normalise(a) for a in side.get("aliases", []))}


def _side_ok(produced: dict, wanted: Iterable[str]) -> bool:
    wanted = {normalise(n) if n != "*" else "*" for n in wanted}
    return "*" in wanted or bool(_names(produced) & wanted)


def fact_matches(fact: dict, gold: dict) -> bool:
    predicates = {gold["predicate"], *gold.get("alternatives", [])}
    if "*" not in predicates and fact["predicate"] not in predicates:
        return False
    if _side_ok(fact["subject"], gold["subject"]) and _side_ok(fact["object"], gold["object"]):
        return True
    return bool(gold.get("symmetric")) and _side_ok(fact["object"], gold["subject"]) and _side_ok(fact["subject"], gold["object"])


def _prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> dict[str, float]:
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_r / n_r if n_r else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass
class Score:
    tiers: dict[str, dict[str, Any]] = field(default_factory=dict)
    predicates: dict[str, dict[str, Any]] = field(default_factory=dict)
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    modality: tuple[int, int] = (0, 0)
    attribution: tuple[int, int] = (0, 0)
    negatives_produced: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _label(fact: dict) -> str:
    obj = fact["object"]
    return f"{fact['subject'].get('label')} {fact['predicate']} {obj.get('label', obj.get('value'))}"


def score_facts(facts: list[dict], gold: list[dict]) -> Score:
    """Precision, recall and F1 overall, per tier and per predicate; missed and wrong facts."""
    positive = [g for g in gold if g.get("tier") != "negative" and g.get("expect") != "absent"]
    negative = [g for g in gold if g not in positive]
    score = Score()
    matched: dict[str, list[dict]] = {g["id"]: [f for f in facts if fact_matches(f, g)] for g in positive}
    by_tier: dict[str, list[bool]] = defaultdict(list)
    modality, attribution = [0, 0], [0, 0]
    for g in positive:
        hits = matched[g["id"]]
        by_tier[g["tier"]].append(bool(hits))
        if not hits:
            score.missed.append(f"{g['id']} {g['subject'][0]} {g['predicate']} {g['object'][0]}")
            continue
        evidence = [e for f in hits for e in f["evidence"]]
        if "status" in g:
            modality[1] += 1
            modality[0] += any(e["status"] in g["status"] for e in evidence)
        if "attributed_to" in g:
            wanted = {normalise(n) for n in g["attributed_to"]}
            attribution[1] += 1
            attribution[0] += any(e.get("attributed_to") and normalise(e["attributed_to"]) in wanted for e in evidence)
    score.modality, score.attribution = tuple(modality), tuple(attribution)
    score.negatives_produced = [g["id"] for g in negative if any(fact_matches(f, g) for f in facts)]
    gold_predicates = {p for g in positive for p in (g["predicate"], *g.get("alternatives", []))}
    scored = [f for f in facts if f["predicate"] in gold_predicates]
    correct = [f for f in scored if any(fact_matches(f, g) for g in positive)]
    score.wrong = [_label(f) for f in scored if f not in correct]
    for tier, hits in sorted(by_tier.items()):
        score.tiers[tier] = {"matched": sum(hits), "gold": len(hits), "recall": round(sum(hits) / len(hits), 4)}
    all_hits = [h for hits in by_tier.values() for h in hits]
    overall = _prf(len(correct), len(scored), sum(all_hits), len(all_hits))
    score.precision, score.recall, score.f1 = overall["precision"], overall["recall"], overall["f1"]
    for predicate in sorted({g["predicate"] for g in positive}):
        golds = [g for g in positive if g["predicate"] == predicate]
        produced = [f for f in scored if f["predicate"] == predicate]
        good = [f for f in produced if any(fact_matches(f, g) for g in golds)]
        found = sum(bool(matched[g["id"]]) for g in golds)
        score.predicates[predicate] = {**_prf(len(good), len(produced), found, len(golds)), "gold": len(golds), "produced": len(produced)}
    return score


def read_jsonl(path: str | Path) -> list[dict]:
    """A JSONL file as a list; a malformed line is an InputError naming the file and line."""
    path = Path(path)
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}): check the path") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: malformed JSON ({exc.msg}): fix the line") from None
    return records
