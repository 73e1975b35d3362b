"""The demo municipal site: deterministic, fully linked, honest manifest, real PDFs, real server."""
from __future__ import annotations

import datetime as dt
import re
import urllib.error
import urllib.request
import urllib.robotparser
from collections import deque
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pdfplumber
import pytest

from crawler.demosite import generate, serve
from crawler.demosite import texts

GAZETTEER = Path(__file__).resolve().parents[1].parent / "shared/gazetteer/TERC_2024-01-01.csv"
POLISH = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("demosite")
    return root, generate(root, seed=0)


@pytest.fixture(scope="module")
def crawl(site):
    """Every page reachable from / over HTTP: {path: (status, content_type, body)} and links."""
    root, _ = site
    pages, links = {}, {}
    with serve(root) as server:
        queue = deque(["/"])
        while queue:
            path = queue.popleft()
            if path in pages:
                continue
            status, ctype, body = fetch(server.base_url + path)
            pages[path] = (status, ctype, body)
            if status == 200 and ctype.startswith("text/html"):
                charset = ctype.split("charset=")[1]
                links[path] = page_links(body.decode(charset))
                for href in links[path]:
                    url = urljoin(server.base_url + path, href)
                    if urlsplit(url).netloc == urlsplit(server.base_url).netloc:
                        queue.append(urlsplit(url).path)
        requested = server.requests
    return pages, links, requested


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with _OPENER.open(url, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), b""


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def page_links(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return [h for h in parser.links if not h.startswith(("mailto:", "tel:", "#"))]


def plain(html: str) -> str:
    """The article text of a page (what a reader reads), whitespace folded."""
    m = re.search(r"<article>(.*)</article>", html, re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split())


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return " ".join(" ".join((p.extract_text() or "") for p in pdf.pages).split())


def report_text(root: Path, report: dict, encoding: str) -> str:
    path = root / report["path"].lstrip("/")
    if report["format"] == "pdf":
        return pdf_text(path)
    return plain(path.read_bytes().decode(encoding))


def all_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


# --- generation ----------------------------------------------------------------------------

def test_same_seed_gives_same_bytes_and_other_seed_other_reports(site, tmp_path):
    root, manifest = site
    again = generate(tmp_path / "again", seed=0)
    assert again == manifest
    assert all_files(tmp_path / "again") == all_files(root)
    other = generate(tmp_path / "other", seed=7)
    assert [r["title"] for r in other["reports"]] != [r["title"] for r in manifest["reports"]] \
        or [r["meeting_date"] for r in other["reports"]] != [
            r["meeting_date"] for r in manifest["reports"]]


def test_regenerating_in_place_leaves_no_stale_files(tmp_path):
    generate(tmp_path, seed=3)
    manifest = generate(tmp_path, seed=4)
    on_disk = set(all_files(tmp_path)) - {"manifest.json"}
    assert on_disk == set(manifest["files"])


def test_manifest_describes_a_realistic_site(site):
    root, m = site
    munis = m["municipalities"]
    assert len(munis) >= 3
    assert len({x["voivodeship"] for x in munis}) == len(munis)
    assert {"gmina", "miasto"} <= {x["kind"] for x in munis}
    assert all(x["terc"] is None or re.fullmatch(r"\d{7}", x["terc"]) for x in munis)
    assert "windows-1250" in {x["encoding"] for x in munis}
    assert len(m["reports"]) >= 12
    assert sum(r["format"] == "pdf" for r in m["reports"]) >= 3
    assert len(m["non_reports"]) >= 6
    kinds = {r["meeting_kind"] for r in m["reports"]}
    assert {"warsztaty", "konsultacje", "spotkanie"} <= kinds
    for r in m["reports"]:
        assert (root / r["path"].lstrip("/")).is_file(), r["path"]
        assert r["municipality"] in {x["slug"] for x in munis}
        dt.date.fromisoformat(r["meeting_date"])
        assert r["participants"] > 0 and r["organisations"]
    assert sum(bool(r["priority_tasks"]) for r in m["reports"]) >= 9
    assert sum(bool(r["goals"]) for r in m["reports"]) >= 6
    assert sum(bool(r["next_meeting"]) for r in m["reports"]) >= 3
    assert sum(bool(r["legal_acts"]) for r in m["reports"]) >= 3
    # the wording varies: no two reports of one kind share their first sentence everywhere
    firsts = [report_text(root, r, "cp1250" if r["municipality"] == "lowicz" else "utf-8")
              for r in m["reports"]]
    assert len({t[:400] for t in firsts}) == len(firsts)


@pytest.mark.skipif(not GAZETTEER.is_file(), reason="shared gazetteer not present")
def test_terc_codes_name_the_right_municipalities(site):
    rows = {}
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines()[1:]:
        woj, pow_, gmi, rodz, name, *_ = line.split(";")
        if gmi:
            rows[woj + pow_ + gmi + rodz] = name
    for muni in site[1]["municipalities"]:
        if muni["terc"]:
            assert rows[muni["terc"]] == muni["name"]


def test_manifest_says_exactly_what_each_report_says(site):
    """Every value a test will compare extraction with is really in the text, and every
    organisation named in the text is in the manifest."""
    root, m = site
    munis = {x.slug: x for x in __import__("crawler.demosite.reports", fromlist=["x"])
             .Municipality.load_all()}
    for r in m["reports"]:
        muni = munis[r["municipality"]]
        text = report_text(root, r, "cp1250" if muni.encoding == "windows-1250" else "utf-8")
        where = r["path"]
        assert " ".join(r["title"].split()) in text, where
        assert r["meeting_date_text"] in text, where
        assert re.search(rf"\b{r['participants']} (osób|osoby|członków)", text), where
        if r["organisations_count"]:
            assert re.search(rf"\b{r['organisations_count']} (organizacji|instytucji)", text), where
        for goal in r["goals"]:
            assert goal["text"] in text, (where, goal)
        for task in r["priority_tasks"]:
            assert task["text"] in text, (where, task)
            if task["area"]:
                area = next(a for a in texts.load("reports")["area"] if a["nom"] == task["area"])
                assert area["gen"] in text or task["area"] in text.lower(), (where, task)
        for act in r["legal_acts"]:
            number = act.split(" nr ")[1].split()[0]
            assert number in text, (where, act)
        for fund in r["funding"]:
            assert fund.split()[0][:6] in text, (where, fund)
        for d in r["dates"]:
            assert d["text"] in text, (where, d)
        if r["next_meeting"]:
            nm = r["next_meeting"]
            assert nm["place"] in text and nm["time"].replace("-", "–") in text, where
        named = set(r["organisations"]) | set(r["optional_organisations"])
        for org in muni.orgs.values():
            forms = {org.nom, org.gen, org.inst, org.loc}
            seen = any(re.search(re.escape(f) + r"(?![\wąćęłńóśźż])", text) for f in forms)
            if org.nom in r["organisations"]:
                assert seen, (where, org.nom)
            elif seen:
                assert org.nom in named, (where, "named but not in manifest", org.nom)


def test_meeting_dates_are_written_in_varied_polish_forms(site):
    texts_ = [r["meeting_date_text"] for r in site[1]["reports"]]
    assert any(re.fullmatch(r"\d{1,2} [a-ząćęłńóśźż]+ \d{4} r\.", t) for t in texts_)
    assert any(re.fullmatch(r"\d{2}\.\d{2}\.\d{4}( r\.)?", t) for t in texts_)
    assert any("–" in t for t in texts_)
    assert all(any(c in POLISH for c in r["title"]) for r in site[1]["reports"]
               if "Protokół" in r["title"])


# --- the site as served --------------------------------------------------------------------

def test_every_link_resolves_and_every_report_is_reachable(site, crawl):
    root, m = site
    pages, links, _ = crawl
    broken = {p: s for p, (s, _, _) in pages.items() if s != 200}
    assert not broken
    assert {r["path"] for r in m["reports"]} <= set(pages)
    assert set(m["non_reports"]) <= set(pages)
    for muni in m["municipalities"]:
        assert muni["start_path"] in pages
        # the news list has more than one page, reached by "Następna strona"
        first = pages[muni["start_path"] + "aktualnosci/"][2].decode(
            muni["encoding"].replace("windows-", "cp"))
        assert "Następna strona" in first and "strona-2.html" in first
    # nothing on disk is unreachable but the manifest and robots.txt
    reachable = {urlsplit(p).path.lstrip("/") or "index.html" for p in pages}
    reachable = {p + "index.html" if p.endswith("/") else p for p in reachable}
    assert set(m["files"]) - reachable == {"robots.txt"}


def test_pages_carry_municipal_chrome(site, crawl):
    pages, _, _ = crawl
    body = pages["/zielonka/"][2].decode("utf-8")
    for needle in ("Liczba odwiedzin", "cookies", "© 2024", "ul. Główna 12", "Aktualności",
                   "Protokoły i sprawozdania"):
        assert needle in body


def test_robots_txt_disallows_the_linked_admin_folder(site, crawl):
    root, m = site
    pages, links, _ = crawl
    prefix = m["disallowed_prefix"]
    assert prefix.startswith("/") and prefix.endswith("/admin/")
    status, ctype, body = pages.get("/robots.txt") or (None, None, None)
    robots = (root / "robots.txt").read_text(encoding="ascii")
    assert f"Disallow: {prefix}" in robots.splitlines()
    rp = urllib.robotparser.RobotFileParser()
    rp.parse(robots.splitlines())
    assert not rp.can_fetch("partmon", "http://127.0.0.1" + prefix + "szkic-protokolu.html")
    assert all(rp.can_fetch("partmon", "http://127.0.0.1" + r["path"]) for r in m["reports"])
    linked = [p for p, hrefs in links.items()
              if any(urljoin("http://h" + p, h).endswith(prefix) for h in hrefs)]
    assert len(linked) >= 5
    assert (root / prefix.lstrip("/") / "index.html").is_file()


def test_windows_1250_pages_are_encoded_and_declared_so(site, crawl):
    root, m = site
    pages, _, _ = crawl
    cp = [x for x in m["municipalities"] if x["encoding"] == "windows-1250"]
    assert cp
    for muni in cp:
        html_files = [p for p in (root / muni["slug"]).rglob("*.html")]
        assert len(html_files) >= 8
        for path in html_files:
            raw = path.read_bytes()
            with pytest.raises(UnicodeDecodeError):
                raw.decode("utf-8")
            text = raw.decode("cp1250")
            assert 'charset=windows-1250"' in text
            assert muni["name"].encode("cp1250") in raw      # "Łowicz" as b"\xa3owicz"
        status, ctype, _ = pages[muni["start_path"]]
        assert ctype == "text/html; charset=windows-1250"


def test_pdf_reports_keep_their_polish_titles(site):
    root, m = site
    pdfs = [r for r in m["reports"] if r["format"] == "pdf"]
    assert len(pdfs) >= 3
    for r in pdfs:
        path = root / r["path"].lstrip("/")
        assert path.read_bytes().startswith(b"%PDF")
        text = pdf_text(path)
        assert " ".join(r["title"].split()) in text
        assert any(c in POLISH for c in r["title"])
        with pdfplumber.open(path) as pdf:
            assert pdf.metadata.get("Title") == r["title"]


def test_pdfs_are_linked_from_the_bip_page(site, crawl):
    root, m = site
    pages, links, _ = crawl
    for r in (r for r in m["reports"] if r["format"] == "pdf"):
        bip = f"/{r['municipality']}/bip/protokoly-i-sprawozdania.html"
        targets = {urlsplit(urljoin("http://h" + bip, h)).path for h in links[bip]}
        assert r["path"] in targets


def test_serve_types_records_requests_and_stops(site):
    root, m = site
    pdf = next(r["path"] for r in m["reports"] if r["format"] == "pdf")
    with serve(root) as server:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.base_url)
        status, ctype, body = fetch(server.base_url + "/zielonka/")
        assert (status, ctype) == (200, "text/html; charset=utf-8")
        status, ctype, body = fetch(server.base_url + pdf)
        assert (status, ctype) == (200, "application/pdf") and body.startswith(b"%PDF")
        status, ctype, body = fetch(server.base_url + "/robots.txt")
        assert status == 200 and ctype.startswith("text/plain") and b"Disallow" in body
        assert fetch(server.base_url + "/zielonka/nie-ma-takiej-strony.html")[0] == 404
        assert fetch(server.base_url + "/zielonka/pliki/")[0] == 404   # no folder listings
        assert server.requests == ["/zielonka/", pdf, "/robots.txt",
                                   "/zielonka/nie-ma-takiej-strony.html", "/zielonka/pliki/"]
        base = server.base_url
    with pytest.raises(urllib.error.URLError):
        _OPENER.open(base + "/zielonka/", timeout=5)


def test_serve_refuses_a_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="nie-ma"):
        with serve(tmp_path / "nie-ma"):
            pass
