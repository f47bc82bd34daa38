"""Excel and CSV sheets: units, cadres with posts, and round rosters, in and out."""
