"""Extraction: dates written with Roman-numeral months, day ranges without a year, two months of
one year, and months whose year the sentence or the calendar decides (our own snippets)."""
from __future__ import annotations

import pytest

from extract.components.dates import find_dates
from extract.record import extract_texts

DATED = "Spotkanie odbyło się 8 października 2019 r. w urzędzie. "  # gives the document its year and month


def values(text: str) -> list[tuple]:
    return [(d["value"], d["end"]) for d in find_dates(text)]


@pytest.mark.parametrize("text, expected", [
    ("Projekt trafi pod obrady rady w XII 2019 r.", [("2019-12", None)]),
    ("Wyniki sondażu z IX 2018 r. omówiono na początku.", [("2018-09", None)]),
    ("Planowany termin przyjęcia dokumentu: IV 2021.", [("2021-04", None)]),
    ("Zespół zebrał się dwukrotnie (VI 2017).", [("2017-06", None)]),
    ("| XI 2022 | uchwalenie programu |", [("2022-11", None)]),
    ("Konsultacje potrwają do końca II 2024 r.", [("2024-02", None)]),
    ("Sondaż (VII.2020) objął stu mieszkańców.", [("2020-07", None)]),
    ("Diagnoza trwała od IX 2015 do III 2016 r.", [("2015-09", "2016-03")]),
    ("Ankietę prowadzono w okresie X–XII 2023.", [("2023-10", "2023-12")]),
    ("Badania wykonane w V i VI 2012 r. pokazały potrzeby.", [("2012-05", None), ("2012-06", None)]),
    ("Ewaluację zrobiono na przełomie I i II 2014.", [("2014-01", None), ("2014-02", None)]),
])
def test_roman_month_with_its_year_is_a_month_date(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Zebranie wiejskie, 23.X.2013 r., świetlica.", [("2013-10-23", None)]),
    ("Podpisano 7.III.2022 w ratuszu.", [("2022-03-07", None)]),
    ("Festyn rodzinny 9 VI 2024 na stadionie.", [("2024-06-09", None)]),
])
def test_roman_month_with_a_day_is_a_day_date(text, expected):
    assert values(text) == expected


def test_a_roman_month_without_a_year_takes_the_documents_year():
    found = values(DATED + "Projekt trafi na sesję rady najpewniej w XII. Do końca I; potem konkurs.")
    assert found == [("2019-10-08", None), ("2019-12", None), ("2020-01", None)]


@pytest.mark.parametrize("text", [
    "Rozdział III 2019 roku nie dotyczy.",          # a chapter, then a year
    "Etap II 2020 r. obejmie szkolenia.",
    "Plac Jana Pawła II 2005 – tablica pamiątkowa.",
    "Sprawozdanie za I półrocze 2021 r. przyjęto.",
    "Projekt trafi pod obrady w IV kw. 2020 r.",
    "Uchwała nr XII/146/2015 Rady Miasta.",
    "Priorytet VII 2007–2013 Promocja integracji.",
    "Dzielnica XIII 2019 – sprawozdanie.",
    "Zajęcia dla uczniów klas I–III 2019 r.",    # a span of school years, then a year
])
def test_a_roman_numeral_that_is_not_a_month_with_a_year_gives_no_month(text):
    assert all(len(d["value"]) != 7 for d in find_dates(text)), find_dates(text)


@pytest.mark.parametrize("tail", [
    "Dyskutowano o XXI wieku.", "Współpraca z III sektorem.", "Radni II kadencji.", "Obradowała XII sesja.",
    "Rada Dzielnicy XIII.", "Plac Jana Pawła II.", "Porządek:\nI. Otwarcie.\nII. Wnioski.", "Ad. II\nPrzyjęto.",
    "Opisano to w rozdziale III.", "Uczniowie z I LO i z II klasy.", "Szkoła w II etapie.", "Po II wojnie.",
])
def test_roman_numerals_in_names_lists_and_ordinals_are_not_months(tail):
    assert values(DATED + tail) == [("2019-10-08", None)]


@pytest.mark.parametrize("text, expected", [
    ("Warsztaty (14-15 marca br.) prowadził moderator.", [("2021-03-14", "2021-03-15")]),
    ("Zbiórka trwała 3–16 maja br. w szkołach.", [("2021-05-03", "2021-05-16")]),
    ("Szkolenie dwudniowe (22–23 kwietnia) w Domu Kultury.", [("2021-04-22", "2021-04-23")]),
    ("Wnioski zbierano od 10 maja do 4 czerwca, a potem głosowano.", [("2021-05-10", "2021-06-04")]),
    ("Szkolenie 17-18 marca br. (wtorek-środa) w sali nr 3.", [("2021-03-17", "2021-03-18")]),
    ("Konsultacje na przełomie maja i czerwca br. i znów na przełomie września i października.",
     [("2021-05", "2021-06"), ("2021-09", "2021-10")]),
])
def test_day_and_month_ranges_without_a_year_are_one_range(text, expected):
    assert values("Notatka z 2 lutego 2021 r. " + text)[1:] == expected


@pytest.mark.parametrize("text", [
    "Spotkanie 1 – 3 marca.",          # a numbered meeting on a day
    "Zajęcia w godz. 10–12 maja nie będzie.",
])
def test_numbered_things_before_a_day_are_not_ranges(text):
    assert all(d["end"] is None for d in find_dates("Notatka z 2 lutego 2021 r. " + text))


def test_two_months_and_one_year_are_two_dates_of_that_year():
    found = values("Notatka z 5 grudnia 2022 r. Nabory ogłaszano w lipcu i sierpniu 2021 r., w żniwa.")
    assert found == [("2022-12-05", None), ("2021-07", None), ("2021-08", None)]


@pytest.mark.parametrize("text, expected", [
    ("Organizacje chcą znać wyniki do końca stycznia.", "2020-01"),        # November report: next January
    ("Szkolenie z pisania ofert odbędzie się w lutym.", "2020-02"),
    ("W styczniu odbyło się pierwsze spotkanie zespołu.", "2019-01"),      # told in the past tense
    ("W ubiegłym roku pieniędzy zabrakło już w maju.", "2018-05"),          # the sentence says the year
    ("W maju nabór ruszy, jak co roku.", "2019-05"),                        # half a year back: this year
    ("Środków zabrakło w maju, a w czerwcu był nabór.", "2019-05"),
])
def test_a_month_without_a_year_takes_the_year_its_sentence_or_the_calendar_means(text, expected):
    found = find_dates("Dnia 20 listopada 2019 r. zebrała się rada. " + text)
    assert found[1]["value"] == expected


def test_a_word_starting_like_br_after_a_month_does_not_hide_it():
    assert values(DATED + "Wcześniej, w maju brakowało sal.")[1:] == [("2019-05", None)]


def test_a_protocols_signature_dateline_is_the_reports_date_and_a_record_card_is_not():
    signed = ("Protokół z konsultacji\n\nUwag nie zgłoszono.\n\n"
              "Sporządziła: Ewa Nowik, Referat Oświaty, Lubań, 14.03.2017 r.\n")
    card = ("Protokół z konsultacji\n\nUwag nie zgłoszono.\n\n"
            "Sporządził: Jan Kos (2017-03-15)\nOpublikował: Adam Lis (2017-03-16 10:12)\n")
    rec_signed, rec_card = extract_texts([{"path": "a.txt", "text": signed, "title": None},
                                          {"path": "b.txt", "text": card, "title": None}])
    assert [d["value"] for d in rec_signed["dates"]] == ["2017-03-14"]
    assert rec_card["dates"] == []


def test_year_after_a_half_year_or_quarter_is_not_a_bare_year():
    assert values("Sprawozdanie za I półrocze 2018 r. i plan na II kwartał 2018 r.") == []


def test_month_words_found_by_stem_as_by_scan():
    """_month_words with the lower-cased text (a find per month stem) gives what a scan does,
    also for upper case, words holding a month ("lipcami", "xlipca") and a long s (ſ)."""
    from extract.components.dates import _month_words, month_word_rx
    for text in ("Wrzesień, WRZEŚNIA; mArCa 1maja _lipca xlipca lipcami lipca. 3 Listopada",
                 "ſierpnia i sierpnia 2020", "od marca do maja"):
        low = text.lower()
        assert [m.span() for m in _month_words(text, low)] == [m.span() for m in month_word_rx().finditer(text)]


def test_record_card_dates_kept_apart():
    """A date on a record card line ("Opublikował: …") goes to site_dates, also on the first line."""
    from extract.pipeline import get_nlp
    doc = get_nlp()("Opublikował: Jan Nowak 12.03.2020\nSpotkanie odbyło się 5 marca 2020 r.\n"
                    "Data wytworzenia: 2020-03-10")
    assert [d["value"] for d in doc._.site_dates] == ["2020-03-12", "2020-03-10"]
    assert [d["value"] for d in doc._.dates] == ["2020-03-05"]


@pytest.mark.parametrize("text, expected", [
    ("Zbiórka trwała od listopada do lutego 2016 roku.", [("2015-11", "2016-02")]),
    ("Dyżury prowadzono od października 2015 do stycznia 2016.", [("2015-10", "2016-01")]),
    ("Nabór trwał od marca do maja 2016 roku.", [("2016-03", "2016-05")]),
])
def test_a_month_range_over_the_new_year_starts_in_the_year_before(text, expected):
    assert values(text) == expected


def test_a_month_range_without_a_year_over_the_new_year_ends_in_the_documents_year():
    found = [(d["value"], d["end"]) for d in next(iter(extract_texts([{
        "path": "x.txt", "title": None,
        "text": "Notatka z 14 lutego 2020 r.\nŚwietlica działała od października do stycznia, "
                "a rada zebrała się 10 lutego 2020 r."}])))["dates"]]
    assert ("2019-10", "2020-01") in found
    assert all(end is None or value <= end for value, end in found)
