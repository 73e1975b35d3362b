"""Writes the demo meeting reports from templates and records what each text says (its manifest)."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import texts as T

# Report kinds in the order of the yearly cycle, with the window their meeting falls in.
CYCLE = [
    ("diagnoza", dt.date(2024, 2, 5), dt.date(2024, 3, 29)),
    ("warsztaty", dt.date(2024, 4, 8), dt.date(2024, 6, 14)),
    ("spotkanie", dt.date(2024, 6, 17), dt.date(2024, 7, 31)),
    ("konsultacje", dt.date(2024, 9, 9), dt.date(2024, 10, 11)),
    ("rdpp", dt.date(2024, 10, 21), dt.date(2024, 11, 22)),
]
PROGRAM_YEAR, CURRENT_YEAR, PREVIOUS_YEAR = 2025, 2024, 2023
STRATEGY_YEARS = (2025, 2031)


@dataclass
class Org:
    key: str
    kind: str
    nom: str
    gen: str
    inst: str
    loc: str
    alias: str = ""


@dataclass
class Municipality:
    """A municipality of the demo site as read from municipalities.toml."""
    raw: dict
    orgs: dict

    def __getattr__(self, name):
        try:
            return self.raw[name]
        except KeyError:
            raise AttributeError(name) from None

    @classmethod
    def load_all(cls) -> list["Municipality"]:
        out = []
        for raw in T.load("municipalities")["municipality"]:
            orgs = {k: Org(key=k, **v) for k, v in raw["orgs"].items()}
            out.append(cls(raw=raw, orgs=orgs))
        return out


@dataclass
class Report:
    """One written report: its blocks of text and the manifest entry of what it says."""
    kind: str
    title: str
    blocks: list
    manifest: dict
    published: dt.date


@dataclass
class Record:
    """Everything a report's text mentions, collected while its templates are filled."""
    organisations: dict = field(default_factory=dict)
    optional_organisations: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    people: dict = field(default_factory=dict)
    legal_acts: list = field(default_factory=list)
    funding: list = field(default_factory=list)
    next_meeting: dict | None = None

    def org(self, org: Org, alias: bool = False) -> None:
        entry = self.organisations.setdefault(
            org.nom, {"name": org.nom, "kind": org.kind, "aliases": []})
        if alias and org.alias and org.alias not in entry["aliases"]:
            entry["aliases"].append(org.alias)

    def optional_org(self, name: str) -> None:
        if name not in self.optional_organisations:
            self.optional_organisations.append(name)

    def date(self, text: str, value: str, end: str | None = None, optional: bool = False) -> None:
        if any(d["value"] == value and d["end"] == end for d in self.dates):
            return
        item = {"text": text, "value": value, "end": end}
        if optional:
            item["optional"] = True
        self.dates.append(item)

    def person(self, name: str, role: str | None) -> None:
        if role or name not in self.people:
            self.people[name] = role

    def add_once(self, items: list, value: str) -> None:
        if value not in items:
            items.append(value)


class OrgForms:
    """`{ngo1.gen}` in a template: gives the case form and records the mention."""

    def __init__(self, org: Org, record: Record):
        self._org, self._record = org, record

    def __getattr__(self, case: str) -> str:
        org = self._org
        if case in ("nom", "gen", "inst", "loc"):
            self._record.org(org)
            return getattr(org, case)
        if case in ("ref", "nomref"):
            self._record.org(org, alias=True)
            base = org.gen if case == "ref" else org.nom
            return f"{base} ({org.alias})" if org.alias else base
        raise AttributeError(case)


class Scope(dict):
    """Template values; organisations and callables record what they say only when used."""

    def __init__(self, record: Record, **values):
        super().__init__(**values)
        self.record = record

    def __getitem__(self, key):
        value = super().__getitem__(key)
        if isinstance(value, Org):
            return OrgForms(value, self.record)
        if callable(value):
            return value()
        return value

    def fill(self, template: str) -> str:
        text = template.format_map(self)
        return text.replace("r..", "r.").replace("..", ".")


# --- dates ---------------------------------------------------------------------------------

def _workday(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    d = start + dt.timedelta(days=rng.randint(0, (end - start).days))
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d


DATE_STYLES = ["long", "dotted", "dnia", "roku", "weekday", "bracket"]


def _meeting_phrase(style: str, start: dt.date, end: dt.date | None) -> tuple[str, str]:
    """(lead-in phrase for the sentence, the date as written) in one of several Polish forms."""
    if end:
        text = T.range_date(start, end)
        return f"w dniach {text}", text
    if style == "long":
        text = T.long_date(start)
        return f"w dniu {text}", text
    if style == "dotted":
        text = T.dotted_date(start)
        return f"w dniu {text}", text
    if style == "dnia":
        text = T.dotted_date(start, suffix="")
        return f"dnia {text}", text
    if style == "roku":
        text = T.long_date(start, suffix="roku")
        return f"dnia {text}", text
    if style == "weekday":
        text = T.long_date(start)
        return f"{T.weekday_on(start)}, {text}", text
    text = f"{T.long_date(start)} ({T.weekday(start)})"
    return f"w dniu {text}", text


def _plain_date(rng: random.Random, d: dt.date) -> str:
    """A date that can follow `na`/`odbędzie się`: `18 kwietnia 2024 r. (czwartek)`, `18.04.2024 r.`"""
    style = rng.choice(["bracket", "dotted", "long"])
    if style == "bracket":
        return f"{T.long_date(d)} ({T.weekday(d)})"
    return T.dotted_date(d) if style == "dotted" else T.long_date(d)


# --- the writer ----------------------------------------------------------------------------

class Writer:
    """Fills one report's templates for one municipality, with seeded random choices."""

    def __init__(self, muni: Municipality, kind: str, rng: random.Random, start: dt.date,
                 end: dt.date | None, date_style: str):
        self.muni, self.kind, self.rng = muni, kind, rng
        self.data = T.load("reports")
        self.spec = self.data[kind]
        self.record = Record()
        self.blocks: list = []
        self.start, self.end = start, end
        self.goals: list = []
        self.tasks: list = []
        rec = self.record
        orgs = muni.orgs
        ngo_keys = rng.sample(muni.ngos, 3)
        self.lead, self.date_text = _meeting_phrase(date_style, start, end)
        venue = rng.choice(muni.venue)
        staff = muni.staff
        s = Scope(
            rec,
            name=muni.name, loc=muni.loc, unit_gen=muni.unit_gen, unit_nom=muni.unit_nom,
            head=muni.head, head_gen=muni.head_gen, residents=muni.residents,
            staff_role=lambda: self._role(staff[2], muni.staff_role),
            year=self._year(PROGRAM_YEAR), cur_year=self._year(CURRENT_YEAR),
            prev_year=self._year(PREVIOUS_YEAR),
            strategy_years=self._years(*STRATEGY_YEARS),
            title_gen=self._title_gen,
            office=orgs[muni.office], council=orgs[muni.council], rdpp=orgs[muni.rdpp],
            social=orgs[muni.social], culture=orgs[muni.culture],
            ngo1=orgs[ngo_keys[0]], ngo2=orgs[ngo_keys[1]], ngo3=orgs[ngo_keys[2]],
            public1=orgs[rng.choice(muni.publics)],
            when=lambda: self._when(), When=lambda: T.capitalize(self._when()),
            venue=lambda: self._venue(venue),
            coordinator=lambda: self._person(staff[0], None),
            coordinator_role=lambda: self._role(staff[0], muni.coordinator_role),
            staff=lambda: self._person(staff[2], None),
            chair=lambda: self._person(staff[3], "Przewodniczący Rady"),
            ordinal=rng.choice(["Drugie", "Trzecie", "Czwarte"]),
            protocol_no=f"{rng.randint(3, 9)}/{CURRENT_YEAR}",
        )
        s["ordinal_lc"] = s["ordinal"].lower()
        s["program_short"] = lambda: s.fill(self.data["program"]["short"])
        s["program_long"] = lambda: s.fill(self.data["program"]["long"])
        s["strategy"] = lambda: s.fill(self.data["strategy"]["name"])
        self.scope = s

    # values recorded on use ------------------------------------------------------------
    def _year(self, year: int):
        def use():
            self.record.date(str(year), str(year), optional=True)
            return str(year)
        return use

    def _years(self, a: int, b: int):
        def use():
            self.record.date(f"{a}–{b}", str(a), str(b), optional=True)
            return f"{a}–{b}"
        return use

    def _title_gen(self) -> str:
        self.record.optional_org(self.muni.body)
        return self.muni.title_gen

    def _when(self) -> str:
        self.record.date(self.date_text, self.start.isoformat(),
                         self.end.isoformat() if self.end else None)
        return self.lead

    def _venue(self, venue: dict) -> str:
        text = venue["prefix"]
        if venue["org"]:
            text += OrgForms(self.muni.orgs[venue["org"]], self.record).__getattr__(venue["case"])
        text += venue["suffix"]
        self.place = text
        return text

    def _person(self, name: str, role: str | None) -> str:
        self.record.person(name, role)
        return name

    def _role(self, name: str, role: str) -> str:
        self.record.person(name, role)
        return role

    # building blocks -------------------------------------------------------------------
    def pick(self, key: str, section: dict | None = None) -> str:
        if section is None:
            section = self.spec if key in self.spec else self.data["common"]
        return self.scope.fill(self.rng.choice(section[key]))

    def p(self, text: str) -> None:
        self.blocks.append(("p", text))

    def h2(self, text: str) -> None:
        self.blocks.append(("h2", text))

    def items(self, values: list[str], ordered: bool | None = None) -> None:
        """A list rendered as <ul>, <ol> or dash paragraphs, with or without end punctuation."""
        style = self.rng.choice(["ul", "ol", "dash"]) if ordered is None else (
            "ol" if ordered else "ul")
        punct = self.rng.choice(["", ";"])
        values = [v.rstrip(".;") for v in values]
        shown = [v + (punct if i < len(values) - 1 else ("." if punct else ""))
                 for i, v in enumerate(values)]
        self.blocks.append((style, shown))

    def participants(self, low: int = 12, high: int = 46) -> None:
        n = self.rng.randint(low, high)
        k = self.rng.randint(5, min(16, n - 4))
        self.n_participants, self.n_organisations = n, k
        s = self.scope
        s["participants"] = T.people(n)
        s["took_part"] = T.took_part(n)
        s["attended"] = T.attended(n)
        s["Attended"] = T.capitalize(T.attended(n))
        s["present"] = T.present(n)
        s["org_count"] = str(k)

    def goals_section(self, main_pool: str, specific_pool: str, lead: str | None) -> None:
        rng, fill, common = self.rng, self.scope.fill, self.data["common"]
        if lead:
            self.h2(lead) if rng.random() < 0.5 else self.p(lead)
        main = fill(rng.choice(self.data["goals"][main_pool]))
        pool = self.data["goals"][specific_pool]
        specific = [fill(g) for g in rng.sample(pool, rng.randint(3, 5))]
        labels = self.spec if "main_goal_label" in self.spec else common
        main_label = rng.choice(labels["main_goal_label"])
        spec_label = rng.choice(labels["specific_goal_label"])
        if rng.random() < 0.5:
            self.blocks.append(("labelled", main_label, main + "."))
        else:
            self.blocks.append(("h3", main_label))
            self.p(main + ".")
        self.blocks.append(("labelled", spec_label, "") if rng.random() < 0.5
                           else ("h3", spec_label))
        if rng.random() < 0.3:
            specific = [T.capitalize(g) for g in specific]
        self.items(specific)
        self.goals = [{"text": main, "level": "main"}] + [
            {"text": g, "level": "specific"} for g in specific]

    def tasks_by_area(self, n_areas: tuple[int, int] = (2, 3)) -> None:
        rng = self.rng
        style = rng.choice(["w_obszarze", "obszar", "heading"])
        for area in rng.sample(self.data["area"], rng.randint(*n_areas)):
            if style == "w_obszarze":
                self.p(f"W obszarze {area['gen']}:")
            elif style == "obszar":
                self.p(f"Obszar: {area['nom']}")
            else:
                self.blocks.append(("h3", T.capitalize(area["nom"])))
            chosen = rng.sample(area["tasks"], rng.randint(2, min(3, len(area["tasks"]))))
            self.items(chosen)
            self.tasks += [{"text": t, "area": area["nom"]} for t in chosen]

    def tasks_flat(self) -> None:
        pool = [t for area in self.data["area"] for t in area["tasks"]]
        chosen = self.rng.sample(pool, self.rng.randint(3, 5))
        self.items(chosen)
        self.tasks += [{"text": t, "area": None} for t in chosen]

    def funding(self, key: str = "funding_sentence", section: dict | None = None) -> None:
        fund = self.rng.choice(self.data["funding"])
        self.record.add_once(self.record.funding, fund["nom"])
        self.scope["funding_gen"] = fund["gen"]
        self.p(self.pick(key, section))

    def resolution(self, name: str, session: tuple[int, int], year: int, subject: str = "",
                   months: tuple[int, int] = (1, 12)):
        """A council resolution usable as {name_gen}/{name_inst}; recorded in nominative when used."""
        rng, muni = self.rng, self.muni
        number = f"{T.roman(rng.randint(*session))}/{rng.randint(40, 420)}/{year}"
        day = _workday(rng, dt.date(year, months[0], 10), dt.date(year, months[1], 15))
        council = self.muni.orgs[muni.council]
        date_text = T.long_date(day)
        tail = f"{council.gen} z dnia {date_text}{subject}"

        def use(form: str):
            def inner():
                self.record.org(council)
                self.record.date(date_text, day.isoformat())
                self.record.add_once(self.record.legal_acts,
                                     f"Uchwała nr {number} {council.gen} z dnia {date_text}")
                return f"{form} nr {number} {tail}"
            return inner
        self.scope[f"{name}_gen"] = use("Uchwały")
        self.scope[f"{name}_inst"] = use("Uchwałą")

    def next_meeting(self) -> None:
        rng = self.rng
        day = self.start + dt.timedelta(days=rng.randint(14, 35))
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        start_h = rng.choice([9, 10, 12, 16])
        end_h = start_h + rng.choice([2, 3])
        minutes = rng.choice(["00", "30"])
        when = _plain_date(rng, day)
        venue = rng.choice(self.muni.venue)
        nm = {"date": day.isoformat(), "time": None, "place": None}
        s = self.scope

        def next_when():
            self.record.date(when, day.isoformat())
            return when

        def next_time():
            nm["time"] = f"{start_h}:{minutes}-{end_h}:{minutes}"
            return f"{start_h}:{minutes}–{end_h}:{minutes}"

        def next_start():
            nm["time"] = f"{start_h}:{minutes}"
            return nm["time"]

        def next_venue():
            keep = getattr(self, "place", None)
            nm["place"] = self._venue(venue)
            self.place = keep
            return nm["place"]
        s.update(next_when=next_when, next_time=next_time, next_start=next_start,
                 next_venue=next_venue)
        self.p(self.pick("next_meeting"))
        self.record.next_meeting = nm


# --- the five kinds of report ------------------------------------------------------------

def _warsztaty(w: Writer) -> None:
    rng = w.rng
    w.p(w.pick("intros"))
    w.participants()
    w.p(w.pick("participation"))
    if rng.random() < 0.6:
        w.p(w.pick("moderator"))
    if rng.random() < 0.5:
        w.resolution("resolution_prev", (8, 15), 2023,
                     f" w sprawie przyjęcia programu współpracy na rok {CURRENT_YEAR}", (10, 11))
        w.p(w.pick("legal_sentence"))
    for text in rng.sample(w.data["common"]["discussion"], 2):
        w.p(w.scope.fill(text))
    w.goals_section("program_main", "program_specific", w.pick("goals_lead"))
    w.h2(w.pick("tasks_lead"))
    w.tasks_by_area()
    if rng.random() < 0.5:
        w.funding()
    w.p(w.pick("closing"))


def _konsultacje(w: Writer) -> None:
    rng = w.rng
    w.resolution("resolution", (20, 50), rng.randint(2011, 2021),
                 " w sprawie szczegółowego sposobu konsultowania z organizacjami pozarządowymi "
                 "projektów aktów prawa miejscowego")
    cons_start = w.start - dt.timedelta(days=rng.randint(2, 6))
    cons_end = cons_start + dt.timedelta(days=21)
    a, b = T.long_date(cons_start), T.long_date(cons_end)

    def cons(text):
        def use():
            w.record.date(f"od {a} do {b}", cons_start.isoformat(), cons_end.isoformat())
            return text
        return use
    w.scope.update(cons_start=cons(a), cons_end=cons(b))
    w.p(w.pick("intros"))
    w.participants(10, 38)
    w.p(w.pick("meeting"))
    w.p(w.pick("remarks_lead"))
    remarks = rng.sample(w.spec["remarks"], 4)
    w.items(remarks)
    for i in range(rng.randint(1, 2)):
        area = rng.choice(w.data["area"])
        task = rng.choice(area["tasks"])
        if any(t["text"] == task for t in w.tasks):
            continue
        w.scope.update(area_gen=area["gen"], task=task)
        w.p(w.scope.fill(w.spec["new_task"][i % len(w.spec["new_task"])]))
        w.tasks.append({"text": task, "area": area["nom"]})
    w.scope["remarks_count"] = str(len(remarks) + len(w.tasks) + rng.randint(0, 3))
    w.p(w.pick("summary"))
    if rng.random() < 0.5:
        w.funding()


def _spotkanie(w: Writer) -> None:
    rng = w.rng
    w.p(w.pick("intros"))
    w.participants(10, 24)
    w.p(w.pick("participation"))
    w.p(w.spec["agenda_lead"])
    w.items(w.spec["agenda"], ordered=True)
    for text in rng.sample(w.data["common"]["discussion"], rng.randint(1, 2)):
        w.p(w.scope.fill(text))
    w.p(w.pick("tasks_lead"))
    w.tasks_flat()
    w.next_meeting()
    w.p(w.pick("closing"))


def _diagnoza(w: Writer) -> None:
    rng = w.rng
    w.p(w.pick("intros"))
    w.participants(15, 45)
    w.p(w.pick("participation"))
    w.h2(w.pick("problems_lead"))
    w.items(rng.sample(w.spec["problems"], rng.randint(3, 5)))
    w.goals_section("strategy_main", "strategy_specific", w.pick("goals_lead"))
    w.funding("funding")
    if rng.random() < 0.5:
        w.spec = dict(w.spec, next_meeting=w.data["spotkanie"]["next_meeting"])
        w.next_meeting()


def _rdpp(w: Writer) -> None:
    rng = w.rng
    muni = w.muni
    appointed = _workday(rng, dt.date(2023, 1, 9), dt.date(2023, 3, 31))
    order = f"{rng.randint(12, 140)}/2023"
    date_text = T.long_date(appointed)

    def appointment():
        w.record.date(date_text, appointed.isoformat())
        w.record.add_once(w.record.legal_acts,
                          f"Zarządzenie nr {order} {muni.head_gen} z dnia {date_text}")
        return f"Zarządzenia nr {order} {muni.head_gen} z dnia {date_text}"
    w.scope["appointment_gen"] = appointment
    w.p(w.pick("intros"))
    members = rng.randint(6, 11)
    w.n_participants, w.n_organisations = members, None
    w.scope["members"] = str(members)
    w.p(w.pick("participation"))
    w.p(w.spec["agenda_lead"])
    w.items([w.scope.fill(a) for a in w.spec["agenda"]], ordered=True)
    w.scope.update(grants=str(rng.randint(15, 21)), small_grants=str(rng.randint(5, 11)))
    w.p(w.pick("report_info"))
    w.p(w.pick("opinion"))
    w.tasks_by_area((2, 3))
    w.scope["end_time"] = f"{rng.randint(11, 15)}:{rng.choice(['00', '15', '30', '45'])}"
    w.p(w.pick("closing"))


BUILDERS = {"warsztaty": _warsztaty, "konsultacje": _konsultacje, "spotkanie": _spotkanie,
            "diagnoza": _diagnoza, "rdpp": _rdpp}


def write_report(muni: Municipality, kind: str, rng: random.Random, window: tuple,
                 date_style: str = "long", two_days: bool = False) -> Report:
    """One report of `kind` for `muni`, its meeting within `window` (first day, last day)."""
    start = _workday(rng, *window)
    end = None
    if two_days:
        end = start + dt.timedelta(days=1)
        if end.month != start.month:
            start, end = start - dt.timedelta(days=1), start
    w = Writer(muni, kind, rng, start, end, date_style)
    title = w.pick("titles")
    w.blocks.append(("h1", title))
    BUILDERS[kind](w)
    rec = w.record
    manifest = {
        "title": title,
        "meeting_date": start.isoformat(),
        "meeting_end": end.isoformat() if end else None,
        "meeting_date_text": w.date_text,
        "meeting_kind": w.spec["kind"],
        "meeting_place": getattr(w, "place", None),
        "participants": w.n_participants,
        "organisations_count": w.n_organisations,
        "organisations": list(rec.organisations),
        "organisation_details": list(rec.organisations.values()),
        "optional_organisations": rec.optional_organisations,
        "priority_tasks": w.tasks,
        "goals": w.goals,
        "next_meeting": rec.next_meeting,
        "legal_acts": rec.legal_acts,
        "funding": rec.funding,
        "people": [{"name": n, "role": r} for n, r in rec.people.items()],
        "dates": rec.dates,
    }
    published = (end or start) + dt.timedelta(days=rng.randint(1, 8))
    return Report(kind=kind, title=title, blocks=w.blocks, manifest=manifest, published=published)


def write_reports(muni: Municipality, seed: int) -> list[Report]:
    """The year's reports of one municipality, deterministic for (seed, municipality)."""
    rng = random.Random(f"partmon-demo:{seed}:{muni.slug}")
    # every municipality writes its dates in at least the long and the dotted form, and has
    # one two-day workshop ("w dniach 3–4 czerwca 2024 r.")
    two_day = rng.choice(["warsztaty", "diagnoza"])
    styles = ["long", "dotted"] + rng.sample(DATE_STYLES[2:], len(CYCLE) - 3)
    rng.shuffle(styles)
    out = []
    for kind, first, last in CYCLE:
        style = "range" if kind == two_day else styles.pop()
        out.append(write_report(muni, kind, rng, (first, last), style, kind == two_day))
    return out
