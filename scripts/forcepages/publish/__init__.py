"""publish: a stage of the pipeline."""
