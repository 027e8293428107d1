"""The app's side of team mode (issue 19): opening an engagement on a server, the read-only banner, the
dialog of an edit someone else's change refused, and the refresh of registers others changed."""
