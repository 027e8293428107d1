"""Client data stays on the laptop and with its owner: every file a full CLI session creates (workspace,
lock, snapshots, exports, import report, encrypted and decrypted copies) is readable by its owner only,
and the session opens no network connection."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
import stat
from pathlib import Path

import pytest

from caio_desktop.cli import main


def full_session(folder: Path) -> list[list[str]]:
    """The commands of a consultant's day, from a new engagement to the deliverables."""
    sheet = folder / "inputs" / "risques.csv"
    sheet.parent.mkdir()
    sheet.write_text("Titre;Probabilité;Impact\nBiais du scoring;3;4\nFuite de données;2;5\n", encoding="utf-8")
    bad = folder / "inputs" / "rejets.csv"
    bad.write_text("Titre;Probabilité;Impact\nSans probabilité;;4\nCorrect;2;2\n", encoding="utf-8")
    secret = folder / "inputs" / "phrase.txt"
    secret.write_text("phrase de passe\n", encoding="utf-8")
    ws, out = str(folder / "mission.caio"), folder / "out"
    out.mkdir()
    return [
        ["new", ws, "--client", "Assurances du Rhône"],
        ["demo", str(folder / "demo.caio")],
        ["import", ws, str(sheet), "--into", "risks", "--auto"],
        ["import", ws, str(bad), "--into", "risks", "--auto", "--report", str(out / "rejets.xlsx")],
        ["export", ws, "--xlsx", str(out / "registres.xlsx")],
        ["export", ws, "--pdf", "risks", str(out / "risques.pdf")],
        ["snapshot", ws, "--reason", "copil"],
        ["check", ws],
        ["info", ws],
        ["decrypt", str(folder / "chiffre.caio"), str(folder / "clair.caio"), "--passphrase-file", str(secret)],
    ]


def run_session(folder: Path) -> None:
    commands = full_session(folder)
    encrypted = folder / "chiffre.caio"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        for command in commands[:-1]:
            assert main(command) == 0, (command, err.getvalue())
        shutil.copyfile(folder / "mission.caio", encrypted)
        assert main(["encrypt", str(encrypted), "--passphrase-file", commands[-1][-1]]) == 0, err.getvalue()
        assert main(commands[-1]) == 0, err.getvalue()


def test_every_file_created_is_owner_only(tmp_path: Path) -> None:
    previous = os.umask(0o022)  # the usual umask: files would be world-readable by default
    try:
        run_session(tmp_path)
    finally:
        os.umask(previous)
    from caio_desktop.workspace import Workspace
    from caio_desktop.workspace.lock import lock_path

    with Workspace.open(tmp_path / "mission.caio"):  # the lock file exists only while the file is open
        assert stat.S_IMODE(lock_path(tmp_path / "mission.caio").stat().st_mode) == 0o600
    created = [p for p in tmp_path.rglob("*") if "inputs" not in p.parts]
    files = [p for p in created if p.is_file()]
    assert {p.suffix for p in files} >= {".caio", ".xlsx", ".pdf"}
    assert any(p.parent.name.endswith(".snapshots") for p in files)
    too_open = [f"{p.relative_to(tmp_path)} {stat.filemode(p.stat().st_mode)}" for p in created
                if p.stat().st_mode & 0o077 and p.name != "out"]
    assert not too_open, too_open


def test_a_full_session_opens_no_network_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        attempts.append(args)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    run_session(tmp_path)
    assert attempts == []
