"""Our own small report documents for the text-extraction tests: HTML pages wrapped in site
chrome (several CMS layouts) and PDFs drawn with reportlab (running headers, hyphenation,
tables over a page break, two columns, a scan, encryption).

All texts are invented for partmon. Each HTML body is kept as blocks so a test (or the
measurement in `measure_html`) knows exactly which lines are the report and which are chrome.
"""
from __future__ import annotations

import html
import io
import re
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = "DejaVuSans"

# --- report bodies ---------------------------------------------------------------------
# blocks: ("h1"|"h2"|"p", text) | ("ul"|"ol", [items]) | ("table", [row, ...])

BODY_ZIELONA = [
    ("h1", "Sprawozdanie z warsztatów konsultacyjnych w Zielonej Dolinie"),
    ("p", "W dniu 14 marca 2024 r. w sali widowiskowej Gminnego Ośrodka Kultury w Zielonej "
          "Dolinie odbyły się warsztaty dotyczące rocznego programu współpracy gminy z "
          "organizacjami pozarządowymi. Wzięło w nich udział 23 osoby reprezentujące 11 "
          "stowarzyszeń, fundacji i klubów sportowych."),
    ("p", "Spotkanie prowadziła moderatorka Żaneta Ćwiklińska, a powitania uczestników "
          "dokonał zastępca wójta gminy, pan Łukasz Gęślicki."),
    ("h2", "Cele programu współpracy"),
    ("ul", ["Wzmocnienie potencjału organizacji działających na rzecz mieszkańców gminy.",
            "Zwiększenie udziału mieszkańców w podejmowaniu decyzji o wydatkach lokalnych.",
            "Poprawa przepływu informacji między urzędem a organizacjami."]),
    ("h2", "Zadania priorytetowe na rok 2025"),
    ("ol", ["Organizacja zajęć sportowych dla dzieci i młodzieży szkolnej.",
            "Wspieranie inicjatyw seniorów, w tym klubów i uniwersytetów trzeciego wieku.",
            "Ochrona dziedzictwa kulturowego i pielęgnowanie tradycji ludowych."]),
    ("h2", "Lista obecności"),
    ("table", [["Lp.", "Imię i nazwisko", "Organizacja"],
               ["1", "Zofia Wróblewska", "Stowarzyszenie Przyjaciół Ziemi Zielonodolskiej"],
               ["2", "Jerzy Sołtysiak", "Ludowy Klub Sportowy „Źrebak”"],
               ["3", "Małgorzata Żąbecka", "Fundacja Świeży Oddech"]]),
    ("p", "Kolejne spotkanie zaplanowano na 9 kwietnia 2024 r. o godz. 16:00 w świetlicy "
          "wiejskiej w Brzózkach. Uwagi do projektu można zgłaszać do końca marca."),
]

BODY_BRZOZOWO = [
    ("h1", "Konsultacje społeczne projektu budżetu obywatelskiego Brzozowa"),
    ("p", "Burmistrz Brzozowa informuje, że od 2 do 30 września 2024 r. trwały konsultacje "
          "społeczne projektu regulaminu budżetu obywatelskiego. Mieszkańcy zgłosili łącznie "
          "47 uwag, z których 19 zostało uwzględnionych w całości."),
    ("p", "Najwięcej uwag dotyczyło progu wieku uprawniającego do głosowania oraz liczby "
          "podpisów wymaganych pod wnioskiem. Zespół konsultacyjny zaproponował obniżenie "
          "progu do 13 lat."),
    ("h2", "Wnioski z konsultacji"),
    ("ol", ["Głosować będą mogły osoby, które ukończyły 13 lat.",
            "Wniosek musi poprzeć co najmniej 15 mieszkańców gminy.",
            "Pula środków zostanie podzielona na część ogólnomiejską i osiedlową."]),
    ("p", "Raport z konsultacji przekazano Radzie Miejskiej w Brzozowie, która zajmie się "
          "projektem uchwały na sesji w październiku."),
]

BODY_LESNA = [
    ("h1", "Informacja o spotkaniu Gminnej Rady Działalności Pożytku Publicznego"),
    ("p", "Dnia 5 czerwca 2024 r. w Urzędzie Gminy Leśna Polana zebrała się Gminna Rada "
          "Działalności Pożytku Publicznego. Członkowie rady zaopiniowali projekt programu "
          "współpracy na kolejny rok i zgłosili cztery poprawki."),
    ("p", "Przewodnicząca rady, pani Ewa Kłośnik, podziękowała organizacjom za aktywny "
          "udział w pracach. Następne posiedzenie odbędzie się jesienią, po zakończeniu "
          "naboru wniosków w otwartym konkursie ofert."),
    ("ul", ["opinia do projektu programu współpracy – pozytywna,",
            "poprawka dotycząca terminów sprawozdań – przyjęta,",
            "wniosek o zwiększenie puli na zadania z zakresu kultury – skierowany do wójta."]),
]

BODIES = {"zielona": BODY_ZIELONA, "brzozowo": BODY_BRZOZOWO, "lesna": BODY_LESNA}

SITE = "Gmina Zielona Dolina"
MENU = ["Strona główna", "Aktualności", "Urząd Gminy", "Rada Gminy", "Ogłoszenia",
        "Przetargi", "Kontakt"]
OTHER_NEWS = [
    ("Turniej szachowy w szkole podstawowej",
     "Dnia 3 lutego 2024 r. uczniowie rozegrali coroczny turniej szachowy o puchar dyrektora."),
    ("Zbiórka elektroodpadów",
     "Przypominamy o zbiórce zużytego sprzętu elektronicznego w najbliższą sobotę na placu targowym."),
    ("Nowe godziny pracy biblioteki",
     "Od poniedziałku biblioteka gminna będzie czynna do godziny osiemnastej."),
]
COOKIE = ("Ta strona używa plików cookies w celu zapewnienia prawidłowego działania serwisu. "
          "Korzystając ze strony, wyrażasz zgodę na ich zapisywanie w przeglądarce.")
COUNTER = "Odwiedza nas 42 gości oraz 0 użytkowników."
FOOTER = "Urząd Gminy Zielona Dolina, ul. Lipowa 7, 99-999 Zielona Dolina, tel. 12 345 67 89"
COPYRIGHT = "© 2024 Gmina Zielona Dolina. Wszelkie prawa zastrzeżone."
# one distinctive string per chrome element: none may reach the extracted text
CHROME_MARKERS = ["Przetargi", "Turniej szachowy", "zbiórce zużytego", "biblioteka gminna",
                  "plików cookies", "Odwiedza nas", "ul. Lipowa 7", "Wszelkie prawa",
                  "Jesteś tutaj", "Poleć znajomemu", "Newsletter", "Szybki kontakt"]


def body_html(blocks, title_tag: str = "h1") -> str:
    out = []
    for kind, value in blocks:
        if kind == "h1":
            out.append(f"<{title_tag}>{html.escape(value)}</{title_tag}>")
        elif kind in ("h2", "p"):
            out.append(f"<{kind}>{html.escape(value)}</{kind}>")
        elif kind in ("ul", "ol"):
            items = "".join(f"<li>{html.escape(v)}</li>" for v in value)
            out.append(f"<{kind}>{items}</{kind}>")
        elif kind == "table":
            head = "".join(f"<th>{html.escape(c)}</th>" for c in value[0])
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                           for r in value[1:])
            out.append(f'<table border="1"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
    return "\n".join(out)


def expected_lines(blocks) -> list[str]:
    """The lines a good extraction shows for a body (list items numbered/bulleted)."""
    lines = []
    for kind, value in blocks:
        if kind in ("h1", "h2", "p"):
            lines.append(value)
        elif kind == "ul":
            lines += [f"• {v}" for v in value]
        elif kind == "ol":
            lines += [f"{i}. {v}" for i, v in enumerate(value, 1)]
        elif kind == "table":
            lines += [" | ".join(r) for r in value]
    return lines


def _news_html(tag="div"):
    items = "".join(f'<{tag} class="news-item"><h3><a href="/n{i}">{html.escape(t)}</a></h3>'
                    f'<p>{html.escape(s)}</p></{tag}>' for i, (t, s) in enumerate(OTHER_NEWS))
    return items


def _menu_html():
    return "<ul>" + "".join(f'<li><a href="/{i}">{m}</a></li>' for i, m in enumerate(MENU)) + "</ul>"


def html_page(blocks, layout: str = "semantic", charset: str = "utf-8", declare: bool = True) -> bytes:
    """A whole page around a report body, in one of the CMS layouts, encoded in `charset`."""
    title = next(v for k, v in blocks if k == "h1")
    meta = f'<meta charset="{charset}">' if declare else ""
    head = f"<head>{meta}<title>{html.escape(title)} - {SITE}</title>" \
           "<style>body{font-family:sans-serif}</style><script>var x = '<p>skrypt</p>';</script></head>"
    cookie = f'<div id="cookie-notice" class="cookie-bar"><p>{COOKIE}</p><a href="#">Akceptuję</a></div>'
    if layout == "semantic":
        page = f"""<!DOCTYPE html><html lang="pl">{head}<body class="has-sidebar">
<a class="skip-link" href="#content">Przejdź do treści</a>
<header class="site-header"><p class="site-title"><a href="/">{SITE}</a></p>
<nav class="main-navigation">{_menu_html()}</nav></header>
<div class="breadcrumbs">Jesteś tutaj: <a href="/">Strona główna</a> » <a href="/a">Aktualności</a></div>
<main id="content"><article class="post">
<header class="entry-header">{body_html(blocks[:1])}<span class="posted-on">opublikowano 15 marca 2024</span></header>
<div class="entry-content">{body_html(blocks[1:])}</div>
<div class="share-buttons"><a href="#">Udostępnij</a> <a href="#">Poleć znajomemu</a></div>
</article>
<section class="related-posts"><h2>Zobacz również</h2>{_news_html('article')}</section></main>
<aside class="sidebar"><h2>Szybki kontakt</h2><p>{FOOTER}</p>
<h2>Newsletter</h2><form><input name="e"><button>Zapisz</button></form>
<div class="widget counter"><p>{COUNTER}</p></div></aside>
<footer class="site-footer"><p>{FOOTER}</p><p>{COPYRIGHT}</p></footer>{cookie}</body></html>"""
    elif layout == "joomla":
        page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html>{head}<body><div id="wrapper"><div id="top"><h1 class="logo"><a href="/">{SITE}</a></h1></div>
<div id="mainmenu" class="moduletable_menu">{_menu_html()}</div>
<div id="left"><div class="moduletable"><h3>Szybki kontakt</h3><p>{FOOTER}</p></div>
<div class="moduletable"><h3>Najnowsze aktualności</h3>{_news_html()}</div>
<div class="moduletable"><h3>Liczba gości</h3><p>{COUNTER}</p></div>
<div class="moduletable"><h3>Newsletter</h3><p>Zapisz się</p></div></div>
<div id="main"><div class="breadcrumbs">Jesteś tutaj: <a href="/">Strona główna</a></div>
<div class="item-page">{body_html(blocks[:1], 'h2')}
<div class="buttonheading"><a href="#">Drukuj</a> <a href="#">Poleć znajomemu</a></div>
{body_html(blocks[1:])}</div></div>
<div id="footer"><p>{FOOTER}</p><p>{COPYRIGHT}</p></div></div>{cookie}</body></html>"""
    elif layout == "bip":
        page = f"""<html>{head}<body><table width="100%" cellpadding="0"><tr><td colspan="2">
<img src="herb.gif" alt="herb"><b>Biuletyn Informacji Publicznej - {SITE}</b></td></tr>
<tr><td width="200" valign="top">{_menu_html()}<p>Szybki kontakt</p><p>{COUNTER}</p></td>
<td valign="top"><p>Jesteś tutaj: Strona główna » Ogłoszenia</p>
<div class="tresc">{body_html(blocks)}</div>
<table class="metryka"><tr><td>Wytworzył:</td><td>Jan Nowak</td></tr>
<tr><td>Data wytworzenia:</td><td>2024-03-15</td></tr><tr><td>Poleć znajomemu</td><td></td></tr></table>
</td></tr><tr><td colspan="2"><p>{FOOTER}</p><p>{COPYRIGHT}</p><p>Newsletter</p></td></tr></table>{cookie}</body></html>"""
    elif layout == "plain":  # no helpful class names at all
        page = f"""<html>{head}<body><div id="a1"><b>{SITE}</b></div><div id="a2">{_menu_html()}</div>
<div id="a3"><div id="a4"><p>Jesteś tutaj: Strona główna</p>{body_html(blocks)}</div>
<div id="a5"><h3>Najnowsze aktualności</h3>{_news_html()}<p>Szybki kontakt</p><p>Newsletter</p>
<p>{COUNTER}</p><p>Poleć znajomemu</p></div></div>
<div id="a6"><p>{FOOTER}</p><p>{COPYRIGHT}</p></div><div id="a7"><p>{COOKIE}</p></div></body></html>"""
    else:
        raise ValueError(layout)
    return page.encode(charset, errors="xmlcharrefreplace")


LAYOUTS = ("semantic", "joomla", "bip", "plain")


def measure_html(extractor) -> dict:
    """Body recall, chrome leaks and structure kept, for `extractor(bytes) -> text` on every
    body × layout; used to compare our extractor with trafilatura."""
    found = total = leaks = checks = struct = 0
    for blocks in BODIES.values():
        for layout in LAYOUTS:
            text = extractor(html_page(blocks, layout)) or ""
            flat = re.sub(r"\s+", " ", text)
            lines = {ln.strip() for ln in text.splitlines()}
            for kind, value in blocks:
                items = value if kind in ("ul", "ol", "table") else [value]
                for item in items:
                    s = " ".join(item) if kind == "table" else item
                    total += 1
                    words = s.split()
                    found += all(w in flat for w in words)
            for line in expected_lines(blocks):
                checks += 1
                struct += line in lines
            leaks += sum(m in text for m in CHROME_MARKERS)
    pages = len(BODIES) * len(LAYOUTS)
    return {"body_recall": found / total, "structure": struct / checks,
            "chrome_leaks_per_page": leaks / pages}


# --- PDFs ------------------------------------------------------------------------------

def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT + "-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    return FONT


def lines_pdf(pages: list[list[str]], header: str | None = None,
              footer: str | None = "Strona {page} z {pages}", encrypt=None) -> bytes:
    """A PDF drawn line by line (so line ends, and hyphens at them, are exactly ours).
    An empty string in a page's lines leaves a paragraph gap."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    font = _font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    width, height = A4
    for n, lines in enumerate(pages, 1):
        if header:
            c.setFont(font, 9)
            c.drawString(56, height - 40, header)
        if footer:
            c.setFont(font, 9)
            c.drawCentredString(width / 2, 30, footer.format(page=n, pages=len(pages)))
        draw_lines(c, lines, font, height - 80)
        c.showPage()
    c.save()
    return buf.getvalue()


def draw_lines(c, lines: list[str], font: str, top: float) -> None:
    """A page's lines from `top` down, 15 points apart; an empty string leaves a paragraph gap."""
    c.setFont(font, 11)
    y = top
    for line in lines:
        if line:
            c.drawString(56, y, line)
            y -= 15
        else:
            y -= 10


def table_pdf(intro: list[str], rows: list[list[str]], header: str, outro: str) -> bytes:
    """A participant list as a ruled table long enough to run over a page break (header row
    repeated on the next page), with a running header and 'Strona X z Y' footer."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    font = _font()
    style = ParagraphStyle("body", fontName=font, fontSize=11, leading=15)

    def build(total: int) -> tuple[bytes, int]:
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=A4, topMargin=70, bottomMargin=60)

        def on_page(canv, doc_):
            canv.setFont(font, 9)
            canv.drawString(56, A4[1] - 40, header)
            canv.drawCentredString(A4[0] / 2, 30, f"Strona {doc_.page} z {total}")

        table = Table(rows, repeatRows=1, colWidths=[35, 170, 270])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 10),
                                   ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("FONTNAME", (0, 0), (-1, 0), font + "-Bold")]))
        story = [Paragraph(p, style) for p in intro] + [Spacer(1, 8), table, Spacer(1, 8),
                                                        Paragraph(outro, style)]
        doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
        return buf.getvalue(), doc.page

    _, pages = build(0)
    return build(pages)[0]


def two_column_pdf(title: str, left: list[str], right: list[str]) -> bytes:
    """One page: a full-width title, then two columns of text side by side."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    font = _font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(font + "-Bold", 14)
    c.drawString(56, A4[1] - 70, title)
    c.setFont(font, 10)
    for x, lines in ((56, left), (310, right)):
        y = A4[1] - 110
        for line in lines:
            c.drawString(x, y, line)
            y -= 14
    c.showPage()
    c.save()
    return buf.getvalue()


def _scan_png(lines: list[str], dpi: int = 200) -> io.BytesIO:
    """An A4 greyscale image of typed lines, as a scanner would deliver it."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    w, h = int(A4[0] / 72 * dpi), int(A4[1] / 72 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    pil_font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 40)
    y = 200
    for line in lines:
        draw.text((150, y), line, font=pil_font, fill=0)
        y += 70
    png = io.BytesIO()
    img.save(png, "PNG")
    png.seek(0)
    return png


def scanned_pdf(lines: list[str], text_page: list[str] | None = None) -> bytes:
    """A PDF page that is only an image of text (no text layer), optionally after a normal
    text page (a typed report with a scanned attendance sheet)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    if text_page:
        c.setFont(_font(), 11)
        for n, line in enumerate(text_page):
            c.drawString(56, A4[1] - 80 - 15 * n, line)
        c.showPage()
    c.drawImage(ImageReader(_scan_png(lines)), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf(lines: list[str], user_password: str = "", owner_password: str = "wlasciciel") -> bytes:
    """A PDF encrypted by reportlab; with an empty user password anyone may open it."""
    from reportlab.lib import pdfencrypt
    enc = pdfencrypt.StandardEncryption(user_password, owner_password, canPrint=1, canCopy=0)
    return lines_pdf([lines], footer=None, encrypt=enc)
