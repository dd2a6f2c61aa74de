"""plans-api: catalog, typical plan, self-check checklists, plans, touchpoint registry."""
