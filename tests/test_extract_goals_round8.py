"""Goals as writers the extractor had not met state them: goal numbers in roman numerals and codes
("Cel strategiczny II:", "CS1", "CO 1.2", "C.1"), tables with goal columns, headings over lists
("Główne założenia programu:", "Nasze cele na ten rok:"), goals in prose ("Konsultowany dokument
ma przede wszystkim na celu …", "stawia sobie za cel …", "Chodzi nam o to, aby …", "Dążymy do
tego, by …"), wrapped lines, quotes "w brzmieniu „…”" — and look-alikes that are no goals (the
purpose of a meeting, statutory aims, sentences about the goals). All texts are our own."""
from __future__ import annotations

import pytest

from extract.record import extract_texts

LEAD = "Spotkanie prowadziła sekretarz gminy, która przedstawiła projekt dokumentu i zachęciła do dyskusji.\n\n"


def goals(text: str) -> list[tuple]:
    record = next(extract_texts([{"path": "r.txt", "text": text, "title": None}]))
    return [(g["text"], g["level"]) for g in record["goals"]]


def texts(text: str) -> list[str]:
    return [t.rstrip(".") for t, _level in goals(text)]


def test_roman_and_dotted_goal_numbers_are_not_part_of_the_goal():
    text = ("Raport z warsztatów strategicznych w Dębowcu\n\n" + LEAD +
            "Cel strategiczny I: Aktywni i zżyci ze sobą mieszkańcy\nCele operacyjne:\n"
            "1.1 Rozwój oferty zajęć popołudniowych\n1.2. Wspieranie lokalnych liderów\n"
            "Cel strategiczny II – Sprawna sieć usług społecznych\n")
    assert goals(text) == [("Aktywni i zżyci ze sobą mieszkańcy", "main"),
                           ("Rozwój oferty zajęć popołudniowych", "specific"),
                           ("Wspieranie lokalnych liderów", "specific"),
                           ("Sprawna sieć usług społecznych", "main")]


def test_goal_numbered_with_nr_and_a_dash_and_goal_with_roman_number():
    text = ("Notatka\n\n" + LEAD + "Cel strategiczny nr 1 – Silna rodzina\nCel strategiczny nr 2 – Praca dla młodych\n\n"
            "Cel I. Czyste powietrze w sołectwach\nCel II. Bezpieczne drogi do szkół\n")
    assert texts(text) == ["Silna rodzina", "Praca dla młodych", "Czyste powietrze w sołectwach",
                           "Bezpieczne drogi do szkół"]


def test_an_operational_goal_under_a_numbered_strategic_goal_is_not_taken_for_its_heading():
    text = ("Protokół\n\n" + LEAD + "I. Cel strategiczny: Godne życie osób starszych\n"
            "   1. Cel operacyjny: Opieka domowa\n   2. Cel operacyjny: Kluby seniora w sołectwach\n")
    assert texts(text) == ["Godne życie osób starszych", "Opieka domowa", "Kluby seniora w sołectwach"]


def test_goals_given_by_code():
    text = ("Lokalna Strategia Rozwoju – spotkanie w Borowej\n\n" + LEAD + "Cele strategii:\n"
            "CS1 Przedsiębiorczy mieszkańcy obszaru\nCO 1.1 Nowe firmy w przetwórstwie owoców\n"
            "CO 1.2. Doradztwo dla rolników\nCS2 Zadbane wsie i ich dziedzictwo\n")
    assert goals(text) == [("Przedsiębiorczy mieszkańcy obszaru", "main"),
                           ("Nowe firmy w przetwórstwie owoców", "specific"),
                           ("Doradztwo dla rolników", "specific"),
                           ("Zadbane wsie i ich dziedzictwo", "main")]


def test_c_dot_codes_are_goals_in_a_text_about_goals():
    text = ("Notatka\n\n" + LEAD + "Zespół zapisał cele:\nC.1 Wyższa frekwencja w głosowaniu nad budżetem\n"
            "C.2 Więcej projektów zgłaszanych przez młodzież\n")
    assert texts(text) == ["Wyższa frekwencja w głosowaniu nad budżetem", "Więcej projektów zgłaszanych przez młodzież"]


def test_codes_without_any_goal_word_are_not_goals():
    text = ("Plan sal\n\n" + LEAD + "C1 Sala konferencyjna na parterze budynku\nC2 Pokój socjalny dla pracowników urzędu\n")
    assert goals(text) == []


def test_a_table_with_goal_and_operational_goal_columns_keeps_both_and_not_the_directions():
    text = ("Raport\n\n" + LEAD + "Cel strategiczny | Cele operacyjne | Kierunki działań\n"
            "1. Spokojna starość | 1.1 Sieć usług sąsiedzkich | szkolenie opiekunów\n"
            "2. Dzieci bez barier | 2.1 Dostępne place zabaw | przebudowa placu przy szkole\n")
    assert goals(text) == [("Spokojna starość", "main"), ("Sieć usług sąsiedzkich", "specific"),
                           ("Dzieci bez barier", "main"), ("Dostępne place zabaw", "specific")]


def test_a_table_with_a_bare_goal_column_beside_indicators():
    text = ("Raport\n\n" + LEAD + "Lp. | Cel | Wskaźnik\n"
            "1 | Więcej organizacji korzystających z lokali gminy | liczba umów użyczenia\n"
            "2 | Lepsze oferty w konkursach | odsetek ofert ocenionych pozytywnie\n")
    assert texts(text) == ["Więcej organizacji korzystających z lokali gminy", "Lepsze oferty w konkursach"]


def test_a_grants_table_with_a_purpose_column_is_no_table_of_goals():
    text = ("Raport\n\n" + LEAD + "Organizacja | Cel | Kwota\n"
            "Klub Sportowy Orlik | zakup strojów dla drużyny juniorów | 5000 zł\n"
            "Stowarzyszenie Nasza Wieś | wyjazd integracyjny seniorów | 3000 zł\n")
    assert goals(text) == []


@pytest.mark.parametrize("sentence, goal", [
    ("Konsultowany dokument ma przede wszystkim na celu wzmocnienie rodzin zastępczych.", "wzmocnienie rodzin zastępczych"),
    ("Projekt miał na celu zwiększenie aktywności mieszkańców wsi.", "zwiększenie aktywności mieszkańców wsi"),
    ("Działania programu mają na celu poprawę opieki nad osobami starszymi.", "poprawę opieki nad osobami starszymi"),
    ("Program stawia sobie za cel integrację środowiska sportowego.", "integrację środowiska sportowego"),
    ("Za najważniejszy cel programu uznano rozwój wolontariatu szkolnego.", "rozwój wolontariatu szkolnego"),
    ("Głównym zamierzeniem programu jest zwiększenie liczby inicjatyw oddolnych.", "zwiększenie liczby inicjatyw oddolnych"),
    ("Chodzi nam o to, aby seniorzy mogli aktywnie uczestniczyć w życiu gminy.",
     "seniorzy mogli aktywnie uczestniczyć w życiu gminy"),
    ("Chodziło o to, żeby mieszkańcy sami decydowali o części budżetu.", "mieszkańcy sami decydowali o części budżetu"),
    ("Dążymy do tego, by każda organizacja w gminie miała gdzie się spotykać.",
     "każda organizacja w gminie miała gdzie się spotykać"),
    ("Zależało nam na tym, aby program był czytelny dla mieszkańców.", "program był czytelny dla mieszkańców"),
    ("Strategia ma pomóc w ograniczeniu ubóstwa energetycznego.", "pomóc w ograniczeniu ubóstwa energetycznego"),
    ("Celem tegorocznej edycji budżetu obywatelskiego jest zachęcenie młodzieży do głosowania.",
     "zachęcenie młodzieży do głosowania"),
    ("Celem panelu było wypracowanie zaleceń w sprawie zieleni miejskiej.", "wypracowanie zaleceń w sprawie zieleni miejskiej"),
    ("Jak zaznaczył burmistrz, głównym celem całego przedsięwzięcia jest ożywienie rynku.", "ożywienie rynku"),
    ("Celem jest, aby do 2030 roku każda wieś miała świetlicę.", "do 2030 roku każda wieś miała świetlicę"),
    ("Celem programu jest przede wszystkim wspieranie małych stowarzyszeń.", "wspieranie małych stowarzyszeń"),
])
def test_a_goal_stated_in_a_sentence(sentence, goal):
    assert texts("Notatka ze spotkania\n\n" + sentence + "\n") == [goal]


@pytest.mark.parametrize("sentence", [
    "Spotkanie miało na celu omówienie harmonogramu prac.",
    "Warsztaty miały na celu zebranie propozycji do programu.",
    "Konsultacje miały na celu zebranie opinii mieszkańców na temat projektu.",
    "Dążymy do zakończenia prac nad dokumentem w marcu.",
    "Program ma się zakończyć w 2027 roku.",
    "Organizacje mogą otrzymać dotacje na cele statutowe.",
    "Cele szczegółowe programu zostały przyjęte bez uwag.",
    "Cele programu są zgodne ze strategią rozwoju gminy.",
    "Cel wizyty: zapoznanie się z pracą świetlicy.",
    "Dążymy do tego, by dokument został przyjęty przez radę jeszcze w tym roku.",
    "Projekt uchwały ma na celu wprowadzenie zmian w regulaminie rady.",
    "Przedstawiono dwa cele: pierwszy dotyczy seniorów, drugi młodzieży.",
    "Cel główny: bez zmian.",
])
def test_no_goal_in_a_sentence_about_a_meeting_or_about_the_goals(sentence):
    assert goals("Notatka ze spotkania\n\n" + sentence + "\n") == []


def test_two_goals_named_by_their_number():
    text = "Notatka\n\nProgram ma dwa cele: wzmocnienie organizacji oraz zwiększenie udziału mieszkańców w konsultacjach.\n"
    assert texts(text) == ["wzmocnienie organizacji", "zwiększenie udziału mieszkańców w konsultacjach"]


def test_two_numbered_specific_goals_in_one_line():
    text = "Notatka\n\n" + LEAD + "Cel szczegółowy 1. Dostępne usługi opiekuńcze. Cel szczegółowy 2. Silne kluby seniora.\n"
    assert texts(text) == ["Dostępne usługi opiekuńcze", "Silne kluby seniora"]


def test_a_lettered_list_of_goals_in_the_line_of_its_heading():
    text = "Protokół\n\n" + LEAD + "Cele programu: a) wspieranie sportu; b) ochrona dziedzictwa kulturowego; c) pomoc sąsiedzka.\n"
    assert texts(text) == ["wspieranie sportu", "ochrona dziedzictwa kulturowego", "pomoc sąsiedzka"]


@pytest.mark.parametrize("heading", ["Nasze cele na ten rok:", "Cele, jakie postawili sobie uczestnicy:",
                                     "Uczestnicy zaproponowali następujące cele programu:"])
def test_goal_lists_under_lead_ins(heading):
    text = f"Notatka\n\n{LEAD}{heading}\n– zwiększenie liczby organizacji,\n– lepsza współpraca z radą.\n"
    assert texts(text) == ["zwiększenie liczby organizacji", "lepsza współpraca z radą"]


def test_list_markers_are_dropped_from_a_list_read_in_a_sentence():
    text = "Notatka\n\nCelami szczegółowymi programu będą:\n- wzmocnienie organizacji,\n- rozwój wolontariatu.\n"
    assert texts(text) == ["wzmocnienie organizacji", "rozwój wolontariatu"]


def test_main_assumptions_are_goals_only_when_each_names_a_change():
    goals_text = ("Notatka\n\n" + LEAD + "Główne założenia programu:\n- zwiększenie udziału organizacji w zadaniach gminy,\n"
                  "- rozwój wolontariatu,\n- poprawa przepływu informacji.\n")
    assert texts(goals_text) == ["zwiększenie udziału organizacji w zadaniach gminy", "rozwój wolontariatu",
                                 "poprawa przepływu informacji"]
    facts = ("Notatka\n\n" + LEAD + "Założenia programu:\n1. Program obejmuje lata 2025–2027.\n"
             "2. Budżet programu wynosi 300 tys. zł.\n")
    assert goals(facts) == []


def test_a_main_goal_wrapped_over_short_lines_is_read_whole_and_stops_at_the_next_heading():
    text = ("Protokół\n\n" + LEAD + "Cel główny:\nBudowanie partnerstwa między samorządem\na organizacjami w celu lepszego\n"
            "zaspokajania potrzeb mieszkańców.\nCele szczegółowe:\n1. Silne organizacje.\n2. Aktywni wolontariusze.\n")
    assert texts(text) == ["Budowanie partnerstwa między samorządem a organizacjami w celu lepszego zaspokajania "
                           "potrzeb mieszkańców", "Silne organizacje", "Aktywni wolontariusze"]


def test_a_heading_in_capitals_after_an_unpunctuated_goal_is_not_part_of_it():
    text = ("Protokół\n\n" + LEAD + "CEL GŁÓWNY PROGRAMU\nBudowanie partnerstwa między gminą a organizacjami pozarządowymi\n"
            "CELE SZCZEGÓŁOWE\n1. Wzmocnienie organizacji\n2. Rozwój wolontariatu\n")
    assert texts(text) == ["Budowanie partnerstwa między gminą a organizacjami pozarządowymi",
                           "Wzmocnienie organizacji", "Rozwój wolontariatu"]


def test_a_main_goal_ends_with_its_sentence():
    text = ("Notatka\n\n" + LEAD + "Cel programu: zwiększenie udziału organizacji w zadaniach publicznych. "
            "Program będzie realizowany w latach 2025–2027.\n")
    assert texts(text) == ["zwiększenie udziału organizacji w zadaniach publicznych"]


def test_a_goal_in_quotes_after_its_wording():
    text = ("Protokół\n\n" + LEAD + "Cel główny w brzmieniu „Rozwój współpracy samorządu z organizacjami” "
            "przyjęto jednogłośnie.\n")
    assert texts(text) == ["Rozwój współpracy samorządu z organizacjami"]


def test_verdicts_about_goals_are_no_goals():
    text = ("Protokół\n\n" + LEAD + "Cel główny – bez uwag.\nCele szczegółowe – uwagi zgłosiło Stowarzyszenie Razem.\n\n"
            "Lp. | Cel | Uwagi\n1 | Cel główny | brak uwag\n2 | Cel szczegółowy nr 2 | propozycja zmiany brzmienia\n")
    assert goals(text) == []


def test_a_goal_after_a_verdict_and_a_colon_is_kept_without_the_verdict():
    text = ("Protokół\n\nSpotkanie otworzył starosta. Cel główny pozostaje bez zmian: wspólne rozwiązywanie problemów "
            "mieszkańców powiatu. W dyskusji głos zabrały trzy organizacje.\n")
    assert texts(text) == ["wspólne rozwiązywanie problemów mieszkańców powiatu"]


@pytest.mark.parametrize("sentence", [
    "Celami programu są: wspieranie organizacji, rozwój wolontariatu i promocja zdrowia.",
    "Program realizuje następujące cele: wspieranie organizacji; rozwój wolontariatu; promocja zdrowia.",
    "W ramach programu przyjęto cele: wspieranie organizacji, rozwój wolontariatu i promocja zdrowia.",
])
def test_goals_listed_in_one_sentence(sentence):
    assert texts("Notatka\n\n" + sentence + "\n") == ["wspieranie organizacji", "rozwój wolontariatu", "promocja zdrowia"]


def test_goals_among_the_most_important_ones():
    text = "Notatka\n\nDo najważniejszych celów programu należy wspieranie organizacji oraz rozwój wolontariatu.\n"
    assert texts(text) == ["wspieranie organizacji", "rozwój wolontariatu"]


def test_several_general_goals_under_one_heading_and_bulleted_numbered_goals():
    text = ("Notatka\n\n" + LEAD + "Cele ogólne:\n1. Wzrost aktywności sąsiedzkiej.\n2. Czyste i bezpieczne wsie.\n\n"
            "• Cel 1 – Dobre drogi gminne\n• Cel 2 – Dostępna komunikacja\n")
    assert texts(text) == ["Wzrost aktywności sąsiedzkiej", "Czyste i bezpieczne wsie", "Dobre drogi gminne",
                           "Dostępna komunikacja"]


def test_the_goal_of_a_programme_with_a_long_official_name():
    text = ("Notatka\n\nCelem Programu współpracy Gminy Lipno z organizacjami pozarządowymi oraz podmiotami wymienionymi "
            "w art. 3 ust. 3 ustawy na 2025 rok jest budowanie partnerstwa samorządu i mieszkańców.\n")
    assert texts(text) == ["budowanie partnerstwa samorządu i mieszkańców"]


@pytest.mark.parametrize("sentence", ["Celem Stowarzyszenia jest pomoc dzieciom z rodzin zastępczych.",
                                      "Celem konkursu jest wyłonienie najlepszych ofert."])
def test_the_aim_of_an_association_or_a_call_is_no_goal_of_the_process(sentence):
    assert goals("Notatka\n\n" + sentence + "\n") == []


def test_a_goal_proposed_in_quotes_after_celu():
    text = "Notatka\n\nStowarzyszenie wnioskowało o dodanie celu: „rozwój turystyki rowerowej na terenie gminy”.\n"
    assert texts(text) == ["rozwój turystyki rowerowej na terenie gminy"]


def test_money_for_purposes_in_quotes_is_no_goal():
    text = "Notatka\n\nNa cele: „zakup sprzętu dla świetlicy” przeznaczono 5 tys. zł.\n"
    assert goals(text) == []


def test_a_goal_ends_before_an_aside_left_open():
    text = "Notatka\n\n" + LEAD + "Cel główny: Wzmocnienie organizacji pozarządowych (wskaźnik: liczba organizacji)\n"
    assert texts(text) == ["Wzmocnienie organizacji pozarządowych"]


def test_indicator_lines_under_numbered_goals_do_not_end_the_list():
    text = ("Notatka\n\n" + LEAD + "Cele szczegółowe:\n1. Silne organizacje sąsiedzkie.\nWskaźnik: liczba organizacji.\n"
            "2. Aktywni wolontariusze.\nWskaźnik realizacji: liczba wolontariuszy.\n\nDyskusja trwała godzinę.\n")
    assert texts(text) == ["Silne organizacje sąsiedzkie", "Aktywni wolontariusze"]


@pytest.mark.parametrize("block", ["Cele strategii:\nZarząd Powiatu\nRada Powiatu\nKomisja Zdrowia\n",
                                   "Cele szczegółowe\nJanina Kowalska – Fundacja Razem\nPiotr Nowak – Klub Sportowy Orzeł\n",
                                   "Cele programu: patrz załącznik nr 1.\nCel główny: w załączniku.\n"
                                   "Cele szczegółowe: do uzupełnienia po konsultacjach.\n"])
def test_names_captions_and_pointers_under_goal_headings_are_no_goals(block):
    assert goals("Notatka\n\n" + LEAD + block) == []


def test_goals_listed_after_a_sentence_saying_how_they_were_worded():
    text = ("Notatka\n\n" + LEAD + "Przyjęto cel główny bez uwag. Cele szczegółowe zostały sformułowane następująco:\n\n"
            "1. Lepsza informacja o konkursach.\n2. Wspólne szkolenia urzędników i organizacji.\n")
    assert texts(text) == ["Lepsza informacja o konkursach", "Wspólne szkolenia urzędników i organizacji"]


def test_specific_goals_listed_in_the_genitive_after_a_verb():
    text = ("Notatka\n\nCele szczegółowe mają dotyczyć: wsparcia rodzin zastępczych, aktywizacji młodych bezrobotnych "
            "oraz profilaktyki uzależnień wśród uczniów.\n")
    assert texts(text) == ["wsparcia rodzin zastępczych", "aktywizacji młodych bezrobotnych",
                           "profilaktyki uzależnień wśród uczniów"]


def test_one_goal_with_genitive_complements_stays_whole():
    text = "Notatka\n\nCele szczegółowe: poprawa jakości życia, zdrowia i bezpieczeństwa mieszkańców.\n"
    assert texts(text) == ["poprawa jakości życia, zdrowia i bezpieczeństwa mieszkańców"]


def test_genitive_goals_after_a_main_goal_in_the_same_paragraph():
    text = ("Notatka\n\nCelem głównym strategii jest spójna wspólnota gminy. Cele szczegółowe mają dotyczyć: opieki "
            "nad osobami starszymi w domu, aktywizacji zawodowej kobiet oraz profilaktyki uzależnień wśród młodzieży.\n")
    assert texts(text) == ["spójna wspólnota gminy", "opieki nad osobami starszymi w domu", "aktywizacji zawodowej kobiet",
                           "profilaktyki uzależnień wśród młodzieży"]


def test_topics_the_goals_will_cover_without_a_colon_are_no_goals():
    text = ("Notatka\n\nCel główny zapisano już w projekcie. Cele szczegółowe mają dotyczyć edukacji kulturalnej dzieci, "
            "wspierania chórów i promocji tradycji regionu.\n")
    assert texts(text) == []


def test_a_bare_goals_heading_over_lines_each_naming_a_change():
    text = "Notatka\n\n" + LEAD + "Cele\nZwiększenie liczby organizacji\nPoprawa współpracy z urzędem\n"
    assert texts(text) == ["Zwiększenie liczby organizacji", "Poprawa współpracy z urzędem"]


def test_prose_under_a_goals_heading_is_no_goal():
    text = ("Notatka\n\n" + LEAD + "Cele programu\nProgram realizuje cele określone w strategii gminy. "
            "Szczegóły zawiera załącznik.\n")
    assert goals(text) == []


def test_chapter_codes_in_a_text_that_elsewhere_speaks_of_goals_are_no_goals():
    text = ("Raport\n\n" + LEAD + "Spis treści\nC.1 Diagnoza sytuacji społecznej gminy\nC.2 Analiza SWOT i wnioski\n\n"
            "Celem raportu jest podsumowanie konsultacji.\n")
    assert goals(text) == []
