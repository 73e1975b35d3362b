# partmon: the README's commands. `make demo` and `make test` install everything they need.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
DEBS    := chromium fonts-dejavu-core poppler-utils tesseract-ocr tesseract-ocr-pol antiword redis-server
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test bench setup system-packages clean

demo: setup
	$(VENV)/bin/partmon demo

test: setup
	$(PY) -m pytest

bench: setup
	$(PY) tests/bench/run.py

setup: system-packages $(STAMP)

# Debian packages: chromium for the browser tests, DejaVu fonts for Polish letters in the
# demo PDFs, poppler for the PDF benchmark, tesseract (Polish) for scanned PDFs, antiword for old .doc reports, redis for
# distributed crawling. Installed only when one is missing.
system-packages:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml
	[ -x $(PY) ] || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info demo-site demo.duckdb test-artifacts
