"""`partmon dashboard` on the warehouse the pipeline built, opened in real headless Chromium."""
from __future__ import annotations

import pytest

from conftest import ARTIFACTS, running_dashboard


@pytest.fixture(scope="module")
def dashboard_url(pipeline_db):
    with running_dashboard(pipeline_db["db"], pipeline_db["db"].with_suffix(".dashboard.log")) as url:
        yield url


def test_dashboard_shows_a_municipality_from_the_warehouse(dashboard_url, chromium_browser, demo_site):
    page = chromium_browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(dashboard_url)
    name = demo_site["manifest"]["municipalities"][0]["name"]
    page.get_by_text(name).first.wait_for(timeout=60_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "e2e-overview.png"), full_page=True)
    assert "Traceback" not in page.content()
    page.close()
