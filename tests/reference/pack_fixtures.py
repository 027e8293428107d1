"""Fixtures for reference data packs: a private pack folder per test, and packs made from the shipped
files with edits, signed by a publisher key made for the tests. The loaders' caches are cleared around
each test so no other test sees a pack.

The test publisher is trusted through the documented override ``CAIO_PUBLISHERS_FILE`` (the user's
trusted-publishers file): ``pack_dir`` points it at a file in the test's folder that lists that key, and
nothing else. Verification itself is never switched off."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from caio_desktop.reference.loader import PACK_DIR_VARIABLE, RESOURCE_PACKAGE
from caio_desktop.reference.packs import build_pack, clear_caches
from caio_desktop.reference.signing import (
    PUBLISHERS_FILE_VARIABLE,
    Publisher,
    add_trusted_publishers,
    key_id_of,
    public_bytes,
)

#: The publisher key the tests sign with (made afresh for each run; trusted only inside `pack_dir`).
TEST_KEY = Ed25519PrivateKey.generate()
TEST_PUBLISHER = Publisher(key_id=key_id_of(public_bytes(TEST_KEY)), name="Test publisher",
                           public_key=public_bytes(TEST_KEY))


def shipped(name: str) -> dict:
    """A shipped reference file, parsed (anchors merged)."""
    return yaml.safe_load(resources.files(RESOURCE_PACKAGE).joinpath(name).read_text(encoding="utf-8"))


def dump(data: dict) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@pytest.fixture
def pack_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Where packs install during the test (never the user's own folder); the test publisher is trusted."""
    folder = tmp_path / "reference-packs"
    monkeypatch.setenv(PACK_DIR_VARIABLE, str(folder))
    publishers = tmp_path / "publishers.json"
    add_trusted_publishers([TEST_PUBLISHER], publishers)
    monkeypatch.setenv(PUBLISHERS_FILE_VARIABLE, str(publishers))
    clear_caches()
    yield folder
    monkeypatch.delenv(PACK_DIR_VARIABLE)
    monkeypatch.delenv(PUBLISHERS_FILE_VARIABLE)
    clear_caches()


@pytest.fixture
def make_pack(tmp_path: Path) -> Callable[..., Path]:
    """make_pack(version, {file name: parsed data}) → the path of a pack holding those files, signed with
    `sign_key` (the test publisher's by default; None: unsigned)."""
    def make(version: str, files: dict[str, dict], name: str = "pack.zip",
             sign_key: Ed25519PrivateKey | None = TEST_KEY) -> Path:
        out = tmp_path / name
        build_pack({n: dump(d) for n, d in files.items()}, out, version=version, sign_key=sign_key)
        return out

    return make
