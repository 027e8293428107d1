"""Vector charts of the deliverables (reportlab.graphics): each module draws one kind of chart as a
`Drawing` sized for the page grid. Labels are workspace text, so they pass through `fonts.printable`."""
