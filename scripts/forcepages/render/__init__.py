"""render: Jinja2 templates to Markdown pages in build/docs, and the area pages written a block of areas at a time."""
