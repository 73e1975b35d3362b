"""Serves a generated demo site on 127.0.0.1 in a background thread, recording every request."""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""")
_TYPES = {".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".json": "application/json"}


class DemoServer:
    """What `serve()` yields: the base URL and the paths requested so far, in order."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self._requests: list[str] = []
        self._lock = threading.Lock()

    @property
    def requests(self) -> list[str]:
        with self._lock:
            return list(self._requests)

    def _record(self, path: str) -> None:
        with self._lock:
            self._requests.append(path)


class _Handler(SimpleHTTPRequestHandler):
    server_version = "partmon-demo/1"

    def __init__(self, *args, demo: DemoServer, **kwargs):
        self.demo = demo
        super().__init__(*args, **kwargs)

    def send_head(self):
        self.demo._record(urlsplit(self.path).path)
        return super().send_head()

    def guess_type(self, path):
        path = str(path)
        suffix = Path(path).suffix.lower()
        if suffix in (".html", ".htm"):
            try:
                with open(path, "rb") as fh:
                    head = fh.read(2048)
            except OSError:
                head = b""
            m = _CHARSET.search(head)
            return f"text/html; charset={m.group(1).decode('ascii').lower() if m else 'utf-8'}"
        return _TYPES.get(suffix) or super().guess_type(path)

    def list_directory(self, path):
        # a folder without index.html is not browsable, as on a real municipal server
        self.send_error(404, "Not Found")
        return None

    def log_message(self, format, *args):  # quiet: the requests are in DemoServer.requests
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a client hanging up is not news
        pass


@contextmanager
def serve(root, host: str = "127.0.0.1", port: int = 0):
    """Serve the folder `root` over HTTP until the `with` block ends; yields a DemoServer."""
    folder = Path(root)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: demo site folder not found (run generate() first)")
    demo = DemoServer("")
    httpd = _Server((host, port), partial(_Handler, directory=str(folder.resolve()), demo=demo))
    bound_host, bound_port = httpd.server_address[:2]
    demo.base_url = f"http://{bound_host}:{bound_port}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1},
                              name="partmon-demo-site", daemon=True)
    thread.start()
    try:
        yield demo
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)
