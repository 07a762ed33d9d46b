"""forcepages: police performance transparency sites from Frictionless data packages."""

import os

# One OpenBLAS thread: forcepages runs in parallel with forked worker processes, one per core, and its statistics
# need no multithreaded linear algebra. OpenBLAS otherwise starts a thread per core when numpy is imported, which
# took 0.25 s of every build's start-up (0.45 s of CPU) on a 2-core machine. Set before numpy is first imported;
# a value the user has set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
