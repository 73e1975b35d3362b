"""partmon dashboard page script, run for every visit: language, warehouse checks, pages.

Served by app.py (`streamlit run dashboard/app.py -- --db PATH`, or with PARTMON_DB set),
which warms the caches when the server starts; the warehouse is only ever opened read-only.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:  # streamlit puts only dashboard/ on the path
    sys.path.insert(0, str(_ROOT))

import streamlit as st  # noqa: E402

from dashboard import data, urlstate  # noqa: E402
from dashboard.components import sidebar_filters  # noqa: E402
from dashboard.i18n import LANGUAGES, t  # noqa: E402

logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")
_PAGES = Path(__file__).resolve().parent / "views"  # not "pages": see views/__init__.py

st.set_page_config(page_title="partmon", page_icon=":material/forum:", layout="wide")
# no "Deploy" button: this is a local research tool (client options may be set from a script;
# the CSS covers the first page load, drawn before the option reaches the browser)
st.set_option("client.toolbarMode", "minimal")
st.html("<style>[data-testid='stAppDeployButton']{display:none !important}</style>")

st.session_state["lang"] = urlstate.radio(
    "lang", "Język / Language", LANGUAGES, default="pl", container=st.sidebar, sticky=True,
    format_func=lambda code: {"pl": "Polski", "en": "English"}[code], horizontal=True)

pages = [
    st.Page(_PAGES / "overview.py", title=t("page_overview"), icon=":material/dashboard:",
            url_path="overview", default=True),
    st.Page(_PAGES / "municipalities.py", title=t("page_municipalities"),
            icon=":material/location_city:", url_path="municipalities"),
    st.Page(_PAGES / "organisations.py", title=t("page_organisations"),
            icon=":material/groups:", url_path="organisations"),
    st.Page(_PAGES / "documents.py", title=t("page_documents"), icon=":material/description:",
            url_path="documents"),
    st.Page(_PAGES / "sources.py", title=t("page_sources"), icon=":material/travel_explore:",
            url_path="sources"),
    st.Page(_PAGES / "sql.py", title=t("page_sql"), icon=":material/terminal:", url_path="sql"),
]
current = st.navigation(pages)
st.sidebar.caption(t("sidebar_db", path=data.db_path() or "—"))


def _warehouse_ready() -> bool:
    """False (after saying why) when there is nothing the pages could show."""
    try:
        counts = data.query("counts")
    except data.WarehouseUnavailable as exc:
        st.error(str(exc), icon=":material/database:")
        return False
    if int(counts.loc[0, "documents"]) == 0:
        st.title(current.title)
        st.info(t("empty_warehouse"), icon=":material/inbox:")
        return current.url_path == "sql"
    return True


_started = time.perf_counter()
data.take_misses()
try:
    if _warehouse_ready():
        try:
            sidebar_filters()
        except data.WarehouseUnavailable as exc:
            st.error(str(exc), icon=":material/database:")
        else:
            current.run()
finally:
    data.release()  # never keep the file open between runs: a crawl may want to write
    if os.environ.get("PARTMON_DASHBOARD_PROFILE"):  # where a page's time goes
        misses = data.take_misses()
        print(f"partmon-profile page={current.url_path or 'overview'} "
              f"run_ms={(time.perf_counter() - _started) * 1000:.0f} "
              f"queries_ms={sum(s for _, s in misses) * 1000:.0f} "
              f"misses={','.join(n for n, _ in misses) or '-'}", file=sys.stderr, flush=True)
