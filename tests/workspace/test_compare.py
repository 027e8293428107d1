"""The comparison engine: rows added, removed and changed between two states, matched by id, field by
field in the workspace language; older, foreign, newer and encrypted states."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from caio_desktop.domain.modules import MODULES
from caio_desktop.operations import create_row, delete_rows, update_row
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.compare import compare_states
from caio_desktop.workspace.errors import NewerVersionError, NotSQLiteError
from caio_desktop.workspace.pairing import ForeignEngagementError
from caio_desktop.workspace.queries import fetch_rows
from caio_desktop.workspace.snapshots import take_snapshot

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def changes(after: Path, before: Path, **options) -> dict:
    return {d.module: d for d in compare_states(after=after, before=before, **options) if not d.empty}


@pytest.fixture
def engagement(workspace: Workspace) -> Workspace:
    """An engagement with a system, two risks (one linked to it), an action and a use case."""
    system = create_row(workspace, "ai_systems", {"name": "Tri des sinistres"}).row_ids[0]
    create_row(workspace, "risks", {"title": "Biais du tri", "likelihood": 2, "impact": 2,
                                    "ai_system_id": system})
    create_row(workspace, "risks", {"title": "Fuite de données", "likelihood": 3, "impact": 3})
    create_row(workspace, "actions", {"title": "Relire le contrat", "status": "open"})
    create_row(workspace, "objectives", {"title": "Réduire les délais"})
    create_row(workspace, "use_cases", {"title": "Tri automatique"})
    return workspace


def test_no_change_is_empty(engagement: Workspace) -> None:
    snapshot = take_snapshot(engagement)
    assert changes(engagement.path, snapshot) == {}
    assert all(d.empty for d in compare_states(after=engagement.path, before=snapshot))


def test_changed_fields_read_in_the_workspace_language(engagement: Workspace) -> None:
    snapshot = take_snapshot(engagement)
    risk = fetch_rows(engagement, "risks")[0]
    update_row(engagement, "risks", risk["id"], {"likelihood": 5, "impact": 5, "status": "in_treatment"})
    diff = changes(engagement.path, snapshot)
    assert list(diff) == ["risks"]
    (row,) = diff["risks"].changed
    assert (row.id, row.label) == (risk["id"], "R-001 Biais du tri")
    assert {f.key: (f.field, f.old, f.new) for f in row.fields} == {
        "likelihood": ("Probabilité", "2", "5"), "impact": ("Impact", "2", "5"),
        "level": ("Niveau", "Faible", "Critique"), "status": ("Statut", "", "En traitement")}
    level = row.change("level")
    assert (level.old_value, level.new_value) == ("low", "critical")


def test_added_and_removed_rows_and_a_deleted_action(engagement: Workspace) -> None:
    snapshot = take_snapshot(engagement)
    action = fetch_rows(engagement, "actions")[0]["id"]
    delete_rows(engagement, "actions", [action])
    create_row(engagement, "risks", {"title": "Dérive du modèle", "likelihood": 4, "impact": 2})
    diff = changes(engagement.path, snapshot)
    assert [(r.id, r.label) for r in diff["actions"].removed] == [(action, "Relire le contrat")]
    assert not diff["actions"].added and not diff["actions"].changed
    assert [r.label for r in diff["risks"].added] == ["R-003 Dérive du modèle"]
    assert diff["risks"].count == 1


def test_custom_attribute_change_field_by_field(engagement: Workspace) -> None:
    risk = fetch_rows(engagement, "risks")[1]["id"]
    update_row(engagement, "risks", risk, {"custom": {"Entité": "Nord", "Trimestre": "T1"}})
    snapshot = take_snapshot(engagement)
    update_row(engagement, "risks", risk, {"custom": {"Trimestre": "T1", "Entité": "Sud"}})
    (row,) = changes(engagement.path, snapshot)["risks"].changed
    assert [(f.key, f.field, f.old, f.new) for f in row.fields] == [("custom:Entité", "Entité", "Nord", "Sud")]


def test_custom_columns_in_another_order_are_no_change(engagement: Workspace) -> None:
    risk = fetch_rows(engagement, "risks")[1]["id"]
    update_row(engagement, "risks", risk, {"custom": {"a": "1", "b": "2"}})
    snapshot = take_snapshot(engagement)
    raw = sqlite3.connect(engagement.path)
    raw.execute("UPDATE risks SET custom = ? WHERE id = ?", ('{"b": "2", "a": "1"}', risk))
    raw.commit()
    raw.close()
    assert changes(engagement.path, snapshot) == {}


def test_references_by_label_in_each_state_and_links(engagement: Workspace) -> None:
    snapshot = take_snapshot(engagement)
    system = fetch_rows(engagement, "ai_systems")[0]["id"]
    update_row(engagement, "ai_systems", system, {"name": "Tri des sinistres v2"})
    risk = fetch_rows(engagement, "risks")[1]["id"]
    update_row(engagement, "risks", risk, {"ai_system_id": system})
    objective = fetch_rows(engagement, "objectives")[0]["id"]
    use_case = fetch_rows(engagement, "use_cases")[0]["id"]
    update_row(engagement, "use_cases", use_case, {"objective_ids": [objective]})
    diff = changes(engagement.path, snapshot)
    (risk_row,) = diff["risks"].changed
    assert [(f.field, f.old, f.new) for f in risk_row.fields] == [("Système d'IA", "", "Tri des sinistres v2")]
    (link_row,) = diff["use_cases"].changed
    assert [(f.key, f.old, f.new, f.new_value) for f in link_row.fields] == [
        ("objective_ids", "", "Réduire les délais", [objective])]
    (system_row,) = diff["ai_systems"].changed
    assert (system_row.change("name").old, system_row.change("name").new) == (
        "Tri des sinistres", "Tri des sinistres v2")


def test_only_the_modules_asked_for(engagement: Workspace) -> None:
    snapshot = take_snapshot(engagement)
    create_row(engagement, "watch", {"title": "Lignes directrices CNIL"})
    seen = [d.module for d in compare_states(after=engagement.path, before=snapshot, modules=["risks"])]
    assert seen == ["risks"]
    with pytest.raises(ValueError, match="unknown module"):
        list(compare_states(after=engagement.path, before=snapshot, modules=["nope"]))


def test_progress_and_cancel(engagement: Workspace) -> None:
    snapshot = take_snapshot(engagement)
    seen: list[tuple[int, int, str]] = []
    list(compare_states(after=engagement.path, before=snapshot, progress=lambda *a: seen.append(a)))
    assert seen[0] == (0, len(MODULES), "engagement") and seen[-1] == (len(MODULES), len(MODULES), "")
    assert list(compare_states(after=engagement.path, before=snapshot, cancelled=lambda: True)) == []


def test_another_engagement_is_refused(workspace_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.caio"
    shutil.copyfile(FIXTURES / "workspace-v2.caio", other)
    with pytest.raises(ForeignEngagementError, match="another engagement \\(Mutuelle du Littoral\\)"):
        list(compare_states(after=workspace_file, before=other))


def test_an_older_schema_is_upgraded_in_a_temporary_copy(tmp_path: Path, monkeypatch) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    old = tmp_path / "mission-v1.caio"
    shutil.copyfile(FIXTURES / "workspace-v1.caio", old)
    before = hashlib.sha256(old.read_bytes()).hexdigest()
    now = tmp_path / "mission.caio"
    shutil.copyfile(old, now)
    with Workspace.open(now) as ws:  # upgraded to the current schema, then edited
        risk = fetch_rows(ws, "risks")[0]["id"]
        update_row(ws, "risks", risk, {"likelihood": 1, "impact": 1})
    diff = changes(now, old)
    assert list(diff) == ["risks"] and [r.id for r in diff["risks"].changed] == [risk]
    assert hashlib.sha256(old.read_bytes()).hexdigest() == before  # never upgraded in place
    assert list(scratch.iterdir()) == []  # the upgraded copy is gone


def test_newer_or_foreign_files_are_clear_errors(workspace_file: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.caio"
    shutil.copyfile(workspace_file, newer)
    raw = sqlite3.connect(newer)
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    with pytest.raises(NewerVersionError, match="newer CAIO Desktop"):
        list(compare_states(after=workspace_file, before=newer))
    text = tmp_path / "notes.caio"
    text.write_text("not a workspace")
    with pytest.raises(NotSQLiteError):
        list(compare_states(after=workspace_file, before=text))


def test_encrypted_workspace_and_snapshot(tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    from caio_desktop.workspace.errors import WrongPassphraseError

    path = tmp_path / "secret.caio"
    with Workspace.create(path, client="Banque Léman", passphrase="s3cret phrase") as ws:
        risk = create_row(ws, "risks", {"title": "Fraude interne", "likelihood": 2, "impact": 2}).row_ids[0]
        snapshot = take_snapshot(ws)
        update_row(ws, "risks", risk, {"impact": 5})
        diff = changes(path, snapshot, passphrase="s3cret phrase")
    assert [f.key for f in diff["risks"].changed[0].fields] == ["impact", "level"]
    with pytest.raises(WrongPassphraseError):
        list(compare_states(after=path, before=snapshot, passphrase="wrong"))


def test_engagements_created_the_same_second_are_told_apart(workspace_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.caio"
    with Workspace.create(other, client="Banque Léman"):
        pass
    raw = sqlite3.connect(other)  # the same creation time as the test's engagement: only the name differs
    created = sqlite3.connect(workspace_file).execute("SELECT created_at FROM engagement").fetchone()[0]
    raw.execute("UPDATE engagement SET created_at = ?", (created,))
    raw.commit()
    raw.close()
    with pytest.raises(ForeignEngagementError, match="Banque Léman"):
        list(compare_states(after=workspace_file, before=other))


def test_a_client_renamed_since_is_the_same_engagement(engagement: Workspace) -> None:
    snapshot = take_snapshot(engagement)
    from caio_desktop.operations.rows import update_engagement

    update_engagement(engagement, {"client_name": "Assurances du Rhône et de Savoie"})
    (diff,) = [d for d in compare_states(after=engagement.path, before=snapshot) if not d.empty]
    assert diff.module == "engagement" and diff.changed[0].change("client_name").new.endswith("Savoie")
