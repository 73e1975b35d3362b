"""Filter widgets whose values live in the URL (`st.query_params`), so a view can be shared.

A widget takes its value from the URL when the session first draws it and whenever the URL
changed from outside (a link, a pasted address); otherwise it keeps the session's value, and
it writes its value back on every run. Values no longer valid (a municipality not in the
warehouse) are dropped rather than raising. Defaults are left out of the URL.
"""
from __future__ import annotations

from typing import Callable, Sequence

import streamlit as st


def _raw(name: str, multi: bool):
    return st.query_params.get_all(name) if multi else st.query_params.get(name)


def _seed(name: str, key: str, multi: bool, from_url: Callable, sticky: bool = False) -> None:
    """Take the URL's value when the widget is new or the URL was changed from outside."""
    raw = _raw(name, multi)
    last = st.session_state.get(f"_url_last_{name}")
    changed = raw != last and not (sticky and not raw)
    if key not in st.session_state or changed:
        st.session_state[key] = from_url(raw)


def _write(name: str, value, default) -> None:
    if value in (None, "", [], ()) or value == default:
        st.query_params.pop(name, None)
    elif isinstance(value, (list, tuple)):
        st.query_params[name] = [str(v) for v in value]
    else:
        st.query_params[name] = str(value)
    st.session_state[f"_url_last_{name}"] = _raw(name, isinstance(default, list))


def selectbox(name: str, label: str, options: Sequence, default=None,
              format_func: Callable = str, container=None, sticky: bool = False, **kwargs):
    """A select box bound to URL parameter `name`."""
    options = list(options)
    fallback = default if default in options else (options[0] if options else None)
    key = f"url_{name}"

    def from_url(raw):
        return next((o for o in options if str(o) == raw), fallback)

    _seed(name, key, False, from_url, sticky)
    if st.session_state[key] not in options:
        st.session_state[key] = fallback
    value = (container or st).selectbox(label, options, key=key, format_func=format_func,
                                        **kwargs)
    _write(name, value, default)
    return value


def radio(name: str, label: str, options: Sequence, default=None,
          format_func: Callable = str, container=None, sticky: bool = False, **kwargs):
    """A radio group bound to URL parameter `name`."""
    options = list(options)
    fallback = default if default in options else options[0]
    key = f"url_{name}"
    _seed(name, key, False,
          lambda raw: next((o for o in options if str(o) == raw), fallback), sticky)
    if st.session_state[key] not in options:
        st.session_state[key] = fallback
    value = (container or st).radio(label, options, key=key, format_func=format_func, **kwargs)
    _write(name, value, default)
    return value


def multiselect(name: str, label: str, options: Sequence, default: Sequence = (),
                format_func: Callable = str, container=None, **kwargs) -> list:
    """A multiselect bound to the repeated URL parameter `name` (`default` when absent)."""
    options = list(options)
    key = f"url_{name}"
    by_text = {str(o): o for o in options}
    _seed(name, key, True,
          lambda raw: [by_text[r] for r in raw if r in by_text] if raw else list(default))
    st.session_state[key] = [v for v in st.session_state[key] if v in options]
    value = (container or st).multiselect(label, options, key=key, format_func=format_func,
                                          **kwargs)
    _write(name, value, [])
    return value


def year_range(name: str, label: str, low: int, high: int, container=None,
               sticky: bool = False) -> tuple[int, int]:
    """A year-range slider bound to URL parameter `name` written as `FROM-TO`."""
    key = f"url_{name}"

    def from_url(raw):
        try:
            a, b = (int(x) for x in (raw or "").split("-", 1))
            return (min(a, b), max(a, b))
        except ValueError:
            return (low, high)

    _seed(name, key, False, from_url, sticky)
    a, b = st.session_state[key]
    a, b = max(low, min(a, high)), min(high, max(b, low))
    if low == high:
        st.session_state[key] = (low, high)
        (container or st).caption(f"{label}: {low}")
        value = (low, high)
    else:
        st.session_state[key] = (min(a, b), max(a, b))
        value = (container or st).slider(label, min_value=low, max_value=high, key=key)
    _write(name, f"{value[0]}-{value[1]}", f"{low}-{high}")
    return value


def text_input(name: str, label: str, container=None, **kwargs) -> str:
    """A text box bound to URL parameter `name`."""
    key = f"url_{name}"
    _seed(name, key, False, lambda raw: raw or "")
    value = (container or st).text_input(label, key=key, **kwargs)
    _write(name, value.strip(), "")
    return value.strip()


def text_area(name: str, label: str, container=None, **kwargs) -> str:
    """A text area bound to URL parameter `name` (the SQL query)."""
    key = f"url_{name}"
    _seed(name, key, False, lambda raw: raw or "")
    value = (container or st).text_area(label, key=key, **kwargs)
    _write(name, value.strip(), "")
    return value.strip()
