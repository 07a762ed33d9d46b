"""Definitions of every statistical method: the single source for the methodology page and the API.

Text is plain English in short sentences. It must never use the words listed in BANNED_WORDS.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from forcepages.compute.stats.change import SMALL_NUMBER
from forcepages.compute.stats.compare import SIMILAR_AVERAGE_CONVENTION
from forcepages.compute.stats.overdispersion import MIN_AREAS, WINSOR_FRACTION
from forcepages.compute.stats.intervals import BYAR_MIN_COUNT, LEVEL_PERCENT
from forcepages.compute.stats.spc import DEFAULT_SETTINGS, MR_SCREEN, SPCSettings
from forcepages.compute.stats.trend import TREND_CHI2, TREND_POINTS
from forcepages.language import _

BANNED_WORDS: tuple[str, ...] = ("target", "league table", "best", "worst", "ranked", "top", "bottom", "failing")
"""Words the site never uses about forces or methods."""

BOTH_LEVELS: tuple[str, ...] = (LEVEL_PERCENT["95"], LEVEL_PERCENT["998"])
LEVEL_95: tuple[str, ...] = (LEVEL_PERCENT["95"],)


@dataclass(frozen=True)
class Method:
    """One statistical method as described on the methodology page."""

    id: str
    name: str
    applies_to: tuple[str, ...]
    levels: tuple[str, ...]
    description: str
    reference: str

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for the JSON API."""
        d = asdict(self)
        d["applies_to"] = list(self.applies_to)
        d["levels"] = list(self.levels)
        return d


def spc_rules(settings: SPCSettings = DEFAULT_SETTINGS) -> list[tuple[str, str]]:
    """The special-cause rules as (rule id, wording), in order of precedence, for these settings."""
    n = settings.run_length
    if settings.two_of_three_version == "2023":
        two3 = _("2 out of 3 points in a row are beyond the same inner line. "
                 "Points beyond the process limit count too.")
    else:
        two3 = _("2 out of 3 points in a row are between the same inner line and process limit. "
                 "Points beyond the process limit are not counted for this rule.")
    return [
        ("outside-limits", _("A point is above the upper process limit or below the lower process limit.")),
        ("trend", _("%(n)s points in a row each go up, or each go down (%(rises)s rises or falls in a row). "
                    "Two equal values in a row end the run.") % {"n": n, "rises": n - 1}),
        ("two-of-three", two3),
        ("shift", _("%(n)s points in a row are all above the centre line, or all below it. "
                    "A point on the centre line ends the run.") % {"n": n}),
    ]


SPC_RULES: list[tuple[str, str]] = spc_rules(DEFAULT_SETTINGS)
"""Rule wording for the settings the site uses by default."""


def xmr_description(settings: SPCSettings = DEFAULT_SETTINGS) -> str:
    """Plain-English description of the XmR chart for these settings (in the language being written)."""
    screen = (" " + _("Moving ranges more than %(times)s times the average are left out before the average is worked out.")
              % {"times": MR_SCREEN} if settings.screen_moving_ranges else "")
    version = (_("For the rule about 2 out of 3 points we use the November 2023 version from Making Data Count.")
               if settings.two_of_three_version == "2023"
               else _("For the rule about 2 out of 3 points we use the version used before November 2023 from Making Data Count."))
    rules = " ".join(f"{i}. {text}" for i, (_rule, text) in enumerate(spc_rules(settings), start=1))
    return (
        _("The chart shows a force's own figures over time. "
          "The centre line is the average. "
          "The moving range is the difference between each point and the one before. "
          "The process limits are the average plus or minus 2.66 times the average moving range. "
          "The inner lines are two thirds of the way from the average to the limits.") + screen + " "
        + _("We only draw limits when there are at least %(points)s points. "
            "Where the way the figures are recorded changed, the limits are worked out again from that date. "
            "A point is unusual if it meets one of these rules, checked in this order:") % {"points": settings.min_points}
        + " " + rules + " " + version + " "
        + _("Otherwise the figures are within the normal range of variation.")
    )


def build_methods(settings: SPCSettings = DEFAULT_SETTINGS) -> dict[str, Method]:
    """All method definitions, with the SPC text built from the settings."""
    methods = [
        Method("wilson", _("Wilson score interval"), ("proportion",), BOTH_LEVELS,
               _("Used for a percentage of a total, such as the share of crimes solved. "
                 "The interval shows the range the true figure is likely to be in. "
                 "It works well for small totals and for figures near 0%% or 100%%.") % {},
               "Wilson EB (1927). Probable inference, the law of succession, and statistical inference. "
               "Journal of the American Statistical Association 22: 209-212."),
        Method("byar", _("Byar's method"), ("rate",), BOTH_LEVELS,
               _("Used for counts of %(count)s events or more, and for rates worked out from them. "
                 "It is a close approximation to the exact Poisson interval. "
                 "The limits for the count are divided by the population and multiplied by the rate base.") % {"count": BYAR_MIN_COUNT},
               "Breslow NE, Day NE (1987). Statistical Methods in Cancer Research, volume II. IARC."),
        Method("exact-poisson", _("Exact Poisson interval"), ("rate",), BOTH_LEVELS,
               _("Used for counts of fewer than %(count)s events, and for rates worked out from them. "
                 "The limits come from the chi-square distribution. "
                 "When there are no events the lower limit is 0.") % {"count": BYAR_MIN_COUNT},
               "Garwood F (1936). Fiducial limits for the Poisson distribution. Biometrika 28: 437-442."),
        Method("published-interval", _("Published interval"), ("survey",), LEVEL_95,
               _("Survey figures are estimates from a sample of people. "
                 "We use the 95%% confidence interval published with the estimate. "
                 "We do not work it out again. No 99.8%% interval is published, so we do not use one.") % {},
               "Office for National Statistics. Crime Survey for England and Wales technical report."),
        Method("no-interval", _("No interval"), ("value",), (),
               _("Some figures, such as spending per person, have no confidence interval. "
                 "We do not test whether differences in them are statistically significant. "
                 "We show the figures and say that no test was made."),
               "Office for Health Improvement and Disparities. Fingertips technical guidance."),
        Method("benchmark-overlap", _("Comparison with a benchmark"), ("rate", "proportion", "survey"), BOTH_LEVELS,
               _("We compare a force with England and Wales or with its similar forces. "
                 "Where forces differ more than chance explains, we use the overdispersion test below. "
                 "Otherwise: if the benchmark is inside the force's 95%% interval, the force is similar to it; "
                 "if it is outside, the force is clearly higher or clearly lower. "
                 "How sure we are (clearly, or similar) is said apart from how big the gap is (such as about a third lower). "
                 "Whether higher is better, worse or neither depends on the indicator.") % {},
               "Office for Health Improvement and Disparities. Fingertips technical guidance: "
               "comparing with a benchmark."),
        Method("overdispersion", _("Allowing for differences between forces (overdispersion)"), ("rate", "proportion"), LEVEL_95,
               _("Forces differ for many reasons besides chance: who lives there, and how crimes are reported and "
                 "recorded. With large counts, chance alone would call almost every force different. "
                 "So for each indicator and period we work out each force's z-score against England and Wales. "
                 "We set the lowest and highest %(percent)s%% of z-scores to the nearest value "
                 "inside (winsorising). The overdispersion factor phi is the mean of their squares. "
                 "Chance alone gives a phi of about 1. "
                 "Where phi is more than 1 by more than chance (a chi-square test at the 95%% level), "
                 "we add the between-force variance tau squared "
                 "(DerSimonian and Laird's estimate, as Spiegelhalter gives it) to each force's own variance. "
                 "A force is then clearly higher or lower only if its adjusted z-score is beyond 1.96. "
                 "The same allowance is used for England and Wales, similar forces, the funnel plot and the trend. "
                 "With fewer than %(areas)s forces, or phi of 1 or less, nothing is added. "
                 "phi and tau squared are in the API for each indicator and period.") % {"percent": int(WINSOR_FRACTION * 100), "areas": MIN_AREAS},
               "Spiegelhalter DJ (2005). Handling over-dispersion of performance indicators. "
               "Quality and Safety in Health Care 14: 347-351; and Funnel plots for comparing institutional "
               "performance. Statistics in Medicine 24: 1185-1202."),
        Method("double-overlap", _("Comparison of two intervals"), ("survey",), LEVEL_95,
               _("Some benchmarks, such as a survey average, have their own interval. "
                 "This includes the average of similar forces for a survey, whose interval comes from each "
                 "member's standard error. "
                 "If the force's 95%% interval and the benchmark's 95%% interval overlap, the force is similar to it. "
                 "If they do not overlap, the force is higher or lower. "
                 "This test is cautious: some real differences will show as similar.") % {},
               "Office for Health Improvement and Disparities. Fingertips technical guidance."),
        Method("census", _("Full counts and amounts"), ("rate", "value"), (),
               _("Some figures, such as numbers of staff or money, are full counts or amounts, not estimates. "
                 "They have no chance variation, so we draw no interval and make no test. "
                 "We say how big the gap is, but never better or worse."),
               "Government Statistical Service. Communicating uncertainty and change (2018)."),
        Method("similar-forces-average", _("Average of similar forces"), ("rate", "proportion", "survey", "value"), (),
               _(SIMILAR_AVERAGE_CONVENTION),
               "forcepages: similar forces groups (see the reference data package)."),
        Method("xmr", _("Statistical process control (XmR chart)"), ("rate", "proportion", "survey", "value"), (),
               xmr_description(settings),
               "NHS England. Making Data Count: strengthening your decisions (2019, updated November 2023)."),
        Method("recent-trend", _("Recent trend"), ("rate", "proportion", "survey"), LEVEL_95,
               _("We look at the latest %(points)s yearly figures and their 95%% intervals. "
                 "They must follow on from each other with no year missing and no change of definition between them; "
                 "the page names the first and last year. Each interval is widened by the overdispersion allowance "
                 "for its year. "
                 "We fit a straight line that gives more weight to more precise figures. "
                 "The trend is significant if the chi-square test value is more than %(chi2)s "
                 "(a 1 in 500 chance of happening by chance alone). "
                 "The line must also slope the same way when each figure is left out in turn. "
                 "The result is increasing, decreasing, no significant change, or cannot be calculated. "
                 "It cannot be calculated if there are fewer than %(points)s figures or an interval is missing.") % {"points": TREND_POINTS, "chi2": TREND_CHI2},
               "Office for Health Improvement and Disparities. Fingertips technical guidance: recent trends."),
        Method("year-on-year", _("Change from the year before"), ("rate", "proportion", "survey"), LEVEL_95,
               _("We give the change as a number and as a percentage. "
                 "We call it a rise or a fall only if the two 95%% intervals do not overlap, "
                 "or if the chart over time shows an unusual rise or fall. "
                 "Otherwise we say it is broadly unchanged. "
                 "We do not give a percentage when either year has fewer than %(small)s events, "
                 "because percentages of small numbers change a lot by chance.") % {"small": SMALL_NUMBER},
               "Office for National Statistics. Crime in England and Wales: user guide."),
        Method("funnel", _("Funnel plot"), ("rate", "proportion"), BOTH_LEVELS,
               _("The funnel plot shows every force at once, against the size of its population or total. "
                 "The lines show how far a force can be from the England and Wales figure by chance alone. "
                 "They are wider for smaller forces. "
                 "For rates the lines come from the Poisson distribution. "
                 "For percentages they come from the binomial distribution (Wilson-type limits). "
                 "Where forces differ more than chance explains, the lines are widened by the same overdispersion "
                 "allowance as the comparisons, and forces are counted against the widened lines. "
                 "Each force is within expected variation, above or below. Forces are not put in order."),
               "Spiegelhalter DJ (2005). Funnel plots for comparing institutional performance. "
               "Statistics in Medicine 24: 1185-1202."),
        Method("disclosure", _("Protecting small numbers"), ("rate", "proportion"), (),
               _("Some indicators have a disclosure threshold, for example fewer than 5 events. "
                 "Numbers below it are shown as [c] everywhere. "
                 "So that nobody can work them out, we also hide the next smallest number "
                 "and any total or rate that would reveal them."),
               "Government Statistical Service. Statistical disclosure control policy."),
    ]
    return {m.id: m for m in methods}


METHODS: dict[str, Method] = build_methods(DEFAULT_SETTINGS)
"""Every method the site uses, keyed by method id."""

_BY_MEASURE: dict[str, list[str]] = {
    "rate": ["byar", "exact-poisson", "benchmark-overlap", "overdispersion", "similar-forces-average", "xmr",
             "recent-trend", "year-on-year", "funnel", "disclosure"],
    "proportion": ["wilson", "benchmark-overlap", "overdispersion", "similar-forces-average", "xmr",
                   "recent-trend", "year-on-year", "funnel", "disclosure"],
    "survey": ["published-interval", "benchmark-overlap", "double-overlap", "similar-forces-average", "xmr",
               "recent-trend", "year-on-year"],
    "value": ["no-interval", "census", "similar-forces-average", "xmr"],
}


def methods_for_measure(measure: str) -> list[str]:
    """Method ids that apply to a measure type (rate, proportion, survey, value)."""
    try:
        return list(_BY_MEASURE[measure])
    except KeyError:
        raise ValueError(f"unknown measure {measure!r}") from None
