"""Streamlit's own frontend files (JS, CSS, fonts) served from memory, and each page's shell
naming the code its first screen needs, so a first visit does not wait for them one by one.

A first visit fetches about a hundred files. Streamlit serves each from disk through
Starlette's StaticFiles (a stat, a thread, headers); on a busy server that adds up to
hundreds of milliseconds before anything is drawn. `StaticFromMemory` (an ASGI middleware
put in front of Streamlit by app.py) answers those requests from bytes read once, with the
same cache headers Streamlit gives them; every other request goes on to Streamlit.

Streamlit also loads the code of each kind of element (select box, table, chart…) only when
the first one arrives from the server, a second round of downloads after the page's own.
The page shell (index.html) served here names those files as `modulepreload` links, so the
browser fetches and compiles them while the main bundle loads. Which elements each page
draws first is data (preload.json); file names are looked up in Streamlit's build, so a
Streamlit upgrade changes nothing here (an element not found is simply not preloaded).
Serving a shell also starts that address's own queries (warm.prefetch): the server would
otherwise sit idle while the browser loads the code, then start them.
"""
from __future__ import annotations

import json
import logging
import mimetypes
import os
import re
import threading
from pathlib import Path

log = logging.getLogger("partmon.dashboard")

#: request paths of the dashboard's pages (url_path in main.py; "" is the overview)
PAGE_PATHS = ("", "overview", "municipalities", "organisations", "documents", "sources",
              "sql")
PRELOAD = Path(__file__).resolve().with_name("preload.json")
#: what Streamlit's static handler sends for hashed (immutable) files and for the shell
LONG_CACHE = b"public, immutable, max-age=31536000"
NO_CACHE = b"no-cache"
_TYPES = {".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".woff2": "font/woff2", ".woff": "font/woff",
          ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png",
          ".wasm": "application/wasm", ".html": "text/html; charset=utf-8"}
_IMPORT = re.compile(rb'(?:from|import)\s*"\./([\w.\-]+\.js)"')
_CHUNK = re.compile(r"^(.+)\.[\w\-]{8}\.js$")


def static_dir() -> Path:
    from streamlit import file_util

    return Path(file_util.get_static_dir())


class _Files:
    """The static folder's files by URL path (an exact lookup: nothing outside it is
    reachable), read on first request and kept."""

    def __init__(self, root: Path):
        self.root = root
        self.paths = {"/" + p.relative_to(root).as_posix(): p
                      for p in root.rglob("*") if p.is_file()}
        self._bytes: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def get(self, url_path: str) -> bytes | None:
        data = self._bytes.get(url_path)
        if data is None:
            path = self.paths.get(url_path)
            if path is None:
                return None
            data = path.read_bytes()
            with self._lock:
                self._bytes[url_path] = data
        return data


class Preloads:
    """modulepreload file lists per page: the chunks of the elements a page draws first
    (preload.json), with every file they import, minus what the shell loads anyway."""

    def __init__(self, root: Path, spec: dict):
        js = root / "static" / "js"
        self.by_name: dict[str, str] = {}
        for f in sorted(js.glob("*.js")) if js.is_dir() else []:
            m = _CHUNK.match(f.name)
            if m:
                self.by_name.setdefault(m.group(1), f.name)
        self.js = js
        self._imports: dict[str, list[str]] = {}
        shell = (root / "index.html").read_text(encoding="utf-8") \
            if (root / "index.html").is_file() else ""
        self.in_shell = set(re.findall(r'static/js/([\w.\-]+\.js)', shell))
        entry = set()
        for name in self.in_shell:
            entry |= self.closure(name)
        self.in_shell |= entry
        self.spec = spec

    def imports(self, file: str) -> list[str]:
        if file not in self._imports:
            try:
                text = (self.js / file).read_bytes()
            except OSError:
                text = b""
            self._imports[file] = [m.decode() for m in _IMPORT.findall(text)]
        return self._imports[file]

    def closure(self, file: str) -> set[str]:
        seen, todo = set(), [file]
        while todo:
            f = todo.pop()
            if f in seen:
                continue
            seen.add(f)
            todo.extend(self.imports(f))
        return seen

    def files(self, page: str, query: str) -> list[str]:
        """Files to preload for a page path and its query string (after the shell's)."""
        names = list(self.spec.get("*", []))
        params = {p.split("=", 1)[0] for p in query.split("&") if p}
        for rule in self.spec.get("pages", []):
            if rule.get("page") != page:
                continue
            wanted = set(rule.get("with", []))
            unwanted = set(rule.get("without", []))
            if wanted <= params and not (unwanted & params):
                names.extend(rule.get("chunks", []))
        out: list[str] = []
        for name in names:
            file = self.by_name.get(name)
            if file is None:
                continue
            for f in sorted(self.closure(file), key=lambda f: f != file):
                if f not in self.in_shell and f not in out:
                    out.append(f)
        return out


class StaticFromMemory:
    """ASGI middleware: Streamlit's static files and page shells from memory; everything
    else (the websocket, health, media, our own routes) goes on to Streamlit."""

    def __init__(self, app, root: Path | None = None, spec_path: Path = PRELOAD):
        self.app = app
        root = root or static_dir()
        self.files = _Files(root)
        shell = self.files.get("/index.html")
        self.shell = shell.decode("utf-8") if shell else None
        try:
            spec = json.loads(spec_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("%s: no preload list (%s)", spec_path, exc)
            spec = {}
        self.preloads = Preloads(root, spec)
        for rule in spec.get("pages", []):  # read the chunks' imports now, not on a visit
            self.preloads.files(rule.get("page", ""), "&".join(rule.get("with", [])))
        self._shells: dict[tuple[str, tuple[str, ...]], bytes] = {}
        self.pages = {"/" + p if p else "/" for p in PAGE_PATHS}

    def shell_for(self, page: str, query: str) -> bytes:
        files = self.preloads.files(page, query)
        key = (page, tuple(files))
        body = self._shells.get(key)
        if body is None:
            links = "".join(f'\n    <link rel="modulepreload" crossorigin '
                            f'href="./static/js/{f}">' for f in files)
            text = self.shell.replace("</head>", links + "\n  </head>", 1)
            body = self._shells[key] = text.encode("utf-8")
        return body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") \
                or scope.get("root_path"):
            return await self.app(scope, receive, send)
        path = scope["path"]
        if path in self.pages and self.shell is not None:
            # a page's address, or "/": the shell with this page's preloads
            page = path.strip("/") or "overview"
            query = scope.get("query_string", b"").decode("latin-1")
            _prefetch(page, query)
            body = self.shell_for(page, query)
            return await _answer(scope, send, body, _TYPES[".html"], NO_CACHE)
        if path.startswith("/static/") or path in ("/favicon.png", "/manifest.json"):
            body = self.files.get(path)
            if body is not None:
                cache = LONG_CACHE if path.startswith("/static/") else NO_CACHE
                kind = _TYPES.get(os.path.splitext(path)[1]) \
                    or mimetypes.guess_type(path)[0] or "application/octet-stream"
                return await _answer(scope, send, body, kind, cache)
        return await self.app(scope, receive, send)


def _prefetch(page: str, query: str) -> None:
    """The page's own data, computed while the browser loads its code (warm.prefetch)."""
    try:
        from dashboard import warm

        warm.prefetch(page, query)
    except Exception:  # a guess only: never in the way of the page itself
        log.exception("prefetch for %s failed", page)


async def _answer(scope, send, body: bytes, kind: str, cache: bytes) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": [
        (b"content-type", kind.encode()), (b"content-length", str(len(body)).encode()),
        (b"cache-control", cache)]})
    await send({"type": "http.response.body",
                "body": b"" if scope["method"] == "HEAD" else body})
