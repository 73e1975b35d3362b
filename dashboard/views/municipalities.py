"""Gminy / Municipalities: two to four municipalities (or their processes of one kind and
target year) side by side: timelines, processes, task areas; differences made visible."""
from __future__ import annotations

import html

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data, urlstate
from dashboard.components import (filters, filters_caption, html_list, html_table,
                                   process_kind_label, show_html)
from dashboard.i18n import current_language, t, voivodeship_label

MAX_COMPARED = 4
#: longest list drawn per section and municipality (all rows are in the tables below)
MAX_ROWS = 15
MAX_PER_AREA = 8
#: more meetings than this are drawn as monthly averages
MAX_POINTS = 250


def _label(row, lang) -> str:
    return f"{row['name']} ({voivodeship_label(row['voivodeship'], lang)})"


def _area_matrix(tasks: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Rows: policy areas; columns: municipalities; cells: number of priority tasks."""
    tasks = tasks.assign(area=tasks["area"].fillna(t("no_area")))
    matrix = (tasks.groupby(["area", "municipality_id"]).size().unstack(fill_value=0)
              .reindex(columns=list(names), fill_value=0))
    return matrix.rename(columns=names).rename_axis(t("col_area")).reset_index()


def _differences(tasks: pd.DataFrame, names: dict[str, str]) -> list[str]:
    """Sentences naming the areas one municipality has and the others lack."""
    areas = {mid: set(tasks.loc[tasks.municipality_id == mid, "area"].dropna()) for mid in names}
    out = []
    for mid, own in areas.items():
        others = set().union(*(a for m, a in areas.items() if m != mid))
        only = sorted(own - others)
        if only:
            out.append(t("only_in", name=names[mid], areas=", ".join(only)))
    return out


def _more(total: int, shown: int) -> None:
    if total > shown:
        st.caption(t("more_in_tables", n=total - shown))


def _column(mid: str, name: str, frames: dict[str, pd.DataFrame]) -> None:
    """One municipality's meetings, goals, tasks by area, acts, funding and organisations
    (long lists cut short: every row is in the tables and CSV files below)."""
    st.subheader(name)
    meetings = frames["meetings"][frames["meetings"].municipality_id == mid]
    st.markdown(f"**{t('section_meetings')}** ({len(meetings)})")
    if meetings.empty:
        st.caption(t("none_found"))
    else:
        html_table(meetings.head(MAX_ROWS), {"date": "col_date", "kind": "col_kind",
                                             "participants": "col_participants",
                                             "organisations_count": "col_organisations_count"},
                   download=False)
        _more(len(meetings), MAX_ROWS)

    goals = frames["goals"][frames["goals"].municipality_id == mid]
    texts = list(dict.fromkeys(
        f"{g.text}" + (f" [{t('goal_level_' + g.level)}]" if g.level else "")
        for g in goals.itertuples()))
    st.markdown(f"**{t('section_goals')}** ({len(texts)})")
    show_html(html_list(texts[:MAX_ROWS]))
    _more(len(texts), MAX_ROWS)

    tasks = frames["tasks"][frames["tasks"].municipality_id == mid]
    st.markdown(f"**{t('section_priority_tasks')}** ({len(tasks)})")
    if tasks.empty:
        show_html(html_list([]))
    else:
        parts, hidden = [], 0
        for area, group in tasks.groupby(tasks["area"].fillna(t("no_area")), sort=True):
            unique = group["text"].drop_duplicates()
            hidden += max(0, len(unique) - MAX_PER_AREA)
            parts.append(f'<div style="font-weight:600;margin-top:0.3rem">{html.escape(area)}'
                         f' ({len(unique)})</div>' + html_list(unique.head(MAX_PER_AREA)))
        show_html("".join(parts))
        if hidden:
            st.caption(t("more_in_tables", n=hidden))

    acts = frames["acts"][frames["acts"].municipality_id == mid]["text"].drop_duplicates()
    st.markdown(f"**{t('section_legal_acts')}** ({len(acts)})")
    show_html(html_list(acts.head(MAX_ROWS)))
    _more(len(acts), MAX_ROWS)

    funding = frames["funding"][frames["funding"].municipality_id == mid]["name"] \
        .drop_duplicates()
    st.markdown(f"**{t('section_funding')}** ({len(funding)})")
    show_html(html_list(funding.head(MAX_ROWS)))
    _more(len(funding), MAX_ROWS)

    orgs = frames["orgs"][frames["orgs"].municipality_id == mid]
    st.markdown(f"**{t('section_organisations')}** ({len(orgs)})")
    if orgs.empty:
        st.caption(t("none_found"))
    else:
        html_table(orgs.head(MAX_ROWS), {"name": "col_organisation",
                                         "documents": "col_documents"}, download=False)
        _more(len(orgs), MAX_ROWS)


def _timeline(meetings: pd.DataFrame, names: dict[str, str]) -> None:
    """Meetings over time, one colour per municipality: participants and organisations
    per meeting, two small charts side by side."""
    dated = meetings.assign(
        municipality=meetings["municipality_id"].map(names),
        day=pd.to_datetime(meetings["date"].map(_full_date), errors="coerce"))
    dated = dated.dropna(subset=["day"])
    if dated.empty:
        st.caption(t("no_dated_meetings"))
        return
    if len(dated) > MAX_POINTS:  # many meetings: one point per municipality and month
        dated = (dated.assign(day=dated["day"].dt.to_period("M").dt.to_timestamp())
                 .groupby(["municipality", "day"], as_index=False)
                 .agg(participants=("participants", "mean"),
                      organisations_count=("organisations_count", "mean"),
                      kind=("kind", "size")))
        dated["date"] = dated["day"].dt.strftime("%Y-%m")
        dated["kind"] = dated["kind"].map(lambda n: t("n_meetings", n=n))
        st.caption(t("timeline_monthly"))
    scale = alt.Scale(domain=list(names.values()), scheme="tableau10")
    for col, measure, label in zip(st.columns(2), ("participants", "organisations_count"),
                                   ("chart_participants", "chart_organisations")):
        chart = (alt.Chart(dated.dropna(subset=[measure]))
                 .mark_line(point=alt.OverlayMarkDef(size=80, filled=True), strokeWidth=2)
                 .encode(x=alt.X("day:T", title=None,
                                 axis=alt.Axis(format="%Y-%m", labelAngle=0, tickCount=6)),
                         y=alt.Y(f"{measure}:Q", title=None),
                         color=alt.Color("municipality:N", scale=scale,
                                         legend=alt.Legend(orient="bottom", title=None)),
                         tooltip=[alt.Tooltip("municipality:N", title=t("col_municipality")),
                                  alt.Tooltip("date:N", title=t("col_date")),
                                  alt.Tooltip("kind:N", title=t("col_kind")),
                                  alt.Tooltip(f"{measure}:Q", title=t(label))]))
        with col:
            st.markdown(f"**{t(label)}**")
            st.altair_chart(chart, width="stretch", height=230)


def _full_date(value) -> str | None:
    """A partial ISO date made a day (2019 → 2019-01-01, 2019-03 → 2019-03-01) for charts."""
    if not isinstance(value, str) or len(value) < 4:
        return None
    return (value[:10] + "-01-01"[len(value[:10]) - 4:]) if len(value) < 10 else value[:10]


def _processes(procs: pd.DataFrame, names: dict[str, str]) -> None:
    """The chosen municipalities' processes: which programme, for which year, how far."""
    if procs.empty:
        st.caption(t("no_processes"))
        return
    procs = procs.assign(
        municipality=procs["municipality_id"].map(names),
        kind=procs["kind"].map(process_kind_label),
        stage=procs["stage"].map(lambda v: t(f"stage_{v}") if isinstance(v, str) else None),
        period=[_period(a, b) for a, b in zip(procs["target_year"], procs["target_year_end"])])
    html_table(procs, {"municipality": "col_municipality", "kind": "col_process_kind",
                       "period": "col_target_year", "stage": "col_stage",
                       "first_meeting_date": "col_first_meeting",
                       "last_meeting_date": "col_last_meeting", "documents": "col_documents",
                       "meetings": "col_meetings", "participants": "col_participants",
                       "title": "col_title"}, "processes")


def _period(first, last) -> str | None:
    if pd.isna(first):
        return None
    return str(int(first)) if pd.isna(last) or int(last) == int(first) else \
        f"{int(first)}–{int(last)}"


def draw() -> None:
    lang = current_language()
    st.title(t("page_municipalities"))
    st.caption(t("municipalities_intro", n=MAX_COMPARED))
    f = filters()
    filters_caption()
    voivodeship, years, kind = f["voivodeship"], f["years"], f["process_kind"]
    listing = data.query("municipality_list", voivodeship=voivodeship, years=years,
                         process_kind=kind)
    if listing.empty:
        st.info(t("none_found"))
        return
    labels = {r["id"]: _label(r, lang) for _, r in listing.iterrows()}
    top = data.query("top_municipalities", voivodeship=voivodeship, years=years, limit=2,
                     process_kind=kind)
    pick, year_box = st.columns([3, 1])
    chosen = urlstate.multiselect("m", t("choose_municipalities"), list(labels),
                                  default=list(top["id"]), format_func=labels.get,
                                  max_selections=MAX_COMPARED,
                                  placeholder=t("choose_placeholder"), container=pick)
    if not chosen:
        st.info(t("choose_municipalities_hint"))
        return
    if len(chosen) == 1:
        st.caption(t("one_municipality_hint"))
    procs = (data.query("municipality_processes", municipality_ids=chosen, process_kind=kind,
                        years=years) if data.has_processes() else None)
    target_year = None
    if procs is not None and kind:
        targets = sorted({int(y) for a, b in zip(procs["target_year"], procs["target_year_end"])
                          if not pd.isna(a)
                          for y in range(int(a), int(b if not pd.isna(b) else a) + 1)},
                         reverse=True)
        target_year = urlstate.selectbox("rok", t("filter_target_year"), [""] + targets,
                                         default="", container=year_box,
                                         format_func=lambda y: str(y) if y else t("all"))
        target_year = target_year or None
    elif procs is not None:
        year_box.caption(t("pick_process_kind_hint"))
    process = {"process_kind": kind, "process_year": target_year}
    names = {mid: listing.set_index("id").loc[mid, "name"] for mid in chosen}
    if len(set(names.values())) < len(names):  # same name in two voivodeships
        names = {mid: labels[mid] for mid in chosen}
    if procs is not None and target_year:
        procs = procs[[(not pd.isna(a)) and int(a) <= target_year <= int(b if not pd.isna(b)
                                                                            else a)
                       for a, b in zip(procs["target_year"], procs["target_year_end"])]]
    frames = {
        "meetings": data.query("municipality_meetings", municipality_ids=chosen, years=years,
                               **process),
        "goals": data.query("municipality_goals", municipality_ids=chosen, years=years,
                            **process),
        "tasks": data.query("municipality_priority_tasks", municipality_ids=chosen,
                            years=years, **process),
        "acts": data.query("municipality_legal_acts", municipality_ids=chosen, years=years,
                           **process),
        "funding": data.query("municipality_funding", municipality_ids=chosen, years=years,
                              **process),
        "orgs": data.query("municipality_organisations", municipality_ids=chosen, years=years,
                           **process),
    }

    summary = pd.DataFrame([{
        "name": names[mid],
        "voivodeship": listing.set_index("id").loc[mid, "voivodeship"],
        "meetings": int((frames["meetings"].municipality_id == mid).sum()),
        "participants": frames["meetings"].loc[frames["meetings"].municipality_id == mid,
                                               "participants"].sum(min_count=1),
        "organisations": int((frames["orgs"].municipality_id == mid).sum()),
        "goals": int((frames["goals"].municipality_id == mid).sum()),
        "tasks": int((frames["tasks"].municipality_id == mid).sum()),
        "areas": frames["tasks"].loc[frames["tasks"].municipality_id == mid, "area"].nunique(),
    } for mid in chosen])
    st.subheader(t("comparison"))
    html_table(summary, {"name": "col_municipality", "voivodeship": "col_voivodeship",
                         "meetings": "col_meetings", "participants": "col_participants",
                         "organisations": "col_organisations", "goals": "col_goals",
                         "tasks": "col_priority_tasks", "areas": "col_areas"}, "comparison")

    st.subheader(t("timeline"))
    _timeline(frames["meetings"], names)

    if procs is not None:
        st.subheader(t("processes"))
        _processes(procs, names)

    if len(chosen) > 1:
        st.subheader(t("areas_compared"))
        if frames["tasks"].empty:
            st.caption(t("none_found"))
        else:
            matrix = _area_matrix(frames["tasks"], names)
            html_table(matrix, {c: None for c in matrix.columns}, "priority_task_areas",
                       flag_zero=True)
            show_html(html_list(_differences(frames["tasks"], names), t("no_differences")))

    for col, mid in zip(st.columns(len(chosen)), chosen):
        with col:
            with st.container(border=True):
                _column(mid, names[mid], frames)

    # drawn on request only: thousands of rows would slow every visit of the page
    if st.toggle(t("all_items_tables"), key="all_tables"):
        for key, label in (("meetings", "section_meetings"), ("goals", "section_goals"),
                           ("tasks", "section_priority_tasks"), ("acts", "section_legal_acts"),
                           ("funding", "section_funding"), ("orgs", "section_organisations")):
            frame = frames[key].assign(municipality=frames[key].municipality_id.map(names))
            st.markdown(f"**{t(label)}** ({len(frame)})")
            st.dataframe(frame.drop(columns=["municipality_id"]), hide_index=True,
                         width="stretch")
            data.csv_download(frame, f"municipalities_{key}")


data.guarded(draw)
