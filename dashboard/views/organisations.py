"""Organizacje / Organisations: who is mentioned where, one organisation's municipalities,
meetings and mentions, and who meets whom (pairs named in the same reports)."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from dashboard import data, urlstate
from dashboard.components import (address, document_link, filters, filters_caption,
                                   html_table, show_html, table, translation)
from dashboard.highlight import COLOURS
from dashboard.i18n import t
from dashboard.page_queries import MAX_PAIRS, ORG_MENTIONS_SHOWN, ORG_ROWS

KINDS = ("", "ngo", "public", "business", "other")
#: mentions drawn in context (the CSV file has all)
MAX_SHOWN = ORG_MENTIONS_SHOWN
#: rows drawn of the municipalities and meetings tables (the CSV files have all)
MAX_ROWS = ORG_ROWS
#: organisations listed (the search box narrows the list; the CSV file has all)
MAX_LISTED = 1000
MENTION_COLUMNS = {"date": "col_date", "municipality": "col_municipality",
                   "surface": "col_surface", "context": "col_context",
                   "document": "col_document", "voivodeship": "col_voivodeship",
                   "url": "col_url"}
WHERE_COLUMNS = {"municipality": "col_municipality", "voivodeship": "col_voivodeship",
                 "documents": "col_documents", "mentions": "col_mentions",
                 "first_date": "col_first_date", "last_date": "col_last_date"}
MEETING_COLUMNS = {"date": "col_date", "municipality": "col_municipality", "kind": "col_kind",
                   "participants": "col_participants",
                   "organisations_count": "col_organisations_count",
                   "document": "col_document"}
HEATMAP_SIZE = 15


def _kind(k) -> str:
    return t(f"org_kind_{k}") if k else t("all")


def _concordance(mentions) -> str:
    """Each mention in its sentence, the organisation's words marked (all text escaped)."""
    items = []
    for m in mentions.itertuples():
        meta = " · ".join(str(v) for v in (m.date, m.municipality, m.document) if isinstance(v, str))
        items.append(
            f'<li style="margin-bottom:0.5rem"><div style="font-size:0.8rem;color:#868e96">'
            f'{html.escape(meta)}</div>…{html.escape(m.before or "")}'
            f'<mark style="background:{COLOURS["organisation"]};border-radius:3px">'
            f'{html.escape(m.surface or "")}</mark>{html.escape(m.after or "")}…</li>')
    return '<ul style="list-style:none;padding:0;margin:0">' + "".join(items) + "</ul>"


def _mentions(organisation_id: str) -> None:
    """One organisation: its first mentions in context, where it appears, its meetings.
    Long lists show their first rows; the CSV files (read on click) have all of them."""
    org = data.query("organisation", organisation_id=organisation_id)
    if org.empty:
        st.warning(t("unknown_organisation", id=organisation_id))
        return
    row = org.iloc[0]
    figures = data.query("organisation_overview", organisation_id=organisation_id).iloc[0]
    mentions = data.query("organisation_mentions_first", organisation_id=organisation_id,
                          limit=MAX_SHOWN)
    st.subheader(row["name"])
    st.caption(t("organisation_caption", kind=_kind(row["kind"]) if row["kind"] else "—",
                 mentions=int(figures["mentions"]), documents=int(figures["documents"]),
                 municipalities=int(figures["municipalities"])))
    show_html(_concordance(mentions))
    if int(figures["mentions"]) > MAX_SHOWN:
        st.caption(t("first_n_shown", n=MAX_SHOWN))

    as_shown = translation(MENTION_COLUMNS)

    def every_mention() -> pd.DataFrame:
        frame = data.query("organisation_mentions", organisation_id=organisation_id)
        frame["context"] = (frame["before"].fillna("") + frame["surface"].fillna("")
                            + frame["after"].fillna("")).str.strip()
        return as_shown(frame)

    data.csv_download(every_mention, f"organisation_{organisation_id}")
    # drawn once opened: the grid's code is not loaded for a table few people open
    grid = st.expander(t("mentions_table"), key="mentions_grid", on_change="rerun")
    if grid.open:
        mentions["context"] = (mentions["before"].fillna("") + mentions["surface"].fillna("")
                               + mentions["after"].fillna("")).str.strip()
        grid.dataframe(as_shown(mentions), hide_index=True, width="stretch",
                       column_config={t("col_url"): st.column_config.LinkColumn(t("col_url"))})
        if int(figures["mentions"]) > MAX_SHOWN:
            grid.caption(t("first_n_in_csv", n=MAX_SHOWN, total=int(figures["mentions"])))
    where = data.query("organisation_municipalities", organisation_id=organisation_id)
    st.markdown(f"**{t('organisation_where')}** ({len(where)})")
    html_table(where.head(MAX_ROWS), WHERE_COLUMNS, download=False)
    if len(where) > MAX_ROWS:
        st.caption(t("first_n_in_csv", n=MAX_ROWS, total=len(where)))
    where_shown = translation(WHERE_COLUMNS)
    data.csv_download(lambda: where_shown(where), f"organisation_{organisation_id}_municipalities")
    meetings = data.query("organisation_meetings_first", organisation_id=organisation_id,
                          limit=MAX_ROWS)
    total = int(meetings["total"].iloc[0]) if len(meetings) else 0
    st.markdown(f"**{t('organisation_meetings')}** ({total})")
    if meetings.empty:
        st.caption(t("none_found"))
    else:
        html_table(meetings, MEETING_COLUMNS, download=False)
        if total > len(meetings):
            st.caption(t("first_n_in_csv", n=len(meetings), total=total))
        meetings_shown = translation(MEETING_COLUMNS)
        data.csv_download(lambda: meetings_shown(data.query(
            "organisation_meetings", organisation_id=organisation_id)),
            f"organisation_{organisation_id}_meetings")
    docs = mentions.drop_duplicates("document_id").head(12)
    st.markdown(f"**{t('open_document')}**")
    for d in docs.itertuples():
        document_link(d.document_id, d.document, d.date or "—")


def _heatmap(pairs: pd.DataFrame) -> str:
    """The organisations with most partners as a matrix of shaded cells, each pair's shared
    documents written in its cell (both halves drawn, so a row reads as one organisation's
    partners). Plain HTML built here: no chart code for the browser to load first. Columns
    are numbered like the rows; a column header names its organisation on hover."""
    both = pd.concat([
        pairs.rename(columns={"organisation_a": "x", "organisation_b": "y"}),
        pairs.rename(columns={"organisation_b": "x", "organisation_a": "y"})])
    top = list(both.groupby("x")["documents"].sum().nlargest(HEATMAP_SIZE).index)
    cells = {(r.x, r.y): r for r in both[both["x"].isin(top) & both["y"].isin(top)]
             .itertuples()}
    most = max([int(r.documents) for r in cells.values()] or [1]) or 1
    pad = "padding:4px 8px;min-width:2.2rem;height:1.9rem;border:2px solid #fff"
    head = "".join(f'<th title="{html.escape(str(name))}" style="{pad};font-weight:600;'
                   f'color:#495057;text-align:center">{i}</th>'
                   for i, name in enumerate(top, 1))
    rows = []
    for i, y in enumerate(top, 1):
        tds = []
        for x in top:
            r = cells.get((x, y))
            if r is None:
                tds.append(f'<td style="{pad};background:#f8f9fa"></td>')
                continue
            share = int(r.documents) / most
            tip = html.escape(f"{y} – {x}: {t('col_shared_documents')} {int(r.documents)}, "
                              f"{t('col_municipalities')} {int(r.municipalities)}")
            tds.append(f'<td title="{tip}" style="{pad};text-align:center;'
                       f'background:rgba(28,126,214,{0.12 + 0.8 * share:.2f});'
                       f'color:{"#fff" if share > 0.55 else "#212529"}">{int(r.documents)}</td>')
        rows.append(f'<tr><th style="{pad};text-align:left;font-weight:400;white-space:nowrap;'
                    f'max-width:22rem;overflow:hidden;text-overflow:ellipsis" '
                    f'title="{html.escape(str(y))}">{i}. {html.escape(str(y))}</th>'
                    + "".join(tds) + "</tr>")
    return (f'<div style="overflow-x:auto"><table class="pm-heatmap" style="border-collapse:'
            f'collapse;font-size:0.8rem"><caption style="caption-side:bottom;text-align:left;'
            f'color:#868e96;padding-top:4px">{html.escape(t("heatmap_caption"))}</caption>'
            f'<thead><tr><th></th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f'</div>')


def _co_participation(f: dict) -> None:
    st.caption(t("co_participation_intro"))
    pairs = data.query("co_participation", voivodeship=f["voivodeship"], years=f["years"],
                       process_kind=f["process_kind"], limit=MAX_PAIRS)
    st.caption(t("pairs_found", n=len(pairs)))
    if pairs.empty:
        st.info(t("no_pairs"))
        return
    show_html(_heatmap(pairs))
    table(pairs, {"organisation_a": "col_organisation", "organisation_b": "col_partner",
                  "documents": "col_shared_documents", "municipalities": "col_municipalities",
                  "first_year": "col_first_year", "last_year": "col_last_year"},
          "co_participation", height=420 if len(pairs) > 11 else None, preview=20)


def _list(f: dict) -> None:
    a, b = st.columns([3, 1])
    search = urlstate.text_input("szukaj", t("filter_search_organisation"), container=a)
    kind = urlstate.selectbox("rodzaj", t("filter_kind"), KINDS, default="", format_func=_kind,
                              container=b)
    listing = data.query("organisation_list", search=search or None, kind=kind or None,
                         voivodeship=f["voivodeship"], years=f["years"],
                         process_kind=f["process_kind"])
    st.caption(t("rows_found", n=len(listing)))
    if listing.empty:
        st.info(t("none_found"))
        return
    listing["kind_label"] = listing["kind"].map(lambda k: t(f"org_kind_{k}") if k else None)
    event = table(listing, {"name": "col_organisation", "kind_label": "col_kind",
                            "municipalities": "col_municipalities", "documents": "col_documents",
                            "mentions": "col_mentions"}, "organisations", key="org_table",
                  on_select="rerun", selection_mode="single-row",
                  height=360 if len(listing) > 9 else None, max_rows=MAX_LISTED,
                  link=("name", lambda row: address(org=row.id)))
    rows = event.selection.rows if event is not None else []
    if rows:
        st.query_params["org"] = listing.iloc[rows[0]]["id"]
    chosen = st.query_params.get("org")
    if chosen:
        _mentions(chosen)
    else:
        st.info(t("pick_organisation_hint"))


def draw() -> None:
    st.title(t("page_organisations"))
    st.caption(t("organisations_intro"))
    f = filters()
    filters_caption()
    view = urlstate.radio("widok", t("organisations_view"), ["list", "pairs"], default="list",
                          format_func=lambda v: t(f"organisations_view_{v}"), horizontal=True,
                          label_visibility="collapsed")
    if view == "pairs":
        _co_participation(f)
    else:
        _list(f)


data.guarded(draw)
