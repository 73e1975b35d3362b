"""Sources to crawl: read a sources file (TOML, format in sources.example.toml) or bare URLs
into the source dicts the runner takes (README: name, municipality, terc, voivodeship,
start_urls, allowed_domains, include, exclude, spider).
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

SPIDERS = ("cms", "bip")
FIELDS = ("name", "municipality", "terc", "voivodeship", "start_urls", "allowed_domains",
          "include", "exclude", "spider")
_TERC = re.compile(r"^\d{7}$")


class SourceError(ValueError):
    """A sources file or URL that cannot be crawled; the message is one line naming it."""


def guess_spider(url: str) -> str:
    """BIP sites live on a `bip.` host (bip.krakow.pl, www.bip.krakow.pl, bip.um.wroc.pl)."""
    host = (urlsplit(url).hostname or "").lower()
    return "bip" if host.startswith(("bip.", "www.bip.")) or ".bip." in host else "cms"


def _domain(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _check_url(url, where: str) -> str:
    if not isinstance(url, str) or urlsplit(url.strip()).scheme not in ("http", "https") \
            or not urlsplit(url.strip()).hostname:
        raise SourceError(f"{where}: not an http(s) URL: {url!r}")
    return url.strip()


def _strings(value, field: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourceError(f"{where}: {field} must be a list of strings")
    return value


def normalise_source(raw: dict, where: str) -> dict:
    """Validate one source table and fill the defaults (allowed_domains, spider)."""
    if not isinstance(raw, dict):
        raise SourceError(f"{where}: a source must be a table")
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise SourceError(f"{where}: unknown field(s) {', '.join(unknown)}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SourceError(f"{where}: missing name")
    where = f"{where} ({name})"
    start_urls = [_check_url(u, where) for u in _strings(raw.get("start_urls"), "start_urls", where)]
    if not start_urls:
        raise SourceError(f"{where}: start_urls is empty")
    allowed = _strings(raw.get("allowed_domains"), "allowed_domains", where)
    allowed = [d.lower().strip().removeprefix("www.") for d in allowed] or \
        sorted({_domain(u) for u in start_urls})
    patterns = {}
    for field in ("include", "exclude"):
        patterns[field] = _strings(raw.get(field), field, where)
        for p in patterns[field]:
            try:
                re.compile(p)
            except re.error as exc:
                raise SourceError(f"{where}: bad {field} pattern {p!r}: {exc}") from None
    terc = raw.get("terc")
    if terc is not None:
        terc = str(terc).strip()
        if not _TERC.match(terc):
            raise SourceError(f"{where}: terc must be a 7-digit TERYT code, got {raw['terc']!r}")
    spider = raw.get("spider") or guess_spider(start_urls[0])
    if spider not in SPIDERS:
        raise SourceError(f"{where}: spider must be one of {', '.join(SPIDERS)}, got {spider!r}")
    text = {}
    for field in ("municipality", "voivodeship"):
        value = raw.get(field)
        if value is not None and not isinstance(value, str):
            raise SourceError(f"{where}: {field} must be a string")
        text[field] = value.strip() if value else None
    return {"name": name.strip(), "municipality": text["municipality"], "terc": terc,
            "voivodeship": text["voivodeship"], "start_urls": start_urls,
            "allowed_domains": allowed, "include": patterns["include"],
            "exclude": patterns["exclude"], "spider": spider}


def load_sources(path) -> list[dict]:
    """Read a TOML sources file (`[[source]]` tables); raises SourceError naming the file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot read sources file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"{path}: not valid TOML: {exc}") from None
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise SourceError(f"{path}: 'source' must be an array of tables ([[source]])")
    sources = [normalise_source(t, f"{path}: source #{i + 1}") for i, t in enumerate(tables)]
    names = [s["name"] for s in sources]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise SourceError(f"{path}: duplicate source name(s) {', '.join(dupes)}")
    return sources


def sources_from_urls(urls) -> list[dict]:
    """One source per URL (named after its host and path), no municipality metadata."""
    sources, names = [], set()
    for url in urls:
        url = _check_url(url, "URL")
        parts = urlsplit(url)
        base = (parts.hostname or "") + parts.path.rstrip("/")
        name, n = base, 2
        while name in names:
            name, n = f"{base}-{n}", n + 1
        names.add(name)
        sources.append(normalise_source({"name": name, "start_urls": [url]}, f"URL {url}"))
    return sources
