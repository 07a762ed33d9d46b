"""compose: a stage of the pipeline."""
