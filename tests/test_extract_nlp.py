"""Extraction pipeline: date forms, nominative names, goals/tasks sections, records."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import extract
from extract.components.dates import find_dates
from extract.components import morph
from extract.record import empty_record, extract_texts, to_contract

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "contract" / "extraction.schema.json"
CONTRACT_KEYS = ["path", "title", "municipality", "document_date", "meetings", "next_meeting",
                 "organisations", "people", "dates", "goals", "priority_tasks", "legal_acts", "funding"]


def run(text: str, title=None, path="t.txt") -> dict:
    return next(extract_texts([{"path": path, "text": text, "title": title}]))


def values(text: str) -> list[tuple]:
    return [(d["value"], d["end"]) for d in find_dates(text)]


# ---- dates ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Spotkanie 19.03.2015 o 10.00", [("2015-03-19", None)]),
    ("W dniu 26 lipca 2013 r. odbyło się", [("2013-07-26", None)]),
    ("dodano 11 lutego, 2015", [("2015-02-11", None)]),
    ("Od lutego do marca 2014 roku trwały spotkania", [("2014-02", "2014-03")]),
    ("w dniach 3–4 czerwca 2016 r. w sali", [("2016-06-03", "2016-06-04")]),
    ("uchwała z dnia 23 października 2014 roku", [("2014-10-23", None)]),
    ("w marcu 2015 r. zebrano", [("2015-03", None)]),
    ("w latach 2012-2013 realizowano", [("2012", "2013")]),
    ("Program na rok 2016", [("2016", None)]),
    ("2016-05-04 opublikowano", [("2016-05-04", None)]),
])
def test_date_forms(text, expected):
    assert values(text) == expected


def test_relative_date_takes_the_documents_year():
    text = "W dniu 26 lipca 2013 roku odbyło się spotkanie. Kolejne odbędzie się 13 sierpnia (wtorek) br."
    found = find_dates(text)
    assert [d["value"] for d in found] == ["2013-07-26", "2013-08-13"]
    assert found[1]["text"] == "13 sierpnia (wtorek) br."


def test_impossible_dates_and_identifiers_are_not_dates():
    assert values("Uchwała nr LIII/375/2014 oraz 45.13.2015 i 3 letni program") == []


def test_dates_in_copyright_and_counters_are_ignored():
    rec = run("Sprawozdanie\n\nW dniu 5 maja 2017 r. odbyły się warsztaty dla mieszkańców gminy.\n\n"
              "Copyright © 2007-2018 Gmina. Wszelkie prawa zastrzeżone\nOstatnia aktualizacja: 12.12.2018\n")
    assert [d["value"] for d in rec["dates"]] == ["2017-05-05"]


# ---- nominative forms -----------------------------------------------------------------

@pytest.mark.parametrize("words,head,expected", [
    (["Stowarzyszenia", "Przyjaciół", "Ziemi", "Lwóweckiej"], 0, "Stowarzyszenie Przyjaciół Ziemi Lwóweckiej"),
    (["Urzędu", "Miejskiego", "w", "Białymstoku"], 0, "Urząd Miejski w Białymstoku"),
    (["Gminnym", "Ośrodku", "Kultury", "w", "Kórniku"], 1, "Gminny Ośrodek Kultury w Kórniku"),
    (["Uniwersytetu", "Trzeciego", "Wieku"], 0, "Uniwersytet Trzeciego Wieku"),
    (["Centrum", "Kulturalno-Bibliotecznym"], 0, "Centrum Kulturalno-Biblioteczne"),
    (["Radę", "Gminy", "Milejczyce"], 0, "Rada Gminy Milejczyce"),
    (["Urzędu", "Marszałkowskiego", "Województwa", "Dolnośląskiego"], 0,
     "Urząd Marszałkowski Województwa Dolnośląskiego"),
])
def test_nominative_phrase(words, head, expected):
    assert " ".join(morph.nominative_phrase(words, head)) == expected


@pytest.mark.parametrize("phrase,expected", [
    ("Białymstoku", "Białystok"), ("Milejczycach", "Milejczyce"), ("Dobrym Mieście", "Dobre Miasto"),
    ("Lublina", "Lublin"), ("Kórniku", "Kórnik"),
])
def test_place_nominative(phrase, expected):
    assert morph.place_nominative(phrase) == expected


def test_organisations_in_other_cases_come_out_nominative_with_their_mentions():
    rec = run("Warsztaty\n\nW spotkaniu wzięli udział członkowie Stowarzyszenia Przyjaciół Ziemi Lwóweckiej, "
              "pracownicy Urzędu Miejskiego w Białymstoku oraz instruktorzy z Gminnego Ośrodka Kultury w Kórniku. "
              "Spotkanie odbyło się w Gminnym Ośrodku Kultury w Kórniku.")
    names = {o["name"]: o for o in rec["organisations"]}
    assert set(names) == {"Stowarzyszenie Przyjaciół Ziemi Lwóweckiej", "Urząd Miejski w Białymstoku",
                          "Gminny Ośrodek Kultury w Kórniku"}
    assert names["Gminny Ośrodek Kultury w Kórniku"]["mentions"] == [
        "Gminnego Ośrodka Kultury w Kórniku", "Gminnym Ośrodku Kultury w Kórniku"]
    assert names["Stowarzyszenie Przyjaciół Ziemi Lwóweckiej"]["kind"] == "ngo"


def test_abbreviations_join_their_full_names():
    rec = run("Zespół\n\nW pracach zespołu uczestniczy kierownik GOPS w Kórniku oraz druhowie z OSP w Kórniku. "
              "Dolnośląski Ośrodek Polityki Społecznej (DOPS) prowadzi program; DOPS zaprasza.")
    names = {o["name"]: o["mentions"] for o in rec["organisations"]}
    assert "Gminny Ośrodek Pomocy Społecznej w Kórniku" in names
    assert "Ochotnicza Straż Pożarna w Kórniku" in names
    assert names["Dolnośląski Ośrodek Polityki Społecznej"] == ["Dolnośląski Ośrodek Polityki Społecznej", "DOPS"]


def test_chained_names_split_and_quoted_names_keep_quotes():
    rec = run("Kontakt\n\nUwagi prosimy kierować do: Departament Spraw Społecznych Urząd Miejski w Lublinie "
              "lub do Stowarzyszenia „Razem dla Regionu”.")
    names = [o["name"] for o in rec["organisations"]]
    assert names == ["Departament Spraw Społecznych", "Urząd Miejski w Lublinie", "Stowarzyszenie „Razem dla Regionu”"]


def test_site_chrome_gives_no_organisations_or_funding():
    text = ("Przydatne odnośniki\nStowarzyszenie Gmin Polskich\nProgram Operacyjny Kapitał Ludzki\n"
            "Urząd Marszałkowski\n\nSpotkanie\n\nW dniu 2 marca 2016 r. odbyło się spotkanie mieszkańców "
            "z przedstawicielami Fundacji Wspólna Droga w sprawie programu współpracy.\n")
    rec = run(text)
    assert [o["name"] for o in rec["organisations"]] == ["Fundacja Wspólna Droga"]
    assert rec["funding"] == []


def test_people_in_the_nominative_with_roles():
    rec = run("Spotkanie\n\nSpotkanie prowadziła moderatorka Katarzyna Wiśniewska. Zaproszono moderatora "
              "Tomasza Nowaka.\n\n1. Wójt Gminy Kórnik, Jan Kowalski\n2. Barbara Janik, nauczyciel\n")
    people = {p["name"]: p["role"] for p in rec["people"]}
    assert people == {"Katarzyna Wiśniewska": "moderatorka", "Tomasz Nowak": "moderator",
                      "Jan Kowalski": "Wójt Gminy Kórnik", "Barbara Janik": "nauczyciel"}


# ---- goals and priority tasks ---------------------------------------------------------

def test_goal_sections_inline_and_listed():
    text = ("Program\n\nCel główny: Rozwój współpracy gminy z organizacjami pozarządowymi.\n\n"
            "Cele szczegółowe:\n\n• Wspieranie wolontariatu.\n\n• Budowanie dialogu społecznego.\n\n"
            "W czasie spotkania omówiono harmonogram prac nad dokumentem i kolejne kroki.\n")
    rec = run(text)
    assert [(g["text"], g["level"]) for g in rec["goals"]] == [
        ("Rozwój współpracy gminy z organizacjami pozarządowymi.", "main"),
        ("Wspieranie wolontariatu.", "specific"), ("Budowanie dialogu społecznego.", "specific")]


def test_goal_heading_on_its_own_line_and_project_goals_without_markers():
    rec = run("CEL:\nWzrost aktywności mieszkańców osiedla.\n\nCele projektu Razem Decydujemy\n\n"
              "Wypracowanie modelu konsultacji w gminie\n\nStworzenie systemu wsparcia liderów lokalnych.\n\n"
              "Zespół projektu\n\nW skład zespołu weszło pięć osób z różnych instytucji gminnych.\n")
    assert [(g["text"], g["level"]) for g in rec["goals"]] == [
        ("Wzrost aktywności mieszkańców osiedla.", "main"),
        ("Wypracowanie modelu konsultacji w gminie", None),
        ("Stworzenie systemu wsparcia liderów lokalnych.", None)]


def test_a_description_of_the_meeting_is_not_a_goal():
    rec = run("Spotkanie\n\nCelem spotkania było omówienie harmonogramu prac.\n")
    assert rec["goals"] == []


def test_priority_tasks_listed_and_proposed_with_areas():
    text = ("Ustalenia\n\n1. Obszar polityki społecznej:\n"
            "a. pojawiła się propozycja nowego zadania priorytetowego: „Aktywizacja osób starszych”.\n"
            "2. Obszar kultury fizycznej:\n"
            "a. zaproponowano nowe zadanie priorytetowe: „Sport dla wszystkich”.\n\n"
            "Priorytetowe zadania publiczne:\n- Prowadzenie świetlicy środowiskowej.\n"
            "- Organizacja festynu rodzinnego.\nPozostałe punkty bez zmian.\n")
    rec = run(text)
    assert [(t["text"], t["area"]) for t in rec["priority_tasks"]] == [
        ("Aktywizacja osób starszych", "polityka społeczna"), ("Sport dla wszystkich", "kultura fizyczna"),
        ("Prowadzenie świetlicy środowiskowej.", None), ("Organizacja festynu rodzinnego.", None)]


def test_task_list_under_an_area_heading_takes_the_area():
    rec = run("Ustalenia\n\nObszar edukacji:\nZadania priorytetowe:\n- Organizacja konkursu wiedzy o regionie.\n"
              "- Prowadzenie zajęć pozalekcyjnych.\n\nZadania priorytetowe w zakresie ochrony zdrowia:\n"
              "- Profilaktyka uzależnień wśród młodzieży.\n")
    assert [(t["text"], t["area"]) for t in rec["priority_tasks"]] == [
        ("Organizacja konkursu wiedzy o regionie.", "edukacja"), ("Prowadzenie zajęć pozalekcyjnych.", "edukacja"),
        ("Profilaktyka uzależnień wśród młodzieży.", "ochrona zdrowia")]


def test_activities_not_called_priority_tasks_are_not_listed():
    rec = run("Spotkanie\n\nDo standaryzacji wybrano zadanie pt. „Prowadzenie klubu seniora”.\n")
    assert rec["priority_tasks"] == []


# ---- legal acts, funding, meetings ------------------------------------------------------

def test_legal_acts_and_funding():
    rec = run("Spotkanie\n\nProgram przyjęto na podstawie Uchwała nr XII/45/2015 Rady Gminy Kórnik z dnia "
              "3 marca 2015 roku. Projekt współfinansowany ze środków Europejskiego Funduszu Społecznego "
              "w ramach Programu Operacyjnego Kapitał Ludzki.\n")
    assert rec["legal_acts"] == ["Uchwała nr XII/45/2015 Rady Gminy Kórnik z dnia 3 marca 2015 r."]
    assert rec["funding"] == ["Europejski Fundusz Społeczny", "Program Operacyjny Kapitał Ludzki"]


def test_meeting_participants_and_next_meeting():
    rec = run("Warsztaty\n\nW dniu 26 lipca 2013 roku odbyło się drugie spotkanie grupy roboczej. "
              "W warsztatach uczestniczyło 16 osób, które reprezentowały 10 organizacji.\n\n"
              "Kolejne spotkanie odbędzie się dnia 13 sierpnia (wtorek) br. w Domu Kultury w Kórniku "
              "przy ul. Polnej 1 w godzinach 12.00 -15.30.\n")
    assert rec["document_date"] == "2013-07-26"
    assert rec["meetings"] == [{"date": "2013-07-26", "kind": "spotkanie", "participants": 16,
                                "organisations_count": 10, "place": None}]
    assert rec["next_meeting"] == {"date": "2013-08-13", "time": "12:00-15:30",
                                   "place": "Dom Kultury w Kórniku, ul. Polnej 1"}


def test_a_range_of_people_is_not_a_participant_count():
    rec = run("Spotkania\n\nW dniu 3 marca 2014 r. odbyło się spotkanie. W spotkaniach brało udział od 3 do 9 osób.\n")
    assert rec["meetings"][0]["participants"] is None


# ---- records ----------------------------------------------------------------------------

def test_records_are_valid_in_order_with_aligned_provenance():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8")) if SCHEMA.is_file() else None
    texts = ["Warsztaty w Gminie Kórnik\n\nW dniu 5 maja 2017 r. odbyły się warsztaty. Uczestniczyło 20 osób "
             "z Fundacji Razem i Stowarzyszenia Nasz Dom.\n", "", "Krótki tekst bez niczego."]
    recs = list(extract_texts([{"path": f"d{k}.txt", "text": t, "title": None} for k, t in enumerate(texts)],
                              batch_size=2))
    assert [r["path"] for r in recs] == ["d0.txt", "d1.txt", "d2.txt"]
    for rec, text in zip(recs, texts):
        contract = to_contract(rec)
        assert list(contract) == CONTRACT_KEYS and "provenance" not in contract and "error" not in contract
        if schema:
            jsonschema.validate(contract, schema)
        prov = rec["provenance"]
        for field in ("dates", "goals", "priority_tasks", "people", "meetings", "legal_acts", "funding"):
            assert len(prov[field]) == len(rec[field])
        for org, spans in zip(rec["organisations"], prov["organisations"]):
            assert org["mentions"] and all(text[s:e] in org["mentions"] for s, e in spans)
        for d, (s, e) in zip(rec["dates"], prov["dates"]):
            assert text[s:e].strip() == d["text"]
    assert recs[0]["title"] == "Warsztaty w Gminie Kórnik"


def test_given_title_wins_and_empty_record_shape():
    assert run("Nagłówek strony\n\nTreść.", title="Tytuł z HTML")["title"] == "Tytuł z HTML"
    rec = empty_record("x.pdf", error="x.pdf: not a PDF")
    assert list(rec)[:13] == CONTRACT_KEYS and rec["error"] == "x.pdf: not a PDF"
    assert rec["organisations"] == [] and rec["municipality"] is None
    assert "error" not in empty_record("y.txt")


def test_version_and_cached_pipeline():
    from extract.pipeline import get_nlp
    assert isinstance(extract.EXTRACTOR_VERSION, str) and extract.EXTRACTOR_VERSION == "0.1.0"
    nlp = get_nlp()
    assert nlp is get_nlp() and nlp.lang == "pl"
    assert [n for n in nlp.pipe_names if n.startswith("partmon_")] == nlp.pipe_names


def test_qualified_fixed_names_patrons_and_school_numbers():
    rec = run("Spotkanie\n\nPrzyszły członkinie Koła Gospodyń Wiejskich w Kowalach Oleckich, uczniowie "
              "Szkoły Podstawowej nr 2 im. Marii Konopnickiej w Kórniku i słuchacze Uniwersytetu Trzeciego Wieku.")
    assert [o["name"] for o in rec["organisations"]] == [
        "Koło Gospodyń Wiejskich w Kowalach Oleckich",
        "Szkoła Podstawowa nr 2 im. Marii Konopnickiej w Kórniku", "Uniwersytet Trzeciego Wieku"]
    assert [o["kind"] for o in rec["organisations"]] == ["ngo", "public", "ngo"]


def test_a_person_after_an_organisation_is_not_part_of_its_name():
    rec = run("Spotkanie\n\nDyrektor Zespołu Szkół Marek Lis powitał gości. Obecny był Sekretarz Gminy "
              "Jan Nowak oraz Pani Agnieszka Kowalska.")
    assert [o["name"] for o in rec["organisations"]] == ["Zespół Szkół"]
    assert rec["people"] == [{"name": "Marek Lis", "role": "Dyrektor Zespołu Szkół"},
                             {"name": "Jan Nowak", "role": "Sekretarz Gminy"},
                             {"name": "Agnieszka Kowalska", "role": None}]


def test_more_goal_and_task_forms():
    rec = run("Program\n\nCel ogólny: Rozwój aktywności obywatelskiej.\nCel szczegółowy 1: Wzmocnienie "
              "organizacji.\nCel 2: Poprawa komunikacji.\n\nJako zadania priorytetowe wskazano: pomoc "
              "sąsiedzka dla seniorów, organizacja wypoczynku dzieci. Inne sprawy omówiono później.\n")
    assert [(g["text"], g["level"]) for g in rec["goals"]] == [
        ("Rozwój aktywności obywatelskiej.", "main"), ("Wzmocnienie organizacji.", "specific"),
        ("Poprawa komunikacji.", "specific")]
    assert [t["text"] for t in rec["priority_tasks"]] == ["pomoc sąsiedzka dla seniorów",
                                                          "organizacja wypoczynku dzieci"]


def test_approximate_participants_and_planned_next_meeting():
    rec = run("Spotkanie\n\nW dniu 4 maja 2015 r. odbyło się spotkanie. Na spotkanie przybyło ok. 40 "
              "mieszkańców.\n\nNastępne spotkanie zaplanowano na 12 czerwca 2015 r. o godz. 17:00.\n")
    assert rec["meetings"][0]["participants"] == 40
    assert rec["next_meeting"] == {"date": "2015-06-12", "time": "17:00", "place": None}
    assert rec["document_date"] == "2015-05-04"


def test_parallel_processes_give_the_same_records():
    docs = [{"path": f"p{k}.txt", "title": None,
             "text": f"Spotkanie {k}\n\nW dniu {k + 1} maja 2016 r. odbyło się spotkanie z Fundacją "
                     f"Nowa Droga. Uczestniczyło {10 + k} osób.\n"} for k in range(6)]
    one = list(extract_texts(docs))
    two = list(extract_texts(docs, n_process=2, batch_size=2))
    assert json.dumps(one) == json.dumps(two)
    assert [r["meetings"][0]["participants"] for r in two] == [10, 11, 12, 13, 14, 15]


def test_two_days_written_as_one_date_give_two_meetings():
    rec = run("Podsumowanie warsztatów\n\nW dniach 2 i 9 marca 2019 roku w Miejskim Ośrodku Kultury w Nowym "
              "Targu odbyły się warsztaty. W pierwszym spotkaniu uczestniczyło 35 osób.\n")
    assert [d["value"] for d in rec["dates"]] == ["2019-03-02", "2019-03-09"]
    assert [(m["date"], m["participants"], m["place"]) for m in rec["meetings"]] == [
        ("2019-03-02", 35, "Miejski Ośrodek Kultury w Nowym Targu"),
        ("2019-03-09", None, "Miejski Ośrodek Kultury w Nowym Targu")]


def test_menus_and_breadcrumbs_are_chrome_and_the_title_names_the_report():
    rec = run("Aktualności | Urząd Gminy\nStart » Aktualności » Ogłoszenia\nRada Gminy\nOgłoszenia\nPrzetargi\n\n"
              "Sprawozdanie z konsultacji programu współpracy\n\nW dniu 3 marca 2016 r. odbyło się spotkanie "
              "z przedstawicielami Fundacji Pomocy Dzieciom, zorganizowane przez urząd gminy.\n")
    assert rec["title"] == "Sprawozdanie z konsultacji programu współpracy"
    assert [o["name"] for o in rec["organisations"]] == ["Fundacja Pomocy Dzieciom"]


def test_hard_wrapped_paragraphs():
    text = ("Raport\n\nW dniu 20 października 2016 r. w sali konferencyjnej Urzędu Gminy odbyło się otwarte\n"
            "spotkanie z przedstawicielami organizacji pozarządowych, w którym wzięło udział 12 osób\n"
            "reprezentujących 7 organizacji, m.in. Ludowy Klub Sportowy „Mazur” oraz Parafialny Zespół\n"
            "Caritas. Stowarzyszenie Kobiet Aktywnych zaproponowało dopisanie do zadań priorytetowych\n"
            "zadania „Przeciwdziałanie przemocy w rodzinie”.\n\nCel główny: Zwiększenie udziału mieszkańców "
            "w podejmowaniu decyzji dotyczących\ngminy.\n")
    rec = run(text)
    assert rec["meetings"] == [{"date": "2016-10-20", "kind": "spotkanie", "participants": 12,
                                "organisations_count": 7, "place": None}]
    assert "Parafialny Zespół Caritas" in [o["name"] for o in rec["organisations"]]
    assert [t["text"] for t in rec["priority_tasks"]] == ["Przeciwdziałanie przemocy w rodzinie"]
    assert rec["goals"] == [{"text": "Zwiększenie udziału mieszkańców w podejmowaniu decyzji dotyczących gminy.",
                             "level": "main"}]


def test_unqualified_office_joins_the_named_one():
    rec = run("Spotkanie\n\nProgram przyjęła Rada Gminy Kórnik. Projekt przygotował Urząd Gminy Kórnik, a uwagi "
              "przyjmuje sekretariat Urzędu Gminy. Uchwałę podjęła Rada Gminy.\n")
    orgs = {o["name"]: o["mentions"] for o in rec["organisations"]}
    assert orgs == {"Rada Gminy Kórnik": ["Rada Gminy Kórnik", "Rada Gminy"],
                    "Urząd Gminy Kórnik": ["Urząd Gminy Kórnik", "Urzędu Gminy"]}


def test_attendance_list_with_dashes_and_an_act_of_a_named_council():
    rec = run("Protokół ze spotkania Gminnej Rady Działalności Pożytku Publicznego w Sokółce\n\nObecni:\n"
              "• Jan Kowalski – Przewodniczący Rady, Stowarzyszenie Przyjaciół Sokółki\n"
              "• Ewa Maj – Fundacja Banku Żywności w Sokółce\n• Maria Dąbrowska – Klub Seniora „Pogodna Jesień”\n\n"
              "Rada zaopiniowała projekt (Uchwała Nr 3/2015 Gminnej Rady Działalności Pożytku Publicznego "
              "z dnia 12 maja 2015 r.).\n")
    assert rec["people"] == [{"name": "Jan Kowalski", "role": "Przewodniczący Rady"},
                             {"name": "Ewa Maj", "role": None}, {"name": "Maria Dąbrowska", "role": None}]
    assert rec["legal_acts"] == [
        "Uchwała nr 3/2015 Gminnej Rady Działalności Pożytku Publicznego z dnia 12 maja 2015 r."]
    names = [o["name"] for o in rec["organisations"]]
    assert names == ["Gminna Rada Działalności Pożytku Publicznego w Sokółce", "Stowarzyszenie Przyjaciół Sokółki",
                     "Fundacja Banku Żywności w Sokółce", "Klub Seniora „Pogodna Jesień”"]


def test_a_bad_document_gets_an_error_record_and_the_others_go_on():
    docs = [{"path": "a.txt", "text": "Spotkanie\n\nW dniu 1 marca 2016 r. odbyło się spotkanie.", "title": None},
            {"path": "b.bin", "text": b"\x00\x01", "title": None},
            {"path": "c.txt", "text": "Warsztaty\n\nW dniu 2 marca 2016 r. odbyły się warsztaty.", "title": None}]
    recs = list(extract_texts(docs))
    assert [r["path"] for r in recs] == ["a.txt", "b.bin", "c.txt"]
    assert recs[1]["error"] == "b.bin: text is bytes, not str" and recs[1]["dates"] == []
    assert list(to_contract(recs[1]))[-1] == "error" and recs[1]["provenance"]["organisations"] == []
    assert "error" not in recs[0] and [d["value"] for d in recs[2]["dates"]] == ["2016-03-02"]


def test_related_articles_and_link_lists_after_the_report_are_chrome():
    rec = run("Sprawozdanie z warsztatów\n\nW dniu 7 kwietnia 2018 r. odbyły się warsztaty z udziałem "
              "Fundacji Dobrych Sąsiadów.\n\nZobacz także:\n12.03.2018 Spotkanie w sprawie budżetu obywatelskiego\n"
              "Stowarzyszenie Gmin Polskich zaprasza na szkolenie\n\nPliki do pobrania\nProtokół z 2017 roku (pdf)\n")
    assert [d["value"] for d in rec["dates"]] == ["2018-04-07"]
    assert [o["name"] for o in rec["organisations"]] == ["Fundacja Dobrych Sąsiadów"]


def test_lower_case_words_inside_names_and_priority_areas_are_not_tasks():
    rec = run("Spotkanie\n\nUdział wzięli członkowie Stowarzyszenia na rzecz Rozwoju Wsi Kowale i Fundacji dla "
              "Polski.\n\nCele operacyjne:\n1. Poprawa dostępności usług.\n\nPriorytetowe obszary współpracy:\n"
              "- kultura i sztuka\n- sport dla wszystkich\n")
    assert [o["name"] for o in rec["organisations"]] == ["Stowarzyszenie na rzecz Rozwoju Wsi Kowale",
                                                         "Fundacja dla Polski"]
    assert rec["goals"] == [{"text": "Poprawa dostępności usług.", "level": "specific"}]
    assert rec["priority_tasks"] == []


def test_nested_task_lists_take_their_sub_area():
    rec = run("Program współpracy\n\n§ 5. Priorytetowe zadania publiczne obejmują:\n1) w zakresie pomocy społecznej:\n"
              "a) prowadzenie punktu wydawania żywności;\nb) organizacja opieki nad osobami starszymi;\n"
              "2) w zakresie kultury fizycznej:\na) organizacja zawodów sportowych dla dzieci.\n\n§ 6. Program "
              "realizowany jest we współpracy z organizacjami pozarządowymi działającymi na terenie gminy.\n")
    assert [(t["text"], t["area"]) for t in rec["priority_tasks"]] == [
        ("prowadzenie punktu wydawania żywności", "pomoc społeczna"),
        ("organizacja opieki nad osobami starszymi", "pomoc społeczna"),
        ("organizacja zawodów sportowych dla dzieci.", "kultura fizyczna")]


def test_tasks_in_a_table_and_two_cell_rows_are_not_chrome():
    rec = run("Wyniki konsultacji\n\nZadania priorytetowe:\nLp. | Zadanie | Kwota\n"
              "1 | Organizacja letniego wypoczynku dzieci | 10 000 zł\n2 | Prowadzenie klubu seniora | 5 000 zł\n\n"
              "Organizacja | Liczba uczestników\nFundacja Zielony Dom | 12\n")
    assert [t["text"] for t in rec["priority_tasks"]] == ["Organizacja letniego wypoczynku dzieci",
                                                          "Prowadzenie klubu seniora"]
    assert [o["name"] for o in rec["organisations"]] == ["Fundacja Zielony Dom"]


@pytest.mark.parametrize("heading", ["Najczęściej czytane", "Najnowsze w dziale", "Inne ogłoszenia", "Kategorie"])
def test_popular_and_latest_lists_of_the_site_are_chrome(heading):
    rec = run("Sprawozdanie z warsztatów\n\nW dniu 7 kwietnia 2018 r. odbyły się warsztaty z udziałem "
              f"Fundacji Dobrych Sąsiadów.\n\n{heading}\n14.05.2018 Dzień Dziecka w parku\n"
              "Nabór do Rady Seniorów do 30 czerwca 2018\n")
    assert [d["value"] for d in rec["dates"]] == ["2018-04-07"]
