"""partmon extraction: report text → contract record (spaCy pipeline of rule components)."""

EXTRACTOR_VERSION = "0.1.0"
