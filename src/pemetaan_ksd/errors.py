"""Every error the program raises on purpose, in one place.

`UsageError` and its kinds are wrong use: the user can fix it, the message says how, and the
command exits with 2. `InternalError` is a fault of ours (exit 3), never blamed on a file. A file
that cannot be read is neither: it is a finding (KSD101), a value, not an exception.
"""

from __future__ import annotations


class UsageError(ValueError):
    """Wrong use of a command (exit code 2); the message says what to do."""


class ProfileError(UsageError):
    """A profile that cannot be used; the message names the key and line."""


class NomenklaturError(UsageError):
    """A nomenclature file named by the profile that cannot be used."""


class InputError(UsageError):
    """A path given that does not exist, or no spreadsheet to read in what was given."""


class OutputOverInput(UsageError):
    """An output that would land on an input; the message says which and what to do."""


class OutputError(UsageError):
    """An output that could not be put in place (folder not writable, file open in Excel)."""


class TemplateExistsError(UsageError):
    """A template file is already there (perhaps filled in and sent back) and --timpa is off."""


class UnknownOpdError(UsageError):
    """An OPD code the profile does not list."""


class FolderNotEmptyError(UsageError):
    """The demo's folder holds files the demo did not write, and --timpa is off."""


class FolderNotWritableError(UsageError):
    """The demo's folder cannot be created or written."""


class InternalError(RuntimeError):
    """A fault of ours (exit 3), e.g. rows that do not reconcile."""


class RekonsiliasiError(InternalError):
    """Rows went missing or were counted twice: a fault of ours, never of the input."""
