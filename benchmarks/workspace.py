"""Adding one article to a workspace of N articles against rebuilding all of them.

    .venv/bin/python benchmarks/workspace.py examples/wikinews-24.jsonl [--articles 1000]

The corpus is repeated until it has N distinct articles (each copy gets a distinct closing line,
so every article has its own text and id). Measured in one process, the spaCy model loaded once
beforehand: rebuilding = extracting all N articles and writing every output (`build`); adding
one = `add` of one new article to the workspace holding the N (only that article is extracted),
then `export` (all stored extractions are read, resolved across articles and written again).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.ingest import load_pipeline
from newsgraph.pipeline import add, build, export


def corpus(source: Path, articles: int, folder: Path) -> tuple[Path, Path]:
    """N distinct articles made from the corpus, and one more article in a file of its own."""
    lines = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = []
    for number in range(articles + 1):
        record = dict(lines[number % len(lines)])
        record["text"] = f"{record['text']}\n\nThis is copy {number} of the article, made for a benchmark."
        if record.get("url"):
            record["url"] = f"{record['url']}#copy-{number}"
        records.append(record)
    many, one = folder / "many.jsonl", folder / "one.jsonl"
    many.write_text("".join(json.dumps(r) + "\n" for r in records[:-1]), encoding="utf-8")
    one.write_text(json.dumps(records[-1]) + "\n", encoding="utf-8")
    return many, one


def timed(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="a JSONL corpus (examples/wikinews-24.jsonl)")
    parser.add_argument("--articles", type=int, default=1000, help="size of the workspace (default 1000)")
    args = parser.parse_args()
    load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        many, one = corpus(args.corpus, args.articles, folder)
        rebuild, result = timed(lambda: build([many], folder / "rebuilt"))
        words = sum(len(d.text.split()) for d in result.graph.documents.values())
        fill, _ = timed(lambda: add([many], folder / "ws"))
        add_one, added = timed(lambda: add([one], folder / "ws"))
        exported, _ = timed(lambda: export(folder / "ws", folder / "exported"))
    print(f"workspace of {args.articles} articles ({words:,} words); model loaded beforehand")
    print(f"rebuild (build of all {args.articles})        {rebuild:8.1f} s")
    print(f"fill the workspace (add of all {args.articles}) {fill:8.1f} s")
    print(f"add one article                        {add_one:8.2f} s  ({add_one / rebuild:.2%} of rebuild; added {len(added.added)})")
    print(f"export the workspace afterwards        {exported:8.2f} s  ({exported / rebuild:.2%} of rebuild)")
    print(f"add one + export                       {add_one + exported:8.2f} s  ({(add_one + exported) / rebuild:.2%} of rebuild)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
