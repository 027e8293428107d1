"""Drop-down lists and checks of a register's columns, and the colours of risk levels.

Choice labels live in a hidden "Lists" sheet (one column per enumeration) rather than inline in the
validation: inline lists break on a comma inside a label and are limited to 255 characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.fields import Field, FieldKind
from caio_desktop.interchange.excel_export import styles
from caio_desktop.interchange.excel_export.safe_text import stored_text
from caio_desktop.interchange.workbook_layout import FIRST_DATA_ROW, YES_NO
from caio_desktop.reference.risk_matrix import load_risk_matrix

LAST_ROW = 1_048_576  # validations and formats cover rows the consultant adds later too
RISK_LEVEL = "risk_level"
_MESSAGES = {
    "fr": ("Valeur inattendue", "Choisissez une valeur de la liste ; une autre valeur sera conservée comme "
           "attribut personnalisé à l'import."),
    "en": ("Unexpected value", "Pick a value from the list; any other value is kept as a custom attribute "
           "on import."),
}
_RANGE_MESSAGES = {"fr": "Saisissez un nombre entier entre {lo} et {hi}.",
                   "en": "Enter a whole number between {lo} and {hi}."}


class ChoiceLists:
    """The hidden sheet of choice labels that the drop-downs of a workbook point to."""

    def __init__(self, title: str, lang: str) -> None:
        self.title = title
        self.lang = lang
        self._columns: dict[str, int] = {}

    def range_of(self, enumeration_key: str) -> str:
        """The absolute reference of the labels of `enumeration_key` (allocating its column)."""
        column = self._columns.setdefault(enumeration_key, len(self._columns) + 1)
        letter = get_column_letter(column)
        last = FIRST_DATA_ROW + len(ENUMERATIONS[enumeration_key].every_choice) - 1
        return f"{quote_sheetname(self.title)}!${letter}${FIRST_DATA_ROW}:${letter}${last}"

    def write(self, workbook: Any) -> None:
        """Add the hidden sheet (only when a drop-down uses it)."""
        if not self._columns:
            return
        ws = workbook.create_sheet(self.title)
        ws.sheet_state = "hidden"
        enums = sorted(self._columns, key=self._columns.__getitem__)
        ws.append(enums)
        labels = [[stored_text(c.label(self.lang)) for c in ENUMERATIONS[key].every_choice] for key in enums]
        for i in range(max(len(column) for column in labels)):
            ws.append([column[i] if i < len(column) else None for column in labels])


def validation_for(field: Field, lists: ChoiceLists, lang: str) -> DataValidation | None:
    """The drop-down or range check that helps typing `field`, if any (none for computed fields)."""
    if field.computed:
        return None
    title, message = _MESSAGES[lang]
    if field.kind == FieldKind.CHOICE:
        dv = DataValidation(type="list", formula1=lists.range_of(field.choices or ""), allow_blank=True)
    elif field.kind == FieldKind.BOOL:
        dv = DataValidation(type="list", formula1='"{},{}"'.format(*YES_NO[lang]), allow_blank=True)
    elif field.kind == FieldKind.SCORE:
        dv = DataValidation(type="list", formula1='"1,2,3,4,5"', allow_blank=True)
    elif field.kind == FieldKind.PERCENT:
        dv = DataValidation(type="whole", operator="between", formula1="0", formula2="100", allow_blank=True)
        message = _RANGE_MESSAGES[lang].format(lo=0, hi=100)
    else:
        return None
    dv.errorStyle = "warning"  # the importer keeps unexpected values; do not forbid them here
    dv.error, dv.errorTitle = message, title
    dv.showErrorMessage = True
    return dv


def add_validations(ws: Any, fields: Sequence[Field | None], *, lists: ChoiceLists, lang: str) -> None:
    """Add a validation to every column of `ws` whose field has one (`fields[i]` is column i + 1)."""
    for index, field in enumerate(fields, start=1):
        dv = validation_for(field, lists, lang) if field is not None else None
        if dv is None:
            continue
        letter = get_column_letter(index)
        dv.add(f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_ROW}")
        ws.data_validations.append(dv)


def add_level_colours(ws: Any, fields: Sequence[Field | None], *, lang: str) -> None:
    """Colour risk-level cells (level, residual level) with the risk matrix's colours."""
    matrix = load_risk_matrix()
    enum = ENUMERATIONS[RISK_LEVEL]
    for index, field in enumerate(fields, start=1):
        if field is None or field.choices != RISK_LEVEL:
            continue
        letter = get_column_letter(index)
        for level in matrix.levels:
            colour = styles.hex_colour(level.color)
            label = enum.label(level.key, lang).replace('"', '""')
            # A conditional format names only what it changes (no font family or size).
            rule = CellIsRule(operator="equal", formula=[f'"{label}"'], fill=styles.fill(colour),
                              font=Font(bold=True, color=styles.ink_on(colour)))
            ws.conditional_formatting.add(f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_ROW}", rule)
