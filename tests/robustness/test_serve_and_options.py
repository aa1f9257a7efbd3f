"""`serve` answers hostile and unknown paths without a traceback and stops on SIGHUP; every number option
refuses values below 1 (issue 13)."""

from __future__ import annotations

import signal
import socket
import time

import pytest
from build_processes import all_ended, finish, start
from projects import run, tiny_project

from diplo_edition.cli import EXIT_USAGE
from diplo_edition.serve import MAX_PATH


def _status_and_body(port: int, path: str) -> tuple[int, bytes]:
    """A raw request, as a hostile client sends it: the path is not quoted or checked on the way."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(f"GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


@pytest.mark.slow
def test_serve_answers_malformed_paths_400_unknown_ones_with_the_site_404_and_stops_on_sighup(tmp_path):
    project = tiny_project(tmp_path)
    process, mark = start(project, "serve", "--port", "0")
    try:
        line = process.stdout.readline()
        assert line.startswith("serving http://127.0.0.1:"), line
        port = int(line.split("127.0.0.1:")[1].split("/")[0])
        malformed = ["/%00", "/..%2f..%2fetc/passwd", "/../../etc/passwd", "/documents/%2e%2e/%2e%2e/x",
                     "/%zz", "/abc%4", "/%ff%fe", "/%c0%af", "/a%0d%0aSet-Cookie:x",
                     "/" + "a" * (MAX_PATH + 1)]
        for path in malformed:
            status, _ = _status_and_body(port, path)
            assert status == 400, path
        status, body = _status_and_body(port, "/no/such/page.html")
        assert status == 404
        assert body.startswith((project / "build" / "404.html").read_bytes()[:200])
        assert _status_and_body(port, "/")[0] == 200
        process.send_signal(signal.SIGHUP)  # the terminal it ran in was closed
        signalled = time.monotonic()
        _, err = finish(process, 30)
        assert time.monotonic() - signalled < 5
    finally:
        if process.poll() is None:
            process.kill()
            finish(process)
    assert process.returncode == 0, err
    assert "Traceback" not in err and "failed" not in err, err
    assert all_ended(mark) == []


@pytest.mark.parametrize(("argv", "said"), [
    (["names", "--top", "-5"], "argument --top: '-5' is not a number of candidates (1 or more)"),
    (["names", "--top", "0"], "argument --top: '0' is not a number of candidates (1 or more)"),
    (["build", "--jobs", "0"], "argument --jobs: '0' is not a number of worker processes (1 or more)"),
    (["check", "--jobs", "-1"], "argument --jobs: '-1' is not a number of worker processes (1 or more)"),
    (["serve", "--jobs", "x"], "argument --jobs: 'x' is not a number of worker processes (1 or more)"),
    (["quote", "--limit", "0", "Переговоры"], "argument --limit: '0' is not a whole number (1 or more)"),
    (["quote", "--limit", "-3", "Переговоры"], "argument --limit: '-3' is not a whole number (1 or more)"),
])
def test_every_number_option_refuses_values_below_one(tmp_path, capsys, argv, said):
    code, out, err = run(capsys, "--root", tmp_path, *argv)
    assert code == EXIT_USAGE
    assert said in err and out == ""
