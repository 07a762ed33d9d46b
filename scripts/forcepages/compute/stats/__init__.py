"""Statistical methods for forcepages: pure functions on numbers and numpy arrays (no I/O)."""

from forcepages.compute.stats.change import SMALL_NUMBER, year_on_year
from forcepages.compute.stats.compare import (CATEGORIES, JUDGEMENTS, SIMILAR_AVERAGE_CONVENTION, compare, compare_many, is_much, judgement, similar_forces_average)
from forcepages.compute.stats.disclosure import (apply_mask, primary_suppression, secondary_suppression, suppress, total_is_disclosive)
from forcepages.compute.stats.funnel import funnel_limits, funnel_position, funnel_positions
from forcepages.compute.stats.intervals import (LEVELS, Z95, Z998, byar_interval, count_interval, count_method, exact_poisson_interval, interval_for, proportion_interval_percent, rate_interval, wilson_interval)
from forcepages.compute.stats.methods import METHODS, SPC_RULES, Method, build_methods, methods_for_measure, spc_rules
from forcepages.compute.stats.spc import DEFAULT_SETTINGS, SPCResult, SPCSettings, non_overlapping, xmr
from forcepages.compute.stats.trend import recent_trend, trend_statistics

__all__ = [
    "CATEGORIES", "DEFAULT_SETTINGS", "JUDGEMENTS", "LEVELS", "METHODS", "SIMILAR_AVERAGE_CONVENTION",
    "SMALL_NUMBER", "SPC_RULES", "Method", "SPCResult", "SPCSettings", "Z95", "Z998", "apply_mask",
    "build_methods", "byar_interval", "compare", "compare_many", "count_interval", "count_method",
    "exact_poisson_interval", "funnel_limits", "funnel_position", "funnel_positions", "interval_for",
    "is_much", "judgement", "methods_for_measure", "non_overlapping", "primary_suppression",
    "proportion_interval_percent", "rate_interval", "recent_trend", "secondary_suppression",
    "similar_forces_average", "spc_rules", "suppress", "total_is_disclosive", "trend_statistics",
    "wilson_interval", "xmr", "year_on_year",
]
