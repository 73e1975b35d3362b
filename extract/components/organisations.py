"""partmon_organisations: finds named organisations and public bodies, puts their names into
the nominative, expands known abbreviations and merges the mentions of one organisation."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import compress

from spacy.language import Language
from spacy.tokens import Doc

from . import data, morph
from .layout import chrome_test

if not Doc.has_extension("organisations"):
    Doc.set_extension("organisations", default=None)

OPEN_Q = "„“\"«"
CLOSE_Q = "”“\"»"
OPEN_QUOTE = re.compile(f"[{OPEN_Q}]")  # (one search instead of one `in` per quote mark)
# the look-behind (no word character or hyphen before the first letter) comes after that letter,
# so that the regex engine can skip ahead to capitals (three times faster than a leading one)
ABBR = re.compile(r"(?P<abbr>[A-ZĄĆĘŁŃÓŚŹŻ](?<![\w-].)[A-ZĄĆĘŁŃÓŚŹŻa-ząćęłńóśźż]{0,3}[A-ZĄĆĘŁŃÓŚŹŻ])(?:-(?:u|em|owi|ie|zie|y|ach))?(?![\w])")
MAX_WORDS = 16
NUMBER_SUFFIX = re.compile(r"\s+(?:nr|Nr|NR)\.?\s*\d+[A-Za-z]?\b(?![/.]\d)")  # not "nr 12/2020": a document's


@lru_cache(maxsize=None)
def heads() -> dict:
    out = {}
    for row in data.table("organisation_heads.tsv"):
        flags = set(row[2].split(",")) if len(row) > 2 and row[2] else set()
        out[row[0]] = (row[1], flags)
    return out


@lru_cache(maxsize=None)
def org_heads() -> dict:
    """The head nouns of both tables (the second one is read by this component only)."""
    out = dict(heads())
    for row in data.table("organisation_heads_more.tsv"):
        out[row[0]] = (row[1], set(row[2].split(",")) if len(row) > 2 and row[2] else set())
    return out


@lru_cache(maxsize=None)
def unit_roles() -> dict:
    out = {"unit": set(), "parent": set(), "parent_abbreviation": set()}
    for lemma, role in data.table("organisation_units.tsv"):
        out[role].add(lemma)
    roles = {k: frozenset(v) for k, v in out.items()}
    roles["parent_abbreviation"] = re.compile("|".join(f"(?:{p})" for p in out["parent_abbreviation"]))
    return roles


@lru_cache(maxsize=None)
def chrome_words() -> frozenset:
    return data.word_list("organisation_chrome_words.txt")


@lru_cache(maxsize=None)
def dotted_connectors() -> frozenset:
    return data.word_list("organisation_dotted_connectors.txt")


@lru_cache(maxsize=None)
def connectors() -> frozenset:
    return frozenset(w.rstrip(".") for w in data.word_list("name_connectors.txt")) | dotted_connectors()


@lru_cache(maxsize=None)
def abbreviations() -> dict:
    return {r[0]: (r[1], r[2] if len(r) > 2 else None) for r in data.table("abbreviations.tsv")}


@lru_cache(maxsize=None)
def place_in_name_abbreviations() -> frozenset:
    """Abbreviations whose place after them is part of the name as written ("LZS Skorogoszcz", "UG Ustka")."""
    return frozenset(r[0] for r in data.table("abbreviations.tsv") if len(r) > 3 and "place_in_name" in r[3].split(","))


@lru_cache(maxsize=None)
def fixed_names() -> list:
    """Fixed organisation names as lemma sequences, longest first."""
    out = []
    for spec in data.jsonl("organisations.jsonl"):
        seq = [morph.lemmas(w) for w in spec["name"].split()]
        out.append((seq, spec["name"], spec["kind"], bool(spec.get("any_case")), bool(spec.get("needs_name"))))
    out.sort(key=lambda t: -len(t[0]))
    index = {}
    for f in out:
        for key in f[0][0]:
            index.setdefault(key, []).append(f)
    return index


class WordMemo(dict):
    """The values of a function of one word, for a whole document's words at once:
    `list(map(memo.__getitem__, words))` is a dict lookup per word, half the cost of an
    lru_cache call. Emptied when it holds `limit` words, so it stays bounded like the caches."""

    def __init__(self, fn, limit: int = 100_000):
        super().__init__()
        self.fn, self.limit = fn, limit

    def __missing__(self, word: str):
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.fn(word)
        return value


@lru_cache(maxsize=100_000)
def _fixed_candidates(word: str) -> tuple:
    """The fixed names `word` may begin: by its lemma, and capitalised unless the name is also
    written in lower case ("lokalnych" begins none, "grupy" may begin "Grupa nieformalna")."""
    fixed = fixed_names()
    return tuple(f for key in morph.lemmas(word) for f in fixed.get(key, ()) if f[3] or _cap(word))


@lru_cache(maxsize=100_000)
def fold(name: str) -> str:
    """Key for merging: case, quotes, dashes and white space folded."""
    t = unicodedata.normalize("NFKC", name).casefold()
    t = re.sub(r"[„”“\"'«»]", "", t)
    t = re.sub(r"\s*[‐‑‒–—―-]\s*", "-", t)
    return re.sub(r"\s+", " ", t).strip(" .,;:")


@lru_cache(maxsize=None)
def honorifics() -> frozenset:
    return data.word_list("honorifics.txt")


@lru_cache(maxsize=None)
def roles() -> frozenset:
    return data.word_list("roles.txt")


LOWER_WORD = re.compile(r"(?<!\w)[a-ząćęłńóśźż]")
ROMAN = re.compile(r"[IVXLC]+")


def _cap(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=100_000)
def _head_of(word: str):
    """(lemma, kind, flags) when `word` is a capitalised organisation head noun."""
    if not _cap(word):
        return None
    table = org_heads()
    for r in morph.readings(word):
        lem = morph.base_lemma(r[0]).lower()
        if lem in table:
            return lem, table[lem][0], table[lem][1]
    return None


FIXED_CANDIDATES = WordMemo(_fixed_candidates)
HEADS = WordMemo(_head_of)


def _is_place_head(word: str) -> bool:
    h = _head_of(word)
    return bool(h) and "place" in h[2]


APPOSITION_GAPS = frozenset((" ", " „", ' "', " “"))


@lru_cache(maxsize=100_000)
def _apposition_head(word: str) -> bool:
    """A head whose own name may follow in the nominative ("Stowarzyszenie", "Fundacja")."""
    h = _head_of(word)
    return bool(h) and "apposition" in h[2]


@lru_cache(maxsize=100_000)
def _is_geo(word: str) -> bool:
    return any({"nazwa_geograficzna", "człon_nazwy_geograficznej"} & set(a[5]) for a in morph.analyse(word))


@lru_cache(maxsize=100_000)
def _nominative_only(word: str) -> bool:
    """A head noun that cannot be genitive starts a new name ("… Departament Spraw Społecznych Urząd Miejski")."""
    rs = morph.readings(word)
    return any("nom" in r[3] for r in rs) and not any("gen" in r[3] for r in rs)


@lru_cache(maxsize=10_000)
def _menu_line(line: str) -> bool:
    """Capitalised words only, two or more of them common nouns in the nominative: a menu
    ("Aktualności Urząd Mieszkaniec Inwestor"), not a heading ("Centrum Kultury Zamek")."""
    if LOWER_WORD.search(line):
        return False
    return sum(_common_nominative_only(w) for w in re.findall(r"\w+", line)) >= menu_rules()["line_nouns"]


@lru_cache(maxsize=100_000)
def _common_nominative_only(word: str) -> bool:
    """A common noun (proper-name readings aside) that is nominative and never genitive ("Kontakt", "Rada")."""
    rs = [r for r in morph.readings(word) if r[0][:1].islower()]
    return any("nom" in r[3] for r in rs) and not any("gen" in r[3] for r in rs)


@lru_cache(maxsize=100_000)
def _starts_person(word: str, nxt: str) -> bool:
    """"Marek Lis" after a name is a person, not part of it (unless after `im.`)."""
    if not _cap(nxt):
        return False
    # a first name in any case but the genitive ("… w Dąbrowie Elżbietę Wiśniewską"; a genitive
    # is a patron: "Fundacja Jana Kowalskiego")
    cases = set().union(*[a[3] for a in morph.analyse(word) if "imię" in a[5] and "gen" not in a[3]] or [set()])
    return bool(cases) and any("nazwisko" in a[5] and a[3] & cases for a in morph.analyse(nxt))


@lru_cache(maxsize=100_000)
def _head_agreement(word: str):
    """(number, gender, cases) of the head reading of `word`, which the adjectives of its name
    agree with (read once per word, not once per adjective); None when it has no noun reading."""
    hr = morph.head_reading(word)
    return None if hr is None else ("sg" if "sg" in hr[2] else "pl", sorted(hr[4])[0], hr[3])


@lru_cache(maxsize=100_000)
def _modified_by(adjective: str, noun: str) -> bool:
    """`adjective` agrees with `noun` in the nominative ("Zielony Dom" inside "Fundacja Zielony Dom")."""
    hr = morph.head_reading(noun)
    return bool(hr) and "nom" in morph.agrees(adjective, "sg" if "sg" in hr[2] else "pl", sorted(hr[4])[0],
                                              frozenset(hr[3]))


@lru_cache(maxsize=100_000)
@lru_cache(maxsize=100_000)
def _geo_agreement(word: str) -> tuple:
    """(number, gender, cases) of each geographic-name reading of `word`, for agreeing adjectives."""
    return tuple((sorted(a[2])[0], sorted(a[4])[0], frozenset(a[3])) for a in morph.analyse(word)
                 if "nazwa_geograficzna" in a[5] and a[2] and a[4])


@lru_cache(maxsize=10_000)
def _trailing_initials(words: tuple) -> bool:
    """The last of `words` is the abbreviation of the ones before it ("Klub Integracji Społecznej KIS")."""
    last = words[-1]
    if len(last) < 2 or not last.isupper() or sum(w.isupper() for w in words) > 1:
        return False
    return "".join(w[0] for w in words[:-1] if w[:1].isupper()) == last.replace("i", "")


@lru_cache(maxsize=100_000)
def _genitive_place(word: str) -> bool:
    """`word` can be a place's name in the genitive ("z Borek", not "z Anną")."""
    return any(GEO_QUALIFIERS & set(a[5]) and "gen" in a[3] for a in morph.analyse(word))


@lru_cache(maxsize=100_000)
def _agrees_with_noun(adjective: str, noun: str) -> bool:
    """`adjective` agrees with a noun reading of `noun` ("Wieś Wielka", "Wsi Wielkiej")."""
    return any(morph.agrees(adjective, n, g, frozenset(r[3])) for r in morph.readings(noun)
               for n in r[2] for g in r[4])


@lru_cache(maxsize=100_000)
def _verb_only(word: str) -> bool:
    """`word` is only ever a finite verb form ("Zaprasza", "Wytworzył"), never a noun or adjective."""
    rs = morph.analyse(word[:1] + word[1:].lower())  # as a capitalised word: "Lipnie" is a place, too
    return bool(rs) and all(a[1] in VERB_TAGS for a in rs)


VERB_TAGS = frozenset(("fin", "praet", "impt", "inf", "bedzie", "imps", "pcon", "pant", "winien"))


@lru_cache(maxsize=100_000)
def _adjective(word: str) -> bool:
    return any(a[1] in ("adj", "ppas", "pact") for a in morph.analyse(word))


@lru_cache(maxsize=100_000)
def _function_word(word: str) -> bool:
    """A preposition, conjunction or particle ("Dla", "Oraz"), capitalised at a sentence start."""
    return any(a[1] in ("prep", "conj", "comp", "qub", "adv") for a in morph.analyse(word.lower()))


@lru_cache(maxsize=100_000)
def _plural_only(word: str, lemma: str) -> bool:
    """`word` read as the noun `lemma` is plural only ("Kluby", not "Stowarzyszenia")."""
    rs = [r for r in morph.readings(word) if morph.base_lemma(r[0]).lower() == lemma]
    return bool(rs) and not any("sg" in r[2] for r in rs)


@lru_cache(maxsize=100_000)
def _genitive_noun(word: str) -> bool:
    """A common noun that can be genitive and is no head noun ("Rozwoju", "Pomocy")."""
    return not _head_of(word) and any("gen" in r[3] for r in morph.readings(word) if r[0][:1].islower())


@lru_cache(maxsize=100_000)
def _gen_adjective(word: str) -> bool:
    return any(a[1] == "adj" and "gen" in a[3] for a in morph.analyse(word))


def _title_case(words: list[str]) -> list[str]:
    """Names written in capitals (logos, headings) in title case; others unchanged."""
    if sum(w.isupper() and len(w) > 1 for w in words) * 2 <= len(words):
        return list(words)
    conns = connectors()
    out = []
    for k, w in enumerate(words):
        if w.isupper() and len(w) > 1:
            low = w.lower()
            out.append(low if (k and low.rstrip(".") in conns) else w[:1] + w[1:].lower())
        elif k and w.lower() in conns and w.isupper():
            out.append(w.lower())
        else:
            out.append(w)
    return out


class Scanner:
    """Walks the words of a document and grows organisation names from head nouns."""

    def __init__(self, doc: Doc):
        ext = doc._  # one accessor object: each `doc._` builds a new one
        self.doc = doc
        self.text = ext.text
        self.words = ext.words
        self.word_chrome = ext.word_chrome
        self.strs = ext.word_strs
        if self.strs is None:
            self.strs = [self.text[s:e] for s, e in self.words]

    def gap(self, i: int) -> str:
        """Text between word i and word i+1."""
        return self.text[self.words[i][1]:self.words[i + 1][0]] if i + 1 < len(self.words) else ""

    def place_end(self, i: int):
        """End of "Gmina Milejczyce" / "Województwo Dolnośląskie": a territorial unit followed by
        its geographic name (or agreeing adjective) on the same line; None when there is none."""
        end = i + 1
        agreement = _head_agreement(self.strs[i])
        while end < len(self.words) and end - i <= 3 and _cap(self.strs[end]) \
                and self.gap(end - 1) == " ":
            w = self.strs[end]
            if _starts_person(w, self.strs[end + 1] if end + 1 < len(self.strs) else ""):
                break
            ok = _is_geo(w) or any(morph.agrees(w, number, gender, cases)
                                   for number, gender, cases in _geo_agreement(self.strs[end - 1])) \
                or end > i + 1 and _agrees_with_noun(w, self.strs[end - 1]) or (agreement and morph.agrees(w, *agreement))
            if not ok or _head_of(w):
                break
            end += 1
        return end if end > i + 1 else None

    def head_after(self, j: int) -> bool:
        """A head noun at word j, or after up to three capitalised adjectives from word j."""
        for k in range(j, min(j + 4, len(self.strs))):
            w = self.strs[k]
            if _head_of(w):
                return True
            if not _cap(w) or (k > j and self.gap(k - 1) != " ") or not _adjective(w):
                return False
        return False

    def place_after(self, j: int) -> int:
        """Index after a capitalised place name of one or two words starting at word j, on the
        same line ("Klub Sportowy „Stal” Nowa Dęba"); j when there is none."""
        end = j
        while end < len(self.words) and end - j < 2 and _cap(self.strs[end]) \
                and (self.gap(end - 1) == " " or end == j and self.gap(end - 1).rstrip(" ") in CLOSE_Q
                     and self.gap(end - 1).endswith(" ")) \
                and (_is_geo(self.strs[end]) or end == j and end + 1 < len(self.words) and self.gap(end) == " "
                     and _is_geo(self.strs[end + 1]) and _agrees_with_noun(self.strs[end], self.strs[end + 1])
                     or end == j + 1 and place_adjective_after(self.strs[end], self.strs[j])) \
                and not _head_of(self.strs[end]) \
                and not _starts_person(self.strs[end], self.strs[end + 1] if end + 1 < len(self.strs) else ""):
            end += 1
        if end > j and end < len(self.words) and self.gap(end - 1) == " " and _cap(self.strs[end]):
            return j  # a longer capitalised run: not clearly a place name
        return end

    def inside_other_name(self, i: int) -> bool:
        """Word i, a territorial unit in the genitive, completes another capitalised name: a
        programme, strategy, act or role ("Programu Operacyjnego Województwa Lubelskiego",
        "Strategii Rozwoju Powiatu X", "Burmistrz Miasta i Gminy X"), not an organisation."""
        if not any("gen" in r[3] for r in morph.readings(self.strs[i])):
            return False
        p = i - 1
        if p >= 1 and self.strs[p] == "i" and self.gap(p) == " " and self.gap(p - 1) == " " \
                and _is_place_head(self.strs[p - 1]):
            p -= 2  # "… Miasta i Gminy X": look before "Miasta"
        if p >= 0 and self.gap(p) == " " and self.strs[p] in data.word_list("organisation_title_governors.txt"):
            return True  # "programu współpracy Województwa Opolskiego z organizacjami …"
        if p < 0 or self.gap(p) != " " or not _cap(self.strs[p]) or _function_word(self.strs[p]):
            return False
        return True

    def event_context(self, start: int, end: int) -> bool:
        """The name at characters start–end stands for an event ("odbyło się Forum …")."""
        before = self.text[max(0, start - 40):start]
        after = self.text[end:end + 40]
        return bool(data.regex_list("organisation_event_cues.txt").search(f"{before}@{after}"))

    def head_alone_at_line_end(self, i: int) -> bool:
        """Head word i ends its line after other words ("… przedstawiciele Fundacji\nRozwoju …"):
        a paragraph wrapped after the head, not a one-word heading."""
        line_start = self.text.rfind("\n", 0, self.words[i][0]) + 1
        return self.gap(i).count("\n") == 1 and not self.gap(i).strip() and bool(self.text[line_start:self.words[i][0]].strip())

    def wrapped_line(self, i: int) -> bool:
        """Word i ends a hard-wrapped line of a paragraph: a long line, no punctuation at its end,
        a single line break after it."""
        gap = self.gap(i)
        if gap.count("\n") != 1 or gap.strip():
            return False
        line_start = self.text.rfind("\n", 0, self.words[i][0]) + 1
        return self.words[i][1] - line_start >= 50

    def menu_word(self, i: int, w: str) -> bool:
        """`w`, after the head word i of a public body (the caller tells), is the next item of a
        menu ("Urząd Mieszkaniec Inwestor Turysta", "URZĄD MIASTO EDUKACJA"): a common noun that
        cannot be genitive after an office's head, on a line of capitalised words only."""
        if not _common_nominative_only(w):
            return False
        a = self.text.rfind("\n", 0, self.words[i][0]) + 1
        b = self.text.find("\n", self.words[i][1])
        return _menu_line(self.text[a:b if b >= 0 else len(self.text)])

    def enumeration(self, j: int) -> bool:
        """Word j, after a comma, starts the rest of an enumeration under one head noun:
        capitalised non-head words joined by commas and closed by "i"/"oraz" + such a word."""
        def member(k):
            return k < len(self.strs) and _cap(self.strs[k]) and not _head_of(self.strs[k]) \
                and not _nominative_only(self.strs[k])
        k = j
        for _ in range(6):
            if not member(k):
                return False
            gap = self.gap(k)
            if gap == ", ":
                k += 1
                continue
            return gap == " " and k + 2 < len(self.strs) and self.strs[k + 1] in ("i", "oraz") \
                and self.gap(k + 1) == " " and member(k + 2)
        return False

    def quoted_after(self, j: int):
        """A quoted name right after word j-1 ("… „Brzezinianki”"): (index after it, the quoted
        text with its quotes, the offset after it) or (j, None, None)."""
        if j >= len(self.words):
            return j, None, None
        gap = self.gap(j - 1)
        if gap.strip() not in OPEN_Q or not gap.startswith(" ") or not gap.strip():
            return j, None, None
        open_at = self.words[j - 1][1] + gap.index(gap.strip())
        close = min([p for p in (self.text.find(c, open_at + 1) for c in CLOSE_Q) if p > 0] or [-1])
        if close < 0 or close - open_at > 80 or "\n" in self.text[open_at:close]:
            return j, None, None
        k = j
        while k < len(self.words) and self.words[k][1] <= close:
            k += 1
        return k, self.text[open_at:close + 1], close + 1

    def qualifier(self, j: int):
        """A `w X` / `we X` place qualifier starting at word j: (end index, text) or (j, None)."""
        if j + 1 < len(self.words) and self.strs[j] in ("w", "we") and self.gap(j - 1) == " " \
                and self.strs[j + 1].lower() not in chrome_words() \
                and self.gap(j) == " " and _cap(self.strs[j + 1]) and not _head_of(self.strs[j + 1]) \
                and not ROMAN.fullmatch(self.strs[j + 1]) \
                and not (self.gap(j + 1) == " " and self.head_after(j + 2)):
            end = j + 2
            while end < len(self.words) and _cap(self.strs[end]) and (self.gap(end - 1) == " " or self.wrapped_line(end - 1)
                                                                       and _agrees_with_noun(self.strs[end], self.strs[end - 1])) \
                    and self.strs[end].lower() not in chrome_words() and not _head_of(self.strs[end]) and end - j <= 3 and not (self.gap(end) == " " and self.head_after(end + 1)) \
                    and not _starts_person(self.strs[end], self.strs[end + 1] if end + 1 < len(self.strs) else ""):
                end += 1
            return end, re.sub(r"\s+", " ", self.text[self.words[j][0]:self.words[end - 1][1]])
        return j, None

    def coordinated_adjective(self, start: int, i: int) -> int:
        """Index of an adjective joined by "i" to the first adjective (word start) of the name whose
        head is word i ("Wojewódzkiej i Miejskiej Biblioteki"), or start when there is none."""
        k = start - 2
        if k < 0 or self.strs[k + 1] != "i" or self.gap(k) != " " or self.gap(k + 1) != " " \
                or not _cap(self.strs[k]) or _head_of(self.strs[k]):
            return start
        agreement = _head_agreement(self.strs[i])
        if not agreement or not morph.agrees(self.strs[k], *agreement):
            return start
        return k

    def person_title(self, start: int, end: int) -> bool:
        """Words start–end stand between a role and a person ("Kierownik Referatu … Urzędu Gminy X
        Pani Anna Lis"): the whole is someone's title, where the unit names where they work."""
        if not start or not morph.lemmas(self.strs[start - 1]) & roles() or end >= len(self.strs):
            return False
        nxt = self.strs[end]
        return nxt.lower() in honorifics() or _starts_person(nxt, self.strs[end + 1] if end + 1 < len(self.strs) else "")

    def parent_office(self, i: int, end: int, head_of: list):
        """Index of the word where a parent office's name starts inside the unit name of words i–end
        ("Departament … Urzędu Marszałkowskiego Województwa X"), or None."""
        parents = unit_roles()["parent"]
        for k in range(i + 2, end - 1):
            h = head_of[k]
            if h and h[0] in parents and self.gap(k - 1) == " " \
                    and any("gen" in r[3] for r in morph.readings(self.strs[k]) if morph.base_lemma(r[0]).lower() == h[0]):
                return k
        return None

    def street_name(self, start: int) -> bool:
        """The name starting at character `start` names a street or square ("ul. …", "przy placu …")."""
        before = self.text[max(0, start - 20):start]
        return bool(STREET_GATE.search(before)) and bool(data.regex_list("organisation_street_cues.txt").search(before))

    def after_apposition(self, i: int) -> bool:
        """Word i (or the capitalised word before it) follows a head whose own name comes next:
        "Stowarzyszenie („)Lokalna Grupa Działania …", "Stowarzyszenie „Lipnowski Uniwersytet …”"."""
        for k in (i - 1, i - 2):
            if k < 0 or self.gap(k) not in APPOSITION_GAPS:
                return False
            if _apposition_head(self.strs[k]):
                return True
            if not _cap(self.strs[k]):
                return False
        return False

    def origin(self, j: int):
        """A `z X` / `ze X` origin at word j as a `w X` qualifier: (end index, "w X") or (j, None)."""
        if j + 1 >= len(self.words) or self.strs[j] not in ("z", "ze") or self.gap(j - 1) != " " \
                or self.gap(j) != " ":
            return j, None
        end = j + 1
        while end < len(self.words) and end - j <= 2 and _cap(self.strs[end]) and not _head_of(self.strs[end]) \
                and (end == j + 1 or self.gap(end - 1) == " " and _agrees_with_noun(self.strs[end], self.strs[end - 1])):
            end += 1
        words = self.strs[j + 1:end]
        if not words or not _genitive_place(words[0]) or _person_pair(*words[:2]):
            return j, None
        loc = morph.place_locative(morph.place_from_genitive(" ".join(words)))
        return end, f"{morph.in_preposition(loc)} {loc}"

    def pre_adjectives(self, i: int, head_word: str, start_limit: int) -> int:
        agreement = _head_agreement(head_word)
        if agreement is None:
            return i
        number, gender, cases = agreement
        k = i
        while k - 1 >= start_limit and k - i < 3:
            w = self.strs[k - 1]
            if not _cap(w):
                break
            gap = self.gap(k - 1)
            if gap.strip() or "\n" in gap or not (morph.agrees(w, number, gender, cases)
                                                 or _unknown_place_adjective(w, cases)):
                break
            if _head_of(w) or morph.lemmas(w) & roles():
                break  # "Przewodniczącego Komitetu …": a role, not part of the name
            k -= 1
        if k - 1 >= start_limit and ROMAN.fullmatch(self.strs[k - 1]) and self.gap(k - 1) == " " \
                and (_head_of(head_word) or ("", ""))[1] == "public":
            k -= 1  # "II Liceum Ogólnokształcące": the ordinal is part of a school's name
        return k

    def grow(self, i: int, j: int | None = None, first_gap: str = " ") -> int:
        """Index after the last word of the name whose head is word i (growing from word j, after
        `first_gap`)."""
        # (the word lists and the head's entry are read once here, not once per word)
        conns, honorific, chrome = connectors(), honorifics(), chrome_words()
        patron_connectors = data.word_list("organisation_patron_connectors.txt")
        text, words, strs = self.text, self.words, self.strs
        head = _head_of(strs[i]) or ("", "", ())
        public = head[1] == "public"  # only a public body's name can run into a menu
        allcaps = strs[i].isupper()
        resumed = j is not None
        j = i + 1 if j is None else j
        proper_seen = patron = False
        patron_at = -99
        last_good = j
        while j < len(words) and j - i < MAX_WORDS:
            gap = first_gap if resumed else text[words[j - 1][1]:words[j][0]]  # self.gap(j - 1)
            resumed = False
            w = strs[j]
            g = gap.strip()
            if g:
                if g[0] in OPEN_Q and not proper_seen and unquoted_head(strs[i]):
                    break  # "Ministerstwa Rozwoju „Przygotowanie …”": a title after a public body
                if g[0] in OPEN_Q and not proper_seen:
                    # quoted proper name: take it whole
                    close_any = min([p for p in (text.find(c, words[j][0]) for c in CLOSE_Q) if p > 0] or [-1])
                    if close_any < 0 or close_any - words[j][0] > 80 or "\n" in text[words[j][0]:close_any]:
                        break
                    while j < len(words) and words[j][1] <= close_any:
                        j += 1
                    last_good = j
                    proper_seen = True
                    # continue only with a "w X" qualifier or a place name ("„Stal” Nowa Dęba")
                    if j < len(words) and text[close_any + 1:words[j][0]] == " " \
                            and strs[j] in ("w", "we") \
                            and j + 1 < len(words) and _cap(strs[j + 1]):
                        j += 1
                        continue
                    last_good = self.place_after(j)
                    break
                if g == "," and self.enumeration(j):
                    j += 1  # "Wydział Sportu, Turystyki i Rekreacji": one name
                    last_good = j
                    continue
                if not (g == "." and strs[j - 1].lower() in dotted_connectors()
                        and (w[:1].isupper() or w.lower() in dotted_connectors())):
                    break
            if "\n" in gap:
                if self.word_chrome[j]:
                    break
                wrapped = _cap(w) and (_gen_adjective(w) or self.wrapped_line(j - 1) and not _common_nominative_only(w)
                                       or j == i + 1 and self.head_alone_at_line_end(i) and _genitive_noun(w)) \
                    and (not _head_of(w) or "fixedcase" in _head_of(w)[2])  # not "… Zdrowia\nData publikacji"
                stacked = allcaps and w.isupper() and gap.count("\n") == 1
                if not (wrapped or stacked):
                    break
            low = w.lower()
            if low in patron_connectors:
                patron_at = j  # "pw. Najświętszego Serca Pana Jezusa": a patron's name, honorifics included
            patron = j - patron_at <= 4
            if low in honorific and not patron or not allcaps and j + 1 < len(strs) and strs[j + 1].islower() \
                    and strs[j + 1] not in conns and ROMAN.fullmatch(w):
                break  # "… Urzędu Miasta Pan Jan Lis", "Rady … III kadencji" (not "im. Jana Pawła II w X")
            if low in conns:
                if j + 1 < len(words) and (_cap(strs[j + 1]) or strs[j + 1] in conns):
                    nxt = strs[j + 1]
                    if low in ("i", "oraz") and not allcaps and nxt.isupper() and len(nxt) > 1:
                        break  # "Stowarzyszenia X i UKS „Y”": an abbreviation starts another name
                    if low == "i" and joint_name(strs[j - 1], nxt):
                        j += 2  # "Centrum Kultury i Biblioteka w X": one institution of two kinds
                        last_good = j
                        continue
                    if low == "i" and self.head_after(j + 1) and not (_is_place_head(nxt) and _is_place_head(strs[j - 1])):
                        break  # "Fundacja X i (Powiatowe) Stowarzyszenie Y": two names ("Miasta i Gminy" is one)
                    if low in ("i", "oraz") and nxt in CLAUSE_PREPOSITIONS:
                        break  # "… Caritas i z Centrum Kształcenia …": the sentence goes on
                    if connector_ends_name(low, nxt):
                        break  # "Rady Gminy X w XI 2024", "Rady na Koszalińskie Dni …": no name goes on
                    if low in ("z", "ze") and "apposition" in head[2] \
                            and _is_geo(nxt) and not (j + 2 < len(strs) and self.gap(j + 1) == " "
                                                      and _cap(strs[j + 2])):
                        break  # "Fundacji Wspólne Pokolenia z Krakowa": where it comes from, not its name
                    j += 1
                    continue
                break
            if not _cap(w) or _verb_only(w) or low in chrome:
                break  # "GMINNY OŚRODEK KULTURY ZAPRASZA", "… Kowale\nWytworzył:": the sentence goes on
            if _head_of(w) and _nominative_only(w) and not allcaps and not _modified_by(strs[j - 1], w) \
                    and "fixedcase" not in _head_of(w)[2] \
                    and not (j == i + 1 and "apposition" in head[2]):
                # an indeclinable head ("Zespół Caritas") goes on; so does a foundation's own name
                # in the nominative ("Fundacja Dom Otwarty")
                break  # a new name starts: "… Departament Spraw Społecznych Urząd Miejski …"
            if not patron and _starts_person(w, strs[j + 1] if j + 1 < len(strs) else "") \
                    and not self.gap(j).strip():
                break
            if public and self.menu_word(i, w):
                break
            if not morph.is_known(w):
                proper_seen = True
            j += 1
            last_good = j
        # drop trailing connectors
        end = last_good
        while end > i + 1 and strs[end - 1].lower() in conns:
            end -= 1
        return end


def proper_part(text: str, words: list, start: int, end: int) -> bool:
    """The name of words start–end has a part only one body bears: a quoted name, a "w X"
    qualifier or a word morfeusz does not know."""
    span = text[words[start][0]:words[end - 1][1] + 1]
    return any(q in span for q in OPEN_Q) or bool(QUALIFIED.search(span)) \
        or any(not morph.is_known(text[a:b]) for a, b in words[start:end])


@lru_cache(maxsize=None)
def head_lemmas() -> frozenset:
    return frozenset(org_heads())


@lru_cache(maxsize=50_000)
def _nominative(words: tuple, head: int) -> tuple:
    lemmas = head_lemmas()
    if morph.head_reading(words[head], lemmas) is None:
        lemmas = None  # a fixed name's head that is no head noun ("Białowieskiego Parku")
    return tuple(morph.nominative_phrase(list(words), head, lemmas))


ADJ_CASE = re.compile(r"(?<=[scz]k)(?:iego|im|iemu|iej|ą|ich)$|(?<=dzk)(?:iego|im|iemu|iej|ą)$")
UNIT_ENDING = {"Powiat": "i", "Gmina": "a", "Województwo": "ie", "Miasto": "ie"}


# a place adjective morfeusz does not know ("Dębnowskiego", "Supraskim"): its case endings
UNKNOWN_ADJ = re.compile(r"(?:sk|ck|dzk)(?P<e>i|a|ie|iego|iej|im|ą|iemu)$")
UNKNOWN_ADJ_CASES = {"i": {"nom"}, "a": {"nom"}, "ie": {"nom", "acc"}, "iego": {"gen", "acc"}, "iej": {"gen", "dat", "loc"},
                     "im": {"inst", "loc"}, "ą": {"acc", "inst"}, "iemu": {"dat"}}
NOMINATIVE_ADJ_ENDING = {"f": "a", "n": "ie"}  # else (masculine) "i"


def _unknown_place_adjective(word: str, cases) -> bool:
    """A capitalised -ski/-cki word morfeusz does not know whose ending fits one of the head's cases."""
    m = UNKNOWN_ADJ.search(word)
    return bool(m) and not morph.is_known(word) and bool(UNKNOWN_ADJ_CASES[m.group("e")] & set(cases))


@lru_cache(maxsize=10_000)
def _unknown_post_adjective(word: str, head: str) -> str:
    """A place adjective morfeusz does not know, right after a head not in the nominative, in the
    nominative by its ending ("Alzheimerowskiego" after "Stowarzyszenia" → "Alzheimerowskie")."""
    hr = morph.head_reading(head)
    if not hr or not _unknown_place_adjective(word, hr[3]) or not word[:1].isupper():
        return word
    gender = sorted(hr[4])[0]
    ending = next((v for k, v in NOMINATIVE_ADJ_ENDING.items() if gender.startswith(k)), "i")
    return UNKNOWN_ADJ.sub(lambda m: m.group()[:m.start("e") - m.start()] + ending, word)


@lru_cache(maxsize=10_000)
def _adjectives_nominative(words: tuple) -> list:
    """The adjectives before a head (the last word) in the nominative: by morfeusz, or for an
    unknown place adjective by its ending ("Dębnowskiego" → "Dębnowski")."""
    nom = list(_nominative(words, len(words) - 1))[:-1]
    hr = morph.head_reading(words[-1])
    gender = sorted(hr[4])[0] if hr else "m1"
    ending = next((v for k, v in NOMINATIVE_ADJ_ENDING.items() if gender.startswith(k)), "i")
    out = []
    for w, n in zip(words, nom):
        m = UNKNOWN_ADJ.search(n) if n == w and not morph.is_known(w) else None
        out.append(_title_case([n[:m.start("e")] + ending])[0] if m else _title_case([n])[0])
    return out


def _adjective_nominative(place: str, head: str) -> str:
    """"Powiatu Grajewskiego" → "Grajewski": a one-word -ski/-cki adjective morfeusz does not know,
    given the ending that agrees with the unit's gender."""
    if " " in place or head not in UNIT_ENDING:
        return place
    return ADJ_CASE.sub(UNIT_ENDING[head], place)


@lru_cache(maxsize=10_000)
def _unit_name(words: tuple, head: str) -> str:
    """The name after a territorial unit's head in the nominative: a powiat's or voivodeship's
    adjective agrees with the head ("Powiatu Wrocławskiego" → "Wrocławski"); a gmina's name stands
    in apposition, so a form that can be nominative is kept as written ("Gminy Brzeziny" →
    "Brzeziny"); otherwise the place's likeliest nominative."""
    words = tuple(_title_case(list(words)))
    if head in ("Powiat", "Województwo") and len(words) == 1 and ADJ_CASE.search(words[0]):
        return ADJ_CASE.sub(UNIT_ENDING[head], words[0])
    lead = []  # "Gminy Miejskiej Przemyśl": adjectives of the unit itself agree with the head
    while len(words) - len(lead) > 1 and not _is_geo(words[len(lead)]):
        form = _unit_adjective(words[len(lead)], head)
        if not form:
            break
        lead.append(form)
    if lead:
        return " ".join(lead + [_unit_name(words[len(lead):], head)])
    if head == "Gmina" and all(_nominative_form(w) for w in words):
        return " ".join(words)
    return _adjective_nominative(morph.place_nominative(" ".join(words)), head)


@lru_cache(maxsize=10_000)
def _unit_adjective(word: str, head: str) -> str | None:
    """`word` as an adjective agreeing with the unit `head` ("Miejskiej" → "Miejska"), or None."""
    hr = morph.head_reading(head)
    if not hr:
        return None
    number, gender = ("sg" if "sg" in hr[2] else "pl"), sorted(hr[4])[0]
    for a in morph.analyse(word):
        if a[1] == "adj" and number in a[2] and gender in a[4]:
            form = morph.inflect(a[0], "adj", number, "nom", gender)
            if form:
                return form[:1].upper() + form[1:]
    return None


@lru_cache(maxsize=100_000)
def _nominative_form(word: str) -> bool:
    """`word` can be a nominative (as a place's name when it has such readings), or is unknown."""
    rs = morph.analyse(word)
    geo = [a for a in rs if GEO_QUALIFIERS & set(a[5])]
    return not any(a[1] != "ign" for a in rs) or any("nom" in a[3] for a in (geo or rs))


GEO_QUALIFIERS = frozenset(("nazwa_geograficzna", "człon_nazwy_geograficznej"))


GRADED_ENDING = re.compile(r"(?:ej|ą|ego|emu|ym|ych|ymi|a|y|e)$")


@lru_cache(maxsize=100_000)
def _graded(word: str, nominative: str) -> str:
    """A comparative or superlative keeps its degree in the nominative ("Wyższej Szkoły" →
    "Wyższa Szkoła", not "Wysoka"): its own stem with the nominative's gender ending."""
    if word == nominative or not word[:1].isupper() or not any(
            tag.split(":")[-1] in ("com", "sup") for _s, _e, (_f, _l, tag, _q, _x) in morph._morf().analyse(word)):
        return nominative
    ending = {"a": "a", "e": "e"}.get(nominative[-1:].lower(), "y")
    stem = GRADED_ENDING.sub("", word)
    return stem + (ending.upper() if word.isupper() else ending)


def canonical(text: str, spans: list, head: int) -> str:
    """The name as written (quotes and hyphens kept) with its head phrase in the nominative
    and capitals-only words in title case."""
    a = spans[0][0]  # only the name's own characters (and the one after it) matter: cached on them
    return _canonical(text[a:spans[-1][1] + 1], tuple((s - a, e - a) for s, e in spans), head)


@lru_cache(maxsize=50_000)
def _canonical(text: str, spans: tuple, head: int) -> str:
    words = [text[s:e] for s, e in spans]
    cut = next((k for k in range(1, len(spans)) if any(q in text[spans[k - 1][1]:spans[k][0]] for q in OPEN_Q)),
               len(spans))
    nom = _title_case(list(_nominative(tuple(words[:cut]), head)) + words[cut:])
    nom = [_graded(w, n) for w, n in zip(words, nom)]
    if head + 1 < cut and nom[head] != words[head] and nom[head + 1] == words[head + 1]:
        nom[head + 1] = _unknown_post_adjective(words[head + 1], words[head])  # "Stowarzyszenia Alzheimerowskiego"
    out = []
    for k, (s, e) in enumerate(spans):
        if k:
            out.append(re.sub(r"\s+", " ", text[spans[k - 1][1]:s]))
        out.append(nom[k])
    tail = text[spans[-1][1]:spans[-1][1] + 1]
    name = "".join(out)
    if tail in CLOSE_Q and sum(name.count(q) for q in OPEN_Q) > sum(name.count(q) for q in "”»"):
        out.append(tail)
    return "".join(out)


UNIT_NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}\.?) $")
ABBR_NUMBER = re.compile(r"[ \t]+(?:nr|Nr|NR)\.?[ \t]*(?P<n>\d+[A-Za-z]?)\b(?![/.]\d)")
STREET_GATE = re.compile(r"(?i)ul|al|pl|os|rond")  # letters every street cue has: a cheap test first
QUOTE_TAIL = re.compile(r"[ \t]?[\d+&./-]+(?:[ \t][\d+&./-]+)*[”\"»]")
NAME_TAIL = re.compile(r"(?: \d{1,3}\+|\+|\.(?:pl|org|eu|com|net))(?![\w+]|\.\w)")  # signs and domains that end a name
def menu_lines(text: str) -> list[tuple[int, int]]:
    """Spans of one-line menus the chrome filter let through ("Aktualności | Urząd Miasta |
    Rada Seniorów | Kontakt"): three or more short cells between bars, no digits or sentence
    punctuation, and no line around with as many bars (a table's rows have them)."""
    out = []
    rules = menu_rules()
    # the lines ("\n" to "\n") with two bars or more, found from the bars themselves: a regex
    # scan for such lines tried every character of the text
    bar = text.find("|")
    while bar >= 0:
        start = text.rfind("\n", 0, bar) + 1
        end = text.find("\n", bar)
        end = len(text) if end < 0 else end
        bar = text.find("|", end)
        line = text[start:end]
        bars = line.count("|")
        if bars < 2:
            continue
        cells = [c.strip() for c in line.split("|")]
        cells = [c for c in cells if c]
        if len(cells) < rules["min_cells"] or any(len(c.split()) > rules["max_cell_words"] or rules["cell_bad"].search(c)
                                                  for c in cells):
            continue
        before = text[text.rfind("\n", 0, max(start - 1, 0)) + 1:start]
        after = text[end:text.find("\n", end + 1) if text.find("\n", end + 1) >= 0 else len(text)]
        if before.count("|") != bars and after.count("|") != bars:
            out.append((start, end))
    return out


@lru_cache(maxsize=None)
def menu_rules() -> dict:
    """The menu-line thresholds of patterns/organisation_menus.jsonl (cell_bad compiled)."""
    rules = dict(data.jsonl("organisation_menus.jsonl")[0])
    rules["cell_bad"] = re.compile(rules["cell_bad"])
    return rules


class OrganisationsComponent:
    def __call__(self, doc: Doc) -> Doc:
        sc = Scanner(doc)
        text, words, strs = sc.text, sc.words, sc.strs
        mentions = []  # (start_char, end_char, name, kind)
        taken = [False] * len(words)

        def take(a, b):
            taken[a:b] = [True] * (b - a)

        # 1. fixed names, matched by lemma in any case
        word_chrome = sc.word_chrome
        is_chrome = chrome_test(doc)
        kind_words = set()  # words of a fixed name in the plural: no head of a name of their own
        all_cands = list(map(FIXED_CANDIDATES.__getitem__, strs))  # memoised per word: one C-level pass
        for i in compress(range(len(strs)), all_cands):
            if taken[i] or sc.after_apposition(i):
                continue  # "Stowarzyszenie („)Lokalna Grupa Działania …": the association's own name
            w, cands = strs[i], all_cands[i]
            lem1 = morph.lemmas(strs[i + 1]) if i + 1 < len(strs) else frozenset()
            for seq, name, kind, any_case, needs_name in cands:
                n = len(seq)
                if i + n > len(strs) or (n > 1 and not (lem1 & seq[1])):
                    continue  # (most candidates fail on their second word: tested before the loop below)
                if all(morph.lemmas(strs[i + k]) & seq[k] for k in range(1, n)) and \
                        all(sc.gap(i + k).strip() == "" for k in range(n - 1)):
                    if not word_chrome[i]:
                        end_q, quoted, q_end = sc.quoted_after(i + n)
                        if needs_name and not quoted:
                            break  # "grupa nieformalna" without its own name is no organisation
                        if not quoted and plural_kind(strs[i], sc, end_q):
                            kind_words.update(range(i, i + n))
                            break  # "przedstawiciele Ochotniczych Straży Pożarnych": a kind of body
                        if quoted:  # "Koło Gospodyń Wiejskich „Brzezinianki”": the quoted name is part of it
                            name = f"{name} {quoted}"
                        end_w, qual = sc.qualifier(end_q)
                        if not qual:  # "Koła Gospodyń Wiejskich z Widełki": a local unit's origin is its place
                            end_w, qual = sc.origin(end_q)
                        e_char = words[end_w - 1][1] if end_w > end_q or not quoted else q_end
                        if qual:
                            name = f"{name} {qual}"
                        start = sc.pre_adjectives(i, w, 0)  # "Dębnowskiego Uniwersytetu Trzeciego Wieku"
                        while start < i and (taken[start] or word_chrome[start]):
                            start += 1
                        if start < i:
                            name = " ".join(_adjectives_nominative(tuple(strs[start:i + 1]))) + " " + name
                        mentions.append((words[start][0], e_char, name, kind))
                        take(start, end_w)
                    break

        # 2. names grown from head nouns (capitalised words only)
        head_of = list(map(HEADS.__getitem__, strs))  # memoised per word form
        units = unit_roles()["unit"]
        i = 0
        for k in compress(range(len(strs)), head_of):
            if k < i:
                continue
            i = k
            if taken[i] or word_chrome[i] or i in kind_words:
                i += 1
                continue
            lemma, kind, flags = head_of[i]
            if "place" in flags:
                start = i
                end = sc.place_end(i)
                if end is None:
                    i += 1
                    continue
            else:
                end = sc.grow(i)
                # "Szkoła Podstawowa nr 2 im. …": the number is not a word; grow on after it
                num_end = None
                num = NUMBER_SUFFIX.match(text, words[end - 1][1])
                if num and end < len(words) and words[end][0] < num.end():
                    k = end
                    while k < len(words) and words[k][0] < num.end():
                        k += 1
                    between = text[num.end():words[k][0]] if k < len(words) else ""
                    if k < len(words) and strs[k] in ("im", "w", "we") and k + 1 < len(words) \
                            and _cap(strs[k + 1]) and between.strip() == "":
                        end = max(sc.grow(i, k), k)
                    elif k < len(words) and between[:1] == " " and between.strip() in OPEN_Q and between.strip():
                        end = max(sc.grow(i, k, between), k)  # "Przedszkole nr 2 „Bajka” w X"
                    else:
                        num_end = num.end()
                        taken_to = k
                start = sc.pre_adjectives(i, strs[i], 0)
                while start < i and taken[start]:
                    start += 1
            coord = sc.coordinated_adjective(start, i) if "place" not in flags and start < i else start
            if lemma in units:  # "Referat Spraw Społecznych UG Ustka": the unit without its office
                end = next((k for k in range(i + 2, end) if unit_roles()["parent_abbreviation"].fullmatch(strs[k])), end)
            if "place" not in flags and end - 1 > i and _trailing_initials(tuple(strs[start:end])):
                end -= 1  # "Klub Integracji Społecznej KIS": the abbreviation after the name is its alias
            if end - start < 2 and ("place" in flags or not num_end or lemma not in data.word_list("organisation_numbered_alone.txt")) \
                    or bare_apposition(strs, start, i, flags):
                i = max(i + 1, end)
                continue
            if any(taken[start:end]):
                i += 1
                continue
            if "place" in flags and sc.inside_other_name(i) or sc.street_name(words[start][0]):
                i = end  # "ul. Stowarzyszenia Kombatantów": a street's name
                continue
            if "place" not in flags and _plural_only(strs[i], lemma) and not proper_part(text, words, start, end):
                i = end  # "Kluby Sportowe", "Ośrodki Pomocy Społecznej": a kind of body, not one body
                continue
            if "place" in flags:
                head_nom = _title_case(list(_nominative((strs[i],), 0)))[0]
                name = f"{head_nom} {_unit_name(tuple(strs[i + 1:end]), head_nom)}"
            else:
                name = canonical(text, words[start:end], i - start)
                if start < i and not all(morph.is_known(w) for w in strs[start:i]):
                    parts = name.split(" ")  # "Dębnowskim Ośrodku" → "Dębnowski Ośrodek"
                    parts[:i - start] = _adjectives_nominative(tuple(strs[start:i + 1]))
                    name = " ".join(parts)
            if coord < start and not taken[coord]:  # "Wojewódzka i Miejska Biblioteka Publiczna"
                name = f"{_adjectives_nominative((strs[coord], strs[i]))[0]} i {name}"
                start = coord
            e_char = words[end - 1][1] + (1 if name[-1:] in CLOSE_Q else 0)
            if name[-1:] not in CLOSE_Q and OPEN_QUOTE.search(name):
                tail = QUOTE_TAIL.match(text, e_char)  # "„Aktywni 60+”": digits and signs are no words
                if tail:
                    name += tail.group()
                    e_char = tail.end()
            tail = NAME_TAIL.match(text, e_char) if text[e_char:e_char + 1] in " +." else None
            if tail and "place" not in flags and not num_end:  # "Aktywni 60+", "Klub Senior+", "Podgórze.pl"
                name += tail.group()
                e_char = tail.end()
            if "place" not in flags and num_end:
                name += re.sub(r"\s+", " ", text[e_char:num_end])
                e_char = num_end
                end = taken_to
            if "event" in flags and (sc.event_context(words[start][0], e_char) or start and ROMAN.fullmatch(strs[start - 1])
                                     and sc.gap(start - 1) == " "):  # "VI Brodnickie Forum …": an edition of an event
                i = end
                continue
            if kind != "ngo" and any(h and h[1] == "ngo" and "fixedcase" in h[2] for h in head_of[i + 1:end]):
                kind = "ngo"  # "Parafialny Zespół Caritas": the charity's name says what it is
            s_char = words[start][0]
            if "numbered" in flags:
                number = UNIT_NUMBER.search(text, max(0, s_char - 6), s_char)
                if number:  # "5 Drużyna Harcerska": the unit's number is part of its name
                    name = f"{number.group(1)} {name}"
                    s_char = number.start(1)
            mentions.append((s_char, e_char, name, kind))
            if lemma in units and not sc.person_title(start, end):
                parent = sc.parent_office(i, end, head_of)
                office = canonical(text, words[parent:end], 0) if parent is not None else ""
                if office and not GENERIC_MUNICIPAL.match(office):  # "Wydział … Urzędu Miasta X": the office is named too
                    mentions.append((words[parent][0], e_char, office, "public"))
            take(start, end)
            i = end

        # 2b. companies before their legal form ("StratLab Doradztwo Sp. z o.o.")
        if BUSINESS_GATE.search(text):
            for s_char, e_char, name in business_names(text):
                if not is_chrome(s_char) and not any(ms < e_char and s_char < me for ms, me, _, _ in mentions):
                    mentions.append((s_char, e_char, name, "business"))

        # 3. abbreviations ("GOPS w Milejczycach", "GOK-u", "CIS – Zgierzynka")
        abbrs = abbreviations()
        full_by_initials = {}
        for s, e, name, kind in mentions:
            ini = "".join([w[0] for w in name.split() if w[:1].isupper()])
            full_by_initials.setdefault(ini, (name, kind))
            if PLACE_ADJECTIVE_FIRST.match(name):  # "Piaseczyński Uniwersytet Trzeciego Wieku" is also the "UTW"
                full_by_initials.setdefault(ini[1:], (name, kind))
        ends = {me: (mn, mk) for _ms, me, mn, mk in mentions}
        bare = []  # "OSP" alone: a kind of body unless a fuller name of it is in the report
        defined = {}  # "Polskie Towarzystwo … Oddział w X (PTTK)": the abbreviation names that organisation
        for m in abbreviation_matches(text, words, strs):
            s = m.start()
            ab = m.group("abbr")
            bracketed = s and text[s - 1] == "(" and text[m.end():m.end() + 1] == ")"
            if ab not in abbrs and ab not in full_by_initials and not bracketed and ab not in defined:
                continue
            if is_chrome(s) or any(ms <= s < me for ms, me, _, _ in mentions):
                continue
            if bracketed:
                owner_end = len(text[:s - 1].rstrip(" \t"))
                owner = ends.get(owner_end)
                if owner:
                    q = ABBR_IN_PLACE.match(text, m.end() + 1, m.end() + 60)
                    if q and q.group("p") in ("w", "we") and not QUALIFIED.search(owner[0]):
                        # "Powiatowe Centrum Pomocy Rodzinie (PCPR) w Lipnie": the place is the owner's
                        k = next(k for k, mt in enumerate(mentions) if mt[1] == owner_end)
                        place = q.group("place").split()
                        if len(place) == 2 and _not_place_word(place[1], ""):
                            place = place[:1]
                        owner = (f"{owner[0]} {q.group('p')} {' '.join(place)}", owner[1])
                        mentions[k] = (mentions[k][0], mentions[k][1], *owner)
                    defined[ab] = owner
                    mentions.append((s, m.end(), *owner))
                    continue
                if ab not in abbrs and ab not in full_by_initials and ab not in defined:
                    continue
            e = m.end()
            quoted = ABBR_QUOTED.match(text, e, e + 50)
            if quoted:  # "KGW „Baranowianki”", "UKS „Orlik” w Stromcu"
                e = quoted.end()
            number = ABBR_NUMBER.match(text, e, e + 20)
            if number:  # "SP nr 1 w Lipnie"
                e = number.end()
            rest = text[e:e + 60]
            qual = None
            qual, used = abbreviation_place(rest, bool(quoted) or ab in place_in_name_abbreviations())
            e += used
            if ab in defined and not qual and not quoted and not number:
                name, kind = defined[ab]
            elif ab in full_by_initials and not qual and not quoted and not number:
                name, kind = full_by_initials[ab]
            elif ab in abbrs:
                name, kind = abbrs[ab]
                if number:
                    name = f"{name} nr {number.group('n')}"
                if quoted:
                    name = f"{name} {quoted.group('q')}"
                if qual:
                    name = f"{name} {qual}"
            else:
                continue
            mentions.append((s, e, name, kind))
            if ab in kind_only_abbreviations() and not (qual or quoted or number):
                bare.append(mentions[-1])

        if bare:
            mentions = drop_bare_kinds(mentions, bare)
        menus = menu_lines(text)
        if menus:
            mentions = [m for m in mentions if not any(a <= m[0] < b for a, b in menus)]
        doc._.organisations = merge(join_dashed(join_branches(mentions, text), text), text)
        return doc


# an abbreviation's letters (ABBR without what stands around them), for telling the words that may
# begin one
ABBR_LETTERS = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ][A-ZĄĆĘŁŃÓŚŹŻa-ząćęłńóśźż]{0,3}[A-ZĄĆĘŁŃÓŚŹŻ]")
ABBREVIATION_WORDS = WordMemo(lambda word: bool(ABBR_LETTERS.match(word)))


def abbreviation_matches(text: str, words: list, strs: list) -> list:
    """The matches of ABBR in `text`, tried only at the words (`words`/`strs`, layout.WORD's) that
    begin with an abbreviation's letters: a scan of the whole text tried every character, ten
    times the cost. The same matches: a match's first letter has no letter, digit or hyphen before
    it, so it begins a layout word, unless the text holds "×", "÷" or "‐", which layout.WORD takes
    into words (then the text is scanned whole); matches cannot overlap, so trying each word
    start finds what one scan finds."""
    if "×" in text or "÷" in text or "‐" in text:
        return list(ABBR.finditer(text))
    out = []
    for k in compress(range(len(strs)), map(ABBREVIATION_WORDS.__getitem__, strs)):
        m = ABBR.match(text, words[k][0])
        if m:
            out.append(m)
    return out


def bare_apposition(strs: list, start: int, i: int, flags) -> bool:
    """"biuro Fundacji w Nowym Targu": a head that needs its own name ("Fundacja", "Stowarzyszenie")
    followed only by a place is a foundation named before, not a name."""
    return "apposition" in flags and start == i and i + 1 < len(strs) and strs[i + 1] in ("w", "we")


def connector_ends_name(connector: str, nxt: str) -> bool:
    """A connector that does not go on into a name here: "w" before a Roman month or term ("w XI
    2024"), "na" before anything but "rzecz" or a place ("Stowarzyszenie na Rzecz …")."""
    return connector in ("w", "we") and bool(ROMAN.fullmatch(nxt)) \
        or connector == "na" and nxt.lower() != "rzecz" and not _geo_locative(nxt)  # "… Niemców na Śląsku Opolskim"


@lru_cache(maxsize=10_000)
def _geo_locative(word: str) -> bool:
    """`word` is a place's own name in the locative ("na Śląsku"; not "na Koszalińskie Dni")."""
    return any(a[1] == "subst" and "nazwa_geograficzna" in a[5] and "loc" in a[3] for a in morph.analyse(word))


@lru_cache(maxsize=10_000)
def joint_name(before: str, after: str) -> bool:
    """"Kultury i Biblioteka": the words around "i" join two kinds of one institution (lexicon pairs)."""
    pairs = data.word_list("organisation_joint_kinds.txt")
    return any(f"{a} {b}" in pairs for a in morph.lemmas(before) for b in morph.lemmas(after)) \
        and _cap(before) and _cap(after)


def suffix_targets(key: str, order: list) -> list:
    """The one longer name that is the unqualified name `key` (three words or more, no territory of its
    own) after a place adjective ("Rada Działalności Pożytku Publicznego" → "Gliwicka Rada …")."""
    if len(key.split()) < 3 or TERRITORY_WORD.search(key):
        return []  # "Rada Miasta X" is not "Młodzieżowa Rada Miasta X"
    found = [k for k in order if k != key and k.endswith(" " + key) and PLACE_ADJECTIVE_WORD.fullmatch(k[:-len(key) - 1])]
    return found if len(found) == 1 else []


QUOTED_PART = re.compile(r"[„\"«]([^”\"»]{3,80})[”\"»]")


def quoted_targets(key: str, quoted: dict, order: list) -> list:
    """The one name whose quoted own name is `key` ("Pracownia Pojezierza" in "Regionalny Ośrodek
    Wspierania Organizacji „Pracownia Pojezierza”"): a short mention of that organisation.
    `quoted`: each name's key → its quoted parts, folded (`quoted_parts`)."""
    found = [k for k in order if k != key and key in quoted[k]]
    return found if len(found) == 1 else []


def quoted_parts(orgs: dict) -> dict:
    """Each organisation's key → the folded quoted parts of its name, found once per document
    rather than once per pair of names."""
    return {k: {fold(q) for q in QUOTED_PART.findall(o["name"])} for k, o in orgs.items()}


TERRITORY_WORD = re.compile(r"\b(?:miasta|gminy|powiatu|województwa|dzielnicy|osiedla)\b")
PLACE_ADJECTIVE_WORD = re.compile(r"\w+(?:sk|ck|dzk)(?:a|i|ie)")


@lru_cache(maxsize=None)
def dashed_names() -> frozenset:
    """Folded fixed names whose full form goes on after a dash with a second name
    ("Narodowy Instytut Wolności – Centrum Rozwoju Społeczeństwa Obywatelskiego")."""
    return frozenset(fold(spec["name"]) for spec in data.jsonl("organisations.jsonl") if spec.get("dashed"))


DASH_GAP = re.compile(r"[ \t]+[–—-][ \t]+")


def join_dashed(mentions: list, text: str) -> list:
    """A name written after a dashed fixed name ("Narodowy Instytut Wolności – Centrum …") is the
    second half of one organisation's name, not an organisation of its own."""
    dashed = dashed_names()
    if not any(fold(m[2]) in dashed for m in mentions):
        return mentions
    out = []
    for m in sorted(mentions):
        if out and fold(out[-1][2]) in dashed and DASH_GAP.fullmatch(text, out[-1][1], m[0]) \
                and not QUALIFIED.search(out[-1][2]):
            ps, _pe, pname, pkind = out.pop()
            out.append((ps, m[1], f"{pname} – {m[2]}", pkind))
            continue
        out.append(m)
    return out


@lru_cache(maxsize=100_000)
def place_adjective_after(word: str, place: str) -> bool:
    """`word` completes the place name `place` ("Brzeg Dolny", "Janów Podlaski", "Łęka Mroczeńska"):
    an adjective agreeing with it, or a -ski/-cki word morfeusz does not know, in the nominative."""
    return _is_geo(place) and (_agrees_with_noun(word, place) and _adjective(word)
                               or _unknown_place_adjective(word, {"nom"}))


@lru_cache(maxsize=100_000)
def unquoted_head(word: str) -> bool:
    """`word` is the head of a public body whose name takes no quoted name ("Ministerstwo", "Rada")."""
    h = _head_of(word)
    return bool(h) and h[0] in data.word_list("organisation_unquoted_heads.txt")


@lru_cache(maxsize=None)
def kind_only_abbreviations() -> frozenset:
    """Abbreviations that, written alone, name a kind of body ("OSP", "KGW", "LKS")."""
    return frozenset(r[0] for r in data.table("abbreviations.tsv") if len(r) > 3 and "kind_only" in r[3].split(","))


def drop_bare_kinds(mentions: list, bare: list) -> list:
    """Bare kind abbreviations ("druhowie OSP") kept only where the report names such a body in
    full (the same name, or it with a place or own name after it: "Ochotnicza Straż Pożarna w X")."""
    bare_ids = {id(m) for m in bare}
    fuller = [fold(m[2]) for m in mentions if id(m) not in bare_ids]
    return [m for m in mentions if id(m) not in bare_ids
            or any(f == fold(m[2]) or f.startswith(fold(m[2]) + " ") for f in fuller)]


def plural_kind(first: str, sc: "Scanner", end: int) -> bool:
    """A fixed name whose first word is plural only ("Ochotniczych Straży Pożarnych", "Kół Gospodyń
    Wiejskich") with no place or origin after it names a kind of body, not one body."""
    rs = [a for a in morph.analyse(first) if a[2]]
    if not rs or any("sg" in a[2] for a in rs):
        return False
    return not sc.qualifier(end)[1] and not sc.origin(end)[1]


BRANCH_PLACE = r"(?: we? [A-ZĄĆĘŁŃÓŚŹŻ][\w-]+(?: [A-ZĄĆĘŁŃÓŚŹŻ][\w-]+)?| [A-ZĄĆĘŁŃÓŚŹŻ][\w-]+(?: [A-ZĄĆĘŁŃÓŚŹŻ][\w-]+)?)?"


@lru_cache(maxsize=None)
def branch_rx() -> re.Pattern:
    """A branch's own name ("Zarząd Rejonowy w Elblągu", "Koło nr 23 w Białobrzegach")."""
    return re.compile("|".join(f"(?:{p.replace('{PLACE}', BRANCH_PLACE)})" for p in data.word_list("branch_heads.txt")))


def join_branches(mentions: list, text: str) -> list:
    """A branch named right after its parent ("Polskiego Związku Wędkarskiego Koło nr 23 w X") is one
    organisation: the parent in the nominative and the branch as written; a branch with no parent
    before it is no organisation of its own."""
    if not any(name.startswith(("Zarząd ", "Oddział ", "Koło", "Chorągiew ")) for _s, _e, name, _k in mentions):
        return mentions  # cheap test: no branch head among the names
    rx = branch_rx()
    units = data.regex_list("branch_heads_units.txt")
    mentions = sorted(mentions)
    out = []
    for s, e, name, kind in mentions:
        if name.startswith("Chorągiew ") and units.fullmatch(name):
            if out and out[-1][1] <= s and text[out[-1][1]:s] == " " and not units.fullmatch(out[-1][2]):
                ps, _pe, pname, pkind = out.pop()
                out.append((ps, e, f"{pname} {name}", pkind))
            else:
                out.append((s, e, name, kind))
            continue
        if name.startswith(("Zarząd ", "Oddział ", "Koło")) and rx.fullmatch(name) and not _fixed_name(name):
            if out and out[-1][1] <= s and text[out[-1][1]:s] == " " and not rx.fullmatch(out[-1][2]):
                ps, _pe, pname, pkind = out.pop()
                out.append((ps, e, f"{pname} {_squash(text[s:e])}", pkind))
            continue
        out.append((s, e, name, kind))
    return out


def abbreviation_place(rest: str, as_written: bool = False) -> tuple:
    """The place after an abbreviation as a `w X` qualifier and the characters it takes, or (None, 0):
    "w Lipnie", "z Borek" (where a local body comes from: "w Borkach"), "Krzywa Wieś", "– Baranów";
    never a person ("MOPS w Elblągu Pani Anna Lis", "MGOPS Elżbieta Nowak")."""
    q = ABBR_IN_PLACE.match(rest)
    if q:
        words = q.group("place").split()
        end = q.end()
        third = NEXT_WORD.match(rest, end)
        if len(words) == 2 and _not_place_word(words[1], third.group(1) if third else ""):
            words = words[:1]
            end = q.start("place") + len(words[0])
        if q.group("p") in ("z", "ze"):
            if not _genitive_place(words[0]) or _head_of(words[0]) or _person_pair(*words):
                return None, 0
            loc = morph.place_locative(morph.place_from_genitive(" ".join(words)))
            return f"{morph.in_preposition(loc)} {loc}", end
        return f"{q.group('p')} {' '.join(words)}", end
    q = ABBR_PLACE.match(rest)
    if not q or q.group("place").lower() in honorifics() or _head_of(q.group("place")) \
            or q.group("place") in BRANCH_WORDS:
        return None, 0
    second = q.group("second")
    if not _is_geo(q.group("place")) and not (second and not rest[:q.start("place")].strip() and _is_geo(second)
                                              and _agrees_with_noun(q.group("place"), second)):
        return None, 0  # "LKS „Wisła” Stary Sącz": an adjective and a place are one name
    if second and _person_pair(q.group("place"), second):
        return None, 0  # "MGOPS Elżbieta Nowak": the person who spoke for it
    third = NEXT_WORD.match(rest, q.end())
    if second and not _head_of(second) and not _starts_person(second, third.group(1) if third else "") \
            and (_is_geo(second) or not any("imię" in a[5] for a in morph.analyse(second))):
        place = morph.place_nominative(f"{q.group('place')} {second}")  # "OSP Krzywa Wieś"
    else:
        place = morph.place_nominative(q.group("place"))
        q = ABBR_PLACE_ONE.match(rest)
    if as_written and q.group("place") == place.split()[0]:
        return place, q.end()  # "LKS „Wisła” Stary Sącz", "LZS Borki": a club's place is part of its name
    loc = morph.place_locative(place)
    return f"{morph.in_preposition(loc)} {loc}", q.end()


@lru_cache(maxsize=100_000)
def _not_place_word(word: str, nxt: str) -> bool:
    """`word` after "w X" ends the place: an honorific, a role or a person's first name."""
    return word.lower() in honorifics() or bool(morph.lemmas(word) & roles()) or _starts_person(word, nxt) \
        or _head_of(word) is not None or (not _is_geo(word) and any("imię" in a[5] for a in morph.analyse(word)))


@lru_cache(maxsize=100_000)
def _person_pair(first: str, second: str = "") -> bool:
    """"Elżbieta Nowak": a first name then a capitalised word that is no place name."""
    if not second or not second[:1].isupper() or _agrees_with_noun(second, first):
        return False  # "Dąbrówka Wielka": an adjective of a place's name
    return _starts_person(first, second) or not _is_geo(second) and any("imię" in a[5] for a in morph.analyse(first)) \
        and (not morph.is_known(second) or any("nazwisko" in a[5] for a in morph.analyse(second)))


@lru_cache(maxsize=10_000)
def _fixed_name(name: str) -> bool:
    """`name` is one of the fixed names, perhaps qualified ("Koło Gospodyń Wiejskich w Borkach"): not a branch."""
    key = fold(name)
    return any(key.startswith(f + " ") for f in _fixed_folds())


@lru_cache(maxsize=None)
def _fixed_folds() -> tuple:
    return tuple(fold(spec["name"]) for spec in data.jsonl("organisations.jsonl"))


BRANCH_WORDS = frozenset(("Zarząd", "Oddział", "Koło", "Chorągiew", "Hufiec", "Klub", "Sekcja"))  # not places


# a cheap test before the scan: "o.o.", "s.c.", "S.A.", "sp.j."/"sp.k." (spaces allowed after a
# dot). Written from the dot, with the letter before it in a look-behind, so that the regex engine
# jumps from dot to dot instead of trying every character.
BUSINESS_GATE = re.compile(r"\.(?:(?<=o\.)\s?o\.|(?<=s\.)\s?c\.|(?<=S\.)\s?A\.|(?<=[Ss]p\.)\s?[jk]\.)")
BUSINESS_TOKEN = re.compile(r"(?:[A-ZĄĆĘŁŃÓŚŹŻ][\w&-]*|„[^”\n]{1,40}”|\"[^\"\n]{1,40}\"|i|w|we|z)$")


def business_names(text: str) -> list:
    """(start, end, name) of each company written before its legal form: the capitalised words (a
    quoted name, "i"/"w" between them) right before it, without a common noun such as "firmie"."""
    out = []
    for m in data.regex_list("organisation_business_forms.txt").finditer(text):
        if text[m.start() - 1:m.start()] != " ":
            continue
        tokens = []  # (start, token), walking back over the words before the form
        pos = m.start() - 1
        while len(tokens) < 6:
            seg = text[max(0, pos - 45):pos]
            t = BUSINESS_TOKEN.search(seg) if seg.endswith(("”", '"')) else re.search(r"[^\s(\[]+$", seg)
            if not t or not BUSINESS_TOKEN.fullmatch(t.group()):
                break
            start = pos - len(seg) + t.start()
            tokens.insert(0, (start, t.group()))
            if start == 0 or text[start - 1] != " ":
                break  # "(StratLab Doradztwo Sp. z o.o.)": a bracket opens the name
            pos = start - 1
        while tokens and (tokens[0][1] in ("i", "w", "we", "z") or _function_word(tokens[0][1])
                          or morph.lemmas(tokens[0][1]) & (data.word_list("organisation_business_nouns.txt") | roles())
                          or tokens[0][1].lower() in honorifics()
                          or _verb_only(tokens[0][1])):
            tokens.pop(0)
        if tokens:
            start = tokens[0][0]
            out.append((start, m.end(), _squash(text[start:m.end()])))
    return out


# after an abbreviation: its quoted name, and a "w X" qualifier on the same line
ABBR_QUOTED = re.compile(r"[ \t]*(?P<q>[„\"][^”\"\n]{1,40}[”\"])")
ABBR_IN_PLACE = re.compile(r"[ \t]+(?P<p>w|we|z|ze)[ \t]+(?P<place>[A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż-]+(?:[ \t]+[A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż-]+)?)")
PLACE_ADJECTIVE_FIRST = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ]\w*(?:sk|ck|dzk)(?:i|a|ie) [A-ZĄĆĘŁŃÓŚŹŻ]")
CLAUSE_PREPOSITIONS = frozenset(("z", "ze", "w", "we", "do", "dla", "na", "od", "przez", "po"))
# a place in the nominative after an abbreviation ("MGOPS Sępólno Krajeńskie", "OSP – Baranów"), on its line
ABBR_PLACE = re.compile(r"(?:[ \t]*[–—-][ \t]*|[ \t]+)(?P<place>[A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż-]+)(?:[ \t]+(?P<second>[A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż-]+))?")
NEXT_WORD = re.compile(r"[ \t]+(\w+)")
ABBR_PLACE_ONE = re.compile(r"(?:[ \t]*[–—-][ \t]*|[ \t]+)(?P<place>[A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż-]+)")
QUALIFIED = re.compile(r" we? ")  # "… w Sokółce"
# the territory completing a body's name ("Rada Działalności Pożytku Publicznego Miasta X")
TERRITORY_GENITIVE = re.compile(r"(?:miasta|gminy|powiatu|województwa|miasta i gminy) \S")
TERRITORY_END = re.compile(r" (?:miasta|gminy|powiatu|województwa)$")
GENERIC_MUNICIPAL = re.compile(r"^(urząd|rada|starostwo)( (miejski|miejska|gminy|miasta|gminna|powiatowe|powiatu|miasta i gminy))?$", re.I)


@lru_cache(maxsize=10_000)
def _unit_of_office(unit: str, rest: str) -> bool:
    """`unit` (folded) is a unit's name and `rest` begins with its office ("urzędu miasta x"): a unit
    named alone joins its one longer name ("Wydział Zdrowia" → "Wydział Zdrowia Urzędu Miasta X")."""
    roles = unit_roles()
    return bool(morph.lemmas(unit.split()[0]) & roles["unit"]) and bool(morph.lemmas(rest.split()[0]) & roles["parent"])


@lru_cache(maxsize=100_000)
def _squash(surface: str) -> str:
    return re.sub(r"\s+", " ", surface)


def merge(mentions: list, text: str) -> list[dict]:
    """One entry per organisation: same folded name, or an unqualified office name
    ("Rada Miasta") joined to the single qualified office of the same kind."""
    orgs: dict[str, dict] = {}
    order = []
    for s, e, name, kind in sorted(mentions):
        key = fold(name)
        if key not in orgs:
            orgs[key] = {"name": name, "kind": kind, "mentions": [], "spans": []}
            order.append(key)
        o = orgs[key]
        o["spans"].append([s, e])
        surface = _squash(text[s:e])
        if surface not in o["mentions"]:
            o["mentions"].append(surface)
    qualified = {k for k in order if QUALIFIED.search(k)}
    quoted = None  # (made when first needed)
    for key in list(order):
        if key in qualified:
            continue
        head = key.split()[0]
        generic = GENERIC_MUNICIPAL.match(key)
        # (the key's prefixes and its name's tests are made once, not once per other name)
        prefix, in_place = key + " ", (key + " w ", key + " we ")
        quoted_name = orgs[key]["name"][-1:] in CLOSE_Q
        # "Gminna Rada … " joins "Gminna Rada … w Sokółce"; a generic office ("Rada Miasta") joins
        # the one qualified office of its kind
        targets = [k for k in order if k != key and (k.startswith(in_place) or (
            quoted_name and k.startswith(prefix)) or (
            k.startswith(prefix) and _unit_of_office(key, k[len(prefix):])) or (
            generic and (k.startswith(prefix) or k.split()[0] == head and k in qualified))
            or k.startswith(prefix) and (TERRITORY_GENITIVE.match(k, len(prefix)) or TERRITORY_END.search(key)))]
        if not targets:
            targets = suffix_targets(key, order)  # "Rada Działalności …" in "Gliwicka Rada Działalności …"
        if not targets:
            quoted = quoted_parts(orgs) if quoted is None else quoted
            targets = quoted_targets(key, quoted, order)  # "Pracownia X" in "Ośrodek … „Pracownia X”"
        longest = max(targets, key=len, default="")
        if len(targets) > 1 and all(longest.startswith(t + " ") for t in targets if t != longest):
            targets = [longest]  # "Młodzieżowa Rada" → "… Rada Miasta" → "… Rada Miasta Zakopane": the fullest
        if len(targets) == 1:
            t = orgs[targets[0]]
            src = orgs.pop(key)
            order.remove(key)
            t["spans"] += src["spans"]
            t["mentions"] += [m for m in src["mentions"] if m not in t["mentions"]]
    out = []
    for key in order:
        o = orgs[key]
        o["spans"].sort()
        out.append(o)
    out.sort(key=lambda o: o["spans"][0][0])
    return out


# generic office names and how the municipality's name completes them ("Urząd Miejski" → "Urząd
# Miejski w Lipnie", "Rada Gminy" → "Rada Gminy Kowale")
GENERIC_LOCATIVE = re.compile(r"^(?:urząd miejski|rada miejska)$", re.I)
GENERIC_NAMED = re.compile(r"^(?:urząd|rada) (?:gminy|miasta|miasta i gminy)$", re.I)


def qualify_generic(orgs: list | None, municipality: dict | None) -> None:
    """Name the report's own municipality in the generic office names left alone by `merge`
    ("Urząd Miejski" → "Urząd Miejski w Lipnie"): the office of a report's municipality is that
    municipality's office. Only for a gmina or town (a powiat's or voivodeship's seat is not known)."""
    if not orgs or not municipality or municipality.get("kind") not in ("gmina", "miasto"):
        return
    place = municipality.get("name") or ""
    if not place or not place[:1].isupper():
        return
    existing = {fold(o["name"]) for o in orgs}
    for o in orgs:
        name = o["name"]
        if GENERIC_LOCATIVE.match(name):
            loc = morph.place_locative(place)
            full = f"{name} {morph.in_preposition(loc)} {loc}"
        elif GENERIC_NAMED.match(name):
            full = f"{name} {place}"
        else:
            continue
        if fold(full) not in existing:
            o["name"] = full
            existing.add(fold(full))


@Language.factory("partmon_organisations")
def make_organisations(nlp, name):
    return OrganisationsComponent()
