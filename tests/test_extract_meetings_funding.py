"""Meetings (dates, participant counts, kinds), the next meeting, the document's date, dates and
funding, as a researcher reading the report would give them. Short reports of our own, written
in the habits of different offices and writers, with negative cases (site chrome, cited acts,
phone numbers, counts of organisations, vague counts)."""
from __future__ import annotations

import pytest

from extract.components.dates import find_dates
from extract.record import extract_texts


def run(text: str, title: str | None = None) -> dict:
    return next(extract_texts([{"path": "r.txt", "text": text, "title": title}]))


def counts(rec: dict) -> list[tuple]:
    return [(m["date"], m["participants"]) for m in rec["meetings"]]


def values(text: str) -> list[tuple]:
    return [(d["value"], d["end"]) for d in find_dates(text)]


# ---- participant counts -------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # counts in words; the meeting's date told after the count
    ("Relacja\n\nW spotkaniu udział wzięło dwanaście osób. Spotkanie odbyło się 4 marca 2021 r. w świetlicy "
     "wiejskiej w Lipnicy.\n", [("2021-03-04", 12)]),
    ("Sprawozdanie\n\nZebranie wiejskie odbyło się w dniu 02.03.2020 r. (poniedziałek). W zebraniu wzięło udział "
     "dwudziestu dwóch mieszkańców sołectwa.\n", [("2020-03-02", 22)]),
    # people counted together are added up; organisations are not people
    ("Konsultacje\n\nW dniu 5 listopada 2019 r. w spotkaniu uczestniczyło 18 przedstawicieli organizacji "
     "i 4 pracowników urzędu.\n", [("2019-11-05", 22)]),
    ("Relacja\n\nSpotkanie odbyło się 21 listopada 2022 r. W debacie wzięło udział 15 organizacji "
     "pozarządowych.\n", [("2022-11-21", None)]),
    # "7 z 9 członków": seven came
    ("Protokół\n\nDnia 12.05.2021 r. odbyło się posiedzenie Rady Seniorów. W posiedzeniu uczestniczyło 7 z 9 "
     "członków Rady.\n", [("2021-05-12", 7)]),
    # invited is not present
    ("Relacja\n\nW dniu 12.05.2021 r. odbyło się spotkanie. Na spotkanie zaproszono 40 osób, przybyło 25 osób.\n",
     [("2021-05-12", 25)]),
    ("Protokół\n\nSpotkanie odbyło się 3 marca 2021 r. w Urzędzie Gminy Mszana. Uczestników było 31.\n",
     [("2021-03-03", 31)]),
    ("Protokół\n\nSpotkanie odbyło się 3 marca 2021 r. Liczba uczestników spotkania: 23.\n", [("2021-03-03", 23)]),
    # a percentage or a number of invitations is no count of people
    ("Relacja\n\nSpotkanie odbyło się 9 kwietnia 2021 r. Frekwencja wyniosła 45%. Zaproszenia wysłano do 120 "
     "organizacji.\n", [("2021-04-09", None)]),
    ("Relacja\n\nSpotkanie zgromadziło blisko 50 mieszkańców. Odbyło się ono 10 września 2020 r. w remizie OSP "
     "w Zalesiu.\n", [("2020-09-10", 50)]),
    ("Relacja\n\n23 osoby wzięły udział w spotkaniu, które odbyło się 9 kwietnia 2021 r.\n", [("2021-04-09", 23)]),
    ("Relacja\n\nSpotkanie odbyło się 4 lutego 2020 r. W warsztatach wzięli udział mieszkańcy gminy (23 osoby).\n",
     [("2020-02-04", 23)]),
    ("Relacja\n\nSpotkanie odbyło się 4 lutego 2020 r. na os. Słonecznym, przy ul. Polnej 14. Na spotkanie stawiło "
     "się 33 mieszkańców.\n", [("2020-02-04", 33)]),
    ("Notatka\n\nSpotkanie odbyło się 4 lutego 2020 r. Obecni: 14 os.\n", [("2020-02-04", 14)]),
    ("Protokół\n\nPosiedzenie Rady odbyło się 3 czerwca 2020 r. Rada obradowała w składzie 7 osób.\n",
     [("2020-06-03", 7)]),
    ("Protokół\n\nPosiedzenie Komisji odbyło się 3 czerwca 2020 r. w 5-osobowym składzie.\n", [("2020-06-03", 5)]),
    ("Relacja\n\nNa spotkaniu 12 marca 2019 r. pojawiło się 20 osób, a 19 marca 2019 r. – 25 osób.\n",
     [("2019-03-12", 20), ("2019-03-19", 25)]),
])
def test_participant_counts_in_many_phrasings(text, expected):
    assert counts(run(text)) == expected


@pytest.mark.parametrize("text", [
    "Sprawozdanie\n\nNa warsztaty, które odbyły się 12 kwietnia 2022 r., przybyło kilkanaście osób.\n",
    "Notatka\n\nDnia 7 XII 2018 r. odbyło się spotkanie robocze. Przybyło kilkanaście osób, w tym 4 radnych.\n",
    "Relacja\n\nSpotkanie odbyło się 6 maja 2019 r. Przyszło kilkudziesięciu mieszkańców osiedla.\n",
])
def test_a_vague_count_is_no_number_and_a_part_of_it_is_not_the_whole(text):
    rec = run(text)
    assert len(rec["meetings"]) == 1 and rec["meetings"][0]["participants"] is None


def test_a_protocol_table_gives_the_count_and_the_labelled_day():
    rec = run("Protokół z posiedzenia zespołu\n\nData: 14.03.2024 r.\nMiejsce: sala konferencyjna Urzędu Gminy Żabno\n"
              "Liczba uczestników: 23\nProwadzący: sekretarz gminy\n")
    assert [(m["date"], m["kind"], m["participants"]) for m in rec["meetings"]] == [("2024-03-14", "posiedzenie", 23)]
    assert rec["document_date"] == "2024-03-14"
    rec = run("Protokół\n\nTermin spotkania: 9 października 2023 r.\nLiczba uczestników | 17\n")
    assert counts(rec) == [("2023-10-09", 17)]
    rec = run("Protokół\n\nMiejsce i termin spotkania: Urząd Gminy Gać, 14.03.2024 r.\nLiczba uczestników: 12\n")
    assert counts(rec) == [("2024-03-14", 12)]
    # a publication date or a deadline is not the day of the meeting
    rec = run("Protokół\n\nData publikacji: 20.03.2024\nTermin składania uwag: 27.03.2024\nLiczba uczestników: 12\n")
    assert counts(rec) == [(None, 12)] and rec["document_date"] == "2024-03-20"


def test_several_meetings_each_with_its_own_date_and_count():
    rec = run("Relacja\n\nPierwsze spotkanie odbyło się 3 marca 2020 r. w Domu Kultury w Bobowej, drugie – 17 marca "
              "2020 r. w szkole. W pierwszym wzięło udział 20 osób, w drugim 15 osób.\n")
    assert counts(rec) == [("2020-03-03", 20), ("2020-03-17", 15)]
    rec = run("Konsultacje społeczne\n\nPierwsze spotkanie konsultacyjne odbyło się 3 marca 2023 r. w Dębnie, drugie "
              "– 17 marca 2023 r. w Łęgu. Na pierwszym spotkaniu pojawiło się 12 mieszkańców, na drugim 19 "
              "mieszkańców.\n")
    assert counts(rec) == [("2023-03-03", 12), ("2023-03-17", 19)]
    rec = run("Relacja\n\nPierwsze spotkanie odbyło się 3 marca 2021 r. Uczestniczyło w nim 20 osób. Drugie spotkanie "
              "odbyło się 17 marca 2021 r. Wzięło w nim udział 15 osób.\n")
    assert counts(rec) == [("2021-03-03", 20), ("2021-03-17", 15)]


def test_numbered_meeting_headings_each_over_its_own_account():
    rec = run("Sprawozdanie\n\nSpotkanie 1 – 3 marca 2020 r.\nW spotkaniu wzięło udział 20 osób.\n\n"
              "Spotkanie 2 – 17 marca 2020 r.\nUczestniczyło 15 osób.\n")
    assert counts(rec) == [("2020-03-03", 20), ("2020-03-17", 15)]
    rec = run("Relacja z prac zespołu\n\nI spotkanie (12.05.2021)\nObecnych było 11 członków zespołu.\n"
              "II spotkanie (26.05.2021)\nObecnych było 9 członków zespołu.\n")
    assert counts(rec) == [("2021-05-12", 11), ("2021-05-26", 9)]


def test_people_gathering_without_a_meeting_noun_is_a_meeting():
    rec = run("Relacja\n\nDnia 5 maja 2019 r. w świetlicy wiejskiej w Porębie zebrali się mieszkańcy sołectwa, by "
              "omówić plan odnowy wsi.\n")
    assert counts(rec) == [("2019-05-05", None)]
    rec = run("Relacja\n\nNa podstawie uchwały z dnia 3 marca 2019 r. zebrali się członkowie komisji.\n")
    assert rec["meetings"] == []


def test_a_total_over_several_meetings_belongs_to_none_of_them():
    rec = run("Relacja\n\nPierwsze spotkanie odbyło się 3 marca 2021 r., drugie 10 marca 2021 r. W spotkaniach wzięło "
              "udział łącznie 64 osoby.\n")
    assert counts(rec) == [("2021-03-03", None), ("2021-03-10", None)]
    rec = run("Relacja\n\nSpotkanie odbyło się 3 marca 2021 r. Wzięło w nim udział łącznie 64 osoby.\n")
    assert counts(rec) == [("2021-03-03", 64)]


def test_counts_in_brackets_after_each_date():
    rec = run("Podsumowanie\n\nW ramach konsultacji zorganizowano trzy spotkania: 4 kwietnia 2022 r. w Rudce "
              "(14 osób), 6 kwietnia 2022 r. w Brańsku (22 osoby) oraz 8 kwietnia 2022 r. w Bielsku (9 osób).\n")
    assert counts(rec) == [("2022-04-04", 14), ("2022-04-06", 22), ("2022-04-08", 9)]


def test_a_table_of_meetings_gives_each_rows_day_and_count():
    rec = run("Sprawozdanie z konsultacji\n\nW ramach konsultacji przeprowadzono spotkania z mieszkańcami:\n\n"
              "Lp. | Data | Miejsce | Liczba uczestników\n1 | 4.04.2022 | świetlica w Rudce | 14\n"
              "2 | 6.04.2022 r. | remiza w Brańsku | 22 osoby\n3 | 8 kwietnia 2022 | szkoła w Bielsku | –\n\n"
              "Dziękujemy za udział.\n")
    assert counts(rec) == [("2022-04-04", 14), ("2022-04-06", 22), ("2022-04-08", None)]
    # a table without a count column is no list of meetings
    rec = run("Harmonogram prac\n\nData | Temat | Prowadzący\n12.03.2021 | Budżet | Jan Nowak\n")
    assert rec["meetings"] == []


def test_three_days_in_one_date_are_three_meetings():
    rec = run("Relacja\n\nW dniach 5, 12 i 19 marca 2019 r. w bibliotece w Sękowej odbyły się warsztaty dla "
              "seniorów.\n")
    assert [m["date"] for m in rec["meetings"]] == ["2019-03-05", "2019-03-12", "2019-03-19"]


def test_a_conference_and_a_study_walk_are_meetings_of_their_kind():
    rec = run("Relacja\n\nKonferencja podsumowująca projekt odbyła się 8 czerwca 2018 r. w Zamku w Pieskowej Skale. "
              "Uczestniczyło w niej 70 osób.\n")
    assert [(m["date"], m["kind"], m["participants"]) for m in rec["meetings"]] == [("2018-06-08", "konferencja", 70)]


def test_phone_numbers_and_act_dates_are_not_counts_or_meetings():
    rec = run("Protokół\n\nPosiedzenie Rady Seniorów odbyło się 3 lutego 2022 r. na podstawie ustawy z dnia 24 "
              "kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie. W posiedzeniu uczestniczyło "
              "9 członków Rady. Kontakt: tel. 12 345 67 89, fax 12 345 67 90.\n")
    assert [(m["date"], m["kind"], m["participants"]) for m in rec["meetings"]] == [("2022-02-03", "posiedzenie", 9)]
    assert [d["value"] for d in rec["dates"]] == ["2022-02-03", "2003-04-24"]


# ---- meetings, periods and the next meeting ----------------------------------------------

def test_a_consultation_period_is_not_a_meeting_but_the_meeting_in_it_is():
    rec = run("Sprawozdanie z konsultacji\n\nKonsultacje projektu trwały od 16 października do 6 listopada 2025 r. "
              "W dniu 29 października 2025 r. w Domu Kultury w Hrubieszowie odbyło się spotkanie konsultacyjne, "
              "w którym uczestniczyło 21 przedstawicieli 12 organizacji.\n")
    assert [(m["date"], m["participants"], m["organisations_count"]) for m in rec["meetings"]] == [
        ("2025-10-29", 21, 12)]
    assert rec["document_date"] == "2025-10-29"
    assert ("2025-10-16", "2025-11-06") in values(
        "Konsultacje projektu trwały od 16 października do 6 listopada 2025 r.")


def test_consultations_that_only_ended_hold_no_meeting():
    rec = run("Informacja o wynikach konsultacji\n\nBurmistrz informuje, że konsultacje projektu programu "
              "zakończyły się w dniu 14 listopada 2023 r. Uwag nie zgłoszono.\n",
              title="Informacja o wynikach konsultacji")
    assert rec["meetings"] == []
    assert rec["document_date"] == "2023-11-14"


def test_an_announcement_is_the_next_meeting_not_a_meeting():
    rec = run("Ogłoszenie\n\nSpotkanie w sprawie programu odbyło się 5.XI.2019 r. Obecnych było 12 osób. "
              "Kolejne spotkanie odbędzie się 3 XII 2019 r. o godz. 17.00 w świetlicy w Rogach.\n")
    assert counts(rec) == [("2019-11-05", 12)]
    assert rec["next_meeting"]["date"] == "2019-12-03" and rec["next_meeting"]["time"] == "17:00"


def test_an_invitation_is_a_next_meeting_only():
    rec = run("Ogłoszenie\n\nZapraszamy na spotkanie, które odbędzie się 15 czerwca 2023 r. o godz. 17:00 w świetlicy "
              "wiejskiej w Kożuchowie.\n", title="Zaproszenie na spotkanie konsultacyjne")
    assert rec["meetings"] == []
    assert rec["next_meeting"]["date"] == "2023-06-15" and rec["next_meeting"]["time"] == "17:00"


def test_a_planned_meeting_is_not_held_yet():
    rec = run("Informacja\n\nSpotkanie z mieszkańcami zaplanowano na 15 czerwca 2023 r. w remizie OSP w Gaju.\n")
    assert rec["meetings"] == [] and rec["next_meeting"]["date"] == "2023-06-15"
    rec = run("Informacja\n\nZgodnie z planowanym harmonogramem spotkanie odbyło się 5 maja 2023 r. Wzięło w nim "
              "udział 18 osób.\n")
    assert counts(rec) == [("2023-05-05", 18)] and rec["next_meeting"] is None


def test_yesterday_under_a_dateline_is_the_day_before_it():
    rec = run("Budżet obywatelski\n\nLesko, 16 maja 2022 r.\n\nWczoraj w bibliotece rozmawialiśmy o projektach. "
              "Na spotkanie przyszło 14 mieszkańców.\n")
    assert counts(rec) == [("2022-05-15", 14)]
    assert rec["document_date"] == "2022-05-15"
    assert [d["value"] for d in rec["dates"]] == ["2022-05-16"]


def test_yesterday_under_a_publication_line_with_its_weekday():
    rec = run("Aktualności\n\nOpublikowano: poniedziałek, 12 marca 2019 09:15\n\nWczoraj w Centrum Kultury w Baranowie "
              "odbyło się pierwsze spotkanie w ramach budżetu obywatelskiego. Przyszło ponad 30 mieszkańców.\n")
    assert counts(rec) == [("2019-03-11", 30)]


def test_today_in_a_news_item_is_its_date():
    rec = run("Informacja\n\nKraków, 12 października 2021 r.\n\nDzisiaj w sali obrad odbyła się debata o budżecie "
              "obywatelskim, w której udział wzięło ok. 60 osób.\n")
    assert counts(rec) == [("2021-10-12", 60)]


# ---- the document's date -------------------------------------------------------------------

def test_only_a_publication_date_gives_the_document_date():
    rec = run("Zaproszenie do konsultacji\n\nOpublikowano: 3.02.2020\n\nZapraszamy organizacje do zgłaszania uwag "
              "do projektu programu współpracy zgodnie z uchwałą z dnia 12 grudnia 2011 r.\n")
    assert rec["document_date"] == "2020-02-03"
    assert rec["meetings"] == []


def test_a_meeting_date_wins_over_the_dateline():
    rec = run("Notatka\n\nBrzesko, 7 listopada 2023 r.\n\nSpotkanie odbyło się 6 listopada 2023 r. w Urzędzie "
              "Miejskim w Brzesku. W spotkaniu wzięło udział 6 osób.\n")
    assert rec["document_date"] == "2023-11-06"


# ---- dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Zebranie odbyło się dn. 5.XI.2019 r.", [("2019-11-05", None)]),
    ("Spotkanie 5 XI 2019 w remizie", [("2019-11-05", None)]),
    ("Spotkanie zorganizowano 2019-11-05 w sali nr 3.", [("2019-11-05", None)]),
    ("W dniu 5 listopada 2019 r. (wtorek) odbyło się", [("2019-11-05", None)]),
    ("w dniu 13 sierpnia (wtorek) 2019 r.", [("2019-08-13", None)]),
    ("od 16 października do 6 listopada 2025 r.", [("2025-10-16", "2025-11-06")]),
    ("od 20 grudnia 2019 r. do 10 stycznia 2020 r.", [("2019-12-20", "2020-01-10")]),
    ("w dniach 27-28.01.2016 r. w Rzeszowie", [("2016-01-27", "2016-01-28")]),
    ("nabór trwał od 16.10.2025 do 06.11.2025", [("2025-10-16", "2025-11-06")]),
    ("Placu 1 Maja i ul. 3 Maja 5", []),
    ("Data: 2019.11.05", [("2019-11-05", None)]),
    ("na przełomie października i listopada 2019 r.", [("2019-10", "2019-11")]),
    ("w dniach 30 września – 2 października 2019 r.", [("2019-09-30", "2019-10-02")]),
    ("31.09.2019 i 30 lutego 2020 r.", []),
    ("tel. 85 657-90-70, kod 17-332, NIP 543-20-12-345", []),
])
def test_date_forms(text, expected):
    assert values(text) == expected


def test_relative_years_take_the_documents_own_year_not_a_cited_acts():
    found = find_dates("Informacja\n\nNa podstawie uchwały z dnia 3 marca 2003 r. spotkanie odbyło się 12 marca br. "
                       "Podobne spotkanie miało miejsce w listopadzie ub.r., a kolejne planujemy w maju przyszłego "
                       "roku.\nOpublikowano: 20.03.2018\n")
    assert [d["value"] for d in found] == ["2003-03-03", "2018-03-12", "2017-11", "2019-05", "2018-03-20"]
    found = find_dates("Opublikowano 3.11.2019. Konsultacje trwały od 5 listopada do 6 grudnia br., a spotkania "
                       "odbyły się w dniach 12–13 listopada.")
    assert [(d["value"], d["end"]) for d in found] == [("2019-11-03", None), ("2019-11-05", "2019-12-06"),
                                                       ("2019-11-12", "2019-11-13")]


def test_a_site_clock_is_not_a_date_of_the_report():
    rec = run("Dzisiaj jest środa, 22 listopada 2023 r. Imieniny: Cecylii, Marka\n\nKonsultacje programu\n\n"
              "Opublikowano: 3.02.2020\n\nZapraszamy organizacje do zgłaszania uwag do projektu programu.\n")
    assert [d["value"] for d in rec["dates"]] == ["2020-02-03"] and rec["document_date"] == "2020-02-03"


def test_a_bip_record_card_is_no_date_of_the_report_but_dates_a_page_with_nothing_else():
    card = ("\n\nMetryka strony\nWytworzył: Jan Wrona (2019-10-25)\nOpublikował: Anna Lis (2019-10-28 12:03:11)\n"
            "Zmodyfikował: Anna Lis (2019-10-29 08:15:40)\nLiczba odwiedzin: 245\n")
    rec = run("Informacja z konsultacji\n\nW dniu 24 października 2019 r. (czwartek) w sali narad Urzędu Gminy w Birczy "
              "odbyło się spotkanie konsultacyjne z organizacjami. W spotkaniu udział wzięło 9 osób." + card)
    assert [d["value"] for d in rec["dates"]] == ["2019-10-24"]
    assert [(m["date"], m["kind"], m["participants"]) for m in rec["meetings"]] == [("2019-10-24", "konsultacje", 9)]
    rec = run("Ogłoszenie o konsultacjach\n\nZapraszamy organizacje do zgłaszania uwag do projektu programu." + card)
    assert rec["dates"] == [] and rec["document_date"] == "2019-10-28"


def test_news_lists_and_copyright_after_the_report_are_not_dates():
    rec = run("Aktualności\n\nSpotkanie odbyło się 14 maja 2021 r. Obecnych było 30 osób.\n\n"
              "Copyright © 2021 Gmina Wiśniowa. Wszelkie prawa zastrzeżone\n")
    assert [d["value"] for d in rec["dates"]] == ["2021-05-14"]


# ---- funding -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Projekt realizowany ze środków Funduszu Inicjatyw Obywatelskich.", ["Fundusz Inicjatyw Obywatelskich"]),
    ("Dofinansowanie z Europejskiego Funduszu Społecznego w ramach Programu Operacyjnego Wiedza Edukacja Rozwój.",
     ["Europejski Fundusz Społeczny", "Program Operacyjny Wiedza Edukacja Rozwój"]),
    ("Zadanie sfinansowano ze środków PFRON oraz Funduszu Sprawiedliwości.",
     ["Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych", "Fundusz Sprawiedliwości"]),
    ("Projekt korzysta z dofinansowania od Islandii, Liechtensteinu i Norwegii w ramach Funduszy EOG.",
     ["Fundusze EOG"]),
    ("Projekt współfinansowany ze środków Europejskiego Funduszu Rozwoju Regionalnego w ramach Regionalnego "
     "Programu Operacyjnego Województwa Podkarpackiego na lata 2014-2020.",
     ["Europejski Fundusz Rozwoju Regionalnego", "Regionalny Program Operacyjny Województwa Podkarpackiego"]),
    ("Spotkania sfinansowano ze środków budżetu Gminy Wiśniowa.", ["budżet Gminy Wiśniowa"]),
    ("Projekt „Aktywni razem” realizowany jest ze środków Europejskiego Funduszu Społecznego Plus w ramach "
     "programu Fundusze Europejskie dla Lubelskiego 2021-2027.",
     ["Europejski Fundusz Społeczny Plus", "Fundusze Europejskie dla Lubelskiego"]),
    ("Projekt współfinansowany w ramach PO WER.", ["Program Operacyjny Wiedza Edukacja Rozwój"]),
    ("Projekt „Razem dla Sopotu” korzysta z dofinansowania z Funduszy EOG i Funduszy norweskich w ramach programu "
     "Aktywni Obywatele – Fundusz Regionalny.",
     ["Fundusze EOG", "Fundusze norweskie", "Aktywni Obywatele – Fundusz Regionalny"]),
    ("Zadanie zrealizowano dzięki dotacji z budżetu Województwa Małopolskiego.", ["budżet Województwa Małopolskiego"]),
    ("Projekt dofinansowany ze środków Narodowego Instytutu Wolności w ramach Rządowego Programu Fundusz Inicjatyw "
     "Obywatelskich na lata 2014–2020.", ["Rządowy Program Fundusz Inicjatyw Obywatelskich"]),
])
def test_funding_named_in_prose_and_by_acronym(text, expected):
    assert run("Informacja\n\n" + text + "\n")["funding"] == expected


def test_a_quoted_programme_that_pays_and_one_that_is_only_mentioned():
    rec = run("Info\n\nZadanie finansowane ze środków Ministra Rodziny i Polityki Społecznej w ramach Programu "
              "„Korpus Wsparcia Seniorów” na rok 2022.\n")
    assert rec["funding"] == ["Program Korpus Wsparcia Seniorów"]
    rec = run("Info\n\nMieszkańcy mogą skorzystać z programu „Czyste Powietrze”. Spotkanie odbyło się 5 maja 2022 r.\n")
    assert rec["funding"] == []


def test_common_words_are_not_programme_names():
    rec = run("Warsztaty\n\nWarsztaty z pozyskiwania funduszy europejskich odbyły się 5 maja 2024 r. Rozmawiano "
              "o rozwoju kapitału ludzkiego i o budżecie obywatelskim.\n")
    assert rec["funding"] == []
    # the state budget's share is the usual co-financing formula, not a programme
    rec = run("Forum\n\nForum sfinansowano ze środków Norweskiego Mechanizmu Finansowego oraz budżetu państwa.\n")
    assert rec["funding"] == ["Norweski Mechanizm Finansowy"]


# ---- whole reports in different habits -----------------------------------------------------

def test_a_project_report_with_workshops_listed_by_day_and_a_debate():
    rec = run("Raport z realizacji projektu „Młodzież decyduje”\n\nProjekt realizowany był w okresie od 1 marca do "
              "30 listopada 2019 r. przez Stowarzyszenie Inicjatyw Lokalnych „Razem” w partnerstwie z Gminą Ropa. "
              "Projekt dofinansowano ze środków Programu Fundusz Inicjatyw Obywatelskich oraz z budżetu Gminy Ropa.\n\n"
              "W ramach projektu odbyły się trzy warsztaty dla młodzieży: 12 kwietnia (25 uczestników), 10 maja "
              "(19 uczestników) i 7 czerwca 2019 r. (22 uczestników). Ponadto 20 września 2019 r. zorganizowano "
              "debatę z udziałem radnych, w której wzięło udział 41 osób.\n")
    assert [(m["date"], m["kind"], m["participants"]) for m in rec["meetings"]] == [
        ("2019-04-12", "warsztaty", 25), ("2019-05-10", "warsztaty", 19), ("2019-06-07", "warsztaty", 22),
        ("2019-09-20", "debata", 41)]
    assert rec["funding"] == ["Fundusz Inicjatyw Obywatelskich", "budżet Gminy Ropa"]
    assert ("2019-03-01", "2019-11-30") in [(d["value"], d["end"]) for d in rec["dates"]]
    assert rec["document_date"] == "2019-04-12"


def test_a_council_protocol_with_a_quorum_and_the_next_sitting():
    rec = run("PROTOKÓŁ NR 2/2022\nz posiedzenia Powiatowej Rady Działalności Pożytku Publicznego w Łosicach\n"
              "odbytego w dniu 23 marca 2022 r. (środa) w Starostwie Powiatowym w Łosicach\n\n"
              "Posiedzenie otworzył Przewodniczący Rady, stwierdzając na podstawie listy obecności kworum – obecnych "
              "było 7 z 10 członków Rady.\nPorządek obrad:\n1. Otwarcie posiedzenia.\n"
              "2. Zaopiniowanie projektu programu współpracy na 2023 r.\n"
              "Następne posiedzenie Rady zaplanowano na 15 czerwca 2022 r. o godz. 10.00.\nProtokołowała: Anna Mróz\n")
    assert [(m["date"], m["kind"], m["participants"]) for m in rec["meetings"]] == [("2022-03-23", "posiedzenie", 7)]
    assert rec["next_meeting"]["date"] == "2022-06-15" and rec["next_meeting"]["time"] == "10:00"
    assert rec["document_date"] == "2022-03-23"


def test_a_news_item_with_a_relative_date_staff_added_and_related_news_below():
    rec = run("Spotkanie konsultacyjne w sprawie Programu współpracy na 2022 rok\n\n"
              "dodano: 19.11.2021 | autor: Referat Organizacyjny\n\n"
              "W środę 17 listopada br. w sali Gminnego Ośrodka Kultury w Krzęcinie odbyło się spotkanie "
              "konsultacyjne projektu programu współpracy. W spotkaniu uczestniczyło 14 przedstawicieli organizacji "
              "oraz 3 pracowników Urzędu Gminy.\n\nKonsultacje prowadzone są na podstawie Uchwały Nr XXXI/210/2010 "
              "Rady Gminy Krzęcin z dnia 28 października 2010 r.\n\nZobacz także\nDzień Seniora – 21.10.2021\n"
              "Sesja Rady Gminy 29.10.2021\n© 2021 Urząd Gminy Krzęcin\n")
    assert counts(rec) == [("2021-11-17", 17)]
    assert rec["document_date"] == "2021-11-17"
    assert {d["value"] for d in rec["dates"]} - {"2022"} == {"2021-11-19", "2021-11-17", "2010-10-28"}


def test_every_rule_compiles_with_numbers_in_digits_and_in_words():
    from extract.components import dates, meetings, references
    assert len(meetings.participant_patterns(True)) == len(meetings.participant_patterns(False)) > 5
    assert all(p[1].pattern for p in dates.compiled_patterns())
    assert references.named_funding_patterns() and references.funding_patterns()


# ---- meetings listed one per line, series told in prose, totals, next steps ---------------------

@pytest.mark.parametrize("text,expected", [
    ("Relacja\n\nW maju Urząd Gminy przeprowadził trzy otwarte spotkania z mieszkańcami.\n\nTerminy i obecność:\n"
     "- pon. 4 maja 2020 – świetlica w Borku – 12 osób\n- śr. 6 maja 2020 – remiza OSP w Jasieniu – 19 osób\n"
     "- pt. 8 maja 2020 – Szkoła Podstawowa w Lesie – 7 osób\n",
     [("2020-05-04", 12), ("2020-05-06", 19), ("2020-05-08", 7)]),
    ("Sprawozdanie\n\nWarsztat A – „Sport”: 3 czerwca 2021 r., godz. 17:00, sala nr 2 – 14 uczestników z 6 organizacji.\n"
     "Warsztat B – „Kultura”: 10 czerwca 2021 r., godz. 17:00, sala nr 2 – 11 uczestników.\n",
     [("2021-06-03", 14), ("2021-06-10", 11)]),
    ("Notatka\n\nSpotkania w sołectwach:\n– 2 marca 2018 r. – Dębina (świetlica), 15 uczestników,\n"
     "– 9 marca 2018 r. – Olszyny (szkoła), 22 uczestników.\n", [("2018-03-02", 15), ("2018-03-09", 22)]),
    # a series told in prose, out of order, without a "held" verb for the later meetings
    ("Relacja\n\nSpotkania odbyły się w październiku w trzech dzielnicach. Najliczniejsze było spotkanie w szkole "
     "na Zatorzu 14 października 2019 r., na którym pojawiło się 40 osób. Wcześniej, 7 października 2019 r., "
     "rozmawiano w bibliotece (18 osób), a 21 października 2019 r. w domu kultury.\n",
     [("2019-10-14", 40), ("2019-10-07", 18), ("2019-10-21", None)]),
])
def test_meetings_listed_or_told_as_a_series(text, expected):
    assert counts(run(text)) == expected


def test_a_series_told_out_of_order_is_dated_by_its_first_meeting():
    text = ("Relacja\n\nNajliczniejsze było spotkanie w szkole 14 października 2019 r., na którym pojawiło się 40 osób. "
            "Wcześniej, 7 października 2019 r., rozmawiano w bibliotece.\n")
    assert run(text)["document_date"] == "2019-10-07"


@pytest.mark.parametrize("text,expected", [
    # one line with a date and a count is no list
    ("Relacja\n\nSpotkanie odbyło się 4 maja 2020 r. w świetlicy.\nOpłata za salę – 12 osób po 10 zł.\n",
     [("2020-05-04", None)]),
    # a total over several meetings is no one meeting's count
    ("Podsumowanie\n\nŁącznie w spotkaniach wzięło udział 140 osób.\n", []),
    ("Relacja\n\nNa czterech spotkaniach pojawiło się łącznie ponad 90 osób. Pierwsze spotkanie odbyło się "
     "2 maja 2022 r. w bibliotece – przyszło na nie 30 mieszkańców.\n", [("2022-05-02", 30)]),
])
def test_lists_and_totals_that_are_no_meeting_counts(text, expected):
    assert counts(run(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Notatka\n\nUdział wzięli (łącznie 27 osoby): sołtysi i radni. Spotkanie odbyło się 5 maja 2020 r.\n",
     [("2020-05-05", 27)]),
    ("Protokół\n\nPosiedzenie odbyło się 12 września 2017 r. Obecni członkowie Komisji (wg listy obecności – 6 osób).\n",
     [("2017-09-12", 6)]),
    ("Relacja\n\nSpotkanie online odbyło się 8 lutego 2021 r. Połączyło się z nami 31 uczestników.\n",
     [("2021-02-08", 31)]),
    ("Relacja\n\nGdzie: sala sesyjna\nKiedy: wtorek, 9 marca 2021 r., godz. 10:00\nKto: 26 uczestników\n",
     [("2021-03-09", 26)]),
])
def test_more_ways_of_giving_a_count(text, expected):
    assert counts(run(text)) == expected


def test_dated_lines_under_a_next_steps_heading_are_plans_not_meetings():
    text = ("Warsztaty\n\nKiedy: czwartek, 3 października 2024 r.\nKto: 20 uczestników\n\nDalsze kroki:\n"
            "→ do 20 października 2024 r. – uwagi do projektu,\n→ 5 listopada 2024 r. – spotkanie podsumowujące,\n"
            "→ grudzień – przyjęcie programu.\n")
    rec = run(text)
    assert counts(rec) == [("2024-10-03", 20)]
    assert rec["document_date"] == "2024-10-03"
    assert rec["next_meeting"]["date"] == "2024-11-05"


# ---- months without a year, ranges with "r." and Roman months --------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Spotkanie odbyło się 3 marca 2016 r. Nabór wniosków potrwa do końca kwietnia, a wyniki ogłosimy w czerwcu.",
     [("2016-03-03", None), ("2016-04", None), ("2016-06", None)]),
    ("Dnia 2.02.2019 r. zebrał się zespół. Plan przyjmie Rada we wrześniu; na listopad zaplanowano debatę.",
     [("2019-02-02", None), ("2019-09", None), ("2019-11", None)]),
    ("Relacja z 5 maja 2020 r.\n→ lipiec – nabór projektów\n", [("2020-05-05", None), ("2020-07", None)]),
    ("Uwagi zbierano od 3.04.2023 r. – 21.04.2023 r. w urzędzie.", [("2023-04-03", "2023-04-21")]),
    ("Ankieta była dostępna 27 IX – 8 X 2015 r. na stronie.", [("2015-09-27", "2015-10-08")]),
    ("Termin: 30.XI – 2.XII.2019 r.", [("2019-11-30", "2019-12-02")]),
])
def test_months_without_a_year_and_ranges(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text,expected", [
    # names; and with no full date there is no year to give a month
    ("Dnia 4 maja 2020 r. spotkanie z Mają Kowalską prowadził Maj Nowak.", [("2020-05-04", None)]),
    ("Plan przyjmie Rada we wrześniu.", []),
    # the month has its year; a range without a year is one range, not two months
    ("Dnia 4 maja 2020 r. było jak w maju 2019 r.", [("2020-05-04", None), ("2019-05", None)]),
    ("Dnia 4 maja 2020 r. opisano zmiany od marca do maja.", [("2020-05-04", None), ("2020-03", "2020-05")]),
])
def test_month_words_that_are_not_months_without_a_year(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a count of a part of those present ("… oraz pracownicy urzędu", "…, wójt oraz …"): no count
    ("Protokół\n\nPosiedzenie odbyło się 5 marca 2019 r. Wzięło w nim udział 11 członków Rady, Burmistrz Miasta "
     "oraz sekretarz.\n", [("2019-03-05", None)]),
    ("Relacja\n\nSpotkanie odbyło się 5 marca 2019 r. Uczestniczyło 20 przedstawicieli 12 organizacji oraz pracownicy "
     "Wydziału Spraw Społecznych.\n", [("2019-03-05", None)]),
    # people listed in the genitive are the ones counted; "w tym" names some of them
    ("Relacja\n\nSpotkanie odbyło się 5 marca 2019 r. Uczestniczyło 20 przedstawicieli organizacji, sołtysów "
     "i pracowników urzędu.\n", [("2019-03-05", 20)]),
    ("Relacja\n\nSpotkanie odbyło się 5 marca 2019 r. Wzięło w nim udział 25 osób, w tym radni gminy.\n",
     [("2019-03-05", 25)]),
])
def test_a_count_of_only_a_part_of_those_present_is_no_count(text, expected):
    assert counts(run(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # the cooperation programme a report is about is no funding; nor is a name across a paragraph break
    ("Uwagi do Wieloletniego Programu Współpracy Gminy Lipno z organizacjami pozarządowymi zbierano w maju.", []),
    ("Konsultowano zmiany w programie wieloletnim\n\nW spotkaniu udział wzięli radni.", []),
    # a mixed-case acronym matches only as written, not a society called "Feniks"
    ("Głos zabrało Stowarzyszenie Abstynenckie „Feniks”.", []),
    ("Inwestycję sfinansowano z programu FEnIKS.", ["Fundusze Europejskie na Infrastrukturę, Klimat, Środowisko"]),
    ("Zadanie realizowano w ramach Wieloletniego Programu „Senior+” na lata 2021–2025.", ["Program Wieloletni Senior+"]),
])
def test_programmes_that_are_no_funding_and_acronyms_written_as_such(text, expected):
    assert run("Informacja\n\n" + text + "\n")["funding"] == expected


@pytest.mark.parametrize("phrase,programme", [
    ("ze środków Programu Operacyjnego Pomoc Techniczna 2014-2020", "Program Operacyjny Pomoc Techniczna"),
    ("z Programu Operacyjnego Inteligentny Rozwój", "Program Operacyjny Inteligentny Rozwój"),
    ("w ramach programu Fundusze Europejskie dla Nowoczesnej Gospodarki", "Fundusze Europejskie dla Nowoczesnej Gospodarki"),
    ("ze środków EFMRA", "Europejski Fundusz Morski, Rybacki i Akwakultury"),
])
def test_national_operational_programmes_are_named_in_full(phrase, programme):
    rec = run("Sprawozdanie z konsultacji\n\nSpotkanie odbyło się 3 marca 2019 r. w Urzędzie Gminy. "
              f"Szkolenie dla organizacji sfinansowano {phrase}.")
    assert programme in rec["funding"]
