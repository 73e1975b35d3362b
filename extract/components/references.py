"""partmon_references: legal acts cited (resolutions, ordinances, statutes) and the programmes
or funds that finance the process."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import data, morph, text_index
from .layout import chrome_test
from .organisations import menu_lines

for _name in ("legal_acts", "funding"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


# where an act's head word starts ("Uchwała", "zarządzenia", "ustawy"); the word start is checked
# after the first letter, so the regex engine jumps between those letters (a look-behind first is
# tried at every position: three times slower)
ACT_HEAD = re.compile(r"U(?<!\wU)(?:chwa[łl]|staw)|u(?<!\wu)(?:chwa[łl]|staw)|Z(?<!\wZ)arządzeni|z(?<!\wz)arządzeni"
                      r"|R(?<!\wR)ozporządzeni|r(?<!\wr)ozporządzeni")  # "w uchwale": ł → l in the locative


# the head words lower-cased: each ACT_HEAD match starts with one of them in the lower-cased text
ACT_HEAD_LOWER = ("uchwa", "ustaw", "zarządzeni", "rozporządzeni")


def act_heads(text: str, low: str | None = None) -> list[int]:
    """Where ACT_HEAD matches in `text`, in order (`low`: the text lower-cased with the same
    offsets, TextIndex.low). A handful of `str.find`s over `low` and one match at each hit:
    ACT_HEAD's scan stops at every "u", "z" and "r" of the text. (Its matches are words of
    letters starting after a non-letter, so they never overlap: every position it matches at is
    one finditer gives.)"""
    if low is None:
        return [m.start() for m in ACT_HEAD.finditer(text)]
    found = []
    for head in ACT_HEAD_LOWER:
        k = low.find(head)
        while k >= 0:
            if ACT_HEAD.match(text, k):
                found.append(k)
            k = low.find(head, k + 1)
    found.sort()
    return found


@lru_cache(maxsize=None)
def legal_patterns():
    months = "|".join(sorted(data.months(), key=len, reverse=True))
    date = rf"\d{{1,2}}\s+(?:{months})\s+\d{{4}}\s*(?:r\.|roku)?|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}\s*(?:r\.|roku)?"
    return [(spec["kind"], re.compile(spec["pattern"].replace("{DATE}", date)))
            for spec in data.jsonl("legal_acts.jsonl")]


@lru_cache(maxsize=None)
def funding_patterns():
    out = []
    for spec in data.jsonl("funding.jsonl"):
        for v in spec["variants"]:
            words = v.split()
            # acronyms, also mixed-case ones ("FEnIKS", not the name "Feniks"), match only as written
            exact = len(words) == 1 and sum(c.isupper() for c in v) >= 2
            caps = tuple(w[:1].isupper() for w in words)
            out.append(([frozenset([w]) if exact else morph.lemmas(w) for w in words], spec["name"], exact, caps))
    out.sort(key=lambda t: -len(t[0]))
    index = {}
    for pat in out:
        for key in pat[0][0]:
            index.setdefault(key, []).append(pat)
    return index


@lru_cache(maxsize=100_000)
def _funding_candidates(word: str) -> tuple:
    """Funding patterns whose first word can be `word`, longest first."""
    index = funding_patterns()
    pats = [p for key in (morph.lemmas(word) | {word}) for p in index.get(key, ())]
    return tuple(sorted(pats, key=lambda t: -len(t[0])))


@lru_cache(maxsize=None)
def acronym_owners() -> dict:
    """{acronym: the full name it stands for} for the acronyms kept as written ("NOWEFIO"), which
    go when the report also names the programme in full."""
    return {spec["name"]: spec["same_as"] for spec in data.jsonl("funding.jsonl") if spec.get("same_as")}


@lru_cache(maxsize=None)
def named_funding_patterns():
    """(prefix, a substring every match holds, regex, extends, fixed name, words before, needs):
    the substring skips texts cheaply; a fixed name ("fundusz sołecki") replaces the inflected
    words matched; the words before ("ze środków") are tested only where the name stands, not
    searched for over the whole text; `needs`, regexes one of which every match contains, each
    starting with a literal the regex engine jumps to: searched first, they skip the texts the
    gate's common substring lets through ("samorządowy") far cheaper than the pattern's scan."""
    return [(spec["prefix"], spec["gate"], re.compile(spec["pattern"]), bool(spec.get("extends")),
             spec.get("name"), re.compile(spec["before"]) if spec.get("before") else None,
             tuple(map(re.compile, spec.get("needs", ()))))
            for spec in data.jsonl("funding_named.jsonl")]


@lru_cache(maxsize=None)
def _sentence_cues():
    """(offer cue, paid cue): a programme named as a chance to apply for money, and money granted."""
    return data.regex_list("funding_offer_cues.txt"), data.regex_list("funding_paid_cues.txt")


def offered_not_paid(text: str, start: int, end: int) -> bool:
    """The sentence naming a programme speaks of applying to it ("możliwość pozyskania środków z
    PROW", "organizacje mogą ubiegać się o dotacje z …") and says nothing of money received: the
    programme did not pay for what the report is about."""
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [k for k in (text.find(". ", end), text.find("\n", end)) if k >= 0]
    sentence = text[s:min(ends) if ends else len(text)]
    offer, paid = _sentence_cues()
    return bool(offer.search(sentence)) and not paid.search(sentence)


def _written_as_name(words, caps) -> bool:
    """The words are written as the programme's name, not as common words ("funduszy
    europejskich", "kapitału ludzkiego"): capitalised where the name is, with one slip allowed
    in a long name and a lower-case first word before an acronym ("funduszy EOG")."""
    missing = [k for k, (w, c) in enumerate(zip(words, caps)) if c and not w[:1].isupper()]
    if not missing:
        return True
    if len(missing) > 1:
        return False
    return sum(caps) >= 3 or (missing[0] == 0 and len(words) == 2 and words[1].isupper())


def _normalise_act(kind: str, m: re.Match) -> str:
    if kind == "resolution_undated":  # "Uchwała Nr XII/85/2011 Rady Miejskiej w Sejnach"
        head = "Uchwała" if m.group("head").lower().startswith("uchwa") else "Zarządzenie"
        issuer = re.sub(r"\s+", " ", m.groupdict().get("issuer") or "")
        return f"{head} nr {m.group('number')} {issuer}".strip()
    if kind == "act_undated":  # "ustawy o działalności pożytku publicznego i o wolontariacie (Dz. U. …)"
        return f"Ustawa o {re.sub(chr(92) + 's+', ' ', m.group('subject')).strip()}"
    date = re.sub(r"\s*roku$", " r.", m.group("date").strip())
    if not date.endswith("r."):
        date += " r."
    if kind == "ordinance":  # "rozporządzeniem Ministra … z dnia …"
        return f"Rozporządzenie {re.sub(chr(92) + 's+', ' ', m.group('issuer'))} z dnia {date}"
    if kind.startswith("resolution"):
        head = "Uchwała" if m.group("head").lower().startswith("uchwa") else "Zarządzenie"
        issuer = re.sub(r"\s+", " ", m.groupdict().get("issuer") or "")
        if not issuer:  # "Uchwała nr X/1/2019 z dnia …": no issuer named
            return f"{head} nr {m.group('number')} z dnia {date}"
        return f"{head} nr {m.group('number')} {issuer} z dnia {date}"
    return f"Ustawa z dnia {date} o {re.sub(chr(92) + 's+', ' ', m.group('subject')).strip()}"


def find_legal_acts(text: str, skip=lambda s: False, low: str | None = None) -> list[tuple[str, int, int]]:
    """(act, start, end) of the acts cited (`low`: see `act_heads`)."""
    out, seen, covered, numbers = [], set(), [], set()
    # every act pattern starts with its head word: matched only where one stands, not searched
    # over the whole text once per pattern
    heads = act_heads(text, low)
    if not heads:
        return out
    for kind, rx in legal_patterns():
        for m in filter(None, (rx.match(text, h) for h in heads)):
            if skip(m.start()) or any(s < m.end() and m.start() < e for s, e in covered):
                continue  # in chrome, or part of an act already found by a fuller form
            covered.append((m.start(), m.end()))
            number = (m.groupdict().get("number") or "").casefold()
            if kind == "act_undated" and any(a.startswith("Ustawa z dnia") and
                                             " ".join(m.group("subject").split()).startswith(a.split(" r. o ", 1)[-1])
                                             for a, _s, _e in out):
                continue  # the same statute, cited with its date elsewhere
            if kind == "resolution_undated" and number in numbers:
                continue  # the same resolution, cited with its date elsewhere
            act = _normalise_act(kind, m)
            key = act.casefold()
            if key in seen:
                continue
            seen.add(key)
            if number:
                numbers.add(number)
            out.append((act, m.start(), m.end()))
    out.sort(key=lambda t: t[1])
    return out


@Language.factory("partmon_references")
def make_references(nlp, name):
    return ReferencesComponent()


class ReferencesComponent:
    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # one accessor object: each `doc._` builds a new one
        text = ext.text
        in_chrome = chrome_test(doc)
        ext.legal_acts = find_legal_acts(text, skip=in_chrome, low=text_index.of(doc).low)
        words = ext.words
        strs = ext.word_strs
        if strs is None:
            strs = [text[s:e] for s, e in words]
        taken = [False] * len(words)
        found, seen = [], set()
        word_chrome = ext.word_chrome
        all_pats = list(map(_funding_candidates, strs))  # cached per word: one C-level pass
        for i in [k for k, p in enumerate(all_pats) if p]:
            if taken[i] or word_chrome[i]:
                continue
            w, pats = strs[i], all_pats[i]
            lem0 = morph.lemmas(w)
            lem1 = morph.lemmas(strs[i + 1]) if i + 1 < len(strs) else frozenset()
            for seq, name, exact, caps in pats:
                n = len(seq)
                if i + n > len(strs):
                    continue
                ok0 = (w in seq[0]) if exact else bool(lem0 & seq[0])
                if not ok0 or (n > 1 and not (lem1 & seq[1])) or any(taken[i:i + n]):
                    continue  # (most candidates fail on their second word: tested before the loop below)
                if all(morph.lemmas(strs[i + k]) & seq[k] for k in range(1, n)) and \
                        all(not text[words[i + k][1]:words[i + k + 1][0]].strip(" \n\t–-") for k in range(n - 1)) and \
                        _written_as_name(strs[i:i + n], caps):
                    for k in range(i, i + n):
                        taken[k] = True
                    if name not in seen:
                        seen.add(name)
                        found.append((name, words[i][0], words[i + n - 1][1]))
                    break
        # "Programu Rządowego Aktywni+": a government programme named after its kind
        for prefix, gate, rx, extends, fixed, before, needs in named_funding_patterns():
            if gate not in text or (needs and not any(n.search(text) for n in needs)):
                continue
            for m in rx.finditer(text):
                if in_chrome(m.start()) or (before and not before.search(text, max(0, m.start() - 60), m.start())):
                    continue
                # the words before the name ("ze środków … z budżetu") may hold other programmes
                start = m.start() if extends else m.start("name")
                inside = [f for f in found if f[1] < m.end() and start < f[2]]
                if inside and not (extends and all(m.start() <= f[1] and f[2] <= m.end() for f in inside)):
                    continue
                # "Regionalny Program Operacyjny Województwa Lubelskiego" replaces the bare
                # "Regionalny Program Operacyjny" found inside it
                found = [f for f in found if f not in inside]
                seen.difference_update(f[0] for f in inside)
                name = fixed or f"{prefix} {m.group('name').rstrip(' i')}".strip()
                if name not in seen:
                    seen.add(name)
                    found.append((name, start, m.end()))
        menus = menu_lines(text)  # "Region | Urząd | Fundusze Europejskie | Kontakt": a link, not a source
        if menus:
            found = [f for f in found if not any(a <= f[1] < b for a, b in menus)]
        found = [f for f in found if not offered_not_paid(text, f[1], f[2])]
        found.sort(key=lambda f: f[1])
        # a longer programme name makes its shorter part redundant
        names = [f[0] for f in found]
        owners = acronym_owners()
        ext.funding = [f for f in found if not any(f[0] != n and f[0] in n for n in names) and
                       not (f[0] in owners and any(owners[f[0]] in n for n in names))]
        return doc
