"""extract.text on HTML: the report body without site chrome, its structure, encodings, size bounds."""
from __future__ import annotations

import logging

import pytest

from extract.text import document_text
from fixtures_docs import (BODIES, BODY_BRZOZOWO, BODY_ZIELONA, CHROME_MARKERS, LAYOUTS,
                           expected_lines, html_page)


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines()]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", sorted(BODIES))
def test_body_only_without_menus_sidebars_counters_cookies_footer_or_other_news(layout, body):
    blocks = BODIES[body]
    got = document_text(html_page(blocks, layout), content_type="text/html")
    assert got["format"] == "html"
    lines = _lines(got["text"])
    for want in expected_lines(blocks):
        assert want in lines, f"{layout}: missing line {want!r}"
    leaked = [m for m in CHROME_MARKERS if m in got["text"]]
    assert leaked == [], f"{layout}: chrome in text"
    # the page's own title, not the site name from <title> or the logo
    assert got["title"] == blocks[0][1]


def test_structure_kept_as_lines_in_reading_order():
    text = document_text(html_page(BODY_ZIELONA, "semantic"))["text"]
    lines = [ln for ln in _lines(text) if ln]
    want = [ln for ln in expected_lines(BODY_ZIELONA)]
    assert lines == want
    # headings and paragraphs are separated by a blank line, list items and table rows are not
    assert "Cele programu współpracy\n\n• Wzmocnienie" in text
    assert "gminy.\n• Zwiększenie" in text
    assert "Lp. | Imię i nazwisko | Organizacja\n1 | Zofia Wróblewska" in text


def test_lists_keep_their_own_numbering_and_markers():
    page = ("<html><body><article><h1>Wnioski z warsztatów</h1>"
            "<p>Uczestnicy warsztatów w Brzozowie sformułowali następujące wnioski i zalecenia "
            "dla urzędu miejskiego oraz organizacji pozarządowych działających w mieście.</p>"
            "<ol start='4'><li>czwarty wniosek</li><li>piąty wniosek<ul><li>uwaga do piątego</li></ul></li></ol>"
            "<ol type='a'><li>pierwsza litera</li><li>druga litera</li></ol>"
            "<ul><li>– ma już swój myślnik</li></ul></article></body></html>")
    lines = _lines(document_text(page.encode())["text"])
    for want in ("4. czwarty wniosek", "5. piąty wniosek", "• uwaga do piątego", "a) pierwsza litera",
                 "b) druga litera", "– ma już swój myślnik"):
        assert want in lines


@pytest.mark.parametrize("declare", [True, False], ids=["meta-charset", "undeclared"])
def test_windows_1250_page(declare):
    body = html_page(BODY_ZIELONA, "joomla", charset="windows-1250", declare=declare)
    assert "ś".encode("cp1250") in body and b"\xc5" not in body  # really not UTF-8
    got = document_text(body)
    assert got["title"] == BODY_ZIELONA[0][1]
    assert "• Zwiększenie udziału mieszkańców w podejmowaniu decyzji o wydatkach lokalnych." in got["text"]
    assert "Małgorzata Żąbecka" in got["text"]


def test_iso_8859_2_page_undeclared_and_http_charset_mislabel():
    iso = html_page(BODY_BRZOZOWO, "semantic", charset="iso-8859-2", declare=False)
    assert "Burmistrz Brzozowa informuje, że od 2 do 30 września" in document_text(iso)["text"]
    # server says iso-8859-2, page is windows-1250 (ś and ź differ between the two)
    cp = html_page(BODY_BRZOZOWO, "semantic", charset="windows-1250", declare=False)
    got = document_text(cp, encoding="iso-8859-2")
    assert "Wnioski z konsultacji" in got["text"] and "ogólnomiejską i osiedlową" in got["text"]
    # server default says utf-8 but the page declares and uses windows-1250
    wrong = html_page(BODY_BRZOZOWO, "semantic", charset="windows-1250")
    assert "podpisów wymaganych pod wnioskiem" in document_text(wrong, encoding="utf-8")["text"]


def test_html_entities_decoded():
    page = (b"<html><head><title>x</title></head><body><main><h1>Spotkanie w Gminie &#321;&oacute;d&#378;ka</h1>"
            b"<p>Organizatorzy: Stowarzyszenie &bdquo;Razem&rdquo; &amp; Fundacja &#x017B;urawie, "
            b"termin&nbsp;zg&#322;osze&#324; up&#322;ywa 10&nbsp;maja, spotkanie odb&#281;dzie si&#281; "
            b"w&nbsp;&#347;wietlicy.</p></main></body></html>")
    got = document_text(page)
    assert got["title"] == "Spotkanie w Gminie Łódźka"
    assert "Stowarzyszenie „Razem” & Fundacja Żurawie, termin zgłoszeń upływa 10 maja" in got["text"]
    assert "&" + "amp;" not in got["text"] and "\xa0" not in got["text"]


def test_huge_page_is_cut_with_a_log_note_not_a_crash(caplog):
    page = html_page(BODY_ZIELONA, "semantic")
    cut = page.index(b"</main>")
    filler = b"".join(b"<div><p>Akapit numer %d bez znaczenia.</p></div>\n" % n for n in range(1_100_000))
    assert len(filler) > 45 * 2**20
    with caplog.at_level(logging.WARNING):
        got = document_text(page[:cut] + filler + page[cut:])
    assert "cut to its first" in caplog.text
    assert "Zofia Wróblewska" in got["text"] and got["title"] == BODY_ZIELONA[0][1]


def test_pasted_base64_images_do_not_count_against_the_size_limit(caplog):
    page = html_page(BODY_BRZOZOWO, "semantic")
    img = b'<img src="data:image/png;base64,' + b"iVBORw0KGgo" * 3_000_000 + b'">'
    cut = page.index(b"<h2>Wnioski")
    with caplog.at_level(logging.WARNING):
        got = document_text(page[:cut] + img + page[cut:])
    assert "cut to its first" not in caplog.text
    assert "Pula środków zostanie podzielona" in got["text"]


def test_section_label_above_the_article_is_neither_dropped_nor_the_title():
    report = "W świetlicy w Brzózkach mieszkańcy omówili projekt programu współpracy z organizacjami. " * 3
    page = ("<html><head><title>Aktualności - Gmina Brzozowo</title></head><body><main>"
            "<h2>Aktualności</h2><div><h3>Spotkanie sołeckie w Brzózkach</h3>"
            f"<p>{report}</p></div><h2>Zobacz też</h2><ul><li><a href='/1'>Turniej szachowy</a></li>"
            "<li><a href='/2'>Zbiórka elektroodpadów</a></li></ul></main></body></html>")
    got = document_text(page.encode())
    assert got["title"] == "Spotkanie sołeckie w Brzózkach"
    assert report.strip() in got["text"]
    assert "Turniej szachowy" not in got["text"]
