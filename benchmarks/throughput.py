"""Throughput of the whole pipeline against bare `nlp.pipe` of the same spaCy pipeline, in one run.

    .venv/bin/python benchmarks/throughput.py CORPUS.jsonl [--repeat N]

Both sides parse the same texts (the corpus's "text" fields, repeated N times) with the same
loaded pipeline and batch size, after loading what each needs (spaCy's model; newsgraph's rules,
gazetteer and classifier); the pipeline side also finds mentions, resolves entities,
applies the rules and adds everything to a KnowledgeGraph. Prints words per second for each
and their ratio (target: the pipeline keeps >= 0.8 of bare spaCy's rate).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newsgraph.graph import Document, KnowledgeGraph
from newsgraph.ingest import extract_documents, load_pipeline
from newsgraph.ingest.clean import clean_text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="a JSONL corpus with 'text' fields (e.g. examples/wikinews-24.jsonl)")
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [clean_text(r["text"]).text for r in records if r.get("text")] * args.repeat
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline()
    list(nlp.pipe(texts[:2]))  # warm up both sides: spaCy's model, and newsgraph's rules, gazetteer and classifier
    list(extract_documents(nlp, (Document(f"w{i}", text) for i, text in enumerate(texts[:2]))))

    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    bare = time.perf_counter() - started

    started = time.perf_counter()
    graph = KnowledgeGraph()
    documents = (Document(f"d{i}", text) for i, text in enumerate(texts))
    for extraction in extract_documents(nlp, documents, batch_size=args.batch_size):
        graph.add(extraction)
    full = time.perf_counter() - started

    print(f"{len(texts)} documents, {words} words, batch size {args.batch_size}")
    print(f"bare nlp.pipe        {words / bare:10.0f} words/s  ({bare:.2f} s)")
    print(f"newsgraph pipeline   {words / full:10.0f} words/s  ({full:.2f} s, {len(graph)} relations)")
    print(f"ratio                {bare / full:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
