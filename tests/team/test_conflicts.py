"""Concurrent edits of one engagement (issue 19): two sessions on one engagement on the server edit the
same risk; the edit that read a value someone else changed since is refused with their value, who and
when; fields nobody else changed land; an overwrite on the new version lands."""

from __future__ import annotations

import pytest

from caio_desktop.operations import create_row, redo, undo, update_row
from caio_desktop.team.conflicts import EditConflictError
from caio_desktop.team.workspace import TeamWorkspace
from caio_desktop.workspace.queries import get_row


@pytest.fixture
def two_sessions(pg_server, team_url):
    """Anne and Bruno, each with their own session on one engagement, and a risk both have read."""
    created = TeamWorkspace.create(team_url, client="Assurances du Rhône", language="fr")
    created.close()
    anne = TeamWorkspace.open(team_url, author="Anne Martin")
    bruno = TeamWorkspace.open(team_url, author="Bruno Petit")
    risk = create_row(anne, "risks", {"title": "Biais du scoring", "likelihood": 3, "impact": 4}).row_ids[0]
    yield anne, bruno, risk
    anne.close()
    bruno.close()


def _read(ws, risk):
    return get_row(ws, "risks", risk)


def _edit(ws, risk, read, **values):
    return update_row(ws, "risks", risk, values, seen={k: read.get(k) for k in values},
                      seen_version=read["row_version"])


def test_different_fields_of_one_risk_both_land(two_sessions) -> None:
    anne, bruno, risk = two_sessions
    read_by_anne, read_by_bruno = _read(anne, risk), _read(bruno, risk)
    _edit(anne, risk, read_by_anne, impact=5)
    _edit(bruno, risk, read_by_bruno, owner="Direction des risques")
    row = _read(anne, risk)
    assert (row["impact"], row["owner"]) == (5, "Direction des risques")
    assert row["row_version"] == read_by_anne["row_version"] + 2


def test_same_field_refused_with_the_first_value_and_author(two_sessions) -> None:
    anne, bruno, risk = two_sessions
    read_by_anne, read_by_bruno = _read(anne, risk), _read(bruno, risk)
    _edit(anne, risk, read_by_anne, impact=5)
    with pytest.raises(EditConflictError) as refused:
        _edit(bruno, risk, read_by_bruno, impact=2)
    error = refused.value
    assert error.fields == ("impact",)
    conflict = error.conflicts[0]
    assert (conflict.read, conflict.theirs, conflict.yours) == (4, 5, 2)
    assert error.author == "Anne Martin" and error.at is not None
    assert "Anne Martin" in str(error) and "impact is now 5" in str(error)
    assert _read(bruno, risk)["impact"] == 5  # nothing of Bruno's edit was written


def test_overwrite_on_the_new_version_lands(two_sessions) -> None:
    anne, bruno, risk = two_sessions
    read_by_bruno = _read(bruno, risk)
    _edit(anne, risk, _read(anne, risk), impact=5)
    with pytest.raises(EditConflictError) as refused:
        _edit(bruno, risk, read_by_bruno, impact=2)
    update_row(bruno, "risks", risk, {"impact": 2}, seen=refused.value.current,
               seen_version=refused.value.version)
    assert _read(anne, risk)["impact"] == 2


def test_the_same_value_written_by_both_is_no_conflict(two_sessions) -> None:
    anne, bruno, risk = two_sessions
    read_by_bruno = _read(bruno, risk)
    _edit(anne, risk, _read(anne, risk), impact=5)
    _edit(bruno, risk, read_by_bruno, impact=5)
    assert _read(bruno, risk)["impact"] == 5


def test_a_field_whose_read_value_is_not_given_counts_as_changed(two_sessions) -> None:
    anne, bruno, risk = two_sessions
    version = _read(bruno, risk)["row_version"]
    _edit(anne, risk, _read(anne, risk), owner="DSI")
    with pytest.raises(EditConflictError):
        update_row(bruno, "risks", risk, {"impact": 1}, seen_version=version)


def test_a_changed_link_moves_the_version_and_conflicts(two_sessions) -> None:
    anne, bruno, _risk = two_sessions
    use_case = create_row(anne, "use_cases", {"title": "Tri des sinistres"}).row_ids[0]
    initiative = create_row(anne, "initiatives", {"title": "Industrialiser le tri"}).row_ids[0]
    read_by_bruno = get_row(bruno, "initiatives", initiative)
    update_row(anne, "initiatives", initiative, {"use_case_ids": [use_case]}, seen={"use_case_ids": []},
               seen_version=read_by_bruno["row_version"])
    assert get_row(anne, "initiatives", initiative)["row_version"] == read_by_bruno["row_version"] + 1
    with pytest.raises(EditConflictError) as refused:  # Bruno, who read no link, would remove Anne's
        update_row(bruno, "initiatives", initiative, {"use_case_ids": [], "title": "Tri"},
                   seen={"use_case_ids": [], "title": "Industrialiser le tri"},
                   seen_version=read_by_bruno["row_version"])
    assert refused.value.conflicts[0].theirs == [use_case] and refused.value.fields == ("use_case_ids",)


def test_undo_restores_values_as_a_new_version_and_keeps_the_others_field(two_sessions) -> None:
    anne, bruno, risk = two_sessions
    edit = _edit(anne, risk, _read(anne, risk), impact=5)
    _edit(bruno, risk, _read(bruno, risk), owner="DSI")
    version = _read(anne, risk)["row_version"]
    undo(anne, edit)
    row = _read(anne, risk)
    assert (row["impact"], row["owner"]) == (4, "DSI")  # Bruno's field stays his
    assert row["row_version"] == version + 1
    redo(anne, edit)
    assert _read(bruno, risk)["row_version"] == version + 2


def test_without_what_was_read_an_edit_lands_as_before(any_workspace) -> None:
    risk = create_row(any_workspace, "risks", {"title": "Fuite", "likelihood": 2, "impact": 2}).row_ids[0]
    read = _read(any_workspace, risk)
    update_row(any_workspace, "risks", risk, {"impact": 3})
    update_row(any_workspace, "risks", risk, {"likelihood": 4})  # no `seen`: no check, as scripts do
    with pytest.raises(EditConflictError):
        _edit(any_workspace, risk, read, impact=1)
    assert _read(any_workspace, risk)["impact"] == 3


def test_an_undo_over_someone_elses_change_is_refused(two_sessions) -> None:
    anne, bruno, risk = two_sessions
    edit = _edit(anne, risk, _read(anne, risk), impact=5)
    _edit(bruno, risk, _read(bruno, risk), impact=1)
    with pytest.raises(EditConflictError) as refused:
        undo(anne, edit)
    assert refused.value.author == "Bruno Petit" and refused.value.conflicts[0].field == "impact"
    assert refused.value.conflicts[0].theirs == 1
    assert _read(anne, risk)["impact"] == 1  # nothing replayed


def test_undoing_an_add_someone_else_edited_since_is_refused(two_sessions) -> None:
    anne, bruno, _risk = two_sessions
    added = create_row(anne, "risks", {"title": "Fuite", "likelihood": 2, "impact": 2})
    _edit(bruno, added.row_ids[0], _read(bruno, added.row_ids[0]), owner="DSI")
    with pytest.raises(EditConflictError):
        undo(anne, added)
    assert _read(bruno, added.row_ids[0])["owner"] == "DSI"
