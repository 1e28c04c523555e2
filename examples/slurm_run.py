"""Run the pipeline on a SLURM cluster with dask-jobqueue: ``analysis run --scheduler`` on SLURM jobs.

    export ANALYSIS_CACHE_DIR=/shared/scratch/$USER/arnews-cache   # a folder every node mounts
    python examples/slurm_run.py --jobs 8 --cores 16 --memory 32GB --walltime 02:00:00 \\
        --queue normal -- --corpus /shared/data/news.parquet --figures-dir /shared/scratch/$USER/figures
    python examples/slurm_run.py --print-job-script ...   # show the sbatch script, submit nothing

This process holds the Dask scheduler; each SLURM job starts ``--processes`` Dask workers with the
same Python (the same checkout and virtual environment, on a shared file system). Everything after
``--`` is passed to ``analysis run``. The cache folder must be visible from every node:
``analysis run`` checks that each worker sees it before it starts.
"""

from __future__ import annotations

import argparse
import sys

from dask_jobqueue import SLURMCluster


def make_cluster(cores: int = 8, memory: str = "16GB", processes: int | None = None, walltime: str = "01:00:00",
                 queue: str | None = None, account: str | None = None, interface: str | None = None,
                 local_directory: str | None = None) -> SLURMCluster:
    """A SLURM cluster description (no job is submitted until ``cluster.scale``).

    One Dask worker process per core by default (the stages are pure Python: processes, not threads).
    """
    return SLURMCluster(
        cores=cores, processes=processes or cores, memory=memory, walltime=walltime, queue=queue,
        account=account, interface=interface, local_directory=local_directory, python=sys.executable,
        job_name="arnews-analysis", job_extra_directives=["--output=arnews-dask-%j.log"],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="SLURM jobs to start (each runs --processes workers)")
    parser.add_argument("--cores", type=int, default=8, help="cores per job")
    parser.add_argument("--processes", type=int, default=None, help="Dask worker processes per job (default: cores)")
    parser.add_argument("--memory", default="16GB", help="memory per job")
    parser.add_argument("--walltime", default="01:00:00")
    parser.add_argument("--queue", default=None, help="SLURM partition")
    parser.add_argument("--account", default=None)
    parser.add_argument("--interface", default=None, help="network interface the workers reach the scheduler on")
    parser.add_argument("--print-job-script", action="store_true", help="print the job script and stop")
    parser.add_argument("run_args", nargs=argparse.REMAINDER, help="-- then the arguments of `analysis run`")
    args = parser.parse_args(argv)
    run_args = args.run_args[1:] if args.run_args[:1] == ["--"] else args.run_args
    cluster = make_cluster(args.cores, args.memory, args.processes, args.walltime, args.queue, args.account,
                           args.interface)
    try:
        if args.print_job_script:
            print(cluster.job_script())
            return 0
        from analysis.cli import main as analysis_main

        cluster.scale(jobs=args.jobs)
        return analysis_main(["run", "--scheduler", cluster.scheduler_address, *run_args])
    finally:
        cluster.close()


if __name__ == "__main__":
    sys.exit(main())
