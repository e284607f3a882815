"""Help text and usage errors as command-line tools write them.

Typer describes an argument by its Python type (`paths... <list[Path]>`, `{paths}...`);
every pubtool command is made by `PubtoolTyper.command`, whose command class shows an
argument by its metavar instead. Options get theirs where they are declared.

Click answers a mistyped option with three lines (usage, a hint, the error); pubtool
answers every bad input with one: `PubtoolGroup` says the error and where the help is.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandFunctionType

from pubtool.errors import INTERRUPTED_EXIT_CODE, USAGE_EXIT_CODE, one_line


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


def _click_exception(name: str) -> type[Exception]:
    """Click's exception class `name`: Typer re-exports `BadParameter` whether it uses the
    click package (Typer < 0.17) or its own copy of it, and both are named as in Click."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


_USAGE_ERROR = _click_exception("UsageError")
_CLICK_EXCEPTION = _click_exception("ClickException")


class PubtoolGroup(TyperGroup):
    """The `pubtool` command group: a usage error is one line on stderr and exit 2."""

    def main(  # type: ignore[override]
        self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
        standalone_mode: bool = True, **extra: Any,
    ) -> Any:  # fmt: skip
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except _USAGE_ERROR as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # `pubtool` alone: the help
                _exit(str(getattr(error, "format_message", error.__str__)()), USAGE_EXIT_CODE)
            _exit(usage_error_line(error), USAGE_EXIT_CODE)
        except _CLICK_EXCEPTION as error:
            _exit(f"pubtool: error: {_message(error)}", getattr(error, "exit_code", 1))
        except RuntimeError as error:  # Click's Abort: Ctrl-C while the command line was read
            if type(error).__name__ != "Abort":
                raise
            _exit("pubtool: interrupted", INTERRUPTED_EXIT_CODE)
        sys.exit(code if isinstance(code, int) else 0)


def usage_error_line(error: Exception) -> str:
    """`pubtool: error: build-pdf: No such option: --colour (see pubtool build-pdf --help)`."""
    context = getattr(error, "ctx", None)
    path = context.command_path if context is not None else "pubtool"
    command = path.partition(" ")[2]
    where = f"{command}: " if command else ""
    return f"pubtool: error: {where}{_message(error)} (see {path} --help)"


def _message(error: Exception) -> str:
    format_message = getattr(error, "format_message", None)
    text = format_message() if format_message is not None else str(error)
    # Typer's own enum check words its message as a validation library does
    text = str(text).replace("Value error, ", "")
    return one_line(" ".join(text.split()))


def _exit(line: str, code: int) -> NoReturn:
    print(line, file=sys.stderr)
    sys.exit(code)
