"""Loading crawled documents and extraction records into the warehouse, idempotently.

Documents are keyed by URL (id = first 16 hex of sha256(url)); extracted rows are keyed by
(document_id, item_no) and replaced per document in one transaction; organisations are
resolved to entities by a normalised name key so the same body written in another case,
with other quotes or abbreviated is one row.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

ABBREVIATIONS_PATH = Path(__file__).with_name("organisation_abbreviations.tsv")
QUOTES = "\"'„”“‚‘’«»`"
DASHES = "‐‑‒–—―-"

#: tables holding one document's extracted rows (all keyed by document_id)
EXTRACTED_TABLES = ("meetings", "organisation_mentions", "people", "dates", "goals",
                    "priority_tasks", "legal_acts", "funding")
MUNICIPALITY_PREFIXES = ("miasto i gmina ", "gmina miejska ", "gmina wiejska ", "gmina ",
                         "miasto ", "powiat ", "województwo ")


class LoadError(ValueError):
    """A record the warehouse cannot take; the message is one line naming it."""


def document_id(url: str) -> str:
    """Stable document id: first 16 hex digits of sha256(url)."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fold(text: str | None) -> str:
    """Fold case, quotes, dashes and white space (as the evaluation does)."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = text.translate({ord(c): None for c in QUOTES})
    text = re.sub(f"[{DASHES}]", "-", text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:")


@lru_cache(maxsize=1)
def _abbreviation_pattern():
    pairs = {}
    for line in ABBREVIATIONS_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        abbr, _, expansion = line.partition("\t")
        pairs[abbr.strip()] = expansion.strip()
    alternation = "|".join(re.escape(a) for a in sorted(pairs, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])"), pairs


def organisation_key(name: str) -> str:
    """Normalised key of an organisation name: folded, abbreviations expanded, a trailing
    bracketed acronym dropped ("Regionalny Ośrodek … (ROPS)")."""
    text = fold(name)
    text = re.sub(r"\s*\([^()]*\)$", "", text)
    pattern, pairs = _abbreviation_pattern()
    text = pattern.sub(lambda m: pairs[m.group(0)], text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:")


def municipality_key(name: str) -> str:
    """Folded municipality name without a leading kind word ("Gmina Dobre" = "Dobre")."""
    key = fold(name)
    for prefix in MUNICIPALITY_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix):]
    return key


def voivodeship_name(value) -> str | None:
    """Lower-case adjective form: "Województwo Podlaskie" → "podlaskie"."""
    text = fold(value)
    for prefix in ("województwo ", "woj. ", "woj "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text or None


def _item_text(item, *keys):
    """A list item that should be a string; dicts from a lenient extractor give their text."""
    if isinstance(item, dict):
        return next((item[k] for k in keys if isinstance(item.get(k), str)), None)
    return item


def _year(iso) -> int | None:
    match = re.match(r"^(\d{4})(-|$)", iso) if isinstance(iso, str) else None
    return int(match.group(1)) if match else None


def _timestamp(value, what: str):
    """ISO 8601 text (or datetime) → naive UTC datetime for DuckDB TIMESTAMP."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        stamp = value
    else:
        try:
            stamp = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            raise LoadError(f"{what}: not an ISO 8601 time: {value!r}") from None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(timezone.utc).replace(tzinfo=None)
    return stamp


def _now():
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _span(value):
    """[start, end] → (start, end); anything else (missing, null, malformed) → (None, None)."""
    if (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
        return value[0], value[1]
    return None, None


def _spans(provenance: dict, field: str, n: int) -> list:
    """The field's provenance padded with None to n items (missing means unknown)."""
    values = provenance.get(field) if isinstance(provenance, dict) else None
    values = list(values) if isinstance(values, (list, tuple)) else []
    return (values + [None] * n)[:n]


def _error_count(errors) -> int:
    if isinstance(errors, dict):
        return sum(int(v or 0) for v in errors.values())
    return int(errors or 0)


class Loader:
    """Writes to one open (writable) warehouse connection."""

    def __init__(self, con, index_text: bool = True):
        """index_text: keep the full-text search index (warehouse.search) in step with the
        documents' text as they are stored."""
        self.con = con
        self.index_text = index_text
        self.run_id: int | None = None
        self._orphan_candidates: set[str] = set()

    # -- transactions -------------------------------------------------------------------
    def _transaction(self):
        return _Transaction(self.con)

    # -- sources and municipalities ---------------------------------------------------------
    def upsert_municipality(self, name, kind=None, voivodeship=None, terc=None) -> str | None:
        """The id of the matching municipality row, created or completed as needed.

        Matched by folded name without a kind word ("Gmina Dobre" = "Dobre") and, when
        known, voivodeship; the plain name is preferred over one with a kind word.
        """
        if not name or not str(name).strip():
            return None
        name = " ".join(str(name).split())
        key = municipality_key(name)
        voivodeship = voivodeship_name(voivodeship)
        rows = self.con.execute(
            "SELECT id, name, kind, voivodeship, terc FROM municipalities WHERE name_key = ? "
            "ORDER BY id", [key]).fetchall()
        match = None
        if voivodeship:
            match = (next((r for r in rows if r[3] == voivodeship), None)
                     or next((r for r in rows if r[3] is None), None))
        elif rows:
            match = rows[0]
        if match is None:
            mid = _short_hash(f"{key}|{voivodeship or ''}")
            self.con.execute(
                "INSERT INTO municipalities (id, name, kind, voivodeship, terc, name_key) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [mid, name, kind, voivodeship, terc, key])
            return mid
        mid, old_name, old_kind, old_voivodeship, old_terc = match
        better_name = fold(name) == key and fold(old_name) != key
        if (better_name or (kind and not old_kind) or (voivodeship and not old_voivodeship)
                or (terc and not old_terc)):
            self.con.execute(
                "UPDATE municipalities SET name = ?, kind = coalesce(kind, ?), "
                "voivodeship = coalesce(voivodeship, ?), terc = coalesce(terc, ?) WHERE id = ?",
                [name if better_name else old_name, kind, voivodeship, terc, mid])
        return mid

    def upsert_sources(self, sources: list[dict]) -> None:
        """Insert or update the configured sources (by name)."""
        with self._transaction():
            for source in sources:
                name = source.get("name")
                if not name:
                    raise LoadError(f"source without a name: {source!r:.80}")
                mid = self.upsert_municipality(source.get("municipality"),
                                               voivodeship=source.get("voivodeship"),
                                               terc=source.get("terc"))
                self.con.execute(
                    "INSERT OR REPLACE INTO sources (name, municipality, terc, voivodeship, "
                    "municipality_id, spider, start_urls, allowed_domains, include, exclude, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [name, source.get("municipality"), source.get("terc"),
                     source.get("voivodeship"), mid, source.get("spider"),
                     _as_list(source.get("start_urls")), _as_list(source.get("allowed_domains")),
                     _as_list(source.get("include")), _as_list(source.get("exclude")), _now()])

    # -- crawl runs ---------------------------------------------------------------------
    def start_crawl_run(self) -> int:
        """Open a crawl run; documents stored from now on are attributed to it."""
        (run_id,) = self.con.execute(
            "INSERT INTO crawl_runs (id, started_at) VALUES (nextval('crawl_run_ids'), ?) "
            "RETURNING id", [_now()]).fetchone()
        self.run_id = run_id
        return run_id

    def finish_crawl_run(self, run_id=None, stats=None) -> None:
        """Close a crawl run with the crawler's per-source stats.

        Accepts `finish_crawl_run(run_id, stats)` or `finish_crawl_run(stats)` (current run).
        """
        if isinstance(run_id, dict) and stats is None:
            run_id, stats = None, run_id
        run_id = run_id if run_id is not None else self.run_id
        if run_id is None:
            raise LoadError("finish_crawl_run: no crawl run was started")
        stats = stats or {}
        totals = {"pages": 0, "documents": 0, "reports": 0, "errors": 0}
        per_source_rows = []
        for source, per_source in stats.items():
            per_source = per_source or {}
            row = {key: int(per_source.get(key) or 0) for key in ("pages", "documents", "reports")}
            row["errors"] = _error_count(per_source.get("errors"))
            for key, value in row.items():
                totals[key] += value
            kinds = per_source.get("errors") if isinstance(per_source.get("errors"), dict) else {}
            per_source_rows.append([run_id, str(source), row["pages"], row["documents"],
                                    row["reports"], row["errors"],
                                    json.dumps(kinds, ensure_ascii=False, sort_keys=True)])
        with self._transaction():
            self.con.execute("DELETE FROM crawl_run_sources WHERE run_id = ?", [run_id])
            self._insert_many("crawl_run_sources", ["run_id", "source", "pages", "documents",
                                                    "reports", "errors", "error_kinds"],
                              per_source_rows)
            self.con.execute(
                "UPDATE crawl_runs SET finished_at = ?, sources = ?, pages = ?, documents = ?, "
                "reports = ?, errors = ?, stats = ? WHERE id = ?",
                [_now(), len(stats), totals["pages"], totals["documents"], totals["reports"],
                 totals["errors"], json.dumps(stats, ensure_ascii=False, default=str), run_id])

    # -- documents ----------------------------------------------------------------------
    def store_document(self, doc: dict) -> str:
        """Store a crawled document (+ "text", "text_error"); idempotent by URL.

        The same content hash changes nothing but the fetch time (and the text, if a new
        one is given); a new hash replaces the row, drops its extracted rows and so marks it
        for extraction again.
        """
        url = doc.get("url")
        if not url:
            raise LoadError(f"document without a url: {str(doc.get('title'))!r:.80}")
        did = document_id(url)
        body = doc.get("body")
        if isinstance(body, str):
            body = body.encode("utf-8")
        content_hash = doc.get("content_hash") or hashlib.sha256(body or b"").hexdigest()
        fetched_at = _timestamp(doc.get("fetched_at"), url) or _now()
        text, text_error = doc.get("text"), doc.get("text_error")
        existing = self.con.execute(
            "SELECT content_hash, text, text_error, first_seen_at FROM documents WHERE id = ?",
            [did]).fetchone()
        with self._transaction():
            source_mid = self.upsert_municipality(doc.get("municipality"),
                                                  voivodeship=doc.get("voivodeship"),
                                                  terc=doc.get("terc"))
            if existing and existing[0] == content_hash:
                unknown = text is None and text_error is None  # caller did not compute text
                if not unknown and (existing[1], existing[2]) != (text, text_error):
                    # same bytes, new text (a better text extractor): extract again
                    self.con.execute(
                        "UPDATE documents SET text = ?, text_error = ?, extracted_hash = NULL "
                        "WHERE id = ?", [text, text_error, did])
                    self._index(did, text, content_hash)
                self.con.execute(
                    "UPDATE documents SET fetched_at = ?, crawl_run_id = coalesce(?, crawl_run_id) "
                    "WHERE id = ?", [fetched_at, self.run_id, did])
                return did
            if existing:
                self._delete_extracted(did)
                self._drop_orphan_organisations()
                self.con.execute("DELETE FROM documents WHERE id = ?", [did])
            first_seen = existing[3] if existing else _now()
            self.con.execute(
                """INSERT INTO documents (id, url, source, crawl_run_id, fetched_at, first_seen_at,
                       http_status, content_type, encoding, content_hash, body, size_bytes, title,
                       referer, link_text, report_score, text, text_error,
                       source_municipality_id, municipality_id)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [did, url, doc.get("source"), self.run_id, fetched_at,
                 first_seen,
                 doc.get("http_status"), doc.get("content_type"), doc.get("encoding"),
                 content_hash, body, len(body) if body is not None else None, doc.get("title"),
                 doc.get("referer"), doc.get("link_text"), doc.get("report_score"),
                 text, text_error, source_mid, source_mid])
            self._index(did, text, content_hash)
        return did

    def _index(self, did: str, text: str | None, content_hash: str) -> None:
        if self.index_text:
            from warehouse.search import index_document
            index_document(self.con, did, text, content_hash)

    def documents_to_extract(self, extractor_version: str) -> list[dict]:
        """Documents with text never extracted, extracted by another version, or changed."""
        rows = self.con.execute(
            """SELECT id, url, text, title FROM documents
               WHERE text IS NOT NULL
                 AND (extractor_version IS NULL OR extractor_version <> ?
                      OR extracted_hash IS DISTINCT FROM content_hash)
               ORDER BY url""", [extractor_version]).fetchall()
        return [{"document_id": r[0], "url": r[1], "text": r[2], "title": r[3]} for r in rows]

    # -- extraction ---------------------------------------------------------------------
    def _delete_extracted(self, did: str) -> None:
        """Drop the document's extracted rows and the organisations left unmentioned."""
        old_orgs = [r[0] for r in self.con.execute(
            "SELECT DISTINCT organisation_id FROM organisation_mentions WHERE document_id = ?",
            [did]).fetchall()]
        for table in EXTRACTED_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE document_id = ?", [did])
        self._orphan_candidates.update(old_orgs)

    def _drop_orphan_organisations(self) -> None:
        """Delete organisations (among those just unlinked) that no document mentions."""
        if not self._orphan_candidates:
            return
        candidates = sorted(self._orphan_candidates)
        self._orphan_candidates.clear()
        marks = ", ".join("?" for _ in candidates)
        self.con.execute(
            f"DELETE FROM organisations WHERE id IN ({marks}) AND id NOT IN (SELECT "
            f"organisation_id FROM organisation_mentions WHERE organisation_id IN ({marks}))",
            candidates + candidates)

    def _document(self, did: str):
        row = self.con.execute(
            "SELECT text, source_municipality_id, extractor_version FROM documents WHERE id = ?",
            [did]).fetchone()
        if row is None:
            raise LoadError(f"{did}: no such document in the warehouse")
        return row

    def store_extraction(self, document_id: str, record: dict, extractor_version: str) -> None:
        """Replace the document's extracted rows with this full record, atomically."""
        if record.get("error"):
            self.store_extraction_error(document_id, record["error"], extractor_version)
            return
        text, source_mid, extracted_by = self._document(document_id)
        provenance = record.get("provenance") or {}
        with self._transaction():
            if extracted_by is not None:  # extracted rows exist only once a version is set
                self._delete_extracted(document_id)
            self._insert_organisations(document_id, record.get("organisations") or [],
                                       provenance, text)
            self._insert_rows(document_id, record, provenance)
            self._drop_orphan_organisations()
            municipality = record.get("municipality") or {}
            mid = self.upsert_municipality(municipality.get("name"), municipality.get("kind"),
                                           municipality.get("voivodeship"))
            next_meeting = record.get("next_meeting") or {}
            document_date = record.get("document_date")
            self.con.execute(
                """UPDATE documents SET municipality_id = ?, report_title = ?, document_date = ?,
                       document_year = ?, next_meeting_date = ?, next_meeting_time = ?,
                       next_meeting_place = ?, extraction_error = NULL, extracted_at = ?,
                       extractor_version = ?, extracted_hash = content_hash
                   WHERE id = ?""",
                [mid or source_mid, record.get("title"), document_date, _year(document_date),
                 next_meeting.get("date"), next_meeting.get("time"), next_meeting.get("place"),
                 _now(), extractor_version, document_id])

    def _insert_rows(self, did: str, record: dict, provenance: dict) -> None:
        def rows(field, columns):
            items = record.get(field) or []
            for i, (item, span) in enumerate(zip(items, _spans(provenance, field, len(items)))):
                yield [did, i, *columns(item), *_span(span)]

        def insert(table, columns, data):
            data = list(data)
            if data:
                names = ["document_id", "item_no", *columns, "char_start", "char_end"]
                self._insert_many(table, names, data)

        insert("meetings", ["meeting_date", "year", "kind", "participants",
                            "organisations_count", "place"],
               rows("meetings", lambda m: [m.get("date"), _year(m.get("date")), m.get("kind"),
                                          m.get("participants"), m.get("organisations_count"),
                                          m.get("place")]))
        insert("people", ["name", "role"],
               rows("people", lambda p: [p.get("name"), p.get("role")]))
        insert("dates", ["text", "value", "end_value", "year"],
               rows("dates", lambda d: [d.get("text"), d.get("value"), d.get("end"),
                                       _year(d.get("value"))]))
        insert("goals", ["text", "level"],
               rows("goals", lambda g: [g.get("text"), g.get("level")]))
        insert("priority_tasks", ["text", "area"],
               rows("priority_tasks", lambda t: [t.get("text"), t.get("area")]))
        insert("legal_acts", ["text"],
               rows("legal_acts", lambda a: [_item_text(a, "text", "name")]))
        insert("funding", ["name"], rows("funding", lambda f: [_item_text(f, "name", "text")]))

    def _insert_many(self, table: str, columns: list[str], rows: list, chunk: int = 500) -> None:
        """Multi-row INSERTs (much faster in DuckDB than executemany for a few rows)."""
        row = "(" + ", ".join("?" for _ in columns) + ")"
        for start in range(0, len(rows), chunk):
            part = rows[start:start + chunk]
            self.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                             + ", ".join(row for _ in part), [v for r in part for v in r])

    def _organisation_ids(self, organisations: list, did: str) -> list[str]:
        """Entity id per extracted organisation; new entities are created, a missing kind
        of an existing one is filled in."""
        entities = {}
        ids = []
        for i, org in enumerate(organisations):
            name = org.get("name") if isinstance(org, dict) else None
            key = organisation_key(name) if isinstance(name, str) else ""
            if not key:
                raise LoadError(f"{did}: organisation {i} has no name")
            oid = _short_hash(key)
            ids.append(oid)
            if oid not in entities or (entities[oid][2] is None and org.get("kind")):
                entities[oid] = (oid, " ".join(name.split()), org.get("kind"), key)
        marks = ", ".join("?" for _ in entities)
        known = dict(self.con.execute(
            f"SELECT id, kind FROM organisations WHERE id IN ({marks})", list(entities)).fetchall()
        ) if entities else {}
        new = [list(e) for oid, e in entities.items() if oid not in known]
        self._insert_many("organisations", ["id", "name", "kind", "name_key"], new)
        for oid, kind in known.items():
            if kind is None and entities[oid][2]:
                self.con.execute("UPDATE organisations SET kind = ? WHERE id = ?",
                                 [entities[oid][2], oid])
        return ids

    def _insert_organisations(self, did: str, organisations: list, provenance: dict,
                              text: str | None) -> None:
        data = []
        spans_per_org = _spans(provenance, "organisations", len(organisations))
        org_ids = self._organisation_ids(organisations, did)
        for i, (org, spans, oid) in enumerate(zip(organisations, spans_per_org, org_ids)):
            name = org["name"]
            surfaces = [s for s in (org.get("mentions") or []) if isinstance(s, str)]
            spans = [_span(s) for s in spans] if isinstance(spans, (list, tuple)) else []
            spans = [s for s in spans if s[0] is not None]
            mentions = []
            if spans and len(spans) == len(surfaces):
                mentions = [(surface, *span) for surface, span in zip(surfaces, spans)]
            else:
                seen = set()
                for start, end in spans:
                    surface = text[start:end] if text and 0 <= start < end <= len(text) else None
                    mentions.append((surface, start, end))
                    seen.add(surface)
                mentions += [(s, None, None) for s in dict.fromkeys(surfaces) if s not in seen]
            if not mentions:
                mentions = [(name, None, None)]
            data += [[did, i, k, oid, name, surface, start, end]
                     for k, (surface, start, end) in enumerate(mentions)]
        self._insert_many("organisation_mentions",
                          ["document_id", "item_no", "mention_no", "organisation_id",
                           "extracted_name", "surface", "char_start", "char_end"], data)

    def store_extraction_error(self, document_id: str, error: str, extractor_version: str) -> None:
        """Record that extraction failed for this document (its extracted rows are dropped)."""
        self._document(document_id)
        line = " ".join(str(error).split()) or "extraction failed"
        with self._transaction():
            self._delete_extracted(document_id)
            self._drop_orphan_organisations()
            self.con.execute(
                "UPDATE documents SET extraction_error = ?, extracted_at = ?, "
                "extractor_version = ?, extracted_hash = content_hash WHERE id = ?",
                [line, _now(), extractor_version, document_id])

    def record_extraction_run(self, version: str, counts: dict) -> int:
        """Log one extraction pass: counts such as {"documents", "extracted", "errors"}."""
        counts = dict(counts or {})

        def pick(*names):
            for name in names:
                if name in counts:
                    value = counts[name]
                    return _error_count(value) if isinstance(value, dict) else int(value or 0)
            return None

        (run_id,) = self.con.execute(
            "INSERT INTO extraction_runs (id, extractor_version, finished_at, documents, "
            "extracted, errors, counts) VALUES (nextval('extraction_run_ids'), ?, ?, ?, ?, ?, ?) "
            "RETURNING id",
            [version, _now(), pick("documents", "total"), pick("extracted", "ok", "stored"),
             pick("errors", "failed"), json.dumps(counts, ensure_ascii=False, default=str)]
        ).fetchone()
        return run_id


class _Transaction:
    """BEGIN … COMMIT, or ROLLBACK on any exception; nested uses join the outer one."""

    def __init__(self, con, index_text: bool = True):
        """index_text: keep the full-text search index (warehouse.search) in step with the
        documents' text as they are stored."""
        self.con = con
        self.index_text = index_text
        self.outer = False

    def __enter__(self):
        try:
            self.con.execute("BEGIN TRANSACTION")
            self.outer = True
        except Exception as exc:  # already inside a transaction: join it
            if "transaction" not in str(exc).lower():
                raise
        return self

    def __exit__(self, exc_type, exc, tb):
        if not self.outer:
            return False
        if exc_type is None:
            self.con.execute("COMMIT")
        else:
            self.con.execute("ROLLBACK")
        return False
