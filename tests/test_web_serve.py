"""``nedtrapping serve`` as a service meets it: a real server process on 127.0.0.1, over loopback.

The server is started as a person would start it (``python -m nedtrapping serve --port N``, the host
left at its default), then sent what a service sends — and what an attacker sends: a zip bomb, a
300 MB body, a PNG renamed ``.xlsx``, formulas in a header. Each gets a clear answer, and the server
keeps answering. A small load test (bounded in count and time) asserts no errors, never timings;
``benchmarks/bench_web.py`` measures.
"""

from __future__ import annotations

import http.client
import io
import json
import os
import select
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from nedtrapping.example import example_csv_text

CSV = example_csv_text().encode("utf-8")
GRANT_2023 = 330_000 + 165_000 + 264_000  # the example's three positions in their year 3, Boveileder past year 4
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(*extra: str) -> tuple[subprocess.Popen[str], int]:
    """``nedtrapping serve`` on a free port of 127.0.0.1 (the default host), ready to answer."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([sys.executable, "-m", "nedtrapping", "serve", "--port", str(port), *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"nedtrapping serve ended: {process.stderr.read() if process.stderr else ''}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as answer:
                if answer.status == 200:
                    return process, port
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise AssertionError("nedtrapping serve did not answer within 60 s")


@pytest.fixture(scope="module")
def server() -> Iterator[int]:
    process, port = start_server()
    try:
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
    finally:
        connection.close()


def still_answers(port: int) -> None:
    status, _, body = request(port, "GET", "/api/schemes")
    assert status == 200 and b"kommunalt-rusarbeid" in body


def multipart(name: str, data: bytes, content_type: str, fields: dict[str, str] | None = None) -> tuple[bytes, str]:
    boundary = "nedtrappingtestboundary7f3a"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
             for k, v in (fields or {}).items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                 f"Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


# --------------------------------------------------------------------------- done when


def test_serve_listens_on_loopback_by_default() -> None:
    process, port = start_server()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        names = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1",
                                                                                                    "127.0.1.1"}
        for address in names:  # another address of this machine: nothing listens there
            with pytest.raises(OSError), socket.create_connection((address, port), timeout=2):
                pass
    finally:
        process.terminate()
        _, err = process.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in err


def test_worker_processes_keep_the_limits() -> None:
    """``--workers 2``: each worker makes its application from the environment, with the limits given."""
    process, port = start_server("--workers", "2", "--max-positions", "3")
    try:
        status, _, body = request(port, "POST", "/api/plan", CSV, {"content-type": "text/csv"})
        assert status == 422 and json.loads(body)["type"] == "/problems/too-many-rows"
        three = b"\n".join(CSV.splitlines()[:4]) + b"\n"  # the header and three positions
        status, _, body = request(port, "POST", "/api/plan", three, {"content-type": "text/csv"})
        assert status == 200 and json.loads(body)["totals"]["2023"]["grant"] == str(330_000 + 165_000 + 264_000)
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_get_root_is_a_bokmal_page_with_a_file_input(server: int) -> None:
    status, headers, body = request(server, "GET", "/")
    page = body.decode("utf-8")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert '<html lang="nb">' in page and 'type="file"' in page and "Lag planen" in page


def test_example_positions_as_csv_give_the_2023_total(server: int) -> None:
    status, headers, body = request(server, "POST", "/api/plan", CSV, {"content-type": "text/csv"})
    assert status == 200
    assert json.loads(body)["totals"]["2023"]["grant"] == str(GRANT_2023)


def test_bad_percentage_gives_422_with_row_and_column_in_bokmal(server: int) -> None:
    status, headers, body = request(server, "POST", "/api/plan", CSV.replace(b";80;", ";åtti;".encode()),
                                    {"content-type": "text/csv"})
    assert status == 422 and headers["content-type"] == "application/problem+json"
    [error] = json.loads(body)["errors"]
    assert error["detail"].startswith("rad 4, kolonne «stillingsprosent»")


# --------------------------------------------------------------------------- hostile uploads


def test_zip_bomb_is_refused_and_the_server_answers(server: int) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        with bomb.open("xl/worksheets/sheet1.xml", "w") as sheet:  # 400 MB of zeros, about 400 KB packed
            block = b"\0" * (1024 * 1024)
            for _ in range(400):
                sheet.write(block)
    data = buffer.getvalue()
    assert len(data) < 2 * 1024 * 1024
    status, headers, body = request(server, "POST", "/api/plan?filename=bomb.xlsx", data, {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    assert status == 413 and json.loads(body)["type"] == "/problems/too-large"
    still_answers(server)


def test_declared_300_mb_is_refused_before_it_is_read(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server), timeout=30) as s:
        s.sendall(b"POST /api/plan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                  b"Content-Length: 314572800\r\n\r\n" + b"kommune;stilling\n" * 1000)
        answer = s.makefile("rb").readline()
    assert answer.startswith(b"HTTP/1.1 413")
    still_answers(server)


def test_streamed_300_mb_is_stopped_at_the_limit(server: int) -> None:
    """300 MB sent without a length, chunk by chunk: the answer comes when the limit is passed, long before the end."""
    sent = 0
    chunk = b"Eksempel kommune;Stilling;100;2021;780 000\n" * 24_000  # about 1 MB
    framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    answer = b""
    with socket.create_connection(("127.0.0.1", server), timeout=30) as s:
        s.sendall(b"POST /api/plan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        try:
            while sent < 300 * 1024 * 1024:
                s.sendall(framed)
                sent += len(chunk)
                readable, _, _ = select.select([s], [], [], 0)
                if readable:
                    break
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            s.settimeout(30)
            answer = s.recv(65536)
        except (ConnectionResetError, TimeoutError):
            pass
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 60 * 1024 * 1024  # stopped near the 10 MB limit, not after 300 MB
    still_answers(server)


def test_png_renamed_xlsx_gets_a_clear_answer(server: int) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + bytes(range(256)) * 20
    body, content_type = multipart("stillinger.xlsx", png, "application/vnd.openxmlformats-officedocument."
                                                           "spreadsheetml.sheet")
    status, headers, answer = request(server, "POST", "/api/plan", body, {"content-type": content_type})
    assert status == 422
    problem = json.loads(answer)
    [error] = problem["errors"]
    assert "stillinger.xlsx" in problem["detail"] and "arbeidsbok" in error["expected"]
    assert error["detail"].startswith("filen; ventet")
    status, _, page = request(server, "POST", "/plan", body, {"content-type": content_type})
    assert status == 422 and b'id="problems"' in page and b"stillinger.xlsx" in page
    still_answers(server)


def test_formula_header_and_cells_stay_text(server: int) -> None:
    hostile = ("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad;=1+1\n"
               "=HYPERLINK(\"http://x\");=1+1;100;2021;780 000;=2+2\n").encode()
    body, content_type = multipart("stillinger.csv", hostile, "text/csv")
    status, _, page = request(server, "POST", "/plan", body, {"content-type": content_type})
    assert status == 200
    text = page.decode("utf-8")
    assert "=1+1" in text and "&quot;http://x&quot;" in text  # shown, escaped
    import re
    from html import unescape

    document = unescape(re.search(r'name="positions_document" value="([^"]*)"', text).group(1))  # type: ignore[union-attr]
    fields = {"positions_document": document, "format": "xlsx"}
    body, content_type = multipart("none.csv", b"", "text/csv", fields)
    status, headers, workbook = request(server, "POST", "/download", body, {"content-type": content_type})
    assert status == 200
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(workbook))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and ("=1+1" in cell.value or "HYPERLINK" in cell.value):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
    still_answers(server)


# --------------------------------------------------------------------------- bounded load


def _twenty_positions(i: int) -> bytes:
    positions = [{"municipality": f"Kommune {i}", "position": f"Stilling {j}", "percent": "100",
                  "first_grant_year": 2021, "cost": {"kind": "fixed", "annual": "780000"}} for j in range(20)]
    return json.dumps({"document": "nedtrapping.positions", "document_version": 1, "scheme": "kommunalt-rusarbeid",
                       "positions": positions}).encode()


def test_bounded_load_no_errors(server: int) -> None:
    """10 clients, 100 plans of 20 positions each, over keep-alive connections: every answer is the plan."""
    def client(k: int) -> list[tuple[int, str | None]]:
        connection = http.client.HTTPConnection("127.0.0.1", server, timeout=60)
        out = []
        try:
            for n in range(10):
                connection.request("POST", "/api/plan?explain=none", body=_twenty_positions(k * 10 + n),
                                   headers={"content-type": "application/json"})
                answer = connection.getresponse()
                body = answer.read()
                out.append((answer.status, json.loads(body)["totals"]["2023"]["grant"] if answer.status == 200
                            else None))
        finally:
            connection.close()
        return out

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = [r for rs in pool.map(client, range(10), timeout=300) for r in rs]
    assert time.monotonic() - started < 300
    assert len(results) == 100
    # 20 full-time positions in their year 3 in 2023: 20 × 330 000
    assert set(results) == {(200, str(20 * 330_000))}
    still_answers(server)


@pytest.mark.parametrize("arguments", [["--port", "0"], ["--port", "70000"], ["--workers", "0"],
                                       ["--max-positions", "0"]])
def test_bad_serve_options_start_nothing(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from nedtrapping.cli import main

    assert main(["serve", *arguments]) == 1
    assert "nedtrapping serve: --port 1–65535" in capsys.readouterr().err
