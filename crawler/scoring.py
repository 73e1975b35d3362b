"""Report-likelihood scoring: how likely a link or page is a participatory-meeting report (0..1).

The keywords and their weights are data (`crawler/keywords/report.txt`); this module only
normalises text (lower case, no diacritics, URL punctuation as spaces) and combines matches.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

KEYWORDS_DIR = Path(__file__).resolve().parent / "keywords"
REPORT_KEYWORDS = KEYWORDS_DIR / "report.txt"
BODY_KEYWORDS = KEYWORDS_DIR / "report_body.txt"

# Letters NFKD does not decompose into a base letter plus a combining mark.
_FOLD = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ß": "ss"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
# A URL's weight relative to what a human wrote (anchor text, title): slugs are often cut.
URL_WEIGHT = 0.8


class KeywordFileError(ValueError):
    """A keyword data file has a malformed line."""


def plain(text: str | None) -> str:
    """Lower-case without diacritics, whitespace collapsed, punctuation kept ("następna »" → "nastepna »")."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD).lower())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def fold(text: str | None) -> str:
    """Lower-case, strip Polish diacritics and collapse everything but letters/digits to spaces."""
    text = plain(text)
    return " " + _NON_WORD.sub(" ", text).strip() + " " if text else ""


def url_words(url: str | None) -> str:
    """The words of a URL's path and query (host left out: `konsultacje.miasto.pl` says nothing)."""
    if not url:
        return ""
    parts = urlsplit(url)
    return fold(unquote(parts.path + " " + parts.query))


def read_pattern_file(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    lines = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


@lru_cache(maxsize=8)
def load_keywords(path: Path = REPORT_KEYWORDS) -> tuple[tuple[re.Pattern, float], ...]:
    """Parse `WEIGHT PATTERN` lines into compiled word-start patterns."""
    keywords = []
    for line in read_pattern_file(path):
        weight_text, _, pattern = line.partition(" ")
        try:
            weight = float(weight_text)
            compiled = re.compile(r"(?<=\s)" + pattern.strip().replace(" ", r"\s+"))
        except (ValueError, re.error) as exc:
            raise KeywordFileError(f"{path}: bad keyword line {line!r}: {exc}") from None
        if not 0.0 <= weight < 1.0 or not pattern.strip():
            raise KeywordFileError(f"{path}: bad keyword line {line!r}: weight must be in [0, 1)")
        keywords.append((compiled, weight))
    return tuple(keywords)


def _combine(keywords, fields) -> float:
    """1 - Π(1 - weight × best field factor) over the keywords found in any field."""
    miss = 1.0
    for pattern, weight in keywords:
        best = max((factor for text, factor in fields if text and pattern.search(text)), default=0.0)
        miss *= 1.0 - weight * best
    return 1.0 - miss


def report_score(*, url: str | None = None, link_text: str | None = None,
                 title: str | None = None, headings: list[str] | tuple[str, ...] = (),
                 body: str | None = None, body_cap: float = 0.45,
                 keywords_path: Path = REPORT_KEYWORDS, body_keywords_path: Path = BODY_KEYWORDS) -> float:
    """Combine keyword evidence from anchor text, URL, title/headings and main text into 0..1.

    Each keyword counts once, with the best weight any field gives it, so a title repeated in
    the URL does not double the evidence. The main text's words (`report_body.txt`) are one
    more piece of evidence, capped at `body_cap`.
    """
    fields = [(fold(link_text), 1.0), (fold(title), 1.0), (url_words(url), URL_WEIGHT)]
    fields += [(fold(h), 1.0) for h in headings]
    score = _combine(load_keywords(keywords_path), fields)
    if body:
        evidence = min(body_cap, _combine(load_keywords(body_keywords_path), [(fold(body[:50_000]), 1.0)]))
        score = 1.0 - (1.0 - score) * (1.0 - evidence)
    return round(score, 4)
