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
    let mut nesting = Nesting {
        scanner: Scanner {
            bytes: text.as_bytes(),
            text,
            pos: 0,
        },
        stack: Vec::new(),
    };
    while nesting.scanner.pos < offset {
        if !nesting.step(offset) {
            break;
        }
    }
    // The offending byte itself may begin a value (`[1, x]`): that value is the place.
    if nesting.scanner.pos == offset
        && !matches!(
            nesting.scanner.peek(),
            None | Some(b'}' | b']' | b',' | b':' | b'"' | b' ' | b'\t' | b'\n' | b'\r')
        )
    {
        nesting.start();
    }
    nesting.pointer()
}

/// Where the current member or item of an open container stands.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    /// No value yet (after `[`, `,` or `:`).
    Empty,
    /// A value has begun and is not complete.
    Open,
    Done,
}

/// An object or array open at the scanner's position.
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

    /// The pointer token of the member or item open in this container, if one is.
    fn token(&self) -> Option<String> {
        match self {
            Frame::Object {
                key: Some(key),
                slot: Slot::Empty | Slot::Open,
                ..
            } => Some(crate::pointer::escape_token(key).into_owned()),
            Frame::Array {
                index,
                slot: Slot::Open,
            } => Some(index.to_string()),
            _ => None,
        }
    }
}

/// The containers open at the scanner's position, for [`json_pointer_at`].
struct Nesting<'a> {
    scanner: Scanner<'a>,
    stack: Vec<Frame>,
}

impl Nesting<'_> {
    /// Reads one byte (or one string) of the text, short of `offset`; `false` when
    /// scanning stops there: at the end of the text, or in a string that is not
    /// terminated or that holds `offset`.
    fn step(&mut self, offset: usize) -> bool {
        let Some(b) = self.scanner.peek() else {
            return false;
        };
        match b {
            b'{' => self.open(Frame::Object {
                key: None,
                pending: None,
                slot: Slot::Empty,
            }),
            b'[' => self.open(Frame::Array {
                index: 0,
                slot: Slot::Empty,
            }),
            b'}' | b']' => {
                self.stack.pop();
                self.finish();
            }
            b':' => self.colon(),
            b',' => self.comma(),
            b'"' => return self.string(offset),
            b' ' | b'\t' | b'\n' | b'\r' => {
                // Whitespace ends a number or literal.
                if let Some(slot) = self.stack.last_mut().map(Frame::slot) {
                    if *slot == Slot::Open {
                        *slot = Slot::Done;
                    }
                }
            }
            _ => self.start(),
        }
        self.scanner.pos += 1;
        true
    }

    /// A value begins in the innermost container.
    fn start(&mut self) {
        if let Some(slot) = self.stack.last_mut().map(Frame::slot) {
            if *slot == Slot::Empty {
                *slot = Slot::Open;
            }
        }
    }

    /// The innermost container's current value is complete.
    fn finish(&mut self) {
        if let Some(slot) = self.stack.last_mut().map(Frame::slot) {
            *slot = Slot::Done;
        }
    }

    /// A `{` or `[`: a value of the container it is in, and a container of its own.
    fn open(&mut self, frame: Frame) {
        self.start();
        self.stack.push(frame);
    }

    /// A `:`: the pending key names the member whose value comes next.
    fn colon(&mut self) {
        if let Some(Frame::Object {
            key, pending, slot, ..
        }) = self.stack.last_mut()
        {
            *key = pending.take();
            *slot = Slot::Empty;
        }
    }

    /// A `,`: the next member or item.
    fn comma(&mut self) {
        match self.stack.last_mut() {
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
    }

    /// A string, read whole: an object's key (pending until its `:`) or a value.
    /// `false` if it is not terminated or `offset` is inside it.
    fn string(&mut self, offset: usize) -> bool {
        let key_position = matches!(self.stack.last(), Some(Frame::Object { key: None, .. }));
        if !key_position {
            self.start();
        }
        let Some(string) = self.scanner.string() else {
            return false;
        };
        if self.scanner.pos > offset {
            // The fault is inside this string.
            return false;
        }
        match self.stack.last_mut() {
            Some(Frame::Object { pending, .. }) if key_position => *pending = Some(string),
            _ => self.finish(),
        }
        true
    }

    /// The pointer of the innermost open member or item.
    fn pointer(&self) -> String {
        let mut pointer = String::new();
        for token in self.stack.iter().map_while(Frame::token) {
            pointer.push('/');
            pointer.push_str(&token);
        }
        pointer
    }
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
            b'{' => self.find_key(first, rest, start),
            b'[' => match first.parse() {
                Ok(want) => self.find_index(want, rest, start),
                Err(_) => Some(start),
            },
            _ => Some(start),
        }
    }

    /// Positioned at a `{` (of the value at `start`): the offset of the value
    /// `rest` names under the member `key`, else `start`.
    fn find_key(&mut self, key: &str, rest: &[String], start: usize) -> Option<usize> {
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
            let member = self.string()?;
            self.skip_ws();
            if self.peek()? != b':' {
                return Some(start);
            }
            self.pos += 1;
            if member == key {
                return self.find(rest);
            }
            self.skip_value()?;
        }
    }

    /// Positioned at a `[` (of the value at `start`): the offset of the value
    /// `rest` names under item `want`, else `start`.
    fn find_index(&mut self, want: usize, rest: &[String], start: usize) -> Option<usize> {
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
            b'{' | b'[' => self.skip_container()?,
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

    /// Skips an object or array, strings in it read whole (so that brackets in
    /// them do not count).
    fn skip_container(&mut self) -> Option<()> {
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
        None
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
    /// Escaped keys (`~0`, `~1`), strings holding brackets, arrays.
    const EDGES: &str =
        r#"{"s": "}{][", "a/b": {"~": [10, [], {"k": "]"}, 30]}, "n": -1.5e3, "z": 1}"#;

    #[test]
    fn escaped_keys_and_arrays() {
        assert_eq!(pos(EDGES, "/a~1b"), Some((1, 22)));
        assert_eq!(pos(EDGES, "/a~1b/~0/0"), Some((1, 29)));
        assert_eq!(pos(EDGES, "/a~1b/~0/1"), Some((1, 33)));
        assert_eq!(pos(EDGES, "/a~1b/~0/2/k"), Some((1, 43)));
        assert_eq!(pos(EDGES, "/a~1b/~0/3"), Some((1, 49)));
        // Past the end of the array, or not an index: the array itself.
        assert_eq!(pos(EDGES, "/a~1b/~0/9"), Some((1, 28)));
        assert_eq!(pos(EDGES, "/a~1b/~0/x"), Some((1, 28)));
        // `~0` is `~`, not a key `a~b`; no such key: the root.
        assert_eq!(pos(EDGES, "/a~0b"), Some((1, 1)));
    }

    #[test]
    fn strings_with_brackets_are_skipped_whole() {
        assert_eq!(pos(EDGES, "/n"), Some((1, 60)));
        assert_eq!(pos(EDGES, "/z"), Some((1, 73)));
    }

    #[test]
    fn pointer_at_escapes_keys_and_counts_items() {
        use super::json_pointer_at as at;
        let text = r#"{"a/b": {"~": [1, {"k": tru"#;
        assert_eq!(at(text, text.len()), "/a~1b/~0/1/k");
        assert_eq!(at(r#"{"s": "}{", "t": x}"#, 17), "/t");
        assert_eq!(at(r#"[{"a": 1}, [2, 3], x]"#, 19), "/2");
        assert_eq!(at(r#"["]", "[", x]"#, 11), "/2");
    }
}
