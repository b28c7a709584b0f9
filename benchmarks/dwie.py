"""DWIE dev (Deutsche Welle articles, DocRED format): document-level micro P/R/F1 on mapped relations.

    .venv/bin/python benchmarks/dwie.py ../shared/eval/dwie/dev.json [--show N]

Mapping (evaluation README): citizen_of(-x) -> citizenOf; based_in0/1/2(-x) -> basedIn;
in0/in1/in2(-x) -> locatedIn; member_of -> memberOf | affiliatedWith; agent_of, minister_of,
spokesperson_of, player_of, coach_of -> affiliatedWith; head_of_state, head_of_gov, head_of,
mayor_of -> leaderOf; founder_of -> founderOf; part_of -> partOf; event_in0/1/2 -> heldAt.
A produced fact matches a gold (head, tail, relation) when its predicate is accepted for the
relation and its subject and object names (label or alias) equal a mention of the head and tail
clusters (normalised as in `newsgraph eval`). Scored on the mapped relation types only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import extract_texts, prf, table  # noqa: E402

from newsgraph.evaluate import normalise  # noqa: E402
from newsgraph.graph import Literal, load_ontology  # noqa: E402

ACCEPTED = [
    (r"citizen_of(-x)?", {"citizenOf"}),
    (r"based_in[012](-x)?", {"basedIn"}),
    (r"in[012](-x)?", {"locatedIn"}),
    (r"member_of", {"memberOf", "affiliatedWith"}),
    (r"(agent_of|minister_of|spokesperson_of|player_of|coach_of)", {"affiliatedWith"}),
    (r"(head_of_state|head_of_gov|head_of|mayor_of)", {"leaderOf"}),
    (r"founder_of", {"founderOf"}),
    (r"part_of", {"partOf"}),
    (r"event_in[012]", {"heldAt"}),
]
MAPPED = set().union(*(accepted for _, accepted in ACCEPTED))


def accepted(relation: str) -> set[str]:
    for pattern, predicates in ACCEPTED:
        if re.fullmatch(pattern, relation):
            return predicates
    return set()


#: Tokens written without a space before them, and without a space after them.
_CLOSERS = frozenset({",", ".", ":", ";", "?", "!", "%", ")", "]", "n't", "n’t", "'s", "’s", "'re", "'m", "'ve", "'ll", "'d", "…"})
_OPENERS = frozenset({"(", "[", "$", "#"})
_QUOTES = frozenset({'"', "'"})


def text_of(document: dict) -> str:
    """The article as published, as near as its tokens allow.

    DWIE ships tokens only; joining them with spaces would hand the parser "Frank - Walter
    Steinmeier" and "Germany 's", which neither the names in the gold clusters nor spaCy's
    training text look like. Spaces go back where English puts them: none before closing
    punctuation and clitics, none after opening brackets, none around a hyphen inside a word,
    and straight quotes alternate between opening and closing.
    """
    tokens = [t for sentence in document["sents"] for t in sentence]
    out: list[str] = []
    glue_next, open_quotes = True, set()
    for i, token in enumerate(tokens):
        if token == "\n":
            out.append("\n")
            glue_next = True
            continue
        previous = tokens[i - 1] if i else ""
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        glue = glue_next or token in _CLOSERS
        if token == "-" and previous[-1:].isalnum() and following[:1].isalnum():
            glue, glue_next = True, True
        elif token == "'" and previous.endswith("s") and token not in open_quotes:
            glue, glue_next = True, False  # a plural possessive: "Hamas' demands"
        elif token in _QUOTES:
            glue = glue or token in open_quotes
            glue_next = token not in open_quotes
            open_quotes ^= {token}
        else:
            glue_next = token in _OPENERS
        out.append(token if glue else " " + token)
    return "".join(out).strip()


def score(documents: list[dict], extractions: dict, implied) -> tuple[dict[str, list[int]], list[str]]:
    """Per mapped predicate: [right, made, found, gold]; and the wrong facts.

    `implied(p)` is the set of predicates a produced fact with predicate p counts as: {p} as
    mapped, or p with its broader predicates (the ontology's rdfs:subPropertyOf).
    """
    per_predicate: dict[str, list[int]] = {p: [0, 0, 0, 0] for p in sorted(MAPPED)}  # tp, made, found, gold
    wrong = []
    for document in documents:
        clusters = [{normalise(m["name"]) for m in vertex} for vertex in document["vertexSet"]]
        gold = [(g["h"], g["t"], accepted(g["r"])) for g in document["labels"] if accepted(g["r"])]
        gold = list({(h, t, frozenset(a)) for h, t, a in gold})
        extraction = extractions.get(document["title"])
        facts = []
        if extraction is not None:
            names = {e.id: {normalise(e.label), *(normalise(a) for a in e.aliases)} for e in extraction.entities}
            facts = [(r.predicate, names[r.subject], names[r.object]) for r in extraction.relations
                     if not isinstance(r.object, Literal) and r.predicate in MAPPED]
        for predicate, subject, obj in facts:
            hit = any(implied(predicate) & a and subject & clusters[h] and obj & clusters[t] for h, t, a in gold)
            per_predicate[predicate][1] += 1
            per_predicate[predicate][0] += hit
            if not hit:
                wrong.append(f"{document['title']}: {sorted(subject)[0]} {predicate} {sorted(obj)[0]}")
        for h, t, a in gold:
            found = any(implied(p) & a and s & clusters[h] and o & clusters[t] for p, s, o in facts)
            for predicate in a:
                if predicate != "affiliatedWith" or len(a) == 1:
                    per_predicate[predicate][3] += 1
                    per_predicate[predicate][2] += found
    return per_predicate, wrong


def micro(per_predicate: dict[str, list[int]]) -> tuple[float, float, float]:
    return prf(*(sum(row[i] for row in per_predicate.values()) for i in range(4)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="dev.json (DocRED format)")
    parser.add_argument("--show", type=int, default=0, help="print N wrong facts")
    args = parser.parse_args()
    documents = json.loads(args.data.read_text(encoding="utf-8"))
    started = time.perf_counter()
    extractions = {e.document.id: e for e in extract_texts((d["title"], text_of(d)) for d in documents)}
    elapsed = time.perf_counter() - started
    per_predicate, wrong = score(documents, extractions, lambda p: {p})
    entailed, _ = score(documents, extractions, load_ontology().implied)
    rows, total = [], [0, 0, 0, 0]
    for predicate, (tp, made, found, gold_count) in per_predicate.items():
        total = [x + y for x, y in zip(total, (tp, made, found, gold_count))]
        p, r, f = prf(tp, made, found, gold_count)
        rows.append([predicate, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", gold_count, made])
    p, r, f = prf(*total)
    rows.append(["MICRO", f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", total[3], total[1]])
    print(f"DWIE {args.data.name}: {len(documents)} documents in {elapsed:.1f} s")
    print(table(rows, ["predicate", "P", "R", "F1", "gold", "made"]))
    p, r, f = micro(entailed)
    print(f"with sub-properties (a leaderOf fact also counts as affiliatedWith): micro P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for line in wrong[: args.show]:
        print("WRONG", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
