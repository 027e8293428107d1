"""Team mode (issue 19): an engagement on the firm's PostgreSQL server, one schema per engagement, used
through the same models, operations, imports and exports as a `.caio` file.

- address.py: `TeamAddress.parse(url)`, `display` (never the password), `is_team_address(text)`;
- server.py: `team_engine(address)` (SQLAlchemy 2 + psycopg 3, search_path = the engagement's schema),
  creating and listing engagements;
- workspace.py: `TeamWorkspace`, a `Workspace` whose tables are on the server;
- roles.py: who may read or write (the server's GRANTs); errors.py: what can go wrong, in clear words;
- bulk.py: COPY for imports; testserver.py: the throw-away server of the tests and benches.
"""
