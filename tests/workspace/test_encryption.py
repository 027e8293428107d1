"""Encryption at rest (SQLCipher): create encrypted, encrypt an existing file, change the passphrase,
decrypt a copy; wrong passphrases are clear errors; snapshots are encrypted with their workspace."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from caio_desktop.cli import main  # noqa: E402
from caio_desktop.operations import create_row  # noqa: E402
from caio_desktop.workspace import Workspace  # noqa: E402
from caio_desktop.workspace.check import check_workspace  # noqa: E402
from caio_desktop.workspace.digest import content_hash  # noqa: E402
from caio_desktop.workspace.encryption import change_passphrase, decrypt_workspace, encrypt_workspace  # noqa: E402
from caio_desktop.workspace.engine import raw_connect  # noqa: E402
from caio_desktop.workspace.errors import (  # noqa: E402
    EncryptedFileError,
    NotEncryptedError,
    Remedy,
    WorkspaceError,
    WorkspaceExistsError,
    WrongPassphraseError,
)
from caio_desktop.workspace.fileinfo import APPLICATION_ID, SQLITE_MAGIC  # noqa: E402
from caio_desktop.workspace.queries import count_rows, fetch_rows  # noqa: E402
from caio_desktop.workspace.schema import SCHEMA_VERSION  # noqa: E402
from caio_desktop.workspace.snapshots import latest_good_snapshot, list_snapshots, restore, take_snapshot  # noqa: E402

SECRET = "Fuite des dossiers médicaux des assurés"
PASSPHRASE = "correct horse 'battery' staple"


def readable_anywhere(path: Path, text: str) -> bool:
    return text.encode() in path.read_bytes() or text.encode("utf-16-le") in path.read_bytes()


@pytest.fixture
def plain_with_rows(workspace_file: Path) -> Path:
    with Workspace.open(workspace_file) as ws:
        create_row(ws, "risks", {"title": SECRET, "likelihood": 4, "impact": 5})
        take_snapshot(ws, reason="before-encryption")
    return workspace_file


def test_create_encrypted_and_open_only_with_the_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "confidentiel.caio"
    with Workspace.create(path, client="Clinique du Lac", passphrase=PASSPHRASE) as ws:
        assert ws.encrypted
        create_row(ws, "risks", {"title": SECRET, "likelihood": 4, "impact": 5})
    data = path.read_bytes()
    assert not data.startswith(SQLITE_MAGIC) and not readable_anywhere(path, SECRET)
    assert not readable_anywhere(path, "Clinique du Lac")
    assert path.stat().st_mode & 0o777 == 0o600
    with pytest.raises(EncryptedFileError, match="passphrase") as caught:
        Workspace.open(path)
    assert caught.value.remedies == (Remedy.ENTER_PASSPHRASE,)
    with pytest.raises(WrongPassphraseError, match="passphrase is wrong") as caught:
        Workspace.open(path, passphrase="wrong horse")
    assert caught.value.remedies == (Remedy.ENTER_PASSPHRASE,)
    assert path.read_bytes() == data  # refused opens change nothing
    with Workspace.open(path, passphrase=PASSPHRASE) as ws:
        assert [r["title"] for r in fetch_rows(ws, "risks")] == [SECRET]
        assert ws.schema_version == SCHEMA_VERSION
    assert check_workspace(path, passphrase=PASSPHRASE) == []
    assert "probably an encrypted workspace" in check_workspace(path)[0]


def test_encrypt_an_existing_workspace_and_its_snapshots(plain_with_rows: Path) -> None:
    before = content_hash(plain_with_rows)
    assert readable_anywhere(plain_with_rows, SECRET)
    encrypt_workspace(plain_with_rows, PASSPHRASE)
    assert not readable_anywhere(plain_with_rows, SECRET)
    assert content_hash(plain_with_rows, passphrase=PASSPHRASE) == before
    connection = raw_connect(plain_with_rows, read_only=True, passphrase=PASSPHRASE)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()
    (snapshot,) = list_snapshots(plain_with_rows)
    assert not readable_anywhere(snapshot.path, SECRET)
    assert latest_good_snapshot(plain_with_rows, passphrase=PASSPHRASE).path == snapshot.path
    copy = decrypt_workspace(plain_with_rows, plain_with_rows.with_name("copie.caio"), passphrase=PASSPHRASE)
    with pytest.raises(NotEncryptedError, match="not encrypted"):
        Workspace.open(copy, passphrase=PASSPHRASE)


def test_change_passphrase(plain_with_rows: Path) -> None:
    encrypt_workspace(plain_with_rows, PASSPHRASE)
    change_passphrase(plain_with_rows, old=PASSPHRASE, new="nouvelle phrase de passe")
    with pytest.raises(WrongPassphraseError):
        Workspace.open(plain_with_rows, passphrase=PASSPHRASE)
    with Workspace.open(plain_with_rows, passphrase="nouvelle phrase de passe") as ws:
        assert count_rows(ws, "risks") == 1
    (snapshot,) = list_snapshots(plain_with_rows)
    with Workspace.open(snapshot.path, read_only=True, passphrase="nouvelle phrase de passe") as old:
        assert count_rows(old, "risks") == 1
    with pytest.raises(WrongPassphraseError):
        change_passphrase(plain_with_rows, old=PASSPHRASE, new="x")


def test_decrypt_to_a_copy_leaves_the_original_encrypted(plain_with_rows: Path) -> None:
    encrypt_workspace(plain_with_rows, PASSPHRASE)
    encrypted = plain_with_rows.read_bytes()
    copy = decrypt_workspace(plain_with_rows, plain_with_rows.with_name("remise.caio"), passphrase=PASSPHRASE)
    assert plain_with_rows.read_bytes() == encrypted
    assert copy.stat().st_mode & 0o777 == 0o600
    with Workspace.open(copy) as ws:
        assert [r["title"] for r in fetch_rows(ws, "risks")] == [SECRET]
    raw = sqlite3.connect(copy)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    raw.close()
    with pytest.raises(WorkspaceExistsError):
        decrypt_workspace(plain_with_rows, copy, passphrase=PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        decrypt_workspace(plain_with_rows, plain_with_rows.with_name("autre.caio"), passphrase="non")
    assert not plain_with_rows.with_name("autre.caio").exists()


def test_snapshots_of_an_encrypted_workspace_are_encrypted_and_restorable(tmp_path: Path) -> None:
    path = tmp_path / "chiffre.caio"
    with Workspace.create(path, client="Clinique du Lac", passphrase=PASSPHRASE) as ws:
        create_row(ws, "risks", {"title": SECRET, "likelihood": 4, "impact": 5})
    with Workspace.open(path, passphrase=PASSPHRASE, daily_snapshot=True) as ws:
        manual = take_snapshot(ws, reason="manual")
        create_row(ws, "risks", {"title": "Second risque", "likelihood": 1, "impact": 1})
    snapshots = list_snapshots(path)
    assert [s.reason for s in snapshots] == ["manual", "daily"]
    for snap in snapshots:
        assert not snap.path.read_bytes().startswith(SQLITE_MAGIC)
        assert not readable_anywhere(snap.path, SECRET)
    assert latest_good_snapshot(path) is None  # without the passphrase, none can be checked
    assert latest_good_snapshot(path, passphrase=PASSPHRASE).path == manual
    restore(path, manual, passphrase=PASSPHRASE)
    with Workspace.open(path, passphrase=PASSPHRASE) as ws:
        assert count_rows(ws, "risks") == 1


def test_cli_reads_passphrases_from_files_only(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path, secret, other = tmp_path / "cli.caio", tmp_path / "phrase.txt", tmp_path / "nouvelle.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    other.write_text("une autre phrase\n", encoding="utf-8")
    assert main(["new", str(path), "--client", "Clinique du Lac", "--passphrase-file", str(secret)]) == 0
    assert not path.read_bytes().startswith(SQLITE_MAGIC)
    assert main(["info", str(path), "--passphrase-file", str(secret)]) == 0
    assert "Clinique du Lac" in capsys.readouterr().out
    assert main(["info", str(path)]) == 1
    assert "passphrase" in capsys.readouterr().err
    assert main(["check", str(path), "--passphrase-file", str(other)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "passphrase is wrong" in err and "Traceback" not in err
    assert main(["rekey", str(path), "--passphrase-file", str(secret), "--new-passphrase-file", str(other)]) == 0
    assert main(["check", str(path), "--passphrase-file", str(other)]) == 0
    plain = tmp_path / "remise.caio"
    assert main(["decrypt", str(path), str(plain), "--passphrase-file", str(other)]) == 0
    assert main(["encrypt", str(plain), "--passphrase-file", str(secret)]) == 0
    assert main(["info", str(plain), "--passphrase-file", str(secret)]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit):  # there is no way to put a passphrase on the command line
        main(["info", str(path), "--passphrase", PASSPHRASE])
    err = capsys.readouterr().err
    assert "--passphrase-file" in err and PASSPHRASE not in err
    assert main(["encrypt", str(plain)]) == 1
    assert "--passphrase-file" in capsys.readouterr().err


def test_an_encryption_cut_short_leaves_the_workspace_plain_and_is_finished_by_running_it_again(
        plain_with_rows: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots are encrypted first: a crash before the workspace leaves no plain snapshot beside an
    encrypted workspace, and the same command finishes the work."""
    from caio_desktop.workspace import encryption

    with Workspace.open(plain_with_rows) as ws:
        take_snapshot(ws, reason="second")
    real = encryption._replace_with_export

    def dies_on_the_workspace(path: Path, **options) -> None:
        if path == plain_with_rows:
            raise KeyboardInterrupt("the laptop's battery ran out")
        real(path, **options)

    monkeypatch.setattr(encryption, "_replace_with_export", dies_on_the_workspace)
    with pytest.raises(KeyboardInterrupt):
        encrypt_workspace(plain_with_rows, PASSPHRASE)
    assert readable_anywhere(plain_with_rows, SECRET)  # still plain, as the user sees it
    assert not any(readable_anywhere(s.path, SECRET) for s in list_snapshots(plain_with_rows))
    monkeypatch.setattr(encryption, "_replace_with_export", real)
    with pytest.raises(WorkspaceError, match="does not open with this passphrase"):  # others unreadable
        encrypt_workspace(plain_with_rows, "une autre phrase")
    assert readable_anywhere(plain_with_rows, SECRET)  # and the workspace was left as it was
    encrypt_workspace(plain_with_rows, PASSPHRASE)
    assert not readable_anywhere(plain_with_rows, SECRET)
    for snap in list_snapshots(plain_with_rows):
        with Workspace.open(snap.path, read_only=True, passphrase=PASSPHRASE) as old:
            assert count_rows(old, "risks") == 1


def test_a_passphrase_change_cut_short_is_finished_by_running_it_again(plain_with_rows: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from caio_desktop.workspace import encryption

    encrypt_workspace(plain_with_rows, PASSPHRASE)
    real = encryption.raw_connect

    def dies_on_the_workspace(path: Path, **options):  # noqa: ANN202
        if path == plain_with_rows and options.get("passphrase") == PASSPHRASE and dies_on_the_workspace.armed:
            raise KeyboardInterrupt("killed")
        return real(path, **options)

    dies_on_the_workspace.armed = False
    monkeypatch.setattr(encryption, "raw_connect", dies_on_the_workspace)
    monkeypatch.setattr(encryption, "_check_key", lambda path, passphrase: real(path, passphrase=passphrase).close())
    dies_on_the_workspace.armed = True
    with pytest.raises(KeyboardInterrupt):
        change_passphrase(plain_with_rows, old=PASSPHRASE, new="nouvelle phrase")
    dies_on_the_workspace.armed = False
    (snapshot,) = list_snapshots(plain_with_rows)
    Workspace.open(snapshot.path, read_only=True, passphrase="nouvelle phrase").close()  # done before the kill
    Workspace.open(plain_with_rows, passphrase=PASSPHRASE).close()  # the workspace was not
    change_passphrase(plain_with_rows, old=PASSPHRASE, new="nouvelle phrase")
    Workspace.open(plain_with_rows, passphrase="nouvelle phrase").close()


def test_a_plain_snapshot_left_beside_an_encrypted_workspace_is_encrypted_by_a_passphrase_change(
        plain_with_rows: Path) -> None:
    from caio_desktop.workspace.snapshots import snapshot_dir

    plain_copy = list_snapshots(plain_with_rows)[0].path.read_bytes()
    encrypt_workspace(plain_with_rows, PASSPHRASE)
    leftover = snapshot_dir(plain_with_rows) / "20260101-090000-000000-old.caio"
    leftover.write_bytes(plain_copy)  # plain, as an older version's interrupted run could leave it
    assert readable_anywhere(leftover, SECRET)
    change_passphrase(plain_with_rows, old=PASSPHRASE, new="nouvelle phrase")
    assert not readable_anywhere(leftover, SECRET)
    for snap in list_snapshots(plain_with_rows):
        Workspace.open(snap.path, read_only=True, passphrase="nouvelle phrase").close()
