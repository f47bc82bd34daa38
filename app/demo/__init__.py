"""``tinnhiem demo``: a fictional but realistic province to click through."""
