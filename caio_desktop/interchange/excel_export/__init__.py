"""Excel export of an engagement, and import templates.

    export_workbook(workspace, Path("engagement.xlsx"), lang="en")
    write_template("risks", Path("risks-template.xlsx"), lang="fr")

The layout of a register sheet (row id in column A headed ``caio_id``, field labels as headers, choice
labels, REF labels, custom attributes after the fields) is described in
`caio_desktop.interchange.workbook_layout`, which the importer shares so that an exported workbook
imports back to the same data.
"""

from caio_desktop.interchange.excel_export.progress import ExportCancelled
from caio_desktop.interchange.excel_export.template import write_template
from caio_desktop.interchange.excel_export.workbook import export_workbook

__all__ = ["ExportCancelled", "export_workbook", "write_template"]
