"""Every editor of the detail form carries its field's name for assistive technologies, and its label
points at it (a click or mnemonic on the label focuses the editor)."""

from __future__ import annotations

from caio_desktop.domain.modules import MODULES
from caio_desktop.operations import create_row
from caio_desktop.ui.registers.form import DetailForm


def test_form_editors_have_accessible_names(qtbot, context) -> None:
    row = context.perform(create_row, "risks", {"title": "Fuite", "likelihood": 3, "impact": 3}).row_ids[0]
    form = DetailForm(context, "risks")
    qtbot.addWidget(form)
    form.set_row(row)
    module = MODULES["risks"]
    assert form.editors
    for key, editor in form.editors.items():
        assert editor.accessibleName() == module.field(key).label("fr"), key
