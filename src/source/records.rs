//! Delimited record files (CSV, TSV, plain or gzipped), as exported by patent databases: each
//! row is handed on as a small CSV of two lines, the file's header and the row, so a row can be
//! parsed on its own and a quarantined row is still a readable CSV. Nothing here knows what the
//! columns mean.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use sha2::{Digest, Sha256};

use super::{Container, FileRead, RawDoc, SourceError, Stop, Tap, sniff};

/// Rows at the top of a file checked for a preamble before the header (Google Patents writes a
/// `search URL:` line first).
const PREAMBLE_ROWS: usize = 3;

/// The header of a record file and its field delimiter (`explicit`, else `.tsv` means tab,
/// else the one that reads the first rows most consistently).
pub fn header(path: &Path, explicit: Option<u8>) -> Result<(Vec<String>, u8), SourceError> {
    let delimiter = match explicit {
        Some(d) => d,
        None => sniff_delimiter(path)?,
    };
    let mut rows = open(path, delimiter, None)?;
    let (header, _) = find_header(path, &mut rows)?;
    Ok((
        header
            .iter()
            .map(|h| String::from_utf8_lossy(h).into_owned())
            .collect(),
        delimiter,
    ))
}

/// The delimiter that reads the file's first rows most consistently: the header (after any
/// preamble) and as many rows as possible with the same number of fields, then the most fields.
/// Counting delimiter characters is not enough: a Lens row's `;;` lists outnumber its commas.
fn sniff_delimiter(path: &Path) -> Result<u8, SourceError> {
    let lower = path.to_string_lossy().to_ascii_lowercase();
    if lower.ends_with(".tsv") || lower.ends_with(".tsv.gz") || lower.ends_with(".tab") {
        return Ok(b'\t');
    }
    let mut head = Vec::new();
    decoded(path, None)?
        .take(256 * 1024)
        .read_to_end(&mut head)
        .map_err(|e| SourceError::io(path, e))?;
    // (more than one field, rows agreeing with the header's width, that width): any delimiter
    // "agrees" when it splits nothing.
    let score = |d: u8| -> (bool, usize, usize) {
        let mut rows = csv::ReaderBuilder::new()
            .delimiter(d)
            .has_headers(false)
            .flexible(true)
            .from_reader(head.as_slice());
        let lens: Vec<usize> = rows
            .byte_records()
            .take(8)
            .map_while(Result::ok)
            .map(|r| r.len())
            .collect();
        let mut h = 0;
        while h + 1 < lens.len() && h < PREAMBLE_ROWS && lens[h + 1] > lens[h] {
            h += 1;
        }
        let Some(&width) = lens.get(h) else {
            return (false, 0, 0);
        };
        let agreeing = lens[h + 1..].iter().filter(|&&n| n == width).count();
        (width > 1, agreeing, width)
    };
    let best = [b',', b'\t', b';']
        .into_iter()
        .max_by_key(|&d| (score(d), d == b','))
        .unwrap_or(b',');
    Ok(best)
}

/// The file's bytes, decompressed when gzipped.
fn decoded<'a>(
    path: &Path,
    tap: Option<&'a mut Tap<File>>,
) -> Result<Box<dyn Read + 'a>, SourceError> {
    let container = sniff(path)?;
    let raw: Box<dyn Read + 'a> = match tap {
        Some(t) => Box::new(t),
        None => Box::new(File::open(path).map_err(|e| SourceError::io(path, e))?),
    };
    Ok(match container {
        Container::Gzip => Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(raw))),
        _ => Box::new(BufReader::new(raw)),
    })
}

fn open<'a>(
    path: &Path,
    delimiter: u8,
    tap: Option<&'a mut Tap<File>>,
) -> Result<csv::Reader<Box<dyn Read + 'a>>, SourceError> {
    Ok(csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(decoded(path, tap)?))
}

fn csv_error(path: &Path, e: csv::Error) -> SourceError {
    SourceError::io(
        path,
        io::Error::new(io::ErrorKind::InvalidData, e.to_string()),
    )
}

/// The header row, skipping a preamble: a row followed by a longer one is not the header. Also
/// returns the first data row when it had to be read to decide.
fn find_header<R: Read>(
    path: &Path,
    rows: &mut csv::Reader<R>,
) -> Result<(csv::ByteRecord, Option<csv::ByteRecord>), SourceError> {
    let mut next = || -> Result<Option<csv::ByteRecord>, SourceError> {
        loop {
            let mut r = csv::ByteRecord::new();
            if !rows
                .read_byte_record(&mut r)
                .map_err(|e| csv_error(path, e))?
            {
                return Ok(None);
            }
            if r.iter().any(|f| !f.iter().all(u8::is_ascii_whitespace)) {
                return Ok(Some(r));
            }
        }
    };
    let Some(mut header) = next()? else {
        return Err(SourceError::io(
            path,
            io::Error::new(io::ErrorKind::InvalidData, "the file has no header row"),
        ));
    };
    for _ in 0..PREAMBLE_ROWS {
        match next()? {
            Some(r) if r.len() > header.len() => header = r,
            other => {
                strip_bom(&mut header);
                return Ok((header, other));
            }
        }
    }
    strip_bom(&mut header);
    Ok((header, None))
}

fn strip_bom(header: &mut csv::ByteRecord) {
    if header
        .get(0)
        .is_some_and(|f| f.starts_with(b"\xef\xbb\xbf"))
    {
        let fields: Vec<Vec<u8>> = header
            .iter()
            .enumerate()
            .map(|(i, f)| if i == 0 { f[3..].to_vec() } else { f.to_vec() })
            .collect();
        *header = csv::ByteRecord::from(fields);
    }
}

/// Reads every row of a record file and hands each to `sink` as a two-line CSV (header, row),
/// with the row's 0-based number and byte offset. Rows with no value at all are left out.
pub fn read_records(
    path: &Path,
    delimiter: u8,
    progress: &Arc<AtomicU64>,
    sink: &mut dyn FnMut(RawDoc) -> Result<(), Stop>,
) -> Result<Result<FileRead, Stop>, SourceError> {
    let size = std::fs::metadata(path)
        .map_err(|e| SourceError::io(path, e))?
        .len();
    let file = File::open(path).map_err(|e| SourceError::io(path, e))?;
    let origin: Arc<str> = Arc::from(path.to_string_lossy().as_ref());
    let mut tap = Tap {
        inner: file,
        progress: progress.clone(),
        hasher: Some(Sha256::new()),
    };
    let mut read = FileRead {
        size,
        ..FileRead::default()
    };
    {
        let mut rows = open(path, delimiter, Some(&mut tap))?;
        let (header, first) = find_header(path, &mut rows)?;
        let mut pending = first;
        let mut index = 0u64;
        loop {
            let row = match pending.take() {
                Some(r) => r,
                None => {
                    let mut r = csv::ByteRecord::new();
                    if !rows
                        .read_byte_record(&mut r)
                        .map_err(|e| csv_error(path, e))?
                    {
                        break;
                    }
                    r
                }
            };
            if row.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                continue;
            }
            let offset = row.position().map_or(0, |p| p.byte());
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_byte_record(&header)
                .and_then(|()| w.write_byte_record(&row))
                .map_err(|e| csv_error(path, e))?;
            let bytes = w
                .into_inner()
                .map_err(|e| SourceError::io(path, e.into_error()))?;
            read.documents += 1;
            read.xml_bytes += row.as_slice().len() as u64;
            let doc = RawDoc {
                origin: origin.clone(),
                index,
                offset,
                bytes,
            };
            index += 1;
            if let Err(stop) = sink(doc) {
                return Ok(Err(stop));
            }
        }
    }
    // Hash what the decoder left unread too, so the checksum covers the whole file.
    io::copy(&mut tap, &mut io::sink()).map_err(|e| SourceError::io(path, e))?;
    read.sha256 = hex::encode(tap.hasher.take().unwrap_or_default().finalize());
    Ok(Ok(read))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, name: &str) -> (Vec<String>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (header, delimiter) = header(&path, None).unwrap();
        let mut out = Vec::new();
        let progress = Arc::new(AtomicU64::new(0));
        let read = read_records(&path, delimiter, &progress, &mut |d| {
            out.push(String::from_utf8(d.bytes).unwrap());
            Ok(())
        })
        .unwrap()
        .unwrap();
        assert_eq!(read.documents as usize, out.len());
        assert_eq!(read.sha256, super::super::sha256_file(&path).unwrap());
        (header, out)
    }

    #[test]
    fn a_preamble_line_is_not_the_header() {
        let (header, out) = rows(
            "search URL:,https://example.org/?q=widget\nid,title,assignee\nUS-1-B2,\"A widget, improved\",Acme\n\nUS-2-B1,Lid,\n",
            "g.csv",
        );
        assert_eq!(header, ["id", "title", "assignee"]);
        assert_eq!(
            out,
            [
                "id,title,assignee\nUS-1-B2,\"A widget, improved\",Acme\n",
                "id,title,assignee\nUS-2-B1,Lid,\n"
            ]
        );
    }

    #[test]
    fn tabs_semicolons_and_a_byte_order_mark() {
        let (header, out) = rows("\u{feff}No\tTitle\nEP1\tA \"lid\"\n", "x.txt");
        assert_eq!(header, ["No", "Title"]);
        assert_eq!(out, ["No,Title\nEP1,\"A \"\"lid\"\"\"\n"]);
        let (header, _) = rows("No;Title;Abstract\n1;a;b\n", "s.csv");
        assert_eq!(header, ["No", "Title", "Abstract"]);
        // A Lens row whose `;;` lists outnumber its commas is still comma-separated.
        let (header, out) = rows(
            "No,Title,Family\nUS1,\"A lid\",US 2;;US 3;;US 4;;US 5;;US 6;;US 7\n",
            "l.csv",
        );
        assert_eq!(header, ["No", "Title", "Family"]);
        assert_eq!(out.len(), 1);
    }
}
