"""The AI risk library in the app: a searchable table of library risks and the dialog that adds the
selected ones to the register (opened by the risks page)."""
