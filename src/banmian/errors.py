"""Named errors with stable codes.

The library raises these; the CLI turns each into one line on stderr
(``banmian: E102 page.txt: ...``) and never shows a traceback for them.
A code never changes meaning once released, so scripts may match on it.
"""

from __future__ import annotations


class BanmianError(Exception):
    """Base class: a problem with the user's input or data, not a bug."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{self.code} {where}{self.message}"


class InputError(BanmianError):
    """The input file cannot be read as a newspaper page."""

    code = "E100"


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class UndecodableInput(InputError):
    code = "E103"


class InputTooLarge(InputError):
    code = "E104"


class UnsupportedFormat(InputError):
    code = "E105"


class MissingInput(InputError):
    code = "E106"


class BrokenDocument(InputError):
    """A PDF its reader cannot open: truncated, damaged, password-protected."""

    code = "E107"


class DataFileError(BanmianError):
    """A shipped or user-supplied data file (lexicon, patterns) has a bad entry."""

    code = "E200"


class GoldFileError(BanmianError):
    """A gold annotation file is malformed."""

    code = "E300"


class UsageError(BanmianError):
    """Arguments that do not fit together (e.g. an impossible --date)."""

    code = "E400"
