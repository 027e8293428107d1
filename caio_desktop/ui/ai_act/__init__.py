"""AI Act in the app: the guided classification questionnaire and the "generate compliance checklist"
action. The main window opens them; they write only through operations via ``AppContext.perform``."""
