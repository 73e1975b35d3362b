"""Extraction misses outside the rule components: two-word city names put into the nominative
(the noun the adjective agrees with is the head), a one-page report's footer kept out of the
text it sat beside, and table rows without rulings (PDF cells at tab stops, tab-separated text)
read as ' | ' rows. PDFs are drawn by our own reportlab code and read by the real pdfplumber."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from extract.record import extract_texts
from extract.text import document_text
from tests.heldout import pdfgen

TERC = Path(__file__).resolve().parents[2] / "shared" / "gazetteer" / "TERC_2024-01-01.csv"


def record(text: str) -> dict:
    return next(extract_texts([{"path": "r.txt", "text": text, "title": None}]))


@pytest.fixture
def no_terc(monkeypatch):
    monkeypatch.delenv("PARTMON_TERC", raising=False)


# ---- municipality: names of a noun and an adjective (or two nouns joined by a hyphen) ---------

@pytest.mark.parametrize("text,name", [
    ("Urząd Miasta Gorzowa Wielkopolskiego zaprosił organizacje na rozmowę o programie.", "Gorzów Wielkopolski"),
    ("Spotkanie odbyło się w Gorzowie Wielkopolskim. Rada Miejska w Gorzowie Wielkopolskim poparła wnioski.",
     "Gorzów Wielkopolski"),
    ("Rada Miasta Kędzierzyna-Koźla zebrała się, by omówić projekt programu.", "Kędzierzyn-Koźle"),
    ("Urząd Miejski w Kędzierzynie-Koźlu zebrał uwagi organizacji.", "Kędzierzyn-Koźle"),
    ("Prezydent Miasta Nowego Sącza zaprosił mieszkańców na warsztaty w Nowym Sączu.", "Nowy Sącz"),
    ("Urząd Miejski w Ostrowi Mazowieckiej przeprowadził konsultacje projektu.", "Ostrów Mazowiecka"),
    ("Miasto Dąbrowa Górnicza przygotowało projekt, a Urząd Miejski w Dąbrowie Górniczej zebrał uwagi.",
     "Dąbrowa Górnicza"),
    ("Wydział Spraw Społecznych Urzędu Miasta Zielonej Góry zorganizował warsztaty.", "Zielona Góra"),
    ("Umowy z Miastem Tomaszowem Mazowieckim podpisało dwanaście stowarzyszeń.", "Tomaszów Mazowiecki"),
    ("Burmistrz Miasta Starogardu Gdańskiego otworzył spotkanie w Starogardzie Gdańskim.", "Starogard Gdański"),
])
def test_two_word_city_names_come_out_in_the_nominative(no_terc, text, name):
    assert record("Sprawozdanie ze spotkania\n\n" + text)["municipality"]["name"] == name


def test_the_municipality_office_is_named_with_the_right_form_of_the_city(no_terc):
    rec = record("Notatka\n\nUrząd Miasta Gorzowa Wielkopolskiego zaprosił organizacje. Dyskusję w sali "
                 "Urzędu Miejskiego prowadził naczelnik wydziału.")
    names = [o["name"] for o in rec["organisations"]]
    assert "Urząd Miejski w Gorzowie Wielkopolskim" in names
    assert not any(re.search(r"\bWielkopolskie\b", n) for n in names)  # the region's name, not the city's


@pytest.mark.parametrize("text,name", [
    ("Urząd Miasta Lublin zorganizował spotkanie w Lublinie.", "Lublin"),              # one word
    ("Urząd Gminy Kozienice Tomasza Nowaka zaprosił, a Gmina Kozienice gościła.", "Kozienice"),  # a person
])
def test_names_that_are_not_a_noun_with_its_adjective_stay_as_they_were(no_terc, text, name):
    assert record("Sprawozdanie\n\n" + text)["municipality"]["name"] == name


def test_compound_names_checked_against_the_register():
    if not TERC.is_file():
        pytest.skip("the development TERC file is not available")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PARTMON_TERC", str(TERC))
        got = [record("Sprawozdanie\n\n" + t)["municipality"] for t in (
            "Urząd Miejski w Bielsku-Białej zorganizował konsultacje; Prezydent Miasta Bielska-Białej dziękował.",
            "Rada Miasta Kędzierzyna-Koźla zebrała się w Kędzierzynie-Koźlu.",
            "Urząd Miasta Gorzowa Wielkopolskiego zaprosił organizacje.")]
    assert [(m["name"], m["voivodeship"]) for m in got] == [
        ("Bielsko-Biała", "śląskie"), ("Kędzierzyn-Koźle", "opolskie"), ("Gorzów Wielkopolski", "lubuskie")]


# ---- PDF: a one-page bulletin's footer ---------------------------------------------------------

ITEMS = ["w dziedzinie kultury: warsztaty rękodzieła ludowego dla dzieci i młodzieży szkolnej,",
         "w dziedzinie sportu: turniej piłki nożnej drużyn podwórkowych z całej gminy,",
         "w dziedzinie ekologii: sprzątanie brzegów rzeki z udziałem harcerzy i wędkarzy."]
FOOTER = "Wydawca: Biuro Rady Organizacji Pozarządowych, Dolina"


def _render(tmp_path: Path, spec: dict) -> bytes:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return pdfgen.render(path, tmp_path / "out.pdf").read_bytes()


def test_one_page_footer_stays_off_the_list_it_sat_beside(tmp_path):
    intro = ("Rada Organizacji Pozarządowych zebrała się w świetlicy wiejskiej, aby omówić zadania na "
             "przyszły rok. Przewodnicząca przypomniała zasady zgłaszania wniosków i terminy naboru. ")
    spec = {"generator": "platypus", "title": "Biuletyn Rady", "columns": 2, "header": "Biuletyn Rady – nr 2",
            "footer": FOOTER, "page_numbers": True,
            "blocks": [{"h": "Posiedzenie Rady Organizacji"}, {"p": intro * 11},  # on into the right column
                       {"p": "Zadania priorytetowe zgłoszone przez członków Rady:"}, {"ul": ITEMS},
                       {"p": "Kolejne posiedzenie odbędzie się w marcu w tej samej świetlicy. " * 3}]}
    body = _render(tmp_path, spec)
    import pdfplumber
    with pdfplumber.open(io.BytesIO(body)) as pdf:
        assert len(pdf.pages) == 1 and "Strona 1 z 1" in pdf.pages[0].extract_text()
    lines = document_text(body, name="biuletyn.pdf")["text"].splitlines()
    assert [ln for ln in lines if ln.startswith("•")] == ["• " + item for item in ITEMS]
    assert FOOTER in lines                                  # kept, on a line of its own
    assert not any(FOOTER in ln and ln != FOOTER for ln in lines)  # run into no paragraph
    assert not any("Strona" in ln for ln in lines)
    assert lines[0] == "Biuletyn Rady – nr 2"


# ---- PDF: tables without rulings ---------------------------------------------------------------

TASK_ROWS = [["Lp.", "Zadanie priorytetowe", "Obszar", "Głosy"],
             ["1", "Warsztaty rękodzieła ludowego dla dzieci", "kultura", "23"],
             ["2", "Turniej piłki nożnej drużyn podwórkowych", "sport", "19"],
             ["3", "Sprzątanie brzegów rzeki z harcerzami", "ekologia", "14"]]


INTRO = ["Na warsztatach konsultacyjnych uczestnicy z organizacji pozarządowych działających na terenie",
         "gminy głosowali na zadania, które ich zdaniem powinny znaleźć się w programie współpracy na",
         "przyszły rok. Każdy uczestnik mógł oddać trzy głosy. Wyniki głosowania przedstawia zestawienie:"]
OUTRO = ["Wyniki głosowania przekazano burmistrzowi wraz z uwagami zgłoszonymi w trakcie dyskusji, które",
         "zostaną uwzględnione przy opracowaniu ostatecznej wersji projektu programu współpracy."]


def _tab_stop_pdf(rows: list[list[str]], stops: list[float], intro: list[str], outro: list[str],
                  list_items: list[str] = ()) -> bytes:
    """One page: a paragraph, rows whose cells start at tab stops (no rulings), a paragraph, and
    optionally a numbered list with its text far from the number (a tab after the marker)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdfgen._register_fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = A4[1] - 80

    def text(x, s):
        c.setFont("Sans", 10.5)
        c.drawString(x, y, s)

    for line in intro:
        text(56, line)
        y -= 15
    y -= 10
    for row in rows:
        for x, cell in zip(stops, row):
            text(x, cell)
        y -= 15
    y -= 10
    for n, item in enumerate(list_items, 1):
        text(60, f"{n}.")
        text(92, item)
        y -= 15
    y -= 10
    for line in outro:
        text(56, line)
        y -= 15
    c.showPage()
    c.save()
    return buf.getvalue()


def test_rows_at_tab_stops_come_out_as_table_rows_and_their_tasks_are_read():
    body = _tab_stop_pdf(TASK_ROWS, [56, 90, 330, 450], INTRO, OUTRO)
    text = document_text(body, name="glosowanie.pdf")["text"]
    lines = text.splitlines()
    rows = [" | ".join(r) for r in TASK_ROWS]
    start = lines.index(rows[0])
    assert lines[start:start + len(rows)] == rows
    tasks = record(text)["priority_tasks"]
    assert [(t["text"], t["area"]) for t in tasks] == [(r[1], r[2]) for r in TASK_ROWS[1:]]


def test_rows_with_cells_apart_but_not_aligned_still_come_out_as_rows(tmp_path):
    rows = [["Etap prac", "Termin"], ["Ankieta wśród mieszkańców", "do końca maja"],
            ["Projekt programu współpracy", "czerwiec"]]
    spec = {"generator": "canvas", "title": "Harmonogram", "blocks": [
        {"p": "Harmonogram prac nad programem współpracy ustalono na spotkaniu."}, {"table": rows},
        {"p": "Harmonogram może się zmienić po konsultacjach."}]}
    lines = document_text(_render(tmp_path, spec))["text"].splitlines()
    start = lines.index("Etap prac | Termin")
    assert lines[start:start + 3] == [" | ".join(r) for r in rows]


def test_running_text_and_numbered_lists_are_not_taken_for_tables(tmp_path):
    items = ["Otwarcie spotkania i przyjęcie porządku obrad.", "Dyskusja nad projektem programu."]
    body = _tab_stop_pdf([], [], ["Porządek spotkania był następujący:"], ["Spotkanie zakończono o 18:00."], items)
    lines = document_text(body)["text"].splitlines()
    assert "1. Otwarcie spotkania i przyjęcie porządku obrad." in lines
    assert "2. Dyskusja nad projektem programu." in lines
    assert not any(" | " in ln for ln in lines)
    # justified paragraphs in narrow columns: stretched word spaces are not cell gaps
    prose = ("Członkowie stowarzyszenia przedstawili sprawozdanie z realizacji zadania publicznego "
             "dotyczącego upowszechniania kultury fizycznej wśród najmłodszych mieszkańców gminy. ")
    lines = document_text(_justified_columns_pdf(prose * 8))["text"].splitlines()
    assert not any(" | " in a and " | " in b for a, b in zip(lines, lines[1:]))
    assert "\n".join(lines).count("upowszechniania kultury fizycznej wśród najmłodszych mieszkańców gminy.") >= 14


def _justified_columns_pdf(prose: str) -> bytes:
    """One page of two narrow columns of justified text (word spaces stretched line by line)."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    pdfgen._register_fonts()
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, invariant=1)
    width = (A4[0] - 2 * 56 - 30) / 2
    doc.addPageTemplates([PageTemplate(frames=[Frame(56 + i * (width + 30), 56, width, A4[1] - 120)
                                               for i in range(2)])])
    style = ParagraphStyle("j", fontName="Serif", fontSize=10.5, leading=14, alignment=TA_JUSTIFY)
    doc.build([Paragraph(prose, style), Paragraph(prose, style)])
    return buf.getvalue()


# ---- text: tab-separated rows --------------------------------------------------------------------

def test_tab_separated_rows_in_a_text_file_are_table_rows_and_their_tasks_are_read():
    raw = ("Wyniki głosowania na forum organizacji\n\n" + " ".join(INTRO) + "\n"
           + "\n".join("\t".join(r) for r in TASK_ROWS) + "\n\n" + " ".join(OUTRO) + "\n")
    text = document_text(raw.encode("utf-8"), name="forum.txt")["text"]
    lines = text.splitlines()
    assert lines[3:7] == [" | ".join(r) for r in TASK_ROWS]
    tasks = record(text)["priority_tasks"]
    assert [(t["text"], t["area"]) for t in tasks] == [(r[1], r[2]) for r in TASK_ROWS[1:]]


def test_tabs_after_list_markers_and_before_indented_lines_are_spaces():
    raw = "Porządek spotkania:\n1.\tOtwarcie forum.\n2.\tGłosowanie.\n\tWcięty dopisek sekretarza.\n"
    lines = document_text(raw.encode("utf-8"), name="porzadek.txt")["text"].splitlines()
    assert lines == ["Porządek spotkania:", "1. Otwarcie forum.", "2. Głosowanie.", "Wcięty dopisek sekretarza."]


@pytest.mark.parametrize("text,organisation", [
    ("Spotkanie zorganizował Wydział Spraw Społecznych Urzędu Miasta Gorzowa Wielkopolskiego, "
     "a przedstawiciele Miasta Gorzowa Wielkopolskiego przedstawili projekt programu.", "Miasto Gorzów Wielkopolski"),
    ("W konsultacjach wzięli udział przedstawiciele Miasta Skarżyska-Kamiennej oraz trzech stowarzyszeń.",
     "Miasto Skarżysko-Kamienna"),
])
def test_a_city_named_as_an_organisation_is_in_the_nominative_too(no_terc, text, organisation):
    """Organisation names built on a two-word city use the same nominative as the municipality
    ("Miasto Gorzów Wielkopolski", not "Miasto Gorzowa Wielkopolskie")."""
    names = {o["name"] for o in record(text)["organisations"]}
    assert organisation in names, names
