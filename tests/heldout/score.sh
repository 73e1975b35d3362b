#!/bin/sh
# Print the extractor's score on a held-out corpus (for `make bench` and the notes); `--corpus tests/heldout2` for the second.
cd "$(dirname "$0")/../.." && exec .venv/bin/python -m tests.heldout.score "$@"
