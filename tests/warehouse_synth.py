"""Synthetic extracted documents for warehouse tests and `make bench` (our own generator).

Polish-like report texts are put together from the word lists in
`tests/data/warehouse_synth_words.json`; each comes with the crawler's document item and the
extractor's full record (contract + provenance offsets into the text), so a load of them
exercises the warehouse exactly as a crawl and extraction would. Sizes follow a log-normal
spread around ~3 KB of text; organisations (0–30 per document) and municipalities are drawn
with Zipf-like reuse, so a few recur everywhere and most are rare.
"""
from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

WORDS = json.loads((Path(__file__).parent / "data" / "warehouse_synth_words.json")
                   .read_text(encoding="utf-8"))
MONTHS = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
          "września", "października", "listopada", "grudnia"]


class _Zipf:
    """Ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1) ** s."""

    def __init__(self, n: int, s: float):
        total, self.cum = 0.0, []
        for rank in range(n):
            total += 1 / (rank + 1) ** s
            self.cum.append(total)
        self.ranks = range(n)

    def draw(self, rng: random.Random) -> int:
        return rng.choices(self.ranks, cum_weights=self.cum)[0]


class Generator:
    """Deterministic stream of (document item, full record) pairs."""

    def __init__(self, seed: int = 0, municipalities: int = 2400, organisations: int = 20000):
        rng = self.rng = random.Random(seed)
        w = WORDS
        self.municipalities = []
        seen = set()
        while len(self.municipalities) < municipalities:
            name = rng.choice(w["place_stems"]) + rng.choice(w["place_suffixes"])
            voivodeship = rng.choice(w["voivodeships"])
            if (name, voivodeship) not in seen:
                seen.add((name, voivodeship))
                self.municipalities.append((name, rng.choice(["gmina", "miasto"]), voivodeship))
        self.organisations = []
        for i in range(organisations):
            form = rng.choice(w["org_forms"])
            if form.endswith(" w"):
                name = f"{form} {rng.choice(self.municipalities)[0]}"
            else:
                name = f"{form} „{rng.choice(w['org_words'])} {i}”"
            kind = "public" if form.startswith(("Urząd", "Ośrodek", "Gminny")) else "ngo"
            self.organisations.append((name, kind))
        self.sentences = [self._sentence() for _ in range(3000)]
        self.municipality_rank = _Zipf(len(self.municipalities), 0.8)
        self.organisation_rank = _Zipf(len(self.organisations), 0.8)

    def _sentence(self) -> str:
        rng, w = self.rng, WORDS
        words = [rng.choice(w["verbs"]).capitalize()]
        for _ in range(rng.randint(4, 14)):
            words.append(rng.choice(w["connectors"] + w["nouns"] * 3 + w["adjectives"] * 2))
        return " ".join(words) + "."

    def documents(self, n: int, start: int = 0):
        """n (item, record) pairs; document numbers start at `start` (distinct URLs)."""
        for i in range(start, start + n):
            yield self.document(i)

    def document(self, i: int) -> tuple[dict, dict]:
        rng, w = self.rng, WORDS
        name, kind, voivodeship = self.municipalities[self.municipality_rank.draw(rng)]
        year = rng.randint(2012, 2025)
        process_kind, title = rng.choice(w["titles"])
        title = title.format(year=year + 1, end=year + 5)
        parts: list[str] = []
        pos = 0
        prov: dict[str, list] = {k: [] for k in ("meetings", "dates", "goals", "priority_tasks",
                                                 "people", "legal_acts", "funding")}

        def put(text: str) -> tuple[int, int]:
            nonlocal pos
            start = pos
            parts.append(text)
            pos += len(text)
            return start, pos

        def put_span(prefix: str, item: str, suffix: str) -> list[int]:
            put(prefix)
            start, end = put(item)
            put(suffix)
            return [start, end]

        put(title + "\n\n")
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        iso = f"{year}-{month:02d}-{day:02d}"
        date_text = f"{day} {MONTHS[month - 1]} {year} r."
        meetings, dates = [], []
        for m in range(rng.choice([1, 1, 1, 2, 3])):
            participants = rng.randint(5, 120)
            meeting_kind = rng.choice(w["meeting_kinds"])
            sentence = f"W dniu {date_text} odbyły się {meeting_kind} z udziałem {participants} osób."
            prov["meetings"].append(put_span("", sentence, " "))
            meetings.append({"date": iso, "kind": meeting_kind, "participants": participants,
                             "organisations_count": rng.choice([None, rng.randint(1, 40)]),
                             "place": f"sala Urzędu Gminy {name}"})
        dates.append({"text": date_text, "value": iso, "end": None})
        prov["dates"].append([prov["meetings"][0][0] + 8, prov["meetings"][0][0] + 8 + len(date_text)])
        put("\n")
        organisations, org_spans = [], []
        n_orgs = min(30, int(rng.expovariate(1 / 9)))
        chosen = {}
        for _ in range(n_orgs):
            org_name, org_kind = self.organisations[self.organisation_rank.draw(rng)]
            chosen.setdefault(org_name, org_kind)
        filler = max(2, int(rng.lognormvariate(3.0, 0.6)))
        orgs = list(chosen.items())
        for k in range(filler):
            put(rng.choice(self.sentences) + " ")
            if orgs and rng.random() < 0.5:
                org_name, org_kind = orgs.pop()
                span = put_span("Udział zgłosiła organizacja ", org_name, ". ")
                organisations.append({"name": org_name, "kind": org_kind, "mentions": [org_name]})
                org_spans.append([span])
            if k % 6 == 5:
                put("\n")
        for org_name, org_kind in orgs:
            span = put_span("Wśród uczestników: ", org_name, ". ")
            organisations.append({"name": org_name, "kind": org_kind, "mentions": [org_name]})
            org_spans.append([span])
        goals = []
        if rng.random() < 0.6:
            put("\nCele programu:\n")
            for g, goal in enumerate(rng.sample(w["goals"], rng.randint(1, 5))):
                prov["goals"].append(put_span(f"{g + 1}. ", goal, ",\n"))
                goals.append({"text": goal, "level": "main" if g == 0 else "specific"})
        tasks = []
        for _ in range(rng.choice([0, 0, 1, 2, 3, 5, 8])):
            area, task = rng.choice(w["areas"]), rng.choice(w["tasks"])
            prov["priority_tasks"].append(
                put_span(f"Zadanie priorytetowe w obszarze {area}: ", task, ".\n"))
            tasks.append({"text": task, "area": area})
        people = []
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            person = f"{rng.choice(w['people_first'])} {rng.choice(w['people_last'])}"
            role = rng.choice(w["roles"])
            prov["people"].append(put_span("Spotkanie prowadził(a) ", person, f", {role}. "))
            people.append({"name": person, "role": role})
        acts = []
        if rng.random() < 0.4:
            act = f"Uchwała nr {rng.randint(1, 60)}/{rng.randint(1, 400)}/{year - 1} Rady Gminy {name}"
            prov["legal_acts"].append(put_span("Podstawa: ", act, ".\n"))
            acts.append(act)
        funding = []
        if rng.random() < 0.3:
            fund = rng.choice(w["funding"])
            prov["funding"].append(put_span("Źródło finansowania: ", fund, ".\n"))
            funding.append(fund)
        text = "".join(parts)
        url = f"https://{name.lower().replace(' ', '-')}.example/raport/{i}"
        body = ("<html><head><title>" + title + "</title></head><body><article><pre>" + text
                + "</pre></article></body></html>").encode("utf-8")
        item = {"url": url, "source": f"src{i % 500}", "municipality": name, "terc": None,
                "voivodeship": voivodeship, "fetched_at": "2026-11-22T10:00:00Z",
                "http_status": 200, "content_type": "text/html", "encoding": "utf-8",
                "content_hash": hashlib.sha256(body).hexdigest(), "body": body, "title": title,
                "referer": None, "link_text": "raport", "report_score": 0.9, "text": text,
                "text_error": None}
        record = {"path": url, "title": title,
                  "municipality": {"name": name, "kind": kind, "voivodeship": voivodeship},
                  "document_date": iso, "meetings": meetings,
                  "next_meeting": None, "organisations": organisations, "people": people,
                  "dates": dates, "goals": goals, "priority_tasks": tasks, "legal_acts": acts,
                  "funding": funding, "provenance": {**prov, "organisations": org_spans},
                  "_process_kind": process_kind}
        return item, record


def expected_rows(record: dict) -> int:
    """How many extracted rows a record gives (each organisation mention is one row)."""
    return (sum(len(record[f]) for f in ("meetings", "people", "dates", "goals",
                                          "priority_tasks", "legal_acts", "funding"))
            + sum(len(o["mentions"]) for o in record["organisations"]))
