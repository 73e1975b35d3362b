"""Running researchers' ad-hoc SQL on the warehouse safely: read-only, one SELECT, capped, timed.

Safety comes from DuckDB itself (a read-only connection with external access, extension
loading and configuration changes locked off) and from an allow-list of statement types
checked by DuckDB's own parser; a name check on file-reading functions gives a clearer
refusal than the engine's permission error.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path

import duckdb

ALLOWED_TYPES = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
#: table functions that read files or the environment: refused by name
FILE_FUNCTIONS = re.compile(
    r"\b(read_\w+|\w+_scan|glob|sniff_csv|parquet_\w+|getenv|load_extension)\s*\(", re.I)
SAFE_CONFIG = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "memory_limit": "2GB",
    "lock_configuration": True,
}


class QueryError(Exception):
    """The query failed or ran out of time; the message is one line saying why."""


class QueryRefused(QueryError):
    """The statement is not a read-only query; the message is one line saying why.
    (A QueryError too, so callers can catch both at once.)"""


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__


def check_query(con, sql: str) -> None:
    """Refuse anything but a single SELECT/EXPLAIN that reads no files."""
    if not sql or not sql.strip():
        raise QueryRefused("empty query")
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(f"syntax error: {_one_line(exc)}") from None
    if len(statements) != 1:
        raise QueryRefused(f"one statement at a time, got {len(statements)}")
    kind = statements[0].type
    if kind not in ALLOWED_TYPES:
        name = getattr(kind, "name", str(kind))
        raise QueryRefused(f"only read-only SELECT queries are allowed, not {name}")
    match = FILE_FUNCTIONS.search(sql)
    if match:
        raise QueryRefused(f"reading files is not allowed ({match.group(1)})")


def run_query(db_path, sql: str, max_rows: int = 1000, timeout_s: float = 10):
    """Run one read-only query → (columns, rows, truncated).

    At most max_rows rows are returned (truncated tells whether there were more); a query
    still running after timeout_s seconds is interrupted.
    """
    path = Path(db_path)
    if not path.is_file():
        raise QueryError(f"{db_path}: no such warehouse file")
    from warehouse.db import WarehouseError, connect

    try:  # waits while a crawl or load writes a batch (they hold the file only briefly)
        con = connect(path, read_only=True, config=SAFE_CONFIG, wait_s=max(timeout_s, 5))
    except WarehouseError as exc:
        raise QueryError(str(exc)) from None
    timer = threading.Timer(timeout_s, con.interrupt)
    timed_out = threading.Event()
    timer.function = lambda: (timed_out.set(), con.interrupt())
    try:
        check_query(con, sql)
        timer.start()
        try:
            cursor = con.execute(sql)
            columns = [d[0] for d in (cursor.description or [])]
            rows = cursor.fetchmany(max_rows + 1)
        except duckdb.PermissionException as exc:
            raise QueryRefused(f"not allowed: {_one_line(exc)}") from None
        except (duckdb.Error, RuntimeError) as exc:
            if timed_out.is_set() or isinstance(exc, duckdb.InterruptException):
                raise QueryError(f"query stopped: it ran longer than the {timeout_s:g} s "
                                 f"time limit") from None
            raise QueryError(_one_line(exc)) from None
        truncated = len(rows) > max_rows
        return columns, rows[:max_rows], truncated
    finally:
        timer.cancel()
        con.close()
