"""Przegląd / Overview: counts, meetings over time, the 16 voivodeships, most active places."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.components import filters, filters_caption, fmt, html_table, show_html
from dashboard.i18n import current_language, t, voivodeship_label, voivodeships
from dashboard.page_queries import TOP_LIMIT


def _tiles(activity: pd.DataFrame, selected: str | None) -> str:
    """The 16 voivodeships as a 4×4 tile map, shaded by number of documents."""
    lang = current_language()
    by_name = {r.voivodeship: r for r in activity.itertuples()}
    top = max([int(r.documents) for r in activity.itertuples()] or [0]) or 1
    cells = []
    for v in voivodeships():
        row = by_name.get(v["name"])
        docs = int(row.documents) if row is not None else 0
        meets = int(row.meetings) if row is not None else 0
        shade = 0.08 + 0.6 * docs / top if docs else 0.0
        border = "2px solid #1c7ed6" if v["name"] == selected else "1px solid #dee2e6"
        cells.append(
            f'<div style="grid-row:{v["row"] + 1};grid-column:{v["col"] + 1};'
            f'background:rgba(28,126,214,{shade:.2f});border:{border};border-radius:6px;'
            f'padding:6px 8px;min-height:64px">'
            f'<div style="font-weight:600;font-size:0.8rem">'
            f'{html.escape(voivodeship_label(v["name"], lang))}</div>'
            f'<div style="font-size:0.78rem;color:#343a40">'
            f'{html.escape(t("tile_documents", n=docs))}<br>{html.escape(t("tile_meetings", n=meets))}'
            + (f'<br><span style="font-style:italic">{html.escape(row.top_municipality)}</span>'
               if row is not None and isinstance(row.top_municipality, str) else "")
            +            f"</div></div>")
    return ('<div style="display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:5px;'
            'overflow-wrap:anywhere;hyphens:auto" lang="pl">'
            + "".join(cells) + "</div>")


def _periods(over_time: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Meetings per month, or per year over long spans, with empty periods as zero."""
    months = pd.PeriodIndex(over_time["month"], freq="M")
    counts = pd.Series(over_time["meetings"].to_numpy(), index=months)
    if (months.max() - months.min()).n > 36:
        counts = counts.groupby(counts.index.year).sum()
        full = range(int(counts.index.min()), int(counts.index.max()) + 1)
        counts, label = counts.reindex(full, fill_value=0), "col_year"
    else:
        counts = counts.reindex(pd.period_range(months.min(), months.max(), freq="M"),
                                fill_value=0)
        label = "col_month"
    return pd.DataFrame({"period": counts.index.astype(str), "meetings": counts.values}), label


def _bars(series: pd.DataFrame, x_label: str, y_label: str, height: int = 240) -> str:
    """Meetings per period as a plain HTML bar chart: drawn at once by the browser (a chart
    library would have to load and lay it out on every visit and filter change). Each bar
    says its period and count on hover; at most ~12 period labels are written under it."""
    top = max(int(series["meetings"].max()), 1)
    step = max(1, -(-len(series) // 12))
    bars, labels = [], []
    for i, (period, n) in enumerate(zip(series["period"], series["meetings"])):
        tip = html.escape(f"{x_label} {period}: {int(n)}")
        bars.append(f'<div title="{tip}" style="flex:1;display:flex;align-items:flex-end;'
                    f'height:100%"><div class="pm-bar" style="width:100%;height:'
                    f'{100 * int(n) / top:.1f}%;background:#1c7ed6;border-radius:2px 2px 0 0;'
                    f'min-height:{1 if n else 0}px"></div></div>')
        labels.append(f'<div style="flex:1;text-align:center;overflow:visible;'
                      f'white-space:nowrap">{html.escape(str(period)) if i % step == 0 else ""}'
                      f'</div>')
    return (f'<div class="pm-bars" role="img" aria-label="{html.escape(y_label)}" '
            f'style="font-size:0.75rem;color:#495057">'
            f'<div style="display:flex;justify-content:space-between">'
            f'<span>{html.escape(y_label)}</span><span>{html.escape(t("bars_most", n=top))}</span>'
            f'</div>'
            f'<div style="display:flex;gap:2px;height:{height}px;border-bottom:1px solid #adb5bd;'
            f'margin-top:4px">{"".join(bars)}</div>'
            f'<div style="display:flex;gap:2px;margin-top:3px">{"".join(labels)}</div>'
            f'<div style="text-align:center;margin-top:2px">{html.escape(x_label)}</div></div>')


def draw() -> None:
    st.title(t("page_overview"))
    st.caption(t("overview_intro"))
    f = filters()
    filters_caption()
    voivodeship, years, kind = f["voivodeship"], f["years"], f["process_kind"]

    s = data.query("summary", voivodeship=voivodeship, years=years, process_kind=kind).iloc[0]
    cols = st.columns(5)
    for col, key in zip(cols, ("municipalities", "documents", "meetings", "organisations",
                               "participants")):
        col.metric(t(f"metric_{key}"), fmt(s[key], "0"))

    chart, grid = st.columns([1, 1])
    with chart:
        st.subheader(t("meetings_over_time"))
        over_time = data.query("meetings_over_time", voivodeship=voivodeship, years=years,
                               process_kind=kind)
        if over_time.empty:
            st.info(t("no_dated_meetings"))
        else:
            series, period = _periods(over_time)
            show_html(_bars(series, t(period), t("col_meetings")))
    with grid:
        st.subheader(t("voivodeships"))
        activity = data.query("voivodeship_activity", years=years, process_kind=kind)
        show_html(_tiles(activity, voivodeship))
        with st.expander(t("voivodeships_table")):
            full = pd.DataFrame({"voivodeship": [v["name"] for v in voivodeships()]}).merge(
                activity.drop(columns=["top_municipality"]), on="voivodeship",
                how="left").fillna(0)
            html_table(full, {"voivodeship": "col_voivodeship",
                              "municipalities": "col_municipalities",
                              "documents": "col_documents", "meetings": "col_meetings",
                              "participants": "col_participants"}, "voivodeships")

    with st.container():
        st.subheader(t("top_municipalities"))
        top = data.query("top_municipalities", voivodeship=voivodeship, years=years,
                         limit=TOP_LIMIT, process_kind=kind)
        if top.empty:
            st.info(t("none_found"))
        else:
            html_table(top, {"name": "col_municipality", "voivodeship": "col_voivodeship",
                        "documents": "col_documents", "meetings": "col_meetings",
                        "participants": "col_participants",
                        "organisations": "col_organisations"}, "top_municipalities")
    with st.container():
        st.subheader(t("top_organisations"))
        top = data.query("top_organisations", voivodeship=voivodeship, years=years,
                         limit=TOP_LIMIT, process_kind=kind)
        if top.empty:
            st.info(t("none_found"))
        else:
            top["kind"] = top["kind"].map(lambda k: t(f"org_kind_{k}") if k else None)
            html_table(top, {"name": "col_organisation", "kind": "col_kind",
                        "municipalities": "col_municipalities", "documents": "col_documents",
                        "mentions": "col_mentions"}, "top_organisations")


data.guarded(draw)
