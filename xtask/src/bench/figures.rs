//! One measurement's figures (run times, peak RSS) and how they are shown.

use serde_json::{json, Value};

/// One measurement: run times and the largest peak RSS among the runs.
#[derive(Debug, Clone, Default)]
pub(super) struct Sample {
    pub(super) runs_ms: Vec<f64>,
    pub(super) peak_rss_kib: Option<u64>,
}

impl Sample {
    pub(super) fn median_ms(&self) -> f64 {
        median(&self.runs_ms)
    }

    pub(super) fn to_json(&self) -> Value {
        json!({
            "median_ms": round(self.median_ms(), 2),
            "runs_ms": self.runs_ms.iter().map(|t| round(*t, 2)).collect::<Vec<_>>(),
            "peak_rss_kib": self.peak_rss_kib,
        })
    }

    pub(super) fn shown(&self) -> String {
        let rss = self
            .peak_rss_kib
            .map_or_else(String::new, |k| format!(", {} peak", mib(k)));
        format!(
            "{}{rss} (median of {})",
            ms(self.median_ms()),
            self.runs_ms.len()
        )
    }
}

pub(super) fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

pub(super) fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

pub(super) fn ms(x: f64) -> String {
    if x >= 10_000.0 {
        format!("{:.1} s", x / 1000.0)
    } else if x >= 1000.0 {
        format!("{:.2} s", x / 1000.0)
    } else if x >= 10.0 {
        format!("{x:.0} ms")
    } else {
        format!("{x:.1} ms")
    }
}

pub(super) fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

pub(super) fn ratio(a: f64, b: f64) -> String {
    format!("{:.2}", a / b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(&[]).is_nan());
    }
}
