"""Plain text and title of a fetched or saved report (HTML, PDF, Word, ODT, TXT), whatever it claims to be.

The format is sniffed from the bytes first, because municipal servers mislabel files (an
error page served as `.pdf`, a PDF sent as `text/html`); the content type and the file
name only decide when the bytes say nothing. Every failure is an `ExtractionError` whose
message is one line naming the reason, so a bad file becomes one error record.
"""
from __future__ import annotations

import codecs
import logging
import os
import re
import unicodedata

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 200 * 1024 * 1024   # path_text refuses bigger files outright
_SNIFF = 1024

HTML_TYPES = {"text/html", "application/xhtml+xml", "application/html"}
PDF_TYPES = {"application/pdf", "application/x-pdf", "application/acrobat"}
TXT_TYPES = {"text/plain"}
OFFICE_TYPES = {"application/msword": "DOC", "application/vnd.ms-word": "DOC",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
                "application/vnd.oasis.opendocument.text": "ODT"}
OFFICE_EXTS = {".doc": "DOC", ".docx": "DOCX", ".odt": "ODT"}
HTML_EXTS = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp"}

# Other binary formats a crawler meets, named so the error says what the file really is.
# (ZIP and OLE2 files are told apart by extract.office_text.sniff_office.)
_OTHER_MAGIC = (
    (b"{\\rtf", "an RTF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
)
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.I | re.S)
_HTML_TAGS = re.compile(rb"<(?:html|head|body|div|p|table|meta|title|script)\b", re.I)


class ExtractionError(Exception):
    """A document that yields no text; the message is one line naming the reason."""

    def __init__(self, reason: str):
        super().__init__(" ".join(str(reason).split()))


def document_text(body: bytes, *, content_type: str | None = None, name: str = "",
                  encoding: str | None = None) -> dict:
    """Text, title and real format of one document given as bytes."""
    if body is None or not body.strip():
        raise ExtractionError("empty file")
    fmt = sniff_format(body, content_type=content_type, name=name)
    if fmt == "pdf":
        from extract.pdf_text import pdf_text
        text, title = pdf_text(body)
    elif fmt == "html":
        from extract.html_text import html_text
        text, title = html_text(body, encoding=encoding)
    elif fmt in ("docx", "odt", "doc"):
        from extract.office_text import office_text
        text, title = office_text(body, fmt)
    else:
        text, title = txt_text(body, encoding=encoding)
    text = clean_text(text)
    if not text:
        raise ExtractionError(f"no text found in {fmt.upper()}")
    return {"text": text, "title": title or None, "format": fmt}


def path_text(path) -> dict:
    """Like `document_text`, reading the file at `path` (its extension is only a hint)."""
    path = os.fspath(path)
    try:
        size = os.path.getsize(path)
        if os.path.isdir(path):
            raise IsADirectoryError(path)
        if size > MAX_FILE_BYTES:
            raise ExtractionError(f"file too large ({size / 2**20:.0f} MB > "
                                  f"{MAX_FILE_BYTES // 2**20} MB limit)")
        with open(path, "rb") as fh:
            body = fh.read()
    except FileNotFoundError:
        raise ExtractionError("file not found") from None
    except IsADirectoryError:
        raise ExtractionError("is a directory, not a file") from None
    except PermissionError:
        raise ExtractionError("permission denied") from None
    except OSError as exc:
        raise ExtractionError(f"cannot read file ({exc.strerror or exc})") from None
    return document_text(body, name=os.path.basename(path))


def sniff_format(body: bytes, *, content_type: str | None = None, name: str = "") -> str:
    """'pdf', 'html', 'docx', 'odt', 'doc' or 'txt': magic bytes first, then the content type,
    then the extension."""
    head = body[:_SNIFF]
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    if b"%PDF-" in head:
        return "pdf"
    if _HTML_START.match(head):
        return "html"
    if body.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        from extract.office_text import sniff_office
        return sniff_office(body)
    for magic, what in _OTHER_MAGIC:
        if head.startswith(magic):
            raise ExtractionError(f"unsupported format ({what})")
    ctype = (content_type or "").split(";")[0].strip().lower()
    ext = os.path.splitext(re.split(r"[?#]", name or "")[0])[1].lower()   # name may be a URL
    claimed = ("pdf" if ctype in PDF_TYPES else "html" if ctype in HTML_TYPES
               else "txt" if ctype in TXT_TYPES else None)
    if claimed is None:
        claimed = "pdf" if ext == ".pdf" else "html" if ext in HTML_EXTS else "txt" if ext == ".txt" else None
    if claimed == "pdf":
        raise ExtractionError(f"not a PDF (starts with {_preview(head)})")
    office = OFFICE_TYPES.get(ctype) or OFFICE_EXTS.get(ext)
    if office:
        article = "an" if office.startswith("O") else "a"
        raise ExtractionError(f"not {article} {office} file (starts with {_preview(head)})")
    if b"\x00" in body[:8192] and not _is_utf16(head):
        raise ExtractionError(f"binary file, not text (starts with {_preview(head)})")
    if claimed == "html" or (claimed is None and len(_HTML_TAGS.findall(body[:65536])) >= 3):
        return "html"
    return "txt"


def _is_utf16(head: bytes) -> bool:
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _preview(head: bytes) -> str:
    """The first few characters of a file, quoted, for an error message."""
    sample = head.lstrip()[:12].decode("latin-1")
    return repr("".join(c if c.isprintable() else "?" for c in sample))


# --- decoding --------------------------------------------------------------------------

_POLISH = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")


def decode_bytes(body: bytes, *declared: str | None) -> str:
    """Decode text bytes: BOM, then the first declared charset that fits (HTTP header before
    `<meta charset>`), then UTF-8, then detection.

    Polish sites often declare iso-8859-2 while writing windows-1250 (they differ in ś, ź,
    Ś, Ź, Ą, ą); bytes 0x80-0x9F never occur in real iso-8859-2 text, so they switch to
    windows-1250.
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if body.startswith(bom):
            return body[len(bom):].decode(enc, errors="replace")
    c1 = re.search(rb"[\x80-\x9f]", body) is not None
    for name in declared:
        enc = _codec(name)
        if not enc:
            continue
        if c1 and enc in ("iso8859-2", "latin-1", "iso8859-1", "ascii"):
            enc = "cp1250" if enc == "iso8859-2" else "cp1252"
        if enc in ("iso8859-1", "cp1252", "ascii") and re.search(rb"[\x80-\xff]", body):
            enc = detect_encoding(body)   # Polish pages declared as Latin-1 are not Latin-1
        try:
            return body.decode(enc)
        except UnicodeDecodeError:
            log.debug("declared charset %s does not fit; trying the next", name)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return body.decode(detect_encoding(body), errors="replace")


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("'\"")).name
    except LookupError:
        return None


def detect_encoding(body: bytes) -> str:
    """Charset of undeclared non-UTF-8 bytes, preferring the ones Polish pages use.

    charset-normalizer proposes candidates; among single-byte Central European code pages
    the one giving the most Polish letters wins (it confuses windows-1250 and iso-8859-2).
    """
    sample = body[:200_000]
    candidates = ["cp1250", "iso8859-2"]
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(sample).best()
        if best is not None and _codec(best.encoding) not in candidates:
            candidates.append(_codec(best.encoding))
    except Exception:  # detection is best effort
        log.debug("charset-normalizer failed", exc_info=True)

    def score(enc: str) -> float:
        text = sample.decode(enc, errors="replace")
        bad = sum(1 for c in text if c == "\ufffd" or "\x80" <= c <= "\x9f")
        return sum(1 for c in text if c in _POLISH) - 5 * bad

    return max(candidates, key=score)


# --- plain text ------------------------------------------------------------------------

def txt_text(body: bytes, encoding: str | None = None) -> tuple[str, str | None]:
    """A plain-text document: decoded, newlines normalised; its first headline-like line as title."""
    text = clean_text(decode_bytes(body, encoding))
    return text, _first_heading_line(text)


def _first_heading_line(text: str) -> str | None:
    from extract.html_text import is_boilerplate_line

    for line in text.splitlines()[:40]:
        line = line.strip()
        if not line or is_boilerplate_line(line):
            continue
        if len(line) <= 150 and not line.endswith((".", ":", ",", ";")):
            return line
        return None
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff\xad]")
_ITEM_MARKER = re.compile(r"^(?:[•·◦▪■●○►▶✓–—*-]|\(?\d{1,3}(?:\.\d{1,3})*[.)]|\(?[a-zA-Z][.)]|[IVXivx]{1,5}[.)])$")


def _tab_cells(text: str) -> str:
    """Tabs inside a line: after a list marker a space, between words a ' | ' cell break, as the
    PDF and Word readers write a tab stop (a table typed with tabs keeps its rows' cells apart)."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if "\t" in line:
            parts = [p for p in (p.strip() for p in line.split("\t")) if p]
            if len(parts) > 1 and _ITEM_MARKER.match(parts[0]):
                parts[:2] = [parts[0] + " " + parts[1]]
            lines[k] = " | ".join(parts)
    return "\n".join(lines)


_SPACES = re.compile(r"[ \t\xa0\u2000-\u200a\u202f\u205f\u3000]+")


def clean_text(text: str) -> str:
    """NFC, one newline style, no control characters, tabs between words as ' | ' cells, single
    spaces, at most one blank line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    if "\t" in text:
        text = _tab_cells(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
