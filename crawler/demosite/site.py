"""Writes the whole demo site (pages, PDFs, robots.txt) to a folder and returns its manifest."""
from __future__ import annotations

import json
import random
from pathlib import Path

from . import layout as L
from . import texts as T
from .news import write_news
from .pdf import report_pdf
from .reports import Municipality, Report, write_reports

PAGE_SIZE = 4                 # news items per list page
ADMIN_FOLDER = "admin/"       # disallowed in robots.txt for the first municipality


def _file_for(url_path: str) -> str:
    """`/zielonka/` → `zielonka/index.html`."""
    rel = url_path.lstrip("/")
    return rel + "index.html" if rel.endswith("/") or not rel else rel


def _lead(blocks: list, limit: int = 220) -> str:
    text = next((b[1] for b in blocks if b[0] == "p"), "")
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _kb(size: int) -> str:
    return f"{max(1, round(size / 1024))} kB"


class SiteBuilder:
    """Collects the files of the site and the manifest while the municipalities are written."""

    def __init__(self, seed: int):
        self.seed = seed
        self.files: dict[str, bytes] = {}
        self.manifest = {
            "seed": seed, "municipalities": [], "reports": [], "non_reports": [],
            "notices": [], "disallowed_prefix": None, "disallowed_pages": [], "pages": [],
            "pdfs": [], "files": [],
        }

    def add(self, url_path: str, body: bytes, kind: str | None = "page") -> None:
        self.files[_file_for(url_path)] = body
        if kind == "page":
            self.manifest["pages"].append(url_path)
        elif kind == "pdf":
            self.manifest["pdfs"].append(url_path)

    def municipality(self, idx: int, muni: Municipality) -> None:
        slug, base = muni.slug, f"/{muni.slug}/"
        rng = random.Random(f"partmon-demo-site:{self.seed}:{slug}")
        admin = base + ADMIN_FOLDER if idx == 0 else None
        enc = muni.encoding

        def page(url, title, main, crumbs=(), kind="page"):
            html = L.page(muni, title=title, main=main, crumbs=list(crumbs), admin_prefix=admin)
            self.add(url, html.encode(enc), kind)

        self.manifest["municipalities"].append({
            "slug": slug, "name": muni.name, "kind": muni.kind, "voivodeship": muni.voivodeship,
            "terc": muni.terc or None, "start_path": base, "encoding": enc,
            "office": muni.orgs[muni.office].nom,
        })
        reports = write_reports(muni, self.seed)
        extra_pdf = rng.choice(["diagnoza", "konsultacje", "warsztaty"]) if idx % 2 == 0 else None
        listed = []      # (published, title, url, lead) of the news list
        bip_rows = []    # (meeting date, title, url, kind label)
        used = set()

        def unique(name: str) -> str:
            n, out = 2, name
            while out in used:
                out, n = f"{name}-{n}", n + 1
            used.add(out)
            return out

        office = muni.orgs[muni.office]
        for rep in reports:
            entry = {"path": None, "format": None, "municipality": slug, **rep.manifest,
                     "published": rep.published.isoformat(), "linked_from": []}
            if office.nom not in entry["organisations"]:   # the page chrome / letterhead names it
                entry["optional_organisations"] = entry["optional_organisations"] + [office.nom]
            name = unique(T.slugify(rep.title))
            if rep.kind == "rdpp" or rep.kind == extra_pdf:
                url = f"{base}pliki/{name}.pdf"
                body = report_pdf(rep.blocks, title=rep.title, author=office.nom,
                                  letterhead=[office.nom, muni.street,
                                              f"{muni.postcode} {muni.name}"])
                self.add(url, body, "pdf")
                entry.update(path=url, format="pdf", size=len(body))
                entry["linked_from"].append(f"{base}bip/protokoly-i-sprawozdania.html")
                bip_rows.append((rep.manifest["meeting_date"], rep.title, url,
                                 f"PDF, {_kb(len(body))}"))
                if rep.kind != "rdpp":
                    notice = self._notice(muni, rep, url, len(body), unique(name + "-do-pobrania"),
                                          page)
                    entry["linked_from"].append(notice)
                    listed.append((rep.published, f"{rep.title} – dokument do pobrania", notice,
                                   "Zamieszczamy dokument do pobrania w formacie PDF."))
            else:
                url = f"{base}aktualnosci/{name}.html"
                back = '<p><a href="./">« Powrót do listy aktualności</a></p>'
                main = L.article(rep.blocks, T.dotted_date(rep.published, ""), back,
                                 views=rng.randint(40, 900))
                page(url, rep.title, main, [(f"{base}aktualnosci/", "Aktualności"),
                                            ("", rep.title)])
                entry.update(path=url, format="html")
                entry["linked_from"].append(f"{base}bip/protokoly-i-sprawozdania.html")
                listed.append((rep.published, rep.title, url, _lead(rep.blocks)))
                bip_rows.append((rep.manifest["meeting_date"], rep.title, url, "strona"))
            self.manifest["reports"].append(entry)

        for item in write_news(muni, self.seed):
            url = f"{base}aktualnosci/{unique(T.slugify(item.title))}.html"
            body = "\n".join(f"<p>{L.e(p)}</p>" for p in item.paragraphs)
            main = L.article([("h1", item.title)], T.dotted_date(item.published, ""),
                             body + '\n<p><a href="./">« Powrót do listy aktualności</a></p>',
                             views=rng.randint(40, 900))
            page(url, item.title, main, [(f"{base}aktualnosci/", "Aktualności"), ("", item.title)])
            self.manifest["non_reports"].append(url)
            listed.append((item.published, item.title, url, item.paragraphs[0]))

        listed.sort(key=lambda x: (x[0], x[1]), reverse=True)
        self._news_pages(muni, listed, page)
        self._home(muni, listed[:3], page)
        self._bip(muni, bip_rows, page)
        self._static_pages(muni, page)
        if admin:
            self._admin(muni, admin, page)

    # --- page families -------------------------------------------------------------------
    def _notice(self, muni, rep: Report, pdf_url: str, size: int, name: str, page) -> str:
        base = f"/{muni.slug}/"
        url = f"{base}aktualnosci/{name}.html"
        title = f"{rep.title} – dokument do pobrania"
        body = (f"<p>Informujemy, że na stronie opublikowano dokument „{L.e(rep.title)}”. "
                f"Zachęcamy do zapoznania się z jego treścią.</p>\n"
                f'<p class="attachment">Załącznik: <a href="../pliki/{pdf_url.rsplit("/", 1)[1]}">'
                f"{L.e(rep.title)}</a> (PDF, {_kb(size)})</p>\n"
                '<p><a href="./">« Powrót do listy aktualności</a></p>')
        main = L.article([("h1", title)], T.dotted_date(rep.published, ""), body)
        page(url, title, main, [(f"{base}aktualnosci/", "Aktualności"), ("", title)])
        self.manifest["notices"].append({"path": url, "pdf": pdf_url})
        return url

    def _news_pages(self, muni, listed: list, page) -> None:
        base = f"/{muni.slug}/aktualnosci/"
        chunks = [listed[i:i + PAGE_SIZE] for i in range(0, len(listed), PAGE_SIZE)]

        def href(n: int) -> str:
            return "./" if n == 1 else f"strona-{n}.html"
        for n, chunk in enumerate(chunks, 1):
            items = "\n".join(
                f'<div class="news-item"><h2><a href="{href_.rsplit("/", 1)[1]}">{L.e(title)}</a>'
                f'</h2><p class="meta">{T.dotted_date(pub, "")}</p><p>{L.e(lead)}</p>'
                f'<p><a href="{href_.rsplit("/", 1)[1]}">Czytaj więcej</a></p></div>'
                for pub, title, href_, lead in chunk)
            nav = []
            if n > 1:
                nav.append(f'<a href="{href(n - 1)}">« Poprzednia strona</a>')
            for k in range(1, len(chunks) + 1):
                nav.append(f"<span>{k}</span>" if k == n else f'<a href="{href(k)}">{k}</a>')
            if n < len(chunks):
                nav.append(f'<a href="{href(n + 1)}" rel="next">Następna strona »</a>')
            main = (f"<h1>Aktualności</h1>\n{items}\n"
                    f'<div class="pagination">{" ".join(nav)}</div>')
            url = base if n == 1 else f"{base}strona-{n}.html"
            title = "Aktualności" if n == 1 else f"Aktualności – strona {n}"
            page(url, title, main, [(base, "Aktualności")] if n > 1 else [("", "Aktualności")])

    def _home(self, muni, latest: list, page) -> None:
        base = f"/{muni.slug}/"
        items = "\n".join(
            f'<li><a href="{url}">{L.e(title)}</a> <span class="meta">'
            f'{T.dotted_date(pub, "")}</span></li>' for pub, title, url, _ in latest)
        main = (f"<h1>Witamy na stronie {L.e(muni.title_gen)}</h1>\n"
                f"<p>Zapraszamy do korzystania z serwisu, w którym publikujemy aktualności, "
                f"ogłoszenia oraz dokumenty dotyczące współpracy z organizacjami pozarządowymi."
                f"</p>\n<h2>Najnowsze aktualności</h2>\n<ul>{items}</ul>\n"
                f'<p><a href="{base}aktualnosci/">Wszystkie aktualności »</a></p>')
        page(base, "Strona główna", main)

    def _bip(self, muni, rows: list, page) -> None:
        base = f"/{muni.slug}/bip/"
        main = ("<h1>Biuletyn Informacji Publicznej</h1>\n<ul>"
                '<li><a href="protokoly-i-sprawozdania.html">Protokoły i sprawozdania</a></li>'
                f'<li><a href="/{muni.slug}/aktualnosci/">Ogłoszenia</a></li></ul>')
        page(base, "Biuletyn Informacji Publicznej", main, [("", "BIP")])
        rows = sorted(rows, reverse=True)
        body = "\n".join(
            f'<tr><td>{i}.</td><td><a href="{self._rel(base, url)}">{L.e(title)}</a></td>'
            f"<td>{date}</td><td>{L.e(label)}</td></tr>"
            for i, (date, title, url, label) in enumerate(rows, 1))
        main = ("<h1>Protokoły i sprawozdania</h1>\n"
                "<p>Dokumenty ze spotkań, warsztatów i konsultacji z organizacjami "
                "pozarządowymi.</p>\n<table class=\"bip\"><tr><th>Lp.</th><th>Dokument</th>"
                f"<th>Data spotkania</th><th>Rodzaj</th></tr>\n{body}\n</table>")
        page(base + "protokoly-i-sprawozdania.html", "Protokoły i sprawozdania", main,
             [(base, "BIP"), ("", "Protokoły i sprawozdania")])

    @staticmethod
    def _rel(base: str, url: str) -> str:
        """A link from a page in folder `base` to `url` written relative (`../pliki/x.pdf`)."""
        prefix = base.rstrip("/").rsplit("/", 1)[0] + "/"
        return "../" + url[len(prefix):] if url.startswith(prefix) else url

    def _static_pages(self, muni, page) -> None:
        base = f"/{muni.slug}/"
        office = muni.orgs[muni.office]
        page(base + "kontakt.html", "Kontakt",
             f"<h1>Kontakt</h1>\n<p>{L.e(office.nom)}<br>{L.e(muni.street)}<br>"
             f"{L.e(muni.postcode)} {L.e(muni.name)}</p>\n<p>Telefon: {L.e(muni.phone)}</p>\n"
             "<p>Urząd jest czynny od poniedziałku do piątku w godzinach 7:30–15:30.</p>",
             [("", "Kontakt")])
        page(base + "polityka-prywatnosci.html", "Polityka prywatności",
             "<h1>Polityka prywatności</h1>\n<p>Serwis wykorzystuje pliki cookies wyłącznie "
             "w celu zapamiętania ustawień użytkownika i prowadzenia anonimowych statystyk "
             "odwiedzin.</p>", [("", "Polityka prywatności")])
        page(base + "deklaracja-dostepnosci.html", "Deklaracja dostępności",
             "<h1>Deklaracja dostępności</h1>\n<p>Dokładamy starań, aby serwis był dostępny "
             "dla wszystkich użytkowników, w tym osób z niepełnosprawnościami.</p>",
             [("", "Deklaracja dostępności")])

    def _admin(self, muni, admin: str, page) -> None:
        """The folder robots.txt forbids: a login page and a draft a polite crawler never sees."""
        self.manifest["disallowed_prefix"] = admin
        page(admin, "Panel administracyjny",
             "<h1>Panel administracyjny</h1>\n<form method=\"post\" action=\"#\"><label>Login "
             "<input name=\"login\"></label><label>Hasło <input type=\"password\" name=\"pass\">"
             "</label><button>Zaloguj</button></form>\n"
             '<p><a href="szkic-protokolu.html">Szkic protokołu (wersja robocza)</a></p>',
             [("", "Panel administracyjny")], kind="admin")
        page(admin + "szkic-protokolu.html", "Szkic protokołu",
             "<h1>Protokół ze spotkania grupy roboczej – wersja robocza</h1>\n"
             "<p>Dokument roboczy, nie do publikacji. Spotkanie odbyło się w dniu "
             "2 grudnia 2024 r.; w spotkaniu udział wzięło 14 osób.</p>",
             [(admin, "Panel administracyjny"), ("", "Szkic")], kind="admin")
        self.manifest["disallowed_pages"] += [admin, admin + "szkic-protokolu.html"]

    def root(self, munis: list[Municipality]) -> None:
        links = "\n".join(f'<li><a href="/{m.slug}/">{L.e(L.site_title(m))}</a> '
                          f"(województwo {L.e(m.voivodeship)})</li>" for m in munis)
        html = ('<!DOCTYPE html>\n<html lang="pl"><head><meta charset="utf-8">'
                "<title>Demonstracyjne serwisy samorządowe</title>"
                '<link rel="stylesheet" href="/static/style.css"></head><body>'
                "<h1>Demonstracyjne serwisy samorządowe</h1>\n"
                "<p>Strony wygenerowane na potrzeby demonstracji projektu partmon. "
                "Treści są fikcyjne.</p>\n"
                f"<ul>{links}</ul></body></html>\n")
        self.add("/", html.encode("utf-8"))
        self.add("/static/style.css", L.CSS.encode("utf-8"), None)
        disallow = self.manifest["disallowed_prefix"]
        robots = f"User-agent: *\nDisallow: {disallow}\n"
        self.add("/robots.txt", robots.encode("ascii"), None)

    def write(self, out_dir: Path) -> None:
        _remove_previous(out_dir)
        self.manifest["files"] = sorted(self.files)
        for rel, body in sorted(self.files.items()):
            path = out_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(body)
        (out_dir / "manifest.json").write_text(
            json.dumps(self.manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _remove_previous(out_dir: Path) -> None:
    """Delete the files a previous generate() listed in its manifest, so no stale page stays."""
    try:
        old = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    root = out_dir.resolve()
    for rel in old.get("files", []) if isinstance(old, dict) else []:
        path = (out_dir / rel).resolve()
        if path.is_relative_to(root) and path.is_file():
            path.unlink()


def generate(out_dir, seed: int = 0) -> dict:
    """Write the demo site under `out_dir` (created if missing) and return its manifest.

    The manifest (also written to `out_dir/manifest.json`) lists the municipalities, each
    report with what its text says (title, meeting date, participants, organisations in the
    nominative, goals, priority tasks …), the ordinary news pages, and the folder robots.txt
    disallows. The same seed gives the same bytes.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"{out}: not a folder, cannot write the demo site there")
    out.mkdir(parents=True, exist_ok=True)
    builder = SiteBuilder(int(seed))
    munis = Municipality.load_all()
    for idx, muni in enumerate(munis):
        builder.municipality(idx, muni)
    builder.root(munis)
    builder.write(out)
    return json.loads(json.dumps(builder.manifest))
