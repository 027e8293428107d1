"""Atomic, owner-only output files."""

from __future__ import annotations

import stat

import pytest

from caio_desktop.interchange.atomic_file import atomic_output


def test_the_file_appears_whole_and_owner_only(tmp_path):
    out = tmp_path / "out.bin"
    with atomic_output(out) as tmp:
        assert tmp.parent == tmp_path and tmp != out
        tmp.write_bytes(b"complete")
        assert not out.exists()
    assert out.read_bytes() == b"complete"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_an_error_removes_the_temporary_file_and_keeps_the_old_one(tmp_path):
    out = tmp_path / "out.bin"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(out) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("disk full")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_a_folder_or_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(IsADirectoryError), atomic_output(tmp_path):
        pass
    with pytest.raises(FileNotFoundError, match="folder does not exist"), atomic_output(tmp_path / "a" / "b"):
        pass


def test_a_failed_rename_leaves_nothing(tmp_path, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr("caio_desktop.interchange.atomic_file.os.replace", refuse)
    with pytest.raises(PermissionError), atomic_output(tmp_path / "out.bin") as tmp:
        tmp.write_bytes(b"complete")
    assert list(tmp_path.iterdir()) == []
