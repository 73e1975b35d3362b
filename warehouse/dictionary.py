"""The data dictionary: every warehouse table and column with its type and comment.

Generated from the COMMENTs in schema.sql, so the documentation cannot drift from the
schema. `python -m warehouse.dictionary` rewrites warehouse/DATA_DICTIONARY.md.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

DICTIONARY_PATH = Path(__file__).with_name("DATA_DICTIONARY.md")


def table_comments(con) -> dict[str, str | None]:
    """{table or view: comment} of the warehouse's own tables (schema order), then views."""
    rows = con.execute(
        """SELECT table_name, comment FROM (
               SELECT table_name, comment, 0 AS is_view, table_oid AS oid FROM duckdb_tables()
               WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()
               UNION ALL
               SELECT view_name, comment, 1, view_oid FROM duckdb_views()
               WHERE NOT internal AND schema_name = 'main' AND database_name = current_database())
           ORDER BY is_view, oid""").fetchall()
    return {name: comment for name, comment in rows}


def view_names(con) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' "
        "AND database_name = current_database()").fetchall()}


def data_dictionary(con) -> list[tuple[str, str, str, str | None]]:
    """[(table, column, type, comment)] for every column of every warehouse table."""
    tables = table_comments(con)
    rows = con.execute(
        """SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
           WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()
           ORDER BY table_oid, column_index""").fetchall()
    order = {name: i for i, name in enumerate(tables)}
    return sorted((row for row in rows if row[0] in tables), key=lambda row: order[row[0]])


def _cell(text) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render_markdown(con, note: str | None = None, skip_prefix: str | None = None) -> str:
    """The dictionary as a markdown document: one section per table (an optional note
    first; tables whose name starts with skip_prefix left out)."""
    tables = table_comments(con)
    columns = data_dictionary(con)
    views = view_names(con)
    out = ["# partmon data dictionary", "",
           "Generated from the comments in `warehouse/schema.sql` by "
           "`python -m warehouse.dictionary`; do not edit by hand.", ""]
    if note:
        out += [note, ""]
    for table, comment in tables.items():
        if skip_prefix and table.startswith(skip_prefix):
            continue
        title = f"## `{table}` (view)" if table in views else f"## `{table}`"
        out += [title, "", _cell(comment), "",
                "| column | type | meaning |", "| --- | --- | --- |"]
        out += [f"| `{col}` | {typ} | {_cell(text)} |"
                for tab, col, typ, text in columns if tab == table]
        out.append("")
    return "\n".join(out)


def render_csv(con, skip_prefix: str | None = None) -> str:
    """The dictionary as CSV: table, column, type, comment (table rows have an empty column)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["table", "column", "type", "comment"])
    keep = (lambda t: not t.startswith(skip_prefix)) if skip_prefix else (lambda t: True)
    for table, comment in table_comments(con).items():
        if keep(table):
            writer.writerow([table, "", "TABLE", comment or ""])
    for row in data_dictionary(con):
        if keep(row[0]):
            writer.writerow([row[0], row[1], row[2], row[3] or ""])
    return buf.getvalue()


#: how the warehouse is written and read; printed at the top of DATA_DICTIONARY.md
LOADING_NOTE = """\
**Loading.** The unit of atomicity is one document: a document's extraction (its rows in
every extracted table, its organisations, its process and its `documents` columns) is
stored all-or-nothing, so a crash or kill during a load leaves each document either as it
was before or fully loaded, never half. Loads write batches of documents, each batch in one
transaction (a batch of extractions is all-or-nothing as a whole, hence for each of its
documents); a record the warehouse refuses is stored as that document's `extraction_error`
and does not stop the batch. `processes` rows are re-aggregated from their documents in the
same transaction.

**Reading while loading.** DuckDB lets one process write a file and refuses other opens
meanwhile, so crawls and loads hold the file only while writing one batch (then close it),
and every open through `warehouse.db.connect` (`partmon sql`, `partmon export`) retries
for a while when the file is locked. A reader sees whole batches only.

**Regions.** `partmon gazetteer load FILE` loads the official TERC register into
`gazetteer_units` and gives municipalities their TERC code, powiat and voivodeship
(`municipalities.terc_match` says how); group by `municipalities.voivodeship`,
`municipalities.powiat` or a prefix of `municipalities.terc`."""


def schema_markdown() -> str:
    """The markdown dictionary of a fresh warehouse built from schema.sql alone."""
    from warehouse.db import connect
    con = connect(":memory:")
    try:
        return render_markdown(con, note=LOADING_NOTE)
    finally:
        con.close()


if __name__ == "__main__":
    DICTIONARY_PATH.write_text(schema_markdown(), encoding="utf-8")
    print(f"wrote {DICTIONARY_PATH}")
