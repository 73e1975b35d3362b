"""Drawing helpers shared by the pages: filters, translated tables with CSV, safe HTML lists."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import data, urlstate
from dashboard.i18n import current_language, t, voivodeship_label, voivodeships

PAGES = Path(__file__).resolve().parent / "views"


def page_path(name: str) -> str:
    """Path of a page file, for st.page_link / st.switch_page."""
    return str(PAGES / f"{name}.py")


def voivodeship_filter(container=None) -> str | None:
    """Voivodeship select box (URL `woj`); None means all."""
    lang = current_language()
    names = [""] + [v["name"] for v in sorted(voivodeships(), key=lambda v: v["name"])]
    value = urlstate.selectbox("woj", t("filter_voivodeship"), names, default="",
                               format_func=lambda n: voivodeship_label(n, lang) if n else t("all"),
                               container=container, sticky=True)
    return value or None


def year_filter(container=None) -> tuple[int, int] | None:
    """Year range slider (URL `lata`); None when it spans every year (undated rows stay in)."""
    bounds = data.query("year_bounds")
    low, high = bounds.loc[0, "min_year"], bounds.loc[0, "max_year"]
    if pd.isna(low) or pd.isna(high):
        return None
    low, high = int(low), int(high)
    chosen = urlstate.year_range("lata", t("filter_years"), low, high, container=container,
                                 sticky=True)
    return None if chosen == (low, high) else chosen


def process_kind_label(kind) -> str:
    return t(f"process_kind_{kind}") if kind else t("all")


def process_kind_filter(container=None) -> str | None:
    """Kind of participatory process (URL `proces`); None means all. Only drawn when the
    warehouse groups documents into processes."""
    if not data.has_processes():
        return None
    kinds = [""] + list(data.query("process_kinds")["kind"])
    value = urlstate.selectbox("proces", t("filter_process_kind"), kinds, default="",
                               format_func=process_kind_label, container=container,
                               sticky=True)
    return value or None


def sidebar_filters() -> dict:
    """The filters every page applies (voivodeship, years, kind of process), drawn once in
    the sidebar by app.py and kept in the URL (they stay when moving between pages)."""
    box = st.sidebar.container(border=True)
    box.markdown(f"**{t('filters')}**")
    chosen = {"voivodeship": voivodeship_filter(box), "years": year_filter(box),
              "process_kind": process_kind_filter(box)}
    st.session_state["_filters"] = chosen
    return chosen


def filters() -> dict:
    """The sidebar filters of this run: voivodeship, years, process_kind (None: all)."""
    return dict(st.session_state.get("_filters")
                or {"voivodeship": None, "years": None, "process_kind": None})


def filters_caption() -> None:
    """One line under a page title saying which filters are on (or that none is)."""
    f, lang = filters(), current_language()
    parts = []
    if f["voivodeship"]:
        parts.append(voivodeship_label(f["voivodeship"], lang))
    if f["years"]:
        parts.append(f"{f['years'][0]}–{f['years'][1]}")
    if f["process_kind"]:
        parts.append(process_kind_label(f["process_kind"]))
    st.caption(t("filters_on", what=" · ".join(parts)) if parts else t("filters_off"),
               help=t("filters_help"))


def translation(columns: dict[str, str]):
    """A function giving `frame[columns]` with headers in the interface language and
    voivodeships named in it (a table as shown and as its CSV file has it). The labels are
    fixed now, so it also works in a CSV download's callable, outside the page's run."""
    lang = current_language()
    labels = {c: t(k) if k else c for c, k in columns.items()}
    voivodeship = labels.get("voivodeship") if columns.get("voivodeship") else None

    def apply(frame: pd.DataFrame) -> pd.DataFrame:
        shown = frame[[c for c in columns if c in frame.columns]].rename(columns=labels)
        if voivodeship in shown.columns:
            shown[voivodeship] = shown[voivodeship].map(
                lambda v: voivodeship_label(v, lang) if v else None)
        return shown
    return apply


def translated(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """`frame[columns]` as `translation` gives it."""
    return translation(columns)(frame)


#: rows of a long table drawn at once as HTML (the interactive table and the CSV have all)
PREVIEW_ROWS = 50
#: characters of a cell drawn in that HTML table
CLIP_CHARS = 300


def table(frame: pd.DataFrame, columns: dict[str, str], name: str, *, height=None,
          column_config=None, key=None, max_rows: int | None = None, link=None,
          preview: int = PREVIEW_ROWS, grid_label: str | None = None, full=None,
          **kwargs):
    """`frame[columns]` with translated headers: its first `preview` rows as a static HTML
    table, a CSV download of every row, and the interactive table (sorting, selection;
    `max_rows` rows at most) one click away, in an expander drawn only once opened.

    The HTML table is drawn as soon as it arrives; the interactive table needs ~1.2 MB of
    code the browser would first load and compile (most of a first visit's wait).
    `link` = (column, function of a row giving an address): that column's cells link there.
    `preview=0` draws no HTML rows (the page lists them otherwise). `full`, a function
    giving `frame` complete (columns `frame` lacks filled), is read only for the CSV
    file and the interactive table. Returns the interactive table's selection event
    (None while it is closed)."""
    total = len(frame)
    if preview:  # long texts (a document's text from the SQL page) cut: the CSV has them
        html_table(frame.head(preview), columns, download=False, link=link, clip=CLIP_CHARS)
    whole = translation(columns)
    if total > preview or full is not None:
        if preview and total > preview:
            st.caption(t("first_n_in_csv", n=preview, total=total))
        data.csv_download(lambda: whole(full() if full is not None else frame), name,
                          key=f"csv_{key or name}")
    else:
        data.csv_download(whole(frame), name, key=f"csv_{key or name}")
    grid = st.expander(grid_label or t("interactive_table"), icon=":material/table:",
                       key=f"grid_{key or name}", on_change="rerun")
    if not grid.open:
        return None
    with grid:
        every = full() if full is not None else frame
        shown = whole(every.head(max_rows) if max_rows else every)
        event = st.dataframe(shown, hide_index=True, width="stretch", height=height or "auto",
                             column_config=column_config, key=key, **kwargs)
        if max_rows and total > max_rows:
            st.caption(t("first_n_in_csv", n=max_rows, total=total))
    return event


def html_table(frame: pd.DataFrame, columns: dict[str, str], name: str | None = None,
               *, download: bool = True, flag_zero: bool = False, link=None,
               clip: int | None = None) -> None:
    """A small static table as escaped HTML (readable, wraps long names, selectable text),
    with a CSV download of the same rows; for long lists use `table`. `columns` maps
    frame columns to label keys (None: the column name is already the header);
    `flag_zero` marks zero counts red (something one municipality lacks); `link` =
    (column, function of a frame row giving an address) makes that column's cells links;
    `clip` cuts longer cell texts to that many characters (…)."""
    shown = translated(frame, columns)
    numeric = [pd.api.types.is_numeric_dtype(shown[c]) for c in shown.columns]
    present = [c for c in columns if c in frame.columns]  # the shown columns, in order
    linked = present.index(link[0]) if link and link[0] in present else None
    hrefs = [link[1](row) for row in frame.itertuples(index=False)] if linked is not None \
        else None
    cell = "padding:4px 8px;border-bottom:1px solid #e9ecef;vertical-align:top"
    zero = ";background:#ffe3e3;color:#c92a2a;font-weight:600"
    head = "".join(f'<th style="{cell};text-align:{"right" if n else "left"};font-weight:600;'
                   f'color:#495057">{html.escape(str(c))}</th>'
                   for c, n in zip(shown.columns, numeric))

    def td(i: int, j: int, v, n: bool) -> str:
        value = fmt(v)
        text = html.escape(value if not clip or len(value) <= clip else value[:clip] + "…")
        if j == linked and hrefs[i]:
            text = f'<a href="{html.escape(hrefs[i])}" target="_self">{text}</a>'
        return (f'<td style="{cell};text-align:{"right" if n else "left"}'
                f'{zero if flag_zero and n and v == 0 else ""}'
                f'{";white-space:nowrap" if n or _ISO_DATE.match(fmt(v)) else ""}">{text}</td>')
    body = "".join("<tr>" + "".join(td(i, j, v, n) for j, (v, n) in enumerate(zip(row, numeric)))
                   + "</tr>" for i, row in enumerate(shown.itertuples(index=False)))
    show_html(f'<div style="overflow-x:auto"><table class="pm-table" style="width:100%;'
              f'border-collapse:collapse;font-size:0.9rem"><thead><tr>{head}</tr></thead>'
              f'<tbody>{body}</tbody></table></div>')
    if download and name:
        data.csv_download(shown, name)


def address(**changes) -> str:
    """A link to this page with this run's URL parameters (filters, language) and `changes`
    (None removes one): '?woj=…&org=…'."""
    from urllib.parse import urlencode

    params = {k: st.query_params.get_all(k) for k in st.query_params}
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = [str(v)]
    return "?" + urlencode([(k, v) for k, vs in params.items() for v in vs])


def html_list(items, empty: str | None = None) -> str:
    """An escaped <ul> of plain strings (scraped text is never interpreted)."""
    items = [i for i in items if i]
    if not items:
        return f'<p style="color:#868e96">{html.escape(empty or t("none_found"))}</p>'
    lis = "".join(f"<li>{html.escape(str(i))}</li>" for i in items)
    return f'<ul style="margin:0 0 0.6rem 1.1rem;padding:0">{lis}</ul>'


def show_html(markup: str) -> None:
    """Render markup we built ourselves (all warehouse text inside it already escaped)."""
    st.html(markup)


_ISO_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$])")


def md_escape(text) -> str:
    """Scraped text made inert for Streamlit labels that understand Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def document_link(document_id: str, title, meta: str = "", same_page: bool = False) -> None:
    """A link to a document's view on the Documents page. On that page itself it is a
    link-styled button setting `doc` in the URL (st.page_link to the current page would
    leave the address unchanged, so the view could not be shared)."""
    label = md_escape(" · ".join(x for x in (meta, str(title or document_id)) if x))
    if not same_page:
        st.page_link(page_path("documents"), label=label, icon=":material/description:",
                     query_params={"doc": document_id})
    elif st.button(label, key=f"open_{document_id}", type="tertiary",
                   icon=":material/description:"):
        st.query_params["doc"] = document_id  # the list's filters stay for "back"
        st.rerun()


def fmt(value, empty: str = "—") -> str:
    """A scalar for display: missing values as a dash."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return empty
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
