"""Gminy / Municipalities: two to four municipalities side by side, differences made visible."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from dashboard import data, urlstate
from dashboard.components import (html_list, html_table, show_html, voivodeship_filter,
                                   year_filter)
from dashboard.i18n import current_language, t, voivodeship_label

MAX_COMPARED = 4


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


def _column(mid: str, name: str, frames: dict[str, pd.DataFrame]) -> None:
    """One municipality's meetings, goals, tasks by area, acts, funding and organisations."""
    st.subheader(name)
    meetings = frames["meetings"][frames["meetings"].municipality_id == mid]
    st.markdown(f"**{t('section_meetings')}** ({len(meetings)})")
    if meetings.empty:
        st.caption(t("none_found"))
    else:
        html_table(meetings, {"date": "col_date", "kind": "col_kind",
                              "participants": "col_participants",
                              "organisations_count": "col_organisations_count"}, download=False)

    goals = frames["goals"][frames["goals"].municipality_id == mid]
    st.markdown(f"**{t('section_goals')}** ({len(goals)})")
    show_html(html_list(f"{g.text}" + (f" [{t('goal_level_' + g.level)}]" if g.level else "")
                        for g in goals.itertuples()))

    tasks = frames["tasks"][frames["tasks"].municipality_id == mid]
    st.markdown(f"**{t('section_priority_tasks')}** ({len(tasks)})")
    if tasks.empty:
        show_html(html_list([]))
    else:
        parts = []
        for area, group in tasks.groupby(tasks["area"].fillna(t("no_area")), sort=True):
            parts.append(f'<div style="font-weight:600;margin-top:0.3rem">{html.escape(area)}</div>'
                         + html_list(group["text"]))
        show_html("".join(parts))

    acts = frames["acts"][frames["acts"].municipality_id == mid]
    st.markdown(f"**{t('section_legal_acts')}** ({len(acts)})")
    show_html(html_list(acts["text"].drop_duplicates()))

    funding = frames["funding"][frames["funding"].municipality_id == mid]
    st.markdown(f"**{t('section_funding')}** ({funding['name'].nunique()})")
    show_html(html_list(funding["name"].drop_duplicates()))

    orgs = frames["orgs"][frames["orgs"].municipality_id == mid]
    st.markdown(f"**{t('section_organisations')}** ({len(orgs)})")
    if orgs.empty:
        st.caption(t("none_found"))
    else:
        html_table(orgs, {"name": "col_organisation", "documents": "col_documents"},
                   download=False)


def draw() -> None:
    lang = current_language()
    st.title(t("page_municipalities"))
    st.caption(t("municipalities_intro", n=MAX_COMPARED))
    left, right = st.columns(2)
    voivodeship = voivodeship_filter(left)
    years = year_filter(right)
    listing = data.query("municipality_list", voivodeship=voivodeship)
    if listing.empty:
        st.info(t("none_found"))
        return
    labels = {r["id"]: _label(r, lang) for _, r in listing.iterrows()}
    top = data.query("top_municipalities", voivodeship=voivodeship, limit=2)
    chosen = urlstate.multiselect("m", t("choose_municipalities"), list(labels),
                                  default=list(top["id"]), format_func=labels.get,
                                  max_selections=MAX_COMPARED,
                                  placeholder=t("choose_placeholder"))
    if not chosen:
        st.info(t("choose_municipalities_hint"))
        return
    names = {mid: listing.set_index("id").loc[mid, "name"] for mid in chosen}
    if len(set(names.values())) < len(names):  # same name in two voivodeships
        names = {mid: labels[mid] for mid in chosen}
    frames = {
        "meetings": data.query("municipality_meetings", municipality_ids=chosen, years=years),
        "goals": data.query("municipality_goals", municipality_ids=chosen, years=years),
        "tasks": data.query("municipality_priority_tasks", municipality_ids=chosen, years=years),
        "acts": data.query("municipality_legal_acts", municipality_ids=chosen, years=years),
        "funding": data.query("municipality_funding", municipality_ids=chosen, years=years),
        "orgs": data.query("municipality_organisations", municipality_ids=chosen, years=years),
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

    with st.expander(t("all_items_tables")):
        for key, label in (("meetings", "section_meetings"), ("goals", "section_goals"),
                           ("tasks", "section_priority_tasks"), ("acts", "section_legal_acts"),
                           ("funding", "section_funding"), ("orgs", "section_organisations")):
            frame = frames[key].assign(municipality=frames[key].municipality_id.map(names))
            st.markdown(f"**{t(label)}**")
            st.dataframe(frame.drop(columns=["municipality_id"]), hide_index=True,
                         width="stretch")
            data.csv_download(frame, f"municipalities_{key}")


data.guarded(draw)
