"""The demo municipal web site: `generate()` writes it to a folder, `serve()` serves it locally.

Three municipalities (Zielonka Górna – an invented gmina, podlaskie; Łowicz – a town,
łódzkie, pages in windows-1250; Słupsk – a city with powiat rights, pomorskie), each under
`/<slug>/` with a home page, a paginated news list, report pages among ordinary news, PDF
reports listed on a BIP page "Protokoły i sprawozdania", and `/zielonka/admin/` disallowed in
`/robots.txt` though linked from every Zielonka page. All texts are ours (data/*.toml).

Manifest keys (see `site.generate`): `municipalities` (slug, name, kind, voivodeship, terc,
start_path, encoding, office); `reports`, each with path, format ("html"|"pdf"),
municipality (slug), title, meeting_date (ISO; the first day of a two-day meeting),
meeting_end, meeting_date_text (as written), meeting_kind ("warsztaty", "konsultacje",
"spotkanie", "posiedzenie"), meeting_place (as written, after "w"), participants,
organisations_count (null when not stated), organisations (nominative names the report text
names), organisation_details (name, kind, aliases), optional_organisations (the municipality
as a body, the office named in the page chrome or PDF letterhead), priority_tasks
[{text, area}], goals [{text, level}], next_meeting {date, time, place} or null, legal_acts,
funding, people [{name, role}], dates [{text, value, end, optional?}], published,
linked_from; `non_reports` (paths of ordinary news), `notices` (news pages that only link a
PDF report), `disallowed_prefix`, `disallowed_pages`, `pages`, `pdfs`, `files`, `seed`.
"""
from .server import DemoServer, serve
from .site import generate

__all__ = ["generate", "serve", "DemoServer"]
