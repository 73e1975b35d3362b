"""Gminy / Municipalities: two to four municipalities (or their processes of one kind and
target year) side by side: timelines, processes, task areas; differences made visible."""
from __future__ import annotations

import html

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data, urlstate
from dashboard.components import (filters, filters_caption, html_list, html_table,
                                   process_kind_label, show_html, translation)
from dashboard.i18n import current_language, t, voivodeship_label
from dashboard.page_queries import COMPARE_DEFAULT, compare_queries

MAX_COMPARED = 4
#: processes drawn, shared among the compared municipalities (latest first; the CSV has all)
MAX_PROCESSES = 24
#: CSV file names of the full tables (as they were named before)
_CSV_NAMES = {"priority_tasks": "tasks", "legal_acts": "acts", "organisations": "orgs"}


def _area_matrix(areas: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Rows: policy areas; columns: municipalities; cells: number of priority tasks."""
    areas = areas.assign(area=areas["area"].fillna(t("no_area")))
    matrix = (areas.pivot_table(index="area", columns="municipality_id", values="tasks",
                                aggfunc="sum", fill_value=0)
              .reindex(columns=list(names), fill_value=0))
    matrix.columns.name = None
    return matrix.rename(columns=names).rename_axis(t("col_area")).reset_index()


def _differences(areas: pd.DataFrame, names: dict[str, str]) -> list[str]:
    """Sentences naming the areas one municipality has and the others lack."""
    found = {mid: set(areas.loc[areas.municipality_id == mid, "area"].dropna()) for mid in names}
    out = []
    for mid, own in found.items():
        others = set().union(*(a for m, a in found.items() if m != mid))
        only = sorted(own - others)
        if only:
            out.append(t("only_in", name=names[mid], areas=", ".join(only)))
    return out


def _more(total: int, shown: int) -> None:
    if total > shown:
        st.caption(t("more_in_tables", n=total - shown))


def _column(mid: str, name: str, counts: pd.Series, items: pd.DataFrame) -> None:
    """One municipality's meetings, goals, tasks by area, acts, funding and organisations
    (the first rows of each list; every row is in the tables and CSV files below)."""
    st.subheader(name)
    mine = items[items.municipality_id == mid]

    def section(key: str) -> pd.DataFrame:
        return mine[mine.section == key].sort_values("rank")

    meetings = section("meeting")
    st.markdown(f"**{t('section_meetings')}** ({int(counts['meetings'])})")
    if meetings.empty:
        st.caption(t("none_found"))
    else:
        html_table(meetings, {"date": "col_date", "kind": "col_kind",
                              "participants": "col_participants",
                              "organisations_count": "col_organisations_count"},
                   download=False)
        _more(int(counts["meetings"]), len(meetings))

    goals = section("goal")
    texts = [f"{g.text}" + (f" [{t('goal_level_' + g.extra)}]" if isinstance(g.extra, str)
                            else "") for g in goals.itertuples()]
    st.markdown(f"**{t('section_goals')}** ({int(counts['distinct_goals'])})")
    show_html(html_list(texts))
    _more(int(counts["distinct_goals"]), len(texts))

    tasks = section("task")
    st.markdown(f"**{t('section_priority_tasks')}** ({int(counts['tasks'])})")
    if tasks.empty:
        show_html(html_list([]))
    else:
        parts, hidden = [], 0
        for area, group in tasks.groupby(tasks["area"].fillna(t("no_area")), sort=True):
            total = int(group["area_total"].iloc[0])
            hidden += max(0, total - len(group))
            parts.append(f'<div style="font-weight:600;margin-top:0.3rem">{html.escape(area)}'
                         f' ({total})</div>' + html_list(group["text"]))
        show_html("".join(parts))
        if hidden:
            st.caption(t("more_in_tables", n=hidden))

    for key, label, count in (("act", "section_legal_acts", "acts"),
                              ("funding", "section_funding", "funding")):
        rows = section(key)["text"]
        st.markdown(f"**{t(label)}** ({int(counts[count])})")
        show_html(html_list(rows))
        _more(int(counts[count]), len(rows))

    orgs = section("organisation").rename(columns={"text": "name"})
    st.markdown(f"**{t('section_organisations')}** ({int(counts['organisations'])})")
    if orgs.empty:
        st.caption(t("none_found"))
    else:
        html_table(orgs, {"name": "col_organisation", "documents": "col_documents"},
                   download=False)
        _more(int(counts["organisations"]), len(orgs))


def _timeline(timeline: pd.DataFrame, names: dict[str, str]) -> None:
    """Meetings over time, one colour per municipality: participants and organisations
    per meeting (per month, averaged, when there are many), two small charts side by side."""
    if timeline.empty:
        st.caption(t("no_dated_meetings"))
        return
    dated = timeline.assign(municipality=timeline["municipality_id"].map(names),
                            day=pd.to_datetime(timeline["day"]))
    if dated["monthly"].any():
        dated["kind"] = dated["meetings"].map(lambda n: t("n_meetings", n=n))
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
    columns = {"municipality": "col_municipality", "kind": "col_process_kind",
               "period": "col_target_year", "stage": "col_stage",
               "first_meeting_date": "col_first_meeting", "last_meeting_date": "col_last_meeting",
               "documents": "col_documents", "meetings": "col_meetings",
               "participants": "col_participants", "title": "col_title"}
    if len(procs) <= MAX_PROCESSES:
        html_table(procs, columns, "processes")
        return
    shown = procs.groupby("municipality_id", sort=False).head(
        max(1, MAX_PROCESSES // max(1, len(names))))  # the latest of each municipality
    html_table(shown, columns, download=False)
    st.caption(t("first_n_in_csv", n=len(shown), total=len(procs)))
    whole = translation(columns)
    data.csv_download(lambda: whole(procs), "processes")


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
    labels = dict(zip(listing["id"], [
        f"{n} ({voivodeship_label(v, lang)})" for n, v in zip(listing["name"],
                                                              listing["voivodeship"])]))
    top = data.query("top_municipalities", voivodeship=voivodeship, years=years,
                     limit=COMPARE_DEFAULT, process_kind=kind)
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
    found = {name: data.query(name, **filters) for name, filters in compare_queries(
        chosen, years, kind, target_year, with_processes=False)}
    counts = found["compare_overview"].set_index("municipality_id")
    items, areas = found["compare_items"], found["compare_areas"]
    by_id = listing.set_index("id")
    summary = pd.DataFrame([{
        "name": names[mid], "voivodeship": by_id.loc[mid, "voivodeship"],
        **{k: counts.loc[mid, k] for k in ("meetings", "participants", "organisations",
                                           "goals", "tasks", "areas")}} for mid in chosen])
    st.subheader(t("comparison"))
    html_table(summary, {"name": "col_municipality", "voivodeship": "col_voivodeship",
                         "meetings": "col_meetings", "participants": "col_participants",
                         "organisations": "col_organisations", "goals": "col_goals",
                         "tasks": "col_priority_tasks", "areas": "col_areas"}, "comparison")

    st.subheader(t("timeline"))
    _timeline(found["compare_timeline"], names)

    if procs is not None:
        st.subheader(t("processes"))
        _processes(procs, names)

    if len(chosen) > 1:
        st.subheader(t("areas_compared"))
        if areas.empty:
            st.caption(t("none_found"))
        else:
            matrix = _area_matrix(areas, names)
            html_table(matrix, {c: None for c in matrix.columns}, "priority_task_areas",
                       flag_zero=True)
            show_html(html_list(_differences(areas, names), t("no_differences")))

    for col, mid in zip(st.columns(len(chosen)), chosen):
        with col:
            with st.container(border=True):
                _column(mid, names[mid], counts.loc[mid], items)

    # read and drawn on request only: thousands of rows would slow every visit of the page
    if st.toggle(t("all_items_tables"), key="all_tables"):
        for key, label in (("meetings", "section_meetings"), ("goals", "section_goals"),
                           ("priority_tasks", "section_priority_tasks"),
                           ("legal_acts", "section_legal_acts"), ("funding", "section_funding"),
                           ("organisations", "section_organisations")):
            frame = data.query(f"municipality_{key}", municipality_ids=chosen, years=years,
                               **process)
            frame = frame.assign(municipality=frame.municipality_id.map(names))
            st.markdown(f"**{t(label)}** ({len(frame)})")
            st.dataframe(frame.drop(columns=["municipality_id"]), hide_index=True,
                         width="stretch")
            data.csv_download(frame, f"municipalities_{_CSV_NAMES.get(key, key)}")


data.guarded(draw)
