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


class TextKeepingTokenizer:
    """spaCy's tokenizer that also keeps the input string on the Doc (`doc._.text`): `Doc.text`
    is rebuilt from the tokens on every access, which costs as much as tokenising again."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        doc = self.tokenizer(text)
        doc._.text = text
        return doc

    def __getattr__(self, name):  # to_bytes, from_disk, pipe, … of the wrapped tokenizer
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def pipe(self, texts, batch_size=1000):
        for text in texts:
            yield self(text)


def build_nlp() -> Language:
    nlp = spacy.blank("pl")
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline, built once per process."""
    return build_nlp()
