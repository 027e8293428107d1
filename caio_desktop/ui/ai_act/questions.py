"""The answer widgets of the AI Act questionnaire, one step each, built from the reference data.

Each step reads and writes its part of the facts dict (``read(facts)`` / ``write(facts)``) and emits
``changed`` whenever an answer changes, so the dialog can re-classify live. Labels come from
``ai_act.yaml`` in the interface language; nothing about the Regulation is written here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.reference.ai_act import ROLES, AiActReference
from caio_desktop.reference.verification import UNVERIFIED_MARK


def tr(lang: str, fr: str, en: str) -> str:
    """The interface text in `lang`."""
    return fr if lang == "fr" else en


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def _combo() -> QComboBox:
    combo = QComboBox()
    # Annex III labels are long: elide rather than let one label widen the dialog.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(40)
    return combo


class Step(QWidget):
    """One page of the questionnaire."""

    changed = Signal()

    def __init__(self, act: AiActReference, lang: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.act = act
        self.lang = lang
        self.title = title
        self.layout_ = QVBoxLayout(self)
        heading = QLabel(f"<h3>{title}</h3>")
        self.layout_.addWidget(heading)

    def _emit_changed(self, *_: object) -> None:
        # Qt signals pass their own arguments (checked state, index); `changed` carries none.
        self.changed.emit()

    def read(self, facts: dict[str, Any]) -> None:  # pragma: no cover - every step overrides
        raise NotImplementedError

    def write(self, facts: dict[str, Any]) -> None:  # pragma: no cover - every step overrides
        raise NotImplementedError


class RoleStep(Step):
    """Who the organisation is for this system: provider, deployer, importer or distributor."""

    def __init__(self, act: AiActReference, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(act, lang, tr(lang, "Rôle de l'organisation", "Role of the organisation"), parent)
        self.layout_.addWidget(_hint(tr(
            lang,
            "Le client développe-t-il le système (fournisseur), l'utilise-t-il sous son autorité "
            "(déployeur), l'importe-t-il ou le distribue-t-il ?",
            "Does the client develop the system (provider), use it under its authority (deployer), "
            "import it or distribute it?")))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for role in ROLES:
            button = QRadioButton(act.roles[role].get(lang))
            self.buttons[role] = button
            self.group.addButton(button)
            self.layout_.addWidget(button)
            button.toggled.connect(lambda on: on and self._emit_changed())
        self.layout_.addStretch(1)

    def read(self, facts: dict[str, Any]) -> None:
        self.buttons.get(facts.get("role") or "deployer", self.buttons["deployer"]).setChecked(True)

    def write(self, facts: dict[str, Any]) -> None:
        facts["role"] = next(role for role, button in self.buttons.items() if button.isChecked())


class ProhibitedStep(Step):
    """Art. 5: a checkable list of the prohibited practices (one is enough to prohibit the system)."""

    def __init__(self, act: AiActReference, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(act, lang, tr(lang, "Pratiques interdites (art. 5)", "Prohibited practices (Art. 5)"),
                         parent)
        self.layout_.addWidget(_hint(tr(
            lang,
            "Cochez la pratique que le système met en œuvre, le cas échéant. Une seule suffit à "
            "l'interdire ; aucune case cochée pour la plupart des systèmes.",
            "Tick the practice the system carries out, if any. One is enough to prohibit it; most "
            "systems tick none.")))
        self.list = QListWidget()
        self.list.setWordWrap(True)  # point (h) is long: wrap rather than scroll sideways
        self.list.setSpacing(2)
        for practice in act.all_prohibited_practices:
            status = act.citation_status(practice.verification, practice.applies_from)
            if practice.amended_by:
                # An added point: its letter is not confirmed, so it is named by its date, not "(ba)".
                applies = act.date(practice.applies_from).date.isoformat()
                label = QCoreApplication.translate("ProhibitedStep", "(new, from %1) %2").replace(
                    "%1", applies).replace("%2", practice.label.get(lang))
            else:
                label = f"({practice.key}) {practice.label.get(lang)}"
            tooltip = f"{practice.article} — {practice.description.get(lang)}"
            if practice.amended_by and status.unverified:
                label += f" {UNVERIFIED_MARK}"
                tooltip += "\n" + QCoreApplication.translate(
                    "ProhibitedStep", "Unverified: the point letter and the amending regulation are to be "
                    "confirmed against the Official Journal.")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, practice.key)
            item.setToolTip(tooltip)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(self._on_item_changed)
        self.layout_.addWidget(self.list, 1)

    def item(self, key: str) -> QListWidgetItem:
        """The list item of practice `key` ("a"…"h", "ba", …)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                return self.list.item(row)
        raise KeyError(key)

    def _on_item_changed(self, changed: QListWidgetItem) -> None:
        # The facts hold one practice: ticking one unticks the others, so what is shown is what is stored.
        if changed.checkState() == Qt.CheckState.Checked:
            self.list.blockSignals(True)
            for row in range(self.list.count()):
                other = self.list.item(row)
                if other is not changed:
                    other.setCheckState(Qt.CheckState.Unchecked)
            self.list.blockSignals(False)
        self.changed.emit()

    def read(self, facts: dict[str, Any]) -> None:
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) == facts.get("prohibited_practice")
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def write(self, facts: dict[str, Any]) -> None:
        checked = [self.list.item(r) for r in range(self.list.count())
                   if self.list.item(r).checkState() == Qt.CheckState.Checked]
        facts["prohibited_practice"] = checked[0].data(Qt.ItemDataRole.UserRole) if checked else None


class HighRiskStep(Step):
    """Art. 6: the Annex I product route, the Annex III area and point, the Art. 6(3) derogation and
    profiling (the derogation only makes sense for an Annex III use case)."""

    def __init__(self, act: AiActReference, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(act, lang, tr(lang, "Haut risque (art. 6)", "High risk (Art. 6)"), parent)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.annex_i = QCheckBox(act.annex_i_label.get(lang))
        self.annex_i.setToolTip(act.annex_i_description.get(lang))
        form.addRow(tr(lang, "Annexe I :", "Annex I:"), self.annex_i)
        self.area = _combo()
        self.area.addItem(tr(lang, "Aucun domaine de l'annexe III", "No Annex III area"), None)
        for area in act.annex_iii_areas:
            self.area.addItem(f"{area.number} — {area.label.get(lang)}", area.number)
        form.addRow(tr(lang, "Annexe III, domaine :", "Annex III area:"), self.area)
        self.point = _combo()
        form.addRow(tr(lang, "Point :", "Point:"), self.point)
        self.derogation = _combo()
        self.derogation.addItem(tr(lang, "Aucune dérogation revendiquée", "No derogation claimed"), None)
        for derogation in act.derogations:
            self.derogation.addItem(f"{derogation.article} — {derogation.label.get(lang)}", derogation.key)
            self.derogation.setItemData(self.derogation.count() - 1, derogation.description.get(lang),
                                        Qt.ItemDataRole.ToolTipRole)
        form.addRow(tr(lang, "Dérogation art. 6(3) :", "Art. 6(3) derogation:"), self.derogation)
        self.profiling = QCheckBox(tr(lang, "Le système effectue un profilage de personnes physiques",
                                      "The system profiles natural persons"))
        self.profiling.setToolTip(act.profiling_rule.get(lang))
        form.addRow(tr(lang, "Profilage :", "Profiling:"), self.profiling)
        self.layout_.addLayout(form)
        self.layout_.addWidget(_hint(act.profiling_rule.get(lang)))
        self.layout_.addStretch(1)
        self.area.currentIndexChanged.connect(self._on_area_changed)
        for signal in (self.annex_i.toggled, self.point.currentIndexChanged,
                       self.derogation.currentIndexChanged, self.profiling.toggled):
            signal.connect(self._emit_changed)
        self._on_area_changed()

    def _on_area_changed(self, *_: object) -> None:
        number = self.area.currentData()
        self.point.blockSignals(True)
        self.point.clear()
        if number is not None:
            area = self.act.area(number)
            if len(area.points) > 1:
                self.point.addItem(tr(self.lang, "Point non précisé", "Point not specified"), None)
            for point in area.points:
                ref = f"{number}({point.key})" if point.key != str(number) else str(number)
                self.point.addItem(f"{ref} — {point.label.get(self.lang)}", point.key)
        self.point.blockSignals(False)
        self.point.setEnabled(number is not None)
        # Art. 6(3) derogations exist only for Annex III use cases.
        self.derogation.setEnabled(number is not None)
        if number is None:
            self.derogation.setCurrentIndex(0)
        self.changed.emit()

    def read(self, facts: dict[str, Any]) -> None:
        self.annex_i.setChecked(bool(facts.get("annex_i_product")))
        self.area.setCurrentIndex(max(0, self.area.findData(facts.get("annex_iii_area"))))
        self.point.setCurrentIndex(max(0, self.point.findData(facts.get("annex_iii_point"))))
        self.derogation.setCurrentIndex(max(0, self.derogation.findData(facts.get("art6_3_derogation"))))
        self.profiling.setChecked(bool(facts.get("profiling")))

    def write(self, facts: dict[str, Any]) -> None:
        area = self.area.currentData()
        facts["annex_i_product"] = self.annex_i.isChecked()
        facts["annex_iii_area"] = area
        facts["annex_iii_point"] = self.point.currentData() if area is not None else None
        facts["art6_3_derogation"] = self.derogation.currentData() if area is not None else None
        facts["profiling"] = self.profiling.isChecked()


class TransparencyStep(Step):
    """Art. 50: the transparency cases, each a check box."""

    def __init__(self, act: AiActReference, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(act, lang, tr(lang, "Transparence (art. 50)", "Transparency (Art. 50)"), parent)
        self.layout_.addWidget(_hint(tr(lang, "Cochez chaque situation qui s'applique.",
                                        "Tick every situation that applies.")))
        self.boxes: dict[str, QCheckBox] = {}
        for case in act.transparency_cases:
            box = QCheckBox(f"{case.article} — {case.label.get(lang)}")
            box.setToolTip(case.obligation.get(lang))
            box.toggled.connect(self._emit_changed)
            self.boxes[case.key] = box
            self.layout_.addWidget(box)
        # The Omnibus's grace period for Art. 50(2): only meaningful when 50(2) is ticked.
        grace = act.date("art50_2_legacy_systems")
        self.already_on_market = QCheckBox(QCoreApplication.translate(
            "TransparencyStep", "Already on the market before 2 August 2026 (Art. 50(2) marking from %1) %2").replace(
            "%1", grace.date.isoformat()).replace("%2", UNVERIFIED_MARK if grace.verification is not None
                                                   and grace.verification.unverified else "").strip())
        self.already_on_market.setToolTip(QCoreApplication.translate(
            "TransparencyStep", "Grace period added by the Digital Omnibus on AI; to be confirmed against the "
            "Official Journal."))
        self.already_on_market.toggled.connect(self._emit_changed)
        self.layout_.addWidget(self.already_on_market)
        self.boxes["50(2)"].toggled.connect(self._grace_enabled)
        self._grace_enabled()
        self.layout_.addStretch(1)

    def _grace_enabled(self, *_: object) -> None:
        self.already_on_market.setEnabled(self.boxes["50(2)"].isChecked())

    def read(self, facts: dict[str, Any]) -> None:
        cases = set(facts.get("art50_cases") or ())
        for key, box in self.boxes.items():
            box.setChecked(key in cases)
        self.already_on_market.setChecked(bool(facts.get("already_on_market")))

    def write(self, facts: dict[str, Any]) -> None:
        facts["art50_cases"] = [key for key, box in self.boxes.items() if box.isChecked()]
        facts["already_on_market"] = self.already_on_market.isChecked() and "50(2)" in facts["art50_cases"]


class GpaiStep(Step):
    """Chapter V: whether the system is (or is built on) a general-purpose AI model."""

    def __init__(self, act: AiActReference, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(act, lang, tr(lang, "Modèle d'IA à usage général", "General-purpose AI model"), parent)
        self.layout_.addWidget(_hint(act.gpai_description.get(lang)))
        self.gpai = QCheckBox(tr(lang, "Le système est ou intègre un modèle d'IA à usage général",
                                 "The system is or embeds a general-purpose AI model"))
        self.systemic = QCheckBox(tr(lang, "Le modèle présente un risque systémique (art. 51)",
                                     "The model has systemic risk (Art. 51)"))
        self.layout_.addWidget(self.gpai)
        self.layout_.addWidget(self.systemic)
        self.layout_.addStretch(1)
        self.gpai.toggled.connect(self._on_gpai)
        self.systemic.toggled.connect(self._emit_changed)
        self._on_gpai(False)

    def _on_gpai(self, on: bool) -> None:
        self.systemic.setEnabled(on)
        if not on:
            self.systemic.setChecked(False)
        self.changed.emit()

    def read(self, facts: dict[str, Any]) -> None:
        self.gpai.setChecked(bool(facts.get("gpai")))
        self.systemic.setChecked(bool(facts.get("gpai_systemic_risk")))

    def write(self, facts: dict[str, Any]) -> None:
        facts["gpai"] = self.gpai.isChecked()
        facts["gpai_systemic_risk"] = self.systemic.isChecked()
