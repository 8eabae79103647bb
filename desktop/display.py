"""Is there a screen to open the window on? Asked before Qt is, because Qt aborts the process.

Without a display, Qt's xcb plugin prints "could not connect to display", blames
libxcb-cursor0 and suggests reinstalling, then aborts. A person deserves to be
told what is actually wrong and what to run instead. No Qt here.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Mapping

_WINDOWING = {"xcb", "wayland", "wayland-egl"}


def _x_answers(display: str, timeout: float = 1.0) -> bool:
    """Whether an X server accepts connections at ``display`` (``:0``, ``unix:1``, ``host:10.0``)."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not number.isdigit():
        return False
    if host in ("", "unix") or host.startswith("/"):
        # Local servers listen on an abstract socket and/or a file in /tmp/.X11-unix.
        names = [f"\0/tmp/.X11-unix/X{number}", f"/tmp/.X11-unix/X{number}"]
        if host.startswith("/"):  # macOS launchd style: the socket path itself
            names = [display]
        for name in names:
            try:
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                    sock.settimeout(timeout)
                    sock.connect(name)
                    return True
            except OSError:
                continue
        return False
    try:  # a remote display, such as ssh's X forwarding (localhost:10.0)
        with socket.create_connection((host, 6000 + int(number)), timeout=timeout):
            return True
    except OSError:
        return False


def _wayland_answers(env: Mapping[str, str]) -> bool:
    name = env.get("WAYLAND_DISPLAY")
    if not name:
        return False
    path = name if os.path.isabs(name) else os.path.join(env.get("XDG_RUNTIME_DIR", ""), name)
    return os.path.exists(path)


def display_problem(env: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """None when the window can open (or it is not ours to judge); else a message saying what to do."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None  # macOS and Windows always have their own display
    wanted = [p.strip() for p in env.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    if any(p.split(":", 1)[0] not in _WINDOWING for p in wanted):
        return None  # offscreen, vnc, eglfs…: the person chose; Qt reports its own problems
    names = {p.split(":", 1)[0] for p in wanted} or _WINDOWING
    if names & {"wayland", "wayland-egl"} and _wayland_answers(env):
        return None
    display = env.get("DISPLAY", "")
    if "xcb" in names and display and _x_answers(display):
        return None
    why = (f"the X display {display} does not answer" if display else
           "no display is set (neither DISPLAY nor WAYLAND_DISPLAY)")
    return ("quotedesk: cannot open the window: " + why + ".\n"
            "The window needs a graphical session. On a machine without a screen, run it on a virtual one:\n"
            "  xvfb-run -a quotedesk        (Debian/Ubuntu: apt-get install xvfb xauth)\n"
            "The commands (import, suggest, export, report, …) need no display: quotedesk --help lists them.")
