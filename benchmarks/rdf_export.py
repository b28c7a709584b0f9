"""RDF export speed against pyoxigraph serialising the same quads, side by side in one run.

    .venv/bin/python benchmarks/rdf_export.py [--quads 1000000]

A synthetic graph is made from the example article's extraction, copied into as many
documents as it takes to reach the number of quads (every copy is its own article, so every
document graph, assertion and evidence is distinct). Then, for N-Quads and TriG:
newsgraph's writer (KnowledgeGraph -> file) is timed against `pyoxigraph.serialize` of the same
quads, already parsed into pyoxigraph objects (the fastest serialiser at hand, doing only the
serialising), both writing a file in the same directory, best of three runs each. The peak memory of newsgraph's writer is measured with tracemalloc.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pyoxigraph

from newsgraph.export.rdf import Run, write_rdf
from newsgraph.graph import Document, Extraction, KnowledgeGraph
from newsgraph.ingest import extract_documents, load_documents, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "algemeiner-2023-01-05-russian-drone-operators.txt"
FORMATS = {"nquads": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG}


def copies(extraction: Extraction, count: int) -> list[Extraction]:
    """`count` distinct articles with the example's text, entities and relations."""
    out = []
    for number in range(count):
        doc_id = f"copy{number:07d}"
        document = replace(extraction.document, id=doc_id, url=f"https://example.org/copy/{number}")
        relations = tuple(
            replace(r, evidence=tuple(replace(e, doc=doc_id) for e in r.evidence)) for r in extraction.relations
        )
        entities = tuple(replace(e, mentions=tuple(replace(m, doc=doc_id) for m in e.mentions)) for e in extraction.entities)
        out.append(Extraction(document, entities, relations))
    return out


def quads_of(graph: KnowledgeGraph, run: Run) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_rdf(graph, Path(tmp) / "g.nq", run, "nquads")
        return sum(1 for _ in path.open("rb"))


def best_of(runs: int, call) -> float:
    """The fastest of several runs: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quads", type=int, default=1_000_000, help="quads to export (default 1,000,000)")
    args = parser.parse_args()
    nlp = load_pipeline()
    (loaded,) = list(load_documents([EXAMPLE]))
    (example,) = [x for x in extract_documents(nlp, [loaded.document]) if isinstance(x, Extraction)]
    run = Run("newsgraph-rules", "1")
    two = copies(example, 2)
    per_document = quads_of(KnowledgeGraph.from_extractions(two), run) - quads_of(KnowledgeGraph.from_extractions(two[:1]), run)
    graph = KnowledgeGraph.from_extractions(copies(example, max(1, args.quads // per_document)))
    print(f"{len(graph.documents):,} documents, {sum(len(r.evidence) for r in graph.relations()):,} evidence")
    with tempfile.TemporaryDirectory() as tmp:
        for name, oxformat in FORMATS.items():
            path = Path(tmp) / f"graph.{name}"
            ours = best_of(3, lambda: write_rdf(graph, path, run, name))
            quads = list(pyoxigraph.parse(path=str(path), format=oxformat))
            theirs = best_of(3, lambda: pyoxigraph.serialize(quads, str(Path(tmp) / f"oxigraph.{name}"), format=oxformat))
            count = len(quads)
            del quads
            tracemalloc.start()  # a second, traced run: tracemalloc slows Python, so it is not timed
            write_rdf(graph, path, run, name)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(f"{name:7} {count:>10,} quads  newsgraph {ours:6.2f} s   pyoxigraph {theirs:6.2f} s   "
                  f"ratio {ours / theirs:5.2f}   newsgraph writer peak memory {peak / 2**20:6.1f} MiB "
                  f"(file {path.stat().st_size / 2**20:,.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
