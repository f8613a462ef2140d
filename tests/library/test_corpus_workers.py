"""Corpus mode's worker processes (helpers.corpus._in_workers): the records come back in the
order of the files, as one process reads them; an error stops the run and the workers."""
from __future__ import annotations

import multiprocessing
import shutil
import time

import pytest

from helpers import corpus
from helpers.course import paths


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    where = tmp_path_factory.mktemp("records")
    for i in range(40):  # more batches than workers, so that each worker is sent several
        shutil.copyfile(paths.SEED, where / f"record_{i:02d}.txt")
    return where


def _no_workers_left() -> bool:
    for _ in range(50):
        if not multiprocessing.active_children():
            return True
        time.sleep(0.05)
    return False


def test_workers_read_as_one_process_does(folder):
    one, two = corpus.read_corpus(folder, jobs=1), corpus.read_corpus(folder, jobs=2)
    assert [r.document for r in two.records] == [r.document for r in one.records]
    assert [r.turns for r in two.records] == [r.turns for r in one.records]
    assert _no_workers_left()


def test_an_error_in_the_callback_stops_the_workers(folder):
    def stop(record):
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError, match="stopped"):
        corpus.read_corpus(folder, jobs=2, report=stop)
    assert _no_workers_left()


def test_an_error_in_a_worker_reaches_the_caller(folder, monkeypatch):
    def broken(batch):
        raise ValueError("a worker failed")

    monkeypatch.setattr(corpus, "_read_batch", broken)  # the workers are forked: they see it
    if multiprocessing.get_start_method() != "fork" and "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the workers are not forked here, and would not see the patch")
    with pytest.raises(ValueError, match="a worker failed"):
        corpus.read_corpus(folder, jobs=2)
    assert _no_workers_left()
