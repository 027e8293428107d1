"""Every module (register) of an engagement, with its fields: the single description of the domain.

Module keys are also the names the CLI uses (`caio info`, `caio import --into`), the table names in the
workspace file and the sheet keys of the Excel export.
"""

from __future__ import annotations

from caio_desktop.domain.fields import Field, FieldKind, Module

K = FieldKind


def f(key: str, kind: FieldKind, fr: str, en: str, *synonyms: str, **options) -> Field:
    return Field(key, kind, fr, en, synonyms=tuple(synonyms), **options)


# Fields many modules share, spelled once so that labels and synonyms stay consistent.
def owner(fr: str = "Responsable", en: str = "Owner") -> Field:
    return f("owner", K.TEXT, fr, en, "propriétaire", "porteur", "pilote", "responsable", "accountable",
             "lead", "owner", "in charge")


def department() -> Field:
    return f("department", K.TEXT, "Direction", "Department", "département", "service", "direction métier",
             "business unit", "bu", "entité", "agency", "agency name", "bureau", "division", "team", "équipe")


def description() -> Field:
    return f("description", K.LONG_TEXT, "Description", "Description", "détail", "details", "summary",
             "résumé", "commentaire", width=40)


def notes() -> Field:
    return f("notes", K.LONG_TEXT, "Notes", "Notes", "commentaires", "comments", "remarques", width=40)


MODULE_LIST: tuple[Module, ...] = (
    Module(
        "engagement", "Mission", "Engagement", "mission", "engagement",
        (
            f("client_name", K.TEXT, "Client", "Client", "entreprise", "company", "organisation",
              required=True, width=28),
            f("sector", K.TEXT, "Secteur", "Sector", "industrie", "industry"),
            f("country", K.TEXT, "Pays", "Country"),
            f("language", K.CHOICE, "Langue", "Language", choices="language", required=True),
            f("start_date", K.DATE, "Début", "Start", "date de début", "start date", required=True),
            f("end_date", K.DATE, "Fin", "End", "date de fin", "end date", required=True),
            f("sponsor", K.TEXT, "Sponsor", "Sponsor", "commanditaire"),
            f("objectives", K.LONG_TEXT, "Objectifs de la mission", "Mission objectives", width=50),
            f("consultant_name", K.TEXT, "Consultant", "Consultant", "caio", "manager de transition"),
            f("primary_color", K.COLOR, "Couleur principale", "Primary colour", width=10),
        ),
        title_field="client_name", singleton=True,
    ),
    Module(
        "phases", "Phases", "Phases", "phase", "phase",
        (
            f("phase", K.CHOICE, "Phase", "Phase", choices="phase", required=True),
            f("title", K.TEXT, "Intitulé", "Title", "nom", "name", required=True),
            f("start_date", K.DATE, "Début", "Start", "start date"),
            f("end_date", K.DATE, "Fin", "End", "end date"),
            f("status", K.CHOICE, "Statut", "Status", "état", "state", choices="progress"),
            f("progress", K.PERCENT, "Avancement", "Progress", "%", "avancement %"),
        ),
        title_field="title",
    ),
    Module(
        "team", "Équipe client", "Client team", "contact", "contact",
        (
            f("name", K.TEXT, "Nom", "Name", "nom complet", "full name", required=True),
            f("role", K.TEXT, "Rôle", "Role", "fonction", "poste", "title", "job title"),
            department(),
            f("email", K.TEXT, "Courriel", "E-mail", "mail", "adresse mail", width=26),
            f("phone", K.TEXT, "Téléphone", "Phone", "tel", "mobile"),
        ),
        title_field="name",
    ),
    Module(
        "maturity", "Évaluations de maturité", "Maturity assessments", "évaluation", "assessment",
        (
            f("title", K.TEXT, "Libellé", "Label", "nom", "name", required=True, width=28),
            f("assessed_on", K.DATE, "Date", "Date", "date d'évaluation", required=True),
            notes(),
        ),
        title_field="title", area="diagnosis",
    ),
    Module(
        "maturity_ratings", "Notes de maturité", "Maturity ratings", "note", "rating",
        (
            f("assessment_id", K.REF, "Évaluation", "Assessment", ref="maturity", required=True),
            f("dimension", K.TEXT, "Dimension", "Dimension", "axe", "critère", required=True, width=28),
            f("current_level", K.SCORE, "Niveau actuel", "Current level", "actuel", "as is", "current",
              required=True),
            f("target_level", K.SCORE, "Niveau cible", "Target level", "cible", "to be", "target"),
            f("evidence", K.LONG_TEXT, "Éléments de preuve", "Evidence", "preuves", "sources", width=36),
            f("comment", K.LONG_TEXT, "Commentaire", "Comment", "remarque", width=36),
        ),
        title_field="dimension", parent="maturity", area="diagnosis",
    ),
    Module(
        "interviews", "Entretiens", "Interviews", "entretien", "interview",
        (
            f("interviewed_on", K.DATE, "Date", "Date", "date de l'entretien", required=True),
            f("person", K.TEXT, "Personne", "Person", "interviewé", "interviewee", "nom", "name",
              required=True),
            f("role", K.TEXT, "Fonction", "Role", "poste", "title"),
            department(),
            f("notes", K.LONG_TEXT, "Notes", "Notes", "compte rendu", "minutes", "synthèse", width=50),
        ),
        title_field="person", area="diagnosis",
    ),
    Module(
        "findings", "Constats", "Findings", "constat", "finding",
        (
            f("theme", K.TEXT, "Thème", "Theme", "sujet", "topic", "pilier", "pillar", required=True),
            f("text", K.LONG_TEXT, "Constat", "Finding", "observation", "description", required=True,
              width=50),
            f("severity", K.CHOICE, "Gravité", "Severity", "criticité", "importance", choices="severity"),
            f("interview_id", K.REF, "Entretien source", "Source interview", ref="interviews"),
        ),
        title_field="theme", area="diagnosis",
    ),
    Module(
        "ai_systems", "Systèmes d'IA", "AI systems", "système d'IA", "AI system",
        (
            f("name", K.TEXT, "Nom", "Name", "système", "system", "outil", "tool", "application",
              "use case name", "ai system", "ai use case", "use case", required=True, width=28),
            f("vendor", K.TEXT, "Éditeur", "Vendor", "fournisseur", "editeur", "supplier", "provider",
              "vendor name"),
            f("purpose", K.LONG_TEXT, "Finalité", "Purpose", "objectif", "usage", "description",
              "intended purpose", "what it does", width=40),
            department(),
            f("business_owner", K.TEXT, "Responsable métier", "Business owner", "owner", "propriétaire",
              "responsable"),
            f("status", K.CHOICE, "Statut", "Status", "état", "stage", "development stage", "lifecycle",
              choices="system_status"),
            f("shadow_ai", K.BOOL, "IA fantôme", "Shadow AI", "non déclaré", "unsanctioned"),
            f("personal_data", K.BOOL, "Données personnelles", "Personal data", "pii", "données perso",
              "dcp"),
            f("ai_act_role", K.CHOICE, "Rôle (AI Act)", "Role (AI Act)", "rôle", "role",
              choices="ai_act_role"),
            f("ai_act_tier", K.CHOICE, "Niveau de risque AI Act", "AI Act tier", "classification",
              "risk tier", "niveau de risque", "tier", choices="ai_act_tier"),
            f("annex_iii_area", K.INTEGER, "Domaine annexe III", "Annex III area", "annexe iii"),
            f("classification_rationale", K.LONG_TEXT, "Justification de la classification",
              "Classification rationale", "justification", "rationale", width=40),
            f("dpia_required", K.BOOL, "AIPD requise", "DPIA required", "aipd", "dpia", "pia"),
        ),
        title_field="name", area="systems",
    ),
    Module(
        "objectives", "Objectifs", "Objectives", "objectif", "objective",
        (
            f("title", K.TEXT, "Objectif", "Objective", "intitulé", "title", required=True, width=30),
            description(),
            f("priority", K.CHOICE, "Priorité", "Priority", choices="priority"),
            owner(),
        ),
        title_field="title", area="strategy",
    ),
    Module(
        "principles", "Charte IA", "AI charter", "principe", "principle",
        (
            f("principle", K.TEXT, "Principe", "Principle", "titre", "title", required=True, width=28),
            f("commitment", K.LONG_TEXT, "Engagement", "Commitment", "description", width=40),
            owner(),
            f("status", K.CHOICE, "Statut", "Status", choices="principle_status"),
            f("adopted_on", K.DATE, "Date d'adoption", "Adoption date", "adopté le"),
        ),
        title_field="principle", area="strategy",
    ),
    Module(
        "use_cases", "Cas d'usage", "Use cases", "cas d'usage", "use case",
        (
            f("title", K.TEXT, "Titre", "Title", "cas d'usage", "use case", "nom", "name",
              "use case name", "intitulé", required=True, width=30),
            description(),
            department(),
            owner(),
            f("status", K.CHOICE, "Statut", "Status", "état", "stage", choices="use_case_status"),
            f("business_value", K.SCORE, "Valeur métier", "Business value", "valeur", "value", "gain"),
            f("strategic_alignment", K.SCORE, "Alignement stratégique", "Strategic alignment",
              "alignement", "alignment"),
            f("data_readiness", K.SCORE, "Disponibilité des données", "Data readiness", "données",
              "data", "data availability"),
            f("technical_complexity", K.SCORE, "Complexité technique", "Technical complexity",
              "complexité", "complexity"),
            f("cost", K.SCORE, "Coût", "Cost", "budget", "effort"),
            f("risk", K.SCORE, "Risque", "Risk", "risque"),
            f("value_score", K.NUMBER, "Score de valeur", "Value score", computed=True, width=10),
            f("feasibility_score", K.NUMBER, "Score de faisabilité", "Feasibility score", computed=True,
              width=10),
            f("quadrant", K.CHOICE, "Quadrant", "Quadrant", choices="quadrant", computed=True),
            f("objective_ids", K.REFS, "Objectifs liés", "Linked objectives", ref="objectives"),
            f("ai_system_id", K.REF, "Système d'IA", "AI system", ref="ai_systems"),
        ),
        title_field="title", area="strategy",
    ),
    Module(
        "vendor_criteria", "Critères de sélection", "Selection criteria", "critère", "criterion",
        (
            f("name", K.TEXT, "Critère", "Criterion", "nom", "name", required=True, width=26),
            f("weight", K.NUMBER, "Pondération", "Weight", "poids", "coefficient", required=True, width=10),
            description(),
        ),
        title_field="name", area="strategy",
    ),
    Module(
        "vendor_options", "Options outils et fournisseurs", "Vendor and tool options", "option", "option",
        (
            f("name", K.TEXT, "Solution", "Solution", "outil", "tool", "modèle", "model", "nom", "name",
              required=True, width=26),
            f("vendor", K.TEXT, "Fournisseur", "Vendor", "éditeur", "supplier"),
            f("category", K.TEXT, "Catégorie", "Category", "type"),
            description(),
            f("weighted_score", K.NUMBER, "Score pondéré", "Weighted score", computed=True, width=10),
            f("selected", K.BOOL, "Retenue", "Selected", "choisi", "chosen"),
        ),
        title_field="name", area="strategy",
    ),
    Module(
        "vendor_scores", "Notes des options", "Option scores", "note", "score",
        (
            f("option_id", K.REF, "Option", "Option", ref="vendor_options", required=True),
            f("criterion_id", K.REF, "Critère", "Criterion", ref="vendor_criteria", required=True),
            f("score", K.SCORE, "Note", "Score", required=True),
            f("comment", K.LONG_TEXT, "Commentaire", "Comment", width=30),
        ),
        title_field="score", parent="vendor_options", area="strategy",
    ),
    Module(
        "initiatives", "Initiatives", "Initiatives", "initiative", "initiative",
        (
            f("title", K.TEXT, "Initiative", "Initiative", "titre", "title", "projet", "project",
              required=True, width=30),
            f("phase", K.CHOICE, "Phase", "Phase", choices="phase"),
            f("start_date", K.DATE, "Début", "Start", "start date", "date de début"),
            f("end_date", K.DATE, "Fin", "End", "end date", "date de fin", "échéance"),
            owner(),
            f("status", K.CHOICE, "Statut", "Status", choices="initiative_status"),
            f("progress", K.PERCENT, "Avancement", "Progress", "%", "avancement %"),
            f("depends_on_ids", K.REFS, "Dépend de", "Depends on", ref="initiatives"),
            f("use_case_ids", K.REFS, "Cas d'usage liés", "Linked use cases", ref="use_cases"),
            description(),
        ),
        title_field="title", area="roadmap",
    ),
    Module(
        "milestones", "Jalons", "Milestones", "jalon", "milestone",
        (
            f("title", K.TEXT, "Jalon", "Milestone", "titre", "title", required=True, width=30),
            f("due_date", K.DATE, "Date prévue", "Due date", "date", "échéance", required=True),
            f("status", K.CHOICE, "Statut", "Status", choices="milestone_status"),
            f("done_on", K.DATE, "Atteint le", "Done on", "date réelle"),
            f("initiative_id", K.REF, "Initiative", "Initiative", ref="initiatives"),
        ),
        title_field="title", area="roadmap",
    ),
    Module(
        "kpis", "Indicateurs", "KPIs", "indicateur", "KPI",
        (
            f("name", K.TEXT, "Indicateur", "KPI", "nom", "name", "kpi", required=True, width=30),
            f("unit", K.TEXT, "Unité", "Unit", width=10),
            f("baseline", K.NUMBER, "Valeur initiale", "Baseline", "référence", "base", width=10),
            f("target", K.NUMBER, "Cible", "Target", "objectif", width=10),
            f("direction", K.CHOICE, "Sens", "Direction", choices="kpi_direction"),
            owner(),
        ),
        title_field="name", area="roadmap",
    ),
    Module(
        "kpi_measurements", "Mesures d'indicateurs", "KPI measurements", "mesure", "measurement",
        (
            f("kpi_id", K.REF, "Indicateur", "KPI", ref="kpis", required=True),
            f("measured_on", K.DATE, "Date", "Date", "date de mesure", required=True),
            f("value", K.NUMBER, "Valeur", "Value", "mesure", required=True, width=10),
            f("comment", K.LONG_TEXT, "Commentaire", "Comment", width=30),
        ),
        title_field="measured_on", parent="kpis", area="roadmap",
    ),
    Module(
        "stakeholders", "Parties prenantes", "Stakeholders", "partie prenante", "stakeholder",
        (
            f("name", K.TEXT, "Nom", "Name", "nom complet", "full name", "partie prenante", required=True,
              width=24),
            f("role", K.TEXT, "Fonction", "Role", "poste", "title", "job title"),
            department(),
            f("influence", K.SCORE, "Influence", "Influence", "pouvoir", "power"),
            f("interest", K.SCORE, "Intérêt", "Interest", "interet"),
            f("attitude", K.CHOICE, "Attitude", "Attitude", "posture", "position", choices="attitude"),
            f("engagement_plan", K.LONG_TEXT, "Plan d'engagement", "Engagement plan", "actions",
              width=36),
        ),
        title_field="name", area="change",
    ),
    Module(
        "trainings", "Formations", "Trainings", "formation", "training",
        (
            f("title", K.TEXT, "Formation", "Training", "titre", "title", "module", required=True, width=30),
            f("audience", K.TEXT, "Public", "Audience", "cible", "population"),
            f("held_on", K.DATE, "Date", "Date", "session"),
            f("duration_hours", K.NUMBER, "Durée (h)", "Duration (h)", "durée", "duration", "heures",
              "hours", width=10),
            f("format", K.CHOICE, "Format", "Format", "modalité", choices="training_format"),
            f("trainer", K.TEXT, "Formateur", "Trainer", "intervenant", "animateur"),
            f("planned_attendees", K.INTEGER, "Inscrits", "Planned attendees", "prévus", "planned",
              "inscrits", width=10),
            f("actual_attendees", K.INTEGER, "Présents", "Actual attendees", "participants", "attended",
              "présents", width=10),
        ),
        title_field="title", area="change",
    ),
    Module(
        "communications", "Communications", "Communications", "communication", "communication",
        (
            f("audience", K.TEXT, "Public", "Audience", "cible", required=True),
            f("channel", K.TEXT, "Canal", "Channel", "support", "medium"),
            f("message", K.LONG_TEXT, "Message", "Message", "contenu", "content", "sujet", required=True,
              width=40),
            f("planned_on", K.DATE, "Date", "Date", "date de diffusion"),
            owner(),
            f("status", K.CHOICE, "Statut", "Status", choices="communication_status"),
        ),
        title_field="message", area="change",
    ),
    Module(
        "risks", "Risques", "Risks", "risque", "risk",
        (
            f("code", K.TEXT, "Code", "Code", "id", "identifiant", "ref", "référence", "risk id", "n°", "no",
              "num", "numéro", "n° risque", "no risque", "numéro de risque", "réf. risque", "référence risque",
              "id risque", "risk no", "risk number", "risk ref", "#", width=9),
            f("title", K.TEXT, "Risque", "Risk", "titre", "title", "intitulé", "risk title", "nom",
              required=True, width=32),
            description(),
            f("category", K.CHOICE, "Catégorie", "Category", "type", "famille", choices="risk_category"),
            f("cause", K.LONG_TEXT, "Cause", "Cause", "causes", "origine", width=30),
            f("consequence", K.LONG_TEXT, "Conséquence", "Consequence", "conséquences", "impact description",
              "effet", width=30),
            owner(),
            f("ai_system_id", K.REF, "Système d'IA", "AI system", "système", "system", "outil ia",
              ref="ai_systems"),
            f("use_case_id", K.REF, "Cas d'usage", "Use case", ref="use_cases"),
            f("likelihood", K.SCORE, "Probabilité", "Likelihood", "probabilite", "vraisemblance",
              "probability", "occurrence", required=True),
            f("impact", K.SCORE, "Impact", "Impact", "gravité", "severity", "sévérité", required=True),
            f("level", K.CHOICE, "Niveau", "Level", "criticité", choices="risk_level", computed=True),
            f("residual_likelihood", K.SCORE, "Probabilité résiduelle", "Residual likelihood"),
            f("residual_impact", K.SCORE, "Impact résiduel", "Residual impact"),
            f("residual_level", K.CHOICE, "Niveau résiduel", "Residual level", choices="risk_level",
              computed=True),
            f("treatment", K.CHOICE, "Traitement", "Treatment", "stratégie", "response", "réponse",
              choices="treatment"),
            f("status", K.CHOICE, "Statut", "Status", "état", choices="risk_status"),
            f("review_date", K.DATE, "Date de revue", "Review date", "revue", "next review", "échéance"),
        ),
        title_field="title", code_field="code", area="risks",
    ),
    Module(
        "risk_actions", "Actions de traitement", "Risk actions", "action de traitement", "risk action",
        (
            f("risk_id", K.REF, "Risque", "Risk", ref="risks", required=True),
            f("title", K.TEXT, "Action", "Action", "titre", "title", required=True, width=32),
            owner(),
            f("due_date", K.DATE, "Échéance", "Due date", "date", "deadline"),
            f("status", K.CHOICE, "Statut", "Status", choices="action_status"),
        ),
        title_field="title", parent="risks", area="risks",
    ),
    Module(
        "compliance", "Conformité", "Compliance", "exigence", "compliance item",
        (
            f("framework", K.CHOICE, "Référentiel", "Framework", "cadre", "norme", "standard",
              choices="framework", required=True),
            f("reference", K.TEXT, "Référence", "Reference", "article", "clause", "contrôle", "control",
              required=True, width=14),
            f("requirement", K.LONG_TEXT, "Exigence", "Requirement", "description", "titre", "title",
              required=True, width=40),
            f("status", K.CHOICE, "Statut", "Status", choices="compliance_status"),
            f("evidence", K.LONG_TEXT, "Preuves", "Evidence", "justificatif", width=30),
            owner(),
            f("ai_system_id", K.REF, "Système d'IA", "AI system", ref="ai_systems"),
            f("due_date", K.DATE, "Échéance", "Due date", "date"),
        ),
        title_field="reference", area="risks",
    ),
    Module(
        "decisions", "Décisions", "Decisions", "décision", "decision",
        (
            f("decided_on", K.DATE, "Date", "Date", "date de décision", required=True),
            f("body", K.TEXT, "Instance", "Body", "comité", "committee", "instance de décision"),
            f("text", K.LONG_TEXT, "Décision", "Decision", "texte", "description", required=True, width=50),
            owner(),
            f("status", K.CHOICE, "Statut", "Status", choices="decision_status"),
        ),
        title_field="text", area="governance",
    ),
    Module(
        "actions", "Actions", "Actions", "action", "action",
        (
            f("title", K.TEXT, "Action", "Action", "titre", "title", "tâche", "task", required=True, width=34),
            owner(),
            f("due_date", K.DATE, "Échéance", "Due date", "date", "deadline", "date limite"),
            f("status", K.CHOICE, "Statut", "Status", choices="action_status"),
            f("source_module", K.TEXT, "Module source", "Source module", width=14),
            f("source_id", K.INTEGER, "Élément source", "Source item", width=10),
            notes(),
        ),
        title_field="title", area="governance",
    ),
    Module(
        "watch", "Veille", "Technology watch", "élément de veille", "watch item",
        (
            f("noted_on", K.DATE, "Date", "Date"),
            f("title", K.TEXT, "Titre", "Title", "sujet", required=True, width=32),
            f("source", K.TEXT, "Source", "Source", "lien", "url", width=26),
            f("relevance", K.SCORE, "Pertinence", "Relevance", "intérêt"),
            notes(),
        ),
        title_field="title", area="governance",
    ),
    Module(
        "deliverables", "Livrables", "Deliverables", "livrable", "deliverable",
        (
            f("kind", K.CHOICE, "Type", "Kind", "livrable", choices="deliverable_kind", required=True),
            f("version", K.TEXT, "Version", "Version", width=8),
            f("issued_on", K.DATE, "Date", "Date", "date de remise", required=True),
            f("recipient", K.TEXT, "Destinataire", "Recipient", "remis à"),
            f("file_name", K.TEXT, "Fichier", "File name", "fichier", width=30),
        ),
        title_field="file_name", area="governance",
    ),
)

MODULES: dict[str, Module] = {m.key: m for m in MODULE_LIST}


def module(key: str) -> Module:
    """The module named `key`, or a ValueError listing the known keys (a CLI user typed it)."""
    try:
        return MODULES[key]
    except KeyError:
        raise ValueError(f"unknown module {key!r}; known modules: {', '.join(MODULES)}") from None
