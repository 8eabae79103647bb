"""The ``quotedesk`` command: the command line of ``app.cli``, and the window when no command is given.

The one entry point above both layers: ``app`` never imports desktop, and Qt is loaded only
when the window opens.
"""

from __future__ import annotations

import sys

from app import cli


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, open_window=_open_window)


def _open_window(db: str | None) -> int:
    from desktop.launch import run_app

    return run_app(db=db)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
