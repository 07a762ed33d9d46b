"""compute: the statistics for every indicator, area and period, and the one judgement (judge.py)."""
