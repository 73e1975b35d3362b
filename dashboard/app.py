"""partmon dashboard server: Streamlit's ASGI app around the page script (main.py), with
the warehouse queries of the first pages run while the server starts (see warm.py).

Run as `streamlit run dashboard/app.py -- --db PATH` (what `partmon dashboard` does) or
with PARTMON_DB set. Streamlit sees `app = st.App(...)` here and serves main.py with it.
"""
from __future__ import annotations

import sys
from contextlib import asynccontextmanager
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:  # streamlit puts only dashboard/ on the path
    sys.path.insert(0, str(_ROOT))

import streamlit as st  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402
from starlette.routing import Route  # noqa: E402

from dashboard.assets import StaticFromMemory  # noqa: E402


@asynccontextmanager
async def _lifespan(_app):
    """Warm the caches in the background: the server answers at once, and the first
    visitor finds the usual pages' data computed (or being computed) already. The listening
    socket is bound by now: Nagle's algorithm is turned off on it (see nodelay.py)."""
    from dashboard import nodelay, warm

    nodelay.set_nodelay()
    warm.start()
    yield
    warm.stop()


async def _warm_status(_request):
    """GET /partmon/warm-up: has the first warm-up finished, how long did it take (JSON)."""
    from starlette.responses import JSONResponse

    from dashboard import warm

    return JSONResponse(warm.status())


app = st.App(str(Path(__file__).resolve().with_name("main.py")), lifespan=_lifespan,
             routes=[Route("/partmon/warm-up", _warm_status)],
             middleware=[Middleware(StaticFromMemory)])
