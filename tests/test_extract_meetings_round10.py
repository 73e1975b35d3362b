"""Meetings, round 10: a meeting's day told with a year glued to "r." or in a dateline with its
hour, an open meeting held inside a written consultation period (the period's total and its start
are not the meeting's), counts after the sign-ups ("zapisało się 40, przyszło 29"), one total for
the days of one event, a duty hour beside a gathering, days a talk was about, and meetings listed
as bullet items. Short reports of our own, with negatives."""
from __future__ import annotations

import pytest

from extract.record import extract_texts


def run(text: str, title: str | None = None) -> dict:
    return next(extract_texts([{"path": "r.txt", "text": text, "title": title}]))


def counts(rec: dict) -> list[tuple]:
    return [(m["date"], m["participants"]) for m in rec["meetings"]]


# ---- the day of a lone meeting with its count ------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # a year glued to "r." (the sentence goes on in lower case or with an aside)
    ("Spotkanie z mieszkańcami\n\nDnia 14 maja 2019r. w sali widowiskowej domu kultury odbyło się spotkanie "
     "z mieszkańcami osiedla. W spotkaniu uczestniczyło 41 osób.", ("2019-05-14", 41)),
    ("Zebranie sołeckie\n\nW dniu 3 października 2015r. (sobota) o godz. 10.00 w remizie OSP odbyło się "
     "zebranie sołeckie w sprawie funduszu sołeckiego. Frekwencja: 27 mieszkańców.", ("2015-10-03", 27)),
    # a dateline with the hour over an attendance list
    ("LISTA OBECNOŚCI\n\nna zebraniu konsultacyjnym w sprawie programu współpracy\n\n"
     "Lipno, dn. 5.XI.2014 r. godz. 17.00 świetlica wiejska\n\nJan Nowak Stowarzyszenie Razem\n\n"
     "Protokół\n\nZebranie otworzył kierownik referatu. Obecnych 9 osób wg listy. Uwag nie zgłoszono.",
     ("2014-11-05", 9)),
])
def test_lone_meeting_gets_its_day(text, expected):
    assert counts(run(text)) == [expected]


def test_a_deadline_with_an_hour_does_not_date_the_meeting():
    rec = run("LISTA OBECNOŚCI\n\nna zebraniu konsultacyjnym\n\nUwagi można składać do dnia 20.XI.2014 r. "
              "do godz. 15.00 w sekretariacie.\n\nProtokół\n\nObecnych 9 osób wg listy.")
    assert counts(rec) == [(None, 9)]


def test_a_sentence_ending_in_a_year_is_not_joined_to_the_next():
    rec = run("Spotkanie\n\nSpotkanie odbyło się 12 marca 2024 r. w sali narad. Uwagi przyjmowano do "
              "30 kwietnia 2024 r. Na spotkanie przyszło 20 osób.")
    assert counts(rec) == [("2024-03-12", 20)]


# ---- an open meeting inside a consultation period ------------------------------------------

PERIOD = ("Starostwo informuje, że w dniach od 2 do 20 marca 2023 r. przeprowadzone zostały konsultacje "
          "projektu programu.\n\nFormy konsultacji:\na) formularz uwag (e-mail, poczta),\n"
          "b) spotkanie konsultacyjne – 9 marca 2023 r. (czwartek), godz. 16:00, sala sesyjna starostwa.\n\n")


def test_the_open_meeting_of_a_period_gets_its_day_and_count():
    rec = run(PERIOD + "W spotkaniu wzięło udział 15 przedstawicieli 11 organizacji; wpłynęły 2 formularze.")
    assert counts(rec) == [("2023-03-09", 15)]
    assert rec["document_date"] == "2023-03-09"


def test_a_survey_period_and_a_meeting_in_one_sentence():
    rec = run("Konsultacje prowadzone były od 7 do 25 maja 2022 r. przez ankietę online oraz podczas spotkania "
              "otwartego w dn. 14.05.2022 (sobota), godz. 11:00, w bibliotece miejskiej.\n\n"
              "Ankietę wypełniło 80 osób; w spotkaniu udział wzięło 16 osób z 9 organizacji.")
    assert counts(rec) == [("2022-05-14", 16)]
    assert rec["document_date"] == "2022-05-14"


def test_a_labelled_meeting_day_after_a_period_gets_the_count():
    rec = run("Protokół ze spotkania konsultacyjnego\n\nTermin i miejsce: 4 października 2023 r., godz. 16:30, "
              "sala B.\n\nKonsultacje trwały od 25 września do 9 października 2023 r.\n\n"
              "W spotkaniu udział wzięło 28 osób, w tym przedstawiciele 20 organizacji oraz pracownicy urzędu.")
    assert counts(rec) == [("2023-10-04", 28)]


def test_the_total_of_a_period_is_no_meetings_count():
    rec = run("Konsultacje programu\n\nKonsultacje trwały od 2 do 27 marca 2026 r. Wzięło w nich udział "
              "łącznie 118 osób, które zgłosiły 40 uwag.")
    assert 118 not in [m["participants"] for m in rec["meetings"]]


def test_a_duty_hour_is_not_the_documents_day():
    rec = run("Raport z konsultacji\n\nFormy: ankieta internetowa (40 odpowiedzi), dyżur konsultacyjny w ośrodku "
              "(4 kwietnia) oraz spotkanie otwarte, które odbyło się 12 kwietnia 2025 r. w bibliotece "
              "(17 uczestników).")
    assert rec["document_date"] == "2025-04-12"
    assert ("2025-04-12", 17) in counts(rec)


# ---- counts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("Na warsztaty zapisało się 31 osób, przyszło 24 (w tym dwoje radnych).", 24),
    ("Do udziału zgłosiło się 40 mieszkańców, a przybyło tylko 33.", 33),
    ("Na warsztaty zapisało się 31 osób.", None),  # sign-ups are not attendance
    ("Zgłosiło się 40 osób, przyszło 33 minut po czasie.", None),
])
def test_came_after_signed_up(sentence, expected):
    rec = run("Warsztaty\n\nWarsztaty odbyły się 12 marca 2024 r. w sali narad. " + sentence)
    assert counts(rec) == [("2024-03-12", expected)]


def test_one_total_for_the_days_of_one_event_goes_to_its_first_day():
    rec = run("Warsztaty strategiczne\n\nW dniach 8 i 9 czerwca 2019 r. w sali obrad urzędu odbyły się warsztaty "
              "strategiczne. Udział wzięło łącznie 42 osoby: radni, sołtysi i pracownicy szkół.")
    assert counts(rec) == [("2019-06-08", 42), ("2019-06-09", None)]


def test_a_total_over_meetings_a_week_apart_is_no_ones_count():
    rec = run("Spotkania\n\nW dniach 8 i 15 czerwca 2019 r. w sali obrad urzędu odbyły się spotkania. "
              "Udział wzięło łącznie 42 osoby.")
    assert counts(rec) == [("2019-06-08", None), ("2019-06-15", None)]


# ---- days that are not meetings; meetings listed as items -------------------------------------

def test_a_day_a_talk_was_about_is_no_meeting():
    rec = run("Zebranie organizacji\n\nZebranie odbyło się 9 maja 2011 r. w urzędzie gminy. Uczestniczyło 17 osób. "
              "Rozmawiano o zasadach dotacji i o przygotowaniach do Dni Lipowa (18-19 czerwca).")
    assert counts(rec) == [("2011-05-09", 17)]


def test_meetings_listed_as_bullet_items():
    rec = run("Konsultacje strategii\n\nKonsultacje trwały od 10 stycznia do 7 lutego 2022 r. i obejmowały:\n"
              "* spotkania otwarte w gminach: Lipno (17.01.2022) i Dobrzyń (19.01.2022),\n"
              "* formularz uwag (wpłynęło 30 uwag),\n"
              "* spotkanie on-line z przedstawicielami organizacji pozarządowych i rad sołeckich – 1 lutego 2022 r.\n")
    assert [m["date"] for m in rec["meetings"]] == ["2022-01-17", "2022-01-19", "2022-02-01"]


def test_a_planned_meeting_in_a_bullet_is_no_meeting():
    rec = run("Konsultacje strategii\n\nSpotkanie otwarte odbyło się 17 stycznia 2022 r. w Lipnie.\n"
              "* spotkanie podsumowujące zaplanowano na 20 lutego 2022 r.\n")
    assert "2022-02-20" not in [m["date"] for m in rec["meetings"]]
