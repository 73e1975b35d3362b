"""Organizacje / Organisations: who is mentioned where, one organisation's municipalities,
meetings and mentions, and who meets whom (pairs named in the same reports)."""
from __future__ import annotations

import html

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data, urlstate
from dashboard.components import (document_link, filters, filters_caption, html_table,
                                   show_html, table, translation)
from dashboard.highlight import COLOURS
from dashboard.i18n import t
from dashboard.page_queries import MAX_PAIRS

KINDS = ("", "ngo", "public", "business", "other")
#: mentions drawn in context (the CSV file has all)
MAX_SHOWN = 100
#: rows drawn of the municipalities and meetings tables (the CSV files have all)
MAX_ROWS = 30
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

    with st.expander(t("mentions_table")):
        mentions["context"] = (mentions["before"].fillna("") + mentions["surface"].fillna("")
                               + mentions["after"].fillna("")).str.strip()
        shown = as_shown(mentions)
        st.dataframe(shown, hide_index=True, width="stretch",
                     column_config={t("col_url"): st.column_config.LinkColumn(t("col_url"))})
        if int(figures["mentions"]) > MAX_SHOWN:
            st.caption(t("first_n_in_csv", n=MAX_SHOWN, total=int(figures["mentions"])))
        data.csv_download(every_mention, f"organisation_{organisation_id}")
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


def _heatmap(pairs: pd.DataFrame) -> alt.Chart:
    """The organisations with most partners, each pair's shared documents as a shaded cell
    (both halves drawn, so a row reads as one organisation's partners)."""
    both = pd.concat([
        pairs.rename(columns={"organisation_a": "x", "organisation_b": "y"}),
        pairs.rename(columns={"organisation_b": "x", "organisation_a": "y"})])
    top = both.groupby("x")["documents"].sum().nlargest(HEATMAP_SIZE).index
    both = both[both["x"].isin(top) & both["y"].isin(top)]
    order = list(top)
    return (alt.Chart(both).mark_rect(stroke="white", strokeWidth=2)
            .encode(x=alt.X("x:N", sort=order, title=None,
                            axis=alt.Axis(labelLimit=180, labelAngle=-35, labelOverlap=False,
                                          orient="top")),
                    y=alt.Y("y:N", sort=order, title=None,
                            axis=alt.Axis(labelLimit=320, labelOverlap=False)),
                    color=alt.Color("documents:Q", title=t("col_shared_documents"),
                                    scale=alt.Scale(scheme="blues"),
                                    legend=alt.Legend(format="d", tickMinStep=1,
                                                      orient="right")),
                    tooltip=[alt.Tooltip("x:N", title=t("col_organisation")),
                             alt.Tooltip("y:N", title=t("col_partner")),
                             alt.Tooltip("documents:Q", title=t("col_shared_documents")),
                             alt.Tooltip("municipalities:Q", title=t("col_municipalities"))]))


def _co_participation(f: dict) -> None:
    st.caption(t("co_participation_intro"))
    pairs = data.query("co_participation", voivodeship=f["voivodeship"], years=f["years"],
                       process_kind=f["process_kind"], limit=MAX_PAIRS)
    st.caption(t("pairs_found", n=len(pairs)))
    if pairs.empty:
        st.info(t("no_pairs"))
        return
    shown = min(HEATMAP_SIZE, len(set(pairs["organisation_a"]) | set(pairs["organisation_b"])))
    left, _ = st.columns([3, 1])
    with left:
        st.altair_chart(_heatmap(pairs), width="stretch", height=190 + 34 * shown)
    table(pairs, {"organisation_a": "col_organisation", "organisation_b": "col_partner",
                  "documents": "col_shared_documents", "municipalities": "col_municipalities",
                  "first_year": "col_first_year", "last_year": "col_last_year"},
          "co_participation", height=420 if len(pairs) > 11 else None)


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
                  height=360 if len(listing) > 9 else None, max_rows=MAX_LISTED)
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
