"""Builds the partmon spaCy pipeline: a blank Polish model with our rule components."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .components import (dates, goals, layout, meetings, municipality, organisations,  # noqa: F401 (registers factories)
                         people, priority_tasks, references)

COMPONENTS = ["partmon_layout", "partmon_dates", "partmon_organisations", "partmon_people",
              "partmon_references", "partmon_goals", "partmon_priority_tasks",
              "partmon_municipality", "partmon_meetings"]


def build_nlp() -> Language:
    nlp = spacy.blank("pl")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline, built once per process."""
    return build_nlp()
