"""The Deliverables page: PDF deliverables with preview and export, the Excel workbook, the importer."""
