"""Import templates: a blank, formatted sheet for one module, with drop-downs and an instructions sheet.

The template's headers are the field labels in the chosen language, which the importer maps without
help; the instructions say, per column, what it expects and whether it is required.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.fields import Field, FieldKind, Module
from caio_desktop.domain.modules import MODULES, module
from caio_desktop.interchange.excel_export import styles
from caio_desktop.interchange.excel_export.columns import template_columns
from caio_desktop.interchange.excel_export.output import workbook_output
from caio_desktop.interchange.excel_export.register_sheet import finish, lay_out
from caio_desktop.interchange.excel_export.texts import kind_label, text
from caio_desktop.interchange.excel_export.validations import ChoiceLists
from caio_desktop.interchange.excel_export.workbook import LANGS
from caio_desktop.interchange.workbook_layout import YES_NO, sheet_title
from caio_desktop.reference.maturity import load_maturity_model

INSTRUCTIONS_HEADER_ROW = 3  # intro on row 1, blank row 2


def allowed_values(mod: Module, field: Field, lang: str) -> str:
    """What a cell of `field` may hold, in words."""
    kind = field.kind
    if kind == FieldKind.CHOICE:
        return "; ".join(c.label(lang) for c in ENUMERATIONS[field.choices or ""].choices)
    if kind == FieldKind.BOOL:
        return " / ".join(YES_NO[lang])
    if kind in (FieldKind.REF, FieldKind.REFS):
        return text("ref_to" if kind == FieldKind.REF else "refs_to", lang,
                    module=MODULES[field.ref or ""].label(lang))
    if mod.key == "maturity_ratings" and field.key == "dimension":  # a key of the reference model
        return "; ".join(f"{d.key} ({d.label(lang)})" for d in load_maturity_model().dimensions)
    key = {FieldKind.SCORE: "score_range", FieldKind.PERCENT: "percent_range", FieldKind.DATE: "date_format",
           FieldKind.COLOR: "colour_format"}.get(kind)
    return text(key, lang) if key else ""


def write_instructions(workbook: Any, mod: Module, *, title: str, sheet: str, lang: str,
                       palette: styles.Palette) -> None:
    ws = workbook.create_sheet(title)
    styles.fit_width(ws)
    for letter, width in zip("ABCDE", (30, 22, 16, 12, 70), strict=True):
        ws.column_dimensions[letter].width = width
    intro = text("instructions_intro", lang, entity=mod.entity(lang), sheet=sheet, module=mod.key)
    ws.append([styles.write(ws, intro, font=styles.font(bold=True),
                            alignment=Alignment(wrap_text=False, vertical="top"))])
    ws.append([])
    header = palette.header()
    ws.append([styles.write(ws, text(k, lang), **header)
               for k in ("column", "field_key", "kind", "required", "allowed")])
    for field in mod.editable_fields:
        required = YES_NO[lang][0 if field.required else 1]
        ws.append([styles.write(ws, field.label(lang), font=styles.font(bold=field.required)), field.key,
                   kind_label(field.kind, lang), required,
                   styles.write(ws, allowed_values(mod, field, lang), alignment=styles.WRAP)])


def write_template(module_key: str, out_path: Path | str, *, lang: str = "fr") -> Path:
    """Write a blank import template for `module_key` to `out_path` (.xlsx) and return it."""
    mod = module(module_key)
    if lang not in LANGS:
        raise ValueError(f"template language must be fr or en, not {lang!r}")
    out_path = Path(out_path)
    palette = styles.Palette(styles.DEFAULT_ACCENT)
    taken: set[str] = set()
    sheet = sheet_title(mod.label(lang), taken)
    instructions = sheet_title(text("instructions", lang), taken)
    lists = ChoiceLists(sheet_title(text("lists", lang), taken), lang)
    with workbook_output(out_path) as workbook:
        ws = workbook.create_sheet(sheet)
        columns = template_columns(mod, lang)
        lay_out(ws, columns, palette=palette, lang=lang)
        finish(ws, columns, rows=0, lists=lists, lang=lang)
        write_instructions(workbook, mod, title=instructions, sheet=sheet, lang=lang, palette=palette)
        lists.write(workbook)
    return out_path
