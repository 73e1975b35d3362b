"""`partmon dashboard` on the warehouse the pipeline built, opened in real headless Chromium."""
from __future__ import annotations

import subprocess
import time
import urllib.request

import pytest

from conftest import ARTIFACTS, PARTMON, REPO, free_port


@pytest.fixture(scope="module")
def dashboard_url(pipeline_db):
    port = free_port()
    proc = subprocess.Popen(PARTMON + ["dashboard", "--db", str(pipeline_db["db"]), "--port", str(port)],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url + "_stcore/health", timeout=2)
                break
            except OSError:
                if proc.poll() is not None:
                    raise AssertionError(f"dashboard exited: {proc.stdout.read()[-2000:]}")
                time.sleep(0.5)
        else:
            raise AssertionError("dashboard did not come up within 90 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_dashboard_shows_a_municipality_from_the_warehouse(dashboard_url, chromium_browser, demo_site):
    page = chromium_browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(dashboard_url)
    name = demo_site["manifest"]["municipalities"][0]["name"]
    page.get_by_text(name).first.wait_for(timeout=60_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "e2e-overview.png"), full_page=True)
    assert "Traceback" not in page.content()
    page.close()
