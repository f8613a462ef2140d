"""The course layer: what only the Kelly–Stalin cable has (its witnesses, its quotations)."""
