"""Why a workspace file cannot be opened or changed, in words a consultant can act on.

Each failure has its own class so the app can offer the right way forward (restore a snapshot, open
read-only, or nothing) and the CLI can print one clear line instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path


class WorkspaceError(Exception):
    """Base of every workspace failure; `str()` is the message for people."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        super().__init__(message)


class WorkspaceNotFoundError(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{path}: no such file")


class WorkspaceExistsError(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{path}: a file already exists there; choose another name")


class EmptyFileError(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{path}: the file is empty (0 bytes); it holds no engagement")


class NotSQLiteError(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"{path}: not a CAIO Desktop workspace (not an SQLite database; "
            "if it is an encrypted workspace, open it with its passphrase)",
        )


class ForeignDatabaseError(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path, f"{path}: an SQLite database of another application, not a CAIO Desktop workspace"
        )


class TruncatedFileError(WorkspaceError):
    def __init__(self, path: Path | str, expected: int, actual: int) -> None:
        super().__init__(
            path,
            f"{path}: the file is truncated ({actual} bytes of {expected}); "
            "restore a snapshot or an earlier copy",
        )


class CorruptFileError(WorkspaceError):
    def __init__(self, path: Path | str, detail: str) -> None:
        self.detail = detail
        super().__init__(path, f"{path}: the file is damaged ({detail}); restore a snapshot")


class NewerVersionError(WorkspaceError):
    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            path,
            f"{path}: written by a newer CAIO Desktop (schema {found}; this version reads up to "
            f"{supported}); update the application to open it",
        )


class WorkspaceLockedError(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path, f"{path}: already open in another CAIO Desktop window or process; close it there first"
        )


class UpgradeError(WorkspaceError):
    def __init__(self, path: Path | str, version: int, detail: str) -> None:
        super().__init__(
            path, f"{path}: upgrading to schema {version} failed ({detail}); the file was left unchanged"
        )


class ReadOnlyError(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{path}: opened read-only; changes are not allowed")
