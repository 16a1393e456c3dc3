"""click's own words in Vietnamese: usage errors, the help option and the help-page headings.

click writes its messages in English. The officer sees Vietnamese only: the command classes below
translate what click prints on a help page, and `vietnamese_errors()` turns every click usage error
(unknown command or option, missing or bad value) into a Vietnamese message with the same exit code
(2). With --debug the original click error is left as it is.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

import click

HELP_OPTION_TEXT = "Hiện hướng dẫn này rồi thoát."
OPTIONS_METAVAR = "[TÙY CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [THAM SỐ]..."
ERROR_USAGE_PREFIX = "Cách dùng: "
# The "Usage:" heading of --help pages stays English for now: tests/test_onair.py (another engineer's
# file) asserts "Usage" in the help output. Set this to ERROR_USAGE_PREFIX once that test says
# "Cách dùng".
HELP_USAGE_PREFIX = "Cách dùng: "

_HELP_EXTRAS = (("default: ", "mặc định: "), ("env var: ", "biến môi trường: "), ("required", "bắt buộc"))
_EXTRA = re.compile(r"\s\s\[([^\[\]]*)\]$")
_METAVARS = {
    "TEXT": "CHUỖI",
    "INTEGER": "SỐ_NGUYÊN",
    "INTEGER RANGE": "SỐ_NGUYÊN",
    "FLOAT": "SỐ",
    "FLOAT RANGE": "SỐ",
    "FILE": "TỆP",
    "DIRECTORY": "THƯ_MỤC",
    "PATH": "ĐƯỜNG_DẪN",
    "BOOLEAN": "CÓ/KHÔNG",
}
_METAVAR = re.compile(r"(?<= )(FLOAT RANGE|INTEGER RANGE|TEXT|INTEGER|FLOAT|FILE|DIRECTORY|PATH|BOOLEAN)$")


class _VietnameseHelp(click.Command):
    """Help page parts click writes in English: the help option, the usage line, the options.

    A mixin placed before click.Command or click.Group (it derives from Command for the type checker)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), HELP_USAGE_PREFIX)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None:
                names = _METAVAR.sub(lambda m: _METAVARS[m[1]], record[0])
                rows.append((names, _EXTRA.sub(_translate_extra, record[1])))
        if rows:
            with formatter.section("Tùy chọn"):
                formatter.write_dl(rows)


class VietnameseCommand(_VietnameseHelp, click.Command):
    """A command whose help page is Vietnamese (help option, headings, option extras)."""


class VietnameseGroup(_VietnameseHelp, click.Group):
    """A command group with Vietnamese help; its subcommands and subgroups are Vietnamese too."""

    command_class = VietnameseCommand
    group_class = type  # subgroups are of the same class

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", SUBCOMMAND_METAVAR)
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = self.summaries(ctx, formatter.width)
        if rows:
            with formatter.section("Lệnh"):
                formatter.write_dl(rows)

    def summaries(self, ctx: click.Context, width: int) -> list[tuple[str, str]]:
        """(name, one-line help) of each visible subcommand, as click shows them."""
        found = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        commands = [(name, cmd) for name, cmd in found if cmd is not None and not cmd.hidden]
        if not commands:
            return []
        limit = width - 6 - max(len(name) for name, _ in commands)
        return [(name, cmd.get_short_help_str(limit)) for name, cmd in commands]


def _translate_extra(match: re.Match) -> str:
    text = match[1]
    for english, vietnamese in _HELP_EXTRAS:
        text = text.replace(english, vietnamese)
    return f"  [{text}]"


# ---- usage errors ----


class ShownInVietnamese(click.ClickException):
    """A click error, printed in Vietnamese with click's layout and the same exit code."""

    def __init__(self, original: click.ClickException) -> None:
        super().__init__(message(original))
        self.original = original
        self.exit_code = original.exit_code

    def show(self, file: IO[Any] | None = None) -> None:
        ctx = getattr(self.original, "ctx", None)
        if isinstance(self.original, click.UsageError) and ctx is not None:
            click.echo(usage_line(ctx), file=file, err=True)
            if ctx.command.get_help_option(ctx) is not None:
                option = max(ctx.help_option_names, key=len)
                click.echo(f"Xem hướng dẫn: {ctx.command_path} {option}", file=file, err=True)
            click.echo(file=file, err=True)
        click.echo(f"Lỗi: {self.message}", file=file, err=True)


class Interrupted(click.ClickException):
    """Ctrl+C or the end of input: said in Vietnamese instead of click's "Aborted!"."""

    exit_code = 1

    def __init__(self) -> None:
        super().__init__("Đã dừng theo yêu cầu (Ctrl+C); việc đang làm dở chưa hoàn tất.")

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.message, file=file, err=True)


@contextmanager
def vietnamese_errors(debug: bool = False) -> Iterator[None]:
    """Re-raise click's errors (and Ctrl+C) as Vietnamese ones; with debug, leave them as they are."""
    try:
        yield
    except (ShownInVietnamese, Interrupted):
        raise
    except click.ClickException as exc:
        if debug:
            raise
        raise ShownInVietnamese(exc) from exc
    except (click.Abort, KeyboardInterrupt, EOFError) as exc:
        if debug:
            raise
        raise Interrupted() from exc


def usage_line(ctx: click.Context) -> str:
    """ "Cách dùng: broadcaster slots add [TÙY CHỌN] WEEKDAY TIME" for the command of `ctx`."""
    formatter = ctx.make_formatter()
    formatter.write_usage(ctx.command_path, " ".join(ctx.command.collect_usage_pieces(ctx)), ERROR_USAGE_PREFIX)
    return formatter.getvalue().rstrip("\n")


def message(exc: click.ClickException) -> str:
    """The Vietnamese text of one click error (without "Lỗi: ")."""
    if isinstance(exc, click.NoSuchOption):
        return _no_such_option(exc)
    if isinstance(exc, click.MissingParameter):
        return _missing(exc)
    if isinstance(exc, click.BadParameter):
        hint = _param_hint(exc)
        said = _value_problem(exc.message)
        return f"Giá trị không hợp lệ cho {hint}: {said}" if hint else f"Giá trị không hợp lệ: {said}"
    if isinstance(exc, click.FileError):
        return f"Không mở được tệp “{exc.ui_filename}”: {exc.message}"
    text = exc.message
    unknown = re.fullmatch(r"No such command '(.*)'\.", text)
    if unknown:
        return _no_such_command(unknown[1], getattr(exc, "ctx", None))
    for pattern, vietnamese in _USAGE_MESSAGES:
        found = re.fullmatch(pattern, text, re.DOTALL)
        if found:
            return vietnamese.format(**found.groupdict())
    return text  # our own messages are Vietnamese already


_USAGE_MESSAGES = [
    (r"Missing command\.", "Thiếu tên lệnh."),
    (r"Got unexpected extra arguments? \((?P<args>.*)\)", "Thừa tham số: {args}."),
    (r"Option '(?P<name>[^']+)' requires an argument\.", "Tùy chọn '{name}' cần một giá trị."),
    (r"Option '(?P<name>[^']+)' requires (?P<n>\d+) arguments\.", "Tùy chọn '{name}' cần {n} giá trị."),
    (r"Option '(?P<name>[^']+)' does not take a value\.", "Tùy chọn '{name}' không nhận giá trị."),
    (r"Argument '(?P<name>[^']+)' takes (?P<n>\d+) values\.", "Tham số '{name}' cần {n} giá trị."),
]

_VALUE_MESSAGES = [
    (r"(?P<v>.+) is not a valid integer\.", "{v} không phải là số nguyên."),
    (r"(?P<v>.+) is not a valid float\.", "{v} không phải là số."),
    (r"(?P<v>.+) is not a valid boolean\.", "{v} không phải là có/không (true/false)."),
    (r"(?P<v>.+) is not in the range (?P<r>.+)\.", "{v} nằm ngoài khoảng cho phép ({r})."),
    (r"(?P<v>.+) is not one of (?P<c>.+)\.", "{v} không phải là một trong: {c}."),
    (r"(?P<v>.+) is not (?P<c>'.*')\.", "{v} không phải là {c}."),
    (r"(?P<kind>File|Directory|Path) (?P<f>'.*') does not exist\.", "{kind} {f} không tồn tại."),
    (r"(?P<kind>File|Directory|Path) (?P<f>'.*') is a file\.", "{kind} {f} là một tệp, cần một thư mục."),
    (r"(?P<kind>File|Directory|Path) (?P<f>'.*') is a directory\.", "{kind} {f} là một thư mục, cần một tệp."),
    (r"(?P<kind>File|Directory|Path) (?P<f>'.*') is not readable\.", "{kind} {f} không đọc được (thiếu quyền)."),
    (r"(?P<kind>File|Directory|Path) (?P<f>'.*') is not writable\.", "{kind} {f} không ghi được (thiếu quyền)."),
]
_KINDS = {"File": "Tệp", "Directory": "Thư mục", "Path": "Đường dẫn"}


def _value_problem(text: str) -> str:
    for pattern, vietnamese in _VALUE_MESSAGES:
        found = re.fullmatch(pattern, text, re.DOTALL)
        if found:
            parts = found.groupdict()
            if "kind" in parts:
                parts["kind"] = _KINDS[parts["kind"]]
            return vietnamese.format(**parts)
    return text


def _param_hint(exc: click.BadParameter) -> str | None:
    hint = exc.param_hint
    if hint is None and exc.param is not None and exc.ctx is not None:
        hint = exc.param.get_error_hint(exc.ctx)
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(repr(h) for h in hint)
    return hint


def _missing(exc: click.MissingParameter) -> str:
    kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "parameter")
    what = {"argument": "Thiếu tham số", "option": "Thiếu tùy chọn"}.get(kind, "Thiếu giá trị")
    hint = _param_hint(exc)
    said = f"{what} {hint}." if hint else f"{what}."
    if exc.param is not None and isinstance(exc.param.type, click.Choice):
        said += " Chọn một trong: " + ", ".join(map(str, exc.param.type.choices)) + "."
    return said


def _no_such_option(exc: click.NoSuchOption) -> str:
    said = f"Không có tùy chọn {exc.option_name}."
    if exc.possibilities:
        said += f" Có phải ý bạn là {' hoặc '.join(sorted(exc.possibilities))}?"
    return said


def _no_such_command(name: str, ctx: click.Context | None) -> str:
    said = f"Không có lệnh “{name}”."
    group = ctx.command if ctx is not None else None
    if ctx is not None and isinstance(group, click.Group):
        close = difflib.get_close_matches(name, group.list_commands(ctx), n=3)
        if close:
            said += f" Có phải ý bạn là {' hoặc '.join(close)}?"
    return said
