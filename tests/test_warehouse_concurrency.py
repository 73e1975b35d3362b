"""Loading under stress, with real processes: a load killed mid-way leaves every document
all-or-nothing, and readers keep working while a writer loads in bursts."""
from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from warehouse.db import connect
from warehouse.load import EXTRACTED_TABLES, document_id
from warehouse_synth import Generator, expected_rows

WORKER = Path(__file__).with_name("warehouse_worker.py")
N = 400


def _worker(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WORKER), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _kill_after(proc: subprocess.Popen, stored: int) -> int:
    """SIGKILL the worker once it reports `stored` documents → what it last reported."""
    last = 0
    for line in proc.stdout:
        if line.startswith("stored "):
            last = int(line.split()[1])
            if last >= stored:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()[-2000:]
    return last


def _extracted_rows(con) -> dict[str, int]:
    rows: dict[str, int] = {}
    for table in EXTRACTED_TABLES:
        for did, n in con.execute(f"SELECT document_id, count(*) FROM {table} GROUP BY 1").fetchall():
            rows[did] = rows.get(did, 0) + n
    return rows


def _check_all_or_nothing(db: Path, killed_after: int) -> None:
    records = {document_id(item["url"]): record for item, record in
               Generator(0, municipalities=40, organisations=300).documents(N)}
    con = connect(db, read_only=True)
    try:
        versions = dict(con.execute("SELECT id, extractor_version FROM documents").fetchall())
        rows = _extracted_rows(con)
        extracted = {d for d, v in versions.items() if v is not None}
        # the kill came mid-load: what was reported is there, not everything is
        assert killed_after <= len(extracted) < N
        for did in versions:
            expected = expected_rows(records[did]) if did in extracted else 0
            assert rows.get(did, 0) == expected, (did, versions[did])
        assert set(rows) <= extracted  # no rows of a document whose extraction is not there
        # organisations: none without a mention, every mention has its organisation
        assert con.execute("""SELECT count(*) FROM organisations o WHERE NOT EXISTS
                              (SELECT 1 FROM organisation_mentions m
                               WHERE m.organisation_id = o.id)""").fetchone() == (0,)
        assert con.execute("""SELECT count(*) FROM organisation_mentions m WHERE NOT EXISTS
                              (SELECT 1 FROM organisations o WHERE o.id = m.organisation_id)"""
                           ).fetchone() == (0,)
        # every extracted document is in exactly its process, and every process is whole
        assert con.execute("""SELECT count(*) FROM documents d WHERE d.extractor_version IS NOT NULL
                              AND d.process_id NOT IN (SELECT id FROM processes)""").fetchone() == (0,)
        assert con.execute("""SELECT count(*) FROM processes p WHERE p.documents <>
                              (SELECT count(*) FROM documents d WHERE d.process_id = p.id)"""
                           ).fetchone() == (0,)
        # the search index holds every stored document
        assert con.execute("SELECT count(*) FROM search_index_state").fetchone()[0] == len(versions)
    finally:
        con.close()


@pytest.mark.parametrize("mode", ["single", "bulk"])
def test_killed_load_leaves_every_document_all_or_nothing(tmp_path, mode):
    db = tmp_path / "partmon.duckdb"
    proc = _worker("load", str(db), str(N), "40" if mode == "bulk" else "100", mode)
    killed_after = _kill_after(proc, 120 if mode == "bulk" else 150)
    _check_all_or_nothing(db, killed_after)
    # and the warehouse takes the rest of the load afterwards
    rest = _worker("load", str(db), str(N), "100", "bulk")
    assert rest.wait(timeout=300) == 0, rest.stderr.read()[-2000:]
    con = connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM documents WHERE extractor_version IS NOT NULL"
                       ).fetchone() == (N,)
    con.close()


def test_readers_keep_working_while_a_writer_loads_in_bursts(tmp_path):
    db = tmp_path / "partmon.duckdb"
    connect(db).close()
    writer = _worker("load", str(db), "200", "20", "bursts")
    reader = _worker("read", str(db), "600")
    try:
        assert writer.wait(timeout=300) == 0, writer.stderr.read()[-2000:]
    finally:
        reader.send_signal(signal.SIGTERM)
        out, err = reader.communicate(timeout=60)
    lines = out.splitlines()
    errors = [line for line in lines if line.startswith("error")]
    assert errors == []
    counts = [tuple(int(v) for v in line.split()[1:]) for line in lines if line.startswith("counts")]
    assert len(counts) >= 5, "the reader hardly got a turn"
    for documents, indexed, extracted, with_meetings in counts:
        # each read sees whole batches: documents with their index, extractions whole
        assert documents % 20 == 0 and indexed == documents
        assert extracted % 20 == 0 and extracted <= documents
        assert with_meetings == extracted
    assert [c[0] for c in counts] == sorted(c[0] for c in counts)
    assert any(0 < c[0] < 200 for c in counts), "no read happened during the load"


def _hold_for_writing(db: Path, seconds: float) -> subprocess.Popen:
    code = ("import sys, time, duckdb; con = duckdb.connect(sys.argv[1]); "
            "print('locked', flush=True); time.sleep(float(sys.argv[2]))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_sql_waits_for_a_short_write_and_names_a_long_one(tmp_path):
    from conftest import partmon

    db = tmp_path / "partmon.duckdb"
    connect(db).close()
    holder = _hold_for_writing(db, 1.5)
    proc = partmon("sql", "--db", str(db), "--format", "csv", "SELECT count(*) AS n FROM documents")
    assert proc.stdout.splitlines() == ["n", "0"]
    holder.wait(timeout=30)
    holder = _hold_for_writing(db, 60)
    try:
        proc = partmon("sql", "--db", str(db), "--timeout", "1", "SELECT 1", check=False)
    finally:
        holder.kill()
        holder.wait()
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"partmon: {db}: warehouse is busy: another process kept it locked for more than 5 s "
        f"(a long write?); try again later"]
