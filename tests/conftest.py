"""Shared fixtures: the demo site served on 127.0.0.1 and a warehouse built from it by the real CLI."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PARTMON = [sys.executable, "-m", "warehouse.cli"]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
FAST_CRAWL = ["--set", "AUTOTHROTTLE_ENABLED=False", "--set", "DOWNLOAD_DELAY=0"]


def partmon(*args: str, check: bool = True, cwd=None, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run the real `partmon` command line in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(PARTMON + list(args), capture_output=True, text=True, cwd=cwd or REPO,
                          env=env, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"partmon {' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc


def sql_json(db: Path, query: str) -> list[dict]:
    out = partmon("sql", "--db", str(db), "--format", "json", "--max-rows", "100000", query).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_sources(path: Path, manifest: dict, base_url: str) -> Path:
    """A sources file (TOML) naming each demo municipality as a source."""
    lines = []
    for m in manifest["municipalities"]:
        lines += ["[[source]]", f'name = "{m["slug"]}"', f'municipality = "{m["name"]}"',
                  f'voivodeship = "{m["voivodeship"]}"',
                  *([f'terc = "{m["terc"]}"'] if m.get("terc") else []),
                  f'start_urls = ["{base_url}{m["start_path"]}"]', 'spider = "cms"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def no_terc(monkeypatch):
    """No TERC register: municipality names come from the text alone."""
    monkeypatch.delenv("PARTMON_TERC", raising=False)


@pytest.fixture
def small_terc(request, monkeypatch, tmp_path):
    """The test module's `SMALL_TERC` (a few rows in the register's official layout) as the register."""
    path = tmp_path / "terc.csv"
    path.write_text(request.module.SMALL_TERC, encoding="utf-8")
    monkeypatch.setenv("PARTMON_TERC", str(path))
    return path


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    from crawler.demosite import generate, serve

    root = tmp_path_factory.mktemp("demo-site")
    manifest = generate(root)
    with serve(root) as server:
        yield {"root": root, "manifest": manifest, "server": server, "base_url": server.base_url}


@pytest.fixture(scope="session")
def pipeline_db(demo_site, tmp_path_factory):
    """The demo site crawled, extracted and loaded by `partmon run` (run twice: idempotence)."""
    work = tmp_path_factory.mktemp("warehouse")
    sources = write_sources(work / "sources.toml", demo_site["manifest"], demo_site["base_url"])
    db = work / "partmon.duckdb"
    first = partmon("run", "--sources", str(sources), "--db", str(db), *FAST_CRAWL)
    return {"db": db, "sources": sources, "first_run": first}


@pytest.fixture(scope="session")
def chromium_browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def running_dashboard(db: Path, log: Path, timeout_s: float = 90):
    """The dashboard started by the real `partmon dashboard` command, until the block ends
    (see tests/dashboard_fixture.py, shared with the dashboard benchmark)."""
    from dashboard_fixture import running_dashboard as start

    with start(db, log, timeout_s) as url:
        yield url
