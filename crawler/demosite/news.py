"""Ordinary news of the demo municipalities (road works, concerts…): the pages that are not reports."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from . import texts as T
from .reports import CURRENT_YEAR, PROGRAM_YEAR, Municipality, Record, Scope


@dataclass
class NewsItem:
    key: str
    title: str
    paragraphs: list[str]
    published: dt.date


def write_news(muni: Municipality, seed: int, count: int = 6) -> list[NewsItem]:
    """`count` news items of the municipality, chosen and dated with a seeded generator."""
    rng = random.Random(f"partmon-demo-news:{seed}:{muni.slug}")
    out = []
    for spec in rng.sample(T.load("news")["news"], count):
        published = dt.date(CURRENT_YEAR, 1, 8) + dt.timedelta(days=rng.randint(0, 330))
        date1 = published + dt.timedelta(days=rng.randint(3, 20))
        scope = Scope(
            Record(), name=muni.name, loc=muni.loc, unit_gen=muni.unit_gen, head=muni.head,
            local_road=muni.local_road, local_street=muni.local_street,
            local_event=muni.local_event, residents=muni.residents,
            culture=muni.orgs[muni.culture], office=muni.orgs[muni.office],
            year=str(PROGRAM_YEAR if spec["key"] == "zaproszenie-konsultacje" else CURRENT_YEAR),
            date1=T.long_date(date1),
        )
        out.append(NewsItem(key=spec["key"], title=scope.fill(spec["title"]),
                            paragraphs=[scope.fill(p) for p in spec["paragraphs"]],
                            published=published))
    return out
