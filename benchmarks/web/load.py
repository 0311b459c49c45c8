"""Web load benchmark: the real server (``quellen serve``, uvicorn) on loopback, hit by 1 and by 50
concurrent keep-alive clients; prints p50/p99 latency and throughput of pages and of static assets.

Targets (issue 15, 2 cores, the generated 10,000-document store): at 50 clients page p50 <= 100 ms,
p99 <= 500 ms, throughput >= 3x the 90 requests/s measured before. Clients and time are bounded
(at most 64 clients, at most 60 s per run) and only 127.0.0.1 is ever contacted.

    .venv/bin/python benchmarks/web/load.py [--workers 2] [--seconds 15] [--clients 1 50]
        [--src PATH]   # the quellen source tree to serve (e.g. another checkout, for a before/after)
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

MAX_CLIENTS, MAX_SECONDS = 64, 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _get(reader, writer, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = None
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
        elif name.strip().lower() == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


async def _client(port: int, paths: list[str], until: float, seed: int, out: list,
                  fresh: list[str] | None = None) -> None:
    rng = random.Random(seed)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < until:
            path = rng.choice(paths)
            if path == "@fresh":
                path = rng.choice(fresh)
            t = time.perf_counter()
            status = await _get(reader, writer, path)
            out.append((path, (time.perf_counter() - t) * 1000, status))
    finally:
        writer.close()


def run_load(port: int, paths: list[str], clients: int, seconds: float, fresh: list[str] | None = None
             ) -> list[tuple[str, float, int]]:
    """Return (path, ms, status) of every request ``clients`` keep-alive clients made in ``seconds``;
    a path ``@fresh`` stands for one drawn from ``fresh`` at each request."""
    clients, seconds = min(clients, MAX_CLIENTS), min(seconds, MAX_SECONDS)
    out: list = []

    async def main():
        until = time.perf_counter() + seconds
        await asyncio.gather(*(_client(port, paths, until, i, out, fresh) for i in range(clients)))
    asyncio.run(main())
    return out


def warm(port: int, paths: list[str], connections: int, rounds: int = 10) -> None:
    """Sweep every path on ``connections`` connections at once, again until no request of a sweep
    is slow (each worker process fills its own caches on its first requests), at most ``rounds`` times."""
    async def sweep(times: list) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for path in paths:
                t = time.perf_counter()
                await _get(reader, writer, path)
                times.append(time.perf_counter() - t)
        finally:
            writer.close()

    async def main() -> float:
        times: list = []
        await asyncio.gather(*(sweep(times) for _ in range(connections)))
        return max(times)
    for _ in range(rounds):
        if asyncio.run(main()) < 0.3:
            return


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * q))] if xs else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--db", default=str(Path(__file__).resolve().parents[1] / "out" / "web.db"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 50])
    parser.add_argument("--distinct", action="store_true",
                        help="document pages drawn from all documents: nearly every page rendered afresh")
    parser.add_argument("--src", default=str(Path(__file__).resolve().parents[2] / "src"))
    args = parser.parse_args()
    from quellen.store import Store
    db = Path(args.db)
    from make_corpus import ensure_corpus
    ensure_corpus(db, args.documents)
    with Store(db, create=False) as store:
        rng = random.Random(1)
        all_documents = [d.id for d in store.documents()]
        documents = rng.sample(all_documents, 40)
        entities = [e.id for e in rng.sample(store.entities(), 30)]
        words = [e.name.split()[0] for e in rng.sample(store.entities(), 10)]
    pages = (["/", "/documents", "/documents?page=50", "/entities", "/timeline", "/conflicts", "/map"]
             + [f"/documents/{d}" for d in documents] + [f"/entities/{e}" for e in entities]
             + [f"/search?q={w}" for w in words])
    static = ["/static/quellen.js", "/static/quellen.css", "/static/timeline.js"]
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": args.src}
    command = [sys.executable, "-m", "quellen", "serve", "--db", str(db), "--port", str(port)]
    if args.workers > 1:
        command += ["--workers", str(args.workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    print(server.stderr.read().decode(errors="replace"))
                    return 1
                time.sleep(0.2)
        # warm-up: every page once per worker (each process fills its own caches)
        warm(port, pages, max(1, args.workers) * 4)
        print(f"server: {args.src} (workers {args.workers}), store {db}"
              + (", distinct document pages" if args.distinct else ""))
        for clients in args.clients:
            mix = pages + static
            if args.distinct:  # half the requests: any of the 10,000 document pages, mostly never asked before
                mix = mix + ["@fresh"] * len(mix)
            results = run_load(port, mix, clients, args.seconds, [f"/documents/{d}" for d in all_documents])
            bad = [r for r in results if r[2] != 200]
            page_ms = [ms for p, ms, _ in results if not p.startswith("/static/")]
            static_ms = [ms for p, ms, _ in results if p.startswith("/static/")]
            rate = len(results) / args.seconds
            print(f"{clients:>3} clients: {rate:6.1f} req/s | pages p50 {_pct(page_ms, .5):6.1f} ms "
                  f"p99 {_pct(page_ms, .99):7.1f} ms (n={len(page_ms)}) | static p50 {_pct(static_ms, .5):6.1f} ms "
                  f"p99 {_pct(static_ms, .99):7.1f} ms | non-200: {len(bad)}")
            if statistics.mean([1 if r[2] == 200 else 0 for r in results] or [0]) < 1:
                print("  statuses:", sorted({r[2] for r in bad}))
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
