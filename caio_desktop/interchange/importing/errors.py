"""Errors of the importer: each says what is wrong with the client's file, in words they can act on."""

from __future__ import annotations

from pathlib import Path


class SpreadsheetError(ValueError):
    """A file that cannot be imported as it is (not a spreadsheet, encrypted, damaged, too large…).

    A ValueError so that the CLI reports it as one line; nothing has been written when it is raised.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


class MappingError(ValueError):
    """The columns of a sheet cannot be mapped onto a module (e.g. no column for a required field)."""


class ImportCancelled(Exception):  # noqa: N818 - a user's decision, not an error
    """The user cancelled a plan or an import; the workspace is as it was."""
