"""Help text as command-line tools write it: `PATH...`, `LANGS`, `[a|b|c]`.

Typer describes an argument by its Python type (`paths... <list[Path]>`, `{paths}...`);
every pubtool command is made by `PubtoolTyper.command`, whose command class shows an
argument by its metavar instead. Options get theirs where they are declared.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperCommand
from typer.models import CommandFunctionType


def _argument_name(param: Any, *, optional: bool = False) -> str:
    """`PATH`, `PATH...`; optional: `[PATH]`, `[PATH]...`."""
    name = f"[{param.metavar}]" if optional else str(param.metavar)
    return name + ("..." if param.nargs != 1 else "")


class PubtoolCommand(TyperCommand):
    """A command whose usage line and Arguments section name arguments by their metavar."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument" and param.metavar:
                pieces.append(_argument_name(param, optional=not param.required))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                if param.metavar:
                    record = (_argument_name(param), record[1])
                arguments.append(record)
            else:
                options.append(record)
        for title, records in (("Arguments", arguments), ("Options", options)):
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


class PubtoolTyper(typer.Typer):
    """`typer.Typer` whose commands are `PubtoolCommand`s unless told otherwise."""

    def command(
        self, *args: Any, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        return super().command(*args, cls=cls or PubtoolCommand, **kwargs)
