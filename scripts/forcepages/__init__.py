"""forcepages: police performance transparency sites from Frictionless data packages."""

import os

# One OpenBLAS thread: forcepages runs its stages in worker processes, one per core (parallel.py), and its
# statistics need no multithreaded linear algebra; OpenBLAS otherwise starts a thread per core when numpy is
# imported. Set before numpy is first imported; a value the user has set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
