"""validate: a stage of the pipeline."""
