"""Cached morfeusz2 look-ups: lemmas, grammatical tags and nominative forms of name phrases."""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from itertools import product

import morfeusz2

_local = threading.local()
CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")


def _morf() -> morfeusz2.Morfeusz:
    m = getattr(_local, "morf", None)
    if m is None:
        m = _local.morf = morfeusz2.Morfeusz()
    return m


def base_lemma(lemma: str) -> str:
    """Morfeusz marks homonyms as `lemma:Sm1`; the part before the colon is the word."""
    return lemma.split(":", 1)[0]


@lru_cache(maxsize=200_000)
def analyse(word: str) -> tuple:
    """Whole-word readings of `word`: tuples (lemma, pos, number set, case set, gender set, qualifiers)."""
    out = []
    for start, end, (form, lemma, tag, quals, _) in _morf().analyse(word):
        if start != 0 or end != 1:
            continue
        parts = tag.split(":")
        pos = parts[0]
        num = cas = gen = frozenset()
        if pos in ("subst", "adj", "depr", "ppas", "pact") and len(parts) >= 4:
            num = frozenset(parts[1].split("."))
            cas = frozenset(parts[2].split("."))
            gen = frozenset(parts[3].split("."))
        out.append((lemma, pos, num, cas, gen, tuple(quals)))
    return tuple(out)


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset:
    """Lower-case base lemmas of `word` (the word itself, lower-cased, when morfeusz does not know it)."""
    res = {base_lemma(a[0]).lower() for a in analyse(word) if a[1] != "ign"}
    if not res:
        res = {word.lower()}
    return frozenset(res)


# the helpers below are called for the same word forms in every document: each is cached per
# distinct argument (a dictionary look-up instead of re-reading morfeusz's analyses)
@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    return any(a[1] != "ign" for a in analyse(word))


@lru_cache(maxsize=100_000)
def has_qualifier(word: str, qual: str) -> bool:
    return any(qual in a[5] for a in analyse(word))


@lru_cache(maxsize=200_000)
def readings(word: str, pos: tuple = ("subst",)) -> tuple:
    return tuple(a for a in analyse(word) if a[1] in pos)


def _match_case(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


@lru_cache(maxsize=50_000)
def inflect(lemma: str, pos: str, number: str, case: str, gender: str) -> str | None:
    """The form of `lemma` in the given number/case/gender (positive degree for adjectives)."""
    try:
        forms = _morf().generate(lemma)
    except Exception:  # morfeusz raises on lemmas it cannot generate
        return None
    for form, _lem, tag, _q, _ in forms:
        parts = tag.split(":")
        if parts[0] != pos or len(parts) < 4:
            continue
        if number not in parts[1].split(".") or case not in parts[2].split("."):
            continue
        if gender not in parts[3].split(".") and not (pos == "subst"):
            continue
        if pos == "adj" and parts[-1] != "pos":
            continue
        if pos == "subst" and gender not in parts[3].split("."):
            continue
        return form
    return None


_HYPHEN = re.compile(r"^(.*[-‐])([^-‐]+)$")


def _split_hyphen(word: str):
    m = _HYPHEN.match(word)
    return (m.group(1), m.group(2)) if m else ("", word)


@lru_cache(maxsize=100_000)
def head_reading(word: str, head_lemmas: frozenset | None = None):
    """Best noun reading of a phrase head: singular first, optionally limited to known lemmas."""
    rs = [r for r in readings(word) if not head_lemmas or base_lemma(r[0]).lower() in head_lemmas]
    rs.sort(key=lambda r: ("sg" not in r[2], "nazwisko" in r[5]))
    if not rs:
        return None
    lemma, pos, num, cas, gen, quals = rs[0]
    # all cases this lemma/number/gender can be in ("Centrum" is any case)
    cases = set()
    for r in rs:
        if r[0] == lemma and r[2] == num and r[4] == gen:
            cases |= r[3]
    return (lemma, pos, num, frozenset(cases), gen, quals)


@lru_cache(maxsize=200_000)
def agrees(word: str, number: str, gender: str, cases: frozenset) -> frozenset:
    """Cases in which adjective `word` can agree with a noun of number/gender (empty: not an adjective)."""
    _, last = _split_hyphen(word)
    out = set()
    for lemma, pos, num, cas, gen, _ in analyse(last):
        if pos in ("adj", "ppas", "pact") and number in num and gender in gen:
            out |= cas & cases if cases else cas
    return frozenset(out)


def nominative_phrase(words: list[str], head: int, head_lemmas: frozenset | None = None) -> list[str]:
    """See `_nominative_phrase` (cached per phrase)."""
    return list(_nominative_phrase(tuple(words), head, head_lemmas))


@lru_cache(maxsize=50_000)
def _nominative_phrase(words: tuple, head: int, head_lemmas: frozenset | None = None) -> tuple:
    """Put the head noun of a name phrase and the adjectives agreeing with it into the nominative.

    `words[head]` is the head noun; adjectives directly before it and those directly after it
    (only when they agree with it and are not themselves the modifier of a following noun)
    change; genitive complements and `w X` qualifiers stay as written.
    """
    hr = head_reading(words[head], head_lemmas)
    if hr is None:
        return words
    lemma, _, num, cas, gen, _ = hr
    number = "sg" if "sg" in num else "pl"
    gender = sorted(gen)[0]
    cases = set(cas)
    pre = []
    i = head - 1
    while i >= 0:
        c = agrees(words[i], number, gender, frozenset(cases))
        if not c:
            break
        cases &= c
        pre.append(i)
        i -= 1
    post = []
    j = head + 1
    while j < len(words):
        c = agrees(words[j], number, gender, frozenset(cases))
        if not c:
            break
        nxt = words[j + 1] if j + 1 < len(words) else ""
        if nxt and readings(nxt) and nxt[:1].isupper() and not _is_post_adjective(words[j]):
            # "Uniwersytetu Trzeciego Wieku": the adjective belongs to the next noun
            if any(r for r in readings(nxt) if c & r[3] and _agrees_with(words[j], r)):
                break
        cases &= c
        post.append(j)
        j += 1
    if not cases or "nom" in cases:
        return words
    out = list(words)
    for k in pre + post:
        prefix, last = _split_hyphen(words[k])
        adj = next((a for a in analyse(last) if a[1] == "adj"), None)
        if adj is None:
            continue
        form = inflect(adj[0], "adj", number, "nom", gender)
        if form:
            out[k] = prefix + _match_case(form, last)
    form = inflect(lemma, "subst", number, "nom", gender)
    if form:
        out[head] = _match_case(form, words[head])
    return tuple(out)


def _agrees_with(adjective: str, noun_reading) -> bool:
    """`adjective` can modify a noun of that reading (same number, gender and a shared case):
    "Sportowego" can modify "Klubu" but not the feminine surname reading of "Orzeł"."""
    cases = frozenset(noun_reading[3])
    return any(agrees(adjective, n, g, cases) for n in noun_reading[2] for g in noun_reading[4])


@lru_cache(maxsize=50_000)
def _is_post_adjective(word: str) -> bool:
    """Adjectives that follow an office's head noun ("Urząd Marszałkowski Województwa …")."""
    from . import data
    return bool(lemmas(word) & data.word_list("post_adjectives.txt"))


GEO = {"nazwa_geograficzna", "człon_nazwy_geograficznej"}


@lru_cache(maxsize=50_000)
def agreeing_nominatives(word: str, number: str, case: str, genders: frozenset, hyphen: bool) -> tuple:
    """Nominatives of `word` beside a head noun of that number/case/gender, as (form, kept):
    an adjective agreeing with it; across a hyphen also a noun in its case, or a nominative
    first part that stays as written ("Bielsko-Białej"). Empty: the word does not go with it."""
    out = [(inflect(a[0], "adj", number, "nom", sorted(genders & a[4])[0]), 0) for a in analyse(word)
           if a[1] == "adj" and number in a[2] and case in a[3] and genders & a[4]][:1]
    if hyphen and not out:
        nouns = [a for a in analyse(word) if a[1] == "subst" and GEO & set(a[5])]
        out = [(word if case == "nom" else inflect(a[0], "subst", sorted(a[2])[0], "nom", sorted(a[4])[0]), 0)
               for a in nouns if case in a[3]] or [(word, 1) for a in nouns if "nom" in a[3]][:1]
    return tuple(out)


@lru_cache(maxsize=50_000)
def compound_nominatives(phrase: str) -> tuple:
    """Nominatives of a name of several words read as one geographic noun with the adjectives that
    agree with it (or, across a hyphen, a second noun in its case): "Gorzowa Wielkopolskiego" →
    "Gorzów Wielkopolski", "Kędzierzynie-Koźlu" → "Kędzierzyn-Koźle", "Ostrowi Mazowieckiej" →
    "Ostrów Mazowiecka". A region's name is also a noun ("Wielkopolskie"), so the head is the noun
    the other words agree with, not the last geographic word. Empty when no such reading exists."""
    tokens = re.split(r"([ -])", phrase)
    parts, seps = tokens[0::2], tokens[1::2]
    if len(parts) < 2 or not all(parts):
        return ()
    found = {}
    linked = ["-" in seps[max(0, j - 1):j + 1] for j in range(len(parts))]  # parts joined by a hyphen
    for h, head in enumerate(parts):
        for lemma, pos, nums, cases, genders, quals in analyse(head):
            if pos != "subst" or not GEO & set(quals):
                continue
            for number, case in product(sorted(nums, key=lambda n: n != "sg"), cases):
                gender = sorted(genders)[0]
                form = head if case == "nom" else inflect(lemma, "subst", number, "nom", gender)
                options = [[(form, 0)]] + [agreeing_nominatives(w, number, case, genders, "-" in seps[max(0, j - 1):j + 1])
                                           for j, w in enumerate(parts) if j != h]
                for choice in product(*options):
                    if not all(f for f, _ in choice):
                        continue
                    forms = [f for f, _ in choice[1:]]
                    forms.insert(h, choice[0][0])
                    forms = [f[:1].upper() + f[1:] if w[:1].isupper() else f for f, w in zip(forms, parts)]
                    name = "".join(w + s for w, s in zip(forms, seps + [""]))
                    # a register's hyphenated name ("Bielsko-Biała", not "Bielsk-Biała"), a nominative as
                    # written, the fewest parts kept, parts that are members of compound names ("Golub"
                    # of Golub-Dobrzyń, not the village "Golubie"), singular, Tomaszów before Tomaszowo
                    key = (not hyphenated_place(name), name != phrase, sum(k for _, k in choice),
                           -sum(_compound_member(f) for f, j in zip(forms, linked) if j), number != "sg",
                           gender == "n")
                    found[name] = min(found.get(name, key), key)
    for name in _listed_forms_of(tuple(parts), tuple(seps)):  # "Gołymina-Ośrodka": a part morfeusz
        found[name] = (False, name != phrase, 0, 0, False, False)  # knows as a common noun only
    return tuple(sorted(found, key=found.get))


@lru_cache(maxsize=50_000)
def hyphenated_place(name: str) -> bool:
    """`name` is a hyphenated municipality name of the register: the parts of such a name agree
    in case but may differ in gender and number, so a form like "Bielsku-Białej" reads as
    Bielsk- or Bielsko-Biała alike; the list (lexicon/hyphenated_places.txt) decides."""
    from . import data
    return "-" in name and name in data.word_list("hyphenated_places.txt")


def _listed_forms_of(parts: tuple, seps: tuple) -> list:
    """The register's hyphenated names whose parts are, one by one, forms of the same words as
    `parts` ("Bielsku"+"Białej" → "Bielsko-Biała")."""
    if "-" not in seps:
        return []
    from . import data
    out = []
    for name in data.word_list("hyphenated_places.txt"):
        tokens = re.split(r"([ -])", name)
        if tuple(tokens[1::2]) == seps and all(lemmas(w) & lemmas(p) for w, p in zip(tokens[0::2], parts)):
            out.append(name)
    return out


@lru_cache(maxsize=50_000)
def _compound_member(form: str) -> bool:
    """morfeusz knows the nominative `form` as a part of a compound place name ("Golub")."""
    return any("nom" in a[3] and "człon_nazwy_geograficznej" in a[5] for a in analyse(form))


@lru_cache(maxsize=50_000)
def place_candidates(phrase: str) -> tuple:
    """Possible nominatives of a place name seen in any case, likeliest first:
    "Białymstoku" → ("Białystok",), "Lublina" → ("Lublin", "Lublino", "Lublina"),
    "Dobrym Mieście" → ("Dobre Miasto",)."""
    compound = compound_nominatives(phrase)  # "Gorzowa Wielkopolskiego": the noun the adjective agrees with
    words = phrase.split()
    if not words:
        return (phrase,)
    head = None
    for k in range(len(words) - 1, -1, -1):
        if any(GEO & set(a[5]) for a in analyse(words[k])):
            head = k
            break
    if head is None:
        return compound or (phrase,)
    geo = [a for a in analyse(words[head]) if GEO & set(a[5])]
    geo.sort(key=lambda a: ("sg" not in a[2], "nom" not in a[3]))
    out = []
    for lemma, _, num, cas, gen, _ in geo:
        number = "sg" if "sg" in num else "pl"
        gender = sorted(gen)[0]
        ws = list(words)
        if "nom" in cas:
            form = words[head]
        else:
            form = inflect(lemma, "subst", number, "nom", gender) or base_lemma(lemma)
            form = _match_case(form, words[head])
        ws[head] = form
        for k in range(len(words)):
            if k == head:
                continue
            prefix, last = _split_hyphen(words[k])
            adjs = [a for a in analyse(last) if a[1] == "adj"]
            adjs.sort(key=lambda a: number not in a[2])
            if adjs and "nom" not in cas:
                f = inflect(adjs[0][0], "adj", number, "nom", gender)
                if f:
                    ws[k] = prefix + _match_case(f, last)
        out.append(" ".join(ws))
    return tuple(dict.fromkeys(compound + tuple(out)))


def place_nominative(phrase: str) -> str:
    """The likeliest nominative of a place name ("Białymstoku" → "Białystok")."""
    return place_candidates(phrase)[0]


@lru_cache(maxsize=20_000)
def place_locative(name: str) -> str:
    """Locative of a nominative place name, for "w X" qualifiers ("Zgierzynka" → "Zgierzynce")."""
    words = name.split()
    # the noun decides number and gender; adjectives agree with it ("Dobre Miasto" → "Dobrym Mieście")
    nouns = [(any(b[1] == "adj" for b in analyse(w)), not (GEO & set(a[5])), k, a) for k, w in enumerate(words)
             for a in analyse(w) if "nom" in a[3] and a[1] == "subst"]
    nouns.sort(key=lambda t: t[:2])  # a word that cannot be an adjective, a geographic name first
    head = nouns[0][2] if nouns else None
    agree = (("sg" if "sg" in nouns[0][3][2] else "pl"), nouns[0][3][4]) if nouns else None
    out = []
    for k, w in enumerate(words):
        rs = [a for a in analyse(w) if "nom" in a[3] and a[1] in ("subst", "adj")]
        if agree:  # the head as a (geographic) noun, the other words as adjectives agreeing with it
            rs.sort(key=lambda a: (not (agree[0] in a[2] and agree[1] & a[4]), (a[1] == "adj") == (k == head),
                                   not (GEO & set(a[5]))))
        if not rs:
            out.append(w)
            continue
        lemma, pos, num, _cas, gen, _ = rs[0]
        number = "sg" if "sg" in num else "pl"
        if agree and pos == "adj" and agree[0] in num and agree[1] & gen:
            gen = agree[1] & gen
        form = inflect(lemma, pos, number, "loc", sorted(gen)[0])
        out.append(_match_case(form, w) if form else w)
    return " ".join(out)


def in_preposition(loc: str) -> str:
    """`w` or `we` before a locative ("we Wrocławiu", "w Białymstoku")."""
    low = loc.lower()
    if len(low) > 1 and low[0] in "wf" and low[1] not in "aeiouyąęó":
        return "we"
    return "w"


@lru_cache(maxsize=20_000)
def place_from_genitive(phrase: str) -> str:
    """The nominative of a place name seen in the genitive ("z Borek" → "Borki", "z Lipna" →
    "Lipno"), for an organisation's origin; a name of several words as `place_nominative`."""
    if " " in phrase:
        return place_nominative(phrase)
    geo = [a for a in analyse(phrase) if GEO & set(a[5]) and a[1] == "subst" and "gen" in a[3]]
    geo.sort(key=lambda a: "sg" not in a[2])
    for lemma, _, num, _cas, gen, _ in geo:
        form = inflect(lemma, "subst", "sg" if "sg" in num else "pl", "nom", sorted(gen)[0])
        if form:
            return _match_case(form, phrase)
    return place_nominative(phrase)
