"""Opening the partmon DuckDB warehouse: writable connections get the schema applied, and every
open waits briefly for another process's lock.

DuckDB lets one process write a file and refuses every other open (read-only too) while it
does. partmon therefore never holds the file for long: writers open, write one batch in one
transaction and close (see `warehouse.load.write_batches`), and every open here retries with
backoff for up to `wait_s` seconds when the file is locked, so readers (the dashboard,
`partmon sql`) and writers take turns instead of failing.
"""
from __future__ import annotations

import hashlib
import random
import time
from pathlib import Path

import duckdb

SCHEMA_PATH = Path(__file__).with_name("schema.sql")
#: how long an open waits for another process's lock by default (seconds)
LOCK_WAIT_S = 30.0
#: write-ahead log size at which a writable connection checkpoints (DuckDB's default: 16MB)
CHECKPOINT_THRESHOLD = "512MB"


class WarehouseError(Exception):
    """A warehouse file that cannot be opened; the message is one line naming it."""


class WarehouseBusy(WarehouseError):
    """Another process held the warehouse locked for longer than we were willing to wait."""


def schema_sql() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def _schema_hash() -> str:
    return hashlib.sha256(schema_sql().encode("utf-8")).hexdigest()[:16]


def apply_schema(con: duckdb.DuckDBPyConnection, force: bool = False) -> None:
    """Create missing tables and (re)set every comment; safe to run on every open.

    Skipped when the file already holds this version of schema.sql (applying all comments
    takes ~0.4 s, too long for writers that open the file for every short batch).
    """
    wanted = _schema_hash()
    if not force:
        try:
            row = con.execute("SELECT schema_hash FROM warehouse_schema").fetchone()
            if row and row[0] == wanted:
                return
        except duckdb.CatalogException:
            pass
    con.execute("BEGIN TRANSACTION")
    try:
        reindex = _drop_lemma_index(con)
        con.execute(schema_sql())
        con.execute("DELETE FROM warehouse_schema")
        con.execute("INSERT INTO warehouse_schema VALUES (?, current_timestamp::TIMESTAMP)",
                    [wanted])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    if reindex:
        from warehouse.search import build_index
        build_index(con)


def _drop_lemma_index(con) -> bool:
    """Files from before search_postings keep the search index as a table search_terms of
    lemma rows, which cannot be turned into word forms: drop it (search_terms becomes a
    view) so that the index is rebuilt from the texts → whether it was there."""
    found = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'search_terms' "
                        "AND schema_name = 'main' AND database_name = current_database()"
                        ).fetchone()[0]
    if found:
        con.execute("DROP TABLE search_terms")
        con.execute("DROP TABLE IF EXISTS search_postings")
        con.execute("DROP TABLE IF EXISTS search_words")
        con.execute("DELETE FROM search_lemmas")
        con.execute("DELETE FROM search_index_state")
    return bool(found)


def is_lock_conflict(exc: BaseException) -> bool:
    """Does this DuckDB error say another process holds the file?"""
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def connect(path, read_only: bool = False, config: dict | None = None,
            wait_s: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse at `path`; writable opens create it and ensure the schema.

    `path` may be ":memory:" for a throw-away warehouse. While another process holds the
    file, the open is retried with growing pauses for up to `wait_s` seconds (default
    LOCK_WAIT_S), then fails with WarehouseBusy naming the file.
    """
    name = str(path)
    if name != ":memory:":
        file = Path(name)
        if read_only and not file.is_file():
            raise WarehouseError(f"{name}: no such warehouse file (run a crawl or load first)")
        if not read_only:
            file.parent.mkdir(parents=True, exist_ok=True)
    wait_s = LOCK_WAIT_S if wait_s is None else wait_s
    deadline = time.monotonic() + wait_s
    pause = 0.01
    while True:
        try:
            con = duckdb.connect(name, read_only=read_only, config=dict(config or {}))
            break
        except duckdb.Error as exc:
            if not is_lock_conflict(exc):
                raise WarehouseError(f"{name}: cannot open warehouse: {_first_line(exc)}") from exc
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"{name}: warehouse is busy: another process kept it locked for more than "
                    f"{wait_s:g} s (a long write?); try again later") from exc
            time.sleep(min(pause * (1 + random.random()), max(0.0, deadline - time.monotonic())))
            pause = min(pause * 2, 0.05)  # poll often: writers leave only short gaps
    if not read_only:
        try:
            # checkpoint when the writer closes, not every 16 MB of log: a bulk load that
            # checkpointed every batch rewrote the tables' last row groups again and again
            con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_THRESHOLD}'")
            apply_schema(con)
        except Exception:
            con.close()
            raise
    return con
