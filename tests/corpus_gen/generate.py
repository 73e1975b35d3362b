"""Writes invented reports of participatory meetings with their gold records.

Each report is assembled from building blocks whose inflected forms are written out by hand
here (so the extractor's own morphology is tested, not reused): municipalities, organisations
in several cases, date forms, goals and priority tasks in lists / paragraphs / quotes, site
chrome around the text. `python -m tests.corpus_gen.generate OUT_DIR [N]` writes
`<name>.txt` + `<name>.gold.json` pairs that `../shared/eval/score.py` can score.
"""
from __future__ import annotations

import json
import random
import sys
import textwrap
from pathlib import Path

# nominative, locative, genitive, kind, voivodeship (None: name exists in several voivodeships)
MUNICIPALITIES = [
    ("Kórnik", "Kórniku", "Kórnika", "gmina", "wielkopolskie"),
    ("Sokółka", "Sokółce", "Sokółki", "gmina", "podlaskie"),
    ("Zakopane", "Zakopanem", "Zakopanego", "gmina", "małopolskie"),
    ("Lublin", "Lublinie", "Lublina", "miasto", "lubelskie"),
    ("Nowa Dęba", "Nowej Dębie", "Nowej Dęby", "gmina", "podkarpackie"),
    ("Wieliczka", "Wieliczce", "Wieliczki", "gmina", "małopolskie"),
    ("Supraśl", "Supraślu", "Supraśla", "gmina", "podlaskie"),
    ("Kleszczele", "Kleszczelach", "Kleszczel", "gmina", "podlaskie"),
    ("Michałowo", "Michałowie", "Michałowa", "gmina", "podlaskie"),
    ("Józefów", "Józefowie", "Józefowa", "gmina", None),
]
# a cue that settles an ambiguous name: (text, voivodeship)
AMBIGUITY_CUES = {"Józefów": ("Gmina leży w powiecie otwockim.", "mazowieckie")}

# organisation templates: nominative, genitive, locative, instrumental; {loc} = municipality locative
ORGS = [
    ("Stowarzyszenie Przyjaciół Ziemi {adj}", "Stowarzyszenia Przyjaciół Ziemi {adj}",
     "Stowarzyszeniu Przyjaciół Ziemi {adj}", "Stowarzyszeniem Przyjaciół Ziemi {adj}", "ngo"),
    ("Fundacja Rozwoju Lokalnego „Razem”", "Fundacji Rozwoju Lokalnego „Razem”",
     "Fundacji Rozwoju Lokalnego „Razem”", "Fundacją Rozwoju Lokalnego „Razem”", "ngo"),
    ("Gminny Ośrodek Kultury w {loc}", "Gminnego Ośrodka Kultury w {loc}",
     "Gminnym Ośrodku Kultury w {loc}", "Gminnym Ośrodkiem Kultury w {loc}", "public"),
    ("Urząd Miejski w {loc}", "Urzędu Miejskiego w {loc}", "Urzędzie Miejskim w {loc}",
     "Urzędem Miejskim w {loc}", "public"),
    ("Towarzystwo Miłośników Regionu", "Towarzystwa Miłośników Regionu",
     "Towarzystwie Miłośników Regionu", "Towarzystwem Miłośników Regionu", "ngo"),
    ("Miejska Biblioteka Publiczna w {loc}", "Miejskiej Biblioteki Publicznej w {loc}",
     "Miejskiej Bibliotece Publicznej w {loc}", "Miejską Biblioteką Publiczną w {loc}", "public"),
    ("Klub Sportowy „Orzeł”", "Klubu Sportowego „Orzeł”", "Klubie Sportowym „Orzeł”",
     "Klubem Sportowym „Orzeł”", "ngo"),
    ("Rada Seniorów", "Rady Seniorów", "Radzie Seniorów", "Radą Seniorów", "public"),
    ("Fundacja Wspierania Aktywności Obywatelskiej", "Fundacji Wspierania Aktywności Obywatelskiej",
     "Fundacji Wspierania Aktywności Obywatelskiej", "Fundacją Wspierania Aktywności Obywatelskiej", "ngo"),
    ("Szkoła Podstawowa nr 2", "Szkoły Podstawowej nr 2", "Szkole Podstawowej nr 2",
     "Szkołą Podstawową nr 2", "public"),
]
ADJ = {"Kórnik": "Kórnickiej", "Sokółka": "Sokólskiej", "Zakopane": "Zakopiańskiej", "Lublin": "Lubelskiej",
       "Nowa Dęba": "Dębskiej", "Wieliczka": "Wielickiej", "Supraśl": "Supraskiej",
       "Kleszczele": "Kleszczelowskiej", "Michałowo": "Michałowskiej", "Józefów": "Józefowskiej"}

MONTHS_GEN = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
              "września", "października", "listopada", "grudnia"]
MONTHS_LOC = ["styczniu", "lutym", "marcu", "kwietniu", "maju", "czerwcu", "lipcu", "sierpniu",
              "wrześniu", "październiku", "listopadzie", "grudniu"]
WEEKDAYS = ["poniedziałek", "wtorek", "środa", "czwartek", "piątek"]

GOALS_MAIN = [
    "Zwiększenie udziału mieszkańców w podejmowaniu decyzji dotyczących gminy.",
    "Wzmocnienie współpracy samorządu z organizacjami pozarządowymi.",
    "Poprawa jakości życia seniorów poprzez rozwój usług społecznych.",
]
GOALS_SPECIFIC = [
    "Rozwój wolontariatu wśród młodzieży szkolnej.",
    "Zwiększenie dostępu do informacji o konsultacjach społecznych.",
    "Wspieranie inicjatyw lokalnych grup sąsiedzkich.",
    "Budowanie zaufania między urzędem a mieszkańcami.",
    "Przeciwdziałanie wykluczeniu cyfrowemu osób starszych.",
]
AREAS = [("Obszar pomocy społecznej:", "pomoc społeczna"),
         ("Obszar kultury fizycznej:", "kultura fizyczna"),
         ("Obszar edukacji:", "edukacja"),
         ("Obszar ochrony zdrowia:", "ochrona zdrowia")]
TASKS = [
    "Organizacja zajęć sportowych dla dzieci i młodzieży",
    "Prowadzenie klubu seniora w świetlicy wiejskiej",
    "Wsparcie rodzin w trudnej sytuacji życiowej",
    "Popularyzacja czytelnictwa wśród dorosłych mieszkańców",
    "Organizacja warsztatów profilaktyki zdrowotnej",
    "Aktywizacja zawodowa osób długotrwale bezrobotnych",
]
PEOPLE = [("Anna Kowalska", "Annę Kowalską", "koordynatorka"), ("Tomasz Nowak", "Tomasza Nowaka", "moderator"),
          ("Katarzyna Wiśniewska", "Katarzynę Wiśniewską", "moderatorka"),
          ("Marek Zieliński", "Marka Zielińskiego", "moderator")]

CHROME_TOP = ["Przejdź do treści", "Menu", "Strona główna", "Aktualności", "Kontakt", "Szukaj"]
CHROME_BOTTOM = ["Przydatne odnośniki", "Biuletyn Informacji Publicznej", "Fundusze Europejskie",
                 "Stowarzyszenie Gmin Polskich", "Liczba odwiedzin: 12345",
                 "Copyright © {year} Urząd Gminy. Wszelkie prawa zastrzeżone."]


def _date_form(rng, y, m, d, doc_year):
    """A date written one of several ways, with its gold value."""
    form = rng.randrange(5)
    value = f"{y:04d}-{m:02d}-{d:02d}"
    if form == 0:
        return f"{d:02d}.{m:02d}.{y}", value
    if form == 1:
        return f"{d} {MONTHS_GEN[m - 1]} {y} r.", value
    if form == 2:
        return f"{d} {MONTHS_GEN[m - 1]} {y} roku", value
    if form == 3 and y == doc_year:
        return f"{d} {MONTHS_GEN[m - 1]} ({rng.choice(WEEKDAYS)}) br.", value
    return f"{d} {MONTHS_GEN[m - 1]}, {y}", value


def report(seed: int) -> tuple[str, str, dict]:
    rng = random.Random(seed)
    nom, loc, gen, kind, voiv = rng.choice(MUNICIPALITIES)
    year = rng.randrange(2011, 2024)
    month, day = rng.randrange(1, 11), rng.randrange(1, 28)
    held_text, held_value = _date_form(rng, year, month, day, None)
    nxt_m, nxt_d = month + 1, rng.randrange(1, 28)
    nxt_text, nxt_value = _date_form(rng, year, nxt_m, nxt_d, year)
    orgs = rng.sample(ORGS, 4)
    fill = {"loc": loc, "adj": ADJ[nom]}
    names = [[f.format(**fill) for f in o[:4]] + [o[4]] for o in orgs]
    n_people = rng.randrange(12, 60)
    n_orgs = rng.randrange(3, 12)
    person = rng.choice(PEOPLE)
    unit = f"Gminy {nom}" if kind == "gmina" else f"Miasta {gen}"
    title = rng.choice([f"Spotkanie konsultacyjne w {'Gminie' if kind == 'gmina' else 'Mieście'} {nom if kind == 'gmina' else loc}",
                        f"Sprawozdanie z warsztatów dotyczących programu współpracy {unit}",
                        f"Konsultacje programu współpracy – {nom}"])
    lines = list(rng.sample(CHROME_TOP, 3)) + ["", title, ""]
    lines.append(f"W dniu {held_text} w {names[0][2]} odbyło się spotkanie konsultacyjne dotyczące "
                 f"programu współpracy {unit} z organizacjami pozarządowymi. "
                 f"W spotkaniu uczestniczyło {n_people} osób, reprezentujących {n_orgs} organizacji.")
    lines.append("")
    if rng.random() < 0.5:
        verb = "prowadziła" if person[2].endswith("a") else "prowadził"
        lines.append(f"Spotkanie {verb} {person[2]} {person[0]} z {names[1][1]}.")
    else:
        lines.append(f"Do prowadzenia spotkania zaproszono {person[1]} z {names[1][1]}.")
    gops = rng.random() < 0.5
    if gops:
        lines.append(f"Wnioski przekaże kierownik GOPS w {loc}, a partnerem jest {names[1][0]}.")
    extra_dates = []
    if rng.random() < 0.5:
        lines.append(f"Nabór propozycji trwał od lutego do marca {year} roku.")
        extra_dates.append({"text": f"od lutego do marca {year} roku", "value": f"{year}-02", "end": f"{year}-03"})
    else:
        lines.append(f"Wcześniej, w dniach 3–4 czerwca {year - 1} r., przeprowadzono ankietę.")
        extra_dates.append({"text": f"w dniach 3–4 czerwca {year - 1} r.", "value": f"{year - 1}-06-03",
                            "end": f"{year - 1}-06-04"})
    legal = []
    if rng.random() < 0.4:
        num = f"{rng.choice(['XII', 'XXV', 'IV', 'LIII'])}/{rng.randrange(10, 400)}/{year - 1}"
        issuer = f"Rady Gminy {nom}" if kind == "gmina" else f"Rady Miasta {gen}"
        lines.append(f"Obowiązujący program przyjęto uchwałą nr {num} {issuer} z dnia 12 listopada {year - 1} r.")
        legal.append(f"Uchwała nr {num} {issuer} z dnia 12 listopada {year - 1} r.")
        extra_dates.append({"text": f"12 listopada {year - 1} r.", "value": f"{year - 1}-11-12", "end": None})
    if nom in AMBIGUITY_CUES and (seed // 2) % 2:
        cue, voiv = AMBIGUITY_CUES[nom]
        lines.append(cue)
    lines.append(f"W dyskusji głos zabrali przedstawiciele {names[2][1]} oraz {names[3][1]}.")
    lines.append("")
    goals_gold = []
    style = rng.randrange(3)
    main = rng.choice(GOALS_MAIN)
    specific = rng.sample(GOALS_SPECIFIC, 3)
    if style == 0:
        lines += [f"Cel główny: {main}", "", "Cele szczegółowe:"]
        lines += [f"{k + 1}. {g}" for k, g in enumerate(specific)]
        goals_gold = [{"text": main, "level": "main"}] + [{"text": g, "level": "specific"} for g in specific]
    elif style == 1:
        lines += ["CEL:", main, "", "Cele szczegółowe:"] + [f"- {g}" for g in specific]
        goals_gold = [{"text": main, "level": "main"}] + [{"text": g, "level": "specific"} for g in specific]
    else:
        lines += [f"Celem programu jest {main[0].lower() + main[1:]}"]
        goals_gold = [{"text": main, "level": "main"}]
    lines.append("")
    tasks_gold = []
    if rng.random() < 0.5:
        lines.append("Uczestnicy wskazali następujące zadania priorytetowe:")
        for t in rng.sample(TASKS, 3):
            lines.append(f"• {t};")
            tasks_gold.append({"text": t, "area": None})
    else:
        for heading, area in rng.sample(AREAS, 2):
            t = rng.choice([x for x in TASKS if x not in [g["text"] for g in tasks_gold]])
            lines += [heading, f"a) zaproponowano nowe zadanie priorytetowe: „{t}”."]
            tasks_gold.append({"text": t, "area": area})
    lines.append("")
    lines.append(f"Kolejne spotkanie odbędzie się {nxt_text} o godz. 16.00 w {names[0][2]}.")
    lines.append("")
    lines.append("Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego.")
    lines.append("")
    lines += [c.format(year=year + 1) for c in CHROME_BOTTOM]
    if seed % 2:
        # a page dumped from PDF: paragraphs hard-wrapped at 80 columns, a breadcrumb above
        lines = [f"Start » Aktualności » {rng.choice(['Konsultacje', 'Ogłoszenia'])}"] + \
            [w for line in lines for w in (textwrap.wrap(line, 80) or [""])]
    text = "\n".join(lines) + "\n"
    gold_orgs = [{"name": n[0], "kind": n[4], "mentions": []} for n in names]
    if gops:
        gold_orgs.append({"name": f"Gminny Ośrodek Pomocy Społecznej w {loc}", "kind": "public", "mentions": []})
    if legal:
        gold_orgs.append({"name": f"Rada Gminy {nom}" if kind == "gmina" else f"Rada Miasta {gen}",
                          "kind": "public", "mentions": [], "optional": True})
    gold_orgs.append({"name": "Unia Europejska", "kind": "public", "mentions": [], "optional": True})
    gold_orgs.append({"name": f"Gmina {nom}" if kind == "gmina" else f"Miasto {nom}", "kind": "public",
                      "mentions": [], "optional": True})
    gold = {
        "path": f"gen-{seed:03d}.txt", "title": title,
        "municipality": {"name": nom, "kind": kind, "voivodeship": voiv},
        "document_date": held_value,
        "meetings": [{"date": held_value, "kind": "spotkanie", "participants": n_people,
                      "organisations_count": n_orgs, "place": names[0][0]}],
        "next_meeting": {"date": nxt_value, "time": "16:00", "place": names[0][0]},
        "organisations": gold_orgs,
        "people": [{"name": person[0], "role": person[2]}],
        "dates": [{"text": held_text, "value": held_value, "end": None},
                  {"text": nxt_text, "value": nxt_value, "end": None}] + extra_dates,
        "goals": goals_gold, "priority_tasks": tasks_gold, "legal_acts": legal,
        "funding": ["Europejski Fundusz Społeczny"],
    }
    return gold["path"], text, gold


def generate(n: int = 20, seed: int = 0) -> list[tuple[str, str, dict]]:
    return [report(seed * 1000 + k) for k in range(n)]


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    n = int(argv[1]) if len(argv) > 1 else 20
    out.mkdir(parents=True, exist_ok=True)
    for name, text, gold in generate(n):
        (out / name).write_text(text, encoding="utf-8")
        (out / name.replace(".txt", ".gold.json")).write_text(json.dumps(gold, ensure_ascii=False, indent=2),
                                                                encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
