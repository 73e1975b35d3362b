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
