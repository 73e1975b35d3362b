"""Organizacje / Organisations: who is mentioned where, and one organisation's mentions."""
from __future__ import annotations

import html

import streamlit as st

from dashboard import data, urlstate
from dashboard.components import document_link, show_html, table, voivodeship_filter, year_filter
from dashboard.highlight import COLOURS
from dashboard.i18n import t

KINDS = ("", "ngo", "public", "business", "other")
MAX_SHOWN = 100


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
    org = data.query("organisation", organisation_id=organisation_id)
    if org.empty:
        st.warning(t("unknown_organisation", id=organisation_id))
        return
    row = org.iloc[0]
    mentions = data.query("organisation_mentions", organisation_id=organisation_id)
    st.subheader(row["name"])
    st.caption(t("organisation_caption", kind=_kind(row["kind"]) if row["kind"] else "—",
                 mentions=len(mentions), documents=mentions["document_id"].nunique(),
                 municipalities=mentions["municipality"].nunique()))
    show_html(_concordance(mentions.head(MAX_SHOWN)))
    if len(mentions) > MAX_SHOWN:
        st.caption(t("first_n_shown", n=MAX_SHOWN))
    with st.expander(t("mentions_table")):
        mentions["context"] = (mentions["before"].fillna("") + mentions["surface"].fillna("")
                               + mentions["after"].fillna("")).str.strip()
        table(mentions, {"date": "col_date", "municipality": "col_municipality",
                         "surface": "col_surface", "context": "col_context",
                         "document": "col_document", "voivodeship": "col_voivodeship",
                         "url": "col_url"}, f"organisation_{organisation_id}",
              column_config={t("col_url"): st.column_config.LinkColumn(t("col_url"))})
    docs = mentions.drop_duplicates("document_id").head(12)
    st.markdown(f"**{t('open_document')}**")
    for d in docs.itertuples():
        document_link(d.document_id, d.document, d.date or "—")


def draw() -> None:
    st.title(t("page_organisations"))
    st.caption(t("organisations_intro"))
    a, b, c, d = st.columns(4)
    search = urlstate.text_input("szukaj", t("filter_search_organisation"), container=a)
    kind = urlstate.selectbox("rodzaj", t("filter_kind"), KINDS, default="", format_func=_kind,
                              container=b)
    voivodeship = voivodeship_filter(c)
    years = year_filter(d)
    listing = data.query("organisation_list", search=search or None, kind=kind or None,
                         voivodeship=voivodeship, years=years)
    st.caption(t("rows_found", n=len(listing)))
    if listing.empty:
        st.info(t("none_found"))
        return
    listing["kind_label"] = listing["kind"].map(lambda k: t(f"org_kind_{k}") if k else None)
    event = table(listing, {"name": "col_organisation", "kind_label": "col_kind",
                            "municipalities": "col_municipalities", "documents": "col_documents",
                            "mentions": "col_mentions"}, "organisations", key="org_table",
                  on_select="rerun", selection_mode="single-row",
                  height=360 if len(listing) > 9 else None)
    rows = event.selection.rows if event is not None else []
    if rows:
        st.query_params["org"] = listing.iloc[rows[0]]["id"]
    chosen = st.query_params.get("org")
    if chosen:
        _mentions(chosen)
    else:
        st.info(t("pick_organisation_hint"))


data.guarded(draw)
