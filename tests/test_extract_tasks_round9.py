"""Priority tasks in the layouts of round 9: the statute's "zadania publiczne, które w pierwszej
kolejności …" after a lead-in, list items with quoted titles, asides and details after a dash,
tasks chosen "jako priorytety", ellipsis ("…, a drugim – …"), district budget areas — and the
places where a list reader must stop (a report's next sentence run into the last item, a vote,
a paragraph mark of a legal text, a person's remark). All texts are our own."""
from __future__ import annotations

from extract_snippets import areas, tasks


# ---- the tasks commissioned first, after a lead-in --------------------------------------------

FIRST_ORDER = ("Sprawozdanie z konsultacji projektu programu współpracy\n\n"
               "Na spotkaniu przedstawiono zadania publiczne, które w pierwszej kolejności będą wspierane w 2027 r.:\n"
               "1. w sferze ochrony zdrowia – prowadzenie grupy wsparcia dla osób z cukrzycą,\n"
               "2. w sferze sportu – organizacja turnieju piłki siatkowej (eliminacje, finał),\n"
               "3. w sferze kultury – wydanie albumu o dawnych młynach gminy.\n")


def test_a_lead_in_before_the_tasks_commissioned_first_still_heads_their_list():
    got = areas(FIRST_ORDER)
    assert ("prowadzenie grupy wsparcia dla osób z cukrzycą", "ochrona zdrowia") in got
    assert ("wydanie albumu o dawnych młynach gminy", "kultura") in got


def test_commas_inside_parentheses_do_not_split_a_task():
    got = tasks(FIRST_ORDER)
    assert not any(t.startswith("finał") for t in got)
    assert any(t.startswith("organizacja turnieju piłki siatkowej") for t in got)


def test_a_sentence_about_the_tasks_commissioned_first_without_a_list_gives_nothing():
    text = ("Omówiono zadania publiczne, które w pierwszej kolejności będą wspierane w 2027 r. "
            "Dyskusja nad nimi odbędzie się na kolejnym spotkaniu.\n")
    assert tasks(text) == []


# ---- where a list stops ------------------------------------------------------------------------

def test_a_report_sentence_run_into_the_last_item_is_cut_off():
    text = ("Zadania priorytetowe zaproponowane przez zespoły:\n\n"
            "• edukacja: zajęcia z robotyki dla dzieci w świetlicach,\n"
            "• zdrowie: spacery z kijkami dla seniorów w parku miejskim. Ustalenia zostaną przekazane "
            "Burmistrzowi do 5 maja 2026 r. Następne spotkanie zaplanowano na 12 maja, godz. 16:30, sala nr 7 "
            "Domu Kultury.\n")
    got = tasks(text)
    assert "spacery z kijkami dla seniorów w parku miejskim" in got
    assert not any("godz" in t or "sala nr" in t or "Ustalenia" in t for t in got)


def test_a_paragraph_mark_under_a_heading_of_priority_tasks_is_no_task():
    text = ("Rozdział 5\nZadania priorytetowe\n§ 7.\n"
            "W roku 2027 za zadania priorytetowe uznaje się:\n"
            "1) prowadzenie punktu nieodpłatnej pomocy prawnej,\n"
            "2) organizację półkolonii dla dzieci.\n")
    got = tasks(text)
    assert "prowadzenie punktu nieodpłatnej pomocy prawnej" in got
    assert not any("§" in t for t in got)


def test_a_vote_after_a_list_of_priority_tasks_is_no_task():
    text = ("Rada ustaliła listę zadań priorytetowych:\n"
            "Pomoc społeczna:\n"
            "a) dowóz posiłków do osób niesamodzielnych,\n"
            "b) prowadzenie łaźni dla osób bezdomnych.\n"
            "Głosowanie nad listą zadań priorytetowych: za – 9, przeciw – 1, wstrzymało się – 0.\n")
    got = tasks(text)
    assert "dowóz posiłków do osób niesamodzielnych" in got
    assert not any(t.startswith(("za ", "przeciw", "wstrzym")) for t in got)


def test_a_persons_remark_in_a_discussion_list_is_no_task_but_its_quoted_task_is():
    text = ("Dyskusja nad zadaniami priorytetowymi:\n"
            "– Pan Roman Wilk (Klub Żeglarski „Fala”) wniósł o dodanie zadania „szkolenie młodych żeglarzy”;\n"
            "– Pani Ewa Sowa (Stowarzyszenie Lipka) zwróciła uwagę na brak ścieżek rowerowych.\n")
    got = tasks(text)
    assert "szkolenie młodych żeglarzy" in got
    assert not any(t.startswith(("Pan ", "Pani ")) for t in got)


def test_a_sentence_saying_priority_tasks_were_not_discussed_gives_nothing():
    text = ("Zadania priorytetowe nie były tematem spotkania – zostaną ustalone w planie rocznym, "
            "opracowywanym wiosną.\n")
    assert tasks(text) == []


def test_a_quote_in_the_goals_of_a_programme_is_no_task():
    text = ("Lp. | Zgłaszający | Uwaga | Stanowisko\n"
            "1 | Fundacja Most | Wprowadzić zadanie priorytetowe „prowadzenie kawiarenki obywatelskiej”. | Uwzględniono\n"
            "2 | Osoba prywatna | Dopisać w celach szczegółowych „wzmacnianie więzi sąsiedzkich”. | Uwzględniono\n")
    got = tasks(text)
    assert "prowadzenie kawiarenki obywatelskiej" in got
    assert "wzmacnianie więzi sąsiedzkich" not in got


# ---- list items under area headings -----------------------------------------------------------

AREA_LIST = ("Oto zadania priorytetowe wybrane przez uczestników:\n\n"
             "Obszar: kultura\n"
             "1. Wsparcie chórów parafialnych – stroje i nuty.\n"
             "2. Organizacja przeglądu zespołów ludowych „Złota Kłosówka”.\n\n"
             "Obszar: profilaktyka zdrowotna\n"
             "3. Program wsparcia dietetycznego „Zdrowy Talerz” dla rodzin.\n\n"
             "Obszar: ekologia\n"
             "4. Miejskie akcje sadzenia drzew z udziałem przedszkoli.\n"
             "5. Tworzenie ogrodów społecznych („zielonych podwórek”) na osiedlach.\n")


def test_a_task_with_a_detail_after_a_dash_keeps_its_area():
    got = areas(AREA_LIST)
    assert ("Wsparcie chórów parafialnych – stroje i nuty", "kultura") in got
    assert not any(t == "stroje i nuty" for t, _a in got)


def test_list_items_with_quoted_titles_or_asides_are_tasks():
    got = tasks(AREA_LIST)
    assert "Organizacja przeglądu zespołów ludowych „Złota Kłosówka”" in got
    assert "Program wsparcia dietetycznego „Zdrowy Talerz” dla rodzin" in got
    assert "Tworzenie ogrodów społecznych („zielonych podwórek”) na osiedlach" in got


def test_a_noun_after_a_preposition_is_not_read_as_the_verb_of_a_report_sentence():
    assert "Miejskie akcje sadzenia drzew z udziałem przedszkoli" in tasks(AREA_LIST)


def test_a_report_sentence_in_an_area_list_is_still_no_task():
    text = ("Zadania priorytetowe:\n\nObszar: kultura\n"
            "1. Organizacja jarmarku świątecznego.\n"
            "2. Uczestnicy zgłosili też potrzebę nowej sceny.\n")
    got = tasks(text)
    assert "Organizacja jarmarku świątecznego" in got
    assert not any(t.startswith("Uczestnicy") for t in got)


def test_district_budget_areas_head_their_lists():
    text = ("Rada Osiedla wskazuje co roku zadania priorytetowe finansowane z puli osiedlowej. "
            "Po dyskusji przyjęto następującą listę:\n\n"
            "Infrastruktura drogowa\n"
            " – przebudowa chodnika przy ul. Topolowej,\n"
            " – budowa parkingu przy Przychodni Rejonowej;\n"
            "Zieleń osiedlowa\n"
            " – nasadzenia krzewów w Parku Zdrojowym.\n")
    got = areas(text)
    assert ("przebudowa chodnika przy ul. Topolowej", "infrastruktura drogowa") in got
    assert ("budowa parkingu przy Przychodni Rejonowej", "infrastruktura drogowa") in got
    assert ("nasadzenia krzewów w Parku Zdrojowym", "zieleń osiedlowa") in got


def test_a_detail_with_in_tym_keeps_its_own_conjunction():
    text = ("Zaproponowane zadania priorytetowe:\n\n"
            "• zdrowie: opieka nad osobami po udarze, w tym rehabilitacja i terapia mowy,\n"
            "• sport: organizacja biegów przełajowych.\n")
    got = tasks(text)
    assert "opieka nad osobami po udarze, w tym rehabilitacja i terapia mowy" in got
    assert "terapia mowy" not in got


# ---- tasks in prose ----------------------------------------------------------------------------

def test_quoted_tasks_chosen_as_priorities():
    text = ("Zespół II wybrał jako priorytety „organizację dyżurów asystenta rodziny” oraz "
            "„wsparcie klubów młodzieżowych”. Zespół I nie zgłosił uwag.\n")
    got = tasks(text)
    assert "organizację dyżurów asystenta rodziny" in got and "wsparcie klubów młodzieżowych" in got


def test_chosen_as_priority_without_quotes_gives_nothing():
    text = "Zarząd wskazał jako priorytety gminy rozwój komunikacji i nowe inwestycje.\n"
    assert tasks(text) == []


def test_a_second_task_given_by_ellipsis():
    text = ("Burmistrz chce, by w przyszłym roku zadaniem priorytetowym było prowadzenie dziennego domu "
            "pobytu, a drugim – organizacja dowozu dzieci na zajęcia pozalekcyjne – mówił na otwarciu.\n"
            "Grupa turystyczna zaproponowała zadanie priorytetowe wytyczenie szlaku kajakowego, "
            "a grupa sportowa – budowa toru rowerowego dla dzieci.\n")
    got = tasks(text)
    assert "organizacja dowozu dzieci na zajęcia pozalekcyjne" in got
    assert "wytyczenie szlaku kajakowego" in got
    assert "budowa toru rowerowego dla dzieci" in got


def test_an_ellipsis_naming_no_task_gives_nothing_more():
    text = ("Uczestnicy uznali za zadanie priorytetowe organizację targów pracy, a drugim – Pan Nowak "
            "z Rady Seniorów.\n")
    got = tasks(text)
    assert not any("Nowak" in t for t in got)


def test_a_task_added_on_request_after_the_tasks_commissioned_first():
    text = (FIRST_ORDER + "\nUwagi zgłoszone w konsultacjach:\n"
            "• Klub Seniora „Wrzos” – wniosek o dopisanie zadania „prowadzenie kursów komputerowych dla "
            "seniorów” – uwzględniono,\n"
            "• Fundacja Brzeg – wniosek o dopisanie zadania „remont przystani” – nie uwzględniono.\n")
    got = tasks(text)
    assert "prowadzenie kursów komputerowych dla seniorów" in got
    assert "remont przystani" not in got
