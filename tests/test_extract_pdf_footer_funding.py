"""A funding note printed only in a PDF's running footer (or header) is kept once, after the
report's text, and the funding component finds it; addresses, phones and page numbers in the
same footer still go (real pdfplumber on PDFs drawn here with reportlab)."""
from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from extract.files import extract_paths
from extract.text import document_text
from fixtures_docs import draw_lines

FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT = "FooterSans"

BODY = [
    ["Sprawozdanie z warsztatów dla seniorów w Gminie Lipowa Dolina", "",
     "W dniu 4 marca 2023 r. w świetlicy wiejskiej w Brzozowie odbyły się warsztaty",
     "dla mieszkańców, w których wzięło udział 24 osoby. Rozmawiano o potrzebach",
     "seniorów oraz o ofercie zajęć w klubie seniora.", "",
     "Uczestnicy wskazali potrzebę zajęć ruchowych i kursów obsługi komputera."],
    ["Drugie spotkanie odbyło się 18 marca 2023 r. w bibliotece gminnej. Omówiono", "",
     "propozycje zajęć i harmonogram na kolejne miesiące.", "",
     "Koordynatorka projektu przedstawiła plan dalszych działań."],
    ["Podsumowanie: zebrane propozycje zostaną przekazane Radzie Gminy Lipowa Dolina.", "",
     "Kolejne warsztaty zaplanowano na maj 2023 r."],
]


def footer_pdf(pages: list[list[str]], footer: list[str], right: str | None = "Strona {page} z {pages}",
               header: str | None = None) -> bytes:
    """Pages drawn line by line; `footer` lines at every page's foot (the last one with the page
    number at the right margin, as word processors set it) and an optional running header."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    for n, lines in enumerate(pages, 1):
        c.setFont(FONT, 8)
        if header:
            c.drawString(56, height - 40, header)
        for k, line in enumerate(footer):
            c.drawString(56, 30 + 10 * (len(footer) - 1 - k), line)
        if right:
            c.drawRightString(width - 56, 30, right.format(page=n, pages=len(pages)))
        draw_lines(c, lines, FONT, height - 80)
        c.showPage()
    c.save()
    return buf.getvalue()


def funding_of(tmp_path, body: bytes) -> list[str]:
    path = tmp_path / "raport.pdf"
    path.write_bytes(body)
    rec = next(extract_paths([str(path)]))
    assert not rec.get("error"), rec.get("error")
    return rec["funding"]


EFS_NOTE = ["Projekt współfinansowany ze środków Unii Europejskiej w ramach",
            "Europejskiego Funduszu Społecznego"]


def test_funding_note_in_every_footer_is_kept_once_and_found(tmp_path):
    body = footer_pdf(BODY, EFS_NOTE)
    with pdfplumber.open(io.BytesIO(body)) as pdf:       # the note really is on every page
        assert all("Europejskiego Funduszu Społecznego" in p.extract_text() for p in pdf.pages)
    text = document_text(body, name="raport.pdf")["text"]
    note = "Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego"
    assert text.count("Unii Europejskiej") == 1
    assert text.endswith("\n\n" + note)                  # after the report, as its own paragraph
    assert text.startswith("Sprawozdanie z warsztatów dla seniorów")
    assert "Strona" not in text
    assert funding_of(tmp_path, body) == ["Europejski Fundusz Społeczny"]


def test_body_offsets_do_not_move(tmp_path):
    with_note = document_text(footer_pdf(BODY, EFS_NOTE))["text"]
    without = document_text(footer_pdf(BODY, []))["text"]
    assert with_note.startswith(without + "\n\n")


@pytest.mark.parametrize("footer, header, funder", [
    (["Zadanie dofinansowane z budżetu Województwa Podkarpackiego"], None, "budżet Województwa Podkarpackiego"),
    (["Sfinansowano ze środków Programu Rozwoju Organizacji Obywatelskich na lata 2018–2030"], None,
     "Program Rozwoju Organizacji Obywatelskich"),
    ([], "Unia Europejska    Europejski Fundusz Rozwoju Regionalnego", "Europejski Fundusz Rozwoju Regionalnego"),
])
def test_other_wordings_of_a_running_funding_note(tmp_path, footer, header, funder):
    funding = funding_of(tmp_path, footer_pdf(BODY, footer, header=header))
    assert funder in funding


@pytest.mark.parametrize("footer, header", [
    (["Urząd Gminy Lipowa Dolina, ul. Kasztanowa 7, 38-412 Lipowa Dolina, tel. 13 445 12 90"], None),
    (["Sprawozdanie z warsztatów – marzec 2023"], "Gmina Lipowa Dolina – Program wspierania seniorów"),
    ([], "Raport: Fundusz sołecki w Brzozowie 2023"),        # a title naming a fund is not a funding note
    ([], "Konsultacje – źródła finansowania zadań publicznych"),   # finance as a topic, not a funder
])
def test_footer_without_a_funding_note_adds_nothing(tmp_path, footer, header):
    body = footer_pdf(BODY, footer, header=header)
    text = document_text(body)["text"]
    assert text == document_text(footer_pdf(BODY, [], right=None))["text"]
    assert funding_of(tmp_path, body) == []


def test_address_beside_the_note_is_left_out():
    body = footer_pdf(BODY, ["Zadanie dofinansowane z budżetu Województwa Podkarpackiego",
                             "Stowarzyszenie Razem, ul. Kasztanowa 7, 38-412 Lipowa Dolina"])
    text = document_text(body)["text"]
    assert text.endswith("\n\nZadanie dofinansowane z budżetu Województwa Podkarpackiego")
    assert "Kasztanowa" not in text and "38-412" not in text


def test_note_in_body_and_footer_is_one_funding_item(tmp_path):
    pages = [BODY[0] + ["", "Warsztaty były współfinansowane ze środków Europejskiego Funduszu Społecznego."]] + BODY[1:]
    funding = funding_of(tmp_path, footer_pdf(pages, EFS_NOTE))
    assert funding == ["Europejski Fundusz Społeczny"]
