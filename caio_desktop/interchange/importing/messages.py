"""The importer's row messages in the engagement's language.

Reasons are written once, in English, where they arise (converters, the domain's validation, the
bulk insert): a French engagement reads them through this table of phrases, longest first, so that
"'souvent' is not a level (…), and the field is required" becomes "'souvent' n'est pas un niveau
(…), et le champ est obligatoire". A phrase the table does not know stays English rather than being
lost; the column and the value are quoted by `Problem.text` in either language.
"""

from __future__ import annotations

import re
from functools import cache

_FR: dict[str, str] = {
    "is not a level (1–5, or very low, low, medium, high, very high / faible … critique)":
        "n'est pas un niveau (1–5, ou très faible, faible, moyen, élevé, très élevé / low … very high)",
    "is not a level from 1 to 5": "n'est pas un niveau de 1 à 5",
    "is not a percentage from 0 to 100": "n'est pas un pourcentage de 0 à 100",
    "is not yes or no (oui/non, yes/no, x, 1/0)": "n'est ni oui ni non (oui/non, yes/no, x, 1/0)",
    "is not yes or no": "n'est ni oui ni non",
    "is not a date (e.g. 25/11/2026, 2026-11-25, 25 nov. 2026)":
        "n'est pas une date (par ex. 25/11/2026, 2026-11-25, 25 nov. 2026)",
    "is not a date (expected YYYY-MM-DD)": "n'est pas une date (attendu AAAA-MM-JJ)",
    "is not a colour (expected #RRGGBB)": "n'est pas une couleur (attendu #RRVVBB)",
    "is not a whole number": "n'est pas un nombre entier",
    "is not a finite number": "n'est pas un nombre fini",
    "is not a number": "n'est pas un nombre",
    "is not one of": "n'est pas l'un de",
    "is a spreadsheet error; the cell is left empty": "est une erreur du tableur ; la cellule est laissée vide",
    "is a formula with no saved value (the file was never recalculated); its text is kept":
        "est une formule sans valeur enregistrée (le fichier n'a jamais été recalculé) ; son texte est gardé",
    "kept as a custom attribute": "gardé comme attribut personnalisé",
    "and the field is required": "et le champ est obligatoire",
    "is already used by another risk": "est déjà utilisé par un autre risque",
    "is required": "est obligatoire",
    "is not a dimension of the maturity model": "n'est pas une dimension du modèle de maturité",
    "is computed and cannot be set": "est calculé et ne peut être saisi",
    "(by code or title)": "(par code ou titre)",
    "characters": "caractères",
    "is longer than": "dépasse",
}
_NAMES_NO = re.compile(r"names no (\w+) row")


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in sorted(_FR, key=len, reverse=True)))


def reason(text: str, lang: str) -> str:
    """`text` (an English reason) in `lang`: French phrase by phrase, else as it is."""
    if lang != "fr" or not text:
        return text
    text = _NAMES_NO.sub(lambda m: f"ne désigne aucune ligne de {m[1]}", text)
    return _pattern().sub(lambda m: _FR[m[0]], text)


def where(line: int, column: str, lang: str) -> str:
    """"row 4, column 'Probabilité'" / "ligne 4, colonne 'Probabilité'"."""
    if lang == "fr":
        return f"ligne {line}" + (f", colonne '{column}'" if column else "")
    return f"row {line}" + (f", column '{column}'" if column else "")


def more(count: int, lang: str) -> str:
    return f"… et {count} de plus" if lang == "fr" else f"… and {count} more"
