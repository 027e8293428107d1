"""The application shell: main window, navigation, start page, file handling, wizards, preferences."""
