"""The generic register: a table model, a table with search and filters, and a detail form, driven by
the module/field registry so that every module of the engagement is editable the same way."""
