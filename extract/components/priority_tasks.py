"""partmon_priority_tasks: tasks named as priority (public) tasks, listed under a heading, in a
table or a sentence, or proposed inline (`nowe zadanie priorytetowe: „…”`, `Zaproponowano: …`
right after a mention of priority tasks), with the policy area they stand under."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import data, morph, text_index
from .sections import MARKER, clean_item, list_after, strip_marker
from .sections import split_inline as _split_inline

if not Doc.has_extension("priority_tasks"):
    Doc.set_extension("priority_tasks", default=None)

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


MACRO = re.compile(r"\{\{(\w+)\}\}")


def _expand(pattern: str, macros: dict) -> str:
    """The pattern with each `{{NAME}}` replaced by the macro of that name (a piece several
    patterns share, such as the items of a one-sentence list, is written once)."""
    while MACRO.search(pattern):
        pattern = MACRO.sub(lambda m: macros[m.group(1)], pattern)
    return pattern


@lru_cache(maxsize=None)
def task_patterns() -> dict:
    out = {}
    specs = data.jsonl("priority_tasks.jsonl")
    macros = {s["name"]: s["pattern"] for s in specs if s["role"] == "macro"}
    for spec in specs:
        if spec["role"] == "macro":
            continue
        spec = {**spec, "pattern": _expand(spec["pattern"], macros)}
        out.setdefault(spec["role"], []).append(re.compile(spec["pattern"], re.I))
        if "before" in spec:  # what must come right before the match (kept apart: a literal start is faster)
            out.setdefault(spec["role"] + "_before", []).append(re.compile(spec["before"], re.I))
        out.setdefault(spec["role"] + "_keys", []).append(tuple(spec.get("keys", ())))
        out.setdefault(spec["role"] + "_reach_back", []).append(spec.get("reach_back", 0))
        out.setdefault(spec["role"] + "_shaped", []).append(spec.get("shaped", False))
    return out


@lru_cache(maxsize=20_000)  # a pure function of the text; the same areas recur in report after report
def normalise_area(text: str) -> str:
    """Policy area in the nominative, lower case: "polityki społecznej" → "polityka społeczna".

    Each comma-separated part has its first noun (with adjectives agreeing with it) put into
    the nominative, and so has a noun joined to it by "i"/"oraz" in the same case ("kultury i
    ochrony dziedzictwa" → "kultura i ochrona dziedzictwa"); the rest stays as written."""
    text = re.sub(r"\s+", " ", text.strip(" :.;")).lower()
    text = task_patterns()["area_label"][0].sub("", text) or text
    parts = []
    for part in re.split(r"(,\s*)", text):
        if not part or part.startswith(","):
            parts.append(part)
            continue
        parts.append(" ".join(_nominative_area(part.split(" "))))
    return "".join(parts)


GERUND_CASE_END = re.compile(r"(?<=[nc]i)(?:a|u|em)$")  # "wspierania", "wspieraniu", "wspieraniem"


def _nominative_area(words: list[str], cases: frozenset | None = None) -> list[str]:
    """`words` with their head put into the nominative; a head already in the nominative, or
    not in one of `cases` (those of the head a coordinated phrase is joined to), stays."""
    for k, w in enumerate(words):
        kinds = {a[1] for a in morph.analyse(w)}
        if kinds & {"prep", "conj"}:
            continue
        if "ger" in kinds and "subst" not in kinds:  # "wspierania rodziny" → "wspieranie rodziny"
            if cases is not None and not cases & {"gen", "dat", "loc", "inst"}:
                return words
            return words[:k] + [GERUND_CASE_END.sub("e", w)] + words[k + 1:]
        if not morph.readings(w):
            continue
        hr = morph.head_reading(w)
        if cases is not None and (hr is None or not hr[3] & cases):
            return words
        nxt = morph.analyse(words[k + 1]) if k + 1 < len(words) else ()
        if any(a[1] == "adj" and "nom" in a[3] for a in nxt) and not any("gen" in a[3] for a in nxt):
            return words  # "osoby niepełnosprawne": already in the nominative (plural)
        out = morph.nominative_phrase(words, k)
        if out[k] == w:
            return out
        j = k + 1  # past the head and the adjectives agreeing with it
        while j < len(words) and out[j] != words[j]:
            j += 1
        if j + 1 < len(words) and words[j] in ("i", "oraz"):
            return out[:j + 1] + _nominative_area(words[j + 1:], hr[3] - {"nom"} if hr else None)
        return out
    return words


@lru_cache(maxsize=20_000)  # a pure function of the text, like normalise_area
def _trim_area(area: str) -> str:
    """The area without the rest of its sentence: "pomocy społecznej zaproponowano" → "pomocy społecznej"."""
    return task_patterns()["area_tail"][0].sub("", area) or area


QUOTE_INTRO = re.compile(r"(?:m\.\s?in\.|np\.|w\s+tym|tj\.|czyli|takie\s+jak|:)\s*$", re.I)  # "…, m.in. „A” oraz „B”"
LEFT_NUMBER = re.compile(r"^(?:\d{1,2}[.)]|\(\d{1,2}\)|\([a-z]\))\s+")
NOT_TASK_START = re.compile(r"(?:(?:do|od|ok\.|około|ponad|w|na|przez)\s+)?\d")  # an amount, a count or a date


def _names_organisation(text: str) -> bool:
    """The item is an organisation's name: a capitalised head and a proper name after it
    ("Fundacja Wiatr", "Stowarzyszenie Przyjaciół Wsi")."""
    words = text.split()
    heads = data.word_list("task_organisation_heads.txt")
    return words[0][:1].isupper() and any(w[:1].isupper() for w in words[1:4]) \
        and any(a[0].lower() in heads for a in morph.analyse(words[0].lower()))


def _names_proposer(text: str) -> bool:
    """The text before a dash names who proposed the task after it: an organisation's head word
    and a proper name ("Klub Sportowy Iskra", "Koło Gospodyń Wiejskich w Lipnicy")."""
    words = text.split()
    heads = data.word_list("task_proposer_heads.txt")
    return len(words) >= 2 and words[0][:1].isupper() and any(w[:1].isupper() for w in words[1:]) \
        and any(a[0].lower() in heads for a in morph.analyse(words[0].lower()))


AREA_ITEM = re.compile(r"\s[–—-]\s+\S+\s+\S|[,;.]$")


def _area_of(raw: str):
    for rx in task_patterns().get("area", []):
        m = rx.search(raw)
        if m:
            area = m.group("area").strip()
            # "Obszar polityki społecznej" / "w obszarze „Współpraca …”": only short headings;
            # "a) w obszarze kultury – organizacja festiwalu;" is an item naming its area
            trimmed = _trim_area(area)
            if len(area.split()) > 12 or "„" in area or "\"" in area or AREA_ITEM.search(trimmed):
                return None
            return normalise_area(trimmed)
    return None


def _heading_area(raw: str):
    m = re.search(r"(?:w\s+(?:obszarze|zakresie|sferze)|z\s+obszaru|dla\s+obszaru)\s+(?P<a>[^:]+?)\s*:?\s*$", raw, re.I)
    if m and re.search(r"\bpriorytet|\bzadani", m.group("a"), re.I):
        return None
    return normalise_area(m.group("a")) if m else None


# "zadania priorytetowe", "priorytetowe zadania", "jako priorytetowe", any case; written as a class of
# the first letters, then (?i:…) picking the branch by a look-behind: the regex engine skips to those
# letters quickly (under re.I as a whole it tries every branch at every position)
TASK_MENTION = re.compile(r"[ZzPpJj](?i:(?<=z)(?:adani\w*|adań)\s+(?:\w+\s+)?priorytetow|(?<=p)riorytet(?:ow\w*|ów)\s+(?:\w+\s+)?zada"
                          r"|(?<=j)ako\s+priorytetow)")
CONTEXT_LINES = 40   # how far below a mention of priority tasks an area heading still lists them
MAX_WORDS = 30       # a longer "item" is a paragraph, not a task


PRIORITY = re.compile(r"priorytet", re.I)
AREA_PREFIX = re.compile(r"^(?P<a>[^:„\"]{3,80}):\s+(?P<t>\S.{6,})$")
FINITE = frozenset(("fin", "praet", "bedzie", "imps", "winien", "pred"))
SUBORDINATE = re.compile(r"^(?:któr|gdzie|kiedy|co$|aby$|by$|żeby$|jeśli$|gdy$)", re.I)


def _run_on(text: str) -> str | None:
    """The task without a next sentence that ran into it when a wrapped line was joined to it
    ("ochrona dziedzictwa Wieliczki Pełna lista (ponad 40 kartek) zostanie opracowana …."): cut
    before the capitalised word that starts the clause of the first finite verb; None when none."""
    words = text.split()
    if len(words) < 8 or not text.endswith("."):
        return None
    for v in range(1, len(words)):
        w = words[v].strip(",.;()„”\"").lower()
        if SUBORDINATE.match(w):
            return None  # "…, które zostaną …": a clause of the task itself
        readings = morph.analyse(w)
        if readings and any(a[1] in FINITE for a in readings) and not any(a[1] in ("subst", "adj") for a in readings):
            k = next((i for i in range(v - 1, 2, -1) if words[i].lstrip("(„\"")[:1].isupper()), None)
            if k is None or v - k > 6 or any(a[1] in ("prep", "conj") for a in morph.analyse(words[k - 1].lower())):
                return None  # a verb of the item's own sentence ("Klub Seniora w Lipnicy zaprasza …")
            return " ".join(words[:k])
    return None


def _after_preposition(word: str) -> bool:
    """`word` is a preposition (the word after it is a noun: "z udziałem", "przy okazji")."""
    return word.lower() in data.word_list("task_prepositions.txt")


def _report_sentence(text: str) -> bool:
    """A whole sentence whose verb comes among its first words ("Projekt jest współfinansowany …",
    "Uwagi można zgłaszać do …"): the report speaking, not a task (a task is a noun phrase;
    "Organizacja zajęć, które będą …" has its verb in a clause)."""
    if not text[:1].isupper() or not text.endswith(".") or len(text.split()) < 6:
        return False
    # "Przy stoliku zdrowia jako priorytet wskazano …": a sentence not opening like a task may have its verb later
    reach = 4 if _task_shaped(text) else 8
    words = re.findall(r"[^\W\d]+", text)[:reach]
    for i, w in enumerate(words):
        if SUBORDINATE.match(w):
            return False
        if i and _after_preposition(words[i - 1]):
            continue  # "… z udziałem szkół": a noun after its preposition, not the verb
        readings = morph.analyse(w.lower())
        if any(a[1] in FINITE for a in readings) and not (i and any(a[1] == "subst" for a in readings)):
            return True
    return False


TWO_SENTENCES = re.compile(r"[a-ząćęłńóśźż]{4,}[.!?]\s+[A-ZĄĆĘŁŃÓŚŹŻ]")  # not "ul. Michalusa"
DIGIT = re.compile(r"\d")


def _two_sentences(text: str) -> bool:
    """TWO_SENTENCES is in the text (looked for only when a full stop, "!" or "?" is: it has one)."""
    return ("." in text or "!" in text or "?" in text) and TWO_SENTENCES.search(text) is not None


LABEL_TAIL = re.compile(r"^(?P<item>.+[.!?])\s+[A-ZĄĆĘŁŃÓŚŹŻ][^.:;]{0,40}:$")
# an area named as a run of nouns ("Kultura, sztuka, ochrona dóbr kultury", "Ratownictwo i ochrona
# ludności"): capitalised, joined by commas and "i", no verb-like task word
AREA_NAMES = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻ][^\W\d]*(?:(?:,\s+|\s+i\s+|\s+)[^\W\d]+){1,5}$")
AREA_DASH = re.compile(r"^(?P<a>(?:w\s+(?:zakresie|obszarze|sferze|dziedzinie)\s+)?[^:„\"–—-]{3,90}?)\s+[–—-]\s+(?P<t>\S.{6,})$",
                       re.I)
QUOTED = re.compile(r"[„\"“«](?P<text>[^”\"“»„\n]{3,300})[”\"“»]")
# where a sentence (and so what it says about priority) ends: a full stop before a capital,
# a blank line, a new list item
BOUNDARY = re.compile(r"[.!?]\s+[A-ZĄĆĘŁŃÓŚŹŻ]|\n\s*\n|\n\s*(?:[-•*–—·▪►◦●■]|\d{1,2}[.)]|[a-z][.)])\s")
CONTEXT_CHARS = 1500  # how far after a mention of priority a proposal sentence is still about tasks
REACH_BEFORE, REACH_AFTER = 400, 1500  # how far an inline task phrase reaches around "priorytet"
HEAD_REACH = 40    # a list phrase starts right before its "priorytet" ("zadaniami priorytetowymi …")
AREA_REACH = 160   # "W ramach obszaru <area> priorytetem …": the area comes first


def _mentions_tasks(text: str) -> bool:
    """TASK_MENTION is in `text`, searched for only when "rytet" is in its lower-cased form: every
    match holds "riorytet", and only R, Y, T and E match those letters under re.I."""
    return "rytet" in text.lower() and TASK_MENTION.search(text) is not None


def _priority_at(text: str, aligned: str | None) -> list[int]:
    """Where PRIORITY matches in `text`. With the text lower-cased offset for offset (`aligned`)
    these are the places of "priorytet" there (found by a string search, faster than a caseless
    scan), unless a dotless "ı" stands in the text: under re.I it matches "i"."""
    if aligned is None or "ı" in text:
        return [m.start() for m in PRIORITY.finditer(text)]
    out = []
    i = aligned.find("priorytet")
    while i >= 0:
        out.append(i)
        i = aligned.find("priorytet", i + 9)  # (a match is never inside another one)
    return out


def _near(rx, text: str, mentions: list[int], before: int = REACH_BEFORE):
    """Matches of `rx` that hold one of the `mentions` of priority (each phrase names it near its
    start): the first match starting in the `before` characters up to a mention (and going on up
    to REACH_AFTER after it), for each mention after the previous match. Only those start
    positions are tried, not the whole window a search would run through."""
    last_end = -1
    skip = _skipper(rx, before)
    for p in mentions:
        start = max(p - before, last_end, 0)
        if start > p:
            continue
        end = min(len(text), p + REACH_AFTER)
        if skip is None:
            m = rx.search(text, start, end)
        else:
            at = skip.match(text, start, end)  # ends where the first match from `start` starts
            m = rx.match(text, at.end(), end) if at else None
        if m and m.start() <= p:
            last_end = m.end()
            yield m


def _skipper(rx: re.Pattern, reach: int) -> re.Pattern | None:
    """Skips the fewest characters (at most `reach`) after which `rx` matches: a search for `rx`
    that gives up after `reach` start positions. None when a plain search is as fast: the regex
    engine jumps straight to the (caseless) characters a match starts with, such as quotes."""
    # (cached by the pattern's text: hashing a compiled pattern hashes all its code, microseconds
    # for the long ones, on every call)
    return _skipper_of(rx.pattern, rx.flags, reach)


@lru_cache(maxsize=None)
def _skipper_of(pattern: str, flags: int, reach: int) -> re.Pattern | None:
    first = data.first_chars(pattern)
    if first is not None and all(c.lower() == c.upper() for c in first):
        return None
    return re.compile(r"(?s:.){0,%d}?(?=(?:%s))" % (reach, pattern), flags)


def _after_mention(rx, keys, text: str, low: str, mentions: list[int], back: int = 0):
    """Matches of `rx` that start within CONTEXT_CHARS after (or `back` characters before) a
    mention of priority. The pattern is tried only where one of its `keys` (lower-case words a
    match starts with) occurs: a few string searches instead of running the pattern through the text."""
    last_end = 0
    for p in mentions:  # the windows around mentions, merged
        start, end = max(p - back, last_end, 0), min(len(text), p + CONTEXT_CHARS)
        if start >= end:
            continue
        spots = set()
        for key in keys:
            i = low.find(key, start, end)
            while i >= 0:
                spots.add(i)
                i = low.find(key, i + 1, end)
        for i in sorted(spots):
            if i < last_end:
                continue
            m = rx.match(text, i, min(len(text), i + CONTEXT_CHARS))
            if m:
                last_end = m.end()
                yield m
        last_end = max(last_end, end)


@lru_cache(maxsize=None)
def _quote_blockers() -> frozenset:
    return data.word_list("task_quote_blockers.txt")


def _quotes_after(text: str, mentions: list[int]):
    """Quoted phrases in the same sentence as, and after, a mention of priority tasks; not a
    quoted name of an organisation, programme or document ("Stowarzyszenie „…”")."""
    last = -1
    for p in mentions:
        if p < last:
            continue
        if not TASK_MENTION.search(text, max(p - 40, 0), min(p + 60, len(text))):
            continue
        b = BOUNDARY.search(text, p, min(len(text), p + 700))
        end = b.start() + 1 if b else min(len(text), p + 700)
        for m in QUOTED.finditer(text, p, end):
            last = m.end()
            before = text[max(0, m.start() - 30):m.start()].split()
            prev = before[-1].lower().strip("(„\"").rstrip(".,") if before else ""
            if before and before[-1].lstrip("(„\"")[:1].isupper() and not before[-1].endswith(":") \
                    or any(prev.startswith(b) for b in _quote_blockers()):
                continue
            yield m


def _names_with_quote(item: str) -> bool:
    """A short list item whose quotes are part of a task's name ("kampania „Zdrowe serce”",
    "festyn „Lato w Kątach”"): a task-shaped word or two before the quote, no verb reporting on it."""
    q = QUOTE_CHARS.search(item)
    lead = item[:q.start()].split() if q else []
    return bool(lead) and (len(lead) <= 3 or _quote_closes(item, lead) or _aside_quote(item)) \
        and len(item.split()) <= (16 if _aside_quote(item) else 12) and ":" not in item \
        and (_task_shaped(item) or _named_undertaking(lead)) and not any(_finite_only(w) for w in lead)


def _ellipsis_next(text: str, task: dict, rx: re.Pattern, add) -> None:
    """"… była opieka nad seniorami, a drugim – zagospodarowanie czasu wolnego dzieci": a task
    right after one read from a sentence, its verb left out."""
    m = rx.match(text, task["end"])
    if m and _task_shaped(m.group("t")):
        add(m.group("t").strip(), task["area"], m.start("t"), m.end("t"))


PARENTHESISED = re.compile(r"\([^()]*\)")
REPORTED = re.compile(r"\w+(?:ano|ono|ło|ła|li)\b")  # "zaproponowano", "zgłoszono", "dodali"


def _person_speaks(item: str) -> bool:
    """A list item reporting what a person said ("Pan Jan Kowalski zaproponował …", "Radna Ewa
    Nowak zwróciła uwagę …"): a courtesy title and a capitalised name, then a verb."""
    words = (PARENTHESISED.sub(" ", item) if "(" in item else item).split()  # "(Stowarzyszenie …)": who the person is
    if len(words) < 4 or words[0].lower() not in data.word_list("honorifics.txt") or not words[1][:1].isupper():
        return False
    return any(_finite_only(w.strip(",.;()")) for w in words[2:8])


def _named_undertaking(lead: list[str]) -> bool:
    """The words before a quoted title open an undertaking's name ("Program wsparcia …")."""
    first = lead[0].lower()
    heads = data.word_list("task_named_heads.txt")
    return first in heads or any(a[0].lower() in heads for a in morph.analyse(first))


def _finite_only(word: str) -> bool:
    """`word` can only be a verb ("zaproponował"), not also a noun ("przestrzeni")."""
    readings = morph.analyse(word.lower())
    return any(a[1] in FINITE for a in readings) and not any(a[1] == "subst" for a in readings)


QUOTE_AT_END = re.compile(r"[„\"“][^„\"“”]{2,60}[”\"][.;,]?$")
ASIDE_QUOTE = re.compile(r"\([^()]*[„\"“][^()]*\)")


def _quote_closes(item: str, lead: list[str]) -> bool:
    """"Organizacja festiwalu twórczości dzieci „Mali Artyści”.": a task whose name in quotes
    closes it, after a lower-case word of the task."""
    return len(lead) <= 6 and lead[-1][:1].islower() and QUOTE_AT_END.search(item) is not None \
        and len(QUOTE_CHARS.findall(item)) <= 2


def _aside_quote(item: str) -> bool:
    """"Tworzenie klubów („kawiarenek”) w osiedlach": every quote stands in parentheses, an aside
    of a task, not a task of its own."""
    return ASIDE_QUOTE.search(item) is not None and not QUOTE_CHARS.search(ASIDE_QUOTE.sub(" ", item))


def _item_quotes(item: str):
    """Quoted phrases of a list item introduced as tasks (right after "zadanie", "w projekcie:",
    "nowe brzmienie:"), not names (right after a capitalised word) nor quoted wording to change."""
    for m in QUOTED.finditer(item):
        before = item[max(0, m.start() - 30):m.start()].split()
        prev = before[-1].lower().rstrip(".,:") if before else ""
        if before and before[-1][:1].isupper() or not any(prev.startswith(b) for b in _quote_leads()):
            continue
        yield m


@lru_cache(maxsize=None)
def _quote_leads() -> frozenset:
    return data.word_list("task_quote_leads.txt")


def _numbered_heading(lines, k: int) -> bool:
    """A numbered chapter heading naming priority tasks ("II. ZADANIA PRIORYTETOWE", "3. Priorytetowe
    zadania publiczne") over a list of another marker kind; an agenda item is not one."""
    raw = lines[k][2]
    body = raw[MARKER.match(raw).end():]
    if not task_patterns()["numbered_heading"][0].match(body) or len(body.split()) > 10:
        return False
    nxt = next((t for _s, _e, t in lines[k + 1:k + 4] if t.strip()), "")
    return _marker_kind(raw.strip()) == "roman" and bool(nxt.strip()) \
        or bool(MARKER.match(nxt)) and _marker_kind(nxt) != _marker_kind(raw.strip())


AREA_SENTENCE = re.compile(r"\s*w\s+(?:zakresie|obszarze|sferze|dziedzinie)\s", re.I)
CONTEXT_LINES_BEFORE = 12  # how far above a mention of priority tasks an area heading still lists them


def _mention_below(mention_lines: list[int], k: int) -> bool:
    i = bisect_right(mention_lines, k)
    return i < len(mention_lines) and mention_lines[i] - k <= CONTEXT_LINES_BEFORE


def _item_follows(lines, k: int) -> bool:
    """Below a heading without a colon, the next line reads as a list item: marked, a table row,
    or ending like an item ("…;", "…,", "….") — not a bare title of a news list."""
    nxt = next((t for _s, _e, t in lines[k + 1:k + 4] if t.strip()), "")
    return bool(MARKER.match(nxt)) or " | " in nxt or bool(re.search(r"[.;,]\s*$", nxt)) \
        or _verbal(nxt) and len(nxt.split()) <= 14  # "Organizacja festynu …" one per line


def _wrapped_sentence(lines, k: int) -> bool:
    """After the colon of line k a sentence goes on over the next lines ("… dopisano:\nwsparcie
    rodzin oraz organizację\nkolonii dla dzieci."): an inline list, not a list under a heading."""
    nxt = [t.strip() for _s, _e, t in lines[k + 1:k + 3]]
    return len(nxt) == 2 and bool(nxt[0]) and nxt[0][:1].islower() and not MARKER.match(nxt[0]) \
        and not re.search(r"[.;,:]$", nxt[0]) and nxt[1][:1].islower() and nxt[1].endswith(".")


def _list_follows(lines, k: int) -> bool:
    """The next non-empty line after line k is a list item."""
    nxt = next((t for _s, _e, t in lines[k + 1:k + 4] if t.strip()), "")
    return bool(MARKER.match(nxt))


@lru_cache(maxsize=None)
def _area_stems() -> re.Pattern:
    """Stems of policy-area words, each at a word's start ("porząd" in "porządek", not in "sporządziła")."""
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(data.word_list("policy_area_stems.txt"), key=len, reverse=True)) + ")")


NUMBER_MARK, ROMAN_MARK, LETTER_MARK = re.compile(r"\d"), re.compile(r"[IVX]+[.)]$"), re.compile(r"[a-z][.)]$")


@lru_cache(maxsize=4096)  # a pure function of the line, asked again for each list a line may end
def _marker_kind(line: str):
    """bullet, number, roman or letter: the kind of list marker `line` starts with, or None."""
    m = MARKER.match(line)
    if not m:
        return None
    mk = m.group().strip()
    if NUMBER_MARK.match(mk):
        return "number"
    if ROMAN_MARK.match(mk):
        return "roman"
    return "letter" if LETTER_MARK.match(mk) else "bullet"


def _marker_sign(line: str, kind=False):
    """The list marker `line` starts with, numbers and letters by their kind ("•", "–", "number").
    `kind`: `_marker_kind(line.strip())` when the caller has it already."""
    kind = _marker_kind(line.strip()) if kind is False else kind
    return MARKER.match(line).group().strip() if kind == "bullet" else kind


SENTENCE_PUNCT_END = re.compile(r"[.;!?,]$")


def _area_line(lines, k: int):
    """Line k names a policy area over a list ("Pomoc społeczna:", "II. Kultura fizyczna"):
    the area, or None. A bullet followed by bullets of the same kind is an item, not a heading."""
    raw = lines[k][2]
    t = raw.strip()
    m = MARKER.match(raw)
    nxt = None  # the next non-empty line, looked for only when a line may still be a heading
    if m:
        kind = _marker_kind(t)
        if kind not in ("number", "roman"):
            return None
        nxt = next((x for _s, _e, x in lines[k + 1:k + 4] if x.strip()), "")
        if _marker_kind(nxt) == kind:
            return None
        t = t[len(m.group().strip()):].strip()
    colon = t.endswith(":")
    t = t.rstrip(":").strip()
    words = t.split()
    if not words or len(words) > 10 or SENTENCE_PUNCT_END.search(t) or " | " in t or "priorytet" in t.lower():
        return None
    if nxt is None:
        nxt = next((x for _s, _e, x in lines[k + 1:k + 4] if x.strip()), "")
    if not (colon and nxt.strip() or MARKER.match(nxt)) or not _area_stems().search(t.lower()):
        return None
    return normalise_area(t)


def _sub_heading(lines, k: int) -> bool:
    """Line k is a bare area heading ("Pomoc społeczna"): short, unmarked, no final punctuation,
    and a marked list follows it."""
    t = lines[k][2].strip()
    return bool(t) and not MARKER.match(t) and len(t.split()) <= 8 and " | " not in t \
        and not re.search(r"[.;,!?]$", t) and t[:1].isupper() and _list_follows(lines, k)


def _split_merged_heading(item: str):
    """A list item the PDF text layer joined with the next area heading ("… dla dzieci
    Ekologia i ochrona zwierząt"): (item, heading or None)."""
    words = item.split()
    for k in range(3, len(words)):
        w = words[k]
        if w[:1].isupper() and words[k - 1][:1].islower() and len(words) - k <= 6 \
                and not words[k - 1].endswith(".") and not _after_preposition(words[k - 1]) \
                and not re.search(r"[.;,]", " ".join(words[k:])) \
                and any(a[1] != "ign" and a[0][:1].islower() for a in morph.analyse(w)):
            return " ".join(words[:k]), " ".join(words[k:])
    return item, None


def _area_lists(lines, k: int, chrome: set):
    """Lists each under a bare area heading, from line k on: (item, area, start, end)."""
    out = []
    while k is not None and k < len(lines) and _sub_heading(lines, k):
        area = normalise_area(lines[k][2])
        items = list_after(lines, k, chrome)
        pending = None
        for item, s, e in items:
            if pending:
                area = pending
            text, merged = _split_merged_heading(item)
            out.append((text, area, s, s + len(text) if merged else e))
            pending = normalise_area(merged) if merged else None
        if not items:
            break
        last = max(i for i in range(len(lines)) if lines[i][0] <= items[-1][2])
        k = next((j for j in range(last + 1, min(last + 4, len(lines))) if lines[j][2].strip()), None)
    return out


TABLE_ROW = re.compile(r"(?:^|\s)\|(?:\s|$)")
CELL_SEP = re.compile(r"\s*(?<!\S)\|(?!\S)\s*")


def _verbal(text: str) -> bool:
    """The phrase starts with a verbal noun ("organizacja …", "prowadzenie …"): it names an
    activity, where a bare area name ("kultura i sztuka") does not."""
    first = text.split()[0].strip("„\"(").lower() if text.split() else ""
    return any(a[1] == "ger" for a in morph.analyse(first)) or bool(re.search(r"(?:cja|nie|cie)$", first))


def _task_shaped(text: str) -> bool:
    """The phrase opens like a task: a verbal noun, or a noun that names an activity
    ("rozwój usług …", "profilaktyka …", "opiekę nad …"; lexicon task_head_nouns.txt)."""
    if _verbal(text):
        return True
    first = text.split()[0].strip("„\"(").lower() if text.split() else ""
    heads = data.word_list("task_head_nouns.txt")
    return first in heads or any(a[0].lower() in heads for a in morph.analyse(first))


def _task_cell(cells: list[str]):
    """Of the cells of a table row without a header, the one naming a task: the only one that
    starts with a verbal noun ("organizacja …", "prowadzenie …"), else the second of two;
    None (the longest cell) when that is not clear."""
    hits = [c for c in cells if _verbal(c)]
    if len(hits) == 1:
        return hits[0]
    return cells[-1] if len(cells) == 2 else None  # "area | task", the usual order


def _cells(row: str) -> list[str]:
    """The cells of a table row as the text layer writes it ("a | b", "| b" for an empty first cell)."""
    return [c.strip() for c in CELL_SEP.split(row.strip())]


AREA_CELL = re.compile(r"\b(?:obszar|sfer|dziedzin)", re.I)


def _header_row(row: str) -> bool:
    """A table's header: short cell titles ("Lp. | Zgłaszający | Treść uwagi"), none shaped like a task."""
    cells = [c for c in _cells(row) if c]
    return len(cells) >= 2 and all(len(c.split()) <= 4 and not _task_shaped(c) for c in cells)


def _table_columns(row: str):
    """(task column, area column or None) of a table header row naming a task column."""
    cells = _cells(row)
    # "Sfera zadań publicznych | Zadanie priorytetowe": a cell naming priority wins over an area cell
    named = [i for i, c in enumerate(cells) if re.search(r"\bzada(?:ni|ń)", c, re.I) and len(c.split()) <= 6]
    task = next((i for i in named if "priorytet" in cells[i].lower()), None)
    if task is None:
        task = next((i for i in named if not AREA_CELL.search(cells[i])), named[0] if named else None)
    if task is None and "priorytet" in row.lower():  # "Obszar | Priorytet" / "Sfera | Propozycja"
        task = next((i for i, c in enumerate(cells) if re.search(r"priorytet|propozycj", c, re.I)
                     and len(c.split()) <= 6), None)
    if task is None or len(cells) < 2:
        return None
    area = next((i for i, c in enumerate(cells) if i != task and AREA_CELL.search(c)), None)
    return task, area


def _table_tasks(lines, k: int, chrome: set, columns, area):
    """Tasks in the rows of the table whose header is line k: (text, area, start, end, last line)."""
    task_col, area_col = columns
    out = []
    j = k
    while j + 1 < len(lines) and TABLE_ROW.search(lines[j + 1][2]) and j + 1 not in chrome:
        j += 1
        s, _e, raw = lines[j]
        cells = _cells(raw)
        if task_col >= len(cells):
            continue
        cell = clean_item(strip_marker(cells[task_col])[0])
        if area_col is not None and area_col < len(cells) and re.search(r"[^\W\d_]{3}", cells[area_col]):
            area = normalise_area(cells[area_col])  # an empty area cell continues the one above
        if len(cell.split()) < 2:
            continue
        cs = s + raw.find(cells[task_col]) if cells[task_col] in raw else s
        parts = [p.strip(" ;•") for p in re.split(r"\s*(?:;|•)\s*", cell) if p.strip(" ;•")]
        if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):  # several tasks in one cell
            for p in parts:
                k = raw.find(p)
                out.append((p, area, s + k if k >= 0 else cs, (s + k if k >= 0 else cs) + len(p)))
        else:
            out.append((cell, area, cs, cs + len(cells[task_col])))
    return out, j


TRAILING_NOTE = re.compile(r"\s*\((?:\d+|[^()]{3,})\)[\s.;,]*$")  # "(27 głosów)", "(24)": a count
LABELLED_RUN = re.compile(r"^\s*(?:[-•*–—·▪►◦●■]\s*)?(?P<lead>(?:(?!cel)[^:;.„\"|]){2,70}?)\s*:\s+(?P<list>[^\s„\"“«][^:|„\"“]{8,})$",
                          re.I)
LEAD_DASH = re.compile(r"\s[–—-]\s+")


LABEL_START = re.compile(r"(?<=[.;])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ][^:.;„\"|]{2,70}:\s)")


def _labelled_run(raw: str, ls: int, add) -> bool:
    """Each labelled run of a line ("Sport: organizacja …. Kultura: ochrona …." holds two)."""
    found, pos = False, 0
    # (a run after the first starts after "." or ";": without them the line is one run)
    for seg in LABEL_START.split(raw) if "." in raw or ";" in raw else (raw,):
        at = raw.find(seg, pos)
        pos = at + len(seg)
        found = _labelled_segment(seg, ls + at, add) or found
    return found


def _labelled_segment(raw: str, ls: int, add) -> bool:
    """A line of a task context that labels a run of tasks: "Grupa II – sport: upowszechnianie …;
    rozwój ….", "Stolik 3: organizacja …". The items must read as tasks (most start with a verbal
    noun), so a line of minutes ("Głos zabrał: …") is not one. The area is the label's part after
    a dash, or the label itself when it names a policy area."""
    m = LABELLED_RUN.match(raw)
    if not m or len(WORD.findall(m.group("lead"))) > 7:
        return False
    parts = list(_split_inline(m.group("list"), ls + m.start("list")))
    # after a colon a task goes on in lower case; capitalised items are names ("Partnerzy: Fundacja …")
    shaped = [p for p, _s, _e in parts if p[:1].islower() and _task_shaped(p)]
    if not parts or parts[0][0] not in shaped or 2 * len(shaped) < len(parts):
        return False
    lead = LEAD_DASH.split(m.group("lead"), maxsplit=1)
    area = lead[1] if len(lead) > 1 else lead[0] if _area_stems().search(lead[0].lower()) \
        and not any(a[1] in FINITE for w in WORD.findall(lead[0].lower()) for a in morph.analyse(w)) else None
    area = normalise_area(area) if area else None
    for p, s, e in parts:
        add(p, area, s, e)
    return True


NEXT_AREA = re.compile(r",\s+a\s+(?=w\s+(?:obszarze|sferze|zakresie|dziedzinie)\s)", re.I)


@lru_cache(maxsize=None)
def _vote_leads() -> frozenset:
    return data.word_list("task_vote_leads.txt")


def _vote_lead(raw: str) -> bool:
    """A short lead-in ending with a colon that introduces the result of a vote or choice
    ("Najwięcej głosów zdobyły:", "Poparcie uzyskały:")."""
    stripped = raw.strip()
    return stripped.endswith(":") and len(stripped.split()) <= 12 \
        and any(w in _vote_leads() for w in WORD.findall(stripped.lower()))


QUOTE_CHARS = re.compile(r"[„\"“]")
REPORT_TAIL = re.compile(r":\s+(?P<t>[^:„\"“]{6,}?)[.;]?$")


def _report_item(item: str, s: int, add, area_) -> bool:
    """An item of a list of changes that reports on tasks ("zadanie „A” połączono z zadaniem „B”
    – pozostaje jedno zadanie priorytetowe: C;"): the quoted task names and the task-shaped run
    after its last colon, not the report. False when it names no task that way."""
    found = False
    for qm in _item_quotes(item):
        if _task_shaped(qm.group("text")):
            add(qm.group("text"), area_, s + qm.start("text"), s + qm.end("text"))
            found = True
    tm = REPORT_TAIL.search(item)
    if tm and _task_shaped(tm.group("t")):
        for part, ps, pe in _split_inline(tm.group("t"), s + tm.start("t")):
            add(part, area_, ps, pe)
        found = True
    return found


LABEL_NAME = re.compile(r"[^\W\d]+:\s+[A-ZĄĆĘŁŃÓŚŹŻ][^\W\d]+\s+[A-ZĄĆĘŁŃÓŚŹŻ]")  # "Label: Firstname Surname"
TITLE_END = re.compile(r"[.:;,!?]$")


def _heading_blocks(lines, k: int, chrome: set) -> list[tuple[str, int, int]]:
    """Titles of the blocks below a lead-in on line k, each a short title line over a one- or
    two-line description ("Bezpieczeństwo nad wodą" / "Szkolenia z pierwszej pomocy …."),
    blocks apart by blank lines; [] unless two such blocks follow."""
    found, j, n = [], k + 1, len(lines)
    while True:
        while j < n and not lines[j][2].strip():
            j += 1
        if j + 1 >= n or j in chrome:
            break
        s, _e, title = lines[j]
        desc = lines[j + 1][2].strip()
        t = title.strip()
        if not desc or MARKER.match(title) or TITLE_END.search(t) or not 2 <= len(t.split()) <= 10 \
                or len(desc.split()) < 3 or ":" in t or "|" in t:
            break
        pos = title.find(t)
        found.append((t, s + pos, s + pos + len(t)))
        j += 2
        while j < n and lines[j][2].strip():  # the rest of the description
            j += 1
    return found if len(found) >= 2 else []


@lru_cache(maxsize=None)
def _proposal() -> re.Pattern:
    """A sentence of a list of proposals naming who proposed the task ("Klub … zaproponował jako
    zadanie priorytetowe <task>.", "Koło … wniosło o wpisanie zadania: <task>.")."""
    verbs = "|".join(re.escape(v).replace("\\ ", r"\s+")
                     for v in sorted(data.word_list("task_proposal_verbs.txt"), key=len, reverse=True))
    return re.compile(r"(?:^|\s)(?:" + verbs + r")(?:\s+(?:jako\s+)?(?:zadani[ea]|priorytet)(?:\s+priorytetow\w*)?)?"
                      r"\s*(?::|,\s*(?:a|że)?by\s+(?:priorytetem|zadaniem\s+priorytetowym)\s+(?:było|był|była|były|stało\s+się))?"
                      r"\s+(?P<t>[^„\"“:]{6,}?)\.?$", re.I)


def _lines_naming_priority(lines, starts: list[int], aligned: str | None) -> list[int]:
    """Indexes of the lines holding "priorytet" (any case), in order. With the text lower-cased
    offset for offset (`aligned`), its few occurrences are found there and mapped to their lines
    instead of searching every line."""
    if aligned is None:
        return [i for i, (_s, _e, t) in enumerate(lines) if "priorytet" in t.lower()]
    found = set()
    i = aligned.find("priorytet")
    while i >= 0:
        k = bisect_right(starts, i) - 1
        if k >= 0 and i + 9 <= starts[k] + len(lines[k][2]):  # (inside the line's text, not past it)
            found.add(k)
        i = aligned.find("priorytet", i + 1)
    return sorted(found)


def find_tasks(lines, chrome: set, text: str = "", lower: str | None = None,
               starts: list[int] | None = None) -> list[dict]:
    """`lower`: `text.lower()` when the caller has it already (the text index's), else made here;
    `starts`: the start offset of each line, likewise."""
    lower = text.lower() if lower is None else lower
    # (the text lower-cased offset for offset, when it is: each line's lower-cased text is then a slice of it)
    aligned = lower if text and len(lower) == len(text) and "Σ" not in text else None
    pats = task_patterns()
    tasks, seen = [], {}  # folded text → the task
    areas = []  # (line index, char offset, area) of each area heading
    area, since_area = None, 99
    context_until = -1  # last line index still under a mention of priority tasks

    def add(text, area_, s, e):
        # "zadanie priorytetowe: X | uwzględniono": a task ends at its table cell
        if "|" in text and TABLE_ROW.search(text):
            pos = 0
            for sep in CELL_SEP.finditer(text):
                if re.search(r"[^\W\d_]{3}", text[pos:sep.start()]):
                    break
                pos = sep.end()  # "• | wspieranie …": an empty or marker-only first cell
            end = next((m.start() for m in CELL_SEP.finditer(text, pos)), len(text))
            s, e, text = s + pos, s + end, text[pos:end]
        quoted = list(QUOTED.finditer(text)) if QUOTE_CHARS.search(text) else []
        if quoted and (len(quoted) > 1 or quoted[0].start() > 0) \
                and (pats["quote_glue"][0].match(QUOTED.sub(" ", text))
                     or QUOTE_INTRO.search(text, 0, quoted[0].start())
                     and pats["quote_glue"][0].match(QUOTED.sub(" ", text[quoted[0].start():]))):
            for qm in quoted:  # "zadanie „A” oraz „B”": the quoted names are the tasks
                add(qm.group("text"), area_, s + qm.start("text"), s + qm.end("text"))
            return
        text = " ".join(text.split())
        if "tr" in text and pats["page_marker"][0].search(text):  # "Strona 1 z 2" inside a task over a page break
            text = pats["page_marker"][0].sub(" ", text).strip()
        cut = _run_on(text)
        if cut and _task_shaped(cut):  # "… solnego Wieliczki Pełna lista zostanie opracowana …": the next sentence ran in
            e = s + len(cut)
            text = cut
        # (a note is in parentheses and a count has a number: without them neither is searched for)
        bare = TRAILING_NOTE.sub("", text) if "(" in text else text
        bare = pats["trailing_count"][0].sub("", bare) if DIGIT.search(bare) else bare
        if bare != text and len(bare.split()) >= 2:
            e -= len(text) - len(bare)
            text = bare
        text = text.lstrip("–—- ")
        filler = pats["lead_filler"][0].match(text)
        if filler and len(text) - filler.end() > 6:  # "w przyszłym roku organizacja …": the task after it
            text = text[filler.end():]
            s += filler.end()
        left = LEFT_NUMBER.match(text)
        if left:  # "1.1. Prowadzenie …" or "(2) organizacja …": the rest of a nested number
            text = text[left.end():]
            s += left.end()
        if text[:1] in "„\"“" and text[-1:] in "”\"“" and not QUOTE_CHARS.search(text[1:-1]):
            text = text[1:-1]  # „gimnastyka dla seniorów”: the task, not its quotes
        key = text.casefold().strip(" .")
        if key in seen:
            if seen[key]["area"] is None and area_ and len(area_.split()) <= 8:  # read again with its area
                seen[key]["area"] = area_
            return
        if len(text.split()) < 2 or len(text.split()) > MAX_WORDS or not WORDY.search(text):
            return  # "§ 5.", "Art. 3": a paragraph mark of a legal text, not a task
        if _mentions_tasks(text) or _two_sentences(text) or _report_sentence(text):
            return  # a sentence about priority tasks, a paragraph or a report's sentence: not one of them
        if NOT_TASK_START.match(text) or _names_organisation(text) or pats["vote_count"][0].match(text):
            return  # "14 ofert od 9 organizacji", "Stowarzyszenie Orzeł": counts and names, not tasks
        seen[key] = {"text": text, "area": area_, "start": s, "end": e}
        tasks.append(seen[key])

    def quoted_list(lst, off, area_) -> bool:
        """A one-sentence list made of quoted names ("bez zmian, m.in. „A” oraz „B, C i D”"): the
        names are the tasks (the list is not split at the commas inside them)."""
        quoted = list(QUOTED.finditer(lst))
        if not quoted:
            return False
        first = quoted[0].start()
        if first and not QUOTE_INTRO.search(lst, 0, first) or not pats["quote_glue"][0].match(QUOTED.sub(" ", lst[first:])):
            return False
        for qm in quoted:
            add(qm.group("text"), area_, off + qm.start("text"), off + qm.end("text"))
        return True

    def add_list(k, area_, strict=False, only=None):
        """`strict` (a list under an area heading): items reporting what was said about the text
        ("zaproponowano, aby … „…”") are not tasks."""
        first = []
        head = _marker_sign(lines[k][2])

        def other_kind(t):  # an area list ends where items of another marker kind start
            kind = _marker_kind(t)  # (`t` is stripped: the kind of `t.strip()` too)
            if not first:
                first.append(kind)
                first.append(_marker_sign(t, kind))
            # a chapter heading ("III. Formy współpracy") ends any list of other items; so does
            # the next item of the list the heading itself is an item of ("• Zadania …:" … "• Uwagi …")
            return (strict or kind == "roman") and kind != first[0] \
                or head is not None and _marker_sign(t, kind) == head != first[1]

        for item, s, e in list_after(lines, k, chrome, stop=other_kind, pick=_task_cell, line_items=_verbal):
            item, e = _cut_report_tail(item, s, e)
            if strict and any(q in item for q in "„\"“"):
                # "– w projekcie: „prowadzenie noclegowni …”", "… postulował zadanie „…” – uwzględniono":
                # the tasks are the quoted phrases, not the report about them
                quotes = list(_item_quotes(item))
                for qm in quotes:
                    add(qm.group("text"), area_, s + qm.start("text"), s + qm.end("text"))
                if not quotes and _names_with_quote(item):
                    add(item, area_, s, e)  # "kampania „Zdrowe serce”": a task with a quoted name
                continue
            if strict and REPORTED.match(item):
                continue
            if _person_speaks(item):  # "Pani Anna Nowak (Fundacja …) zaproponowała „…”": only the quoted task
                for qm in _item_quotes(item):
                    add(qm.group("text"), area_, s + qm.start("text"), s + qm.end("text"))
                continue
            counted = pats["trailing_count"][0].search(item) if DIGIT.search(item) else None
            if counted and counted.start() > 0:  # "rozwój wolontariatu – 52 głosy": the count is no task
                item = item[:counted.start()]
                e = s + len(item)
            tail = LABEL_TAIL.match(item)
            if tail:  # "… dla młodzieży. Lista obecności:": the next section's label ran into the item
                item = tail.group("item")
                e = s + len(item)
            if item.endswith(":"):  # a nested area heading: "1) w zakresie pomocy społecznej:"
                sub = _heading_area(item) or _area_of(item) or normalise_area(item)
                area_ = sub or area_
                continue
            od = AREA_DASH.match(item)
            if od and _names_proposer(od.group("a")) and _task_shaped(od.group("t")):
                # "Fundacja Zielony Dom – edukacja ekologiczna …": who proposed it, then the task
                for part, ps, pe in _split_inline(od.group("t"), s + od.start("t")):
                    add(part, area_, ps, pe)
                continue
            pm = AREA_PREFIX.match(item)
            if not (pm and len(pm.group("a").split()) <= 6):
                pm = od  # (AREA_DASH's) "w zakresie kultury – organizacja koncertów", "Sport – …"
                if pm and (not (re.match(r"w\s", pm.group("a"), re.I) or len(pm.group("a").split()) <= 3
                                or len(pm.group("a").split()) <= 6 and AREA_NAMES.match(pm.group("a")))
                           or _detail_dash(pm)):
                    pm = None
            named = pm and re.match(r"w\s+(?:zakresie|obszarze|sferze|dziedzinie)\s", pm.group("a"), re.I)
            if pm and len(pm.group("a").split()) <= (12 if named else 6) and _area_stems().search(pm.group("a").lower()):
                # "w zakresie pomocy społecznej: prowadzenie punktu …": area and task on one line
                a = _heading_area(pm.group("a").strip() + ":") or _area_of(pm.group("a")) \
                    or normalise_area(pm.group("a"))
                off = s + pm.start("t")
                for part, ps, pe in _split_inline(pm.group("t"), off):
                    add(part, a, ps, pe)
                continue
            if strict:
                item, merged = _split_merged_heading(item)
                add(item, area_, s, s + len(item) if merged else e)
                area_ = normalise_area(merged) if merged else area_
                continue
            if not strict and (QUOTE_CHARS.search(item) or ": " in item) and _report_item(item, s, add, area_):
                continue  # "wykreślono zadanie „…”", "dodano nowe zadanie priorytetowe: …": the tasks it names
            if LABEL_NAME.match(item):
                continue  # "Sporządziła: Ewa Zając, …", "Prowadzący: Jan …": a signature, not a task
            pm = _proposal().search(item) if item.endswith(".") and len(item.split()) > 6 else None
            if pm and _task_shaped(pm.group("t")):  # "Klub … zaproponował jako zadanie priorytetowe …."
                add(pm.group("t"), area_, s + pm.start("t"), s + pm.end("t"))
                continue
            if only is None or only(item):
                add(item, area_, s, e)

    def under_heading(k, h_area, only=None) -> bool:
        """The tasks under the heading on line k: a table, area headings each over a list, or
        one list. False when area headings follow (the main loop reads them one by one)."""
        nxt = next((j for j in range(k + 1, min(k + 3, len(lines))) if lines[j][2].strip()), None)
        if nxt is not None and " | " in lines[nxt][2] and _table_columns(lines[nxt][2]):
            return False  # a table follows: read by its columns
        if nxt is not None and TABLE_ROW.search(lines[nxt][2]) and _header_row(lines[nxt][2]):
            return True  # "… zgłoszono następujące uwagi:" over a table of remarks, not of tasks
        if nxt is not None and (_area_of(lines[nxt][2]) or _area_line(lines, nxt)):
            return False  # area headings follow, each over its own list
        if nxt is not None and _sub_heading(lines, nxt):
            for item, a, s, e in _area_lists(lines, nxt, chrome):
                add(item, a, s, e)
            return True
        add_list(k, h_area, only=only)
        return True

    first_order_at = []  # where a heading names the tasks commissioned "w pierwszej kolejności"
    starts = [ls for ls, _le, _t in lines] if starts is None else starts
    mention_lines = [i for i in _lines_naming_priority(lines, starts, aligned)
                     if TASK_MENTION.search(lines[i][2]) and i not in chrome]
    k = -1
    while k + 1 < len(lines):
        k += 1
        ls, le, raw = lines[k]
        if k in chrome:
            continue
        line = raw.strip()  # (read again below: stripped once)
        if not line:
            continue
        low = raw.lower() if aligned is None else aligned[ls:ls + len(raw)]
        in_context = k <= context_until  # under a mention of priority tasks
        area_kind, scope = "obszar" in low or "sfer" in low or "dziedzin" in low, "zakres" in low
        # "W zakresie pomocy społecznej:" over a list shortly above "… wpisane jako zadania priorytetowe"
        # (read only where it matters: out of a context, on a line naming an area's kind)
        above_mention = not in_context and (area_kind or scope) \
            and AREA_SENTENCE.match(raw) is not None and _mention_below(mention_lines, k)
        if " | " in raw:
            cols = _table_columns(raw)
            if cols and (in_context or "priorytet" in low):
                found, last = _table_tasks(lines, k, chrome, cols, area if since_area <= 3 else None)
                for item, a, s, e in found:
                    add(item, a, s, e)
                if found:
                    context_until = max(context_until, last + 15)
                k = last
                continue
        if area_kind or ((in_context or above_mention) and scope):
            a = _area_of(raw)
            am = None
            if (in_context or above_mention) and "priorytet" not in low:
                am = next((m for rx in pats.get("area_heading", []) for m in [rx.match(raw)] if m), None)
            if am and len(am.group("area").split()) <= 8:
                a = normalise_area(_trim_area(am.group("area")))
                if am.group("list"):
                    for item, s, e in _split_inline(am.group("list"), ls + am.start("list")):
                        add(item, a, s, e)
                else:
                    add_list(k, a, strict=True)
                context_until = max(context_until, k + 15)
            elif a and in_context and "priorytet" not in low and len(raw.split()) <= 14 and _list_follows(lines, k):
                add_list(k, a, strict=True)  # a heading without a colon ("Obszar pomocy społecznej") over a list
                context_until = max(context_until, k + 15)
            if a:
                area, since_area = a, 0
                areas.append((k, ls, a))
                continue
        since_area += 1
        if in_context and "priorytet" not in low and len(raw.split()) <= 12 \
                and any(rx.match(line) for rx in pats.get("context_heading", [])) \
                and (line.endswith(":") or _list_follows(lines, k)):
            # "Zadania zgłoszone w dyskusji:", "Kierunki działań" under a mention of priority tasks
            under_heading(k, area if since_area <= 2 else None)
            continue
        if in_context and "priorytet" not in low and _vote_lead(raw) and _list_follows(lines, k):
            # "Najwięcej głosów zdobyły:" over the proposals voted for
            add_list(k, area if since_area <= 2 else None, only=_task_shaped)
            continue
        if in_context and "priorytet" not in low and ":" in raw and _labelled_run(raw, ls, add):
            continue
        if in_context and "priorytet" not in low:
            a = _area_line(lines, k)
            if a:
                area, since_area = a, 0
                areas.append((k, ls, a))
                add_list(k, a, strict=True)
                context_until = max(context_until, k + 15)
                continue
        if "pierwszej kolejności" in low and len(raw.split()) <= 30 and not MARKER.match(raw) \
                and pats["first_order_heading"][0].match(line) \
                and (line.endswith(":") or _list_follows(lines, k)):
            # "Zadania publiczne, które w pierwszej kolejności będą zlecane:" over a list
            context_until = k + CONTEXT_LINES
            first_order_at.append(ls)  # a mention of the tasks, as "zadania priorytetowe" is
            under_heading(k, None)
            continue
        if "priorytet" not in low:
            continue  # task headings all name priority
        names_tasks = TASK_MENTION.search(raw) is not None  # (asked below again)
        if names_tasks or re.search(r"zadani|zadań", low):
            context_until = k + CONTEXT_LINES
        if line.endswith("?") and names_tasks:
            # "P: Jakie zadania priorytetowe zgłoszono?" / "O: Zapisano m.in.:" over a list: the answer
            j = next((i for i in range(k + 1, min(k + 3, len(lines))) if lines[i][2].strip()), None)
            if j is not None and _list_follows(lines, k):
                add_list(k, None, only=_task_shaped)
            elif j is not None and j not in chrome and lines[j][2].rstrip().endswith(":") and _list_follows(lines, j):
                add_list(j, None, only=_task_shaped)
                k = j
            continue
        if any(rx.search(raw) for rx in pats.get("inline", [])):
            continue
        if line.endswith(":") and names_tasks and not _list_follows(lines, k):
            blocks = _heading_blocks(lines, k, chrome)  # "Oto zadania priorytetowe …:" over titled blocks
            for item, s, e in blocks:
                add(item, None, s, e)
            if blocks:
                continue
        stripped = line.strip("*_# ")  # "**ZADANIA PRIORYTETOWE**", "### Zadania …": emphasis marks
        if stripped.endswith(":"):  # "… W projekcie przyjęto następujące zadania priorytetowe:"
            stripped = re.split(r"(?<=[.!?])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])", stripped)[-1]
            if len(stripped.split()) > 14:  # "Członkowie Rady, w tym …, zaproponowali następujące zadania priorytetowe:"
                stripped = re.split(r",\s+", stripped)[-1]
        if MARKER.match(raw) and not raw.lstrip().startswith("**") and not stripped.endswith(":") \
                and not _numbered_heading(lines, k):
            continue  # an item of another list ("3. Dyskusja nad zadaniami priorytetowymi")
        if len(stripped.split()) <= 14 and not _wrapped_sentence(lines, k) \
                and any(rx.search(stripped) for rx in pats.get("heading", [])) \
                and (stripped.endswith(":") or _list_follows(lines, k) or len(stripped.split()) <= 6
                     and not stripped.endswith(".") and _item_follows(lines, k)
                     and not pats["topic_title"][0].search(stripped)) \
                and re.search(r"zada(?:ni|ń)", stripped, re.I) and re.search(r"priorytet", stripped, re.I):
            # a task heading right under an area heading belongs to it; a later one does not
            under_heading(k, _heading_area(stripped) or (area if since_area == 1 else None))
        elif line.endswith(":") and names_tasks and _list_follows(lines, k) \
                and not TABLE_ROW.search(next((t for _s, _e, t in lines[k + 1:k + 4] if t.strip()), "")):
            # "… zadania, które powinny znaleźć się w programie jako priorytetowe. Zebraliśmy je tutaj:"
            under_heading(k, None)
        elif len(stripped.split()) <= 10 and any(rx.match(stripped) for rx in pats.get("alt_heading", [])) \
                and (stripped.endswith(":") or _list_follows(lines, k)):
            # "Priorytetowe obszary współpracy", "Priorytety programu na 2024 r.:" over a list
            context_until = k + CONTEXT_LINES
            under_heading(k, None, only=_verbal)  # bare area names listed there are not tasks

    def area_at(pos, near=None):
        k = max(bisect_right(starts, pos) - 1, 0)
        before = [(i, a) for i, _off, a in areas if i <= k]
        if not before or (near is not None and k - before[-1][0] > near):
            return None
        return before[-1][1]

    # lists in a sentence ("zadaniami priorytetowymi powinny być: …"), also wrapped over lines
    mentions = _priority_at(text, aligned)
    for rx, shaped in zip(pats.get("inline_list", []), pats.get("inline_list_shaped", [])):
        for m in _near(rx, text, mentions, HEAD_REACH):
            k = max(bisect_right(starts, m.start()) - 1, 0)
            if k in chrome or NEGATED.search(text, m.start(), m.start("list")):
                continue  # "Zadania priorytetowe nie były przedmiotem warsztatów – …": no list of them
            gap = pats["gap_area"][0].search(text, m.start(), m.start("list"))
            here = normalise_area(gap.group("area")) if gap else area_at(m.start(), near=2)
            if quoted_list(m.group("list"), m.start("list"), here):
                continue
            items = list(_area_items(_split_inline(m.group("list"), m.start("list"))))
            if shaped and not (items and _task_shaped(items[0][0])
                               and 2 * sum(_task_shaped(item) for item, _a, _s, _e in items) >= len(items)):
                continue  # "zadania priorytetowe to ważny element programu": not a list of tasks
            for item, a, s, e in items:
                add(item, a or here, s, e)
    # "Zadania, które w pierwszej kolejności będą zlecane, to: …": the statute's other name for priority tasks
    for m in (pats["first_order_inline"][0].finditer(text) if "pierwszej kolejności" in lower else ()):
        if max(bisect_right(starts, m.start()) - 1, 0) not in chrome:
            for item, a, s, e in _area_items(_split_inline(m.group("list"), m.start("list"))):
                add(item, a or area_at(m.start(), near=2), s, e)
    # "W ramach obszaru pomoc społeczna priorytetem będzie …": area and tasks in one sentence
    for rx in pats.get("area_inline", []):
        for m in _near(rx, text, mentions, AREA_REACH):
            k = max(bisect_right(starts, m.start()) - 1, 0)
            if k in chrome:
                continue
            a = normalise_area(_trim_area(m.group("area")))
            lst, off = m.group("list"), m.start("list")
            # "…, a w obszarze ochrony zdrowia – profilaktyka …": the next area with its own task
            for n, part in enumerate(NEXT_AREA.split(lst)):
                po = off + lst.find(part)
                if n:
                    nm = AREA_DASH.match(part)
                    if not nm:
                        continue
                    a = _heading_area(nm.group("a") + ":") or normalise_area(nm.group("a"))
                    part, po = nm.group("t"), po + nm.start("t")
                for item, s, e in _split_inline(part, po):
                    add(item, a, s, e)
    # lists after a proposal verb a little after a mention of priority tasks: "Zaproponowano: …"
    # (what makes a nearby proposal one of priority tasks: "zadania priorytetowe", "priorytetowe obszary" …)
    context_mention = pats["context_mention"][0]
    mentions_of_tasks = sorted({m.start() for p in mentions
                                for m in [context_mention.search(text, max(p - 30, 0), p + 40)] if m} | set(first_order_at))
    low = lower if len(lower) == len(text) else text  # offsets must map back
    for rx, keys, back, shaped in zip(pats.get("context_inline_list", []), pats.get("context_inline_list_keys", []),
                                      pats.get("context_inline_list_reach_back", []),
                                      pats.get("context_inline_list_shaped", [])):
        for m in _after_mention(rx, keys, text, low, mentions_of_tasks, back):
            k = max(bisect_right(starts, m.start()) - 1, 0)
            if k in chrome or _rejected(text, low, m):
                continue
            lst = m.group("list")
            gap = pats["gap_area"][0].search(text, m.start(), m.start("list"))
            a = normalise_area(_trim_area(m.group("area"))) if "area" in rx.groupindex \
                else normalise_area(gap.group("area")) if gap else area_at(m.start(), near=3)
            if quoted_list(lst, m.start("list"), a):
                continue
            items = list(_area_items(_split_inline(lst, m.start("list"))))
            if shaped and not (items and _task_shaped(items[0][0])):
                continue  # "propozycje: …" of anything but tasks (dates, names, remarks)
            for item, item_area, s, e in items:
                if not shaped or _task_shaped(item):
                    add(item, item_area or a, s, e)
    # a quoted task proposed or added a little after a mention of priority
    # ("Rada zaproponowała dopisanie zadania „…”")
    for rx, before, keys in zip(pats.get("context_inline", []), pats.get("context_inline_before", []),
                                pats.get("context_inline_keys", [])):
        for m in _after_mention(rx, keys, text, low, mentions_of_tasks):
            if before.search(text, max(0, m.start() - 40), m.start()) and not _rejected(text, low, m) \
                    and max(bisect_right(starts, m.start()) - 1, 0) not in chrome:
                a = normalise_area(_trim_area(m.group("area"))) if "area" in rx.groupindex else area_at(m.start(), near=3)
                add(re.sub(r"\s+", " ", m.group("text").strip()), a, m.start("text"), m.end("text"))
    # every quoted name in a sentence, after its mention of priority ("nowe zadanie
    # priorytetowe pn. „…” oraz zadanie „…”", "do zadań priorytetowych dopisano „…”")
    for m in _quotes_after(text, mentions):
        k = max(bisect_right(starts, m.start()) - 1, 0)
        if k not in chrome and not any(t["start"] <= m.start() < t["end"] for t in tasks):  # a name inside a task
            add(re.sub(r"\s+", " ", m.group("text").strip()), area_at(m.start()), m.start("text"), m.end("text"))
    # proposals in quotes, also when the sentence is wrapped over lines
    for rx in pats.get("inline", []):
        for m in _near(rx, text, mentions):
            k = max(bisect_right(starts, m.start()) - 1, 0)
            if k in chrome:
                continue
            add(re.sub(r"\s+", " ", m.group("text").strip()), area_at(m.start()),
                m.start("text"), m.end("text"))
    for t in list(tasks) if ", a " in text else ():
        _ellipsis_next(text, t, pats["ellipsis_next"][0], add)
    tasks.sort(key=lambda t: t["start"])
    return tasks


@lru_cache(maxsize=None)
def _rejection_cues() -> tuple:
    return tuple(sorted(data.word_list("task_rejection_cues.txt")))


def _rejected(text: str, low: str, m) -> bool:
    """The sentence of a proposal says it was turned down ("Nie uwzględniono wniosku o wpisanie
    zadania …"), and the proposal does not call the task a priority task."""
    if "priorytet" in low[m.start():m.end()]:
        return False
    b = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()), 0)
    ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
    sentence = low[b:min(ends) if ends else len(text)]
    return any(c in sentence for c in _rejection_cues())


NEGATED = re.compile(r"\b(?:nie|nigdy|żadn\w*)\s", re.I)
WORDY = re.compile(r"[^\W\d_]{3,}.*\s.*[^\W\d_]{3,}|[^\W\d_]{4,}", re.S)  # a task has a word of its own
ELABORATION_IN = re.compile(r"(?:^|,\s+)(?:w\s+tym|m\.\s?in\.|zwłaszcza|szczególnie|np\.)\s", re.I)
REPORT_TAIL_SENTENCE = re.compile(r"(?<=[^\W\d_]{3}[.!?])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_])")


def _detail_dash(pm) -> bool:
    """"Wsparcie grup teatralnych – sale prób i sprzęt": a task (a verbal noun) with its detail
    after the dash, not an area before a task."""
    return _verbal(pm.group("a")) and not re.match(r"w\s", pm.group("a"), re.I) and not _task_shaped(pm.group("t"))


def _cut_report_tail(item: str, s: int, e: int):
    """The last item of a list without the report's next sentence that a PDF text layer or a
    run-on paragraph joined to it ("… osób starszych. Wnioski zostaną uwzględnione …, godz. 17:00"):
    cut before the first later sentence that is the report speaking (its verb among its first words)."""
    if len(item.split()) < 8 or not ("." in item or "!" in item or "?" in item):
        return item, e  # (a sentence ends with one of those)
    for m in REPORT_TAIL_SENTENCE.finditer(item):
        rest = item[m.end():]
        if _report_sentence(rest if rest.endswith(".") else rest + "."):
            cut = item[:m.start()]
            return cut, s + len(cut)
    return item, e


def _split_inline_whole(text: str, offset: int):
    """Items of a one-sentence list (sections.split_inline) with a part split inside
    parentheses joined again ("upowszechnianie sportu (szkolenie, zawody)")."""
    parts = list(_split_inline_plain(text, offset))
    out = []
    for part in parts:
        if out and (out[-1][0].count("(") > out[-1][0].count(")")
                    or ELABORATION_IN.search(out[-1][0]) and re.fullmatch(r"\s+(?:i|oraz)\s+", text[out[-1][2] - offset:part[1] - offset])):
            # "…, w tym rehabilitacja i grupy wsparcia": the "i" joins the detail's own words
            p0, s0, _e0 = out.pop()
            joined = " ".join(text[s0 - offset:part[2] - offset].split())
            out.append((joined, s0, part[2]))
        else:
            out.append(part)
    yield from out


_split_inline_plain, _split_inline = _split_inline, _split_inline_whole


AREA_ITEM_DASH = re.compile(r"^(?:a\s+|oraz\s+|zaś\s+)?(?P<a>w\s+[^\W\d][^–—:;„\"]{2,60}?)\s+[–—-]\s+(?P<t>\S.{5,})$", re.I)


def _area_items(items):
    """(task, area or None, start, end) of the items of a one-sentence list; an item naming its
    area before a dash ("w sporcie – organizacja ligi") gives the area and the task after it."""
    for item, s, e in items:
        m = AREA_ITEM_DASH.match(item)
        if m and len(m.group("a").split()) <= 6 and _area_stems().search(m.group("a").lower()):
            a = _heading_area(m.group("a") + ":") or normalise_area(re.sub(r"^w\s+", "", m.group("a"), flags=re.I))
            yield m.group("t"), a, s + m.start("t"), e
        else:
            yield item, None, s, e


@Language.factory("partmon_priority_tasks")
def make_priority_tasks(nlp, name):
    return PriorityTasksComponent()


class PriorityTasksComponent:
    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # one accessor object: each `doc._` builds a new one
        text = ext.text
        # every task form is under or in a mention of priority (or of the tasks commissioned "w
        # pierwszej kolejności"): no mention, nothing to search
        index = text_index.of(doc)
        low = index.lower
        if "priorytet" in low or "pierwszej kolejności" in low:
            lines = ext.lines
            ext.priority_tasks = find_tasks(lines, set(ext.chrome), text, low,
                                            index.line_starts if index.lines is lines else None)
        else:
            ext.priority_tasks = []
        return doc
