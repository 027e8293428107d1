"""Why a workspace file cannot be opened or changed, in words a consultant can act on.

Each failure has its own class so the app can offer the right way forward (restore a snapshot, open
read-only, or nothing) and the CLI can print one clear line instead of a traceback.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class Remedy(StrEnum):
    """A way forward the app can offer when a file cannot be opened (a button in the error dialog)."""

    RESTORE_SNAPSHOT = "restore_snapshot"  # replace the file with its latest good snapshot
    OPEN_READ_ONLY = "open_read_only"  # look at the file without changing it
    ENTER_PASSPHRASE = "enter_passphrase"  # ask for the passphrase of an encrypted workspace


class WorkspaceError(Exception):
    """Base of every workspace failure; `str()` is the message for people.

    `remedies` lists what the app may offer, in order of preference; empty means nothing can be done
    from inside the app (the message says what to do outside it).
    """

    remedies: tuple[Remedy, ...] = ()

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
    remedies = (Remedy.RESTORE_SNAPSHOT,)

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{path}: the file is empty (0 bytes); it holds no engagement")


class NotSQLiteError(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"{path}: not a CAIO Desktop workspace (not an SQLite database)",
        )


class ForeignDatabaseError(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path, f"{path}: an SQLite database of another application, not a CAIO Desktop workspace"
        )


class TruncatedFileError(WorkspaceError):
    remedies = (Remedy.RESTORE_SNAPSHOT,)

    def __init__(self, path: Path | str, expected: int, actual: int) -> None:
        super().__init__(
            path,
            f"{path}: the file is truncated ({actual} bytes of {expected}); "
            "restore a snapshot or an earlier copy",
        )


class CorruptFileError(WorkspaceError):
    remedies = (Remedy.RESTORE_SNAPSHOT,)

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
    remedies = (Remedy.OPEN_READ_ONLY,)

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


class NotAFileError(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{path}: a folder, not a workspace file; choose the .caio file inside it")


class EncryptedFileError(WorkspaceError):
    """The file looks like an encrypted workspace (no SQLite header, random bytes) and no passphrase
    was given."""

    remedies = (Remedy.ENTER_PASSPHRASE,)

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{path}: probably an encrypted workspace; open it with its passphrase")


class WrongPassphraseError(WorkspaceError):
    remedies = (Remedy.ENTER_PASSPHRASE,)

    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"{path}: the passphrase is wrong, or the file is not an encrypted CAIO Desktop workspace",
        )


class NotEncryptedError(WorkspaceError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{path}: this workspace is not encrypted; open it without a passphrase")


class EncryptionUnavailableError(WorkspaceError):
    def __init__(self) -> None:
        super().__init__(
            "", "encrypted workspaces need the sqlcipher3 package (pip install sqlcipher3-binary)")
