"""`ClassificationDialog`: the guided AI Act questionnaire for one AI system, with a live result.

Five steps (role, Art. 5, Art. 6 high risk, Art. 50 transparency, GPAI) on the left, the answers in
the middle, and on the right what the classifier makes of them — tier badge, deciding articles,
obligations for the role — updated on every answer. OK stores the facts through
``reclassify_ai_system`` (one undo step); opening it again starts from the stored facts.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.domain.ai_act import Classification, SystemFacts, classify
from caio_desktop.domain.errors import ValidationError
from caio_desktop.operations.ai_act import engagement_reference_date, reclassify_ai_system
from caio_desktop.reference.ai_act import load_ai_act
from caio_desktop.reference.verification import UNVERIFIED_MARK, Verification
from caio_desktop.ui.ai_act.questions import (
    GpaiStep,
    HighRiskStep,
    ProhibitedStep,
    RoleStep,
    Step,
    TransparencyStep,
    tr,
)
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.registers.badges import TIER_COLORS
from caio_desktop.workspace.queries import get_row


def article_ref(ref: str, lang: str) -> str:
    """An article reference as French typography writes it ("art. 6(2)", "annexe III, point 4")."""
    return ref.replace("Art.", "art.").replace("Annex III", "annexe III") if lang == "fr" else ref


def unverified_tooltip(verification: Verification | None, lang: str) -> str:
    """What the mark of an unverified citation means, and what it rests on (empty if verified)."""
    if verification is None or not verification.unverified:
        return ""
    text = QCoreApplication.translate(
        "ClassificationDialog", "%1 Unverified: to be confirmed against the Official Journal.").replace(
        "%1", UNVERIFIED_MARK)
    details = verification.note.get(lang) if verification.note is not None else verification.sources
    return f"{text}\n{details}" if details else text


def initial_facts(system: dict[str, Any]) -> dict[str, Any]:
    """The answers to start from: the stored facts, else what the register already says."""
    stored = system.get("classification_facts")
    if stored:
        return dict(stored)
    return {"role": system.get("ai_act_role") or "deployer", "annex_iii_area": system.get("annex_iii_area")}


class ResultPanel(QWidget):
    """What the answers lead to: tier badge, deciding articles, obligations for the role, rationale."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.tier_badge = QLabel()
        self.tier_badge.setObjectName("tierBadge")
        self.articles_label = QLabel()
        self.articles_label.setWordWrap(True)
        self.obligations = QListWidget()
        self.obligations.setWordWrap(True)
        self.obligations.setAlternatingRowColors(True)
        self.rationale = QLabel()
        self.rationale.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{escape(tr(lang, 'Résultat', 'Result'))}</b>"))
        layout.addWidget(self.tier_badge)
        layout.addWidget(self.articles_label)
        layout.addWidget(self.rationale)
        self.obligations_title = QLabel()
        layout.addWidget(self.obligations_title)
        layout.addWidget(self.obligations, 1)

    def show_result(self, result: Classification | None, error: str | None = None) -> None:
        lang = self.lang
        self.obligations.clear()
        if result is None:
            self.tier_badge.setText(tr(lang, "Réponses incomplètes", "Incomplete answers"))
            self.tier_badge.setStyleSheet(self._badge_style(TIER_COLORS["unclassified"]))
            self.articles_label.setText(escape(error or ""))
            self.rationale.clear()
            self.obligations_title.clear()
            return
        self.tier_badge.setText(result.tier_label(lang))
        self.tier_badge.setStyleSheet(self._badge_style(TIER_COLORS[result.tier]))
        articles = ", ".join(article_ref(a, lang) for a in result.articles) or tr(lang, "aucun", "none")
        self.articles_label.setText(
            f"<b>{escape(tr(lang, 'Articles déterminants', 'Deciding articles'))} :</b> {escape(articles)}"
            if lang == "fr" else f"<b>Deciding articles:</b> {escape(articles)}")
        self.rationale.setText(escape(result.rationale(lang)).replace("\n", "<br>"))
        if result.as_of is not None:
            judged = tr(lang, f"En vigueur jugé au {result.as_of:%d/%m/%Y} (date de référence de la mission).",
                        f"In effect judged on {result.as_of:%d %b %Y} (the engagement's reference date).")
            self.rationale.setText(self.rationale.text() + f"<br><i>{escape(judged)}</i>")
        self.rationale.setToolTip("")
        if result.prohibition is not None:
            applies = QCoreApplication.translate("ClassificationDialog", "Prohibited from %1").replace(
                "%1", result.prohibition.applies_from.isoformat())
            mark = f" {UNVERIFIED_MARK}" if result.prohibition.verification is not None and \
                result.prohibition.verification.unverified else ""
            self.rationale.setText(self.rationale.text() + f"<br><b>{escape(applies)}{mark}</b>")
            self.rationale.setToolTip(unverified_tooltip(result.prohibition.verification, lang))
        role = load_ai_act().roles[result.facts.role].get(lang).lower()
        self.obligations_title.setText(
            f"<b>{escape(tr(lang, f'Obligations du {role}', f'Obligations of the {role}'))}"
            f" ({len(result.obligations)})</b>")
        for obligation in result.obligations:
            text = f"{article_ref(obligation.article, lang)} — {obligation.text.get(lang)}"
            if obligation.applies_from:
                text += tr(lang, f" (à compter du {obligation.applies_from:%d/%m/%Y})",
                           f" (from {obligation.applies_from:%d %b %Y})")
            tooltip = []
            if obligation.unverified:
                # The article or date rests on secondary sources: say so where it is read.
                text += f" {UNVERIFIED_MARK}"
                tooltip.append(unverified_tooltip(obligation.verification, lang))
            if result.as_of is not None and not obligation.in_effect(result.as_of):
                # After the date and its mark: the date may be unverified, the judgement follows from it.
                text += tr(lang, " — pas encore en vigueur", " — not yet in effect")
            item = QListWidgetItem(text)
            if obligation.condition is not None:
                tooltip.append(tr(lang, "Condition : ", "Condition: ") + obligation.condition.get(lang))
            if not obligation.binding:
                # Checks and good practice, not duties of this role: shown apart so they do not read as law.
                tooltip.append(tr(lang, "Vérification ou bonne pratique : l'obligation pèse sur un autre acteur.",
                                  "A check or good practice: the duty lies with another operator."))
                item.setForeground(self.palette().placeholderText())
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            item.setToolTip("\n".join(tooltip))
            self.obligations.addItem(item)

    @staticmethod
    def _badge_style(color: str) -> str:
        return (f"QLabel#tierBadge {{ background: {color}; color: white; font-weight: bold; "
                "padding: 6px 10px; border-radius: 4px; }")


class ClassificationDialog(QDialog):
    """The AI Act questionnaire of AI system `system_id`; OK re-classifies it as one undo step."""

    def __init__(self, context: AppContext, system_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.system_id = system_id
        self.change = None
        # The day obligations are judged in effect on: the engagement's, as the checklist judges them.
        self.as_of: dt.date = engagement_reference_date(context.workspace)
        lang = context.lang
        system = get_row(context.workspace, "ai_systems", system_id)
        if system is None:
            raise LookupError(f"ai_systems has no row {system_id}")
        self._read = system  # what the answers start from: OK says so (a colleague's change since is asked)
        act = load_ai_act()
        self.setWindowTitle(tr(lang, f"Classification AI Act — {system['name']}",
                               f"AI Act classification — {system['name']}"))
        self.resize(1100, 640)

        self.role_step = RoleStep(act, lang)
        self.prohibited_step = ProhibitedStep(act, lang)
        self.high_risk_step = HighRiskStep(act, lang)
        self.transparency_step = TransparencyStep(act, lang)
        self.gpai_step = GpaiStep(act, lang)
        self.steps: list[Step] = [self.role_step, self.prohibited_step, self.high_risk_step,
                                  self.transparency_step, self.gpai_step]

        self.step_list = QListWidget()
        self.step_list.setFixedWidth(210)
        self.pages = QStackedWidget()
        for number, step in enumerate(self.steps, start=1):
            self.step_list.addItem(f"{number}. {step.title}")
            self.pages.addWidget(step)
        self.step_list.currentRowChanged.connect(self._go_to)
        self.result_panel = ResultPanel(lang)
        self.result_panel.setMinimumWidth(380)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #C62828;")
        self.error_label.setWordWrap(True)

        self.back_button = QPushButton(tr(lang, "< Précédent", "< Back"))
        self.next_button = QPushButton(tr(lang, "Suivant >", "Next >"))
        self.back_button.clicked.connect(lambda: self._go_to(self.pages.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self._go_to(self.pages.currentIndex() + 1))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(lang, "Classer", "Classify"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr(lang, "Annuler", "Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(self.step_list)
        body.addWidget(self.pages, 3)
        body.addWidget(self.result_panel, 2)
        footer = QHBoxLayout()
        footer.addWidget(self.back_button)
        footer.addWidget(self.next_button)
        footer.addStretch(1)
        footer.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(footer)

        self.set_facts(initial_facts(system))
        for step in self.steps:
            step.changed.connect(self.refresh)
        self._go_to(0)

    # --- answers -------------------------------------------------------------------------------------
    def set_facts(self, facts: dict[str, Any]) -> None:
        """Fill every step from `facts` (the ``caio classify`` format) and show the result."""
        for step in self.steps:
            step.blockSignals(True)
            step.read(facts)
            step.blockSignals(False)
        self.refresh()

    def facts(self) -> dict[str, Any]:
        """The answers as a facts dict."""
        facts: dict[str, Any] = {}
        for step in self.steps:
            step.write(facts)
        return facts

    def classification(self) -> Classification | None:
        """What the current answers classify to (None if they are not valid)."""
        return self._classify()[0]

    def _classify(self) -> tuple[Classification | None, str | None]:
        try:
            return classify(SystemFacts.from_dict(self.facts()), as_of=self.as_of), None
        except ValueError as exc:
            return None, str(exc)

    def refresh(self) -> None:
        """Re-classify from the answers and update the result panel."""
        result, error = self._classify()
        self.result_panel.show_result(result, error)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(result is not None)

    # --- navigation ----------------------------------------------------------------------------------
    def _go_to(self, index: int) -> None:
        index = max(0, min(index, len(self.steps) - 1))
        self.pages.setCurrentIndex(index)
        if self.step_list.currentRow() != index:
            self.step_list.setCurrentRow(index)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.steps) - 1)

    # --- apply ---------------------------------------------------------------------------------------
    def accept(self) -> None:
        """Store the answers on the system (one undo step); a refused answer keeps the dialog open."""
        from caio_desktop.ui.team.conflict import ConflictResolver

        facts = self.facts()

        def write(shown: dict[str, Any]) -> None:
            self.change = self.context.perform(reclassify_ai_system, self.system_id, facts, seen=shown,
                                               seen_version=shown.get("row_version"))

        try:
            landed = ConflictResolver.write(self.context, self, "ai_systems", self.system_id, write,
                                            self._read)
        except ValidationError as error:
            self.error_label.setText(str(error))
            return
        if not landed:  # a colleague's classification kept: the questionnaire shows it, to classify again
            self._read = get_row(self.context.workspace, "ai_systems", self.system_id) or self._read
            self.set_facts(initial_facts(self._read))
            return
        super().accept()
