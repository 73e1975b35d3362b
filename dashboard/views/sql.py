"""SQL: a read-only query box over the warehouse; the query lives in the URL, results go to CSV."""
from __future__ import annotations

import html
import re
import time

import pandas as pd
import streamlit as st

from dashboard import data, urlstate
from dashboard.components import show_html, table
from dashboard.i18n import t

MAX_ROWS = 5000
TIMEOUT_S = 20
EXAMPLES = [
    "SELECT name, voivodeship, kind FROM municipalities ORDER BY voivodeship, name",
    "SELECT mu.name AS municipality, p.area, p.text\nFROM priority_tasks p\n"
    "JOIN documents d ON d.id = p.document_id\nJOIN municipalities mu ON mu.id = d.municipality_id\n"
    "ORDER BY municipality, p.area",
    "SELECT o.name, count(DISTINCT om.document_id) AS documents\nFROM organisations o\n"
    "JOIN organisation_mentions om ON om.organisation_id = o.id\nGROUP BY o.name ORDER BY documents DESC",
]


@st.cache_data(show_spinner=False, max_entries=64)
def _run(path: str, mtime: float, sql: str, max_rows: int):
    from warehouse.sql import run_query

    return run_query(path, sql, max_rows=max_rows, timeout_s=TIMEOUT_S)


def _run_waiting(path: str, sql: str):
    """`_run`, retried while a crawl or load holds the file (it does so in short bursts)."""
    from warehouse.db import is_lock_conflict

    deadline = time.monotonic() + data.LOCK_WAIT_S
    pause = 0.05
    while True:
        try:
            return _run(path, data.file_stamp(path), sql, MAX_ROWS)
        except Exception as exc:
            if not is_lock_conflict(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


# warehouse.sql's one-line errors (English) → label keys; the named parts are kept
_ERRORS = [
    (re.compile(r"^empty query$"), "sql_err_empty"),
    (re.compile(r"^one statement at a time, got (?P<n>\d+)"), "sql_err_statements"),
    (re.compile(r"^only read-only SELECT queries are allowed, not (?P<kind>\w+)"),
     "sql_err_not_select"),
    (re.compile(r"^reading files is not allowed \((?P<name>[^)]*)\)"), "sql_err_files"),
    (re.compile(r"^not allowed: (?P<reason>.*)"), "sql_err_permission"),
    (re.compile(r"^syntax error: (?P<reason>.*)"), "sql_err_syntax"),
    (re.compile(r"^query stopped: it ran longer than the (?P<seconds>[\d.]+) s"),
     "sql_err_timeout"),
    (re.compile(r"^(?P<path>.+): no such warehouse file"), "sql_err_no_file"),
    (re.compile(r"^(?P<path>.+): cannot open warehouse: (?P<reason>.*)"), "sql_err_open"),
    (re.compile(r"^(?P<reason>(Catalog|Binder|Parser|Conversion) Error: .*)"), "sql_err_query"),
]


def sql_error_message(message: str) -> str:
    """The error in the interface's language where we know its form, else as it came."""
    for pattern, key in _ERRORS:
        match = pattern.match(message)
        if match:
            return t(key, **match.groupdict())
    return message


def draw() -> None:
    st.title(t("page_sql"))
    st.caption(t("sql_intro", rows=MAX_ROWS, seconds=TIMEOUT_S))
    with st.expander(t("sql_examples")):
        # plain text: a code block would load a 1.5 MB syntax highlighter first
        show_html("".join(f'<pre class="pm-sql" style="background:#f8f9fa;padding:8px 10px;'
                          f'border-radius:6px;font-size:0.85rem;white-space:pre-wrap;'
                          f'user-select:all">{html.escape(example)}</pre>' for example in EXAMPLES))
        st.caption(t("sql_tables_hint"))
    with st.form("sql_form", border=False):
        sql = urlstate.text_area("q", t("sql_query"), height=160,
                                 placeholder="SELECT * FROM documents LIMIT 10")
        st.form_submit_button(t("sql_run"), icon=":material/play_arrow:", type="primary")
    if not sql:
        return
    path = data.db_path()
    if not path:
        raise data.WarehouseUnavailable(t("err_no_db_arg"))
    try:
        columns, rows, truncated = _run_waiting(path, sql)
    except ImportError:
        st.error(t("sql_unavailable"))
        return
    except Exception as exc:  # run_query's errors carry a one-line message for the user
        data.log.info("query refused or failed: %s", exc)
        st.error(sql_error_message(data.first_line(exc)), icon=":material/error:")
        return
    frame = pd.DataFrame([list(r) for r in rows], columns=columns)
    note = t("sql_rows", n=len(frame))
    if truncated:
        note += " " + t("sql_truncated", n=MAX_ROWS)
    st.caption(note)
    table(frame, {c: None for c in frame.columns}, "query", key="sql_result")


data.guarded(draw)
