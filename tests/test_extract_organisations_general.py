"""Organisation (and municipality) rules that must hold on reports we have never seen: names in
the nominative whatever their case, quoted names, abbreviations joined to their full names, and
no organisations made of programme titles, roles, events, generic phrases or site chrome.
All texts are our own."""
from __future__ import annotations

import pytest

from extract.record import extract_texts


def run(text: str) -> dict:
    return next(extract_texts([{"path": "r.txt", "text": text, "title": None}]))


def orgs(body: str) -> list[str]:
    return [o["name"] for o in run(f"Notatka ze spotkania\n\n{body}\n")["organisations"]]


# ---- names in the nominative ----------------------------------------------------------------

@pytest.mark.parametrize("body, name", [
    ("Dziękujemy Miejskiej Bibliotece Publicznej im. Adama Mickiewicza w Lipnie za salę.",
     "Miejska Biblioteka Publiczna im. Adama Mickiewicza w Lipnie"),
    ("Głos zabrali uczniowie Zespołu Szkół Ponadgimnazjalnych im. Marii Skłodowskiej-Curie.",
     "Zespół Szkół Ponadgimnazjalnych im. Marii Skłodowskiej-Curie"),
    ("Powitano przedstawicieli Biblioteki Publicznej Gminy Kowale.", "Biblioteka Publiczna Gminy Kowale"),
    ("Spotkanie odbyło się w Szkole Podstawowej nr 2 w Kowalach.", "Szkoła Podstawowa nr 2 w Kowalach"),
    ("Nabór prowadził Regionalny Ośrodek Polityki Społecznej w Krakowie.",
     "Regionalny Ośrodek Polityki Społecznej w Krakowie"),
    ("Współpracujemy z Urzędem Marszałkowskim Województwa Małopolskiego.",
     "Urząd Marszałkowski Województwa Małopolskiego"),
    ("Przedstawiciele Gminnej Komisji Rozwiązywania Problemów Alkoholowych omówili program.",
     "Gminna Komisja Rozwiązywania Problemów Alkoholowych"),
    ("Zaproszono też Sąd Rejonowy w Lipnie.", "Sąd Rejonowy w Lipnie"),
    ("O bezpieczeństwie mówili funkcjonariusze Straży Miejskiej.", "Straż Miejska"),
    ("Pomagali harcerze z Hufca ZHP Lipno.", "Hufiec ZHP Lipno"),
    ("Prezentację przygotowała Pracownia Badań Społecznych Uniwersytetu Warszawskiego.",
     "Pracownia Badań Społecznych Uniwersytetu Warszawskiego"),
])
def test_inflected_names_come_out_in_the_nominative(body, name):
    assert name in orgs(body)


def test_quoted_names_keep_their_quotes_and_a_place_name_after_them():
    names = orgs("Na liście obecności: Uczniowski Klub Sportowy „Sokół” Nowa Dęba oraz członkowie "
                 "Klubu Seniora „Pogodna Jesień”.")
    assert names == ["Uczniowski Klub Sportowy „Sokół” Nowa Dęba", "Klub Seniora „Pogodna Jesień”"]


def test_a_person_after_a_quoted_name_is_not_part_of_it():
    assert orgs("Fundacja „Razem” Jan Kowalski przedstawił plan.") == ["Fundacja „Razem”"]


def test_a_name_in_capitals_ends_before_the_verb_of_its_sentence():
    assert orgs("GMINNY OŚRODEK KULTURY W LIPNIE ZAPRASZA NA WARSZTATY") == ["Gminny Ośrodek Kultury w Lipnie"]


def test_a_name_does_not_run_into_the_next_line_of_a_page_footer():
    assert orgs("Podmiot udostępniający informację: Urząd Gminy Kowale\nWytworzył: Jan Nowak\n") == \
        ["Urząd Gminy Kowale"]


def test_two_names_joined_by_i_stay_two_when_the_second_starts_with_an_adjective():
    assert orgs("Wsparcia udzieliło Starostwo Powiatowe w Lipnie i Powiatowe Centrum Pomocy Rodzinie.") == \
        ["Starostwo Powiatowe w Lipnie", "Powiatowe Centrum Pomocy Rodzinie"]


def test_the_number_of_a_resolution_is_not_part_of_its_issuers_name():
    assert orgs("Zgodnie z uchwałą Rady Miejskiej w Lipnie nr 12/2020 ogłoszono program.") == ["Rada Miejska w Lipnie"]
    assert orgs("Zgodnie z uchwałą Rady Ministrów nr 12/2020 ogłoszono program.") == ["Rada Ministrów"]


def test_an_abbreviation_given_with_the_full_name_joins_it():
    rec = run("Notatka\n\nGłos zabrali przedstawiciele Miejskiego Ośrodka Pomocy Społecznej w Lipnie (MOPS). "
              "MOPS prowadzi także świetlicę.\n")
    assert [(o["name"], o["mentions"]) for o in rec["organisations"]] == [
        ("Miejski Ośrodek Pomocy Społecznej w Lipnie", ["Miejskiego Ośrodka Pomocy Społecznej w Lipnie", "MOPS"])]


# ---- what is not an organisation --------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Zapraszamy Stowarzyszenia, Fundacje i Kluby Sportowe do udziału w konsultacjach.",
    "Organizacje pozarządowe oraz stowarzyszenia i fundacje mogły zgłaszać uwagi.",
    "Ośrodki Pomocy Społecznej z całego powiatu przesłały dane.",
    "Strategia Rozwoju Powiatu Lipnowskiego na lata 2021-2030 została przyjęta.",
    "Projekt realizowano w ramach Regionalnego Programu Operacyjnego Województwa Mazowieckiego.",
    "Omówiono projekt Programu Współpracy Miasta Lipno z Organizacjami Pozarządowymi.",
    "Wójt Gminy Kowale zaprosił mieszkańców na spotkanie.",
    "Spotkanie otworzył Burmistrz Miasta i Gminy Kowale.",
    "Dnia 5 maja odbyło się Forum Inicjatyw Społecznych w Lipnie.",
    "Podczas Forum Organizacji Pozarządowych omówiono projekt programu.",
    "Zgodnie z ustawą o działalności pożytku publicznego i o wolontariacie konsultacje trwały 14 dni.",
])
def test_generic_phrases_programme_titles_roles_and_events_are_not_organisations(body):
    assert orgs(body) == []


def test_a_forum_that_acts_is_an_organisation():
    assert orgs("Uwagi do projektu zgłosiło Forum Seniorów Gminy Kowale.") == ["Forum Seniorów Gminy Kowale"]


def test_the_municipality_acting_is_kept():
    assert orgs("Gmina Kowale ogłasza nabór wniosków.") == ["Gmina Kowale"]


def test_a_menu_of_office_names_above_the_report_gives_no_organisations():
    rec = run("Strona główna\nAktualności\nUrząd Gminy\nRada Gminy\nKontakt\n\nNotatka z warsztatów\n\n"
              "W warsztatach wzięła udział Fundacja Lipowa Aleja.\n")
    assert [o["name"] for o in rec["organisations"]] == ["Fundacja Lipowa Aleja"]


# ---- generic offices of the report's municipality ---------------------------------------------

def test_a_generic_office_is_named_after_the_reports_municipality():
    rec = run("Zielona Góra, 12.05.2023\n\nNotatka ze spotkania\n\nSpotkanie odbyło się w sali Urzędu Miejskiego. "
              "Uczestniczyli przedstawiciele Fundacji Lubuskie Forum.\n")
    assert rec["municipality"]["name"] == "Zielona Góra"
    assert "Urząd Miejski w Zielonej Górze" in [o["name"] for o in rec["organisations"]]


def test_a_generic_council_is_named_after_the_municipality_in_the_genitive_form():
    rec = run("Sprawozdanie z konsultacji\n\nProjekt przedstawiono Radzie Gminy. "
              "Konsultacje prowadził Urząd Gminy Kowale.\n")
    assert rec["municipality"]["name"] == "Kowale"
    assert [o["name"] for o in rec["organisations"]] == ["Rada Gminy Kowale", "Urząd Gminy Kowale"]


# ---- municipality --------------------------------------------------------------------------------

def test_a_dateline_names_the_municipality_over_a_regional_programme():
    rec = run("Lipno, 9 września 2020 r.\n\nWczoraj w Szkole Podstawowej nr 1 w Lipnie rozmawialiśmy o budżecie. "
              "Działania współfinansuje Regionalny Program Operacyjny Województwa Kujawsko-Pomorskiego.\n")
    assert rec["municipality"]["name"] == "Lipno"


def test_a_person_named_after_the_gmina_is_not_part_of_its_name():
    rec = run("Spotkanie z mieszkańcami\n\nSpotkanie prowadził Wójt Gminy Kowale Jan Nowak. "
              "Gmina Kowale realizuje program.\n")
    assert rec["municipality"]["name"] == "Kowale"


def test_a_short_place_name_counts_for_the_longer_one_it_begins():
    rec = run("Warsztaty w Ostrowi\n\nWarsztaty odbyły się w Ostrowi Mazowieckiej w sali szkoły.\n")
    assert rec["municipality"]["name"] == "Ostrów Mazowiecka"


# ---- branches of national organisations, abbreviations with a quoted name ---------------------

@pytest.mark.parametrize("body,name", [
    ("Uwagi złożył Polski Komitet Pomocy Społecznej Zarząd Okręgowy w Toruniu.",
     "Polski Komitet Pomocy Społecznej Zarząd Okręgowy w Toruniu"),
    ("Obecni byli członkowie Polskiego Związku Wędkarskiego Koło nr 7 w Sierpcu.",
     "Polski Związek Wędkarski Koło nr 7 w Sierpcu"),
    ("Wnioski przesłało PKPS Zarząd Rejonowy w Łomży.", "Polski Komitet Pomocy Społecznej Zarząd Rejonowy w Łomży"),
])
def test_a_branch_written_after_its_parent_is_one_organisation(body, name):
    assert name in orgs(body)


def test_a_branch_without_its_parent_is_no_organisation():
    names = orgs("Głos zabrało Koło w Lipiu oraz Zarząd Okręgowy w Pile. Udział wzięło Stowarzyszenie Razem.")
    assert names == ["Stowarzyszenie Razem"]


@pytest.mark.parametrize("body,name", [
    ("Przedstawicielki KGW „Lipianki” zgłosiły uwagi.", "Koło Gospodyń Wiejskich „Lipianki”"),
    ("Trener UKS „Sokół” w Rudniku mówił o boiskach.", "Uczniowski Klub Sportowy „Sokół” w Rudniku"),
    ("Ratownicy WOPR w Ustce przedstawili plan.", "Wodne Ochotnicze Pogotowie Ratunkowe w Ustce"),
])
def test_an_abbreviation_keeps_its_quoted_name_and_place(body, name):
    assert name in orgs(body)


@pytest.mark.parametrize("body,name", [
    ("Wystąpił przedstawiciel Caritas Diecezji Płockiej.", "Caritas Diecezji Płockiej"),
    ("Ratownicy Tatrzańskiego Ochotniczego Pogotowia Ratunkowego omówili szkolenia.",
     "Tatrzańskie Ochotnicze Pogotowie Ratunkowe"),
])
def test_more_heads_of_organisation_names(body, name):
    assert name in orgs(body)


# ---- people next to organisations: titles, patrons, cases -----------------------------------

def people(body: str) -> list[str]:
    return [p["name"] for p in run(f"Notatka ze spotkania\n\n{body}\n")["people"]]


@pytest.mark.parametrize("body,expected", [
    ("Głos zabrał Pan Tadeusz, a potem Pani Halina Mróz.", ["Halina Mróz"]),
    ("Spotkanie odbyło się w szkole przy ul. Króla Bolesława Chrobrego, obok Placu Jana Pawła II.", []),
    ("Przewodniczącą wybrano Barbarę Sowę, a zastępcą – Pana Pawła Wilka.", ["Barbara Sowa", "Paweł Wilk"]),
])
def test_titles_patrons_and_inflected_names(body, expected):
    assert people(body) == expected


def test_a_person_after_an_office_name_is_not_part_of_it():
    body = "Radę powołał Dyrektor Gminnego Ośrodka Kultury w Lipnie Annę Kos na sekretarza."
    assert "Gminny Ośrodek Kultury w Lipnie" in orgs(body)
    assert people(body) == ["Anna Kos"]


def test_a_patron_in_the_genitive_stays_in_the_name():
    assert "Fundacja Jana Kowalskiego" in orgs("Wsparcia udzieliła Fundacja Jana Kowalskiego.")


@pytest.mark.parametrize("body,name", [
    ("Zajęcia prowadzi Lipnowski Uniwersytet Trzeciego Wieku.", "Lipnowski Uniwersytet Trzeciego Wieku"),
    ("Wolontariusze Borkowskiego Uniwersytetu Trzeciego Wieku pomagali.", "Borkowski Uniwersytet Trzeciego Wieku"),
    ("Spotkanie odbyło się w Borkowskim Ośrodku Kultury.", "Borkowski Ośrodek Kultury"),
])
def test_a_place_adjective_before_a_name_is_part_of_it(body, name):
    assert name in orgs(body)


def test_an_abbreviation_takes_a_two_word_place_on_its_line_only():
    names = orgs("Obecni: OSP Krzywa Wieś, MGOPS Sępólno Krajeńskie oraz OSP Baranów Jan Nowak.\nOSP Lipno\n"
                 "Stowarzyszenie Razem")
    assert "Ochotnicza Straż Pożarna w Krzywej Wsi" in names
    assert "Miejsko-Gminny Ośrodek Pomocy Społecznej w Sępólnie Krajeńskim" in names
    assert "Ochotnicza Straż Pożarna w Baranowie" in names
    assert "Stowarzyszenie Razem" in names


# ---- the municipality: names morfeusz does not know, a mayor's name after the place ------------

def municipality(text: str) -> str | None:
    m = run(text)["municipality"]
    return m and m["name"]


@pytest.mark.parametrize("text,name", [
    ("Notatka\n\nBurmistrz Gminy Kozienice Tomasza Śmietanki przywitał gości. Spotkanie w Kozienicach.\n", "Kozienice"),
    ("Relacja\n\nUrząd Miasta Zarzecka zaprosił mieszkańców. Spotkanie prowadził Prezydent Miasta Zarzecka.\n"
     "Zarzeck, 4 maja 2020 r.\n", "Zarzeck"),
])
def test_the_municipality_is_named_in_the_nominative(text, name):
    assert municipality(text) == name
