"""Fixed texts of the deliverables in French and English, and dates and numbers in each language's format.

Labels of fields and enumeration values come from the module registry; this dictionary holds only what
the deliverables themselves write (section titles, captions, sentences).
"""

from __future__ import annotations

import datetime as dt

LANGS = ("fr", "en")

_TEXTS: dict[str, tuple[str, str]] = {
    # cover, header, footer
    "confidential": ("Confidentiel — diffusion restreinte au comité de direction de {client}",
                     "Confidential — restricted to the executive committee of {client}"),
    "confidential_short": ("Confidentiel", "Confidential"),
    "client": ("Client", "Client"),
    "kicker": ("Pilotage de l'intelligence artificielle · {month}", "Artificial intelligence leadership · {month}"),
    "engagement": ("Mission", "Engagement"),
    "engagement_value": ("Pilotage de l'intelligence artificielle — {start} au {end}",
                         "Artificial intelligence leadership — {start} to {end}"),
    "consultant": ("Consultant", "Consultant"),
    "prepared_by": ("Préparé par", "Prepared by"),
    "date": ("Date", "Date"),
    "version": ("Version", "Version"),
    "page_x_of_y": ("page {x} / {y}", "page {x} / {y}"),
    "contents": ("Sommaire", "Contents"),
    "empty": ("Aucun élément à ce jour.", "Nothing recorded yet."),
    "as_of": ("Situation au {date}", "Status as of {date}"),
    "none_given": ("non renseigné", "not given"),
    "unassigned": ("Non attribué", "Unassigned"),
    # diagnosis
    "executive_summary": ("Synthèse", "Executive summary"),
    "method": ("Démarche", "Method"),
    "method_text": (
        "Le diagnostic s'appuie sur {interviews} entretiens, l'inventaire de {systems} systèmes d'IA et "
        "l'évaluation de la maturité sur {dimensions} dimensions regroupées en {pillars} piliers, "
        "chacune notée de 1 (initial) à 5 (optimisé), niveau actuel et niveau cible.",
        "The diagnosis draws on {interviews} interviews, an inventory of {systems} AI systems and a "
        "maturity assessment over {dimensions} dimensions in {pillars} pillars, each rated from 1 "
        "(initial) to 5 (optimised), current and target level."),
    "summary_maturity": ("Maturité moyenne : {current} sur 5, cible {target}.",
                         "Average maturity: {current} out of 5, target {target}."),
    "summary_gap": ("Écarts les plus importants : {dims}.", "Largest gaps: {dims}."),
    "summary_systems": ("{count} systèmes d'IA inventoriés, dont {high} à haut risque au sens de l'AI Act "
                        "et {shadow} non déclarés (IA fantôme).",
                        "{count} AI systems inventoried, {high} of them high-risk under the AI Act and "
                        "{shadow} undeclared (shadow AI)."),
    "summary_findings": ("{count} constats, dont {major} de gravité élevée ou critique.",
                         "{count} findings, {major} of them of high or critical severity."),
    "maturity": ("Maturité IA", "AI maturity"),
    "major_findings": ("Constats majeurs", "Major findings"),
    "level": ("Niveau", "Level"),
    "meaning": ("Signification", "What it means"),
    "rec_intro": ("Les {count} écarts les plus importants entre maturité actuelle et cible, du plus grand au plus "
                  "petit, avec ce que décrit le modèle de maturité à chaque palier.",
                  "The {count} largest gaps between current and target maturity, largest first, with what the "
                  "maturity model describes at each step."),
    "rec_today": ("Aujourd'hui — niveau {n} ({name}) : {text}", "Today — level {n} ({name}): {text}"),
    "rec_next": ("Prochain palier — niveau {n} ({name}) : {text}", "Next step — level {n} ({name}): {text}"),
    "rec_target": ("Cible — niveau {n} ({name}) : {text}", "Target — level {n} ({name}): {text}"),
    "maturity_radar": ("Maturité actuelle et cible par dimension", "Current and target maturity by dimension"),
    "maturity_by_pillar": ("Maturité par pilier", "Maturity by pillar"),
    "findings_by_pillar": ("Constats par pilier", "Findings by pillar"),
    "gaps": ("Écarts entre maturité actuelle et cible", "Gaps between current and target maturity"),
    "pillar": ("Pilier", "Pillar"),
    "dimension": ("Dimension", "Dimension"),
    "current": ("Actuel", "Current"),
    "target": ("Cible", "Target"),
    "gap": ("Écart", "Gap"),
    "ai_inventory": ("Inventaire des systèmes d'IA", "AI systems inventory"),
    "interview_synthesis": ("Synthèse des entretiens", "Interview synthesis"),
    "recommendations": ("Recommandations clés", "Key recommendations"),
    "no_assessment": ("Aucune évaluation de maturité n'a encore été saisie.",
                      "No maturity assessment has been recorded yet."),
    "legend_current": ("Niveau actuel", "Current level"),
    "legend_target": ("Niveau cible", "Target level"),
    # roadmap
    "vision": ("Vision et objectifs IA", "AI vision and objectives"),
    "charter": ("Charte IA", "AI charter"),
    "portfolio": ("Portefeuille de cas d'usage", "Use-case portfolio"),
    "value_feasibility": ("Valeur × faisabilité", "Value × feasibility"),
    "value": ("Valeur", "Value"),
    "feasibility": ("Faisabilité", "Feasibility"),
    "prioritised_list": ("Liste priorisée", "Prioritised list"),
    "vendor_selection": ("Sélection des solutions", "Vendor selection"),
    "roadmap_gantt": ("Feuille de route", "Roadmap"),
    "initiatives": ("Initiatives", "Initiatives"),
    "kpis": ("Indicateurs et cibles", "KPIs and targets"),
    "today": ("Aujourd'hui", "Today"),
    "latest": ("Dernière mesure", "Latest"),
    "rank": ("Rang", "Rank"),
    "score": ("Score", "Score"),
    # risks
    "risk_heatmaps": ("Cartographie des risques", "Risk heat maps"),
    "heatmap_current": ("Risque brut", "Current risk"),
    "heatmap_residual": ("Risque résiduel", "Residual risk"),
    "likelihood": ("Probabilité", "Likelihood"),
    "impact": ("Impact", "Impact"),
    "likelihood_short": ("Prob.", "Lik."),
    "impact_short": ("Imp.", "Imp."),
    "risk_register": ("Registre des risques", "Risk register"),
    "systems_links": ("Systèmes d'IA : cas d'usage et risques liés", "AI systems: linked use cases and risks"),
    "linked_use_cases": ("Cas d'usage liés", "Linked use cases"),
    "linked_risks": ("Risques liés", "Linked risks"),
    "linked_risks_line": ("Risques : {codes}", "Risks: {codes}"),
    "treatment_plan": ("Plan de traitement", "Treatment plan"),
    "compliance_status": ("Conformité par référentiel", "Compliance status by framework"),
    "compliance_summary": ("Synthèse de conformité", "Compliance summary"),
    "unverified_citations": ("Référence à confirmer au Journal officiel de l'Union européenne : établie à partir de "
                             "sources secondaires, elle n'a pas encore été vérifiée sur le texte officiel.",
                             "To be confirmed against the Official Journal: this reference rests on secondary "
                             "sources and has not yet been checked against the official text."),
    "total": ("Total", "Total"),
    "risk_summary": ("{count} risques, dont {critical} critiques et {high} élevés ; {treated} en traitement.",
                     "{count} risks, {critical} critical and {high} high; {treated} in treatment."),
    # steering
    "overall_progress": ("Avancement global", "Overall progress"),
    "progress_by_phase": ("Avancement par phase", "Progress by phase"),
    "milestones": ("Jalons", "Milestones"),
    "milestones_done": ("Jalons atteints depuis le dernier comité", "Milestones reached since the last committee"),
    "milestones_next": ("Prochains jalons", "Next milestones"),
    "kpi_trends": ("Tendances des indicateurs", "KPI trends"),
    "top_risks": ("Principaux risques", "Top risks"),
    "change": ("Évolution", "Change"),
    "change_new": ("nouveau", "new"),
    "change_up": ("en hausse", "up"),
    "change_down": ("en baisse", "down"),
    "change_same": ("stable", "unchanged"),
    "since_committee": ("Dernier comité de pilotage : {date}.", "Last steering committee: {date}."),
    "no_committee": ("Aucun comité de pilotage antérieur enregistré ; évolutions depuis le {date}.",
                     "No earlier steering committee recorded; changes since {date}."),
    "decisions_to_take": ("Décisions à prendre", "Decisions to take"),
    "actions_overdue": ("Actions en retard", "Overdue actions"),
    "days_late": ("Retard (j)", "Days late"),
    "headline": ("Points clés", "Headlines"),
    "headline_phase": ("Phase en cours : {phase} ({progress}).", "Current phase: {phase} ({progress})."),
    "headline_counts": ("{decisions} décisions à prendre, {overdue} actions en retard, {critical} risques "
                        "critiques ou élevés.",
                        "{decisions} decisions to take, {overdue} overdue actions, {critical} critical or "
                        "high risks."),
    # handover
    "what_remains_open": ("Ce qui reste ouvert", "What remains open"),
    "open_items_by_owner": ("Points ouverts par responsable", "Open items by owner"),
    "governance": ("Gouvernance mise en place", "Governance left in place"),
    "decisions_taken": ("Décisions prises", "Decisions taken"),
    "team": ("Équipe client", "Client team"),
    "stakeholder_map": ("Cartographie des parties prenantes", "Stakeholder map"),
    "influence": ("Influence", "Influence"),
    "interest": ("Intérêt", "Interest"),
    "change_management": ("Conduite du changement", "Change management"),
    "open_count": ("Points ouverts", "Open items"),
    "item": ("Élément", "Item"),
    "kind": ("Nature", "Kind"),
    "part": ("Partie", "Part"),
    # what a renderer writes itself (Word captions and contents, deck furniture)
    "figure": ("Figure", "Figure"),
    "table": ("Tableau", "Table"),
    "toc_placeholder": ("Le sommaire se met à jour à l'ouverture dans Word. Sinon : clic droit ici, puis "
                        "« Mettre à jour les champs » (F9).",
                        "Word updates the table of contents when the file opens. Otherwise right-click here "
                        "and choose “Update Field” (F9)."),
    "bullet": ("•", "•"),
    "agenda": ("Ordre du jour", "Agenda"),
    "continued": ("{title} ({n}/{total})", "{title} ({n}/{total})"),
    "done": ("Réalisé", "Done"),
    "remaining": ("Reste à faire", "Remaining"),
    "start": ("Début", "Start"),
    "baseline": ("Référence", "Baseline"),
    "no_measurement": ("Aucune mesure à ce jour", "No measurement yet"),
    "more_rows": ("… et {n} lignes de plus dans le rapport.", "… and {n} more rows in the report."),
    "series": ("Séries :", "Series:"),
    "done_short": ("atteint", "done"),
    "due_short": ("prévu", "due"),
    # since the last committee, next steps
    "since_last_committee": ("Depuis le dernier comité", "Since the last committee"),
    "since_baseline": ("Évolutions depuis « {name} » du {date}.", "Changes since “{name}” of {date}."),
    "risks_new": ("Nouveaux risques", "New risks"),
    "risks_closed": ("Risques clos", "Closed risks"),
    "risks_rerated": ("Risques réévalués", "Re-rated risks"),
    "kpi_deltas": ("Évolution des indicateurs", "KPI changes"),
    "actions_completed": ("Actions terminées", "Actions completed"),
    "actions_newly_overdue": ("Actions passées en retard", "Actions newly overdue"),
    "milestones_slipped": ("Jalons décalés", "Milestones slipped"),
    "systems_found": ("Systèmes d'IA nouvellement recensés", "AI systems newly found"),
    "was": ("Avant", "Before"),
    "now": ("Maintenant", "Now"),
    "baseline_unreadable": ("La comparaison avec la dernière référence a échoué ({reason}) : les évolutions "
                            "sont lues dans l'historique des modifications.",
                            "The comparison with the latest baseline failed ({reason}): changes are read from "
                            "the history of edits."),
    "no_change": ("Aucune évolution depuis le dernier comité.", "No change since the last committee."),
    "next_steps": ("Prochaines étapes", "Next steps"),
    "next_milestone_step": ("{title} — échéance le {date}", "{title} — due {date}"),
    "decide_step": ("Décider : {text}", "Decide: {text}"),
    # staff surveys (diagnosis, survey_section.py)
    "survey_results": ("Enquêtes auprès des équipes", "Staff surveys"),
    "survey_none": ("Aucune enquête auprès des équipes à ce jour.", "No staff survey yet."),
    "survey_too_few": ("{n} réponse(s) à ce jour : les résultats ne sont présentés qu'à partir de {min} répondants, "
                       "pour qu'aucune réponse individuelle ne puisse être reconnue.",
                       "{n} response(s) so far: results are only shown from {min} respondents, so that no one's "
                       "answers can be recognised."),
    "survey_kind_maturity": ("Questionnaire de maturité", "Maturity questionnaire"),
    "survey_kind_usage": ("Questionnaire sur l'usage des outils d'IA", "AI-usage questionnaire"),
    "survey_participation": ("{kind} : {n} répondants.", "{kind}: {n} respondents."),
    "survey_participation_rate": ("{kind} : {n} répondants sur {invited} personnes sollicitées, soit un taux de "
                                  "réponse de {rate}.",
                                  "{kind}: {n} respondents out of {invited} people invited, a response rate of "
                                  "{rate}."),
    "survey_respondents": ("Répondants (moyenne)", "Respondents (mean)"),
    "survey_consultant": ("Consultant", "Consultant"),
    "survey_radar": ("Maturité perçue par les équipes et évaluée par le consultant",
                     "Maturity as staff see it and as the consultant rated it"),
    "survey_mean": ("Moy.", "Mean"),
    "survey_median": ("Méd.", "Median"),
    "survey_range": ("Min–max", "Min–max"),
    "survey_sd": ("Écart t.", "SD"),
    "survey_pillar_total": ("Ensemble — {pillar}", "Overall — {pillar}"),
    "survey_distribution": ("Répartition des réponses — {pillar}", "Distribution of answers — {pillar}"),
    "survey_dispersion": ("Les avis divergent le plus sur : {dims} (écart type sur une échelle de 1 à 5).",
                          "Views diverge most on: {dims} (standard deviation on a 1–5 scale)."),
    "survey_consensus": ("Les réponses sont homogènes : aucun écart type n'atteint 1 point.",
                         "Answers are consistent: no standard deviation reaches 1 point."),
    "survey_gap_consultant": ("Les équipes et le consultant s'écartent d'au moins un niveau sur : {dims} "
                              "(équipes / consultant).",
                              "Staff and consultant differ by a level or more on: {dims} (staff / consultant)."),
    "survey_by_department": ("Par direction", "By department"),
    "survey_by_role": ("Par fonction", "By role"),
    "survey_group": ("Groupe", "Group"),
    "survey_other_groups": ("Autres groupes (moins de {min} chacun)", "Other groups (fewer than {min} each)"),
    "survey_not_given": ("Non précisé", "Not given"),
    "survey_hidden": ("{n} répondant(s) de groupes de moins de {min} personnes ne sont pas détaillés.",
                      "{n} respondent(s) in groups of fewer than {min} are not broken down."),
    "survey_tools_summary": ("{tools} outils d'IA cités par les équipes, dont {shadow} utilisés sans autorisation "
                             "de l'entreprise (IA fantôme) : à confirmer dans l'inventaire.",
                             "Staff named {tools} AI tools, {shadow} of them used without the company's approval "
                             "(shadow AI): to be confirmed in the inventory."),
    "survey_tool": ("Outil", "Tool"),
    "survey_users": ("Utilisateurs", "Users"),
    "survey_without_approval": ("Sans autorisation", "Without approval"),
    "survey_personal_data": ("Données perso.", "Personal data"),
    "survey_client_data": ("Données clients", "Client data"),
    "survey_confidential_data": ("Confidentiel", "Confidential"),
    "survey_other_tools": ("{count} autre(s) outil(s), cité(s) par moins de {min} personnes",
                           "{count} other tool(s), each named by fewer than {min} people"),
    "survey_shadow_findings": ("Outils d'IA utilisés (IA fantôme)", "AI tools in use (shadow AI)"),
    "survey_training": ("{training} répondants sur {n} souhaitent une formation à l'usage de l'IA (AI Act, art. 4).",
                        "{training} of {n} respondents want training in the use of AI (AI Act Art. 4)."),
    "survey_literacy": ("Maîtrise de l'IA déclarée : {mean} sur 5 en moyenne ; {training} répondants sur {n} "
                        "souhaitent une formation (AI Act, art. 4).",
                        "Self-rated AI literacy: {mean} out of 5 on average; {training} of {n} respondents want "
                        "training (AI Act Art. 4)."),
}


def text(key: str, lang: str, **values: object) -> str:
    """The fixed text `key` in `lang`, with `{placeholders}` filled."""
    fr, en = _TEXTS[key]
    template = fr if lang == "fr" else en
    return template.format(**values) if values else template


def has_text(key: str) -> bool:
    return key in _TEXTS


_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_SHORT_FR = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")
_SHORT_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(value: dt.date | None, lang: str) -> str:
    """25 novembre 2026 / 25 November 2026 (1er for the first day in French)."""
    if value is None:
        return ""
    if lang == "fr":
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {_MONTHS_FR[value.month - 1]} {value.year}"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def format_short_date(value: dt.date | None, lang: str) -> str:
    """A table cell's date: 25/11/2026 in French, 25 Nov 2026 in English."""
    if value is None:
        return ""
    if lang == "fr":
        return value.strftime("%d/%m/%Y")
    return f"{value.day} {_SHORT_EN[value.month - 1]} {value.year}"


def month_label(value: dt.date, lang: str) -> str:
    """A Gantt axis label: 'mars 26' / 'Mar 26'."""
    names = _SHORT_FR if lang == "fr" else _SHORT_EN
    return f"{names[value.month - 1]} {value.year % 100:02d}"


def format_number(value: float | int | None, lang: str, *, decimals: int | None = None) -> str:
    """1 234,5 in French (narrow no-break space between thousands), 1,234.5 in English.

    Without `decimals`, integers print without a decimal part and other numbers with up to two.
    """
    if value is None:
        return ""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    raw = f"{value:,.{decimals}f}"
    if decimals and "." in raw:
        raw = raw.rstrip("0").rstrip(".") if decimals > 1 else raw
    if lang == "fr":
        return raw.replace(",", "\u202f").replace(".", ",")
    return raw


def format_percent(value: float | int | None, lang: str) -> str:
    """42 % in French, 42% in English (value already in percent)."""
    if value is None:
        return ""
    number = format_number(round(float(value)), lang)
    return f"{number}\u00a0%" if lang == "fr" else f"{number}%"


def format_kpi_value(value: float, unit: str, lang: str) -> str:
    """A KPI figure: whole numbers without decimals, others with one; short units (%, €, h) attached."""
    text = format_number(value, lang) if float(value).is_integer() else format_number(value, lang, decimals=1)
    return f"{text}\u00a0{unit}" if unit and len(unit) <= 3 else text
