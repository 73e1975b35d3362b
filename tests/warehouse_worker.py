"""A separate process that writes or reads a warehouse, for the crash and concurrency tests.

    python tests/warehouse_worker.py load DB N BATCH single|bulk|bursts
    python tests/warehouse_worker.py read DB SECONDS

`load` stores N synthetic documents (tests/warehouse_synth.py, seed 0) and their
extractions, printing "stored K" after each step so a test can kill it mid-way; `single`
stores each extraction on its own, `bulk` a batch at a time on one connection, `bursts`
through warehouse.load.BatchWriter (a connection per batch). `read` opens the warehouse
read-only again and again, printing one line of counts per read (or "error: …").
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]


def load(db: str, n: int, batch: int, mode: str) -> None:
    from warehouse.db import connect
    from warehouse.load import BatchWriter, Loader, document_id
    from warehouse_synth import Generator

    pairs = list(Generator(0, municipalities=40, organisations=300).documents(n))
    if mode == "bursts":
        writer = BatchWriter(db, batch_size=batch, max_seconds=60)
        for start in range(0, n, batch):
            for item, _ in pairs[start:start + batch]:
                writer.add_document(item)
            writer.flush()
            for item, record in pairs[start:start + batch]:
                writer.add_extraction(document_id(item["url"]), record, "1.0")
            writer.flush()
            print(f"stored {start + batch}", flush=True)
        return
    con = connect(db)
    loader = Loader(con)
    for start in range(0, n, batch):
        part = pairs[start:start + batch]
        loader.store_documents([item for item, _ in part])
        if mode == "single":
            for k, (item, record) in enumerate(part):
                loader.store_extraction(document_id(item["url"]), record, "1.0")
                print(f"stored {start + k + 1}", flush=True)
        else:
            loader.store_extractions([(document_id(i["url"]), r) for i, r in part], "1.0")
            print(f"stored {start + len(part)}", flush=True)
    con.close()


COUNTS = """SELECT (SELECT count(*) FROM documents),
                   (SELECT count(*) FROM search_index_state),
                   (SELECT count(*) FROM documents WHERE extractor_version IS NOT NULL),
                   (SELECT count(DISTINCT document_id) FROM meetings)"""


def read(db: str, seconds: float) -> None:
    from warehouse.db import WarehouseError, connect

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            con = connect(db, read_only=True, wait_s=20)
            try:
                print("counts", *con.execute(COUNTS).fetchone(), flush=True)
            finally:
                con.close()
        except (WarehouseError, Exception) as exc:  # every failure is reported, not hidden
            print("error:", " ".join(str(exc).split())[:200], flush=True)
        time.sleep(0.01)


if __name__ == "__main__":
    if sys.argv[1] == "load":
        load(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    else:
        read(sys.argv[2], float(sys.argv[3]))
