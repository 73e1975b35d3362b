"""Every question the dashboard (and CLI) asks the warehouse, as SQL returning DataFrames.

Each function takes a DuckDB connection (read-only is enough) and plain filter values and
returns a pandas DataFrame, so the same question is answered the same way everywhere.
Common filters: `voivodeship` (lower-case adjective or None for all), `years` ((from, to)
inclusive or None for all; rows without a year drop out once a range is given) and
`municipality_ids` (list of municipalities.id or None). A document's year is its
`document_year`; a meeting's year is its own, else its document's.
"""
from __future__ import annotations

from typing import Sequence

import duckdb
import pandas as pd
import pyarrow as pa

# kinds of extracted items that carry character offsets, in drawing priority order
SPAN_KINDS = ("organisation", "date", "goal", "priority_task", "meeting", "person",
              "legal_act", "funding")

_TITLE = "coalesce(nullif(trim(d.report_title), ''), nullif(trim(d.title), ''), d.url)"


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence = ()) -> pd.DataFrame:
    return con.execute(sql, list(params)).df()


# pandas dtypes DuckDB's own conversion gives integer and boolean columns with nulls
_NULLABLE = {pa.bool_(): pd.BooleanDtype(), pa.int8(): pd.Int8Dtype(),
             pa.int16(): pd.Int16Dtype(), pa.int32(): pd.Int32Dtype(),
             pa.int64(): pd.Int64Dtype(), pa.uint8(): pd.UInt8Dtype(),
             pa.uint16(): pd.UInt16Dtype(), pa.uint32(): pd.UInt32Dtype(),
             pa.uint64(): pd.UInt64Dtype()}


def _plain(t: pa.DataType) -> bool:
    return (pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_integer(t)
            or pa.types.is_floating(t) or pa.types.is_boolean(t))


def _df_rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence = ()) -> pd.DataFrame:
    """_df for results of many rows: fetched through Arrow, which converts tens of thousands
    of text rows to pandas ~2× faster than DuckDB's own conversion, with the same dtypes as
    _df (nullable integers where there are nulls, object for all-null columns). Results with
    other column types, or no rows, take _df's way."""
    table = con.execute(sql, list(params)).fetch_arrow_table()
    if not table.num_rows or not all(_plain(f.type) for f in table.schema):
        return _df(con, sql, params)
    columns = {}
    for name, col in zip(table.column_names, table.columns):
        if col.null_count and (pa.types.is_integer(col.type) or pa.types.is_boolean(col.type)):
            columns[name] = col.to_pandas(types_mapper=_NULLABLE.get)
        elif col.null_count == len(col) and not pa.types.is_floating(col.type):
            columns[name] = pd.Series([None] * len(col), dtype=object)
        else:
            columns[name] = col.to_pandas()
    return pd.DataFrame(columns)


def _where(voivodeship=None, years=None, municipality_ids=None, year_expr="d.document_year",
           process_kind=None, process_year=None):
    """WHERE conditions over documents `d` left-joined with municipalities `mu`.

    `process_kind` keeps documents of processes of that kind (processes.kind) and
    `process_year` those of processes for that target year; pass them only when the
    warehouse has a processes table (see `has_processes`)."""
    conds, params = ["TRUE"], []
    if voivodeship:
        conds.append("mu.voivodeship = ?")
        params.append(voivodeship)
    if years:
        conds.append(f"{year_expr} BETWEEN ? AND ?")
        params += [int(years[0]), int(years[1])]
    if municipality_ids:
        conds.append("d.municipality_id IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(municipality_ids))
    if process_kind or process_year:
        sub = ["TRUE"]
        if process_kind:
            sub.append("p.kind = ?")
            params.append(process_kind)
        if process_year:
            sub.append("? BETWEEN p.target_year AND coalesce(p.target_year_end, p.target_year)")
            params.append(int(process_year))
        conds.append(f"d.process_id IN (SELECT p.id FROM processes p WHERE {' AND '.join(sub)})")
    return " AND ".join(conds), params


_DOCS = "documents d LEFT JOIN municipalities mu ON mu.id = d.municipality_id"
#: meetings, organisations and priority tasks of each document of a CTE `page` (a page of a
#: document list), counted for those documents only; joined as m, o and t
_PAGE_COUNTS = """m AS (SELECT document_id, count(*) AS n FROM meetings
                  WHERE document_id IN (SELECT id FROM page) GROUP BY 1),
            o AS (SELECT document_id, count(DISTINCT organisation_id) AS n
                  FROM organisation_mentions
                  WHERE document_id IN (SELECT id FROM page) GROUP BY 1),
            t AS (SELECT document_id, count(*) AS n FROM priority_tasks
                  WHERE document_id IN (SELECT id FROM page) GROUP BY 1)"""
# organisation mentions summed per (organisation, municipality, year, process) at load time;
# aliased `d` so the filters of _where apply to it unchanged (a few thousand rows, not every
# mention)
_ACTIVITY = ("organisation_activity d LEFT JOIN municipalities mu "
             "ON mu.id = d.municipality_id")


def _organisation_figures(voivodeship, years, process_kind, extra: str = "TRUE",
                          extra_params: Sequence = ()) -> tuple[str, list]:
    """SQL of (organisation_id, municipalities, documents, mentions) within the filters:
    the stored totals when there are none, else organisation_activity summed. `extra` is a
    condition on organisations `o`."""
    if not (voivodeship or years or process_kind):
        return (f"SELECT t.* FROM organisation_totals t JOIN organisations o "
                f"ON o.id = t.organisation_id WHERE {extra}", list(extra_params))
    where, params = _where(voivodeship, years, process_kind=process_kind)
    return (f"""SELECT d.organisation_id, count(DISTINCT d.municipality_id) AS municipalities,
                       sum(d.documents)::BIGINT AS documents, sum(d.mentions)::BIGINT AS mentions
                FROM {_ACTIVITY} JOIN organisations o ON o.id = d.organisation_id
                WHERE {where} AND {extra} GROUP BY 1""", params + list(extra_params))


# --- overview -------------------------------------------------------------------------------

def year_bounds(con) -> pd.DataFrame:
    """Smallest and largest year of any document or meeting (nulls when none is dated)."""
    return _df(con, """
        SELECT min(y)::INTEGER AS min_year, max(y)::INTEGER AS max_year FROM (
            SELECT document_year AS y FROM documents
            UNION ALL SELECT year FROM meetings) WHERE y BETWEEN 1990 AND 2100""")


def voivodeships(con) -> pd.DataFrame:
    """Voivodeships that have at least one municipality in the warehouse."""
    return _df(con, """SELECT DISTINCT voivodeship FROM municipalities
                       WHERE voivodeship IS NOT NULL ORDER BY voivodeship""")


def summary(con, voivodeship=None, years=None, process_kind=None) -> pd.DataFrame:
    """One row: municipalities (with a document), documents, meetings, organisations."""
    where, params = _where(voivodeship, years, process_kind=process_kind)
    mwhere, mparams = _where(voivodeship, years, year_expr="coalesce(m.year, d.document_year)",
                             process_kind=process_kind)
    organisations = (f"SELECT count(DISTINCT d.organisation_id) AS n FROM {_ACTIVITY} "
                     f"WHERE {where}" if where != "TRUE"
                     else "SELECT count(*) AS n FROM organisation_totals")
    return _df(con, f"""
        WITH docs AS (
          SELECT count(DISTINCT d.municipality_id) AS municipalities, count(*) AS documents
          FROM {_DOCS} WHERE {where}),
        meets AS (
          SELECT count(*) AS meetings, coalesce(sum(m.participants), 0)::BIGINT AS participants
          FROM meetings m JOIN {_DOCS} ON d.id = m.document_id WHERE {mwhere}),
        orgs AS ({organisations})
        SELECT docs.municipalities, docs.documents, meets.meetings,
               orgs.n AS organisations, meets.participants
        FROM docs, meets, orgs""", params + mparams + (params if where != "TRUE" else []))


def meetings_over_time(con, voivodeship=None, years=None, process_kind=None) -> pd.DataFrame:
    """Meetings and participants per month (`YYYY-MM`; a year-only date counts as January)."""
    where, params = _where(voivodeship, years, year_expr="coalesce(m.year, d.document_year)",
                           process_kind=process_kind)
    return _df(con, f"""
        WITH dated AS (
          SELECT coalesce(m.meeting_date, d.document_date) AS day, m.participants
          FROM meetings m JOIN {_DOCS} ON d.id = m.document_id WHERE {where})
        SELECT CASE WHEN length(day) >= 7 THEN substr(day, 1, 7) ELSE substr(day, 1, 4) || '-01'
               END AS month,
               count(*) AS meetings, coalesce(sum(participants), 0)::BIGINT AS participants
        FROM dated WHERE day IS NOT NULL AND regexp_matches(day, '^\\d{{4}}')
        GROUP BY month ORDER BY month""", params)


def voivodeship_activity(con, years=None, process_kind=None) -> pd.DataFrame:
    """Per voivodeship: municipalities with documents, documents, meetings, participants,
    and the municipality with most documents there."""
    where, params = _where(None, years, process_kind=process_kind)
    mwhere, mparams = _where(None, years, year_expr="coalesce(m.year, d.document_year)",
                             process_kind=process_kind)
    return _df(con, f"""
        WITH per_muni AS (
          SELECT mu.voivodeship, mu.name, count(*) AS documents
          FROM {_DOCS} WHERE {where} AND mu.voivodeship IS NOT NULL GROUP BY ALL),
        docs AS (
          SELECT voivodeship, count(*) AS municipalities, sum(documents)::BIGINT AS documents,
                 arg_max(name, (documents, name)) AS top_municipality
          FROM per_muni GROUP BY 1),
        meets AS (
          SELECT mu.voivodeship, count(*) AS meetings,
                 coalesce(sum(m.participants), 0)::BIGINT AS participants
          FROM meetings m JOIN {_DOCS} ON d.id = m.document_id
          WHERE {mwhere} AND mu.voivodeship IS NOT NULL GROUP BY 1)
        SELECT coalesce(docs.voivodeship, meets.voivodeship) AS voivodeship,
               coalesce(docs.municipalities, 0) AS municipalities,
               coalesce(docs.documents, 0) AS documents,
               coalesce(meets.meetings, 0) AS meetings,
               coalesce(meets.participants, 0) AS participants, docs.top_municipality
        FROM docs FULL JOIN meets ON docs.voivodeship = meets.voivodeship
        ORDER BY documents DESC, voivodeship""", params + mparams)


def top_municipalities(con, voivodeship=None, years=None, limit: int = 10,
                       process_kind=None) -> pd.DataFrame:
    """The municipalities with most meetings (then documents) within the filters."""
    where, params = _where(voivodeship, years, process_kind=process_kind)
    mwhere, mparams = _where(voivodeship, years, year_expr="coalesce(m.year, d.document_year)",
                             process_kind=process_kind)
    return _df(con, f"""
        WITH docs AS (
          SELECT d.municipality_id AS id, count(*) AS documents FROM {_DOCS}
          WHERE {where} AND d.municipality_id IS NOT NULL GROUP BY 1),
        meets AS (
          SELECT d.municipality_id AS id, count(*) AS meetings,
                 sum(m.participants)::BIGINT AS participants
          FROM meetings m JOIN {_DOCS} ON d.id = m.document_id
          WHERE {mwhere} GROUP BY 1),
        top AS (
          SELECT mu.id, mu.name, mu.kind, mu.voivodeship, docs.documents,
                 coalesce(meets.meetings, 0) AS meetings, meets.participants
          FROM docs JOIN municipalities mu ON mu.id = docs.id
          LEFT JOIN meets ON meets.id = docs.id
          ORDER BY meetings DESC, documents DESC, mu.name LIMIT ?),
        -- distinct organisations only for the page's municipalities (counting them for
        -- every municipality was 2/3 of the query)
        orgs AS (
          SELECT d.municipality_id AS id, count(DISTINCT d.organisation_id) AS organisations
          FROM {_ACTIVITY} WHERE {where} AND d.municipality_id IN (SELECT id FROM top)
          GROUP BY 1)
        SELECT top.id, top.name, top.kind, top.voivodeship, top.documents, top.meetings,
               top.participants, coalesce(orgs.organisations, 0) AS organisations
        FROM top LEFT JOIN orgs ON orgs.id = top.id
        ORDER BY meetings DESC, documents DESC, top.name""",
               params + mparams + [int(limit)] + params)


def top_organisations(con, voivodeship=None, years=None, limit: int = 10,
                      process_kind=None) -> pd.DataFrame:
    """The organisations mentioned in most municipalities (then documents) within the filters."""
    figures, params = _organisation_figures(voivodeship, years, process_kind)
    return _df(con, f"""
        WITH top AS ({figures})
        SELECT o.id, o.name, o.kind, t.municipalities, t.documents, t.mentions
        FROM top t JOIN organisations o ON o.id = t.organisation_id
        ORDER BY municipalities DESC, documents DESC, mentions DESC, o.name LIMIT ?""",
               params + [int(limit)])


# --- municipalities -------------------------------------------------------------------------

def municipality_list(con, voivodeship=None, years=None, process_kind=None) -> pd.DataFrame:
    """Municipalities with at least one document (within the filters): id, name, kind,
    voivodeship, documents."""
    where, params = _where(voivodeship, years, process_kind=process_kind)
    return _df(con, f"""
        SELECT mu.id, mu.name, mu.kind, mu.voivodeship, count(d.id) AS documents
        FROM municipalities mu JOIN documents d ON d.municipality_id = mu.id
        WHERE {where}
        GROUP BY ALL ORDER BY mu.name, mu.voivodeship""", params)


def municipality_meetings(con, municipality_ids, years=None, process_kind=None,
                          process_year=None) -> pd.DataFrame:
    """Meetings of the given municipalities, with the report they come from."""
    where, params = _where(None, years, municipality_ids,
                           year_expr="coalesce(m.year, d.document_year)",
                           process_kind=process_kind, process_year=process_year)
    return _df_rows(con, f"""
        SELECT d.municipality_id, coalesce(m.meeting_date, d.document_date) AS date,
               m.kind, m.participants, m.organisations_count, m.place,
               {_TITLE} AS document, d.id AS document_id
        FROM meetings m JOIN {_DOCS} ON d.id = m.document_id
        WHERE {where} ORDER BY d.municipality_id, date NULLS LAST, m.item_no""", params)


def _items(con, table: str, columns: str, municipality_ids, years, order: str,
           process_kind=None, process_year=None) -> pd.DataFrame:
    where, params = _where(None, years, municipality_ids, process_kind=process_kind,
                           process_year=process_year)
    return _df_rows(con, f"""
        SELECT d.municipality_id, {columns}, {_TITLE} AS document, d.id AS document_id,
               d.document_date AS date
        FROM {table} x JOIN {_DOCS} ON d.id = x.document_id
        WHERE {where} ORDER BY d.municipality_id, {order}""", params)


def municipality_goals(con, municipality_ids, years=None, **process) -> pd.DataFrame:
    """Goals stated in the municipalities' reports (main goals first)."""
    return _items(con, "goals", "x.text, x.level", municipality_ids, years,
                  "CASE x.level WHEN 'main' THEN 0 WHEN 'specific' THEN 1 ELSE 2 END, "
                  "d.document_date, x.item_no", **process)


def municipality_priority_tasks(con, municipality_ids, years=None, **process) -> pd.DataFrame:
    """Priority tasks of the municipalities, with their policy area (null when none)."""
    return _items(con, "priority_tasks", "x.area, x.text", municipality_ids, years,
                  "x.area NULLS LAST, d.document_date, x.item_no", **process)


def municipality_legal_acts(con, municipality_ids, years=None, **process) -> pd.DataFrame:
    """Legal acts cited in the municipalities' reports."""
    return _items(con, "legal_acts", "x.text", municipality_ids, years,
                  "d.document_date, x.item_no", **process)


def municipality_funding(con, municipality_ids, years=None, **process) -> pd.DataFrame:
    """Programmes and funds named in the municipalities' reports."""
    return _items(con, "funding", "x.name", municipality_ids, years,
                  "d.document_date, x.item_no", **process)


def municipality_organisations(con, municipality_ids, years=None, process_kind=None,
                               process_year=None) -> pd.DataFrame:
    """Organisations mentioned in each municipality's reports, most documents first."""
    where, params = _where(None, years, municipality_ids, process_kind=process_kind,
                           process_year=process_year)
    return _df_rows(con, f"""
        SELECT d.municipality_id, o.id AS organisation_id, o.name, o.kind,
               sum(d.documents)::BIGINT AS documents, sum(d.mentions)::BIGINT AS mentions
        FROM {_ACTIVITY} JOIN organisations o ON o.id = d.organisation_id
        WHERE {where} GROUP BY ALL
        ORDER BY d.municipality_id, documents DESC, mentions DESC, o.name""", params)


# --- organisations --------------------------------------------------------------------------

def organisation_list(con, search: str | None = None, kind: str | None = None,
                      voivodeship=None, years=None, process_kind=None) -> pd.DataFrame:
    """Organisations with how many municipalities and documents mention them.

    With `search`, those whose name contains it (any case) count every mention; those only
    some of whose written forms contain it count those mentions. Candidates come from the
    small organisations and organisation_surfaces tables; the summed activity answers the
    first kind, only the few of the second kind are counted mention by mention."""
    extra, extra_params = ("o.kind = ?", [kind]) if kind else ("TRUE", [])
    if not search:  # the summed activity answers it without touching every mention
        figures, params = _organisation_figures(voivodeship, years, process_kind, extra,
                                                extra_params)
    else:
        pattern = f"%{search}%"
        figures, params = _organisation_figures(
            voivodeship, years, process_kind, f"{extra} AND o.name ILIKE ?",
            extra_params + [pattern])
        try:
            by_surface = [r[0] for r in con.execute(
                f"""SELECT DISTINCT s.organisation_id FROM organisation_surfaces s
                    JOIN organisations o ON o.id = s.organisation_id
                    WHERE s.surface ILIKE ? AND NOT o.name ILIKE ? AND {extra}""",
                [pattern, pattern, *extra_params]).fetchall()]
        except duckdb.CatalogException:  # a warehouse from before organisation_surfaces
            by_surface = [r[0] for r in con.execute(
                f"""SELECT DISTINCT om.organisation_id FROM organisation_mentions om
                    JOIN organisations o ON o.id = om.organisation_id
                    WHERE om.surface ILIKE ? AND NOT o.name ILIKE ? AND {extra}""",
                [pattern, pattern, *extra_params]).fetchall()]
        if by_surface:
            where, more = _where(voivodeship, years, process_kind=process_kind)
            figures += f"""
                UNION ALL
                SELECT om.organisation_id, count(DISTINCT d.municipality_id),
                       count(DISTINCT d.id), count(*)
                FROM organisation_mentions om JOIN {_DOCS} ON d.id = om.document_id
                WHERE om.organisation_id IN (SELECT unnest(?::VARCHAR[]))
                  AND om.surface ILIKE ? AND {where} GROUP BY 1"""
            params += [by_surface, pattern, *more]
    return _df(con, f"""
        WITH per AS ({figures})
        SELECT o.id, o.name, o.kind, p.municipalities, p.documents, p.mentions
        FROM per p JOIN organisations o ON o.id = p.organisation_id
        ORDER BY municipalities DESC, documents DESC, o.name""", params)


def organisation(con, organisation_id: str) -> pd.DataFrame:
    """One organisation row (empty when the id is unknown)."""
    return _df(con, "SELECT id, name, kind FROM organisations WHERE id = ?", [organisation_id])


def organisation_mentions(con, organisation_id: str, context: int = 80) -> pd.DataFrame:
    """Each mention of one organisation with its document and the words around it
    (`before`, `surface` as written, `after`: up to `context` characters each side, white
    space squeezed), by document date.

    With the default context the words come from organisation_mentions.context_before/after,
    cut at load time (reading the texts of thousands of documents took ~300 ms); another
    `context`, or mentions without them (older warehouses, offsets out of the text), cut
    them from the text. Sorted and converted through Arrow: DuckDB sorting the wide rows,
    and its own DataFrame conversion, each cost more than the rest of the query."""
    from warehouse.load import MENTION_CONTEXT

    stored = context == MENTION_CONTEXT
    if stored:
        try:
            stored = not con.execute(
                "SELECT count(*) FROM organisation_mentions WHERE organisation_id = ? "
                "AND char_start IS NOT NULL AND context_before IS NULL",
                [organisation_id]).fetchone()[0]
        except duckdb.BinderException:  # a warehouse from before the context columns
            stored = False
    if stored:
        columns, before, after = ", context_before, context_after", "m.context_before", \
            "m.context_after"
    else:
        columns = ""
        before = ("regexp_replace(substr(d.text, greatest(m.char_start - $2, 0) + 1, "
                  "m.char_start - greatest(m.char_start - $2, 0)), '\\s+', ' ', 'g')")
        after = "regexp_replace(substr(d.text, m.char_end + 1, $2), '\\s+', ' ', 'g')"
    table = con.execute(f"""
        WITH m AS MATERIALIZED (
          SELECT document_id, item_no, mention_no, surface, char_start, char_end {columns}
          FROM organisation_mentions WHERE organisation_id = $1)
        SELECT d.id AS document_id, d.document_date AS date, mu.name AS municipality,
               mu.voivodeship, {_TITLE} AS document, m.surface,
               CASE WHEN m.char_start IS NOT NULL THEN {before} END AS before,
               CASE WHEN m.char_end IS NOT NULL THEN {after} END AS after,
               d.url, m.item_no, m.mention_no
        FROM m JOIN {_DOCS} ON d.id = m.document_id""",
        [organisation_id] if stored else [organisation_id, int(context)]).fetch_arrow_table()
    table = table.sort_by([("date", "ascending"), ("document_id", "ascending"),
                           ("item_no", "ascending"), ("mention_no", "ascending")])
    df = table.drop_columns(["item_no", "mention_no"]).to_pandas()
    return df if len(df) else df.astype(object)  # empty: the types DuckDB gives


def organisation_kinds(con) -> pd.DataFrame:
    """The organisation kinds present (ngo, public, business, other)."""
    return _df(con, "SELECT DISTINCT kind FROM organisations WHERE kind IS NOT NULL ORDER BY 1")


# --- documents ------------------------------------------------------------------------------

def document_search(con, query: str, limit: int = 500) -> pd.DataFrame:
    """Full-text hits (`warehouse.search`, Polish inflection aware) → id, score, snippet,
    best first; empty when the query has no words or the search index was never built."""
    empty = pd.DataFrame({"id": pd.Series(dtype=str), "score": pd.Series(dtype=float),
                          "snippet": pd.Series(dtype=str)})
    try:
        from warehouse.search import search
    except ImportError:
        return empty
    if not con.execute("SELECT count(*) FROM search_index_state").fetchone()[0]:
        return empty
    hits = search(con, query, limit=limit)
    return pd.DataFrame(hits, columns=["id", "score", "snippet"]) if hits else empty


def document_list(con, voivodeship=None, years=None, municipality_ids=None,
                  search: str | None = None, limit: int = 500,
                  process_kind=None) -> pd.DataFrame:
    """Documents matching the filters, newest first. With `search`: the full-text index's
    hits, best first, when it has any; otherwise documents whose title, URL or text contain
    every word (ILIKE). `match` says which (`fulltext`/`substring`), `snippet` shows where."""
    where, params = _where(voivodeship, years, municipality_ids, process_kind=process_kind)
    hits = document_search(con, search, limit=max(limit, 1000)) if search else None
    order = "hit_rank NULLS LAST, date DESC NULLS LAST, municipality, title"
    rank, snippet, match = "NULL::BIGINT", "NULL", "NULL"
    if hits is not None and not hits.empty:
        con.register("partmon_hits", hits.assign(rank=range(len(hits))))
        where += " AND d.id IN (SELECT id FROM partmon_hits)"
        rank = "(SELECT rank FROM partmon_hits h WHERE h.id = d.id)"
        snippet = "(SELECT snippet FROM partmon_hits h WHERE h.id = d.id)"
        match = "'fulltext'"
    elif search:
        words = search.split()
        for word in words:
            where += f" AND ({_TITLE} ILIKE ? OR d.text ILIKE ? OR d.url ILIKE ?)"
            params += [f"%{word}%"] * 3
        snippet = ("CASE WHEN strpos(lower(d.text), lower(?)) > 0 THEN '…' || "
                   "regexp_replace(substr(d.text, greatest(strpos(lower(d.text), lower(?)) - 60,"
                   " 1), 200), '\\s+', ' ', 'g') || '…' END")
        match = "'substring'"
        params = [words[0], words[0]] + params if words else params
    try:
        # the page first, then counts for its documents only (not for every document)
        return _df(con, f"""
            WITH page AS (
              SELECT d.id, d.document_date AS date, mu.name AS municipality, mu.voivodeship,
                     {_TITLE} AS title, d.content_type, {snippet} AS snippet,
                     {match} AS match, d.url, {rank} AS hit_rank
              FROM {_DOCS} WHERE {where} ORDER BY {order} LIMIT ?),
            {_PAGE_COUNTS}
            SELECT p.id, p.date, p.municipality, p.voivodeship, p.title, p.content_type,
                   coalesce(m.n, 0) AS meetings, coalesce(o.n, 0) AS organisations,
                   coalesce(t.n, 0) AS priority_tasks, p.snippet, p.match, p.url
            FROM page p LEFT JOIN m ON m.document_id = p.id LEFT JOIN o ON o.document_id = p.id
            LEFT JOIN t ON t.document_id = p.id
            ORDER BY {order}""", params + [int(limit)])
    finally:
        if hits is not None and not hits.empty:
            con.unregister("partmon_hits")


def document(con, document_id: str) -> pd.DataFrame:
    """One document with its text and what was extracted about it as a whole."""
    return _df(con, f"""
        SELECT d.id, {_TITLE} AS title, d.url, d.source, d.content_type, d.fetched_at,
               d.document_date, mu.name AS municipality, mu.kind AS municipality_kind,
               mu.voivodeship, d.text, d.text_error, d.extraction_error, d.extractor_version,
               d.next_meeting_date, d.next_meeting_time, d.next_meeting_place
        FROM {_DOCS} WHERE d.id = ?""", [document_id])


def document_spans(con, document_id: str) -> pd.DataFrame:
    """Extracted items of one document that have character offsets: kind, label, start, end."""
    return _df(con, """
        SELECT * FROM (
          SELECT 'organisation' AS kind, o.name AS label, om.char_start, om.char_end
            FROM organisation_mentions om JOIN organisations o ON o.id = om.organisation_id
            WHERE om.document_id = $1
          UNION ALL SELECT 'date', value || coalesce(' – ' || end_value, ''), char_start, char_end
            FROM dates WHERE document_id = $1
          UNION ALL SELECT 'goal', text, char_start, char_end FROM goals WHERE document_id = $1
          UNION ALL SELECT 'priority_task', coalesce(area || ': ', '') || text, char_start,
                           char_end FROM priority_tasks WHERE document_id = $1
          UNION ALL SELECT 'meeting', concat_ws(', ', meeting_date, kind,
                           participants::VARCHAR), char_start, char_end
            FROM meetings WHERE document_id = $1
          UNION ALL SELECT 'person', concat_ws(', ', name, role), char_start, char_end
            FROM people WHERE document_id = $1
          UNION ALL SELECT 'legal_act', text, char_start, char_end
            FROM legal_acts WHERE document_id = $1
          UNION ALL SELECT 'funding', name, char_start, char_end
            FROM funding WHERE document_id = $1)
        ORDER BY char_start NULLS LAST, char_end DESC""", [document_id])


def counts(con) -> pd.DataFrame:
    """Rows per main table: tells an empty warehouse from a filtered-out view."""
    return _df(con, """
        SELECT (SELECT count(*) FROM documents) AS documents,
               (SELECT count(*) FROM municipalities) AS municipalities,
               (SELECT count(*) FROM documents WHERE extracted_at IS NOT NULL) AS extracted""")


# --- processes ------------------------------------------------------------------------------

def has_processes(con) -> pd.DataFrame:
    """One row, `present`: does this warehouse group documents into processes (a table
    `processes` and a column documents.process_id)? Older files have neither."""
    return _df(con, """
        SELECT (SELECT count(*) FROM information_schema.tables
                  WHERE table_name = 'processes') > 0
           AND (SELECT count(*) FROM information_schema.columns
                  WHERE table_name = 'documents' AND column_name = 'process_id') > 0
           AS present""")


def process_kinds(con) -> pd.DataFrame:
    """The kinds of process present, with how many processes and municipalities each."""
    return _df(con, """
        SELECT kind, count(*) AS processes, count(DISTINCT municipality_id) AS municipalities
        FROM processes GROUP BY kind ORDER BY processes DESC, kind""")


def municipality_processes(con, municipality_ids, process_kind=None, years=None) -> pd.DataFrame:
    """Processes of the given municipalities: kind, target years, stage, first and last
    meeting, documents, meetings, participants. `years` keeps processes with a meeting
    (or, undated, a target year) in the range."""
    conds, params = ["p.municipality_id IN (SELECT unnest(?::VARCHAR[]))"], [
        list(municipality_ids)]
    if process_kind:
        conds.append("p.kind = ?")
        params.append(process_kind)
    if years:
        conds.append("coalesce(TRY_CAST(substr(p.last_meeting_date, 1, 4) AS INTEGER), "
                     "p.target_year_end, p.target_year) >= ? AND coalesce(TRY_CAST(substr("
                     "p.first_meeting_date, 1, 4) AS INTEGER), p.target_year) <= ?")
        params += [int(years[0]), int(years[1])]
    return _df(con, f"""
        SELECT p.municipality_id, p.id AS process_id, p.kind, p.target_year, p.target_year_end,
               p.title, p.stage, p.stage_rank, p.first_meeting_date, p.last_meeting_date,
               p.documents, p.meetings, p.participants
        FROM processes p WHERE {' AND '.join(conds)}
        ORDER BY p.municipality_id, p.target_year DESC NULLS LAST, p.kind""", params)


# --- who meets whom -------------------------------------------------------------------------

def co_participation(con, voivodeship=None, years=None, process_kind=None,
                     limit: int = 500) -> pd.DataFrame:
    """Pairs of organisations mentioned in the same documents (one report: one meeting or
    one process step): shared documents, shared municipalities, first and last year.
    Each pair once (`organisation_a_id` sorts before `organisation_b_id`), most shared first.
    The self-join runs on 64-bit hashes of the ids (4-5× faster than on the text ids)."""
    where, params = _where(voivodeship, years, process_kind=process_kind)
    return _df(con, f"""
        WITH present AS (
          SELECT DISTINCT om.organisation_id, hash(om.organisation_id) AS org_hash,
                 hash(d.id) AS doc_hash, hash(d.municipality_id) AS muni_hash,
                 d.document_year
          FROM organisation_mentions om JOIN {_DOCS} ON d.id = om.document_id WHERE {where}),
        pairs AS (
          SELECT a.org_hash, b.org_hash, any_value(a.organisation_id) AS a_id,
                 any_value(b.organisation_id) AS b_id, count(*) AS documents,
                 count(DISTINCT a.muni_hash) AS municipalities,
                 min(a.document_year) AS first_year, max(a.document_year) AS last_year
          FROM present a JOIN present b
            ON a.doc_hash = b.doc_hash AND a.organisation_id < b.organisation_id
          GROUP BY 1, 2),
        top AS (SELECT * FROM pairs ORDER BY documents DESC, municipalities DESC LIMIT ?)
        SELECT t.a_id AS organisation_a_id, oa.name AS organisation_a,
               t.b_id AS organisation_b_id, ob.name AS organisation_b, t.documents,
               t.municipalities, t.first_year, t.last_year
        FROM top t JOIN organisations oa ON oa.id = t.a_id
        JOIN organisations ob ON ob.id = t.b_id
        ORDER BY documents DESC, municipalities DESC, organisation_a, organisation_b""",
               params + [int(limit)])


def organisation_municipalities(con, organisation_id: str) -> pd.DataFrame:
    """Every municipality one organisation appears in: documents, mentions, first/last date."""
    return _df(con, """
        SELECT mu.id AS municipality_id, mu.name AS municipality, mu.voivodeship,
               count(DISTINCT d.id) AS documents, count(*) AS mentions,
               min(d.document_date) AS first_date, max(d.document_date) AS last_date
        FROM organisation_mentions om JOIN documents d ON d.id = om.document_id
        LEFT JOIN municipalities mu ON mu.id = d.municipality_id
        WHERE om.organisation_id = ?
        GROUP BY ALL ORDER BY documents DESC, municipality NULLS LAST""", [organisation_id])


def organisation_meetings(con, organisation_id: str) -> pd.DataFrame:
    """Every meeting reported in a document that mentions one organisation."""
    return _df(con, f"""
        SELECT coalesce(m.meeting_date, d.document_date) AS date, mu.name AS municipality,
               mu.voivodeship, m.kind, m.participants, m.organisations_count,
               {_TITLE} AS document, d.id AS document_id
        FROM meetings m JOIN {_DOCS} ON d.id = m.document_id
        WHERE d.id IN (SELECT document_id FROM organisation_mentions WHERE organisation_id = ?)
        ORDER BY date NULLS LAST, municipality, m.item_no""", [organisation_id])


# --- sources --------------------------------------------------------------------------------

def source_health(con) -> pd.DataFrame:
    """The `crawl_health` view with a `status` per source, worst first:
    broken (last crawl fetched nothing, had more errors than pages, or nothing stored from
    it has text), warning (some errors or failed documents), never (configured, never
    crawled), ok."""
    return _df(con, """
        WITH h AS (SELECT *, text_errors + extraction_errors AS failed_documents
                   FROM crawl_health),
        s AS (
          SELECT *, CASE
            WHEN last_run_id IS NULL AND stored_documents = 0 THEN 'never'
            WHEN last_run_id IS NOT NULL AND (coalesce(pages, 0) = 0
                 OR coalesce(errors, 0) > coalesce(pages, 0)) THEN 'broken'
            WHEN stored_documents > 0 AND with_text = 0 THEN 'broken'
            WHEN coalesce(errors, 0) > 0 OR failed_documents > 0 THEN 'warning'
            ELSE 'ok' END AS status
          FROM h)
        SELECT status, source, municipality, voivodeship, last_crawled_at, pages, harvested,
               reports, errors, error_kinds, stored_documents, with_text, extracted,
               failed_documents, text_errors, extraction_errors, last_fetched_at
        FROM s
        ORDER BY CASE status WHEN 'broken' THEN 0 WHEN 'warning' THEN 1 WHEN 'never' THEN 2
                 ELSE 3 END, errors DESC NULLS LAST, failed_documents DESC, source""")


def failed_documents(con, limit: int = 1000) -> pd.DataFrame:
    """Documents whose text or extraction failed, with the one-line reason, newest first."""
    return _df(con, f"""
        SELECT d.source, {_TITLE} AS title, d.url, d.content_type,
               CASE WHEN d.text_error IS NOT NULL THEN 'text' ELSE 'extraction' END AS stage,
               coalesce(d.text_error, d.extraction_error) AS error, d.fetched_at, d.id
        FROM documents d
        WHERE d.text_error IS NOT NULL OR d.extraction_error IS NOT NULL
        ORDER BY d.fetched_at DESC NULLS LAST, d.source, d.url LIMIT ?""", [int(limit)])


# --- processes (added with the processes table; see warehouse/processes.py) ---------------

def processes(con, voivodeship=None, years=None, municipality_ids=None,
              kind: str | None = None) -> pd.DataFrame:
    """Participatory processes (one municipality, one programme, one target year) within the
    filters, latest target year first; `years` filters the target year."""
    conds, params = ["TRUE"], []
    if voivodeship:
        conds.append("mu.voivodeship = ?")
        params.append(voivodeship)
    if years:
        conds.append("p.target_year BETWEEN ? AND ?")
        params += [int(years[0]), int(years[1])]
    if municipality_ids:
        conds.append("p.municipality_id IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(municipality_ids))
    if kind:
        conds.append("p.kind = ?")
        params.append(kind)
    return _df_rows(con, f"""
        SELECT p.id, p.municipality_id, mu.name AS municipality, mu.voivodeship, mu.powiat,
               p.kind, p.target_year, p.target_year_end, p.stage, p.stage_rank, p.title,
               p.first_meeting_date, p.last_meeting_date, p.documents, p.meetings,
               p.participants
        FROM processes p JOIN municipalities mu ON mu.id = p.municipality_id
        WHERE {' AND '.join(conds)}
        ORDER BY p.target_year DESC NULLS LAST, mu.name, p.kind""", params)


def process_kinds_by_year(con, voivodeship=None) -> pd.DataFrame:
    """Processes per target year and kind, with how many reached adoption."""
    where, params = ("mu.voivodeship = ?", [voivodeship]) if voivodeship else ("TRUE", [])
    return _df(con, f"""
        SELECT p.target_year, p.kind, count(*) AS processes,
               count(DISTINCT p.municipality_id) AS municipalities,
               count(*) FILTER (WHERE p.stage_rank >= 4) AS adopted_or_later
        FROM processes p JOIN municipalities mu ON mu.id = p.municipality_id
        WHERE {where} AND p.target_year IS NOT NULL
        GROUP BY ALL ORDER BY p.target_year, p.kind""", params)
