//! Splits a stream of concatenated XML documents (a USPTO weekly file) into single documents.
//!
//! Weekly files are thousands of complete documents back to back, each with its own `<?xml ...?>`
//! declaration and DOCTYPE. A document ends where the next declaration begins. The splitter reads
//! the stream in fixed-size chunks and keeps only the current document plus one chunk in memory,
//! so memory does not grow with the size of the file.

use std::io::{self, Read};

use memchr::memmem;

/// Read granularity. Large enough that syscalls do not matter, small enough to be irrelevant
/// next to the documents themselves.
const CHUNK: usize = 1 << 20;

const MARKER: &[u8] = b"<?xml";

/// One document cut from a stream.
#[derive(Debug)]
pub struct Piece {
    /// Byte offset of the document's first byte in the stream.
    pub offset: u64,
    pub bytes: Vec<u8>,
}

/// Iterator over the documents of a stream.
pub struct Splitter<R> {
    reader: R,
    buf: Vec<u8>,
    /// Stream offset of `buf[0]`.
    base: u64,
    /// Start of the current document in `buf`, once known.
    start: Option<usize>,
    /// Where to continue looking for the next marker.
    scan: usize,
    eof: bool,
    finder: memmem::Finder<'static>,
}

impl<R: Read> Splitter<R> {
    pub fn new(reader: R) -> Splitter<R> {
        Splitter {
            reader,
            buf: Vec::with_capacity(CHUNK),
            base: 0,
            start: None,
            scan: 0,
            eof: false,
            finder: memmem::Finder::new(MARKER),
        }
    }

    /// Reads one more chunk; returns false at end of stream.
    fn fill(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        // Drop what earlier documents used before growing the buffer.
        let keep_from = self.start.unwrap_or(self.scan.min(self.buf.len()));
        if keep_from > 0 {
            self.buf.drain(..keep_from);
            self.base += keep_from as u64;
            self.scan -= keep_from.min(self.scan);
            if let Some(s) = self.start.as_mut() {
                *s -= keep_from;
            }
        }
        let old = self.buf.len();
        self.buf.resize(old + CHUNK, 0);
        let n = loop {
            match self.reader.read(&mut self.buf[old..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(old);
                    return Err(e);
                }
            }
        };
        self.buf.truncate(old + n);
        if n == 0 {
            self.eof = true;
        }
        Ok(n > 0)
    }

    /// Finds a declaration at or after `from` that starts a new document.
    fn find_marker(&self, from: usize) -> Option<usize> {
        let mut at = from;
        while let Some(i) = self.finder.find(&self.buf[at..]) {
            let pos = at + i;
            match self.buf.get(pos + MARKER.len()) {
                // `<?xml-stylesheet ...?>` and friends are not declarations.
                Some(b' ' | b'\t' | b'\r' | b'\n' | b'?') => return Some(pos),
                Some(_) => at = pos + 1,
                // Undecidable until more bytes arrive.
                None => return None,
            }
        }
        None
    }

    /// Returns the next document, or `None` at the end of the stream.
    pub fn next_piece(&mut self) -> io::Result<Option<Piece>> {
        // Find where the document starts: skip a BOM and whitespace.
        while self.start.is_none() {
            // A byte-order mark must be seen whole before deciding where the document starts.
            if self.base == 0 && self.buf.len() < 3 && !self.eof {
                self.fill()?;
                continue;
            }
            let mut i = self.scan;
            if self.base == 0 && i == 0 && self.buf.starts_with(b"\xEF\xBB\xBF") {
                i = 3;
            }
            while i < self.buf.len() && self.buf[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < self.buf.len() {
                self.start = Some(i);
                self.scan = i + 1;
            } else {
                self.scan = i;
                if !self.fill()? {
                    return Ok(None);
                }
            }
        }
        self.continue_piece()
    }

    fn continue_piece(&mut self) -> io::Result<Option<Piece>> {
        loop {
            let start = self.start.unwrap_or(0);
            if let Some(end) = self.find_marker(self.scan) {
                let piece = Piece {
                    offset: self.base + start as u64,
                    bytes: self.buf[start..end].to_vec(),
                };
                self.start = Some(end);
                self.scan = end + 1;
                return Ok(Some(piece));
            }
            self.scan = self.buf.len().saturating_sub(MARKER.len()).max(start + 1);
            if !self.fill()? {
                let s = self.start.take().unwrap_or(0);
                let bytes = self.buf[s..].to_vec();
                self.buf.clear();
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    return Ok(None);
                }
                return Ok(Some(Piece {
                    offset: self.base + s as u64,
                    bytes,
                }));
            }
        }
    }
}

impl<R: Read> Iterator for Splitter<R> {
    type Item = io::Result<Piece>;

    fn next(&mut self) -> Option<io::Result<Piece>> {
        self.next_piece().transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out at most `n` bytes per call, to exercise chunk boundaries.
    struct Trickle<'a>(&'a [u8], usize);
    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.1.min(out.len()).min(self.0.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn split(input: &[u8], step: usize) -> Vec<(u64, String)> {
        Splitter::new(Trickle(input, step))
            .map(|p| {
                let p = p.unwrap();
                (p.offset, String::from_utf8(p.bytes).unwrap())
            })
            .collect()
    }

    #[test]
    fn splits_concatenated_documents_at_any_chunking() {
        let input = b"\xEF\xBB\xBF  <?xml version=\"1.0\"?>\n<a>1</a>\n   <?xml version=\"1.0\"?><?xml-stylesheet x?><b/>\r\n<?xml version=\"1.0\"?>\n<c/>\n";
        for step in [1, 2, 3, 5, 7, 64, 4096] {
            let docs = split(input, step);
            assert_eq!(docs.len(), 3, "step {step}: {docs:?}");
            assert_eq!(docs[0].0, 5);
            assert!(docs[0].1.starts_with("<?xml") && docs[0].1.contains("<a>1</a>"));
            assert!(docs[1].1.contains("<?xml-stylesheet x?><b/>"));
            assert!(docs[2].1.ends_with("<c/>\n"));
            let off2 = input.windows(5).rposition(|w| w == b"<?xml").unwrap() as u64;
            assert_eq!(docs[2].0, off2);
        }
    }

    #[test]
    fn document_without_declaration_and_empty_input() {
        assert_eq!(split(b"<a/>", 1), vec![(0, "<a/>".to_string())]);
        assert!(split(b"   \n", 1).is_empty());
        assert!(split(b"", 1).is_empty());
    }
}
