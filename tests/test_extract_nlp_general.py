"""Extraction rules that must hold on reports we have never seen: priority tasks under area
headings, in tables and in sentences; several meetings, date ranges and Roman months; powiat and
voivodeship reports; enumerations inside organisation names. All texts are our own."""
from __future__ import annotations

import pytest

from extract.components.dates import find_dates
from extract.pipeline import get_nlp
from extract.record import extract_texts


def run(text: str) -> dict:
    return next(extract_texts([{"path": "r.txt", "text": text, "title": None}]))


def tasks(text: str) -> list[tuple]:
    return [(t["text"], t["area"]) for t in run(text)["priority_tasks"]]


def meetings(rec: dict) -> list[tuple]:
    return [(m["date"], m["kind"], m["participants"]) for m in rec["meetings"]]


# ---- priority tasks ------------------------------------------------------------------------

def test_tasks_listed_under_area_headings_with_and_without_colons():
    text = ("Notatka z warsztatów\n\nUczestnicy omówili propozycje zadań priorytetowych na przyszły rok.\n\n"
            "W obszarze pomocy społecznej:\n- prowadzenie jadłodajni dla osób bezdomnych,\n"
            "- organizacja wsparcia dla rodzin wielodzietnych.\n\n1. Obszar kultury fizycznej:\n"
            "a) organizacja rozgrywek ligi orlików,\nb) nauka pływania dla dzieci.\n\n"
            "Obszar ochrony zdrowia\n• profilaktyka chorób serca wśród seniorów\n\n"
            "Na zakończenie podziękowano wszystkim za udział.\n")
    assert tasks(text) == [
        ("prowadzenie jadłodajni dla osób bezdomnych", "pomoc społeczna"),
        ("organizacja wsparcia dla rodzin wielodzietnych.", "pomoc społeczna"),
        ("organizacja rozgrywek ligi orlików", "kultura fizyczna"),
        ("nauka pływania dla dzieci.", "kultura fizyczna"),
        ("profilaktyka chorób serca wśród seniorów", "ochrona zdrowia")]


def test_area_lists_without_a_mention_of_priority_tasks_are_not_tasks():
    text = ("Sprawozdanie z działalności\n\nW obszarze pomocy społecznej:\n- wydano 300 paczek,\n"
            "- przeprowadzono 12 wizyt domowych.\n")
    assert tasks(text) == []


def test_tasks_in_a_table_by_their_columns():
    text = ("Wyniki naboru propozycji\n\nObszar | Zadanie priorytetowe | Kwota\n"
            "Ochrona zdrowia | Profilaktyka otyłości u dzieci | 5 000 zł\n"
            "| Badania słuchu dla uczniów | 2 000 zł\n"
            "Ekologia | Sprzątanie lasów; Nasadzenia drzew przy drogach | 1 000 zł\n\nDziękujemy.\n")
    assert tasks(text) == [("Profilaktyka otyłości u dzieci", "ochrona zdrowia"),
                           ("Badania słuchu dla uczniów", "ochrona zdrowia"),
                           ("Sprzątanie lasów", "ekologia"), ("Nasadzenia drzew przy drogach", "ekologia")]


def test_tasks_enumerated_in_a_sentence():
    text = ("Ustalenia\n\nZebrani uzgodnili, że zadaniami priorytetowymi powinny być: wspieranie wolontariatu "
            "seniorów, rozwój turystyki rowerowej oraz ochrona zabytków kultury ludowej.\n"
            "Jako priorytetowe wskazano organizację kolonii letnich dla dzieci i wyjazdy integracyjne dla "
            "młodzieży.\nDo zadań priorytetowych zaliczono również promocję zdrowego stylu życia; edukację "
            "ekologiczną mieszkańców.\nZadania priorytetowe są finansowane z budżetu gminy.\n")
    assert [t for t, _a in tasks(text)] == [
        "wspieranie wolontariatu seniorów", "rozwój turystyki rowerowej", "ochrona zabytków kultury ludowej",
        "organizację kolonii letnich dla dzieci", "wyjazdy integracyjne dla młodzieży",
        "promocję zdrowego stylu życia", "edukację ekologiczną mieszkańców"]


def test_bare_area_headings_and_an_item_joined_with_the_next_heading():
    # the second list item ran into the next heading, as a PDF text layer may leave it
    text = ("Protokół\n\nRada pozytywnie zaopiniowała projekt. Przyjęto następujące zadania priorytetowe:\n"
            "Pomoc społeczna\n• dowóz obiadów do osób samotnych\n"
            "• prowadzenie klubu sąsiedzkiego dla rodzin Ochrona środowiska\n"
            "• zbiórka elektroodpadów w szkołach\nPosiedzenie zakończono o godz. 12:00.\n")
    assert tasks(text) == [("dowóz obiadów do osób samotnych", "pomoc społeczna"),
                           ("prowadzenie klubu sąsiedzkiego dla rodzin", "pomoc społeczna"),
                           ("zbiórka elektroodpadów w szkołach", "ochrona środowiska")]


def test_area_and_task_on_one_line_and_an_agenda_item_is_no_heading():
    text = ("Porządek spotkania:\n1. Powitanie\n2. Dyskusja nad zadaniami priorytetowymi\n"
            "3. Ustalenie terminu kolejnego spotkania\n\nZadania priorytetowe:\n"
            "1) w zakresie pomocy społecznej: punkt porad dla seniorów; dowóz posiłków do osób chorych\n"
            "2) w zakresie kultury fizycznej: turniej piłki nożnej dla szkół\n")
    assert tasks(text) == [("punkt porad dla seniorów", "pomoc społeczna"),
                           ("dowóz posiłków do osób chorych", "pomoc społeczna"),
                           ("turniej piłki nożnej dla szkół", "kultura fizyczna")]


def test_numbered_tasks_on_one_line_a_list_after_a_clause_and_other_bullets():
    text = ("Notatka\n\nZadania priorytetowe: 1) wsparcie klubów seniora; 2) organizacja pikniku rodzinnego.\n"
            "W trakcie spotkania wskazano zadania priorytetowe na 2021 rok, wśród nich: budowa placu zabaw, "
            "warsztaty kulinarne dla młodzieży.\nPriorytetowymi zadaniami publicznymi w 2020 r. będą:\n"
            "◦ pomoc osobom bezdomnym w okresie zimowym\n◦ aktywizacja zawodowa osób bezrobotnych\n\n"
            "Zaproponowano, aby zadania priorytetowe zostały podzielone według kategorii: zdrowie, sport i kultura.\n")
    assert [t for t, _a in tasks(text)] == [
        "wsparcie klubów seniora", "organizacja pikniku rodzinnego", "budowa placu zabaw",
        "warsztaty kulinarne dla młodzieży", "pomoc osobom bezdomnym w okresie zimowym",
        "aktywizacja zawodowa osób bezrobotnych"]


def test_a_table_without_a_header_and_a_proposal_quoted_before_the_word_priority():
    text = ("Wyniki\n\nZadania priorytetowe w podziale na obszary:\n"
            "Działalność na rzecz osób niepełnosprawnych i ich rodzin | Warsztaty terapii zajęciowej\n"
            "Kultura | Organizacja przeglądu teatrów amatorskich\n\n"
            "Uczestnicy zaproponowali dodanie zadania „Opieka wytchnieniowa dla opiekunów” do zadań "
            "priorytetowych.\n")
    assert [t for t, _a in tasks(text)] == ["Warsztaty terapii zajęciowej", "Organizacja przeglądu teatrów amatorskich",
                                            "Opieka wytchnieniowa dla opiekunów"]


# ---- dates and meetings ---------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Spotkanie 12 V 2019 r. w sali", [("2019-05-12", None)]),
    ("zebranie 3.XI.2018 o 17.00", [("2018-11-03", None)]),
    ("w dniach 12-13.X.2019 w remizie", [("2019-10-12", "2019-10-13")]),
    ("V edycja konkursu w 2019 r.", [("2019", None)]),
])
def test_roman_month_dates(text, expected):
    assert [(d["value"], d["end"]) for d in find_dates(text)] == expected


def test_several_meetings_in_one_report_each_with_its_date():
    rec = run("Relacja\n\nPierwsze spotkanie odbyło się 3 marca 2019 r. w świetlicy, drugie 17 marca 2019 r. "
              "w remizie.\nW pierwszym spotkaniu udział wzięło 25 osób.\n"
              "Trzecie spotkanie – 31 marca 2019 r. – poświęcono budżetowi.\n")
    assert meetings(rec) == [("2019-03-03", "spotkanie", 25), ("2019-03-17", "spotkanie", None),
                             ("2019-03-31", "spotkanie", None)]
    assert rec["document_date"] == "2019-03-03"


def test_meeting_dates_listed_below_the_sentence():
    rec = run("Relacja\n\nSpotkania z mieszkańcami odbyły się w następujących terminach:\n"
              "- 4 marca 2019 r. – świetlica w Kowalach,\n- 11 marca 2019 r. – remiza w Brzezinach.\n")
    assert [m["date"] for m in rec["meetings"]] == ["2019-03-04", "2019-03-11"]


def test_a_two_day_workshop_is_dated_by_its_first_day_and_publication_is_not_the_meeting():
    rec = run("Warsztaty dla organizacji\n\nOpublikowano: 2 lipca 2019\n"
              "W dniach 24–25 czerwca 2019 r. w Domu Kultury trenerzy poprowadzili warsztaty z pisania "
              "wniosków. Frekwencja: 18 osób.\n")
    assert meetings(rec) == [("2019-06-24", "warsztaty", 18)]
    assert rec["document_date"] == "2019-06-24"


def test_council_sitting_is_a_posiedzenie_and_an_acts_date_is_never_the_meeting():
    rec = run("Protokół\n\nPosiedzenie Rady Działalności Pożytku Publicznego odbyło się 12.V.2019 r. na podstawie "
              "Zarządzenia nr 15/2019 Burmistrza z dnia 2 kwietnia 2019 r. Obecnych było 9 członków Rady.\n")
    assert meetings(rec) == [("2019-05-12", "posiedzenie", 9)]
    assert rec["document_date"] == "2019-05-12"


def test_consultation_period_and_the_consultation_meeting():
    rec = run("Sprawozdanie z konsultacji\n\nKonsultacje trwały od 1 do 21 września 2019 r.\n"
              "Spotkanie konsultacyjne z organizacjami zorganizowano 10 września 2019 r. Uczestniczyło w nim "
              "14 osób.\n")
    # three weeks of written consultation are not a meeting; the day people met is
    assert meetings(rec) == [("2019-09-10", "konsultacje", 14)]
    assert rec["document_date"] == "2019-09-10"  # the day a meeting was held, not the period's start


def test_participants_told_before_the_date_belong_to_that_meeting():
    rec = run("Relacja\n\nNa spotkanie przyszło 40 mieszkańców.\nSpotkanie odbyło się 8 maja 2018 r. w szkole.\n")
    assert meetings(rec) == [("2018-05-08", "spotkanie", 40)]


def test_the_publication_date_when_no_meeting_is_dated():
    rec = run("Informacja\n\nUchwała nr X/1/2019 Rady Gminy Kowale z dnia 5 marca 2019 r. weszła w życie.\n"
              "Data publikacji: 20.03.2019\n")
    assert rec["document_date"] == "2019-03-20"


def test_acts_without_an_issuer_or_with_the_issuer_first_and_their_dates_are_not_the_documents():
    rec = run("Informacja\n\nKonsultacje prowadzono na podstawie uchwały nr XX/112/2019 z dnia 4 kwietnia 2019 r. "
              "oraz Zarządzenia Burmistrza Miasta Kowale nr 45/2019 z dnia 10 maja 2019 r.\n")
    assert rec["legal_acts"] == ["Uchwała nr XX/112/2019 z dnia 4 kwietnia 2019 r.",
                                 "Zarządzenie nr 45/2019 Burmistrza Miasta Kowale z dnia 10 maja 2019 r."]
    assert rec["document_date"] is None and rec["meetings"] == []


# ---- municipality ---------------------------------------------------------------------------

TERC = """WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA
24;;;;ŚLĄSKIE;województwo;2024-01-01
24;16;;;zawierciański;powiat;2024-01-01
24;16;01;1;Zawiercie;gmina miejska;2024-01-01
24;16;02;2;Kroczyce;gmina wiejska;2024-01-01
"""


@pytest.fixture
def small_terc(monkeypatch, tmp_path):
    path = tmp_path / "terc.csv"
    path.write_text(TERC, encoding="utf-8")
    monkeypatch.setenv("PARTMON_TERC", str(path))


def municipality(text: str):
    return run(text)["municipality"]


def test_powiat_office_gives_the_powiat_by_its_adjective(small_terc):
    m = municipality("Konsultacje programu\n\nStarostwo Powiatowe w Zawierciu informuje, że w dniu 5 maja 2019 r. "
                     "odbyło się spotkanie. Starostwo Powiatowe w Zawierciu dziękuje za udział.\n")
    assert m == {"name": "Powiat Zawierciański", "kind": "powiat", "voivodeship": "śląskie"}


def test_powiat_council_without_the_register(no_terc):
    m = municipality("Sprawozdanie\n\nRada Powiatu Gorlickiego przyjęła program. Powiat Gorlicki współpracuje "
                     "z organizacjami.\n")
    assert m == {"name": "Powiat Gorlicki", "kind": "powiat", "voivodeship": None}


def test_voivodeship_office_gives_the_voivodeship(no_terc):
    m = municipality("Warsztaty\n\nUrząd Marszałkowski Województwa Opolskiego zaprasza. Samorząd Województwa "
                     "Opolskiego realizuje program w gminach Kowale i Brzeziny.\n")
    assert m == {"name": "Opolskie", "kind": "województwo", "voivodeship": "opolskie"}


def test_voivodeship_of_a_gmina_from_the_text_and_no_cue_across_lines(no_terc):
    m = municipality("Spotkanie w gminie\n\nUrząd Gminy Kroczyce zorganizował spotkanie. Kroczyce (woj. śląskie) "
                     "to gmina wiejska.\n")
    assert m == {"name": "Kroczyce", "kind": "gmina", "voivodeship": "śląskie"}


# ---- organisations, goals, pipeline -----------------------------------------------------------

def test_an_enumeration_under_one_head_stays_one_name_and_a_list_of_names_does_not():
    rec = run("Spotkanie\n\nObecni byli pracownicy Wydziału Kultury, Sportu i Turystyki oraz przedstawiciele "
              "Fundacji Rozwoju, Stowarzyszenia Kowale i Fundacji Dobry Start.\n")
    assert [o["name"] for o in rec["organisations"]] == [
        "Wydział Kultury, Sportu i Turystyki", "Fundacja Rozwoju", "Stowarzyszenie Kowale", "Fundacja Dobry Start"]


def test_adjectives_agree_with_the_head_and_a_quoted_name_joins_a_known_one():
    rec = run("Spotkanie\n\nByli członkowie Klubu Sportowego Orzeł i Koła Gospodyń Wiejskich „Brzezinianki”.\n")
    assert [o["name"] for o in rec["organisations"]] == ["Klub Sportowy Orzeł",
                                                         "Koło Gospodyń Wiejskich „Brzezinianki”"]


def test_patron_names_stay_as_written():
    rec = run("Spotkanie\n\nGościliśmy uczniów Szkoły Podstawowej im. Wacława Chomy w Brzezinach.\n")
    assert [o["name"] for o in rec["organisations"]] == ["Szkoła Podstawowa im. Wacława Chomy w Brzezinach"]


def test_goal_heading_with_words_after_it_and_a_goal_in_a_table_row():
    rec = run("Program\n\nCele szczegółowe programu współpracy to:\n1) wzmacnianie potencjału organizacji;\n"
              "2) rozwój wolontariatu.\n\nCel główny | Budowanie partnerstwa samorządu i organizacji\n")
    assert [(g["text"], g["level"]) for g in rec["goals"]] == [
        ("wzmacnianie potencjału organizacji", "specific"), ("rozwój wolontariatu.", "specific"),
        ("Budowanie partnerstwa samorządu i organizacji", "main")]


def test_goal_headings_with_the_adjective_first_and_a_programme_name():
    rec = run("Program\n\nGłównym celem programu jest wzmocnienie roli organizacji w gminie.\n"
              "Szczegółowe cele programu współpracy:\n- rozwój wolontariatu,\n- wsparcie inicjatyw lokalnych.\n")
    assert [(g["text"], g["level"]) for g in rec["goals"]] == [
        ("wzmocnienie roli organizacji w gminie.", "main"), ("rozwój wolontariatu", "specific"),
        ("wsparcie inicjatyw lokalnych.", "specific")]


def test_the_pipeline_keeps_the_input_text_and_still_serialises():
    nlp = get_nlp()
    text = "Spotkanie  w\tsali\r\n\nodbyło się 5 maja 2019 r."
    doc = nlp(text)
    assert doc._.text == text == doc.text
    assert nlp.to_bytes()  # the text-keeping tokenizer serialises like spaCy's own
