"""Grouping documents into participatory processes: one municipality, one programme, one target year.

A process is what researchers compare: the workshops, the consultation and the adopted
resolution of, say, the *Program współpracy … na rok 2014* of one gmina. A document's
process is derived when its extraction is loaded, from its title and the start of its text,
by the rules in `process_kinds.tsv` (which programme or policy), `process_years.tsv` (the
year or period it is for) and `process_stages.tsv` (how far the process got). The
`processes` rows are then re-aggregated from their documents, so they never drift.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
KINDS_PATH = HERE / "process_kinds.tsv"
YEARS_PATH = HERE / "process_years.tsv"
STAGES_PATH = HERE / "process_stages.tsv"
OTHER = "other"
#: how much of the text (characters) is looked at when the title says nothing
TEXT_HEAD = 1500


@dataclass(frozen=True)
class ProcessKey:
    """What a document says about its process."""
    kind: str
    target_year: int | None
    target_year_end: int | None
    stage: str | None
    stage_rank: int | None


def _rows(path: Path) -> list[list[str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


@lru_cache(maxsize=1)
def rules():
    """(kinds, years, stages) compiled from the data files."""
    kinds = [(kind, re.compile(pattern)) for kind, pattern in _rows(KINDS_PATH)]
    years = [(where, re.compile(pattern)) for where, pattern in _rows(YEARS_PATH)]
    stages = sorted(((int(rank), stage, re.compile(pattern))
                     for rank, stage, pattern in _rows(STAGES_PATH)), reverse=True)
    return kinds, years, stages


def _fold(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def _kind(title: str, head: str) -> str:
    kinds, _, _ = rules()
    for text in (title, head):
        for kind, pattern in kinds:
            if pattern.search(text):
                return kind
    return OTHER


def _years(title: str, head: str) -> tuple[int | None, int | None]:
    _, years, _ = rules()
    for where, text in (("title", title), ("text", head)):
        for place, pattern in years:
            if place != where:
                continue
            match = pattern.search(text)
            if match:
                start = int(match.group("start"))
                end = match.groupdict().get("end")
                end = int(end) if end else start
                return (start, end) if end >= start else (start, start)
    return None, None


def _stage(title: str, first_line: str, meeting_kinds) -> tuple[str | None, int | None]:
    _, _, stages = rules()
    for text in (title, first_line, " ".join(_fold(k) for k in meeting_kinds if k)):
        for rank, stage, pattern in stages:  # highest rank first
            if text and pattern.search(text):
                return stage, rank
    return None, None


def classify(title: str | None, text: str | None, meeting_kinds=()) -> ProcessKey:
    """The process a document belongs to, by its title, the start of its text and the kinds
    of its meetings."""
    title_f = _fold(title)
    head = _fold((text or "")[:TEXT_HEAD])
    first_line = _fold((text or "").lstrip().split("\n", 1)[0][:300])
    start, end = _years(title_f, head)
    stage, rank = _stage(title_f, first_line, meeting_kinds)
    return ProcessKey(_kind(title_f, head), start, end, stage, rank)


def process_id(municipality_id: str, key: ProcessKey) -> str:
    """Stable id of a municipality's process of one kind and target period."""
    raw = f"{municipality_id}|{key.kind}|{key.target_year or ''}|{key.target_year_end or ''}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


REFRESH_SQL = """
INSERT INTO processes
WITH docs AS (
    SELECT d.id, d.process_id, d.municipality_id, d.document_date, d.process_stage,
           coalesce(nullif(trim(d.report_title), ''), nullif(trim(d.title), ''), d.url) AS title
    FROM documents d WHERE d.process_id IN (SELECT id FROM partmon_process_ids)),
keys AS (SELECT * FROM partmon_process_keys),
meets AS (
    SELECT d.process_id, count(*) AS meetings, sum(m.participants) AS participants,
           min(coalesce(m.meeting_date, d.document_date)) AS first_date,
           max(coalesce(m.meeting_date, d.document_date)) AS last_date
    FROM meetings m JOIN docs d ON d.id = m.document_id GROUP BY 1),
agg AS (
    SELECT process_id, any_value(municipality_id) AS municipality_id, count(*) AS documents,
           arg_min(title, (coalesce(document_date, '9999'), id)) AS title,
           min(document_date) AS first_doc, max(document_date) AS last_doc
    FROM docs GROUP BY 1)
SELECT a.process_id, a.municipality_id, k.kind, k.target_year, k.target_year_end, a.title,
       (SELECT s.stage FROM partmon_stage_ranks s WHERE s.stage_rank = st.stage_rank),
       st.stage_rank,
       coalesce(me.first_date, a.first_doc), coalesce(me.last_date, a.last_doc),
       a.documents, coalesce(me.meetings, 0), me.participants
FROM agg a JOIN keys k ON k.id = a.process_id
LEFT JOIN meets me ON me.process_id = a.process_id
LEFT JOIN (SELECT d.process_id, max(s.stage_rank) AS stage_rank FROM docs d
           JOIN partmon_stage_ranks s ON s.stage = d.process_stage GROUP BY 1) st
       ON st.process_id = a.process_id
"""


def refresh(con, keys: dict[str, ProcessKey], stale_ids=()) -> None:
    """Rebuild the `processes` rows of these ids (and drop stale ones left without documents)
    from their documents; runs inside the caller's transaction."""
    import pyarrow as pa

    ids = sorted(set(keys) | {i for i in stale_ids if i})
    if not ids:
        return
    keys = dict(keys)
    missing = [i for i in ids if i not in keys]
    if missing:  # a process a document left keeps its key while others remain in it
        marks = ", ".join("?" for _ in missing)
        for pid, kind, start, end in con.execute(
                f"SELECT id, kind, target_year, target_year_end FROM processes "
                f"WHERE id IN ({marks})", missing).fetchall():
            keys[pid] = ProcessKey(kind, start, end, None, None)
    _, _, stages = rules()
    id_table = pa.table({"id": pa.array(ids, pa.string())})
    key_table = pa.table({
        "id": pa.array(list(keys), pa.string()),
        "kind": pa.array([k.kind for k in keys.values()], pa.string()),
        "target_year": pa.array([k.target_year for k in keys.values()], pa.int32()),
        "target_year_end": pa.array([k.target_year_end for k in keys.values()], pa.int32())})
    stage_table = pa.table({"stage": pa.array([s for _, s, _ in stages], pa.string()),
                            "stage_rank": pa.array([r for r, _, _ in stages], pa.int32())})
    con.register("partmon_process_ids", id_table)
    con.register("partmon_process_keys", key_table)
    con.register("partmon_stage_ranks", stage_table)
    try:
        con.execute("DELETE FROM processes WHERE id IN (SELECT id FROM partmon_process_ids)")
        con.execute(REFRESH_SQL)
    finally:
        for name in ("partmon_process_ids", "partmon_process_keys", "partmon_stage_ranks"):
            con.unregister(name)
