"""partmon_meetings: the meetings a report is about (date, kind, participants, organisations),
the announced next meeting, and the document's date."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import data, morph

for _name in ("meetings", "next_meeting", "document_date"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

BOUNDARY = re.compile(r"[.!?](?=\s)|\n")
DIGIT = re.compile(r"\d")
LIST_START = re.compile(r"\s*(?:[-•*–]|\d+[.)]|[a-z][.)])\s")
HELD = re.compile(r"\b(?:odbył[oay]?\s+się|odbyły\s+się|się\s+odbył[oay]?|odbywał[oay]?\s+się|miał[oay]?\s+miejsce|"
                  r"zorganizowano|przeprowadzono|został[oay]?\s+(?:zorganizowane|przeprowadzone)\w*|"
                  r"(?:zorganizowan|przeprowadzon)\w*\s+został[oay]?|zorganizował\w*|przeprowadził\w*|"
                  r"trwał[oay]?|(?:rozpoczęł[oay]|zebrał[oay]?|spotkał[oay]?|spotkali)\s+się|obradował[oay]?)\b", re.I)
PERIOD = re.compile(r"\btrwał\w*|\bod\s+\d{1,2}\s+\w+\s+(?:\d{4}\s*(?:r\.|roku)?\s+)?do\s+\d", re.I)
RANGE_END = re.compile(r"(?:\bdo|\d\s*[-–—])\s*$")
ORDINAL_WORD = re.compile(r"\b(?:pierwsz|drug|trzeci|czwart|piąt|kolejn|ostatni)\w*", re.I)
ORDINAL_MEETING = re.compile(r"\b(?:pierwsz|drug|trzeci|czwart|piąt|kolejn|ostatni)\w*\s+(?:spotka|warsztat|posiedze|zebra|konsultac|sesj|debat)", re.I)
ACT_BEFORE = re.compile(r"\b(?:[Uu]chwał|[Zz]arządzeni|[Uu]staw|[Rr]ozporządzeni|[Pp]ismem|[Pp]ismo|[Oo]bwieszczeni)\w*\b[^.\n]{0,160}?\bz\s+dnia\s*$", re.I)
PUBLISHED = re.compile(r"\b(?:opublikowan|publikacj|dodan|aktualizacj|wprowadzon|utworzon|zmodyfikowan|data)\w*\s*:?\s*(?:dnia\s+|w\s+dniu\s+)?$", re.I)
NEXT = re.compile(r"\b(?:(?:kolejn|następn)\w+\s+(?:\w+\s+){0,2}(?:odbędzie|odbędą|jest\s+zaplanowan\w*|zaplanowan\w+\s+(?:jest|zostało|zostały)|planowan\w+\s+jest|zaplanowano|przewidziano|planuje\s+się)|termin\s+(?:kolejnego|następnego)|zapraszamy\s+na\s+(?:kolejne|następne))", re.I)
PEOPLE = (r"(?:osób|osoby|osoba|uczestnik\w*|uczestniczek|mieszkańc\w+|mieszkank\w+|przedstawiciel\w*|członk\w+|"
          r"senior\w*|seniorek|radn\w+|gości|słuchacz\w*|uczni\w*|uczennic|sołtys\w*|lider\w*|rodzic\w*|"
          r"wolontariusz\w*|pracownik\w*|ekspert\w*|kobiet|animator\w*|społecznik\w*|partnerów)")
PARTICIPANTS_SRC = [
    (r"(?:uczestniczył[oay]?|udział\s+(?:\w+\s+){0,2}?wzięł[oay]?|wzięł[oay]?\s+(?:\w+\s+){0,2}?udział|brał[oay]?\s+udział|był[oay]?\s+obecn\w+|obecn\w+\s+był[oay]?|przybył[oay]?)\s+(?:[\w.]+\s+){0,3}?{N}\s+" + PEOPLE),
    (r"(?<![\d–-]){N}\s+" + PEOPLE + r"\s+(?:\w+\s+){0,3}?(?:uczestniczył\w*|wzięł\w*|brał\w*|przybył\w*)"),
    (r"(?:zgromadził[oay]?|zgromadzili|przyciągnęł[oay]?|przyszł[oay]?|przyszło|pojawił[oay]?\s+się|zebrał[oay]?\s+się|obecnych\s+był[oay]?)\s+(?:[\w.]+\s+){0,3}?{N}\s+" + PEOPLE),
    (r"(?:z\s+udziałem|w\s+obecności|obecn\w*\s*[:–-])\s*(?:ok\.\s*|około\s+|ponad\s+|blisko\s+)?{N}\s+" + PEOPLE),
    (r"(?:(?:łączna\s+)?liczba\s+(?:uczestników|uczestniczek|osób\s+obecnych|obecnych)|frekwencja)\s*(?:\w+\s+){0,2}?(?:wyniosła|wynosiła|to|:|[-–—])?\s*(?:ok\.\s*|około\s+)?{N}\b(?!\s*%)"),
]


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
def number_word_rx() -> re.Pattern:
    from .dates import trie_regex
    return re.compile(r"(?<!\w)" + trie_regex(number_words()) + r"(?!\w)")


def count_value(text: str) -> int:
    """"25" → 25; "dwadzieścia pięć" → 25."""
    if text.isdigit():
        return int(text)
    return sum(number_words()[w] for w in text.lower().split())


# cheap tests before the patterns above: words every match of them holds
HELD_WORDS = re.compile("się|miejsce|zorganizow|przeprowadz|został|trwał|obradował")
PARTICIPANT_GATE = re.compile(r"osob|osób|uczestni|mieszkań|mieszkank|przedstawiciel|członk|liczba|frekwencj|obecn|senior|radn|gości|słuchacz|uczni|uczenn|sołtys|lider|rodzic|wolontariusz|pracownik|ekspert|kobiet|animator|społecznik|partnerów")
ORG_COUNT = re.compile(r"(?:reprezentował\w*|reprezentując\w*|z|przedstawiciel\w*)\s+(?P<n>\d{1,4})\s+organizacj\w*", re.I)
COUNT_MEETINGS = re.compile(r"(?P<n>\d{1,2})\s+(?:spotkań|spotkania|warsztatów|sesji|zebrań|debat)", re.I)
TIME = re.compile(r"(?:godz(?:\.|in(?:ie|ę|ach|y))?|o|od)\s*(?P<h1>\d{1,2})[.:](?P<m1>\d{2})(?:\s*[-–—]\s*(?:do\s+)?(?P<h2>\d{1,2})[.:](?P<m2>\d{2}))?", re.I)
PLACE = re.compile(r"(?<!\w)(?:w|we)\s+(?P<p>[A-ZĄĆĘŁŃÓŚŹŻ][^;\n]*?)(?=\s+(?:w\s+godz|o\s+godz|na\s+godz|od\s+godz|godz)|[;\n]|\.\s*$|$)")


@lru_cache(maxsize=None)
def meeting_kinds() -> dict:
    """Meeting noun lemma → kind (rows with a third column `modifier` are adjectives that
    override the noun's kind: "spotkanie konsultacyjne" → konsultacje)."""
    return {r[0]: r[1] for r in data.table("meeting_kinds.tsv") if len(r) < 3}


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
    words = re.findall(r"[^\W\d_]+", sentence)
    for k, w in enumerate(words):
        for lem in morph.lemmas(w):
            if lem in kinds:
                return _modified(kinds[lem], words, k)
    return None


def _sentences(text: str):
    """Sentences with their offsets; a full stop after an abbreviation (`br.`, `ul.`) or a
    number does not end one, nor does the line break of a hard-wrapped paragraph."""
    abbrs = data.word_list("abbreviations_dotted.txt")
    start = 0
    for m in BOUNDARY.finditer(text):
        b = m.start()
        if m.group() == "\n":
            line_start = text.rfind("\n", 0, b) + 1
            line = text[line_start:b].rstrip()
            nxt = text[m.end():m.end() + 80]
            if len(line) >= 50 and line[-1:] not in ".!?:;" and nxt.strip() \
                    and not nxt.startswith("\n") and not LIST_START.match(nxt):
                continue
        else:
            w_start = max(text.rfind(" ", start, b), text.rfind("\n", start, b), start - 1) + 1
            w = text[w_start:b].lower().lstrip("(„\"")
            if w in abbrs or w.isdigit() or (len(w) == 1 and w.isalpha()):
                continue
        end = m.end()
        if text[start:end].strip():
            yield start, end, text[start:end]
        start = end
    if text[start:].strip():
        yield start, len(text), text[start:]


def _meeting_subject(sentence: str, loose: bool = False):
    """The kind of meeting a "held" sentence is about: a meeting noun in the nominative, or in
    the genitive plural after a number ("odbyło się 5 spotkań"), near the verb; `loose`: in any
    case (the sentence also gives the meeting's date)."""
    kinds = meeting_kinds()
    words = re.findall(r"[^\W_]+", sentence)
    for k, w in enumerate(words):
        for r in morph.readings(w):
            lem = morph.base_lemma(r[0]).lower()
            if lem not in kinds:
                continue
            if loose or "nom" in r[3] or ("gen" in r[3] and "pl" in r[2] and k and
                                          (words[k - 1].isdigit() or words[k - 2:k - 1] and words[k - 2].isdigit())):
                return _modified(kinds[lem], words, k)
    return None


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
    return bool(ACT_BEFORE.search(before) or PUBLISHED.search(before[-60:]))


def _meeting_days(text: str, dates, s: int, e: int, legal_spans):
    """Days in [s, e) a meeting can be held on: single days and the first day of a range
    ("w dniach 3–4 czerwca"), not dates of cited acts; as (value, date) pairs."""
    out = []
    for d in _between(dates, s, e):
        if d["precision"] != "day" or _cited(text, d, legal_spans):
            continue
        if RANGE_END.search(text[max(s, d["start"] - 8):d["start"]]):
            continue  # "od 14 września do 5 października": the end of a period
        out.append(d)
    return out


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
    place = re.sub(r"\s+przy\s+(ul\.|al\.|pl\.)", r", \1", place)
    return re.sub(r"\s+", " ", place).strip(" ,")


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


ORDINALS = [r"\bpierwsz", r"\bdrugi", r"\btrzeci", r"\bczwart", r"\bpiąt"]


def _ordinal(sentence: str, n: int) -> int:
    """Which meeting a participants sentence is about: "w pierwszym spotkaniu" → 0; else the last."""
    low = sentence.lower()
    for k, rx in enumerate(ORDINALS[:n]):
        if re.search(rx, low) and n > 1:
            return k
    return n - 1


def _meeting(date, kind):
    return {"date": date, "kind": kind, "participants": None, "organisations_count": None, "place": None}


def _place_org(text: str, s: int, e: int, orgs) -> str | None:
    """The organisation a sentence says something happened in ("w Miejskim Ośrodku Kultury")."""
    best = None
    for o in orgs:
        for os_, _oe in o["spans"]:
            if s <= os_ < e and re.search(r"(?<!\w)(?:w|we)\s+$", text[max(s, os_ - 4):os_]):
                if best is None or os_ < best[0]:
                    best = (os_, o["name"])
    return best[1] if best else None


def find_meetings(doc: Doc, legal_spans=()):
    text = doc._.text
    dates = _Dates(doc._.dates or [])
    orgs = doc._.organisations or []
    chrome = set(doc._.chrome or ())
    line_starts = doc._.line_starts
    meetings, spans = [], []
    noun_dated = []  # (days, kind, span) of sentences naming a meeting and a date, without "held"
    next_meeting, next_span = None, None
    held_day = None  # the day of the first "held" sentence that names no meeting noun
    for s, e, sent in _sentences(text):
        if chrome and bisect_right(line_starts, s) - 1 in chrome:
            continue
        low = sent.lower()
        has_digit = DIGIT.search(sent) is not None
        if next_meeting is None and ("kolejn" in low or "następn" in low) and NEXT.search(sent):
            days = _dates_in(dates, s, e, "day")
            next_meeting = {"date": days[0]["value"] if days else None, "time": _time(sent),
                            "place": _place(sent, orgs, s)}
            next_span = [s, e]
            continue
        days = _meeting_days(text, dates, s, e, legal_spans) if has_digit else []
        held = HELD_WORDS.search(low) is not None and HELD.search(sent) is not None
        kind = _meeting_subject(sent, loose=bool(days)) if held else None
        if held and not kind and days and meetings and ORDINAL_WORD.search(sent):
            kind = meetings[-1]["kind"]  # "drugie odbyło się 17 marca"
        if kind and not days and sent.rstrip().endswith(":"):
            # "Spotkania odbyły się w terminach:" and a list of dates below
            block_end = text.find("\n\n", e + 1)
            block_end = min(block_end if block_end >= 0 else len(text), e + 1500)
            days = _meeting_days(text, dates, e, block_end, legal_spans)
        if kind:
            before = len(meetings)
            _add_held(meetings, spans, kind, days, sent, [s, e])
            place = _place_org(text, s, e, orgs)
            period = PERIOD.search(sent) is not None
            for m in meetings[before:]:
                m["place"] = place
                m["_period"] = period
        elif days and not held:
            nk = _meeting_subject(sent, loose=True)
            if nk:
                noun_dated.append((days, nk, [s, e]))
        elif days and held and held_day is None:
            held_day = days[0]["value"]  # "28 września w MDK spotkali się przedstawiciele …"
        if has_digit:  # counts in digits, failing that in words ("7 maja przyszło dwadzieścia osób")
            counted = PARTICIPANT_GATE.search(low) is not None
            pats = participant_patterns(False) + (participant_patterns(True) if counted and
                                                   number_word_rx().search(low) else [])
        else:
            counted = number_word_rx().search(low) is not None and PARTICIPANT_GATE.search(low) is not None
            pats = participant_patterns(True)
        for rx in (pats if counted else ()):
            pm = rx.search(sent)
            if pm and re.search(r"(?:\bdo|[-–])\s*$", sent[:pm.start("n")]):
                pm = None  # "od 3 do 9 osób": a range, not a count
            if pm:
                if not meetings:
                    meetings.append(_meeting(None, _kind(sent)))
                    spans.append([s, e])
                target = meetings[_ordinal(sent, len(meetings))]
                if target["participants"] is None:
                    target["participants"] = count_value(pm.group("n"))
                    om = ORG_COUNT.search(sent)
                    if om:
                        target["organisations_count"] = int(om.group("n"))
                break
    if noun_dated and not any(m["date"] for m in meetings):
        # no "held" sentence gave a date: the first sentence naming a meeting with a date does
        days, nk, span = noun_dated.pop(0)
        _add_held(meetings, spans, nk, days, "", span)
    undated = [m for m in meetings if m["date"] is None]
    if held_day and len(undated) == 1 and len(meetings) == 1:
        undated[0]["date"] = held_day  # the participants were counted at the gathering that day
    for days, nk, span in noun_dated:  # "Drugie spotkanie – 17 marca 2019 r."
        if meetings and ORDINAL_MEETING.search(text[span[0]:span[1]]) and not NEXT.search(text[span[0]:span[1]]):
            _add_held(meetings, spans, nk, days, "", span)
    return meetings, spans, next_meeting, next_span


def document_date(doc: Doc, meetings, next_span, legal_spans) -> str | None:
    """The day the (first) meeting was held; failing that, the first day named in the body
    that is not in a cited act, an announcement of the next meeting or a relative form."""
    dated = [m for m in meetings if m["date"]]
    held = [m for m in dated if not m.get("_period")]  # a meeting on a day, not a period
    if dated:
        return (held or dated)[0]["date"]
    text = doc._.text
    candidates = []
    for d in doc._.dates or []:
        if d["precision"] != "day" or d["relative"]:
            continue
        if next_span and next_span[0] <= d["start"] < next_span[1]:
            continue
        before = text[max(0, d["start"] - 200):d["start"]]
        if any(a <= d["start"] < b for a, b in legal_spans) or ACT_BEFORE.search(before):
            continue
        if PUBLISHED.search(before[-60:]):
            return d["value"]
        candidates.append(d["value"])
    return candidates[0] if candidates else None


@Language.factory("partmon_meetings")
def make_meetings(nlp, name):
    return MeetingsComponent()


class MeetingsComponent:
    def __call__(self, doc: Doc) -> Doc:
        legal = [(s, e) for _a, s, e in (doc._.legal_acts or [])]
        meetings, spans, nxt, nspan = find_meetings(doc, legal)
        ddate = document_date(doc, meetings, nspan, legal)
        title = doc._.title or ""
        if not meetings and _kind(title) and not NEXT.search(title):
            meetings.append({"date": ddate, "kind": _kind(title), "participants": None,
                             "organisations_count": None, "place": None})
            spans.append(None)
        for m in meetings:
            m.pop("_period", None)
        doc._.meetings = list(zip(meetings, spans))
        doc._.next_meeting = nxt
        doc._.document_date = ddate
        return doc
