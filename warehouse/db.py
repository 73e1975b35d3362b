"""Opening the partmon DuckDB warehouse: writable connections get the schema applied."""
from __future__ import annotations

from pathlib import Path

import duckdb

SCHEMA_PATH = Path(__file__).with_name("schema.sql")


class WarehouseError(Exception):
    """A warehouse file that cannot be opened; the message is one line naming it."""


def schema_sql() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and (re)set every comment; safe to run on every open."""
    con.execute(schema_sql())


def connect(path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse at `path`; writable opens create it and ensure the schema.

    `path` may be ":memory:" for a throw-away warehouse.
    """
    name = str(path)
    if name != ":memory:":
        file = Path(name)
        if read_only and not file.is_file():
            raise WarehouseError(f"{name}: no such warehouse file (run a crawl or load first)")
        if not read_only:
            file.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(name, read_only=read_only)
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise WarehouseError(f"{name}: cannot open warehouse: {first}") from exc
    if not read_only:
        apply_schema(con)
    return con
