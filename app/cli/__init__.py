"""The ``quotedesk`` command line. Bare ``quotedesk`` opens the window (``desktop.cli`` supplies it).

Each subcommand is one module in this package with ``register(subparsers)``
that adds its parser and sets ``handler`` (a function taking the parsed
arguments and returning an exit code). Add a module to COMMANDS to register it.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
import sys
from collections.abc import Callable

from db import QuotedeskError

# Modules of app.cli that provide subcommands, in the order --help lists them.
COMMANDS = [
    "cmd_info",
    "cmd_import",
    "cmd_suggest",
    "cmd_eval",
    "cmd_train",
    "cmd_export",
    "cmd_import_json",
    "cmd_import_xlsx",
    "cmd_report",
    "cmd_topic",
    "cmd_team",
    "cmd_agreement",
]

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotedesk",
        description="Annotate and fact-check attributed claims in news articles. "
        "Without a command, opens the Quotedesk window.",
    )
    parser.add_argument("--db", metavar="URL", help="project file or database URL (default: the default project)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """``--db`` after the subcommand too (``quotedesk info --db FILE``)."""
    parser.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="project file or database URL (default: the default project)")


def main(argv: list[str] | None = None, *, open_window: Callable[[str | None], int] | None = None) -> int:
    """Run one command; with none, ``open_window(db)`` (given by ``desktop.cli``) or the help."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not args.command:
        if open_window is None:
            parser.print_help()
            return EXIT_USAGE
        return open_window(args.db)
    stdout, sys.stdout = sys.stdout, _TerminalSafe(sys.stdout)  # titles, names, notes: never raw escapes
    try:
        return int(args.handler(args) or 0)
    except QuotedeskError as exc:
        print(f"quotedesk: {terminal_safe(str(exc))}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("quotedesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `quotedesk … | head`: the reader left; stop quietly, as Unix tools do
        _silence_stdout()
        return EXIT_FAILURE
    except MemoryError:
        print("quotedesk: ran out of memory. Work on fewer articles at a time.", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # a bug: say so plainly, with the details in the log
        logging.getLogger("quotedesk").error("Unexpected error", exc_info=True)
        print(f"quotedesk: unexpected error ({type(exc).__name__}: {terminal_safe(str(exc))}). "
              "This is a bug in Quotedesk; please report it with the lines above.", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        sys.stdout = stdout


class _TerminalSafe:
    """A stdout whose writes pass through terminal_safe (anything else is the stream's own)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_safe(text))

    def __getattr__(self, name):
        return getattr(self._stream, name)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Text with control characters (escape sequences, bidi overrides) shown as \\x.. escapes, never sent raw."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so Python's exit-time flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
