"""The three-way merge plan (team/merge.py) on states built by hand: what lands, what conflicts, what a
resolution decides. Writing the plan on a database is tested with real files in test_publish*.py."""

from __future__ import annotations

import copy

import pytest

from caio_desktop.team.copy import tables
from caio_desktop.team.merge import DELETED, ROW, Conflict, MergeError, NewRow, plan_merge


def risk(row_id: int, **values):
    row = {"id": row_id, "code": f"R-{row_id:03d}", "title": f"Risque {row_id}", "likelihood": 2, "impact": 2,
           "level": "low", "residual_likelihood": None, "residual_impact": None, "residual_level": None,
           "owner": None, "custom": {}, "created_at": "2026-01-05 09:00:00", "updated_at": "2026-01-05 09:00:00",
           "row_version": 1}
    row.update(values)
    return row


def action(row_id: int, risk_id: int, **values):
    return {"id": row_id, "risk_id": risk_id, "title": f"Action {row_id}", "owner": None, "custom": {},
            "row_version": 1, **values}


def state(**rows):
    found = {t.name: {} for t in tables()}
    for name, listed in rows.items():
        found[name] = {row["id"]: row for row in listed}
    return found


@pytest.fixture
def base():
    return state(risks=[risk(1), risk(2)], risk_actions=[action(1, 1)])


def edited(base, table: str, row_id: int, **values):
    changed = copy.deepcopy(base)
    changed[table][row_id].update(values)
    return changed


def test_fields_changed_on_one_side_each_land_and_the_server_version_is_checked(base):
    mine = edited(base, "risks", 1, title="Biais du scoring")
    theirs = edited(base, "risks", 1, owner="Anne Martin", row_version=2)
    plan = plan_merge(base, mine, theirs)
    assert plan.conflicts == []
    [update] = plan.updates
    assert (update.table, update.row_id, update.values, update.version) == ("risks", 1, {"title": "Biais du scoring"}, 2)
    assert plan.inserts == [] and plan.deletes == []


def test_the_same_change_on_both_sides_is_no_conflict(base):
    mine = edited(base, "risks", 2, impact=4, level="medium")
    theirs = edited(base, "risks", 2, impact=4, level="medium")
    assert plan_merge(base, mine, theirs).writes == 0


def test_the_same_field_changed_differently_is_a_conflict_with_both_values(base):
    mine = edited(base, "risks", 1, impact=5)
    theirs = edited(base, "risks", 1, impact=1)
    plan = plan_merge(base, mine, theirs)
    assert plan.conflicts == [Conflict("risks", 1, "R-001", "impact", 5, 1)]
    assert plan.conflicts[0].key == "risks:1:impact"


def test_take_and_resolutions_decide(base):
    mine = edited(edited(base, "risks", 1, impact=5, title="A"), "risks", 2, owner="Moi")
    theirs = edited(edited(base, "risks", 1, impact=1, title="B"), "risks", 2, owner="Eux")
    plan = plan_merge(base, mine, theirs, take="theirs", resolutions={"risks:1:impact": "mine"})
    assert plan.conflicts == []
    assert {c.key for c in plan.resolved} == {"risks:1:impact", "risks:1:title", "risks:2:owner"}
    [update] = plan.updates  # theirs for the title and the owner: nothing to write there
    assert update.values["impact"] == 5 and "title" not in update.values


def test_a_level_is_derived_again_from_both_sides_scores(base):
    """Likelihood raised in the file, impact raised on the server: each side's level is stale; the
    merged row's level is neither side's, and it is no conflict."""
    mine = edited(base, "risks", 1, likelihood=5, level="high")
    theirs = edited(base, "risks", 1, impact=5, level="high")
    plan = plan_merge(base, mine, theirs)
    assert plan.conflicts == []
    [update] = plan.updates
    assert update.values["likelihood"] == 5 and update.values["level"] == "critical"


def test_custom_columns_merge_key_by_key(base):
    base = edited(base, "risks", 1, custom={"Métier": "Sinistres", "Score client": 3})
    mine = edited(base, "risks", 1, custom={"Métier": "Souscription", "Score client": 3})
    theirs = edited(base, "risks", 1, custom={"Métier": "Sinistres", "Score client": 4, "Pays": "FR"})
    [update] = plan_merge(base, mine, theirs).updates
    assert update.values == {"custom": {"Métier": "Souscription", "Score client": 4, "Pays": "FR"}}
    mine = edited(base, "risks", 1, custom={"Métier": "Souscription"})
    theirs = edited(base, "risks", 1, custom={"Métier": "Vie", "Score client": 3})
    plan = plan_merge(base, mine, theirs)
    assert [(c.key, c.mine, c.theirs) for c in plan.conflicts] == [("risks:1:custom.Métier", "Souscription", "Vie")]
    [update] = plan_merge(base, mine, theirs, take="theirs").updates  # the file's removal still lands
    assert update.values == {"custom": {"Métier": "Vie"}}


def test_rows_added_in_the_file_are_inserted_and_their_children_follow(base):
    mine = copy.deepcopy(base)
    mine["risks"][3] = risk(3, code="R-010")
    mine["risk_actions"][2] = action(2, 3)
    mine["risk_actions"][1]["risk_id"] = 3  # an existing action moved under the new risk
    theirs = copy.deepcopy(base)
    theirs["risks"][3] = risk(3, code="R-020", title="Ajouté sur le serveur")  # the same id, another row
    plan = plan_merge(base, mine, theirs)
    assert plan.conflicts == []
    assert [(i.table, i.local_id) for i in plan.inserts] == [("risks", 3), ("risk_actions", 2)]
    assert plan.inserts[1].values["risk_id"] == NewRow("risks", 3)
    [update] = plan.updates
    assert (update.table, update.row_id, update.values) == ("risk_actions", 1, {"risk_id": NewRow("risks", 3)})


def test_a_row_added_on_both_sides_with_one_unique_key_is_one_row(base):
    """A setting both sides added (the same key) is merged with the server's row, not added twice."""
    mine = copy.deepcopy(base)
    mine["settings"][5] = {"id": 5, "key": "committee:last", "value": "2026-03-02", "custom": {}}
    theirs = copy.deepcopy(base)
    theirs["settings"][7] = {"id": 7, "key": "committee:last", "value": "2026-03-09", "custom": {}}
    plan = plan_merge(base, mine, theirs)
    assert plan.inserts == []
    assert plan.conflicts == [Conflict("settings", 7, "committee:last", "value", "2026-03-02", "2026-03-09")]


def test_deleted_on_one_side_untouched_on_the_other_is_deleted(base):
    mine = copy.deepcopy(base)
    del mine["risks"][2]
    theirs = copy.deepcopy(base)
    del theirs["risks"][1], theirs["risk_actions"][1]
    plan = plan_merge(base, mine, theirs)
    assert plan.conflicts == [] and plan.deletes == [("risks", 2)] and plan.inserts == []


def test_deleted_in_the_file_but_changed_on_the_server_is_a_conflict_of_the_row(base):
    mine = copy.deepcopy(base)
    del mine["risks"][1], mine["risk_actions"][1]
    theirs = edited(base, "risks", 1, title="Revu par Anne")
    plan = plan_merge(base, mine, theirs)
    assert [(c.key, c.mine, c.theirs) for c in plan.conflicts] == [(f"risks:1:{ROW}", DELETED, "(changed)")]
    kept = plan_merge(base, mine, theirs, take="theirs")
    assert kept.deletes == []  # the risk stays, and so does its action (it hangs on it)
    gone = plan_merge(base, mine, theirs, take="mine")
    assert sorted(gone.deletes) == [("risk_actions", 1), ("risks", 1)]


def test_deleted_on_the_server_but_given_a_new_action_in_the_file_is_a_conflict(base):
    mine = copy.deepcopy(base)
    mine["risk_actions"][2] = action(2, 2)
    theirs = copy.deepcopy(base)
    del theirs["risks"][2]
    plan = plan_merge(base, mine, theirs)
    assert [c.key for c in plan.conflicts] == [f"risks:2:{ROW}"]
    restored = plan_merge(base, mine, theirs, take="mine")
    assert [(i.table, i.local_id, i.keep_id) for i in restored.inserts] == [("risks", 2, True),
                                                                             ("risk_actions", 2, False)]
    dropped = plan_merge(base, mine, theirs, take="theirs")
    assert dropped.inserts == []  # the new action goes with the risk the server deleted


def test_resolutions_must_name_conflicts_and_choices_must_be_mine_or_theirs(base):
    mine = edited(base, "risks", 1, impact=5)
    theirs = edited(base, "risks", 1, impact=1)
    with pytest.raises(MergeError, match="risks:1:impcat"):
        plan_merge(base, mine, theirs, resolutions={"risks:1:impcat": "mine"})
    with pytest.raises(MergeError, match="neither 'mine' nor 'theirs'"):
        plan_merge(base, mine, theirs, resolutions={"risks:1:impact": "both"})


def test_two_new_risks_numbered_alike_stay_two_risks(base):
    """R-003 added offline and R-003 added at the office are two risks: the file's takes R-004."""
    mine = copy.deepcopy(base)
    mine["risks"][3] = risk(3, title="Dérive du modèle")
    theirs = copy.deepcopy(base)
    theirs["risks"][3] = risk(3, title="Shadow AI")
    plan = plan_merge(base, mine, theirs)
    assert plan.conflicts == [] and plan.renumbered == [("risks", "R-003", "R-004")]
    [added] = plan.inserts
    assert (added.values["code"], added.values["title"], added.computed) == ("R-004", "Dérive du modèle",
                                                                             frozenset({"code"}))
    assert "R-003 added in the file is R-004" in plan.summary()
    client_codes = copy.deepcopy(mine), copy.deepcopy(theirs)  # a client's own code is one risk's name
    client_codes[0]["risks"][3]["code"] = client_codes[1]["risks"][3]["code"] = "RISK-17"
    assert [c.field for c in plan_merge(base, *client_codes).conflicts] == ["title"]


def test_an_action_moved_offline_under_a_risk_the_server_deleted_is_asked_about(base):
    """Moving an action under a risk changes that risk as much as an edit: the server's deletion of it is
    a conflict. Kept deleted ("theirs"), the action goes with it, as a delete would take it; restored
    ("mine"), the risk comes back and the action lands under it."""
    mine = copy.deepcopy(base)
    mine["risk_actions"][1]["risk_id"] = 2  # moved under R-002 …
    theirs = copy.deepcopy(base)
    del theirs["risks"][2]  # … which the server deleted (untouched offline: it stays deleted)
    plan = plan_merge(base, mine, theirs)
    assert [c.key for c in plan.conflicts] == ["risks:2:(row)"]  # a new row hangs on it: asked
    plan = plan_merge(base, mine, theirs, take="theirs")
    assert plan.deletes == [("risk_actions", 1)] and plan.updates == []
    plan = plan_merge(base, mine, theirs, take="mine")
    assert [(i.table, i.local_id, i.keep_id) for i in plan.inserts] == [("risks", 2, True)]
    assert [(u.table, u.row_id, u.values) for u in plan.updates] == [("risk_actions", 1, {"risk_id": 2})]
