"""Warming the dashboard's caches: the queries of the usual first visits run when the server
starts, and again once a load has changed the warehouse, so nobody waits for them.

`plan()` lists the calls exactly as the pages make them (same names, same filters: the cache
key). A background thread runs the plan on a read-only connection it closes at least every
HOLD_S seconds, so a crawl or load that wants to write waits about that long at most. Small
warehouses are not warmed. GET /partmon/warm-up (app.py) says whether the first run is done.
`prefetch` does the same for one address as its page shell is served (assets.py): a search,
one organisation or one document, which no warm-up can guess.
"""
from __future__ import annotations

import logging
import os
import threading
import time

log = logging.getLogger("partmon.dashboard.warm")

#: the warehouse is re-warmed once its file has stayed unchanged this long after a write
SETTLE_S = 5.0
POLL_S = 2.0
#: longest time the warm-up keeps the file open in one go (a writer may be waiting)
HOLD_S = 1.0
#: smaller warehouses are not warmed: their queries take milliseconds anyway
#: (PARTMON_WARM_MIN_DOCUMENTS overrides it)
MIN_DOCUMENTS = 2000

_stop = threading.Event()
_done = threading.Event()
_state = {"warmed_stamp": None, "seconds": None, "queries": 0, "prefetched": 0}
_prefetching = threading.Semaphore(2)  # addresses worked on at once; more are not guessed


def _imports() -> None:
    """What the pages import and Streamlit loads on first use, loaded before anyone visits."""
    import altair
    import pyarrow  # noqa: F401
    import streamlit.elements.arrow  # noqa: F401
    import streamlit.elements.vega_charts  # noqa: F401

    import pandas as pd

    from dashboard import components, highlight, urlstate  # noqa: F401
    # a first chart builds altair's schema validators: do it now, not in a visitor's run
    altair.Chart(pd.DataFrame({"x": ["a"], "y": [1]})).mark_bar().encode(
        x="x", y="y").to_dict()
    _compile_pages()
    try:  # the dictionary the documents search lemmatises the query words with
        from warehouse import search

        search.word_lemmas("programy")
    except Exception:  # search is optional: the pages fall back to substrings
        pass


def _compile_pages() -> None:
    """Put main.py and the page files into Streamlit's compiled-script cache (the first
    visit would otherwise compile them). Internal Streamlit API: skipped if it changes."""
    from pathlib import Path

    try:
        from streamlit.runtime import Runtime

        cache = Runtime.instance()._script_cache
    except Exception:
        return
    here = Path(__file__).resolve().parent
    for script in [here / "main.py", *sorted((here / "views").glob("*.py"))]:
        if script.name != "__init__.py":
            try:
                cache.get_bytecode(str(script))
            except Exception:
                log.warning("could not compile %s ahead", script)


def plan():
    """(query name, filters) in the order the pages need them: the sidebar and the overview
    first, then the other pages' default views, then the overview of every voivodeship
    (a filter change finds it ready). A generator: later calls use earlier answers."""
    from dashboard import data
    from dashboard.i18n import voivodeships
    from dashboard.page_queries import (COMPARE_DEFAULT, DOCUMENTS_LIMIT, MAX_PAIRS,
                                        TOP_LIMIT, compare_queries)

    none = {"voivodeship": None, "years": None, "process_kind": None}
    yield "counts", {}
    smallest = int(os.environ.get("PARTMON_WARM_MIN_DOCUMENTS", MIN_DOCUMENTS))
    if int(data.query("counts").loc[0, "documents"]) < smallest:
        return  # every query is quick: warming would only compete with the first visitor
    yield "year_bounds", {}
    yield "has_processes", {}
    if data.has_processes():
        yield "process_kinds", {}
    overview = [("summary", none), ("meetings_over_time", none),
                ("voivodeship_activity", {"years": None, "process_kind": None}),
                ("top_municipalities", {**none, "limit": TOP_LIMIT}),
                ("top_organisations", {**none, "limit": TOP_LIMIT})]
    yield from overview
    yield "source_health", {}
    yield "failed_documents", {}
    yield "municipality_list", none
    yield "municipality_list", {"voivodeship": None}
    yield "document_list", {"voivodeship": None, "years": None, "municipality_ids": None,
                            "search": None, "limit": DOCUMENTS_LIMIT, "process_kind": None}
    yield "organisation_list", {"search": None, "kind": None, **none}
    yield "top_municipalities", {**none, "limit": COMPARE_DEFAULT}
    top = data.query("top_municipalities", **none, limit=COMPARE_DEFAULT)
    yield from compare_queries(list(top["id"]), years=None, process_kind=None,
                               process_year=None, with_processes=data.has_processes())
    yield "co_participation", {**none, "limit": MAX_PAIRS}
    for v in sorted(v["name"] for v in voivodeships()):
        for name, filters in overview:
            if "voivodeship" in filters:
                yield name, {**filters, "voivodeship": v}


def run_once() -> int:
    """Run the plan (each answer lands in the pages' cache); the number of queries run.
    The read-only connection is closed at least every HOLD_S seconds, between queries,
    so a writer waiting for the file waits about that long at most."""
    from dashboard import data

    n, opened = 0, time.monotonic()
    calls = plan()
    try:
        while not _stop.is_set():
            try:
                name, filters = next(calls)
                data.query(name, **filters)
                n += 1
            except StopIteration:
                break
            except data.WarehouseUnavailable as exc:  # missing, busy, unreadable: pages say so
                log.info("warm-up stopped: %s", exc)
                break
            except Exception:  # never let the warm-up take the server down
                log.exception("warm-up query failed")
            if time.monotonic() - opened > HOLD_S:
                data.release()
                opened = time.monotonic()
    finally:
        data.release()
    return n


def _loop() -> None:
    from dashboard import data

    try:
        _imports()
    except Exception:
        log.exception("warm-up imports failed")
    path = data.db_path()
    while not _stop.is_set() and path:
        try:
            stamp = data.file_stamp(path)
        except OSError:
            stamp = None
        if stamp is not None and stamp != _state["warmed_stamp"]:
            if _state["warmed_stamp"] is not None:  # changed since: let the writer finish
                time.sleep(SETTLE_S)
                if data.file_stamp(path) != stamp:
                    continue
            t0 = time.perf_counter()
            n = run_once()
            _state.update(warmed_stamp=stamp, seconds=time.perf_counter() - t0, queries=n)
            log.info("caches warmed: %d queries in %.1f s", n, _state["seconds"])
        _done.set()
        _stop.wait(POLL_S)
    _done.set()


def prefetch(page: str, query_string: str) -> None:
    """Start the queries a page opened at this address will ask for (a search, one
    organisation, one document: page_queries.address_queries) while the browser is still
    loading the dashboard's code, ~1 s before the page's first run asks for them."""
    from urllib.parse import parse_qs

    from dashboard.page_queries import address_queries

    calls = list(address_queries(page, parse_qs(query_string)))
    if not calls or not _prefetching.acquire(blocking=False):
        return

    def run() -> None:
        from dashboard import data

        try:
            for name, filters in calls:
                data.query(name, **filters)
        except Exception as exc:  # the page will say what is wrong when it asks itself
            log.info("prefetch %s stopped: %s", page, exc)
        finally:
            data.release()
            _state["prefetched"] += 1
            _prefetching.release()

    threading.Thread(target=run, name="partmon-prefetch", daemon=True).start()


def start() -> threading.Thread:
    """Start warming in a daemon thread (it re-warms after every change of the file)."""
    _stop.clear()
    thread = threading.Thread(target=_loop, name="partmon-warm", daemon=True)
    thread.start()
    return thread


def stop() -> None:
    _stop.set()


def status() -> dict:
    """Whether the first warm-up has finished, and how long it took."""
    return {"ready": _done.is_set(), **_state}
