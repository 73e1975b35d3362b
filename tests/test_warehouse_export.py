"""Exports of a real warehouse: every table readable back by DuckDB and pyarrow, no bodies."""
from __future__ import annotations

import csv

import duckdb
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from test_warehouse_samples import REQUIRED_TABLES, load_both
from warehouse.db import connect
from warehouse.export import ExportError, export
from warehouse.load import Loader


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "partmon.duckdb"
    con = connect(path)
    load_both(Loader(con))
    con.close()
    return path


def test_parquet_export_is_complete_and_partitioned(db_path, tmp_path):
    written = export(db_path, "parquet", tmp_path)
    assert REQUIRED_TABLES <= set(written)
    goals = duckdb.sql(f"SELECT voivodeship, document_year, text FROM read_parquet("
                       f"'{tmp_path}/goals/**/*.parquet', hive_partitioning = true) "
                       f"ORDER BY text").fetchall()
    assert len(goals) == 4 and {g[:2] for g in goals} == {("podlaskie", 2024)}
    assert (tmp_path / "documents" / "voivodeship=podlaskie" / "document_year=2024").is_dir()
    documents = ds.dataset(tmp_path / "documents", format="parquet", partitioning="hive").to_table()
    assert documents.num_rows == 2
    assert "body" not in documents.column_names and "text" in documents.column_names
    organisations = pq.read_table(tmp_path / "organisations.parquet")
    assert organisations.num_rows == 6
    export(db_path, "parquet", tmp_path)  # again into the same folder: replaced, not doubled
    again = ds.dataset(tmp_path / "goals", format="parquet", partitioning="hive").to_table()
    assert again.num_rows == 4
    assert "## `organisations`" in (tmp_path / "DATA_DICTIONARY.md").read_text(encoding="utf-8")


def test_csv_export_and_dictionary(db_path, tmp_path):
    written = export(db_path, "csv", tmp_path)
    for table in REQUIRED_TABLES:
        assert written[table].name == f"{table}.csv"
    rows = duckdb.sql(f"SELECT name FROM read_csv('{tmp_path}/funding.csv')").fetchall()
    assert rows == [("Fundusz Inicjatyw Obywatelskich",)]
    with open(tmp_path / "documents.csv", encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert "body" not in header and "url" in header
    with open(tmp_path / "data_dictionary.csv", encoding="utf-8", newline="") as f:
        dictionary = list(csv.DictReader(f))
    assert {"table": "meetings", "column": "participants", "type": "INTEGER",
            "comment": "Number of participants (people), or null."} in dictionary
    assert not any(r["table"].startswith("search_") for r in dictionary)


def test_bad_format_and_missing_file_are_named(db_path, tmp_path):
    with pytest.raises(ExportError, match="xlsx"):
        export(db_path, "xlsx", tmp_path)
    with pytest.raises(ExportError, match="nothing.duckdb"):
        export(tmp_path / "nothing.duckdb", "csv", tmp_path / "out")
