//! Source: finds input files, opens their containers (plain XML, zip, gzip, tar) and cuts the
//! streams into single documents. Nothing here knows what a patent is.

pub mod records;
pub mod split;

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

pub use split::{Piece, Splitter};

/// Problems with an input path (as opposed to a document inside it).
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: no such file or directory")]
    Missing { path: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: not a readable zip archive: {message}")]
    Zip { path: PathBuf, message: String },
}

impl SourceError {
    fn io(path: &Path, source: io::Error) -> SourceError {
        SourceError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// How a file is packed, decided from its first bytes (not its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Xml,
    Zip,
    Gzip,
    Tar,
}

/// File names worth reading when a directory is walked; explicitly named files are always read.
/// `.txt` is there for the USPTO's APS text files (1976-2001); the file lists that ship inside
/// the bibliographic zips (`..._lst.txt`) are not documents.
pub fn is_candidate_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    is_wanted_name(&name) || name.ends_with(".tgz") || name.ends_with(".tar")
}

/// Names of documents (and nested archives) read from a folder or an archive.
fn is_wanted_name(lower: &str) -> bool {
    [".xml", ".zip", ".gz"].iter().any(|e| lower.ends_with(e))
        || (lower.ends_with(".txt") && !lower.ends_with("lst.txt"))
}

/// Expands files and directories (recursively, sorted) into the list of files to read.
/// Every path must exist: a missing path is an error before anything is read.
pub fn expand_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, SourceError> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                SourceError::Missing { path: p.clone() }
            } else {
                SourceError::io(p, e)
            }
        })?;
        if meta.is_dir() {
            walk(p, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), SourceError> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| SourceError::io(dir, e))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(|e| SourceError::io(dir, e))?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_candidate_name(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Sniffs the container format from the magic bytes.
pub fn sniff(path: &Path) -> Result<Container, SourceError> {
    let mut f = File::open(path).map_err(|e| SourceError::io(path, e))?;
    let mut head = [0u8; 512];
    let mut n = 0;
    while n < head.len() {
        let r = f
            .read(&mut head[n..])
            .map_err(|e| SourceError::io(path, e))?;
        if r == 0 {
            break;
        }
        n += r;
    }
    Ok(sniff_bytes(&head[..n]))
}

fn sniff_bytes(head: &[u8]) -> Container {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Container::Zip
    } else if head.starts_with(b"\x1f\x8b") {
        Container::Gzip
    } else if head.len() >= 262 && &head[257..262] == b"ustar" {
        Container::Tar
    } else {
        Container::Xml
    }
}

/// SHA-256 of a file, hex encoded.
pub fn sha256_file(path: &Path) -> Result<String, SourceError> {
    let mut f = File::open(path).map_err(|e| SourceError::io(path, e))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf).map_err(|e| SourceError::io(path, e))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex::encode(h.finalize()))
}

/// A document as cut from its file, before parsing.
#[derive(Debug)]
pub struct RawDoc {
    /// Input file, or `archive!member` for archive members.
    pub origin: Arc<str>,
    /// 0-based position of the document within its origin.
    pub index: u64,
    /// Byte offset within the origin's (decompressed) stream.
    pub offset: u64,
    pub bytes: Vec<u8>,
}

/// What reading one input file produced.
#[derive(Debug, Clone, Default)]
pub struct FileRead {
    pub sha256: String,
    pub size: u64,
    pub documents: u64,
    /// Bytes of XML after decompression.
    pub xml_bytes: u64,
}

/// Counts bytes read from the file on disk, for progress bars, and hashes them when asked.
struct Tap<R> {
    inner: R,
    progress: Arc<AtomicU64>,
    hasher: Option<Sha256>,
}

impl<R: Read> Read for Tap<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.fetch_add(n as u64, Ordering::Relaxed);
        if let Some(h) = self.hasher.as_mut() {
            h.update(&buf[..n]);
        }
        Ok(n)
    }
}

impl<R: Seek> Seek for Tap<R> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// Why the consumer stopped reading early.
#[derive(Debug)]
pub struct Stop;

/// Reads every document of `path` in order and hands each to `sink`. `progress` is advanced by
/// the number of bytes of the file consumed. Returns what was read, including the file's SHA-256
/// (computed on the way for streamed formats).
pub fn read_file(
    path: &Path,
    progress: &Arc<AtomicU64>,
    sink: &mut dyn FnMut(RawDoc) -> Result<(), Stop>,
) -> Result<Result<FileRead, Stop>, SourceError> {
    let container = sniff(path)?;
    let size = std::fs::metadata(path)
        .map_err(|e| SourceError::io(path, e))?
        .len();
    let file = File::open(path).map_err(|e| SourceError::io(path, e))?;
    let label: Arc<str> = Arc::from(path.to_string_lossy().as_ref());
    let mut read = FileRead {
        size,
        ..FileRead::default()
    };
    let mut sink_counting = |doc: RawDoc| {
        read.documents += 1;
        read.xml_bytes += doc.bytes.len() as u64;
        sink(doc)
    };
    let outcome = match container {
        Container::Zip => {
            // Zip needs random access, so the hash is a separate pass (zips are small next to
            // the XML they hold).
            let sha = sha256_file(path)?;
            let tap = Tap {
                inner: BufReader::new(file),
                progress: progress.clone(),
                hasher: None,
            };
            let r = read_zip(path, tap, &label, &mut sink_counting)?;
            read.sha256 = sha;
            r
        }
        Container::Gzip | Container::Tar | Container::Xml => {
            let mut tap = Tap {
                inner: file,
                progress: progress.clone(),
                hasher: Some(Sha256::new()),
            };
            let r = {
                let reader: Box<dyn Read + '_> = if container == Container::Gzip {
                    Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(&mut tap)))
                } else {
                    Box::new(&mut tap)
                };
                read_stream(
                    path,
                    reader,
                    container == Container::Tar,
                    &label,
                    &mut sink_counting,
                )?
            };
            // Drain what the decoder left unread so the hash covers the whole file.
            if r.is_ok() {
                io::copy(&mut tap, &mut io::sink()).map_err(|e| SourceError::io(path, e))?;
                read.sha256 = hex::encode(tap.hasher.take().unwrap_or_default().finalize());
            }
            r
        }
    };
    Ok(outcome.map(|()| read))
}

/// A decompressed stream: either XML, or (after gzip) possibly a tar.
fn read_stream(
    path: &Path,
    mut reader: Box<dyn Read + '_>,
    is_tar: bool,
    label: &Arc<str>,
    sink: &mut dyn FnMut(RawDoc) -> Result<(), Stop>,
) -> Result<Result<(), Stop>, SourceError> {
    // A `.tar.gz` only shows it is a tar after decompression: peek at the header.
    let mut head = vec![0u8; 512];
    let mut n = 0;
    while n < head.len() {
        let r = reader
            .read(&mut head[n..])
            .map_err(|e| SourceError::io(path, e))?;
        if r == 0 {
            break;
        }
        n += r;
    }
    head.truncate(n);
    let tar = is_tar || sniff_bytes(&head) == Container::Tar;
    let chained = io::Cursor::new(head).chain(reader);
    if tar {
        read_tar(path, chained, label, sink)
    } else {
        split_into(path, chained, label.clone(), sink)
    }
}

fn split_into(
    path: &Path,
    reader: impl Read,
    origin: Arc<str>,
    sink: &mut dyn FnMut(RawDoc) -> Result<(), Stop>,
) -> Result<Result<(), Stop>, SourceError> {
    for (index, piece) in Splitter::new(reader).enumerate() {
        let piece = piece.map_err(|e| SourceError::io(path, e))?;
        let doc = RawDoc {
            origin: origin.clone(),
            index: index as u64,
            offset: piece.offset,
            bytes: piece.bytes,
        };
        if let Err(stop) = sink(doc) {
            return Ok(Err(stop));
        }
    }
    Ok(Ok(()))
}

fn member_wanted(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    is_wanted_name(&lower)
}

fn read_zip<R: Read + Seek>(
    path: &Path,
    reader: R,
    label: &Arc<str>,
    sink: &mut dyn FnMut(RawDoc) -> Result<(), Stop>,
) -> Result<Result<(), Stop>, SourceError> {
    let zip_err = |e: zip::result::ZipError| SourceError::Zip {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut archive = zip::ZipArchive::new(reader).map_err(zip_err)?;
    let mut names: Vec<(usize, String)> = (0..archive.len())
        .filter_map(|i| {
            archive
                .name_for_index(i)
                .and_then(|r| r.ok())
                .map(|n| (i, n.to_string()))
        })
        .filter(|(_, n)| !n.ends_with('/') && member_wanted(n))
        .collect();
    names.sort_by(|a, b| a.1.cmp(&b.1));
    for (i, name) in names {
        let member = archive.by_index(i).map_err(zip_err)?;
        let r = read_member(path, member, label, &name, sink)?;
        if r.is_err() {
            return Ok(r);
        }
    }
    Ok(Ok(()))
}

/// One member of a zip or tar: XML, or a gzip or zip nested inside.
fn read_member(
    path: &Path,
    member: impl Read,
    label: &Arc<str>,
    name: &str,
    sink: &mut dyn FnMut(RawDoc) -> Result<(), Stop>,
) -> Result<Result<(), Stop>, SourceError> {
    let origin: Arc<str> = Arc::from(format!("{label}!{name}"));
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".zip") {
        spool_and_read_zip(path, member, &origin, sink)
    } else if lower.ends_with(".gz") {
        let gz = Box::new(flate2::read::MultiGzDecoder::new(member));
        read_stream(path, gz, false, &origin, sink)
    } else {
        split_into(path, member, origin, sink)
    }
}

/// A zip inside an archive needs random access: copy it to a temporary file first.
fn spool_and_read_zip(
    path: &Path,
    mut member: impl Read,
    origin: &Arc<str>,
    sink: &mut dyn FnMut(RawDoc) -> Result<(), Stop>,
) -> Result<Result<(), Stop>, SourceError> {
    let mut tmp = tempfile::tempfile().map_err(|e| SourceError::io(path, e))?;
    io::copy(&mut member, &mut tmp).map_err(|e| SourceError::io(path, e))?;
    tmp.seek(SeekFrom::Start(0))
        .map_err(|e| SourceError::io(path, e))?;
    read_zip(path, BufReader::new(tmp), origin, sink)
}

fn read_tar(
    path: &Path,
    reader: impl Read,
    label: &Arc<str>,
    sink: &mut dyn FnMut(RawDoc) -> Result<(), Stop>,
) -> Result<Result<(), Stop>, SourceError> {
    let mut archive = tar::Archive::new(reader);
    let entries = archive.entries().map_err(|e| SourceError::io(path, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| SourceError::io(path, e))?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let name = entry
            .path()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !member_wanted(&name) {
            continue;
        }
        let r = read_member(path, entry, label, &name, sink)?;
        if r.is_err() {
            return Ok(r);
        }
    }
    Ok(Ok(()))
}
