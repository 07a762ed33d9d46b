"""forcepages: police performance transparency sites from Frictionless data packages."""

__version__ = "0.1.0"
