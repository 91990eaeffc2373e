//! Spec text as rustdoc reads it: descriptions are Markdown, but written for autorest's
//! renderers, and rustdoc takes some of it for something else. Brackets become
//! intra-doc links (`P[n]Y[n]M`, `repo[:tag]`), `<...>` HTML tags, and a bare URL a
//! warning. Each is escaped here, once, as the text enters the intermediate form, so
//! that the text shows as written and `cargo doc` with `-D warnings` stays clean:
//! `[` and `]` outside a Markdown link become `\[` `\]`, a `<` that opens no autolink
//! `&lt;`, and a bare URL `<url>`. Code spans and fenced blocks are left as they are.

/// `text` with what rustdoc would misread escaped (see the module's docs).
pub(crate) fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut fence: Option<&str> = None;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m && trimmed == m => fence = None,
            _ => {}
        }
        if fence.is_some() || marker.is_some() {
            out.push_str(line);
        } else {
            escape_line(line, &mut out);
        }
    }
    out
}

/// One line outside fences: code spans (between backticks) kept, the rest escaped.
fn escape_line(line: &str, out: &mut String) {
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        let run = from(rest, start).chars().take_while(|&c| c == '`').count();
        let ticks = sub(rest, start, start + run);
        match from(rest, start + run).find(ticks) {
            Some(len) => {
                escape_text(sub(rest, 0, start), out);
                let end = start + run + len + run;
                out.push_str(sub(rest, start, end));
                rest = from(rest, end);
            }
            None => break,
        }
    }
    escape_text(rest, out);
}

/// Text without code spans.
fn escape_text(text: &str, out: &mut String) {
    let mut i = 0;
    while let Some(c) = from(text, i).chars().next() {
        let here = from(text, i);
        let taken = match c {
            '[' | '<' => {
                let kept = match c {
                    '[' => markdown_link(here),
                    _ => autolink(here),
                };
                match kept {
                    Some(len) => out.push_str(sub(here, 0, len)),
                    None => out.push_str(if c == '[' { "\\[" } else { "&lt;" }),
                }
                kept.unwrap_or(1)
            }
            ']' => {
                out.push_str("\\]");
                1
            }
            'h' if starts_url(here) && !after_word(text, i) => {
                let len = url_len(here);
                out.push('<');
                out.push_str(sub(here, 0, len));
                out.push('>');
                len
            }
            c => {
                out.push(c);
                c.len_utf8()
            }
        };
        i += taken;
    }
}

/// The length of a Markdown link `[text](target)` at the start of `s`, if it is one
/// (the text without brackets of its own).
fn markdown_link(s: &str) -> Option<usize> {
    let close = s.find(']')?;
    if sub(s, 1, close).contains('[') || !from(s, close + 1).starts_with('(') {
        return None;
    }
    let target = from(s, close + 2);
    let end = target.find(')')?;
    if end == 0 || sub(target, 0, end).contains(char::is_whitespace) {
        return None;
    }
    Some(close + 2 + end + 1)
}

/// The length of an autolink `<https://...>` at the start of `s`, if it is one.
fn autolink(s: &str) -> Option<usize> {
    if !starts_url(from(s, 1)) {
        return None;
    }
    let end = s.find('>')?;
    (!sub(s, 0, end).contains(char::is_whitespace)).then_some(end + 1)
}

fn starts_url(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

/// Whether the byte before `i` is part of a word (`xhttp://` is no URL).
fn after_word(text: &str, i: usize) -> bool {
    sub(text, 0, i)
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '/')
}

/// The length of the URL at the start of `s`: up to whitespace or a character that
/// cannot end one, trailing punctuation left out.
fn url_len(s: &str) -> usize {
    let end = s
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(s.len());
    let url = sub(s, 0, end).trim_end_matches(['.', ',', ';', ':', ')', '\'', '!', '?']);
    url.len()
}

/// `s[start..end]`, or nothing where that is not a slice of `s` (the positions here come
/// from finding ASCII characters, so it always is).
fn sub(s: &str, start: usize, end: usize) -> &str {
    s.get(start..end).unwrap_or_default()
}

/// `s[start..]`, or nothing (see [`sub`]).
fn from(s: &str, start: usize) -> &str {
    s.get(start..).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::markdown;

    #[test]
    fn brackets_that_are_no_links_are_escaped() {
        assert_eq!(markdown("P[n]Y[n]M"), "P\\[n\\]Y\\[n\\]M");
        assert_eq!(markdown("repo[:tag]"), "repo\\[:tag\\]");
        assert_eq!(
            markdown("see [the docs](https://aka.ms/acr) now"),
            "see [the docs](https://aka.ms/acr) now"
        );
    }

    #[test]
    fn bare_urls_become_autolinks() {
        assert_eq!(
            markdown("Go to https://example.com/a?b=1."),
            "Go to <https://example.com/a?b=1>."
        );
        assert_eq!(markdown("(http://x.io)"), "(<http://x.io>)");
        assert_eq!(markdown("<https://x.io>"), "<https://x.io>");
    }

    #[test]
    fn angle_brackets_are_text() {
        assert_eq!(markdown("a <name> here"), "a &lt;name> here");
        assert_eq!(markdown("x < y"), "x &lt; y");
    }

    #[test]
    fn code_is_left_as_written() {
        assert_eq!(markdown("use `a[0] <b>` here"), "use `a[0] <b>` here");
        let fenced = "text [x]\n```\nlet a = b[0];\n```\nafter [y]";
        assert_eq!(
            markdown(fenced),
            "text \\[x\\]\n```\nlet a = b[0];\n```\nafter \\[y\\]"
        );
        assert_eq!(markdown("an odd ` tick [z]"), "an odd ` tick \\[z\\]");
    }

    #[test]
    fn any_text_is_safe() {
        for text in [
            "", "[", "]", "<", "`", "``", "[a](", "[a]()", "http://", "é[ü]",
        ] {
            let _ = markdown(text);
        }
    }
}
