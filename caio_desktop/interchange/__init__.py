"""Interchange with the outside world: spreadsheets in (importing/), workbooks and PDF deliverables out."""
