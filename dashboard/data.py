"""Where the dashboard gets its data: the warehouse path, read-only connections, cached queries.

Pages never write SQL; they call `query("name", **filters)`, which runs
`warehouse.dashboard_queries.name` (lighter forms: only the rows a page draws) or else
`warehouse.queries.name` as `(con, **filters)` on a read-only connection and caches the
DataFrame keyed by the filters and the warehouse file's modification time (a load shows new
data). warm.py runs the usual pages' queries when the server starts and after each load.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from warehouse import dashboard_queries
from dashboard.i18n import t
from warehouse import db as _db
from warehouse import queries
from warehouse import sql as _sql

log = logging.getLogger("partmon.dashboard")


class WarehouseUnavailable(Exception):
    """The warehouse cannot be read; the message is one line meant for the user."""


def db_path() -> str | None:
    """The DuckDB path from `--db PATH` after `--` on the streamlit command line, or PARTMON_DB."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db")
    args, _ = parser.parse_known_args(sys.argv[1:])
    return args.db or os.environ.get("PARTMON_DB") or None


def file_stamp(path: str) -> float:
    """Changes whenever the warehouse file (or its WAL) is written: part of every cache key."""
    stamps = [os.stat(p).st_mtime_ns for p in (path, path + ".wal") if os.path.exists(p)]
    return max(stamps) if stamps else 0


#: how long a page waits for a writer (a crawl, a load) to let go of the file, in seconds;
#: writers hold it in short bursts, so this is only reached when one is stuck
LOCK_WAIT_S = 20.0


def open_read_only(path: str):
    """A read-only connection that waits (retrying) while a crawl or load holds the file.

    Uses the same settings as warehouse.sql, so both can have the file open in one process.
    """
    return _db.connect(path, read_only=True, config=dict(getattr(_sql, "SAFE_CONFIG", {})),
                       wait_s=LOCK_WAIT_S)


_run = threading.local()  # Streamlit runs each script run in its own thread


def _connection(path: str):
    """The read-only connection of the current script run, opened on its first cache miss
    and closed by `release()` when the run ends (so a writer waits at most one page run)."""
    con = getattr(_run, "con", None)
    if con is None or _run.path != path:
        release()
        _run.con, _run.path = open_read_only(path), path
    return _run.con


def release() -> None:
    """Close the current run's connection, if any: app.py calls it after every page run."""
    con = getattr(_run, "con", None)
    _run.con = None
    if con is not None:
        con.close()


def _function(name: str):
    """The query function called `name`: the dashboard's own form first."""
    return getattr(dashboard_queries, name, None) or getattr(queries, name)


@st.cache_data(show_spinner=False, max_entries=2048)
def _cached(path: str, mtime: float, name: str, filters: tuple) -> pd.DataFrame:
    t0 = time.perf_counter()
    try:
        return _function(name)(_connection(path), **dict(filters))
    finally:  # only reached on a cache miss
        _run.misses = getattr(_run, "misses", []) + [(name, time.perf_counter() - t0)]


def take_misses() -> list[tuple[str, float]]:
    """(query, seconds) of the queries this thread ran since the last call (cache misses)."""
    misses, _run.misses = getattr(_run, "misses", []), []
    return misses


def _freeze(value):
    if isinstance(value, (list, tuple, set)):
        return tuple(_freeze(v) for v in value)
    return value


def query(name: str, **filters) -> pd.DataFrame:
    """Run `warehouse.queries.<name>` read-only with `filters`; cached until the file changes."""
    path = db_path()
    if not path:
        raise WarehouseUnavailable(t("err_no_db_arg"))
    if not Path(path).is_file():
        raise WarehouseUnavailable(t("err_missing_file", path=path))
    key = tuple(sorted((k, _freeze(v)) for k, v in filters.items()))
    try:
        frame = _cached(path, file_stamp(path), name, key)
    except _db.WarehouseBusy as exc:
        log.warning("query %s: %s", name, exc)
        raise WarehouseUnavailable(t("err_busy", path=path, seconds=f"{LOCK_WAIT_S:g}")) from exc
    except _db.WarehouseError as exc:
        log.warning("query %s: %s", name, exc)
        reason = first_line(exc.__cause__ or exc)
        raise WarehouseUnavailable(t("err_unreadable", path=path, reason=reason)) from exc
    except (duckdb.CatalogException, duckdb.BinderException) as exc:
        log.exception("query %s failed on %s", name, path)
        raise WarehouseUnavailable(t("err_schema", path=path, reason=first_line(exc))) from exc
    except duckdb.Error as exc:
        log.exception("query %s failed on %s", name, path)
        raise WarehouseUnavailable(t("err_unreadable", path=path, reason=first_line(exc))) from exc
    return frame  # st.cache_data hands out a fresh copy: pages may modify it


def has_processes() -> bool:
    """Does the warehouse group documents into processes (newer schema)? Pages show the
    process filter and process columns only then."""
    try:
        return bool(query("has_processes").loc[0, "present"])
    except WarehouseUnavailable:
        return False


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def guarded(draw) -> None:
    """Run a page body; a warehouse problem becomes one clear message instead of a traceback."""
    try:
        draw()
    except WarehouseUnavailable as exc:
        st.error(str(exc), icon=":material/database:")


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as CSV, UTF-8 with BOM so spreadsheets read Polish letters."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def csv_download(frame, name: str, key: str | None = None) -> None:
    """A CSV download button for a table, or for the table a function returns (a query of
    every row, run only when the button is clicked). The file is written on the click, not
    on every run of the page."""
    def build() -> bytes:
        try:
            return csv_bytes(frame() if callable(frame) else frame)
        finally:
            release()  # runs in a worker thread of its own: do not keep the file open

    st.download_button(t("download_csv"), build, file_name=f"{name}.csv", mime="text/csv",
                       key=key or f"csv_{name}", icon=":material/download:", on_click="ignore")
