"""Many machines, one crawl: two worker processes (`python -m crawler.runner`) share one
frontier in a real redis-server (scrapy-redis switched on by REDIS_URL alone) against one
fixture site on 127.0.0.1. Every document is harvested exactly once over both workers, and
both stop by themselves once the frontier stays empty."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from crawl_site import serve_site
from test_crawler_crawl import EXPECTED_DOCUMENTS, FAST, PDF_COPIES, sources_toml

SKIP = ("/wolna-strona", "/kalendarz")  # the slow page and the calendar: not what is tested here
REPO = Path(__file__).resolve().parents[1]
IDLE_SECONDS = 2

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def redis_url(tmp_path):
    """A throw-away redis-server on 127.0.0.1, no persistence; killed at the end."""
    port = free_port()
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                pytest.fail("redis-server did not start")
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.kill()
        proc.wait(timeout=10)


def start_worker(sources: Path, out: Path, redis_url: str) -> subprocess.Popen:
    settings = {**FAST, "CONCURRENT_REQUESTS": 2, "REDIS_URL": redis_url, "PARTMON_IDLE_CLOSE_SECONDS": IDLE_SECONDS,
                "PARTMON_CRAWL_ID": "test", "PARTMON_CALENDAR_MAX_PAGES": 3}
    args = [sys.executable, "-m", "crawler.runner", str(sources), "--out", str(out)]
    for key, value in settings.items():
        args += ["--set", f"{key}={value}"]
    return subprocess.Popen(args, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_workers_share_one_frontier(tmp_path, redis_url):
    with serve_site(delay=0.05) as server:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(server.base_url, bip=False, exclude=SKIP), encoding="utf-8")
        outs = [tmp_path / "worker1.jsonl", tmp_path / "worker2.jsonl"]
        workers = [start_worker(sources, out, redis_url) for out in outs]
        try:
            results = [w.communicate(timeout=120) for w in workers]  # they must stop by themselves
        finally:
            for w in workers:
                if w.poll() is None:
                    w.kill()
        requested = [p for p, _ in server.requests]
    for w, (_, err) in zip(workers, results):
        assert w.returncode == 0, err[-2000:]
    harvested = [{json.loads(line)["url"].removeprefix(server.base_url)
                  for line in out.read_text().splitlines()} for out in outs]
    both = harvested[0] | harvested[1]
    assert harvested[0] & harvested[1] == set()  # nothing harvested twice
    assert len(both & PDF_COPIES) == 1 and both - PDF_COPIES == EXPECTED_DOCUMENTS
    assert all(harvested), "both workers did part of the work"
    # one frontier: no URL fetched by both workers (robots.txt is each worker's own; /awaria
    # and the flaky page are retried)
    counts = Counter(requested)
    assert counts["/robots.txt"] == 2 and counts["/"] == 1
    assert "/wolna-strona" not in counts  # excluded by the sources file, in both workers
    retried = {"/robots.txt", "/awaria", "/aktualnosci/sprawozdanie-rady-seniorow"}
    assert {p: n for p, n in counts.items() if n > 1 and p not in retried} == {}
