"""Full-text search over documents' text that understands Polish inflection.

Every word is reduced to its base forms (lemmas) with Morfeusz 2 and stored in
`search_terms`; a query's words are reduced the same way, so `Białystok` finds
`w Białymstoku` and `stowarzyszenie` finds `Stowarzyszenia`. Documents must contain every
query word (in any form); they are ranked by BM25 over lemmas.
"""
from __future__ import annotations

import re
from functools import lru_cache

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


def text_terms(text: str) -> tuple[dict[str, list[int]], int]:
    """{lemma: [count, first offset]} of a text and its number of words."""
    terms: dict[str, list[int]] = {}
    words = 0
    for match in WORD.finditer(text or ""):
        words += 1
        for lemma in word_lemmas(match.group(0)):
            entry = terms.get(lemma)
            if entry is None:
                terms[lemma] = [1, match.start()]
            else:
                entry[0] += 1
    return terms, words


def _analyse(docs) -> tuple[pa.Table, pa.Table]:
    """Arrow tables of search_terms and search_index_state rows for (id, text, hash) triples."""
    ids, lemmas, tfs, firsts, states = [], [], [], [], []
    for did, text, content_hash in docs:
        terms, words = text_terms(text)
        for lemma, (count, first) in terms.items():
            ids.append(did)
            lemmas.append(lemma)
            tfs.append(count)
            firsts.append(first)
        states.append((did, content_hash, words))
    terms = pa.table({"document_id": pa.array(ids, pa.string()),
                      "lemma": pa.array(lemmas, pa.string()),
                      "tf": pa.array(tfs, pa.int32()),
                      "first_start": pa.array(firsts, pa.int32())})
    state = pa.table({"document_id": pa.array([s[0] for s in states], pa.string()),
                      "content_hash": pa.array([s[1] for s in states], pa.string()),
                      "words": pa.array([s[2] for s in states], pa.int32())})
    return terms, state


def _insert(con, terms: pa.Table, state: pa.Table) -> None:
    con.register("partmon_new_terms", terms)
    con.register("partmon_new_states", state)
    try:
        con.execute("INSERT INTO search_terms SELECT * FROM partmon_new_terms")
        con.execute("INSERT INTO search_index_state SELECT * FROM partmon_new_states")
    finally:
        con.unregister("partmon_new_terms")
        con.unregister("partmon_new_states")


def index_document(con, document_id: str, text: str | None, content_hash: str | None) -> None:
    """(Re)index one document inside the caller's transaction (the loader calls this when
    it stores text), so the index never lags behind the documents."""
    con.execute("DELETE FROM search_terms WHERE document_id = ?", [document_id])
    con.execute("DELETE FROM search_index_state WHERE document_id = ?", [document_id])
    if text is not None:
        _insert(con, *_analyse([(document_id, text, content_hash)]))


def build_index(con) -> int:
    """Bring the lemma index up to date with documents' text → number of documents indexed.

    Only new or changed documents are analysed; documents gone or without text are dropped.
    """
    stale = con.execute(
        """SELECT d.id, d.text, d.content_hash FROM documents d
           LEFT JOIN search_index_state s ON s.document_id = d.id
           WHERE d.text IS NOT NULL
             AND (s.document_id IS NULL OR s.content_hash IS DISTINCT FROM d.content_hash)
           ORDER BY d.id""").fetchall()
    terms, state = _analyse(stale)
    con.execute("BEGIN TRANSACTION")
    try:
        gone = """SELECT s.document_id FROM search_index_state s
                  LEFT JOIN documents d ON d.id = s.document_id
                  WHERE d.id IS NULL OR d.text IS NULL
                     OR d.content_hash IS DISTINCT FROM s.content_hash"""
        con.execute(f"DELETE FROM search_terms WHERE document_id IN ({gone})")
        con.execute(f"DELETE FROM search_index_state WHERE document_id IN ({gone})")
        _insert(con, terms, state)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(stale)


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


def search(con, query: str, limit: int = 20) -> list[tuple[str, float, str]]:
    """Documents containing every word of the query in any inflected form, best first
    → [(document_id, score, snippet)]. Needs build_index to have run."""
    words = [m.group(0) for m in WORD.finditer(query or "")]
    if not words:
        return []
    pairs = [(i, lemma) for i, word in enumerate(words) for lemma in sorted(word_lemmas(word))]
    values = ", ".join("(?, ?)" for _ in pairs)
    params = [v for pair in pairs for v in pair]
    rows = con.execute(
        f"""WITH q(word_no, lemma) AS (VALUES {values}),
           hits AS (SELECT t.document_id, q.word_no, max(t.tf) AS tf,
                           min(t.first_start) AS first_start
                    FROM search_terms t JOIN q ON q.lemma = t.lemma GROUP BY ALL),
           df AS (SELECT word_no, count(*) AS df FROM hits GROUP BY word_no),
           n AS (SELECT count(*) AS n, avg(words) AS avgdl FROM search_index_state)
           SELECT h.document_id,
                  sum(ln(1 + (n.n - df.df + 0.5) / (df.df + 0.5))
                      * h.tf * ({K1} + 1)
                      / (h.tf + {K1} * (1 - {B} + {B} * s.words / greatest(n.avgdl, 1)))) AS score,
                  min(h.first_start) AS first_start
           FROM hits h JOIN df USING (word_no) JOIN search_index_state s USING (document_id), n
           GROUP BY h.document_id
           HAVING count(DISTINCT h.word_no) = ?
           ORDER BY score DESC, h.document_id
           LIMIT ?""", params + [len(words), int(limit)]).fetchall()
    if not rows:
        return []
    texts = dict(con.execute(
        f"SELECT id, text FROM documents WHERE id IN ({', '.join('?' for _ in rows)})",
        [r[0] for r in rows]).fetchall())
    return [(did, round(float(score), 4), _snippet(texts.get(did) or "", first))
            for did, score, first in rows]
