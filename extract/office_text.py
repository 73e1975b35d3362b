"""Text of Word (DOCX, old binary DOC) and OpenDocument (ODT) reports, shaped like the PDF reader's.

Many municipalities publish reports as the word processor's own file. DOCX and ODT are ZIP
archives of XML, read here with the standard library: paragraphs in order, headings on their
own, list items with their number or bullet, table rows as ` | `-separated cells (rows one
per line, as `extract/pdf_text.py` gives them), headers, footers, comments, footnotes and
deleted tracked changes left out. Old binary DOC goes through Debian `antiword` when it is
installed. Untrusted archives are bounded: the ZIP directory, each XML part's unpacked size
(a ZIP bomb is refused before it is inflated), DTDs (entity bombs) and time.
"""
from __future__ import annotations

import io
import logging
import os
import re
import shutil
import struct
import subprocess
import tempfile
import time
import zipfile
import zlib
from xml.etree import ElementTree as ET

from extract.text import ExtractionError

log = logging.getLogger(__name__)

MAX_PART_BYTES = 64 * 1024 * 1024     # unpacked size of one XML part (document/content.xml)
MAX_SMALL_PART_BYTES = 8 * 1024 * 1024  # styles, numbering, metadata, manifest
MAX_ZIP_DIRECTORY_BYTES = 4 * 1024 * 1024  # a report's archive lists tens of files, not millions
TIME_BUDGET_S = 120.0                 # wall time for one document's XML
DOC_TIMEOUT_S = 60                    # antiword on one old DOC file
MAX_REPEATED_CELLS = 64               # ODT cells repeated by number-columns-repeated

OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
ZIP_MAGIC = b"PK\x03\x04"
ODT_MIME = "application/vnd.oasis.opendocument.text"

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_MARKER = re.compile(r"^(?:[•·◦▪■●○►▶✓–—*-]|\(?\d{1,3}(?:\.\d{1,3})*[.)]|\(?[a-zA-Z][.)]|[IVXivx]{1,5}[.)])$")
_BULLET = "•"


# --- what the bytes are ----------------------------------------------------------------

def sniff_office(body: bytes) -> str:
    """'docx', 'odt' or 'doc' for a ZIP or OLE2 file; ExtractionError naming what else it is."""
    if body.startswith(OLE2_MAGIC):
        return _sniff_ole2(body)
    with _open_zip(body) as zf:
        return _zip_kind(zf)


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _sniff_ole2(body: bytes) -> str:
    """An OLE2 compound file: its directory names its streams (UTF-16 names, anywhere in it)."""
    if _utf16("EncryptedPackage") in body or _utf16("EncryptionInfo") in body:
        raise ExtractionError("document is encrypted (a password is needed to open it)")
    if _utf16("WordDocument") in body:
        return "doc"
    for stream, what in (("Workbook", "an Excel spreadsheet (xls)"), ("Book", "an Excel spreadsheet (xls)"),
                         ("PowerPoint Document", "a PowerPoint presentation (ppt)")):
        if _utf16(stream) in body:
            raise ExtractionError(f"unsupported format ({what})")
    raise ExtractionError("unsupported format (an OLE2/MS Office file that is not a Word document)")


def _open_zip(body: bytes) -> zipfile.ZipFile:
    """The archive, after checking its directory is of a report's size (not millions of entries)."""
    what = _zip_guess(body)
    eocd = body.rfind(b"PK\x05\x06", max(0, len(body) - 65_557))
    if eocd < 0 or len(body) < eocd + 22:
        raise ExtractionError(f"{what} is damaged or truncated (no ZIP directory at its end)")
    entries, cd_size = struct.unpack("<xxxxxxxxxxHI", body[eocd:eocd + 16])
    if cd_size == 0xFFFFFFFF or entries == 0xFFFF or cd_size > MAX_ZIP_DIRECTORY_BYTES:
        raise ExtractionError(f"{what} has too many entries for a document (a ZIP bomb?)")
    try:
        return zipfile.ZipFile(io.BytesIO(body))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        raise ExtractionError(f"{what} is damaged or truncated ({_one_line(exc)})") from None


def _zip_guess(body: bytes) -> str:
    """What a ZIP claims to be, from its first local headers, for error messages."""
    head = body[:4096]
    if b"word/" in head:
        return "DOCX file"
    if ODT_MIME.encode() in head[:200]:
        return "ODT file"
    return "ZIP/Office file"


def _zip_kind(zf: zipfile.ZipFile) -> str:
    names = set(zf.namelist())
    if "mimetype" in names:
        mime = _read_small(zf, "mimetype", 200).decode("ascii", "replace").strip()
        if mime.startswith(ODT_MIME) and "content.xml" in names:
            return "odt"
        if mime.startswith("application/vnd.oasis.opendocument."):
            raise ExtractionError(f"unsupported format (an OpenDocument {mime.rsplit('.', 1)[-1]} file, "
                                  "not a text document)")
    if _docx_main_part(zf, names):
        return "docx"
    if "xl/workbook.xml" in names:
        raise ExtractionError("unsupported format (an Excel spreadsheet (xlsx))")
    if "ppt/presentation.xml" in names:
        raise ExtractionError("unsupported format (a PowerPoint presentation (pptx))")
    raise ExtractionError("unsupported format (a ZIP archive, not a Word or OpenDocument text)")


def _docx_main_part(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    """The main document part: the package relationship's target, or word/document.xml."""
    if "_rels/.rels" in names:
        try:
            root = ET.fromstring(_read_small(zf, "_rels/.rels", MAX_SMALL_PART_BYTES))
            for rel in root.iter(f"{REL}Relationship"):
                target = rel.get("Target", "").lstrip("/")
                if rel.get("Type", "").endswith("/officeDocument") and target.startswith("word/") \
                        and target in names:
                    return target
        except (ET.ParseError, ExtractionError):
            pass
    return "word/document.xml" if "word/document.xml" in names else None


# --- reading parts safely ----------------------------------------------------------------

class _CappedPart(io.RawIOBase):
    """An archive member read as a stream, failing past `cap` unpacked bytes (headers can lie)
    and refusing XML with a DTD (entity-expansion bombs; no office part has one)."""

    def __init__(self, zf: zipfile.ZipFile, name: str, cap: int):
        info = zf.getinfo(name)
        if info.flag_bits & 0x1:
            raise ExtractionError("document is encrypted (a password is needed to open it)")
        if info.file_size > cap:
            raise ExtractionError(f"{name} unpacks to {info.file_size / 2**20:.0f} MB, over the "
                                  f"{cap // 2**20} MB limit (a ZIP bomb?)")
        self.name, self.cap, self.read_bytes = name, cap, 0
        self._fh = zf.open(info)
        self._checked = False

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        data = self._fh.read(min(len(buf), 1 << 16))
        self.read_bytes += len(data)
        if self.read_bytes > self.cap:
            raise ExtractionError(f"{self.name} unpacks to more than {self.cap // 2**20} MB "
                                  "(a ZIP bomb?)")
        if not self._checked and data:
            self._checked = True
            if re.search(rb"<!DOCTYPE|<!ENTITY", data[:4096], re.I):
                raise ExtractionError(f"{self.name} declares a DTD, which office files never do")
        buf[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self._fh.close()
        super().close()


def _read_small(zf: zipfile.ZipFile, name: str, cap: int = MAX_SMALL_PART_BYTES) -> bytes:
    with _CappedPart(zf, name, cap) as part:
        return io.BufferedReader(part).read()


def _parse_small(zf: zipfile.ZipFile, name: str, fmt: str):
    """A small XML part (styles, numbering, metadata) as a tree, or None when absent or broken."""
    if name not in zf.namelist():
        return None
    try:
        return ET.fromstring(_read_small(zf, name))
    except ET.ParseError as exc:
        log.warning("%s: %s is not well-formed (%s); read without it", fmt, name, exc)
        return None


def _blocks(zf: zipfile.ZipFile, name: str, container: str, fmt: str, on_other=None):
    """Yield the children of the `container` element of a large part one at a time, each
    complete, and drop it once handled, so memory stays bounded by one block."""
    started = time.monotonic()
    stack: list = []
    try:
        with _CappedPart(zf, name, MAX_PART_BYTES) as part:
            for event, el in ET.iterparse(io.BufferedReader(part, 1 << 16), events=("start", "end")):
                if event == "start":
                    stack.append(el)
                    continue
                stack.pop()
                if not stack:
                    break
                parent = stack[-1]
                if parent.tag == container:
                    yield el
                    parent.remove(el)
                    if time.monotonic() - started > TIME_BUDGET_S:
                        log.warning("%s: time limit reached, the rest of %s is skipped", fmt, name)
                        return
                elif on_other is not None and len(stack) == 1:
                    on_other(el)       # a top-level part such as ODT's automatic styles
                    parent.remove(el)
    except ET.ParseError as exc:
        raise ExtractionError(f"{fmt} is damaged ({name}: {_one_line(exc)})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError) as exc:
        reason = _one_line(exc)
        if "encrypted" in reason.lower() or "password" in reason.lower():
            raise ExtractionError("document is encrypted (a password is needed to open it)") from None
        raise ExtractionError(f"{fmt} is damaged ({name}: {reason})") from None


# --- shared output shape ---------------------------------------------------------------

class _Out:
    """Blocks of a document: paragraphs, headings, list items and table rows, joined like
    the PDF reader joins them (list items and table rows one per line, other blocks apart)."""

    def __init__(self):
        self.blocks: list[tuple[str, str]] = []
        self.title: str | None = None
        self.first_heading: str | None = None

    def add(self, kind: str, text: str) -> None:
        text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
        if not text:
            return
        self.blocks.append((kind, text))
        if kind == "h" and self.first_heading is None:
            self.first_heading = text.replace("\n", " ")

    def row(self, cells: list[str]) -> None:
        cells = [" ".join(c.split()) for c in cells]
        if any(cells):
            self.blocks.append(("row", " | ".join(cells)))

    def text(self) -> str:
        out: list[str] = []
        for n, (kind, text) in enumerate(self.blocks):
            if n:
                tight = kind == self.blocks[n - 1][0] and kind in ("row", "item")
                out.append("\n" if tight else "\n\n")
            out.append(text)
        return "".join(out)


def _inline_tabs(text: str) -> str:
    """Tabs inside a paragraph: after a list marker a space, between words a ' | ' cell break
    (a tab stop is the gap the PDF reader turns into ' | ')."""
    lines = []
    for line in text.split("\n"):
        parts = [p.strip() for p in line.split("\t")]
        parts = [p for p in parts if p]
        if len(parts) > 1 and _MARKER.match(parts[0]):
            parts = [parts[0] + " " + parts[1]] + parts[2:]
        lines.append(" | ".join(parts))
    return "\n".join(lines)


def _format_number(n: int, fmt: str) -> str:
    fmt = (fmt or "decimal").lower()
    if fmt in ("lowerletter", "upperletter"):
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(ord("a") + r) + s
        return s.upper() if fmt == "upperletter" else s
    if fmt in ("lowerroman", "upperroman"):
        vals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
        s = ""
        for v, r in vals:
            while n >= v:
                s, n = s + r, n - v
        return s.upper() if fmt == "upperroman" else s
    if fmt == "decimalzero":
        return f"{n:02d}"
    return str(n)


def _odf_number(n: int, fmt: str) -> str:
    """ODF style:num-format: '1', 'a', 'A', 'i', 'I' (others as decimal)."""
    if fmt in ("a", "A"):
        s = _format_number(n, "lowerletter")
        return s.upper() if fmt == "A" else s
    if fmt in ("i", "I"):
        s = _format_number(n, "lowerroman")
        return s.upper() if fmt == "I" else s
    return str(n)


def _meta_title(title: str | None) -> str | None:
    """A document-properties title unless it is a placeholder or a file name."""
    title = " ".join((title or "").split())
    if (len(title) < 4 or title.lower() in ("untitled", "bez tytułu", "dokument1", "document1")
            or re.search(r"\.(docx?|odt|rtf|pdf|xlsx?)$", title, re.I)):
        return None
    return title


def _plain_title(text: str) -> str | None:
    """Without a title style or property: the first headline-like line, as for plain text."""
    from extract.text import _first_heading_line

    return _first_heading_line(text)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]


# --- entry point -------------------------------------------------------------------------

def office_text(body: bytes, fmt: str) -> tuple[str, str | None]:
    """(text, title) of a 'docx', 'odt' or 'doc' file; ExtractionError when it cannot be read."""
    if fmt == "doc":
        return doc_text(body)
    with _open_zip(body) as zf:
        if fmt == "docx":
            return _docx(zf)
        return _odt(zf)


# --- DOCX --------------------------------------------------------------------------------

class _Numbering:
    """Word list numbering: numbering.xml definitions, styles' own numbering, and counters."""

    def __init__(self, numbering, styles):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}   # abstractNumId → ilvl → fmt
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}           # numId → (abstract, starts)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        self.style_name: dict[str, str] = {}
        self.style_outline: set[str] = set()
        if numbering is not None:
            for ab in numbering.iter(f"{W}abstractNum"):
                lv = {}
                for lvl in ab.iter(f"{W}lvl"):
                    ilvl = _int(lvl.get(f"{W}ilvl"), 0)
                    lv[ilvl] = (_val(lvl.find(f"{W}numFmt")) or "decimal",
                                _val(lvl.find(f"{W}lvlText")) or "",
                                _int(_val(lvl.find(f"{W}start")), 1))
                self.levels[ab.get(f"{W}abstractNumId", "")] = lv
            for num in numbering.iter(f"{W}num"):
                starts = {}
                for ov in num.iter(f"{W}lvlOverride"):
                    so = ov.find(f"{W}startOverride")
                    if so is not None:
                        starts[_int(ov.get(f"{W}ilvl"), 0)] = _int(_val(so), 1)
                self.nums[num.get(f"{W}numId", "")] = (_val(num.find(f"{W}abstractNumId")) or "", starts)
        if styles is not None:
            based: dict[str, str] = {}
            for st in styles.iter(f"{W}style"):
                sid = st.get(f"{W}styleId", "")
                self.style_name[sid] = (_val(st.find(f"{W}name")) or sid).lower()
                if _val(st.find(f"{W}basedOn")):
                    based[sid] = _val(st.find(f"{W}basedOn"))
                ppr = st.find(f"{W}pPr")
                if ppr is not None:
                    numpr = ppr.find(f"{W}numPr")
                    if numpr is not None and _val(numpr.find(f"{W}numId")):
                        self.style_num[sid] = (_val(numpr.find(f"{W}numId")),
                                               _int(_val(numpr.find(f"{W}ilvl")), 0))
                    if ppr.find(f"{W}outlineLvl") is not None:
                        self.style_outline.add(sid)
            for sid in list(self.style_name):   # numbering and headings come down the basedOn chain
                cur, seen = sid, set()
                while cur in based and cur not in seen and sid not in self.style_num:
                    seen.add(cur)
                    cur = based[cur]
                    if cur in self.style_num:
                        self.style_num[sid] = self.style_num[cur]

    def is_heading(self, style_id: str | None, ppr) -> bool:
        if ppr is not None and ppr.find(f"{W}outlineLvl") is not None:
            lvl = _int(_val(ppr.find(f"{W}outlineLvl")), 9)
            if lvl < 9:
                return True
        if not style_id:
            return False
        name = self.style_name.get(style_id, style_id.lower())
        return (name.startswith(("heading", "nagłówek", "naglowek")) or name in ("title", "tytuł")
                or style_id.lower().startswith(("heading", "nagwek", "tytu", "title")))

    def is_title(self, style_id: str | None) -> bool:
        if not style_id:
            return False
        return self.style_name.get(style_id, style_id.lower()) in ("title", "tytuł") \
            or style_id.lower() in ("title", "tytu", "tytuł")

    def marker(self, style_id: str | None, ppr) -> str | None:
        """The rendered number or bullet of a paragraph, advancing its list's counters."""
        num_id, ilvl = None, 0
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr.find(f"{W}numId"))
            ilvl = _int(_val(numpr.find(f"{W}ilvl")), 0)
            if num_id is None and style_id in self.style_num:
                num_id = self.style_num[style_id][0]
        elif style_id in self.style_num:
            num_id, ilvl = self.style_num[style_id]
        if not num_id or num_id == "0":
            return None
        abstract, starts = self.nums.get(num_id, ("", {}))
        levels = self.levels.get(abstract, {})
        fmt, lvl_text, start = levels.get(ilvl, ("bullet" if not levels else "decimal", "", 1))
        start = starts.get(ilvl, start)
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "none":
            return None
        if fmt == "bullet":
            return _BULLET
        if not lvl_text:
            return f"{_format_number(counters[ilvl], fmt)}."

        def level_value(m):
            k = int(m.group(1)) - 1
            kfmt, _, kstart = levels.get(k, ("decimal", "", 1))
            return _format_number(counters.get(k, starts.get(k, kstart)), kfmt if kfmt != "bullet" else "decimal")

        text = re.sub(r"%([1-9])", level_value, lvl_text).strip()
        return text or None


def _val(el) -> str | None:
    return None if el is None else el.get(f"{W}val")


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# Inside a paragraph: elements whose text is not the document's visible text.
_DOCX_SKIP = {f"{W}pPr", f"{W}rPr", f"{W}del", f"{W}moveFrom", f"{W}delText", f"{W}instrText",
              f"{W}delInstrText", f"{W}footnoteReference", f"{W}endnoteReference",
              f"{W}commentReference", f"{MC}Fallback", f"{W}sectPr"}


def _docx_paragraph(p, deferred: list) -> str:
    """Visible text of a w:p: runs, tabs and line breaks; text boxes are kept for after it."""
    parts: list[str] = []

    def walk(el):
        for c in el:
            tag = c.tag
            if tag in _DOCX_SKIP:
                continue
            if tag == f"{W}t":
                parts.append(c.text or "")
            elif tag in (f"{W}tab", f"{W}ptab"):
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}txbxContent" or tag == f"{W}p" or tag == f"{W}tbl":
                deferred.append(c)
            else:
                walk(c)
    walk(p)
    return "".join(parts)


def _docx_block(el, num: _Numbering, out: _Out, in_cell: list | None = None) -> None:
    """One body-level element: a paragraph, a table, or a container of them."""
    tag = el.tag
    if tag == f"{W}p":
        deferred: list = []
        text = _docx_paragraph(el, deferred)
        ppr = el.find(f"{W}pPr")
        style = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        marker = num.marker(style, ppr)
        if in_cell is not None:
            if text.strip():
                in_cell.append(f"{marker} {text}" if marker else text)
        elif text.strip():
            if marker:
                out.add("item", f"{marker} " + _inline_tabs(text))
            elif num.is_heading(style, ppr):
                out.add("h", _inline_tabs(text))
                if out.title is None and num.is_title(style):
                    out.title = " ".join(text.split())
            else:
                out.add("p", _inline_tabs(text))
        for box in deferred:
            _docx_container(box, num, out, in_cell)
    elif tag == f"{W}tbl":
        if in_cell is not None:     # a table nested in a cell: its text joins the cell
            for row in _docx_rows(el):
                for cell in _docx_cells(row):
                    _docx_container(cell, num, out, in_cell)
            return
        for row in _docx_rows(el):
            cells = []
            for cell in _docx_cells(row):
                texts: list[str] = []
                _docx_container(cell, num, out, texts)
                cells.append(" ".join(t.replace("\t", " ").replace("\n", " ") for t in texts))
                tcpr = cell.find(f"{W}tcPr")
                span = _int(_val(tcpr.find(f"{W}gridSpan")), 1) if tcpr is not None else 1
                cells.extend([""] * min(max(span - 1, 0), 63))  # merged columns, as pdfplumber gives
            out.row(cells)
    elif tag in (f"{W}sectPr", f"{W}bookmarkStart", f"{W}bookmarkEnd", f"{W}del", f"{W}moveFrom"):
        return
    else:                           # w:sdt, w:sdtContent, w:customXml, w:ins, w:txbxContent, …
        _docx_container(el, num, out, in_cell)


def _docx_container(el, num: _Numbering, out: _Out, in_cell: list | None) -> None:
    for child in el:
        if child.tag in (f"{W}sdtPr", f"{W}sdtEndPr", f"{W}tcPr", f"{W}trPr", f"{W}tblPr", f"{W}customXmlPr"):
            continue
        _docx_block(child, num, out, in_cell)


def _children(el, tag: str, wrappers: tuple[str, ...]):
    """Children of `el` with `tag`, also those inside wrapper elements (content controls,
    row groups), but not inside other elements (a table nested in a cell keeps its rows)."""
    for c in el:
        if c.tag == tag:
            yield c
        elif c.tag in wrappers:
            yield from _children(c, tag, wrappers)


_DOCX_WRAPPERS = (f"{W}sdt", f"{W}sdtContent", f"{W}customXml")


def _docx_rows(tbl):
    return _children(tbl, f"{W}tr", _DOCX_WRAPPERS)


def _docx_cells(tr):
    return _children(tr, f"{W}tc", _DOCX_WRAPPERS)


def _docx(zf: zipfile.ZipFile) -> tuple[str, str | None]:
    names = set(zf.namelist())
    main = _docx_main_part(zf, names)
    if main is None:
        raise ExtractionError("DOCX has no main document part")
    num = _Numbering(_parse_small(zf, "word/numbering.xml", "DOCX"), _parse_small(zf, "word/styles.xml", "DOCX"))
    out = _Out()
    for el in _blocks(zf, main, f"{W}body", "DOCX"):
        _docx_block(el, num, out)
    title = None
    core = _parse_small(zf, "docProps/core.xml", "DOCX")
    if core is not None:
        el = core.find(f"{DC}title")
        title = _meta_title(el.text if el is not None else None)
    text = out.text()
    return text, title or out.title or out.first_heading or _plain_title(text)


# --- ODT ---------------------------------------------------------------------------------

class _OdfStyles:
    """ODT list styles (number format, prefix/suffix, bullets per level) and paragraph styles
    (which automatic styles are headings or the title), from styles.xml and content.xml."""

    def __init__(self):
        self.lists: dict[str, dict[int, dict]] = {}
        self.parent: dict[str, str] = {}
        self.display: dict[str, str] = {}
        self.para_list: dict[str, str] = {}

    def read(self, root) -> None:
        if root is None:
            return
        for ls in root.iter(f"{TEXT}list-style"):
            levels = {}
            for lv in ls:
                level = _int(lv.get(f"{TEXT}level"), 1)
                if lv.tag == f"{TEXT}list-level-style-number":
                    levels[level] = {"fmt": lv.get(f"{STYLE}num-format", "1"),
                                     "prefix": lv.get(f"{STYLE}num-prefix", ""),
                                     "suffix": lv.get(f"{STYLE}num-suffix", ""),
                                     "start": _int(lv.get(f"{TEXT}start-value"), 1),
                                     "display": _int(lv.get(f"{TEXT}display-levels"), 1)}
                elif lv.tag in (f"{TEXT}list-level-style-bullet", f"{TEXT}list-level-style-image"):
                    levels[level] = {"fmt": "bullet"}
            self.lists[ls.get(f"{STYLE}name", "")] = levels
        for st in root.iter(f"{STYLE}style"):
            name = st.get(f"{STYLE}name", "")
            if st.get(f"{STYLE}parent-style-name"):
                self.parent[name] = st.get(f"{STYLE}parent-style-name")
            if st.get(f"{STYLE}display-name"):
                self.display[name] = st.get(f"{STYLE}display-name")
            if st.get(f"{STYLE}list-style-name"):
                self.para_list[name] = st.get(f"{STYLE}list-style-name")

    def _chain(self, name: str | None):
        seen = set()
        while name and name not in seen:
            seen.add(name)
            yield name, self.display.get(name, name).replace("_20_", " ").lower()
            name = self.parent.get(name)

    def is_title(self, name: str | None) -> bool:
        return any(disp in ("title", "tytuł") for _, disp in self._chain(name))

    def is_heading(self, name: str | None) -> bool:
        return any(disp.startswith(("heading", "nagłówek")) or disp in ("title", "tytuł")
                   for _, disp in self._chain(name))


# Inside an ODT paragraph: elements whose content is not the visible running text.
_ODT_SKIP = {f"{TEXT}note", f"{OFFICE}annotation", f"{OFFICE}annotation-end", f"{TEXT}bookmark-ref",
             f"{TEXT}tracked-changes", f"{TEXT}soft-page-break", f"{TEXT}number"}


def _odt_paragraph(p, deferred: list) -> str:
    """Visible text of a text:p / text:h (mixed content: element text and tails)."""
    parts: list[str] = [p.text or ""]

    def walk(el):
        for c in el:
            tag = c.tag
            if tag in _ODT_SKIP:
                pass
            elif tag == f"{TEXT}s":
                parts.append(" ")
            elif tag == f"{TEXT}tab":
                parts.append("\t")
            elif tag == f"{TEXT}line-break":
                parts.append("\n")
            elif tag == f"{DRAW}frame":
                for box in c.iter(f"{DRAW}text-box"):
                    deferred.append(box)
            else:
                parts.append(c.text or "")
                walk(c)
            parts.append(c.tail or "")
    walk(p)
    return "".join(parts)


class _OdtReader:
    def __init__(self, styles: _OdfStyles):
        self.styles = styles
        self.out = _Out()
        self.list_counters: dict[str, dict[int, int]] = {}   # list style → level → counter
        self.list_ids: dict[str, dict[int, int]] = {}        # xml:id of a list → its counters

    def block(self, el, cell: list | None = None, list_ctx: tuple | None = None) -> None:
        tag = el.tag
        if tag in (f"{TEXT}p", f"{TEXT}h"):
            deferred: list = []
            text = _odt_paragraph(el, deferred)
            style = el.get(f"{TEXT}style-name")
            number = el.find(f"{TEXT}number")
            marker = None
            if list_ctx is not None:
                marker = list_ctx[0] if number is None else (number.text or "").strip() or list_ctx[0]
                list_ctx = None
            if cell is not None:
                if text.strip():
                    cell.append(f"{marker} {text}" if marker else text)
            elif text.strip():
                if marker:
                    self.out.add("item", f"{marker} " + _inline_tabs(text))
                elif tag == f"{TEXT}h" or self.styles.is_heading(style):
                    self.out.add("h", _inline_tabs(text))
                    if self.out.title is None and self.styles.is_title(style):
                        self.out.title = " ".join(text.split())
                else:
                    self.out.add("p", _inline_tabs(text))
            for box in deferred:
                self.container(box, cell)
        elif tag == f"{TEXT}list":
            self.list(el, cell, style=None, level=1, counters=None)
        elif tag == f"{TABLE}table":
            self.table(el, cell)
        elif tag in _ODT_SKIP or tag in (f"{TEXT}sequence-decls", f"{TEXT}variable-decls",
                                         f"{TEXT}user-field-decls", f"{OFFICE}forms",
                                         f"{TEXT}index-title-template", f"{TEXT}table-of-content-source",
                                         f"{TABLE}table-columns", f"{TABLE}table-column"):
            return
        else:                           # text:section, index bodies, draw:text-box, …
            self.container(el, cell)

    def container(self, el, cell: list | None) -> None:
        for child in el:
            self.block(child, cell)

    def list(self, el, cell, style, level, counters) -> None:
        style = el.get(f"{TEXT}style-name") or style
        if counters is None:
            key = style or ""
            cont = el.get(f"{TEXT}continue-list")
            if cont and cont in self.list_ids:
                counters = self.list_ids[cont]
            elif el.get(f"{TEXT}continue-numbering") == "true" and key in self.list_counters:
                counters = self.list_counters[key]
            else:
                counters = {}
            self.list_counters[key] = counters
            xml_id = el.get("{http://www.w3.org/XML/1998/namespace}id")
            if xml_id:
                self.list_ids[xml_id] = counters
        levels = self.styles.lists.get(style or "", {})
        for item in el:
            if item.tag not in (f"{TEXT}list-item", f"{TEXT}list-header"):
                continue
            marker = None
            if item.tag == f"{TEXT}list-item":
                marker = self._marker(levels, level, counters, item)
            first = True
            for child in item:
                if child.tag == f"{TEXT}list":
                    self.list(child, cell, style, level + 1, counters)
                elif child.tag in (f"{TEXT}p", f"{TEXT}h"):
                    self.block(child, cell, (marker,) if first and marker else None)
                    first = False
                else:
                    self.block(child, cell)

    @staticmethod
    def _marker(levels: dict, level: int, counters: dict, item) -> str:
        spec = levels.get(level, {"fmt": "bullet"} if not levels else {"fmt": "1", "suffix": "."})
        if spec["fmt"] == "bullet":
            return _BULLET
        start = _int(item.get(f"{TEXT}start-value"), 0)
        counters[level] = start if start else counters.get(level, spec.get("start", 1) - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if spec["fmt"] == "":
            return _BULLET
        shown = []
        for lv in range(max(1, level - spec.get("display", 1) + 1), level + 1):
            lspec = levels.get(lv, spec)
            shown.append(_odf_number(counters.get(lv, lspec.get("start", 1)),
                                     lspec.get("fmt", "1") if lspec.get("fmt") != "bullet" else "1"))
        return (spec.get("prefix", "") + ".".join(shown) + spec.get("suffix", "")).strip() or _BULLET

    def table(self, tbl, cell: list | None) -> None:
        for row in _odt_rows(tbl):
            cells = []
            for c in row:
                if c.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                    continue
                texts: list[str] = []
                if c.tag == f"{TABLE}table-cell":
                    self.container(c, texts)
                text = " ".join(t.replace("\t", " ").replace("\n", " ") for t in texts)
                repeat = min(_int(c.get(f"{TABLE}number-columns-repeated"), 1), MAX_REPEATED_CELLS)
                cells.extend([text] * max(repeat, 1))
            while cells and not cells[-1]:
                cells.pop()
            if cell is not None:
                cell.extend(t for t in cells if t)
            else:
                self.out.row(cells)


def _odt_rows(el):
    return _children(el, f"{TABLE}table-row",
                     (f"{TABLE}table-header-rows", f"{TABLE}table-rows", f"{TABLE}table-row-group"))


def _odt(zf: zipfile.ZipFile) -> tuple[str, str | None]:
    if "META-INF/manifest.xml" in zf.namelist():
        manifest = _read_small(zf, "META-INF/manifest.xml")
        if b"encryption-data" in manifest:
            raise ExtractionError("document is encrypted (a password is needed to open it)")
    styles = _OdfStyles()
    styles.read(_parse_small(zf, "styles.xml", "ODT"))
    reader = _OdtReader(styles)
    for el in _blocks(zf, "content.xml", f"{OFFICE}text", "ODT",
                      on_other=lambda el: styles.read(el) if el.tag == f"{OFFICE}automatic-styles" else None):
        reader.block(el)
    title = None
    meta = _parse_small(zf, "meta.xml", "ODT")
    if meta is not None:
        el = meta.find(f".//{DC}title")
        title = _meta_title(el.text if el is not None else None)
    text = reader.out.text()
    return text, title or reader.out.title or reader.out.first_heading or _plain_title(text)


# --- old binary DOC ----------------------------------------------------------------------

def doc_available() -> bool:
    """Debian's antiword is installed."""
    return shutil.which("antiword") is not None


def doc_text(body: bytes) -> tuple[str, str | None]:
    """(text, title) of an old Word DOC via antiword; tables come out as ' | ' rows."""
    if not doc_available():
        raise ExtractionError("DOC needs antiword, which is not installed")
    with tempfile.TemporaryDirectory(prefix="partmon-doc-") as tmp:
        src = os.path.join(tmp, "in.doc")
        with open(src, "wb") as fh:
            fh.write(body)
        try:
            res = subprocess.run(["antiword", "-m", "UTF-8.txt", "-w", "0", src], capture_output=True,
                                 timeout=DOC_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise ExtractionError(f"DOC took longer than {DOC_TIMEOUT_S} s to read") from None
        except OSError as exc:
            raise ExtractionError(f"DOC could not be read ({_one_line(exc)})") from None
    err = res.stderr.decode("utf-8", "replace")
    if "encrypt" in err.lower() or "password" in err.lower():
        raise ExtractionError("document is encrypted (a password is needed to open it)")
    if res.returncode != 0:
        reason = " ".join(err.replace(src, "").split()) or (
            f"antiword stopped by signal {-res.returncode}" if res.returncode < 0
            else f"antiword exit status {res.returncode}")
        raise ExtractionError(f"DOC is damaged or not a Word document ({reason[:120]})")
    text = _antiword_text(res.stdout.decode("utf-8", "replace"))
    return text, _plain_title(text)


def _antiword_text(raw: str) -> str:
    """antiword's output in the shared shape: '|a |b |' table lines become 'a | b' rows,
    list items stay one per line, paragraphs are separated by blank lines."""
    out = _Out()
    for block in re.split(r"\n\s*\n", raw.replace("\f", "\n")):
        for line in block.split("\n"):
            stripped = line.strip()
            if not stripped:
                continue
            if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
                out.row([c.strip() for c in stripped[1:-1].split("|")])
            elif re.match(r"^(?:[•·◦▪■●○►▶✓–—*-]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s", stripped):
                out.add("item", stripped)
            else:
                out.add("p", stripped)       # with -w 0 antiword gives a paragraph per line
    return out.text()
