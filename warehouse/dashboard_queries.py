"""The dashboard's own forms of its heavier questions: only the rows a page draws, with the
totals it states, counted in DuckDB rather than pandas (a page of a 100,000-document
warehouse must not carry tens of thousands of rows through the cache on every visit).

Same conventions as warehouse.queries (whose filters and SQL fragments these reuse): each
function takes a read-only connection and plain filter values and returns a DataFrame.
The complete lists stay with warehouse.queries, read for the CSV files on request.
"""
from __future__ import annotations

import re

import duckdb
import pandas as pd

from warehouse import queries
from warehouse.queries import _DOCS, _PAGE_COUNTS, _TITLE, _df, _where

# --- one organisation -----------------------------------------------------------------------


def organisation_overview(con, organisation_id: str) -> pd.DataFrame:
    """One row: mentions, documents and municipalities (by name) of one organisation."""
    return _df(con, f"""
        SELECT count(*) AS mentions, count(DISTINCT d.id) AS documents,
               count(DISTINCT mu.name) AS municipalities
        FROM organisation_mentions om JOIN {_DOCS} ON d.id = om.document_id
        WHERE om.organisation_id = ?""", [organisation_id])


def organisation_mentions_first(con, organisation_id: str, limit: int = 100,
                                context: int = 80) -> pd.DataFrame:
    """The first `limit` mentions of `warehouse.queries.organisation_mentions` (same order,
    same columns, same words around each). The mentions are found first, with the words
    around them stored at load time; only mentions without them (older warehouses, another
    `context`) have them cut from their documents' texts, read by id (reading texts was
    most of this query on a first visit)."""
    from warehouse.load import MENTION_CONTEXT

    stored = context == MENTION_CONTEXT
    sql = """
        SELECT om.document_id, om.surface, om.char_start, om.char_end {stored}
        FROM organisation_mentions om JOIN documents d ON d.id = om.document_id
        WHERE om.organisation_id = ?
        ORDER BY d.document_date NULLS LAST, d.id, om.item_no, om.mention_no LIMIT ?"""
    try:
        first = _df(con, sql.format(stored=", om.context_before, om.context_after"
                                    if stored else ""), [organisation_id, int(limit)])
    except duckdb.BinderException:  # a warehouse from before the stored contexts
        first = _df(con, sql.format(stored=""), [organisation_id, int(limit)])
    if "context_before" not in first.columns:
        first["context_before"] = first["context_after"] = None
    ids = list(dict.fromkeys(first["document_id"]))
    docs = _df(con, f"""
        SELECT d.id AS document_id, d.document_date AS date, mu.name AS municipality,
               mu.voivodeship, {_TITLE} AS document, d.url
        FROM {_DOCS} WHERE d.id IN ({", ".join("?" for _ in ids) or "NULL"})""", ids)
    rows = first.merge(docs, on="document_id", how="left")
    missing = rows["char_start"].notna() & rows["context_before"].isna()
    cut = list(dict.fromkeys(rows.loc[missing, "document_id"]))
    texts = dict(con.execute(
        f"SELECT id, text FROM documents WHERE id IN ({', '.join('?' for _ in cut)})",
        cut).fetchall()) if cut else {}
    before, after = [], []
    for doc, s, e, b, a, own in zip(rows["document_id"], rows["char_start"], rows["char_end"],
                                    rows["context_before"], rows["context_after"], missing):
        if own:  # no stored words: cut them from the text, as the full query does
            text = texts.get(doc)
            b = _around(text, max(int(s) - context, 0), int(s))
            a = None if pd.isna(e) else _around(text, int(e), int(e) + context)
        before.append(None if pd.isna(s) else b)
        after.append(None if pd.isna(e) else a)
    rows["before"], rows["after"] = before, after
    return rows[["document_id", "date", "municipality", "voivodeship", "document", "surface",
                 "before", "after", "url"]]


_SPACES = re.compile(r"\s+")


def _around(text, start, end):
    """text[start:end] with runs of white space made one space (None without offsets)."""
    if start is None or not isinstance(text, str):
        return None
    return _SPACES.sub(" ", text[start:end])


def organisation_meetings_first(con, organisation_id: str, limit: int = 50) -> pd.DataFrame:
    """The first `limit` rows of `warehouse.queries.organisation_meetings`, each with
    `total`, the number of all its rows."""
    return _df(con, f"""
        SELECT coalesce(m.meeting_date, d.document_date) AS date, mu.name AS municipality,
               mu.voivodeship, m.kind, m.participants, m.organisations_count,
               {_TITLE} AS document, d.id AS document_id, count(*) OVER () AS total
        FROM meetings m JOIN {_DOCS} ON d.id = m.document_id
        WHERE d.id IN (SELECT document_id FROM organisation_mentions WHERE organisation_id = ?)
        ORDER BY date NULLS LAST, municipality, m.item_no LIMIT ?""",
               [organisation_id, int(limit)])


# --- documents: a text search ---------------------------------------------------------------


def _fulltext_ranked(con, search: str, limit: int):
    """The full-text index's ranking for `search` as `warehouse.search.search` makes it,
    without the snippets → ([(document_id, score)], query lemmas); None when the index
    cannot answer (no index, no words, no hit): the caller falls back to the full query."""
    try:
        from warehouse import search as fts
    except ImportError:
        return None
    if not con.execute("SELECT count(*) FROM search_index_state").fetchone()[0]:
        return None
    words = [m.group(0) for m in fts.WORD.finditer(search or "")]
    if not words:
        return None
    pairs = [(i, lemma) for i, word in enumerate(words) for lemma in sorted(fts.word_lemmas(word))]
    forms = fts._lemma_forms(con, pairs)
    rows = (fts._ranked_by_forms(con, len(words), forms, limit) if forms is not None
            else fts._ranked_by_terms(con, pairs, len(words), limit))
    return (rows, {lemma for _, lemma in pairs}) if rows else None


def document_hits(con, search: str, voivodeship=None, years=None, municipality_ids=None,
                  limit: int = 500, process_kind=None, snippets: int = 20) -> pd.DataFrame:
    """`warehouse.queries.document_list` with a text search: the same rows in the same
    order, but the snippet (which reads the hit's whole text) only for the first
    `snippets` rows, the ones the page lists; the others' is null (the table and its CSV
    read the full list on request). Reading a thousand hits' texts was most of a search."""
    ranked = _fulltext_ranked(con, search, max(limit, 1000))
    if ranked is None:  # substring search, or nothing found: the full query as it is
        return queries.document_list(con, voivodeship=voivodeship, years=years,
                                     municipality_ids=municipality_ids, search=search,
                                     limit=limit, process_kind=process_kind)
    rows, lemmas = ranked
    where, params = _where(voivodeship, years, municipality_ids, process_kind=process_kind)
    con.register("partmon_first_hits",
                 pd.DataFrame({"id": [r[0] for r in rows], "hit_rank": range(len(rows))}))
    try:
        frame = _df(con, f"""
            WITH page AS (
              SELECT d.id, d.document_date AS date, mu.name AS municipality, mu.voivodeship,
                     {_TITLE} AS title, d.content_type, 'fulltext' AS match, d.url, h.hit_rank
              FROM {_DOCS} JOIN partmon_first_hits h ON h.id = d.id WHERE {where}
              ORDER BY h.hit_rank LIMIT ?),
            {_PAGE_COUNTS}
            SELECT p.id, p.date, p.municipality, p.voivodeship, p.title, p.content_type,
                   coalesce(m.n, 0) AS meetings, coalesce(o.n, 0) AS organisations,
                   coalesce(t.n, 0) AS priority_tasks, NULL::VARCHAR AS snippet, p.match,
                   p.url
            FROM page p LEFT JOIN m ON m.document_id = p.id LEFT JOIN o ON o.document_id = p.id
            LEFT JOIN t ON t.document_id = p.id
            ORDER BY p.hit_rank""", params + [int(limit)])
    finally:
        con.unregister("partmon_first_hits")
    first = list(frame["id"].head(max(int(snippets), 0)))
    if first:
        from warehouse import search as fts

        texts = dict(con.execute(
            f"SELECT id, text FROM documents WHERE id IN ({', '.join('?' for _ in first)})",
            first).fetchall())
        frame["snippet"] = frame["snippet"].astype(object)
        frame.loc[:len(first) - 1, "snippet"] = [
            fts._snippet(texts.get(i) or "", fts.first_match(texts.get(i) or "", lemmas))
            for i in first]
    return frame


# --- who meets whom -------------------------------------------------------------------------

def co_participation(con, voivodeship=None, years=None, process_kind=None,
                     limit: int = 500) -> pd.DataFrame:
    """`warehouse.queries.co_participation`, same rows, counted in two steps: pairs per
    municipality first (plain counts), then per pair (the municipalities are the groups),
    which avoids a DISTINCT count over millions of pair rows; ids stay 64-bit hashes until
    the top pairs are known."""
    where, params = _where(voivodeship, years, process_kind=process_kind)
    return _df(con, f"""
        WITH present AS (
          SELECT DISTINCT hash(om.organisation_id) AS org, om.document_id AS doc,
                 d.municipality_id AS muni, d.document_year AS y
          FROM organisation_mentions om JOIN {_DOCS} ON d.id = om.document_id WHERE {where}),
        keyed AS (SELECT org, hash(doc) AS doc, hash(muni) AS muni, muni IS NULL AS no_muni, y
                  FROM present),
        per_muni AS (
          SELECT a.org AS a, b.org AS b, a.muni, count(*) AS documents,
                 min(a.y) AS first_year, max(a.y) AS last_year, bool_or(a.no_muni) AS no_muni
          FROM keyed a JOIN keyed b ON a.doc = b.doc AND a.org < b.org
          GROUP BY 1, 2, 3),
        pairs AS (
          SELECT a, b, sum(documents)::BIGINT AS documents,
                 count(*) FILTER (WHERE NOT no_muni) AS municipalities,
                 min(first_year) AS first_year, max(last_year) AS last_year
          FROM per_muni GROUP BY 1, 2),
        ids AS (SELECT hash(id) AS h, id, name FROM organisations),
        named AS (
          SELECT CASE WHEN ia.id < ib.id THEN ia.id ELSE ib.id END AS a_id,
                 CASE WHEN ia.id < ib.id THEN ib.id ELSE ia.id END AS b_id,
                 p.documents, p.municipalities, p.first_year, p.last_year
          FROM pairs p JOIN ids ia ON ia.h = p.a JOIN ids ib ON ib.h = p.b),
        top AS (SELECT * FROM named ORDER BY documents DESC, municipalities DESC LIMIT ?)
        SELECT t.a_id AS organisation_a_id, oa.name AS organisation_a,
               t.b_id AS organisation_b_id, ob.name AS organisation_b, t.documents,
               t.municipalities, t.first_year, t.last_year
        FROM top t JOIN organisations oa ON oa.id = t.a_id
        JOIN organisations ob ON ob.id = t.b_id
        ORDER BY documents DESC, municipalities DESC, organisation_a, organisation_b""",
               params + [int(limit)])


# --- municipalities compared ----------------------------------------------------------------

def _process(process_kind, process_year) -> dict:
    return {"process_kind": process_kind, "process_year": process_year}


def compare_overview(con, municipality_ids, years=None, process_kind=None,
                     process_year=None) -> pd.DataFrame:
    """Per compared municipality: meetings, participants (null when none is known),
    organisations, goals, distinct goals, priority tasks, policy areas, distinct legal acts
    and distinct funding sources, as `municipality_*` of warehouse.queries would count them."""
    p = _process(process_kind, process_year)
    mwhere, mparams = _where(None, years, municipality_ids,
                             year_expr="coalesce(m.year, d.document_year)", **p)
    where, params = _where(None, years, municipality_ids, **p)
    items = " UNION ALL ".join(
        f"SELECT d.municipality_id, '{kind}' AS kind, {text} AS text, {extra} AS extra "
        f"FROM {table} x JOIN {_DOCS} ON d.id = x.document_id WHERE {where}"
        for kind, table, text, extra in (("goal", "goals", "x.text", "x.level"),
                                         ("task", "priority_tasks", "x.text", "x.area"),
                                         ("act", "legal_acts", "x.text", "NULL"),
                                         ("funding", "funding", "x.name", "NULL")))
    return _df(con, f"""
        WITH ids AS (SELECT unnest(?::VARCHAR[]) AS id),
        meets AS (
          SELECT d.municipality_id AS id, count(*) AS meetings,
                 sum(m.participants)::BIGINT AS participants
          FROM meetings m JOIN {_DOCS} ON d.id = m.document_id WHERE {mwhere} GROUP BY 1),
        orgs AS (
          SELECT d.municipality_id AS id, count(DISTINCT d.organisation_id) AS organisations
          FROM organisation_activity d LEFT JOIN municipalities mu ON mu.id = d.municipality_id
          WHERE {where} GROUP BY 1),
        items AS ({items}),
        counted AS (
          SELECT municipality_id AS id,
                 count(*) FILTER (WHERE kind = 'goal') AS goals,
                 count(DISTINCT (text, extra)) FILTER (WHERE kind = 'goal') AS distinct_goals,
                 count(*) FILTER (WHERE kind = 'task') AS tasks,
                 count(DISTINCT extra) FILTER (WHERE kind = 'task') AS areas,
                 count(DISTINCT text) FILTER (WHERE kind = 'act') AS acts,
                 count(DISTINCT text) FILTER (WHERE kind = 'funding') AS funding
          FROM items GROUP BY 1)
        SELECT ids.id AS municipality_id, coalesce(meets.meetings, 0) AS meetings,
               meets.participants, coalesce(orgs.organisations, 0) AS organisations,
               coalesce(c.goals, 0) AS goals, coalesce(c.distinct_goals, 0) AS distinct_goals,
               coalesce(c.tasks, 0) AS tasks, coalesce(c.areas, 0) AS areas,
               coalesce(c.acts, 0) AS acts, coalesce(c.funding, 0) AS funding
        FROM ids LEFT JOIN meets ON meets.id = ids.id LEFT JOIN orgs ON orgs.id = ids.id
        LEFT JOIN counted c ON c.id = ids.id""",
               [list(municipality_ids)] + mparams + params + params * 4)


def compare_items(con, municipality_ids, years=None, process_kind=None, process_year=None,
                  limit: int = 15, per_area: int = 8) -> pd.DataFrame:
    """What each compared municipality's column lists, `limit` rows per list: meetings
    (date, kind, participants, organisations), distinct goals (with level), distinct priority
    tasks per area (`per_area` per area, with `area_total` distinct tasks in the area),
    distinct legal acts and funding sources, organisations by documents. Long form:
    municipality_id, section, rank, text, extra, area, area_total and the meeting columns,
    in the order warehouse.queries lists them (each distinct text at its first place)."""
    p = _process(process_kind, process_year)
    mwhere, mparams = _where(None, years, municipality_ids,
                             year_expr="coalesce(m.year, d.document_year)", **p)
    where, params = _where(None, years, municipality_ids, **p)

    def distinct(section, table, text, extra, area, order, keep):
        """Each distinct (text, extra) at its first place in `order`, `keep` per list."""
        return f"""
          SELECT municipality_id, '{section}' AS section, rank, text, extra, area, area_total,
                 NULL::VARCHAR AS date, NULL::VARCHAR AS kind, NULL::INTEGER AS participants,
                 NULL::INTEGER AS organisations_count, NULL::BIGINT AS documents
          FROM (SELECT *, row_number() OVER (PARTITION BY municipality_id, area
                                             ORDER BY first) AS rank,
                       count(*) OVER (PARTITION BY municipality_id, area) AS area_total
                FROM (SELECT municipality_id, text, extra, area, min(rn) AS first
                      FROM (SELECT d.municipality_id, {text} AS text, {extra} AS extra,
                                   {area} AS area, row_number() OVER (
                                     PARTITION BY d.municipality_id ORDER BY {order}) AS rn
                            FROM {table} x JOIN {_DOCS} ON d.id = x.document_id
                            WHERE {where})
                      GROUP BY ALL))
          WHERE rank <= {int(keep)}"""

    none = "NULL::VARCHAR"
    listed = " UNION ALL ".join([
        distinct("goal", "goals", "x.text", "x.level", none,
                 "CASE x.level WHEN 'main' THEN 0 WHEN 'specific' THEN 1 ELSE 2 END, "
                 "d.document_date, x.item_no", limit),
        distinct("task", "priority_tasks", "x.text", none, "x.area",
                 "x.area NULLS LAST, d.document_date, x.item_no", per_area),
        distinct("act", "legal_acts", "x.text", none, none, "d.document_date, x.item_no",
                 limit),
        distinct("funding", "funding", "x.name", none, none, "d.document_date, x.item_no",
                 limit)])
    return _df(con, f"""
        WITH meets AS (
          SELECT d.municipality_id, coalesce(m.meeting_date, d.document_date) AS date, m.kind,
                 m.participants, m.organisations_count,
                 row_number() OVER (PARTITION BY d.municipality_id
                                    ORDER BY coalesce(m.meeting_date, d.document_date)
                                    NULLS LAST, m.item_no) AS rank
          FROM meetings m JOIN {_DOCS} ON d.id = m.document_id WHERE {mwhere}),
        orgs AS (
          SELECT d.municipality_id, o.name, sum(d.documents)::BIGINT AS documents,
                 row_number() OVER (PARTITION BY d.municipality_id
                                    ORDER BY sum(d.documents) DESC, sum(d.mentions) DESC,
                                             o.name) AS rank
          FROM organisation_activity d LEFT JOIN municipalities mu
            ON mu.id = d.municipality_id JOIN organisations o ON o.id = d.organisation_id
          WHERE {where} GROUP BY d.municipality_id, o.id, o.name, o.kind)
        SELECT municipality_id, 'meeting' AS section, rank, NULL::VARCHAR AS text,
               NULL::VARCHAR AS extra, NULL::VARCHAR AS area, NULL::BIGINT AS area_total,
               date, kind, participants, organisations_count, NULL::BIGINT AS documents
        FROM meets WHERE rank <= ?
        UNION ALL
        SELECT municipality_id, 'organisation', rank, name, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, documents
        FROM orgs WHERE rank <= ?
        UNION ALL {listed}
        ORDER BY municipality_id, section, area NULLS LAST, rank""",
               mparams + params + [int(limit), int(limit)] + params * 4)


def compare_areas(con, municipality_ids, years=None, process_kind=None,
                  process_year=None) -> pd.DataFrame:
    """Priority tasks per policy area (null: none) and compared municipality."""
    where, params = _where(None, years, municipality_ids,
                           **_process(process_kind, process_year))
    return _df(con, f"""
        SELECT x.area, d.municipality_id, count(*) AS tasks
        FROM priority_tasks x JOIN {_DOCS} ON d.id = x.document_id WHERE {where}
        GROUP BY ALL ORDER BY x.area NULLS LAST, d.municipality_id""", params)


_FULL_DATE = """CASE WHEN length(s) >= 10 THEN TRY_CAST(substr(s, 1, 10) AS DATE)
                     WHEN length(s) >= 7 THEN TRY_CAST(substr(s, 1, 7) || '-01' AS DATE)
                     WHEN length(s) >= 4 THEN TRY_CAST(substr(s, 1, 4) || '-01-01' AS DATE)
                END"""


def compare_timeline(con, municipality_ids, years=None, process_kind=None,
                     process_year=None, max_points: int = 250) -> pd.DataFrame:
    """The compared municipalities' dated meetings for the timeline: each meeting (day,
    date, kind, participants, organisations_count, meetings = 1) or, when there are more
    than `max_points`, one row per municipality and month with the averages, `meetings`
    the number of meetings in it and `monthly` true."""
    where, params = _where(None, years, municipality_ids,
                           year_expr="coalesce(m.year, d.document_year)",
                           **_process(process_kind, process_year))
    return _df(con, f"""
        WITH raw AS (
          SELECT d.municipality_id, coalesce(m.meeting_date, d.document_date) AS s,
                 m.kind, m.participants, m.organisations_count, m.item_no
          FROM meetings m JOIN {_DOCS} ON d.id = m.document_id WHERE {where}),
        dated AS (SELECT *, {_FULL_DATE} AS day FROM raw),
        n AS (SELECT count(*) AS n FROM dated WHERE day IS NOT NULL)
        SELECT municipality_id, day, s AS date, kind, participants::DOUBLE AS participants,
               organisations_count::DOUBLE AS organisations_count, 1::BIGINT AS meetings,
               FALSE AS monthly
        FROM dated, n WHERE day IS NOT NULL AND n.n <= ?
        UNION ALL
        SELECT municipality_id, date_trunc('month', day)::DATE AS day,
               strftime(date_trunc('month', day), '%Y-%m') AS date, NULL AS kind,
               avg(participants) AS participants,
               avg(organisations_count) AS organisations_count, count(*) AS meetings,
               TRUE AS monthly
        FROM dated, n WHERE day IS NOT NULL AND n.n > ?
        GROUP BY ALL
        ORDER BY municipality_id, day""", params + [int(max_points)] * 2)
