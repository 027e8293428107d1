"""The Preferences row that installs a reference data pack, and says why one is refused."""

from __future__ import annotations

import pytest

from caio_desktop.reference.ai_act import load_ai_act
from caio_desktop.ui.shell.reference_update import ReferenceUpdateRow
from tests.reference import pack_fixtures
from tests.reference.test_packs import newer_ai_act

pack_dir = pack_fixtures.pack_dir
make_pack = pack_fixtures.make_pack


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, bool]]:
    messages: list[tuple[str, bool]] = []
    monkeypatch.setattr(ReferenceUpdateRow, "show_result",
                        classmethod(lambda cls, parent, title, message, *, refused: messages.append((message, refused))))
    return messages


def test_install_a_pack_from_preferences(qtbot, pack_dir, make_pack, shown, monkeypatch) -> None:
    row = ReferenceUpdateRow()
    qtbot.addWidget(row)
    assert row.status.text() == "Shipped with the application"
    pack = make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()})
    monkeypatch.setattr(ReferenceUpdateRow, "ask_pack_path", classmethod(lambda cls, parent: pack))
    assert row.choose_pack() is not None
    assert load_ai_act().meta.version == "1.3.0"
    assert row.status.text() == f"Data pack caio-reference, version 2026.12.1 ({pack_fixtures_date()})"
    message, refused = shown[-1]
    assert not refused and "eu_ai_act: 1.2.0 → 1.3.0" in message
    # The same pack again is refused, and the dialog says why.
    assert row.install(pack) is None
    message, refused = shown[-1]
    assert refused and "already installed" in message


def test_cancel_changes_nothing(qtbot, pack_dir, shown, monkeypatch) -> None:
    row = ReferenceUpdateRow()
    qtbot.addWidget(row)
    monkeypatch.setattr(ReferenceUpdateRow, "ask_pack_path", classmethod(lambda cls, parent: None))
    assert row.choose_pack() is None and shown == []


def pack_fixtures_date() -> str:
    import datetime as dt

    return dt.date.today().isoformat()


def test_unsigned_or_unknown_publisher_pack_is_refused_in_preferences(qtbot, pack_dir, make_pack, shown) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    row = ReferenceUpdateRow()
    qtbot.addWidget(row)
    assert row.install(make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()}, sign_key=None)) is None
    message, refused = shown[-1]
    assert refused and message.startswith("The data pack was refused: pack.zip: unsigned pack")
    stranger = make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()}, name="s.zip",
                         sign_key=Ed25519PrivateKey.generate())
    assert row.install(stranger) is None
    message, refused = shown[-1]
    assert refused and "signed with unknown key" in message
    assert load_ai_act().meta.version == "1.2.0" and row.status.text() == "Shipped with the application"
