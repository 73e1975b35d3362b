"""PDF versions of demo reports (reportlab with DejaVu Sans, so Polish letters survive extraction)."""
from __future__ import annotations

import io
from html import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"


class PdfError(RuntimeError):
    """The PDF could not be made (e.g. the DejaVu font is missing)."""


def _fonts() -> None:
    # The family mapping is registered every time: another module in the same process may
    # have registered the fonts by these names without it, and platypus needs the family.
    registered = pdfmetrics.getRegisteredFontNames()
    try:
        for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, f"{FONT_DIR}/{file}"))
    except Exception as exc:  # reportlab raises its own TTFError or OSError
        raise PdfError(f"{FONT_DIR}/DejaVuSans.ttf: cannot load font ({exc}); "
                       "install the Debian package fonts-dejavu-core") from exc
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)


def _styles() -> dict:
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14, spaceAfter=6)
    return {
        "body": body,
        "letterhead": ParagraphStyle("lh", parent=body, fontSize=9, leading=11,
                                     textColor="#444444"),
        "h1": ParagraphStyle("h1", parent=body, fontName=FONT_BOLD, fontSize=14, leading=18,
                             spaceBefore=10, spaceAfter=10),
        "h2": ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=12, leading=15,
                             spaceBefore=8),
        "h3": ParagraphStyle("h3", parent=body, fontName=FONT_BOLD, fontSize=10.5, spaceBefore=4),
    }


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 8)
    canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Strona {doc.page}")
    canvas.restoreState()


def report_pdf(blocks: list, *, letterhead: list[str], title: str, author: str) -> bytes:
    """The report's blocks as PDF bytes; identical input gives identical bytes."""
    _fonts()
    st = _styles()
    story = [Paragraph("<br/>".join(escape(line) for line in letterhead), st["letterhead"]),
             Spacer(1, 8)]
    for block in blocks:
        kind = block[0]
        if kind in ("h1", "h2", "h3", "p"):
            story.append(Paragraph(escape(block[1]), st["body" if kind == "p" else kind]))
        elif kind == "labelled":
            rest = f" {escape(block[2])}" if block[2] else ""
            story.append(Paragraph(f"<b>{escape(block[1])}</b>{rest}", st["body"]))
        elif kind in ("ul", "ol", "dash"):
            items = [ListItem(Paragraph(escape(i), st["body"]), leftIndent=18) for i in block[1]]
            if kind == "ol":
                story.append(ListFlowable(items, bulletType="1", bulletFormat="%s.",
                                          bulletFontSize=10.5,
                                          bulletFontName=FONT,
                                          leftIndent=18))
            else:
                story.append(ListFlowable(items, bulletType="bullet", leftIndent=18,
                                          start="–" if kind == "dash" else "•", bulletFontSize=10.5,
                                          bulletFontName=FONT))
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, title=title, author=author, subject=title,
                            creator="partmon demo site", invariant=True,
                            leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm)
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buf.getvalue()
