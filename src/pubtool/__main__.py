"""The `pubtool` command (the script and `python -m pubtool`).

Loading the command line takes a moment (typer, rich, the library); a Ctrl-C in that moment
is an interruption like any other: one line and exit 130, never a traceback.
"""

from __future__ import annotations

import sys

from pubtool.errors import INTERRUPTED_EXIT_CODE


def run() -> None:
    try:
        from pubtool.cli import main

        main()
    except KeyboardInterrupt:
        print("pubtool: interrupted", file=sys.stderr)
        raise SystemExit(INTERRUPTED_EXIT_CODE) from None


if __name__ == "__main__":
    run()
