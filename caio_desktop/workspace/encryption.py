"""Encryption at rest: turn a workspace into an SQLCipher one, change its passphrase, decrypt a copy.

    encrypt_workspace(path, passphrase)                 # in place (a new file renamed over the old)
    change_passphrase(path, old=..., new=...)           # PRAGMA rekey, snapshots re-keyed too
    decrypt_workspace(path, out, passphrase=...)        # a plain copy, e.g. to hand over

`sqlcipher_export` copies tables and rows but not the header fields that identify a workspace
(`user_version`, `application_id`): they are set again on the copy. The snapshots of a workspace hold
the same client data, so they follow it: encrypted with it, re-keyed with it.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

from caio_desktop.workspace.engine import quote, raw_connect, sqlcipher
from caio_desktop.workspace.errors import WorkspaceError, WorkspaceExistsError, WrongPassphraseError
from caio_desktop.workspace.fileinfo import APPLICATION_ID, SQLITE_MAGIC, inspect_workspace
from caio_desktop.workspace.files import create_owner_only
from caio_desktop.workspace.lock import WorkspaceLock
from caio_desktop.workspace.snapshots import list_snapshots


def _export(source: Path, target: Path, *, passphrase: str | None, target_passphrase: str | None) -> None:
    """Copy `source` into a new file `target` with `sqlcipher_export` ('' as key: a plain file)."""
    sqlcipher()  # EncryptionUnavailableError early, before anything is created
    create_owner_only(target)
    try:
        connection = _cipher_connection(source, passphrase)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            key = quote(target_passphrase) if target_passphrase else "''"
            connection.execute(f"ATTACH DATABASE {quote(str(target))} AS target KEY {key}")
            connection.execute("SELECT sqlcipher_export('target')")
            connection.execute(f"PRAGMA target.user_version = {int(version)}")
            connection.execute(f"PRAGMA target.application_id = {APPLICATION_ID}")
            connection.execute("DETACH DATABASE target")
        finally:
            connection.close()
        with open(target, "rb+") as written:  # on disk before it replaces anything
            os.fsync(written.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _cipher_connection(path: Path, passphrase: str | None):  # noqa: ANN202 - a sqlcipher3 connection
    """A SQLCipher connection to `path`: keyed when `passphrase` is given, plain otherwise."""
    if passphrase is not None:
        return raw_connect(path, passphrase=passphrase)
    return sqlcipher().connect(str(path), isolation_level=None)  # no key: a plain database


def encrypt_workspace(path: Path, passphrase: str) -> None:
    """Encrypt the plain workspace at `path` with `passphrase`, and its snapshots with it.

    Each encrypted copy is built beside its file and renamed over it: a crash leaves either the plain
    file or the encrypted one, never half of each. The snapshots go first and the workspace last, so an
    encrypted workspace never has a plain snapshot beside it; a run cut short leaves the workspace plain
    (as the user sees it) and is finished by running it again with the same passphrase (snapshots it
    had encrypted are recognised, and refused if another passphrase opens them).
    """
    path = Path(path)
    inspect_workspace(path)  # a plain, whole workspace (an encrypted one is NotSQLite/Encrypted)
    quote(passphrase)
    lock = WorkspaceLock(path).acquire()
    try:
        for snap in list_snapshots(path):
            if _is_plain(snap.path):
                _replace_with_export(snap.path, passphrase=None, new=passphrase)
            else:
                _check_snapshot_key(snap.path, passphrase)  # encrypted by an earlier run cut short
        _replace_with_export(path, passphrase=None, new=passphrase)
    finally:
        lock.release()


INTERRUPTED = ("an encryption was interrupted: run it again (caio encrypt {path} --passphrase-file FILE) "
               "or decrypt the snapshots")


def interrupted_encryption(path: Path) -> str | None:
    """What to do when an encryption of the plain workspace at `path` was cut short (None otherwise).

    A killed `encrypt` leaves the workspace plain with, beside it, its half-built encrypted copy
    (`.NAME.caio.encrypting` and its journal) and, from the point where it had got to, snapshots already
    encrypted: the snapshots hold the same client data, and they open only with the passphrase.
    Cheap (a directory listing and 16 bytes of each snapshot): the app and `caio check` ask it on open.
    """
    path = Path(path)
    try:
        if not path.is_file() or not _is_plain(path):
            return None
        leftovers = any(path.parent.glob(f".{glob.escape(path.name)}.encrypting*"))
        encrypted = [s for s in list_snapshots(path) if not _is_plain(s.path)]
    except OSError:
        return None
    return INTERRUPTED.format(path=path) if leftovers or encrypted else None


REKEY_INTERRUPTED_LEAD = "a change of passphrase was interrupted"
REKEY_INTERRUPTED = (REKEY_INTERRUPTED_LEAD + ": {count} of its snapshots open only with another "
                     "passphrase (the new one); run it again: caio rekey {path} --passphrase-file OLD "
                     "--new-passphrase-file NEW")


def interrupted_rekey(path: Path, passphrase: str) -> str | None:
    """What to do when a change of the passphrase of the encrypted workspace at `path` was cut short
    (None otherwise), `passphrase` being the one that opens the workspace.

    `change_passphrase` re-keys the snapshots first and the workspace last: a killed run leaves the
    workspace on the old passphrase and some snapshots on the new one, which the old one no longer
    opens (a restore would then ask for a passphrase the user may not connect with this file). One key
    derivation per encrypted snapshot: `caio check` asks it, not the app's open."""
    rekeyed = 0
    for snapshot in list_snapshots(Path(path)):
        try:
            if _is_plain(snapshot.path):
                continue
            _check_key(snapshot.path, passphrase)
        except WrongPassphraseError:
            rekeyed += 1
        except (WorkspaceError, OSError):  # a damaged or vanished snapshot is not an interrupted re-key
            continue
    return REKEY_INTERRUPTED.format(count=rekeyed, path=path) if rekeyed else None


def _is_plain(path: Path) -> bool:
    with open(path, "rb") as handle:  # noqa: PTH123
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def _check_key(path: Path, passphrase: str) -> None:
    """Raise WrongPassphraseError unless `passphrase` opens the encrypted file at `path`."""
    raw_connect(path, passphrase=passphrase).close()


def _check_snapshot_key(path: Path, passphrase: str) -> None:
    """`_check_key` for a snapshot left encrypted by an earlier run, with what to do when it fails."""
    try:
        _check_key(path, passphrase)
    except WrongPassphraseError:
        raise WorkspaceError(path, f"{path}: this snapshot does not open with this passphrase (an earlier "
                                   "encryption used another one, or the snapshot is damaged); the workspace "
                                   "was not changed. Run again with the earlier passphrase, or move the "
                                   f"snapshot out of {path.parent}.") from None


def _replace_with_export(path: Path, *, passphrase: str | None, new: str | None) -> None:
    tmp = path.with_name(f".{path.name}.encrypting")
    # Left by a run that was killed (we hold the workspace lock: no other run is building it).
    tmp.with_name(tmp.name + "-journal").unlink(missing_ok=True)
    _export(path, tmp, passphrase=passphrase, target_passphrase=new)
    os.replace(tmp, path)


def change_passphrase(path: Path, *, old: str, new: str) -> None:
    """Re-key the encrypted workspace at `path` (and its snapshots) from `old` to `new`."""
    path = Path(path)
    inspect_workspace(path, encrypted=True)
    quote(new)
    _check_key(path, old)  # the wrong passphrase changes nothing, not even a snapshot
    lock = WorkspaceLock(path).acquire()
    try:
        # Snapshots first, the workspace last (as `encrypt_workspace`): a run cut short is finished by
        # running it again; snapshots it had re-keyed already open with the new passphrase.
        for target in [*(s.path for s in list_snapshots(path)), path]:
            if target != path and _is_plain(target):  # left plain by an older version: encrypt it now
                _replace_with_export(target, passphrase=None, new=new)
                continue
            try:
                connection = raw_connect(target, passphrase=old)
            except WrongPassphraseError:
                if target == path:
                    raise
                _check_snapshot_key(target, new)  # re-keyed by an earlier run cut short
                continue
            try:
                connection.execute(f"PRAGMA rekey = {quote(new)}")
            finally:
                connection.close()
    finally:
        lock.release()


def decrypt_workspace(path: Path, out: Path, *, passphrase: str) -> Path:
    """Write a plain copy of the encrypted workspace at `path` to `out` (which must not exist)."""
    path, out = Path(path), Path(out)
    inspect_workspace(path, encrypted=True)
    if out.exists():
        raise WorkspaceExistsError(out)
    tmp = out.with_name(f".{out.name}.decrypting")
    _export(path, tmp, passphrase=passphrase, target_passphrase=None)
    os.replace(tmp, out)
    inspect_workspace(out)  # a readable plain workspace, as the user expects
    return out
