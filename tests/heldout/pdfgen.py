"""Render the held-out PDF reports from their JSON specs, in three ways a municipality's PDFs are made.

- "platypus": reportlab's document templates (flowing paragraphs, lists, tables that split
  across pages with a repeated header row, one or two columns, running header and
  "Strona N z M" footer);
- "canvas": reportlab's low-level canvas, lines wrapped and placed by hand (as simple
  office software does), with its own page numbering;
- "scan": the page drawn as a picture with Pillow and embedded as an image only, so the PDF
  has no text layer and must go through OCR.

A spec is {"generator", "title", "columns", "header", "footer", "page_numbers", "blocks"}; each
block is one of {"h": str}, {"p": str}, {"ul": [str]}, {"ol": [str]},
{"table": [[cell, ...], ...], "header_rows": int, "widths": [fractions]}.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"Sans": "DejaVuSans.ttf", "Sans-Bold": "DejaVuSans-Bold.ttf",
         "Serif": "DejaVuSerif.ttf", "Serif-Bold": "DejaVuSerif-Bold.ttf"}


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))


def render(spec_path: Path, out_path: Path) -> Path:
    """Write the PDF described by `spec_path` to `out_path`."""
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    _register_fonts()
    kind = spec.get("generator", "platypus")
    {"platypus": _platypus, "canvas": _canvas, "scan": _scan}[kind](spec, Path(out_path))
    return Path(out_path)


# --- platypus -----------------------------------------------------------------------------

def _numbered_canvas(header: str | None, footer: str | None, page_numbers: bool):
    from reportlab.pdfgen import canvas

    class NumberedCanvas(canvas.Canvas):
        """Draws the running header and "Strona N z M" once the page count is known."""

        def __init__(self, *args, **kwargs):
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._chrome(total)
                super().showPage()
            super().save()

        def _chrome(self, total):
            width, height = self._pagesize
            self.setFont("Sans", 8)
            if header:
                self.drawString(56, height - 36, header)
                self.line(56, height - 40, width - 56, height - 40)
            if footer:
                self.drawString(56, 30, footer)
            if page_numbers:
                self.drawRightString(width - 56, 30, f"Strona {self._pageNumber} z {total}")

    return NumberedCanvas


def _platypus(spec: dict, out: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (BaseDocTemplate, Frame, ListFlowable, ListItem, PageTemplate,
                                    Paragraph, Spacer, Table, TableStyle)

    base = ParagraphStyle("body", fontName=spec.get("font", "Serif"), fontSize=10.5, leading=14,
                          spaceAfter=6)
    head = ParagraphStyle("head", parent=base, fontName=base.fontName + "-Bold", fontSize=12.5,
                          leading=16, spaceBefore=6, spaceAfter=8)
    cell = ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12, spaceAfter=0)
    width, height = A4
    margin = 56
    doc = BaseDocTemplate(str(out), pagesize=A4, leftMargin=margin, rightMargin=margin,
                          topMargin=60, bottomMargin=56, title=spec.get("title", ""), invariant=1)
    columns = spec.get("columns", 1)
    gap = 18
    col_w = (doc.width - gap * (columns - 1)) / columns
    frames = [Frame(doc.leftMargin + i * (col_w + gap), doc.bottomMargin, col_w, doc.height,
                    id=f"col{i}") for i in range(columns)]
    doc.addPageTemplates([PageTemplate(id="page", frames=frames)])
    story = []
    for block in spec["blocks"]:
        if "h" in block:
            story.append(Paragraph(_esc(block["h"]), head))
        elif "p" in block:
            story.append(Paragraph(_esc(block["p"]), base))
        elif "ul" in block or "ol" in block:
            entries = block.get("ul") or block.get("ol")
            kind = "bullet" if "ul" in block else "1"
            story.append(ListFlowable([ListItem(Paragraph(_esc(e), base)) for e in entries],
                                      bulletType=kind, bulletFontName="Sans",
                                      start="•" if kind == "bullet" else "1", leftIndent=16,
                                      **({} if kind == "bullet" else {"bulletFormat": "%s."})))
        elif "table" in block:
            rows = [[Paragraph(_esc(c), cell) for c in row] for row in block["table"]]
            fractions = block.get("widths") or [1 / len(rows[0])] * len(rows[0])
            table = Table(rows, colWidths=[col_w * f for f in fractions],
                          repeatRows=block.get("header_rows", 1))
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, block.get("header_rows", 1) - 1), colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [table, Spacer(1, 10)]
    doc.build(story, canvasmaker=_numbered_canvas(spec.get("header"), spec.get("footer"),
                                                  spec.get("page_numbers", False)))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- low-level canvas ---------------------------------------------------------------------

def _lines(spec: dict, font: str, size: float, width: float) -> list[tuple[str, str, float]]:
    """The spec's blocks as (font, text, indent) lines wrapped to `width`."""
    from reportlab.lib.utils import simpleSplit

    lines: list[tuple[str, str, float]] = []
    for block in spec["blocks"]:
        if "h" in block:
            lines += [(font + "-Bold", t, 0) for t in simpleSplit(block["h"], font + "-Bold", size + 1, width)]
        elif "p" in block:
            lines += [(font, t, 0) for t in simpleSplit(block["p"], font, size, width)]
        elif "ul" in block or "ol" in block:
            entries = block.get("ul") or block.get("ol")
            for n, entry in enumerate(entries, 1):
                marker = "–" if "ul" in block else f"{n}."
                wrapped = simpleSplit(entry, font, size, width - 18)
                lines.append((font, f"{marker}\t{wrapped[0]}", 0))
                lines += [(font, t, 18) for t in wrapped[1:]]
        elif "table" in block:
            for row in block["table"]:
                lines.append((font, "    ".join(row), 0))
        lines.append((font, "", 0))
    return lines


def _canvas(spec: dict, out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font, size, leading = spec.get("font", "Sans"), 10.5, 14.5
    width, height = A4
    left, top, bottom = 64, height - 72, 64
    lines = _lines(spec, font, size, width - 2 * left)
    per_page = int((top - bottom) / leading)
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    c.setTitle(spec.get("title", ""))
    for number, page in enumerate(pages, 1):
        if spec.get("header"):
            c.setFont(font, 8)
            c.drawCentredString(width / 2, height - 40, spec["header"])
        y = top
        for line_font, text, indent in page:
            c.setFont(line_font, size + (1 if line_font.endswith("Bold") else 0))
            if "\t" in text:
                marker, text = text.split("\t", 1)
                c.drawString(left + 4, y, marker)
                c.drawString(left + 18, y, text)
            else:
                c.drawString(left + indent, y, text)
            y -= leading
        c.setFont(font, 8)
        if spec.get("footer"):
            c.drawString(left, 36, spec["footer"])
        if spec.get("page_numbers"):
            c.drawRightString(width - left, 36, f"Strona {number} z {len(pages)}")
        c.showPage()
    c.save()


# --- scanned page -------------------------------------------------------------------------

def _scan(spec: dict, out: Path) -> None:
    """Each page drawn at 200 dpi as a slightly skewed grey picture, embedded as an image only."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    dpi = 200
    px_w, px_h = int(A4[0] / 72 * dpi), int(A4[1] / 72 * dpi)
    regular = ImageFont.truetype(str(FONT_DIR / FONTS["Serif"]), 31)
    bold = ImageFont.truetype(str(FONT_DIR / FONTS["Serif-Bold"]), 34)
    margin, leading = 170, 46
    rng = random.Random(spec.get("seed", 7))

    def wrap(text, font, width):
        words, line, out_lines = text.split(), "", []
        for word in words:
            trial = f"{line} {word}".strip()
            if font.getlength(trial) <= width:
                line = trial
            else:
                out_lines.append(line)
                line = word
        return out_lines + ([line] if line else [])

    lines = []
    for block in spec["blocks"]:
        if "h" in block:
            lines += [(bold, t, 0) for t in wrap(block["h"], bold, px_w - 2 * margin)]
        elif "p" in block:
            lines += [(regular, t, 0) for t in wrap(block["p"], regular, px_w - 2 * margin)]
        elif "ul" in block or "ol" in block:
            for n, entry in enumerate(block.get("ul") or block.get("ol"), 1):
                marker = "-" if "ul" in block else f"{n}."
                wrapped = wrap(entry, regular, px_w - 2 * margin - 50)
                lines.append((regular, f"{marker} {wrapped[0]}", 0))
                lines += [(regular, t, 50) for t in wrapped[1:]]
        elif "table" in block:
            lines += [(regular, "   ".join(row), 0) for row in block["table"]]
        lines.append((regular, "", 0))
    per_page = (px_h - 2 * margin) // leading
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    for start in range(0, len(lines), per_page):
        img = Image.new("L", (px_w, px_h), 246)
        draw = ImageDraw.Draw(img)
        y = margin
        for font, text, indent in lines[start:start + per_page]:
            draw.text((margin + indent, y), text, font=font, fill=25)
            y += leading
        for _ in range(1500):  # dust of a photocopier
            x, y = rng.randrange(px_w), rng.randrange(px_h)
            draw.point((x, y), fill=rng.randrange(120, 200))
        img = img.rotate(spec.get("skew", 0.4), resample=Image.BICUBIC, fillcolor=246)
        c.drawImage(ImageReader(img.convert("RGB")), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()


def spec_text(spec_path: Path) -> str:
    """All the words a spec puts on its pages (header, footer, blocks), for checking gold files."""
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    parts = [spec.get("header") or "", spec.get("footer") or ""]
    for block in spec["blocks"]:
        parts += [block[k] for k in ("h", "p") if k in block]
        parts += block.get("ul", []) + block.get("ol", [])
        parts += [cell for row in block.get("table", []) for cell in row]
    return "\n".join(parts)
