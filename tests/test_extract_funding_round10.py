"""Funding as a reader of the report would give it: a programme written only as its acronym is
named as written, the village fund counts where its money is spent, a programme named after
"ze środków Programu" counts, and a funding note drawn over the page number in a one-page PDF's
footer is read whole. Our own short Polish texts; PDFs drawn here with reportlab, read by the real
pdfplumber."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from extract.files import extract_paths
from extract.record import extract_texts

FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT = "RoundTenSans"


def funding(text: str) -> list[str]:
    return next(extract_texts([{"path": "r.txt", "text": "Informacja\n\n" + text + "\n", "title": None}]))["funding"]


@pytest.mark.parametrize("text,expected", [
    # the government civic-initiatives fund written only as its acronym keeps that name …
    ("Cykl spotkań sfinansowano ze środków programu NOWEFIO, w ramach projektu stowarzyszenia.", ["NOWEFIO"]),
    ("Kawiarenka działa dzięki dotacji z NOWEFIO przyznanej przez Narodowy Instytut Wolności.", ["NOWEFIO"]),
    # … and goes when the report also names it in full
    ("Projekt sfinansowano z programu Fundusz Inicjatyw Obywatelskich NOWEFIO na lata 2021-2030.",
     ["Fundusz Inicjatyw Obywatelskich"]),
    ("Zadanie dofinansowane z Rządowego Programu Fundusz Inicjatyw Obywatelskich NOWEFIO.",
     ["Rządowy Program Fundusz Inicjatyw Obywatelskich"]),
    # the food-aid programme named by its acronym alone
    ("Paczki wydawano w ramach FEPŻ w siedzibie ośrodka.", ["FEPŻ"]),
    ("Pomoc żywnościowa z programu Fundusze Europejskie na Pomoc Żywnościową (FEPŻ) trafiła do 120 rodzin.",
     ["Fundusze Europejskie na Pomoc Żywnościową"]),
    # a government programme whose name starts "na rzecz …"
    ("Spotkania młodzieżowej rady opłacono ze środków Rządowego Programu na rzecz Aktywności Społecznej "
     "Młodzieży.", ["Program Rządowy na rzecz Aktywności Społecznej Młodzieży"]),
    # a programme named in the nominative after "ze środków Programu"
    ("Diagnozę przygotowano ze środków Programu Rozwój Lokalny, a koszty druku pokrył partner.",
     ["Program Rozwój Lokalny"]),
    ("Warsztaty dofinansowano ze środków Programu Lokalne Inicjatywy Młodzieży dla Mazowsza.",
     ["Program Lokalne Inicjatywy Młodzieży dla Mazowsza"]),
    # the rural development plan and its local-action approach
    ("Lokalna strategia będzie finansowana ze środków Planu Strategicznego dla Wspólnej Polityki Rolnej "
     "na lata 2023–2027.", ["Plan Strategiczny dla Wspólnej Polityki Rolnej"]),
    ("Koszty przygotowania strategii pokryto w ramach podejścia LEADER.", ["LEADER"]),
])
def test_programmes_named_as_the_report_writes_them(text, expected):
    assert funding(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Mieszkańcy sołectwa przegłosowali podział środków funduszu sołeckiego na 2026 rok.", ["fundusz sołecki"]),
    ("Zebranie przyjęło wniosek o przyznanie środków z funduszu sołeckiego na remont świetlicy.",
     ["fundusz sołecki"]),
    ("Altanę postawiono w ramach funduszu sołeckiego Bukowej Woli.", ["fundusz sołecki"]),
    # the statute and a talk about the fund pay for nothing
    ("Wniosek złożono zgodnie z ustawą z dnia 21 lutego 2014 r. o funduszu sołeckim.", []),
    ("Po kawie sołtyska opowiadała o funduszu sołeckim i o planach na lato.", []),
])
def test_the_village_fund_counts_where_its_money_is_spent(text, expected):
    assert funding(text) == expected


@pytest.mark.parametrize("text", [
    # the cooperation, revitalisation or prevention programme a report is about is no funding
    "Zadania sfinansowano ze środków Programu Współpracy Gminy Lipno z organizacjami pozarządowymi.",
    "Zadania te finansowane są ze środków Programu Rewitalizacji Miasta Kłodzina.",
    "Zajęcia sfinansowano ze środków Gminnego Programu Profilaktyki i Rozwiązywania Problemów Alkoholowych.",
    # a lower-case "program" followed by ordinary words
    "Zajęcia finansowane ze środków programu gminnego dla seniorów odbywały się co tydzień.",
    "Liderka mówiła o leaderach lokalnych społeczności i o ich roli.",
])
def test_programmes_that_are_not_funding_names(text):
    assert funding(text) == []


def overdrawn_footer_pdf(note: str) -> bytes:
    """One page; the funding note at the foot runs under the right-aligned page number, both drawn
    in the same small font on the same baseline, as some report generators set them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    c.setFont(FONT, 11)
    body = ["Notatka z warsztatu dla mieszkańców osiedla Zielony Stok", "",
            "W dniu 12 kwietnia 2018 r. w szkole podstawowej odbył się warsztat, w którym",
            "wzięło udział 19 osób. Mieszkańcy wskazali miejsca do zagospodarowania i",
            "zaproponowali nowe ławki oraz oświetlenie alejek.", "",
            "Kolejne spotkanie zaplanowano na 10 maja 2018 r."]
    y = height - 80
    for line in body:
        c.drawString(56, y, line)
        y -= 16
    c.setFont(FONT, 8)
    c.drawString(56, 30, note)
    c.drawRightString(width - 95, 30, "Strona 1 z 1")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_funding_note_drawn_over_the_page_number_is_read_whole(tmp_path):
    note = ("Projekt współfinansowany ze środków Unii Europejskiej w ramach Programu Operacyjnego "
            "Pomoc Techniczna 2014-2020")
    path = tmp_path / "notatka.pdf"
    path.write_bytes(overdrawn_footer_pdf(note))
    import pdfplumber
    with pdfplumber.open(path) as pdf:  # the fixture really overlaps: read left to right it is garbled
        assert "Pomoc Techniczna" not in pdf.pages[0].extract_text()
    rec = next(extract_paths([str(path)]))
    assert not rec.get("error"), rec.get("error")
    assert rec["funding"] == ["Program Operacyjny Pomoc Techniczna"]


@pytest.mark.parametrize("text,expected", [
    # a programme named as a chance to apply for money paid for nothing in the report …
    ("Przedstawicielka federacji omówiła możliwości pozyskania dotacji z programu NOWEFIO.", []),
    ("Stowarzyszenia mogą skorzystać z grantów Funduszu Inicjatyw Obywatelskich do końca marca.", []),
    ("Uzgodniono, że gmina i dwa stowarzyszenia złożą wspólny wniosek w ramach Programu Rozwoju Obszarów "
     "Wiejskich.", []),
    ("Do 30 czerwca trwa nabór wniosków w ramach Programu Operacyjnego Wiedza Edukacja Rozwój.", []),
    # … while money granted or spent keeps it, even where applying is mentioned too
    ("Gmina ubiegała się o wsparcie i warsztaty zostały dofinansowane z Europejskiego Funduszu Społecznego.",
     ["Europejski Fundusz Społeczny"]),
    # projects of the plan consulted applying for money: that money is what the report is about
    ("Projekty z listy podstawowej będą ubiegać się o dofinansowanie z Europejskiego Funduszu Społecznego.",
     ["Europejski Fundusz Społeczny"]),
    ("Spotkanie odbyło się dzięki dotacji z Funduszu Inicjatyw Obywatelskich. Organizacje mogą składać "
     "wnioski do 15 maja.", ["Fundusz Inicjatyw Obywatelskich"]),
])
def test_a_programme_offered_to_apply_for_is_not_what_paid(text, expected):
    assert funding(text) == expected
