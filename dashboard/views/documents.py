"""Dokumenty / Documents: the list with filters and text search, and one document's text
with the extracted items highlighted where they were found."""
from __future__ import annotations

import html
from urllib.parse import urlparse

import pandas as pd
import streamlit as st

from dashboard import data, urlstate
from dashboard.components import (address, document_link, filters, filters_caption, fmt,
                                   show_html, table)
from dashboard.highlight import COLOURS, highlight_html, legend_html
from dashboard.i18n import current_language, t, voivodeship_label
from dashboard.page_queries import DOCUMENTS_LIMIT, SEARCH_CARDS

DEFAULT_HIGHLIGHT = ["organisation", "date", "goal", "priority_task"]
MAX_CARDS = SEARCH_CARDS


def _document(document_id: str) -> None:
    if st.button(t("back_to_list"), icon=":material/arrow_back:", type="tertiary"):
        del st.query_params["doc"]  # the list's own filters stay in the URL
        st.rerun()
    doc = data.query("document", document_id=document_id)
    if doc.empty:
        st.warning(t("unknown_document", id=document_id))
        return
    d = doc.iloc[0]
    st.title(d["title"])
    lang = current_language()
    st.caption(" · ".join([
        f"{t('col_municipality')}: {fmt(d['municipality'])}",
        f"{t('col_voivodeship')}: {voivodeship_label(d['voivodeship'], lang) if d['voivodeship'] else '—'}",
        f"{t('col_date')}: {fmt(d['document_date'])}",
        f"{t('col_content_type')}: {fmt(d['content_type'])}",
    ]))
    url = d["url"] or ""
    if urlparse(url).scheme in ("http", "https"):
        st.link_button(t("open_source"), url, icon=":material/open_in_new:")
    st.code(url, language=None)
    if d["text_error"]:
        st.warning(t("text_error", reason=d["text_error"]))
    if d["extraction_error"]:
        st.warning(t("extraction_error", reason=d["extraction_error"]))
    if d["next_meeting_date"] or d["next_meeting_place"]:
        st.info(t("next_meeting", date=fmt(d["next_meeting_date"]),
                  time=fmt(d["next_meeting_time"]), place=fmt(d["next_meeting_place"])))

    spans = data.query("document_spans", document_id=document_id)
    kind_labels = {k: t(f"kind_{k}") for k in COLOURS}
    present = [k for k in COLOURS if k in set(spans["kind"])]
    chosen = st.pills(t("highlight_kinds"), present, selection_mode="multi",
                      default=[k for k in DEFAULT_HIGHLIGHT if k in present],
                      format_func=lambda k: kind_labels[k], key="doc_kinds") or []
    shown = spans[spans["kind"].isin(chosen)]
    show_html(legend_html(chosen, kind_labels))
    text = d["text"]
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        st.info(t("no_text"))
    else:
        show_html(highlight_html(text, shown[["char_start", "char_end", "kind", "label"]]
                                 .itertuples(index=False, name=None), kind_labels))
    st.subheader(t("extracted_items"))
    items = spans.assign(kind=spans["kind"].map(kind_labels))
    table(items, {"kind": "col_kind", "label": "col_item", "char_start": "col_start",
                  "char_end": "col_end"}, f"document_{document_id}_items")


def _listing() -> None:
    st.title(t("page_documents"))
    f = filters()
    filters_caption()
    voivodeship, years, kind = f["voivodeship"], f["years"], f["process_kind"]
    a, b = st.columns([1, 1])
    search = urlstate.text_input("szukaj", t("filter_search_text"), container=a)
    munis = data.query("municipality_list", voivodeship=voivodeship)
    names = dict(zip(munis["id"], munis["name"]))
    chosen = urlstate.multiselect("m", t("filter_municipalities"), list(names),
                                  format_func=names.get, placeholder=t("choose_placeholder"),
                                  container=b)
    found = dict(voivodeship=voivodeship, years=years, municipality_ids=chosen or None,
                 limit=DOCUMENTS_LIMIT, process_kind=kind)
    if search:  # snippets read for the listed hits only; the table reads them all
        listing = data.query("document_hits", search=search, snippets=MAX_CARDS, **found)
    else:
        listing = data.query("document_list", search=None, **found)
    notes = [t("rows_found", n=len(listing)),
             t("click_title_hint") if search else t("pick_document_hint")]
    if search and not listing.empty:
        notes.insert(1, t(f"search_{listing['match'].iloc[0]}"))
    st.caption(" · ".join(notes))
    if listing.empty:
        st.info(t("none_found"))
        return
    if search:
        _results(listing.head(MAX_CARDS))
        if len(listing) > MAX_CARDS:
            st.caption(t("first_n_results", n=MAX_CARDS))
        _table(listing, search, preview=0,  # the list above; the table on request
               full=lambda: data.query("document_list", search=search, **found))
    else:
        _table(listing, search)


def _results(listing: pd.DataFrame) -> None:
    """Search hits as a readable list: link, where and when, the excerpt that matched."""
    lang = current_language()
    for row in listing.itertuples():
        with st.container(border=True):
            meta = " · ".join(x for x in (row.date, row.municipality,
                                          voivodeship_label(row.voivodeship, lang)
                                          if row.voivodeship else None) if isinstance(x, str))
            document_link(row.id, row.title, meta, same_page=True)
            if isinstance(row.snippet, str):
                show_html(f'<div style="color:#495057;font-size:0.9rem">'
                          f"{html.escape(row.snippet)}</div>")


def _table(listing: pd.DataFrame, search: str, preview: int | None = None,
           full=None) -> None:
    """The documents as a table: the first rows at once (titles link to each document),
    every row in the CSV file and in the interactive table (select a row to open it)."""
    columns = {"date": "col_date", "municipality": "col_municipality",
               "voivodeship": "col_voivodeship", "title": "col_title"}
    if search:
        columns["snippet"] = "col_snippet"
    columns.update({"meetings": "col_meetings", "organisations": "col_organisations",
                    "priority_tasks": "col_priority_tasks", "url": "col_url"})
    event = table(listing, columns,
                  "documents", key="doc_table", on_select="rerun", selection_mode="single-row",
                  link=("title", lambda row: address(doc=row.id)),
                  **({} if preview is None else {"preview": preview, "full": full,
                                                 "grid_label": t("results_table")}),
                  column_config={t("col_url"): st.column_config.LinkColumn(t("col_url")),
                                 t("col_title"): st.column_config.TextColumn(t("col_title"),
                                                                             width="large"),
                                 t("col_snippet"): st.column_config.TextColumn(
                                     t("col_snippet"), width="large")})
    rows = event.selection.rows if event is not None else []
    if rows:
        st.query_params["doc"] = listing.iloc[rows[0]]["id"]
        st.session_state.pop("doc_table", None)  # back in the list, nothing is selected
        st.rerun()


def draw() -> None:
    document_id = st.query_params.get("doc")
    if document_id:
        _document(document_id)
    else:
        _listing()


data.guarded(draw)
