"""Benchmark: the JSON API under load on loopback (not a test; run by hand).

Starts ``nedtrapping serve`` on a free port of 127.0.0.1, then 50 concurrent clients send 2 000
plan requests of 20 positions each (a positions document, ``POST /api/plan?explain=none``) over
keep-alive connections, and prints the latency p50/p95/p99, the throughput and the errors.

    .venv/bin/python benchmarks/bench_web.py [REQUESTS] [CLIENTS] [--explain cells] [--workers 2]

The target of the issue: p95 under 100 ms on the project's two-core machine. The test suite runs a
small bounded version that asserts no errors, never timings (``tests/test_web_serve.py``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def document(i: int) -> bytes:
    positions = [{"municipality": f"Kommune {i % 356}", "position": f"Stilling {j}", "percent": str(50 + (i + j) % 51),
                  "first_grant_year": 2021 if j % 3 else 2018,
                  "cost": {"kind": "growing", "base": str(600_000 + 1000 * j), "base_year": 2022,
                           "growth_percent": "3.5"}} for j in range(20)]
    return json.dumps({"document": "nedtrapping.positions", "document_version": 1, "scheme": "kommunalt-rusarbeid",
                       "positions": positions}).encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("requests", nargs="?", type=int, default=2000)
    parser.add_argument("clients", nargs="?", type=int, default=50)
    parser.add_argument("--explain", default="none", choices=("none", "cells", "full"))
    parser.add_argument("--workers", type=int, default=1, help="nedtrapping serve --workers")
    args = parser.parse_args()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen([sys.executable, "-m", "nedtrapping", "serve", "--port", str(port), "--workers",
                               str(args.workers)], env=env,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/schemes", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        bodies = [document(i) for i in range(args.requests)]
        per_client = [list(range(k, args.requests, args.clients)) for k in range(args.clients)]

        def client(indices: list[int]) -> list[tuple[float, int]]:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            out = []
            try:
                for i in indices:
                    start = time.perf_counter()
                    connection.request("POST", f"/api/plan?explain={args.explain}", body=bodies[i],
                                       headers={"content-type": "application/json"})
                    answer = connection.getresponse()
                    answer.read()
                    out.append((time.perf_counter() - start, answer.status))
            finally:
                connection.close()
            return out

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            results = [r for rs in pool.map(client, per_client) for r in rs]
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies = sorted(t * 1000 for t, _ in results)
    errors = sum(1 for _, status in results if status != 200)
    cut = statistics.quantiles(latencies, n=100)
    print(f"{len(results)} plan requests of 20 positions, {args.clients} concurrent clients, explain={args.explain}, "
          f"{args.workers} server process(es), {os.cpu_count()} CPUs")
    print(f"p50 {cut[49]:.1f} ms, p95 {cut[94]:.1f} ms, p99 {cut[98]:.1f} ms, max {latencies[-1]:.1f} ms; "
          f"{len(results) / elapsed:.0f} requests/s; errors: {errors}")


if __name__ == "__main__":
    main()
