"""Fixture municipal website for the crawler tests, written by our own code and served on 127.0.0.1.

`build_site()` returns the pages (Polish texts of our own); `serve_site()` serves them from a
background thread and records every request the crawler makes, so tests can check what was
(and was not) fetched. The site has: a news list with 3 pages of pagination, 3 report
articles + a windows-1250 and an iso-8859-2 report, 2 ordinary news, a notice pointing to a
PDF, an index of reports, PDF attachments (one duplicated under a second URL, two too large),
robots.txt disallowing a linked /admin/, an endless calendar, a 404, a 500, a report that
answers 500 twice before 200, a redirect loop, a slow page, a session-id link, an off-domain
link, wrong content types (a PDF sent as text/html, a PDF and an HTML report sent as
application/octet-stream) and a small BIP. Every 200 page has an ETag and a Last-Modified
date and is answered 304 to a matching conditional request, like a well-behaved server.
"""
from __future__ import annotations

import hashlib
import io
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SLOW_SECONDS = 6.0  # well over the tests' DOWNLOAD_TIMEOUT


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict = field(default_factory=dict)
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    fail_first: int = 0  # answer 500 to the first N requests (a flaky server), then normally
    last_modified: str = "Mon, 02 Mar 2026 10:00:00 GMT"

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


def make_pdf(lines: list[str], padding: int = 0) -> bytes:
    """A real one-page PDF (reportlab) with the given lines; `padding` bytes of trailing comment."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    if DEJAVU.exists():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
        font = "DejaVuSans"
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, invariant=1)
    pdf.setFont(font, 11)
    for i, line in enumerate(lines):
        pdf.drawString(60, 780 - 16 * i, line)
    pdf.showPage()
    pdf.save()
    return buf.getvalue() + (b"\n%" + b"0" * padding + b"\n" if padding else b"")


def html(title: str, body: str, *, h1: str | None = None, charset: str = "utf-8") -> bytes:
    return (f'<!DOCTYPE html><html lang="pl"><head><meta charset="{charset}">'
            f"<title>{title} – Urząd Miasta Testowo</title></head><body>"
            '<nav><a href="/">Strona główna</a> <a href="/aktualnosci/">Aktualności</a> '
            '<a href="/kalendarz?month=2026-01">Kalendarz wydarzeń</a></nav>'
            f"<main><h1>{h1 or title}</h1>{body}</main></body></html>").encode(charset, "xmlcharrefreplace")


def report_text(subject: str) -> str:
    """About 150 words of a meeting report of our own (a notice page has far fewer)."""
    sentences = [
        f"Spotkanie w sprawie: {subject} odbyło się w sali narad Urzędu Miasta Testowo.",
        "Udział wzięli przedstawiciele stowarzyszeń, fundacji oraz radni miejscy.",
        "Na początku burmistrz przedstawił harmonogram prac i zasady zgłaszania uwag.",
        "Omówiono potrzeby organizacji działających w obszarze pomocy społecznej, kultury i sportu.",
        "Uczestnicy zwrócili uwagę na brak lokali dla klubów seniora w dzielnicach północnych.",
        "Zaproponowano, aby w przyszłym roku zwiększyć środki na małe granty dla młodzieży.",
        "Przedstawiciele fundacji poprosili o wcześniejsze ogłaszanie otwartych konkursów ofert.",
        "Ustalono, że kolejne spotkanie zespołu roboczego odbędzie się za dwa miesiące.",
        "Wnioski z dyskusji zostaną przekazane do wydziału odpowiedzialnego za współpracę.",
        "Protokół podpisali przewodniczący oraz sekretarz zespołu.",
    ]
    return "".join(f"<p>{s}</p>" for s in sentences * 2)


def _news_list(page: int) -> bytes:
    items = {
        1: [("/aktualnosci/remont-ulicy-lipowej", "Remont ulicy Lipowej"),
            ("/aktualnosci/sprawozdanie-rdpp", "Sprawozdanie ze spotkania Rady Działalności Pożytku Publicznego")],
        2: [("/aktualnosci/koncert-w-parku", "Koncert w parku miejskim"),
            ("/aktualnosci/warsztaty-w-domu-kultury", "Warsztaty w Domu Kultury"),
            ("/aktualnosci/sprawozdanie-konsultacji-lokalowych",
             "Sprawozdanie z konsultacji w sprawie lokali dla organizacji"),
            ("/aktualnosci/protokol-warsztaty", "Protokół z warsztatów konsultacyjnych programu współpracy")],
        3: [("/aktualnosci/podsumowanie-konsultacji", "Podsumowanie konsultacji z organizacjami pozarządowymi"),
            ("/aktualnosci/sprawozdanie-do-pobrania",
             "Sprawozdanie z konsultacji budżetu obywatelskiego – dokument do pobrania"),
            ("/aktualnosci/remont-ulicy-lipowej?PHPSESSID=a1b2c3d4e5", "Remont ulicy Lipowej (przypomnienie)"),
            ("/aktualnosci/protokol-zespolu-mlodziezowego", "Protokół ze spotkania Młodzieżowej Rady Miasta")],
    }[page]
    entries = "".join(f'<article><h2><a href="{u}">{t}</a></h2><p>Więcej informacji w artykule.</p></article>'
                      for u, t in items)
    numbers = " ".join(f"<span>{n}</span>" if n == page else
                       f'<a href="/aktualnosci/{f"?strona={n}" if n > 1 else ""}">{n}</a>' for n in (1, 2, 3))
    nxt = f' <a href="/aktualnosci/?strona={page + 1}">Następna »</a>' if page < 3 else ""
    return html("Aktualności", f'{entries}<div class="pagination">{numbers}{nxt}</div>')


def _calendar(month: str) -> bytes:
    """One month of an endless calendar: every month links to the previous and the next one."""
    year, mon = (int(x) for x in month.split("-"))
    prev = f"{year - (mon == 1)}-{12 if mon == 1 else mon - 1:02d}"
    nxt = f"{year + (mon == 12)}-{1 if mon == 12 else mon + 1:02d}"
    body = (f"<p>Brak wydarzeń w miesiącu {month}.</p>"
            f'<a href="/kalendarz?month={prev}">« Poprzedni miesiąc</a> '
            f'<a href="/kalendarz?month={nxt}">Następny miesiąc »</a>')
    return html(f"Kalendarz wydarzeń {month}", body)


def build_site() -> dict[str, Page]:
    """Path (with query) → page. The calendar and the slow page are answered by the server."""
    report_pdf = make_pdf(["Sprawozdanie ze spotkania Rady Działalności Pożytku Publicznego",
                           "Miasto Testowo, 12 marca 2026 r.",
                           "Uczestnicy omówili zadania priorytetowe programu współpracy na 2027 rok."])
    poster_pdf = make_pdf(["Koncert w parku miejskim", "Zapraszamy w sobotę o godzinie 18:00."])
    budget_pdf = make_pdf(["Sprawozdanie z konsultacji budżetu obywatelskiego Miasta Testowo"])
    big_pdf = make_pdf(["Miejscowy plan zagospodarowania przestrzennego"], padding=60_000)
    bip_pdf = make_pdf(["Protokół z posiedzenia Rady Działalności Pożytku Publicznego Gminy Testowo"])
    cp1250_body = html(
        "Podsumowanie konsultacji z organizacjami pozarządowymi",
        "<p>W konsultacjach projektu programu współpracy wzięło udział czternaście organizacji. "
        "Zgłoszono uwagi dotyczące zadań priorytetowych: pomocy społecznej, kultury i sportu.</p>",
        charset="windows-1250")
    iso_body = html(
        "Protokół ze spotkania Młodzieżowej Rady Miasta",
        report_text("działań Młodzieżowej Rady Miasta i źródeł finansowania"), charset="iso-8859-2")
    commission_pdf = make_pdf(["Protokół z posiedzenia Komisji Dialogu Społecznego",
                               "Miasto Testowo, 5 lutego 2026 r."])
    revitalisation_pdf = make_pdf(["Sprawozdanie z konsultacji programu rewitalizacji",
                                   "Uwagi zgłosiło siedem organizacji pozarządowych."])
    return {
        # 500 twice, then the page: harvested thanks to RETRY_TIMES >= 2
        "/aktualnosci/sprawozdanie-rady-seniorow": Page(html(
            "Sprawozdanie ze spotkania Rady Seniorów", report_text("działań Rady Seniorów")), fail_first=2),
        # A → B → A: a redirect loop, one error
        "/petla-a": Page(b"", status=302, headers={"Location": "/petla-b"}),
        "/petla-b": Page(b"", status=302, headers={"Location": "/petla-a"}),
        # wrong content types: the body tells what they are
        "/files/protokol-komisji.pdf": Page(commission_pdf, "text/html; charset=utf-8"),
        "/dokumenty/pobierz/42": Page(revitalisation_pdf, "application/octet-stream"),
        "/aktualnosci/sprawozdanie-konsultacji-lokalowych": Page(html(
            "Sprawozdanie z konsultacji w sprawie lokali dla organizacji",
            report_text("lokali dla organizacji pozarządowych")), "application/octet-stream"),
        "/aktualnosci/protokol-zespolu-mlodziezowego": Page(iso_body, "text/html; charset=iso-8859-2"),
        "/robots.txt": Page(b"User-agent: *\nDisallow: /admin/\n", "text/plain"),
        "/": Page(html("Strona główna", (
            '<ul><li><a href="/aktualnosci/">Aktualności</a></li>'
            '<li><a href="/konsultacje/">Konsultacje społeczne</a></li>'
            '<li><a href="/dokumenty/protokoly">Protokoły i sprawozdania</a></li>'
            '<li><a href="/admin/">Panel administracyjny</a></li>'
            '<li><a href="/stara-strona">Archiwum</a></li>'
            '<li><a href="/awaria">Usługi online</a></li>'
            '<li><a href="/wolna-strona">Mapa miasta</a></li>'
            '<li><a href="/files/plan-miejscowy.pdf">Plan miejscowy (PDF)</a></li>'
            '<li><a href="/files/studium.pdf">Studium uwarunkowań (PDF)</a></li>'
            '<li><a href="http://localhost:{port}/obca-domena">Portal regionu</a></li>'
            '<li><a href="/img/herb.jpg">Herb miasta</a></li>'
            '<li><a href="/aktualnosci/sprawozdanie-rady-seniorow">Rada Seniorów</a></li>'
            '<li><a href="/petla-a">Stare konsultacje</a></li>'
            '<li><a href="/files/protokol-komisji.pdf">Protokół komisji (PDF)</a></li>'
            '<li><a href="/dokumenty/pobierz/42">Sprawozdanie z konsultacji programu rewitalizacji</a></li>'
            "</ul>"))),
        "/aktualnosci/": Page(_news_list(1)),
        "/aktualnosci/?strona=2": Page(_news_list(2)),
        "/aktualnosci/?strona=3": Page(_news_list(3)),
        "/aktualnosci/remont-ulicy-lipowej": Page(html("Remont ulicy Lipowej",
            "<p>Od poniedziałku ulica Lipowa będzie zamknięta z powodu wymiany nawierzchni.</p>")),
        # words of a meeting in the text, but no meeting in the title: stays ordinary news
        "/aktualnosci/koncert-w-parku": Page(html("Koncert w parku miejskim",
            "<p>Koncert orkiestry dętej odbył się w sobotę. Udział wzięło trzystu mieszkańców, "
            "a uczestnicy wysłuchali marszów i walców.</p>"
            '<a href="/files/plakat-koncert.pdf">Plakat</a>')),
        # a meeting word in the title and a report's words in the text: a report
        "/aktualnosci/warsztaty-w-domu-kultury": Page(html("Warsztaty w Domu Kultury",
            "<p>Warsztaty odbyły się w sobotę w Domu Kultury. Udział wzięło dwadzieścia pięć osób. "
            "Omówiono plan zajęć dla młodzieży na wakacje.</p>")),
        "/aktualnosci/sprawozdanie-rdpp": Page(html(
            "Sprawozdanie ze spotkania Rady Działalności Pożytku Publicznego",
            report_text("zadań priorytetowych programu współpracy")
            + '<a href="/files/sprawozdanie-rdpp-2026.pdf">Sprawozdanie (PDF, 20 kB)</a>')),
        "/aktualnosci/protokol-warsztaty": Page(html(
            "Protokół z warsztatów konsultacyjnych programu współpracy",
            report_text("warsztatów konsultacyjnych")
            + '<a href="/files/kopia-sprawozdania.pdf">Sprawozdanie Rady (kopia)</a> '
            '<a href="/img/zdjecie-warsztaty.jpg">Zdjęcie</a>')),
        # a short notice pointing to a PDF: the PDF is the document, not the notice
        "/aktualnosci/sprawozdanie-do-pobrania": Page(html(
            "Sprawozdanie z konsultacji budżetu obywatelskiego – dokument do pobrania",
            "<p>Opublikowano sprawozdanie. Zachęcamy do lektury.</p>"
            '<a href="/files/sprawozdanie-budzet.pdf">Sprawozdanie z konsultacji budżetu obywatelskiego</a>')),
        # an index of reports scores like a report but is a listing
        "/dokumenty/protokoly": Page(html("Protokoły i sprawozdania", (
            '<table><tr><td><a href="/aktualnosci/sprawozdanie-rdpp">Sprawozdanie ze spotkania RDPP</a></td></tr>'
            '<tr><td><a href="/aktualnosci/protokol-warsztaty">Protokół z warsztatów</a></td></tr>'
            '<tr><td><a href="/files/sprawozdanie-budzet.pdf">Sprawozdanie z konsultacji budżetu</a></td></tr>'
            "</table>"))),
        "/aktualnosci/podsumowanie-konsultacji": Page(cp1250_body, "text/html; charset=windows-1250"),
        "/konsultacje/": Page(html("Konsultacje społeczne",
            '<p>Trwające i zakończone konsultacje.</p>'
            '<a href="/aktualnosci/protokol-warsztaty">Warsztaty konsultacyjne</a>')),
        "/admin/": Page(html("Panel", "<p>Logowanie.</p>")),
        "/awaria": Page(html("Błąd", "<p>Awaria serwera.</p>"), status=500),
        "/files/sprawozdanie-rdpp-2026.pdf": Page(report_pdf, "application/pdf"),
        "/files/kopia-sprawozdania.pdf": Page(report_pdf, "application/pdf"),
        "/files/plakat-koncert.pdf": Page(poster_pdf, "application/pdf"),
        "/files/sprawozdanie-budzet.pdf": Page(budget_pdf, "application/pdf"),
        "/files/plan-miejscowy.pdf": Page(big_pdf, "application/pdf"),
        "/files/studium.pdf": Page(big_pdf + b"%studium\n", "application/pdf", send_length=False),
        "/img/herb.jpg": Page(b"\xff\xd8\xff\xe0 not really a jpeg", "image/jpeg"),
        "/img/zdjecie-warsztaty.jpg": Page(b"\xff\xd8\xff\xe0 not really a jpeg", "image/jpeg"),
        "/obca-domena": Page(html("Portal regionu", "<p>Inna domena.</p>")),
        # A small BIP: article list with pagination, articles titled only in their metadata
        # table, a download link without a file name, and a change register.
        "/bip/": Page(html("Biuletyn Informacji Publicznej",
            '<a href="/bip/organizacje-pozarzadowe/">Organizacje pozarządowe</a>')),
        "/bip/organizacje-pozarzadowe/": Page(html("Organizacje pozarządowe",
            '<ul><li><a href="/bip/artykul/101">Protokół RDPP</a></li></ul>'
            '<div class="pager"><a href="/bip/organizacje-pozarzadowe/?page=2">2</a></div>')),
        "/bip/organizacje-pozarzadowe/?page=2": Page(html("Organizacje pozarządowe",
            '<ul><li><a href="/bip/artykul/102">Ogłoszenie</a></li></ul>'
            '<div class="pager"><a href="/bip/organizacje-pozarzadowe/">1</a></div>')),
        "/bip/artykul/101": Page(html("Biuletyn Informacji Publicznej", (
            report_text("posiedzenia Rady Działalności Pożytku Publicznego")
            + "<table><tr><th>Tytuł</th><td>Protokół z posiedzenia Rady Działalności Pożytku "
            "Publicznego</td></tr><tr><th>Wytworzył</th><td>Jan Testowy</td></tr>"
            "<tr><th>Data publikacji</th><td>2026-03-20</td></tr></table>"
            '<h3>Załączniki</h3><a href="/bip/plik/7">protokol.pdf (15 kB)</a> '
            '<a href="/bip/artykul/101/rejestr-zmian">Rejestr zmian</a>'), h1="BIP")),
        "/bip/artykul/102": Page(html("Biuletyn Informacji Publicznej", (
            "<table><tr><th>Tytuł</th><td>Ogłoszenie o przetargu na dostawę opału</td></tr></table>"
            '<a href="/bip/artykul/102/rejestr-zmian">Rejestr zmian</a>'), h1="BIP")),
        "/bip/artykul/101/rejestr-zmian": Page(html("Rejestr zmian", "<p>Zmiany.</p>")),
        "/bip/artykul/102/rejestr-zmian": Page(html("Rejestr zmian", "<p>Zmiany.</p>")),
        "/bip/plik/7": Page(bip_pdf, "application/octet-stream",
                            headers={"Content-Disposition": 'attachment; filename="protokol.pdf"'}),
    }


@dataclass
class SiteServer:
    base_url: str
    requests: list  # (path with query, user agent), in order
    site: dict  # the served pages: a test may change or delete pages while serving
    answers: list = field(default_factory=list)  # (path, status, was the request conditional)


@contextmanager
def serve_site(site: dict[str, Page] | None = None, delay: float = 0.0):
    """Serve the site on 127.0.0.1 (a free port) until the block ends; `delay` seconds per
    answer make a crawl take long enough for several workers to share it."""
    site = site if site is not None else build_site()
    log: list = []
    answers: list = []
    served: dict[str, int] = {}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            with lock:
                log.append((self.path, self.headers.get("User-Agent", "")))
                served[self.path] = served.get(self.path, 0) + 1
                count = served[self.path]
            month = re.fullmatch(r"/kalendarz\?month=(\d{4}-\d{2})", self.path)
            if delay:
                time.sleep(delay)
            if self.path == "/wolna-strona":
                time.sleep(SLOW_SECONDS)
                page = Page(html("Mapa miasta", "<p>Mapa.</p>"))
            elif month:
                page = Page(_calendar(month.group(1)))
            else:
                page = site.get(self.path) or Page(html("Nie znaleziono", "<p>Brak strony.</p>"), status=404)
            if count <= page.fail_first:
                page = Page(html("Błąd", "<p>Chwilowa awaria.</p>"), status=500)
            body = page.body.replace(b"{port}", str(self.server.server_port).encode())
            etag = self.headers.get("If-None-Match")
            since = self.headers.get("If-Modified-Since")
            status = page.status
            if status == 200 and (etag == page.etag if etag else since == page.last_modified if since else False):
                status, body = 304, b""
            with lock:
                answers.append((self.path, status, bool(etag or since)))
            try:
                self.send_response(status)
                if status in (200, 304):
                    self.send_header("ETag", page.etag)
                    self.send_header("Last-Modified", page.last_modified)
                self.send_header("Content-Type", page.content_type)
                if page.send_length:
                    self.send_header("Content-Length", str(len(body)))
                for k, v in page.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the crawler gave up (timeout, size limit)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield SiteServer(f"http://127.0.0.1:{server.server_port}", log, site, answers)
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":  # manual look: python tests/crawl_site.py
    with serve_site() as s:
        print("serving", s.base_url, "- Ctrl-C to stop")
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
