# The kit's two commands:  `make lab` (set up and open the notebooks) and `make test`
# (set up and run every test).  Everything else is a helper for those two.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterLab refuses to run as root unless told; a normal user's machine never needs this.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup lab test test-fast bench execute site site-students site-self-study handouts rerun reset-notebooks clean

$(STAMP): requirements.txt pyproject.toml tools/lab/overrides.json tools/lab/ipython_startup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.txt
	# JupyterLab as a student meets it (tools/lab/overrides.json): Markdown files (notebooks/README.md,
	# the guide) shown rendered, no news pop-up, file names not cut off by a "modified" column.
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp tools/lab/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	# Every kernel of `make lab` shows a student's slips as one plain sentence (helpers/course/plain.py).
	mkdir -p $(VENV)/ipython/profile_default/startup
	cp tools/lab/ipython_startup.py $(VENV)/ipython/profile_default/startup/00-kit-plain-errors.py
	# The notebooks as the kit made them, for `make reset-notebooks` when the kit is not a git clone
	# (kept from the first setup on: a later setup never copies a student's edits over them).
	test -d $(VENV)/kit-notebooks || { mkdir -p $(VENV)/kit-notebooks && cp notebooks/[0-9][0-9]_*.ipynb $(VENV)/kit-notebooks/; }
	touch $(STAMP)

## setup: create .venv and install the pinned requirements and the helpers package
setup: $(STAMP)

## lab: set up, then open JupyterLab on the notebooks (127.0.0.1 only, with its token)
lab: setup
	IPYTHONDIR=$(CURDIR)/$(VENV)/ipython $(BIN)/jupyter lab --ip=127.0.0.1 --ServerApp.root_dir=. notebooks/README.md $(ROOT_FLAG)

## reset-notebooks: put the notebooks back as the kit made them (all of them, or one: make reset-notebooks NB=02);
## then, in JupyterLab, File > Reload Notebook from Disk
reset-notebooks: setup
	$(BIN)/python -m helpers.course.reset $(NB)

## test: set up, then run every test: the library's, the course's (notebooks' content, docs),
## the tools' (site, browser, rerun, mypy) and every notebook under nbval, on two workers
## (--dist loadfile keeps each file, and so each notebook, in one worker)
JOBS ?= 2
# Python's byte-code caches are written (in the gitignored __pycache__ folders) even where
# PYTHONDONTWRITEBYTECODE is set: without them each of the tests' thirty-odd kernels and
# subprocesses compiles the kit again, about half a second each.
test test-fast: export PYTHONDONTWRITEBYTECODE =
test: setup
	$(BIN)/python -m compileall -q helpers tools >/dev/null
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile --no-loadscope-reorder

## test-fast: the library's unit, property and doctests only (tests/library and helpers/), in seconds:
## on two workers, property tests at 40 examples (KIT_FUZZ=150 for make test's depth), and
## without the TEI schema's validations (marked schema: make test runs them)
test-fast: setup
	$(BIN)/python -m compileall -q helpers >/dev/null
	KIT_FUZZ=$${KIT_FUZZ:-40} $(BIN)/python -m pytest -o addopts="" -p no:nbval -p no:benchmark -p no:cacheprovider \
	  -n $(JOBS) --dist loadfile --no-loadscope-reorder --strict-markers --doctest-modules -m "not schema" tests/library helpers

## bench: measure parse throughput, each export format per record, and corpus mode on 1,000 generated records (not part of the tests)
bench: setup
	$(BIN)/python benchmarks/bench_parse.py
	$(BIN)/python benchmarks/bench_exports.py
	$(BIN)/python benchmarks/bench_corpus.py --profile

## execute: re-run every notebook in place from a fresh kernel (then commit them); the kernel is
## local, so it talks over IPC (Unix sockets in a temporary folder), not TCP
execute: setup
	sockets=$$(mktemp -d) && trap 'rm -rf "$$sockets"' EXIT && \
	for nb in notebooks/[0-9][0-9]_*.ipynb; do \
	  $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.record_timing=False \
	    --KernelManager.transport=ipc --KernelManager.ip="$$sockets/kernel" "$$nb" || exit 1; \
	done

## site: build the handouts (static HTML pages for a course site or for print) into site/
site: setup
	$(BIN)/python tools/build_site.py --out site --strict

## site-students: the students' copy of the handouts, without the guide or the model answers, into site-students/
site-students: setup
	$(BIN)/python tools/build_site.py --out site-students --students --strict

## site-self-study: the self-study copy, for a student working alone: no guide, each model answer folded (one click), exercises as paper tasks, into site-self-study/
site-self-study: setup
	$(BIN)/python tools/build_site.py --out site-self-study --self-study --strict

## handouts: the print pack, print-ready PDFs in A4 and US Letter (handouts/A4/, handouts/Letter/; needs Chromium)
handouts: setup
	$(BIN)/python tools/make_handouts.py --out handouts --strict

## rerun: run notebook 02 on another transcript: make rerun TRANSCRIPT=file.txt [SPEAKERS=file.csv] [STYLE=quoted|colon|full-stop] [OUT=dir]
## or compare a folder of transcripts: make rerun TRANSCRIPTS=dir [SPEAKERS_DIR=dir] [STYLE=...] [OUT=dir]
## (python -m helpers corpus DIR OUT --notebook; OUT defaults to reruns/<folder name>/)
rerun: setup
	@test -n "$(TRANSCRIPT)$(TRANSCRIPTS)" || { echo "usage: make rerun TRANSCRIPT=path/to/file.txt [SPEAKERS=path/to/speakers.csv] [STYLE=quoted|colon|full-stop] [OUT=dir]" >&2; echo "   or: make rerun TRANSCRIPTS=path/to/folder [SPEAKERS_DIR=path/to/speaker/files] [STYLE=quoted|colon|full-stop] [OUT=dir]" >&2; exit 2; }
ifneq ($(TRANSCRIPTS),)
	$(BIN)/python -m helpers corpus "$(TRANSCRIPTS)" "$(or $(OUT),reruns/$(notdir $(patsubst %/,%,$(TRANSCRIPTS))))" --notebook $(if $(SPEAKERS_DIR),--speakers-dir "$(SPEAKERS_DIR)") $(if $(STYLE),--style "$(STYLE)")
else
	$(BIN)/python tools/rerun.py "$(TRANSCRIPT)" $(if $(SPEAKERS),--speakers "$(SPEAKERS)") $(if $(STYLE),--style "$(STYLE)") $(if $(OUT),--out "$(OUT)")
endif

clean:
	rm -rf $(VENV) build site site-students site-self-study handouts reruns *.egg-info .mypy_cache
