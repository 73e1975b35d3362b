"""Polish/English labels for the dashboard: the words live in labels.json, not in code."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("pl", "en")
DEFAULT_LANGUAGE = "pl"
_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, str]]:
    """All labels, `{key: {"pl": ..., "en": ...}}`."""
    return json.loads((_HERE / "labels.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def voivodeships() -> list[dict]:
    """The 16 voivodeships with TERC code, Polish and English name and tile-grid position."""
    return json.loads((_HERE / "voivodeships.json").read_text(encoding="utf-8"))


def translate(key: str, language: str, **values) -> str:
    """The label for `key` in `language` (falling back to Polish, then to the key itself)."""
    entry = labels().get(key)
    if entry is None:
        return key
    text = entry.get(language) or entry.get(DEFAULT_LANGUAGE) or key
    return text.format(**values) if values else text


def voivodeship_label(name: str | None, language: str) -> str:
    """Display name of a voivodeship (stored in Polish lower-case adjective form)."""
    if not name:
        return translate("unknown", language)
    if language == "en":
        for v in voivodeships():
            if v["name"] == name:
                return v["en"]
    return name


def current_language() -> str:
    """The session's language (set by app.py from the URL or the sidebar switch)."""
    import streamlit as st

    lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **values) -> str:
    """Translate `key` into the session's language."""
    return translate(key, current_language(), **values)
