"""Search across the whole engagement (issue 22): the results model, the search box, and the window's
Edit › Search the engagement action (Ctrl+Shift+F). The index itself is `workspace.search`."""
