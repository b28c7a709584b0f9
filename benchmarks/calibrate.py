"""Measure each rule's precision on the dev data and write it as the rule's confidence.

    .venv/bin/python benchmarks/calibrate.py --conll04 ../shared/eval/conll04/conll04_dev.json \
        --dwie ../shared/eval/dwie/dev.json \
        --gold examples/algemeiner-2023-01-05-russian-drone-operators.txt ../shared/eval/algemeiner-2023-01-05.gold.jsonl

How a confidence is computed: every evidence a rule produces on a dev set whose gold covers the
evidence's predicate is judged right or wrong (CoNLL04: relaxed span match with the README's
mapping; DWIE: subject and object names in the gold clusters; Algemeiner: the README's fact
matching). A rule's confidence is its smoothed precision (right + k * prior) / (judged + k),
with k = 4 and the prior written next to the rule in patterns.json, so that a rule seen only a
few times stays near its prior. Rules never judged keep their prior. The result goes to
newsgraph/ingest/data/confidence.json, which the extractor reads.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import conll04  # noqa: E402
import dwie  # noqa: E402
from common import entity_relations, extract_texts  # noqa: E402

from newsgraph.evaluate import fact_matches, normalise, read_jsonl  # noqa: E402
from newsgraph.graph import Literal  # noqa: E402
from newsgraph.ingest import load_rules  # noqa: E402
from newsgraph.ingest.containment import containment_rules  # noqa: E402
from newsgraph.ingest.source_lines import source_line_rule  # noqa: E402
from newsgraph.pipeline import build  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "newsgraph" / "ingest" / "data" / "confidence.json"
K = 4


def judge_conll(path: Path, right: Counter, judged: Counter) -> None:
    sentences = json.loads(path.read_text(encoding="utf-8"))
    texts = [(f"s{i}", " ".join(s["tokens"])) for i, s in enumerate(sentences)]
    for extraction in extract_texts(texts):
        gold = conll04.gold_of(sentences[int(extraction.document.id[1:])])
        types = {e.id: e.type for e in extraction.entities}
        for predicate, subject, obj, relation, ev in entity_relations(extraction):
            label = conll04.label_of(predicate, types.get(relation.subject), types.get(relation.object))
            if not label:
                continue
            hit = any(g[0] == label and conll04.overlaps(g[1], subject) and conll04.overlaps(g[2], obj) for g in gold)
            judged[ev.rule] += 1
            right[ev.rule] += hit


def judge_dwie(path: Path, right: Counter, judged: Counter) -> None:
    documents = {d["title"]: d for d in json.loads(path.read_text(encoding="utf-8"))}
    for extraction in extract_texts((title, dwie.text_of(d)) for title, d in documents.items()):
        document = documents[extraction.document.id]
        clusters = [{normalise(m["name"]) for m in vertex} for vertex in document["vertexSet"]]
        gold = [(g["h"], g["t"], dwie.accepted(g["r"])) for g in document["labels"] if dwie.accepted(g["r"])]
        names = {e.id: {normalise(e.label), *(normalise(a) for a in e.aliases)} for e in extraction.entities}
        for relation in extraction.relations:
            if isinstance(relation.object, Literal) or relation.predicate not in dwie.MAPPED:
                continue
            hit = any(relation.predicate in a and names[relation.subject] & clusters[h] and names[relation.object] & clusters[t]
                      for h, t, a in gold)
            for ev in relation.evidence:
                judged[ev.rule] += 1
                right[ev.rule] += hit


def judge_gold(article: Path, gold_path: Path, right: Counter, judged: Counter) -> None:
    gold = [g for g in read_jsonl(gold_path) if g["tier"] != "negative"]
    predicates = {p for g in gold for p in (g["predicate"], *g.get("alternatives", []))}
    with tempfile.TemporaryDirectory() as out:
        build([article], out)
        facts = read_jsonl(Path(out) / "facts.jsonl")
    for fact in facts:
        if fact["predicate"] not in predicates:
            continue
        hit = any(fact_matches(fact, g) for g in gold)
        for ev in fact["evidence"]:
            judged[ev["rule"]] += 1
            right[ev["rule"]] += hit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conll04", type=Path)
    parser.add_argument("--dwie", type=Path)
    parser.add_argument("--gold", nargs=2, type=Path, metavar=("ARTICLE", "GOLD"))
    args = parser.parse_args()
    right, judged = Counter(), Counter()
    if args.conll04:
        judge_conll(args.conll04, right, judged)
    if args.dwie:
        judge_dwie(args.dwie, right, judged)
    if args.gold:
        judge_gold(*args.gold, right, judged)
    priors = {rule_id: rule.prior for rule_id, rule in load_rules().rules.items()}
    priors.update((rule_id, float(rule["prior"])) for rule_id, rule in containment_rules().items())
    priors.update([source_line_rule()])
    table = {}
    for rule_id, prior in sorted(priors.items()):
        n, tp = judged[rule_id], right[rule_id]
        confidence = (tp + K * prior) / (n + K)
        table[rule_id] = {"judged": n, "right": tp, "precision": round(tp / n, 3) if n else None,
                          "prior": prior, "confidence": round(confidence, 3)}
        print(f"{rule_id:<36} judged {n:>4}  right {tp:>4}  precision {table[rule_id]['precision']!s:>6}  "
              f"prior {prior:.2f}  -> {confidence:.3f}")
    data = {
        "about": "Per-rule confidence = smoothed precision measured on dev data by benchmarks/calibrate.py "
                 f"((right + {K} * prior) / (judged + {K})). Regenerate after changing rules.",
        "measured": datetime.date.today().isoformat(),
        "sources": [str(p) for p in (args.conll04, args.dwie, *(args.gold or [])) if p],
        "rules": table,
    }
    OUT.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
