"""partmon_goals: goals of the programme or process, under headings (`Cel główny:`, `Cele
szczegółowe:`, `CEL:`, `Cele projektu …`, `Główne założenia programu:`), by number or code
(`Cel strategiczny II:`, `CS1`, `CO 1.2`), in tables with goal columns, or stated in sentences
(`Za cel główny przyjęto …`, `Celem programu będzie …`, `Program ma na celu …`, `Chodzi nam o to,
aby …`), one item per goal, with its level."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import data, morph, text_index
from .dates import EXTRA_FOLDS
from .sections import LOWER_START, MARKER, clean_item, continuation, list_after, split_heads, split_inline, strip_marker

if not Doc.has_extension("goals"):
    Doc.set_extension("goals", default=None)


ITEM_MARK = re.compile(r"^\(?(?:[a-z]|\d{1,2})[.)]\s+")  # "a) ", "2. ", "(b) "


@lru_cache(maxsize=None)
def goal_patterns():
    """Patterns read line by line (headings, "Cel główny: …")."""
    return [(spec["level"], re.compile(spec["pattern"], re.I), spec.get("split"))
            for spec in data.jsonl("goals.jsonl") if spec.get("scope") != "text"]


@lru_cache(maxsize=None)
def sentence_patterns():
    """Patterns read over the whole text: a goal stated in a sentence, which a hard-wrapped
    paragraph may break over lines ("… że głównym celem programu jest\nbudowanie …")."""
    return [(spec["level"], re.compile(spec["pattern"], re.I | re.M), spec.get("split"))
            for spec in data.jsonl("goals.jsonl") if spec.get("scope") == "text"]


CEL = re.compile(r"[Cc](?i:el)")  # "cel" in any case; the plain class first is found faster than under re.I
BLANK_LINE = re.compile(r"\n[ \t]*\n")
REACH_BEFORE, REACH_AFTER = 150, 1000  # how far a sentence stating a goal reaches around its "cel"
CLAUSE_START = re.compile(r"^|(?<=[.!?:])(?=\s)|,(?=\s*(?:a|aby|by|żeby|że|iż|celem"
                          r"|(?:głównym|nadrzędnym|podstawowym|naczelnym|najważniejszym)\s+celem)\s)", re.M | re.I)
# where a sentence may state a goal: "cel…", and the goal cues that do without the word
# ("ma służyć …", "ma umożliwić …", "chodzi o to, by …", "założeniem jest …")
# (its first letters as a class listing both cases, the rest case-insensitive: the regex engine then
# skips to those letters quickly, where with re.I on the whole it tries every branch at every position)
GOAL_CUE = re.compile(r"[cCzZnNpPmMdD](?i:(?<=[cC])(?:el|hodzi(?:ło)?\s)|(?<=[zZ])(?:ałożeni|amierzeni|ależ(?:y|ało)\s)"
                      r"|(?<=[dD])ąż(?:ymy|y|ą|ył[aoy]?|yli(?:śmy)?)\s+(?:\w+\s+){0,3}?do\s|(?<=[nN])ajważniejsz"
                      r"|(?<=[pP])o\s+to\s*,|(?<=[mM])(?<!\w.)a(?:ją)?\s+(?:(?:przede\s+wszystkim|głównie|w\s+szczególności"
                      r"|w\s+pierwszej\s+kolejności)\s+)?(?:się\s+)?(?:[^\W\d]+ć|(?:wes|po)móc)\b)")


# GOAL_CUE's branches one by one, in lower case, for the lower-cased text: each starts with its
# own word, which the regex engine finds far faster than GOAL_CUE's first letters (c, z, n, p, m, d
# are a quarter of Polish text); (pattern, whether it is the "cel" branch)
LOW_CUES = [(re.compile(p), p == "cel") for p in (
    r"cel", r"chodzi(?:ło)?\s", r"założeni", r"zamierzeni", r"zależ(?:y|ało)\s",
    r"dąż(?:ymy|y|ą|ył[aoy]?|yli(?:śmy)?)\s+(?:\w+\s+){0,3}?do\s", r"najważniejsz", r"po\s+to\s*,",
    r"ma(?<!\w..)(?:ją)?\s+(?:(?:przede\s+wszystkim|głównie|w\s+szczególności|w\s+pierwszej\s+kolejności)\s+)?"
    r"(?:się\s+)?(?:[^\W\d]+ć|(?:wes|po)móc)\b")]


def _cue_spots(text: str, low: str | None) -> list:
    """(position, is "cel") of each GOAL_CUE match in the text, found with LOW_CUES in `low` (the
    text lower-cased, offset for offset). When no two branch matches overlap, they are exactly
    GOAL_CUE's matches (its branches start with different letters, so at any position at most one
    applies); else, or when `low` is None or the text holds a letter re.I folds otherwise
    (EXTRA_FOLDS), GOAL_CUE itself is run."""
    if low is not None and not any(c in text for c in EXTRA_FOLDS):
        spots = sorted((m.start(), m.end(), cel) for rx, cel in LOW_CUES for m in rx.finditer(low))
        if all(a[1] <= b[0] for a, b in zip(spots, spots[1:])):
            return [(s, cel) for s, _e, cel in spots]
    return [(m.start(), m.group()[:3].lower() == "cel") for m in GOAL_CUE.finditer(text)]


def _sentences(text: str, chrome_of, low: str | None = None):
    """(match, level, split, start, end) of goal sentences. Each is tried only where a sentence
    or clause can start (a line start, after ".", "!", "?" or ",") shortly before a "cel" in the
    text — a handful of anchored tries instead of a search through the text; for overlapping
    matches the earlier pattern wins."""
    found = []
    every, cueless = sentence_patterns(), _cueless_patterns()
    for p, cel in _cue_spots(text, low):
        pats = every if cel else cueless  # at "chodzi", "ma …ć": only their patterns
        if not pats:
            continue
        if any(s <= p < e for _m, _l, _sp, s, e in found):
            continue
        lo, end = max(p - REACH_BEFORE, 0), min(len(text), p + REACH_AFTER)
        # the clause starts where one of the patterns matches (one try of them all at each)
        any_rx = _any_of(cel)
        # (the search reaches a few characters past the cue: ", celem" is a clause start only seen from its comma)
        starts = [c for c in (m.start() for m in CLAUSE_START.finditer(text, lo, p + 7))
                  if c <= p and _may_name(text, c, p) and any_rx.match(text, c, end)]
        if not starts:
            continue
        hit = None
        for level, rx, split in pats:
            for c in starts:
                m = rx.match(text, c, end)
                if m:
                    st = m.start() + len(m.group()) - len(m.group().lstrip(".!?,; \t\n"))
                    # this "cel" is the one the sentence names (not one of an earlier sentence)
                    if st <= p < m.start("text") and not BLANK_LINE.search(text, st, m.start("text")) \
                            and not any(st < e and m.end() > s for _m, _l, _sp, s, e in found):
                        # ("Cel główny to A, a cele szczegółowe to: B": B is read from the clause after A)
                        hit = (m, level, split, st, m.end())  # not "Celem programu jest" over a new paragraph
                        break
            if hit:
                break
        if hit and not chrome_of(hit[3]) and not any(hit[3] < e and hit[4] > s for _m, _l, _sp, s, e in found):
            found.append(hit)
    return found


LEADING = re.compile(r"[.!?,; \t\n]*")  # what a sentence match's start is stripped of (see _sentences)


def _may_name(text: str, c: int, p: int) -> bool:
    """Whether a sentence matched from clause start `c` can be the one naming the cue at `p`: a
    hit needs its stripped start at or before `p` and no blank line from there to its goal text,
    which starts after `p` (so a blank line between the clause start and the cue rules it out).
    Saves trying every pattern at the starts of the paragraphs before a heading."""
    st = LEADING.match(text, c).end()  # where a match from c starts once stripped (it reaches past p)
    return st <= p and not BLANK_LINE.search(text, st, p)


@lru_cache(maxsize=None)
def _any_of(cel: bool) -> re.Pattern:
    """The sentence patterns (`cel`: all of them, else the cueless ones) as one alternation, which
    fails at a position exactly when each of them does: the patterns one by one are tried only
    where it matches (group names dropped: they repeat)."""
    pats = sentence_patterns() if cel else _cueless_patterns()
    return re.compile("|".join("(?:" + rx.pattern.replace("(?P<text>", "(?:") + ")" for _l, rx, _s in pats),
                      re.I | re.M)


@lru_cache(maxsize=None)
def _any_line_pattern() -> re.Pattern:
    """The line patterns as one alternation: no match of it in a line, no match of any of them."""
    return re.compile("|".join("(?:" + rx.pattern.replace("(?P<text>", "(?:") + ")" for _l, rx, _s in goal_patterns()),
                      re.I)


@lru_cache(maxsize=None)
def _line_needs() -> tuple:
    """For each line pattern, words (lower case) one of which every match of it holds, or None
    (data.required_strings): a line is searched with a pattern only when it holds one of its words,
    a few `in` tests on a short line instead of a case-insensitive search."""
    needs = (data.required_strings(rx.pattern) for _l, rx, _s in goal_patterns())
    return tuple(tuple(w.lower() for w in n) if n else None for n in needs)


@lru_cache(maxsize=None)
def _cueless_patterns():
    """The sentence patterns that do without the word "cel" ("ma służyć …", "chodzi o to, by …")."""
    return [spec for spec in sentence_patterns() if "cel" not in spec[1].pattern.split("(?P<text>")[0]]


@lru_cache(maxsize=None)
def quote_patterns():
    """Patterns for a goal given in quotes after the words naming it, in mid-sentence
    ("Projekt przewidywał cel główny: „…”", "dodanie celu szczegółowego „…”")."""
    return [(spec["level"], re.compile(spec["pattern"], re.I))
            for spec in data.jsonl("goals.jsonl") if spec.get("scope") == "quote"]


def _quoted(text: str, add, taken):
    """Goals in quotes after "cel główny" / "cel szczegółowy": tried only at each "cel" that
    starts a word; a quote inside a goal already read is not read again."""
    for spot in CEL.finditer(text):
        p = spot.start()
        if p and (text[p - 1].isalnum()):
            continue
        for level, rx in quote_patterns():
            m = rx.match(text, p, min(len(text), p + 500))
            if m:
                s, e = m.start("text"), m.end("text")
                if not any(s < te and e > ts for ts, te in taken()):
                    add(" ".join(m.group("text").split()), level, s, e)
                break


TABLE_GOAL = re.compile(r"^\s*cel(?:e)?\s+(?P<level>szczegółow|operacyjn|główn|strategiczn|ogóln|nadrzędn|cząstkow)\w*\s*$", re.I)
GOAL_LABEL = re.compile(r"^\s*cel(?:e|u)?\s+(?:główn|szczegółow|operacyjn|strategiczn|ogóln|nadrzędn|cząstkow)\w*(?:\s+nr)?[\s\d.]*$", re.I)
TABLE_BARE_GOAL = re.compile(r"^\s*cel(?:e)?\s*$", re.I)
# the other columns of a table of goals ("Cel | Wskaźnik", "Cel | Działania | Termin realizacji")
TABLE_GOAL_PEERS = re.compile(r"^\s*(?:wskaźnik|miernik|kierun|działani|rezultat|efekt|sposób\s+realizacji|zadania\s+do\s+realizacji)", re.I)


def _table_goals(lines, k: int, chrome: set, add) -> bool:
    """A table whose header names goal columns ("Nr | Cel szczegółowy | Uwagi", "Cel strategiczny | Cele
    operacyjne | Kierunki działań", "Cel | Wskaźnik"): those columns of the rows below, one goal a cell.
    False when line k is no such header."""
    cells = [c.strip() for c in re.split(r"\s*(?<!\S)\|(?!\S)\s*", lines[k][2].strip())]
    if len(cells) < 2 or cells[0].rstrip(".").isdigit():
        return False  # "1 | Cel główny | bez uwag": a row of a table of remarks, not a header
    cols = {i: ("specific" if m.group("level").lower() in ("szczegółow", "operacyjn", "cząstkow") else "main")
            for i, c in enumerate(cells) for m in [TABLE_GOAL.match(c)] if m}
    if not cols and any(TABLE_GOAL_PEERS.match(c) for c in cells):
        cols = {i: "specific" for i, c in enumerate(cells) if TABLE_BARE_GOAL.match(c)}
    if not cols:
        return False
    if k + 1 >= len(lines) or " | " not in lines[k + 1][2]:
        return False  # "Cel główny | Budowanie …": a row naming its goal, no header
    j = k + 1
    while j < len(lines) and " | " in lines[j][2] and j not in chrome:
        s, _e, raw = lines[j]
        row = [c.strip() for c in re.split(r"\s*(?<!\S)\|(?!\S)\s*", raw.strip())]
        row = [""] * (len(cells) - len(row)) + row  # ("2. Rozwój … | zajęcia": the strategic goal's cell spans this row too)
        for col, level in cols.items():
            if col < len(row) and len(row[col].split()) >= 2 and not GOAL_LABEL.match(row[col]):
                pos = raw.find(row[col])
                add(clean_item(row[col]), level, s + max(pos, 0), s + max(pos, 0) + len(row[col]))
        j += 1
    return True


OTHER_HEADING = re.compile(r"^\s*(?:[IVX]{1,4}[.)]\s*|\d{1,2}[.)]\s*)?(zadania|priorytet|obszar|działania|rezultaty|harmonogram)",
                           re.I)


@lru_cache(maxsize=None)
def _heading_patterns() -> tuple:
    """Every line and sentence goal pattern, built once (list_after asks for each line below a heading)."""
    return tuple(rx for _, rx, _split in goal_patterns() + sentence_patterns())


@lru_cache(maxsize=4096)
def _is_goal_heading(text: str) -> bool:
    """A line that starts another goal section (or a section after the goals): the list above ends."""
    if OTHER_HEADING.match(text):
        return True
    return "cel" in text.lower() and any(rx.search(text) for rx in _heading_patterns())


QUOTED_ONLY = re.compile(r"^[^„\"“”]{0,30}?[:–-]?\s*[„\"“](?P<q>[^”\"“„]{10,})[”\"“]\s*\.?$")


CLAUSE_LEAD = re.compile(r"^(?:to\s*)?,?\s*(?:a|że)?by\s+(?=\w+\s+\w)", re.I)
# the goal's own number or code left before its text ("I: …", "nr 2 – …", "1 (CO1): …", "1 Rozwój …" of "1.1 Rozwój …")
GOAL_NUMBER = re.compile(r"^(?:(?:C|CG|CS|CSz|CSZ|CO|CSt|CST)[ .]?\d{1,2}(?:\.\d{1,2})*\.?(?:\s*[:.)–—-])?(?=\s+[A-ZĄĆĘŁŃÓŚŹŻ])|\d{1,2}(?:\.\d{1,2})*\.?(?=\s+[A-ZĄĆĘŁŃÓŚŹŻ])|(?:nr\.?\s*)?(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})(?:\s*\([^()\s]{2,8}\))?\s*(?:[.:)]|\s[–—-])"
                         r"|\([A-Za-zŁŚ]{1,4}\.?\s?\d{1,2}(?:\.\d{1,2})*\)\s*[.:–—-]?)\s*")
LABEL_ASIDE = re.compile(r"\s*\((?:wskaźnik|miernik|termin|realizator|odpowiedzialn|źródło|str\.|s\.)[^()]*\)\W*$", re.I)
LEAD_ADVERB = re.compile(r"^(?:(?:przede\s+wszystkim|głównie|w\s+szczególności|w\s+pierwszej\s+kolejności|zwłaszcza|również|także|też"
                         r"|dla\s+(?:nas|nich|niej|niego|mnie|gminy|miasta|powiatu))\s+)+(?=\w+\s+\w)", re.I)
ORDINAL_LEAD = re.compile(r"^(?:a\s+)?(?:pierwszym|drugim|trzecim|czwartym|piątym|szóstym|ostatnim|kolejnym)"
                         r"(?:\s+(?:jest|będzie|był|to|ma\s+być))?\s+(?=\w+\s+\w)", re.I)


def find_goals(lines, chrome: set, text: str = "", low: str | None = None) -> list[dict]:
    """`low`: the text lower-cased, offset for offset (text_index's `low`), read instead of
    lower-casing each line; None: each line is lower-cased."""
    goals, seen = [], set()
    starts = [ls for ls, _le, _t in lines]

    def add(text, level, s, e):
        q = QUOTED_ONLY.match(text)  # "(bez zmian): „Budowanie …”." → the goal in quotes
        if q:
            text = q.group("q")
        text = strip_marker(text)[0].rstrip(" ,;") if MARKER.match(text) or text[-1:] in ",;" else text  # "- rozwój …,"
        text = GOAL_NUMBER.sub("", text, count=1)
        text = LEAD_ADVERB.sub("", text)  # "celem programu jest przede wszystkim wspieranie …"
        text = ORDINAL_LEAD.sub("", text)  # "pierwszym jest rozwój …, a drugim wsparcie …"
        text = CLAUSE_LEAD.sub("", text)  # "Celem programu jest to, aby …": the clause is the goal
        verdict = data.regex_list("goal_verdicts.txt").match(text)
        if verdict:  # "bez zmian: budowanie …" → the goal after the colon; "bez zmian." → none
            colon = text.find(":", verdict.end())  # (after "Uwagi zgłosiły:" come who, not a goal)
            if colon < 0 or colon > verdict.end() + 20 or verdict.group()[:4].lower() == "uwag":
                return
            text = text[colon + 1:].strip()
        if text.count("(") > text.count(")"):  # "… organizacji (wskaźnik: …": the goal ends before the open aside
            text = text[:text.rfind("(")].rstrip(" ,;–-")
        text = LABEL_ASIDE.sub("", text)  # "… (wskaźnik: liczba organizacji)", "… (str. 12 projektu)"
        text = _unquoted_end(text)
        if _not_a_goal(text, bool(q)):
            return
        key = text.casefold()
        if len(text.split()) < 2 or key in seen:
            return
        seen.add(key)
        goals.append({"text": text, "level": level, "start": s, "end": e})

    said = _sentences(text, lambda pos: bisect_right(starts, pos) - 1 in chrome, low) if text else []
    for m, level, split, st, en in said:
        _read_sentence(text, m, level, split, add)
    if text and CODED_ANY.search(text) and CEL.search(text):
        _coded_goals(lines, chrome, add)  # before the lists under headings, which would read them without their level
    for k, (ls, le, raw) in enumerate(lines):
        if k in chrome:
            continue
        if low is None:
            line_low = raw.lower()
            if "cel" not in line_low and "założeni" not in line_low:  # every goal form names "cel" (or "założenia")
                continue
        elif low.find("cel", ls, ls + len(raw)) < 0 and low.find("założeni", ls, ls + len(raw)) < 0:
            continue
        # spans of the line already read as a goal: each sentence gives its own
        taken = [(max(st, ls) - ls, min(en, le) - ls) for _m, _l, _sp, st, en in said if st < le and en > ls]
        if " | " in raw and _table_goals(lines, k, chrome, add):
            continue
        line_low = raw.lower()
        gated = not any(c in raw for c in EXTRA_FOLDS)  # (re.I matches "ſ" with "s": then each pattern is tried)
        for (level, rx, split), needs in zip(goal_patterns(), _line_needs()):
            if gated and needs and not any(w in line_low for w in needs):
                continue  # (no match lacks them all: most lines naming "cel" hold the words of few patterns)
            for m in rx.finditer(raw):
                st = m.start() + len(m.group()) - len(m.group().lstrip(".!?,; \t"))
                if any(st < e and m.end() > s for s, e in taken):
                    continue
                end = _read_match(lines, k, m, level, split, chrome, add)
                taken.append((st, end or m.end()))  # a goal cut at its sentence leaves the rest of the line
    if text and ("„" in text or '"' in text or "“" in text):
        _quoted(text, add, lambda: [(g["start"], g["end"]) for g in goals])
    goals.sort(key=lambda g: g["start"])
    return goals


# a goal given by its code at a line start: "C.1 …", "CS1 …", "CO 1.2. …" (cel strategiczny / operacyjny / szczegółowy)
CODED = re.compile(r"^\s*(?:[•·▪◦*–-]\s*)?(?P<code>C|CG|CS|CSz|CSZ|CO|CSt|CST)[ .]?(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?"
                   r"(?:\s*[:.)–—-])?\s+(?P<text>[A-ZĄĆĘŁŃÓŚŹŻ][^|]{8,})$")
CODED_ANY = re.compile(r"(?m)^\s*(?:[•·▪◦*–-]\s*)?C[A-Za-z]{0,2}[ .]?\d")


def _coded_goals(lines, chrome: set, add):
    """Goal lines given by code ("CS1 Spójna wspólnota", "CO 1.1 Wsparcie …"): two or more of them, in a
    text that speaks of goals; a dotted number is an operational goal under the one before."""
    found = [(k, m) for k, (_s, _e, raw) in enumerate(lines) if k not in chrome for m in [CODED.match(raw)] if m]
    if len(found) < 2:
        return
    first = found[0][0]  # a bare "C.1" (not "CS1", "CO 1.1") only under a line naming goals ("C.1 Diagnoza" may be a chapter)
    if found[0][1].group("code") == "C" and not any("cel" in t.lower() for _s, _e, t in lines[max(first - 3, 0):first]):
        return
    for k, m in found:
        ls = lines[k][0]
        body = clean_item(m.group("text"))
        add(body, "specific" if "." in m.group("num") or not any("." in x.group("num") for _k, x in found) else "main",
            ls + m.start("text"), ls + m.start("text") + len(body))


def _read_sentence(text: str, m, level, split, add):
    """The goal(s) a sentence states: its text up to the full stop (never past a blank line)."""
    body = m.group("text")
    cut = BLANK_LINE.search(body)
    if cut:
        body = body[:cut.start()]
    body = body.rstrip()
    off = m.start("text")
    inline = clean_item(" ".join(body.split()))
    if len(inline.split()) < 2:
        return
    if split == "clauses":  # "zależy nam na tym, żeby A, żeby B oraz żeby C": one goal a clause
        pos = 0
        for cut in [*CLAUSE_SPLIT.finditer(body), None]:
            part = body[pos:cut.start() if cut else len(body)]
            more = ELABORATION.search(part)
            part = part[:more.start()] if more else part
            add(clean_item(" ".join(part.split())), level, off + pos, off + pos + len(part))
            pos = cut.end() if cut else pos
        return
    if split == "list" or (level != "specific" or ";" not in inline) and len(ENUMERATED.findall(inline)) >= 2:
        for p, s, e in split_inline(body, off):
            add(ITEM_MARK.sub("", " ".join(p.split())), level, s, e)
    elif level == "specific" and "," in inline and ";" not in inline \
            and PLURAL_CEL.search(text, m.start(), m.start("text")):  # one "cel szczegółowy" is one goal
        parts = split_heads(body, off, loose=True) or []  # "… cele szczegółowe: rozwój …, wzmacnianie …"
        for p, s, e in parts if len(parts) > 1 else _genitive_items(body, off):
            add(ITEM_MARK.sub("", clean_item(" ".join(p.split()))), level, s, e)
    elif level == "specific" and ";" in inline:
        for p in re.split(r"\s*;\s*", inline):
            p = ITEM_MARK.sub("", p)
            pos = text.find(p, off)
            add(p, level, pos if pos >= 0 else off, (pos if pos >= 0 else off) + len(p))
    else:
        add(inline, level, off, off + len(body))


def _has_genitive_head(word: str) -> bool:
    return any(a[1] in ("subst", "ger") and "gen" in a[3] or a[1] == "ger" for a in morph.analyse(word.lower()))


def _genitive_items(body: str, off: int):
    """Goals listed in the genitive after a verb ("cele mają dotyczyć: wsparcia seniorów, aktywizacji
    bezrobotnych oraz profilaktyki uzależnień"): every comma part opens with a genitive noun, and the
    last one splits at "oraz"/"i" before another; otherwise the whole text as one goal."""
    text = body.rstrip(" .;\n")
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2 or not all(len(p.split()) >= 2 and _has_genitive_head(p.split()[0]) for p in parts):
        return [(body, off, off + len(body))]
    last = parts[-1].split()
    # at "oraz" first, then at the first "i" ("… bezrobotnych oraz profilaktyki uzależnień dzieci i młodzieży")
    at = [i for conj in ("oraz", "i") for i in range(2, len(last) - 1) if last[i] == conj and _has_genitive_head(last[i + 1])]
    if at:
        parts[-1:] = [" ".join(last[:at[0]]), " ".join(last[at[0] + 1:])]
    out, pos = [], 0
    for p in parts:
        k = body.find(p, pos)
        out.append((p, off + max(k, 0), off + max(k, 0) + len(p)))
        pos = max(k, pos)
    return out


CLAUSE_SPLIT = re.compile(r"\s*(?:,\s*(?:a\s+(?:także|też)\s+)?|\s(?:oraz|i|a\s+także)\s+)(?<!więc )(?:a|że)?by\s+")
ELABORATION = re.compile(r",\s*(?:a\s+więc|czyli|to\s+znaczy|to\s+jest)\s")  # "…, a więc żeby …": the same goal again
PLURAL_CEL = re.compile(r"cel(?:e|ów|ami|om)\b", re.I)
ENUMERATED = re.compile(r"(?:^|\s)\(?(?:\d{1,2}|[a-z])\)\s")


NEXT_GOAL_MARK = re.compile(r"\s+(?=(?:[•·▪◦*–-]\s*)?cel(?:e)?\s+(?:główn|ogóln|nadrzędn|strategiczn|szczegółow|operacyjn)\w*"
                            r"\s+(?:nr\s*)?\d)|(?<=[.!?”\"])\s+(?=cel(?:e)?\s+(?:szczegółow|operacyjn|cząstkow)\w*(?:\s*\([^()\n]{1,40}\))?\s*:)", re.I)
HEADING_INSIDE = re.compile(r"\s+(?=cel(?:e)?\s+(?:główn|ogóln|nadrzędn|strategiczn|szczegółow|operacyjn|cząstkow)\w*"
                            r"(?:\s+[^\W\d]+){0,2}\s*(?::|$))", re.I)
NUMBERED_HEAD = re.compile(r"\d(?:\.\d+)*\s*[.:)]?\s*$")  # the goal phrase ends in its number ("Cel operacyjny 2.1.")
BARE_NUMBER = re.compile(r"\d[ \t]+$")  # "Cel operacyjny 3 …": a number with no ".", ":" after it
SENTENCE_END = re.compile(r"(?<=[^\W\d]{3}[.!?])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])")


VERB_LEAD = re.compile(r"^([^\W\d]+)(?:\s+[^\W\d]+){0,2}\s*:\s+(?=\S)")
WORDING_QUOTE = re.compile(r"^[^„\"“]{0,40}?\bbrzmieni\w*\s*:?\s*[„\"“](?P<q>[^”\"“„]{10,})[”\"“]")
SEPARATED = re.compile(r"[:–—\-.)|]\s*$")  # the goal phrase ends in a colon, dash or number before the goal
PREDICATE_TAGS = {"fin", "praet", "imps", "impt", "bedzie", "winien", "pred", "aglt"}
NOUN_TAGS = {"subst", "ger", "depr", "inf", "ign"}


def _line_goal(text: str) -> bool:
    """A line that reads as one goal of a list written one a line under a heading without a colon."""
    first = re.match(r"[^\W\d]+", text)
    return len(text.split()) <= 15 and bool(first) and (
        _goal_head(text) or any(a[1] == "adj" for a in morph.analyse(first.group().lower())))


@lru_cache(maxsize=4096)
def _goal_head(text: str) -> bool:
    """An item that names a change to bring about: it starts with a verbal noun ("zwiększenie",
    "wspieranie") or a noun of the goal-words list ("rozwój", "poprawa")."""
    first = re.match(r"[^\W\d]+", strip_marker(text)[0])
    if not first:
        return False
    word = first.group().lower()
    return word in data.word_list("goal_head_nouns.txt") or any(a[1] == "ger" for a in morph.analyse(word))


def _starts_goal(text: str, separated: bool) -> bool:
    """Whether a text after a goal phrase can be the goal: never a verb ("zostały przyjęte …",
    "omówiono …"); with nothing between the phrase and it, a noun or an infinitive ("Cele programu
    są zgodne …" is said of the goals, not one of them)."""
    body = strip_marker(text)[0]
    numbered = GOAL_NUMBER.sub("", body, count=1)  # "I: Wspieranie …", "nr 2 – …": the number separates
    separated, body = separated or numbered != body, numbered
    first = re.match(r"[^\W\d]+", body)
    if not first:
        return True
    tags = {a[1] for a in morph.analyse(first.group().lower())} or {"ign"}
    if tags <= PREDICATE_TAGS | {"qub", "conj", "adv"} and tags & PREDICATE_TAGS:
        return False
    return separated or bool(tags & NOUN_TAGS) and "prep" not in tags


def _read_match(lines, k: int, m, level, split, chrome: set, add):
    """The goal(s) a matched goal phrase on line k states: inline after it, or listed below it.
    Returns where in the line the goal ended when it was cut short of the line's end (else None)."""
    ls, le, raw = lines[k]
    inline = clean_item((m.group("text") or "").lstrip("| "))
    if inline[:1].islower() and BARE_NUMBER.search(raw, m.start(), m.start("text")):
        return None  # "Cel operacyjny 3 został dodany …": a sentence about the goal, not the goal
    worded = WORDING_QUOTE.match(inline)  # "Cel główny w brzmieniu „…” przyjęto": the goal is the quote
    if worded:
        inline = worded.group("q")
    lead = VERB_LEAD.match(inline)  # "Cele szczegółowe mają dotyczyć: A, B oraz C": the goals after the colon
    if lead and {a[1] for a in morph.analyse(lead.group(1).lower())} & PREDICATE_TAGS:
        inline = inline[lead.end():]
    read_to = None
    first = NEXT_GOAL_MARK.search(inline)  # "…przyjęli cel główny: „A”. Cele szczegółowe:": the list is theirs
    if first:
        inline = clean_item(inline[:first.start()])
        pos = raw.find(inline, m.start("text"))
        read_to = pos + len(inline) if pos >= 0 else None
    below = next((t for _s, _e, t in lines[k + 1:k + 3] if t.strip()), "")
    if inline.endswith(":") or (len(inline.split()) <= 3 and not re.search(r"[.;!?]$", inline) and MARKER.match(below)
                                and not ("cel" in below.lower() and _any_line_pattern().search(below))):
        inline = ""  # "Cele szczegółowe programu współpracy to:": a heading over a list (not over "2. Cel operacyjny: …")
    elif not worded and not _starts_goal(inline, bool(SEPARATED.search(raw, 0, m.start("text")))):
        return None  # "Cele szczegółowe programu zostały przyjęte bez uwag.", "Cele programu są zgodne z …"
    at_end = m.end() >= len(raw.rstrip())  # a sentence in mid-line does not go on to the next line
    more, more_end, _ = continuation(lines, k, chrome, marked=True) if inline and at_end else ([], le, k)
    more, more_end = _before_label(lines, k, more, more_end)
    if more:
        inline = clean_item(" ".join([inline] + more))
    cuts = [NEXT_GOAL_MARK.search(inline), HEADING_INSIDE.search(inline) if more else None]  # "Cel ogólny 1. A Cel szczegółowy 1.1. B": A ends at the next marker
    if level == "main" or NUMBERED_HEAD.search(raw, m.start(), m.start("text")):
        # "Cel operacyjny 1.2. A. Obszar II. …", "Cel programu: A. Program będzie …": a numbered or main goal is one sentence
        cuts.append(SENTENCE_END.search(inline))
    cut = min((c for c in cuts if c), key=lambda c: c.start(), default=None)
    if cut:
        inline, more = clean_item(inline[:cut.start()]), []
        pos = raw.find(inline, m.start("text"))
        read_to = pos + len(inline) if pos >= 0 else None
    if inline and split == "heads":  # "Program ma dwa cele: A oraz B": goals only when each part names a change
        parts = list(split_inline(inline, ls + m.start("text")))
        for p, s, e in parts if len(parts) >= 2 and all(_goal_head(p) for p, _s, _e in parts) else []:
            add(p, level, s, e)
    elif inline and len(inline.split()) >= 2 and (split == "list" or (level != "specific" or ";" not in inline)
                                                and len(ENUMERATED.findall(inline)) >= 2):
        # "Za cele szczegółowe uznano: rozwój …, wspieranie … oraz promocję …", "1) …; 2) …"
        for p, s, e in split_inline(inline, ls + m.start("text")):
            add(ITEM_MARK.sub("", p), level, s, e)
    elif inline and len(inline.split()) >= 2 and level != "main" and "," in inline and ";" not in inline:
        # "Cele szczegółowe: rozwój wolontariatu, wsparcie seniorów."
        parts = split_heads(inline, ls + m.start("text"))
        for p, s, e in parts if len(parts) > 1 else _genitive_items(inline, ls + m.start("text")):
            add(p, level, s, e if p != inline or not more else more_end)
    elif inline and len(inline.split()) >= 2:
        parts = [ITEM_MARK.sub("", p) for p in re.split(r"\s*;\s*", inline) if p] \
            if level != "main" else [inline]  # "a) wzrost …; b) wzmocnienie …"
        off = ls + m.start("text")
        for p in parts:
            pos = raw.find(p, off - ls)
            s = ls + pos if pos >= 0 else off
            add(p, level, s, more_end if more else s + len(p))
    else:
        items = list_after(lines, k, chrome, stop=_list_stop(), line_items=_line_goal)
        items += _after_labels(lines, chrome, items)
        if split == "heads":  # "Główne założenia programu:": a list of goals only when every item reads as one
            items = items if len(items) >= 2 and all(_goal_head(t) for t, _s, _e in items) else []
        if level == "main" and items and not PLURAL_CEL.search(raw, m.start(), m.start("text")):  # ("Cele ogólne:": all)
            items = [_wrapped_on(lines, chrome, *items[0])]  # the one main goal, over its short wrapped lines
        for text, s, e in items:
            if _title_cased(text) or SENTENCE_END.search(text) and not _goal_head(text):
                continue  # "Zarząd Powiatu", "Tabela 3. Wskaźniki": names; "Program realizuje cele … . Szczegóły …": prose
            cut = HEADING_INSIDE.search(text)  # "Budowanie … pozarządowymi" / "CELE SZCZEGÓŁOWE": a wrapped line took the next heading
            if cut:
                text, e = text[:cut.start()], s + cut.start()
            add(text, level, s, e)
    return read_to


LABEL_LINE = re.compile(r"^\s*(?:wskaźnik|miernik|termin|realizator|odpowiedzialn|źródło\s+finansowania|rezultat)\w*"
                        r"(?:\s+[^\W\d]+){0,2}\s*:", re.I)


def _after_labels(lines, chrome: set, items) -> list:
    """The rest of a numbered list of goals that a label line under an item cut short
    ("1. Wzmocnienie organizacji." / "Wskaźnik: liczba organizacji." / "2. Rozwój wolontariatu.")."""
    more = []
    starts = [ls for ls, _le, _t in lines]
    while items:
        last = bisect_right(starts, items[-1][2]) - 1  # the line the list stopped after
        j = last + 1
        while j < len(lines) and j not in chrome and LABEL_LINE.match(lines[j][2]):
            j += 1
        if j == last + 1 or j >= len(lines) or not MARKER.match(lines[j][2]):
            break
        items = list_after(lines, j - 1, chrome, stop=_is_goal_heading)  # read on from the label line
        more += items
    return more


def _title_cased(text: str) -> bool:
    """Every word capitalised (not the whole text in capitals): a name or a caption, which a goal
    written in Polish never is."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 2 and all(w[0].isupper() for w in words) and not text.isupper()


def _wrapped_on(lines, chrome: set, text: str, s: int, e: int):
    """A goal read under its heading, with the lines that go on with it after a wrap that is not a
    paragraph's ("Budowanie partnerstwa między samorządem" / "a organizacjami …"): an unfinished line
    followed by one starting in lower case."""
    k = bisect_right([ls for ls, _le, _t in lines], e) - 1
    while not re.search(r"[.!?;:]$", text) and k + 1 < len(lines) and k + 1 not in chrome:
        nxt = lines[k + 1][2]
        if not LOWER_START.match(nxt) or MARKER.match(nxt) or " | " in nxt or _is_goal_heading(nxt.strip()):
            break
        k += 1
        text, e = clean_item(text + " " + nxt.strip()), lines[k][1]
    return text, s, e


@Language.factory("partmon_goals")
def make_goals(nlp, name):
    return GoalsComponent()


class GoalsComponent:
    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # one accessor object: each `doc._` builds a new one
        ext.goals = find_goals(ext.lines, set(ext.chrome), ext.text, text_index.of(doc).low)
        return doc


CLOSING_QUOTE = re.compile(r"[”\"]\s*\.?$")


def _unquoted_end(text: str) -> str:
    """A goal read from a quoted sentence without its opening quote ("… – by każda rodzina dostała
    wsparcie”."): the closing quote is the quote's, not the goal's."""
    end = CLOSING_QUOTE.search(text)
    if end and (text.count("„") + text.count("“") < text.count("”") if end.group()[0] == "”" else text.count('"') % 2):
        return text[:end.start()].rstrip(" ,;")
    return text


def _not_a_goal(text: str, quoted: bool) -> bool:
    """What reads as a goal where one can stand but is none: the purpose of the consultation or meeting
    itself ("zebranie uwag mieszkańców do projektu"), and a quoted predicate's complement cut from its
    clause ("aby program był „narzędziem, a nie formalnością”" → "narzędziem, …"; `quoted`: the text was
    the quote of a longer goal text)."""
    if data.regex_list("goal_consultation_purposes.txt").match(text):
        return True
    first = re.match(r"[^\W\d]+", text)
    if not quoted or not first or len(text.split()) > 8 or not first.group()[:1].islower():
        return False
    readings = morph.analyse(first.group())
    return bool(readings) and all(a[1] in ("subst", "adj", "depr") and a[3] == {"inst"} for a in readings)


def _before_label(lines, k: int, more: list, more_end: int):
    """The wrapped lines after goal line k up to a label line under the goal ("kierunki działań: …",
    "wskaźnik: …"), which starts in lower case as a wrap does but says something about the goal."""
    labels = data.regex_list("goal_aside_labels.txt")
    for i, part in enumerate(more):
        if labels.match(part):
            return more[:i], lines[k + i][1]
    return more, more_end


ROMAN_MARK = re.compile(r"^(?-i:[IVX]{1,4})[.)]\s")
DIGIT_MARK = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\)?\s")
LETTER_MARK = re.compile(r"^\(?[a-z][.)]\s")


def _list_stop():
    """Where the list under goal heading k ends: at another goal section's heading, and at a line
    numbered out of the list's own numbering — a roman-numbered section heading after an arabic or
    lettered list ("III. Zgłoszone uwagi"), an arabic number after a lettered list, or an arabic
    number that does not go on from the one before ("4. Wnioski" after "4. Zwiększenie …")."""
    state = {}

    def stop(text: str) -> bool:
        if _is_goal_heading(text):
            return True
        kind = "roman" if ROMAN_MARK.match(text) else "letter" if LETTER_MARK.match(text) else None
        number = None
        if kind is None:
            d = DIGIT_MARK.match(text)
            if not d:
                return False
            kind, number = "digit", tuple(int(x) for x in d.group(1).split("."))
        first = state.setdefault("first", kind)
        if first == kind == "digit":
            if "last" in state and number <= state["last"]:
                return True
            state["last"] = number
            return False
        return kind != first and (kind == "roman" or kind == "digit" and first == "letter")
    return stop
