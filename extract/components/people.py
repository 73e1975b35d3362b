"""partmon_people: named people (first name known to morfeusz + capitalised surname), in the
nominative, with the role written next to them."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import data, morph
from .layout import chrome_test
from .organisations import heads

if not Doc.has_extension("people"):
    Doc.set_extension("people", default=None)

# (the character before the name is checked after its capital: the regex engine then jumps from
# capital to capital, where a look-behind first would be tried at every position)
NAME = re.compile(r"(?P<first>[A-ZĄĆĘŁŃÓŚŹŻ](?<![\w.].)[a-ząćęłńóśźż]+)\s+(?P<last>[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+(?:\s?[-–]\s?[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+)?)(?![\w])")
# a street, square or patron named after a person ("ul. Króla Stefana Batorego", "Plac Jana Pawła II")
BLOCKED_BEFORE = re.compile(r"(?:\b(?:ul|al|pl|im|os|św|ks|bł|gen|kard|abp)\.?|\bimienia|\bulic[yaęi]|\bpatron\w*|"
                            r"\bplac\w*|\balej\w*|\baleja|\bkról\w*|\bkardynał\w*|\bgenerał\w*|\bmarszałk\w*|"
                            r"\bpapież\w*|\bświęt\w*)\s*$", re.I)
ROMAN_AFTER = re.compile(r"[ \t]+[IVX]{1,4}(?![\w.])")
# the last word of a text, when only white space follows it: tried at word starts only, with
# possessive runs (a plain "(\w+)\s*$" is tried at every letter of every word and gives letters
# back one by one: most of the time of finding a role)
LAST_WORD = re.compile(r"(?<![\wąćęłńóśźż])([\wąćęłńóśźż]++)\s*+$")


@lru_cache(maxsize=None)
def roles() -> frozenset:
    return data.word_list("roles.txt")


@lru_cache(maxsize=100_000)
def _first_name(word: str, last: str = ""):
    """The first-name reading of `word`: one in a case a surname reading of `last` shares
    ("Pawła Lisa": genitive Paweł, not the nominative Pawła), the nominative first."""
    rs = [a for a in morph.analyse(word) if "imię" in a[5] and a[1] == "subst"]
    rs.sort(key=lambda a: "nom" not in a[3])
    if len(rs) > 1 and last:
        cases = set().union(*[a[3] for a in morph.analyse(last) if "nazwisko" in a[5]] or [set()])
        fitting = [a for a in rs if a[3] & cases]
        if fitting:
            return fitting[0]
    return rs[0] if rs else None


@lru_cache(maxsize=None)
def honorifics() -> frozenset:
    return data.word_list("honorifics.txt")


def _surname_nominative(word: str, gender: str, cases: frozenset) -> str:
    parts = re.split(r"(\s?[-–]\s?)", word)
    if len(parts) > 1:
        return "-".join(p for p in parts[::2])
    rs = [a for a in morph.analyse(word) if a[1] in ("subst", "adj") and cases & a[3]
          and ("nazwisko" in a[5] or a[1] == "adj")]
    for lemma, pos, num, cas, gen, _ in rs:
        if "nom" in cas:
            return word
        form = morph.inflect(lemma, pos, "sg", "nom", gender if pos == "adj" else sorted(gen)[0])
        if form:
            return form[:1].upper() + form[1:]
    return word


def _role_near(text: str, s: int, e: int):
    """A role noun right before the name ("moderatorkę Urszulę …") or after a comma."""
    before = text[max(0, s - 60):s]
    m = LAST_WORD.search(before)
    if m:
        w = m.group(1)
        if morph.lemmas(w) & roles():
            lem = sorted(morph.lemmas(w) & roles())[0]
            return lem
    clause = re.split(r"[,.;:()\n]", text[max(0, s - 80):s])[-1].split()
    for k in range(max(0, len(clause) - 6), len(clause) - 1):
        if morph.lemmas(clause[k]) & roles() and all(
                w[:1].isupper() or w in ("w", "we", "i", "ds.") for w in clause[k + 1:]):
            return " ".join(clause[k:])
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line_end = len(text) if line_end < 0 else line_end
    prefix = text[line_start:s]
    m = re.match(r"^\s*(?:\d+[.)]\s*|[-•*]\s*)?(?P<role>[^,:()]{3,80}?)\s*[,:–-]\s*(?:[^,]*[-–]\s*)?$", prefix)
    if m and (morph.lemmas(m.group("role").split()[0]) & roles()):
        return m.group("role").strip()
    suffix = text[e:line_end]
    m = re.match(r"^\s*[–-]\s*(?P<role>[^,;\n]{3,80})", suffix)
    if m and (morph.lemmas(m.group("role").split()[0]) & roles()):
        return m.group("role").strip()
    m = re.match(r"^\s*,\s*(?P<role>[\wąćęłńóśźż .]{3,60}?)\s*[.;]?\s*$", suffix)
    if m and (morph.lemmas(m.group("role").split()[0]) & roles()):
        return m.group("role").strip()
    return None


def _surname_part(word: str) -> bool:
    """The second part of a double-barrelled surname: a surname or a word morfeusz does not know."""
    rs = morph.analyse(word)
    if morph.lemmas(word) & (roles() | frozenset(heads())):
        return False
    return not morph.is_known(word) or any("nazwisko" in a[5] for a in rs)


def _candidates(text: str):
    """Pairs of capitalised words, overlapping ("Pani Anna Nowak" gives "Pani Anna" and "Anna Nowak")."""
    pos = 0
    while True:
        m = NAME.search(text, pos)
        if not m:
            return
        yield m
        pos = m.end("first")


def find_people(text: str, skip=lambda s: False, exclude=()) -> list[dict]:
    people, index = [], {}
    for m in _candidates(text):
        s, e = m.span()
        if m.group("first").lower() in honorifics():
            continue  # "Pan Józef": the title, not a first name
        fr = _first_name(m.group("first"), m.group("last"))
        if fr is None or skip(s) or any(a <= s < b for a, b in exclude):
            continue
        if BLOCKED_BEFORE.search(text[max(0, s - 25):s]) or ROMAN_AFTER.match(text, e):
            continue
        last = m.group("last")
        parts = re.split(r"\s?[-–]\s?", last)
        if len(parts) > 1 and not _surname_part(parts[1]):
            # "Jan Kowalski – Przewodniczący Rady": a dash before a role or affiliation
            last = parts[0]
            e = s + len(m.group("first")) + (m.start("last") - m.end("first")) + len(last)
        if morph.lemmas(last) & roles():
            continue
        if not any("nazwisko" in a[5] for a in morph.analyse(last)) and morph.is_known(last) \
                and not any(a[1] in ("subst", "adj") and "nazwisko" in a[5] for a in morph.analyse(last)):
            # a common word after a first name ("Jan Paweł", "Maria Wieś") is only accepted when
            # it is not a plain lower-case dictionary word
            if all(morph.base_lemma(a[0]).islower() for a in morph.analyse(last)):
                continue
        gender = sorted(fr[4])[0]
        first = morph.base_lemma(fr[0])
        surname = _surname_nominative(last, "f" if gender == "f" else "m1", fr[3])
        name = f"{first} {surname}"
        role = _role_near(text, s, e)
        key = name.casefold()
        if key in index:
            p = people[index[key]]
            if role and not p["role"]:
                p["role"] = role
            continue
        index[key] = len(people)
        people.append({"name": name, "role": role, "start": s, "end": e})
    return people


@Language.factory("partmon_people")
def make_people(nlp, name):
    return PeopleComponent()


class PeopleComponent:
    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # one accessor object: each `doc._` builds a new one
        exclude = [tuple(sp) for o in (ext.organisations or []) for sp in o["spans"]]
        ext.people = find_people(ext.text, skip=chrome_test(doc), exclude=exclude)
        return doc
