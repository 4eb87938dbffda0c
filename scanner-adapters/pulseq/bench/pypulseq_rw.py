"""Peer side of `./mrpilot bench pulseq`: pypulseq reads a .seq file and writes it again, timed.

Prints one JSON line: {"read_s": [...], "write_s": [...], "version": "..."} (one entry per repetition).
"""
import json
import sys
import tempfile
import time
from pathlib import Path

import pypulseq as pp


def main(path, repeats):
    reads, writes = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeats):
            seq = pp.Sequence()
            t0 = time.perf_counter()
            seq.read(path)
            reads.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            seq.write(str(Path(tmp) / "out.seq"))
            writes.append(time.perf_counter() - t0)
    print(json.dumps({"read_s": reads, "write_s": writes, "version": pp.__version__}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
