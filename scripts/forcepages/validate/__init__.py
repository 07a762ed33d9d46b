"""validate: find the data packages, read their tables, check them against the contract and frictionless; load them typed."""
