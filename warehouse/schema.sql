-- partmon warehouse schema (DuckDB). Applied on every writable connect: idempotent.
-- Every table and column carries a COMMENT; the data dictionary is generated from them
-- (warehouse/dictionary.py) and a test fails when one is missing.
-- Conventions: ids of documents are the first 16 hex digits of sha256(url), so re-runs are
-- stable; extracted rows are keyed by (document_id, item_no) (kept unique by the loader, which
-- replaces a document's rows as a whole; no index, so bulk loads stay fast) and keep character offsets
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
    unchanged   INTEGER,
    gone        INTEGER,
    PRIMARY KEY (run_id, source)
);
ALTER TABLE crawl_run_sources ADD COLUMN IF NOT EXISTS unchanged INTEGER;
ALTER TABLE crawl_run_sources ADD COLUMN IF NOT EXISTS gone INTEGER;
COMMENT ON TABLE crawl_run_sources IS 'What one crawl run harvested from one source (the crawler''s per-source statistics).';
COMMENT ON COLUMN crawl_run_sources.run_id IS 'crawl_runs.id of the run.';
COMMENT ON COLUMN crawl_run_sources.source IS 'sources.name of the source.';
COMMENT ON COLUMN crawl_run_sources.pages IS 'Pages fetched from the source.';
COMMENT ON COLUMN crawl_run_sources.documents IS 'Documents harvested from the source.';
COMMENT ON COLUMN crawl_run_sources.reports IS 'Documents judged likely meeting reports.';
COMMENT ON COLUMN crawl_run_sources.errors IS 'Errors of every kind.';
COMMENT ON COLUMN crawl_run_sources.error_kinds IS 'Errors by kind as JSON, e.g. {"http_404": 2, "timeout": 1}.';
COMMENT ON COLUMN crawl_run_sources.unchanged IS 'Known documents found unchanged (304, or the same content hash), so not stored again.';
COMMENT ON COLUMN crawl_run_sources.gone IS 'Known documents that answered 404 or 410 (marked gone in documents).';

CREATE TABLE IF NOT EXISTS documents (
    id                 VARCHAR PRIMARY KEY,
    url                VARCHAR NOT NULL,
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
    extracted_hash     VARCHAR,
    process_id         VARCHAR,
    process_stage      VARCHAR,
    etag               VARCHAR,
    last_modified      VARCHAR,
    gone_at            TIMESTAMP,
    gone_status        INTEGER
);
ALTER TABLE documents ADD COLUMN IF NOT EXISTS process_id VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS process_stage VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS etag VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS last_modified VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS gone_at TIMESTAMP;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS gone_status INTEGER;
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
COMMENT ON COLUMN documents.process_id IS 'processes.id of the process (one programme or policy of one municipality) the document belongs to; null when it has no municipality or was not extracted.';
COMMENT ON COLUMN documents.etag IS 'ETag header the server sent with the body (as sent), or null; the next crawl asks If-None-Match with it.';
COMMENT ON COLUMN documents.last_modified IS 'Last-Modified header the server sent with the body (as sent), or null; the next crawl asks If-Modified-Since with it.';
COMMENT ON COLUMN documents.gone_at IS 'When a crawl found the URL gone (404 or 410), or null while it is served; the document and its extracted rows are kept.';
COMMENT ON COLUMN documents.gone_status IS 'HTTP status (404 or 410) the URL answered when found gone, or null.';
COMMENT ON COLUMN documents.process_stage IS 'Stage of its process this document shows (workshop, draft, consultation, adopted, report; rules in warehouse/process_stages.tsv), or null.';

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
    name_key    VARCHAR,
    powiat      VARCHAR,
    terc_match  VARCHAR
);
ALTER TABLE municipalities ADD COLUMN IF NOT EXISTS powiat VARCHAR;
ALTER TABLE municipalities ADD COLUMN IF NOT EXISTS terc_match VARCHAR;
COMMENT ON TABLE municipalities IS 'Local governments (gmina, miasto, powiat, województwo) that reports are about or sources belong to.';
COMMENT ON COLUMN municipalities.id IS 'Municipality id: first 16 hex digits of sha256 of the folded name and voivodeship.';
COMMENT ON COLUMN municipalities.name IS 'Name in the nominative (e.g. Białystok, Dobre Miasto).';
COMMENT ON COLUMN municipalities.kind IS 'gmina, miasto, powiat, województwo, or null when unknown.';
COMMENT ON COLUMN municipalities.voivodeship IS 'Voivodeship, lower-case adjective form (e.g. podlaskie), or null.';
COMMENT ON COLUMN municipalities.terc IS 'TERYT TERC code (7 digits WOJ POW GMI RODZ for a gmina): from the sources file, else matched in gazetteer_units; null when unknown.';
COMMENT ON COLUMN municipalities.name_key IS 'Folded name (case, quotes, dashes, white space) used to match the same municipality.';
COMMENT ON COLUMN municipalities.powiat IS 'Powiat it lies in, from the TERC register (e.g. bolesławiecki; a city with powiat rights names itself), or null when not matched.';
COMMENT ON COLUMN municipalities.terc_match IS 'How terc was found: configured (sources file), gazetteer: name and voivodeship, gazetteer: unique name; or why not: ambiguous (the name exists in several units and nothing decides), not in gazetteer; null before a gazetteer was loaded.';

CREATE TABLE IF NOT EXISTS gazetteer_units (
    terc        VARCHAR PRIMARY KEY,
    woj         VARCHAR NOT NULL,
    pow         VARCHAR,
    gmi         VARCHAR,
    rodz        VARCHAR,
    name        VARCHAR NOT NULL,
    kind        VARCHAR,
    level       VARCHAR NOT NULL,
    voivodeship VARCHAR NOT NULL,
    powiat      VARCHAR,
    name_key    VARCHAR NOT NULL,
    as_of       DATE
);
COMMENT ON TABLE gazetteer_units IS 'The official TERYT TERC register of territorial units (voivodeships, powiaty, gminy and their parts), loaded by partmon gazetteer load FILE; municipalities are matched against it.';
COMMENT ON COLUMN gazetteer_units.terc IS 'TERC code: WOJ, then POW, GMI and RODZ as far as the unit has them (02, 0201, 0201011).';
COMMENT ON COLUMN gazetteer_units.woj IS 'Voivodeship code, 2 digits (WOJ).';
COMMENT ON COLUMN gazetteer_units.pow IS 'Powiat code within the voivodeship, 2 digits (POW), or null for a voivodeship.';
COMMENT ON COLUMN gazetteer_units.gmi IS 'Gmina code within the powiat, 2 digits (GMI), or null above gmina level.';
COMMENT ON COLUMN gazetteer_units.rodz IS 'Gmina type (RODZ): 1 urban, 2 rural, 3 urban-rural, 4 town and 5 rural area of an urban-rural gmina, 8 district, 9 delegation; null above gmina level.';
COMMENT ON COLUMN gazetteer_units.name IS 'Official name (NAZWA), e.g. Bolesławiec, bolesławiecki, DOLNOŚLĄSKIE.';
COMMENT ON COLUMN gazetteer_units.kind IS 'Kind in words as in the register (NAZWA_DOD), e.g. gmina miejska, powiat, miasto na prawach powiatu.';
COMMENT ON COLUMN gazetteer_units.level IS 'voivodeship, powiat, gmina (RODZ 1-3) or part (RODZ 4, 5, 8, 9: part of a gmina).';
COMMENT ON COLUMN gazetteer_units.voivodeship IS 'Name of its voivodeship, lower case (e.g. dolnośląskie), as in municipalities.voivodeship.';
COMMENT ON COLUMN gazetteer_units.powiat IS 'Name of its powiat (e.g. bolesławiecki; a city with powiat rights names itself), or null for a voivodeship.';
COMMENT ON COLUMN gazetteer_units.name_key IS 'Folded name, as municipalities.name_key, used for matching.';
COMMENT ON COLUMN gazetteer_units.as_of IS 'Date the register describes (STAN_NA).';

CREATE TABLE IF NOT EXISTS processes (
    id                 VARCHAR PRIMARY KEY,
    municipality_id    VARCHAR NOT NULL,
    kind               VARCHAR NOT NULL,
    target_year        INTEGER,
    target_year_end    INTEGER,
    title              VARCHAR,
    stage              VARCHAR,
    stage_rank         INTEGER,
    first_meeting_date VARCHAR,
    last_meeting_date  VARCHAR,
    documents          INTEGER,
    meetings           INTEGER,
    participants       BIGINT
);
COMMENT ON TABLE processes IS 'Participatory processes: the meetings and documents of one municipality about one programme or policy for one target year or period (e.g. the workshops, consultation and adopted resolution of a Program współpracy na rok 2014). Derived at load time from document titles and text by the rules in warehouse/process_kinds.tsv, process_years.tsv and process_stages.tsv; the unit the dashboard compares.';
COMMENT ON COLUMN processes.id IS 'Process id: first 16 hex digits of sha256 of municipality id, kind and target years; documents.process_id refers to it.';
COMMENT ON COLUMN processes.municipality_id IS 'municipalities.id of the local government running the process.';
COMMENT ON COLUMN processes.kind IS 'cooperation_programme (program współpracy), social_problems_strategy (strategia rozwiązywania problemów społecznych), cooperation_model (model współpracy), participatory_budget (budżet obywatelski/partycypacyjny) or other.';
COMMENT ON COLUMN processes.target_year IS 'Year the programme or policy is for (na rok 2025 → 2025; na lata 2021-2025 → 2021), or null when no document names one.';
COMMENT ON COLUMN processes.target_year_end IS 'Last year of a multi-year period (na lata 2021-2025 → 2025), else equal to target_year.';
COMMENT ON COLUMN processes.title IS 'Title of its earliest document (report title, else page title).';
COMMENT ON COLUMN processes.stage IS 'Furthest stage reached by any of its documents: workshop, draft, consultation, adopted, report; null when none shows one.';
COMMENT ON COLUMN processes.stage_rank IS 'Order of that stage (1 workshop … 5 report), for sorting and comparing.';
COMMENT ON COLUMN processes.first_meeting_date IS 'ISO date of its first meeting (a meeting''s own date, else its document''s); when no document reports a meeting, its earliest document date; or null.';
COMMENT ON COLUMN processes.last_meeting_date IS 'ISO date of its last meeting (as first_meeting_date: its latest document date when no meeting is reported), or null.';
COMMENT ON COLUMN processes.documents IS 'Number of documents in the process.';
COMMENT ON COLUMN processes.meetings IS 'Number of meetings reported in its documents.';
COMMENT ON COLUMN processes.participants IS 'Participants summed over its meetings (where given).';

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
    char_end            INTEGER
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
    name_key VARCHAR NOT NULL
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
    char_end        INTEGER
);
ALTER TABLE organisation_mentions ADD COLUMN IF NOT EXISTS context_before VARCHAR;
ALTER TABLE organisation_mentions ADD COLUMN IF NOT EXISTS context_after VARCHAR;
COMMENT ON TABLE organisation_mentions IS 'Where each organisation is mentioned: one row per mention in a document.';
COMMENT ON COLUMN organisation_mentions.document_id IS 'documents.id of the document mentioning it.';
COMMENT ON COLUMN organisation_mentions.item_no IS 'Position of the organisation in the document''s extracted list, from 0.';
COMMENT ON COLUMN organisation_mentions.mention_no IS 'Position of the mention among that organisation''s mentions in the document, from 0.';
COMMENT ON COLUMN organisation_mentions.organisation_id IS 'organisations.id of the entity mentioned.';
COMMENT ON COLUMN organisation_mentions.extracted_name IS 'Canonical name the extractor gave in this document.';
COMMENT ON COLUMN organisation_mentions.surface IS 'The form as written in the text (any grammatical case).';
COMMENT ON COLUMN organisation_mentions.char_start IS 'Start offset of the mention in documents.text, or null.';
COMMENT ON COLUMN organisation_mentions.char_end IS 'End offset (exclusive) of the mention in documents.text, or null.';
COMMENT ON COLUMN organisation_mentions.context_before IS 'The 80 characters of documents.text just before the mention (fewer at the start), each run of white space made one space (cut at load time for the dashboard''s concordance), or null when char_start is null or out of the text.';
COMMENT ON COLUMN organisation_mentions.context_after IS 'The 80 characters of documents.text just after the mention (fewer at the end), white space squeezed the same way, or null when char_end is null or out of the text.';

CREATE TABLE IF NOT EXISTS people (
    document_id VARCHAR NOT NULL,
    item_no     INTEGER NOT NULL,
    name        VARCHAR,
    role        VARCHAR,
    char_start  INTEGER,
    char_end    INTEGER
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
    char_end    INTEGER
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
    char_end    INTEGER
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
    char_end    INTEGER
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
    char_end    INTEGER
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
    char_end    INTEGER
);
COMMENT ON TABLE funding IS 'Programmes or funds that finance the process a report describes.';
COMMENT ON COLUMN funding.document_id IS 'documents.id of the report.';
COMMENT ON COLUMN funding.item_no IS 'Position in the document''s list of funding sources, from 0.';
COMMENT ON COLUMN funding.name IS 'Name of the programme or fund (e.g. Fundusz Inicjatyw Obywatelskich).';
COMMENT ON COLUMN funding.char_start IS 'Start offset in documents.text, or null.';
COMMENT ON COLUMN funding.char_end IS 'End offset (exclusive) in documents.text, or null.';

CREATE TABLE IF NOT EXISTS search_postings (
    document_id VARCHAR NOT NULL,
    word_id     INTEGER NOT NULL,
    tf          INTEGER NOT NULL
);
COMMENT ON TABLE search_postings IS 'Full-text search index: how often each word form occurs in each document''s text, one row per document and form (kept unique by the indexer, not by a key, so bulk loads stay fast; lemmas are joined in through search_words and search_lemmas, see the view search_terms); rebuilt by warehouse.search.build_index.';
COMMENT ON COLUMN search_postings.document_id IS 'documents.id of the indexed document.';
COMMENT ON COLUMN search_postings.word_id IS 'search_words.id of the word form (letters and digits, case kept).';
COMMENT ON COLUMN search_postings.tf IS 'How many times the form occurs in the text.';

CREATE TABLE IF NOT EXISTS search_words (
    id   INTEGER NOT NULL,
    word VARCHAR NOT NULL
);
COMMENT ON TABLE search_words IS 'Every word form seen in documents, numbered (search_postings refers to the number).';
COMMENT ON COLUMN search_words.id IS 'Word id, from 1 in the order forms were first seen.';
COMMENT ON COLUMN search_words.word IS 'The word as written (letters and digits, case kept); its lemmas are in search_lemmas.';

CREATE TABLE IF NOT EXISTS search_lemmas (
    word  VARCHAR NOT NULL,
    lemma VARCHAR NOT NULL
);
COMMENT ON TABLE search_lemmas IS 'Every word form seen in documents with its lemmas (one row per form and lemma), so indexing lemmatises each form once.';
COMMENT ON COLUMN search_lemmas.word IS 'A word as written in some document (letters and digits, case kept).';
COMMENT ON COLUMN search_lemmas.lemma IS 'One of its lower-case base forms (Morfeusz), or the lower-cased word itself.';

CREATE TABLE IF NOT EXISTS search_index_state (
    document_id  VARCHAR NOT NULL,
    content_hash VARCHAR,
    words        INTEGER
);
COMMENT ON TABLE search_index_state IS 'Which version of each document the search index holds, so rebuilding skips unchanged documents.';
COMMENT ON COLUMN search_index_state.document_id IS 'documents.id of the indexed document.';
COMMENT ON COLUMN search_index_state.content_hash IS 'documents.content_hash at indexing time.';
COMMENT ON COLUMN search_index_state.words IS 'Number of words indexed (document length for ranking).';

CREATE TABLE IF NOT EXISTS warehouse_schema (
    schema_hash VARCHAR,
    applied_at  TIMESTAMP
);
COMMENT ON TABLE warehouse_schema IS 'Which version of warehouse/schema.sql was last applied to this file (so opening skips re-applying it).';
COMMENT ON COLUMN warehouse_schema.schema_hash IS 'First 16 hex digits of sha256 of schema.sql.';
COMMENT ON COLUMN warehouse_schema.applied_at IS 'When it was applied (UTC).';

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
           max(fetched_at) AS last_fetched_at,
           count(gone_at) AS gone_documents
    FROM documents GROUP BY source
)
SELECT n.source, s.municipality, s.voivodeship, l.run_id AS last_run_id,
       c.started_at AS last_crawled_at, r.pages, r.documents AS harvested, r.reports, r.errors,
       r.error_kinds, coalesce(d.stored_documents, 0) AS stored_documents,
       coalesce(d.with_text, 0) AS with_text, coalesce(d.text_errors, 0) AS text_errors,
       coalesce(d.extracted, 0) AS extracted,
       coalesce(d.extraction_errors, 0) AS extraction_errors, d.last_fetched_at,
       r.unchanged, r.gone, coalesce(d.gone_documents, 0) AS gone_documents
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
COMMENT ON COLUMN crawl_health.unchanged IS 'Known documents found unchanged in that crawl (not fetched or stored again).';
COMMENT ON COLUMN crawl_health.gone IS 'Known documents found gone (404/410) in that crawl.';
COMMENT ON COLUMN crawl_health.gone_documents IS 'Of the documents held, those whose URL was last found gone (kept with their extracted rows).';

-- Views for the questions researchers ask most; each documented like a table.

CREATE OR REPLACE VIEW processes_by_municipality_year AS
SELECT m.id AS municipality_id, m.name AS municipality, m.terc, m.powiat, m.voivodeship,
       p.target_year, count(*) AS processes,
       string_agg(DISTINCT p.kind, ', ' ORDER BY p.kind) AS kinds,
       count(*) FILTER (WHERE p.stage_rank >= 4) AS adopted_or_later,
       max(p.stage_rank) AS furthest_stage_rank,
       sum(p.documents)::BIGINT AS documents, sum(p.meetings)::BIGINT AS meetings,
       sum(p.participants)::BIGINT AS participants,
       min(p.first_meeting_date) AS first_meeting_date,
       max(p.last_meeting_date) AS last_meeting_date
FROM processes p JOIN municipalities m ON m.id = p.municipality_id
GROUP BY ALL;
COMMENT ON VIEW processes_by_municipality_year IS 'How many participatory processes each municipality ran per target year, of which kinds and how far they got.';
COMMENT ON COLUMN processes_by_municipality_year.municipality_id IS 'municipalities.id.';
COMMENT ON COLUMN processes_by_municipality_year.municipality IS 'Municipality name (nominative).';
COMMENT ON COLUMN processes_by_municipality_year.terc IS 'Its TERC code, or null.';
COMMENT ON COLUMN processes_by_municipality_year.powiat IS 'Its powiat (from the TERC register), or null.';
COMMENT ON COLUMN processes_by_municipality_year.voivodeship IS 'Its voivodeship (lower case), or null.';
COMMENT ON COLUMN processes_by_municipality_year.target_year IS 'processes.target_year (null: no year named).';
COMMENT ON COLUMN processes_by_municipality_year.processes IS 'Number of processes.';
COMMENT ON COLUMN processes_by_municipality_year.kinds IS 'Their kinds, comma-separated, alphabetical.';
COMMENT ON COLUMN processes_by_municipality_year.adopted_or_later IS 'How many reached adoption (stage adopted or report).';
COMMENT ON COLUMN processes_by_municipality_year.furthest_stage_rank IS 'Highest processes.stage_rank among them (1 workshop … 5 report), or null.';
COMMENT ON COLUMN processes_by_municipality_year.documents IS 'Documents in these processes.';
COMMENT ON COLUMN processes_by_municipality_year.meetings IS 'Meetings reported in these processes.';
COMMENT ON COLUMN processes_by_municipality_year.participants IS 'Participants summed over those meetings.';
COMMENT ON COLUMN processes_by_municipality_year.first_meeting_date IS 'Earliest meeting date of these processes.';
COMMENT ON COLUMN processes_by_municipality_year.last_meeting_date IS 'Latest meeting date of these processes.';

CREATE OR REPLACE VIEW organisation_reach AS
SELECT o.id AS organisation_id, o.name, o.kind,
       count(DISTINCT d.municipality_id) AS municipalities,
       count(DISTINCT m.voivodeship) AS voivodeships,
       count(DISTINCT d.process_id) AS processes,
       count(DISTINCT om.document_id) AS documents, count(*) AS mentions,
       min(d.document_year) AS first_year, max(d.document_year) AS last_year
FROM organisations o
JOIN organisation_mentions om ON om.organisation_id = o.id
JOIN documents d ON d.id = om.document_id
LEFT JOIN municipalities m ON m.id = d.municipality_id
GROUP BY ALL;
COMMENT ON VIEW organisation_reach IS 'Each organisation with the number of municipalities (and voivodeships, processes, documents) whose reports mention it; sort by municipalities for the most widely present.';
COMMENT ON COLUMN organisation_reach.organisation_id IS 'organisations.id.';
COMMENT ON COLUMN organisation_reach.name IS 'Canonical name.';
COMMENT ON COLUMN organisation_reach.kind IS 'ngo, public, business, other, or null.';
COMMENT ON COLUMN organisation_reach.municipalities IS 'Distinct municipalities whose documents mention it.';
COMMENT ON COLUMN organisation_reach.voivodeships IS 'Distinct voivodeships of those municipalities.';
COMMENT ON COLUMN organisation_reach.processes IS 'Distinct processes whose documents mention it.';
COMMENT ON COLUMN organisation_reach.documents IS 'Documents mentioning it.';
COMMENT ON COLUMN organisation_reach.mentions IS 'Mentions in all documents.';
COMMENT ON COLUMN organisation_reach.first_year IS 'Earliest document year of a mention, or null.';
COMMENT ON COLUMN organisation_reach.last_year IS 'Latest document year of a mention, or null.';

CREATE OR REPLACE VIEW priority_tasks_by_area_region AS
SELECT coalesce(m.voivodeship, 'unknown') AS voivodeship,
       coalesce(t.area, 'unspecified') AS area,
       count(*) AS priority_tasks, count(DISTINCT d.municipality_id) AS municipalities,
       count(DISTINCT t.document_id) AS documents,
       min(d.document_year) AS first_year, max(d.document_year) AS last_year
FROM priority_tasks t
JOIN documents d ON d.id = t.document_id
LEFT JOIN municipalities m ON m.id = d.municipality_id
GROUP BY ALL;
COMMENT ON VIEW priority_tasks_by_area_region IS 'Priority tasks counted by policy area and voivodeship.';
COMMENT ON COLUMN priority_tasks_by_area_region.voivodeship IS 'Voivodeship of the document''s municipality (unknown when none).';
COMMENT ON COLUMN priority_tasks_by_area_region.area IS 'priority_tasks.area (unspecified when null).';
COMMENT ON COLUMN priority_tasks_by_area_region.priority_tasks IS 'Number of priority tasks.';
COMMENT ON COLUMN priority_tasks_by_area_region.municipalities IS 'Distinct municipalities listing them.';
COMMENT ON COLUMN priority_tasks_by_area_region.documents IS 'Documents listing them.';
COMMENT ON COLUMN priority_tasks_by_area_region.first_year IS 'Earliest document year, or null.';
COMMENT ON COLUMN priority_tasks_by_area_region.last_year IS 'Latest document year, or null.';

CREATE OR REPLACE VIEW meetings_by_month AS
WITH dated AS (
    SELECT coalesce(mt.meeting_date, d.document_date) AS day, mt.participants,
           mt.document_id, d.municipality_id, m.voivodeship
    FROM meetings mt JOIN documents d ON d.id = mt.document_id
    LEFT JOIN municipalities m ON m.id = d.municipality_id)
SELECT CASE WHEN length(day) >= 7 THEN substr(day, 1, 7) ELSE substr(day, 1, 4) || '-01' END
           AS month,
       coalesce(voivodeship, 'unknown') AS voivodeship, count(*) AS meetings,
       coalesce(sum(participants), 0)::BIGINT AS participants,
       count(DISTINCT municipality_id) AS municipalities,
       count(DISTINCT document_id) AS documents
FROM dated WHERE regexp_matches(day, '^\d{4}')
GROUP BY ALL;
COMMENT ON VIEW meetings_by_month IS 'Meetings over time: meetings and participants per month (YYYY-MM; a year-only date counts as January) and voivodeship; undated meetings are left out.';
COMMENT ON COLUMN meetings_by_month.month IS 'Month of the meeting (its own date, else its document''s), YYYY-MM.';
COMMENT ON COLUMN meetings_by_month.voivodeship IS 'Voivodeship of the document''s municipality (unknown when none).';
COMMENT ON COLUMN meetings_by_month.meetings IS 'Number of meetings.';
COMMENT ON COLUMN meetings_by_month.participants IS 'Participants summed (where given).';
COMMENT ON COLUMN meetings_by_month.municipalities IS 'Distinct municipalities holding them.';
COMMENT ON COLUMN meetings_by_month.documents IS 'Documents reporting them.';

CREATE OR REPLACE VIEW search_terms AS
SELECT p.document_id, l.lemma, sum(p.tf)::INTEGER AS tf
FROM search_postings p JOIN search_words w ON w.id = p.word_id
JOIN search_lemmas l ON l.word = w.word
GROUP BY ALL;
COMMENT ON VIEW search_terms IS 'The full-text index by lemma: for each document, each lemma (Morfeusz base form) of its words and how many words have it (search_postings joined with search_lemmas; slow over the whole table, quick for one document or lemma).';
COMMENT ON COLUMN search_terms.document_id IS 'documents.id of the indexed document.';
COMMENT ON COLUMN search_terms.lemma IS 'Lower-case base form of a word (e.g. białystok for w Białymstoku).';
COMMENT ON COLUMN search_terms.tf IS 'How many words of the text have this lemma.';

-- Full-text search in SQL: SELECT * FROM search_documents('stowarzyszenie Białymstoku').
-- Each query word matches every inflected form the index has seen of the same lemma
-- (search_lemmas), ranked by BM25 over lemma counts (search_postings); every word must match.
CREATE OR REPLACE MACRO search_documents(q) AS TABLE
WITH words AS (
    SELECT w, row_number() OVER () AS word_no
    FROM (SELECT DISTINCT unnest(regexp_extract_all(lower(q), '[\p{L}\p{N}]+')) AS w)
), query_lemmas AS (
    SELECT DISTINCT word_no, lemma FROM (
        SELECT words.word_no, l.lemma FROM words JOIN search_lemmas l ON lower(l.word) = words.w
        UNION ALL SELECT word_no, w FROM words)
), forms AS (
    SELECT DISTINCT ql.word_no, ql.lemma, w.id AS word_id
    FROM query_lemmas ql JOIN search_lemmas l ON l.lemma = ql.lemma
    JOIN search_words w ON w.word = l.word
), per_lemma AS (
    SELECT p.document_id, f.word_no, f.lemma, sum(p.tf) AS tf
    FROM search_postings p JOIN forms f ON f.word_id = p.word_id GROUP BY ALL
), hits AS (
    SELECT document_id, word_no, max(tf) AS tf FROM per_lemma GROUP BY ALL
), df AS (SELECT word_no, count(*) AS df FROM hits GROUP BY word_no),
   n AS (SELECT count(*) AS n, avg(words) AS avgdl FROM search_index_state)
SELECT h.document_id, d.url, d.title,
       round(sum(ln(1 + (n.n - df.df + 0.5) / (df.df + 0.5)) * h.tf * 2.2
                 / (h.tf + 1.2 * (0.25 + 0.75 * s.words / greatest(n.avgdl, 1)))), 4) AS score
FROM hits h JOIN df USING (word_no) JOIN search_index_state s USING (document_id)
     JOIN documents d ON d.id = h.document_id, n
GROUP BY h.document_id, d.url, d.title
HAVING count(DISTINCT h.word_no) = (SELECT count(*) FROM words)
ORDER BY score DESC;

-- Distinct spellings of each organisation, so a name search reads thousands of rows, not
-- every mention (created from the mentions when first added; the loader adds new ones).
CREATE TABLE IF NOT EXISTS organisation_surfaces AS
SELECT DISTINCT organisation_id, surface FROM organisation_mentions WHERE surface IS NOT NULL;
COMMENT ON TABLE organisation_surfaces IS 'Every form an organisation was written in (organisation_mentions.surface), once per organisation and form: what the dashboard''s organisation search looks through. Filled by the loader as mentions are stored; forms no longer mentioned may linger until their organisation is dropped, so counts always come from organisation_mentions.';
COMMENT ON COLUMN organisation_surfaces.organisation_id IS 'organisations.id of the entity.';
COMMENT ON COLUMN organisation_surfaces.surface IS 'One form it was written in, as in organisation_mentions.surface.';

-- Organisation activity, summed at load time so dashboard queries read thousands of rows
-- instead of joining every mention (warehouse/load.py keeps it in step, in the same
-- transaction as the extraction batch; created from the mentions when first added).
CREATE TABLE IF NOT EXISTS organisation_activity AS
SELECT om.organisation_id, d.municipality_id, d.document_year, d.process_id,
       count(DISTINCT om.document_id)::BIGINT AS documents, count(*)::BIGINT AS mentions
FROM organisation_mentions om JOIN documents d ON d.id = om.document_id
GROUP BY ALL;
COMMENT ON TABLE organisation_activity IS 'Mentions of organisations summed per organisation, municipality, year and process (a summary of organisation_mentions joined with documents, maintained by the loader with every extraction batch; read by the dashboard).';
COMMENT ON COLUMN organisation_activity.organisation_id IS 'organisations.id of the organisation mentioned.';
COMMENT ON COLUMN organisation_activity.municipality_id IS 'documents.municipality_id of the mentioning documents, or null.';
COMMENT ON COLUMN organisation_activity.document_year IS 'documents.document_year of the mentioning documents, or null.';
COMMENT ON COLUMN organisation_activity.process_id IS 'documents.process_id of the mentioning documents, or null.';
COMMENT ON COLUMN organisation_activity.documents IS 'Documents (with this municipality, year and process) mentioning the organisation; rows reaching 0 are deleted.';
COMMENT ON COLUMN organisation_activity.mentions IS 'Mentions of the organisation in those documents.';

-- Per-organisation totals over all documents, for the unfiltered dashboard views (kept in
-- step with organisation_activity by the loader).
CREATE TABLE IF NOT EXISTS organisation_totals AS
SELECT organisation_id, count(municipality_id)::BIGINT AS municipalities,
       sum(documents)::BIGINT AS documents, sum(mentions)::BIGINT AS mentions
FROM (SELECT organisation_id, municipality_id, sum(documents) AS documents,
             sum(mentions) AS mentions
      FROM organisation_activity GROUP BY ALL)
GROUP BY ALL;
COMMENT ON TABLE organisation_totals IS 'One row per mentioned organisation: in how many municipalities and documents it is mentioned, over all documents (organisation_activity summed; maintained by the loader).';
COMMENT ON COLUMN organisation_totals.organisation_id IS 'organisations.id of the organisation.';
COMMENT ON COLUMN organisation_totals.municipalities IS 'Distinct municipalities whose documents mention it.';
COMMENT ON COLUMN organisation_totals.documents IS 'Documents mentioning it.';
COMMENT ON COLUMN organisation_totals.mentions IS 'Mentions of it in all documents.';
