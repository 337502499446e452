"""Indonesian wording for the parts of typer's help and errors that users see."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from typer import rich_utils
from typer._click.exceptions import UsageError as ClickUsageError  # typer >= 0.29 vendors click
from typer.core import TyperCommand, TyperGroup

__all__ = ["ClickUsageError", "IndonesianCommand", "IndonesianGroup", "install", "translate_error"]

HELP_OPTION_TEXT = "Tampilkan bantuan ini lalu keluar."
USAGE_PREFIX = "Penggunaan: "


def install() -> None:
    rich_utils.OPTIONS_PANEL_TITLE = "Opsi"
    rich_utils.COMMANDS_PANEL_TITLE = "Perintah"
    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumen"
    rich_utils.ERRORS_PANEL_TITLE = "Galat penggunaan"
    rich_utils.DEFAULT_STRING = "[bawaan: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[wajib]"
    rich_utils.ABORTED_TEXT = "Dibatalkan."
    rich_utils.RICH_HELP = "Lihat [blue]'{command_path} {help_option}'[/] untuk bantuan."


class _Indonesian:
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


_USAGE_WORDS = (("[OPTIONS]", "[OPSI]"), ("COMMAND", "PERINTAH"), ("[ARGS]", "[ARGUMEN]"))


class IndonesianGroup(_Indonesian, TyperGroup):
    pass


class IndonesianCommand(_Indonesian, TyperCommand):
    pass


_PATTERNS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"No such option: (\S+)"), r"Opsi \1 tidak dikenal."),
    (re.compile(r"No such command '([^']*)'\."), r"Perintah '\1' tidak dikenal."),
    (re.compile(r"Missing command\."), "Perintah belum disebutkan."),
    (re.compile(r"Missing argument '([^']*)'\."), r"Argumen \1 wajib diisi."),
    (re.compile(r"Missing option '([^']*)'\."), r"Opsi \1 wajib diisi."),
    (re.compile(r"Option '([^']*)' requires an argument\."), r"Opsi \1 memerlukan nilai."),
    (re.compile(r"Got unexpected extra arguments? \((.*)\)"), r"Argumen berlebih: \1."),
    (
        re.compile(r"Invalid value for '([^']*)': '([^']*)' is not a valid integer\."),
        r"Nilai \1 tidak sah: '\2' bukan bilangan bulat.",
    ),
    (
        re.compile(r"Invalid value for '([^']*)': '([^']*)' is not one of (.*)\."),
        r"Nilai \1 tidak sah: '\2' bukan salah satu dari \3.",
    ),
    (re.compile(r"Input should be a valid integer.*"), "harus berupa bilangan bulat."),
    (re.compile(r"Input should be a valid number.*"), "harus berupa angka."),
    (re.compile(r"Path '([^']*)' does not exist\."), r"Path '\1' tidak ada."),
    (re.compile(r"Invalid value for '([^']*)': (.*)"), r"Nilai \1 tidak sah: \2"),
    (
        re.compile(r"Choose from:\s*(.*)", re.S),
        lambda m: "Pilih salah satu: " + ", ".join(w.strip() for w in m.group(1).split(",")) + ".",
    ),
    (re.compile(r"Did you mean (.*)\?"), r"Maksud Anda \1?"),
    (re.compile(r"\(Possible options: (.*)\)"), r"(Pilihan yang mungkin: \1)"),
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
