"""Recall rules for phrasings met in unseen reports: goals in sentences ("ma na celu") and
tables, priority tasks one per line or in an area sentence, participant counts in many
phrasings, undated resolutions and government programmes. All texts are our own."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from extract.record import extract_texts

REPO = Path(__file__).resolve().parents[1]
DEV2 = REPO / "tests" / "corpus_gen" / "dev2"
SCORER = REPO.parent / "shared" / "eval" / "score.py"


def run(text: str) -> dict:
    return next(extract_texts([{"path": "r.txt", "text": text, "title": None}]))


def test_priority_tasks_one_per_line_without_bullets_end_at_the_blank_line():
    text = ("Protokół z posiedzenia Rady\n\nPriorytetowe zadania publiczne na rok 2026:\n"
            "organizowanie zajęć pozalekcyjnych z robotyki dla uczniów szkół wiejskich\n"
            "opieka wytchnieniowa dla opiekunów osób niesamodzielnych\n"
            "renowacja kapliczek przydrożnych\n\n"
            "Ad. 4. Wolne wnioski. Następne posiedzenie zaplanowano na maj.\n")
    assert [t["text"] for t in run(text)["priority_tasks"]] == [
        "organizowanie zajęć pozalekcyjnych z robotyki dla uczniów szkół wiejskich",
        "opieka wytchnieniowa dla opiekunów osób niesamodzielnych",
        "renowacja kapliczek przydrożnych"]


def test_a_wrapped_paragraph_under_a_heading_stays_one_item():
    text = ("Zadania priorytetowe:\n"
            "- przygotowanie i przeprowadzenie cyklu spotkań edukacyjnych dotyczących bezpieczeństwa\n"
            "  na drogach gminnych dla dzieci z klas pierwszych.\n- sprzątanie lasów.\n")
    got = [t["text"] for t in run(text)["priority_tasks"]]
    assert len(got) == 2 and got[0].endswith("klas pierwszych.")


def test_priority_in_an_area_sentence_and_in_a_singular_proposal():
    rec = run("W ramach obszaru turystyka priorytetem będzie oznakowanie szlaków rowerowych.\n"
              "Zgłoszono, aby priorytetowym zadaniem publicznym w 2026 roku było dożywianie uczniów w szkołach.\n")
    assert [(t["text"], t["area"]) for t in rec["priority_tasks"]] == [
        ("oznakowanie szlaków rowerowych", "turystyka"), ("dożywianie uczniów w szkołach", None)]


def test_goals_in_sentences_and_in_a_table():
    rec = run("Inicjatywa ma na celu ożywienie rynku w Pruszkowie jako miejsca spotkań.\n"
              "Celem Rady jest doradzanie burmistrzowi w sprawach młodzieży.\n\n"
              "Cele strategiczne:\nLp. | Cel | Miernik\n1 | Odnowa zabytkowego centrum miasta | liczba budynków\n"
              "2 | Rozwój transportu publicznego | liczba kursów\n")
    assert [g["text"] for g in rec["goals"]] == [
        "ożywienie rynku w Pruszkowie jako miejsca spotkań.", "doradzanie burmistrzowi w sprawach młodzieży.",
        "Odnowa zabytkowego centrum miasta", "Rozwój transportu publicznego"]


def test_a_numbered_chapter_heading_ends_a_goal_list():
    rec = run("Cele szczegółowe:\n- wzrost liczby wolontariuszy w gminie,\n- lepsza informacja o grantach.\n"
              "IV. Priorytetowe zadania publiczne\nZadania priorytetowe:\n- sprzątanie brzegów rzeki\n")
    assert [g["text"] for g in rec["goals"]] == ["wzrost liczby wolontariuszy w gminie",
                                                "lepsza informacja o grantach."]


def test_participants_in_many_phrasings_get_the_day_of_the_gathering():
    cases = {
        "W czwartek, 5 grudnia 2024 r., w świetlicy spotkali się sołtysi. Udział wzięło 14 przedstawicieli 8 sołectw.": 14,
        "Posiedzenie odbyło się 3 marca 2025 r. Obecnych było 11 członków Komisji.": 11,
        "Spotkanie odbyło się 7 maja 2025 r. Obecnych było 25 seniorów.": 25,
        "Warsztaty odbyły się 9 czerwca 2025 r. Wzięło w nich udział 16 uczestników.": 16,
        "Zebranie wiejskie odbyło się 2 lutego 2025 r. Frekwencja: 41 osób.": 41,
        "Debata odbyła się 4 kwietnia 2025 r. Udział w niej wzięło dwadzieścia trzy osoby.": 23,
        "Warsztaty odbyły się 9 czerwca 2025 r. W warsztatach uczestniczyło dwunastu radnych.": 12,
    }
    for text, n in cases.items():
        got = [(m["date"], m["participants"]) for m in run(text)["meetings"]]
        assert len(got) == 1 and got[0][1] == n and got[0][0] is not None, (text, got)


def test_resolutions_without_a_date_and_the_same_one_cited_twice():
    rec = run("Na podstawie Uchwały Nr VII/45/2019 Rady Gminy Mrozy oraz zarządzenia nr 88/2022 Wójta Gminy Mrozy "
              "ogłoszono konsultacje.\nPodstawa: Uchwała nr XI/9/2015 Rady Gminy Mrozy z dnia 2 marca 2015 r.\n"
              "Jak stanowi Uchwała nr XI/9/2015 Rady Gminy Mrozy, konsultacje trwają 14 dni.\n")
    assert rec["legal_acts"] == ["Uchwała nr VII/45/2019 Rady Gminy Mrozy", "Zarządzenie nr 88/2022 Wójta Gminy Mrozy",
                                 "Uchwała nr XI/9/2015 Rady Gminy Mrozy z dnia 2 marca 2015 r."]


def test_government_and_multiannual_programmes_and_named_funds():
    rec = run("Zadanie dofinansowano ze środków Programu Rządowego Aktywni Razem na lata 2022-2026, "
              "Wieloletniego Programu „Senior+” oraz Krajowego Planu Odbudowy.")
    assert set(rec["funding"]) == {"Program Rządowy Aktywni Razem", "Program Wieloletni Senior+", "Krajowy Plan Odbudowy"}
    rec = run("Projekt w ramach programu Obywatele dla Demokracji, finansowanego z Mechanizmu Finansowego EOG.")
    assert rec["funding"] == ["Obywatele dla Demokracji", "Mechanizm Finansowy Europejskiego Obszaru Gospodarczego"]


def test_goals_in_the_middle_of_a_paragraph_and_after_cel_programu():
    rec = run("Program przyjęto w marcu. Głównym celem programu jest ożywienie centrów sołectw.\n"
              "Cel projektu: szkolenie liderów wiejskich.\n"
              "Cele szczegółowe programu to: a) wzrost liczby grantów; b) wspólne kalendarium wydarzeń.\n")
    assert [g["text"] for g in rec["goals"]] == [
        "ożywienie centrów sołectw.", "szkolenie liderów wiejskich.", "wzrost liczby grantów",
        "wspólne kalendarium wydarzeń."]


def test_priority_tasks_after_many_kinds_of_lead_in():
    cases = {
        "Za priorytetowe uznano zadania z zakresu: ratownictwa wodnego, ochrony przyrody.": 2,
        "Wśród zadań priorytetowych znalazły się: dowóz seniorów do lekarza, kurs pierwszej pomocy.": 2,
        "Zgłoszono dwie propozycje zadań priorytetowych: wsparcie hospicjum domowego, szkolenia dla sołtysów.": 2,
    }
    for text, n in cases.items():
        got = run(text)["priority_tasks"]
        assert len(got) == n and all(t["text"][0].islower() for t in got), (text, got)


def test_a_statute_cited_without_its_date_once():
    rec = run("Na podstawie art. 5 ustawy o działalności pożytku publicznego i o wolontariacie (Dz. U. z 2024 r. "
              "poz. 1491) oraz ustawy z dnia 8 marca 1990 r. o samorządzie gminnym. Zgodnie z ustawą o samorządzie "
              "gminnym rada uchwala program.")
    assert rec["legal_acts"] == ["Ustawa o działalności pożytku publicznego i o wolontariacie",
                                 "Ustawa z dnia 8 marca 1990 r. o samorządzie gminnym"]


def test_goal_lists_under_plural_and_numbered_headings():
    rec = run("Główne cele programu:\n- aktywizacja seniorów,\n- integracja mieszkańców wsi.\n\n"
              "Program realizuje następujące cele:\n1) ochrona zabytków;\n2) rozwój turystyki.\n\n"
              "Cel operacyjny 2.1. Rozbudowa ścieżek rowerowych.\n")
    assert [g["text"] for g in rec["goals"]] == [
        "aktywizacja seniorów", "integracja mieszkańców wsi.", "ochrona zabytków", "rozwój turystyki.",
        "Rozbudowa ścieżek rowerowych."]


def test_priority_tasks_named_after_tj():
    rec = run("Podczas spotkania wskazano zadania priorytetowe, tj. wsparcie rodzin zastępczych "
              "i organizację festiwalu piosenki.")
    assert [t["text"] for t in rec["priority_tasks"]] == ["wsparcie rodzin zastępczych",
                                                          "organizację festiwalu piosenki"]


def test_dev2_corpus_scores_at_least_today(tmp_path):
    """Our second development corpus (tests/corpus_gen/dev2): the scorer's macro F1 does not fall."""
    reports = sorted(str(p) for p in DEV2.glob("*.txt"))
    assert len(reports) >= 15
    out = tmp_path / "pred.jsonl"
    subprocess.run([sys.executable, "-m", "warehouse.cli", "extract", *reports, "--out", str(out)],
                   cwd=REPO, check=False, capture_output=True)
    res = json.loads(subprocess.run([sys.executable, str(SCORER), str(DEV2), str(out), "--json"],
                                    capture_output=True, text=True, check=True).stdout)
    assert res["core_macro_f1"] >= 0.95 and res["all_macro_f1"] >= 0.90, res
