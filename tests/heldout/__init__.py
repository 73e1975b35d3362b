"""partmon's own held-out evaluation corpus: invented Polish meeting reports with gold files."""
