//! The layout of generated code written as text (`clients.rs`, the example tests):
//! the files are `#[rustfmt::skip]`, so their emitters lay them out as rustfmt would
//! the common cases, with these helpers.

/// The width generated lines keep to where they can (rustfmt's default).
pub(crate) const WIDTH: usize = 100;

/// `open`, the items, `close`, as rustfmt lays out a call's arguments or an array's
/// elements: on one line when that fits in `width` columns, else an item a line, each
/// followed by a comma. The text is relative: the caller indents lines after the first.
pub(crate) fn group(open: &str, items: &[String], close: &str, width: usize) -> String {
    let one_line = open.len() + close.len() + items.iter().map(|i| i.len() + 2).sum::<usize>();
    if one_line <= width + 2 && !items.iter().any(|i| i.contains('\n')) {
        let mut out = String::with_capacity(one_line);
        out.push_str(open);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(item);
        }
        out.push_str(close);
        return out;
    }
    let mut out = String::with_capacity(one_line + 8 * items.len());
    out.push_str(open);
    out.push('\n');
    for item in items {
        let start = out.len();
        push_lines(&mut out, "    ", item);
        // The comma goes at the end of the item's last line.
        if out.len() > start {
            out.pop();
            out.push_str(",\n");
        }
    }
    out.push_str(close);
    out
}

/// Appends `text` with `indent` before each of its lines (but empty ones), and a newline.
pub(crate) fn push_lines(out: &mut String, indent: &str, text: &str) {
    for line in text.split('\n') {
        if !line.is_empty() {
            out.push_str(indent);
            out.push_str(line);
        }
        out.push('\n');
    }
}
