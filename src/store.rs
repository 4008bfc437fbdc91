//! Store: the features of a whole corpus (word counts, simhashes, shingle sets, anchors) in flat
//! arenas, one per kind rather than an allocation per article; held in memory, or spilled to
//! temporary files and mapped back so that a corpus larger than memory still runs.
//!
//! Articles are pushed in input order while the corpus is read ([`StoreBuilder`]) and looked up
//! by index afterwards ([`FeatureStore`]). Spilled columns live in unnamed temporary files
//! (gone when the process ends, however it ends) mapped read-only: the kernel pages them in as
//! candidates are verified and can drop them again under memory pressure, where heap memory
//! could only be swapped or killed for. The diff stage keeps the texts of clustered articles
//! the same way ([`TextStore`]).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::fingerprint::Fingerprint;
use crate::shingle::SetView;

/// Where the shingle sets and anchors of a run are kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Spill {
    /// Spill when the corpus's features would take more than half of the memory available
    /// (the machine's, or the cgroup's limit when there is one).
    #[default]
    Auto,
    /// Always keep features in memory.
    Never,
    /// Always spill features to temporary files.
    Always,
}

/// Features held per byte of input text, measured on generated news (1.0 KB of packed set and
/// 0.2 KB of anchors for 2.5 KB of text), with room for the per-article bookkeeping.
const FEATURE_BYTES_PER_TEXT_BYTE: f64 = 0.6;

impl Spill {
    /// Decides for a corpus of about `input_bytes` of text, given `available` bytes of memory.
    pub fn decide(self, input_bytes: u64, available: Option<u64>) -> bool {
        self.decide_held(
            (input_bytes as f64 * FEATURE_BYTES_PER_TEXT_BYTE) as u64,
            available,
        )
    }

    /// Decides for `held` bytes that would otherwise stay on the heap: spill when they would
    /// take more than half of the `available` memory.
    pub fn decide_held(self, held: u64, available: Option<u64>) -> bool {
        match self {
            Spill::Never => false,
            Spill::Always => true,
            Spill::Auto => available.is_some_and(|free| held > free / 2),
        }
    }
}

/// Memory this process may still use: the smaller of the machine's available memory and the
/// room left under its cgroup's limit (v1 or v2), when either is known (Linux).
pub fn available_memory() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok();
    let machine = meminfo.as_deref().and_then(|m| {
        let line = m.lines().find(|l| l.starts_with("MemAvailable:"))?;
        line.split_whitespace().nth(1)?.parse::<u64>().ok()
    });
    let machine = machine.map(|kb| kb * 1024);
    let cgroup = std::fs::read_to_string("/proc/self/cgroup")
        .ok()
        .and_then(|c| cgroup_room(&c, Path::new("/sys/fs/cgroup")));
    match (machine, cgroup) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Room under the tightest memory limit of the cgroups named in `/proc/self/cgroup` text,
/// looking at each group and its parents under `root`.
fn cgroup_room(proc_cgroup: &str, root: &Path) -> Option<u64> {
    let read = |p: PathBuf| -> Option<u64> { std::fs::read_to_string(p).ok()?.trim().parse().ok() };
    let mut room: Option<u64> = None;
    for line in proc_cgroup.lines() {
        let mut parts = line.splitn(3, ':');
        let (_, controllers, path) = (parts.next(), parts.next()?, parts.next()?);
        let (base, limit_file, usage_file) = if controllers.split(',').any(|c| c == "memory") {
            (
                root.join("memory"),
                "memory.limit_in_bytes",
                "memory.usage_in_bytes",
            )
        } else if controllers.is_empty() {
            let unified = root.join("unified");
            let base = if unified.is_dir() {
                unified
            } else {
                root.to_path_buf()
            };
            (base, "memory.max", "memory.current")
        } else {
            continue;
        };
        let mut dir = base.join(path.trim_start_matches('/'));
        loop {
            if let (Some(limit), Some(usage)) =
                (read(dir.join(limit_file)), read(dir.join(usage_file)))
            {
                let left = limit.saturating_sub(usage);
                room = Some(room.map_or(left, |r| r.min(left)));
            }
            if dir == base || !dir.pop() {
                break;
            }
        }
    }
    room
}

/// A column being written: in memory, or appended to a temporary file.
enum Sink<T> {
    Heap(Vec<T>),
    File { out: BufWriter<File>, dir: PathBuf },
}

impl<T: bytemuck::Pod> Sink<T> {
    fn new(spill_dir: Option<&Path>) -> Result<Self> {
        Ok(match spill_dir {
            None => Sink::Heap(Vec::new()),
            Some(dir) => Sink::File {
                out: BufWriter::with_capacity(
                    1 << 20,
                    tempfile::tempfile_in(dir).map_err(|source| Error::Write {
                        path: dir.to_path_buf(),
                        source,
                    })?,
                ),
                dir: dir.to_path_buf(),
            },
        })
    }

    fn extend(&mut self, values: &[T]) -> Result<()> {
        match self {
            Sink::Heap(v) => v.extend_from_slice(values),
            Sink::File { out, dir } => {
                out.write_all(bytemuck::cast_slice(values))
                    .map_err(|source| Error::Write {
                        path: dir.clone(),
                        source,
                    })?
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Column<T>> {
        match self {
            Sink::Heap(mut v) => {
                v.shrink_to_fit();
                Ok(Column::Heap(v))
            }
            Sink::File { out, dir } => {
                let fail = |source| Error::Write {
                    path: dir.clone(),
                    source,
                };
                let file = out.into_inner().map_err(|e| fail(e.into_error()))?;
                if file.metadata().map_err(fail)?.len() == 0 {
                    return Ok(Column::Heap(Vec::new()));
                }
                // SAFETY: the file is an unnamed temporary file this process created and holds
                // the only handle to; nothing else can change or truncate it while it is mapped.
                let map = unsafe { memmap2::MmapMut::map_mut(&file) }.map_err(fail)?;
                // Verification reads sets in no useful order: no read-ahead, so that a page
                // fault under memory pressure reads one page rather than 32.
                #[cfg(unix)]
                map.advise(memmap2::Advice::Random).map_err(fail)?;
                Ok(Column::Mapped(map, std::marker::PhantomData))
            }
        }
    }
}

/// A finished column.
enum Column<T> {
    Heap(Vec<T>),
    Mapped(memmap2::MmapMut, std::marker::PhantomData<T>),
}

impl<T: bytemuck::Pod> Column<T> {
    fn as_slice(&self) -> &[T] {
        match self {
            Column::Heap(v) => v,
            // A mapping starts on a page boundary, so it is aligned for any `T`.
            Column::Mapped(m, _) => bytemuck::cast_slice(&m[..]),
        }
    }

    fn as_mut_slice(&mut self) -> &mut [T] {
        match self {
            Column::Heap(v) => v,
            Column::Mapped(m, _) => bytemuck::cast_slice_mut(&mut m[..]),
        }
    }

    fn heap_bytes(&self) -> usize {
        match self {
            Column::Heap(v) => v.capacity() * size_of::<T>(),
            Column::Mapped(..) => 0,
        }
    }
}

impl<T> std::fmt::Debug for Column<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Column::Heap(v) => write!(f, "Heap({} values)", v.len()),
            Column::Mapped(m, _) => write!(f, "Mapped({} bytes)", m.len()),
        }
    }
}

/// A column of plain values being collected, in memory or appended to an unnamed temporary
/// file, by the same rule as the features (for per-article records that grow with the corpus,
/// such as [`crate::boilerplate::Passage`]s).
pub struct ValuesBuilder<T>(Sink<T>);

impl<T: bytemuck::Pod> ValuesBuilder<T> {
    /// A builder keeping values in memory, or in a temporary file in `spill_dir`.
    pub fn new(spill_dir: Option<&Path>) -> Result<Self> {
        Ok(ValuesBuilder(Sink::new(spill_dir)?))
    }

    /// Appends `values`.
    pub fn extend(&mut self, values: &[T]) -> Result<()> {
        self.0.extend(values)
    }

    /// Finishes writing; a spilled column is mapped back.
    pub fn finish(self) -> Result<Values<T>> {
        Ok(Values(self.0.finish()?))
    }
}

/// A finished column of plain values, in memory or mapped from its temporary file (writable
/// either way: it can be sorted in place).
#[derive(Debug)]
pub struct Values<T>(Column<T>);

impl<T> Default for Values<T> {
    fn default() -> Self {
        Values(Column::Heap(Vec::new()))
    }
}

impl<T: bytemuck::Pod> Values<T> {
    /// The values.
    pub fn as_slice(&self) -> &[T] {
        self.0.as_slice()
    }

    /// The values, to change in place.
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        self.0.as_mut_slice()
    }

    /// Bytes held on the heap (nothing when mapped).
    pub fn heap_bytes(&self) -> usize {
        self.0.heap_bytes()
    }
}

/// Collects the features of a corpus, article by article, in input order.
pub struct StoreBuilder {
    words: Vec<u32>,
    simhashes: Vec<Fingerprint>,
    set_ends: Vec<u64>,
    anchor_ends: Vec<u64>,
    sets: Sink<u8>,
    anchors: Sink<u32>,
    spilled: bool,
}

impl StoreBuilder {
    /// A builder keeping everything in memory, or spilling sets and anchors to unnamed
    /// temporary files in `spill_dir`.
    pub fn new(spill_dir: Option<&Path>) -> Result<Self> {
        Ok(StoreBuilder {
            words: Vec::new(),
            simhashes: Vec::new(),
            set_ends: vec![0],
            anchor_ends: vec![0],
            sets: Sink::new(spill_dir)?,
            anchors: Sink::new(spill_dir)?,
            spilled: spill_dir.is_some(),
        })
    }

    /// Appends one article's features (its set packed as [`crate::shingle::ShingleSet::as_bytes`] gives it).
    pub fn push(
        &mut self,
        words: u32,
        simhash: Fingerprint,
        packed_set: &[u8],
        anchors: &[u32],
    ) -> Result<()> {
        self.words.push(words);
        self.simhashes.push(simhash);
        self.sets.extend(packed_set)?;
        self.anchors.extend(anchors)?;
        let last = |v: &Vec<u64>| *v.last().expect("starts with 0");
        self.set_ends
            .push(last(&self.set_ends) + packed_set.len() as u64);
        self.anchor_ends
            .push(last(&self.anchor_ends) + anchors.len() as u64);
        Ok(())
    }

    /// Articles pushed so far.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when nothing was pushed.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Finishes writing; spilled columns are mapped back.
    pub fn finish(mut self) -> Result<FeatureStore> {
        for v in [&mut self.set_ends, &mut self.anchor_ends] {
            v.shrink_to_fit();
        }
        self.words.shrink_to_fit();
        self.simhashes.shrink_to_fit();
        Ok(FeatureStore {
            words: self.words,
            simhashes: self.simhashes,
            set_ends: self.set_ends,
            anchor_ends: self.anchor_ends,
            sets: self.sets.finish()?,
            anchors: self.anchors.finish()?,
            spilled: self.spilled,
            set_lens: Vec::new(),
            anchor_lens: Vec::new(),
        })
    }
}

/// The articles holding one anchor ([`FeatureStore::holders`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Holders {
    /// How many articles hold it.
    pub count: usize,
    /// Which, ascending; empty when more than the cap asked for do.
    pub docs: Vec<u32>,
}

/// The features of every article of a corpus, by article index.
#[derive(Debug)]
pub struct FeatureStore {
    words: Vec<u32>,
    simhashes: Vec<Fingerprint>,
    set_ends: Vec<u64>,
    anchor_ends: Vec<u64>,
    sets: Column<u8>,
    anchors: Column<u32>,
    spilled: bool,
    /// Each article's set length in bytes and anchor count, once [`FeatureStore::shrink`] has
    /// shortened one (its range then keeps unused bytes at the end); empty until then.
    set_lens: Vec<u32>,
    anchor_lens: Vec<u32>,
}

impl Default for FeatureStore {
    fn default() -> Self {
        StoreBuilder::new(None)
            .and_then(StoreBuilder::finish)
            .expect("an empty in-memory store cannot fail")
    }
}

impl FeatureStore {
    /// Number of articles.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Words in article `i`'s story body.
    pub fn words(&self, i: usize) -> u32 {
        self.words[i]
    }

    /// Every article's simhash, in order.
    pub fn simhashes(&self) -> &[Fingerprint] {
        &self.simhashes
    }

    /// Article `i`'s shingle set.
    pub fn set(&self, i: usize) -> SetView<'_> {
        SetView::from_packed(&self.sets.as_slice()[range(&self.set_ends, &self.set_lens, i)])
    }

    /// Article `i`'s anchors, sorted.
    pub fn anchors(&self, i: usize) -> &[u32] {
        &self.anchors.as_slice()[range(&self.anchor_ends, &self.anchor_lens, i)]
    }

    /// Who holds each of `anchors` (ascending, distinct): for each, how many articles do and,
    /// when no more than `cap` do, which (ascending). One pass over every article's anchors, in
    /// parallel; memory is bounded by `anchors.len() * cap`, however common an anchor is.
    pub fn holders(&self, anchors: &[u32], cap: usize) -> Vec<Holders> {
        use rayon::prelude::*;
        let empty = || vec![Holders::default(); anchors.len()];
        // Few, long runs of articles: each keeps a tally of every anchor asked about.
        let mut found = (0..self.len())
            .into_par_iter()
            .with_min_len(1 << 15)
            .fold(empty, |mut found, doc| {
                for x in self.anchors(doc) {
                    if let Ok(at) = anchors.binary_search(x) {
                        let h = &mut found[at];
                        h.count += 1;
                        if h.count <= cap {
                            h.docs.push(doc as u32);
                        }
                    }
                }
                found
            })
            .reduce(empty, |mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    x.count += y.count;
                    x.docs.extend(y.docs);
                }
                a
            });
        for h in &mut found {
            if h.count > cap {
                h.docs = Vec::new();
            } else {
                h.docs.sort_unstable();
            }
        }
        found
    }

    /// Replaces article `i`'s set (packed, as [`crate::shingle::ShingleSet::as_bytes`] gives it)
    /// and anchors with ones no longer than they are (a subset: boilerplate left out), in place.
    ///
    /// # Panics
    /// When either is longer than what it replaces.
    pub fn shrink(&mut self, i: usize, packed_set: &[u8], anchors: &[u32]) {
        fn put<T: bytemuck::Pod>(
            column: &mut Column<T>,
            ends: &[u64],
            lens: &mut Vec<u32>,
            i: usize,
            new: &[T],
        ) {
            if lens.is_empty() {
                lens.extend(ends.windows(2).map(|w| (w[1] - w[0]) as u32));
            }
            let start = ends[i] as usize;
            assert!(new.len() <= lens[i] as usize, "shrink makes a range longer");
            column.as_mut_slice()[start..start + new.len()].copy_from_slice(new);
            lens[i] = new.len() as u32;
        }
        put(
            &mut self.sets,
            &self.set_ends,
            &mut self.set_lens,
            i,
            packed_set,
        );
        put(
            &mut self.anchors,
            &self.anchor_ends,
            &mut self.anchor_lens,
            i,
            anchors,
        );
    }

    /// True when sets and anchors live in mapped temporary files.
    pub fn spilled(&self) -> bool {
        self.spilled
    }

    /// Bytes held on the heap (mapped files not counted).
    pub fn heap_bytes(&self) -> usize {
        self.words.capacity() * 4
            + self.simhashes.capacity() * 8
            + (self.set_ends.capacity() + self.anchor_ends.capacity()) * 8
            + (self.set_lens.capacity() + self.anchor_lens.capacity()) * 4
            + self.sets.heap_bytes()
            + self.anchors.heap_bytes()
    }
}

/// Article `i`'s range in a column: from its start to its length when `lens` has them (after
/// [`FeatureStore::shrink`]), else to the next article's start.
fn range(ends: &[u64], lens: &[u32], i: usize) -> std::ops::Range<usize> {
    let start = ends[i] as usize;
    match lens.get(i) {
        Some(&len) => start..start + len as usize,
        None => start..ends[i + 1] as usize,
    }
}

/// Texts of many articles, one after another, read back by index: in memory, or spilled to an
/// unnamed temporary file and mapped back (the diff stage holds every clustered member's text).
#[derive(Debug)]
pub struct TextStore {
    ends: Vec<u64>,
    bytes: Column<u8>,
}

/// Collects texts for a [`TextStore`], in the order they will be looked up by.
pub struct TextStoreBuilder {
    ends: Vec<u64>,
    bytes: Sink<u8>,
}

impl TextStoreBuilder {
    /// A builder keeping texts in memory, or in an unnamed temporary file in `spill_dir`.
    pub fn new(spill_dir: Option<&Path>) -> Result<Self> {
        Ok(TextStoreBuilder {
            ends: vec![0],
            bytes: Sink::new(spill_dir)?,
        })
    }

    /// Appends one text.
    pub fn push(&mut self, text: &str) -> Result<()> {
        self.bytes.extend(text.as_bytes())?;
        let end = *self.ends.last().expect("starts with 0") + text.len() as u64;
        self.ends.push(end);
        Ok(())
    }

    /// Finishes writing; a spilled file is mapped back.
    pub fn finish(mut self) -> Result<TextStore> {
        self.ends.shrink_to_fit();
        Ok(TextStore {
            ends: self.ends,
            bytes: self.bytes.finish()?,
        })
    }
}

impl TextStore {
    /// Number of texts.
    pub fn len(&self) -> usize {
        self.ends.len() - 1
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Text `i`.
    pub fn get(&self, i: usize) -> &str {
        let (a, b) = (self.ends[i] as usize, self.ends[i + 1] as usize);
        std::str::from_utf8(&self.bytes.as_slice()[a..b])
            .expect("a store holds only the `str`s pushed into it")
    }

    /// Bytes held on the heap (a mapped file not counted).
    pub fn heap_bytes(&self) -> usize {
        self.ends.capacity() * 8 + self.bytes.heap_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shingle::ShingleSet;

    fn fill(spill_dir: Option<&Path>) -> FeatureStore {
        let mut b = StoreBuilder::new(spill_dir).unwrap();
        b.push(
            3,
            Fingerprint(7),
            ShingleSet::from_values([5, 1, 9]).as_bytes(),
            &[2, 4],
        )
        .unwrap();
        b.push(0, Fingerprint(0), &[], &[]).unwrap();
        b.push(
            2,
            Fingerprint(u64::MAX),
            ShingleSet::from_values([1 << 23]).as_bytes(),
            &[u32::MAX],
        )
        .unwrap();
        b.finish().unwrap()
    }

    #[test]
    fn in_memory_and_spilled_stores_give_back_what_was_pushed() {
        let dir = tempfile::tempdir().unwrap();
        let (heap, spilled) = (fill(None), fill(Some(dir.path())));
        // Sets (3 values of 3 bytes) and anchors (3 of 4) are off the heap when spilled.
        assert!(heap.heap_bytes() >= spilled.heap_bytes() + 9 + 12);
        for (store, spilled) in [(heap, false), (spilled, true)] {
            assert_eq!(store.spilled(), spilled);
            assert_eq!(store.len(), 3);
            assert_eq!(
                (0..3).map(|i| store.words(i)).collect::<Vec<_>>(),
                [3, 0, 2]
            );
            assert_eq!(store.simhashes()[2], Fingerprint(u64::MAX));
            assert_eq!(store.set(0).iter().collect::<Vec<_>>(), [1, 5, 9]);
            assert!(store.set(1).is_empty());
            assert_eq!(store.set(2).iter().collect::<Vec<_>>(), [1 << 23]);
            assert_eq!(store.anchors(0), [2, 4]);
            assert!(store.anchors(1).is_empty());
            assert_eq!(store.anchors(2), [u32::MAX]);
        }
        // The spill files are unnamed: nothing is left in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn shrinking_an_article_in_place_leaves_its_neighbours_alone() {
        let dir = tempfile::tempdir().unwrap();
        for mut store in [fill(None), fill(Some(dir.path()))] {
            store.shrink(0, ShingleSet::from_values([5]).as_bytes(), &[4]);
            assert_eq!(store.set(0).iter().collect::<Vec<_>>(), [5]);
            assert_eq!(store.anchors(0), [4]);
            assert!(store.set(1).is_empty() && store.anchors(1).is_empty());
            assert_eq!(store.set(2).iter().collect::<Vec<_>>(), [1 << 23]);
            assert_eq!(store.anchors(2), [u32::MAX]);
            // To nothing, and to the same.
            store.shrink(2, &[], &[u32::MAX]);
            assert!(store.set(2).is_empty());
            assert_eq!(store.anchors(2), [u32::MAX]);
            assert_eq!(store.set(0).len(), 1);
        }
    }

    #[test]
    #[should_panic(expected = "longer")]
    fn shrinking_refuses_to_grow() {
        let mut store = fill(None);
        store.shrink(2, ShingleSet::from_values([1, 2]).as_bytes(), &[]);
    }

    #[test]
    fn a_spilled_store_of_empty_articles_needs_no_mapping() {
        let dir = tempfile::tempdir().unwrap();
        let mut b = StoreBuilder::new(Some(dir.path())).unwrap();
        b.push(0, Fingerprint(0), &[], &[]).unwrap();
        let s = b.finish().unwrap();
        assert!(s.set(0).is_empty() && s.anchors(0).is_empty());
    }

    #[test]
    fn text_stores_give_back_what_was_pushed() {
        let dir = tempfile::tempdir().unwrap();
        let texts = ["Reuters said", "", "Привет, ایران ۔ 北京"];
        for spill in [None, Some(dir.path())] {
            let mut b = TextStoreBuilder::new(spill).unwrap();
            for t in texts {
                b.push(t).unwrap();
            }
            let store = b.finish().unwrap();
            assert_eq!(store.len(), 3);
            assert_eq!((0..3).map(|i| store.get(i)).collect::<Vec<_>>(), texts);
            let text_bytes: usize = texts.iter().map(|t| t.len()).sum();
            assert_eq!(store.heap_bytes() >= text_bytes, spill.is_none());
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn auto_spills_only_when_features_would_crowd_memory() {
        let gib = 1u64 << 30;
        assert!(!Spill::Auto.decide(gib, Some(16 * gib)));
        assert!(Spill::Auto.decide(8 * gib, Some(4 * gib)));
        assert!(
            !Spill::Auto.decide(8 * gib, None),
            "unknown memory: no guess"
        );
        assert!(Spill::Always.decide(0, None));
        assert!(!Spill::Never.decide(u64::MAX, Some(0)));
        // Texts are held as they are: spilled past half of what is free.
        assert!(!Spill::Auto.decide_held(gib, Some(3 * gib)));
        assert!(Spill::Auto.decide_held(2 * gib, Some(3 * gib)));
    }

    #[test]
    fn cgroup_limits_are_read_up_the_hierarchy() {
        let root = tempfile::tempdir().unwrap();
        let v1 = root.path().join("memory/a/b");
        std::fs::create_dir_all(&v1).unwrap();
        let write = |dir: &Path, limit: &str, usage: &str, l: &str, u: &str| {
            std::fs::write(dir.join(limit), l).unwrap();
            std::fs::write(dir.join(usage), u).unwrap();
        };
        write(
            &v1,
            "memory.limit_in_bytes",
            "memory.usage_in_bytes",
            "9000\n",
            "1000\n",
        );
        write(
            &root.path().join("memory/a"),
            "memory.limit_in_bytes",
            "memory.usage_in_bytes",
            "5000\n",
            "2000\n",
        );
        assert_eq!(cgroup_room("4:memory:/a/b\n", root.path()), Some(3000));
        // cgroup v2: "max" is no limit.
        let v2 = root.path().join("g");
        std::fs::create_dir_all(&v2).unwrap();
        write(&v2, "memory.max", "memory.current", "max\n", "10\n");
        assert_eq!(cgroup_room("0::/g\n", root.path()), None);
        write(&v2, "memory.max", "memory.current", "100\n", "10\n");
        assert_eq!(cgroup_room("0::/g\n", root.path()), Some(90));
        assert_eq!(cgroup_room("1:cpu:/x\n", root.path()), None);
    }
}
