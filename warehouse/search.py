"""Full-text search over documents' text that understands Polish inflection.

Every word form of a document is counted in `search_postings` (by integer word id) and
reduced to its base forms (lemmas) with Morfeusz 2 once, in `search_lemmas`; a query's
words are reduced the same way and matched through every form with one of their lemmas, so
`Białystok` finds `w Białymstoku` and `stowarzyszenie` finds `Stowarzyszenia`. Documents
must contain every query word (in any form); they are ranked by BM25 over lemmas.
"""
from __future__ import annotations

import re
from functools import lru_cache

import duckdb
import pyarrow as pa

WORD = re.compile(r"[^\W_]+")
SNIPPET_BEFORE, SNIPPET_AFTER = 60, 140
K1, B = 1.2, 0.75


@lru_cache(maxsize=1)
def _morfeusz():
    import morfeusz2
    return morfeusz2.Morfeusz(generate=False, expand_tags=False)


@lru_cache(maxsize=200_000)
def word_lemmas(word: str) -> frozenset[str]:
    """Lower-case base forms of one word, plus the word itself (for unknown words)."""
    forms = {word.casefold()}
    for _start, _end, (_orth, lemma, *_rest) in _morfeusz().analyse(word):
        base = lemma.split(":", 1)[0] if not lemma.startswith(":") else lemma
        if base:
            forms.add(base.casefold())
    return frozenset(forms)


#: the same words as WORD, in DuckDB's (RE2) syntax: letters and digits of any script
SQL_WORD = r"[\p{L}\p{N}]+"


def _register_new_words(con) -> None:
    """Give the words of partmon_word_counts without a word_id (never seen before) an id in
    search_words and their lemmas in search_lemmas; only these few are lemmatised, in Python.
    Fills partmon_new_words (id, word) for the caller."""
    new = [r[0] for r in con.execute(
        "SELECT DISTINCT word FROM partmon_word_counts WHERE word_id IS NULL "
        "ORDER BY word").fetchall()]
    (top,) = con.execute("SELECT coalesce(max(id), 0) FROM search_words").fetchone()
    pairs = [(word, lemma) for word in new for lemma in sorted(word_lemmas(word))]
    table = pa.table({"word": pa.array([p[0] for p in pairs], pa.string()),
                      "lemma": pa.array([p[1] for p in pairs], pa.string())})
    words = pa.table({"id": pa.array(range(top + 1, top + 1 + len(new)), pa.int32()),
                      "word": pa.array(new, pa.string())})
    con.register("partmon_new_lemmas", table)
    con.register("partmon_words_arrow", words)
    try:
        con.execute("INSERT INTO search_lemmas SELECT word, lemma FROM partmon_new_lemmas")
        con.execute("CREATE OR REPLACE TEMP TABLE partmon_new_words AS "
                    "SELECT id, word FROM partmon_words_arrow")
        con.execute("INSERT INTO search_words SELECT id, word FROM partmon_new_words")
    finally:
        con.unregister("partmon_new_lemmas")
        con.unregister("partmon_words_arrow")


def index_documents(con, document_ids, texts=None, fresh: bool = False) -> None:
    """(Re)index these stored documents inside the caller's transaction.

    DuckDB splits the texts into words and counts them; the counts go into search_postings
    as they are, keyed by an integer word id (search_words), and only words never seen
    before are lemmatised (Morfeusz, in Python) and remembered in search_lemmas. Lemmas are
    joined in at query time, so a load writes one narrow row per document and word form
    (~25% fewer rows than per lemma, no join or regrouping). `texts` (aligned with the ids)
    spares reading them back; `fresh` says the ids were never indexed (nothing to delete).
    """
    ids = list(document_ids)
    if not ids:
        return
    if texts is not None:
        source = pa.table({"id": pa.array(ids, pa.string()),
                           "text": pa.array(list(texts), pa.string())})
    else:
        source = pa.table({"id": pa.array(sorted(set(ids)), pa.string())})
    con.register("partmon_index_docs", source)
    try:
        if not fresh:
            con.execute("DELETE FROM search_postings WHERE document_id IN "
                        "(SELECT id FROM partmon_index_docs)")
            con.execute("DELETE FROM search_index_state WHERE document_id IN "
                        "(SELECT id FROM partmon_index_docs)")
        texts_sql = ("SELECT id, text FROM partmon_index_docs" if texts is not None else
                     "SELECT id, text FROM documents WHERE id IN "
                     "(SELECT id FROM partmon_index_docs)")
        con.execute(f"""CREATE OR REPLACE TEMP TABLE partmon_index_texts AS
            SELECT t.id, t.text, d.content_hash FROM ({texts_sql}) t
            JOIN documents d ON d.id = t.id WHERE t.text IS NOT NULL""")
        con.execute(f"""CREATE OR REPLACE TEMP TABLE partmon_word_counts AS
            SELECT c.document_id, c.word, w.id AS word_id, c.n FROM (
                SELECT document_id, word, count(*)::INTEGER AS n FROM (
                    SELECT id AS document_id,
                           unnest(regexp_extract_all(text, '{SQL_WORD}')) AS word
                    FROM partmon_index_texts)
                GROUP BY ALL) c
            LEFT JOIN search_words w ON w.word = c.word""")
        _register_new_words(con)
        con.execute("""INSERT INTO search_postings (document_id, word_id, tf)
            SELECT * FROM (
                SELECT document_id, word_id, n FROM partmon_word_counts
                WHERE word_id IS NOT NULL
                UNION ALL
                SELECT c.document_id, w.id, c.n FROM partmon_word_counts c
                JOIN partmon_new_words w ON w.word = c.word WHERE c.word_id IS NULL)
            ORDER BY word_id""")  # word-sorted blocks: a lookup skips most of the table
        con.execute("""INSERT INTO search_index_state (document_id, content_hash, words)
            SELECT t.id, t.content_hash, coalesce(sum(c.n), 0)::INTEGER
            FROM partmon_index_texts t LEFT JOIN partmon_word_counts c ON c.document_id = t.id
            GROUP BY t.id, t.content_hash""")
        con.execute("DROP TABLE partmon_word_counts")
        con.execute("DROP TABLE partmon_new_words")
        con.execute("DROP TABLE partmon_index_texts")
    finally:
        con.unregister("partmon_index_docs")


def index_document(con, document_id: str, text: str | None = None,
                   content_hash: str | None = None) -> None:
    """(Re)index one stored document inside the caller's transaction (the loader calls this
    when it stores text), so the index never lags behind the documents."""
    index_documents(con, [document_id], texts=None if text is None else [text])


def build_index(con) -> int:
    """Bring the lemma index up to date with documents' text → number of documents indexed.

    Only new or changed documents are analysed; documents gone or without text are dropped.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        stale = [r[0] for r in con.execute(
            """SELECT d.id FROM documents d
               LEFT JOIN search_index_state s ON s.document_id = d.id
               WHERE d.text IS NOT NULL
                 AND (s.document_id IS NULL OR s.content_hash IS DISTINCT FROM d.content_hash)
               ORDER BY d.id""").fetchall()]
        gone = """SELECT s.document_id FROM search_index_state s
                  LEFT JOIN documents d ON d.id = s.document_id
                  WHERE d.id IS NULL OR d.text IS NULL
                     OR d.content_hash IS DISTINCT FROM s.content_hash"""
        con.execute(f"DELETE FROM search_postings WHERE document_id IN ({gone})")
        con.execute(f"DELETE FROM search_index_state WHERE document_id IN ({gone})")
        index_documents(con, stale)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(stale)


def first_match(text: str, lemmas: set[str]) -> int:
    """Offset of the first word of text with one of these lemmas (0 when none)."""
    for match in WORD.finditer(text or ""):
        if word_lemmas(match.group(0)) & lemmas:
            return match.start()
    return 0


def _snippet(text: str, start: int) -> str:
    begin = max(0, start - SNIPPET_BEFORE)
    end = min(len(text), start + SNIPPET_AFTER)
    if begin > 0:
        space = text.find(" ", begin, start)
        begin = space + 1 if space >= 0 else begin
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    body = " ".join(text[begin:end].split())
    return ("…" if begin > 0 else "") + body + ("…" if end < len(text) else "")


def _lemma_forms(con, pairs) -> list[tuple[int, str, list[int]]] | None:
    """(word_no, lemma, [search_words.id of its forms]) for the query's (word_no, lemma)
    pairs, from the small word tables; None for a file from before search_postings."""
    values = ", ".join("(?, ?)" for _ in pairs)
    try:
        rows = con.execute(
            f"""WITH q(word_no, lemma) AS (VALUES {values})
                SELECT q.word_no, q.lemma, list(DISTINCT w.id ORDER BY w.id)
                FROM q JOIN search_lemmas l ON l.lemma = q.lemma
                JOIN search_words w ON w.word = l.word GROUP BY ALL ORDER BY ALL""",
            [v for pair in pairs for v in pair]).fetchall()
    except duckdb.CatalogException:  # a file from before search_postings, opened read-only
        return None
    return [(int(no), lemma, list(ids)) for no, lemma, ids in rows]


def _ranked_by_forms(con, n_words: int, forms, limit: int) -> list[tuple[str, float]]:
    """BM25 ranking over postings of the query's word ids only, one pass per document.

    The word ids of each (word, lemma) pair were resolved first (tiny query), so the big
    table is read once for those ids and grouped once by document, each pair's tf summed
    with a FILTER: no join of postings with lemmas and no regrouping by text ids (~2× faster
    on common lemmas). A word's tf is its best lemma's; df counts documents with the word.
    Scores equal but for rounding noise rank by document id (ORDER BY the rounded score).
    The ids are matched with list_contains, not IN: DuckDB plans an IN list as a hash join
    over every row the range lets through (~20% of a common word's search on a fresh
    connection); the BETWEEN still lets the scan skip row groups outside the ids' range."""
    by_word: dict[int, list[int]] = {}
    sums = []
    for k, (word_no, _lemma, ids) in enumerate(forms):
        by_word.setdefault(word_no, []).append(k)
        listed = ", ".join(str(int(i)) for i in ids)  # our own integers: inlined, so each
        sums.append(f"sum(tf) FILTER (WHERE word_id IN ({listed})) AS t{k}")  # is no join
    if len(by_word) < n_words:  # some word has no form in any document
        return []
    all_ids = sorted({i for _, _, ids in forms for i in ids})
    tfs = [f"greatest({', '.join(f't{k}' for k in ks)}) AS w{no}"
           for no, ks in sorted(by_word.items())]
    dfs = [f"count(w{no}) OVER () AS df{no}" for no in sorted(by_word)]
    # in DOUBLE throughout (literals would make it DECIMAL arithmetic, 3× slower)
    terms = " + ".join(
        f"ln(1 + (n.n - df{no} + 0.5::DOUBLE) / (df{no} + 0.5::DOUBLE)) * w{no}"
        f" * ({K1}::DOUBLE + 1) / (w{no} + {K1}::DOUBLE * (1 - {B}::DOUBLE"
        f" + {B}::DOUBLE * s.words / greatest(n.avgdl, 1)))"
        for no in sorted(by_word))
    present = " AND ".join(f"w{no} IS NOT NULL" for no in sorted(by_word))
    ids_list = ", ".join(str(int(i)) for i in all_ids)
    return con.execute(
        f"""WITH per_doc AS (
              SELECT document_id, {', '.join(sums)} FROM search_postings
              WHERE word_id BETWEEN {all_ids[0]} AND {all_ids[-1]}
                AND list_contains([{ids_list}], word_id)
              GROUP BY document_id),
           per_word AS (SELECT document_id, {', '.join(tfs)} FROM per_doc),
           counted AS (SELECT *, {', '.join(dfs)} FROM per_word),
           n AS (SELECT count(*) AS n, avg(words) AS avgdl FROM search_index_state)
           SELECT c.document_id, {terms} AS score
           FROM counted c JOIN search_index_state s ON s.document_id = c.document_id, n
           WHERE {present}
           ORDER BY round(score, 10) DESC, c.document_id LIMIT ?""", [int(limit)]).fetchall()


def search(con, query: str, limit: int = 20) -> list[tuple[str, float, str]]:
    """Documents containing every word of the query in any inflected form, best first
    → [(document_id, score, snippet)]. Needs build_index to have run."""
    words = [m.group(0) for m in WORD.finditer(query or "")]
    if not words:
        return []
    pairs = [(i, lemma) for i, word in enumerate(words) for lemma in sorted(word_lemmas(word))]
    forms = _lemma_forms(con, pairs)
    if forms is not None:
        rows = _ranked_by_forms(con, len(words), forms, limit)
    else:
        rows = _ranked_by_terms(con, pairs, len(words), limit)
    if not rows:
        return []
    texts = dict(con.execute(
        f"SELECT id, text FROM documents WHERE id IN ({', '.join('?' for _ in rows)})",
        [r[0] for r in rows]).fetchall())
    wanted = {lemma for _, lemma in pairs}
    return [(did, round(float(score), 4),
             _snippet(texts.get(did) or "", first_match(texts.get(did) or "", wanted)))
            for did, score in rows]


def _ranked_by_terms(con, pairs, n_words: int, limit: int) -> list[tuple[str, float]]:
    """BM25 ranking through the old per-lemma table search_terms (files from before
    search_postings)."""
    values = ", ".join("(?, ?)" for _ in pairs)
    params = [v for pair in pairs for v in pair]
    return con.execute(
        f"""WITH q(word_no, lemma) AS (VALUES {values}),
           per_lemma AS (SELECT t.document_id, q.word_no, q.lemma, t.tf FROM search_terms t
                         JOIN q ON q.lemma = t.lemma),
           hits AS (SELECT document_id, word_no, max(tf) AS tf FROM per_lemma GROUP BY ALL),
           df AS (SELECT word_no, count(*) AS df FROM hits GROUP BY word_no),
           n AS (SELECT count(*) AS n, avg(words) AS avgdl FROM search_index_state)
           SELECT h.document_id,
                  sum(ln(1 + (n.n - df.df + 0.5) / (df.df + 0.5))
                      * h.tf * ({K1} + 1)
                      / (h.tf + {K1} * (1 - {B} + {B} * s.words / greatest(n.avgdl, 1)))) AS score
           FROM hits h JOIN df USING (word_no) JOIN search_index_state s USING (document_id), n
           GROUP BY h.document_id
           HAVING count(DISTINCT h.word_no) = ?
           ORDER BY score DESC, h.document_id
           LIMIT ?""", params + [n_words, int(limit)]).fetchall()
