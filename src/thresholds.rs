//! Every tunable number of the pipeline, in one place. Defaults are what `factlint check` uses.

/// Thresholds that decide how claims are read, matched and judged.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// "about N" allows N ± this fraction of N (at least ±1).
    pub about_tolerance: f64,
    /// "nearly N" allows values from N × (1 − this) up to N − 1.
    pub nearly_tolerance: f64,
    /// Two lower bounds (or two upper bounds) whose ratio reaches this are "diverging widely":
    /// "more than 62" against "at least 143" (ratio 2.3) is a warning.
    pub diverge_ratio: f64,
    /// Jaro-Winkler similarity from which two name tokens are spellings of one name.
    pub name_similarity: f64,
    /// Two dates of "one" event further apart than this many days are two events at one place
    /// (a 2021 airport bombing and a 2022 embassy bombing, both in Kabul), not a misdating.
    pub same_event_days: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            about_tolerance: 0.1,
            nearly_tolerance: 0.1,
            diverge_ratio: 1.5,
            name_similarity: 0.88,
            same_event_days: 31,
        }
    }
}
