"""HTML of the demo site: the municipal page chrome (menu, sidebar, footer, cookies) around content."""
from __future__ import annotations

from html import escape

from .reports import Municipality

SITE_YEAR = 2024          # the copyright year in the footers
LAST_UPDATE = "29.11.2024"

CSS = """body{font-family:DejaVu Sans,Arial,sans-serif;margin:0;background:#f4f4f0;color:#222}
header{background:#2d5f2e;color:#fff;padding:12px 24px}header a{color:#fff}
nav.menu ul{list-style:none;margin:0;padding:0;display:flex;gap:18px;background:#3f7d40}
nav.menu a{color:#fff;display:block;padding:8px 6px;text-decoration:none}
.wrap{display:flex;gap:24px;padding:16px 24px}main{flex:3;background:#fff;padding:16px 24px}
aside{flex:1}aside .box{background:#fff;padding:10px 14px;margin-bottom:14px}
footer{background:#333;color:#ddd;padding:12px 24px;font-size:90%}footer a{color:#ddd}
.cookies{position:fixed;bottom:0;left:0;right:0;background:#111;color:#eee;padding:8px 24px}
.pagination a,.pagination span{margin-right:8px}.meta{color:#666;font-size:90%}
table.bip{border-collapse:collapse}table.bip td,table.bip th{border:1px solid #bbb;padding:4px 8px}
"""


def e(text: str) -> str:
    return escape(text, quote=False)


def charset_meta(encoding: str) -> str:
    if encoding.lower() == "utf-8":
        return '<meta charset="utf-8">'
    # the older CMS style: http-equiv with the Windows code page
    return f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">'


def site_title(muni: Municipality) -> str:
    return f"{muni.unit_nom.capitalize()} {muni.name}" if muni.kind == "gmina" else (
        f"Miasto {muni.name}")


def page(muni: Municipality, *, title: str, main: str, crumbs: list[tuple[str, str]] = (),
         admin_prefix: str | None = None) -> str:
    """A whole page of `muni`'s site with `main` as its content."""
    base = f"/{muni.slug}/"
    office = muni.orgs[muni.office]
    menu = [(base, "Strona główna"), (base + "aktualnosci/", "Aktualności"),
            (base + "bip/", "BIP"), (base + "bip/protokoly-i-sprawozdania.html",
                                     "Organizacje pozarządowe"),
            (base + "kontakt.html", "Kontakt")]
    menu_html = "".join(f'<li><a href="{href}">{e(label)}</a></li>' for href, label in menu)
    trail = [(base, "Strona główna"), *crumbs]
    crumbs_html = " &raquo; ".join(
        f'<a href="{href}">{e(label)}</a>' if href else e(label) for href, label in trail)
    admin = (f' | <a href="{admin_prefix}">Panel administracyjny</a>' if admin_prefix else "")
    visits = f"{muni.visits:,}".replace(",", "\u00a0")
    return f"""<!DOCTYPE html>
<html lang="pl">
<head>
{charset_meta(muni.encoding)}
<title>{e(title)} – {e(site_title(muni))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<header>
<div class="logo"><a href="{base}">{e(site_title(muni))}</a></div>
<div class="tagline">Oficjalny serwis internetowy – {e(office.nom)}</div>
</header>
<nav class="menu"><ul>{menu_html}</ul></nav>
<div class="crumbs">Jesteś tutaj: {crumbs_html}</div>
<div class="wrap">
<main>
{main}
</main>
<aside>
<div class="box search"><form action="{base}aktualnosci/" method="get"><label>Szukaj w serwisie
<input type="text" name="q"></label><button type="submit">Szukaj</button></form></div>
<div class="box links"><h3>Na skróty</h3><ul>
<li><a href="{base}bip/protokoly-i-sprawozdania.html">Protokoły i sprawozdania</a></li>
<li><a href="{base}aktualnosci/">Ogłoszenia i komunikaty</a></li>
<li><a href="{base}kontakt.html">Godziny pracy urzędu</a></li>
</ul></div>
<div class="box contact"><h3>Kontakt</h3>
<p>{e(office.nom)}<br>{e(muni.street)}<br>{e(muni.postcode)} {e(muni.name)}<br>
tel. {e(muni.phone)}<br>e-mail: <a href="mailto:{muni.email}">{e(muni.email)}</a></p>
<p>Godziny pracy: pon.–pt. 7:30–15:30</p></div>
<div class="box counter">Liczba odwiedzin: <strong>{visits}</strong></div>
</aside>
</div>
<footer>
<p>© {SITE_YEAR} {e(office.nom)}. Wszelkie prawa zastrzeżone.
Ostatnia aktualizacja: {LAST_UPDATE}.</p>
<p><a href="{base}polityka-prywatnosci.html">Polityka prywatności</a> |
<a href="{base}deklaracja-dostepnosci.html">Deklaracja dostępności</a>{admin}</p>
</footer>
<div class="cookies" id="cookies">Ta strona korzysta z plików cookies w celu realizacji usług
i zgodnie z <a href="{base}polityka-prywatnosci.html">Polityką prywatności</a>. Możesz określić
warunki przechowywania lub dostępu do plików cookies w Twojej przeglądarce.
<button type="button">Akceptuję</button></div>
</body>
</html>
"""


def blocks_html(blocks: list) -> str:
    """Report text blocks (h1/h2/h3/p/labelled/ul/ol/dash) as HTML."""
    out = []
    for block in blocks:
        kind = block[0]
        if kind in ("h1", "h2", "h3", "p"):
            out.append(f"<{kind}>{e(block[1])}</{kind}>")
        elif kind == "labelled":
            rest = f" {e(block[2])}" if block[2] else ""
            out.append(f"<p><strong>{e(block[1])}</strong>{rest}</p>")
        elif kind in ("ul", "ol"):
            items = "".join(f"<li>{e(i)}</li>" for i in block[1])
            out.append(f"<{kind}>{items}</{kind}>")
        elif kind == "dash":
            out.extend(f"<p>– {e(i)}</p>" for i in block[1])
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    return "\n".join(out)


def article(blocks: list, published: str, extra: str = "", views: int = 0) -> str:
    """A news article: its heading first, then the publication line, then the text."""
    head, rest = blocks[0], blocks[1:]
    return (f"<article>\n{blocks_html([head])}\n"
            f'<p class="meta">Data publikacji: {published} | Wyświetleń: {views}</p>\n'
            f"{blocks_html(rest)}\n{extra}</article>")
