"""Organisations, round 9: bare kind abbreviations ("druhowie OSP") and plural kinds ("Ochotniczych
Straży Pożarnych") are no bodies, a place qualifier stops at a person or a Roman numeral, a quoted
title after a public body is not its name, signs and domains end a name ("Aktywni 60+",
"Podgórze.pl"), a club's place after its quoted name is part of it, and a new head noun. All texts
are our own."""
from __future__ import annotations

import pytest

from extract.record import extract_texts


def orgs(body: str) -> list[str]:
    rec = next(extract_texts([{"path": "r.txt", "text": f"Notatka ze spotkania\n\n{body}\n", "title": None}]))
    return [o["name"] for o in rec["organisations"]]


@pytest.mark.parametrize("body, name", [
    # a bare kind abbreviation is a mention of the fuller name of the same report
    ("Głos zabrała Ochotnicza Straż Pożarna w Borkach. Druhowie OSP zaprosili na festyn.",
     "Ochotnicza Straż Pożarna w Borkach"),
    ("Uczniowie SP nr 2 zaśpiewali hymn.", "Szkoła Podstawowa nr 2"),
    ("Trenerzy LKS „Orzeł” poprowadzili zajęcia.", "Ludowy Klub Sportowy „Orzeł”"),
    ("Wnioski złożyły KGW z Nowej Wsi oraz UKS z Lipna.", "Uczniowski Klub Sportowy w Lipnie"),
    # a plural kind inside a singular name
    ("Obecny był prezes Związku Ochotniczych Straży Pożarnych RP.", "Związek Ochotniczych Straży Pożarnych RP"),
    ("Wnioski złożyły Koła Gospodyń Wiejskich z Widełki i Bukowca.", "Koło Gospodyń Wiejskich w Widełce"),
    # the place qualifier ends before a person
    ("Głos zabrał przedstawiciel Uniwersytetu Trzeciego Wieku w Strzelinie Halina Marek przedstawiła plan.",
     "Uniwersytet Trzeciego Wieku w Strzelinie"),
    ("Projekt przyjęła Rada Gminy Lipno w XI kadencji.", "Rada Gminy Lipno"),
    # a quoted title after a public body is not its name; an association's quoted name is
    ("Oparto się na poradniku Ministerstwa Rozwoju „Przygotowanie programów rewitalizacji”.", "Ministerstwo Rozwoju"),
    ("Członkowie Młodzieżowej Rady Miasta Lipna „Młodzi dla miasta 2024” spotkali się z radnymi.",
     "Młodzieżowa Rada Miasta Lipna"),
    ("Zaproszenie przyjęło Stowarzyszenie „Razem dla Kwakowa” z Borek.", "Stowarzyszenie „Razem dla Kwakowa”"),
    # signs and domains end a name
    ("Wnioski zgłosiło Stowarzyszenie Aktywni 60+ oraz Fundacja Lepsze Jutro.", "Stowarzyszenie Aktywni 60+"),
    ("Głos zabrali członkowie Stowarzyszenia Podgórze.pl. Potem dyskusja.", "Stowarzyszenie Podgórze.pl"),
    # a club's town after its quoted name, an adjective or unknown -ska word included
    ("Na spotkanie przybył prezes Klubu Sportowego „Rokita” Brzeg Dolny wraz z trenerem.",
     "Klub Sportowy „Rokita” Brzeg Dolny"),
    ("Obecni: Ludowy Klub Sportowy „Orzeł” Łęka Mroczeńska, Koło Gospodyń Wiejskich w Borkach.",
     "Ludowy Klub Sportowy „Orzeł” Łęka Mroczeńska"),
    # a dashed fixed name goes on with its second name; one institution of two kinds
    ("Projekt dofinansował Narodowy Instytut Wolności – Centrum Rozwoju Społeczeństwa Obywatelskiego ze środków programu.",
     "Narodowy Instytut Wolności – Centrum Rozwoju Społeczeństwa Obywatelskiego"),
    ("Salę udostępniło Centrum Kultury i Biblioteka w Suchym Lesie.", "Centrum Kultury i Biblioteka w Suchym Lesie"),
    ("Wnioski złożyły Fundacja Lepsze Jutro i Biblioteka Publiczna w Lipnie.", "Biblioteka Publiczna w Lipnie"),
    # a connector goes on into a name only where a name can go on
    ("Program uchwaliła Rada Gminy Lipno w XI 2024. Warsztaty współfinansowano.", "Rada Gminy Lipno"),
    ("Wnioski złożyło Stowarzyszenie na Rzecz Rozwoju Wsi Borki.", "Stowarzyszenie na Rzecz Rozwoju Wsi Borki"),
    ("Obecne było Towarzystwo Społeczno-Kulturalne Niemców na Śląsku Opolskim.",
     "Towarzystwo Społeczno-Kulturalne Niemców na Śląsku Opolskim"),
    ("Zapisy przyjmuje biuro Fundacji Lepsze Jutro w Nowym Targu.", "Fundacja Lepsze Jutro w Nowym Targu"),
    ("Głos zabrała prezes Podhalańskiej Fundacji w Nowym Targu.", "Podhalańska Fundacja w Nowym Targu"),
    # a school's kind and number alone name it
    ("Udział wzięli uczniowie szkół: Gimnazjum nr 1, Gimnazjum nr 2 i Liceum nr 3.", "Gimnazjum nr 2"),
    ("Występ przygotowały dzieci z Przedszkola nr 5 w Lipnie.", "Przedszkole nr 5 w Lipnie"),
    # new head nouns
    ("Warsztaty odbyły się w Resursie Obywatelskiej przy ul. Długiej.", "Resursa Obywatelska"),
    ("Dyżur pełni Centrum Organizacji Pozarządowych i Wolontariatu w Lipnie.",
     "Centrum Organizacji Pozarządowych i Wolontariatu w Lipnie"),
])
def test_names(body, name):
    assert name in orgs(body)


def test_unqualified_council_joins_the_one_named_with_its_adjective():
    body = ("Opinię wydała Lipnowska Rada Działalności Pożytku Publicznego. "
            "Członkowie Rady Działalności Pożytku Publicznego zgłosili uwagi.")
    assert orgs(body) == ["Lipnowska Rada Działalności Pożytku Publicznego"]
    two = ("Opinie wydały Lipnowska Rada Działalności Pożytku Publicznego i Borkowska Rada Działalności "
           "Pożytku Publicznego. Członkowie Rady Działalności Pożytku Publicznego zgłosili uwagi.")
    assert "Rada Działalności Pożytku Publicznego" in orgs(two)  # which of the two: not known
    short = ("Szkolenie poprowadził Regionalny Ośrodek Wsparcia Inicjatyw „Pracownia Mazur”. "
             "Trenerzy Pracowni Mazur rozdali materiały.")
    assert orgs(short) == ["Regionalny Ośrodek Wsparcia Inicjatyw „Pracownia Mazur”"]
    youth = "Młodzieżowa Rada Miasta Lipna spotkała się z członkami Rady Miasta Lipna."
    assert "Rada Miasta Lipna" in orgs(youth)
    assert "Młodzieżowa Rada Miasta Lipna" in orgs(youth)


@pytest.mark.parametrize("body, wrong", [
    ("W spotkaniu udział wzięli druhowie OSP oraz panie z KGW.", "Ochotnicza Straż Pożarna"),
    ("W spotkaniu udział wzięli druhowie OSP oraz panie z KGW.", "Koło Gospodyń Wiejskich"),
    ("Zaproszono przedstawicieli Ochotniczych Straży Pożarnych z terenu gminy.", "Ochotnicza Straż Pożarna"),
    ("Zaproszono przedstawicieli Ochotniczych Straży Pożarnych z terenu gminy.", "Straż Pożarnych"),
    ("Obecny był prezes Związku Ochotniczych Straży Pożarnych RP.", "Ochotnicza Straż Pożarna"),
    ("Głos zabrał przedstawiciel Uniwersytetu Trzeciego Wieku w Strzelinie Halina Marek przedstawiła plan.",
     "Uniwersytet Trzeciego Wieku w Strzelinie Halina Marek"),
    ("Projekt przyjęła Rada Gminy Lipno w XI kadencji.", "Rada Gminy Lipno w XI"),
    ("Oparto się na poradniku Ministerstwa Rozwoju „Przygotowanie programów rewitalizacji”.",
     "Ministerstwo Rozwoju „Przygotowanie programów rewitalizacji”"),
    ("Uwagi złożyła Fundacja Lepsze Jutro 60 osób przyszło.", "Fundacja Lepsze Jutro 60"),
    ("Resursa to dawna nazwa klubu, mówiła Anna Lis.", "Resursa"),
    ("Zgodnie z uchwałą Rada nr 5 przyjęła stanowisko.", "Rada nr 5"),
    ("Zapisy przyjmuje biuro Fundacji w Nowym Targu, ul. Długa 5.", "Fundacja w Nowym Targu"),
    ("Program uchwaliła Rada Gminy Lipno w XI 2024. Warsztaty współfinansowano.", "Rada Gminy Lipno w XI"),
    ("Związek zaprosił członków Rady na Koszalińskie Dni Sportu Akademickiego.",
     "Rada na Koszalińskie Dni Sportu Akademickiego"),
    ("Grant przyznał Narodowy Instytut Wolności. Fundacja Lepsze Jutro – Stowarzyszenie Razem.",
     "Fundacja Lepsze Jutro – Stowarzyszenie Razem"),
    ("Projekt dofinansował Narodowy Instytut Wolności – Centrum Rozwoju Społeczeństwa Obywatelskiego.",
     "Centrum Rozwoju Społeczeństwa Obywatelskiego"),
    ("Wnioski złożyły Fundacja Lepsze Jutro i Biblioteka Publiczna w Lipnie.",
     "Fundacja Lepsze Jutro i Biblioteka Publiczna w Lipnie"),
])
def test_not_names(body, wrong):
    assert wrong not in orgs(body)
