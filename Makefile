# CAIO Desktop — the two commands a new machine needs are `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench
DEMO ?= demo/demo-engagement.caio
LANG_DEMO ?= fr

.PHONY: install run test lint demo screenshots bench clean bundle office postgres

$(BIN)/python:
	$(PY) -m venv $(VENV)

# Reinstall only when the project's metadata changes: keeps `make test` fast and idempotent.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The app plus the bench extra (pandas for the comparison the import must win): only `make bench` pulls it.
$(BENCH_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[bench]'
	touch $(BENCH_STAMP)

$(DEMO): | $(STAMP)
	mkdir -p $(dir $(DEMO))
	$(BIN)/caio demo $(DEMO) --lang $(LANG_DEMO)

demo: $(STAMP)
	$(BIN)/caio demo $(if $(FILE),$(FILE),$(DEMO)) --lang $(LANG_DEMO)

run: $(STAMP) $(DEMO)
	$(BIN)/caio-desktop $(DEMO)

lint: $(STAMP)
	$(BIN)/ruff check caio_desktop tests bench packaging tools

# LibreOffice and poppler for the tests that open our DOCX/PPTX/XLSX and read PDF pages (Debian packages).
office:
	bash tools/ensure-office.sh

# PostgreSQL's server programs: the team-mode tests start a throw-away server of their own (tests/pg_server.py).
postgres:
	bash tools/ensure-postgres.sh

test: $(STAMP) office postgres
	$(BIN)/ruff check caio_desktop tests bench packaging tools
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" -n auto

# Every bench/bench_*.py in its own process, each figure a ratio to a floor measured in the same run.
bench: $(BENCH_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info

# A standalone one-folder application (PyInstaller); its last step runs the bundle's own self-test.
bundle: $(STAMP)
	$(BIN)/python -m pip install 'pyinstaller>=6.5'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/caio-desktop.spec
	rm -f build/bundle-selftest.caio
	QT_QPA_PLATFORM=offscreen dist/caio-desktop/caio-desktop --cli demo build/bundle-selftest.caio
	QT_QPA_PLATFORM=offscreen dist/caio-desktop/caio-desktop --self-test build/bundle-selftest.caio

# Every page and dialog, offscreen, in French and in English (the README shows a few of them).
screenshots: $(STAMP)
	mkdir -p build/screenshots
	rm -f build/screenshots/demo-fr.caio build/screenshots/demo-en.caio
	$(BIN)/caio demo build/screenshots/demo-fr.caio --lang fr
	$(BIN)/caio demo build/screenshots/demo-en.caio --lang en
	CAIO_NO_SETTINGS=1 QT_QPA_PLATFORM=offscreen $(BIN)/caio-desktop --screenshots build/screenshots/fr build/screenshots/demo-fr.caio --lang fr
	CAIO_NO_SETTINGS=1 QT_QPA_PLATFORM=offscreen $(BIN)/caio-desktop --screenshots build/screenshots/en build/screenshots/demo-en.caio --lang en
	$(BIN)/python -m caio_desktop.ui.screenshots build/screenshots docs/screenshots

# Long forms of the reliability tests: the crash harness (340 trials, >= 200 of them SIGKILLed mid-work; its
# figures go to build/crash-report.txt), 500 hypothesis examples per sheet format, 1000 bit-flipped files.
.PHONY: crash-test
crash-test: $(STAMP)
	mkdir -p build
	rm -f build/crash-report.txt
	CAIO_CRASH_TRIALS=$(if $(TRIALS),$(TRIALS),340) CAIO_CRASH_REPORT=build/crash-report.txt \
	CAIO_PROPERTY_EXAMPLES=500 CAIO_FLIP_TRIALS=1000 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest \
	  tests/reliability/test_crash.py tests/reliability/test_import_properties.py tests/workspace/test_damaged_files.py
	cat build/crash-report.txt
