//! `format`, as ajv-formats checks it for Backstage's wizard (date, date-time,
//! email, uri); other formats are not checked, as ajv does with unknown ones.

/// The message for a string that does not have `format`, if it does not.
pub fn error(s: &str, format: &str) -> Option<String> {
    match format {
        "email" if !is_email(s) => Some("must be an email address, like name@example.com.".into()),
        "uri" | "url" if !is_uri(s) => Some("must be a full address, like https://example.com/path.".into()),
        "date" if !is_date(s) => Some("must be a date, like 2026-01-31.".into()),
        "date-time" if !is_date_time(s) => Some("must be a date and time, like 2026-01-31T09:30:00Z.".into()),
        _ => None,
    }
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else { return false };
    !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !s.chars().any(char::is_whitespace)
}

fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let mut c = scheme.chars();
    c.next().is_some_and(|x| x.is_ascii_alphabetic())
        && c.all(|x| x.is_ascii_alphanumeric() || "+-.".contains(x))
        && !rest.is_empty()
        && !s.chars().any(char::is_whitespace)
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (s[0..4].parse::<u32>(), s[5..7].parse::<u32>(), s[8..10].parse::<u32>()) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn is_date_time(s: &str) -> bool {
    let Some((date, time)) = s.split_once(['T', 't', ' ']) else { return false };
    if !is_date(date) || time.len() < 8 {
        return false;
    }
    let t = time.as_bytes();
    let two = |i: usize| time.get(i..i + 2).and_then(|x| x.parse::<u32>().ok());
    let zone = &time[8..];
    let zone = zone.strip_prefix('.').map(|z| z.trim_start_matches(|c: char| c.is_ascii_digit())).unwrap_or(zone);
    let zone_ok = zone.eq_ignore_ascii_case("z")
        || (zone.len() == 6 && (zone.starts_with('+') || zone.starts_with('-')) && zone.as_bytes()[3] == b':');
    t[2] == b':'
        && t[5] == b':'
        && two(0).is_some_and(|h| h < 24)
        && two(3).is_some_and(|m| m < 60)
        && two(6).is_some_and(|s| s < 61)
        && zone_ok
}
