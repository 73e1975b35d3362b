"""The report body of a municipal web page as structured plain text, without the site chrome.

Municipal CMS and BIP pages wrap a short report in menus, sidebars, visitor counters,
cookie notices, footers and lists of other news. The body is found by markup first
(article-body classes, `<article>`, `<main>`), falling back to the block with the most
paragraph text; chrome inside it goes by class/id words and chrome lines by patterns, all
kept as word lists in `extract/lexicon/`. Structure survives as line breaks: headings and
paragraphs on their own lines, list items with their bullet or number, table rows as
` | `-separated cells.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

import lxml.html
from lxml import etree

from extract.text import ExtractionError, decode_bytes

log = logging.getLogger(__name__)

MAX_HTML_BYTES = 8 * 1024 * 1024     # pages beyond this (after dropping inline data) are cut
MIN_BODY_CHARS = 150                 # a candidate container with less text is not the body
_MAX_DEPTH = 400

LEXICON = Path(__file__).with_name("lexicon")
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object",
              "embed", "canvas", "button", "select", "input", "textarea", "map", "audio",
              "video", "head")
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
          "blockquote", "address", "figure", "figcaption", "center", "form", "fieldset",
          "dl", "dt", "dd", "pre", "details", "summary", "caption", "legend", "body", "html",
          "tr", "td", "th", "thead", "tbody", "tfoot"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BULLETS = "•·◦▪▫■□●○–—-*►▶✓✔"
_DATA_URI = re.compile(rb"data:[a-z/+.-]*;base64,[A-Za-z0-9+/=\s]{200,}", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_TITLE_SEP = re.compile(r"\s+(?:[-|–—:»/]|::)\s+")
_WS = re.compile(r"\s+")


def _lines(name: str) -> list[str]:
    text = (LEXICON / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _lexicon():
    chrome_words = frozenset(w.lower() for w in _lines("boilerplate_classes.txt"))
    content_levels = [frozenset(w.lower() for w in line.split()) for line in _lines("boilerplate_body_classes.txt")]
    line_re = re.compile("|".join(f"(?:{p})" for p in _lines("boilerplate_lines.txt")), re.I)
    heading_re = re.compile("|".join(f"(?:{p})" for p in _lines("boilerplate_headings.txt")), re.I)
    return chrome_words, content_levels, line_re, heading_re


def is_boilerplate_line(line: str) -> bool:
    """True for a short line that is site chrome (counter, cookie notice, 'Drukuj', copyright)."""
    line = line.strip()
    if len(line) > 200:
        return False
    return bool(_lexicon()[2].fullmatch(line.rstrip(" .!:")) or _lexicon()[2].fullmatch(line))


# --- entry point -----------------------------------------------------------------------

def html_text(body: bytes, encoding: str | None = None) -> tuple[str, str | None]:
    """(text, title) of an HTML page given as bytes; `encoding` is the HTTP-declared charset."""
    page = _bounded(body)
    meta = _META_CHARSET.search(page[:16384])
    declared = (meta.group(1) or meta.group(2)).decode("ascii", "replace") if meta else None
    text = decode_bytes(page, encoding, declared)
    root = parse_html(text)
    return page_text(root)


def _bounded(body: bytes) -> bytes:
    """Drop inline base64 data (pasted images) and cut what is still too big, with a log note."""
    if len(body) > 64 * 1024:
        body = _DATA_URI.sub(b"data:,", body)
    if len(body) > MAX_HTML_BYTES:
        log.warning("HTML page of %.1f MB cut to its first %d MB", len(body) / 2**20,
                    MAX_HTML_BYTES // 2**20)
        body = body[:MAX_HTML_BYTES]
    return body


def parse_html(text: str):
    text = _XML_DECL.sub("", text, count=1)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"unreadable HTML ({exc})") from None
    return root


def page_text(root) -> tuple[str, str | None]:
    """Body text and title of a parsed page."""
    head = _head_titles(root)
    etree.strip_elements(root, *_DROP_TAGS, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    main = _main_container(root)
    title = _title(root, main, head)
    _drop_chrome(root, keep=main)
    _drop_chrome_sections(main)
    text = render(main)
    lines = [ln for ln in text.split("\n") if not is_boilerplate_line(ln)]
    text = "\n".join(lines)
    if title and _norm(title) not in _norm(text[: len(title) * 3 + 500]):
        text = f"{title}\n\n{text}"
    return text, title


# --- finding the body --------------------------------------------------------------------

def _words(el) -> set[str]:
    """Class/id words of an element: whole tokens and their -/_ separated parts, lower case."""
    out: set[str] = set()
    for attr in ("class", "id", "role", "itemprop"):
        value = el.get(attr)
        if not value:
            continue
        for token in value.lower().split():
            out.add(token)
            out.update(p for p in re.split(r"[-_]+", token) if p)
    return out


def _tokens(el) -> set[str]:
    out: set[str] = set()
    for attr in ("class", "id", "itemprop"):
        out.update((el.get(attr) or "").lower().split())
    return out


def _text_len(el) -> int:
    return len(_WS.sub("", el.text_content() or ""))


def _link_len(el) -> int:
    return sum(_text_len(a) for a in el.iter("a"))


def _chrome_kind(el) -> int:
    """2: chrome by markup (nav, aside, footer, page header, hidden); 1: by a class/id word;
    0: not chrome."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in ("nav", "aside", "footer"):
        return 2
    if tag == "header" and not any(a.tag in ("article", "main") for a in el.iterancestors()):
        return 2
    if (el.get("role") or "").lower() in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return 2
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return 2
    style = (el.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return 2
    return 1 if _words(el) & _lexicon()[0] else 0


def _chrome(el, total: int) -> bool:
    """Chrome to drop; a chrome class on a wrapper of most of the page (`with-sidebar`) is not."""
    kind = _chrome_kind(el)
    return kind == 2 or (kind == 1 and not (total > 0 and _text_len(el) > 0.6 * total))


def _main_container(root):
    """The element holding the report body: by markup first, then by paragraph text."""
    body = root.find("body")
    if body is None:
        body = root
    chrome = _chrome_set(root)
    _, levels, _, _ = _lexicon()
    semantic = [
        lambda e: bool(_tokens(e) & levels[0]),
        lambda e: e.tag == "article",
        lambda e: bool(_tokens(e) & levels[1]),
        lambda e: e.tag == "main" or (e.get("role") or "").lower() == "main",
        lambda e: bool(_tokens(e) & levels[2]),
    ]
    for test in semantic:
        found = [e for e in body.iter() if isinstance(e.tag, str) and e not in chrome and test(e)]
        found = [e for e in found if _text_len(e) - _link_len(e) >= MIN_BODY_CHARS]
        if found:
            return _best(found)
    return _densest(body, chrome)


def _chrome_set(root) -> set:
    """Every element that is chrome or inside chrome, in one pass from the top."""
    chrome: set = set()
    total = _text_len(root)
    for e in root.iter():
        if not isinstance(e.tag, str) or e.tag in ("html", "body"):
            continue
        parent = e.getparent()
        if (parent is not None and parent in chrome) or _chrome(e, total):
            chrome.add(e)
    return chrome


def _best(found):
    """Among candidates of one kind: the one with the most own (non-link) text; an outer one
    loses to an inner one that holds nearly all its text (wrappers of the same body)."""
    def own(e):
        return _text_len(e) - _link_len(e)
    best = max(found, key=own)
    inner = [e for e in found if best in e.iterancestors() and own(e) >= 0.9 * own(best)]
    return max(inner, key=lambda e: sum(1 for _ in e.iterancestors())) if inner else best


def _densest(body, chrome: set):
    """Readability-style fallback: paragraphs vote for their parent (and half for the grandparent)."""
    scores: dict = {}
    for p in body.iter("p", "td", "li", "pre", "div"):
        if p in chrome:
            continue
        if p.tag == "div" and any(c.tag in _BLOCK or c.tag in ("table", "ul", "ol") for c in p):
            continue
        n = _text_len(p) - _link_len(p)
        if n < 25:
            continue
        score = 1 + p.text_content().count(",") + min(n // 100, 3)
        parent = p.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + score
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + score / 2
    best = max(scores, key=scores.get) if scores else body
    _drop_link_lists(best)
    return best


def _drop_link_lists(main) -> None:
    """Without markup to go by, blocks that are nearly all links (menus, news lists) go."""
    for el in list(main.iter("ul", "ol", "td", "div", "table", "p")):
        if el is main or el.getparent() is None:
            continue
        links = el.findall(".//a")
        text = _text_len(el)
        if len(links) >= 2 and text and _link_len(el) >= 0.8 * text:
            _remove(el)


def _drop_chrome(root, keep) -> None:
    """Remove chrome elements that do not contain the body; chrome inside the body goes too."""
    keep_line = {keep, *keep.iterancestors()}
    total = _text_len(root)
    doomed = [e for e in root.iter() if isinstance(e.tag, str) and e not in keep_line
              and e.tag not in ("html", "body") and _chrome(e, total)]
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            _remove(el)


def _remove(el) -> None:
    """Remove an element but keep its tail text."""
    parent = el.getparent()
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + " " + tail
        else:
            parent.text = (parent.text or "") + " " + tail
    parent.remove(el)


def _drop_chrome_sections(main) -> None:
    """Drop 'Zobacz też', 'Inne aktualności', comment blocks… from the heading to the next
    one of its level, unless that would take most of the body (a section label above it)."""
    heading_re = _lexicon()[3]
    total = _text_len(main)
    for h in [e for e in main.iter(*_HEADINGS)]:
        if h.getparent() is None or not heading_re.fullmatch(_WS.sub(" ", h.text_content()).strip(" :")):
            continue
        level = _HEADINGS[h.tag]
        parent = h.getparent()
        section = []
        for sib in h.itersiblings():
            if sib.tag in _HEADINGS and _HEADINGS[sib.tag] <= level:
                break
            section.append(sib)
        if sum(_text_len(e) for e in section) > 0.5 * total:
            continue
        for sib in section:
            _remove(sib)
        _remove(h)
        if parent is not main and parent.getparent() is not None and _text_len(parent) == 0:
            _remove(parent)


# --- title -----------------------------------------------------------------------------

_TITLE_WORDS = {"entry-title", "page-title", "post-title", "article-title", "contentheading",
                "headline", "news-title", "tytul", "title"}


def _head_titles(root) -> dict:
    """og:site_name, og:title and the <title> text, read before <head> is dropped."""
    t = root.find(".//title")
    return {"site": _meta(root, "og:site_name"), "og": _meta(root, "og:title"),
            "title": _clean(t.text_content()) if t is not None else ""}


def _title(root, main, head: dict) -> str | None:
    """The page's own title: the body's <h1>, another non-logo <h1>, the heading opening the
    body, a title-classed element, og:title, then the longest part of <title>."""
    site = head["site"]
    h1s = [h for h in root.iter("h1") if _clean(h.text_content())]
    inside = [h for h in h1s if h is main or main in h.iterancestors()]
    if inside:
        return _clean(inside[0].text_content())
    own = [h for h in h1s if not _looks_like_logo(h, site)]
    if own:
        return _clean(own[0].text_content())
    before = 0
    for e in main.iter():
        if e.tag in _HEADINGS:
            if _lexicon()[3].fullmatch(_clean(e.text_content()).strip(" :")):
                continue        # a section label such as 'Aktualności'
            if before < 40 and len(_clean(e.text_content())) <= 300:
                return _clean(e.text_content())
            break
        before += len(_WS.sub("", e.text or "")) + len(_WS.sub("", e.tail or ""))
    for h in root.iter("h2", "h3", "div", "span", "p"):
        if _tokens(h) & _TITLE_WORDS and 0 < len(_clean(h.text_content())) <= 300:
            return _clean(h.text_content())
    if head["og"]:
        return head["og"]
    if head["title"]:
        parts = [p for p in _TITLE_SEP.split(head["title"]) if p]
        parts = [p for p in parts if not site or _norm(p) != _norm(site)] or parts
        return max(parts, key=len)
    return _clean(h1s[0].text_content()) if h1s else None


def _looks_like_logo(h, site: str | None) -> bool:
    if _words(h) & {"logo", "brand", "site", "sitename", "site-title", "logotyp"}:
        return True
    if any(_chrome_kind(a) == 2 for a in h.iterancestors() if a.tag not in ("body", "html")):
        return True
    text = _norm(h.text_content())
    if site and text == _norm(site):
        return True
    link = h.find(".//a")
    return link is not None and (link.get("href") or "").rstrip("/") in ("", "/", "index.php", "./")


def _meta(root, prop: str) -> str | None:
    for m in root.iter("meta"):
        if (m.get("property") or m.get("name") or "").lower() == prop and m.get("content"):
            return _clean(m.get("content"))
    return None


def _clean(s: str | None) -> str:
    return _WS.sub(" ", s or "").strip()


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip().lower()


# --- rendering -------------------------------------------------------------------------

class _Out:
    """Collects text with line and paragraph breaks; breaks never stack beyond one blank line."""

    def __init__(self):
        self.parts: list[str] = []
        self.newlines = 2          # trailing newlines since the last real text

    def text(self, s: str | None) -> None:
        if s:
            self.parts.append(_WS.sub(" ", s))
            if s.strip():
                self.newlines = 0

    def raw(self, s: str) -> None:
        """Already rendered text, its line breaks kept."""
        if s.strip():
            self.parts.append(s)
            self.newlines = 0

    def br(self, blank: bool = False) -> None:
        need = (2 if blank else 1) - self.newlines
        if need > 0:
            self.parts.append("\n" * need)
            self.newlines += need

    def result(self) -> str:
        raw = "".join(self.parts)
        raw = re.sub(r"[ \t]*\n[ \t]*", "\n", raw)
        raw = re.sub(r"\n{3,}", "\n\n", raw)
        return raw.strip()


def render(el) -> str:
    out = _Out()
    _render(el, out, 0)
    return out.result()


def _render(el, out: _Out, depth: int) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if depth > _MAX_DEPTH:
        out.text(el.text_content())
        return
    if tag == "br":
        out.br()
    elif tag == "hr":
        out.br(blank=True)
    elif tag in _HEADINGS:
        out.br(blank=True)
        out.text(_clean(el.text_content()))
        out.br(blank=True)
    elif tag in ("ul", "ol", "menu", "dir"):
        _render_list(el, out, depth)
    elif tag == "table":
        _render_table(el, out, depth)
    elif tag == "img":
        pass
    else:
        block = tag in _BLOCK or tag == "li"
        if block:
            out.br(blank=tag in ("p", "blockquote", "pre", "section", "article", "figure", "address"))
        out.text(el.text)
        for child in el:
            _render(child, out, depth + 1)
        if block:
            out.br(blank=tag in ("p", "blockquote", "pre", "section", "article", "figure", "address"))
    if el.tail:
        out.text(el.tail)


def _render_list(el, out: _Out, depth: int) -> None:
    ordered = el.tag == "ol"
    try:
        n = int(el.get("start", "1"))
    except ValueError:
        n = 1
    kind = el.get("type", "1")
    out.br()
    for li in el:
        if not isinstance(li.tag, str) or li.tag != "li":
            if isinstance(li.tag, str):
                _render(li, out, depth + 1)
            continue
        out.br()
        inner = _Out()
        inner.text(li.text)
        for child in li:
            _render(child, inner, depth + 1)
        body = inner.result()
        if ordered:
            marker = _ol_marker(n, kind)
            n += 1
        else:
            marker = "•"
        if body and not (body[0] in _BULLETS or re.match(r"^\(?\w{1,3}[.)]\s", body)):
            out.text(f"{marker} ")
        out.raw(body.replace("\n\n", "\n"))
        out.br()
    out.br()


def _ol_marker(n: int, kind: str) -> str:
    if kind in ("a", "A") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return (letter.upper() if kind == "A" else letter) + ")"
    if kind in ("i", "I"):
        roman = _roman(n)
        return (roman if kind == "I" else roman.lower()) + "."
    return f"{n}."


def _roman(n: int) -> str:
    vals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def _rows(table):
    """Rows of this table, not of tables nested in it."""
    for child in table:
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if tr.tag == "tr":
                    yield tr


def _is_layout_table(table) -> bool:
    """A table used for page layout (BIP pages) holds blocks, not data cells."""
    if table.find(".//table") is not None:
        return True
    for cell in table.iter("td", "th"):
        if cell.find(".//h1") is not None or cell.find(".//h2") is not None or \
                cell.find(".//ul") is not None or cell.find(".//ol") is not None:
            return True
        if len(cell.findall(".//p")) > 2 or _text_len(cell) > 1500:
            return True
    return False


def _render_table(table, out: _Out, depth: int) -> None:
    out.br(blank=True)
    if _is_layout_table(table):
        for tr in _rows(table):
            for cell in tr:
                if isinstance(cell.tag, str):
                    out.br()
                    _render(cell, out, depth + 1)
                    out.br()
    else:
        cap = table.find("caption")
        if cap is not None and _clean(cap.text_content()):
            out.text(_clean(cap.text_content()))
            out.br()
        for tr in _rows(table):
            cells = []
            for cell in tr:
                if cell.tag in ("td", "th"):
                    inner = _Out()
                    _render_cell(cell, inner, depth)
                    cells.append(_WS.sub(" ", inner.result()).strip())
            if any(cells):
                out.br()
                out.text(" | ".join(cells))
                out.br()
    out.br(blank=True)


def _render_cell(cell, out: _Out, depth: int) -> None:
    out.text(cell.text)
    for child in cell:
        _render(child, out, depth + 1)
