"""Fixed texts of the exported workbook and of import templates, in French and English.

Field, module and choice labels come from the registry; only what the workbook itself says is here.
"""

from __future__ import annotations

from caio_desktop.domain.fields import FieldKind

_TEXTS: dict[str, tuple[str, str]] = {
    # sheet names
    "cover": ("Couverture", "Cover"),
    "heat_map": ("Carte des risques", "Risk heat map"),
    "maturity_summary": ("Synthèse maturité", "Maturity summary"),
    "lists": ("Listes", "Lists"),
    "instructions": ("Instructions", "Instructions"),
    # cover
    "cover_title": ("Registre de la mission IA", "AI engagement register"),
    "client": ("Client", "Client"),
    "sector": ("Secteur", "Sector"),
    "consultant": ("Consultant", "Consultant"),
    "export_date": ("Date d'export", "Export date"),
    "engagement_start": ("Début de mission", "Engagement start"),
    "engagement_end": ("Fin de mission", "Engagement end"),
    "contents": ("Sommaire", "Contents"),
    "sheet": ("Feuille", "Sheet"),
    "rows": ("Lignes", "Rows"),
    "confidential": ("Confidentiel — données du client {client}", "Confidential — client data of {client}"),
    # register headers
    "computed_note": ("Valeur calculée par l'application : ignorée à l'import.",
                      "Computed by the application: ignored on import."),
    "custom_note": ("Attribut personnalisé (colonne du client).", "Custom attribute (the client's column)."),
    # heat map
    "heat_current": ("Niveau de risque actuel (probabilité × impact)",
                     "Current risk level (likelihood × impact)"),
    "heat_residual": ("Niveau de risque résiduel (après traitement)",
                      "Residual risk level (after treatment)"),
    "likelihood": ("Probabilité", "Likelihood"),
    "impact": ("Impact", "Impact"),
    "unrated": ("Risques non évalués : {n}", "Risks not rated: {n}"),
    "legend": ("Légende", "Legend"),
    # maturity
    "maturity_title": ("Synthèse de maturité — {title} ({date})", "Maturity summary — {title} ({date})"),
    "maturity_none": ("Aucune évaluation de maturité.", "No maturity assessment yet."),
    "pillar": ("Pilier", "Pillar"),
    "dimension": ("Dimension", "Dimension"),
    "current": ("Niveau actuel", "Current level"),
    "target": ("Niveau cible", "Target level"),
    "gap": ("Écart", "Gap"),
    "overall": ("Ensemble", "Overall"),
    # template instructions
    "instructions_intro": (
        "Saisissez une ligne par {entity} dans la feuille « {sheet} », à partir de la ligne 2, sans "
        "modifier les en-têtes. Les colonnes ajoutées à droite sont conservées comme attributs "
        "personnalisés. Import : caio import FICHIER.caio CLASSEUR.xlsx --into {module}",
        "Enter one {entity} per row in the “{sheet}” sheet, from row 2, without changing the headers. "
        "Columns added on the right are kept as custom attributes. Import: caio import FILE.caio "
        "WORKBOOK.xlsx --into {module}"),
    "column": ("Colonne", "Column"),
    "field_key": ("Clé", "Key"),
    "kind": ("Type", "Kind"),
    "required": ("Obligatoire", "Required"),
    "allowed": ("Valeurs admises", "Allowed values"),
    "score_range": ("Nombre entier de 1 à 5", "Whole number from 1 to 5"),
    "percent_range": ("Nombre entier de 0 à 100", "Whole number from 0 to 100"),
    "date_format": ("Date (jj/mm/aaaa)", "Date (yyyy-mm-dd)"),
    "ref_to": ("Code ou libellé d'un élément existant de « {module} »",
               "Code or title of an existing item of “{module}”"),
    "refs_to": ("Codes ou libellés d'éléments de « {module} », séparés par « ; »",
                "Codes or titles of items of “{module}”, separated by “;”"),
    "colour_format": ("Couleur #RRVVBB", "Colour #RRGGBB"),
}

_KINDS: dict[FieldKind, tuple[str, str]] = {
    FieldKind.TEXT: ("Texte", "Text"),
    FieldKind.LONG_TEXT: ("Texte long", "Long text"),
    FieldKind.INTEGER: ("Nombre entier", "Whole number"),
    FieldKind.NUMBER: ("Nombre", "Number"),
    FieldKind.SCORE: ("Note 1–5", "Score 1–5"),
    FieldKind.PERCENT: ("Pourcentage", "Percentage"),
    FieldKind.DATE: ("Date", "Date"),
    FieldKind.BOOL: ("Oui / Non", "Yes / No"),
    FieldKind.CHOICE: ("Liste", "List"),
    FieldKind.REF: ("Référence", "Reference"),
    FieldKind.REFS: ("Références", "References"),
    FieldKind.COLOR: ("Couleur", "Colour"),
}


def text(key: str, lang: str, **values: object) -> str:
    """The fixed text `key` in `lang` (French for "fr", English otherwise), formatted with `values`."""
    fr, en = _TEXTS[key]
    template = fr if lang == "fr" else en
    return template.format(**values) if values else template


def kind_label(kind: FieldKind, lang: str) -> str:
    fr, en = _KINDS[kind]
    return fr if lang == "fr" else en


def day(value: object, lang: str) -> str:
    """A date as people of `lang` write it (cover sheet and titles)."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y") if lang == "fr" else value.isoformat()  # type: ignore[attr-defined]
