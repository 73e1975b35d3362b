"""Priority tasks written the ways new report writers write them: in table cells of remarks,
proposed by name in prose ("aby priorytetem było …", "wnioskował o dopisanie zadania: …"),
as the tasks commissioned "w pierwszej kolejności", in Q&A, by working group or organisation,
with counts and run-on lines — and look-alikes that must give nothing. All texts are our own."""
from __future__ import annotations

import pytest

from extract.components.priority_tasks import normalise_area
from extract_snippets import areas, tasks


# ---- a task ends at its table cell -----------------------------------------------------------

def test_a_task_named_inside_a_cell_of_remarks_ends_at_the_cell():
    text = ("Zestawienie uwag do projektu programu\n\n"
            "Lp. | Zgłaszający | Treść uwagi | Stanowisko\n"
            "1 | Stowarzyszenie Nasza Wieś | Proponujemy dodać zadanie priorytetowe: organizacja rajdów "
            "rowerowych dla rodzin | Uwzględniono\n"
            "2 | Fundacja Zdrowie | Wnosimy o wpisanie jako zadanie priorytetowe: profilaktyka uzależnień wśród "
            "młodzieży | Nie uwzględniono – zadanie realizowane w innym programie\n")
    assert tasks(text) == ["organizacja rajdów rowerowych dla rodzin", "profilaktyka uzależnień wśród młodzieży"]


def test_cells_of_a_markdown_table_and_an_empty_first_cell():
    text = ("Wyniki konsultacji\n\n| Uwaga | Odpowiedź |\n"
            "| zadanie priorytetowe: prowadzenie świetlicy środowiskowej w Kątach | przyjęto |\n"
            "| nowe zadanie priorytetowe: wspieranie klubów seniora | przyjęto częściowo |\n")
    assert tasks(text) == ["prowadzenie świetlicy środowiskowej w Kątach", "wspieranie klubów seniora"]


def test_bullets_laid_out_as_a_two_cell_table_keep_their_tasks():
    text = ("Rada zaproponowała następujące zadania priorytetowe:\n\n"
            "• | wspieranie ochotniczych straży pożarnych w zakresie ratownictwa,\n"
            "• | ochrona tradycji ludowych ziemi lipnickiej.\n")
    assert tasks(text) == ["wspieranie ochotniczych straży pożarnych w zakresie ratownictwa",
                           "ochrona tradycji ludowych ziemi lipnickiej"]


# ---- proposals in prose ------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Protokół\n\nKoło Gospodyń z Lipnicy wnosi, aby zadaniem priorytetowym była organizacja warsztatów "
     "rękodzieła dla dzieci. Inne koło poparło wniosek.\n",
     ["organizacja warsztatów rękodzieła dla dzieci"]),
    ("Notatka z rozmów o zadaniach priorytetowych\n\nStrażacy prosili, żeby priorytetem pozostało „szkolenie "
     "młodzieżowych drużyn pożarniczych”. Klub seniora chce, by priorytetem było także „wsparcie opieki "
     "wytchnieniowej”.\n",
     ["szkolenie młodzieżowych drużyn pożarniczych", "wsparcie opieki wytchnieniowej"]),
    ("Rada Sportu\n\nRada omówiła zadania priorytetowe na przyszły rok. Priorytetem ma być rozwój sportu "
     "dziewcząt oraz modernizacja przyszkolnych boisk. Wnioski przekazano burmistrzowi.\n",
     ["rozwój sportu dziewcząt", "modernizacja przyszkolnych boisk"]),
    ("Protokół z konsultacji\n\nZadania priorytetowe przedstawiła sekretarz. Przedstawiciel towarzystwa "
     "wnioskował o dopisanie zadania: prowadzenie izby regionalnej. Wniosek przyjęto.\n",
     ["prowadzenie izby regionalnej"]),
    ("Sprawozdanie\n\nDo zadań priorytetowych wpłynęły dwie uwagi. Fundacja wniosła o uwzględnienie zadania: "
     "aktywizacja zawodowa osób z niepełnosprawnościami.\n",
     ["aktywizacja zawodowa osób z niepełnosprawnościami"]),
    ("Notatka o zadaniach priorytetowych\n\nKoło Emerytów prosi o utrzymanie zadania „dowóz seniorów na zajęcia "
     "rehabilitacyjne” bez zmian. Młodzież chce wpisać również zadanie „budowa skateparku przy szkole”.\n",
     ["dowóz seniorów na zajęcia rehabilitacyjne", "budowa skateparku przy szkole"]),
    ("Sprawozdanie o zadaniach priorytetowych\n\nW jego miejsce wpisano prowadzenie domu tymczasowego dla "
     "zwierząt.\n",
     ["prowadzenie domu tymczasowego dla zwierząt"]),
    ("Warsztaty o zadaniach priorytetowych\n\nZapis „opieka nad grobami zasłużonych mieszkańców” dopisano do "
     "projektu programu.\n",
     ["opieka nad grobami zasłużonych mieszkańców"]),
    ("Relacja\n\nPozostałe zadania priorytetowe to prowadzenie punktu konsultacyjnego oraz dowóz seniorów "
     "na zajęcia.\n",
     ["prowadzenie punktu konsultacyjnego", "dowóz seniorów na zajęcia"]),
    ("Informacja\n\nDo katalogu zadań priorytetowych dopisano zadanie „Organizacja Dnia Dziecka w sołectwach” "
     "oraz „Wsparcie wolontariatu szkolnego”.\n",
     ["Organizacja Dnia Dziecka w sołectwach", "Wsparcie wolontariatu szkolnego"]),
    ("Relacja\n\nZadania priorytetowe pozostają bez zmian, m.in. „opieka nad osobami starszymi” oraz "
     "„promocja walorów Roztocza, Pogórza i Doliny Sanu”.\n",
     ["opieka nad osobami starszymi", "promocja walorów Roztocza, Pogórza i Doliny Sanu"]),
])
def test_a_task_proposed_kept_or_added_in_a_sentence(text, expected):
    assert tasks(text) == expected


def test_the_area_named_inside_the_sentence_goes_with_its_task():
    text = ("Forum\n\nZadaniem priorytetowym w obszarze sportu ma być w przyszłym roku organizacja ligi szkolnej. "
            "Sołtys zaproponował, aby zadaniem priorytetowym w zakresie turystyki była budowa wiaty przy szlaku.\n")
    assert areas(text) == [("organizacja ligi szkolnej", "sport"), ("budowa wiaty przy szlaku", "turystyka")]


def test_areas_before_dashes_in_a_one_sentence_list():
    text = ("Notatka z rozmów o zadaniach priorytetowych\n\nUczestnicy chcą, żeby w 2026 r. priorytetem były: "
            "w sporcie – organizacja ligi orlików; w kulturze – wsparcie zespołów ludowych; w zakresie ochrony "
            "zdrowia – profilaktyka chorób serca.\n")
    assert areas(text) == [("organizacja ligi orlików", "sport"), ("wsparcie zespołów ludowych", "kultura"),
                           ("profilaktyka chorób serca", "ochrona zdrowia")]


def test_a_list_after_an_abbreviation_goes_on_to_the_sentence_end():
    text = ("Notatka\n\nWśród zadań priorytetowych na 2026 r. wskazano: remont świetlicy przy ul. Polnej oraz "
            "kursy języka migowego prowadzone przez wolontariuszy z II Liceum.\n")
    assert tasks(text) == ["remont świetlicy przy ul. Polnej",
                           "kursy języka migowego prowadzone przez wolontariuszy z II Liceum"]


# ---- the statute's other name: tasks commissioned first ----------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Projekt programu\n\nZadania publiczne, które w 2026 roku będą w pierwszej kolejności zlecane "
     "organizacjom:\n- organizacja wypoczynku letniego dla dzieci,\n- prowadzenie zajęć sportowych dla "
     "seniorów.\n",
     ["organizacja wypoczynku letniego dla dzieci", "prowadzenie zajęć sportowych dla seniorów"]),
    ("Ustalenia\n\nW pierwszej kolejności wspierane będą następujące zadania publiczne:\na) działania na rzecz "
     "osób z niepełnosprawnościami;\nb) edukacja ekologiczna dzieci.\n",
     ["działania na rzecz osób z niepełnosprawnościami", "edukacja ekologiczna dzieci"]),
    ("Program\n\nZadania publiczne, które w pierwszej kolejności będą zlecane organizacjom, to: prowadzenie "
     "świetlic socjoterapeutycznych, organizacja kolonii dla dzieci oraz wspieranie chórów parafialnych.\n",
     ["prowadzenie świetlic socjoterapeutycznych", "organizacja kolonii dla dzieci",
      "wspieranie chórów parafialnych"]),
])
def test_tasks_commissioned_first_are_priority_tasks(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    "Komunikat\n\nW pierwszej kolejności zostaną rozpatrzone wnioski złożone przed terminem:\n"
    "- wniosek Stowarzyszenia Lipa,\n- wniosek Fundacji Dąb.\n",
    "Komunikat\n\nZadania te zostaną w pierwszej kolejności omówione na komisji, a potem przekazane wójtowi.\n",
])
def test_other_things_done_first_are_not_tasks(text):
    assert tasks(text) == []


# ---- layouts ----------------------------------------------------------------------------------

def test_the_answer_to_a_question_about_priority_tasks():
    text = ("Pytania i odpowiedzi\n\nP: Jakie zadania priorytetowe wskazali uczestnicy?\n"
            "O: Na karteczkach zapisano między innymi:\n- tworzenie ogrodów społecznych na osiedlach\n"
            "- opiekę nad bezdomnymi zwierzętami\nP: Kiedy kolejne spotkanie?\nO: W marcu.\n")
    assert tasks(text) == ["tworzenie ogrodów społecznych na osiedlach", "opiekę nad bezdomnymi zwierzętami"]


def test_an_answer_listing_people_is_not_a_list_of_tasks():
    text = ("Pytania i odpowiedzi\n\nP: Czy zadania priorytetowe się zmienią?\nO: Odpowiedź przygotują:\n"
            "- Jan Kowalski, sekretarz gminy\n- Anna Nowak, skarbnik\n")
    assert tasks(text) == []


def test_who_proposed_before_a_dash_is_not_the_area():
    text = ("Propozycje zadań priorytetowych zgłoszone przez organizacje:\n"
            "- Stowarzyszenie Aktywni Razem – prowadzenie klubu sąsiedzkiego na osiedlu,\n"
            "- Klub Sportowy Iskra – organizacja turnieju halowego.\n")
    assert areas(text) == [("prowadzenie klubu sąsiedzkiego na osiedlu", None),
                           ("organizacja turnieju halowego", None)]


def test_vote_counts_and_nested_numbers_are_not_part_of_a_task():
    text = ("Uczestnicy głosowali nad zadaniami priorytetowymi. Najwięcej głosów zdobyły:\n"
            "1. wsparcie rodzin z dzieckiem z niepełnosprawnością – 96 głosów\n"
            "2. rozwój wolontariatu senioralnego – 52 głosy\n\n"
            "### Katalog zadań priorytetowych\n\n1.1. Prowadzenie punktu informacji dla organizacji.\n"
            "1.2. Organizacja targów ekonomii społecznej.\n")
    assert tasks(text) == ["wsparcie rodzin z dzieckiem z niepełnosprawnością", "rozwój wolontariatu senioralnego",
                           "Prowadzenie punktu informacji dla organizacji", "Organizacja targów ekonomii społecznej"]


def test_a_bold_heading_and_a_quoted_name_in_an_area_list():
    text = ("**ZADANIA PRIORYTETOWE**\n\n- Bieg Niepodległości dla mieszkańców gminy\n"
            "- Nauka pływania dla uczniów klas trzecich\n\n"
            "Zadania priorytetowe\n\n1. Obszar – ochrona zdrowia:\na) kampania „Zdrowe serce”,\n"
            "b) badania słuchu u dzieci.\n")
    assert areas(text) == [("Bieg Niepodległości dla mieszkańców gminy", None),
                           ("Nauka pływania dla uczniów klas trzecich", None),
                           ("kampania „Zdrowe serce”", "ochrona zdrowia"),
                           ("badania słuchu u dzieci", "ochrona zdrowia")]


def test_the_next_sentence_joined_to_the_last_item_is_cut_off():
    text = ("P: Jakie zadania priorytetowe zgłoszono?\nO: Uczestnicy zapisali m.in.:\n"
            "   - prowadzenie świetlic dla dzieci w sołectwach\n"
            "   - ochrona i promocja dziedzictwa kolejowego Wrześni\n"
            "Pełna lista (ponad 30 kartek) zostanie opracowana przez zespół do końca maja.\n")
    assert tasks(text) == ["prowadzenie świetlic dla dzieci w sołectwach",
                           "ochrona i promocja dziedzictwa kolejowego Wrześni"]


# ---- look-alikes -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Relacja\n\nPriorytetem dla nas jest dobra komunikacja z mieszkańcami – powiedziała wójt.\n",
    "Informacja\n\nBudżet na zadania priorytetowe: 250 000 zł.\nTermin realizacji zadań priorytetowych: "
    "do 31 grudnia 2026 r.\n",
    "Relacja\n\nZadania priorytetowe to ważny element programu współpracy.\n",
    "Relacja\n\nPriorytetowe zadania publiczne to zadania, na które gmina przeznacza najwięcej środków.\n",
    "Relacja z forum o zadaniach priorytetowych\n\nPrzy stoliku zdrowia jako priorytet wskazano głównie "
    "sprawy lokalowe i terminy konkursów.\n",
    "Porządek spotkania:\n1. Otwarcie spotkania.\n2. Omówienie zadań priorytetowych na 2026 rok.\n"
    "3. Wolne wnioski.\n",
])
def test_look_alikes_give_no_task(text):
    assert tasks(text) == []


def test_a_rejected_proposal_not_called_a_priority_task_is_not_listed():
    text = ("Sprawozdanie z konsultacji zadań priorytetowych\n\nDo obszaru turystyki dodano zadanie „promocja "
            "szlaków kajakowych”. Nie uwzględniono natomiast wniosku o wpisanie zadania dotyczącego remontu "
            "świetlic wiejskich.\n")
    assert tasks(text) == ["promocja szlaków kajakowych"]


# ---- areas in the nominative -------------------------------------------------------------------

@pytest.mark.parametrize("written,area", [
    ("ochrony i promocji zdrowia", "ochrona i promocja zdrowia"),
    ("kultury i ochrony dziedzictwa narodowego", "kultura i ochrona dziedzictwa narodowego"),
    ("ochrony dóbr kultury i dziedzictwa narodowego", "ochrona dóbr kultury i dziedzictwa narodowego"),
    ("wspierania rodziny", "wspieranie rodziny"),
    ("sporcie", "sport"),
    ("osoby niepełnosprawne i starsze", "osoby niepełnosprawne i starsze"),
    ("Grupa 2 – rodzina i dziecko", "rodzina i dziecko"),
])
def test_an_area_is_given_in_the_nominative(written, area):
    assert normalise_area(written) == area


def test_a_task_over_a_page_break_loses_the_page_footer():
    text = ("Priorytetowe zadania publiczne:\n1. Organizacja zajęć pozalekcyjnych dla dzieci.\n"
            "2. Prowadzenie klubu młodzieżowego w\nStrona 1 z 2\ncentrum gminy.\n"
            "3. Wspieranie działalności orkiestry dętej.\n")
    assert tasks(text) == ["Organizacja zajęć pozalekcyjnych dla dzieci", "Prowadzenie klubu młodzieżowego w centrum gminy",
                           "Wspieranie działalności orkiestry dętej"]


@pytest.mark.parametrize("text,expected", [
    ("Forum o zadaniach priorytetowych\n\nStolik „Kultura” chce, by priorytetem pozostało wspieranie chórów "
     "osiedlowych, a stolik „Seniorzy” wnioskuje o nowe zadanie priorytetowe: prowadzenie klubów seniora.\n",
     ["wspieranie chórów osiedlowych", "prowadzenie klubów seniora"]),
    ("Seniorzy w ratuszu\n\n– Priorytetem ma być aktywność fizyczna osób starszych i przeciwdziałanie ich "
     "samotności. Te dwa zadania wpiszemy do programu jako priorytetowe – powiedział burmistrz.\n",
     ["aktywność fizyczna osób starszych", "przeciwdziałanie ich samotności"]),
    ("Podsumowanie\n\nRada wskazała jako zadanie priorytetowe prowadzenie punktu nieodpłatnych porad dla "
     "seniorów.\n",
     ["prowadzenie punktu nieodpłatnych porad dla seniorów"]),
])
def test_a_priority_named_before_or_after_its_task(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    "Relacja\n\nUczestnicy uznali za zadania priorytetowe te, które dotyczą seniorów i dzieci.\n",
    "Relacja o zadaniach priorytetowych\n\nPrzewodniczący zaproponował przyjęcie protokołu.\n",
    "Protokół\n\nOmówiono zadania priorytetowe. Burmistrz powiedział, że priorytetem jest bezpieczeństwo na "
    "drogach gminnych.\n",
    "Zadania priorytetowe\n\nW jego miejsce wpisano kolejną datę spotkania.\n",
])
def test_sentences_near_priority_tasks_that_name_none(text):
    assert tasks(text) == []


def test_an_area_and_a_quoted_task_in_an_elliptic_sentence():
    text = ("Zadania priorytetowe\n\nW obszarze pomocy społecznej zaproponowano nowe zadanie priorytetowe: „Prowadzenie "
            "mieszkań chronionych”. W obszarze turystyki i krajoznawstwa: „Oznakowanie szlaków rowerowych”.\n")
    assert areas(text) == [("Prowadzenie mieszkań chronionych", "pomoc społeczna"),
                           ("Oznakowanie szlaków rowerowych", "turystyka i krajoznawstwo")]
