"""TCP_NODELAY on the dashboard server's listening socket: without it every answer after the
first on a kept-alive connection waits ~40 ms, which a first visit pays a hundred times.

Streamlit binds its own socket (`socket.socket(family)`, protocol number 0), and asyncio only
turns Nagle's algorithm off on sockets whose protocol number says TCP. uvicorn writes a
response's headers and its body separately, so the body waits for the browser's delayed
acknowledgement of the headers (40 ms on Linux): the ~100 static files of a first visit
arrive 6 connections × 40 ms at a time, and the websocket's messages bunch up the same way.
Set on the listening socket, the option is inherited by every connection it accepts (Linux).
"""
from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger("partmon.dashboard")


def listening_tcp_sockets() -> list[int]:
    """File descriptors of this process's listening TCP sockets (Linux: /proc/self/fd)."""
    found = []
    try:
        fds = os.listdir("/proc/self/fd")
    except OSError:
        return found
    for name in fds:
        fd = int(name)
        try:
            if not os.readlink(f"/proc/self/fd/{fd}").startswith("socket:"):
                continue
            with socket.socket(fileno=os.dup(fd)) as sock:
                if sock.family in (socket.AF_INET, socket.AF_INET6) \
                        and sock.type == socket.SOCK_STREAM \
                        and sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN):
                    found.append(fd)
        except OSError:  # closed meanwhile, or not a socket we may look at
            continue
    return found


def set_nodelay() -> int:
    """Turn Nagle's algorithm off on every listening TCP socket of this process; how many."""
    done = 0
    for fd in listening_tcp_sockets():
        try:
            with socket.socket(fileno=os.dup(fd)) as sock:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            done += 1
        except OSError as exc:
            log.info("TCP_NODELAY not set on socket %d: %s", fd, exc)
    return done
