//! Finds the line and column of a JSON pointer in JSON source text.
//!
//! serde_json's `Value` keeps no positions, and errors found after parsing
//! (a dangling `$ref`, a bad schema) still deserve `file:line:col`. Rather
//! than carry spans through every value, this scans the text again, only
//! when an error is reported. Hand-written because the span-keeping JSON
//! crates would replace serde_json's `Value` in the whole loader for the
//! sake of error messages; this is one small, tested scanner instead.

/// 1-based (line, column) of the value at `pointer` in `text`; for a pointer
/// that does not exist, the position of its deepest existing ancestor.
pub fn json_pointer_position(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let tokens: Vec<String> = if pointer.is_empty() {
        Vec::new()
    } else {
        pointer
            .strip_prefix('/')?
            .split('/')
            .map(crate::pointer::unescape_token)
            .collect()
    };
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        text,
        pos: 0,
    };
    let offset = scanner.find(&tokens)?;
    Some(line_col(text, offset))
}

/// The byte offset of a 1-based line and a column counted in bytes as serde_json
/// reports them (the column of the offending byte; 0 for the start of a line).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let mut offset = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The JSON pointer of the innermost value that is open at byte `offset` of
/// `text`, which need not be valid JSON from there on: where in the document's
/// structure a parse error sits. An object member counts from its `:` until its
/// value is complete, an array item from its first character; between members
/// or items, the place is the object or array itself.
pub fn json_pointer_at(text: &str, offset: usize) -> String {
    #[derive(Clone, Copy, PartialEq)]
    enum Slot {
        /// No value yet (after `[`, `,` or `:`).
        Empty,
        /// A value has begun and is not complete.
        Open,
        Done,
    }
    enum Frame {
        /// `key` once its `:` is read; `pending` is a key string not yet followed by `:`.
        Object {
            key: Option<String>,
            pending: Option<String>,
            slot: Slot,
        },
        Array {
            index: usize,
            slot: Slot,
        },
    }
    impl Frame {
        fn slot(&mut self) -> &mut Slot {
            match self {
                Frame::Object { slot, .. } | Frame::Array { slot, .. } => slot,
            }
        }
    }
    fn start(stack: &mut [Frame]) {
        if let Some(slot) = stack.last_mut().map(Frame::slot) {
            if *slot == Slot::Empty {
                *slot = Slot::Open;
            }
        }
    }
    fn finish(stack: &mut [Frame]) {
        if let Some(slot) = stack.last_mut().map(Frame::slot) {
            *slot = Slot::Done;
        }
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        text,
        pos: 0,
    };
    while scanner.pos < offset {
        let Some(b) = scanner.peek() else { break };
        match b {
            b'{' => {
                start(&mut stack);
                stack.push(Frame::Object {
                    key: None,
                    pending: None,
                    slot: Slot::Empty,
                });
                scanner.pos += 1;
            }
            b'[' => {
                start(&mut stack);
                stack.push(Frame::Array {
                    index: 0,
                    slot: Slot::Empty,
                });
                scanner.pos += 1;
            }
            b'}' | b']' => {
                stack.pop();
                finish(&mut stack);
                scanner.pos += 1;
            }
            b':' => {
                if let Some(Frame::Object {
                    key, pending, slot, ..
                }) = stack.last_mut()
                {
                    *key = pending.take();
                    *slot = Slot::Empty;
                }
                scanner.pos += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object {
                        key, pending, slot, ..
                    }) => {
                        *key = None;
                        *pending = None;
                        *slot = Slot::Empty;
                    }
                    Some(Frame::Array { index, slot }) => {
                        *index += 1;
                        *slot = Slot::Empty;
                    }
                    None => {}
                }
                scanner.pos += 1;
            }
            b'"' => {
                let key_position = matches!(stack.last(), Some(Frame::Object { key: None, .. }));
                if !key_position {
                    start(&mut stack);
                }
                let Some(string) = scanner.string() else {
                    break;
                };
                if scanner.pos > offset {
                    // The fault is inside this string.
                    break;
                }
                match stack.last_mut() {
                    Some(Frame::Object { pending, .. }) if key_position => *pending = Some(string),
                    _ => finish(&mut stack),
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' => {
                // Whitespace ends a number or literal.
                if let Some(slot) = stack.last_mut().map(Frame::slot) {
                    if *slot == Slot::Open {
                        *slot = Slot::Done;
                    }
                }
                scanner.pos += 1;
            }
            _ => {
                start(&mut stack);
                scanner.pos += 1;
            }
        }
    }
    // The offending byte itself may begin a value (`[1, x]`): that value is the place.
    if scanner.pos == offset
        && !matches!(
            scanner.peek(),
            None | Some(b'}' | b']' | b',' | b':' | b'"' | b' ' | b'\t' | b'\n' | b'\r')
        )
    {
        start(&mut stack);
    }
    let mut pointer = String::new();
    for frame in &stack {
        let token = match frame {
            Frame::Object {
                key: Some(key),
                slot: Slot::Empty | Slot::Open,
                ..
            } => crate::pointer::escape_token(key).into_owned(),
            Frame::Array {
                index,
                slot: Slot::Open,
            } => index.to_string(),
            _ => break,
        };
        pointer.push('/');
        pointer.push_str(&token);
    }
    pointer
}

/// 1-based (line, column) of a byte offset; the column counts characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = match before.rfind('\n') {
        Some(i) => before.get(i + 1..).map_or(0, |s| s.chars().count()) + 1,
        None => before.chars().count() + 1,
    };
    (line, col)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Positioned at a value; returns the offset of the value `tokens` names
    /// under it, or of the deepest ancestor found.
    fn find(&mut self, tokens: &[String]) -> Option<usize> {
        self.skip_ws();
        let start = self.pos;
        let Some((first, rest)) = tokens.split_first() else {
            return Some(start);
        };
        match self.peek()? {
            b'{' => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        b'}' => return Some(start),
                        b',' => {
                            self.pos += 1;
                            continue;
                        }
                        b'"' => {}
                        _ => return Some(start),
                    }
                    let key = self.string()?;
                    self.skip_ws();
                    if self.peek()? != b':' {
                        return Some(start);
                    }
                    self.pos += 1;
                    if &key == first {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                }
            }
            b'[' => {
                let want: usize = match first.parse() {
                    Ok(n) => n,
                    Err(_) => return Some(start),
                };
                self.pos += 1;
                let mut index = 0;
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        b']' => return Some(start),
                        b',' => {
                            self.pos += 1;
                            continue;
                        }
                        _ => {}
                    }
                    if index == want {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    index += 1;
                }
            }
            _ => Some(start),
        }
    }

    /// Reads a string literal at the cursor and returns it decoded.
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.pos += 1;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    let literal = self.text.get(start..self.pos)?;
                    return serde_json::from_str(literal).ok();
                }
                _ => self.pos += 1,
            }
        }
        None
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            b'{' | b'[' => {
                let mut depth = 0usize;
                while let Some(b) = self.peek() {
                    match b {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
                return None;
            }
            _ => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.pos += 1;
                }
            }
        }
        Some(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::json_pointer_position as pos;

    const DOC: &str =
        "{\n  \"a\": {\"b\": [1, {\"c/d\": \"x\"}]},\n  \"e\": \"\\\"}\",\n  \"f\": true\n}";

    #[test]
    fn finds_values() {
        assert_eq!(pos(DOC, ""), Some((1, 1)));
        assert_eq!(pos(DOC, "/a"), Some((2, 8)));
        assert_eq!(pos(DOC, "/a/b/1/c~1d"), Some((2, 26)));
        assert_eq!(pos(DOC, "/f"), Some((4, 8)));
    }

    #[test]
    fn pointer_of_a_parse_error() {
        use super::{json_pointer_at as at, offset_of};
        let text = "{\n  \"a\": {\"b\": [1, {\"c/d\": tru}]},\n  \"e\": 1,\n}";
        // The `}` after `tru`: the literal at /a/b/1/c~1d is not complete.
        assert_eq!(at(text, text.find("}]").unwrap()), "/a/b/1/c~1d");
        // The trailing comma's `}`: between the root's members.
        assert_eq!(at(text, text.len() - 1), "");
        assert_eq!(at(text, text.find("1,").unwrap()), "/a/b/0");
        // A complete value, then something unexpected: the container is the place.
        assert_eq!(at(r#"{"a": "x" "b": 1}"#, 10), "");
        assert_eq!(at(r#"{"a": {"x": 1} "b": 1}"#, 15), "");
        assert_eq!(at("[1 2]", 3), "");
        // A member whose value is missing.
        assert_eq!(at(r#"{"a": }"#, 6), "/a");
        // The end of a truncated text: everything open.
        assert_eq!(at("[[1, 2", 6), "/0/1");
        assert_eq!(at("[[1, 2], ", 9), "");
        assert_eq!(at(r#"{"k": "unterminated"#, 20), "/k");
        assert_eq!(at("[1, x]", 4), "/1");
        // A fault inside a string value.
        assert_eq!(at("{\"k\": \"a\tb\"}", 9), "/k");
        assert_eq!(offset_of("ab\ncd\n", 2, 2), 4);
        assert_eq!(offset_of("ab\ncd\n", 3, 0), 6);
        assert_eq!(offset_of("ab", 9, 9), 2);
        assert_eq!(offset_of("é", 1, 2), 0);
    }

    #[test]
    fn missing_pointer_gives_deepest_ancestor() {
        assert_eq!(pos(DOC, "/a/zzz"), Some((2, 8)));
        assert_eq!(pos(DOC, "/a/b/7"), Some((2, 14)));
    }
}
