-- partmon warehouse schema (DuckDB). Applied on every writable connect: idempotent.
-- Every table and column carries a COMMENT; the data dictionary is generated from them
-- (warehouse/dictionary.py) and a test fails when one is missing.
-- Conventions: ids of documents are the first 16 hex digits of sha256(url), so re-runs are
-- stable; extracted rows are keyed by (document_id, item_no) and keep character offsets
-- (char_start, char_end; end exclusive, nullable) into documents.text. Partial ISO dates
-- (YYYY, YYYY-MM) are kept as text beside an integer year. No FOREIGN KEY constraints
-- (DuckDB cannot update referenced rows); the links are documented in the comments.

CREATE TABLE IF NOT EXISTS sources (
    name            VARCHAR PRIMARY KEY,
    municipality    VARCHAR,
    terc            VARCHAR,
    voivodeship     VARCHAR,
    municipality_id VARCHAR,
    spider          VARCHAR,
    start_urls      VARCHAR[],
    allowed_domains VARCHAR[],
    include         VARCHAR[],
    exclude         VARCHAR[],
    updated_at      TIMESTAMP
);
COMMENT ON TABLE sources IS 'Configured crawl sources: one row per site (municipal CMS or BIP) that reports are harvested from.';
COMMENT ON COLUMN sources.name IS 'Unique name of the source, as in the sources file; documents.source refers to it.';
COMMENT ON COLUMN sources.municipality IS 'Local government the source belongs to, as configured (nominative), or null.';
COMMENT ON COLUMN sources.terc IS 'TERYT TERC code of that local government, as configured, or null.';
COMMENT ON COLUMN sources.voivodeship IS 'Voivodeship of that local government (lower-case adjective, e.g. podlaskie), or null.';
COMMENT ON COLUMN sources.municipality_id IS 'municipalities.id of the configured local government, or null.';
COMMENT ON COLUMN sources.spider IS 'Spider family used to crawl it: cms or bip.';
COMMENT ON COLUMN sources.start_urls IS 'URLs the crawl starts from.';
COMMENT ON COLUMN sources.allowed_domains IS 'Domains the crawler may follow links into.';
COMMENT ON COLUMN sources.include IS 'Regular expressions a followed URL must match (any of them), empty for all.';
COMMENT ON COLUMN sources.exclude IS 'Regular expressions of URLs never followed.';
COMMENT ON COLUMN sources.updated_at IS 'When this source row was last written (UTC).';

CREATE SEQUENCE IF NOT EXISTS crawl_run_ids START 1;
CREATE TABLE IF NOT EXISTS crawl_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TIMESTAMP,
    finished_at TIMESTAMP,
    sources     INTEGER,
    pages       INTEGER,
    documents   INTEGER,
    reports     INTEGER,
    errors      INTEGER,
    stats       VARCHAR
);
COMMENT ON TABLE crawl_runs IS 'One row per crawl (partmon crawl): when it ran and what it harvested, summed over sources.';
COMMENT ON COLUMN crawl_runs.id IS 'Crawl run number, increasing.';
COMMENT ON COLUMN crawl_runs.started_at IS 'When the crawl started (UTC).';
COMMENT ON COLUMN crawl_runs.finished_at IS 'When the crawl finished (UTC); null while running or if it died.';
COMMENT ON COLUMN crawl_runs.sources IS 'Number of sources crawled.';
COMMENT ON COLUMN crawl_runs.pages IS 'Pages fetched, over all sources.';
COMMENT ON COLUMN crawl_runs.documents IS 'Documents harvested (stored), over all sources.';
COMMENT ON COLUMN crawl_runs.reports IS 'Documents judged likely meeting reports, over all sources.';
COMMENT ON COLUMN crawl_runs.errors IS 'Errors of every kind (HTTP, timeouts, parsing), over all sources.';
COMMENT ON COLUMN crawl_runs.stats IS 'Per-source statistics as JSON: {source: {pages, documents, reports, errors: {kind: n}}}.';

CREATE TABLE IF NOT EXISTS crawl_run_sources (
    run_id      INTEGER NOT NULL,
    source      VARCHAR NOT NULL,
    pages       INTEGER,
    documents   INTEGER,
    reports     INTEGER,
    errors      INTEGER,
    error_kinds VARCHAR,
    PRIMARY KEY (run_id, source)
);
COMMENT ON TABLE crawl_run_sources IS 'What one crawl run harvested from one source (the crawler''s per-source statistics).';
COMMENT ON COLUMN crawl_run_sources.run_id IS 'crawl_runs.id of the run.';
COMMENT ON COLUMN crawl_run_sources.source IS 'sources.name of the source.';
COMMENT ON COLUMN crawl_run_sources.pages IS 'Pages fetched from the source.';
COMMENT ON COLUMN crawl_run_sources.documents IS 'Documents harvested from the source.';
COMMENT ON COLUMN crawl_run_sources.reports IS 'Documents judged likely meeting reports.';
COMMENT ON COLUMN crawl_run_sources.errors IS 'Errors of every kind.';
COMMENT ON COLUMN crawl_run_sources.error_kinds IS 'Errors by kind as JSON, e.g. {"http_404": 2, "timeout": 1}.';

CREATE TABLE IF NOT EXISTS documents (
    id                 VARCHAR PRIMARY KEY,
    url                VARCHAR NOT NULL UNIQUE,
    source             VARCHAR,
    crawl_run_id       INTEGER,
    fetched_at         TIMESTAMP,
    first_seen_at      TIMESTAMP,
    http_status        INTEGER,
    content_type       VARCHAR,
    encoding           VARCHAR,
    content_hash       VARCHAR,
    body               BLOB,
    size_bytes         BIGINT,
    title              VARCHAR,
    referer            VARCHAR,
    link_text          VARCHAR,
    report_score       DOUBLE,
    text               VARCHAR,
    text_error         VARCHAR,
    source_municipality_id VARCHAR,
    municipality_id    VARCHAR,
    report_title       VARCHAR,
    document_date      VARCHAR,
    document_year      INTEGER,
    next_meeting_date  VARCHAR,
    next_meeting_time  VARCHAR,
    next_meeting_place VARCHAR,
    extraction_error   VARCHAR,
    extracted_at       TIMESTAMP,
    extractor_version  VARCHAR,
    extracted_hash     VARCHAR
);
COMMENT ON TABLE documents IS 'One row per harvested URL (page or attachment): the fetched body, its plain text and what extraction found about the document as a whole.';
COMMENT ON COLUMN documents.id IS 'Document id: first 16 hex digits of sha256(url); stable across runs. Extracted rows refer to it as document_id.';
COMMENT ON COLUMN documents.url IS 'Canonical URL of the fetched document (after redirects), or the input path for local files.';
COMMENT ON COLUMN documents.source IS 'sources.name of the source it was found from.';
COMMENT ON COLUMN documents.crawl_run_id IS 'crawl_runs.id of the run that last stored it, or null.';
COMMENT ON COLUMN documents.fetched_at IS 'When it was last fetched (UTC).';
COMMENT ON COLUMN documents.first_seen_at IS 'When this URL was first stored (UTC).';
COMMENT ON COLUMN documents.http_status IS 'HTTP status of the response.';
COMMENT ON COLUMN documents.content_type IS 'MIME type, lower-case, without parameters (e.g. text/html, application/pdf).';
COMMENT ON COLUMN documents.encoding IS 'Charset declared by the HTTP header, or null.';
COMMENT ON COLUMN documents.content_hash IS 'sha256 hex of the body; a new hash means the document changed and is extracted again.';
COMMENT ON COLUMN documents.body IS 'The fetched bytes as served (left out of exports).';
COMMENT ON COLUMN documents.size_bytes IS 'Length of the body in bytes.';
COMMENT ON COLUMN documents.title IS 'Title given by the page or link (HTML title or link text), from the crawler.';
COMMENT ON COLUMN documents.referer IS 'URL of the page that linked to it, or null.';
COMMENT ON COLUMN documents.link_text IS 'Text of the link it was found through, or null.';
COMMENT ON COLUMN documents.report_score IS 'How likely this is a meeting report, 0..1 (crawler heuristic).';
COMMENT ON COLUMN documents.text IS 'Plain text of the document (HTML main content or PDF text); all char_start/char_end offsets point into it.';
COMMENT ON COLUMN documents.text_error IS 'Why no text could be obtained (one line), or null.';
COMMENT ON COLUMN documents.source_municipality_id IS 'municipalities.id of the local government configured for its source, or null.';
COMMENT ON COLUMN documents.municipality_id IS 'municipalities.id of the local government the report is about: extracted, else the source''s.';
COMMENT ON COLUMN documents.report_title IS 'The report''s own title as extracted (not the site name), or null.';
COMMENT ON COLUMN documents.document_date IS 'ISO date (YYYY-MM-DD, or partial YYYY-MM / YYYY) of the meeting, else of publication, as extracted.';
COMMENT ON COLUMN documents.document_year IS 'Year of document_date, or null.';
COMMENT ON COLUMN documents.next_meeting_date IS 'ISO date of an announced next meeting, or null.';
COMMENT ON COLUMN documents.next_meeting_time IS 'Time of the announced next meeting as written (e.g. 12:00-15:30), or null.';
COMMENT ON COLUMN documents.next_meeting_place IS 'Place of the announced next meeting, or null.';
COMMENT ON COLUMN documents.extraction_error IS 'Why extraction failed (one line), or null.';
COMMENT ON COLUMN documents.extracted_at IS 'When extraction last ran on it (UTC), or null if never.';
COMMENT ON COLUMN documents.extractor_version IS 'Version of the extractor that produced the extracted rows, or null if never extracted.';
COMMENT ON COLUMN documents.extracted_hash IS 'content_hash of the body that was extracted; differs from content_hash when the document changed since.';

CREATE SEQUENCE IF NOT EXISTS extraction_run_ids START 1;
CREATE TABLE IF NOT EXISTS extraction_runs (
    id                INTEGER PRIMARY KEY,
    extractor_version VARCHAR,
    finished_at       TIMESTAMP,
    documents         INTEGER,
    extracted         INTEGER,
    errors            INTEGER,
    counts            VARCHAR
);
COMMENT ON TABLE extraction_runs IS 'One row per extraction pass over the stored documents.';
COMMENT ON COLUMN extraction_runs.id IS 'Extraction run number, increasing.';
COMMENT ON COLUMN extraction_runs.extractor_version IS 'Version of the extractor (extract.EXTRACTOR_VERSION).';
COMMENT ON COLUMN extraction_runs.finished_at IS 'When the run was recorded (UTC).';
COMMENT ON COLUMN extraction_runs.documents IS 'Documents considered in the run.';
COMMENT ON COLUMN extraction_runs.extracted IS 'Documents extracted successfully.';
COMMENT ON COLUMN extraction_runs.errors IS 'Documents whose extraction failed.';
COMMENT ON COLUMN extraction_runs.counts IS 'All counts reported by the run, as JSON.';

CREATE TABLE IF NOT EXISTS municipalities (
    id          VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    kind        VARCHAR,
    voivodeship VARCHAR,
    terc        VARCHAR,
    name_key    VARCHAR
);
COMMENT ON TABLE municipalities IS 'Local governments (gmina, miasto, powiat, województwo) that reports are about or sources belong to.';
COMMENT ON COLUMN municipalities.id IS 'Municipality id: first 16 hex digits of sha256 of the folded name and voivodeship.';
COMMENT ON COLUMN municipalities.name IS 'Name in the nominative (e.g. Białystok, Dobre Miasto).';
COMMENT ON COLUMN municipalities.kind IS 'gmina, miasto, powiat, województwo, or null when unknown.';
COMMENT ON COLUMN municipalities.voivodeship IS 'Voivodeship, lower-case adjective form (e.g. podlaskie), or null.';
COMMENT ON COLUMN municipalities.terc IS 'TERYT TERC code when known (from the sources file), or null.';
COMMENT ON COLUMN municipalities.name_key IS 'Folded name (case, quotes, dashes, white space) used to match the same municipality.';

CREATE TABLE IF NOT EXISTS meetings (
    document_id         VARCHAR NOT NULL,
    item_no             INTEGER NOT NULL,
    meeting_date        VARCHAR,
    year                INTEGER,
    kind                VARCHAR,
    participants        INTEGER,
    organisations_count INTEGER,
    place               VARCHAR,
    char_start          INTEGER,
    char_end            INTEGER,
    PRIMARY KEY (document_id, item_no)
);
COMMENT ON TABLE meetings IS 'Each participatory meeting a report is about.';
COMMENT ON COLUMN meetings.document_id IS 'documents.id of the report it was extracted from.';
COMMENT ON COLUMN meetings.item_no IS 'Position in the document''s list of meetings, from 0.';
COMMENT ON COLUMN meetings.meeting_date IS 'ISO date of the meeting (possibly partial), or null.';
COMMENT ON COLUMN meetings.year IS 'Year of meeting_date, or null.';
COMMENT ON COLUMN meetings.kind IS 'Kind of meeting as named (warsztaty, spotkanie, konsultacje …), or null.';
COMMENT ON COLUMN meetings.participants IS 'Number of participants (people), or null.';
COMMENT ON COLUMN meetings.organisations_count IS 'Number of organisations taking part, or null.';
COMMENT ON COLUMN meetings.place IS 'Where it was held, or null.';
COMMENT ON COLUMN meetings.char_start IS 'Start offset of the evidence in documents.text, or null.';
COMMENT ON COLUMN meetings.char_end IS 'End offset (exclusive) of the evidence in documents.text, or null.';

CREATE TABLE IF NOT EXISTS organisations (
    id       VARCHAR PRIMARY KEY,
    name     VARCHAR NOT NULL,
    kind     VARCHAR,
    name_key VARCHAR NOT NULL UNIQUE
);
COMMENT ON TABLE organisations IS 'Organisations and public bodies resolved across documents: one row per entity, whatever case, quotes or abbreviation it was written with.';
COMMENT ON COLUMN organisations.id IS 'Organisation id: first 16 hex digits of sha256(name_key).';
COMMENT ON COLUMN organisations.name IS 'Canonical name in the nominative (the first extracted form).';
COMMENT ON COLUMN organisations.kind IS 'ngo, public, business, other, or null.';
COMMENT ON COLUMN organisations.name_key IS 'Normalised key: case, quotes, dashes and white space folded, abbreviations expanded, a trailing acronym in brackets dropped.';

CREATE TABLE IF NOT EXISTS organisation_mentions (
    document_id     VARCHAR NOT NULL,
    item_no         INTEGER NOT NULL,
    mention_no      INTEGER NOT NULL,
    organisation_id VARCHAR NOT NULL,
    extracted_name  VARCHAR,
    surface         VARCHAR,
    char_start      INTEGER,
    char_end        INTEGER,
    PRIMARY KEY (document_id, item_no, mention_no)
);
COMMENT ON TABLE organisation_mentions IS 'Where each organisation is mentioned: one row per mention in a document.';
COMMENT ON COLUMN organisation_mentions.document_id IS 'documents.id of the document mentioning it.';
COMMENT ON COLUMN organisation_mentions.item_no IS 'Position of the organisation in the document''s extracted list, from 0.';
COMMENT ON COLUMN organisation_mentions.mention_no IS 'Position of the mention among that organisation''s mentions in the document, from 0.';
COMMENT ON COLUMN organisation_mentions.organisation_id IS 'organisations.id of the entity mentioned.';
COMMENT ON COLUMN organisation_mentions.extracted_name IS 'Canonical name the extractor gave in this document.';
COMMENT ON COLUMN organisation_mentions.surface IS 'The form as written in the text (any grammatical case).';
COMMENT ON COLUMN organisation_mentions.char_start IS 'Start offset of the mention in documents.text, or null.';
COMMENT ON COLUMN organisation_mentions.char_end IS 'End offset (exclusive) of the mention in documents.text, or null.';

CREATE TABLE IF NOT EXISTS people (
    document_id VARCHAR NOT NULL,
    item_no     INTEGER NOT NULL,
    name        VARCHAR,
    role        VARCHAR,
    char_start  INTEGER,
    char_end    INTEGER,
    PRIMARY KEY (document_id, item_no)
);
COMMENT ON TABLE people IS 'Named people in a report (facilitators, officials, speakers).';
COMMENT ON COLUMN people.document_id IS 'documents.id of the report.';
COMMENT ON COLUMN people.item_no IS 'Position in the document''s list of people, from 0.';
COMMENT ON COLUMN people.name IS 'Name in the nominative.';
COMMENT ON COLUMN people.role IS 'Role or function as written, or null.';
COMMENT ON COLUMN people.char_start IS 'Start offset in documents.text, or null.';
COMMENT ON COLUMN people.char_end IS 'End offset (exclusive) in documents.text, or null.';

CREATE TABLE IF NOT EXISTS dates (
    document_id VARCHAR NOT NULL,
    item_no     INTEGER NOT NULL,
    text        VARCHAR,
    value       VARCHAR,
    end_value   VARCHAR,
    year        INTEGER,
    char_start  INTEGER,
    char_end    INTEGER,
    PRIMARY KEY (document_id, item_no)
);
COMMENT ON TABLE dates IS 'Every calendar date or month mentioned in a report body.';
COMMENT ON COLUMN dates.document_id IS 'documents.id of the report.';
COMMENT ON COLUMN dates.item_no IS 'Position in the document''s list of dates, from 0.';
COMMENT ON COLUMN dates.text IS 'The date as written.';
COMMENT ON COLUMN dates.value IS 'ISO value: YYYY-MM-DD, YYYY-MM or YYYY.';
COMMENT ON COLUMN dates.end_value IS 'ISO end of a range, or null.';
COMMENT ON COLUMN dates.year IS 'Year of value, or null.';
COMMENT ON COLUMN dates.char_start IS 'Start offset in documents.text, or null.';
COMMENT ON COLUMN dates.char_end IS 'End offset (exclusive) in documents.text, or null.';

CREATE TABLE IF NOT EXISTS goals (
    document_id VARCHAR NOT NULL,
    item_no     INTEGER NOT NULL,
    text        VARCHAR,
    level       VARCHAR,
    char_start  INTEGER,
    char_end    INTEGER,
    PRIMARY KEY (document_id, item_no)
);
COMMENT ON TABLE goals IS 'Stated goals of the programme or process a report describes.';
COMMENT ON COLUMN goals.document_id IS 'documents.id of the report.';
COMMENT ON COLUMN goals.item_no IS 'Position in the document''s list of goals, from 0.';
COMMENT ON COLUMN goals.text IS 'The goal itself, without its list marker.';
COMMENT ON COLUMN goals.level IS 'main, specific, or null.';
COMMENT ON COLUMN goals.char_start IS 'Start offset in documents.text, or null.';
COMMENT ON COLUMN goals.char_end IS 'End offset (exclusive) in documents.text, or null.';

CREATE TABLE IF NOT EXISTS priority_tasks (
    document_id VARCHAR NOT NULL,
    item_no     INTEGER NOT NULL,
    text        VARCHAR,
    area        VARCHAR,
    char_start  INTEGER,
    char_end    INTEGER,
    PRIMARY KEY (document_id, item_no)
);
COMMENT ON TABLE priority_tasks IS 'Priority (public) tasks proposed, agreed or listed in a report.';
COMMENT ON COLUMN priority_tasks.document_id IS 'documents.id of the report.';
COMMENT ON COLUMN priority_tasks.item_no IS 'Position in the document''s list of priority tasks, from 0.';
COMMENT ON COLUMN priority_tasks.text IS 'The task as written.';
COMMENT ON COLUMN priority_tasks.area IS 'Policy area it falls under, or null.';
COMMENT ON COLUMN priority_tasks.char_start IS 'Start offset in documents.text, or null.';
COMMENT ON COLUMN priority_tasks.char_end IS 'End offset (exclusive) in documents.text, or null.';

CREATE TABLE IF NOT EXISTS legal_acts (
    document_id VARCHAR NOT NULL,
    item_no     INTEGER NOT NULL,
    text        VARCHAR,
    char_start  INTEGER,
    char_end    INTEGER,
    PRIMARY KEY (document_id, item_no)
);
COMMENT ON TABLE legal_acts IS 'Resolutions and acts cited in a report.';
COMMENT ON COLUMN legal_acts.document_id IS 'documents.id of the report.';
COMMENT ON COLUMN legal_acts.item_no IS 'Position in the document''s list of legal acts, from 0.';
COMMENT ON COLUMN legal_acts.text IS 'The act as cited (e.g. Uchwała nr …).';
COMMENT ON COLUMN legal_acts.char_start IS 'Start offset in documents.text, or null.';
COMMENT ON COLUMN legal_acts.char_end IS 'End offset (exclusive) in documents.text, or null.';

CREATE TABLE IF NOT EXISTS funding (
    document_id VARCHAR NOT NULL,
    item_no     INTEGER NOT NULL,
    name        VARCHAR,
    char_start  INTEGER,
    char_end    INTEGER,
    PRIMARY KEY (document_id, item_no)
);
COMMENT ON TABLE funding IS 'Programmes or funds that finance the process a report describes.';
COMMENT ON COLUMN funding.document_id IS 'documents.id of the report.';
COMMENT ON COLUMN funding.item_no IS 'Position in the document''s list of funding sources, from 0.';
COMMENT ON COLUMN funding.name IS 'Name of the programme or fund (e.g. Fundusz Inicjatyw Obywatelskich).';
COMMENT ON COLUMN funding.char_start IS 'Start offset in documents.text, or null.';
COMMENT ON COLUMN funding.char_end IS 'End offset (exclusive) in documents.text, or null.';

CREATE TABLE IF NOT EXISTS search_terms (
    document_id VARCHAR NOT NULL,
    lemma       VARCHAR NOT NULL,
    tf          INTEGER NOT NULL,
    first_start INTEGER,
    PRIMARY KEY (document_id, lemma)
);
COMMENT ON TABLE search_terms IS 'Full-text search index: lemmas (Morfeusz base forms) of the words in each document''s text; rebuilt by warehouse.search.build_index.';
COMMENT ON COLUMN search_terms.document_id IS 'documents.id of the indexed document.';
COMMENT ON COLUMN search_terms.lemma IS 'Lower-case base form of a word (e.g. białystok for w Białymstoku).';
COMMENT ON COLUMN search_terms.tf IS 'How many words of the text have this lemma.';
COMMENT ON COLUMN search_terms.first_start IS 'Offset in documents.text of the first such word (for snippets).';

CREATE TABLE IF NOT EXISTS search_index_state (
    document_id  VARCHAR PRIMARY KEY,
    content_hash VARCHAR,
    words        INTEGER
);
COMMENT ON TABLE search_index_state IS 'Which version of each document the search index holds, so rebuilding skips unchanged documents.';
COMMENT ON COLUMN search_index_state.document_id IS 'documents.id of the indexed document.';
COMMENT ON COLUMN search_index_state.content_hash IS 'documents.content_hash at indexing time.';
COMMENT ON COLUMN search_index_state.words IS 'Number of words indexed (document length for ranking).';

CREATE OR REPLACE VIEW crawl_health AS
WITH names AS (
    SELECT name AS source FROM sources
    UNION SELECT source FROM crawl_run_sources
    UNION SELECT source FROM documents WHERE source IS NOT NULL
), last AS (
    SELECT source, max(run_id) AS run_id FROM crawl_run_sources GROUP BY source
), docs AS (
    SELECT source, count(*) AS stored_documents, count(text) AS with_text,
           count(text_error) AS text_errors,
           count(*) FILTER (WHERE extractor_version IS NOT NULL AND extraction_error IS NULL)
               AS extracted,
           count(extraction_error) AS extraction_errors,
           max(fetched_at) AS last_fetched_at
    FROM documents GROUP BY source
)
SELECT n.source, s.municipality, s.voivodeship, l.run_id AS last_run_id,
       c.started_at AS last_crawled_at, r.pages, r.documents AS harvested, r.reports, r.errors,
       r.error_kinds, coalesce(d.stored_documents, 0) AS stored_documents,
       coalesce(d.with_text, 0) AS with_text, coalesce(d.text_errors, 0) AS text_errors,
       coalesce(d.extracted, 0) AS extracted,
       coalesce(d.extraction_errors, 0) AS extraction_errors, d.last_fetched_at
FROM names n
LEFT JOIN sources s ON s.name = n.source
LEFT JOIN last l ON l.source = n.source
LEFT JOIN crawl_run_sources r ON r.run_id = l.run_id AND r.source = n.source
LEFT JOIN crawl_runs c ON c.id = l.run_id
LEFT JOIN docs d ON d.source = n.source;
COMMENT ON VIEW crawl_health IS 'Health of each source: its last crawl''s figures beside what the warehouse holds from it (partmon sources --health).';
COMMENT ON COLUMN crawl_health.source IS 'sources.name of the source.';
COMMENT ON COLUMN crawl_health.municipality IS 'Local government the source belongs to, or null.';
COMMENT ON COLUMN crawl_health.voivodeship IS 'Its voivodeship, or null.';
COMMENT ON COLUMN crawl_health.last_run_id IS 'crawl_runs.id of the last crawl that reported on the source, or null.';
COMMENT ON COLUMN crawl_health.last_crawled_at IS 'When that crawl started (UTC).';
COMMENT ON COLUMN crawl_health.pages IS 'Pages fetched in that crawl.';
COMMENT ON COLUMN crawl_health.harvested IS 'Documents harvested in that crawl.';
COMMENT ON COLUMN crawl_health.reports IS 'Likely meeting reports found in that crawl.';
COMMENT ON COLUMN crawl_health.errors IS 'Errors in that crawl.';
COMMENT ON COLUMN crawl_health.error_kinds IS 'Errors in that crawl by kind, as JSON.';
COMMENT ON COLUMN crawl_health.stored_documents IS 'Documents from the source held in the warehouse.';
COMMENT ON COLUMN crawl_health.with_text IS 'Of those, documents with text.';
COMMENT ON COLUMN crawl_health.text_errors IS 'Of those, documents whose text could not be obtained.';
COMMENT ON COLUMN crawl_health.extracted IS 'Of those, documents extracted successfully.';
COMMENT ON COLUMN crawl_health.extraction_errors IS 'Of those, documents whose extraction failed.';
COMMENT ON COLUMN crawl_health.last_fetched_at IS 'Latest fetch time of a document from the source (UTC).';
