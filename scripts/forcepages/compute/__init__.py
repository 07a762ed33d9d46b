"""compute: a stage of the pipeline."""
