"""render: a stage of the pipeline."""
