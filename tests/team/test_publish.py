"""Publish → checkout → edit on both sides → publish again, against each kind of server: a second `.caio`
file (the engine-neutral path) and, once the throw-away PostgreSQL server is there, the real thing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from caio_desktop.operations.evidence import attach_file, attachments, extract
from caio_desktop.operations.rows import create_row, delete_rows, update_row
from caio_desktop.team.publish import PublishConflicts, PublishError
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.check import check_workspace
from caio_desktop.workspace.models import EvidenceBlob, EvidencePart, Risk, RiskAction
from tests.team.servers import SERVER_KINDS, make_server


@pytest.fixture(params=SERVER_KINDS)
def server(request: pytest.FixtureRequest, tmp_path: Path):
    return make_server(request, tmp_path)


def risks(session_or_ws) -> dict[str, dict]:
    """code → the risk's fields people see, read through the workspace's own engine."""
    with session_or_ws.engine.connect() as conn:
        return {r["code"]: dict(r) for r in conn.execute(select(Risk.__table__)).mappings()}


def actions_of(ws, risk_id: int) -> list[str]:
    with ws.engine.connect() as conn:
        table = RiskAction.__table__
        return sorted(conn.execute(select(table.c.title).where(table.c.risk_id == risk_id)).scalars())


def stored_digest(ws, sha256: str) -> str:
    """The SHA-256 of an evidence blob's bytes as stored, part by part (any engine)."""
    parts, blobs = EvidencePart.__table__, EvidenceBlob.__table__
    digest = hashlib.sha256()
    with ws.engine.connect() as conn:
        for (data,) in conn.execute(select(parts.c.data).join(blobs, blobs.c.id == parts.c.blob_id)
                                    .where(blobs.c.sha256 == sha256).order_by(parts.c.seq)):
            digest.update(bytes(data))
    return digest.hexdigest()


@pytest.fixture
def engagement(workspace_file: Path, tmp_path: Path) -> Path:
    """The consultant's file: two risks (one with an action and a signed charter attached)."""
    charter = tmp_path / "charte-signée.pdf"
    charter.write_bytes(b"%PDF-1.4 charte IA " * 5000)
    with Workspace.open(workspace_file) as ws:
        first = create_row(ws, "risks", {"code": "R-001", "title": "Biais du scoring", "likelihood": 3,
                                         "impact": 4}).row_ids[0]
        create_row(ws, "risks", {"code": "R-002", "title": "Fuite de données", "likelihood": 2, "impact": 5})
        create_row(ws, "risk_actions", {"risk_id": first, "title": "Audit d'équité"})
        attach_file(ws, "risks", first, charter)
    return workspace_file


def test_publish_checkout_edit_on_both_sides_and_publish_merges(server, engagement: Path, tmp_path: Path):
    first = server.publish(engagement)
    assert first.first and first.copied > 0
    offline = tmp_path / "offline.caio"
    server.checkout(offline)
    assert check_workspace(offline) == []  # a file of our own, every evidence byte read against its hash

    with Workspace.open(offline) as ws:  # on the train
        ids = {code: row["id"] for code, row in risks(ws).items()}
        update_row(ws, "risks", ids["R-001"], {"impact": 5})
        added = create_row(ws, "risks", {"code": "R-010", "title": "Dérive du modèle", "likelihood": 2,
                                         "impact": 2}).row_ids[0]
        create_row(ws, "risk_actions", {"risk_id": added, "title": "Suivi mensuel"})
        note = tmp_path / "note.txt"
        note.write_text("mesures de dérive", encoding="utf-8")
        attach_file(ws, "risks", added, note)
    with server.session() as colleague:  # meanwhile, at the office
        update_row(colleague, "risks", ids["R-001"], {"owner": "Anne Martin"})
        update_row(colleague, "risks", ids["R-002"], {"title": "Fuite de données clients"})
        create_row(colleague, "risks", {"code": "R-020", "title": "Shadow AI", "likelihood": 4, "impact": 3})

    result = server.publish(offline)
    assert not result.first and result.plan.conflicts == []

    with server.session() as colleague:
        on_server = risks(colleague)
        assert set(on_server) == {"R-001", "R-002", "R-010", "R-020"}
        assert (on_server["R-001"]["impact"], on_server["R-001"]["owner"]) == (5, "Anne Martin")
        assert on_server["R-002"]["title"] == "Fuite de données clients"
        new_id = on_server["R-010"]["id"]
        assert actions_of(colleague, new_id) == ["Suivi mensuel"]  # the link follows the new id
        assert actions_of(colleague, ids["R-001"]) == ["Audit d'équité"]
        files = attachments(colleague, "risks", new_id)
        assert [f.name for f in files] == ["note.txt"]
        assert stored_digest(colleague, files[0].sha256) == files[0].sha256
        [charter] = attachments(colleague, "risks", ids["R-001"])
        assert stored_digest(colleague, charter.sha256) == charter.sha256
        # the history says who published what: a risk, its action, the note's attachment, blob and part
        [published] = [e for e in colleague.audit_trail(limit=200) if e.operation == "Publish offline.caio"]
        assert published.after.startswith("5 rows added, 1 changed, 0 deleted")

    with Workspace.open(offline) as ws:  # the file now holds the server's state, under the server's ids
        assert {code: row["id"] for code, row in risks(ws).items()} == {
            code: row["id"] for code, row in on_server.items()}
        assert risks(ws)["R-002"]["title"] == "Fuite de données clients"
    again = server.publish(offline)
    assert again.plan.writes == 0 and "nothing to publish" in again.summary()
    from caio_desktop.workspace.snapshots import list_snapshots, restore

    [before] = [s for s in list_snapshots(offline) if s.reason == "before-publish"]  # not for the no-op
    restore(offline, before.path)
    with Workspace.open(offline) as ws:  # the file as it was before the publish, edits and all
        assert set(risks(ws)) == {"R-001", "R-002", "R-010"} and risks(ws)["R-001"]["owner"] is None


@pytest.mark.parametrize("take", ["mine", "theirs"])
def test_the_same_field_on_both_sides_is_listed_and_nothing_written_until_chosen(
        server, engagement: Path, tmp_path: Path, take: str):
    server.publish(engagement)
    offline = tmp_path / "offline.caio"
    server.checkout(offline)
    with Workspace.open(offline) as ws:
        risk_id = risks(ws)["R-001"]["id"]
        update_row(ws, "risks", risk_id, {"impact": 5, "owner": "Camille Durand"})
    with server.session() as colleague:
        update_row(colleague, "risks", risk_id, {"impact": 1})

    with pytest.raises(PublishConflicts) as raised:
        server.publish(offline)
    assert [(c.table, c.row, c.field, c.mine, c.theirs) for c in raised.value.conflicts] == [
        ("risks", "R-001", "impact", 5, 1)]
    with server.session() as colleague:  # nothing written: not even the owner, which had no conflict
        assert (risks(colleague)["R-001"]["impact"], risks(colleague)["R-001"]["owner"]) == (1, None)
    with Workspace.open(offline) as ws:
        assert risks(ws)["R-001"]["impact"] == 5

    server.publish(offline, take=take)
    expected = 5 if take == "mine" else 1
    with server.session() as colleague:
        assert (risks(colleague)["R-001"]["impact"], risks(colleague)["R-001"]["owner"]) == (
            expected, "Camille Durand")
    with Workspace.open(offline) as ws:
        assert risks(ws)["R-001"]["impact"] == expected


def test_a_resolution_file_decides_conflict_by_conflict(server, engagement: Path, tmp_path: Path):
    server.publish(engagement)
    offline = tmp_path / "offline.caio"
    server.checkout(offline)
    with Workspace.open(offline) as ws:
        ids = {code: row["id"] for code, row in risks(ws).items()}
        update_row(ws, "risks", ids["R-001"], {"impact": 5})
        update_row(ws, "risks", ids["R-002"], {"title": "Titre du fichier"})
    with server.session() as colleague:
        update_row(colleague, "risks", ids["R-001"], {"impact": 1})
        update_row(colleague, "risks", ids["R-002"], {"title": "Titre du serveur"})
    server.publish(offline, resolutions={f"risks:{ids['R-001']}:impact": "mine",
                                         f"risks:{ids['R-002']}:title": "theirs"})
    with server.session() as colleague:
        found = risks(colleague)
    assert (found["R-001"]["impact"], found["R-002"]["title"]) == (5, "Titre du serveur")


def test_rows_deleted_on_one_side_go_and_a_deleted_risk_changed_elsewhere_is_a_conflict(
        server, engagement: Path, tmp_path: Path):
    server.publish(engagement)
    offline = tmp_path / "offline.caio"
    server.checkout(offline)
    with Workspace.open(offline) as ws:
        ids = {code: row["id"] for code, row in risks(ws).items()}
        delete_rows(ws, "risks", [ids["R-002"], ids["R-001"]])
    with server.session() as colleague:
        update_row(colleague, "risks", ids["R-001"], {"owner": "Anne Martin"})
    with pytest.raises(PublishConflicts) as raised:
        server.publish(offline)
    assert [c.key for c in raised.value.conflicts] == [f"risks:{ids['R-001']}:(row)"]
    server.publish(offline, take="theirs")
    with server.session() as colleague:
        assert set(risks(colleague)) == {"R-001"}  # R-002 went; R-001 stays, with its action and file
        assert actions_of(colleague, ids["R-001"]) == ["Audit d'équité"]
        assert [f.name for f in attachments(colleague, "risks", ids["R-001"])] == ["charte-signée.pdf"]


def test_attachments_come_back_in_the_checked_out_file_byte_for_byte(server, engagement: Path, tmp_path: Path):
    with Workspace.open(engagement) as ws:
        [original] = attachments(ws)
    server.publish(engagement)
    offline = tmp_path / "offline.caio"
    server.checkout(offline)
    with Workspace.open(offline) as ws:
        [copied] = attachments(ws)
        out = extract(ws, copied, tmp_path / "out.pdf")
    assert (copied.name, copied.sha256, copied.size) == (original.name, original.sha256, original.size)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == original.sha256


def test_a_file_that_is_no_checkout_of_the_engagement_is_refused(server, engagement: Path,
                                                                 empty_workspace_template: Path, tmp_path: Path):
    server.publish(engagement)
    other = tmp_path / "autre-mission.caio"
    other.write_bytes(empty_workspace_template.read_bytes())
    with Workspace.open(other) as ws:
        create_row(ws, "risks", {"code": "R-001", "title": "Autre client", "likelihood": 1, "impact": 1})
    with pytest.raises(PublishError, match="not a checkout of it"):
        server.publish(other)
    with server.session() as colleague:
        assert risks(colleague)["R-001"]["title"] == "Biais du scoring"


def test_the_server_records_nothing_of_the_file_s_checkout(server, engagement: Path):
    """The `team:` settings stay on their own side: the server's engagement never carries a base state."""
    server.publish(engagement)
    with server.session() as colleague, colleague.engine.connect() as conn:
        keys = list(conn.exec_driver_sql("SELECT key FROM settings").scalars())
    assert "team:checkout" not in keys and "team:engagement" in keys
    with Workspace.open(engagement) as ws, ws.engine.connect() as conn:
        assert "team:checkout" in list(conn.exec_driver_sql("SELECT key FROM settings").scalars())


def test_every_table_of_the_demo_engagement_makes_the_round_trip(server, demo_file: Path, tmp_path: Path):
    """The demo fills every register, the link tables, surveys, settings and the history: published and
    checked out again, each row of each table comes back with the same values."""
    from caio_desktop.team.copy import read_state

    seen: list[tuple[int, int, str]] = []
    server.publish(demo_file, progress=lambda done, total, table: seen.append((done, total, table)))
    assert seen[-1][0] == seen[-1][1] and {"risks", "audit_log", "settings"} <= {t for _, _, t in seen}
    offline = tmp_path / "offline.caio"
    server.checkout(offline)
    with Workspace.open(demo_file) as original, Workspace.open(offline) as copied, \
            original.engine.connect() as before, copied.engine.connect() as after:
        expected, found = read_state(before), read_state(after)
    assert sum(map(len, found.values())) > 300
    [published] = [row for row in found["audit_log"].values() if row["operation"] == "Publish demo.caio"]
    assert published["after"].startswith("first publish: ")  # the server's history says who published
    assert {t: rows for t, rows in found.items() if rows != expected[t]} == {}
    assert check_workspace(offline) == []


def test_the_published_file_itself_merges_on_its_next_publish(server, engagement: Path):
    server.publish(engagement)
    with Workspace.open(engagement) as ws:
        risk_id = risks(ws)["R-002"]["id"]
        update_row(ws, "risks", risk_id, {"owner": "Camille Durand"})
    with server.session() as colleague:
        create_row(colleague, "risks", {"code": "R-030", "title": "Dépendance fournisseur", "likelihood": 3,
                                        "impact": 3})
    result = server.publish(engagement)
    assert result.summary().startswith(f"published to {result.location}: 0 rows added, 1 changed, 0 deleted")
    with server.session() as colleague:
        assert risks(colleague)["R-002"]["owner"] == "Camille Durand"
    with Workspace.open(engagement) as ws:
        assert set(risks(ws)) == {"R-001", "R-002", "R-030"}


def test_the_same_evidence_attached_on_both_sides_is_stored_once(server, engagement: Path, tmp_path: Path):
    """Two consultants take the engagement offline and attach the same minutes to R-002: once both have
    published, the server holds two attachments and one copy of the bytes."""
    server.publish(engagement)
    anne, paul = tmp_path / "anne.caio", tmp_path / "paul.caio"
    server.checkout(anne)
    server.checkout(paul)
    minutes = tmp_path / "cr-copil.pdf"
    minutes.write_bytes(b"%PDF-1.4 compte rendu du COPIL " * 3000)
    for offline, name in ((anne, "CR COPIL (Anne).pdf"), (paul, "CR COPIL (Paul).pdf")):
        with Workspace.open(offline) as ws:
            risk_id = risks(ws)["R-002"]["id"]
            attach_file(ws, "risks", risk_id, minutes, name=name)
    server.publish(anne)
    server.publish(paul)
    with server.session() as colleague:
        files = attachments(colleague, "risks", risk_id)
        with colleague.engine.connect() as conn:
            blobs = conn.execute(select(EvidenceBlob.__table__.c.sha256)).scalars().all()
        assert sorted(f.name for f in files) == ["CR COPIL (Anne).pdf", "CR COPIL (Paul).pdf"]
        assert len(blobs) == 2 and files[0].sha256 == files[1].sha256  # the charter's and the minutes'
        assert stored_digest(colleague, files[0].sha256) == files[0].sha256
    assert check_workspace(paul) == []


def test_a_row_changed_on_the_server_between_the_plan_and_its_write_stops_the_merge(
        engagement: Path, tmp_path: Path):
    """The writer checks each row's version as it updates it: a colleague's edit that slipped in after
    the plan was made is never overwritten."""
    from caio_desktop.team.checkout import read_record
    from caio_desktop.team.copy import read_state
    from caio_desktop.team.merge import MergeError, apply_merge, plan_merge
    from tests.team.servers import FileServer

    server = FileServer(tmp_path / "server.caio")
    server.publish(engagement)
    with Workspace.open(engagement) as ws:
        risk_id = risks(ws)["R-001"]["id"]
        update_row(ws, "risks", risk_id, {"title": "Biais du scoring (revu)"})
        with ws.engine.connect() as mine, server.session() as colleague:
            with colleague.engine.connect() as theirs:
                plan = plan_merge(read_record(mine).base, read_state(mine), read_state(theirs))
            update_row(colleague, "risks", risk_id, {"owner": "Anne Martin"})  # after the plan
            with pytest.raises(MergeError, match="changed on the server while publishing"), \
                    colleague.engine.begin() as theirs:
                apply_merge(plan, mine, theirs)
            assert risks(colleague)["R-001"]["title"] == "Biais du scoring"


def test_thousands_of_rows_added_offline_land_with_their_links(server, engagement: Path, tmp_path: Path):
    """An import made on the train (2,500 risks, an action under each) goes in bulk, batch after batch,
    each action under its own risk's new server id."""
    from caio_desktop.operations.recorder import Recorder

    server.publish(engagement)
    offline = tmp_path / "offline.caio"
    server.checkout(offline)
    with Workspace.open(offline) as ws:
        with ws.writing() as conn:
            rec = Recorder(conn, "Import risks")
            ids = rec.insert_many("risks", [{"code": f"R-{n:04d}", "title": f"Risque importé {n}",
                                             "likelihood": 1 + n % 5, "impact": 1 + n % 3}
                                            for n in range(100, 2600)])
            rec.insert_many("risk_actions", [{"risk_id": risk_id, "title": f"Traiter {risk_id}"}
                                             for risk_id in ids])
        local = {f"R-{n:04d}": risk_id for n, risk_id in zip(range(100, 2600), ids, strict=True)}
    with server.session() as colleague:
        create_row(colleague, "risks", {"code": "R-0050", "title": "Ajouté au bureau", "likelihood": 2,
                                        "impact": 2})
    server.publish(offline)
    with server.session() as colleague:
        found = risks(colleague)
        assert len(found) == 2 + 2500 + 1
        assert found["R-0100"]["id"] != local["R-0100"]  # the colleague's risk took the first free id
        for code in ("R-0100", "R-1337", "R-2599"):
            assert actions_of(colleague, found[code]["id"]) == [f"Traiter {local[code]}"]
