"""Organisation names in forms new report writers use: parishes and patrons ("pw.", "św."), local
units named by where they come from ("KGW z Borek"), people after an abbreviation, unit adjectives
in the nominative, quoted names with digits, clubs with their town, associations whose own name is
a known name, coordinated adjectives, branches after their parent, and no organisations made of
programme titles or menu words. All texts are our own."""
from __future__ import annotations

import pytest

from extract.record import extract_texts


def orgs(body: str) -> list[str]:
    rec = next(extract_texts([{"path": "r.txt", "text": f"Notatka ze spotkania\n\n{body}\n", "title": None}]))
    return [o["name"] for o in rec["organisations"]]


@pytest.mark.parametrize("body, name", [
    # parishes, brotherhoods and patrons: "pw." / "św." go on inside the name, honorifics included
    ("W spotkaniu wzięli udział przedstawiciele Parafii Rzymskokatolickiej pw. św. Wojciecha w Lipnie.",
     "Parafia Rzymskokatolicka pw. św. Wojciecha w Lipnie"),
    ("Salę udostępniła Parafia pw. Najświętszego Serca Pana Jezusa w Kowalach.",
     "Parafia pw. Najświętszego Serca Pana Jezusa w Kowalach"),
    ("Z Parafialnym Zespołem Caritas przy Parafii św. Anny w Borkach omówiono zbiórkę.",
     "Parafialny Zespół Caritas przy Parafii św. Anny w Borkach"),
    ("Głos zabrał przedstawiciel Bractwa Prawosławnego św. Mikołaja.", "Bractwo Prawosławne św. Mikołaja"),
    # a local unit named by its origin: "z X" is where it is ("w X")
    ("Wnioski złożyły KGW z Nowej Wsi oraz UKS z Lipna.", "Koło Gospodyń Wiejskich w Nowej Wsi"),
    ("Wnioski złożyły KGW z Nowej Wsi oraz UKS z Lipna.", "Uczniowski Klub Sportowy w Lipnie"),
    ("Druhowie OSP z Borek przygotowali poczęstunek.", "Ochotnicza Straż Pożarna w Borkach"),
    ("Wśród obecnych były Koła Gospodyń Wiejskich z Widełki.", "Koło Gospodyń Wiejskich w Widełce"),
    ("Zajęcia prowadzi Uniwersytet Trzeciego Wieku z Lipna.", "Uniwersytet Trzeciego Wieku w Lipnie"),
    # territorial units: the adjective agrees with the head, a gmina's name stays as written
    ("Dane przekazali przedstawiciele Powiatu Wrocławskiego.", "Powiat Wrocławski"),
    ("Ankietę przygotowała Gmina Brzeziny.", "Gmina Brzeziny"),
    ("Porozumienie podpisano w Gminie Nowa Wieś Wielka.", "Gmina Nowa Wieś Wielka"),
    ("Wniosek dotyczył Gminy Miejskiej Przemyśl.", "Gmina Miejska Przemyśl"),
    # quoted names with digits and signs, and what follows them
    ("Ze Stowarzyszeniem „Aktywni 60+” ustalono termin.", "Stowarzyszenie „Aktywni 60+”"),
    ("Spotkali się członkowie Klubu Seniora „Złoty Wiek 60+” w Lipnie.", "Klub Seniora „Złoty Wiek 60+” w Lipnie"),
    # a club's town after its quoted name
    ("Obecni byli członkowie Klubu Sportowego „Podhale” Nowy Targ.", "Klub Sportowy „Podhale” Nowy Targ"),
    ("Zgłoszenie przesłał LKS „Wisła” Stary Sącz.", "Ludowy Klub Sportowy „Wisła” Stary Sącz"),
    # an association whose own name is a known name
    ("Wyniki przedstawiło Stowarzyszenie Lokalna Grupa Działania „Dolina Bugu”.",
     "Stowarzyszenie Lokalna Grupa Działania „Dolina Bugu”"),
    ("Zabrała głos prezes Stowarzyszenia „Lipnowski Uniwersytet Trzeciego Wieku”.",
     "Stowarzyszenie „Lipnowski Uniwersytet Trzeciego Wieku”"),
    # coordinated adjectives, further head nouns and known names
    ("Zgłoszenia przyjmuje Wojewódzka i Miejska Biblioteka Publiczna w Lublinie.",
     "Wojewódzka i Miejska Biblioteka Publiczna w Lublinie"),
    ("Obecni: Zrzeszenie Kaszubsko-Pomorskie, Chorągiew Łódzka ZHP.", "Zrzeszenie Kaszubsko-Pomorskie"),
    ("Obecni: Zrzeszenie Kaszubsko-Pomorskie, Chorągiew Łódzka ZHP.", "Chorągiew Łódzka ZHP"),
    ("Obecni byli przedstawiciele Związku Harcerstwa Polskiego Chorągwi Mazowieckiej.",
     "Związek Harcerstwa Polskiego Chorągiew Mazowiecka"),
    ("Sprawę omówiła Podkarpacka Sieć Organizacji Pozarządowych.", "Podkarpacka Sieć Organizacji Pozarządowych"),
    ("Informację przedstawił Dział Wspierania Rodziny.", "Dział Wspierania Rodziny"),
    ("Pracownicy Białowieskiego Parku Narodowego poprowadzili spacer.", "Białowieski Park Narodowy"),
    ("Przedstawiciele Lokalnej Grupy Rybackiej „Parsęta” i Ligi Ochrony Przyrody.", "Lokalna Grupa Rybacka „Parsęta”"),
    ("Przedstawiciele Lokalnej Grupy Rybackiej „Parsęta” i Ligi Ochrony Przyrody.", "Liga Ochrony Przyrody"),
    ("Nocleg zapewniło Gospodarstwo Agroturystyczne „Pod Dębem”.", "Gospodarstwo Agroturystyczne „Pod Dębem”"),
    ("Zajęcia prowadzi ŚDS w Lipnie.", "Środowiskowy Dom Samopomocy w Lipnie"),
])
def test_names_in_the_nominative(body, name):
    assert name in orgs(body)


@pytest.mark.parametrize("body, wrong", [
    # a person after an abbreviation is not its place
    ("Wystąpili MOPS w Elblągu Pani Anna Nowak oraz GOPS Kowale.", "Miejski Ośrodek Pomocy Społecznej w Elblągu Pani"),
    ("Głos zabrała MGOPS Elżbieta Nowak.", "Miejsko-Gminny Ośrodek Pomocy Społecznej w Elżbiecie Nowak"),
    ("Wsparcie zadeklarowali GOPS z Gminą Kowale.", "Gminny Ośrodek Pomocy Społecznej w Gminie"),
    ("Koło Gospodyń Wiejskich z Anną Lis przygotowało stoisko.", "Koło Gospodyń Wiejskich w Annie"),
    # a branch word is no place; a dash after a name does not bring in the next words
    ("Zgłoszenie przesłało PTTK Oddział w Lipnie.", "Polskie Towarzystwo Turystyczno-Krajoznawcze w Oddziale"),
    ("LGD „Zielone Pole” – Lokalna Grupa Działania zaprasza.", "Lokalna Grupa Działania „Zielone Pole” Lokalna Grupa"),
    # a unit inside a programme's title, menu words after an office's name
    ("Omówiono projekt programu współpracy Województwa Opolskiego z organizacjami pozarządowymi na rok 2024.",
     "Województwo Opolskie"),
    ("URZĄD GMINY KOWALE Menu\nStrona główna\n\nSpotkanie w Urzędzie Gminy Kowale.", "Urząd Gminy Kowale Menu"),
])
def test_not_organisations(body, wrong):
    assert wrong not in orgs(body)


def test_a_quoted_abbreviation_joins_the_one_full_name_it_begins():
    names = orgs("Ludowy Klub Sportowy „Orzeł” Kolno złożył wniosek. Wniosek LKS „Orzeł” przyjęto.")
    assert names == ["Ludowy Klub Sportowy „Orzeł” Kolno"]


def test_a_person_after_an_abbreviation_keeps_the_place_before_it():
    assert "Miejski Ośrodek Pomocy Społecznej w Elblągu" in orgs("Wystąpili MOPS w Elblągu Pani Anna Nowak.")


def test_a_patron_takes_people_but_not_past_a_few_words():
    names = orgs("Spotkanie prowadziła Fundacja im. Stefana Batorego. Potem głos zabrał Jan Nowak.")
    assert names == ["Fundacja im. Stefana Batorego"]


def test_the_bare_known_name_stays_generic_and_is_not_listed():
    assert orgs("W każdej wsi działa Koło Gospodyń Wiejskich.") == []


@pytest.mark.parametrize("body, name", [
    # an abbreviation in brackets after a full name is that organisation, the place after it too
    ("Obecni: Polskie Towarzystwo Turystyczno-Krajoznawcze Oddział w Łęcznej (PTTK). Potem PTTK zabrało głos.",
     "Polskie Towarzystwo Turystyczno-Krajoznawcze Oddział w Łęcznej"),
    ("Powiatowe Centrum Pomocy Rodzinie (PCPR) w Lipnie przedstawiło dane.", "Powiatowe Centrum Pomocy Rodzinie w Lipnie"),
    # an abbreviation right after the name it shortens is not part of the name
    ("Zajęcia prowadzi Klub Integracji Społecznej KIS.", "Klub Integracji Społecznej"),
    # numbers: a school's number in an abbreviation, a quoted name after a number, a troop's number
    ("Zajęcia odbywają się w SP nr 1 w Lipnie.", "Szkoła Podstawowa nr 1 w Lipnie"),
    ("Występ dały dzieci z Przedszkola Samorządowego nr 2 „Bajka” w Lipnie.",
     "Przedszkole Samorządowe nr 2 „Bajka” w Lipnie"),
    ("Pomagali harcerze z 5 Drużyny Harcerskiej ZHP „Płomienie”.", "5 Drużyna Harcerska ZHP „Płomienie”"),
    ("Wartę zaciągnęła 16. Drużyna Harcerska „Leśni”.", "16. Drużyna Harcerska „Leśni”"),
    # a sports club's place after its abbreviation is part of its name
    ("Wniosek złożył LZS Skorogoszcz.", "Ludowy Zespół Sportowy Skorogoszcz"),
    ("Wniosek złożył LKS „Orzeł” Dąbrówka Wielka.", "Ludowy Klub Sportowy „Orzeł” Dąbrówka Wielka"),
    # a paragraph wrapped right after the head noun
    ("W spotkaniu udział wzięli przedstawiciele Fundacji\nRozwoju Społeczności Lokalnych i inni.",
     "Fundacja Rozwoju Społeczności Lokalnych"),
    # an informal group with its own name; a guild after another name
    ("Grupa nieformalna „Młodzi Aktywni” z Borek zgłosiła wniosek.", "Grupa nieformalna „Młodzi Aktywni”"),
    ("Obecni: Lipnowska Izba Gospodarcza i Cech Rzemiosł Różnych w Lipnie.", "Cech Rzemiosł Różnych w Lipnie"),
])
def test_abbreviations_numbers_and_wrapped_names(body, name):
    assert name in orgs(body)


@pytest.mark.parametrize("body", [
    "Wnioski mogą składać grupy nieformalne, a grupa nieformalna seniorów już działa.",
    "Spotkanie odbyło się przy ul. Szkoły Podstawowej 5 w Lipnie.",
    "Adres: ulica Stowarzyszenia Kombatantów 3, Lipno.",
    "Termin ustalono na 12.05 Drużyna.",
])
def test_no_organisation_in(body):
    assert orgs(body) == []


def test_a_number_before_a_troop_is_not_a_date():
    assert orgs("Spotkanie 12.05 Drużyna Harcerska „Orły” zakończyła grą.") == ["Drużyna Harcerska „Orły”"]


@pytest.mark.parametrize("body, names", [
    # the office a unit belongs to, named in the genitive inside the unit's name, is listed too
    ("Konsultacje prowadził Departament Polityki Społecznej Urzędu Marszałkowskiego Województwa Opolskiego.",
     ["Departament Polityki Społecznej Urzędu Marszałkowskiego Województwa Opolskiego",
      "Urząd Marszałkowski Województwa Opolskiego"]),
    ("Ankietę opracował Wydział Edukacji Starostwa Powiatowego w Lipnie.",
     ["Wydział Edukacji Starostwa Powiatowego w Lipnie", "Starostwo Powiatowe w Lipnie"]),
    # but not a generic office without its place (that is no name)
    ("Ankietę opracował Referat Oświaty Urzędu Gminy.", ["Referat Oświaty Urzędu Gminy"]),
    # a unit followed by its office's abbreviation is named without it; "UG X" names the office
    ("Obecni: Referat Spraw Społecznych UG Ustka.", ["Referat Spraw Społecznych", "Urząd Gminy Ustka"]),
    ("Obecni: Departament Polityki Społecznej UMWL.", ["Departament Polityki Społecznej"]),
])
def test_units_and_their_offices(body, names):
    assert orgs(body) == names


def test_a_unit_named_alone_joins_its_longer_name_with_the_office():
    names = orgs("Organizator: Wydział Zdrowia i Polityki Społecznej Urzędu Miasta Bydgoszczy.\n"
                 "Kontakt: Wydział Zdrowia i Polityki Społecznej, tel. 52 000 00 00.")
    assert names == ["Wydział Zdrowia i Polityki Społecznej Urzędu Miasta Bydgoszczy", "Urząd Miasta Bydgoszczy"]


def test_a_place_wrapped_onto_the_next_line_of_a_paragraph_stays_in_the_name():
    text = ("Konsultacje przeprowadzono zgodnie z uchwałą nr XXIX/241/2016 Rady Miejskiej w Krośnie\n"
            "Odrzańskim z dnia 29 grudnia 2016 r. w sprawie wyznaczenia obszaru zdegradowanego.")
    assert orgs(text) == ["Rada Miejska w Krośnie Odrzańskim"]


def test_a_short_line_does_not_pull_the_next_line_into_the_name():
    assert orgs("Organizator: Rada Miejska w Lipnie\nMiejska świetlica gościła uczestników.") == ["Rada Miejska w Lipnie"]


@pytest.mark.parametrize("body, name", [
    ("Diagnozę przygotowała firma StratLab Doradztwo Sp. z o.o. na zlecenie gminy.", "StratLab Doradztwo Sp. z o.o."),
    ("Zaproszono Wodociągi i Kanalizacja w Lipnie Sp. z o.o. oraz radnych.", "Wodociągi i Kanalizacja w Lipnie Sp. z o.o."),
    ("Moderował Rewita Projekt s.c. z Olsztyna.", "Rewita Projekt s.c."),
    ("Dziękujemy Firmie „Budmax” Sp. z o.o. za poczęstunek.", "„Budmax” Sp. z o.o."),
])
def test_companies_before_their_legal_form(body, name):
    rec = next(extract_texts([{"path": "r.txt", "text": f"Notatka\n\n{body}\n", "title": None}]))
    assert [(o["name"], o["kind"]) for o in rec["organisations"]] == [(name, "business")]


def test_a_legal_form_after_lower_case_words_is_no_company():
    assert orgs("Koszt: 200 zł (dot. usług sp. z o.o.).") == []


def test_a_company_in_brackets():
    assert orgs("Opracowanie: Paweł Lis (StratLab Doradztwo Sp. z o.o.) na zlecenie gminy.") == \
        ["StratLab Doradztwo Sp. z o.o."]


def test_an_unknown_adjective_after_the_head_agrees_with_it_but_a_surname_stays():
    assert orgs("Uczestnicy z Pilskiego Stowarzyszenia Alzheimerowskiego i Fundacji Kowalskiego.") == \
        ["Pilskie Stowarzyszenie Alzheimerowskie", "Fundacja Kowalskiego"]
