"""Meetings, round 9: the many ways Polish reports state attendance (verbs before and after the
count, labels, "Było nas 12", "na sali zasiadło", attendance lists, stated totals, on-site plus
online, approximate counts corrected by exact ones, one named person beside the counted ones),
several meetings' counts told in one sentence ("Pierwszego dnia 37 osób, drugiego – 31"), counts
after a meeting's date past an aside or an address, and meetings dated by what people did that
day. Short reports of our own, with negatives (votes, remarks, ages, money, groups, speakers,
surveys, counts of organisations, partial counts)."""
from __future__ import annotations

import pytest

from extract.record import extract_texts

HEAD = ("Spotkanie w sprawie programu współpracy\n\n"
        "Spotkanie odbyło się 12 marca 2024 r. w sali narad Urzędu Gminy Lipowo. ")


def run(text: str, title: str | None = None) -> dict:
    return next(extract_texts([{"path": "r.txt", "text": text, "title": title}]))


def counts(rec: dict) -> list[tuple]:
    return [(m["date"], m["participants"]) for m in rec["meetings"]]


# ---- one meeting: how its attendance is stated ------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    # verbs before the count
    ("Na liście obecności podpisało się 47 osób z 39 organizacji.", 47),
    ("Swoją obecność potwierdziło podpisem 26 osób.", 26),
    ("Naliczyliśmy około 35 osób, głównie z organizacji sportowych.", 35),
    ("Na spotkanie dotarło 22 mieszkańców mimo złej pogody.", 22),
    ("Przy stołach usiadło 26 osób z 17 organizacji.", 26),
    ("Do obrad przystąpiło 60 panelistek i panelistów.", 60),
    ("W sali było około 30 osób.", 30),
    ("Na sali było 9 członków rady, kolejne 4 osoby połączyły się online.", 13),
    ("Na sali było 10 osób, online połączyło się 6.", 16),
    ("Było nas 12 – większość na miejscu, reszta zdalnie.", 12),
    ("Było nas 21 osób z 15 organizacji – rekord!", 21),
    # the count first, its verb after a long subject
    ("Ponad 60 mieszkańców Borek, Lipin i Zalesia przyszło na spotkanie.", 60),
    ("Blisko 120 osób – tyle zgromadziło tegoroczne forum organizacji.", 120),
    ("W części warsztatowej 26 osób z 17 organizacji pracowało nad projektem.", 26),
    # labels
    ("Liczba uczestników – 23.", 23),
    ("Uczestników: 23.", 23),
    ("Obecnych 9 z 11 członków Rady.", 9),
    ("Na liście obecności widnieje 21 podpisów.", 21),
    ("Tu frekwencja była mniejsza – 11 uczestników z 8 organizacji – ale rozmowa była konkretna.", 11),
    ("Z 25 zaproszonych osób przyszło 18.", 18),
    # a stated total: after a list of those present, or completing a partial count
    ("W spotkaniu udział wzięli: wójt gminy, sekretarz gminy oraz przedstawiciele Stowarzyszenia Razem "
     "i Klubu Sportowego Orlik – razem 11 osób.", 11),
    ("Oprócz członków zespołu w spotkaniu wzięło udział 46 osób – mieszkańcy i radni dzielnic; łącznie ok. 60 "
     "uczestników.", 60),
    # an approximate count corrected by an exact one
    ("Blisko czterdzieści osób przyszło do sali. Dokładnie 38 uczestników z 24 organizacji – podaje urząd.", 38),
    ("Ponad trzydzieści osób – dokładnie trzydzieści dwie – przyszło na spotkanie.", 32),
    # one more person named beside the counted ones; not several, nor people of another kind
    ("Obecni: 7 członków Rady oraz Dyrektor Centrum Kultury Jan Wiśniak.", 8),
    ("W posiedzeniu uczestniczyło 6 członków Komisji oraz sekretarz gminy.", 7),
    ("W posiedzeniu wzięło udział 9 członków rady, wójt gminy oraz kierownik ośrodka pomocy społecznej.", None),
    ("Byli obecni przedstawiciele 8 organizacji, razem 13 osób + pan burmistrz i ja.", None),
    ("W posiedzeniu uczestniczyło 12 członków Rady oraz zaproszeni goście.", 12),
    ("W spotkaniu wzięło udział 30 osób, w tym 12 przedstawicieli organizacji pozarządowych.", 30),
    ("W zebraniu udział wzięło 45 mieszkańców sołectwa, na 312 uprawnionych.", 45),
    # not attendance
    ("Uczestnicy pracowali w czterech grupach.", None),
    ("Za przyjęciem stanowiska głosowało 7 członków Rady, przeciw – 1.", None),
    ("Głosowanie: za – 7, przeciw – 0, wstrzymało się – 1.", None),
    ("W trakcie konsultacji wpłynęło 12 uwag od 5 organizacji.", None),
    ("Program jest skierowany do 300 seniorów z terenu gminy.", None),
    ("Zajęcia są przeznaczone dla dzieci w wieku 6-12 lat.", None),
    ("W ubiegłym roku przekazano organizacjom 2,1 mln zł.", None),
    ("Głos zabrało 8 osób.", None),
    ("Ankietę wypełniło 120 mieszkańców.", None),
    ("Rada liczy 9 członków.", None),
    ("Uczestnicy wskazali: 3 obszary problemowe.", None),
])
def test_attendance_of_one_meeting(sentence, expected):
    assert counts(run(HEAD + sentence + "\n")) == [("2024-03-12", expected)]


# ---- several meetings' counts in one sentence ---------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # the second count told without its verb, named by an ordinal
    ("Warsztaty strategiczne\n\nSpotkania warsztatowe odbyły się 4 i 5 marca 2026 r. w domu kultury w Lipnie. "
     "Pierwszego dnia uczestniczyło 37 osób z 29 organizacji, drugiego – 31 osób z 24 organizacji.\n",
     [("2026-03-04", 37), ("2026-03-05", 31)]),
    ("Diagnoza\n\nWarsztaty odbyły się 14 i 15 października 2015 r. w bibliotece. W pierwszym dniu uczestniczyło "
     "19 osób, w drugim 15.\n", [("2015-10-14", 19), ("2015-10-15", 15)]),
    # as many counts as meetings, told by place: one each, in order
    ("Spotkania w sołectwach\n\nSpotkania odbyły się 7 i 8 września 2010 r. W Borkach zjawiło się 14 osób, "
     "w Zaleskach – 10.\n", [("2010-09-07", 14), ("2010-09-08", 10)]),
    # after two counts named by ordinals, an unnamed one is the next meeting's
    ("Konsultacje rewitalizacji\n\nSpotkania odbyły się 15 lutego, 22 lutego i 1 marca 2023 r. W pierwszym spotkaniu "
     "wzięło udział 42 mieszkańców, w drugim – 27, a spacer przyciągnął około 60 osób.\n",
     [("2023-02-15", 42), ("2023-02-22", 27), ("2023-03-01", 60)]),
    # the meetings counted before their days are given
    ("Spotkania sołeckie\n\nWójt zaprosił mieszkańców na dwa spotkania: 4 i 5 grudnia 2013 r. Pierwsze odbyło się "
     "w świetlicy w Borkach (przyszło 15 osób), drugie w domu kultury w Lipnie (21 osób).\n",
     [("2013-12-04", 15), ("2013-12-05", 21)]),
    # a total that adds up the others is not a meeting's count
    ("Relacja\n\nSpotkania odbyły się 3 i 10 marca 2021 r. w świetlicy w Borkach. W pierwszym uczestniczyło "
     "20 osób, w drugim – 25 osób; łącznie 45 osób.\n", [("2021-03-03", 20), ("2021-03-10", 25)]),
    ("Relacja\n\nSpotkania odbyły się 3 i 10 marca 2021 r. w świetlicy w Borkach. W spotkaniach wzięło udział "
     "łącznie 45 osób.\n", [("2021-03-03", None), ("2021-03-10", None)]),
])
def test_counts_of_several_meetings(text, expected):
    assert counts(run(text)) == expected


def test_total_over_a_table_of_meetings_is_nobodys_count():
    text = ("Raport z konsultacji\n\nKonsultacje przeprowadzono zgodnie z zarządzeniem nr 12/2012 Burmistrza "
            "z dnia 5 listopada 2012 r.\n\n"
            "Data | Miejsce | Liczba uczestników\n"
            "27.11.2012 | Szkoła Podstawowa nr 3 | 17\n"
            "29.11.2012 | Dom Kultury | 23\n\n"
            "Łącznie w spotkaniach wzięło udział 40 osób.\n")
    rec = run(text)
    assert ("2012-11-27", 17) in counts(rec) and ("2012-11-29", 23) in counts(rec)
    assert all(n != 40 for _d, n in counts(rec))


# ---- a count after its meeting's date ------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # past a bracketed aside
    ("Sprawozdanie\n\nW spotkaniu w dniu 3 października 2013 r. (obszar: sport, turystyka) uczestniczyło "
     "15 osób; w spotkaniu w dniu 4 października 2013 r. (obszar: kultura, edukacja) – 21 osób.\n",
     [("2013-10-03", 15), ("2013-10-04", 21)]),
    # past an address with abbreviations
    ("Spotkania robocze\n\nPierwsze spotkanie odbyło się 8 września 2026 r. w siedzibie Centrum przy al. Lipowej 19 "
     "(22 osoby z 17 organizacji), drugie – 10 września w Domu Kultury w Borkach (14 osób).\n",
     [("2026-09-08", 22), ("2026-09-10", 14)]),
    # a comma inside the brackets, or after the place
    ("Raport\n\nKonsultacje objęły spacer studyjny (6 sierpnia 2016 r., 14 uczestników) oraz spotkanie otwarte "
     "w dniu 18 sierpnia 2016 r., w którym uczestniczyły 34 osoby.\n", [("2016-08-06", 14), ("2016-08-18", 34)]),
    ("Podsumowanie\n\nGmina Borki – spotkanie 12.10.2021, sala OSP w Borkach, 9 osób. Gmina Lipno – spotkanie "
     "19.10.2021, świetlica w Lipnie, 15 osób z 10 organizacji.\n", [("2021-10-12", 9), ("2021-10-19", 15)]),
    # a list of meetings, each line ending with people and organisations
    ("Sprawozdanie\n\nUwagi zgłaszano na formularzu oraz podczas dwóch otwartych spotkań:\n"
     "• 5 września 2017 r. – Lipno, Urząd Miejski, ul. Polna 7 (28 osób, 21 organizacji),\n"
     "• 7 września 2017 r. – Borki, Biblioteka Publiczna (17 osób, 12 organizacji).\n",
     [("2017-09-05", 28), ("2017-09-07", 17)]),
])
def test_count_after_the_meetings_date(text, expected):
    assert counts(run(text)) == expected


# ---- the day of a meeting told without "odbyło się" ----------------------------------------------

def test_protocol_of_a_meeting_held_on_a_day():
    text = ("PROTOKÓŁ Nr 2/2007\n\nz otwartego spotkania konsultacyjnego dotyczącego projektu programu współpracy, "
            "odbytego w dniu 2007-10-23 w Urzędzie Gminy (sala nr 5).\n\nW spotkaniu udział wzięli: wójt gminy, "
            "sekretarz gminy oraz przedstawiciele organizacji – razem 11 osób.\n")
    assert counts(run(text)) == [("2007-10-23", 11)]


@pytest.mark.parametrize("text,expected", [
    ("Program współpracy\n\n10.10.2018 | Biuro Prasowe\n\nPostulaty padły podczas wtorkowych warsztatów. "
     "9 października stowarzyszenia i fundacje pracowały nad projektem programu.\n\nW warsztatach wzięło udział "
     "48 osób reprezentujących 41 organizacji.\n", [("2018-10-09", 48)]),
    ("Warsztaty za nami\n\nDziękujemy wszystkim, którzy w piątek 18 października 2024 r. przyszli do Centrum "
     "Organizacji Pozarządowych! Było nas 21 osób z 15 organizacji.\n", [("2024-10-18", 21)]),
    # a dateline on its own line over a post that says "wczoraj"
    ("Gmina Lipowo\n22 marca 2018 · 🌍\n\nDziękujemy wszystkim, którzy wczoraj przyszli na warsztaty w bibliotece! "
     "Było nas 27 – uczniowie, harcerze i rodzice.\n", [("2018-03-21", 27)]),
    # a deadline is not the day people met
    ("Warsztaty\n\nW warsztatach wzięło udział 20 osób. Organizacje pracowały nad wnioskami do 30 listopada 2020 r.\n",
     [(None, 20)]),
])
def test_meeting_dated_by_what_people_did(text, expected):
    assert counts(run(text)) == expected


def test_we_were_about_n():
    assert counts(run(HEAD + "Było nas ok. 30 – głównie seniorzy z klubów osiedlowych.\n")) == [("2024-03-12", 30)]


# ---- the next meeting announced right after another day ------------------------------------------

@pytest.mark.parametrize("tail,next_date", [
    ("Stanowisko zostanie przyjęte uchwałą na sesji rady 25.04.2024 r. Kolejne warsztaty – o budżecie "
     "obywatelskim – planujemy w czerwcu.", "2024-06"),
    ("Projekt trafi do konsultacji w 2025 r. Kolejne spotkanie zespołu roboczego - 12.I.2025 r. w GOPS.", "2025-01-12"),
])
def test_next_meeting_after_a_full_stop_inside_a_sentence(tail, next_date):
    text = ("Warsztaty\n\nWarsztaty odbyły się 13 kwietnia 2024 r. w Centrum Dialogu. Wzięły w nich udział "
            "23 osoby. " + tail + "\n")
    rec = run(text)
    assert counts(rec) == [("2024-04-13", 23)]
    assert rec["next_meeting"]["date"] == next_date
