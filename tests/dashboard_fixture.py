"""A small warehouse for the dashboard tests: our own Polish reports from two municipalities.

Report texts are written with inline markers `⟦kind:payload⟧surface⟦/⟧`; `build_record`
strips them and turns each into an extracted item with its character offsets, so the
records are full records (contract + provenance) exactly as the extractor would give them.
They go into a real DuckDB file through `warehouse.db.connect` + `warehouse.load.Loader`.
`running_dashboard` starts the dashboard on a warehouse through the real `partmon dashboard`
command, for the browser tests and the dashboard benchmark alike.
"""
from __future__ import annotations

import contextlib
import hashlib
import re
from pathlib import Path

EXTRACTOR_VERSION = "dashboard-test"
HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">"

SOURCES = [
    {"name": "suprasl", "municipality": "Supraśl", "terc": "2010092", "voivodeship": "podlaskie",
     "start_urls": ["http://127.0.0.1:9/suprasl/"], "allowed_domains": ["127.0.0.1"],
     "include": [], "exclude": [], "spider": "cms"},
    {"name": "wagrowiec", "municipality": "Wągrowiec", "terc": "3028011",
     "voivodeship": "wielkopolskie", "start_urls": ["http://127.0.0.1:9/wagrowiec/"],
     "allowed_domains": ["127.0.0.1"], "include": [], "exclude": [], "spider": "cms"},
]

#: a municipal site that stopped answering: configured, crawled with errors only, and the
#: one file it gave could not be read (added by build_warehouse(broken_source=True))
BROKEN_SOURCE = {"name": "borowa-wola", "municipality": "Borowa Wola", "terc": None,
                 "voivodeship": "lubelskie", "start_urls": ["http://127.0.0.1:9/borowa-wola/"],
                 "allowed_domains": ["127.0.0.1"], "include": [], "exclude": [],
                 "spider": "bip"}
BROKEN_DOCUMENT_URL = "http://127.0.0.1:9/borowa-wola/protokol-skan.pdf"
BROKEN_TEXT_ERROR = "skan bez warstwy tekstowej, OCR nie rozpoznał tekstu"

#: what the crawler reported per source in the fixture's one crawl run
CRAWL_STATS = {
    "suprasl": {"pages": 14, "documents": 2, "reports": 2, "errors": {}},
    "wagrowiec": {"pages": 11, "documents": 2, "reports": 2, "errors": {"http_404": 1}},
}
BROKEN_STATS = {"pages": 2, "documents": 1, "reports": 0,
                "errors": {"http_500": 5, "timeout": 2}}

MUNICIPALITIES = {
    "suprasl": {"name": "Supraśl", "kind": "gmina", "voivodeship": "podlaskie"},
    "wagrowiec": {"name": "Wągrowiec", "kind": "miasto", "voivodeship": "wielkopolskie"},
}

REPORTS = [
    {"source": "suprasl", "slug": "warsztaty-2019", "date": "2019-03-14",
     "title": "Warsztaty o programie współpracy z organizacjami pozarządowymi",
     "text": """Warsztaty o programie współpracy z organizacjami pozarządowymi

⟦meeting:2019-03-14|warsztaty|23|7⟧W dniu ⟦date:2019-03-14⟧14 marca 2019 r.⟦/⟧ w sali konferencyjnej odbyły się warsztaty, w których wzięły udział 23 osoby z 7 organizacji.⟦/⟧ Spotkanie przygotował ⟦org:Urząd Miejski w Supraślu|public⟧Urząd Miejski w Supraślu⟦/⟧ razem ze ⟦org:Stowarzyszenie Przyjaciół Puszczy Knyszyńskiej|ngo⟧Stowarzyszeniem Przyjaciół Puszczy Knyszyńskiej⟦/⟧ i ⟦org:Ochotnicza Straż Pożarna w Supraślu|ngo⟧Ochotniczą Strażą Pożarną w Supraślu⟦/⟧.

Cel główny: ⟦goal:main⟧wzmocnienie współpracy gminy z organizacjami pozarządowymi⟦/⟧.

Zadania priorytetowe w obszarze kultura:
- ⟦task:kultura⟧organizacja przeglądu muzyki cerkiewnej⟦/⟧
- ⟦task:kultura⟧prowadzenie warsztatów rękodzieła dla dzieci⟦/⟧
Zadania priorytetowe w obszarze sport:
- ⟦task:sport⟧upowszechnianie biegów w Puszczy Knyszyńskiej⟦/⟧

Podstawa: ⟦act⟧Uchwała nr XII/88/2019 Rady Miejskiej w Supraślu z dnia 28 lutego 2019 r.⟦/⟧
Warsztaty sfinansowano z ⟦fund:Fundusz Inicjatyw Obywatelskich⟧Funduszu Inicjatyw Obywatelskich⟦/⟧.
Prowadząca: ⟦person:Anna Zalewska|moderatorka⟧Anna Zalewska⟦/⟧.
"""},
    {"source": "suprasl", "slug": "spotkanie-2022", "date": "2022-10-05",
     "title": "Spotkanie konsultacyjne w sprawie programu na rok 2023",
     "text": """Spotkanie konsultacyjne w sprawie programu na rok 2023

⟦meeting:2022-10-05|spotkanie|15|5⟧Dnia ⟦date:2022-10-05⟧5 października 2022 r.⟦/⟧ odbyło się spotkanie, w którym uczestniczyło 15 osób reprezentujących 5 organizacji.⟦/⟧ ⟦org:Stowarzyszenie Przyjaciół Puszczy Knyszyńskiej|ngo⟧Stowarzyszenie Przyjaciół Puszczy Knyszyńskiej⟦/⟧ zgłosiło nowe zadanie priorytetowe: „⟦task:turystyka⟧oznakowanie szlaków rowerowych⟦/⟧”, a ⟦org:Ochotnicza Straż Pożarna w Supraślu|ngo⟧Ochotnicza Straż Pożarna w Supraślu⟦/⟧ poparła je w imieniu druhów.
"""},
    {"source": "wagrowiec", "slug": "konsultacje-2021", "date": "2021-05-20",
     "title": "Konsultacje programu współpracy na 2022 rok",
     "text": """Konsultacje programu współpracy na 2022 rok

⟦meeting:2021-05-20|konsultacje|41|12⟧W dniu ⟦date:2021-05-20⟧20 maja 2021 r.⟦/⟧ przeprowadzono konsultacje z udziałem 41 osób i 12 organizacji.⟦/⟧ Gospodarzem był ⟦org:Urząd Miejski Wągrowca|public⟧Urząd Miejski Wągrowca⟦/⟧, a moderatorem ⟦org:Fundacja Nowa Przestrzeń|ngo⟧Fundacja Nowa Przestrzeń⟦/⟧.

Cele szczegółowe:
1. ⟦goal:specific⟧aktywizacja seniorów⟦/⟧
2. ⟦goal:specific⟧rozwój wolontariatu młodzieży⟦/⟧

Zadania priorytetowe – polityka społeczna:
- ⟦task:polityka społeczna⟧prowadzenie klubu seniora przy ulicy Kościuszki⟦/⟧
Zadania priorytetowe – sport:
- ⟦task:sport⟧organizacja ligi piłkarskiej dla szkół⟦/⟧

Finansowanie: ⟦fund⟧Europejski Fundusz Społeczny⟦/⟧.
"""},
    {"source": "wagrowiec", "slug": "sprawozdanie-wrogie", "date": "2021-09-09",
     "title": "Sprawozdanie z tekstem, który wygląda jak HTML",
     "text": """Sprawozdanie z tekstem, który wygląda jak HTML

⟦meeting:2021-09-09|spotkanie|9|3⟧Spotkanie ⟦date:2021-09-09⟧9 września 2021 r.⟦/⟧ zgromadziło 9 osób z 3 organizacji.⟦/⟧ Uczestnik wkleił do formularza tekst """ + HOSTILE + """ oraz <b>bold</b>, a ⟦org:Fundacja Nowa Przestrzeń|ngo⟧Fundacja "Nowa Przestrzeń"⟦/⟧ zaproponowała zadanie priorytetowe: ⟦task:edukacja⟧zajęcia z bezpieczeństwa w sieci <i>dla młodzieży</i>⟦/⟧.
"""},
]

_MARK = re.compile(r"⟦([a-z]+)(?::([^⟧]*))?⟧|⟦/⟧")


def _none(value: str | None):
    return value if value not in (None, "") else None


def build_record(url: str, title: str, date: str, municipality: dict, marked: str):
    """Strip the markers from `marked`; return (text, full record with provenance)."""
    out, stack, items = [], [], []
    pos = length = 0
    for m in _MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(0) == "⟦/⟧":
            kind, payload, start = stack.pop()
            items.append((start, length, kind, payload))
        else:
            stack.append((m.group(1), m.group(2) or "", length))
    out.append(marked[pos:])
    text = "".join(out)
    assert not stack, "unclosed marker"
    record = {"path": url, "title": title, "municipality": municipality, "document_date": date,
              "meetings": [], "next_meeting": None, "organisations": [], "people": [],
              "dates": [], "goals": [], "priority_tasks": [], "legal_acts": [], "funding": []}
    prov = {k: [] for k in ("organisations", "dates", "goals", "priority_tasks", "people",
                            "meetings", "legal_acts", "funding")}
    orgs: dict[str, int] = {}
    for start, end, kind, payload in sorted(items):
        surface, span = text[start:end], [start, end]
        fields = payload.split("|")
        if kind == "org":
            name, org_kind = fields
            if name not in orgs:
                orgs[name] = len(record["organisations"])
                record["organisations"].append({"name": name, "kind": org_kind, "mentions": []})
                prov["organisations"].append([])
            record["organisations"][orgs[name]]["mentions"].append(surface)
            prov["organisations"][orgs[name]].append(span)
            continue
        if kind == "date":
            item, field = {"text": surface, "value": fields[0],
                           "end": fields[1] if len(fields) > 1 else None}, "dates"
        elif kind == "goal":
            item, field = {"text": surface, "level": _none(fields[0])}, "goals"
        elif kind == "task":
            item, field = {"text": surface, "area": _none(fields[0])}, "priority_tasks"
        elif kind == "meeting":
            item, field = {"date": fields[0], "kind": fields[1], "participants": int(fields[2]),
                           "organisations_count": int(fields[3]), "place": None}, "meetings"
        elif kind == "person":
            item, field = {"name": fields[0], "role": _none(fields[1])}, "people"
        elif kind == "act":
            item, field = surface, "legal_acts"
        elif kind == "fund":
            item, field = payload or surface, "funding"
        else:
            raise ValueError(f"unknown marker {kind}")
        record[field].append(item)
        prov[field].append(span)
    record["provenance"] = prov
    return text, record


def report_url(report: dict) -> str:
    return f"http://127.0.0.1:9/{report['source']}/{report['slug']}.html"


def documents():
    """(document item with text, full record) per report, as the crawler + extractor give them."""
    for report in REPORTS:
        url = report_url(report)
        source = next(s for s in SOURCES if s["name"] == report["source"])
        text, record = build_record(url, report["title"], report["date"],
                                    MUNICIPALITIES[report["source"]], report["text"])
        body = text.encode("utf-8")
        item = {"url": url, "source": source["name"], "municipality": source["municipality"],
                "terc": source["terc"], "voivodeship": source["voivodeship"],
                "fetched_at": "2026-11-22T10:00:00Z", "http_status": 200,
                "content_type": "text/plain", "encoding": "utf-8",
                "content_hash": hashlib.sha256(body).hexdigest(), "body": body,
                "title": report["title"], "referer": None, "link_text": report["title"],
                "report_score": 0.9, "text": text, "text_error": None}
        yield item, record


def build_warehouse(path: Path, search_index: bool = True, broken_source: bool = False) -> Path:
    """Write the fixture warehouse to `path` with the real warehouse loader (which keeps
    the full-text index unless told not to), as one crawl run with the crawler's stats.
    `broken_source` adds a third source whose site fails (errors only, one unreadable PDF
    stored without a municipality)."""
    from warehouse.db import connect
    from warehouse.load import Loader

    con = connect(str(path))
    loader = Loader(con, index_text=search_index)
    loader.upsert_sources(SOURCES + ([BROKEN_SOURCE] if broken_source else []))
    loader.start_crawl_run()
    for item, record in documents():
        document_id = loader.store_document(item)
        loader.store_extraction(document_id, record, EXTRACTOR_VERSION)
    stats = dict(CRAWL_STATS)
    if broken_source:
        body = b"%PDF-1.4 skan"
        loader.store_document({
            "url": BROKEN_DOCUMENT_URL, "source": BROKEN_SOURCE["name"],
            "fetched_at": "2026-11-22T10:05:00Z", "http_status": 200,
            "content_type": "application/pdf", "encoding": None,
            "content_hash": hashlib.sha256(body).hexdigest(), "body": body,
            "title": "Protokół ze spotkania (skan)", "referer": None, "link_text": None,
            "report_score": 0.4, "text": None, "text_error": BROKEN_TEXT_ERROR})
        stats[BROKEN_SOURCE["name"]] = BROKEN_STATS
    loader.finish_crawl_run(stats)
    con.close()
    return path


# --- the dashboard server, as `partmon dashboard` starts it (tests and `make bench`) --------

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_dashboard(db: Path, log: Path, timeout_s: float = 90):
    """The dashboard started by the real `partmon dashboard` command, until the block ends.

    Yields its URL once Streamlit answers its health check; output goes to `log`. The
    command and the Streamlit server it starts run in a process group of their own, stopped
    as a whole when the block ends (stopping only the command would leave Streamlit running).
    """
    import os
    import subprocess
    import sys

    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "warehouse.cli", "dashboard", "--db", str(db),
             "--port", str(port)], cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        if not wait_until_answering(proc, url, timeout_s):
            raise AssertionError(f"dashboard did not start:\n{log.read_text()[-2000:]}")
        yield url
    finally:
        _stop_group(proc)


def wait_until_answering(proc, url: str, timeout_s: float) -> bool:
    """Wait until the Streamlit server at `url` answers its health check → True; False when
    `proc` ended or `timeout_s` passed first."""
    import time
    import urllib.request

    deadline = time.monotonic() + timeout_s
    while True:
        try:
            urllib.request.urlopen(url + "_stcore/health", timeout=2)
            return True
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                return False
            time.sleep(0.2)


def _stop_group(proc, wait_s: float = 20) -> None:
    """SIGTERM to every process of `proc`'s group, SIGKILL to what is left after `wait_s`."""
    import os
    import signal
    import time

    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        proc.wait()
        return
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        proc.poll()  # reaps the command once it has ended
        try:
            os.killpg(proc.pid, 0)  # is any process of the group left?
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()
