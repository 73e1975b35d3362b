"""Builds the partmon spaCy pipeline: a blank Polish model with our rule components."""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .components import (dates, goals, layout, meetings, municipality, organisations,  # noqa: F401 (registers factories)
                         people, priority_tasks, references)

COMPONENTS = ["partmon_layout", "partmon_dates", "partmon_organisations", "partmon_people",
              "partmon_references", "partmon_goals", "partmon_priority_tasks",
              "partmon_municipality", "partmon_meetings"]


# a token is a run of word characters or one other character, with the single space after it;
# other white space is a token of its own (so `Doc.text` is the input, as with spaCy's tokenizer);
# a white-space run takes all of itself, so its space group is always empty (the runs are
# possessive, "++": nothing after them ever needs a character back, and the regex engine then
# keeps no backtracking state)
TOKEN = re.compile(r"(\w++|[^\w\s]|\s++)( ?)")


MAX_IDS = 500_000


class TextKeepingTokenizer:
    """A word tokenizer that also keeps the input string on the Doc (`doc._.text`): `Doc.text`
    is rebuilt from the tokens on every access, which costs as much as tokenising again.

    Our components read characters (`doc._.text`, `doc._.words`, `doc._.lines`), never spaCy's
    tokens, so the Doc is made from one regular-expression pass instead of spaCy's prefix/suffix/
    infix rules (a third of the extraction time); the wrapped tokenizer still answers
    serialisation calls."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self.ids = {}  # word → its id in the vocabulary's string store

    def __call__(self, text: str):
        # (word, " " or "") pairs, split into two sequences in one C-level pass; the Doc reads
        # " " as true and "" as false
        found = TOKEN.findall(text)
        words, spaces = zip(*found) if found else ((), ())
        doc = Doc(self.vocab, words=self.word_ids(words), spaces=spaces)
        doc._.text = text
        return doc

    def word_ids(self, words) -> list[int]:
        """The words' string-store ids, which the Doc takes in place of the strings: given strings,
        it hashes every word of every Doc again (most of the cost of making it); a word's id is
        computed here once. The same Doc either way."""
        ids = self.ids
        try:
            return [ids[w] for w in words]
        except KeyError:  # a word not seen before
            if len(ids) > MAX_IDS:  # (a bound on the memory: start again)
                ids.clear()
            add = self.vocab.strings.add
            for w in words:
                if w not in ids:
                    # kept beyond a memory zone: the id must still name its string there
                    ids[w] = add(w, allow_transient=False)
            return [ids[w] for w in words]

    def __getattr__(self, name):  # to_bytes, from_disk, pipe, … of the wrapped tokenizer
        if name in ("tokenizer", "vocab", "ids"):
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
