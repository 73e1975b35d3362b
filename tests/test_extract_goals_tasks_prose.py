"""Goals and priority tasks written in running prose, under unusual headings, in quotes, tables,
semicolon runs and broken lists — and texts that must give none. All texts are our own."""
from __future__ import annotations

import pytest

from extract.record import extract_texts


def run(text: str) -> dict:
    return next(extract_texts([{"path": "r.txt", "text": text, "title": None}]))


def goals(text: str) -> list[tuple]:
    return [(g["text"], g["level"]) for g in run(text)["goals"]]


def tasks(text: str) -> list[str]:
    return [t["text"] for t in run(text)["priority_tasks"]]


def areas(text: str) -> list[tuple]:
    return [(t["text"], t["area"]) for t in run(text)["priority_tasks"]]


# ---- goals in sentences -----------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Sprawozdanie z warsztatów w Kobylinie\n\nZa cel główny przyjęto budowanie partnerstwa między "
     "samorządem a organizacjami pozarządowymi.\n",
     [("budowanie partnerstwa między samorządem a organizacjami pozarządowymi.", "main")]),
    ("Notatka\n\nProgram uchwalono w listopadzie. Celem programu będzie zwiększenie udziału mieszkańców "
     "Strzyżowa w życiu publicznym.\n",
     [("zwiększenie udziału mieszkańców Strzyżowa w życiu publicznym.", "main")]),
    ("Informacja\n\nCelem głównym programu jest budowa zaufania. Celem głównym programu współpracy na rok "
     "2021 jest rozwój wolontariatu w gminie Rudna.\n",
     [("budowa zaufania.", "main"), ("rozwój wolontariatu w gminie Rudna.", "main")]),
    ("Seniorzy w Tykocinie\n\nCelem zadania jest zwiększenie udziału osób starszych w życiu gminy.\n\n"
     "Projekt ma na celu rozwój klubów seniora.\n",
     [("zwiększenie udziału osób starszych w życiu gminy.", "main"), ("rozwój klubów seniora.", "main")]),
    ("Cel główny programu brzmi: Wzmacnianie aktywności obywatelskiej mieszkańców powiatu wołowskiego.\n",
     [("Wzmacnianie aktywności obywatelskiej mieszkańców powiatu wołowskiego.", "main")]),
    ("Podczas spotkania przyjęto następujący cel główny: poprawa jakości usług społecznych w gminie Pcim.\n",
     [("poprawa jakości usług społecznych w gminie Pcim.", "main")]),
    ("Uczestnicy zaproponowali, aby celem programu było wspieranie inicjatyw sąsiedzkich na osiedlach.\n",
     [("wspieranie inicjatyw sąsiedzkich na osiedlach.", "main")]),
    ("Cel główny programu współpracy na 2023 rok to wzmacnianie organizacji działających w Łomiankach.\n",
     [("wzmacnianie organizacji działających w Łomiankach.", "main")]),
])
def test_a_main_goal_stated_in_a_sentence(text, expected):
    assert goals(text) == expected


def test_main_and_specific_goals_adopted_in_one_paragraph():
    text = ("Protokół z konsultacji w Baranowie\n\nJako cel główny programu wskazano poprawę jakości życia "
            "mieszkańców. Za cele szczegółowe uznano: rozwój wolontariatu, wspieranie inicjatyw lokalnych "
            "oraz promocję zdrowia.\n")
    assert goals(text) == [("poprawę jakości życia mieszkańców.", "main"), ("rozwój wolontariatu", "specific"),
                           ("wspieranie inicjatyw lokalnych", "specific"), ("promocję zdrowia", "specific")]


def test_goals_of_the_programme_listed_in_a_sentence_and_after_ma_na_celu():
    assert goals("Cele programu to: rozwój wolontariatu, wsparcie organizacji seniorów.\n") == [
        ("rozwój wolontariatu", None), ("wsparcie organizacji seniorów", None)]
    assert goals("Program ma na celu: 1) rozwój sportu dzieci; 2) wsparcie seniorów w gminie.\n") == [
        ("rozwój sportu dzieci", "main"), ("wsparcie seniorów w gminie", "main")]


def test_strategic_goal_and_specific_goals_under_headings_without_colons():
    text = ("Cel strategiczny\nRozwój społeczeństwa obywatelskiego w powiecie sejneńskim.\n\n"
            "Cele szczegółowe programu\n1. Wzmocnienie potencjału organizacji.\n2. Poprawa komunikacji z mieszkańcami.\n\n"
            "Harmonogram\nSpotkania odbędą się w maju.\n")
    assert goals(text) == [("Rozwój społeczeństwa obywatelskiego w powiecie sejneńskim.", "main"),
                           ("Wzmocnienie potencjału organizacji.", "specific"),
                           ("Poprawa komunikacji z mieszkańcami.", "specific")]


@pytest.mark.parametrize("text", [
    "Celem Stowarzyszenia, zgodnie ze statutem, jest działalność na rzecz mieszkańców wsi.\n",
    "Aktualności\n\nCelem spotkania było omówienie harmonogramu prac.\n",
    "Celem głównym spotkania było omówienie zadań. Głównym celem Fundacji jest pomoc dzieciom. "
    "Celem głównym Fundacji Orla jest pomoc dzieciom.\n",
    "Porządek obrad:\n1. Otwarcie.\n2. Omówienie celów programu.\n3. Wolne wnioski.\n",
    "Za cel postawiono sobie zorganizowanie kolejnego spotkania w czerwcu.\n",
])
def test_aims_of_meetings_and_organisations_are_not_goals(text):
    assert goals(text) == []


# ---- priority tasks in prose ------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Notatka z warsztatów w Gorlicach\n\nRozmawiano o zadaniach priorytetowych programu współpracy.\n"
     "Uczestnicy zaproponowali, aby w programie na 2020 r. znalazło się wspieranie działań na rzecz osób "
     "niepełnosprawnych.\n",
     ["wspieranie działań na rzecz osób niepełnosprawnych"]),
    ("Protokół\n\nOmówiono projekt zadań priorytetowych na rok 2022. Jako zadania dopisane w trakcie dyskusji "
     "wskazano: organizację rajdu rowerowego oraz naukę pływania.\n",
     ["organizację rajdu rowerowego", "naukę pływania"]),
    ("Notatka\n\nPodczas spotkania omówiono priorytetowe zadania publiczne. Uczestnicy zgłosili propozycje: "
     "utworzenie klubu młodzieżowego; organizacja warsztatów fotograficznych; wsparcie chóru seniorów.\n",
     ["utworzenie klubu młodzieżowego", "organizacja warsztatów fotograficznych", "wsparcie chóru seniorów"]),
    ("Omówiono zadania priorytetowe. Dopisano zadanie: wsparcie opieki wytchnieniowej.\n",
     ["wsparcie opieki wytchnieniowej"]),
    ("Zadania priorytetowe w 2022 r. to m.in. organizacja festiwalu folkloru; wsparcie chóru parafialnego; "
     "renowacja kapliczek.\n",
     ["organizacja festiwalu folkloru", "wsparcie chóru parafialnego", "renowacja kapliczek"]),
    ("Wśród priorytetów na 2021 rok znalazły się: rozwój turystyki wiejskiej, promocja produktów lokalnych.\n",
     ["rozwój turystyki wiejskiej", "promocja produktów lokalnych"]),
    ("Zdaniem uczestników priorytetem w 2021 r. powinna być pomoc osobom starszym.\n",
     ["pomoc osobom starszym"]),
    ("Na spotkaniu ustalono, że zadaniami priorytetowymi w roku 2024 będą: ochrona zwierząt bezdomnych, "
     "edukacja ekologiczna oraz rozwój turystyki rowerowej.\n",
     ["ochrona zwierząt bezdomnych", "edukacja ekologiczna", "rozwój turystyki rowerowej"]),
])
def test_priority_tasks_proposed_in_running_prose(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Zebrani zaproponowali nowe zadanie priorytetowe pn. „Senior w sieci” oraz zadanie „Bezpieczny przedszkolak”.\n",
     ["Senior w sieci", "Bezpieczny przedszkolak"]),
    ("W trakcie dyskusji zgłoszono propozycję, by do zadań priorytetowych dopisać „organizację rajdów "
     "rowerowych dla rodzin”.\n", ["organizację rajdów rowerowych dla rodzin"]),
    ("Do zadań priorytetowych dopisano zadanie „Wspieranie rodzin zastępczych”.\n", ["Wspieranie rodzin zastępczych"]),
    ("Przyjęto zadania priorytetowe: „Wspieranie seniorów”, „Aktywna młodzież”, „Zdrowa rodzina”.\n",
     ["Wspieranie seniorów", "Aktywna młodzież", "Zdrowa rodzina"]),
])
def test_priority_tasks_in_quotes(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    "Zadania priorytetowe zaproponowało Stowarzyszenie „Razem dla Wsi” oraz Fundacja „Aktywni”.\n",
    "Program współpracy „Razem dla gminy” określa zadania priorytetowe na rok 2021.\n",
    "Zadania priorytetowe omówiono w ramach projektu „Decydujemy Razem”.\n",
])
def test_quoted_names_of_organisations_and_programmes_are_not_tasks(text):
    assert tasks(text) == []


def test_areas_written_as_sentences_over_task_runs():
    text = ("Protokół\n\nDyskutowano o zadaniach priorytetowych na 2022 rok.\n"
            "W zakresie pomocy społecznej zaproponowano: dowóz posiłków do chorych, opiekę nad seniorami.\n"
            "W obszarze kultury uczestnicy wskazali następujące zadania: organizację koncertów plenerowych, "
            "warsztaty plastyczne dla dzieci.\n")
    assert areas(text) == [("dowóz posiłków do chorych", "pomoc społeczna"), ("opiekę nad seniorami", "pomoc społeczna"),
                           ("organizację koncertów plenerowych", "kultura"), ("warsztaty plastyczne dla dzieci", "kultura")]
    text = ("Zadania priorytetowe na 2023 r.:\nW zakresie pomocy społecznej: prowadzenie punktu wydawania "
            "żywności, organizacja wigilii dla osób samotnych.\nW zakresie kultury fizycznej: szkolenie dzieci "
            "w piłce nożnej.\n")
    assert areas(text) == [("prowadzenie punktu wydawania żywności", "pomoc społeczna"),
                           ("organizacja wigilii dla osób samotnych", "pomoc społeczna"),
                           ("szkolenie dzieci w piłce nożnej", "kultura fizyczna")]
    assert areas("W sferze sportu priorytetowym zadaniem będzie organizacja ligi szóstek.\n") == [
        ("organizacja ligi szóstek", "sport")]


def test_area_and_task_joined_by_a_dash_in_list_items():
    text = ("Zadania priorytetowe programu:\n- w zakresie pomocy społecznej – prowadzenie jadłodajni,\n"
            "- w zakresie kultury – organizacja koncertów.\n")
    assert areas(text) == [("prowadzenie jadłodajni", "pomoc społeczna"), ("organizacja koncertów", "kultura")]
    text = ("Priorytetowe zadania na 2025 rok:\nA. Kultura – wsparcie amatorskiego ruchu artystycznego.\n"
            "B. Sport – organizacja zawodów biegowych.\n")
    assert areas(text) == [("wsparcie amatorskiego ruchu artystycznego", "kultura"),
                           ("organizacja zawodów biegowych", "sport")]


# ---- headings written differently, broken lists -------------------------------------------------

def test_task_lists_under_headings_without_the_word_zadania():
    text = ("Priorytetowe obszary współpracy:\n1. Pomoc społeczna\n- wsparcie osób starszych,\n- dożywianie dzieci.\n"
            "2. Kultura\n- organizacja festiwalu jazzowego.\n")
    assert areas(text) == [("wsparcie osób starszych", "pomoc społeczna"), ("dożywianie dzieci.", "pomoc społeczna"),
                           ("organizacja festiwalu jazzowego.", "kultura")]
    text = ("Priorytety programu na 2024 r.:\n- wspieranie klubów sportowych w sołectwach,\n"
            "- organizacja dożynek gminnych.\n")
    assert tasks(text) == ["wspieranie klubów sportowych w sołectwach", "organizacja dożynek gminnych."]


def test_bare_area_names_under_a_priority_areas_heading_are_not_tasks():
    text = "Priorytetowe obszary współpracy:\n- kultura i sztuka\n- ochrona zdrowia i profilaktyka\n"
    assert tasks(text) == []


def test_headings_of_added_tasks_and_directions_under_a_mention_of_priority_tasks():
    text = ("Protokół\n\nPrzedstawiono listę zadań priorytetowych na 2023 rok.\n\nZadania zgłoszone w dyskusji:\n"
            "- warsztaty teatralne dla młodzieży\n- renowacja pomnika powstańców\n")
    assert tasks(text) == ["warsztaty teatralne dla młodzieży", "renowacja pomnika powstańców"]
    text = ("Priorytetowe obszary współpracy\n1. Kultura\nKierunki działań:\n- wspieranie inicjatyw młodzieżowych,\n"
            "- organizacja imprez kulturalnych.\n")
    assert tasks(text) == ["wspieranie inicjatyw młodzieżowych", "organizacja imprez kulturalnych."]


def test_the_same_headings_without_a_mention_of_priority_give_nothing():
    text = ("Sprawozdanie\n\nZadania zgłoszone w dyskusji:\n- warsztaty teatralne dla młodzieży\n\n"
            "Kierunki działań\n- wspieranie inicjatyw młodzieżowych,\n- organizacja imprez kulturalnych.\n")
    assert tasks(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Zadania priorytetowe na rok 2022\n1. Organizacja zajęć sportowych dla dzieci.\n2. Wsparcie klubów seniora.\n",
     ["Organizacja zajęć sportowych dla dzieci.", "Wsparcie klubów seniora."]),
    ("Zadania priorytetowe:\n1.\nOrganizacja zajęć sportowych dla dzieci.\n2.\nWsparcie klubów seniora.\n",
     ["Organizacja zajęć sportowych dla dzieci.", "Wsparcie klubów seniora."]),
    ("Zadania priorytetowe:\n1. Organizacja zajęć sportowych\ndla dzieci i młodzieży\n2. Wsparcie klubów\nseniora w gminie\n",
     ["Organizacja zajęć sportowych dla dzieci i młodzieży", "Wsparcie klubów seniora w gminie"]),
    ("Zadania priorytetowe:\na) organizacja festynu rodzinnego,\nb) prowadzenie zajęć dla seniorów,\n"
     "c) wsparcie drużyn OSP.\n",
     ["organizacja festynu rodzinnego", "prowadzenie zajęć dla seniorów", "wsparcie drużyn OSP."]),
    ("Program\n\nII. ZADANIA PRIORYTETOWE\n1. Organizacja wypoczynku dzieci.\n2. Dożywianie uczniów.\n\n"
     "III. Formy współpracy\n1. Konsultacje projektów aktów prawnych.\n",
     ["Organizacja wypoczynku dzieci.", "Dożywianie uczniów."]),
    ("Zadania priorytetowe (propozycje):\n- warsztaty rękodzieła\n- biegi przełajowe dla dzieci\n",
     ["warsztaty rękodzieła", "biegi przełajowe dla dzieci"]),
    ("Za priorytetowe uznano następujące zadania: a) dożywianie dzieci, b) organizacja kolonii, c) pomoc bezdomnym.\n",
     ["dożywianie dzieci", "organizacja kolonii", "pomoc bezdomnym"]),
])
def test_lists_under_headings_numbered_lettered_and_broken_across_lines(text, expected):
    assert tasks(text) == expected


def test_a_table_of_areas_and_tasks_after_a_proposal_sentence():
    text = ("Zaproponowano następujące zadania priorytetowe:\n\nObszar | Zadanie\nZdrowie | Badania przesiewowe słuchu\n"
            "Sport | Liga piłkarska dla dzieci\n")
    assert areas(text) == [("Badania przesiewowe słuchu", "zdrowie"), ("Liga piłkarska dla dzieci", "sport")]


@pytest.mark.parametrize("text", [
    "Aktualności\n- Festyn w Nowej Wsi\n- Zebranie wiejskie w Lipniku\n- Zadania priorytetowe w nowym programie\n",
    "Porządek obrad:\n1. Otwarcie.\n2. Dyskusja nad zadaniami priorytetowymi.\n3. Wolne wnioski.\n",
    "Porządek:\n1. Otwarcie\n2. Dyskusja nad zadaniami priorytetowymi\n- omówienie propozycji\n3. Zamknięcie\n",
    "Aktualności\n\nZadania priorytetowe na 2024 rok\nNabór wniosków w konkursie grantowym\nFestyn rodzinny w Zalesiu\n"
    "Spotkanie z seniorami\n",
    "Notatka z warsztatów\n\nRozmawiano o zadaniach priorytetowych programu współpracy.\nSpotkanie prowadziła "
    "pani sołtys, a uczestnicy dzielili się doświadczeniami z poprzednich lat.\n",
    "Zadania priorytetowe na 2021 rok zostały przyjęte bez uwag. Zaproponowano, aby kolejne spotkanie odbyło "
    "się w październiku.\n",
    "Sprawozdanie\n\nCelem Stowarzyszenia jest m.in. wspieranie sportu. Zadania priorytetowe omówiono na końcu.\n",
])
def test_agendas_news_lists_and_remarks_about_priority_tasks_give_no_tasks(text):
    assert tasks(text) == []


# ---- runs inside one paragraph, wrapped sentences, whole reports --------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Zadania priorytetowe: • organizacja koncertów • warsztaty dla seniorów • turniej szachowy\n",
     ["organizacja koncertów", "warsztaty dla seniorów", "turniej szachowy"]),
    ("Zadania priorytetowe: 1. wsparcie klubów sportowych, 2. organizacja festynu gminnego, 3. pomoc sąsiedzka.\n",
     ["wsparcie klubów sportowych", "organizacja festynu gminnego", "pomoc sąsiedzka"]),
    ("W wyniku dyskusji do zadań priorytetowych dopisano:\nwsparcie rodzin zastępczych oraz organizację\n"
     "kolonii dla dzieci.\n", ["wsparcie rodzin zastępczych", "organizację kolonii dla dzieci"]),
    ("Omówiono zadania priorytetowe na 2021 rok. Uczestnicy zaproponowali również, aby w programie znalazło się "
     "wspieranie działań na rzecz seniorów, w tym prowadzenie klubu seniora.\n",
     ["wspieranie działań na rzecz seniorów, w tym prowadzenie klubu seniora"]),
])
def test_task_runs_inside_one_paragraph(text, expected):
    assert tasks(text) == expected


def test_a_quoted_task_added_shortly_after_a_mention_of_priorities_but_not_without_one():
    lead = "Przedstawiono priorytetowe zadania publiczne na 2023 rok. "
    proposal = "Rada zaproponowała dopisanie zadania „Szkolenia z pierwszej pomocy dla młodzieży”.\n"
    assert tasks(lead + proposal) == ["Szkolenia z pierwszej pomocy dla młodzieży"]
    far = lead + "\n\n" + "Omówiono sprawy bieżące, w tym remont świetlicy i dowóz dzieci do szkół.\n\n" * 25
    assert tasks(far + proposal) == []


def test_specific_goals_lettered_in_one_line_and_a_goal_sentence_wrapped_over_lines():
    assert goals("Cele szczegółowe: a) rozwój wolontariatu, b) promocja zdrowia, c) integracja mieszkańców.\n") == [
        ("rozwój wolontariatu", "specific"), ("promocja zdrowia", "specific"), ("integracja mieszkańców", "specific")]
    assert goals("Głównym celem programu jest wzmacnianie\nwspółpracy samorządu z organizacjami.\n") == [
        ("wzmacnianie współpracy samorządu z organizacjami.", "main")]


def test_a_news_report_with_goals_and_tasks_in_prose_and_a_news_list_below():
    text = ("Aktualności\n\nWarsztaty dotyczące programu współpracy na 2021 rok\n\n"
            "Dnia 14 października 2020 r. w Urzędzie Gminy Dobra odbyły się warsztaty dotyczące projektu Programu "
            "współpracy Gminy Dobra z organizacjami pozarządowymi na rok 2021.\n\n"
            "Na wstępie przypomniano, że celem programu jest budowanie partnerstwa pomiędzy samorządem a "
            "organizacjami. Za cele szczegółowe przyjęto: wzmacnianie potencjału organizacji, rozwój wolontariatu "
            "oraz zwiększenie udziału mieszkańców w życiu publicznym.\n\n"
            "Następnie uczestnicy pracowali nad zadaniami priorytetowymi. W zakresie pomocy społecznej "
            "zaproponowano: organizowanie wypoczynku dla dzieci z rodzin ubogich; prowadzenie punktu pomocy "
            "sąsiedzkiej. W zakresie kultury fizycznej uczestnicy wskazali szkolenie dzieci i młodzieży w "
            "dyscyplinach zespołowych.\nPrzedstawiciel Stowarzyszenia „Razem” zgłosił nowe zadanie priorytetowe "
            "„Ochrona dziedzictwa kulturowego wsi”.\n\nZobacz też:\n- Nabór do Rady Seniorów\n"
            "- Zadania priorytetowe 2020 – sprawozdanie\n- Konkurs ofert na 2021 rok\n")
    assert goals(text) == [
        ("budowanie partnerstwa pomiędzy samorządem a organizacjami.", "main"),
        ("wzmacnianie potencjału organizacji", "specific"), ("rozwój wolontariatu", "specific"),
        ("zwiększenie udziału mieszkańców w życiu publicznym", "specific")]
    assert areas(text) == [
        ("organizowanie wypoczynku dla dzieci z rodzin ubogich", "pomoc społeczna"),
        ("prowadzenie punktu pomocy sąsiedzkiej", "pomoc społeczna"),
        ("szkolenie dzieci i młodzieży w dyscyplinach zespołowych", "kultura fizyczna"),
        ("Ochrona dziedzictwa kulturowego wsi", None)]


def test_minutes_with_roman_areas_over_lettered_tasks_and_an_agenda_naming_priorities():
    text = ("PROTOKÓŁ\nz posiedzenia Rady Działalności Pożytku Publicznego Powiatu Zwoleńskiego\n\n"
            "Porządek posiedzenia:\n1. Otwarcie posiedzenia.\n2. Przedstawienie priorytetów programu współpracy.\n"
            "3. Sprawy różne.\n\nAd. 2\nPani Dyrektor przedstawiła projekt. Priorytetowe obszary współpracy na 2023 rok:\n"
            "I. Pomoc społeczna\na) wspieranie rodzin w kryzysie,\nb) prowadzenie mieszkań chronionych.\n"
            "II. Edukacja\na) organizacja konkursów przedmiotowych dla uczniów szkół\npowiatowych,\n"
            "b) doradztwo zawodowe dla młodzieży.\n\nCzłonkowie Rady wskazali, że priorytety powinny być zgodne ze "
            "strategią powiatu.\n\nAd. 3\nNie zgłoszono wolnych wniosków.\n")
    assert areas(text) == [
        ("wspieranie rodzin w kryzysie", "pomoc społeczna"), ("prowadzenie mieszkań chronionych.", "pomoc społeczna"),
        ("organizacja konkursów przedmiotowych dla uczniów szkół powiatowych", "edukacja"),
        ("doradztwo zawodowe dla młodzieży.", "edukacja")]


@pytest.mark.parametrize("text", [
    "Zadania priorytetowe to jeden z elementów programu. Zadania priorytetowe to podstawa do ogłaszania konkursów.\n",
    "Sprawozdanie\n\nZadania priorytetowe realizowane były przez 12 organizacji: Stowarzyszenie Orzeł, Fundacja Wiatr.\n",
    "Informacja\n\nPriorytetem władz jest budowa obwodnicy. Wskazano: potrzebę remontu drogi powiatowej.\n",
    "Ogłoszenie\n\nZarząd ogłasza konkurs ofert na realizację zadań priorytetowych. Oferty należy składać do 15 marca. "
    "Zgłoszono: 14 ofert od 9 organizacji.\n",
    "Notatka\n\nZadania priorytetowe są zawarte w programie. Omówiono je szczegółowo.\n",
    "Strategia\n\nPriorytet I. Rozwój gospodarczy\nKierunki działań:\n- budowa dróg gminnych,\n"
    "- rozwój strefy inwestycyjnej.\n",
])
def test_statements_counts_and_names_near_priority_are_not_tasks(text):
    assert tasks(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Program przyjęto jednogłośnie. Celami szczegółowymi programu są: rozwój wolontariatu, wsparcie klubów "
     "seniora oraz promocja zdrowia.\n",
     [("rozwój wolontariatu", "specific"), ("wsparcie klubów seniora", "specific"), ("promocja zdrowia", "specific")]),
    ("Do celów szczegółowych programu należą: poprawa dostępu do informacji, rozwój edukacji obywatelskiej.\n",
     [("poprawa dostępu do informacji", "specific"), ("rozwój edukacji obywatelskiej", "specific")]),
    ("Wśród celów programu wymieniono: integrację mieszkańców, ochronę dziedzictwa lokalnego.\n",
     [("integrację mieszkańców", None), ("ochronę dziedzictwa lokalnego", None)]),
    ("Głównym celem programu jest rozwój współpracy, a celami szczegółowymi są: lepsza komunikacja, wspólne projekty.\n",
     [("rozwój współpracy", "main"), ("lepsza komunikacja", "specific"), ("wspólne projekty", "specific")]),
    ("Do celów Stowarzyszenia należą: pomoc dzieciom, opieka nad zwierzętami.\n", []),
])
def test_specific_goals_in_sentences(text, expected):
    assert goals(text) == expected


def test_goal_sentences_hard_wrapped_over_lines_as_a_pdf_text_layer_leaves_them():
    text = ("W trakcie spotkania przypomniano, że głównym celem programu współpracy na rok 2021 jest\n"
            "budowanie partnerstwa pomiędzy administracją a organizacjami. Następnie omówiono\nharmonogram.\n\n"
            "Program przyjęto. Celem głównym programu\nwspółpracy jest zwiększenie aktywności\n"
            "mieszkańców gminy Zbąszyń.\n\nKolejne spotkanie w maju.\n")
    assert goals(text) == [("budowanie partnerstwa pomiędzy administracją a organizacjami.", "main"),
                           ("zwiększenie aktywności mieszkańców gminy Zbąszyń.", "main")]
    start, end = run(text)["provenance"]["goals"][1]  # the offsets span the wrapped lines
    assert " ".join(text[start:end].split()) == "zwiększenie aktywności mieszkańców gminy Zbąszyń."


def test_an_unfinished_goal_sentence_does_not_take_the_next_paragraph():
    assert goals("Celem programu jest\n\nHarmonogram prac\nSpotkanie w maju.\n") == []


def test_unmarked_tasks_one_per_line_under_a_heading_without_a_colon_when_each_names_an_activity():
    text = ("Protokół z konsultacji programu współpracy w gminie Osieck, które trwały dwa tygodnie.\n\n"
            "Zadania priorytetowe na rok 2021\nWspieranie rodzin wielodzietnych\nOrganizacja festynu gminnego\n"
            "Prowadzenie klubu seniora\n\nKolejne spotkanie w maju.\n")
    assert tasks(text) == ["Wspieranie rodzin wielodzietnych", "Organizacja festynu gminnego",
                           "Prowadzenie klubu seniora"]


def test_a_numbered_item_wrapped_after_a_preposition_goes_on_even_with_a_capital():
    text = ("Zadania priorytetowe:\n1. Organizacja zajęć wakacyjnych dla\nMłodzieżowej Drużyny Pożarniczej.\n"
            "2. Wsparcie seniorów.\n")
    assert tasks(text) == ["Organizacja zajęć wakacyjnych dla Młodzieżowej Drużyny Pożarniczej.", "Wsparcie seniorów."]


def test_priority_areas_each_with_its_tasks_after_a_dash():
    text = ("Priorytetowe obszary współpracy:\n1. Pomoc społeczna – wspieranie rodzin, prowadzenie noclegowni.\n"
            "2. Kultura – organizacja przeglądu kapel ludowych.\n")
    assert areas(text) == [("wspieranie rodzin", "pomoc społeczna"), ("prowadzenie noclegowni", "pomoc społeczna"),
                           ("organizacja przeglądu kapel ludowych", "kultura")]


@pytest.mark.parametrize("text,expected", [
    ("Cele szczegółowe programu obejmują: rozwój wolontariatu, wsparcie klubów seniora.\n",
     [("rozwój wolontariatu", "specific"), ("wsparcie klubów seniora", "specific")]),
    ("Cele: rozwój turystyki, ochrona przyrody Doliny Baryczy.\n",
     [("rozwój turystyki", None), ("ochrona przyrody Doliny Baryczy", None)]),
    # commas inside one goal: the part after the comma does not start a new phrase
    ("Cele szczegółowe: poprawa jakości życia, zdrowia i bezpieczeństwa mieszkańców.\n",
     [("poprawa jakości życia, zdrowia i bezpieczeństwa mieszkańców.", "specific")]),
    ("Cele szczegółowe: wzrost aktywności mieszkańców, w tym seniorów.\n",
     [("wzrost aktywności mieszkańców, w tym seniorów.", "specific")]),
])
def test_goals_after_a_heading_split_at_commas_only_between_phrases(text, expected):
    assert goals(text) == expected


def test_a_proposal_for_the_programme_before_the_priority_tasks_are_named():
    text = ("Notatka z konsultacji w Wieliczce\n\nUczestnicy zaproponowali, aby w programie na 2020 r. znalazło się "
            "wspieranie edukacji ekologicznej dzieci.\n\nPozostałe zadania priorytetowe przyjęto bez zmian.\n")
    assert tasks(text) == ["wspieranie edukacji ekologicznej dzieci"]
    # without any mention of priority tasks the same sentence is only a wish
    assert tasks(text.replace("Pozostałe zadania priorytetowe przyjęto", "Pozostałe zapisy przyjęto")) == []


def test_a_quoted_name_inside_a_task_stays_in_it():
    assert tasks("Zadania priorytetowe: organizacja festiwalu „Lato w Lipnie”, warsztaty kulinarne dla seniorów.\n") == [
        "organizacja festiwalu „Lato w Lipnie”", "warsztaty kulinarne dla seniorów"]
    assert tasks("Zadania priorytetowe:\n- organizacja festiwalu „Lato w Lipnie”\n- warsztaty kulinarne\n") == [
        "organizacja festiwalu „Lato w Lipnie”", "warsztaty kulinarne"]


def test_a_consultation_report_with_goal_headings_mid_paragraph_and_remarks_by_organisations():
    text = ("Sprawozdanie z przebiegu konsultacji projektu Programu współpracy Gminy Zalesie na 2024 rok\n\n"
            "Konsultacje przeprowadzono od 2 do 16 października 2023 r.\n\n"
            "Przedstawiono założenia projektu. Celem głównym Programu jest rozwijanie współpracy Gminy z "
            "organizacjami w celu lepszego zaspokajania potrzeb mieszkańców. Cele szczegółowe Programu to:\n"
            "1) umacnianie lokalnych działań,\n2) poprawa jakości życia mieszkańców.\n\n"
            "W toku dyskusji zgłoszono następujące uwagi:\n"
            "1. Stowarzyszenie Przyjaciół Zalesia zaproponowało dopisanie do zadań priorytetowych zadania "
            "„Organizacja zajęć sportowych dla seniorów”. Uwaga została uwzględniona.\n"
            "2. Klub Sportowy „Orzeł” wniósł o zwiększenie kwoty na zadania z zakresu kultury fizycznej.\n"
            "3. Uczestnicy wskazali, że w zakresie ochrony zdrowia priorytetem powinna być profilaktyka "
            "uzależnień wśród młodzieży.\n\nOstatecznie zadania priorytetowe na 2024 rok obejmą:\n"
            "- wspieranie i upowszechnianie kultury fizycznej,\n- działalność na rzecz osób w wieku emerytalnym.\n\n"
            "Sporządziła: Anna Nowak, inspektor\n")
    assert goals(text) == [
        ("rozwijanie współpracy Gminy z organizacjami w celu lepszego zaspokajania potrzeb mieszkańców.", "main"),
        ("umacnianie lokalnych działań", "specific"), ("poprawa jakości życia mieszkańców.", "specific")]
    assert areas(text) == [
        ("Organizacja zajęć sportowych dla seniorów", None),
        ("profilaktyka uzależnień wśród młodzieży", "ochrona zdrowia"),
        ("wspieranie i upowszechnianie kultury fizycznej", None),
        ("działalność na rzecz osób w wieku emerytalnym.", None)]


def test_a_bare_programme_goal_heading_over_its_paragraph():
    assert goals("Konsultacje w Mszanie\n\nCel programu\n\nZwiększenie zaangażowania organizacji w rozwiązywanie "
                 "lokalnych problemów.\n") == [
        ("Zwiększenie zaangażowania organizacji w rozwiązywanie lokalnych problemów.", "main")]


@pytest.mark.parametrize("text,expected", [
    ("Uczestnicy za priorytetowe uznali organizację wypoczynku dzieci oraz pomoc rodzinom wielodzietnym.\n",
     ["organizację wypoczynku dzieci", "pomoc rodzinom wielodzietnym"]),
    ("Jako zadanie priorytetowe wskazano budowę tężni solankowej.\n", ["budowę tężni solankowej"]),
    ("Zadaniem priorytetowym będzie prowadzenie świetlicy dla dzieci.\n", ["prowadzenie świetlicy dla dzieci"]),
    ("Priorytetowym zadaniem na 2021 r. powinno być wsparcie hospicjum domowego.\n", ["wsparcie hospicjum domowego"]),
])
def test_a_task_named_priority_in_a_sentence_without_a_colon(text, expected):
    assert tasks(text) == expected


def test_area_sentences_over_lists_shortly_above_the_mention_of_priority_tasks():
    text = ("Propozycje organizacji\n\nW zakresie pomocy społecznej:\n- dowóz obiadów dla seniorów,\n"
            "- prowadzenie jadłodajni.\n\nW zakresie sportu:\n- turniej siatkówki plażowej.\n\n"
            "Powyższe propozycje zostaną wpisane do projektu jako zadania priorytetowe.\n")
    assert areas(text) == [("dowóz obiadów dla seniorów", "pomoc społeczna"), ("prowadzenie jadłodajni.", "pomoc społeczna"),
                           ("turniej siatkówki plażowej.", "sport")]
    report = ("Sprawozdanie z działalności\n\nW obszarze pomocy społecznej:\n- wydano 300 paczek,\n"
              "- przeprowadzono 12 wizyt domowych.\n\nZadania priorytetowe na kolejny rok omówiono osobno.\n")
    assert tasks(report) == []


# ---- goals quoted in mid-sentence, goal tables, colon lines over lists, ordinals -----------------

@pytest.mark.parametrize("text,expected", [
    ("Notatka\n\nDokument zakładał cel główny: „Rozwój aktywności obywatelskiej mieszkańców Gołdapi”. "
     "Dyskusja trwała godzinę.\n", [("Rozwój aktywności obywatelskiej mieszkańców Gołdapi", "main")]),
    ("Sprawozdanie\n\nBurmistrz omówił założenia – cel nadrzędny bez zmian wobec programu na 2019 r.: "
     "„Wspieranie lokalnych inicjatyw sąsiedzkich w Piszu”.\n",
     [("Wspieranie lokalnych inicjatyw sąsiedzkich w Piszu", "main")]),
    ("Protokół\n\nKlub Seniora zaproponował dopisanie do celów szczegółowych celu „aktywizacja cyfrowa osób "
     "starszych w sołectwach” – przyjęto.\n", [("aktywizacja cyfrowa osób starszych w sołectwach", "specific")]),
])
def test_a_goal_quoted_after_the_words_naming_it(text, expected):
    assert goals(text) == expected


@pytest.mark.parametrize("text", [
    # a quote after "cel" that is a task, or a meeting's aim: no goal
    "Notatka\n\nOmówiono cel szczegółowy nr 2 oraz zadanie „budowa boiska przy szkole w Lipnie”.\n",
    "Notatka\n\nCelem spotkania było omówienie projektu „Aktywna Wieś Lubelska 2030”.\n",
])
def test_quotes_near_goal_words_that_are_not_goals(text):
    assert goals(text) == []


def test_goals_in_a_table_column_named_after_them():
    text = ("Raport\n\nLp. | Cel operacyjny | Uwagi\n1 | Wsparcie rodzin w kryzysie | bez uwag\n"
            "2 | Rozwój mieszkalnictwa wspomaganego | dopisano\n\nDalsze prace potrwają do maja.\n")
    assert goals(text) == [("Wsparcie rodzin w kryzysie", "specific"),
                           ("Rozwój mieszkalnictwa wspomaganego", "specific")]
    # a table naming something else holds no goals
    assert goals("Raport\n\nLp. | Uwaga | Stanowisko\n1 | Wsparcie rodzin w kryzysie | przyjęto\n") == []


@pytest.mark.parametrize("text", [
    "Przebieg\n\nRozmawiano długo. Jako cele szczegółowe przyjęto:\n\n• rozwój sieci świetlic wiejskich,\n"
    "• wsparcie grup nieformalnych.\n",
    "Przebieg\n\nUczestnicy zaproponowali skrócenie listy celów szczegółowych do dwóch:\n"
    "- rozwój sieci świetlic wiejskich,\n- wsparcie grup nieformalnych.\n",
])
def test_a_sentence_ending_with_a_colon_over_a_list_of_specific_goals(text):
    assert goals(text) == [("rozwój sieci świetlic wiejskich", "specific"),
                           ("wsparcie grup nieformalnych.", "specific")]


def test_a_list_after_a_colon_sentence_about_something_else_holds_no_goals():
    text = "Przebieg\n\nUczestnicy zgłosili następujące uwagi:\n- wydłużenie terminu składania ofert,\n- więcej szkoleń.\n"
    assert goals(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Relacja\n\nWedług projektu głównym celem programu ma być rozwój współpracy z klubami sportowymi.\n",
     [("rozwój współpracy z klubami sportowymi.", "main")]),
    ("Relacja\n\nCelem systemu – jak wyjaśnił sekretarz – ma być uproszczenie rozliczania małych grantów.\n",
     [("uproszczenie rozliczania małych grantów.", "main")]),
])
def test_a_main_goal_that_is_to_be(text, expected):
    assert goals(text) == expected


def test_specific_goals_counted_with_ordinals():
    text = ("Relacja\n\nCele szczegółowe określono dwa: pierwszym jest rozwój wolontariatu młodzieży, "
            "a drugim wsparcie klubów seniora w sołectwach.\n")
    assert goals(text) == [("rozwój wolontariatu młodzieży", "specific"),
                           ("wsparcie klubów seniora w sołectwach", "specific")]


def test_a_goal_with_a_short_remark_before_its_quote_is_the_quote():
    text = "Informacja\n\nCel główny programu (bez zmian): „Wzmacnianie więzi sąsiedzkich w gminie Ryn”.\n"
    assert goals(text) == [("Wzmacnianie więzi sąsiedzkich w gminie Ryn", "main")]


# ---- priority tasks: tables, area-dash items, long headings, quotes in area lists, prose ----------

def test_the_task_column_of_a_table_whose_area_column_names_tasks_too():
    text = ("Protokół\n\nOmówiono zadania priorytetowe na 2022 rok:\n\n"
            "Sfera zadań publicznych | Zadanie priorytetowe\n"
            "pomoc społeczna | prowadzenie jadłodajni dla osób ubogich\n"
            "turystyka i krajoznawstwo | oznakowanie tras rowerowych w gminie\n")
    assert areas(text) == [("prowadzenie jadłodajni dla osób ubogich", "pomoc społeczna"),
                           ("oznakowanie tras rowerowych w gminie", "turystyka i krajoznawstwo")]


@pytest.mark.parametrize("text", [
    "Posiedzenie\n\nW projekcie wskazano następujące priorytetowe zadania publiczne:\n"
    "1) w obszarze pomocy społecznej – prowadzenie jadłodajni dla osób ubogich;\n"
    "2) w obszarze działalności na rzecz osób z niepełnosprawnościami i ich opiekunów – organizacja turnusów wytchnieniowych.\n",
    "Posiedzenie\n\nRadni, w tym przewodniczący komisji oświaty oraz przedstawiciele dwóch klubów, przyjęli "
    "następujące zadania priorytetowe:\n\n"
    "a) w obszarze pomocy społecznej – prowadzenie jadłodajni dla osób ubogich,\n"
    "b) w obszarze działalności na rzecz osób z niepełnosprawnościami i ich opiekunów – organizacja turnusów wytchnieniowych.\n",
])
def test_items_naming_their_area_before_a_dash(text):
    assert tasks(text) == ["prowadzenie jadłodajni dla osób ubogich", "organizacja turnusów wytchnieniowych"]


def test_quoted_tasks_in_lists_under_area_headings():
    text = ("Raport\n\nW projekcie ujęto priorytetowe zadania publiczne w pięciu obszarach.\n\n"
            "Obszar: pomoc społeczna, w tym pomoc osobom w kryzysie bezdomności\n"
            "– w projekcie: „prowadzenie łaźni dla osób bezdomnych”,\n"
            "– Fundacja „Dach” postulowała zadanie „streetworking zimowy” – uwzględniono.\n\n"
            "Obszar: kultura fizyczna\n– w projekcie: „szkolenie sportowe juniorów”.\n")
    assert areas(text) == [
        ("prowadzenie łaźni dla osób bezdomnych", "pomoc społeczna, w tym pomoc osobom w kryzysie bezdomności"),
        ("streetworking zimowy", "pomoc społeczna, w tym pomoc osobom w kryzysie bezdomności"),
        ("szkolenie sportowe juniorów", "kultura fizyczna")]


def test_area_and_task_pairs_in_one_sentence():
    text = ("Relacja\n\nO zadaniach priorytetowych mówiono długo. Ustalono, że w obszarze ekologii priorytetowym "
            "zadaniem pozostała edukacja o segregacji odpadów, a w obszarze turystyki – budowa wiat dla rowerzystów.\n")
    assert areas(text) == [("edukacja o segregacji odpadów", "ekologia"),
                           ("budowa wiat dla rowerzystów", "turystyka")]


def test_a_task_to_be_recognised_as_a_new_priority_task():
    text = ("Relacja\n\nKoło Gospodyń wnioskowało, aby za nowe zadanie priorytetowe uznać organizację "
            "warsztatów rękodzieła dla dzieci.\n")
    assert tasks(text) == ["organizację warsztatów rękodzieła dla dzieci"]


def test_a_see_also_list_after_tasks_is_no_area():
    text = ("Relacja\n\nZadaniem priorytetowym ma być prowadzenie świetlicy w Lipnie.\n\nZobacz również:\n"
            "- Festyn rodzinny w Lipnie – 12.06.2021\n- Sesja Rady Gminy – 20.06.2021\n")
    assert "Festyn rodzinny w Lipnie – 12.06.2021" not in tasks(text)


def test_a_quoted_wording_to_change_in_an_area_list_is_no_task():
    text = ("Protokół\n\nUwagi do zadań priorytetowych:\n\nW obszarze pomocy społecznej:\n"
            "a) zaproponowano, aby do pkt 3 „dowóz posiłków” dopisać „dla osób samotnych”,\n"
            "b) prowadzenie punktu porad prawnych.\n")
    assert "dla osób samotnych" not in tasks(text)


def test_a_task_added_by_name_after_its_area_is_read_without_the_word_priority():
    text = "Zmiany\n\n1. W zakresie turystyki dodano zadanie priorytetowe „znakowanie szlaków konnych w gminie”.\n"
    assert tasks(text) == ["znakowanie szlaków konnych w gminie"]


# ---- goals named anywhere in a sentence (round 3: new writers' phrasing) ----------------------

@pytest.mark.parametrize("text,expected", [
    ("Notatka\n\nDokument zakłada cel główny: poprawa dostępu mieszkańców Wąchocka do usług opiekuńczych. "
     "Dalsze prace potrwają do maja.\n",
     [("poprawa dostępu mieszkańców Wąchocka do usług opiekuńczych.", "main")]),
    ("Protokół\n\nPkt 3. Przedstawiono cel główny nowej strategii: ograniczenie ubóstwa rodzin w gminie Sośnie.\n",
     [("ograniczenie ubóstwa rodzin w gminie Sośnie.", "main")]),
    ("Relacja\n\nNa prośbę sołtysów dopisano cel szczegółowy: rozwój świetlic wiejskich w sołectwach Brzozów i Lipa.\n",
     [("rozwój świetlic wiejskich w sołectwach Brzozów i Lipa.", "specific")]),
])
def test_a_goal_after_a_colon_in_mid_sentence(text, expected):
    assert goals(text) == expected


def test_strategic_goals_listed_after_a_colon_in_mid_paragraph():
    text = ("Raport\n\nTak ustalono kierunek prac. Cele strategiczne to: 1) aktywizacja osób bezrobotnych; "
            "2) rozwój opieki nad seniorami; 3) wsparcie rodzin wielodzietnych.\n")
    assert goals(text) == [("aktywizacja osób bezrobotnych", "specific"), ("rozwój opieki nad seniorami", "specific"),
                           ("wsparcie rodzin wielodzietnych.", "specific")]


def test_a_meeting_s_aim_after_a_colon_is_no_goal():
    assert goals("Notatka\n\nOmówiono cel główny spotkania: ustalenie harmonogramu prac zespołu.\n") == []


@pytest.mark.parametrize("text,expected", [
    ("Relacja\n\nUznaliśmy, że głównym celem, do którego mają zmierzać nasze działania, jest budowa zaufania "
     "między mieszkańcami a urzędem.\n", "budowa zaufania między mieszkańcami a urzędem."),
    ("Relacja\n\nNajważniejszym celem tej współpracy będzie aktywizacja seniorów z terenów wiejskich.\n",
     "aktywizacja seniorów z terenów wiejskich."),
])
def test_the_main_goal_named_with_words_between(text, expected):
    assert goals(text) == [(expected, "main")]


def test_the_main_goal_is_not_the_aim_of_a_meeting():
    assert goals("Relacja\n\nGłównym celem spotkania było poznanie się członków zespołu.\n") == []


@pytest.mark.parametrize("text,expected", [
    ("Sesja\n\nRadni za swój nadrzędny cel uznali „poprawę bezpieczeństwa dzieci w drodze do szkoły”.\n",
     "poprawę bezpieczeństwa dzieci w drodze do szkoły"),
    ("Warsztaty\n\nUczestnicy ustalili, że jego celem ma być „wspieranie lokalnych inicjatyw kulturalnych”.\n",
     "wspieranie lokalnych inicjatyw kulturalnych"),
    ("Warsztaty\n\nRozmawiano o brzmieniu celu głównego programu. Ostatecznie przyjęto brzmienie: "
     "„Rozwój partnerstwa samorządu i organizacji w gminie Bystra”.\n",
     "Rozwój partnerstwa samorządu i organizacji w gminie Bystra"),
])
def test_a_quoted_main_goal(text, expected):
    assert goals(text) == [(expected, "main")]


def test_numbered_goals_run_on_in_one_line_are_split():
    text = ("Wyniki\n\nCel strategiczny 1. Rozwój kadr pomocy społecznej. Cel strategiczny 2. Wsparcie rodzin "
            "w kryzysie.\n")
    assert goals(text) == [("Rozwój kadr pomocy społecznej.", "main"), ("Wsparcie rodzin w kryzysie.", "main")]


@pytest.mark.parametrize("text", [
    "Ogłoszenie\n\nFundusz sołecki ma na celu:\n- poprawę estetyki wsi,\n- rozwój oferty świetlicy.\n",
    "Ogłoszenie\n\nPartnerstwo, o którym mowa w uchwale. Cele projektu, w którym bierze udział gmina, są "
    "następujące:\n- poprawę estetyki wsi,\n- rozwój oferty świetlicy.\n",
])
def test_goals_listed_after_a_sentence_naming_them(text):
    assert [g for g, _level in goals(text)] == ["poprawę estetyki wsi", "rozwój oferty świetlicy."]


def test_the_aim_of_a_named_budget():
    text = "Budżet\n\nCelem Wiejskiego Budżetu Obywatelskiego jest ożywienie życia sołectw gminy Czarna.\n"
    assert goals(text) == [("ożywienie życia sołectw gminy Czarna.", "main")]


# ---- priority tasks by their shape, in a context about tasks (round 3) ------------------------

def test_a_list_under_a_heading_with_zadan_priorytetowych():
    text = ("Konsultacje\n\nWykaz zadań priorytetowych na 2027 r. obejmie:\n– organizację półkolonii dla dzieci,\n"
            "– opiekę nad osobami starszymi (propozycja Koła Seniorów).\n")
    assert tasks(text) == ["organizację półkolonii dla dzieci", "opiekę nad osobami starszymi"]


def test_a_sentence_naming_tasks_as_priority_over_labelled_bullets():
    text = ("Warsztaty\n\nGrupy spisały działania, które chcą widzieć w programie jako priorytetowe. Oto one:\n"
            "• ekologia: sprzątanie brzegów rzeki, edukacja o odpadach;\n• sport: organizacja turnieju szachowego.\n")
    assert areas(text) == [("sprzątanie brzegów rzeki", "ekologia"), ("edukacja o odpadach", "ekologia"),
                           ("organizacja turnieju szachowego", "sport")]


@pytest.mark.parametrize("text,expected", [
    ("Relacja\n\nZespoły wskazywały priorytetowe zadania publiczne.\n\n"
     "Zespół A – kultura: prowadzenie pracowni ceramiki; ochrona kapliczek przydrożnych.\n\n"
     "Zespół B – zdrowie: profilaktyka cukrzycy wśród seniorów.\n",
     [("prowadzenie pracowni ceramiki", "kultura"), ("ochrona kapliczek przydrożnych", "kultura"),
      ("profilaktyka cukrzycy wśród seniorów", "zdrowie")]),
    ("Relacja\n\nNa koniec zebrano propozycje zadań priorytetowych.\n\nSport: budowa skoczni w Lasku. "
     "Turystyka: rozwój szlaku kajakowego na Wdzie.\n",
     [("budowa skoczni w Lasku", "sport"), ("rozwój szlaku kajakowego na Wdzie", "turystyka")]),
])
def test_labelled_runs_of_tasks(text, expected):
    assert areas(text) == expected


@pytest.mark.parametrize("text", [
    "Relacja\n\nMówiono o zadaniach priorytetowych.\n\nPartnerzy projektu: Fundacja Las, Instytut Badań Wsi.\n",
    "Relacja\n\nMówiono o zadaniach priorytetowych.\n\nObecni: Jan Kos, Ewa Lis, Adam Wrona.\n",
    "Relacja\n\nMówiono o zadaniach priorytetowych.\n\nTermin: do końca maja, w godzinach pracy urzędu.\n",
])
def test_labelled_lines_of_names_or_dates_are_no_tasks(text):
    assert tasks(text) == []


def test_proposals_listed_after_a_question_about_priority():
    text = ("Warsztaty\n\nPytaliśmy, jakie zadania powinny być priorytetowe w 2026 roku. Najwięcej głosów zebrały "
            "propozycje: remont boiska w Dąbiu, prowadzenie kółka robotyki oraz opieka nad kotami wolno żyjącymi.\n")
    assert tasks(text) == ["remont boiska w Dąbiu", "prowadzenie kółka robotyki", "opieka nad kotami wolno żyjącymi"]


def test_proposals_of_dates_are_no_tasks():
    text = ("Warsztaty\n\nRozmawiano o zadaniach priorytetowych. Padły propozycje terminów: 12 maja, 19 maja "
            "albo 26 maja.\n")
    assert tasks(text) == []


def test_quoted_tasks_added_to_the_priorities_with_who_proposed_them():
    text = ('Notatka\n\n- dopisujemy do priorytetów dwa zadania zgłoszone przez Was: "nauka pływania dla '
            'przedszkolaków" (zgłosił Klub "Fala") oraz "prowadzenie kawiarenki dla seniorów" (Stowarzyszenie "Razem")\n')
    assert tasks(text) == ["nauka pływania dla przedszkolaków", "prowadzenie kawiarenki dla seniorów"]


def test_a_task_that_is_to_become_a_priority():
    text = ("Forum\n\nGrupa seniorska postulowała, by priorytetowym zadaniem stała się teleopieka dla osób "
            "samotnych w gminie.\n")
    assert tasks(text) == ["teleopieka dla osób samotnych w gminie"]


def test_a_table_of_remarks_under_a_sentence_about_tasks_is_not_read_as_tasks():
    text = ("Konsultacje\n\nDo wykazu zadań priorytetowych wpłynęły uwagi:\n\n"
            "| Lp. | Zgłaszający | Treść uwagi | Stanowisko |\n"
            "| 1 | Klub „Orlik” | zwiększenie dotacji na sport | nie uwzględniono |\n")
    assert tasks(text) == []


def test_two_genitives_joined_by_i_stay_one_task():
    text = ("Program\n\nZa priorytetowe uznano: ochronę tradycji regionalnej i kultury ludowej oraz "
            "wspieranie wolontariatu młodzieży.\n")
    assert tasks(text) == ["ochronę tradycji regionalnej i kultury ludowej", "wspieranie wolontariatu młodzieży"]


def test_a_bulleted_task_heading_ends_at_the_next_bullet_of_its_own_list():
    text = ("Notatka\n\n• Zadania priorytetowe na 2027 r.:\n– sport: nauka jazdy na łyżwach dla dzieci,\n"
            "– kultura: prowadzenie chóru parafialnego.\n• Sołtys Lipia prosi o nowe ławki – do rozważenia.\n"
            "• Program zostanie uchwalony w grudniu.\n")
    assert areas(text) == [("nauka jazdy na łyżwach dla dzieci", "sport"), ("prowadzenie chóru parafialnego", "kultura")]


# ---- goals without the word "cel": "ma służyć", "ma <bezokolicznik>", "chodzi o to, by", "założeniem jest"

@pytest.mark.parametrize("text,expected", [
    ("Sprawozdanie z Wąchocka\n\nBurmistrz przypomniał historię programu. Program ma służyć głównie "
     "aktywizacji mieszkańców sołectw i wsparciu lokalnych liderów.\n",
     [("aktywizacji mieszkańców sołectw i wsparciu lokalnych liderów.", "main")]),
    ("Notatka\n\nOmówiono projekt. Nowy fundusz sołecki ma przede wszystkim ułatwić mieszkańcom "
     "realizację drobnych inwestycji we wsiach.\n",
     [("ułatwić mieszkańcom realizację drobnych inwestycji we wsiach.", "main")]),
    ("Relacja\n\nPrzewodnicząca zespołu mówiła o założeniach. Chodzi głównie o to, żeby kluby sportowe "
     "mogły planować treningi na cały sezon – to był główny wątek rozmowy.\n",
     [("kluby sportowe mogły planować treningi na cały sezon", "main")]),
    ("Informacja\n\nPodstawowym założeniem dokumentu jest to, aby każda wieś miała własne miejsce spotkań.\n",
     [("każda wieś miała własne miejsce spotkań.", "main")]),
    ("Protokół\n\nUstaliliśmy, do czego strategia ma służyć: celem jest zbudowanie sieci punktów "
     "poradnictwa dla rodzin.\n",
     [("zbudowanie sieci punktów poradnictwa dla rodzin.", "main")]),
])
def test_a_goal_stated_without_the_word_cel(text, expected):
    assert goals(text) == expected


@pytest.mark.parametrize("text", [
    "Komunikat\n\nProgram ma zostać uchwalony przez radę w grudniu, a projekt ma trafić do konsultacji w maju.\n",
    "Informacja\n\nRada seniorów ma opiniować projekty uchwał dotyczących osób starszych.\n",
    "Relacja\n\nNie chodzi o to, że ktoś się spóźnił; zebranie przełożono z powodu awarii.\n",
])
def test_plans_duties_and_asides_are_not_goals(text):
    assert goals(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Z warsztatów w Kłodawie\n\nDyskusja trwała długo. Jego cele szczegółowe to rozbudowa ścieżek rowerowych, "
     "ochrona terenów zielonych oraz poprawa oświetlenia ulic.\n",
     ["rozbudowa ścieżek rowerowych", "ochrona terenów zielonych", "poprawa oświetlenia ulic"]),
    ("Notatka\n\nPrzyjęto również cele operacyjne, którymi są wsparcie opiekunów osób zależnych, "
     "rozwój teleopieki, a także szkolenia dla wolontariuszy.\n",
     ["wsparcie opiekunów osób zależnych", "rozwój teleopieki", "szkolenia dla wolontariuszy"]),
    ("Relacja\n\nSpotkanie zakończono. Cele szczegółowe planu zespół zaakceptował – to integracja "
     "mieszkańców osiedli, promocja lokalnych twórców oraz wsparcie klubów młodzieżowych.\n",
     ["integracja mieszkańców osiedli", "promocja lokalnych twórców", "wsparcie klubów młodzieżowych"]),
])
def test_specific_goals_in_a_sentence_with_commas_one_item_each(text, expected):
    assert [t for t, level in goals(text) if level == "specific"] == expected


def test_a_specific_goal_with_a_genitive_after_a_comma_stays_one():
    text = ("Notatka\n\nOmówiono dokument. Jego cele szczegółowe to poprawa jakości życia, zdrowia i "
            "bezpieczeństwa mieszkańców.\n")
    assert [t for t, _level in goals(text)] == ["poprawa jakości życia, zdrowia i bezpieczeństwa mieszkańców."]


def test_a_single_proposed_specific_goal_is_not_read_past_its_dash():
    text = ("Notatka\n\nKoło gospodyń zaproponowało, by dopisać nowy cel szczegółowy – promocję kuchni "
            "regionalnej – co zostanie rozważone przez urząd.\n")
    assert all("rozważone" not in t for t, _level in goals(text))


# ---- priority tasks: vote results, titled blocks ------------------------------------------------

def test_tasks_that_won_a_vote_under_a_mention_of_priority_tasks():
    text = ("Spotkanie w Reszlu\n\nUczestnicy głosowali na propozycje zadań priorytetowych na 2025 rok.\n\n"
            "Największe poparcie uzyskały:\n"
            "1. prowadzenie świetlicy dla dzieci w Świętej Lipce (19 głosów),\n"
            "2. organizacja turnieju szachowego dla seniorów (12),\n"
            "3. wsparcie drużyny harcerskiej (9).\n")
    assert tasks(text) == ["prowadzenie świetlicy dla dzieci w Świętej Lipce", "organizacja turnieju szachowego dla seniorów",
                           "wsparcie drużyny harcerskiej"]


def test_a_vote_result_without_a_mention_of_priority_tasks_gives_none():
    text = ("Wybory sołtysa w Łężanach\n\nNajwięcej głosów zdobyli:\n1. Jan Kowalski (40 głosów),\n"
            "2. Anna Nowak (22).\n")
    assert tasks(text) == []


def test_priority_tasks_as_titles_over_short_descriptions():
    text = ("Warsztaty w Sępopolu\n\nPo dyskusji powstała lista. Takie zadania priorytetowe zaproponowali uczestnicy:\n\n"
            "Letnie półkolonie w świetlicach\nZajęcia dla dzieci przez trzy tygodnie lipca.\n\n"
            "Bezpieczny senior\nSpotkania z policją i strażą pożarną w każdej wsi.\n\n"
            "Dziękujemy za udział!\n")
    assert tasks(text) == ["Letnie półkolonie w świetlicach", "Bezpieczny senior"]


def test_titled_blocks_that_name_areas_are_not_tasks():
    text = ("Forum\n\nOmówiono zadania priorytetowe według obszarów:\n\n"
            "Obszar: kultura i sztuka\nW tym obszarze zgłoszono trzy propozycje.\n\n"
            "Obszar: sport\nW tym obszarze nie zgłoszono propozycji.\n")
    assert "Obszar: kultura i sztuka" not in tasks(text)


def test_one_specific_goal_naming_places_with_commas_stays_one():
    text = ("Notatka\n\nPo uwagach dopisano cel szczegółowy: integracja mieszkańców nowych osiedli w Ligocie, "
            "Zawadzie i Brzezince.\n")
    assert [t for t, _level in goals(text)] == ["integracja mieszkańców nowych osiedli w Ligocie, Zawadzie i Brzezince."]


def test_tasks_proposed_by_named_organisations_one_sentence_each():
    text = ("Spotkanie w Bodzentynie\n\nOrganizacje przedstawiły propozycje zadań priorytetowych na 2026 rok:\n\n"
            "Uczniowski Klub Sportowy „Start” zaproponował jako zadanie priorytetowe organizację ligi piłkarskiej dla szkół.\n\n"
            "Stowarzyszenie Przyjaciół Ziemi Bodzentyńskiej wniosło o wpisanie zadania: ochrona zabytkowych kapliczek.\n\n"
            "Zebrani uzgodnili, że wszystkie propozycje zostaną omówione na kolejnym spotkaniu z burmistrzem.\n")
    found = tasks(text)
    assert "organizację ligi piłkarskiej dla szkół" in found
    assert "ochrona zabytkowych kapliczek" in found
    assert not any("Stowarzyszenie" in t or "Klub" in t for t in found)


def test_a_signature_under_a_list_of_proposals_is_not_a_task():
    text = ("Spotkanie w Zagnańsku\n\nOrganizacje przedstawiły propozycje zadań priorytetowych:\n\n"
            "Klub Seniora „Jodła” zaproponował jako zadanie priorytetowe prowadzenie zajęć tanecznych dla seniorów.\n\n"
            "Sporządziła: Ewa Zając, podinspektor ds. kultury\n")
    assert tasks(text) == ["prowadzenie zajęć tanecznych dla seniorów"]


def test_a_list_of_changes_to_the_priority_tasks_gives_the_tasks_it_names():
    text = ("Konsultacje w Mirowie\n\nW zadaniach priorytetowych projektu wprowadzono zmiany:\n"
            "1) usunięto zadanie „organizacja pikniku rodzinnego”, bo zrealizuje je szkoła;\n"
            "2) dopisano nowe zadanie priorytetowe: prowadzenie punktu porad prawnych dla seniorów;\n"
            "3) bez zmian zostaje zadanie: dowożenie osób niepełnosprawnych na rehabilitację.\n")
    assert tasks(text) == ["organizacja pikniku rodzinnego", "prowadzenie punktu porad prawnych dla seniorów",
                           "dowożenie osób niepełnosprawnych na rehabilitację"]
