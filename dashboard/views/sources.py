"""Źródła / Sources: crawl health per source, broken sites first and marked, so a municipal
site that stopped answering (or now serves unreadable files) is noticed."""
from __future__ import annotations

import html
import json

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.components import filters, fmt, show_html, table
from dashboard.i18n import current_language, t, voivodeship_label

STATUS_STYLE = {  # background, text colour
    "broken": ("#ffe3e3", "#c92a2a"),
    "warning": ("#fff3bf", "#8f5d00"),
    "never": ("#f1f3f5", "#495057"),
    "ok": ("#d3f9d8", "#2b8a3e"),
}
COLUMNS = {"status_label": "col_status", "source": "col_source",
           "municipality": "col_municipality", "voivodeship": "col_voivodeship",
           "last_crawled_at": "col_last_crawl", "pages": "col_pages",
           "harvested": "col_harvested", "reports": "col_reports", "errors": "col_errors",
           "errors_by_kind": "col_errors_by_kind", "stored_documents": "col_stored",
           "extracted": "col_extracted", "failed_documents": "col_failed_documents"}
#: shown on the page (the CSV has every column); the rest fits a laptop screen
SHOWN = ["status_label", "source", "municipality", "last_crawled_at", "pages", "harvested",
         "reports", "errors", "errors_by_kind", "stored_documents", "failed_documents"]
MAX_SHOWN = 150
NUMERIC = {"pages", "harvested", "reports", "errors", "stored_documents", "extracted",
           "failed_documents"}


def error_kinds_text(raw) -> str:
    """{"http_500": 3, "timeout": 1} (JSON) → "http_500: 3, timeout: 1", most first."""
    if not isinstance(raw, str) or not raw.strip():
        return ""
    try:
        kinds = json.loads(raw)
    except ValueError:
        return raw
    if not isinstance(kinds, dict):
        return str(kinds)
    ranked = sorted(kinds.items(), key=lambda kv: (-_int(kv[1]), str(kv[0])))
    return ", ".join(f"{k}: {v}" for k, v in ranked if _int(v))


def _int(v) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return 0


def _when(value) -> str:
    if value is None or pd.isna(value):
        return "—"
    return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")


def _health_table(health: pd.DataFrame) -> str:
    """The health table as escaped HTML: a coloured status badge, broken rows tinted."""
    lang = current_language()
    cell = "padding:5px 8px;border-bottom:1px solid #e9ecef;vertical-align:top"
    head = "".join(
        f'<th style="{cell};text-align:{"right" if c in NUMERIC else "left"};font-weight:600;'
        f'color:#495057">{html.escape(t(COLUMNS[c]))}</th>' for c in SHOWN)
    rows = []
    for r in health.to_dict("records"):
        bg, fg = STATUS_STYLE.get(r["status"], STATUS_STYLE["never"])
        tint = f"background:{bg}55" if r["status"] == "broken" else ""
        cells = []
        for c in SHOWN:
            if c == "status_label":
                value = (f'<span class="pm-status pm-status-{r["status"]}" style="background:{bg};'
                         f'color:{fg};font-weight:700;padding:2px 8px;border-radius:10px;'
                         f'white-space:nowrap">{html.escape(r["status_label"])}</span>')
            elif c == "voivodeship":
                value = html.escape(voivodeship_label(r[c], lang) if r[c] else "—")
            elif c == "last_crawled_at":
                value = html.escape(_when(r[c]))
            elif c == "errors_by_kind":
                value = "<br>".join(f'<span style="white-space:nowrap">{html.escape(k)}</span>'
                                    for k in (r[c] or "—").split(", "))
            else:
                value = html.escape(fmt(None if isinstance(r[c], str) and not r[c] else r[c]))
            red = c in ("errors", "failed_documents") and _int(r[c]) > 0
            style = (f'{cell};text-align:{"right" if c in NUMERIC else "left"}'
                     + (";color:#c92a2a;font-weight:600" if red else "")
                     + (";white-space:nowrap" if c in NUMERIC or c == "last_crawled_at" else ""))
            cells.append(f'<td style="{style}">{value}</td>')
        rows.append(f'<tr class="pm-source-{r["status"]}" style="{tint}">' + "".join(cells)
                    + "</tr>")
    return (f'<div style="overflow-x:auto"><table class="pm-table pm-health" style="width:100%;'
            f'border-collapse:collapse;font-size:0.88rem"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def draw() -> None:
    st.title(t("page_sources"))
    st.caption(t("sources_intro"))
    health = data.query("source_health")
    voivodeship = filters()["voivodeship"]
    if voivodeship:
        health = health[health["voivodeship"] == voivodeship]
        st.caption(t("sources_filtered", name=voivodeship_label(voivodeship,
                                                                  current_language())))
    if health.empty:
        st.info(t("no_sources"))
        return
    health["status_label"] = health["status"].map(lambda s: t(f"status_{s}"))
    health["errors_by_kind"] = health["error_kinds"].map(error_kinds_text)
    counts = health["status"].value_counts()
    cols = st.columns(4)
    for col, status in zip(cols, ("broken", "warning", "never", "ok")):
        col.metric(t(f"status_{status}_many"), int(counts.get(status, 0)))
    broken = health[health["status"] == "broken"]
    if not broken.empty:
        st.error(t("sources_broken", n=len(broken),
                   names=", ".join(str(s) for s in broken["source"])),
                 icon=":material/report:")
    show_html(_health_table(health.head(MAX_SHOWN)))  # worst first: nothing broken is cut
    if len(health) > MAX_SHOWN:
        st.caption(t("first_n_sources", n=MAX_SHOWN, total=len(health)))
    export = health.assign(last_crawled_at=health["last_crawled_at"].map(_when))
    data.csv_download(export[[c for c in COLUMNS if c != "status_label"] + ["status"]]
                      .rename(columns={c: t(k) for c, k in COLUMNS.items()}), "crawl_health")
    st.caption(t("status_legend"))

    st.subheader(t("failed_documents"))
    failed = data.query("failed_documents")
    if voivodeship:
        failed = failed[failed["source"].isin(set(health["source"]))]
    if failed.empty:
        st.caption(t("no_failed_documents"))
        return
    failed["stage_label"] = failed["stage"].map(lambda s: t(f"failed_stage_{s}"))
    table(failed, {"source": "col_source", "stage_label": "col_failed_stage",
                   "error": "col_error", "title": "col_title", "content_type": "col_content_type",
                   "url": "col_url"}, "failed_documents",
          column_config={t("col_url"): st.column_config.LinkColumn(t("col_url")),
                         t("col_error"): st.column_config.TextColumn(t("col_error"),
                                                                      width="large")})


data.guarded(draw)
