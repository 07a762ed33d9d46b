"""compose: page models (what each page says) from the statistics, in plain words; charts, tables and maps as values."""
