"""The "Generate compliance checklist" action: run the generator as one undo step and say what it did."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from caio_desktop.operations.compliance import ChecklistChange, generate_compliance_checklist
from caio_desktop.ui.ai_act.questions import tr
from caio_desktop.ui.context import AppContext


class ChecklistAction:
    """Holds the message box the action shows; tests replace ``message_box`` (pytest-qt's advice)."""

    message_box = QMessageBox


def checklist_summary(change: ChecklistChange, lang: str) -> str:
    """The sentence the consultant reads after a run."""
    text = tr(
        lang,
        f"{change.added} exigence(s) ajoutée(s) au registre de conformité pour {change.systems} système(s) "
        f"d'IA ; {change.already_present} déjà présente(s).",
        f"{change.added} compliance item(s) added for {change.systems} AI system(s); "
        f"{change.already_present} already present.",
    )
    if change.as_of is not None and change.next_applies_from is not None:
        text += "\n\n" + tr(
            lang,
            f"Au {change.as_of:%d/%m/%Y} (date de référence de la mission), {change.not_yet_in_effect} "
            f"exigence(s) ne s'applique(nt) pas encore ; la première à compter du "
            f"{change.next_applies_from:%d/%m/%Y} (voir les échéances).",
            f"On {change.as_of:%d %b %Y} (the engagement's reference date), {change.not_yet_in_effect} "
            f"item(s) do not apply yet; the first from {change.next_applies_from:%d %b %Y} (see the due dates).")
    if change.no_longer_required:
        text += "\n\n" + tr(
            lang,
            f"{change.no_longer_required} exigence(s) générée(s) ne découle(nt) plus de la classification : "
            "elles sont conservées, passez-les en « Non applicable » si besoin.",
            f"{change.no_longer_required} generated item(s) no longer follow from the classification: they "
            "are kept; mark them \"Not applicable\" if so.")
    if change.updated_references:
        versions = ", ".join(f"{k} {old} → {new}" for k, (old, new) in sorted(change.updated_references.items()))
        text += "\n\n" + tr(
            lang,
            f"Référentiel mis à jour depuis la dernière évaluation ({versions}) : {change.added_by_update} "
            f"exigence(s) ajoutée(s) et {change.changed_by_update} modifiée(s), signalées dans le registre.",
            f"Reference content updated since the last assessment ({versions}): {change.added_by_update} "
            f"item(s) added and {change.changed_by_update} changed, marked in the register.")
    if change.unclassified:
        names = ", ".join(change.unclassified)
        text += "\n\n" + tr(lang, f"Non classés (aucune exigence AI Act) : {names}. Classez-les d'abord.",
                            f"Not classified (no AI Act items): {names}. Classify them first.")
    return text


def generate_checklist_action(context: AppContext, system_ids: list[int] | None = None,
                              parent: QWidget | None = None) -> ChecklistChange | None:
    """Generate the checklist of `system_ids` (the whole inventory when None) and show a summary."""
    lang = context.lang
    title = tr(lang, "Liste de conformité", "Compliance checklist")
    try:
        change = context.perform(generate_compliance_checklist, system_ids)
    except LookupError as error:
        ChecklistAction.message_box.warning(parent, title, str(error))
        return None
    ChecklistAction.message_box.information(parent, title, checklist_summary(change, lang))
    return change
