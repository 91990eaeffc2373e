//! ISO 8601 durations.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 8601 duration (`P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S`), as the service sends it.
///
/// Years and months have no fixed length, so the components are kept as they
/// are; [`Duration::to_std`] converts when the duration has none.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Duration {
    pub negative: bool,
    pub years: u64,
    pub months: u64,
    pub weeks: u64,
    pub days: u64,
    pub hours: u64,
    pub minutes: u64,
    pub seconds: f64,
}

impl Duration {
    /// A duration of whole seconds, split into days, hours, minutes and seconds.
    pub fn from_secs(secs: u64) -> Self {
        Duration {
            days: secs / 86_400,
            hours: secs % 86_400 / 3_600,
            minutes: secs % 3_600 / 60,
            seconds: (secs % 60) as f64,
            ..Duration::default()
        }
    }

    /// The length, if it has no years or months and is not negative.
    pub fn to_std(&self) -> Option<std::time::Duration> {
        if self.years != 0 || self.months != 0 || self.negative {
            return None;
        }
        let whole = ((self.weeks * 7 + self.days) * 24 + self.hours) * 3_600 + self.minutes * 60;
        std::time::Duration::try_from_secs_f64(whole as f64 + self.seconds).ok()
    }
}

/// A malformed ISO 8601 duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDurationError(pub String);

impl fmt::Display for ParseDurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not an ISO 8601 duration", self.0)
    }
}

impl std::error::Error for ParseDurationError {}

impl std::str::FromStr for Duration {
    type Err = ParseDurationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseDurationError(s.to_string());
        let (negative, rest) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let rest = rest.strip_prefix(['P', 'p']).ok_or_else(err)?;
        let mut d = Duration {
            negative,
            ..Duration::default()
        };
        let mut in_time = false;
        let mut number = String::new();
        let mut any = false;
        for c in rest.chars() {
            match c.to_ascii_uppercase() {
                'T' if !in_time && number.is_empty() => in_time = true,
                c if c.is_ascii_digit() || c == '.' || c == ',' => {
                    number.push(if c == ',' { '.' } else { c })
                }
                unit => {
                    if number.is_empty() {
                        return Err(err());
                    }
                    let whole = || number.parse::<u64>().map_err(|_| err());
                    match (in_time, unit) {
                        (false, 'Y') => d.years = whole()?,
                        (false, 'M') => d.months = whole()?,
                        (false, 'W') => d.weeks = whole()?,
                        (false, 'D') => d.days = whole()?,
                        (true, 'H') => d.hours = whole()?,
                        (true, 'M') => d.minutes = whole()?,
                        (true, 'S') => d.seconds = number.parse::<f64>().map_err(|_| err())?,
                        _ => return Err(err()),
                    }
                    number.clear();
                    any = true;
                }
            }
        }
        if !number.is_empty() || !any {
            return Err(err());
        }
        Ok(d)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        f.write_str("P")?;
        for (n, unit) in [
            (self.years, 'Y'),
            (self.months, 'M'),
            (self.weeks, 'W'),
            (self.days, 'D'),
        ] {
            if n != 0 {
                write!(f, "{n}{unit}")?;
            }
        }
        let date_empty = self.years == 0 && self.months == 0 && self.weeks == 0 && self.days == 0;
        if self.hours != 0 || self.minutes != 0 || self.seconds != 0.0 || date_empty {
            f.write_str("T")?;
            if self.hours != 0 {
                write!(f, "{}H", self.hours)?;
            }
            if self.minutes != 0 {
                write!(f, "{}M", self.minutes)?;
            }
            if self.seconds != 0.0 || (self.hours == 0 && self.minutes == 0) {
                write!(f, "{}S", self.seconds)?;
            }
        }
        Ok(())
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_trip() {
        for text in ["P30D", "PT3H", "P1Y2M3DT4H5M6.5S", "PT0S", "P2W", "-PT1M"] {
            let d: Duration = text.parse().unwrap();
            assert_eq!(d.to_string(), text);
        }
        assert_eq!(
            "PT1H30M".parse::<Duration>().unwrap().to_std(),
            Some(std::time::Duration::from_secs(5400))
        );
        for bad in ["", "P", "30D", "PT", "P1H", "PTXS"] {
            assert!(bad.parse::<Duration>().is_err(), "{bad}");
        }
    }
}
