"""CoNLL04 (Roth & Yih 2004) with the mapping of the evaluation README: strict and relaxed micro-F1.

    .venv/bin/python benchmarks/conll04.py ../shared/eval/conll04/conll04_dev.json [--show N]

Text = tokens joined by single spaces. Strict: both mention spans exact and the relation right;
relaxed: both spans overlap and the relation right. Micro-averaged over the five relation types.

CoNLL04 entities are token ranges, and its tokens keep a sentence's final period ("Ethiopia.",
"Forest Service."), which newsgraph, following DESIGN.md, leaves out of a name. Like any
evaluation of a system that does not share the corpus tokenisation, spans are compared on the
corpus tokens: a produced span stands for the tokens it covers. The table also prints strict
micro-F1 on raw character offsets (no projection), which differs only by those token-final
periods.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import entity_relations, extract_texts, prf, table  # noqa: E402

#: newsgraph predicate -> CoNLL04 relation it counts as.
MAPPING = {
    "locatedIn": "Located_In",
    "basedIn": "OrgBased_In",
    "affiliatedWith": "Work_For",
    "leaderOf": "Work_For",
    "memberOf": "Work_For",
    "residesIn": "Live_In",
    "citizenOf": "Live_In",
    "killed": "Kill",
}
RELATIONS = ("Located_In", "OrgBased_In", "Work_For", "Live_In", "Kill")


def char_spans(tokens: list[str]) -> list[tuple[int, int]]:
    spans, at = [], 0
    for token in tokens:
        spans.append((at, at + len(token)))
        at += len(token) + 1
    return spans


def gold_of(sentence: dict) -> set[tuple[str, tuple[int, int], tuple[int, int]]]:
    spans = char_spans(sentence["tokens"])
    entity = lambda e: (spans[e["start"]][0], spans[e["end"] - 1][1])  # noqa: E731
    return {(r["type"], entity(sentence["entities"][r["head"]]), entity(sentence["entities"][r["tail"]]))
            for r in sentence["relations"]}


def on_tokens(span: tuple[int, int], spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The character span of the corpus tokens a produced span covers (CoNLL04 entities are token ranges)."""
    covered = [t for t in spans if t[0] < span[1] and span[0] < t[1]]
    return (covered[0][0], covered[-1][1]) if covered else span


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


#: CoNLL04's entity type for each newsgraph class (README mapping); any other class is "Other".
CONLL_TYPES = {"Person": "Peop", "Organization": "Org", "Country": "Loc", "City": "Loc", "Place": "Loc", "Facility": "Loc"}
#: The entity types each CoNLL04 relation joins; every relation of train and dev keeps to them.
SIGNATURES = {"Located_In": ("Loc", "Loc"), "OrgBased_In": ("Org", "Loc"), "Work_For": ("Peop", "Org"),
              "Live_In": ("Peop", "Loc"), "Kill": ("Peop", "Peop")}


def label_of(predicate: str, subject_type: str | None, object_type: str | None) -> str | None:
    """The CoNLL04 relation a produced fact stands for, or None.

    By predicate (README mapping; locatedIn of an organisation is OrgBased_In) and by the entity
    types it joins: every CoNLL04 relation joins fixed types (Work_For a person and an
    organisation), so "Bill Clinton leaderOf US" (a person and a place) is nothing CoNLL04
    annotates and is not scored. `outside()` counts such facts and the benchmark prints them.
    """
    label = MAPPING.get(predicate)
    if label == "Located_In" and subject_type == "Organization":
        label = "OrgBased_In"
    if label is None:
        return None
    signature = (CONLL_TYPES.get(subject_type or "", "Other"), CONLL_TYPES.get(object_type or "", "Other"))
    return label if signature == SIGNATURES[label] else None


def outside(extraction) -> int:
    """Produced facts of a mapped predicate that join types no CoNLL04 relation joins."""
    types = {e.id: e.type for e in extraction.entities}
    return sum(1 for predicate, _, _, relation, _ in entity_relations(extraction)
               if predicate in MAPPING and label_of(predicate, types.get(relation.subject), types.get(relation.object)) is None)


def predicted_of(extraction, spans: list[tuple[int, int]] | None = None) -> set[tuple[str, tuple[int, int], tuple[int, int]]]:
    """(relation, subject span, object span) produced; projected on the corpus tokens when `spans` are given."""
    found = set()
    types = {e.id: e.type for e in extraction.entities}
    project = (lambda span: on_tokens(span, spans)) if spans else (lambda span: span)  # noqa: E731
    for predicate, subject, obj, relation, _ in entity_relations(extraction):
        label = label_of(predicate, types.get(relation.subject), types.get(relation.object))
        if label:
            found.add((label, project(subject), project(obj)))
    return found


def score(pairs, relaxed: bool) -> dict[str, Counter]:
    counts: dict[str, Counter] = {r: Counter() for r in RELATIONS}
    for gold, predicted in pairs:
        for label, subject, obj in predicted:
            if relaxed:
                hit = any(g[0] == label and overlaps(g[1], subject) and overlaps(g[2], obj) for g in gold)
            else:
                hit = (label, subject, obj) in gold
            counts[label]["tp" if hit else "fp"] += 1
        for label, subject, obj in gold:
            if relaxed:
                found = any(p[0] == label and overlaps(p[1], subject) and overlaps(p[2], obj) for p in predicted)
            else:
                found = (label, subject, obj) in predicted
            counts[label]["gold"] += 1
            counts[label]["found"] += found
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="conll04_dev.json (SpERT format)")
    parser.add_argument("--show", type=int, default=0, help="print N missed and N wrong relations")
    args = parser.parse_args()
    sentences = json.loads(args.data.read_text(encoding="utf-8"))
    started = time.perf_counter()
    texts = [(f"s{i}", " ".join(s["tokens"])) for i, s in enumerate(sentences)]
    extractions = {e.document.id: e for e in extract_texts(texts)}
    pairs, raw = [], []
    for i, sentence in enumerate(sentences):
        extraction = extractions.get(f"s{i}")
        gold = gold_of(sentence)
        pairs.append((gold, predicted_of(extraction, char_spans(sentence["tokens"])) if extraction else set()))
        raw.append((gold, predicted_of(extraction) if extraction else set()))
    elapsed = time.perf_counter() - started
    rows = []
    for mode in ("strict", "relaxed"):
        counts = score(pairs, relaxed=mode == "relaxed")
        total = Counter()
        for label in RELATIONS:
            c = counts[label]
            total.update(c)
            p, r, f = prf(c["tp"], c["tp"] + c["fp"], c["found"], c["gold"])
            rows.append([mode, label, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", c["gold"], c["tp"] + c["fp"]])
        p, r, f = prf(total["tp"], total["tp"] + total["fp"], total["found"], total["gold"])
        rows.append([mode, "MICRO", f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", total["gold"], total["tp"] + total["fp"]])
    print(f"CoNLL04 {args.data.name}: {len(sentences)} sentences in {elapsed:.1f} s")
    print(table(rows, ["mode", "relation", "P", "R", "F1", "gold", "made"]))
    total = sum(score(raw, relaxed=False).values(), Counter())
    p, r, f = prf(total["tp"], total["tp"] + total["fp"], total["found"], total["gold"])
    print(f"strict on raw character offsets (no token projection): micro P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"not scored: {sum(outside(e) for e in extractions.values())} facts of mapped predicates joining entity "
          "types no CoNLL04 relation joins (e.g. a person leaderOf a country)")
    if args.show:
        shown_missed = shown_wrong = 0
        for (gold, predicted), (doc_id, text) in zip(pairs, texts):
            for g in gold - predicted:
                if shown_missed < args.show:
                    shown_missed += 1
                    print(f"MISSED {g[0]}: {text[g[1][0]:g[1][1]]!r} -> {text[g[2][0]:g[2][1]]!r} | {text}")
            for p in predicted - gold:
                if shown_wrong < args.show:
                    shown_wrong += 1
                    print(f"WRONG  {p[0]}: {text[p[1][0]:p[1][1]]!r} -> {text[p[2][0]:p[2][1]]!r} | {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
