//! What a team decided about findings, applied after `compare`: severity overrides per check,
//! suppressions of reviewed topics, and a baseline of accepted findings. Pure: findings in,
//! the findings to report and the counts of the others out.

use crate::baseline::Baseline;
use crate::config::Config;
use crate::model::Finding;

/// The findings to report, and what was left out.
#[derive(Debug, Clone, Default)]
pub struct Triaged {
    pub findings: Vec<Finding>,
    /// Findings silenced by a suppression of the configuration.
    pub suppressed: usize,
    /// Findings already in the baseline (None: no baseline in use).
    pub baselined: Option<usize>,
    /// Indices of the configuration's suppressions that matched no finding.
    pub unused_suppressions: Vec<usize>,
}

/// Applies, in order, the severity overrides (a check turned off drops its findings), the
/// suppressions, and the baseline.
pub fn triage(findings: Vec<Finding>, config: &Config, baseline: Option<&Baseline>) -> Triaged {
    let mut used = vec![false; config.suppressions.len()];
    let mut out = Triaged { baselined: baseline.map(|_| 0), ..Triaged::default() };
    for mut f in findings {
        match config.severity.get(f.code) {
            Some(None) => continue,
            Some(Some(s)) => f.severity = *s,
            None => {}
        }
        let mut suppressed = false;
        for (i, s) in config.suppressions.iter().enumerate() {
            if s.matches(&f) {
                used[i] = true;
                suppressed = true;
            }
        }
        if suppressed {
            out.suppressed += 1;
        } else if baseline.is_some_and(|b| b.contains(&f)) {
            out.baselined = out.baselined.map(|n| n + 1);
        } else {
            out.findings.push(f);
        }
    }
    out.unused_suppressions = used.iter().enumerate().filter(|(_, u)| !**u).map(|(i, _)| i).collect();
    out
}
