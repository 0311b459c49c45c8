"""``quellen build --workers N`` against ``--workers 1``, each a fresh process, with CPU seconds per process.

    .venv/bin/python benchmarks/scale/workers.py [--size 1] [--workers 1,2] [--repeat 2] [--json OUT]

Builds ``bench.py``'s corpus of ``--size`` MB (embeddings off) with the real command line
(``quellen build CORPUS --db DB --workers N --quiet``) in a fresh process per build, the
counts in turn (1, 2, 1, 2, ... for ``--repeat``), and prints for each build: wall seconds,
CPU seconds of every process it started (sampled from ``/proc`` every 100 ms, so a process
that lives less than that may be missed, and the last 100 ms of each may be; ``wait4`` cannot
count them: a fork server's workers are not the writer's children), and
the writer's CPU seconds in the per-source phase and in the corpus layer. Before the builds,
one probe per worker count starts the engine, runs one empty task per worker and stops: what
starting the workers costs (CPU seconds of every process, and wall seconds until all answered).
The load average is printed with every figure: on a shared machine read CPU seconds, not wall.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"
TICK = os.sysconf("SC_CLK_TCK")


def load() -> str:
    """Return the 1, 5 and 15 minute load averages as text."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _stat(pid: int) -> tuple[int, float] | None:
    """Return (parent pid, CPU seconds) of process ``pid`` from /proc, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def _role(pid: int, root: int, parent: int) -> str:
    """Return what process ``pid`` (child of ``parent``) is in a build: writer, forkserver, worker,
    resource tracker or other."""
    if pid == root:
        return "writer"
    if parent != root:  # a fork server's children are its workers (with its command line)
        return "worker"
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "other"
    if "forkserver" in cmd and "main(" in cmd:
        return "forkserver"
    if "resource_tracker" in cmd:
        return "resource tracker"
    return "worker"


class Sampler:
    """CPU seconds of a process and all its descendants, sampled from /proc until stopped."""

    def __init__(self, root: int, interval: float = 0.1):
        self.root = root
        self.cpu: dict[int, float] = {}
        self.role: dict[int, str] = {}
        self.marks: list[tuple[float, dict[int, float]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self._thread.start()

    def _run(self, interval: float) -> None:
        while True:
            self.sample()
            if self._stop.wait(interval):
                return

    def sample(self) -> None:
        parents = {}
        for name in os.listdir("/proc"):
            if name.isdigit():
                st = _stat(int(name))
                if st:
                    parents[int(name)] = st
        family = {self.root} | set(self.cpu)
        grew = True
        while grew:  # descendants: a forkserver's workers are its children, not the writer's
            grew = False
            for pid, (ppid, _) in parents.items():
                if ppid in family and pid not in family:
                    family.add(pid)
                    grew = True
        for pid in family:
            if pid in parents:
                self.cpu[pid] = parents[pid][1]
                if pid not in self.role:
                    self.role[pid] = _role(pid, self.root, parents[pid][0])
        self.marks.append((time.time(), dict(self.cpu)))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def by_role(self) -> dict[str, list[float]]:
        """Return the CPU seconds of each process, grouped by role."""
        out: dict[str, list[float]] = {}
        for pid, cpu in self.cpu.items():
            out.setdefault(self.role.get(pid, "other"), []).append(round(cpu, 2))
        return out

    def at(self, when: float) -> dict[int, float]:
        """Return each process's CPU seconds at the last sample before ``when``."""
        best: dict[int, float] = {}
        for t, cpu in self.marks:
            if t > when:
                break
            best = cpu
        return best


def _run(cmd: list[str], env: dict) -> tuple[dict, Sampler, float, str]:
    """Return (the child's JSON line or {}, the sampler of its processes, wall seconds, its stderr)."""
    started = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(child.pid)
    out, err = child.communicate()
    wall = time.perf_counter() - started
    sampler.stop()
    line = [x for x in out.splitlines() if x.startswith("{")]
    return (json.loads(line[-1]) if line else {}), sampler, wall, err


def probe(workers: int, env: dict) -> dict:
    """Return what starting ``workers`` workers (and stopping them) costs: wall and CPU seconds per process."""
    doc, sampler, wall, err = _run([sys.executable, __file__, "--probe", str(workers)], env)
    if not doc:
        raise SystemExit(f"probe failed:\n{err}")
    return {"workers": workers, "load": load(), "wall_ready": doc["ready"], "wall": round(wall, 2),
            "cpu_total": round(sum(sampler.cpu.values()), 2), "cpu": sampler.by_role()}


def one_build(corpus: Path, db: Path, workers: int, env: dict) -> dict:
    """Return the figures of one build of ``corpus`` with ``workers`` workers in a fresh process."""
    if db.exists():
        db.unlink()
    started_load = load()
    doc, sampler, wall, err = _run([sys.executable, __file__, "--build", str(corpus), str(db), str(workers)], env)
    if not doc:
        raise SystemExit(f"build failed:\n{err}")
    corpus_start = sampler.at(doc["corpus_started"])
    workers_in_corpus = {pid: round(sampler.cpu[pid] - corpus_start.get(pid, 0.0), 2)
                         for pid in sampler.cpu if sampler.role.get(pid) == "worker"}
    return {"workers": workers, "load_before": started_load, "load_after": load(), "wall": round(wall, 2),
            "cpu_total": round(sum(sampler.cpu.values()), 2), "cpu": sampler.by_role(),
            "writer_per_source_cpu": doc["per_source_cpu"], "writer_corpus_cpu": doc["corpus_cpu"],
            "corpus_wall": doc["corpus_wall"], "workers_cpu_in_corpus_layer": sorted(workers_in_corpus.values())}


def _child_build(corpus: str, db: str, workers: int) -> None:
    """In the fresh process: run ``quellen build`` and print the writer's phases as one JSON line."""
    sys.path.insert(0, str(SRC))
    from quellen import cli, pipeline

    class Phases:
        def __init__(self):
            self.corpus_started = self.corpus_cpu0 = self.corpus_wall0 = None
            self.corpus_cpu = self.corpus_wall = 0.0

        def start(self, name: str) -> None:
            if name == "corpus texts" and self.corpus_started is None:
                self.corpus_started, self.corpus_cpu0 = time.time(), time.process_time()
                self.corpus_wall0 = time.perf_counter()

        def stop(self, name: str) -> None:
            if name == "store corpus":
                self.corpus_cpu = time.process_time() - self.corpus_cpu0
                self.corpus_wall = time.perf_counter() - self.corpus_wall0

    phases = Phases()
    pipeline.record_steps(phases)
    code = cli.main(["build", corpus, "--db", db, "--workers", str(workers), "--quiet",
                     "--set", "reuse.embeddings=false"])
    if code:
        raise SystemExit(code)
    total = time.process_time()
    print(json.dumps({"corpus_started": phases.corpus_started, "corpus_cpu": round(phases.corpus_cpu, 2),
                      "corpus_wall": round(phases.corpus_wall, 2),
                      "per_source_cpu": round(phases.corpus_cpu0, 2) if phases.corpus_cpu0 else None,
                      "writer_cpu": round(total, 2)}), flush=True)


def _child_probe(workers: int) -> None:
    """In the fresh process: start the local engine, one empty task per worker, stop it."""
    sys.path.insert(0, str(SRC))
    from quellen.engines import open_engine
    from quellen.settings import Settings
    started = time.perf_counter()
    with open_engine("local", workers, None, Settings().nlp.spacy_model) as engine:
        handles = [engine.submit(os.getpid) for _ in range(workers)]
        for h in handles:
            h.result()
        ready = time.perf_counter() - started
    print(json.dumps({"ready": round(ready, 2)}), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=1.0, help="corpus size in MB (bench.py's corpus)")
    parser.add_argument("--workers", default="1,2", help="worker counts, built in turn")
    parser.add_argument("--repeat", type=int, default=1, help="builds per worker count")
    parser.add_argument("--no-probe", action="store_true", help="skip the worker-start probes")
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("--build", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--probe", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        _child_build(args.build[0], args.build[1], int(args.build[2]))
        return 0
    if args.probe:
        _child_probe(args.probe)
        return 0
    sys.path.insert(0, str(HERE))
    from bench import make_corpus
    env = dict(os.environ, PYTHONPATH=str(SRC))
    counts = [int(n) for n in args.workers.split(",")]
    results: dict = {"probes": [], "builds": []}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, args.size)
        if not args.no_probe:
            for n in counts:
                p = probe(n, env)
                results["probes"].append(p)
                print(f"start {n} worker(s): ready in {p['wall_ready']:.2f} s wall, {p['cpu_total']:.2f} CPU-s "
                      f"in all {p['cpu']} (load {p['load']})", flush=True)
        for _ in range(args.repeat):
            for n in counts:
                r = one_build(corpus, Path(tmp) / f"w{n}.db", n, env)
                results["builds"].append(r)
                print(f"--workers {n}: {r['wall']:.1f} s wall, {r['cpu_total']:.1f} CPU-s (load {r['load_before']} "
                      f"-> {r['load_after']}); per process {r['cpu']}; writer {r['writer_per_source_cpu']} CPU-s "
                      f"per-source phase, corpus layer {r['corpus_wall']:.2f} s wall, {r['writer_corpus_cpu']} "
                      f"CPU-s writer + {r['workers_cpu_in_corpus_layer']} workers", flush=True)
    walls = {n: [r["wall"] for r in results["builds"] if r["workers"] == n] for n in counts}
    if 1 in walls and len(counts) > 1:
        for n in counts[1:]:
            ratios = [a / b for a, b in zip(walls[1], walls[n])]
            print(f"--workers {n} is {min(ratios):.2f}-{max(ratios):.2f}x faster than --workers 1 "
                  f"(pairs built in turn; load now {load()})")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
