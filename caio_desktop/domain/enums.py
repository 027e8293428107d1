"""Enumerations of the engagement, stored as readable text codes with French and English labels.

Codes are what the workspace file holds (so a file stays readable by hand); labels are what people see.
Synonyms let imports map a client's wording ("Élevé", "in prod", "pilote") onto a code.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Choice:
    """One value of an enumeration: its stored code, its labels and the words clients use for it."""

    code: str
    fr: str
    en: str
    synonyms: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class Enumeration:
    """A list of choices, in display order: the shipped ones (`choices`), then, for the extensible
    enumerations (`EXTENSIBLE`), the open engagement's own (`extra`, from its settings: a client's
    risk categories), which every check and label sees as well."""

    key: str
    choices: tuple[Choice, ...]
    _by_code: dict[str, Choice] = field(default_factory=dict, compare=False, repr=False)
    extra: dict[str, Choice] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_code.update({c.code: c for c in self.choices})

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.choices) + tuple(self.extra)

    @property
    def every_choice(self) -> tuple[Choice, ...]:
        return self.choices + tuple(self.extra.values())

    def __contains__(self, code: object) -> bool:
        return code in self._by_code or code in self.extra

    def choice(self, code: str) -> Choice:
        return self._by_code.get(code) or self.extra[code]

    def label(self, code: str | None, lang: str) -> str:
        if code is None:
            return ""
        choice = self._by_code.get(code) or self.extra.get(code)
        return choice.label(lang) if choice else code


# The choice lists an engagement may extend with the client's own values (their taxonomy of risks, their
# kinds of treatment). Departments and owners are free text already.
EXTENSIBLE = frozenset({"risk_category", "treatment"})
_VERSION = [0]  # bumped whenever the engagement's choices change (caches of choice words follow it)


def choices_version() -> int:
    return _VERSION[0]


def install_engagement_choices(stored: dict[str, list[dict[str, str]]]) -> None:
    """Make the open engagement's own choices (enumeration key → [{"code", "fr", "en"}], as its
    settings hold them) part of the extensible enumerations, replacing any earlier engagement's."""
    for key in EXTENSIBLE:
        enumeration = ENUMERATIONS[key]
        enumeration.extra.clear()
        for item in stored.get(key, []):
            code = str(item.get("code") or "")
            if code and code not in enumeration._by_code:
                label = str(item.get("fr") or item.get("en") or code)
                enumeration.extra[code] = Choice(code, label, str(item.get("en") or label))
    _VERSION[0] += 1


def _e(key: str, *choices: tuple) -> Enumeration:
    return Enumeration(key, tuple(Choice(*c) for c in choices))


ENUMERATIONS: dict[str, Enumeration] = {
    e.key: e
    for e in (
        _e("language", ("fr", "Français", "French", ("francais", "french", "fra")),
           ("en", "Anglais", "English", ("anglais", "english", "eng"))),
        _e("phase", ("diagnosis", "Diagnostic", "Diagnosis", ("diagnostic", "assessment")),
           ("strategy", "Stratégie", "Strategy", ("strategie", "roadmap")),
           ("deployment", "Déploiement", "Deployment", ("deploiement", "delivery", "mise en oeuvre")),
           ("handover", "Transmission", "Handover", ("passation", "transfert", "closing"))),
        _e("progress", ("not_started", "Non démarré", "Not started", ("a faire", "todo", "to do", "planned")),
           ("in_progress", "En cours", "In progress", ("en cours", "ongoing", "wip", "started")),
           ("done", "Terminé", "Done", ("termine", "completed", "complete", "fini", "closed"))),
        _e("system_status", ("idea", "Idée", "Idea", ("idee", "concept", "proposed")),
           ("pilot", "Pilote", "Pilot", ("poc", "pilote", "test", "experimentation", "trial")),
           ("production", "Production", "Production", ("prod", "deployed", "deploye", "en production",
                                                         "live", "in use", "operational")),
           ("retired", "Retiré", "Retired", ("retire", "decommissioned", "arrete", "retired"))),
        _e("ai_act_role", ("provider", "Fournisseur", "Provider", ("fournisseur", "developer")),
           ("deployer", "Déployeur", "Deployer", ("deployeur", "utilisateur", "user")),
           ("importer", "Importateur", "Importer", ("importateur",)),
           ("distributor", "Distributeur", "Distributor", ("distributeur",))),
        _e("ai_act_tier", ("unclassified", "Non classé", "Unclassified", ("non classe", "unknown", "tbd", "?")),
           ("prohibited", "Interdit", "Prohibited", ("interdit", "unacceptable", "inacceptable")),
           ("high", "Haut risque", "High risk", ("haut", "eleve", "high", "high-risk", "haut risque")),
           ("limited", "Risque limité", "Limited risk", ("limite", "limited", "transparency", "transparence")),
           ("minimal", "Risque minimal", "Minimal risk", ("minimal", "minimum", "low", "faible"))),
        _e("principle_status", ("draft", "Projet", "Draft", ("brouillon", "projet")),
           ("adopted", "Adopté", "Adopted", ("adopte", "approved", "valide"))),
        _e("use_case_status", ("idea", "Idée", "Idea", ("idee", "backlog", "proposed")),
           ("qualified", "Qualifié", "Qualified", ("qualifie", "assessed", "evalue", "pre deployment",
                                                     "in development", "en developpement")),
           ("pilot", "Pilote", "Pilot", ("poc", "pilote", "experimentation", "mvp")),
           ("production", "Production", "Production", ("prod", "deployed", "deploye", "live", "in production")),
           ("abandoned", "Abandonné", "Abandoned", ("abandonne", "cancelled", "stopped", "rejected",
                                                     "retired", "retire", "decommissioned", "discontinued"))),
        _e("quadrant", ("quick_win", "Gain rapide", "Quick win", ("quick win", "gain rapide")),
           ("strategic_bet", "Pari stratégique", "Strategic bet", ("pari strategique", "big bet")),
           ("incremental", "Incrémental", "Incremental", ("incremental", "incrementale")),
           ("deprioritise", "À déprioriser", "Deprioritise", ("deprioriser", "deprioritize", "money pit"))),
        _e("initiative_status", ("planned", "Planifiée", "Planned", ("planifie", "a venir", "not started")),
           ("in_progress", "En cours", "In progress", ("en cours", "ongoing")),
           ("done", "Terminée", "Done", ("termine", "completed")),
           ("on_hold", "En pause", "On hold", ("suspendu", "paused", "en attente")),
           ("cancelled", "Annulée", "Cancelled", ("annule", "canceled", "abandoned"))),
        _e("milestone_status", ("planned", "Prévu", "Planned", ("prevu", "a venir")),
           ("done", "Atteint", "Done", ("atteint", "reached", "achieved", "termine")),
           ("missed", "Manqué", "Missed", ("manque", "late", "en retard", "slipped"))),
        _e("kpi_direction", ("increase", "À augmenter", "Increase", ("hausse", "up", "higher is better")),
           ("decrease", "À réduire", "Decrease", ("baisse", "down", "lower is better"))),
        _e("attitude", ("champion", "Champion", "Champion", ("ambassadeur", "sponsor")),
           ("supporter", "Favorable", "Supporter", ("favorable", "supportive", "positif")),
           ("neutral", "Neutre", "Neutral", ("neutre", "indifferent")),
           ("sceptic", "Sceptique", "Sceptic", ("sceptique", "skeptic", "sceptical", "doubtful")),
           ("resistant", "Opposant", "Resistant", ("opposant", "hostile", "resistant", "blocker"))),
        _e("training_format", ("in_person", "Présentiel", "In person", ("presentiel", "onsite", "classroom")),
           ("remote", "Distanciel", "Remote", ("distanciel", "visio", "online", "webinar")),
           ("e_learning", "E-learning", "E-learning", ("elearning", "mooc", "self-paced")),
           ("workshop", "Atelier", "Workshop", ("atelier", "hands-on"))),
        _e("communication_status", ("planned", "Prévue", "Planned", ("prevu", "a venir", "draft")),
           ("sent", "Diffusée", "Sent", ("envoye", "diffuse", "published", "done")),
           ("cancelled", "Annulée", "Cancelled", ("annule", "canceled"))),
        _e("risk_category", ("ai_ethics", "Éthique de l'IA", "AI ethics", ("ethique", "ethics", "bias", "biais")),
           ("cybersecurity", "Cybersécurité", "Cybersecurity", ("cyber", "security", "securite")),
           ("privacy_gdpr", "Données personnelles (RGPD)", "Privacy (GDPR)", ("rgpd", "gdpr", "privacy",
                                                                               "vie privee")),
           ("ai_act", "AI Act", "AI Act", ("reglement ia", "ai act", "eu ai act")),
           ("operational", "Opérationnel", "Operational", ("operationnel", "ops", "operations")),
           ("legal", "Juridique", "Legal", ("juridique", "contractual", "contractuel")),
           ("reputational", "Réputation", "Reputational", ("reputation", "image", "brand")),
           ("vendor", "Fournisseur", "Vendor", ("fournisseur", "supplier", "third party", "tiers")),
           ("other", "Autre", "Other", ("autre", "misc"))),
        _e("treatment", ("mitigate", "Réduire", "Mitigate", ("reduire", "attenuer", "reduce", "mitigation")),
           ("accept", "Accepter", "Accept", ("accepter", "tolerate", "retain")),
           ("avoid", "Éviter", "Avoid", ("eviter", "terminate", "supprimer")),
           ("transfer", "Transférer", "Transfer", ("transferer", "share", "insure", "assurer"))),
        _e("risk_status", ("open", "Ouvert", "Open", ("ouvert", "identified", "identifie", "new")),
           ("in_treatment", "En traitement", "In treatment", ("en traitement", "in progress", "en cours")),
           ("closed", "Clos", "Closed", ("clos", "ferme", "resolved", "done"))),
        _e("risk_level", ("low", "Faible", "Low", ("faible", "bas", "1", "l")),
           ("medium", "Moyen", "Medium", ("moyen", "modere", "moderate", "2", "m")),
           ("high", "Élevé", "High", ("eleve", "haut", "fort", "3", "h")),
           ("critical", "Critique", "Critical", ("critique", "tres eleve", "very high", "4", "c"))),
        _e("framework", ("ai_act", "AI Act", "AI Act", ("reglement ia", "eu ai act", "aia")),
           ("gdpr", "RGPD", "GDPR", ("rgpd", "gdpr")),
           ("iso42001", "ISO/IEC 42001", "ISO/IEC 42001", ("iso 42001", "iso42001", "42001")),
           ("nist_ai_rmf", "NIST AI RMF", "NIST AI RMF", ("nist", "ai rmf", "nist ai rmf")),
           # Sector rules the checklist generator adds (reference/sector_rules.yaml).
           ("dora", "DORA", "DORA", ("dora", "2022/2554", "resilience operationnelle")),
           ("nis2", "NIS2", "NIS2", ("nis2", "nis 2", "2022/2555")),
           ("mdr", "Dispositifs médicaux (RDM)", "Medical devices (MDR)",
            ("mdr", "rdm", "dispositifs medicaux", "medical devices", "2017/745")),
           ("machinery", "Règlement Machines", "Machinery Regulation",
            ("machines", "machinery", "2023/1230"))),
        _e("compliance_status", ("not_started", "Non démarré", "Not started", ("a faire", "todo", "non conforme")),
           ("in_progress", "En cours", "In progress", ("en cours", "partial", "partiel")),
           ("compliant", "Conforme", "Compliant", ("conforme", "ok", "done", "met")),
           ("not_applicable", "Non applicable", "Not applicable", ("na", "n/a", "non applicable"))),
        _e("action_status", ("open", "Ouverte", "Open", ("ouvert", "a faire", "todo", "new")),
           ("in_progress", "En cours", "In progress", ("en cours", "ongoing", "wip")),
           ("done", "Terminée", "Done", ("termine", "fait", "completed", "closed")),
           ("cancelled", "Annulée", "Cancelled", ("annule", "canceled"))),
        _e("decision_status", ("proposed", "À décider", "To decide", ("a decider", "proposed", "pending")),
           ("taken", "Décidée", "Decided", ("decide", "approved", "valide", "taken")),
           ("rejected", "Rejetée", "Rejected", ("rejete", "refuse", "declined")),
           ("deferred", "Reportée", "Deferred", ("reporte", "postponed"))),
        _e("severity", ("low", "Faible", "Low", ("faible", "mineur", "minor")),
           ("medium", "Moyenne", "Medium", ("moyen", "modere", "moderate")),
           ("high", "Élevée", "High", ("eleve", "majeur", "major")),
           ("critical", "Critique", "Critical", ("critique", "bloquant", "blocking"))),
        _e("priority", ("high", "Haute", "High", ("haute", "elevee", "p1", "1")),
           ("medium", "Moyenne", "Medium", ("moyenne", "p2", "2")),
           ("low", "Basse", "Low", ("basse", "faible", "p3", "3"))),
        _e("deliverable_kind", ("diagnosis", "Rapport de diagnostic", "Diagnosis report", ("diagnostic",)),
           ("roadmap", "Stratégie et feuille de route", "Strategy & roadmap", ("feuille de route", "strategy")),
           ("risks", "Registre des risques et conformité", "Risk & compliance register", ("risques",)),
           ("steering", "Rapport de comité de pilotage", "Steering committee report", ("copil", "comite")),
           ("handover", "Dossier de transmission", "Handover pack", ("passation", "transmission")),
           ("workbook", "Classeur Excel", "Excel workbook", ("excel", "xlsx")),
           ("other", "Autre", "Other", ("autre",))),
    )
}


def enumeration(key: str) -> Enumeration:
    """The enumeration named `key` (KeyError names it when unknown)."""
    return ENUMERATIONS[key]
