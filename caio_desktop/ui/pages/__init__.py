"""The pages of the workbench, one module a page (`navigation.PAGES` lists them in sidebar order)."""
