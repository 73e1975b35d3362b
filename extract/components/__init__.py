"""spaCy components of the partmon pipeline (one module each) and their shared helpers."""
