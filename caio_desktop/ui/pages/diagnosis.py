"""Diagnosis: rate each maturity dimension (current and target) with its level descriptors in view,
beside the radar; the assessments, interviews and findings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter

from caio_desktop.ui.diagnosis.rating_view import MaturityRatingView
from caio_desktop.ui.pages.base import Page, card, optional_class


class DiagnosisPage(Page):
    key = "diagnosis"

    def title(self) -> str:
        return self.tr("Diagnosis")

    def subtitle(self) -> str:
        return self.tr("Where the client stands on AI: maturity by dimension, interviews and findings.")

    def build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.rating = MaturityRatingView(self.context)
        splitter.addWidget(self.rating)
        radar = optional_class("caio_desktop.ui.charts.radar", "MaturityRadar")
        self.radar = None
        if radar is not None:
            self.radar = radar(lang=self.context.lang)
            self.radar.beside_rating = True
            self.radar.follow(self.context)
            frame, label = card("", self.radar)
            self.translated(label, lambda: self.tr("Current and target maturity"))
            splitter.addWidget(frame)
            self.rating.assessment.currentIndexChanged.connect(
                lambda _i: self.radar.set_assessment(self.rating.assessment_id()))
            splitter.setStretchFactor(0, 2)
            splitter.setStretchFactor(1, 1)
            splitter.setSizes([880, 380])  # the rating view's tree wants its names whole
        splitter.setChildrenCollapsible(False)
        self.add_tab(splitter, lambda: self.tr("Rate by dimension"))
        self.add_register_tab("maturity")
        self.add_register_tab("maturity_ratings")
        self.add_register_tab("interviews")
        self.add_register_tab("findings")
        surveys = optional_class("caio_desktop.ui.diagnosis.surveys", "SurveyPanel")
        self.surveys = None
        if surveys is not None:
            self.surveys = surveys(self.context)
            self.add_tab(self.surveys, lambda: self.tr("Surveys"))
