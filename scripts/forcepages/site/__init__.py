"""site: the engine run (MkDocs or Zensical) on build/docs, the static files put in place, reports, the atomic swap."""
