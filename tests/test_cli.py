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


def test_progress_bar_on_a_terminal(tmp_path):
    """On a TTY the run shows documents done, skipped and the rate (tqdm), on stderr."""
    import os
    import pty
    import subprocess
    import sys

    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a terminal 120 columns wide
    process = subprocess.run(
        [sys.executable, "-m", "newsgraph", "build", str(EXAMPLE), str(tmp_path / "none.txt"), "-o", str(tmp_path / "out")],
        stdout=subprocess.DEVNULL, stderr=slave, timeout=300,
    )
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    text = output.decode("utf-8", "replace")
    assert process.returncode == 2
    assert "doc/s" in text or "s/doc" in text
    assert "done=1" in text and "skipped=1" in text


def test_unknown_model_is_a_clear_error(tmp_path, capsys):
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path / "out"), "--model", "xx_no_such_model"]) == 1
    err = capsys.readouterr().err
    assert "xx_no_such_model" in err and "--model" in err and "Traceback" not in err
