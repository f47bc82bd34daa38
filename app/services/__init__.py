"""Use cases: load through repositories, decide with ballots/, persist. Services never commit."""
