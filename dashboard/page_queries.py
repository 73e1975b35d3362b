"""The queries the pages make, named once: the pages and the warm-up (warm.py) call them the
same way, so the warm-up fills exactly the cache entries a visit looks for."""
from __future__ import annotations

#: rows of the overview's two top-lists
TOP_LIMIT = 15
#: municipalities compared when the address names none: the most active ones
COMPARE_DEFAULT = 2
#: documents listed (the full list is in the CSV file)
DOCUMENTS_LIMIT = 1000
#: organisation pairs read for "who meets whom"
MAX_PAIRS = 2000
#: rows drawn per list on the compare page (the counts say how many there are)
COMPARE_ROWS = 15
COMPARE_PER_AREA = 8
#: more meetings than this (one municipality) are drawn as monthly averages
MAX_POINTS = 250


def compare_queries(ids: list, years, process_kind, process_year, with_processes: bool):
    """(name, filters) of what the compare page shows for municipalities `ids`."""
    process = {"process_kind": process_kind, "process_year": process_year}
    if with_processes:
        yield "municipality_processes", {"municipality_ids": ids, "process_kind": process_kind,
                                         "years": years}
    yield "compare_overview", {"municipality_ids": ids, "years": years, **process}
    yield "compare_items", {"municipality_ids": ids, "years": years, **process,
                            "limit": COMPARE_ROWS, "per_area": COMPARE_PER_AREA}
    yield "compare_areas", {"municipality_ids": ids, "years": years, **process}
    yield "compare_timeline", {"municipality_ids": ids, "years": years, **process,
                               "max_points": MAX_POINTS}
#: search hits listed with their snippets; one organisation's mentions drawn in context,
#: and rows drawn of its municipalities and meetings
SEARCH_CARDS = 20
ORG_MENTIONS_SHOWN = 100
ORG_ROWS = 30


def address_queries(page: str, params: dict[str, list[str]]):
    """(name, filters) of the queries a page opened at this address runs that the start-up
    warm-up cannot know: a search, one organisation, one document. Filters are read from
    the address as the pages read them; an address they would read otherwise (an invalid
    value) only makes the guess miss."""
    one = {k: v[-1].strip() for k, v in params.items() if v and v[-1].strip()}
    if page == "documents" and one.get("doc"):
        yield "document", {"document_id": one["doc"]}
        yield "document_spans", {"document_id": one["doc"]}
    elif page == "documents" and one.get("szukaj"):
        years = None
        if "lata" in one:
            try:
                a, b = (int(x) for x in one["lata"].split("-", 1))
                years = (min(a, b), max(a, b))
            except ValueError:
                pass
        yield "document_hits", {
            "search": one["szukaj"], "snippets": SEARCH_CARDS, "voivodeship": one.get("woj"),
            "years": years, "municipality_ids": params.get("m") or None,
            "limit": DOCUMENTS_LIMIT, "process_kind": one.get("proces")}
    elif page == "organisations" and one.get("org") and one.get("widok") != "pairs":
        org = {"organisation_id": one["org"]}
        yield "organisation", org
        yield "organisation_overview", org
        yield "organisation_mentions_first", {**org, "limit": ORG_MENTIONS_SHOWN}
        yield "organisation_municipalities", org
        yield "organisation_meetings_first", {**org, "limit": ORG_ROWS}
