"""partmon_meetings: the meetings a report is about (date, kind, participants, organisations),
the announced next meeting, and the document's date."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import data, morph, text_index
from .dates import EXTRA_FOLDS, own_date_before, trie_regex
from .text_index import BOUNDARY  # noqa: F401 (the sentence boundary; tests read it here)

for _name in ("meetings", "next_meeting", "document_date"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

LETTER_WORDS = re.compile(r"[^\W\d_]+")
WORDS = re.compile(r"[^\W_]+")
STREET = re.compile(r"\s+przy\s+(ul\.|al\.|pl\.)")
SPACES = re.compile(r"\s+")
# "od 3 do 9 osób", "3–9 osób"; a dash after a date in digits is left to DATE_COUNT; not a dash
# after a word ("wg listy obecności – 9 osób", "Liczba uczestników – 23", "drugiego – 31 osób")
RANGE_BEFORE = re.compile(r"(?:\bdo|\d\s*[-–])\s*$")
IN_BEFORE = re.compile(r"(?<!\w)(?:w|we)\s+$")
DIGIT = re.compile(r"\d")
# people gathering, with no meeting noun: "w świetlicy zebrali się mieszkańcy", "spotkaliśmy się"
GATHERED = re.compile(r"\b(?:(?:spotkal[iy]|spotkał[oay]?|spotkaliśmy|zebral[iy]|zebrał[oay]?|zebraliśmy)\s+się|"
                      r"się\s+(?:spotkal[iy]|zebral[iy])|obradował[oay]?|obradowal[iy])\b", re.I)
HELD = re.compile(r"\b(?:odbył[oay]?\s+się|odbyt(?:e|ego|ej|ym|ych)|odbyły\s+się|się\s+odbył[oay]?|odbywał[oay]?\s+się|miał[oay]?\s+miejsce|"
                  r"zorganizowano|przeprowadzono|został[oay]?\s+(?:zorganizowane|przeprowadzone)\w*|"
                  r"(?:zorganizowan|przeprowadzon)\w*\s+został[oay]?|zorganizował\w*|przeprowadził\w*|zorganizowali\w*|przeprowadzili\w*|"
                  r"trwał[oay]?|(?:rozpoczęł[oay]|zebrał[oay]?|zebral[iy]|spotkał[oay]?|spotkal[iy])\s+się|obradował[oay]?)\b", re.I)
PERIOD = re.compile(r"\btrwał\w*|\bod\s+\d{1,2}\s+\w+\s+(?:\d{4}\s*(?:r\.|roku)?\s+)?do\s+\d", re.I)
NUMBERED_BEFORE = re.compile(r"(?<!\w)(?:spotkani\w*|warsztat\w*|zebrani\w*|posiedzeni\w*|sesj\w*|etap\w*|część|"
                             r"moduł\w*|edycj\w*|nr)\s+\d{1,2}\s*[-–—]\s*$", re.I)
RANGE_END = re.compile(r"(?:\bdo|\d\s*[-–—])\s*$")
ORDINAL_WORD = re.compile(r"\b(?:pierwsz|drug|trzeci|czwart|piąt|kolejn|ostatni)\w*", re.I)
ORDINAL_MEETING = re.compile(r"\b(?:pierwsz|drug|trzeci|czwart|piąt|kolejn|ostatni)\w*\s+(?:spotka|warsztat|posiedze|zebra|konsultac|sesj|debat)", re.I)
ACT_BEFORE = re.compile(r"\b(?:[Uu]chwał|[Zz]arządzeni|[Uu]staw|[Rr]ozporządzeni|[Pp]ismem|[Pp]ismo|[Oo]bwieszczeni)\w*\b[^.\n]{0,160}?\bz\s+dnia\s*$", re.I)
PUBLISHED = re.compile(r"\b(?:opublikowan|publikacj|dodan|aktualizacj|wprowadzon|utworzon|zmodyfikowan|data)\w*\s*:?\s*(?:dnia\s+|w\s+dniu\s+)?$", re.I)
NEXT = re.compile(r"^\s*(?:kolejn|następn)\w*\s+(?:spotka|posiedze|zebra|warsztat|sesj|debat)\w*(?:\s+[^\W\d]+){0,2}\s*[-–—:]|"
                  r"\b(?:(?:kolejn|następn)\w+\s+(?:\w+\s+){0,2}(?:odbędzie|odbędą|jest\s+zaplanowan\w*|zaplanowan\w+\s+(?:jest|zostało|zostały)|planowan\w+\s+jest|zaplanowano|przewidziano|planuje\s+się)|termin\s+(?:kolejnego|następnego)|zapraszamy\s+na\s+(?:kolejne|następne))", re.I)
# a meeting announced, not held: "Zapraszamy na spotkanie, które odbędzie się 15 czerwca"
FUTURE = re.compile(r"\bodbęd(?:zie|ą)\s+się|\bzaprasza\w*\s+(?:\w+\s+){0,3}?(?:na|do\s+udziału)\b|"
                    r"\b(?:zaplanowan|planowan|przewidzian)\w*\s+(?:\w+\s+){0,2}?(?:na|w\s+dniu|dnia)\b|\bzostan(?:ie|ą)\s+zorganizowan", re.I)
FUTURE_WORDS = ("odbęd", "zaprasz", "planowan", "przewidzian", "zostan")
INVITATION = re.compile(r"zaprosz|zaprasza|zapowied|ogłoszenie\s+o\s+spotkaniu", re.I)
PEOPLE_NOUNS = sorted(data.word_list("participant_nouns.txt"), key=lambda n: (-len(n), n))
PEOPLE = "(?:" + "|".join(PEOPLE_NOUNS) + ")(?!\\w)"
ORDINAL_STEMS = r"(?:pierwsz|drugi|trzeci|czwart|piąt|szóst)"
# the count patterns (patterns/participants.jsonl): {N} is the number, {PEOPLE} a people noun,
# {ORD} an ordinal's stem ("drugiego – 31 osób")
PARTICIPANTS_SRC = [row["pattern"].replace("{PEOPLE}", PEOPLE).replace("{ORD}", ORDINAL_STEMS)
                    for row in data.jsonl("participants.jsonl")]
# a count written right after a meeting's date: "6 kwietnia w Brańsku (22 osoby)", "6 kwietnia – 22 osoby",
# past an aside or an address ("4 października (obszar: kultura, sport) – 21 osób", "przy al. Polnej 9 (22 osoby)",
# "(6 sierpnia 2016 r., 14 uczestników)")
DATE_COUNT = re.compile(r"\)?(?:[^()\n.;:]|\b(?:al|ul|pl|os|nr|im|ks|św|r)\.|\([^()\n]{0,100}\)){0,80}?"
                        r"(?:\(\s*|[-–—:]\s*|,\s*(?=\d{1,4}\s+" + PEOPLE + r"(?:\s+z\s+\d{1,4}\s+organizacj\w*)?\s*[).,;]))(?:ok\.\s*|około\s+)?(?P<n>\d{1,4})\s+" + PEOPLE, re.I)
# a list line that ends with its meeting's count: "- wt. 7 kwietnia – Szkoła nr 5 – 64 osoby",
# "Spotkanie II – „Kultura”: 30 września 2020 r., … – 21 osób z 15 organizacji."
LINE_COUNT = re.compile(r"[-–—(,]\s*(?:ok\.\s*|około\s+)?(?P<n>\d{1,4})\s+" + PEOPLE +
                        r"(?:\s*\(?z\s+(?P<o>\d{1,4})\s+organizacj\w*\)?|\s*,\s*(?P<o2>\d{1,4})\s+organizacj\w*)?"
                        r"\s*\)?\s*[.,;]?[ \t]*$", re.I | re.M)  # "(28 osób, 21 organizacji)"
# a later meeting of a series told in the same account, with no "held" verb
GOING_ON_WORDS = ("rozmaw", "dyskutow", "debatow", "spotkaliśmy", "zebraliśmy", "gościl", "odwiedzil")
GOING_ON = re.compile(r"\b(?:rozmawia\w*|dyskutowa\w*|debatowa\w*|spotkaliśmy|zebraliśmy|gościl\w*|odwiedzil\w*)", re.I)
# people at work together on a day, with no meeting noun or "held" verb (dates a meeting told of without its day)
WORKED_WORDS = ("pracowa", "dyskutowa", "rozmawia", "debatowa", "obradowa", "przyszli", "przyszły", "przybyli", "przybyły")
WORKED = re.compile(r"\b(?:pracował[oay]?|pracowali|dyskutował[oay]?|dyskutowali|rozmawiał[oay]?|rozmawiali|"
                    r"debatował[oay]?|debatowali|obradował[oay]?|obradowali|przyszli|przyszły|przybyli|przybyły)\b", re.I)
TOTAL = re.compile(r"\b(?:łącznie|w\s+sumie|ogółem|spotkaniach|zebraniach|posiedzeniach)\b", re.I)
OUT_OF = re.compile(r"(?<!\d)(?P<n>\d{1,4})\s+z\s+$")
# "9 członków rady, wójt oraz kierownik GOPS", "24 przedstawicieli organizacji oraz pracownicy urzędu":
# others came too, uncounted (the count is of a part only)
OTHERS_TOO = re.compile(r"(?:\s+[\w.]+){0,3}?\s*(?:,\s*|\s+(?:oraz|i|a\s+także)\s+)(?!w\s+tym|zaproszeni)(?:[^\W\d]+\s+){0,2}?"
                        r"(?:goście|pracownicy|wójt|burmistrz|prezydent|starosta|kierownik|kierowniczka|dyrektor|"
                        r"dyrektorka|sołtysi|sołtys|radni)(?!\w)", re.I)  # in the nominative: not the counted ones
# "18 przedstawicieli organizacji i 4 pracowników urzędu": more people counted with the first
MORE_PEOPLE = re.compile(r"(?:\s+[^\W\d]+){0,3}?\s*,?\s+(?:i|oraz|a\s+także|a\s+ponadto|plus)\s+(?:ok\.\s*|około\s+)?"
                         r"(?P<n>\d{1,4})\s+(?:[^\W\d]+\s+)?" + PEOPLE, re.I)
ROLE_ONE = (r"(?:dyrektor|dyrektorka|wójt|burmistrz|prezydent|starosta|kierownik|kierowniczka|sekretarz|skarbnik|"
            r"sołtys|radny|radna|przewodniczący|przewodnicząca|zastępca|zastępczyni|pełnomocnik|pełnomocniczka|"
            r"prezes|prezeska|moderator|moderatorka|koordynator|koordynatorka|opiekun|opiekunka)")
ROLE_MANY = ROLE_ONE[:-1] + r"|goście|gość|pracownicy|pracownik|radni|sołtysi|przedstawiciel\w*|urzędnicy|członkowie)"
# "7 członków Rady oraz Dyrektor Centrum Kultury": one more person named with the counted ones
# (not when more follow: "9 członków rady, Wójt Gminy oraz kierownik GOPS" is left to OTHERS_TOO)
ONE_MORE = re.compile(r"(?:\s+[^\W\d]+){0,3}?\s+(?:oraz|i|a\s+także)\s+(?:[^\W\d]+\s+)?" + ROLE_ONE +
                      r"(?!\w)(?![^\n]*?(?:,|\boraz\b|\bi\b|\ba\s+także\b)\s+(?:[^\W\d]+\s+){0,2}?" + ROLE_MANY + r"(?!\w))", re.I)
# "Na sali było 10 osób, online połączyło się 6", "…, kolejne 4 osoby połączyły się online": on-site and online added up
ONLINE_TOO = re.compile(r"[^.;\n]{0,40}?,\s*(?:a\s+)?(?:(?:online|on-line|zdalnie|przez\s+internet)\s+(?:połączył\w*\s+się|"
                        r"dołączył\w*|uczestniczył\w*)\s+(?:kolejn\w+\s+|jeszcze\s+)?(?P<n>\d{1,4})|(?:kolejn\w+\s+|jeszcze\s+|dalsz\w+\s+)?"
                        r"(?P<m>\d{1,4})\s+(?:" + PEOPLE + r"\s+)?(?:połączył\w*\s+się|dołączył\w*|uczestniczył\w*)\s+(?:online|on-line|zdalnie))", re.I)
# a second meeting's count told without its verb, after the first's: "…, drugiego – 18 osób", "…, w drugim 15",
# "…, w Kaplitynach – 10", "…, drugie (24 maja) – 26 uczestników"; not "w tym 12 kobiet", "w wieku 20 lat"
ELLIPTIC = re.compile(r"(?:\s+[^\W\d,;]+|\s+z\s+\d{1,4}\s+[^\W\d,;]+){0,4}?\s*[,;]\s*(?:a\s+|zaś\s+|natomiast\s+)?"
                      r"(?!w\s+tym\b|w\s+wieku\b|w\s+większości\b|w\s+przedziale\b)"
                      r"(?:(?:w|we|na|podczas)\s+(?:[^\W\d]+\s+){1,2}?|" + ORDINAL_STEMS + r"\w*\s+(?:(?:dnia|dzień|dniu)\s+)?)"
                      r"(?:\([^()\n]{0,40}\)\s*)?(?:[-–—]\s*)?(?:ok\.\s*|około\s+)?(?P<n>\d{1,4})(?:\s+" + PEOPLE + r")?"
                      r"(?=\s*(?:[.,;)]|$))", re.I)
# "razem 13 osób + Pan Burmistrz i ja": others came too, uncounted
PLUS_OTHERS = re.compile(r"(?:\s+[\w.]+){0,4}?\s*(?:\+|\bplus\b)\s*(?!\d)[^\W\d]", re.I)
APPROX_BEFORE = re.compile(r"(?:ok\.|około|blisko|ponad|prawie|niemal|przeszło|mniej\s+więcej)\s*$", re.I)
PRECISE_BEFORE = re.compile(r"(?:dokładnie|ściślej|precyzyjnie)\s*$", re.I)
# "łącznie ok. 60 uczestników": a stated total
TOTAL_BEFORE = re.compile(r"(?:łącznie|razem|w\s+sumie|ogółem)\s*(?:[-–—:]\s*)?(?:ok\.\s*|około\s+|ponad\s+|blisko\s+)?$", re.I)


@lru_cache(maxsize=None)
def number_words() -> dict:
    """A number written in words, each form (lower case) → its value."""
    return {form: int(row[0]) for row in data.table("number_words.tsv") for form in row[1:]}


def _count_group() -> str:
    words = sorted(number_words(), key=len, reverse=True)
    tens = "|".join(w for w in words if number_words()[w] in range(20, 100, 10))
    units = "|".join(w for w in words if number_words()[w] < 10)
    return rf"(?P<n>\d{{1,4}}|(?:{tens})\s+(?:{units})\b|(?:{'|'.join(words)})\b)"


@lru_cache(maxsize=None)
def participant_patterns(words: bool) -> list:
    """The count patterns with the number in digits, or (`words`) also in words (slower: a
    long alternation tried at each position, so used only for sentences that hold one)."""
    count = _count_group() if words else r"(?P<n>\d{1,4})"
    # plain str.replace: the patterns hold {m,n} repetitions that str.format would read
    return [re.compile(src.replace("{N}", count), re.I) for src in PARTICIPANTS_SRC]


@lru_cache(maxsize=None)
def participant_needs() -> tuple:
    """For each count pattern, words (lower case) one of which every match of it holds, or None
    (data.required_strings): a pattern is run on a sentence only when its lower-cased text holds
    one — a few `in` tests instead of a case-insensitive scan, for most patterns in most sentences.
    (The number group adds no required word: the digit form has none.)"""
    out = []
    for src in PARTICIPANTS_SRC:
        needs = data.required_strings(src.replace("{N}", r"(?P<n>\d{1,4})"))
        out.append(tuple(w.lower() for w in needs) if needs else None)
    return tuple(out)


@lru_cache(maxsize=None)
def number_word_rx() -> re.Pattern:
    return re.compile(trie_regex(number_words(), word_start=True) + r"(?!\w)")


def count_value(text: str) -> int:
    """"25" → 25; "dwadzieścia pięć" → 25."""
    if text.isdigit():
        return int(text)
    return sum(number_words()[w] for w in text.lower().split())


# cheap tests before the patterns above: words every match of them holds
# (words of HELD's verbs, not "się" or "spotka", which are in most sentences of a report: each form
# of HELD holds one of these)
HELD_WORDS = ("odbył", "odbyt", "odbyw", "miejsce", "zorganizow", "przeprowadz", "trwał", "rozpoczęł", "zebrał", "zebral",
              "spotkał", "spotkal", "obradował")
GATE_WORDS = [re.sub(r"\\w[*+]", "", n) for n in PEOPLE_NOUNS] + ["uczestni", "liczba", "ilość", "frekwencj", "obecn", "składzie"]
# as a prefix tree when the stems are plain words (the same matches, tried twice as fast)
PARTICIPANT_GATE = re.compile(trie_regex([w.replace("\\.", ".") for w in GATE_WORDS])
                              if all(re.fullmatch(r"(?:\w|\\\.)+", w) for w in GATE_WORDS) else "|".join(GATE_WORDS))
# with digits: a number before a people noun, or a count's label ("liczba uczestników: 23")
DIGIT_GATE = re.compile(r"\d\s+(?:z\s+\d+\s+)?(?:" + "|".join(re.sub(r"\\w[*+]", "", n) for n in PEOPLE_NOUNS) +
                        r")|\d\s+os\.|liczba|ilość|frekwencj|uczestni\w*\s*[:|–-]|uczestników\s+był|obecn|składzie|"
                        r"z\s+\d+\s+(?:zaproszonych|uprawnionych)|był[oay]? nas (?:ok\. ?|około )?\d|nas był[oay]? (?:ok\. ?|około )?\d")  # on lower case


class _Gate:
    """A test of a lower-cased sentence for a gate regex, made once per document: the sentence
    is searched only when it holds one of the words every match holds (`words`) that the
    document holds too. A few `in` tests (a fast substring search) in place of a regex scan,
    which tries its alternatives at almost every letter; most sentences hold none. `rx` None:
    the words are the gate (a word held is a match)."""

    def __init__(self, words, rx: re.Pattern | None, lower: str | None):
        # (`lower`, the whole text lower-cased, holds every word a lower-cased sentence holds; None:
        # not known, all the words are tried)
        self.words = tuple(words) if lower is None else tuple(w for w in words if w in lower)
        self.rx = rx

    def holds(self, low: str) -> bool:
        for w in self.words:
            if w in low:
                return self.rx is None or self.rx.search(low) is not None
        return False


# the words every match of DIGIT_GATE, PARTICIPANT_GATE and number_word_rx holds
DIGIT_GATE_WORDS = data.required_strings(DIGIT_GATE.pattern)
PARTICIPANT_GATE_WORDS = data.required_strings("|".join(GATE_WORDS))


def _gates(lower: str | None) -> dict:
    """The sentence gates of one document (see _Gate)."""
    return {"held": _Gate(HELD_WORDS, None, lower), "future": _Gate(FUTURE_WORDS, None, lower),
            "digit": _Gate(DIGIT_GATE_WORDS, DIGIT_GATE, lower),
            "participant": _Gate(PARTICIPANT_GATE_WORDS, PARTICIPANT_GATE, lower),
            "number": _Gate(number_words(), number_word_rx(), lower)}


ORG_COUNT = re.compile(r"(?:reprezentował\w*|reprezentując\w*|z|przedstawiciel\w*)\s+(?P<n>\d{1,4})\s+organizacj\w*", re.I)
COUNT_MEETINGS = re.compile(r"(?P<n>\d{1,2})\s+(?:spotkań|spotkania|warsztatów|sesji|zebrań|debat)", re.I)
TIME = re.compile(r"(?:godz(?:\.|in(?:ie|ę|ach|y))?|o|od)\s*(?P<h1>\d{1,2})[.:](?P<m1>\d{2})(?:\s*[-–—]\s*(?:do\s+)?(?P<h2>\d{1,2})[.:](?P<m2>\d{2}))?", re.I)
PLACE = re.compile(r"(?<!\w)(?:w|we)\s+(?P<p>[A-ZĄĆĘŁŃÓŚŹŻ][^;\n]*?)(?=\s+(?:w\s+godz|o\s+godz|na\s+godz|od\s+godz|godz)|[;\n]|\.\s*$|$)")


@lru_cache(maxsize=None)
def meeting_kinds() -> dict:
    """Meeting noun lemma → kind (rows with a third column `modifier` are adjectives that
    override the noun's kind: "spotkanie konsultacyjne" → konsultacje)."""
    return {r[0]: r[1] for r in data.table("meeting_kinds.tsv") if len(r) < 3 or r[2] == "one_to_one"}


@lru_cache(maxsize=None)
def one_to_one_stems() -> tuple:
    return tuple(r[0] for r in data.table("meeting_kinds.tsv") if len(r) >= 3 and r[2] == "one_to_one")


@lru_cache(maxsize=None)
def one_to_one_rx() -> re.Pattern:
    """Kinds held one person at a time (a consultation duty hour: "dyżur konsultacyjny (11 lutego)"),
    named right before a day in its clause: not a gathering, so not the document's day."""
    stems = one_to_one_stems()
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")\w*[^,;.]{0,50}$", re.I) if stems else re.compile(r"(?!)")


@lru_cache(maxsize=None)
def kind_modifiers() -> dict:
    return {r[0]: r[1] for r in data.table("meeting_kinds.tsv") if len(r) >= 3 and r[2] == "modifier"}


def _modified(kind: str, words, k: int) -> str:
    """The kind, unless an adjective right after the noun names another ("spotkanie konsultacyjne")."""
    if k + 1 < len(words):
        mods = kind_modifiers()
        for lem in morph.lemmas(words[k + 1]):
            if lem in mods:
                return mods[lem]
    return kind


def _kind(sentence: str):
    kinds = meeting_kinds()
    words = LETTER_WORDS.findall(sentence)
    for k, w in enumerate(words):
        for lem in morph.lemmas(w):
            if lem in kinds:
                return _modified(kinds[lem], words, k)
    return None


def _meeting_subject(sentence: str, loose: bool = False):
    """The kind of meeting a "held" sentence is about: a meeting noun in the nominative, or in
    the genitive plural after a number ("odbyło się 5 spotkań"), near the verb; `loose`: in any
    case (the sentence also gives the meeting's date)."""
    kinds = meeting_kinds()
    words = WORDS.findall(sentence)
    for k, w in enumerate(words):
        for lem, numbers, cases in _meeting_readings(w):
            if loose or "nom" in cases or ("gen" in cases and "pl" in numbers and k and
                                           any(_is_number(w) for w in words[max(0, k - 2):k])):
                return _modified(kinds[lem], words, k)
    return None


@lru_cache(maxsize=100_000)
def _meeting_readings(word: str) -> tuple:
    """(lemma, numbers, cases) of the noun readings of `word` that name a meeting, in morfeusz's
    order: cached per word form (most words of a sentence have none)."""
    kinds = meeting_kinds()
    return tuple((lem, r[2], r[3]) for r in morph.readings(word)
                 for lem in [morph.base_lemma(r[0]).lower()] if lem in kinds)


def _is_number(word: str) -> bool:
    """"5" or "pięć" (a count of meetings: "przeprowadzono pięć otwartych spotkań")."""
    return word.isdigit() or word.lower() in number_words()


GATHERING = re.compile(r"spotka|warsztat|zebra|debat|posiedz|sesj|forum|panel|szkoleni|dyżur|konferencj|seminar|wysłuchani|spacer", re.I)


HEADING_MEETING = re.compile(r"\s*(?:[IVX]+\.?\s+|\d{1,2}[.)]\s+)?(?:(?:pierwsz|drug|trzeci|czwart|piąt|szóst|kolejn)\w*\s+)?"
                             r"(?:spotkani|warsztat|zebrani|posiedzeni|debat|sesj|forum|panel|konferencj|seminar)\w*\b", re.I)


BULLET = re.compile(r"\s*(?:[*•▪◦·\-–]|[a-z]\))(?=\s)")


PUBLISHED_WORDS = data.required_strings(PUBLISHED.pattern)


def _act_before(before: str) -> bool:
    """ACT_BEFORE.search(before), tried only when `before` ends in "dnia" (every match does:
    "… z dnia"): a few string operations instead of a re.I scan stopping at each word. A letter
    that re.I folds beyond lower-casing (EXTRA_FOLDS: "ı", "İ" for "i") always runs the scan."""
    if before.rstrip()[-4:].lower() != "dnia" and not any(c in before for c in EXTRA_FOLDS):
        return False
    return ACT_BEFORE.search(before) is not None


def _published(before: str) -> bool:
    """PUBLISHED.search(before), tried only when `before` lower-cased holds one of its words
    (PUBLISHED_WORDS, data.required_strings), or a letter re.I folds beyond lower-casing."""
    low = before.lower()
    if not any(w in low for w in PUBLISHED_WORDS) and not any(c in before for c in EXTRA_FOLDS):
        return False
    return PUBLISHED.search(before) is not None


def _cited_sentence(sentence: str) -> bool:
    """A sentence citing an act (its date is the act's, not a gathering's)."""
    return _act_before(sentence)


def _meeting_heading(sentence: str) -> bool:
    """A short line that starts with a meeting noun and gives its date: one meeting of several
    ("Spotkanie nr 2 – 17 marca 2019 r.", "II spotkanie (17.03.2019)")."""
    if "\n" in sentence.strip():
        return False
    bullet = BULLET.match(sentence)
    if bullet:  # a list item "* spotkanie on-line z przedstawicielami organizacji – 1 lutego 2022 r."
        return len(sentence.split()) <= 20 and HEADING_MEETING.match(sentence, bullet.end()) is not None and \
            not FUTURE.search(sentence)
    return len(sentence.split()) <= 12 and HEADING_MEETING.match(sentence) is not None


def _process_only(kind: str | None, sentence: str) -> bool:
    """Consultations named as a process ("konsultacje zakończyły się 30 października"), with no
    gathering in the sentence: not a meeting."""
    return kind == "konsultacje" and not GATHERING.search(sentence)


def _dates_in(dates, s, e, precision=None):
    """Dates in [s, e); with a precision, single dates of it only (no ranges)."""
    return [d for d in _between(dates, s, e) if precision is None or d["precision"] == precision
            and not d["end"]]


class _Dates(list):
    """The document's dates (in text order) with their start offsets, computed once."""

    def __init__(self, dates):
        super().__init__(dates)
        self.starts = [d["start"] for d in dates]


def _between(dates, s, e):
    """Dates starting in [s, e) (`dates` are in text order)."""
    starts = dates.starts if isinstance(dates, _Dates) else [d["start"] for d in dates]
    return dates[bisect_left(starts, s):bisect_left(starts, e)]


def _cited(text: str, d, legal_spans) -> bool:
    """A date of a legal act ("Uchwała nr … z dnia …") or of the page's publication."""
    if any(a <= d["start"] < b for a, b in legal_spans):
        return True
    before = text[max(0, d["start"] - 200):d["start"]]
    return _act_before(before) or _published(before[-60:])


def _meeting_days(text: str, dates, s: int, e: int, legal_spans):
    """Days in [s, e) a meeting can be held on: single days and the first day of a range
    ("w dniach 3–4 czerwca"), not dates of cited acts; as (value, date) pairs."""
    out = []
    for d in _between(dates, s, e):
        if d["precision"] != "day" or _cited(text, d, legal_spans):
            continue
        if RANGE_END.search(text[max(s, d["start"] - 8):d["start"]]) and \
                not NUMBERED_BEFORE.search(text, max(s, d["start"] - 40), d["start"]):
            continue  # "od 14 września do 5 października": the end of a period (not "Spotkanie 1 – 3 marca")
        out.append(d)
    return out


def _short(days):
    """The days that are not a long period ("od 7 do 27 września … oraz podczas spotkania 17.09"): a
    meeting named with both was held on the day; the period alone is kept."""
    return [d for d in days if not (d["end"] and _days_between(d["value"], d["end"]) > 3)] or days


# what was talked about: "Rozmawiano o … przygotowaniach do Dni Gminy (25-26 czerwca)"
TALKED_ABOUT = re.compile(r"\b(?:rozmawia|dyskutowa|debatowa)\w*\s+(?:[^\W\d]+\s+){0,2}?(?:o|na\s+temat)\s", re.I)


def _not_topics(text: str, s: int, days):
    """The days not in the topic of a talk (a day after "rozmawiano o …" is the subject's, not the talk's)."""
    return [d for d in days if not TALKED_ABOUT.search(text, s, d["start"])]


def _time(sentence: str):
    m = TIME.search(sentence)
    if not m:
        return None
    t = f"{int(m.group('h1')):02d}:{m.group('m1')}"
    if m.group("h2"):
        t += f"-{int(m.group('h2')):02d}:{m.group('m2')}"
    return t


def _place(sentence: str, orgs, offset: int):
    m = PLACE.search(sentence)
    if not m:
        return None
    s, e = offset + m.start("p"), offset + m.end("p")
    place = m.group("p")
    # names of organisations inside the place in their canonical form
    for o in orgs:
        for (os_, oe), surface in zip(o["spans"], o["mentions"] * len(o["spans"])):
            if s <= os_ and oe <= e:
                place = place.replace(o["mentions"][0], o["name"]) if o["mentions"][0] in place else place
    for o in orgs:
        for men in o["mentions"]:
            if men in place and men != o["name"]:
                place = place.replace(men, o["name"])
    place = STREET.sub(r", \1", place)
    return SPACES.sub(" ", place).strip(" ,")


def _add_held(meetings, spans, kind, days, sent, span):
    """Meetings named by one "held" sentence: one per date, or N undated ones for "odbyło się
    N spotkań"; an undated sentence after others adds nothing (it says more about them)."""
    if days:
        for d in days:
            if d["value"] in {m["date"] for m in meetings}:
                continue
            undated = next((m for m in meetings if m["date"] is None), None)
            if undated is not None:  # a meeting told of before its date ("udział wzięło 20 osób")
                undated["date"] = d["value"]
                undated["kind"] = undated["kind"] or kind
                continue
            meetings.append(_meeting(d["value"], kind))
            spans.append(span)
        return
    if meetings:
        return
    cm = COUNT_MEETINGS.search(sent)
    for _ in range(min(int(cm.group("n")), 20) if cm else 1):
        meetings.append(_meeting(None, kind))
        spans.append(span)


ORDINALS = [re.compile(r) for r in (r"\bpierwsz", r"\bdrugi", r"\btrzeci", r"\bczwart", r"\bpiąt")]


def _ordinal(sentence: str, n: int) -> int:
    """Which meeting a participants sentence is about: "w pierwszym spotkaniu" → 0; else the last."""
    low = sentence.lower()
    for k, rx in enumerate(ORDINALS[:n]):
        if rx.search(low) and n > 1:
            return k
    return n - 1


ORDINAL_BEFORE = [re.compile(rf"\b{stem}\w*", re.I) for stem in
                  (r"pierwsz", r"drugi", r"trzeci", r"czwart", r"piąt", r"szóst")]


def _counts(sent: str, pats, low: str | None = None) -> list[tuple]:
    """The participant counts of a sentence, in order: (position, people, organisations, index of
    the meeting an ordinal before the count names or None, how it is stated: "approx" ("około
    40"), "precise" ("dokładnie 38") or None). People counted together ("18 przedstawicieli
    organizacji i 4 pracowników urzędu", "10 osób na sali, online połączyło się 6", "7 członków
    Rady oraz Dyrektor") are added up; a stated total replaces the one count it completes
    ("46 osób …; łącznie ok. 60 uczestników") and is dropped when it adds up the others.

    `low`: the sentence lower-cased, to skip the patterns whose required words it lacks (not
    given when the text holds a letter that re.I matches with another one that lower-casing does
    not give, EXTRA_FOLDS: "ſ" for "s")."""
    found = {}
    for rx, needs in zip(pats, participant_needs()):
        if low is not None and needs is not None and not any(w in low for w in needs):
            continue  # (no match can lack all of them)
        for pm in rx.finditer(sent):
            pos = pm.start("n")
            if any(abs(pos - p) < 3 for p in found) or RANGE_BEFORE.search(sent, max(0, pos - 8), pos):
                continue  # found by an earlier pattern, or "od 3 do 9 osób": a range, not a count
            found[pos] = (_with_others(sent, count_value(pm.group("n")), pos, pm.end()), pm.end())
    grown = list(found.items())
    while grown:  # "…, drugiego – 18 osób, trzeciego – 12": each elided count after the one before
        new = []
        for _pos, (_n, end) in grown:
            em = ELLIPTIC.match(sent, end)
            if em and not any(abs(em.start("n") - p) < 3 for p in found):
                found[em.start("n")] = (int(em.group("n")), em.end())
                new.append((em.start("n"), found[em.start("n")]))
        grown = new
    totals = [p for p in found if TOTAL_BEFORE.search(sent, max(0, p - 25), p)]
    for t in totals:
        others = [p for p in found if p < t and p not in totals]
        if not others:
            continue
        if len(others) == 1 and found[others[0]][0] != found[t][0]:
            del found[others[0]]  # "46 osób – mieszkańcy; łącznie ok. 60 uczestników": the total
        else:
            del found[t]  # "20 osób, w drugim 25; łącznie 45": the sum of the others
    out, prev = [], 0
    for pos in sorted(found):
        n, end = found[pos]
        clause = sent[prev:pos]
        ordinal = None
        for k, rx in enumerate(ORDINAL_BEFORE):
            for om in rx.finditer(clause):
                if ordinal is None or om.start() > ordinal[1]:
                    ordinal = (k, om.start())
        om = ORG_COUNT.search(sent, pos)
        orgs_n = int(om.group("n")) if om and om.start() - end < 60 else None
        before = sent[max(0, pos - 16):pos]
        how = "approx" if APPROX_BEFORE.search(before) else "precise" if PRECISE_BEFORE.search(before) else None
        out.append((pos, n, orgs_n, ordinal[0] if ordinal else None, how))
        prev = end
    return out


def _with_others(sent: str, n: int, pos: int, end: int):
    """The count at `pos` with the people told with it: "7 z 9 członków" → 7; "… i 4 pracowników"
    added; "…, Wójt oraz kierownik GOPS" (others, uncounted) → None."""
    of = OUT_OF.search(sent, max(0, pos - 12), pos)
    if of:  # "uczestniczyło 7 z 9 członków Rady": 7 came
        n = int(of.group("n"))
    more = MORE_PEOPLE.match(sent, end)
    if more:
        return n + int(more.group("n"))
    online = ONLINE_TOO.match(sent, end)
    if online:
        return n + int(online.group("n") or online.group("m"))
    if ONE_MORE.match(sent, end):
        return n + 1
    if OTHERS_TOO.match(sent, end) or PLUS_OTHERS.match(sent, end):
        return None  # "9 członków rady, Wójt Gminy oraz kierownik GOPS": a part of those present
    return n


DAYS_OF_ONE = re.compile(r"\bw\s+dniach\b", re.I)


def _one_event(pool, meetings, spans, text: str) -> bool:
    """Meetings that are the consecutive days of one event, told in one sentence ("W dniach 3 i 4
    marca odbyły się warsztaty"): a total count is the event's (not two rounds: "w dwóch turach")."""
    spans_of = {tuple(spans[k]) for k, m in enumerate(meetings) if any(m is p for p in pool)}
    days = sorted(m["date"] for m in pool if m["date"])
    if len(spans_of) != 1 or len(days) != len(pool) or () in spans_of:
        return False
    (s, e), = spans_of
    return DAYS_OF_ONE.search(text, s, e) is not None and all(_days_between(a, b) == 1 for a, b in zip(days, days[1:]))


OVER_THEM = re.compile(r"\b(?:w\s+nich|na\s+nie|w\s+niej|na\s+nią)\b", re.I)  # "wzięło w nich udział": in the period's events
TOTAL_WORDS = ("łącznie", "w sumie", "ogółem", "razem")
MEETINGS_PLURAL = ("spotkaniach", "zebraniach", "posiedzeniach", "warsztatach", "konsultacjach", "debatach", "sesjach")


def _all_meetings_total(low: str) -> bool:
    """A count over several meetings: a total word and a meeting noun in the plural locative."""
    return any(w in low for w in TOTAL_WORDS) and any(w in low for w in MEETINGS_PLURAL)


def _meeting(date, kind):
    return {"date": date, "kind": kind, "participants": None, "organisations_count": None, "place": None}


def _place_org(text: str, s: int, e: int, orgs) -> str | None:
    """The organisation a sentence says something happened in ("w Miejskim Ośrodku Kultury")."""
    best = None
    for o in orgs:
        for os_, _oe in o["spans"]:
            if s <= os_ < e and IN_BEFORE.search(text, max(s, os_ - 4), os_):
                if best is None or os_ < best[0]:
                    best = (os_, o["name"])
    return best[1] if best else None


NEXT_START = re.compile(r"(?<=[.!?])\s+(?=(?:Kolejn|Następn|KOLEJN|NASTĘPN)\w*\s+(?:spotka|posiedze|zebra|warsztat|sesj|debat))")


# a sentence cut after a date's "r." ("16 listopada 2006r. w sali …", "… 2012r. (czwartek)"): the next
# piece goes on in lower case or with an aside
GOES_ON = re.compile(r"\s*(?:[a-ząćęłńóśźż]|\()")


def _joined(sentences, text: str, dates):
    """The splitter's sentences, with one cut after a date's "r." joined to what goes on after it."""
    # (where such a cut can be, from the dates found: most texts need no loop over their sentences)
    ends = set()
    for d in dates:
        end = d["end_char"]
        if text.startswith("r.", end - 2):
            ends.add(end)
            ends.add(end + len(text[end:end + 8]) - len(text[end:end + 8].lstrip()))
    if not ends:
        return sentences
    merged = []
    for s, e in sentences:
        if merged and merged[-1][1] in ends and GOES_ON.match(text, s, e):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _sentences(sentences, text: str, dates=()):
    """The sentences, cut where an announcement of the next meeting starts after a full stop the
    splitter kept inside ("… na sesji 25.04.2024 r. Kolejne warsztaty planujemy w czerwcu"): the
    day before it is not the next meeting's, nor the next meeting a held one."""
    for s, e in _joined(sentences, text, dates):
        sent = text[s:e]
        if "olejn" in sent or "astępn" in sent or "OLEJN" in sent or "ASTĘPN" in sent:
            m = NEXT_START.search(text, s, e)
            if m and text[s:m.start()].strip():
                yield s, m.start()
                yield m.end(), e
                continue
        yield s, e


def find_meetings(doc: Doc, legal_spans=()):
    ext = doc._  # one accessor object: each `doc._` builds a new one
    text = ext.text
    dates = _Dates(ext.dates or [])
    orgs = ext.organisations or []
    chrome = set(ext.chrome or ())
    line_starts = ext.line_starts
    meetings, spans = [], []
    noun_dated = []  # (days, kind, span) of sentences naming a meeting and a date, without "held"
    next_meeting, next_span = None, None
    held_day = None  # the day of the first "held" sentence that names no meeting noun
    worked_day = None  # failing that, of the first sentence saying people worked or talked together that day
    future = _future_blocks(text)
    odd_folds = any(c in text for c in EXTRA_FOLDS)  # see _counts
    index = text_index.of(doc)
    whole_low = index.low  # slices of it are the sentences lower-cased (None: lower each)
    gates = _gates(whole_low)
    held_gate, future_gate, digit_gate_, participant_gate, number_gate = \
        gates["held"], gates["future"], gates["digit"], gates["participant"], gates["number"]
    for s, e in _sentences(index.sentences, text, dates):
        sent = text[s:e]
        if chrome and bisect_right(line_starts, s) - 1 in chrome:
            continue
        if future and any(a <= s < b for a, b in future):
            if next_meeting is None and _meeting_subject(sent, loose=True):
                days = _meeting_days(text, dates, s, e, legal_spans)
                if days:  # "→ 6 listopada 2024 r. – spotkanie podsumowujące"
                    next_meeting = {"date": days[0]["value"], "time": _time(sent), "place": _place(sent, orgs, s)}
                    next_span = [s, e]
            continue
        low = sent.lower() if whole_low is None else whole_low[s:e]
        has_digit = DIGIT.search(sent) is not None
        if next_meeting is None and ((("kolejn" in low or "następn" in low) and NEXT.search(sent)) or
                                     future_gate.holds(low) and FUTURE.search(sent) and not HELD.search(sent)):
            # a day, failing that a month ("Kolejne warsztaty planujemy w czerwcu")
            days = _dates_in(dates, s, e, "day") or _dates_in(dates, s, e, "month")
            next_meeting = {"date": days[0]["value"] if days else None, "time": _time(sent),
                            "place": _place(sent, orgs, s)}
            next_span = [s, e]
            continue
        days = _meeting_days(text, dates, s, e, legal_spans) if has_digit else []
        held = held_gate.holds(low) and HELD.search(sent) is not None
        kind = _meeting_subject(sent, loose=bool(days)) if held else None
        if held and not kind and days and meetings and ORDINAL_WORD.search(sent):
            kind = meetings[-1]["kind"]  # "drugie odbyło się 17 marca"
        if not kind and days and GATHERED.search(sent) and not _cited_sentence(sent):
            kind = "spotkanie"  # "28 września w MDK spotkali się przedstawiciele organizacji"
        if not kind and days and not held and _meeting_heading(sent):
            kind = _meeting_subject(sent, loose=True)  # "Spotkanie nr 2 – 17 marca 2019 r." over its account
        if kind and not days and sent.rstrip().endswith(":"):
            # "Spotkania odbyły się w terminach:" and a list of dates below
            block_end = text.find("\n\n", e + 1)
            block_end = min(block_end if block_end >= 0 else len(text), e + 1500)
            days = _meeting_days(text, dates, e, block_end, legal_spans)
        if kind:
            before = len(meetings)
            _add_held(meetings, spans, kind, days, sent, [s, e])
            for d in days:  # "4 kwietnia w Rudce (14 osób), 6 kwietnia w Brańsku (22 osoby)"
                dc = DATE_COUNT.match(text, d["end_char"], e)
                m = next((m for m in meetings if m["date"] == d["value"]), None)
                if m is not None and len(days) > 1 and any(w in low for w in one_to_one_stems()) and \
                        one_to_one_rx().search(re.split(r"\s(?:oraz|i|a\s+także)\s", text[max(s, d["start"] - 60):d["start"]])[-1]):
                    m["_one_to_one"] = True
                if dc and m is not None and m["participants"] is None:
                    m["participants"] = int(dc.group("n"))
            place = _place_org(text, s, e, orgs)
            period = PERIOD.search(sent) is not None
            long_ranges = {d["value"] for d in days if d["end"] and _days_between(d["value"], d["end"]) > 3}
            day_values = {d["value"] for d in days}
            for k, m in enumerate(meetings):
                if k >= before:
                    m["place"] = place
                if k >= before or m["date"] in day_values:  # new, or an undated one given its day here
                    m["_period"] = period or m["date"] in long_ranges
                    m["_long"] = m["date"] in long_ranges
        elif days and not held and meetings and any(w in low for w in GOING_ON_WORDS) and GOING_ON.search(sent) \
                and not _cited_sentence(sent) and _not_topics(text, s, days):
            # "Dzień później, 19 kwietnia, rozmawialiśmy w szkole (41 osób), a 24 kwietnia w klubie"
            days = _not_topics(text, s, days)
            before = len(meetings)
            _add_held(meetings, spans, meetings[-1]["kind"], days, sent, [s, e])
            for m in meetings:
                m["_series"] = True
            for d in days:
                dc = DATE_COUNT.match(text, d["end_char"], e)
                m = next((m for m in meetings[before:] if m["date"] == d["value"]), None)
                if dc and m is not None:
                    m["participants"] = int(dc.group("n"))
        elif days and not held:
            nk = _meeting_subject(sent, loose=True)
            if nk and participant_gate.holds(low) and digit_gate_.holds(low) and not NEXT.search(sent):
                # one meeting of a series told with its count: "spotkanie 19 sierpnia, na którym zjawiło się 52 osoby"
                _add_held(meetings, spans, nk, days, sent, [s, e])
                for m in meetings:
                    m["_series"] = True
            elif nk and not _process_only(nk, sent):
                noun_dated.append((days, nk, [s, e]))
            elif not nk and worked_day is None and any(w in low for w in WORKED_WORDS) and WORKED.search(sent) \
                    and not _cited_sentence(sent):
                worked_day = days[0]["value"]  # "9 października stowarzyszenia pracowały nad projektem"
        elif days and held and held_day is None:
            held_day = days[0]["value"]  # "28 września w MDK spotkali się przedstawiciele …"
        if has_digit:  # counts in digits, failing that in words ("7 maja przyszło dwadzieścia osób")
            # (each form of DIGIT_GATE holds a word of PARTICIPANT_GATE: where it matches, the wide
            # gate need not be searched)
            digit_gate = digit_gate_.holds(low)
            words_too = number_gate.holds(low) and (digit_gate or participant_gate.holds(low))
            counted = words_too or digit_gate
            pats = participant_patterns(words_too)
        else:
            counted = number_gate.holds(low) and participant_gate.holds(low)
            pats = participant_patterns(True)
        counts = _counts(sent, pats, None if odd_folds else low) if counted else []
        # as many counts as meetings, none named by an ordinal: one each, in order
        # ("W Wójtowie zjawiło się 14 osób, w Kaplitynach – 10")
        in_order = 1 < len(counts) == len([m for m in meetings if not m.get("_period")]) and \
            all(c[3] is None for c in counts)
        for k, (pos, n, orgs_n, ordinal, how) in enumerate(counts):
            if not meetings and _all_meetings_total(low):
                break  # "Łącznie w spotkaniach wzięło udział 139 osób": no one meeting's count
            if not meetings or all(m.get("_long") for m in meetings) and not (
                    TOTAL.search(sent) or TOTAL_BEFORE.search(sent, max(0, pos - 25), pos) or OVER_THEM.search(sent)):
                # (a consultation period is not the gathering counted: "Konsultacje trwały od 16 do 30
                # września. … W spotkaniu wzięło udział 12 osób"; its total is not a gathering's either:
                # "Wzięło w nich udział łącznie 118 osób")
                meetings.append(_meeting(None, _kind(sent)))
                spans.append([s, e])
            if in_order:
                ordinal = k
            elif ordinal is None and k and counts[k - 1][3] is not None:
                ordinal = last_ordinal + 1  # "w pierwszym 42, w drugim – 27, spacer przyciągnął 60": the next one
            elif ordinal is None:
                ordinal = _ordinal(sent, len(meetings)) if k == 0 else len(meetings) - 1
            last_ordinal = ordinal
            if ordinal == len(meetings) and not any(m["date"] for m in meetings):
                # "Pierwsze odbyło się w Kończewie (15 osób), drugie w Kobylnicy (21 osób)": the next of
                # a series not dated yet (a later sentence may give the days, in order)
                meetings.append(_meeting(None, meetings[-1]["kind"]))
                spans.append([s, e])
            pool = [m for m in meetings if not m.get("_period")] or meetings
            if len(pool) > 1 and (TOTAL.search(sent) and len(counts) == 1 or TOTAL_BEFORE.search(sent, max(0, pos - 25), pos)):
                if not _one_event(pool, meetings, spans, text):
                    continue  # "W spotkaniach wzięło udział łącznie 120 osób": all of them, not one
                ordinal = 0  # "W dniach 3 i 4 marca odbyły się warsztaty … łącznie 35 osób": the event's first day
            target = pool[min(ordinal, len(pool) - 1)]
            if len(days) > 1:  # "12 marca pojawiło się 20 osób, a 19 marca – 25": the day told before the count
                prior = [d["value"] for d in days if d["start"] - s < pos]
                target = next((m for m in meetings if prior and m["date"] == prior[-1]), target)
            if target["participants"] is None or (how == "precise" and target.get("_approx")):
                # ("Blisko czterdzieści osób przyszło … Dokładnie 38 uczestników": the precise count)
                target["participants"] = n
                target["organisations_count"] = orgs_n
                target["_approx"] = how == "approx"
                target["_total"] = _all_meetings_total(low)
    if noun_dated and not any(m["date"] and not m.get("_long") for m in meetings):
        # no "held" sentence gave a date: the first sentence naming a meeting with a date does
        days, nk, span = noun_dated.pop(0)
        _add_held(meetings, spans, nk, _short(days), "", span)
    undated = [m for m in meetings if m["date"] is None]
    lone = len(undated) == 1 and len([m for m in meetings if not m.get("_long")]) == 1
    if (held_day or worked_day) and lone:
        undated[0]["date"] = held_day or worked_day  # the participants were counted at the gathering that day
    for days, nk, span in noun_dated:  # "Drugie spotkanie – 17 marca 2019 r.", a heading "Spotkanie nr 2 – 17.03.2019"
        sent = text[span[0]:span[1]]
        if (meetings and ORDINAL_MEETING.search(sent) or _meeting_heading(sent)) and not NEXT.search(sent):
            _add_held(meetings, spans, nk, _short(days), "", span)
    if "|" in text:
        _table_meetings(text, dates, chrome, line_starts, meetings, spans)
    _listed_meetings(text, dates, chrome, line_starts, meetings, spans, legal_spans)
    for m in meetings:  # "na spotkaniu 12 marca pojawiło się 20 osób, a 19 marca – 25 osób"
        if m["date"] and m["participants"] is None:
            for d in dates:
                dc = DATE_COUNT.match(text, d["end_char"]) if d["value"] == m["date"] else None
                if dc and not (chrome and bisect_right(line_starts, d["start"]) - 1 in chrome):
                    m["participants"] = int(dc.group("n"))
                    break
    if sum(1 for m in meetings if m["date"]) > 1:
        for m in meetings:  # "Łącznie w spotkaniach wzięło udział 61 osób" above a table of the meetings
            if m["date"] is None and m.get("_total"):
                m["participants"] = None
    undated = [m for m in meetings if m["date"] is None]
    if len(undated) == 1 and len([m for m in meetings if not m.get("_long")]) == 1:
        # a protocol's "Data spotkania: 14.03.2024", or "wczoraj" in a news item under its dateline,
        # or a dateline with the gathering's hour ("Kobylnica, dn. 17.X.2013 r. godz. 16.00")
        undated[0]["date"] = _labelled_day(text, dates, chrome, line_starts) or _relative_day(text, dates) or \
            _timed_day(text, dates, chrome, line_starts, legal_spans, next_span)
    # a consultation period ("konsultacje trwały od 2 do 23 października") is not a meeting; nor is a
    # period beside meetings held on one day
    on_a_day = any(m["date"] and not m.get("_period") for m in meetings)
    keep = [k for k, m in enumerate(meetings) if not (m.get("_long") or (on_a_day and m.get("_period") and m["date"]))]
    meetings, spans = [meetings[k] for k in keep], [spans[k] for k in keep]
    return meetings, spans, next_meeting, next_span


LABELLED_DAY = re.compile(r"^[ \t]*(?:miejsce[ \t]+i[ \t]+)?(?:data|termin|dzień|kiedy)\b(?![ \t]+(?:publikacji|wytworzenia|dodania|"
                          r"modyfikacji|wprowadzenia|aktualizacji|sporządzenia|udostępnienia|wydruku|składania|nadsyłania|zgłaszania|przyjmowania))[^\n:|]{0,40}[:|][^\n]{0,60}$",
                          re.I | re.M)
RELATIVE_DAY = re.compile(r"(?<!\w)(?P<w>przedwczoraj|wczoraj|wczorajsz\w*|dzisiaj|dziś|dzisiejsz\w*)(?!\w)", re.I)
RELATIVE_DAY_OFFSET = {"przedwczoraj": -2, "wczoraj": -1, "wczorajsz": -1, "dzisiaj": 0, "dziś": 0, "dzisiejsz": 0}


DATE_COLUMN = re.compile(r"^\s*(?:data|termin|dzień)\b", re.I)
COUNT_COLUMN = re.compile(r"^\s*(?:(?:liczba|ilość)\s+(?:uczestni|osób|obecnych)|uczestnicy|frekwencja|obecni)", re.I)
NUMBER_CELL = re.compile(r"^\s*(?:ok\.\s*)?(\d{1,4})\s*(?:os(?:ób|oby)|uczestni\w*)?\s*$")


def _pipe_lines(text: str):
    """The (start, end) of each line (up to its newline) holding a "|": the places a table's head can
    be, found by `find`s (a multi-line regex scan stops at every line of the text)."""
    p = text.find("|")
    while p >= 0:
        end = text.find("\n", p)
        end = len(text) if end < 0 else end
        yield text.rfind("\n", 0, p) + 1, end
        p = text.find("|", end)


def _table_meetings(text: str, dates, chrome, line_starts, meetings, spans) -> None:
    """Meetings listed in a table with a date column and a count column
    ("Data | Miejsce | Liczba uczestników", one row per meeting): each row's day and count."""
    for head_start, head_end in _pipe_lines(text):
        cells = text[head_start:head_end].split("|")
        date_col = next((k for k, c in enumerate(cells) if DATE_COLUMN.match(c)), None)
        count_col = next((k for k, c in enumerate(cells) if COUNT_COLUMN.match(c)), None)
        if date_col is None or count_col is None:
            continue
        pos = head_end + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            row = text[pos:end]
            if "|" not in row or (chrome and bisect_right(line_starts, pos) - 1 in chrome):
                break
            cells = row.split("|")
            if len(cells) > max(date_col, count_col):
                cell_start = pos + sum(len(c) + 1 for c in cells[:date_col])
                days = [d for d in _between(dates, cell_start, cell_start + len(cells[date_col]))
                        if d["precision"] == "day"]
                n = NUMBER_CELL.match(cells[count_col])
                if days:
                    m = next((m for m in meetings if m["date"] == days[0]["value"]), None)
                    if m is None:
                        m = _meeting(days[0]["value"], None)
                        meetings.append(m)
                        spans.append([pos, end])
                    if n and m["participants"] is None:
                        m["participants"] = int(n.group(1))
            pos = end + 1


FUTURE_HINTS = ("o dalej", "O DALEJ", "e kroki", "E KROKI", "e etapy", "E ETAPY", "alszych prac", "ALSZYCH PRAC",
                "a przyszłość", "A PRZYSZŁOŚĆ")  # every heading of future_headings.txt holds one


@lru_cache(maxsize=None)
def future_heading_rx() -> re.Pattern:
    words = "|".join(sorted(data.word_list("future_headings.txt"), key=len, reverse=True))
    return re.compile(r"^[ \t]*(?:" + words + r")[ \t]*[?:.]?[ \t]*$", re.I | re.M)


def _future_blocks(text: str) -> list:
    """Spans of the blocks under a "Co dalej?" / "Dalsze kroki:" heading (to the next blank line)."""
    if not any(h in text for h in FUTURE_HINTS):
        return []
    out = []
    for m in future_heading_rx().finditer(text):
        end = text.find("\n\n", m.end())
        out.append((m.end(), end if end >= 0 else len(text)))
    return out


def _listed_meetings(text: str, dates, chrome, line_starts, meetings, spans, legal_spans) -> None:
    """Meetings listed one per line, each line with its day and ending with its count ("– 64
    osoby"): two such lines at least, so that one dated sentence ending in a count is not a list."""
    items = []
    for m in LINE_COUNT.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        if chrome and bisect_right(line_starts, ls) - 1 in chrome:
            continue
        days = _meeting_days(text, dates, ls, m.start(), legal_spans)
        if days and not TOTAL.search(text, ls, m.start()):
            items.append((days[0]["value"], int(m.group("n")), m.group("o") or m.group("o2"), [ls, m.end()]))
    if len(items) < 2:
        return
    kinds = [m["kind"] for m in meetings if m["kind"]]
    kind = kinds[0] if kinds else _kind(text[max(0, items[0][3][0] - 600):items[0][3][0]])
    for day, n, orgs_n, span in items:
        m = next((m for m in meetings if m["date"] == day), None) or \
            next((m for m in meetings if m["date"] is None), None)
        if m is None:
            m = _meeting(day, kind)
            meetings.append(m)
            spans.append(span)
        m["date"] = day
        m["kind"] = m["kind"] or kind
        if m["participants"] is None or m.get("_listed") is None:
            m["participants"] = n
            m["organisations_count"] = int(orgs_n) if orgs_n else m["organisations_count"]
            m["_listed"] = True


def _labelled_day(text: str, dates, chrome, line_starts) -> str | None:
    """The day after a "Data:" / "Termin spotkania:" label at a line's start (a protocol's header)."""
    for d in dates:
        if d["precision"] != "day" or d["relative"]:
            continue
        ls = text.rfind("\n", 0, d["start"]) + 1
        if chrome and bisect_right(line_starts, d["start"]) - 1 in chrome:
            continue
        if LABELLED_DAY.search(text[ls:d["start"]]):
            return d["value"]
    return None


# a day told with an hour ("17.X.2013 r. godz. 16.00", "6 września 2012 r. (czwartek) o godz. 18.00"), not a deadline
# ("do dnia 30 września do godz. 15.00")
HOUR_AFTER = re.compile(r"\s*(?:\([^()\n]{1,15}\)\s*)?[,–-]?\s*(?:o\s+|od\s+)?godz(?:\.|in[aąiy])\s*\d{1,2}[.:]\d{2}", re.I)
DEADLINE_BEFORE = re.compile(r"(?:\bdo|\bnie\s+później\s+niż|\bterminie|\btermin\w*|\bprzed)\s+(?:dni[au]\s+|dzień\s+)?$", re.I)


def _timed_day(text: str, dates, chrome, line_starts, legal_spans, next_span) -> str | None:
    """The one day the body tells with an hour (a dateline over an attendance list, a protocol's
    header): the day of the lone gathering a count was given for; None when several such days."""
    found = set()
    for d in dates:
        if d["precision"] != "day" or d["relative"] or d["end"] or "godz" not in text[d["end_char"]:d["end_char"] + 30].lower():
            continue
        if chrome and bisect_right(line_starts, d["start"]) - 1 in chrome:
            continue
        if (next_span and next_span[0] <= d["start"] < next_span[1]) or _cited(text, d, legal_spans) or \
                DEADLINE_BEFORE.search(text, max(0, d["start"] - 30), d["start"]):
            continue
        if HOUR_AFTER.match(text, d["end_char"]):
            found.add(d["value"])
    return found.pop() if len(found) == 1 else None


def _relative_day(text: str, dates) -> str | None:
    """"Wczoraj … rozmawialiśmy": the day before the report's dateline or publication date."""
    m = RELATIVE_DAY.search(text)
    if not m:
        return None
    word = m.group("w").lower()
    offset = next(v for k, v in RELATIVE_DAY_OFFSET.items() if word.startswith(k))
    for d in dates:
        if d["precision"] == "day" and not d["end"] and d["start"] < m.start() + 400 and \
                (own_date_before(text[max(0, d["start"] - 80):d["start"]]) or _dateline(text, d, m.start())):
            return (date.fromisoformat(d["value"]) + timedelta(days=offset)).isoformat()
    return None


def _dateline(text: str, d, before: int) -> bool:
    """A date on a short line of its own above the relative word ("22 marca 2018 · 🌍" over a post)."""
    ls = text.rfind("\n", 0, d["start"]) + 1
    le = text.find("\n", d["start"])
    le = len(text) if le < 0 else le
    return le < before and not text[ls:d["start"]].strip() and le - ls <= 40 and not LETTER_WORDS.search(text, d["end_char"], le)


def _days_between(a: str, b: str) -> int:
    try:
        return (date.fromisoformat(b) - date.fromisoformat(a)).days
    except ValueError:  # a month range
        return 31


def document_date(doc: Doc, meetings, next_span, legal_spans) -> str | None:
    """The day the (first) meeting was held; failing that, the first day named in the body
    that is not in a cited act, an announcement of the next meeting or a relative form."""
    dated = [m for m in meetings if m["date"]]
    held = [m for m in dated if not m.get("_period")]  # a meeting on a day, not a period
    if dated:
        pool = held or dated
        pool = [m for m in pool if not m.get("_one_to_one")] or pool  # a gathering, not a duty hour
        if any(m.get("_series") for m in pool):  # a series told out of order: its earliest day
            return min(m["date"] for m in pool)
        return pool[0]["date"]
    ext = doc._  # one accessor object: each `doc._` builds a new one
    text = ext.text
    candidates = []
    for d in ext.dates or []:
        if d["precision"] != "day" or d["relative"]:
            continue
        if next_span and next_span[0] <= d["start"] < next_span[1]:
            continue
        before = text[max(0, d["start"] - 200):d["start"]]
        if any(a <= d["start"] < b for a, b in legal_spans) or _act_before(before):
            continue
        if _published(before[-60:]):
            return d["value"]
        candidates.append(d["value"])
    if candidates:
        return candidates[0]
    # only the page's record card is dated: its publication, else its first date
    site = [d for d in ext.site_dates or [] if d["precision"] == "day"]
    published = [d for d in site if SITE_PUBLISHED.search(text, text.rfind("\n", 0, d["start"]) + 1, d["start"])]
    return (published or site)[0]["value"] if site else None


SITE_PUBLISHED = re.compile(r"opublikow|publikacj|udostępni", re.I)


@Language.factory("partmon_meetings")
def make_meetings(nlp, name):
    return MeetingsComponent()


class MeetingsComponent:
    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # one accessor object: each `doc._` builds a new one
        legal = [(s, e) for _a, s, e in (ext.legal_acts or [])]
        meetings, spans, nxt, nspan = find_meetings(doc, legal)
        ddate = document_date(doc, meetings, nspan, legal)
        title = ext.title or ""
        title_kind = _kind(title)
        if not meetings and title_kind and not NEXT.search(title) and not _process_only(title_kind, title) \
                and not (nxt and INVITATION.search(title)):
            meetings.append({"date": ddate, "kind": title_kind, "participants": None,
                             "organisations_count": None, "place": None})
            spans.append(None)
        for m in meetings:
            if m["kind"] is None and title_kind and not NEXT.search(title):
                m["kind"] = title_kind  # "Protokół z posiedzenia …" over a table of figures
            m.pop("_period", None)
            m.pop("_long", None)
            m.pop("_listed", None)
            m.pop("_series", None)
            m.pop("_approx", None)
            m.pop("_total", None)
            m.pop("_one_to_one", None)
        ext.meetings = list(zip(meetings, spans))
        ext.next_meeting = nxt
        ext.document_date = ddate
        return doc
