"""Builds contract records (../shared/contract/EXTRACTION.md) from report texts, in one place,
from the Doc extensions set by the pipeline components."""
from __future__ import annotations

import gc
import logging
from typing import Iterable, Iterator

from spacy.tokens import Doc

from .pipeline import get_nlp

log = logging.getLogger(__name__)

FIELDS = ["path", "title", "municipality", "document_date", "meetings", "next_meeting",
          "organisations", "people", "dates", "goals", "priority_tasks", "legal_acts", "funding"]
LIST_FIELDS = ["meetings", "organisations", "people", "dates", "goals", "priority_tasks",
               "legal_acts", "funding"]


def empty_record(path: str, error: str | None = None) -> dict:
    """A contract record with every field empty (and `error` when given)."""
    rec = {f: ([] if f in LIST_FIELDS else None) for f in FIELDS}
    rec["path"] = path
    if error is not None:
        rec["error"] = error
    return rec


def to_contract(full_record: dict) -> dict:
    """The contract record: a copy without `provenance`, keys in the contract's order."""
    out = {f: full_record.get(f, [] if f in LIST_FIELDS else None) for f in FIELDS}
    if "error" in full_record:
        out["error"] = full_record["error"]
    return out


def record_from_doc(doc: Doc, path: str, title: str | None = None) -> dict:
    """The full record (contract fields + provenance) of one processed document."""
    rec = empty_record(path)
    ext = doc._  # one accessor object: each `doc._` builds a new one
    prov = {}
    rec["title"] = title if title else ext.title
    rec["municipality"] = ext.municipality
    rec["document_date"] = ext.document_date
    rec["meetings"] = [m for m, _ in ext.meetings]
    prov["meetings"] = [sp for _, sp in ext.meetings]
    rec["next_meeting"] = ext.next_meeting
    orgs = ext.organisations or []
    rec["organisations"] = [{"name": o["name"], "kind": o["kind"], "mentions": list(o["mentions"])} for o in orgs]
    prov["organisations"] = [[list(sp) for sp in o["spans"]] for o in orgs]
    people = ext.people or []
    rec["people"] = [{"name": p["name"], "role": p["role"]} for p in people]
    prov["people"] = [[p["start"], p["end"]] for p in people]
    dates, dprov, seen = [], [], set()
    for d in ext.dates or []:
        key = (d["value"], d["end"], d["text"])
        if key in seen:
            continue
        seen.add(key)
        dates.append({"text": d["text"], "value": d["value"], "end": d["end"]})
        dprov.append([d["start"], d["end_char"]])
    rec["dates"], prov["dates"] = dates, dprov
    goals = ext.goals or []
    rec["goals"] = [{"text": g["text"], "level": g["level"]} for g in goals]
    prov["goals"] = [[g["start"], g["end"]] for g in goals]
    tasks = ext.priority_tasks or []
    rec["priority_tasks"] = [{"text": t["text"], "area": t["area"]} for t in tasks]
    prov["priority_tasks"] = [[t["start"], t["end"]] for t in tasks]
    rec["legal_acts"] = [a for a, _s, _e in ext.legal_acts or []]
    prov["legal_acts"] = [[s, e] for _a, s, e in ext.legal_acts or []]
    rec["funding"] = [f for f, _s, _e in ext.funding or []]
    prov["funding"] = [[s, e] for _f, s, e in ext.funding or []]
    rec["provenance"] = prov
    return rec


def extract_texts(docs: Iterable[dict], n_process: int = 1, batch_size: int = 16) -> Iterator[dict]:
    """Full records for `docs` ({"path", "text", "title"}), in input order.

    A document that a component fails on gets an error record (`error` names the path and the
    reason in one line; the traceback goes to the log) and the others go on."""
    nlp = get_nlp()
    errors: dict[int, str] = {}
    pending: dict[int, str] = {}

    def on_error(proc_name, proc, failed, exc):
        for doc in failed:
            ctx = getattr(doc, "_context", None) or {}
            if "i" in ctx:
                errors[ctx["i"]] = _one_line(f"{ctx['path']}: extraction failed in {proc_name}: "
                                             f"{exc.__class__.__name__}: {exc}")
        log.error("extraction failed in %s", proc_name, exc_info=exc)

    def inputs():
        for i, d in enumerate(docs):
            path = str(d.get("path", f"#{i}"))
            pending[i] = path
            text = d.get("text") or ""
            if not isinstance(text, str):
                errors[i] = f"{path}: text is {type(text).__name__}, not str"
                text = ""
            yield text, {"i": i, "path": path, "title": d.get("title")}

    nlp.set_error_handler(on_error)
    # the pipeline makes many small objects per document and keeps few: collecting the youngest
    # generation less often saves a tenth of the time; the previous setting comes back after
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], GC_THRESHOLD), *threshold[1:])
    try:
        yield from _ordered(nlp, inputs(), n_process, batch_size, errors, pending)
    finally:
        gc.set_threshold(*threshold)


GC_THRESHOLD = 100_000


def _ordered(nlp, inputs, n_process, batch_size, errors, pending):
    """Records in input order; documents a failing component dropped get error records."""
    next_i = 0
    for doc, ctx in nlp.pipe(inputs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        while next_i < ctx["i"]:  # documents dropped by a failing component
            path = pending.pop(next_i)
            yield error_record(path, errors.pop(next_i, f"{path}: extraction failed"))
            next_i += 1
        pending.pop(ctx["i"], None)
        next_i = ctx["i"] + 1
        if ctx["i"] in errors:
            yield error_record(ctx["path"], errors.pop(ctx["i"]))
        else:
            yield record_from_doc(doc, ctx["path"], ctx["title"])
    for i in sorted(pending):
        yield error_record(pending[i], errors.pop(i, f"{pending[i]}: extraction failed"))


def error_record(path: str, error: str) -> dict:
    """A full record for a document that could not be processed (empty provenance)."""
    rec = empty_record(path, error)
    rec["provenance"] = {f: [] for f in LIST_FIELDS}
    return rec


def _one_line(message: str) -> str:
    return " ".join(message.split())


# ---- extract_paths (text extraction + NLP) is written by the lead below this line ----
