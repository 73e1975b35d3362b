"""partmon_municipality: the local government whose process the report describes, from
"Gmina X" / "Miasto X" / "Urząd Miejski w X" / "Województwo X" cues, checked against the
TERC register when one is configured."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import product

from spacy.language import Language
from spacy.tokens import Doc

from .. import gazetteer
from . import data, morph, organisations, text_index
from .layout import chrome_test

if not Doc.has_extension("municipality"):
    Doc.set_extension("municipality", default=None)

U = "A-ZĄĆĘŁŃÓŚŹŻ"
L = "a-ząćęłńóśźż"
NAME = rf"[{U}][{L}]+(?:-[{U}][{L}]+)?(?:[ ][{U}][{L}]+(?:-[{U}][{L}]+)?){{0,2}}(?:[ ](?:nad|pod)[ ][{U}][{L}]+)?"
# "Dobrzyniu nad Wisłą": the river or hill part stays as written, only the name before it inflects
RIVER = re.compile(r"^(.+?)( (?:nad|pod) \S+)$")


def _cue(spec: dict) -> tuple:
    pattern = spec["pattern"].replace("{NAME}", NAME).replace("{U}", U).replace("{L}", L)
    return spec["kind"], spec["case"], re.compile(pattern)


#: (kind of unit, case of the name, regex) for each way a report names its municipality
CUES = [_cue(spec) for spec in data.jsonl("municipality.jsonl")]
# every cue starts with one of these words: the text is scanned once for them. Each alternative
# is a literal first letter, then the word-start check, then the rest: the regex engine then skips
# straight to those letters instead of trying every alternative at every position.
TRIGGER_WORDS = sorted(data.word_list("municipality_cue_triggers.txt"))
TRIGGER = re.compile("|".join(rf"{re.escape(w[0])}(?<!\w.){re.escape(w[1:])}" for w in TRIGGER_WORDS))
# the letters each cue can start with: a cue is tried only at the triggers starting with them
CUE_FIRST = [data.first_chars(rx.pattern) for _kind, _case, rx in CUES]
VOIVODESHIP = re.compile(r"\b(?:województw\w+|woj\.)\s+([a-ząćęłńóśźż-]+)", re.I)
WEIGHT = {"gmina": 1.0, "miasto": 1.0, "powiat": 1.0, "województwo": 1.0, "place": 0.3, "dateline": 1.0}
# "Mielec, 12.06.2019" / "Kraśnik, 9 września 2020 r." at a line's start
DATELINE = re.compile(rf"^[ \t]*(?P<n>{NAME}),?[ \t]+(?:dnia[ \t]+)?\d{{1,2}}(?:\.\d{{1,2}}\.\d{{2,4}}|[ \t]+[{L}]+[ \t]+\d{{4}})",
                      re.M)
OWN_OFFICE = re.compile(r"(?:Marszał|Sejmik|Samorząd|Zarząd|Urząd|Starost|Rad)\w*\s+$")
BEFORE_WORD = re.compile(rf"([{U}][{L}]+)[ \t]+$")


def _inside_title(text: str, start: int) -> bool:
    """The cue at `start` follows a capitalised word of another name, not an office: a programme
    or strategy of that unit ("Strategii Rozwoju Powiatu …"), not the unit acting."""
    m = BEFORE_WORD.search(text, max(0, start - 30), start)
    if not m or OWN_OFFICE.search(text, max(0, start - 30), start):
        return False
    return not any(a[1] in ("prep", "conj", "comp", "qub", "adv") for a in morph.analyse(m.group(1).lower()))


def _without_abbreviation(raw: str, after: str) -> str:
    """The place name without an abbreviation run into it ("Opole Sp. z o.o." → "Opole"): a last
    word cut short by a full stop that morfeusz knows as an abbreviation or not at all."""
    words = raw.split(" ")
    if len(words) > 1 and after == "." and (not morph.is_known(words[-1])
                                            or any(a[1] == "brev" for a in morph.analyse(words[-1]))):
        return " ".join(words[:-1])
    return raw


def _not_a_name(raw: str) -> bool:
    """A capitalised ordinary adjective after a cue ("Miasto Idealne", "Gmina Otwarta"), not a place:
    a single word read only as an adjective or participle, never as a geographic name."""
    readings = morph.analyse(raw) if " " not in raw else ()
    return bool(readings) and all(a[1] in ("adj", "ppas", "pact") and not morph.GEO & set(a[5]) for a in readings)


@lru_cache(maxsize=50_000)  # the same few names recur in a report (and across a site's reports)
def _without_person(raw: str) -> str:
    """The place name without a person's name run into it ("Jedwabne Adam Nowicki" → "Jedwabne")
    or a courtesy title starting one ("Elbląg Pani Maria" → "Elbląg")."""
    words = raw.split(" ")
    for k in range(1, len(words)):
        if words[k].lower() in organisations.honorifics():
            return " ".join(words[:k])
        first = [a for a in morph.analyse(words[k]) if "imię" in a[5]]
        if any("nom" in a[3] for a in first):
            return " ".join(words[:k])
        # "Gminy Kozienice Tomasza Śmietanki": a first name and a surname in one case
        cases = set().union(*[a[3] for a in first] or [set()])
        if cases and k + 1 < len(words) and any("nazwisko" in a[5] and a[3] & cases for a in morph.analyse(words[k + 1])):
            return " ".join(words[:k])
    return raw


PLACE_START = re.compile(rf"w(?<!\w.)e? (?=[{U}])")  # "w"/"we" starting a word (checked after the "w")


def _place_matches(rx, text: str):
    """"w X" cues only where a capitalised word follows "w"/"we" (a quick scan first)."""
    for m in PLACE_START.finditer(text):
        mm = rx.match(text, m.start())
        if mm:
            yield mm


def _voivodeship_matches(text: str, lower: str):
    """VOIVODESHIP's matches in `text`, tried only where "woj" stands in the lower-cased text:
    a case-insensitive scan tries every position, slowly. (Every match starts with "woj" in some
    case; where lower-casing moves offsets, the whole text is scanned as before.)"""
    if "woj" not in lower:
        return
    if len(lower) != len(text):
        yield from VOIVODESHIP.finditer(text)
        return
    end = 0
    k = lower.find("woj")
    while k >= 0:
        m = VOIVODESHIP.match(text, k) if k >= end else None
        if m:
            end = m.end()  # (as finditer: the next match starts after this one)
            yield m
        k = lower.find("woj", k + 1)


def _voiv_adjective(word: str) -> str:
    """"Podlaskiego" / "dolnośląskim" → "podlaskie" / "dolnośląskie"."""
    w = word.lower()
    return re.sub(r"(?:iego|im|ie|a|ą|ej)$", "ie", w) if not w.endswith("ie") else w


POWIAT_PREFIX = "powiat:"


def _powiat_adjective(word: str) -> str:
    w = word.lower()
    return re.sub(r"(?:iego|iemu|im|iem|i)$", "i", w)


def _powiat_name(adjective: str) -> str:
    """"zawierciański" → "Powiat Zawierciański" (the annotators' form)."""
    return "Powiat " + adjective[:1].upper() + adjective[1:]


def _seat_powiat(seat: str, gaz) -> str | None:
    """The powiat (adjective) whose seat is the town `seat`, from the register; None unless unique."""
    if gaz is None:
        return None
    units = {u.powiat for u in gaz.find(seat, ("gmina", "miasto")) if u.powiat and u.kind == "gmina" or u.powiat_rights}
    powiaty = {p for p in units if p and p[:1].islower()}
    return next(iter(powiaty)) if len(powiaty) == 1 else None


@lru_cache(maxsize=50_000)
def _name_forms(raw: str, case: str) -> tuple:
    """Candidate nominative names: as written, the nominative via morfeusz, and shorter prefixes
    (a cue may run into the following capitalised word)."""
    words = raw.split()
    out = []
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        cands = list(morph.place_candidates(phrase))
        if case == "nom":
            out.append(phrase)
            out += cands
        else:
            out += cands
            out.append(phrase)
    return tuple(dict.fromkeys(out))


# inflected endings of place names and adjectives → their nominative endings ("Sanoka" → "Sanok",
# "Gorzowa Wielkopolskiego" → "Gorzów Wielkopolski", "Nowej Dębie" → "Nowa Dęba")
PLACE_ENDINGS = (("owa", "ów"), ("owie", "ów"), ("iego", "i"), ("iej", "a"), ("im", "i"), ("ej", "a"), ("ach", "i"),
                 ("ach", "y"), ("ie", "a"), ("ie", ""), ("y", "a"), ("i", "a"), ("a", ""), ("u", ""), ("em", ""))


def _word_guesses(word: str) -> list:
    return [word] + [word[:-len(a)] + b for a, b in PLACE_ENDINGS if word.endswith(a) and len(word) - len(a) >= 3]


def _nominative_place(word: str) -> bool:
    """The word as written is a plural place name in the nominative ("Bieliny", "Kozienice"), which
    the singular reading ("Bielina" in the genitive) would hide."""
    return any("nom" in a[3] and "pl" in a[2] and morph.GEO & set(a[5]) for a in morph.analyse(word))


def _attested_nominative(raw: str, text: str) -> str | None:
    """A nominative guess of an unknown inflected place name that the text itself writes."""
    words = raw.split()
    if len(words) > 2:
        return None
    guesses = [" ".join(g) for g in product(*map(_word_guesses, words))][1:]
    for g in guesses:
        k = text.find(g)
        while k >= 0:
            if (k == 0 or not text[k - 1].isalpha()) and not text[k + len(g):k + len(g) + 1].isalpha():
                return g
            k = text.find(g, k + 1)
    return None


def resolve(text: str, title: str = "", skip=lambda s: False, gaz=None, lower: str | None = None,
            line_starts: list | None = None) -> dict | None:
    """The municipality the text names most strongly (`lower`: the text lower-cased, when the
    caller has it: TextIndex.lower; `line_starts`: the offsets its lines start at, when the
    caller has them: TextIndex.line_starts)."""
    scores = defaultdict(float)      # (kind, name) → weight
    voiv_cues = defaultdict(float)
    powiat_cues = set()
    title_end = len(title)
    written = {}  # inflected compound name → the nominative of it the text writes
    attested = {}  # unknown name → the nominative of it the text writes (a name recurs in a report)
    entries = []  # (kind, possible nominatives, weight) of names read without a register
    by_letter = defaultdict(list)  # trigger offsets by their first letter, in text order
    for t in TRIGGER.finditer(text):
        by_letter[text[t.start()]].append(t.start())
    all_triggers = None
    for (kind, case, rx), first in zip(CUES, CUE_FIRST):
        if kind == "place":
            matches = _place_matches(rx, text)
        else:
            if first is None:
                all_triggers = all_triggers or sorted(p for ps in by_letter.values() for p in ps)
                positions = all_triggers
            else:
                positions = [p for c in first if c in by_letter for p in by_letter[c]]
                if len(positions) > 1:
                    positions.sort()
            matches = filter(None, (rx.match(text, pos) for pos in positions))
        for m in matches:
            w = WEIGHT[kind] * (0.3 if skip(m.start()) else 1.0)
            raw = _without_person(_without_abbreviation(m.group("n"), text[m.end("n"):m.end("n") + 1]))
            river = RIVER.match(raw)
            raw, tail = river.groups() if river else (raw, "")
            if kind == "place":
                tail = ""  # "spotkanie w Płocku nad Wisłą": where, said loosely; the unit's name comes from an office
            if kind in ("gmina", "miasto", "place") and _not_a_name(raw):
                w *= 0.3  # "Miasto Idealne": a slogan, not the town
            if kind in ("województwo", "powiat") and _inside_title(text, m.start()):
                w *= 0.3  # "Regionalnego Programu Operacyjnego Województwa …": a programme's name
            if kind == "województwo":
                before = text[max(0, m.start() - 30):m.start()]
                if m.group()[:1].islower():
                    w *= 0.3  # "w województwie podlaskim": where, not who
                elif OWN_OFFICE.search(before):
                    w *= 2  # "Urząd Marszałkowski Województwa …": the voivodeship's own office
                voiv_cues[_voiv_adjective(raw)] += max(w, 0.5)
                scores[("województwo", _voiv_adjective(raw))] += w * (3 if m.start() < title_end else 1)
                continue
            if kind == "powiat" and case == "inst":
                adj = _powiat_adjective(raw)
                powiat_cues.add(adj)
                scores[("powiat", POWIAT_PREFIX + adj)] += w * (3 if m.start() < title_end else 1)
                continue
            if kind == "powiat" and case == "adj":
                powiat_cues.add(_powiat_adjective(raw))
                continue
            if kind == "powiat":  # "Starostwo Powiatowe w Zawierciu": the powiat of that seat
                seat_forms = _name_forms(raw, case)
                adj = next((a for a in (_seat_powiat(f, gaz) for f in seat_forms) if a), None)
                if adj:
                    powiat_cues.add(adj)
                    scores[("powiat", POWIAT_PREFIX + adj)] += w * (3 if m.start() < title_end else 1)
                    continue
            forms = _name_forms(raw, case)
            if gaz is not None:
                kinds = ("powiat",) if kind == "powiat" else ("gmina", "miasto")
                forms = [f + tail for f in forms if gaz.find(f + tail, kinds)]
                if not forms:
                    continue
                forms = forms[:1]
            else:
                compound = morph.compound_nominatives(raw)  # of several, the one the text also writes
                if len(compound) > 1 and raw not in written:
                    written[raw] = next((c for c in compound if c in text), compound[0])
                nom = written.get(raw) or (compound[0] if compound else morph.place_nominative(raw))
                if nom == raw:  # a name morfeusz does not know: a nominative of it the text writes
                    if raw not in attested:
                        attested[raw] = _attested_nominative(raw, text)
                    nom = attested[raw] or raw
                if kind == "place" and nom == raw and not morph.has_qualifier(raw.split()[-1], "nazwa_geograficzna"):
                    continue
                if not compound:  # "Brzeziny": a plural name, or the singular "Brzezina" in the genitive
                    cands = morph.place_candidates(raw)
                    alts = cands if len(cands) > 1 and nom == cands[0] else (nom,)
                    if kind == "gmina" and case == "nom" and raw in alts[1:] and _nominative_place(raw):
                        alts = (raw,) + tuple(a for a in alts if a != raw)  # "Gminy Bieliny": a name in apposition
                    entries.append((kind, tuple(a + tail for a in alts), w * (3 if m.start() < title_end else 1)))
                    continue
                forms = [nom + tail]
            for f in forms:
                scores[(kind, f)] += w * (3 if m.start() < title_end else 1)
    # a name with several possible nominatives: the one other cues of the text also support
    # ("Miasta Radomia" may be "Radomia" or "Radom"; "w Radomiu" decides)
    support = defaultdict(float)
    for _kind, alts, w in entries:
        for a in alts:
            support[a] += w
    for kind, alts, w in entries:
        best = max(alts, key=lambda a: (support[a], -alts.index(a)))
        scores[(kind, best)] += w
    # a dateline starts a line and ends on it: tried at each line's start only (a scan of the text
    # tries "^" at every character)
    datelines = DATELINE.finditer(text) if line_starts is None else \
        filter(None, (DATELINE.match(text, s) for s in line_starts))
    for m in datelines:  # "Mielec, 12.06.2019": where the report was written
        raw = m.group("n")
        forms = [f for f in _name_forms(raw, "nom") if gaz.find(f, ("gmina", "miasto"))][:1] if gaz is not None \
            else ([raw] if morph.has_qualifier(raw.split()[-1], "nazwa_geograficzna") else [])
        for f in forms:
            scores[("dateline", f)] += WEIGHT["dateline"] * (0.3 if skip(m.start()) else 1.0)
    for m in _voivodeship_matches(text, text.lower() if lower is None else lower):
        voiv_cues[_voiv_adjective(m.group(1))] += 0.5
    if not scores:
        return None
    # aggregate by name: kind cues vote for the unit kind
    by_name = defaultdict(lambda: defaultdict(float))
    for (kind, name), w in scores.items():
        by_name[name][kind] += w
    for name in list(by_name):  # "w Ostrowi" counts for the "Ostrów Mazowiecka" named elsewhere
        longer = [n for n in by_name if n.startswith(name + " ")]
        if len(longer) == 1:
            for kind, w in by_name.pop(name).items():
                by_name[longer[0]][kind] += w
    ranked = sorted(by_name.items(), key=lambda kv: -sum(kv[1].values()))
    # a voivodeship wins only when no gmina/city cue is as strong
    best_name, kinds = ranked[0]
    total = sum(kinds.values())
    if "województwo" in kinds and kinds["województwo"] >= total / 2:
        v = best_name
        if gaz is not None and v not in gaz.voivodeships:
            return None
        return {"name": v[:1].upper() + v[1:], "kind": "województwo", "voivodeship": v}
    if total < 1.0:
        return None
    # a report of a federation or several gminas, each named as strongly: no one municipality
    units = [sum(k.values()) for n, k in ranked if sum(w for kd, w in k.items() if kd != "place") >= 1.0]
    if len(units) >= 3 and units[1] * 1.25 >= total:
        return None
    if best_name.startswith(POWIAT_PREFIX):
        adj = best_name[len(POWIAT_PREFIX):]
        voivodeship = None
        if gaz is not None:
            voivs = {u.voivodeship for u in gaz.units if u.kind == "powiat" and u.powiat == adj}
            voivodeship = next(iter(voivs)) if len(voivs) == 1 else None
        if voivodeship is None:
            strong = [v for v, w in voiv_cues.items() if w >= 0.5]
            voivodeship = strong[0] if len(strong) == 1 else None
        return {"name": _powiat_name(adj), "kind": "powiat", "voivodeship": voivodeship}
    name = best_name
    kind = "gmina"
    voivodeship = None
    if gaz is not None:
        cands = gaz.find(name, ("gmina", "miasto", "powiat"))
        if kinds.get("powiat", 0) > kinds.get("gmina", 0) + kinds.get("miasto", 0):
            cands = [c for c in cands if c.kind == "powiat"] or cands
        else:
            cands = [c for c in cands if c.kind != "powiat"] or cands
        voivs = {c.voivodeship for c in cands}
        if len(voivs) > 1:
            cued = [c for c in cands if c.voivodeship in voiv_cues or (c.powiat and c.powiat in powiat_cues)]
            cands = cued if len({c.voivodeship for c in cued}) == 1 else cands
            voivs = {c.voivodeship for c in cands}
        if len(voivs) == 1:
            voivodeship = next(iter(voivs))
        if any(c.powiat_rights for c in cands):
            kind = "miasto"
        elif all(c.kind == "powiat" for c in cands) and cands:
            kind = "powiat"
        elif kinds.get("miasto", 0) > kinds.get("gmina", 0) and any(c.urban for c in cands):
            kind = "miasto"
    else:
        if kinds.get("powiat", 0) > kinds.get("gmina", 0) + kinds.get("miasto", 0):
            kind = "powiat"
        elif kinds.get("miasto", 0) > kinds.get("gmina", 0):
            kind = "miasto"
        strong = [v for v, w in voiv_cues.items() if w >= 0.5]
        if len(strong) == 1:
            voivodeship = strong[0]
    if kind == "powiat" and len(powiat_cues) == 1:  # the seat's powiat, named in the text
        return {"name": _powiat_name(next(iter(powiat_cues))), "kind": "powiat", "voivodeship": voivodeship}
    return {"name": name, "kind": kind, "voivodeship": voivodeship}


@Language.factory("partmon_municipality")
def make_municipality(nlp, name):
    return MunicipalityComponent()


class MunicipalityComponent:
    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # one accessor object: each `doc._` builds a new one
        title = ext.title or ""
        text = ext.text
        start = text.find(title) if title else -1
        index = text_index.of(doc)
        # weight the title line: pass only its span as the "title" region
        ext.municipality = resolve(text, title=text[:start + len(title)] if start >= 0 else "",
                                   skip=chrome_test(doc), gaz=gazetteer.load(), lower=index.lower,
                                   line_starts=index.line_starts)
        organisations.qualify_generic(ext.organisations, ext.municipality)
        return doc
