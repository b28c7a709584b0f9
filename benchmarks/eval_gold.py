"""Score newsgraph's facts against a gold fact file (format and matching: ../shared/eval/README.md).

    .venv/bin/python benchmarks/eval_gold.py ARTICLE.txt GOLD.jsonl [--show]

Builds the article, then prints recall per tier, precision over the predicates the gold file
uses, modality and attribution accuracy, and the negative facts that were wrongly produced.
The gold data is not part of the repository: pass its path.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

from newsgraph.pipeline import build

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def norm(name: str) -> str:
    """NFKC, case-fold, drop possessive 's, punctuation, leading article; collapse spaces."""
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = " ".join(text.split())
    return _LEADING_ARTICLE.sub("", text)


def names(side: dict) -> set[str]:
    if "value" in side:
        return {norm(side["value"])}
    return {norm(side["label"]), *(norm(a) for a in side.get("aliases", []))}


def matches(fact: dict, gold: dict) -> bool:
    predicates = {gold["predicate"], *gold.get("alternatives", [])}
    if "*" not in predicates and fact["predicate"] not in predicates:
        return False
    subjects = {norm(n) for n in gold["subject"]}
    objects = {norm(n) for n in gold["object"]}

    def side_ok(produced: dict, wanted: set[str]) -> bool:
        return "*" in wanted or bool(names(produced) & wanted)

    direct = side_ok(fact["subject"], subjects) and side_ok(fact["object"], objects)
    reverse = gold.get("symmetric") and side_ok(fact["object"], subjects) and side_ok(fact["subject"], objects)
    return bool(direct or reverse)


def score(facts: list[dict], gold: list[dict]) -> dict:
    tiers: dict[str, list[bool]] = defaultdict(list)
    modality, attribution, negatives_hit, missed = [], [], [], []
    for g in gold:
        hits = [f for f in facts if matches(f, g)]
        if g["tier"] == "negative":
            if hits:
                negatives_hit.append(g["id"])
            continue
        tiers[g["tier"]].append(bool(hits))
        if not hits:
            missed.append(g["id"])
            continue
        evidence = [e for f in hits for e in f["evidence"]]
        if "status" in g:
            modality.append(any(e["status"] in g["status"] for e in evidence))
        if "attributed_to" in g:
            wanted = {norm(n) for n in g["attributed_to"]}
            attribution.append(any(e["attributed_to"] and norm(e["attributed_to"]) in wanted for e in evidence))
    gold_predicates = {g["predicate"] for g in gold if g["tier"] != "negative"} | {
        p for g in gold if g["tier"] != "negative" for p in g.get("alternatives", [])
    }
    scored = [f for f in facts if f["predicate"] in gold_predicates]
    correct = [f for f in scored if any(matches(f, g) for g in gold if g["tier"] != "negative")]
    return {
        "recall": {tier: f"{sum(v)}/{len(v)} = {sum(v) / len(v):.2f}" for tier, v in sorted(tiers.items())},
        "recall_core_and_hard": sum(sum(v) for v in tiers.values()) / max(1, sum(len(v) for v in tiers.values())),
        "precision": f"{len(correct)}/{len(scored)} = {len(correct) / max(1, len(scored)):.2f}",
        "modality_accuracy": f"{sum(modality)}/{len(modality)}",
        "attribution_accuracy": f"{sum(attribution)}/{len(attribution)}",
        "negatives_produced": negatives_hit,
        "missed": missed,
        "wrong": [f"{f['subject']['label']} {f['predicate']} {f['object'].get('label', f['object'].get('value'))}"
                  for f in scored if f not in correct],
        "facts": len(facts),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("article", type=Path)
    parser.add_argument("gold", type=Path)
    args = parser.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        build([args.article], out)
        elapsed = time.perf_counter() - started
        facts = [json.loads(line) for line in (Path(out) / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    result = score(facts, gold)
    result["build_seconds"] = round(elapsed, 2)
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
