#!/bin/sh
# Print the extractor's score on the held-out corpus (for `make bench` and the notes).
cd "$(dirname "$0")/../.." && exec .venv/bin/python -m tests.heldout.score "$@"
