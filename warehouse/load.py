"""Loading crawled documents and extraction records into the warehouse, idempotently.

Documents are keyed by URL (id = first 16 hex of sha256(url)); extracted rows are keyed by
(document_id, item_no) and replaced per document in one transaction; organisations are
resolved to entities by a normalised name key so the same body written in another case,
with other quotes or abbreviated is one row. Each document's process (warehouse.processes)
is derived as its extraction is stored.

The unit of atomicity is one document's extraction: all its rows, organisations, process
and document columns go in together or not at all. The bulk path (store_documents,
store_extractions) writes a whole batch in one transaction with Arrow inserts, which keeps
that guarantee for every document of the batch; BatchWriter adds short-lived connections
so that readers can open the file between batches.
"""
from __future__ import annotations

import gc
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
#: documents columns a crawled document fills, in the order store_documents writes them
DOCUMENT_COLUMNS = ("id", "url", "source", "crawl_run_id", "fetched_at", "first_seen_at",
                    "http_status", "content_type", "encoding", "content_hash", "body",
                    "size_bytes", "title", "referer", "link_text", "report_score", "text",
                    "text_error", "source_municipality_id", "municipality_id", "etag",
                    "last_modified")
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


_YEAR = re.compile(r"^(\d{4})(-|$)")


def _year(iso) -> int | None:
    match = _YEAR.match(iso) if isinstance(iso, str) else None
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
    if type(value) in (list, tuple) and len(value) == 2:
        start, end = value
        if type(start) is int and type(end) is int:  # (bool is not int here)
            return start, end
    elif isinstance(value, (list, tuple)) and len(value) == 2 and all(
            isinstance(v, int) and not isinstance(v, bool) for v in value):
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
        self._municipality_memo: dict = {}
        self._tx_depth = 0
        self._gazetteer = None   # loaded on first need; False when the warehouse has none

    # -- transactions -------------------------------------------------------------------
    def _transaction(self):
        return _Transaction(self)

    # -- sources and municipalities ---------------------------------------------------------
    def upsert_municipality(self, name, kind=None, voivodeship=None, terc=None) -> str | None:
        """The id of the matching municipality row, created or completed as needed.

        Matched by folded name without a kind word ("Gmina Dobre" = "Dobre") and, when
        known, voivodeship; the plain name is preferred over one with a kind word.
        """
        return self.upsert_municipalities([(name, kind, voivodeship, terc)])[0]

    def upsert_municipalities(self, specs) -> list[str | None]:
        """upsert_municipality for many (name, kind, voivodeship, terc) at once, with the
        same result as one after the other but one read and two writes in all. New and
        completed rows are matched against the TERC register when one is loaded."""
        from warehouse.gazetteer import MUNICIPALITY_COLUMNS, apply_match, write_municipalities

        cleaned = []
        for name, kind, voivodeship, terc in specs:
            if not name or not str(name).strip():
                cleaned.append(None)
                continue
            name = " ".join(str(name).split())
            cleaned.append((name, kind, voivodeship_name(voivodeship), terc,
                            municipality_key(name)))
        keys = sorted({c[4] for c in cleaned if c})
        if not keys:
            return [None] * len(cleaned)
        by_key: dict[str, list[dict]] = {}
        for values in self.con.execute(
                f"SELECT {', '.join(MUNICIPALITY_COLUMNS)} FROM municipalities "
                f"WHERE name_key IN (SELECT unnest(?::VARCHAR[])) ORDER BY id", [keys]).fetchall():
            row = dict(zip(MUNICIPALITY_COLUMNS, values))
            by_key.setdefault(row["name_key"], []).append(row)
        gazetteer = self._gazetteer_index()
        new: dict[str, dict] = {}
        changed: dict[str, dict] = {}
        out: list[str | None] = []
        for spec in cleaned:
            if spec is None:
                out.append(None)
                continue
            name, kind, voivodeship, terc, key = spec
            rows = by_key.setdefault(key, [])
            match = None
            if voivodeship:
                match = (next((r for r in rows if r["voivodeship"] == voivodeship), None)
                         or next((r for r in rows if r["voivodeship"] is None), None))
            elif rows:
                match = rows[0]
            if match is None:
                mid = _short_hash(f"{key}|{voivodeship or ''}")
                row = {"id": mid, "name": name, "kind": kind, "voivodeship": voivodeship,
                       "terc": terc, "name_key": key, "powiat": None, "terc_match": None}
                rows.append(row)
                rows.sort(key=lambda r: r["id"])
                new[mid] = row
                if gazetteer:
                    apply_match(row, gazetteer)
                out.append(mid)
                continue
            better_name = fold(name) == key and fold(match["name"]) != key
            if (better_name or (kind and not match["kind"])
                    or (voivodeship and not match["voivodeship"])
                    or (terc and not match["terc"])):
                match.update(name=name if better_name else match["name"],
                             kind=match["kind"] or kind,
                             voivodeship=match["voivodeship"] or voivodeship,
                             terc=match["terc"] or terc)
                if match["id"] not in new:
                    changed[match["id"]] = match
                if gazetteer:
                    apply_match(match, gazetteer)
            out.append(match["id"])
        write_municipalities(self.con, list(new.values()), new=True)
        write_municipalities(self.con, list(changed.values()), new=False)
        return out

    def _gazetteer_index(self):
        """The loaded TERC register (cached per loader), or None when none was loaded."""
        from warehouse.gazetteer import Gazetteer

        if self._gazetteer is None:
            self._gazetteer = Gazetteer.from_con(self.con) or False
        return self._gazetteer or None

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
                                    json.dumps(kinds, ensure_ascii=False, sort_keys=True),
                                    int(per_source.get("unchanged") or 0),
                                    int(per_source.get("gone") or 0)])
        with self._transaction():
            self.con.execute("DELETE FROM crawl_run_sources WHERE run_id = ?", [run_id])
            self._insert_many("crawl_run_sources", ["run_id", "source", "pages", "documents",
                                                    "reports", "errors", "error_kinds",
                                                    "unchanged", "gone"],
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
            "SELECT content_hash, text, text_error, first_seen_at, process_id FROM documents "
            "WHERE id = ?", [did]).fetchone()
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
                # fetched again: validators renewed, and a URL found gone earlier is back
                self.con.execute(
                    "UPDATE documents SET fetched_at = ?, crawl_run_id = coalesce(?, crawl_run_id), "
                    "etag = CASE WHEN ? THEN ? ELSE etag END, "
                    "last_modified = CASE WHEN ? THEN ? ELSE last_modified END, "
                    "gone_at = NULL, gone_status = NULL WHERE id = ?",
                    [fetched_at, self.run_id, *_validators(doc), did])
                return did
            if existing:
                with _ActivityChange(self.con, [did]):
                    self._delete_extracted(did)
                    self._drop_orphan_organisations()
                    self.con.execute("DELETE FROM documents WHERE id = ?", [did])
            first_seen = existing[3] if existing else _now()
            self.con.execute(
                """INSERT INTO documents (id, url, source, crawl_run_id, fetched_at, first_seen_at,
                       http_status, content_type, encoding, content_hash, body, size_bytes, title,
                       referer, link_text, report_score, text, text_error,
                       source_municipality_id, municipality_id, etag, last_modified)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [did, url, doc.get("source"), self.run_id, fetched_at,
                 first_seen,
                 doc.get("http_status"), doc.get("content_type"), doc.get("encoding"),
                 content_hash, body, len(body) if body is not None else None, doc.get("title"),
                 doc.get("referer"), doc.get("link_text"), doc.get("report_score"),
                 text, text_error, source_mid, source_mid, doc.get("etag"),
                 doc.get("last_modified")])
            self._index(did, text, content_hash)
            if existing and existing[4]:  # its process lost a document
                from warehouse import processes
                processes.refresh(self.con, {}, [existing[4]])
        return did

    def store_documents(self, docs) -> tuple[list[str | None], list[tuple[str, str]]]:
        """Store many crawled documents in one transaction → (ids in input order, None for
        a refused one; [(url or title, one-line reason)] of the refused).

        New URLs go in with one Arrow insert (and one search-index insert); URLs already
        stored, or repeated in the batch, take the store_document path, so the result is
        the same as storing them one after the other.
        """
        import pyarrow as pa

        docs = list(docs)
        ids: list[str | None] = [None] * len(docs)
        refused: list[tuple[str, str]] = []
        prepared = []
        for n, doc in enumerate(docs):
            url = doc.get("url") if isinstance(doc, dict) else None
            if not url:
                refused.append((str(doc.get("title") if isinstance(doc, dict) else doc)[:80],
                                "document without a url"))
                continue
            try:
                fetched_at = _timestamp(doc.get("fetched_at"), url) or _now()
            except LoadError as exc:
                refused.append((url, str(exc)))
                continue
            ids[n] = document_id(url)
            prepared.append((n, ids[n], doc, fetched_at))
        if not prepared:
            return ids, refused
        try:
            self._store_new_documents(prepared)
        except BaseException:
            self._municipality_memo.clear()  # ids made in the rolled-back transaction
            raise
        return ids, refused

    def _stored_versions(self, ids: list[str]) -> dict:
        """{id: (content_hash, text, text_error)} of the stored documents among ids."""
        import pyarrow as pa
        self.con.register("partmon_ids", pa.table({"id": pa.array(ids, pa.string())}))
        try:  # ids first (a narrow scan), the texts of the few found by row id
            found = self.con.execute(
                "SELECT id, content_hash, rowid FROM documents "
                "WHERE id IN (SELECT id FROM partmon_ids)").fetchall()
        finally:
            self.con.unregister("partmon_ids")
        if not found:
            return {}
        texts = {r[0]: r[1:] for r in self.con.execute(
            "SELECT rowid, text, text_error FROM documents "
            "WHERE rowid IN (SELECT unnest(?::BIGINT[]))", [[r[2] for r in found]]).fetchall()}
        return {did: (content_hash, *texts[rowid]) for did, content_hash, rowid in found}

    @staticmethod
    def _is_unchanged(doc: dict, stored: tuple) -> bool:
        """Same bytes and same (or no new) text: store_document would only touch fetched_at."""
        body = doc.get("body")
        if isinstance(body, str):
            body = body.encode("utf-8")
        content_hash = doc.get("content_hash") or hashlib.sha256(body or b"").hexdigest()
        text, text_error = doc.get("text"), doc.get("text_error")
        return content_hash == stored[0] and (
            (text is None and text_error is None) or (text, text_error) == stored[1:])

    def _store_new_documents(self, prepared: list) -> None:
        import pyarrow as pa

        with self._transaction():
            known = self._stored_versions(sorted({did for _, did, _, _ in prepared}))
            fresh, unchanged, later, seen = [], [], [], set()
            for n, did, doc, fetched_at in prepared:
                if did in seen:
                    later.append((n, did, doc, fetched_at))
                elif did not in known:
                    fresh.append((n, did, doc, fetched_at))
                elif self._is_unchanged(doc, known[did]):
                    unchanged.append([did, fetched_at, *_validators(doc)])
                else:
                    later.append((n, did, doc, fetched_at))
                seen.add(did)
            if unchanged:  # the common case of a re-crawl: only fetch time and validators move
                columns = [("id", pa.string()), ("fetched_at", pa.timestamp("us")),
                           ("has_etag", pa.bool_()), ("etag", pa.string()),
                           ("has_last_modified", pa.bool_()), ("last_modified", pa.string())]
                table = pa.table({name: pa.array(list(values), kind) for (name, kind), values
                                  in zip(columns, zip(*unchanged))})
                self.con.register("partmon_seen", table)
                try:  # a URL found gone earlier and served again is back
                    self.con.execute(
                        "UPDATE documents SET fetched_at = s.fetched_at, "
                        "crawl_run_id = coalesce(?, documents.crawl_run_id), "
                        "etag = CASE WHEN s.has_etag THEN s.etag ELSE documents.etag END, "
                        "last_modified = CASE WHEN s.has_last_modified THEN s.last_modified "
                        "ELSE documents.last_modified END, gone_at = NULL, gone_status = NULL "
                        "FROM partmon_seen s WHERE documents.id = s.id", [self.run_id])
                finally:
                    self.con.unregister("partmon_seen")
            rows, index = [], []
            now = _now()
            self._prefetch_municipalities([_source_spec(doc) for _, _, doc, _ in fresh])
            for n, did, doc, fetched_at in fresh:
                body = doc.get("body")
                if isinstance(body, str):
                    body = body.encode("utf-8")
                content_hash = doc.get("content_hash") or hashlib.sha256(body or b"").hexdigest()
                source_mid = self._municipality_memo[_source_spec(doc)]
                rows.append([did, doc["url"], doc.get("source"), self.run_id, fetched_at, now,
                             doc.get("http_status"), doc.get("content_type"),
                             doc.get("encoding"), content_hash, body,
                             len(body) if body is not None else None, doc.get("title"),
                             doc.get("referer"), doc.get("link_text"), doc.get("report_score"),
                             doc.get("text"), doc.get("text_error"), source_mid, source_mid,
                             doc.get("etag"), doc.get("last_modified")])
                if doc.get("text") is not None:
                    index.append((did, doc["text"], content_hash))
            if rows:
                types = {"crawl_run_id": pa.int32(), "fetched_at": pa.timestamp("us"),
                         "first_seen_at": pa.timestamp("us"), "http_status": pa.int32(),
                         "body": pa.binary(), "size_bytes": pa.int64(),
                         "report_score": pa.float64()}
                table = pa.table({name: pa.array(list(values), types.get(name, pa.string()))
                                  for name, values in zip(DOCUMENT_COLUMNS, zip(*rows))})
                names = ", ".join(DOCUMENT_COLUMNS)
                self.con.register("partmon_documents", table)
                try:
                    self.con.execute(f"INSERT INTO documents ({names}) "
                                     f"SELECT {names} FROM partmon_documents")
                finally:
                    self.con.unregister("partmon_documents")
                if self.index_text and index:
                    from warehouse.search import index_documents
                    index_documents(self.con, [d[0] for d in index],
                                    texts=[d[1] for d in index], fresh=True)
            for n, did, doc, _ in later:
                self.store_document(doc)

    def mark_gone(self, url: str, http_status: int, fetched_at=None) -> bool:
        """Record that a stored URL answered 404/410 → whether it is stored.

        Nothing is deleted: the document, its text and extracted rows stay (a report taken
        off a site is still evidence of the meeting); gone_at keeps the first time it was
        found gone, until it is served again (store_document clears it).
        """
        marked, refused = self.mark_gone_many([{"url": url, "http_status": http_status,
                                                "fetched_at": fetched_at}])
        if refused:
            raise LoadError(refused[0][1])
        return marked == 1

    def mark_gone_many(self, items) -> tuple[int, list[tuple[str, str]]]:
        """mark_gone for many gone items ({url, http_status, fetched_at}) in one transaction
        → (how many marked a stored document, [(url, one-line reason)] of the refused)."""
        rows, refused = [], []
        for item in items:
            url = item.get("url") if isinstance(item, dict) else None
            if not url:
                refused.append((str(item)[:80], "gone item without a url"))
                continue
            try:
                rows.append([document_id(url), _timestamp(item.get("fetched_at"), url) or _now(),
                             _int_value(item.get("http_status"), url, "http_status")])
            except LoadError as exc:
                refused.append((url, str(exc)))
        if not rows:
            return 0, refused
        marked = 0
        with self._transaction():
            for did, gone_at, status in rows:
                found = self.con.execute(
                    "UPDATE documents SET gone_at = coalesce(gone_at, ?), gone_status = ? "
                    "WHERE id = ? RETURNING id", [gone_at, status, did]).fetchall()
                marked += len(found)
        return marked, refused

    def _index(self, did: str, text: str | None, content_hash: str) -> None:
        if self.index_text:
            from warehouse.search import index_documents
            index_documents(self.con, [did], texts=None if text is None else [text])

    # never extracted, extracted by another extractor version, or changed since
    _PENDING = """(extractor_version IS NULL OR extractor_version <> ?
                   OR extracted_hash IS DISTINCT FROM content_hash)"""

    def documents_to_extract(self, extractor_version: str) -> list[dict]:
        """Documents with text never extracted, extracted by another version, or changed."""
        return self.pending_documents(self.pending_ids(extractor_version), extractor_version)

    def pending_ids(self, extractor_version: str) -> list[str]:
        """Ids of the documents to extract, in URL order, reading only narrow columns (a
        query that filtered and read texts at once decompressed every text of the warehouse)."""
        return [r[0] for r in self.con.execute(
            f"SELECT id FROM documents WHERE {self._PENDING} ORDER BY url",
            [extractor_version]).fetchall()]

    def pending_documents(self, ids: list[str], extractor_version: str) -> list[dict]:
        """The documents among `ids` that have text and are still pending, in the order of
        `ids` (one may have been extracted by another run since the ids were listed)."""
        if not ids:
            return []
        rows = {r[0]: r for r in self.con.execute(
            f"""SELECT id, url, text, title FROM documents
               WHERE id IN (SELECT unnest(?::VARCHAR[])) AND text IS NOT NULL AND {self._PENDING}""",
            [list(ids), extractor_version]).fetchall()}
        return [{"document_id": i, "url": rows[i][1], "text": rows[i][2], "title": rows[i][3]}
                for i in ids if i in rows]

    # -- extraction ---------------------------------------------------------------------
    def store_extraction(self, document_id: str, record: dict, extractor_version: str) -> None:
        """Replace the document's extracted rows with this full record, atomically.

        Raises LoadError (a record the warehouse cannot take, or an unknown document) and
        leaves the document as it was.
        """
        self._store_extractions([(document_id, record)], extractor_version, strict=True)

    def store_extractions(self, items, extractor_version: str) -> dict:
        """Store many (document_id, full record) pairs in one transaction → {"stored": n,
        "errors": {document_id: one-line reason}}. Items may be (document_id, record, text)
        triples when the caller has the document's text at hand (saves reading it back).

        The bulk path (Arrow inserts, organisations resolved in SQL): ~100× faster than one
        store_extraction per document. Each document still ends up all-or-nothing: a record
        the warehouse refuses is stored as that document's extraction error and the others
        go in; if the batch itself fails, it is rolled back and stored document by document.
        """
        items = list(items)
        try:
            return self._store_extractions(items, extractor_version, strict=False)
        except LoadError:
            raise
        except Exception:  # an unexpected refusal by the database: isolate the culprit
            stored, errors = 0, {}
            for did, record, *text in items:
                try:
                    got = self._store_extractions([(did, record, *text)], extractor_version,
                                                  strict=False)
                    stored += got["stored"]
                    errors.update(got["errors"])
                except Exception as exc:
                    message = _one_line(exc)
                    errors[did] = message
                    try:
                        self.store_extraction_error(did, message, extractor_version)
                    except LoadError:
                        pass
            return {"stored": stored, "errors": errors}

    def store_extraction_error(self, document_id: str, error: str, extractor_version: str) -> None:
        """Record that extraction failed for this document (its extracted rows are dropped)."""
        line = " ".join(str(error).split()) or "extraction failed"
        self._store_extractions([(document_id, {"error": line})], extractor_version, strict=True)

    def _documents_info(self, ids: list[str], with_text: bool = True) -> dict:
        """{id: (text, source municipality, extractor version, process, title, url)};
        without with_text the text is None (reading every text costs a scan of them all)."""
        if not ids:
            return {}
        import pyarrow as pa
        self.con.register("partmon_ids", pa.table({"id": pa.array(ids, pa.string())}))
        try:
            rows = self.con.execute(
                f"SELECT d.id, {'d.text' if with_text else 'NULL'}, d.source_municipality_id, "
                "d.extractor_version, "
                "d.process_id, d.title, d.url FROM documents d "
                "WHERE d.id IN (SELECT id FROM partmon_ids)").fetchall()
        finally:
            self.con.unregister("partmon_ids")
        return {r[0]: r[1:] for r in rows}

    def _store_extractions(self, items: list, extractor_version: str, strict: bool) -> dict:
        """The one implementation behind store_extraction(s) and store_extraction_error."""
        from warehouse import processes

        if not items:
            return {"stored": 0, "errors": {}}
        # the last record of a document wins, as if stored one after the other
        latest, texts = {}, {}
        for did, record, *text in items:
            latest.pop(did, None)
            latest[did] = record
            if text:
                texts[did] = text[0]
        batch = _Batch()
        errors: dict[str, str] = {}
        now = _now()
        try:
            with self._transaction():
                self._prefetch_municipalities(
                    [_record_spec(r.get("municipality")) for r in latest.values()
                     if isinstance(r, dict) and not r.get("error")
                     and _record_spec(r.get("municipality"))])
                info = self._documents_info(list(latest), with_text=len(texts) < len(latest))
                for did, text in texts.items():
                    if did in info:
                        info[did] = (text, *info[did][1:])
                gc_was_on = gc.isenabled()
                gc.disable()  # millions of small rows without cycles: collections only cost
                try:
                    for did, record in latest.items():
                        self._prepare_one(did, record, info, batch, errors, strict)
                finally:
                    if gc_was_on:
                        gc.enable()
                batch.write(self, extractor_version, now)
                processes.refresh(self.con, batch.process_keys, batch.stale_processes)
        except BaseException:
            self._municipality_memo.clear()  # ids made in the rolled-back transaction
            raise
        stored = sum(1 for u in batch.updates if u[8] is None)
        if strict:  # the single-document calls report a stored error as done, not failed
            errors = {}
        return {"stored": stored, "errors": errors}

    def _prepare_one(self, did, record, info, batch, errors, strict) -> None:
        """Add one document's rows (or its extraction error) to the batch."""
        from warehouse import processes

        if did not in info:
            if strict:
                raise LoadError(f"{did}: no such document in the warehouse")
            errors[did] = "no such document in the warehouse"
            return
        text, source_mid, extracted_by, old_process, title, url = info[did]
        if extracted_by is not None:  # extracted rows exist only once a version is set
            batch.replaced.append(did)
        if old_process:
            batch.stale_processes.add(old_process)
        error = record.get("error") if isinstance(record, dict) else "not a record"
        if not error:
            try:
                rows = _prepare(did, record, text)
                document_date = _text_value(record.get("document_date"), did, "document_date")
                next_meeting = record.get("next_meeting") or {}
                if not isinstance(next_meeting, dict):
                    raise LoadError(f"{did}: next_meeting is not an object")
                update = [_text_value(record.get("title"), did, "title"), document_date,
                          _year(document_date),
                          _text_value(next_meeting.get("date"), did, "next_meeting.date"),
                          _text_value(next_meeting.get("time"), did, "next_meeting.time"),
                          _text_value(next_meeting.get("place"), did, "next_meeting.place")]
            except LoadError as exc:
                if strict:
                    raise
                error = str(exc)
            else:
                batch.add(rows)
                mid = self._municipality_id(record.get("municipality")) or source_mid
                meeting_kinds = [m.get("kind") for m in record.get("meetings") or []
                                 if isinstance(m, dict) and isinstance(m.get("kind"), str)]
                key = processes.classify(record.get("title") or title, text, meeting_kinds)
                pid = processes.process_id(mid, key) if mid else None
                if pid:
                    batch.process_keys[pid] = key
                batch.updates.append([did, mid, *update, None, pid, key.stage if pid else None])
                return
        line = " ".join(str(error).split()) or "extraction failed"
        errors.setdefault(did, line)
        batch.updates.append([did, None, None, None, None, None, None, None, line, None, None])

    def _prefetch_municipalities(self, specs) -> None:
        """Upsert the (name, kind, voivodeship, terc) not yet memoised, all at once."""
        todo = list(dict.fromkeys(s for s in specs if s not in self._municipality_memo))
        if todo:
            self._municipality_memo.update(zip(todo, self.upsert_municipalities(todo)))

    def _municipality_id(self, municipality) -> str | None:
        """upsert_municipality with a per-loader memo (the same few names recur in a batch)."""
        spec = _record_spec(municipality)
        if spec is None:
            return None
        if spec not in self._municipality_memo:
            self._prefetch_municipalities([spec])
        return self._municipality_memo[spec]

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
        self.con.execute(
            f"DELETE FROM organisation_surfaces WHERE organisation_id IN ({marks}) "
            f"AND organisation_id NOT IN (SELECT id FROM organisations WHERE id IN ({marks}))",
            candidates + candidates)

    def _insert_many(self, table: str, columns: list[str], rows: list, chunk: int = 500) -> None:
        """Multi-row INSERTs (much faster in DuckDB than executemany for a few rows)."""
        row = "(" + ", ".join("?" for _ in columns) + ")"
        for start in range(0, len(rows), chunk):
            part = rows[start:start + chunk]
            self.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                             + ", ".join(row for _ in part), [v for r in part for v in r])

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


# -- the bulk path: rows prepared in Python, written with one Arrow insert per table --------

def _validators(doc: dict) -> list:
    """[has etag, etag, has last_modified, last_modified]: an item without the keys (a local
    file, an older crawler) leaves the stored validators alone; one with null clears them."""
    return ["etag" in doc, doc.get("etag"), "last_modified" in doc, doc.get("last_modified")]


def _source_spec(doc: dict) -> tuple:
    """(name, kind, voivodeship, terc) of the municipality a crawled document's source names."""
    return (doc.get("municipality"), None, doc.get("voivodeship"), doc.get("terc"))


def _record_spec(municipality) -> tuple | None:
    """(name, kind, voivodeship, terc) of an extracted municipality, None when unnamed."""
    if not isinstance(municipality, dict) or not municipality.get("name"):
        return None
    return (municipality.get("name"), municipality.get("kind"), municipality.get("voivodeship"),
            None)


def _one_line(exc: BaseException) -> str:
    return (" ".join(f"{type(exc).__name__}: {exc}".split()))[:300]


_org_key = lru_cache(maxsize=200_000)(lambda name: organisation_key(name))


def _text_value(value, did: str, field: str) -> str | None:
    """A scalar for a text column; numbers become text, lists and objects are refused."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise LoadError(f"{did}: {field} is not text: {value!r:.60}")


def _int_value(value, did: str, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and -2**31 < value < 2**31:
        return value
    raise LoadError(f"{did}: {field} is not a whole number: {value!r:.60}")


#: columns of each extracted table after (document_id, item_no), before (char_start, char_end);
#: "i" marks INTEGER columns, everything else is text
ITEM_COLUMNS = {
    "meetings": [("meeting_date", ""), ("year", "i"), ("kind", ""), ("participants", "i"),
                 ("organisations_count", "i"), ("place", "")],
    "people": [("name", ""), ("role", "")],
    "dates": [("text", ""), ("value", ""), ("end_value", ""), ("year", "i")],
    "goals": [("text", ""), ("level", "")],
    "priority_tasks": [("text", ""), ("area", "")],
    "legal_acts": [("text", "")],
    "funding": [("name", "")],
}
MENTION_COLUMNS = [("document_id", ""), ("item_no", "i"), ("mention_no", "i"),
                   ("organisation_id", ""), ("extracted_name", ""), ("surface", ""),
                   ("char_start", "i"), ("char_end", "i"), ("context_before", ""),
                   ("context_after", "")]
#: characters of text kept on each side of an organisation mention (organisation_mentions)
MENTION_CONTEXT = 80


def _item_values(field: str, item, did: str, i: int) -> list:
    where = f"{field}[{i}]"
    if field in ("legal_acts", "funding"):
        return [_text_value(_item_text(item, "text", "name") if field == "legal_acts"
                            else _item_text(item, "name", "text"), did, where)]
    if not isinstance(item, dict):
        raise LoadError(f"{did}: {where} is not an object: {item!r:.60}")
    get = item.get

    def t(key):  # the common values pass without building the field's name
        value = get(key)
        return value if value is None or type(value) is str else _text_value(
            value, did, f"{where}.{key}")

    def n(key):
        value = get(key)
        return value if value is None or (type(value) is int and -2**31 < value < 2**31) \
            else _int_value(value, did, f"{where}.{key}")
    if field == "meetings":
        return [t("date"), _year(item.get("date")), t("kind"), n("participants"),
                n("organisations_count"), t("place")]
    if field == "people":
        return [t("name"), t("role")]
    if field == "dates":
        return [t("text"), t("value"), t("end"), _year(item.get("value"))]
    if field == "goals":
        return [t("text"), t("level")]
    return [t("text"), t("area")]


def _prepare(did: str, record: dict, text: str | None) -> dict:
    """All rows one full record gives: {table: [row, ...], "entities": {id: row}}.
    Raises LoadError naming the document and field for a value the warehouse cannot take."""
    provenance = record.get("provenance") or {}
    out: dict = {"entities": {}}
    for field in ITEM_COLUMNS:
        items = record.get(field) or []
        if not isinstance(items, list):
            raise LoadError(f"{did}: {field} is not a list")
        out[field] = [[did, i, *_item_values(field, item, did, i), *_span(span)]
                      for i, (item, span) in enumerate(zip(items, _spans(provenance, field,
                                                                          len(items))))]
    organisations = record.get("organisations") or []
    if not isinstance(organisations, list):
        raise LoadError(f"{did}: organisations is not a list")
    entities = out["entities"]
    mentions_rows = []
    spans_per_org = _spans(provenance, "organisations", len(organisations))
    for i, (org, spans) in enumerate(zip(organisations, spans_per_org)):
        name = org.get("name") if isinstance(org, dict) else None
        key = _org_key(name) if isinstance(name, str) else ""
        if not key:
            raise LoadError(f"{did}: organisation {i} has no name")
        kind = _text_value(org.get("kind"), did, f"organisations[{i}].kind")
        oid = _short_hash(key)
        if oid not in entities or (entities[oid][2] is None and kind):
            entities[oid] = (oid, " ".join(name.split()), kind, key)
        surfaces = [s for s in (org.get("mentions") or []) if isinstance(s, str)]
        spans = [_span(s) for s in spans] if isinstance(spans, (list, tuple)) else []
        spans = [s for s in spans if s[0] is not None]
        if spans and len(spans) == len(surfaces):
            mentions = [(surface, *span) for surface, span in zip(surfaces, spans)]
        else:
            mentions, seen = [], set()
            for start, end in spans:
                surface = text[start:end] if text and 0 <= start < end <= len(text) else None
                mentions.append((surface, start, end))
                seen.add(surface)
            mentions += [(s, None, None) for s in dict.fromkeys(surfaces) if s not in seen]
        if not mentions:
            mentions = [(name, None, None)]
        mentions_rows += [[did, i, k, oid, name, surface, start, end,
                           *_context(text, start, end)]
                          for k, (surface, start, end) in enumerate(mentions)]
    out["organisation_mentions"] = mentions_rows
    return out


_SPACES = re.compile(r"[\t\n\f\r ]+")  # what \\s+ matches in DuckDB (RE2)


def _squeeze(text: str) -> str:
    """Every run of white space as one space, as the dashboard shows a context."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text:
        return _SPACES.sub(" ", text)
    return text


def _context(text: str | None, start, end) -> tuple:
    """The MENTION_CONTEXT characters before and after a mention, white space squeezed, cut
    at load time so the dashboard's concordance needs no document text; (None, None) when
    the offsets do not fit the text (the reader then cuts from documents.text)."""
    if text is None or start is None or not 0 <= start <= end <= len(text):
        return None, None
    return (_squeeze(text[max(start - MENTION_CONTEXT, 0):start]),
            _squeeze(text[end:end + MENTION_CONTEXT]))


def _arrow(columns: list[tuple[str, str]], rows: list):
    import pyarrow as pa
    data = list(zip(*rows)) if rows else [[] for _ in columns]
    return pa.table({name: pa.array(list(values), pa.int32() if kind == "i" else pa.string())
                     for (name, kind), values in zip(columns, data)})


class _Batch:
    """Rows of many documents' extractions, written together in one transaction."""

    UPDATE_COLUMNS = [("id", ""), ("municipality_id", ""), ("report_title", ""),
                      ("document_date", ""), ("document_year", "i"), ("next_meeting_date", ""),
                      ("next_meeting_time", ""), ("next_meeting_place", ""),
                      ("extraction_error", ""), ("process_id", ""), ("process_stage", "")]

    def __init__(self):
        self.rows = {table: [] for table in [*ITEM_COLUMNS, "organisation_mentions"]}
        self.entities: dict[str, tuple] = {}
        self.replaced: list[str] = []
        self.updates: list[list] = []
        self.process_keys: dict = {}
        self.stale_processes: set[str] = set()

    def add(self, prepared: dict) -> None:
        for table, rows in prepared.items():
            if table == "entities":
                for oid, entity in rows.items():
                    if oid not in self.entities or (self.entities[oid][2] is None and entity[2]):
                        self.entities[oid] = entity
            else:
                self.rows[table] += rows

    def _with(self, con, name: str, table, sql: str) -> None:
        con.register(name, table)
        try:
            con.execute(sql)
        finally:
            con.unregister(name)

    def write(self, loader: "Loader", extractor_version: str, now) -> None:
        affected = [*self.replaced, *(u[0] for u in self.updates),
                    *(r[0] for r in self.rows["organisation_mentions"])]
        # once written, the batch's mention rows are all the mentions its documents have
        # (a document extracted before loses its old ones; one never extracted had none)
        self.mentions = _arrow(MENTION_COLUMNS, self.rows["organisation_mentions"])
        con = loader.con
        con.register("partmon_new_mentions", self.mentions)
        try:
            with _ActivityChange(con, affected, before=self.replaced,
                                 after="partmon_new_mentions"):
                self._write(loader, extractor_version, now)
        finally:
            con.unregister("partmon_new_mentions")

    def _write(self, loader: "Loader", extractor_version: str, now) -> None:
        import pyarrow as pa
        con = loader.con
        if self.replaced:
            ids = pa.table({"id": pa.array(self.replaced, pa.string())})
            con.register("partmon_replaced", ids)
            try:
                loader._orphan_candidates.update(r[0] for r in con.execute(
                    "SELECT DISTINCT organisation_id FROM organisation_mentions "
                    "WHERE document_id IN (SELECT id FROM partmon_replaced)").fetchall())
                for table in EXTRACTED_TABLES:
                    con.execute(f"DELETE FROM {table} "
                                f"WHERE document_id IN (SELECT id FROM partmon_replaced)")
            finally:
                con.unregister("partmon_replaced")
        if self.entities:
            entities = _arrow([("id", ""), ("name", ""), ("kind", ""), ("name_key", "")],
                              list(self.entities.values()))
            con.register("partmon_entities", entities)
            try:
                con.execute("INSERT INTO organisations (id, name, kind, name_key) "
                            "SELECT e.id, e.name, e.kind, e.name_key FROM partmon_entities e "
                            "WHERE e.id NOT IN (SELECT id FROM organisations)")
                con.execute("UPDATE organisations SET kind = e.kind FROM partmon_entities e "
                            "WHERE organisations.id = e.id AND organisations.kind IS NULL "
                            "AND e.kind IS NOT NULL")
            finally:
                con.unregister("partmon_entities")
        for table, columns in ITEM_COLUMNS.items():
            rows = self.rows[table]
            if rows:
                cols = [("document_id", ""), ("item_no", "i"), *columns,
                        ("char_start", "i"), ("char_end", "i")]
                names = ", ".join(c for c, _ in cols)
                self._with(con, "partmon_rows", _arrow(cols, rows),
                           f"INSERT INTO {table} ({names}) SELECT {names} FROM partmon_rows")
        if self.rows["organisation_mentions"]:
            # one organisation's mentions of a batch lie together: reading them (with their
            # contexts) decompresses a vector or two per batch instead of every one
            names = ", ".join(c for c, _ in MENTION_COLUMNS)
            self._with(con, "partmon_rows", self.mentions,
                       f"INSERT INTO organisation_mentions ({names}) "
                       f"SELECT {names} FROM partmon_rows ORDER BY organisation_id; "
                       f"INSERT INTO organisation_surfaces SELECT DISTINCT r.organisation_id, "
                       f"r.surface FROM partmon_rows r WHERE r.surface IS NOT NULL AND NOT "
                       f"EXISTS (SELECT 1 FROM organisation_surfaces s WHERE s.organisation_id "
                       f"= r.organisation_id AND s.surface = r.surface)")
        loader._drop_orphan_organisations()
        if self.updates:
            sets = ", ".join(f"{c} = u.{c}" for c, _ in self.UPDATE_COLUMNS[1:])
            # municipality_id: the extracted one, else the source's (kept on errors)
            sets = sets.replace("municipality_id = u.municipality_id",
                                "municipality_id = coalesce(u.municipality_id, "
                                "documents.source_municipality_id)")
            con.execute("SET VARIABLE partmon_version = ?", [extractor_version])
            con.execute("SET VARIABLE partmon_now = ?", [now])
            self._with(con, "partmon_updates", _arrow(self.UPDATE_COLUMNS, self.updates),
                       f"UPDATE documents SET {sets}, extracted_at = getvariable('partmon_now'), "
                       f"extractor_version = getvariable('partmon_version'), "
                       f"extracted_hash = content_hash "
                       f"FROM partmon_updates u WHERE documents.id = u.id")


_ACTIVITY_KEYS = ("organisation_id", "municipality_id", "document_year", "process_id")


class _ActivityChange:
    """Keeps organisation_activity and organisation_totals in step with the mentions of some
    documents.

    On entry the documents' current contributions are taken out (as a negative delta), on
    a clean exit their new ones are put in; the net change is applied in one go, inside the
    caller's transaction, so the summary never disagrees with organisation_mentions.
    `before`: the ids that may have mentions now (default: all; a batch passes those
    extracted before, as a never-extracted document has none). `after`: the name of a
    registered relation (document_id, organisation_id) holding every mention of the
    documents once the change is made (a batch's new rows), spares scanning the mentions.
    """

    def __init__(self, con, document_ids, before=None, after: str | None = None):
        self.con = con
        self.ids = sorted(set(i for i in document_ids if i))
        self.before = self.ids if before is None else sorted(set(before))
        self.after = after

    def _contributions(self, sign: str, ids_table: str, mentions: str) -> None:
        self.con.execute(f"""INSERT INTO partmon_activity_delta
            SELECT om.organisation_id, d.municipality_id, d.document_year, d.process_id,
                   {sign}count(DISTINCT om.document_id), {sign}count(*)
            FROM {mentions} om JOIN documents d ON d.id = om.document_id
            WHERE om.document_id IN (SELECT id FROM {ids_table}) GROUP BY ALL""")

    def __enter__(self):
        if not self.ids:
            return self
        import pyarrow as pa
        self.con.register("partmon_activity_ids",
                          pa.table({"id": pa.array(self.ids, pa.string())}))
        self.con.execute("""CREATE OR REPLACE TEMP TABLE partmon_activity_delta (
            organisation_id VARCHAR, municipality_id VARCHAR, document_year INTEGER,
            process_id VARCHAR, documents BIGINT, mentions BIGINT)""")
        if self.before:
            self.con.register("partmon_activity_before",
                              pa.table({"id": pa.array(self.before, pa.string())}))
            try:
                self._contributions("-", "partmon_activity_before", "organisation_mentions")
            finally:
                self.con.unregister("partmon_activity_before")
        return self

    def __exit__(self, exc_type, exc, tb):
        if not self.ids:
            return False
        try:
            if exc_type is None:
                self._contributions("", "partmon_activity_ids",
                                    self.after or "organisation_mentions")
                self._apply(negative=bool(self.before))
                self.con.execute("DROP TABLE IF EXISTS partmon_activity_delta")
                self.con.execute("DROP TABLE IF EXISTS partmon_activity_net")
            # after a failure the transaction is rolled back, temporary tables with it
        finally:
            self.con.unregister("partmon_activity_ids")
        return False

    def _apply(self, negative: bool = True) -> None:
        keys = ", ".join(_ACTIVITY_KEYS)
        same = " AND ".join(f"a.{k} IS NOT DISTINCT FROM n.{k}" for k in _ACTIVITY_KEYS)
        con = self.con
        con.execute(f"""CREATE OR REPLACE TEMP TABLE partmon_activity_net AS
            SELECT {keys}, sum(documents)::BIGINT AS documents, sum(mentions)::BIGINT AS mentions
            FROM partmon_activity_delta GROUP BY ALL
            HAVING sum(documents) <> 0 OR sum(mentions) <> 0""")
        if not con.execute("SELECT count(*) FROM partmon_activity_net").fetchone()[0]:
            return
        con.execute(f"""UPDATE organisation_activity a
            SET documents = a.documents + n.documents, mentions = a.mentions + n.mentions
            FROM partmon_activity_net n WHERE {same}""")
        con.execute(f"""INSERT INTO organisation_activity ({keys}, documents, mentions)
            SELECT {keys}, documents, mentions FROM partmon_activity_net n
            WHERE n.documents > 0
              AND NOT EXISTS (SELECT 1 FROM organisation_activity a WHERE {same})""")
        if negative:  # only taken-out contributions can empty a row
            con.execute("DELETE FROM organisation_activity WHERE documents <= 0")
        # the touched organisations' totals, summed again from their activity rows
        con.execute("""CREATE OR REPLACE TEMP TABLE partmon_activity_orgs AS
            SELECT DISTINCT organisation_id FROM partmon_activity_net""")
        con.execute("DELETE FROM organisation_totals WHERE organisation_id IN "
                    "(SELECT organisation_id FROM partmon_activity_orgs)")
        con.execute(f"""INSERT INTO organisation_totals {_TOTALS_SQL}
            WHERE organisation_id IN (SELECT organisation_id FROM partmon_activity_orgs)
            GROUP BY ALL) GROUP BY ALL""")
        con.execute("DROP TABLE partmon_activity_orgs")


#: organisation_totals from organisation_activity; the caller adds a WHERE and closes it
_TOTALS_SQL = """(organisation_id, municipalities, documents, mentions)
    SELECT organisation_id, count(municipality_id), sum(documents), sum(mentions)
    FROM (SELECT organisation_id, municipality_id, sum(documents) AS documents,
                 sum(mentions) AS mentions FROM organisation_activity"""


def rebuild_organisation_activity(con) -> None:
    """Recompute organisation_activity and organisation_totals from organisation_mentions
    (a repair; tests compare)."""
    con.execute("DELETE FROM organisation_activity")
    con.execute("""INSERT INTO organisation_activity
        SELECT om.organisation_id, d.municipality_id, d.document_year, d.process_id,
               count(DISTINCT om.document_id), count(*)
        FROM organisation_mentions om JOIN documents d ON d.id = om.document_id GROUP BY ALL""")
    con.execute("DELETE FROM organisation_totals")
    con.execute(f"INSERT INTO organisation_totals {_TOTALS_SQL} GROUP BY ALL) GROUP BY ALL")
    con.execute("DELETE FROM organisation_surfaces")
    con.execute("INSERT INTO organisation_surfaces SELECT DISTINCT organisation_id, surface "
                "FROM organisation_mentions WHERE surface IS NOT NULL")


class _Transaction:
    """BEGIN … COMMIT, or ROLLBACK on any exception; nested uses join the outer one.

    Nesting is counted on the loader: in DuckDB a failed BEGIN inside a transaction
    aborts that transaction, so it must never be attempted.
    """

    def __init__(self, loader: "Loader"):
        self.loader = loader
        self.outer = False

    def __enter__(self):
        if self.loader._tx_depth == 0:
            self.loader.con.execute("BEGIN TRANSACTION")
            self.outer = True
        self.loader._tx_depth += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        self.loader._tx_depth -= 1
        if not self.outer:
            return False
        if exc_type is None:
            self.loader.con.execute("COMMIT")
        else:
            self.loader.con.execute("ROLLBACK")
        return False


class BatchWriter:
    """Writes to a warehouse file in short bursts, so readers get their turn.

    DuckDB gives one process the file at a time. A crawl or extraction that kept it open
    would lock the dashboard and `partmon sql` out for its whole length; instead documents
    and extraction records are buffered and written `batch_size` at a time (or after
    `max_seconds`), each batch through its own connection and in one transaction, which is
    then closed. Readers opening meanwhile wait (warehouse.db.connect retries) for at most
    one batch.
    """

    #: at least this long (seconds) between closing the file and opening it again
    gap_s = 0.15

    def __init__(self, db_path, batch_size: int = 64, max_seconds: float = 2.0,
                 on_error=None, index_text: bool = True):
        """on_error(document id or url, one-line reason) hears of every refused document
        and every stored extraction error."""
        self.db_path = db_path
        self.batch_size, self.max_seconds = batch_size, max_seconds
        self.on_error = on_error or (lambda who, why: None)
        self.index_text = index_text
        self.run_id: int | None = None
        self.stored = 0
        self.failed = 0
        self._documents: list[dict] = []
        self._extractions: list[tuple[str, dict]] = []
        self._gone: list[dict] = []
        self.gone = 0  # gone items that marked a stored document
        self._version: str | None = None
        self._since: float | None = None
        self._closed_at = float("-inf")

    def loader(self):
        """Context manager: a Loader on a fresh connection, closed on exit."""
        from contextlib import contextmanager

        from warehouse.db import connect

        @contextmanager
        def session():
            import time
            # leave readers waiting for the file a gap to get in between two bursts
            wait = self.gap_s - (time.monotonic() - self._closed_at)
            if wait > 0:
                time.sleep(wait)
            con = connect(self.db_path)
            try:
                loader = Loader(con, index_text=self.index_text)
                loader.run_id = self.run_id
                yield loader
            finally:
                con.close()
                self._closed_at = time.monotonic()
        return session()

    def _due(self) -> bool:
        import time
        if self._since is None:
            self._since = time.monotonic()
        pending = len(self._documents) + len(self._extractions) + len(self._gone)
        return pending >= self.batch_size or time.monotonic() - self._since >= self.max_seconds

    def add_document(self, doc: dict) -> None:
        self._documents.append(doc)
        if self._due():
            self.flush()

    def add_gone(self, item: dict) -> None:
        """Queue a crawler's gone item ({url, http_status, fetched_at}): Loader.mark_gone."""
        self._gone.append(item)
        if self._due():
            self.flush()

    def add_extraction(self, document_id: str, record: dict, extractor_version: str,
                       text: str | None = None) -> None:
        """Queue one full record; `text`, the document's text, spares reading it back."""
        if self._version not in (None, extractor_version):
            self.flush()
        self._version = extractor_version
        self._extractions.append((document_id, record) if text is None
                                 else (document_id, record, text))
        if self._due():
            self.flush()

    def flush(self) -> None:
        """Write what is buffered (one connection, one transaction per kind of item)."""
        documents, extractions, gone = self._documents, self._extractions, self._gone
        self._documents, self._extractions, self._gone, self._since = [], [], [], None
        if not documents and not extractions and not gone:
            return
        with self.loader() as loader:
            if documents:
                ids, refused = loader.store_documents(documents)
                self.stored += sum(1 for i in ids if i)
                self.failed += len(refused)
                for who, why in refused:
                    self.on_error(who, why)
            if extractions:
                got = loader.store_extractions(extractions, self._version)
                self.stored += got["stored"]
                self.failed += len(got["errors"])
                for who, why in got["errors"].items():
                    self.on_error(who, why)
            if gone:
                marked, refused = loader.mark_gone_many(gone)
                self.gone += marked
                for who, why in refused:
                    self.on_error(who, why)
