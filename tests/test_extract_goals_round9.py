"""Goals in layouts and wordings met in the ninth round: a goal adopted by a verb ("Uzgodniono cel
strategiczny: …", "dodano cel operacyjny 2.3: …"), a heading in mid-line after a sentence ("Cele
operacyjne (wstępnie):", "Cele szczegółowe zaproponowane przez grupy:"), "powinno być: …", goals in a
journalist's quote ("– Program ma służyć temu, żeby …"), "cele, jakie …:" over a list, "w celach
szczegółowych „…”", "(a) … (b) …" lists, rowspan tables, label lines under a goal, lists ending at a
heading of another numbering — and look-alikes that are no goals (the consultation's own purpose,
a quoted predicate, negated cues). All texts are our own."""
from __future__ import annotations

from extract.record import extract_texts

LEAD = "Spotkanie prowadziła sekretarz gminy, która przedstawiła projekt dokumentu i zachęciła do dyskusji.\n\n"


def goals(text: str) -> list[tuple]:
    record = next(extract_texts([{"path": "r.txt", "text": text, "title": None}]))
    return [(g["text"].rstrip("."), g["level"]) for g in record["goals"]]


def texts(text: str) -> list[str]:
    return [t for t, _level in goals(text)]


def test_a_goal_adopted_by_a_verb_and_a_mid_line_heading_with_an_aside_over_a_list():
    text = ("Notatka z warsztatów\n\n" + LEAD + "Po dyskusji uzgodniono cel strategiczny: Lepsze warunki do działania "
            "organizacji w gminie. Cele szczegółowe (robocze):\n\n1. Rozwój wolontariatu w szkołach.\n"
            "2. Wsparcie lokalnych liderów.\n\nKolejne spotkanie za miesiąc.\n")
    assert goals(text) == [("Lepsze warunki do działania organizacji w gminie", "main"),
                           ("Rozwój wolontariatu w szkołach", "specific"), ("Wsparcie lokalnych liderów", "specific")]


def test_an_operational_goal_added_with_a_dotted_number():
    text = ("Raport\n\n" + LEAD + "Uczestnicy zaakceptowali cele. Po uwagach mieszkańców dopisano cel operacyjny 1.4: "
            "Poprawa dostępu seniorów do usług opiekuńczych. Termin mija w maju.\n")
    assert goals(text) == [("Poprawa dostępu seniorów do usług opiekuńczych", "specific")]


def test_a_goal_proposed_as_an_addition_in_prose():
    text = ("Notatka\n\n" + LEAD + "Przedstawicielka stowarzyszenia zaproponowała dopisanie nowego celu szczegółowego: "
            "przeciwdziałanie samotności osób starszych. Propozycję przyjęto.\n")
    assert goals(text) == [("przeciwdziałanie samotności osób starszych", "specific")]


def test_a_goal_named_only_by_its_topic_is_no_goal():
    text = "Notatka\n\n" + LEAD + "Zgłoszono uwagę, by dodać cel operacyjny dotyczący seniorów. Uwagę przyjęto.\n"
    assert goals(text) == []
    text = "Notatka\n\n" + LEAD + "Uczestnicy zaakceptowali cele. Omawiano cel szczegółowy drugi oraz harmonogram prac.\n"
    assert goals(text) == []


def test_main_goal_that_should_be_with_an_adjective_before_the_document_and_a_colon():
    text = ("Raport\n\n" + LEAD + "Ustalono, że głównym celem nowego programu powinno być: Powiat jako miejsce przyjazne "
            "organizacjom i ich członkom. Prace potrwają do jesieni.\n")
    assert goals(text) == [("Powiat jako miejsce przyjazne organizacjom i ich członkom", "main")]


def test_specific_goals_heading_with_words_after_it_in_mid_line_and_the_list_ends_at_a_roman_heading():
    text = ("Raport\n\n" + LEAD + "Grupy pracowały dwie godziny. Cele szczegółowe zaproponowane przez grupy:\n\n"
            "1. Zwiększenie liczby wolontariuszy.\n2. Lepsza promocja organizacji.\nII. Harmonogram prac\n\n"
            "Do końca miesiąca.\n")
    assert goals(text) == [("Zwiększenie liczby wolontariuszy", "specific"), ("Lepsza promocja organizacji", "specific")]


def test_a_lettered_list_ends_at_a_roman_section_heading():
    text = ("Sprawozdanie\n\nII. Cele programu\nCele szczegółowe:\na) rozwój sportu dzieci,\n"
            "b) wsparcie kultury ludowej.\nIII. Dalsze kroki\nNastępne spotkanie w marcu.\n")
    assert texts(text) == ["rozwój sportu dzieci", "wsparcie kultury ludowej"]


def test_a_numbered_list_ends_where_the_numbering_starts_again():
    text = ("Raport z warsztatów\n\nCele szczegółowe:\n1. Rozwój sportu dzieci.\n2. Wsparcie kultury ludowej.\n"
            "1. Wnioski z dyskusji\n\nUczestnicy chwalili organizację.\n")
    assert texts(text) == ["Rozwój sportu dzieci", "Wsparcie kultury ludowej"]


def test_goal_in_a_journalists_quote_after_a_dash_or_a_quotation_mark():
    text = ("Relacja\n\n" + LEAD + "Głos zabrał burmistrz. – Ten program ma służyć temu, aby młodzi mieli powód, "
            "żeby zostać w mieście – mówił.\n")
    assert texts(text) == ["młodzi mieli powód, żeby zostać w mieście"]
    text = ("Relacja\n\n" + LEAD + "Wójt powiedział: „Strategia ma służyć temu, by każda rodzina w kryzysie dostała "
            "wsparcie na miejscu”.\n")
    assert texts(text) == ["każda rodzina w kryzysie dostała wsparcie na miejscu"]
    text = ("Relacja\n\n" + LEAD + "Burmistrz podkreślił: „Celem programu jest wzmocnienie organizacji działających "
            "na osiedlach”.\n")
    assert texts(text) == ["wzmocnienie organizacji działających na osiedlach"]


def test_our_goal_is_said_of_the_community_not_of_a_club():
    text = "Notatka\n\n" + LEAD + "– Naszym celem jest, żeby każda wieś miała miejsce spotkań – mówiła wójt.\n"
    assert texts(text) == ["każda wieś miała miejsce spotkań"]
    text = "Notatka\n\n" + LEAD + "– Naszym celem jest awans do czwartej ligi – mówił prezes klubu.\n"
    assert goals(text) == []


def test_a_negated_cue_states_no_goal():
    text = ("Notatka\n\n" + LEAD + "„Nie chodzi o to, żeby organizacje dostawały więcej pieniędzy” – mówił wójt.\n")
    assert goals(text) == []
    text = ("Notatka\n\n" + LEAD + "– Chodzi o to, aby program lepiej wspierał małe organizacje z sołectw – "
            "tłumaczyła naczelnik.\n")
    assert texts(text) == ["program lepiej wspierał małe organizacje z sołectw"]


def test_a_quoted_predicate_is_no_goal():
    text = ("Relacja\n\n" + LEAD + "Wszyscy zgodzili się, że najważniejsze jest, aby program był „partnerstwem, "
            "a nie urzędniczą procedurą”.\n")
    assert goals(text) == []


def test_goals_in_a_relative_clause_heading_over_a_list():
    text = ("Relacja\n\n" + LEAD + "Na koniec spisano dwa cele, jakie powinien mieć nowy program:\n\n"
            "- wzmocnienie współpracy międzysektorowej,\n- rozwój wolontariatu seniorów.\n")
    assert texts(text) == ["wzmocnienie współpracy międzysektorowej", "rozwój wolontariatu seniorów"]


def test_the_goal_that_a_sentence_names_with_a_relative_clause():
    text = ("Notatka\n\n" + LEAD + "Programowi przyświeca cel, jakim jest wzmocnienie więzi sąsiedzkich w sołectwach.\n")
    assert goals(text) == [("wzmocnienie więzi sąsiedzkich w sołectwach", "main")]
    text = ("Notatka\n\n" + LEAD + "Celem, jaki stawia sobie strategia, jest ograniczenie ubóstwa wśród rodzin "
            "wielodzietnych.\n")
    assert texts(text) == ["ograniczenie ubóstwa wśród rodzin wielodzietnych"]
    text = "Notatka\n\n" + LEAD + "Spotkanie miało jeden cel, którym było omówienie harmonogramu prac.\n"
    assert goals(text) == []


def test_a_specific_goal_asked_for_in_a_table_of_remarks():
    text = ("Uwagi\n\n" + LEAD + "Lp. | Zgłaszający | Treść uwagi | Stanowisko\n1 | Klub Sportowy | Uzupełnić w celach "
            "szczegółowych „rozwój sportu osób z niepełnosprawnościami”. | Przyjęto\n")
    assert goals(text) == [("rozwój sportu osób z niepełnosprawnościami", "specific")]


def test_goals_lettered_in_brackets_inside_a_sentence():
    text = ("Protokół\n\n" + LEAD + "Cele szczegółowe programu to: (a) rozwój aktywności mieszkańców, (b) wzmacnianie "
            "potencjału organizacji, (c) promocja wolontariatu.\n")
    assert texts(text) == ["rozwój aktywności mieszkańców", "wzmacnianie potencjału organizacji", "promocja wolontariatu"]


def test_label_lines_under_a_goal_are_not_part_of_it():
    text = ("Raport\n\nCele strategii:\n\nCEL STRATEGICZNY 1. Zdrowe i bezpieczne rodziny\nCel operacyjny 1.1. Wsparcie "
            "rodzin w kryzysie\nprzykładowe działania: poradnictwo; grupy wsparcia\nCel operacyjny 1.2. Profilaktyka "
            "uzależnień\nwskaźniki: liczba szkoleń; liczba uczestników\n")
    assert goals(text) == [("Zdrowe i bezpieczne rodziny", "main"), ("Wsparcie rodzin w kryzysie", "specific"),
                           ("Profilaktyka uzależnień", "specific")]
    text = ("Notatka\n\n" + LEAD + "Cel ogólny 1. Rozwój przedsiębiorczości na obszarze grupy działania\n"
            "Cel szczegółowy 1.1. Tworzenie nowych miejsc pracy na wsi\nPrzedsięwzięcie 1.1.1. Podejmowanie "
            "działalności gospodarczej\n")
    assert texts(text) == ["Rozwój przedsiębiorczości na obszarze grupy działania", "Tworzenie nowych miejsc pracy na wsi"]


def test_a_table_whose_strategic_goal_cell_spans_rows():
    text = ("Raport\n\nCel strategiczny | Cele operacyjne | Działania\nA. Aktywni seniorzy | 1. Rozwój klubów seniora | "
            "kluby; wycieczki\n2. Rozwój usług opiekuńczych | opieka; teleopieka\nB. Silne rodziny | 1. Wsparcie "
            "asystentów rodziny | szkolenia; superwizja\n")
    assert goals(text) == [("Aktywni seniorzy", "main"), ("Rozwój klubów seniora", "specific"),
                           ("Rozwój usług opiekuńczych", "specific"), ("Silne rodziny", "main"),
                           ("Wsparcie asystentów rodziny", "specific")]


def test_the_purpose_of_the_consultation_itself_is_no_goal():
    text = "Raport\n\n" + LEAD + "Celem konsultacji było zebranie uwag mieszkańców i organizacji do projektu programu.\n"
    assert goals(text) == []
    text = "Raport\n\n" + LEAD + "Celem konsultacji było poznanie opinii organizacji o projekcie strategii.\n"
    assert goals(text) == []
    text = "Raport\n\n" + LEAD + "Celem programu jest zebranie środków na remont świetlicy wiejskiej.\n"
    assert texts(text) == ["zebranie środków na remont świetlicy wiejskiej"]


def test_general_goal_heading_and_an_also_goal():
    text = "Notatka\n\n" + LEAD + "Cel generalny: Zwiększenie udziału mieszkańców w życiu publicznym gminy.\n"
    assert goals(text) == [("Zwiększenie udziału mieszkańców w życiu publicznym gminy", "main")]
    text = ("Notatka\n\n" + LEAD + "Głównym celem programu jest poprawa jakości życia seniorów. Celem jest również "
            "zwiększenie ich udziału w życiu gminy.\n")
    assert texts(text) == ["poprawa jakości życia seniorów", "zwiększenie ich udziału w życiu gminy"]
