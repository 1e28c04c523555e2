"""The README's SLURM example (examples/slurm_run.py): the cluster object and its job script.

CI has no SLURM: the test builds the cluster description and its sbatch script and submits nothing
(``sbatch`` is never called); the run itself is what ``tests/test_dask_run.py`` tests on a LocalCluster.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from netguard import Guard, loopback_only  # noqa: F401 - the fixture

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "slurm_run.py"


@pytest.fixture
def example():
    spec = importlib.util.spec_from_file_location("slurm_run", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_job_script_asks_slurm_for_what_the_options_say(example, loopback_only: Guard) -> None:  # noqa: F811
    cluster = example.make_cluster(cores=16, memory="32GB", walltime="02:00:00", queue="normal", account="proj42",
                                   interface="lo")
    try:
        script = cluster.job_script()
    finally:
        cluster.close()
    assert script.startswith("#!/usr/bin/env bash")
    for line in ("#SBATCH -J arnews-analysis", "#SBATCH -p normal", "#SBATCH -A proj42", "#SBATCH -n 1",
                 "#SBATCH --cpus-per-task=16", "#SBATCH -t 02:00:00", "#SBATCH --output=arnews-dask-%j.log"):
        assert line in script, line
    assert f"{sys.executable} -m distributed.cli.dask_worker tcp://127.0.0.1:" in script
    assert "--nthreads 1" in script and "--nworkers 16" in script  # a process per core: the stages are pure Python


def test_print_job_script_submits_nothing(example, loopback_only: Guard, capsys, monkeypatch) -> None:  # noqa: F811
    submitted = []
    monkeypatch.setattr("dask_jobqueue.slurm.SLURMJob.start", lambda self: submitted.append(self))
    assert example.main(["--print-job-script", "--cores", "4", "--interface", "lo", "--", "--corpus", "x.parquet"]) == 0
    assert "#SBATCH --cpus-per-task=4" in capsys.readouterr().out and submitted == []
