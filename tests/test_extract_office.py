"""Word and OpenDocument reports (DOCX, ODT, old DOC) read as text in the shape the PDF and HTML
readers give, and every kind of bad office file turned into one clear error line.

The DOCX and ODT files are written here, part by part, by our own generator below: the XML a
word processor saves (styles, list numbering, tables, headers and footers, tracked changes,
document properties) around our own Polish report texts from fixtures_docs.
"""
from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from conftest import partmon
from fixtures_docs import BODIES, BODY_BRZOZOWO, BODY_ZIELONA, expected_lines
from extract.office_text import doc_available
from extract.text import ExtractionError, document_text

HEADER_LINE = "Urząd Gminy Zielona Dolina – dokument wewnętrzny"
FOOTER_LINE = "Strona 1 z 1 – wydruk z systemu"
DELETED = "Tego zdania już nie ma w dokumencie"
COMMENT = "Komentarz redakcyjny do usunięcia"

# --- DOCX: our own generator --------------------------------------------------------------
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_PREFIX = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def _w_par(text: str, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    ppr = ""
    if style or num:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + (
            f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else "") + "</w:pPr>"
    # the text split over runs, as word processors save it after editing
    half = len(text) // 2
    runs = "".join(f'<w:r><w:rPr><w:lang w:val="pl-PL"/></w:rPr><w:t xml:space="preserve">{escape(part)}</w:t></w:r>'
                   for part in (text[:half], text[half:]) if part)
    return f"<w:p>{ppr}{runs}</w:p>"


def docx_bytes(blocks, *, title: str | None = None, extras: str = "") -> bytes:
    """A DOCX of `blocks` (fixtures_docs format) with styles, numbering, header and footer."""
    body, ol_count = [], 0
    for kind, value in blocks:
        if kind == "h1":
            body.append(_w_par(value, "Tytu"))
        elif kind == "h2":
            body.append(_w_par(value, "Nagwek2"))
        elif kind == "p":
            body.append(_w_par(value))
        elif kind == "ul":
            body += [_w_par(v, "Akapitzlist", (1, 0)) for v in value]
        elif kind == "ol":
            ol_count += 1       # each numbered list its own w:num, restarting at 1
            body += [_w_par(v, "Akapitzlist", (1 + ol_count, 0)) for v in value]
        elif kind == "table":
            rows = "".join("<w:tr>" + "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{_w_par(c)}</w:tc>' for c in row)
                + "</w:tr>" for row in value)
            body.append(f'<w:tbl><w:tblPr><w:tblStyle w:val="Tabela-Siatka"/></w:tblPr>'
                        f'<w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid>{rows}</w:tbl>')
    if len(body) > 2:  # a tracked deletion and a comment inside the second paragraph
        body[2] = body[2].replace("</w:p>", f'<w:del w:id="1" w:author="A"><w:r><w:delText>{DELETED}'
                                  f'</w:delText></w:r></w:del><w:commentReference w:id="0"/></w:p>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" '
                f'xmlns:r="{R_NS}"><w:body>{"".join(body)}{extras}<w:sectPr><w:headerReference w:type="default" '
                f'r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="11906" '
                f'w:h="16838"/></w:sectPr></w:body></w:document>')
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                     f'<w:lvlText w:val="{".".join(f"%{k + 1}" for k in range(i + 1))}."/></w:lvl>' for i in range(3))
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W_NS}">'
                 '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/><w:rPr><w:rFonts w:ascii="Symbol"/>'
                 f'</w:rPr></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 + "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                           f'<w:startOverride w:val="1"/></w:lvlOverride></w:num>' for n in range(2, 6))
                 + "</w:numbering>")
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normalny"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Tytu"><w:name w:val="Title"/>'
              '<w:basedOn w:val="Normalny"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Nagwek2"><w:name w:val="heading 2"/>'
              '<w:basedOn w:val="Normalny"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Akapitzlist"><w:name w:val="List Paragraph"/>'
              '<w:basedOn w:val="Normalny"/></w:style></w:styles>')

    def part(tag, text):
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} xmlns:w="{W_NS}">'
                f'{_w_par(text)}</w:{tag}>')

    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp='
            '"http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title>{escape(title or "Dokument1")}</dc:title><dc:creator>UG</dc:creator></cp:coreProperties>')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxml'
            'formats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{CT_PREFIX}document.main+xml"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{CT_PREFIX}styles+xml"/>'
            f'<Override PartName="/word/numbering.xml" ContentType="{CT_PREFIX}numbering+xml"/>'
            f'<Override PartName="/word/header1.xml" ContentType="{CT_PREFIX}header+xml"/>'
            f'<Override PartName="/word/footer1.xml" ContentType="{CT_PREFIX}footer+xml"/>'
            f'<Override PartName="/word/comments.xml" ContentType="{CT_PREFIX}comments+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
            'core-properties+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}officeDocument" '
            'Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
            'package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}styles" '
            f'Target="styles.xml"/><Relationship Id="rId2" Type="{rel}numbering" Target="numbering.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}header" Target="header1.xml"/><Relationship Id="rId4" '
            f'Type="{rel}footer" Target="footer1.xml"/><Relationship Id="rId5" Type="{rel}comments" '
            'Target="comments.xml"/></Relationships>'),
        "word/document.xml": document,
        "word/styles.xml": styles,
        "word/numbering.xml": numbering,
        "word/header1.xml": part("hdr", HEADER_LINE),
        "word/footer1.xml": part("ftr", FOOTER_LINE),
        "word/comments.xml": part("comments", COMMENT),
        "docProps/core.xml": core,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text.encode("utf-8"))
    return buf.getvalue()


# --- ODT: our own generator ---------------------------------------------------------------
ODF_NS = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
          "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
          "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
          "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
          "dc": "http://purl.org/dc/elements/1.1/",
          "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
          "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"}
XMLNS = " ".join(f'xmlns:{k}="{v}"' for k, v in ODF_NS.items() if k != "manifest")


def _odt_span(text: str) -> str:
    """Text with a styled span and a double space, as LibreOffice saves them."""
    half = len(text) // 2
    return f'{escape(text[:half])}<text:span text:style-name="T1">{escape(text[half:])}</text:span>'


def odt_bytes(blocks, *, title: str | None = None, encrypted: bool = False) -> bytes:
    """An ODT of `blocks` (fixtures_docs format) with list styles, a table, header and footer."""
    body = []
    for kind, value in blocks:
        if kind == "h1":
            body.append(f'<text:p text:style-name="P1">{_odt_span(value)}</text:p>')
        elif kind == "h2":
            body.append(f'<text:h text:style-name="Heading_20_2" text:outline-level="2">{_odt_span(value)}</text:h>')
        elif kind == "p":
            body.append(f'<text:p text:style-name="Text_20_body">{_odt_span(value)}</text:p>')
        elif kind in ("ul", "ol"):
            items = "".join(f'<text:list-item><text:p text:style-name="P2">{_odt_span(v)}</text:p></text:list-item>'
                            for v in value)
            body.append(f'<text:list text:style-name="{"L1" if kind == "ul" else "L2"}">{items}</text:list>')
        elif kind == "table":
            def row(cells):
                return "<table:table-row>" + "".join(
                    f'<table:table-cell office:value-type="string"><text:p>{_odt_span(c)}</text:p></table:table-cell>'
                    for c in cells) + "</table:table-row>"
            body.append(f'<table:table table:name="Tabela1"><table:table-column table:number-columns-repeated='
                        f'"{len(value[0])}"/><table:table-header-rows>{row(value[0])}</table:table-header-rows>'
                        + "".join(row(r) for r in value[1:]) + "</table:table>")
    if len(body) > 2:  # a comment and a footnote inside the second paragraph
        body[2] = body[2].replace("</text:p>", f'<office:annotation><dc:creator>A</dc:creator><text:p>{COMMENT}'
                                  f'</text:p></office:annotation><text:note text:note-class="footnote"><text:note-'
                                  f'citation>1</text:note-citation><text:note-body><text:p>{DELETED}</text:p>'
                                  '</text:note-body></text:note></text:p>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {XMLNS} office:version="1.3">'
               '<office:automatic-styles>'
               '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'
               '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="List_20_Paragraph"/>'
               '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/>'
               '</style:style>'
               '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" '
               'text:bullet-char="•"/></text:list-style>'
               '<text:list-style style:name="L2"><text:list-level-style-number text:level="1" '
               'style:num-suffix="." style:num-format="1"/></text:list-style>'
               '</office:automatic-styles><office:body><office:text><text:sequence-decls/>'
               f'{"".join(body)}</office:text></office:body></office:document-content>')
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {XMLNS} office:version="1.3">'
              '<office:styles><style:style style:name="Title" style:display-name="Title" style:family="paragraph"/>'
              '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"/>'
              '</office:styles><office:master-styles><style:master-page style:name="Standard">'
              f'<style:header><text:p>{HEADER_LINE}</text:p></style:header>'
              f'<style:footer><text:p>{FOOTER_LINE}</text:p></style:footer>'
              '</style:master-page></office:master-styles></office:document-styles>')
    meta = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {XMLNS} office:version="1.3">'
            f'<office:meta>{f"<dc:title>{escape(title)}</dc:title>" if title else ""}</office:meta>'
            '</office:document-meta>')
    entries = "".join(
        f'<manifest:file-entry manifest:full-path="{n}" manifest:media-type="text/xml">'
        + ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
           '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>'
           '</manifest:encryption-data>' if encrypted and n == "content.xml" else "")
        + "</manifest:file-entry>" for n in ("content.xml", "styles.xml", "meta.xml"))
    manifest = (f'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="{ODF_NS["manifest"]}" '
                'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type='
                f'"application/vnd.oasis.opendocument.text"/>{entries}</manifest:manifest>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        for name, text in (("content.xml", content), ("styles.xml", styles), ("meta.xml", meta),
                           ("META-INF/manifest.xml", manifest)):
            data = text.encode("utf-8")
            if encrypted and name == "content.xml":
                data = bytes(b ^ 0x5A for b in data)      # what an encrypted part looks like: not XML
            zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# --- an OLE2 compound file (the container of DOC and of password-protected DOCX) ----------
def ole2_bytes(streams: dict[str, bytes]) -> bytes:
    """A minimal but well-formed compound file holding `streams` (each padded to 4096 bytes, so
    none goes to the mini stream): header, one FAT sector, one directory sector, the data."""
    names = list(streams)
    assert len(names) <= 3
    data_sectors, layout, nxt = [], [], 2
    for name in names:
        blob = streams[name].ljust(4096, b"\0")
        blob += b"\0" * (-len(blob) % 512)
        n = len(blob) // 512
        layout.append((nxt, len(streams[name]) if len(streams[name]) >= 4096 else 4096, n))
        data_sectors.append(blob)
        nxt += n
    fat = [0xFFFFFFFD, 0xFFFFFFFE]            # sector 0: the FAT, sector 1: the directory
    for start, _size, n in layout:
        fat += [start + i + 1 for i in range(n - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (128 - len(fat))

    def entry(name, kind, child=0xFFFFFFFF, right=0xFFFFFFFF, start=0xFFFFFFFE, size=0):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, 0xFFFFFFFF, right, child)
                + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start, size))

    directory = entry("Root Entry", 5, child=1 if names else 0xFFFFFFFF)
    for i, (name, (start, size, _n)) in enumerate(zip(names, layout)):
        directory += entry(name, 2, right=i + 2 if i + 1 < len(names) else 0xFFFFFFFF, start=start, size=size)
    directory = directory.ljust(512, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
              + struct.pack("<I", 0) + struct.pack("<I", 0xFFFFFFFF) * 108)
    assert len(header) == 512
    return header + struct.pack("<128I", *fat) + directory + b"".join(data_sectors)


def doc_bytes(paragraphs: list[str], *, encrypted: bool = False) -> bytes:
    """A Word 97 DOC: the File Information Block, the text as one UTF-16 piece (paragraphs
    end with CR), the piece table and an empty style sheet in the 1Table stream, inside a
    compound file. No character or paragraph formatting, so no tables: what antiword needs."""
    text = "\r".join(paragraphs) + "\r"
    data = text.encode("utf-16-le")
    fc = 2048                                   # the text starts after the FIB
    fib = bytearray(fc)
    flags = 0x1200 | (0x0100 if encrypted else 0)   # fWhichTblStm (1Table), fExtChar, fEncrypted
    struct.pack_into("<HHHHHHH", fib, 0, 0xA5EC, 0x00C1, 0, 0x0415, 0, flags, 0x00BF)
    struct.pack_into("<II", fib, 0x18, fc, fc + len(data))         # fcMin, fcMac
    struct.pack_into("<H", fib, 0x20, 14)                           # csw
    struct.pack_into("<H", fib, 0x3E, 22)                           # cslw
    struct.pack_into("<II", fib, 0x40, fc + len(data), 0)           # cbMac
    struct.pack_into("<I", fib, 0x4C, len(text))                    # ccpText
    struct.pack_into("<H", fib, 0x98, 93)                           # cbRgFcLcb (Word 97)
    plc = struct.pack("<II", 0, len(text)) + struct.pack("<HIH", 0, fc, 0)   # one piece: CPs + PCD
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    stsh = struct.pack("<H", 18) + struct.pack("<HHHHHH", 0, 10, 1, 0, 0, 0) + b"\0" * 6  # no styles
    struct.pack_into("<II", fib, 0xA2, len(clx), len(stsh))         # fcStshf, lcbStshf
    struct.pack_into("<II", fib, 0x1A2, 0, len(clx))                # fcClx, lcbClx
    return ole2_bytes({"WordDocument": bytes(fib) + data, "1Table": clx + stsh})


def doc_paragraphs(blocks) -> list[str]:
    """A report typed in an old word processor: numbers and bullets typed by hand."""
    return expected_lines([b for b in blocks if b[0] != "table"])


# --- tests ------------------------------------------------------------------------------
def _lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


@pytest.mark.parametrize("name", sorted(BODIES))
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_office_report_reads_like_the_pdf_and_html_readers(fmt, name):
    """Headings, paragraphs, numbered and bulleted items, table rows with ' | ' cells, in order;
    nothing from headers, footers, comments, footnotes or deleted text."""
    blocks = BODIES[name]
    body = docx_bytes(blocks) if fmt == "docx" else odt_bytes(blocks)
    got = document_text(body, name=f"raport.{fmt}")
    assert got["format"] == fmt
    assert _lines(got["text"]) == expected_lines(blocks)
    for chrome in (HEADER_LINE, FOOTER_LINE, DELETED, COMMENT, "\uf0b7"):
        assert chrome not in got["text"]
    assert got["title"] == blocks[0][1]          # the Title-styled first line


def test_table_rows_and_list_items_are_one_per_line_and_blocks_are_apart():
    text = document_text(docx_bytes(BODY_ZIELONA))["text"]
    assert ("Lp. | Imię i nazwisko | Organizacja\n1 | Zofia Wróblewska | "
            "Stowarzyszenie Przyjaciół Ziemi Zielonodolskiej\n") in text
    assert "\n1. Organizacja zajęć sportowych dla dzieci i młodzieży szkolnej.\n2. Wspieranie" in text
    assert "\n\nZadania priorytetowe na rok 2025\n\n1. Organizacja" in text
    # the ODT of the same report gives the same text
    assert document_text(odt_bytes(BODY_ZIELONA))["text"] == text


def test_second_numbered_list_restarts_and_nested_levels_number_within_their_parent():
    blocks = [("p", "Wnioski z pierwszego spotkania:"), ("ol", ["Pierwszy wniosek.", "Drugi wniosek."]),
              ("p", "Wnioski z drugiego spotkania:"), ("ol", ["Trzeci wniosek."])]
    nested = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr>'
              '<w:r><w:t>Podpunkt trzeciego wniosku.</w:t></w:r></w:p>')
    text = document_text(docx_bytes(blocks, extras=nested))["text"]
    assert _lines(text)[1:] == ["1. Pierwszy wniosek.", "2. Drugi wniosek.", "Wnioski z drugiego spotkania:",
                                "1. Trzeci wniosek.", "1.1. Podpunkt trzeciego wniosku."]


def test_document_properties_title_wins_over_the_first_heading_unless_it_is_a_placeholder():
    assert document_text(docx_bytes(BODY_BRZOZOWO, title="Raport z konsultacji 2024"))["title"] == \
        "Raport z konsultacji 2024"
    assert document_text(docx_bytes(BODY_BRZOZOWO, title="raport_final.docx"))["title"] == BODY_BRZOZOWO[0][1]
    assert document_text(odt_bytes(BODY_BRZOZOWO, title="Raport z konsultacji 2024"))["title"] == \
        "Raport z konsultacji 2024"


def test_format_is_decided_by_the_bytes_not_the_name():
    docx, odt = docx_bytes(BODY_BRZOZOWO), odt_bytes(BODY_BRZOZOWO)
    assert document_text(docx, name="https://bip.brzozowo.pl/pobierz.php?id=7",
                         content_type="application/octet-stream")["format"] == "docx"
    assert document_text(docx, name="raport.pdf", content_type="application/pdf")["format"] == "docx"
    assert document_text(odt, name="zalacznik.zip")["format"] == "odt"
    assert document_text(odt, name="raport.docx")["format"] == "odt"


def _error(body: bytes, **kw) -> str:
    with pytest.raises(ExtractionError) as exc:
        document_text(body, **kw)
    msg = str(exc.value)
    assert "\n" not in msg
    return msg


def _zip(parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_bad_office_files_are_one_clear_line():
    docx = docx_bytes(BODY_ZIELONA)
    assert _error(b"", name="raport.docx") == "empty file"
    assert _error(_zip({"zdjecie.jpg": b"\xff\xd8\xff" + b"0" * 100}), name="raport.docx") == \
        "unsupported format (a ZIP archive, not a Word or OpenDocument text)"
    assert _error(_zip({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"})) == \
        "unsupported format (an Excel spreadsheet (xlsx))"
    assert _error(docx[: len(docx) * 2 // 3], name="raport.docx").startswith(
        "DOCX file is damaged or truncated")
    assert _error(b"Nie znaleziono pliku", name="raport.docx") == "not a DOCX file (starts with 'Nie znalezio')"
    assert _error(b"Error 404", name="plik", content_type="application/vnd.oasis.opendocument.text") == \
        "not an ODT file (starts with 'Error 404')"
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:      # the same archive with a cut-off document.xml
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:700]
    broken = _zip(parts)
    assert _error(broken).startswith("DOCX is damaged (word/document.xml: ")


def test_zip_bomb_is_refused_before_it_is_inflated():
    bomb = _zip({"[Content_Types].xml": b"<Types/>",
                 "word/document.xml": b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body>'
                 + b" " * (80 * 1024 * 1024) + b"</w:body></w:document>"})
    assert len(bomb) < 200_000
    assert _error(bomb, name="raport.docx") == \
        "word/document.xml unpacks to 80 MB, over the 64 MB limit (a ZIP bomb?)"
    # an entity-expansion bomb is refused too: no office part declares a DTD
    laughs = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "hahahahahaha"><!ENTITY b "&a;&a;&a;&a;">]>'
              b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p>'
              b"</w:body></w:document>")
    assert _error(_zip({"word/document.xml": laughs})) == \
        "word/document.xml declares a DTD, which office files never do"


def test_password_protected_documents_are_named_as_such():
    encrypted_docx = ole2_bytes({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\0" * 200,
                                 "EncryptedPackage": b"\x10\x00" + b"\x5a" * 3000})
    assert _error(encrypted_docx, name="raport.docx") == "document is encrypted (a password is needed to open it)"
    assert _error(odt_bytes(BODY_ZIELONA, encrypted=True), name="raport.odt") == \
        "document is encrypted (a password is needed to open it)"
    assert _error(ole2_bytes({"Workbook": b"\x09\x08" + b"\0" * 100}), name="raport.doc") == \
        "unsupported format (an Excel spreadsheet (xls))"


def test_doc_without_antiword_is_one_line_naming_the_missing_tool(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))       # no antiword on this PATH
    doc = ole2_bytes({"WordDocument": b"\xec\xa5\xc1\x00" + b"\0" * 600, "1Table": b"\0" * 100})
    assert _error(doc, name="raport.doc") == "DOC needs antiword, which is not installed"


NEEDS_ANTIWORD = pytest.mark.skipif(not doc_available(),
                                    reason="Debian antiword is not installed (apt-get install antiword)")


@NEEDS_ANTIWORD
def test_doc_report_is_read_with_antiword():
    got = document_text(doc_bytes(doc_paragraphs(BODY_BRZOZOWO)), name="pobierz.php?id=3")
    assert got["format"] == "doc"
    assert _lines(got["text"]) == doc_paragraphs(BODY_BRZOZOWO)
    assert "\n1. Głosować będą mogły osoby, które ukończyły 13 lat.\n2. Wniosek" in got["text"]
    assert got["title"] == BODY_BRZOZOWO[0][1]


@NEEDS_ANTIWORD
def test_bad_doc_files_are_one_clear_line():
    assert _error(doc_bytes(["Poufne"], encrypted=True), name="raport.doc") == \
        "document is encrypted (a password is needed to open it)"
    doc = ole2_bytes({"WordDocument": b"\xec\xa5\xc1\x00" + b"\0" * 600, "1Table": b"\0" * 100})
    assert _error(doc, name="raport.doc").startswith("DOC is damaged or not a Word document (")
    whole = doc_bytes(doc_paragraphs(BODY_BRZOZOWO))
    assert _error(whole[:1500], name="raport.doc").startswith("DOC is damaged or not a Word document (")


@NEEDS_ANTIWORD
def test_partmon_extract_reads_an_old_doc_report(tmp_path):
    path = tmp_path / "protokol.doc"
    path.write_bytes(doc_bytes(doc_paragraphs(BODY_ZIELONA)))
    rec = json.loads(partmon("extract", str(path)).stdout)
    assert "error" not in rec
    assert rec["title"] == BODY_ZIELONA[0][1]
    assert rec["municipality"]["name"] == "Zielona Dolina"
    assert "Gminny Ośrodek Kultury w Zielonej Dolinie" in {o["name"] for o in rec["organisations"]}
    assert {"2024-03-14", "2024-04-09"} <= {d["value"] for d in rec["dates"]}
    assert {"Żaneta Ćwiklińska", "Łukasz Gęślicki"} <= {p["name"] for p in rec["people"]}


def test_partmon_extract_reads_office_reports_and_keeps_going_past_bad_ones(tmp_path):
    good_docx = tmp_path / "sprawozdanie.docx"
    good_docx.write_bytes(docx_bytes(BODY_ZIELONA))
    good_odt = tmp_path / "protokol.odt"
    good_odt.write_bytes(odt_bytes(BODY_ZIELONA))
    truncated = tmp_path / "urwany.docx"
    truncated.write_bytes(docx_bytes(BODY_ZIELONA)[:900])
    empty = tmp_path / "pusty.odt"
    empty.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    proc = partmon("extract", str(good_docx), str(truncated), str(good_odt), str(empty), "--out", str(out),
                   check=False)
    assert proc.returncode == 1
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["path"]).name for r in recs] == ["sprawozdanie.docx", "urwany.docx", "protokol.odt", "pusty.odt"]
    assert recs[1]["error"].startswith("DOCX file is damaged or truncated")
    assert recs[3]["error"] == "empty file"
    for rec in (recs[0], recs[2]):
        assert "error" not in rec
        names = {o["name"] for o in rec["organisations"]}
        assert "Stowarzyszenie Przyjaciół Ziemi Zielonodolskiej" in names
        assert "Fundacja Świeży Oddech" in names
        assert {"2024-03-14", "2024-04-09"} <= {d["value"] for d in rec["dates"]}
    assert {k: v for k, v in recs[0].items() if k != "path"} == {k: v for k, v in recs[2].items() if k != "path"}
    assert "urwany.docx: DOCX file is damaged or truncated" in proc.stderr
