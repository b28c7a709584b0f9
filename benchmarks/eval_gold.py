"""Build an article and score its facts against a gold fact file (../shared/eval/README.md).

    .venv/bin/python benchmarks/eval_gold.py ARTICLE GOLD.jsonl

Prints precision, recall and F1 per tier and predicate (the same table as `newsgraph eval`).
The gold data is not part of the repository: pass its path.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.cli import main as cli
from newsgraph.pipeline import build


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("article", type=Path)
    parser.add_argument("gold", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        result = build([args.article], out)
        print(f"built {args.article.name}: {result.report['counts']['relations']} facts in {time.perf_counter() - started:.2f} s")
        return cli(["eval", str(args.gold), str(Path(out) / "facts.jsonl")])


if __name__ == "__main__":
    sys.exit(main())
