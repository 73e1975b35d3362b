"""Municipality names read without a TERC register that came out wrong: a name run into a courtesy
title or a company abbreviation, an inflected name with several possible nominatives (the one the
other cues of the report support wins), and a capitalised ordinary adjective after "Miasto"."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.record import extract_texts


def municipality(text: str) -> str | None:
    rec = next(extract_texts([{"path": "r.txt", "text": text, "title": None}]))
    return (rec["municipality"] or {}).get("name")


@pytest.fixture(autouse=True)
def no_terc(monkeypatch):
    monkeypatch.delenv("PARTMON_TERC", raising=False)


# ---- a name running into the next capitalised word ------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Notatka\n\nUrząd Miasta Płock Pani Naczelnik przekazała uwagi organizacjom.", "Płock"),
    ("Protokół\n\nGmina Kutno Pan Sekretarz otworzył spotkanie z mieszkańcami.", "Kutno"),
    ("Raport\n\nMiasto Otwock Sp. z o.o. nie brała udziału w konsultacjach.", "Otwock"),
    ("Sprawozdanie\n\nUrząd Gminy Wołomin Sp. j. wynajął salę na warsztaty.", "Wołomin"),
])
def test_a_courtesy_title_or_company_abbreviation_is_not_part_of_the_name(text, name):
    assert municipality(text) == name


@pytest.mark.parametrize("text,name", [
    # a full stop after a known word ends a sentence: the two-word name stays whole
    ("Notatka\n\nSpotkanie zwołał Urząd Miejski w Tarnowskich Górach. Przyszło dwadzieścia osób.", "Tarnowskie Góry"),
    ("Protokół\n\nMiasto Nowy Targ. Konsultacje programu współpracy z organizacjami.", "Nowy Targ"),
])
def test_a_name_ending_a_sentence_keeps_its_last_word(text, name):
    assert municipality(text) == name


# ---- several possible nominatives: the other cues decide -------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Raport z konsultacji\n\nRada Miejska w Złotowie przyjęła program. Wcześniej Miasto Złotów "
     "zaprosiło organizacje na spotkanie w ratuszu.", "Złotów"),
    ("Notatka\n\nBurmistrz Miasta Siedlec otworzył debatę. Urząd Miasta w Siedlcach zebrał ankiety "
     "od mieszkańców.", "Siedlce"),
    ("Sprawozdanie\n\nUrząd Miejski w Pruszkowie ogłosił konsultacje. Gmina Pruszków zebrała "
     "dwadzieścia uwag.", "Pruszków"),
])
def test_an_inflected_name_takes_the_nominative_other_cues_support(text, name):
    assert municipality(text) == name


def test_an_unambiguous_single_cue_is_unchanged():
    # one cue only, no other evidence: the likeliest nominative as before
    assert municipality("Notatka\n\nUrząd Miejski w Sochaczewie zebrał uwagi organizacji.") == "Sochaczew"
    assert municipality("Notatka\n\nUrząd Miejski w Kartuzach zebrał uwagi organizacji.") == "Kartuzy"


# ---- a capitalised adjective after a cue is a slogan, not a town ----------------------------

def test_a_slogan_after_miasto_does_not_outvote_the_town():
    text = ("Miasto Otwarte – raport z warsztatów\n\nUrząd Miasta Chełm zorganizował spotkanie. "
            "Rada Miasta Chełm przyjęła wnioski, a Urząd Miasta Chełm je opublikował.")
    assert municipality(text) == "Chełm"


def test_a_place_named_like_an_adjective_is_still_a_place():
    assert municipality("Protokół\n\nWójt Gminy Czarna otworzył zebranie. Gmina Czarna zebrała uwagi.") == "Czarna"


# ---- a plural name after "Gmina" stays as written -------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Notatka z zebrania\n\nWójt Gminy Olszyny zaprosił sołtysów na spotkanie w świetlicy.", "Olszyny"),
    ("Protokół\n\nUrząd Gminy Nowiny zebrał czterdzieści ankiet od mieszkańców.", "Nowiny"),
])
def test_a_plural_gmina_name_in_apposition_is_not_made_singular(text, name):
    assert municipality(text) == name


@pytest.mark.parametrize("text,name", [
    # a city's name after "Miasta" is in the genitive: it still becomes the nominative
    ("Notatka\n\nPrezydent Miasta Płocka zebrał ankiety od organizacji.", "Płock"),
    # a genitive after "Gminy" is outvoted by an unambiguous cue elsewhere in the report
    ("Protokół\n\nWójt Gminy Kutna otworzył zebranie. Urząd Gminy w Kutnie opublikował wnioski, "
     "a Rada Gminy w Kutnie je przyjęła.", "Kutno"),
])
def test_a_genitive_name_still_becomes_the_nominative(text, name):
    assert municipality(text) == name


# ---- names with "nad"/"pod" and a river or hill ---------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Notatka\n\nUrząd Miejski w Nowym Mieście nad Pilicą zebrał ankiety. Gmina Nowe Miasto nad Pilicą "
     "podziękowała mieszkańcom.", "Nowe Miasto nad Pilicą"),
    ("Protokół\n\nRada Miejska w Sokołowie pod Górą przyjęła program, a Burmistrz Miasta i Gminy "
     "Sokołów pod Górą go ogłosił.", "Sokołów pod Górą"),
])
def test_a_name_with_its_river_or_hill_keeps_it(text, name):
    assert municipality(text) == name


def test_a_river_after_a_loose_place_mention_is_not_part_of_the_name():
    text = "Notatka\n\nSpotkanie odbyło się w Płocku nad Wisłą. Urząd Miasta Płock zebrał ankiety."
    assert municipality(text) == "Płock"


TERC = Path("/work/shared/gazetteer/TERC_2024-01-01.csv")


@pytest.mark.skipif(not TERC.exists(), reason="no TERC register on this machine")
def test_a_name_with_its_river_is_found_in_the_register(monkeypatch):
    monkeypatch.setenv("PARTMON_TERC", str(TERC))
    text = ("Notatka\n\nUrząd Miejski w Nowym Mieście nad Pilicą zebrał ankiety od organizacji, "
            "a Burmistrz Gminy i Miasta Nowe Miasto nad Pilicą je opublikował.")
    assert municipality(text) == "Nowe Miasto nad Pilicą"


# ---- a report of several gminas at once -----------------------------------------------------

def test_a_report_covering_several_gminas_equally_names_none():
    text = ("Stowarzyszenie gmin pogórza – podsumowanie spotkań\n\n"
            "Gmina Lubenia – spotkanie w remizie, 14 osób.\nUrząd Gminy Lubenia zgłosił dwa zadania.\n"
            "Gmina Czudec – spotkanie w szkole, 20 osób.\nUrząd Gminy Czudec zgłosił trzy zadania.\n"
            "Gmina Niebylec – spotkanie w świetlicy, 9 osób.\n")
    assert municipality(text) is None


def test_neighbouring_gminas_mentioned_do_not_hide_the_reporting_one():
    text = ("Urząd Gminy Lubenia – sprawozdanie z konsultacji\n\n"
            "Wójt Gminy Lubenia otworzył spotkanie. Urząd Gminy Lubenia zebrał uwagi, a Rada Gminy Lubenia "
            "je przyjęła. Wspólne zadania z Gminą Czudec i Gminą Niebylec omówiono krótko.")
    assert municipality(text) == "Lubenia"
