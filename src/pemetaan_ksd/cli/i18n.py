"""Indonesian wording for the parts of typer's help and errors that users see.

Every usage error raised while a command is parsed or run leaves `IndonesianCommand` and
`IndonesianGroup` as an `IndonesianUsageError`: its message translated by `translate_error`
and its context attached (click raises some without one), so whoever shows it, `cli.app.run`
or typer's own handler, shows Indonesian and the help of the right command. `install` puts
Indonesian words into typer's help panels, including the type shown beside each option.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from typer._click import echo
from typer._click.core import Context
from typer._click.exceptions import NoArgsIsHelpError
from typer._click.exceptions import UsageError as ClickUsageError  # typer >= 0.29 vendors click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

__all__ = [
    "ClickUsageError",
    "IndonesianCommand",
    "IndonesianGroup",
    "IndonesianUsageError",
    "install",
    "translate_error",
    "translate_type",
]

HELP_OPTION_TEXT = "Tampilkan bantuan ini lalu keluar."
USAGE_PREFIX = "Penggunaan: "
HELP_HINT = "Lihat bantuan: {command} --help"


def install() -> None:
    # The type beside each option in the help panels (typer shows <bool>, <int>, <path>).
    TyperOption.display_type_rich = _option_type  # type: ignore[method-assign]
    TyperArgument.display_type_rich = _argument_type  # type: ignore[method-assign,assignment]


def _help_words() -> None:
    """The words of typer's help panels: set when help is shown, the only time typer loads
    rich_utils (with rich's Markdown: 50-75 ms that other commands need not wait for)."""
    from typer import rich_utils

    rich_utils.OPTIONS_PANEL_TITLE = "Opsi"
    rich_utils.COMMANDS_PANEL_TITLE = "Perintah"
    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumen"
    rich_utils.ERRORS_PANEL_TITLE = "Galat penggunaan"
    rich_utils.DEFAULT_STRING = "[bawaan: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[wajib]"
    rich_utils.DEPRECATED_STRING = "(usang) "
    rich_utils.ENVVAR_STRING = "[variabel lingkungan: {}]"
    rich_utils.ABORTED_TEXT = "Dibatalkan."
    rich_utils.RICH_HELP = "Lihat [blue]'{command_path} {help_option}'[/] untuk bantuan."


# --- help: the type of each option and argument ---------------------------------------------

_TYPE_WORDS = {
    "int": "bilangan",
    "float": "angka",
    "str": "teks",
    "path": "lokasi",
    "Path": "lokasi",
    "file": "berkas",
    "dir": "folder",
    "datetime": "tanggal",
    "bool": "ya|tidak",
}


def translate_type(label: str) -> str:
    """typer's `<int>`, `<list[str]>`, `<teks|json>` in Indonesian: `<bilangan>`, `<teks>...`."""
    inner = label.removeprefix("<").removesuffix(">")
    many = inner.startswith("list[") and inner.endswith("]")
    if many:
        inner = inner.removeprefix("list[").removesuffix("]")
    words = "|".join(_TYPE_WORDS.get(word, word) for word in inner.split("|"))
    return f"<{words}>" + ("..." if many else "")


def _option_type(self: TyperOption, ctx: Context) -> str | None:
    """An option's metavar if it has one; nothing for a flag, which takes no value."""
    if self.metavar is not None:
        return self.metavar
    if self.is_flag or self.count:
        return None
    label = translate_type(self.display_type(ctx))
    return label + "..." if self.nargs != 1 and not label.endswith("...") else label


def _argument_type(self: TyperArgument, ctx: Context) -> str | None:
    """The choices of an argument; other arguments are described by their name and help."""
    return translate_type(self.display_type(ctx)) if self.type_descriptor.is_choice else None


# --- the commands ---------------------------------------------------------------------------


class IndonesianUsageError(ClickUsageError):
    """A usage error whose message is already Indonesian."""

    def show(self, file: IO[Any] | None = None) -> None:
        echo(f"Galat: {self.format_message()}", file=file, err=file is None)
        if self.ctx is not None:
            echo(HELP_HINT.format(command=self.ctx.command_path), file=file, err=file is None)


@contextmanager
def _in_indonesian(ctx: Context) -> Iterator[None]:
    try:
        yield
    except (IndonesianUsageError, NoArgsIsHelpError):
        raise
    except ClickUsageError as exc:
        raise IndonesianUsageError(translate_error(exc.format_message()), exc.ctx or ctx) from exc


class _Indonesian:
    def format_help(self, ctx: Any, formatter: Any) -> None:
        _help_words()
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))  # type: ignore[attr-defined]
        for english, indonesian in _USAGE_WORDS:
            pieces = pieces.replace(english, indonesian)
        formatter.write_usage(ctx.command_path, pieces, prefix=USAGE_PREFIX)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        with _in_indonesian(ctx):
            rest: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
        return rest

    def invoke(self, ctx: Context) -> Any:
        with _in_indonesian(ctx):
            return super().invoke(ctx)  # type: ignore[misc]


_USAGE_WORDS = (("[OPTIONS]", "[OPSI]"), ("COMMAND", "PERINTAH"), ("[ARGS]", "[ARGUMEN]"))


class IndonesianGroup(_Indonesian, TyperGroup):
    pass


class IndonesianCommand(_Indonesian, TyperCommand):
    pass


# --- the messages ---------------------------------------------------------------------------

Replacement = str | Callable[[re.Match[str]], str]
_NAMES = r"((?:'[^']*'(?: / )?)+)"  # click's hint: '-o' / '--output'
_KIND = {"option": "Opsi", "argument": "Argumen", "parameter": "Nilai"}
_PATH_KIND = {"file": "Berkas", "dir": "Folder", "directory": "Folder", "path": "Lokasi"}


def _names(quoted: str) -> str:
    return quoted.replace("'", "").replace(" / ", "/")


def _missing(m: re.Match[str]) -> str:
    return f"{_KIND[m.group(1)]} {_names(m.group(2))} wajib diisi."


def _invalid_for(m: re.Match[str]) -> str:
    return f"Nilai {_names(m.group(1))} tidak sah: "


def _path_missing(m: re.Match[str]) -> str:
    return f"{_PATH_KIND[m.group(1).lower()]} '{m.group(2)}' tidak ada."


_PATH_STATE = {
    "is a file": "adalah berkas, bukan folder",
    "is a directory": "adalah folder, bukan berkas",
    "is not readable": "tidak dapat dibaca",
    "is not writable": "tidak dapat ditulisi",
}


def _path_state(m: re.Match[str]) -> str:
    return f"{m.group(1)} {_PATH_STATE[m.group(2)]}."


def _choices(m: re.Match[str]) -> str:
    return "Pilih salah satu: " + ", ".join(w.strip() for w in m.group(1).split(",")) + "."


# Applied in this order, each to the result of the one before; a message already in
# Indonesian passes through unchanged.
_PATTERNS: list[tuple[re.Pattern[str], Replacement]] = [
    (re.compile(r"^Error: ", re.M), ""),
    (re.compile(r"Try '([^']*)' for help\."), r"Lihat bantuan: \1"),
    (re.compile(r"Aborted[!.]"), "Dibatalkan."),
    (re.compile(r"Missing (option|argument|parameter) " + _NAMES + r"\."), _missing),
    (re.compile(r"Missing parameter: (\S+)"), r"Nilai \1 wajib diisi."),
    (re.compile(r"Missing command\."), "Perintah belum disebutkan."),
    (re.compile(r"No such command '([^']*)'\."), r"Perintah '\1' tidak dikenal."),
    (re.compile(r"Did you mean (.*)\?"), r"Maksud Anda \1?"),
    (re.compile(r"No such option: (\S+)"), r"Opsi \1 tidak dikenal."),
    (re.compile(r"\(Possible options: (.*)\)"), r"Mungkin maksud Anda: \1."),
    (
        re.compile(r"Option '([^']*)' does not take a value\."),
        r"Opsi \1 tidak menerima nilai: tulis \1 saja.",
    ),
    (re.compile(r"Option '([^']*)' requires an argument\."), r"Opsi \1 memerlukan nilai."),
    (re.compile(r"Option '([^']*)' requires (\d+) arguments\."), r"Opsi \1 memerlukan \2 nilai."),
    (re.compile(r"Argument '([^']*)' takes (\d+) values\."), r"Argumen \1 memerlukan \2 nilai."),
    (
        re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)"),
        r"Argumen berlebih: \1 (perintah ini tidak menerimanya).",
    ),
    (re.compile(r"Value error, "), ""),
    (re.compile(r"'(.*)' is not one of (.*?)\.?$", re.M), r"'\1' tidak termasuk pilihan (\2)."),
    (re.compile(r"'([^']*)' is not a valid integer\."), r"'\1' bukan bilangan bulat."),
    (re.compile(r"'([^']*)' is not a valid float\."), r"'\1' bukan angka."),
    (re.compile(r"Value (.*) is not a valid \w+\."), r"Nilai \1 tidak sah."),
    (re.compile(r"Input should be a valid integer.*$", re.M), "harus berupa bilangan bulat."),
    (re.compile(r"Input should be a valid number.*$", re.M), "harus berupa angka."),
    (re.compile(r"Input should be .*$", re.M), "bentuk nilainya tidak sesuai."),
    (re.compile(r"\b(file|dir|path|File|Directory|Path) '(.*)' does not exist\."), _path_missing),
    (re.compile(r"\b(?:file|dir|path) ('.*') (" + "|".join(_PATH_STATE) + r")\."), _path_state),
    (re.compile(r"Could not open file '(.*)': "), r"Berkas '\1' tidak dapat dibuka: "),
    (re.compile(r"Value must be an iterable\."), "Nilai harus berupa daftar."),
    (re.compile(r"Invalid value for " + _NAMES + r": "), _invalid_for),
    (re.compile(r"Invalid value: "), "Nilai tidak sah: "),
    (re.compile(r"Choose from:\s*(.*)", re.S), _choices),
]


def translate_error(message: str) -> str:
    for pattern, replacement in _PATTERNS:
        message = pattern.sub(replacement, message)
    return message


def usage_error_text(exc: ClickUsageError) -> tuple[str, str | None]:
    """(message in Indonesian, command path for the help hint)."""
    ctx = exc.ctx
    command_path = ctx.command_path if ctx is not None else None
    return translate_error(exc.format_message()), command_path
