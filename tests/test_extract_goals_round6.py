"""Goals as unseen writers list them: numbered goal markers run together on lines, bulleted
operational goals, numbered section headings ("2. Cele programu"), goals of a budget, a council
or a revitalisation, ", a także cele:", ", a cele szczegółowe to: …", ", celem głównym … jest" —
and lists that are no goals (tasks, wishes, agenda, survey questions). All texts are our own."""
from __future__ import annotations

import pytest

from extract.record import extract_texts


def goals(text: str) -> list[tuple]:
    record = next(extract_texts([{"path": "r.txt", "text": text, "title": None}]))
    return [(g["text"], g["level"]) for g in record["goals"]]


def test_each_numbered_goal_ends_at_the_next_goal_marker():
    text = ("Spotkanie w sprawie strategii LGD Dolina Rzeki\n\nPrzedstawiono drzewo celów:\n\n"
            "Cel ogólny 1. Silna gospodarka oparta na rzemiośle\n"
            "  Cel szczegółowy 1.1. Wsparcie zakładania warsztatów rzemieślniczych\n"
            "  Cel szczegółowy 1.2. Promocja lokalnych wyrobów\n"
            "Cel ogólny 2. Otwarta i aktywna wspólnota wsi\n"
            "  Cel szczegółowy 2.1. Rozwój świetlic wiejskich\n\n"
            "Następne spotkanie odbędzie się w maju.\n")
    assert goals(text) == [
        ("Silna gospodarka oparta na rzemiośle", "main"),
        ("Wsparcie zakładania warsztatów rzemieślniczych", "specific"),
        ("Promocja lokalnych wyrobów", "specific"),
        ("Otwarta i aktywna wspólnota wsi", "main"),
        ("Rozwój świetlic wiejskich", "specific"),
    ]


def test_bulleted_operational_goal_is_its_first_sentence_and_the_next_goal_on_the_line_is_kept():
    text = ("Protokół z warsztatu strategicznego w Lipiu\n\n"
            "Obszar I. Ludzie. Cel strategiczny 1: Zdrowi i aktywni mieszkańcy.\n\n"
            "• Cel operacyjny 1.1. Rozbudowa sieci ścieżek rowerowych.\n"
            "• Cel operacyjny 1.2. Poprawa dostępu do lekarzy. Obszar II. Praca. "
            "Cel strategiczny 2: Nowe miejsca pracy dla młodych.\n"
            "• Cel operacyjny 2.1. Wsparcie doradztwa zawodowego. Uwagi uczestników: brak.\n")
    got = goals(text)
    assert ("Rozbudowa sieci ścieżek rowerowych.", "specific") in got
    assert ("Poprawa dostępu do lekarzy.", "specific") in got
    assert ("Wsparcie doradztwa zawodowego.", "specific") in got
    assert ("Nowe miejsca pracy dla młodych.", "main") in got
    assert not any("Obszar II" in g or "Uwagi" in g for g, _level in got)


@pytest.mark.parametrize("heading", [
    "3. Cele programu",
    "Cele rewitalizacji wskazane przez mieszkańców",
    "Cele budżetu partycypacyjnego, omówione przez sekretarza gminy Jan Kowalski w imieniu wójta:",
    "Co postanowiliśmy? Najważniejsze cele Młodzieżowej Rady Miasta na ten rok:",
    "Rada przyjęła regulamin, a także cele:",
])
def test_goal_list_under_a_heading_or_lead_in(heading):
    text = (f"Informacja ze spotkania w Zbąszyniu\n\n{heading}\n\n"
            "1. Zwiększenie liczby zieleńców na osiedlach.\n"
            "2. Poprawa bezpieczeństwa pieszych przy szkołach.\n\n"
            "Spotkanie zakończyło się o 19:00.\n")
    assert [g for g, _level in goals(text)] == [
        "Zwiększenie liczby zieleńców na osiedlach.", "Poprawa bezpieczeństwa pieszych przy szkołach."]


def test_medium_term_goals_of_an_environment_programme_are_specific():
    text = ("Konsultacje programu ochrony środowiska\n\nCele krótkookresowe do 2030 r.:\n"
            "- budowa kanalizacji w sołectwach,\n- wymiana starych kotłów węglowych.\n")
    assert goals(text) == [("budowa kanalizacji w sołectwach", "specific"),
                           ("wymiana starych kotłów węglowych.", "specific")]


def test_specific_goals_in_the_clause_after_the_main_goal():
    text = ("Spotkanie w Gołdapi\n\nBurmistrz omówił projekt. Cel główny programu to wzrost zaufania "
            "między gminą i organizacjami, a cele szczegółowe to: rozwój wolontariatu młodzieży, "
            "wsparcie klubów sportowych oraz lepsza informacja o konkursach.\n")
    assert goals(text) == [
        ("wzrost zaufania między gminą i organizacjami", "main"),
        ("rozwój wolontariatu młodzieży", "specific"),
        ("wsparcie klubów sportowych", "specific"),
        ("lepsza informacja o konkursach", "specific"),
    ]


def test_specific_goal_list_keeps_a_street_abbreviation():
    text = ("Notatka\n\nProgram omówiono szczegółowo. Cele szczegółowe to: zagospodarowanie skweru przy ul. "
            "Polnej, budowa placu zabaw oraz ożywienie rynku.\n")
    assert [g for g, _level in goals(text)] == ["zagospodarowanie skweru przy ul. Polnej", "budowa placu zabaw",
                                                 "ożywienie rynku"]


def test_main_goal_after_a_reported_speech_lead_in():
    text = ("Relacja\n\nJak mówił dyrektor ośrodka, celem głównym strategii jest ograniczenie ubóstwa "
            "wśród rodzin wielodzietnych.\n")
    assert goals(text) == [("ograniczenie ubóstwa wśród rodzin wielodzietnych.", "main")]


@pytest.mark.parametrize("text", [
    # tasks, wishes, an agenda and survey questions are no goals, however they are listed
    "Sprawozdanie\n\n2. Zadania programu\n\n1. Organizacja festynu.\n2. Remont świetlicy.\n",
    "Notatka\n\nMieszkańcy zgłosili, a także cele: nie omawiano\n\nPorządek obrad:\n1. Otwarcie.\n2. Wolne wnioski.\n",
    "Ankieta\n\nCo ustaliliście? Pytania ankiety o cele:\n\n1. Czy korzysta Pan z biblioteki?\n"
    "2. Jak ocenia Pani ofertę kulturalną?\n",
    "Relacja\n\nUczestnicy chcieliby, a także oczekują:\n- nowej ławki,\n- kosza na śmieci.\n",
    "Informacja\n\nCelem ataku na stronę, celem hakerów było wyłudzenie danych.\n",
    "Protokół\n\n• Cel spotkania: omówienie harmonogramu prac.\n",
])
def test_lists_that_state_no_goal(text):
    assert goals(text) == []


def test_list_below_belongs_to_the_specific_heading_after_a_quoted_main_goal():
    text = ("Ustalenia\n\nZespół zatwierdził cel główny strategii: „Gmina przyjazna rodzinom z dziećmi”. "
            "Cele szczegółowe:\n\n1. rozbudowa żłobków,\n2. tańszy transport szkolny,\n3. więcej zajęć sportowych.\n")
    assert goals(text) == [("Gmina przyjazna rodzinom z dziećmi", "main"), ("rozbudowa żłobków", "specific"),
                           ("tańszy transport szkolny", "specific"), ("więcej zajęć sportowych.", "specific")]


def test_quoted_goal_after_a_numbered_goal_marker():
    text = ("Raport\n\nPo uwagach mieszkańców dopisano cel szczegółowy 3.2: „rozwój opieki wytchnieniowej "
            "dla rodzin”, o który wnioskowała fundacja.\n")
    assert goals(text) == [("rozwój opieki wytchnieniowej dla rodzin", "specific")]


def test_sentence_about_a_numbered_goal_is_no_goal():
    text = ("Raport\n\nCel operacyjny 2. Lepsze oświetlenie parku miejskiego.\n\n"
            "Cel operacyjny 2 został zgłoszony przez radę osiedla, która\n\nprosiła o lampy.\n")
    assert goals(text) == [("Lepsze oświetlenie parku miejskiego.", "specific")]


@pytest.mark.parametrize("text,expected", [
    ("Notatka\n\n4.2. Cel na przyszły rok przyjęty przez radę osiedla: „czystsze podwórka i więcej zieleni”.\n",
     [("czystsze podwórka i więcej zieleni", "main")]),
    ("Relacja\n\nNowy plan powinien mieć jeden prosty cel: „bezpieczna droga do szkoły dla każdego dziecka”.\n",
     [("bezpieczna droga do szkoły dla każdego dziecka", "main")]),
    # what a meeting or a survey was for is no goal of the programme
    ("Relacja\n\nCel spotkania: „poznanie opinii mieszkańców o parku”.\n", []),
    ("Relacja\n\nCel ankiety: „zebranie opinii o komunikacji miejskiej”.\n", []),
])
def test_single_goal_quoted_after_cel_and_a_colon(text, expected):
    assert goals(text) == expected
