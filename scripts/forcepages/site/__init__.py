"""site: a stage of the pipeline."""
