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
            .map(crate::load::unescape_token)
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

fn line_col(text: &str, offset: usize) -> (usize, usize) {
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
mod tests {
    use super::json_pointer_position as pos;

    const DOC: &str =
        "{\n  \"a\": {\"b\": [1, {\"c/d\": \"x\"}]},\n  \"e\": \"\\\"}\",\n  \"f\": true\n}";

    #[test]
    fn finds_values() {
        assert_eq!(pos(DOC, ""), Some((1, 1)));
        assert_eq!(pos(DOC, "/a"), Some((2, 8)));
        assert_eq!(pos(DOC, "/a/b/1/c~1d"), Some((2, 28)));
        assert_eq!(pos(DOC, "/f"), Some((4, 8)));
    }

    #[test]
    fn missing_pointer_gives_deepest_ancestor() {
        assert_eq!(pos(DOC, "/a/zzz"), Some((2, 8)));
        assert_eq!(pos(DOC, "/a/b/7"), Some((2, 13)));
    }
}
