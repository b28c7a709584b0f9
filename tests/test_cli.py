"""The command line: outputs on success, one-line reasons and exit status on bad input."""

from __future__ import annotations

import pytest

from newsgraph.cli import main
from newsgraph.errors import ExportError
from newsgraph.export import get_output
from tests.conftest import EXAMPLE


def test_build_prints_outputs_and_exits_zero(nlp, tmp_path, capsys):
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path / "out")]) == 0
    printed = capsys.readouterr().out
    assert "graph.trig" in printed and "facts.jsonl" in printed
    assert (tmp_path / "out" / "graph.html").exists()


def test_nothing_processed_exits_one_with_the_reason_and_no_traceback(nlp, tmp_path, capsys):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.7\x00\x00\x01binary")
    assert main(["build", str(binary), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "scan.txt" in err and "PDF" in err
    assert "Traceback" not in err


def test_unknown_output_format_lists_the_known_ones():
    with pytest.raises(ExportError, match="facts, documents, rdf, html"):
        get_output("pdf")
