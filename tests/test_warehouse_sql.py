"""Ad-hoc SQL on a real warehouse file: reads work, anything else is refused, runaways stop."""
from __future__ import annotations

import pytest

from test_warehouse_samples import load_both
from warehouse.db import connect
from warehouse.load import Loader
from warehouse.sql import QueryError, QueryRefused, run_query


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("sql") / "partmon.duckdb"
    con = connect(path)
    load_both(Loader(con))
    con.close()
    return path


def test_select_returns_columns_rows_and_truncation(db_path):
    columns, rows, truncated = run_query(
        db_path, "SELECT d.url, g.text FROM goals g JOIN documents d ON d.id = g.document_id "
                 "ORDER BY d.url, g.item_no", max_rows=2)
    assert columns == ["url", "text"]
    assert rows == [("https://bialystok.example/sprawozdanie",
                     "wzmacnianie partnerstwa miasta i organizacji pozarządowych"),
                    ("https://bialystok.example/sprawozdanie",
                     "zwiększenie udziału mieszkańców w życiu publicznym")]
    assert truncated is True
    assert run_query(db_path, "SELECT count(*) AS n FROM goals")[1:] == ([(4,)], False)
    assert run_query(db_path, "WITH g AS (FROM goals) SELECT count(*) FROM g")[1] == [(4,)]


@pytest.mark.parametrize("sql, reason", [
    ("INSERT INTO funding VALUES ('x', 9, 'y', NULL, NULL)", "INSERT"),
    ("DROP TABLE goals", "DROP"),
    ("UPDATE goals SET text = 'x'", "UPDATE"),
    ("DELETE FROM goals", "DELETE"),
    ("CREATE TABLE t AS SELECT 1", "CREATE"),
    ("ATTACH '/tmp/other.duckdb' AS other", "ATTACH"),
    ("COPY goals TO '/tmp/goals.csv'", "COPY"),
    ("INSTALL httpfs", "LOAD"),
    ("LOAD fts", "LOAD"),
    ("SET enable_external_access = true", "SET"),
    ("PRAGMA enable_profiling", "PRAGMA"),
    ("SELECT * FROM read_csv('/etc/passwd')", "read_csv"),
    ("SELECT * FROM read_text('/etc/hostname')", "read_text"),
    ("SELECT * FROM glob('/etc/*')", "glob"),
    ("SELECT 1; DROP TABLE goals", "one statement"),
    ("   ", "empty"),
])
def test_writes_ddl_and_file_access_are_refused(db_path, sql, reason):
    with pytest.raises(QueryRefused, match=reason) as info:
        run_query(db_path, sql)
    assert "\n" not in str(info.value)
    assert run_query(db_path, "SELECT count(*) FROM goals")[1] == [(4,)]


def test_files_named_as_tables_are_not_read(db_path):
    with pytest.raises((QueryRefused, QueryError)):
        run_query(db_path, "SELECT * FROM '/etc/passwd'")


def test_runaway_query_is_stopped_with_a_clear_message(db_path):
    with pytest.raises(QueryError, match="time limit") as info:
        run_query(db_path, "SELECT sum(a.range * b.range) FROM range(1000000) a, "
                           "range(1000000) b", timeout_s=0.5)
    assert "0.5 s" in str(info.value)


def test_errors_are_one_line_and_name_the_problem(db_path, tmp_path):
    with pytest.raises(QueryError, match="nope"):
        run_query(db_path, "SELECT nope FROM goals")
    with pytest.raises(QueryError, match="syntax"):
        run_query(db_path, "SELEC 1")
    with pytest.raises(QueryError, match="missing.duckdb"):
        run_query(tmp_path / "missing.duckdb", "SELECT 1")
