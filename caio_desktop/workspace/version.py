"""The schema version this application writes, apart from the schema module so that light tools
(`caio info`) can read it without importing SQLAlchemy."""

SCHEMA_VERSION = 5
MIN_SUPPORTED_VERSION = 1
