"""Generator of our own invented Polish meeting reports with gold records (for extractor tests)."""
