"""Governance: the actions register with the "mine" and "overdue" quick filters."""

from __future__ import annotations

import datetime as dt

from caio_desktop.operations import create_row
from caio_desktop.ui.pages.governance import GovernancePage, is_overdue


def test_mine_and_overdue_filters(qtbot, context_empty) -> None:
    context = context_empty  # the engagement's consultant is Camille Durand
    yesterday = dt.date.today() - dt.timedelta(days=1)
    for title, owner, due, status in (("Relancer la DPO", "Camille Durand", yesterday, "open"),
                                      ("Former les référents", "Karim Haddad", yesterday, "open"),
                                      ("Clore le pilote", "Camille Durand", yesterday, "done"),
                                      ("Préparer le comité", "Camille Durand", None, "open")):
        context.perform(create_row, "actions", {"title": title, "owner": owner, "due_date": due,
                                                "status": status})
    page = GovernancePage(context)
    qtbot.addWidget(page)
    register = page.registers["actions"]

    def titles() -> list[str]:
        column = register.model.column("title")
        return sorted(register.proxy.index(r, column).data() for r in range(register.proxy.rowCount()))

    page.mine.setChecked(True)
    assert titles() == ["Clore le pilote", "Préparer le comité", "Relancer la DPO"]
    page.overdue.setChecked(True)
    assert titles() == ["Relancer la DPO"]
    page.mine.setChecked(False)
    assert titles() == ["Former les référents", "Relancer la DPO"]
    assert "En retard" in register.filter_label.text()


def test_overdue_rule() -> None:
    today = dt.date(2026, 3, 16)
    assert is_overdue({"due_date": dt.date(2026, 3, 15), "status": "open"}, today)
    assert not is_overdue({"due_date": dt.date(2026, 3, 15), "status": "done"}, today)
    assert not is_overdue({"due_date": dt.date(2026, 3, 16), "status": "open"}, today)
    assert not is_overdue({"due_date": None, "status": "open"}, today)


def test_issued_deliverables_tab_does_not_repeat_the_deliverables_page(qtbot, context_empty) -> None:
    page = GovernancePage(context_empty)
    qtbot.addWidget(page)
    tab_names = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Livrables" not in tab_names  # the sidebar's Livrables page makes and exports them
    register = page.registers["deliverables"]
    index = next(i for i in range(page.tabs.count()) if page.tabs.widget(i) is register)
    assert page.tabs.tabText(index) == "Livrables remis"
    shown: list[tuple] = []
    page.navigate.connect(lambda *args: shown.append(args))
    page.make_deliverable.click()
    assert shown == [("deliverables", "", None)]
