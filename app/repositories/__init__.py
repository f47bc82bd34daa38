"""All SQL lives here: one module per aggregate, functions that take the session first."""
