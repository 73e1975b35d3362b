"""Crawler speed: our crawler against a bare Scrapy spider on the same generated 10,000-page
municipal site served on 127.0.0.1, in the same run, with peak memory along the way.

`main()` is called by tests/bench/run.py (`make bench`); `python tests/bench/crawler_bench.py`
runs it alone. Prints figures, asserts nothing. Politeness delays are off for both crawlers
(same concurrency), our extraction is off, and our documents are stored into a throw-away
warehouse the way `partmon crawl` stores them (warehouse.load.Loader.store_document).

The site (our own generator, Polish texts of our own) is served from memory by a small
asyncio HTTP/1.1 server in a separate process, so that the server is not what is measured.
"""
from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

REPO = Path(__file__).resolve().parents[2]
PAGES = 10_000
PER_LISTING = 20
SECTIONS = {"aktualnosci": 0.94, "konsultacje": 0.06}  # shares of the articles: few are reports
PDFS = 60
STATIC = 40
CONCURRENCY = 16

WORDS = ("miasto gmina mieszkańcy ulica remont park szkoła biblioteka dom kultury przystanek "
         "organizacja stowarzyszenie fundacja wolontariusze seniorzy młodzież sport kultura "
         "budżet inwestycja program zadanie projekt wniosek konkurs dotacja rada komisja "
         "spotkanie harmonogram termin lokal świetlica osiedle plac zieleń drzewa rower "
         "chodnik oświetlenie parking dzielnica sołectwo współpraca pomoc społeczna").split()
NEWS_TITLES = ("Remont ulicy {w}", "Festyn na osiedlu {w}", "Nowe ławki w parku {w}",
               "Koncert w domu kultury", "Zmiana rozkładu jazdy linii {n}", "Turniej piłki nożnej",
               "Dyżur radnych w dzielnicy {w}", "Wystawa w bibliotece miejskiej")
REPORT_TITLES = ("Protokół ze spotkania konsultacyjnego nr {n}", "Sprawozdanie z konsultacji społecznych {w}",
                 "Raport z warsztatów programu współpracy nr {n}",
                 "Podsumowanie spotkania Rady Działalności Pożytku Publicznego nr {n}")
REPORT_BODY = ("Spotkanie odbyło się w sali narad urzędu. Udział wzięli przedstawiciele organizacji "
               "pozarządowych i radni. Omówiono zadania priorytetowe programu współpracy. "
               "Zgłoszono uwagi dotyczące konkursów ofert. Ustalono termin kolejnego spotkania. ")


# --- the site ---------------------------------------------------------------------------------
_ASCII = str.maketrans("ąćęłńóśźż", "acelnoszz")


def _slug(title: str) -> str:
    return "-".join(title.lower().translate(_ASCII).split()[:5])


def _sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _page(title: str, main: str, recent: list[tuple[str, str]]) -> bytes:
    nav = ('<nav><a href="/">Strona główna</a> <a href="/aktualnosci/">Aktualności</a> '
           '<a href="/konsultacje/">Konsultacje</a> <a href="/dokumenty/">Dokumenty</a> '
           '<a href="/urzad/kontakt">Kontakt</a></nav>')
    aside = "<aside><h3>Najnowsze</h3><ul>" + "".join(
        f'<li><a href="{u}">{t}</a></li>' for u, t in recent) + "</ul></aside>"
    return (f'<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>{title} – Urząd '
            f"Miasta Benchowo</title></head><body><header>{nav}</header><main><h1>{title}</h1>{main}"
            f"</main>{aside}<footer><p>Urząd Miasta Benchowo, ul. Rynek 1</p></footer></body></html>"
            ).encode("utf-8")


def _listing(section: str, items: list[tuple[str, str]], page: int, last: int) -> str:
    entries = "".join(f'<article><h2><a href="{u}">{t}</a></h2><p>Czytaj więcej.</p></article>'
                      for u, t in items)
    def href(n):
        return f"/{section}/" + (f"?strona={n}" if n > 1 else "")
    numbers = sorted({n for n in (1, 2, 3, page - 1, page, page + 1, last) if 1 <= n <= last})
    pager = " ".join(f"<span>{n}</span>" if n == page else f'<a href="{href(n)}">{n}</a>' for n in numbers)
    if page < last:
        pager += f' <a href="{href(page + 1)}" rel="next">Następna »</a>'
    return f'{entries}<div class="pagination">{pager}</div>'


def build_site(seed: int = 0) -> dict[str, tuple[bytes, str]]:
    """Path → (body, content type): listings with pagination, news, reports, PDFs, static pages."""
    sys.path.insert(0, str(REPO / "tests"))
    from crawl_site import make_pdf

    rng = random.Random(seed)
    pdf = make_pdf(["Sprawozdanie z konsultacji programu współpracy", "Urząd Miasta Benchowo"])
    pdf_paths = [f"/pliki/sprawozdanie-{i}.pdf" for i in range(PDFS)]
    listings_pages = {}
    n_sections = {}
    # pages: 1 home + listings + articles + PDFs + static + documents listing ≈ PAGES
    budget = PAGES - 1 - PDFS - STATIC - (PDFS + PER_LISTING - 1) // PER_LISTING
    articles_total = int(budget * PER_LISTING / (PER_LISTING + 1))
    for section, share in SECTIONS.items():
        n_sections[section] = int(articles_total * share / sum(SECTIONS.values()))
    n_sections["aktualnosci"] += articles_total - sum(n_sections.values())
    site: dict[str, tuple[bytes, str]] = {}
    recent: list[tuple[str, str]] = []
    all_articles = {}
    for section, count in n_sections.items():
        titles = REPORT_TITLES if section == "konsultacje" else NEWS_TITLES
        arts = []
        for i in range(count):
            title = rng.choice(titles).format(w=rng.choice(WORDS), n=i)
            arts.append((f"/{section}/{i}-{_slug(title)}", title))
        all_articles[section] = arts
    recent = all_articles["aktualnosci"][:5]
    for section, arts in all_articles.items():
        last = max(1, (len(arts) + PER_LISTING - 1) // PER_LISTING)
        for page in range(1, last + 1):
            items = arts[(page - 1) * PER_LISTING: page * PER_LISTING]
            path = f"/{section}/" + (f"?strona={page}" if page > 1 else "")
            listings_pages[path] = _page(section.capitalize(), _listing(section, items, page, last), recent)
        for i, (path, title) in enumerate(arts):
            if section == "konsultacje":
                body = f"<p>{REPORT_BODY}</p>" + "".join(f"<p>{_sentence(rng)}</p>" for _ in range(6))
                if i % 40 == 0:
                    body += f'<p><a href="{pdf_paths[(i // 40) % PDFS]}">Sprawozdanie (PDF)</a></p>'
            else:
                body = "".join(f"<p>{_sentence(rng)}</p>" for _ in range(8))
            site[path] = (_page(title, body, recent), "text/html; charset=utf-8")
    site.update({p: (b, "text/html; charset=utf-8") for p, b in listings_pages.items()})
    docs = [(p, f"Sprawozdanie z konsultacji nr {i}") for i, p in enumerate(pdf_paths)]
    last = (len(docs) + PER_LISTING - 1) // PER_LISTING
    for page in range(1, last + 1):
        path = "/dokumenty/" + (f"?strona={page}" if page > 1 else "")
        site[path] = (_page("Dokumenty", _listing("dokumenty", docs[(page - 1) * PER_LISTING:page * PER_LISTING],
                                                   page, last), recent), "text/html; charset=utf-8")
    for i, p in enumerate(pdf_paths):
        site[p] = (pdf + f"%benchowo {i}\n".encode(), "application/pdf")
    statics = [f"/urzad/wydzial-{i}" for i in range(STATIC - 1)] + ["/urzad/kontakt"]
    for p in statics:
        site[p] = (_page("Urząd", "".join(f"<p>{_sentence(rng)}</p>" for _ in range(4)), recent),
                   "text/html; charset=utf-8")
    home = "<ul>" + "".join(f'<li><a href="{p}">Wydział</a></li>' for p in statics) + "</ul>"
    site["/"] = (_page("Strona główna", home, recent), "text/html; charset=utf-8")
    site["/robots.txt"] = (b"User-agent: *\nDisallow: /admin/\n", "text/plain")
    return site


# --- the server (own process) ----------------------------------------------------------------
def _serve(port_queue, hits, stop) -> None:
    site = build_site()
    not_found = (b"<html><body>Brak strony</body></html>", "text/html")

    async def handle(reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = unquote(head.split(b" ", 2)[1].decode("latin-1"))
                body, ctype = site.get(path, not_found)
                status = b"200 OK" if path in site else b"404 Not Found"
                writer.write(b"HTTP/1.1 " + status + b"\r\nContent-Type: " + ctype.encode()
                             + b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
                with hits.get_lock():
                    hits.value += 1
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError):
            pass
        finally:
            writer.close()

    async def run():
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=256)
        port_queue.put(server.sockets[0].getsockname()[1])
        while not stop.is_set():
            await asyncio.sleep(0.2)
        server.close()

    asyncio.run(run())


# --- the crawlers (each in its own process: a Twisted reactor runs once) ---------------------
# Peak memory is the kernel's high-water mark of this process's own address space (VmHWM),
# not getrusage's ru_maxrss: Linux carries ru_maxrss across fork + exec, so a child started
# from a big parent (`make bench` has spaCy and a 100k-document warehouse loaded) would report
# the parent's peak as its own.
_RSS = r"""
import threading, time as _time
def rss_mb():
    with open("/proc/self/status") as f:
        status = dict(l.split(":", 1) for l in f if l.startswith(("VmRSS:", "VmHWM:")))
    kb = {k: int(v.split()[0]) for k, v in status.items()}
    return {"rss_mb": round(kb["VmRSS"] / 1024, 1), "peak_mb": round(kb["VmHWM"] / 1024, 1)}
_timeline = []  # (seconds since start, rss) every half second, from a daemon thread
def _sample():
    t0 = _time.perf_counter()
    while True:
        _timeline.append((_time.perf_counter() - t0, rss_mb()))
        _time.sleep(0.5)
threading.Thread(target=_sample, daemon=True).start()
def middle():
    half = _timeline[-1][0] / 2
    return min(_timeline, key=lambda s: abs(s[0] - half))[1]
"""

OURS = _RSS + r"""
import json, sys, time
base, db, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
from crawler.runner import crawl
from crawler.sources import sources_from_urls
from warehouse.db import connect
from warehouse.load import Loader

samples = {"start": rss_mb()}
sources = sources_from_urls([base + "/"])
con = connect(db)
loader = Loader(con)
loader.upsert_sources(sources)
run_id = loader.start_crawl_run()
stored, storing = [0], [0.0]
def on_document(item):
    t = time.perf_counter()
    loader.store_document({**item, "text": None, "text_error": None})  # extraction off
    storing[0] += time.perf_counter() - t
    stored[0] += 1
settings = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS": %(c)d,
            "CONCURRENT_REQUESTS_PER_DOMAIN": %(c)d, "PARTMON_MAX_PAGES_PER_SOURCE": 10 * expected,
            "PARTMON_MAX_ATTACHMENTS_PER_SOURCE": 10 * expected,
            "PARTMON_MAX_PER_URL_SHAPE": 10 * expected, "PARTMON_PROGRESS_EVERY": 10}
t0 = time.perf_counter()
stats = crawl(sources, on_document, settings=settings)
elapsed = time.perf_counter() - t0
loader.finish_crawl_run(run_id, stats)
con.close()
samples["middle"], samples["end"] = middle(), rss_mb()
s = next(iter(stats.values()))
print(json.dumps({"seconds": elapsed, "documents": stored[0], "storing": storing[0], "pages": s["pages"],
                  "rss": samples}))
""" % {"c": CONCURRENCY}

BARE = _RSS + r"""
import json, sys, time
from urllib.parse import urlsplit
import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import TextResponse
base, expected = sys.argv[1], int(sys.argv[2])
samples = {"start": rss_mb()}
count = [0]

class Bare(scrapy.Spider):
    name = "bare"
    start_urls = [base + "/"]
    def parse(self, response):
        count[0] += 1
        if not isinstance(response, TextResponse):
            return
        host = urlsplit(response.url).netloc
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            if urlsplit(url).netloc == host:
                yield scrapy.Request(url, callback=self.parse)

process = CrawlerProcess({"LOG_LEVEL": "WARNING", "CONCURRENT_REQUESTS": %(c)d,
                          "CONCURRENT_REQUESTS_PER_DOMAIN": %(c)d, "TELNETCONSOLE_ENABLED": False})
process.crawl(Bare)
t0 = time.perf_counter()
process.start()
elapsed = time.perf_counter() - t0
samples["middle"], samples["end"] = middle(), rss_mb()
print(json.dumps({"seconds": elapsed, "pages": count[0], "rss": samples}))
""" % {"c": CONCURRENCY}


def _run(code: str, *args: str) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(code)  # a file, not `-c`: Scrapy reads callbacks' source code
    try:
        proc = subprocess.run([sys.executable, script.name, *args], capture_output=True, text=True,
                              cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=1200)
    finally:
        os.unlink(script.name)
    if proc.returncode != 0:
        raise RuntimeError(f"crawler bench child failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _rss(samples: dict) -> str:
    return "  ".join(f"{k} {v['rss_mb']:.0f}/{v['peak_mb']:.0f}" for k, v in samples.items())


def main() -> None:
    ctx = multiprocessing.get_context("fork")
    ports, hits, stop = ctx.Queue(), ctx.Value("l", 0), ctx.Event()
    server = ctx.Process(target=_serve, args=(ports, hits, stop), daemon=True)
    server.start()
    try:
        base = f"http://127.0.0.1:{ports.get(timeout=120)}"
        size = len(build_site())  # same generator, same seed: the served site
        expected = size - 1  # robots.txt is no page
        with tempfile.TemporaryDirectory() as tmp:
            before = hits.value
            bare = _run(BARE, base, str(expected))
            bare_hits, before = hits.value - before, hits.value
            ours = _run(OURS, base, str(tmp + "/bench.duckdb"), str(expected))
            ours_hits = hits.value - before
            extraction = _extraction_rate(tmp + "/bench.duckdb")
    finally:
        stop.set()
        server.join(timeout=10)
        if server.is_alive():
            server.terminate()
    bare_rate, ours_rate = bare_hits / bare["seconds"], ours_hits / ours["seconds"]
    print(f"crawl of a generated {size:,}-URL site on 127.0.0.1, concurrency {CONCURRENCY}, no delays:")
    print(f"  bare Scrapy spider (same-site links)   {bare_rate:>10,.0f} pages/s  "
          f"({bare_hits:,} requests in {bare['seconds']:.1f} s)")
    print(f"  partmon crawler + warehouse store      {ours_rate:>10,.0f} pages/s  "
          f"({ours_hits:,} requests in {ours['seconds']:.1f} s, {ours['documents']:,} documents stored)")
    print(f"  ratio partmon / bare                   {ours_rate / bare_rate:>10.2f}   (target ≥ 0.5)")
    crawl_only = ours["seconds"] - ours["storing"]
    print(f"  of which warehouse store_document      {ours['storing']:>10.1f} s "
          f"({1000 * ours['storing'] / max(1, ours['documents']):.0f} ms/document); "
          f"crawling alone {ours_hits / crawl_only:,.0f} pages/s")
    print(f"  memory MB current/peak, bare:    {_rss(bare['rss'])}")
    print(f"  memory MB current/peak, partmon: {_rss(ours['rss'])}")
    docs, seconds = extraction
    if docs:
        total = ours["seconds"] + seconds
        print(f"  extraction on: text + NLP of the {docs:,} harvested documents took {seconds:.1f} s "
              f"({docs / seconds:,.1f} documents/s, one core); crawl then extraction, as `partmon run` "
              f"does: {ours_hits / total:,.0f} pages/s, "
              f"{100 * seconds / total:.0f}% of the time in extraction")


def _extraction_rate(db_path: str, limit: int = 400) -> tuple[int, float]:
    """Seconds to turn the harvested documents' bodies into records, as `partmon run` does."""
    import time

    from extract.record import extract_texts
    from extract.text import ExtractionError, document_text
    from warehouse.db import connect

    con = connect(db_path, read_only=True)
    rows = con.execute("SELECT url, body, content_type, count(*) OVER () FROM documents "
                       "WHERE body IS NOT NULL LIMIT ?", [limit]).fetchall()
    con.close()
    if not rows:
        return 0, 0.0
    t0 = time.perf_counter()
    docs = []
    for url, body, content_type, _ in rows:
        try:
            got = document_text(bytes(body), content_type=content_type, name=url)
        except ExtractionError:
            continue
        docs.append({"path": url, "text": got["text"], "title": got.get("title")})
    list(extract_texts(docs))
    sample_seconds = time.perf_counter() - t0
    total_docs = rows[0][3]
    return total_docs, sample_seconds * total_docs / len(rows)


if __name__ == "__main__":
    main()
