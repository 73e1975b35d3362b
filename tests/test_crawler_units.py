"""Crawler parts that need no network: sources files, URL hygiene, report scoring, settings."""
from __future__ import annotations

from pathlib import Path

import pytest

from crawler import urls
from crawler.scoring import KeywordFileError, load_keywords, report_score
from crawler.sources import SourceError, load_sources, sources_from_urls

REPO = Path(__file__).resolve().parents[1]
THRESHOLD = 0.5


# --- sources ------------------------------------------------------------------------------
def test_example_sources_file_loads_with_defaults_filled():
    sources = load_sources(REPO / "crawler" / "sources.example.toml")
    by_name = {s["name"]: s for s in sources}
    assert len(by_name) == len(sources) >= 10
    krakow = by_name["krakow"]
    assert krakow["spider"] == "cms" and krakow["allowed_domains"] == ["krakow.pl"]
    assert krakow["terc"] == "1261011" and krakow["municipality"] == "Kraków"
    assert krakow["exclude"] == ["/galeria/", "/kalendarz/"] and krakow["include"] == []
    # spider guessed from the BIP host name when not given
    assert by_name["krakow-bip"]["spider"] == "bip"
    assert by_name["wroclaw-bip"]["allowed_domains"] == ["bip.um.wroc.pl"]
    for source in sources:
        assert set(source) == {"name", "municipality", "terc", "voivodeship", "start_urls",
                               "allowed_domains", "include", "exclude", "spider"}


def _terc_register() -> Path | None:
    """The official TERC register (not shipped): $PARTMON_TERC, else shared/gazetteer beside the repo."""
    import os

    candidates = [os.environ.get("PARTMON_TERC"),
                  REPO.parent / "shared" / "gazetteer" / "TERC_2024-01-01.csv",
                  "/work/shared/gazetteer/TERC_2024-01-01.csv"]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


def test_example_sources_match_the_official_terc_register():
    """Every TERC code names a gmina of that name in that voivodeship, in the register itself;
    the file covers all 16 voivodeships and at least 30 municipalities. No site is contacted."""
    import csv

    register = _terc_register()
    if register is None:
        pytest.skip("official TERC register not available (set PARTMON_TERC)")
    gminy, voivodeships = {}, {}
    with open(register, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            if row["GMI"]:
                gminy[row["WOJ"] + row["POW"] + row["GMI"] + row["RODZ"]] = row["NAZWA"]
            elif not row["POW"]:
                voivodeships[row["WOJ"]] = row["NAZWA"].lower()
    assert len(voivodeships) == 16 and len(gminy) > 2000  # the file read as the register
    sources = load_sources(REPO / "crawler" / "sources.example.toml")
    wrong = []
    for s in sources:
        terc = s["terc"]
        if terc not in gminy or gminy[terc] != s["municipality"] \
                or voivodeships.get(terc[:2]) != s["voivodeship"]:
            wrong.append(f"{s['name']}: {terc} is {gminy.get(terc)!r} in {voivodeships.get(terc[:2])!r}")
    assert wrong == []
    assert {s["voivodeship"] for s in sources} == set(voivodeships.values())
    assert len({s["terc"] for s in sources}) >= 30
    # every site has an https start URL on an official municipal domain of its own
    for s in sources:
        assert all(u.startswith("https://") for u in s["start_urls"]), s["name"]
    names = [s["name"] for s in sources]
    assert sum(n.endswith("-bip") for n in names) >= 10  # BIPs too
    assert all(s["spider"] == "bip" for s in sources if s["name"].endswith("-bip"))


@pytest.mark.parametrize("body, message", [
    ('[[source]]\nstart_urls = ["https://a.pl/"]\n', "missing name"),
    ('[[source]]\nname = "a"\nstart_urls = ["ftp://a.pl/"]\n', "not an http(s) URL"),
    ('[[source]]\nname = "a"\nstart_urls = []\n', "start_urls is empty"),
    ('[[source]]\nname = "a"\nstart_urls = ["https://a.pl/"]\nterc = "12"\n', "7-digit"),
    ('[[source]]\nname = "a"\nstart_urls = ["https://a.pl/"]\nexclude = ["(("]\n', "bad exclude pattern"),
    ('[[source]]\nname = "a"\nstart_urls = ["https://a.pl/"]\nspider = "rss"\n', "spider must be"),
    ('[[source]]\nname = "a"\nstart_urls = ["https://a.pl/"]\nurl = "x"\n', "unknown field"),
    ('[[source]]\nname = "a"\nstart_urls = ["https://a.pl/"]\n' * 2, "duplicate source name"),
    ("[[source]\nname = ", "not valid TOML"),
])
def test_bad_sources_file_gives_one_line_error_naming_it(tmp_path, body, message):
    path = tmp_path / "zle.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SourceError) as err:
        load_sources(path)
    assert message in str(err.value) and str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_sources_file(tmp_path):
    with pytest.raises(SourceError, match="cannot read"):
        load_sources(tmp_path / "nie-ma.toml")


def test_sources_from_urls():
    sources = sources_from_urls(["https://www.gdansk.pl/konsultacje/", "https://bip.gdansk.pl/",
                                 "https://www.gdansk.pl/konsultacje"])
    assert [s["spider"] for s in sources] == ["cms", "bip", "cms"]
    assert len({s["name"] for s in sources}) == 3
    assert sources[0]["allowed_domains"] == ["gdansk.pl"] and sources[0]["municipality"] is None
    with pytest.raises(SourceError, match="not an http"):
        sources_from_urls(["gdansk.pl"])


# --- URLs ---------------------------------------------------------------------------------
def test_canonical_url_drops_session_ids_tracking_and_fragments():
    assert urls.canonical_url("https://Miasto.PL/a/b?x=1&PHPSESSID=abc&utm_source=fb#top") == \
        "https://miasto.pl/a/b?x=1"
    assert urls.canonical_url("https://miasto.pl/a;jsessionid=0A1B?b=2&a=1") == "https://miasto.pl/a?a=1&b=2"
    assert urls.canonical_url("https://miasto.pl") == "https://miasto.pl/"


def test_path_prefix_and_domains():
    assert urls.path_prefix("https://m.pl/") == "/"
    assert urls.path_prefix("https://m.pl/konsultacje") == "/konsultacje/"
    assert urls.path_prefix("https://m.pl/konsultacje/index.php") == "/konsultacje/"
    assert urls.under_prefix("https://m.pl/konsultacje/2024/x", ["/konsultacje/"])
    assert not urls.under_prefix("https://m.pl/kultura/", ["/konsultacje/"])
    assert urls.domain_allowed("https://www.bip.m.pl/x", ["bip.m.pl"])
    assert not urls.domain_allowed("https://zlem.pl/x", ["m.pl"])


def test_trap_signs():
    assert urls.is_calendar("https://m.pl/kalendarz?month=2026-01")
    assert urls.is_calendar("https://m.pl/wydarzenia?rok=2026&miesiac=3")
    assert urls.is_calendar("https://m.pl/events/2026-03/")
    assert not urls.is_calendar("https://m.pl/aktualnosci/?strona=3")
    limits = {"max_length": 200, "max_params": 3, "max_repeat": 2}
    assert urls.trap_reason("https://m.pl/a/b/a/b/a/b/", **limits) == "repeated path segment"
    assert urls.trap_reason("https://m.pl/?a=1&b=2&c=3&d=4", **limits) == "too many query parameters"
    assert urls.trap_reason("https://m.pl/" + "x" * 300, **limits) == "url too long"
    assert urls.trap_reason("https://m.pl/aktualnosci/?strona=3", **limits) is None
    assert urls.url_shape("https://m.pl/a/12?page=3&b=1") == urls.url_shape("https://m.pl/a/7?b=2&page=9")


# --- scoring ------------------------------------------------------------------------------
@pytest.mark.parametrize("title", [
    "Sprawozdanie ze spotkania z organizacjami pozarządowymi",
    "Protokół z posiedzenia Rady Działalności Pożytku Publicznego",
    "Podsumowanie konsultacji programu współpracy na 2027 rok",
    "Warsztaty: zadania priorytetowe w obszarze kultury",
    "PROTOKÓŁ ZE SPOTKANIA",
])
def test_report_titles_score_above_threshold(title):
    assert report_score(title=title) >= THRESHOLD


@pytest.mark.parametrize("title", [
    "Remont ulicy Lipowej", "Koncert w parku miejskim", "Aktualności",
    "Konsultacje społeczne",  # a topic landing page, not a report of a meeting
    "Zamknięcie mostu na czas prac",
])
def test_ordinary_pages_score_below_threshold(title):
    assert report_score(title=title) < THRESHOLD


def test_url_and_anchor_text_count_as_evidence():
    assert report_score(url="https://m.pl/aktualnosci/protokol-ze-spotkania-rdpp") >= THRESHOLD
    assert report_score(link_text="Sprawozdanie (PDF)", url="https://m.pl/files/x.pdf") >= THRESHOLD
    assert report_score(url="https://konsultacje.m.pl/remont-drogi") == 0.0  # the host says nothing
    # one keyword named in three fields is still one piece of evidence
    assert report_score(title="Protokół", link_text="Protokół", url="https://m.pl/protokol") == \
        report_score(title="Protokół")


def test_bad_keyword_file_is_reported_with_its_line(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("# komentarz\n0.4 spotkani\nsprawozdanie\n", encoding="utf-8")
    with pytest.raises(KeywordFileError, match="sprawozdanie"):
        load_keywords(path)


# --- settings -----------------------------------------------------------------------------
def test_settings_are_polite_and_bounded():
    from crawler.runner import crawler_settings

    assert "SCHEDULER" not in crawler_settings().copy_to_dict() or \
        crawler_settings()["SCHEDULER"] != "scrapy_redis.scheduler.Scheduler"  # one machine by default
    s = crawler_settings({"DOWNLOAD_DELAY": "0", "REDIS_URL": "redis://127.0.0.1:6390/0",
                          "PARTMON_CRAWL_ID": "2026-11-22"})
    assert s.getbool("ROBOTSTXT_OBEY") and s.getbool("AUTOTHROTTLE_ENABLED")
    assert s["USER_AGENT"] == "partmon/0.1 (+https://github.com/partmon/partmon)"
    assert s.getint("DEPTH_LIMIT") > 0 and s.getint("DOWNLOAD_MAXSIZE") > 0
    assert s.getint("PARTMON_MAX_PAGES_PER_SOURCE") > 0
    assert s.getfloat("DOWNLOAD_DELAY") == 0  # overrides win
    assert s["SCHEDULER"] == "scrapy_redis.scheduler.Scheduler"  # REDIS_URL is the switch
    assert s["SCHEDULER_QUEUE_KEY"] % {"spider": "cms:gdansk"} == "partmon:2026-11-22:cms:gdansk:requests"


def test_crawl_of_no_sources_returns_empty_stats_without_starting_scrapy():
    from crawler.runner import crawl

    assert crawl([], on_document=lambda doc: None) == {}


def test_crawl_checks_hand_built_sources_before_starting():
    from crawler.runner import crawl

    with pytest.raises(SourceError, match="not an http"):
        crawl([{"name": "x", "start_urls": ["www.x.pl"]}], on_document=lambda doc: None)


@pytest.mark.parametrize("content_type", ["application/octet-stream", "application/zip",
                                          "application/x-zip-compressed", ""])
def test_word_and_opendocument_reports_sent_as_generic_types_are_kept_as_documents(content_type):
    """Municipal servers often send attachments as /plik/123 with a generic type and no name."""
    from scrapy.http import Response

    from crawler.spiders.cms import EXTENSION_TYPES, CmsSpider
    from test_extract_office import doc_bytes, docx_bytes, odt_bytes

    blocks = [("p", "Sprawozdanie z konsultacji programu współpracy na 2024 rok.")]
    spider = CmsSpider.__new__(CmsSpider)
    for ext, body in [("docx", docx_bytes(blocks)), ("odt", odt_bytes(blocks)),
                      ("doc", doc_bytes(["Sprawozdanie z konsultacji."]))]:
        response = Response("http://127.0.0.1/plik/123", body=body,
                            headers={"Content-Type": content_type} if content_type else {})
        assert spider._mime(response) == EXTENSION_TYPES[ext], ext
    plain_zip = Response("http://127.0.0.1/plik/9", body=b"PK\x03\x04" + b"\0" * 60,
                         headers={"Content-Type": "application/zip"})
    assert spider._mime(plain_zip) not in EXTENSION_TYPES.values()
