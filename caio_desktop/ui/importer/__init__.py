"""The import wizard: bring a client spreadsheet into any register, one undo step."""

from caio_desktop.ui.importer.wizard import ImportWizard

__all__ = ["ImportWizard"]
