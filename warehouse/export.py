"""Exporting the warehouse for researchers: every table as Parquet or CSV plus the data dictionary.

The raw document bodies (BLOB) stay behind. Parquet exports of documents and of the rows
extracted from them are partitioned Hive-style by the document's voivodeship and year
(`documents/voivodeship=podlaskie/document_year=2024/…`), so a study of one region or year
reads only its files; every other table, and every CSV, is one file.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from warehouse.dictionary import render_csv, render_markdown, table_comments

FORMATS = ("parquet", "csv")
PARTITION_COLUMNS = ("voivodeship", "document_year")
INTERNAL_PREFIX = "search_"   # the search index is rebuilt from documents, not exported
PARQUET_NOTE = ("In this Parquet export `documents` and every table with a `document_id` "
                "are folders partitioned Hive-style by `voivodeship` (of the document's "
                "municipality, `unknown` when none) and `document_year`; read them with "
                "`read_parquet('TABLE/**/*.parquet', hive_partitioning = true)` to get both "
                "back as columns. The raw document bodies are not exported.")
CSV_NOTE = "The raw document bodies (`documents.body`) are not exported."


class ExportError(Exception):
    """The export cannot be made; the message is one line naming the input."""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(con, table: str) -> list[tuple[str, str]]:
    return con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
        "AND schema_name = 'main' AND database_name = current_database() ORDER BY column_index",
        [table]).fetchall()


def _select(con, table: str, partitioned: bool) -> str:
    """SELECT of the table's non-BLOB columns, with partition columns added when asked."""
    cols = [name for name, kind in _columns(con, table) if kind != "BLOB"]
    if not partitioned:
        return f"SELECT {', '.join(_quote(c) for c in cols)} FROM {_quote(table)}"
    if table == "documents":
        body = ", ".join(f"t.{_quote(c)}" for c in cols)
        return (f"SELECT {body}, coalesce(m.voivodeship, 'unknown') AS voivodeship "
                f"FROM documents t LEFT JOIN municipalities m ON m.id = t.municipality_id")
    body = ", ".join(f"t.{_quote(c)}" for c in cols)
    return (f"SELECT {body}, coalesce(m.voivodeship, 'unknown') AS voivodeship, "
            f"d.document_year FROM {_quote(table)} t "
            f"LEFT JOIN documents d ON d.id = t.document_id "
            f"LEFT JOIN municipalities m ON m.id = d.municipality_id")


def _partitionable(con, table: str) -> bool:
    names = {name for name, _ in _columns(con, table)}
    return table == "documents" or "document_id" in names


def _sql_string(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export(db_path, fmt: str, out_dir) -> dict[str, Path]:
    """Write every table and the data dictionary to out_dir → {table or file: path}."""
    from warehouse.db import WarehouseError, connect

    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    try:
        con = connect(db_path, read_only=True)
    except WarehouseError as exc:
        raise ExportError(str(exc)) from None
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    try:
        for table in table_comments(con):
            if table.startswith(INTERNAL_PREFIX):
                continue
            rows = con.execute(f"SELECT count(*) FROM {_quote(table)}").fetchone()[0]
            partitioned = fmt == "parquet" and rows > 0 and _partitionable(con, table)
            if (out / table).is_dir():  # an earlier partitioned export of this table
                shutil.rmtree(out / table)
            if partitioned:
                target = out / table
                options = (f"FORMAT parquet, PARTITION_BY ({', '.join(PARTITION_COLUMNS)}), "
                           f"OVERWRITE_OR_IGNORE true")
            elif fmt == "parquet":
                target = out / f"{table}.parquet"
                options = "FORMAT parquet"
            else:
                target = out / f"{table}.csv"
                options = "FORMAT csv, HEADER true"
            con.execute(f"COPY ({_select(con, table, partitioned)}) TO {_sql_string(target)} "
                        f"({options})")
            written[table] = target
        markdown = out / "DATA_DICTIONARY.md"
        note = PARQUET_NOTE if fmt == "parquet" else CSV_NOTE
        markdown.write_text(render_markdown(con, note=note, skip_prefix=INTERNAL_PREFIX),
                            encoding="utf-8")
        dictionary_csv = out / "data_dictionary.csv"
        dictionary_csv.write_text(render_csv(con, skip_prefix=INTERNAL_PREFIX), encoding="utf-8")
        written["DATA_DICTIONARY.md"] = markdown
        written["data_dictionary.csv"] = dictionary_csv
    finally:
        con.close()
    return written
