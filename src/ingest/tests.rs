//! Tests of reading and parsing records.

use std::fs::File;
use std::io::BufReader;

use super::files::DROP_EVERY;
use super::lines::{mappable, read_line, record_end};
use super::tables::{QuoteWatch, Quotes};
use super::*;

/// Every line of `bytes` read by [`read_line`] through a buffer of `capacity` bytes.
fn lines_read(bytes: &[u8], capacity: usize) -> Vec<Vec<u8>> {
    let mut reader = BufReader::with_capacity(capacity, bytes);
    let mut lines = Vec::new();
    loop {
        let mut line = Vec::new();
        if read_line(&mut reader, &mut line).unwrap() == 0 {
            return lines;
        }
        lines.push(line);
    }
}

#[test]
fn lines_are_read_whole_across_buffer_refills() {
    let text = b"first\r\na second line longer than the buffer\n\nlast, no newline";
    assert_eq!(
        lines_read(text, 4),
        [
            &b"first\r\n"[..],
            b"a second line longer than the buffer\n",
            b"\n",
            b"last, no newline"
        ]
    );
}

/// A JSON value of a few kinds, as text.
fn json_value() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::strategy::Strategy;
    proptest::prop_oneof![
        "[a-z \"\\\\\n]{0,8}".prop_map(|s| serde_json::to_string(&s).unwrap()),
        proptest::num::i64::ANY.prop_map(|n| n.to_string()),
        proptest::strategy::Just("null".to_string()),
        proptest::strategy::Just(r#"["a", {"text": 1}]"#.to_string()),
        proptest::strategy::Just(r#"{"id": "inner"}"#.to_string()),
    ]
}

#[test]
fn a_field_not_read_is_only_checked_to_be_json() {
    let record = r#"{"text": "Body", "score": 1e400, "tags": ["a", {"b": null}]}"#;
    let r = parse(&jsonl(), Origin { source: 0, line: 1 }, record.as_bytes()).unwrap();
    assert_eq!(r.text, "Body");
    // A value that is read is held to what a JSON value can be.
    let record = r#"{"text": "Body", "title": 1e400}"#;
    let bad = parse(&jsonl(), Origin { source: 0, line: 1 }, record.as_bytes()).unwrap_err();
    assert!(
        bad.problem.contains("number out of range"),
        "{}",
        bad.problem
    );
    let record = r#"{"text": "Body", "score": 1e}"#;
    let bad = parse(&jsonl(), Origin { source: 0, line: 1 }, record.as_bytes()).unwrap_err();
    assert!(bad.problem.starts_with("invalid JSON"), "{}", bad.problem);
}

proptest::proptest! {
    #[test]
    fn picking_fields_reads_what_parsing_the_whole_record_does(
        entries in proptest::collection::vec(
            (proptest::sample::select(vec!["text", "id", "outlet", "title", "url", "published", "body", "t\\u0065xt"]), json_value()),
            0..10,
        ),
        id_is_text in proptest::bool::ANY,
    ) {
        let record = format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("\"{k}\": {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut fields = Fields::default();
        fields.set("text", "body").unwrap();
        if id_is_text {
            // Two values read from one field: the first takes it.
            fields.set("id", "body").unwrap();
        }
        let whole = fields.take_all(&record).unwrap();
        proptest::prop_assert_eq!(fields.pick(&record), Some(whole));
    }

    #[test]
    fn lines_are_read_as_std_reads_them(
        bytes in proptest::collection::vec(proptest::prop_oneof![proptest::strategy::Just(b'\n'), proptest::strategy::Just(b'\r'), proptest::strategy::Just(b'a'), proptest::num::u8::ANY], 0..300),
        capacity in 1usize..40,
    ) {
        let mut reader = BufReader::with_capacity(capacity, &bytes[..]);
        let mut lines = Vec::new();
        loop {
            let mut line = Vec::new();
            if reader.read_until(b'\n', &mut line).unwrap() == 0 {
                break;
            }
            lines.push(line);
        }
        proptest::prop_assert_eq!(lines_read(&bytes, capacity), lines);
    }

    #[test]
    fn mapped_and_buffered_reading_give_the_same_records(
        lines in proptest::collection::vec(
            (
                proptest::prop_oneof![
                    proptest::strategy::Just(String::new()),
                    proptest::strategy::Just(" \t".to_string()),
                    "[a-z{}\":, ]{1,12}",
                    "[a-z ]{200,600}",
                ],
                proptest::sample::select(vec!["\n", "\r\n", "\r\r\n"]),
            ),
            1..30,
        ),
        bom in proptest::bool::ANY,
        final_newline in proptest::bool::ANY,
        batch_bytes in 1usize..700,
    ) {
        let mut bytes = if bom { b"\xef\xbb\xbf".to_vec() } else { Vec::new() };
        for (text, end) in &lines {
            bytes.extend_from_slice(text.as_bytes());
            bytes.extend_from_slice(end.as_bytes());
        }
        if !final_newline {
            while bytes.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                bytes.pop();
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        std::fs::write(&path, &bytes).unwrap();
        let sources = open_sources(&[path]).unwrap();
        let read = |cache| {
            let (mut raws, mut mapped) = (Vec::new(), false);
            read_batches_with::<Error>(&sources, batch_bytes, cache, None, |batch| {
                mapped |= batch.map.is_some();
                raws.extend(batch.iter().map(|raw| match raw {
                    Raw::Record { origin, bytes } => (origin, Ok(bytes.to_vec())),
                    Raw::Unreadable { origin, problem } => (origin, Err(problem.to_string())),
                }));
                Ok(())
            })
            .unwrap();
            (raws, mapped)
        };
        let (buffered, buffered_mapped) = read(Cache::DropBehind);
        let (mapped, was_mapped) = read(Cache::Keep);
        proptest::prop_assert!(!buffered_mapped);
        // Every record came from a map (a file of blank lines sends no batch at all).
        proptest::prop_assert_eq!(was_mapped, !buffered.is_empty());
        proptest::prop_assert_eq!(mapped, buffered);
    }
}

#[test]
fn a_record_ends_before_its_line_end_and_a_blank_line_is_none() {
    assert_eq!(record_end(b"{}\n"), Some(2));
    assert_eq!(record_end(b"{}\r\n"), Some(2));
    assert_eq!(record_end(b"{}\r\r\n"), Some(2));
    assert_eq!(record_end(b"{}"), Some(2)); // the last line, without a line end
    // Only the line end goes: other white space and inner carriage returns stay.
    assert_eq!(record_end(b"{} \t\n"), Some(4));
    assert_eq!(record_end(b"{\r}\n"), Some(3));
    for blank in [&b""[..], b"\n", b"\r\n", b" \t\r\n", b"\x0c\n"] {
        assert_eq!(record_end(blank), None, "{blank:?}");
    }
}

#[test]
fn a_source_not_to_be_mapped_is_read_through_a_buffer_with_the_same_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    std::fs::write(
        &path,
        "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\r\n{\"text\":\"c\"}",
    )
    .unwrap();
    let read = |map| {
        let mut sources = open_sources(std::slice::from_ref(&path)).unwrap();
        sources[0].map = map;
        let (mut records, mut mapped) = (Vec::new(), false);
        read_batches_with::<Error>(&sources, 1 << 20, Cache::Keep, None, |batch| {
            mapped |= batch.map.is_some();
            records.extend(batch.iter().map(|raw| match raw {
                Raw::Record { origin, bytes } => (origin.line, bytes.to_vec()),
                Raw::Unreadable { problem, .. } => panic!("{problem}"),
            }));
            Ok(())
        })
        .unwrap();
        (records, mapped)
    };
    let (mapped, was_mapped) = read(true);
    let (buffered, buffered_mapped) = read(false);
    assert!(was_mapped, "an uncompressed file opened as usual is mapped");
    assert!(!buffered_mapped, "`map: false` still mapped the file");
    assert_eq!(buffered, mapped);
    assert_eq!(
        buffered.iter().map(|(line, _)| *line).collect::<Vec<_>>(),
        [1, 3, 4]
    );
}

#[test]
fn a_cleared_batch_holds_no_part_of_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    std::fs::write(&path, "{\"text\":\"a\"}\n").unwrap();
    let sources = open_sources(std::slice::from_ref(&path)).unwrap();
    let mut batches = Vec::new();
    read_batches::<Error>(&sources, 1 << 20, |batch| {
        batches.push(batch);
        Ok(())
    })
    .unwrap();
    let mut batch = batches.pop().unwrap();
    assert!(batch.map.is_some() && batch.len() == 1);
    batch.clear();
    assert!(batch.map.is_none() && batch.is_empty() && batch.size() == 0);
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_not_opened_to_be_mapped() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("input.jsonl");
    crate::testing::named_pipe(&fifo);
    let not_mapped = crate::testing::within_ten_seconds(move || mappable(&fifo).is_none());
    assert_eq!(not_mapped, Ok(true), "mappable opened the pipe");
}

/// Pages of `file` resident in the page cache (Linux `mincore` over a mapping of it).
#[cfg(target_os = "linux")]
fn resident_pages(file: &File) -> usize {
    let map = unsafe { memmap2::Mmap::map(file) }.unwrap();
    let pages = map.len().div_ceil(4096);
    let mut resident = vec![0u8; pages];
    let rc = unsafe {
        libc::mincore(
            map.as_ptr() as *mut libc::c_void,
            map.len(),
            resident.as_mut_ptr(),
        )
    };
    assert_eq!(rc, 0, "mincore");
    resident.iter().filter(|&&b| b & 1 == 1).count()
}

#[cfg(target_os = "linux")]
#[test]
fn reading_with_drop_behind_leaves_the_file_uncached_and_reads_every_byte() {
    // In the project's folder rather than the system's temporary one, which may be a
    // memory file system (whose pages cannot be dropped).
    let dir = tempfile::tempdir_in(env!("CARGO_MANIFEST_DIR")).unwrap();
    let path = dir.path().join("big.jsonl");
    let line = format!("{{\"text\":\"{}\"}}\n", "word ".repeat(200));
    let lines = (3 * DROP_EVERY as usize) / line.len();
    std::fs::write(&path, line.repeat(lines)).unwrap();
    let file = File::open(&path).unwrap();
    file.sync_all().unwrap(); // dirty pages are written back, not dropped
    let pages = file.metadata().unwrap().len().div_ceil(4096) as usize;
    let source = open_sources(std::slice::from_ref(&path)).unwrap();
    let read = |cache| {
        let mut records = 0;
        read_batches_with::<Error>(&source, 1 << 20, cache, None, |batch| {
            records += batch.len();
            Ok(())
        })
        .unwrap();
        records
    };
    assert_eq!(read(Cache::Keep), lines);
    if resident_pages(&file) < pages / 2 {
        eprintln!("skipped: this file system does not keep a file read in its cache");
        return;
    }
    assert_eq!(read(Cache::DropBehind), lines);
    let left = resident_pages(&file);
    assert!(left < pages / 10, "{left} of {pages} pages still cached");
    // Reading again (the diff stage's texts) drops the same way.
    assert_eq!(read(Cache::Keep), lines);
    assert!(resident_pages(&file) > pages / 2);
    let origins: Vec<Origin> = (1..=lines as u64)
        .map(|line| Origin { source: 0, line })
        .collect();
    let mut reread = 0;
    reread_with(&source, &origins, Cache::DropBehind, |_, _| {
        reread += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(reread, lines);
    let left = resident_pages(&file);
    assert!(
        left < pages / 10,
        "{left} of {pages} pages still cached after reading again"
    );
}

#[test]
fn a_url_names_its_host_without_www_port_or_user() {
    let host = url_host;
    assert_eq!(host("https://www.dawn.com/news/123"), Some("dawn.com"));
    assert_eq!(
        host("http://user:pw@news.example.org:8080/a?b#c"),
        Some("news.example.org")
    );
    assert_eq!(host("www.example.com?x=1"), Some("example.com"));
    assert_eq!(host("  https://example.com"), Some("example.com"));
    for no_host in ["", "https://", "/local/path", "localhost/a", "not a url"] {
        assert_eq!(host(no_host), None, "{no_host:?}");
    }
    let meta = |outlet: Option<&str>, url: Option<&str>| Meta {
        outlet: outlet.map(Into::into),
        url: url.map(Into::into),
        ..Meta::default()
    };
    assert_eq!(
        meta(Some("Dawn"), Some("https://dawn.com/a")).publisher(),
        Some("Dawn")
    );
    assert_eq!(
        meta(None, Some("https://dawn.com/a")).publisher(),
        Some("dawn.com")
    );
    assert_eq!(meta(None, None).publisher(), None);
}

#[test]
fn a_urls_host_is_read_in_lower_case_and_the_rest_as_written() {
    let r =
        parse_line(r#"{"text": "x", "url": "HTTPS://User@WWW.Dawn.COM:443/News/A?Q=B"}"#).unwrap();
    assert_eq!(
        r.meta.url.as_deref(),
        Some("HTTPS://User@www.dawn.com:443/News/A?Q=B")
    );
    assert_eq!(r.meta.publisher(), Some("dawn.com"));
    let plain = "https://dawn.com/News";
    assert_eq!(&*lowercase_host(plain.into()), plain);
    assert_eq!(&*lowercase_host("Not A URL".into()), "Not A URL");
}

fn jsonl() -> Source {
    Source {
        name: "in.jsonl".into(),
        path: "in.jsonl".into(),
        kind: SourceKind::Jsonl,
        fields: Arc::default(),
        map: true,
        quoting: Quoting::Auto,
    }
}

fn parse_line(line: &str) -> std::result::Result<Record, BadRecord> {
    parse(&jsonl(), Origin { source: 0, line: 7 }, line.as_bytes())
}

/// A record line parsed with `mapping` ((name, field) pairs) over the usual fields.
fn parse_mapped(mapping: &[(&str, &str)], line: &str) -> std::result::Result<Record, BadRecord> {
    let mut fields = Fields::default();
    for (name, field) in mapping {
        fields.set(name, field).unwrap();
    }
    let source = Source {
        fields: Arc::new(fields),
        ..jsonl()
    };
    parse(&source, Origin { source: 0, line: 3 }, line.as_bytes())
}

#[test]
fn mapped_fields_are_read_from_their_names_and_pointers() {
    let mapping = [
        ("text", "maintext"),
        ("outlet", "source_domain"),
        ("id", "/meta/ids/1"),
        ("published", "/meta/date"),
    ];
    let line = r#"{"maintext": "Body", "text": "not this", "outlet": "not this", "source_domain": "dawn.com", "meta": {"ids": [1, 99], "date": "2018-04-20"}, "title": "T"}"#;
    let r = parse_mapped(&mapping, line).unwrap();
    assert_eq!(r.text, "Body");
    assert_eq!(r.id, ArticleId::Int("99".into()));
    assert_eq!(r.meta.outlet.as_deref(), Some("dawn.com"));
    assert_eq!(r.meta.published.as_deref(), Some("2018-04-20"));
    // Names not mapped keep their usual field.
    assert_eq!(r.meta.title.as_deref(), Some("T"));

    // Problems name the field as the user mapped it.
    let missing = parse_mapped(&mapping, r#"{"text": "Body"}"#).unwrap_err();
    assert_eq!(missing.to_string(), "in.jsonl:3: `maintext` is missing");
    let wrong = parse_mapped(&mapping, r#"{"maintext": "B", "meta": {"date": 5}}"#).unwrap_err();
    assert_eq!(
        wrong.to_string(),
        "in.jsonl:3: `/meta/date` must be a string, found a number"
    );
    // A missing mapped id falls back to file and line, as a missing `id` does.
    let r = parse_mapped(&mapping, r#"{"maintext": "B", "meta": 1}"#).unwrap();
    assert_eq!(r.id.to_string(), "in.jsonl:3");
}

#[test]
fn unknown_names_and_empty_fields_are_refused() {
    let mut fields = Fields::default();
    let err = fields.set("body", "content").unwrap_err();
    assert!(err.contains("`body`") && err.contains("text, id"), "{err}");
    assert!(fields.set("text", "").is_err());
    assert_eq!(fields, Fields::default());
}

#[test]
fn full_record_keeps_id_type_and_metadata() {
    let r = parse_line(
        r#"{"id": 42, "text": "Hello", "outlet": "AP", "published": "2018-04-20", "extra": [1]}"#,
    )
    .unwrap();
    assert_eq!(r.id, ArticleId::Int("42".into()));
    assert_eq!(serde_json::to_string(&r.id).unwrap(), "42");
    assert_eq!(r.meta.outlet.as_deref(), Some("AP"));
    let r = parse_line(r#"{"id": "a-1", "text": ""}"#).unwrap();
    assert_eq!(serde_json::to_string(&r.id).unwrap(), "\"a-1\"");
}

#[test]
fn a_text_given_as_paragraphs_is_one_text() {
    let r = parse_line(r#"{"text": ["First paragraph.", "Second one."]}"#).unwrap();
    assert_eq!(r.text, "First paragraph.\n\nSecond one.");
}

#[test]
fn missing_id_becomes_file_and_line() {
    let r = parse_line(r#"{"text": "x"}"#).unwrap();
    assert_eq!(r.id.to_string(), "in.jsonl:7");
}

#[test]
fn bad_records_say_file_line_and_problem() {
    let cases = [
        (
            r#"{"text": 5}"#,
            "`text` must be a string or a list of strings, found a number",
        ),
        (
            r#"{"text": ["a", 5]}"#,
            "`text` must be a string or a list of strings, found an array",
        ),
        (r#"{"title": "x"}"#, "`text` is missing"),
        (
            r#"{"text": "x", "id": 1.5}"#,
            "`id` must be a string or an integer",
        ),
        (
            r#"{"text": "x", "outlet": ["a"]}"#,
            "`outlet` must be a string, found an array",
        ),
        (r#"[1, 2]"#, "expected a JSON object, found an array"),
        (r#"{"text": "x""#, "truncated JSON"),
        (r#"{"text": x}"#, "invalid JSON"),
    ];
    for (line, want) in cases {
        let b = parse_line(line).unwrap_err();
        assert!(b.to_string().starts_with("in.jsonl:7: "), "{b}");
        assert!(b.problem.contains(want), "{line}: {b}");
    }
    let b = parse(
        &jsonl(),
        Origin { source: 0, line: 3 },
        b"{\"text\": \"\xff\"}",
    )
    .unwrap_err();
    assert_eq!(
        b.to_string(),
        "in.jsonl:3: invalid UTF-8 at byte 10 (column 11)"
    );
}

#[test]
fn filtered_reading_keeps_the_chosen_records_and_every_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    std::fs::write(
        &path,
        "{\"id\":\"a\",\"text\":\"one\"}\nnot json\n{\"id\":7,\"text\":\"two\"}\n{\"id\":\"c\",\"text\":\"three\"}\n",
    )
    .unwrap();
    let sources = open_sources(&[path]).unwrap();
    let (good, bad) = read_filtered(&sources, |r| r.id.as_str() != "a").unwrap();
    let ids: Vec<&str> = good.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["7", "c"]);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].line, 2);
    let (all, _) = read_all(&sources).unwrap();
    assert_eq!(all.len(), 3);
}

#[test]
fn published_dates_are_ordered_across_forms() {
    let day = published_seconds("2018-04-20").unwrap();
    let noon = published_seconds("2018-04-20T12:00:00Z").unwrap();
    let noon_cet = published_seconds("2018-04-20T13:00:00+01:00").unwrap();
    assert_eq!(noon - day, 12 * 3600);
    assert_eq!(noon, noon_cet);
    assert_eq!(published_seconds("20-APR-1987 bogus"), None);
    // RSS dates, and a space for the `T`.
    assert_eq!(
        published_seconds("Fri, 20 Apr 2018 13:00:00 +0100"),
        Some(noon)
    );
    assert_eq!(
        published_seconds("Fri, 20 Apr 2018 12:00:00 GMT"),
        Some(noon)
    );
    assert_eq!(published_seconds("2018-04-20 12:00:00"), Some(noon));
    assert_eq!(published_seconds("2018-04-20 12:00"), Some(noon));
}

#[test]
fn text_file_record_takes_id_and_outlet_from_path() {
    let src = Source {
        name: "c/ap/x.txt".into(),
        path: "c/ap/x.txt".into(),
        kind: SourceKind::Text {
            rel: "ap/x.txt".into(),
            outlet: Some("ap".into()),
        },
        fields: Arc::default(),
        map: true,
        quoting: Quoting::Auto,
    };
    let r = parse(&src, Origin { source: 0, line: 1 }, b"Body").unwrap();
    assert_eq!(r.id.to_string(), "ap/x.txt");
    assert_eq!(r.meta.outlet.as_deref(), Some("ap"));
    let b = parse(&src, Origin { source: 0, line: 1 }, b"ok\nok\nbad \xc3(").unwrap_err();
    assert_eq!(b.line, 3);
}

#[test]
fn tables_are_told_by_their_name() {
    let kind = |name: &str| table_kind(Path::new(name));
    assert_eq!(kind("a.csv"), Some(SourceKind::Csv { delimiter: b',' }));
    assert_eq!(
        kind("dir/A.CSV.gz"),
        Some(SourceKind::Csv { delimiter: b',' })
    );
    assert_eq!(
        kind("a.tsv.zst"),
        Some(SourceKind::Csv { delimiter: b'\t' })
    );
    assert_eq!(kind("a.jsonl"), None);
    assert_eq!(kind("csv"), None);
}

#[test]
fn table_rows_are_records_and_bad_rows_are_reported_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.csv");
    std::fs::write(
        &path,
        b"id,text,outlet\n\
          a,\"Two lines,\nwith a comma\",AP\n\
          b,one cell too many,AP,x\n\
          \n\
          c,no outlet,\n\
          d,bad \xff byte,AP\n\
          e,last,Reuters\n",
    )
    .unwrap();
    let sources = open_sources(&[path]).unwrap();
    assert_eq!(sources[0].kind, SourceKind::Csv { delimiter: b',' });
    let (good, bad) = read_all(&sources).unwrap();
    let ids: Vec<String> = good.iter().map(|r| r.id.to_string()).collect();
    assert_eq!(ids, ["a", "c", "e"]);
    assert_eq!(good[0].text, "Two lines,\nwith a comma");
    assert_eq!(good[0].meta.outlet.as_deref(), Some("AP"));
    assert_eq!(good[1].meta.outlet, None, "an empty cell is no value");
    let bad: Vec<String> = bad.iter().map(ToString::to_string).collect();
    assert_eq!(
        bad,
        [
            format!("{}:4: 4 cells where the header has 3", sources[0].name),
            format!(
                "{}:7: invalid UTF-8 in column 2 (`text`) at byte 4",
                sources[0].name
            ),
        ]
    );

    // Read again, the rows give the same records (as `--unique` writes them).
    let mut origins = Vec::new();
    read_batches::<Error>(&sources, 1, |batch| {
        for raw in batch.iter() {
            if let Raw::Record { origin, bytes } = raw {
                origins.push((origin, bytes.to_vec()));
            }
        }
        Ok(())
    })
    .unwrap();
    assert_eq!(
        origins.iter().map(|(o, _)| o.line).collect::<Vec<_>>(),
        [2, 6, 8]
    );
    assert_eq!(origins[1].1, br#"{"id":"c","text":"no outlet"}"#);
    let wanted: Vec<Origin> = origins.iter().map(|(o, _)| *o).skip(1).collect();
    let mut again = Vec::new();
    reread(&sources, &wanted, |o, bytes| {
        again.push((o, bytes.to_vec()));
        Ok(())
    })
    .unwrap();
    assert_eq!(again, origins[1..]);
}

#[test]
fn rows_ended_by_bare_carriage_returns_each_get_their_own_line() {
    // Found by the `table` fuzzer: rows ended by `\r` alone shared a line, so reading
    // them again could not tell them apart.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mac.csv");
    std::fs::write(&path, b"id,text\ra,first\rb,\xff\rc,third\r").unwrap();
    let sources = open_sources(&[path]).unwrap();
    let mut seen = Vec::new();
    read_batches::<Error>(&sources, 1, |batch| {
        for raw in batch.iter() {
            match raw {
                Raw::Record { origin, bytes } => seen.push((origin, Some(bytes.to_vec()))),
                Raw::Unreadable { origin, .. } => seen.push((origin, None)),
            }
        }
        Ok(())
    })
    .unwrap();
    let lines: Vec<u64> = seen.iter().map(|(o, _)| o.line).collect();
    assert_eq!(lines, [2, 3, 4]);
    let good: Vec<Origin> = seen
        .iter()
        .filter(|(_, b)| b.is_some())
        .map(|(o, _)| *o)
        .collect();
    let mut again = Vec::new();
    reread(&sources, &good, |_, bytes| {
        again.push(String::from_utf8(bytes.to_vec()).unwrap());
        Ok(())
    })
    .unwrap();
    assert_eq!(
        again,
        [
            r#"{"id":"a","text":"first"}"#,
            r#"{"id":"c","text":"third"}"#
        ]
    );
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_record() {
    let dir = tempfile::tempdir().unwrap();
    let (jsonl, csv) = (dir.path().join("bom.jsonl"), dir.path().join("bom.csv"));
    std::fs::write(&jsonl, b"\xef\xbb\xbf{\"id\": \"a\", \"text\": \"x\"}\n").unwrap();
    std::fs::write(&csv, b"\xef\xbb\xbfid,text\na,x\n").unwrap();
    for path in [jsonl, csv] {
        let sources = open_sources(std::slice::from_ref(&path)).unwrap();
        let (good, bad) = read_all(&sources).unwrap();
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(good[0].id.to_string(), "a", "{}", path.display());
    }
}

/// What [`read_lines_of`] saw: each record's (line, id or problem), the records' bytes, and
/// the bytes read again.
type Seen = (Vec<(u64, String)>, Vec<Vec<u8>>, Vec<Vec<u8>>);

/// Every record of `path` read, and the records read again.
fn read_lines_of(path: &Path) -> Seen {
    let sources = open_sources(&[path.to_path_buf()]).unwrap();
    let mut seen = Vec::new();
    let mut records = Vec::new();
    read_batches::<Error>(&sources, 1, |batch| {
        for raw in batch.iter() {
            match raw {
                Raw::Record { origin, bytes } => {
                    let what = match parse(&sources[0], origin, bytes) {
                        Ok(r) => r.id.to_string(),
                        Err(b) => b.problem,
                    };
                    seen.push((origin.line, what));
                    records.push((origin, bytes.to_vec()));
                }
                Raw::Unreadable { origin, problem } => {
                    seen.push((origin.line, problem.to_string()))
                }
            }
        }
        Ok(())
    })
    .unwrap();
    let origins: Vec<Origin> = records.iter().map(|(o, _)| *o).collect();
    let mut again = Vec::new();
    reread(&sources, &origins, |_, b| {
        again.push(b.to_vec());
        Ok(())
    })
    .unwrap();
    (seen, records.into_iter().map(|(_, b)| b).collect(), again)
}

#[test]
fn a_json_array_is_read_record_by_record() {
    let dir = tempfile::tempdir().unwrap();
    let pretty = dir.path().join("pretty.json");
    std::fs::write(
        &pretty,
        "[\n  {\"id\": \"a\", \"text\": \"one, [two] \\\"three\\\"\"},\n  {\"id\": \"b\",\n   \"text\": \"x\"},\n  {\"id\": \"c\" \"text\": 1},\n  {\"id\": \"d\", \"text\": \"y\"}\n]\n",
    )
    .unwrap();
    let sources = open_sources(std::slice::from_ref(&pretty)).unwrap();
    assert_eq!(sources[0].kind, SourceKind::JsonArray);
    let (seen, records, again) = read_lines_of(&pretty);
    assert_eq!(seen.len(), 4, "{seen:?}");
    assert_eq!(seen[0], (2, "a".to_string()));
    assert_eq!(seen[1], (3, "b".to_string()));
    assert_eq!(seen[2].0, 5);
    assert!(seen[2].1.starts_with("invalid JSON"), "{seen:?}");
    assert_eq!(seen[3], (6, "d".to_string()));
    assert_eq!(again, records);
    assert_eq!(records[1], br#"{"id": "b",    "text": "x"}"#, "one line");

    // On one line, a record's line is its position; a cut file says where it stopped.
    let flat = dir.path().join("flat.json");
    std::fs::write(
        &flat,
        r#"[{"id":"a","text":"x"},{"id":"b","text":"y"},{"id":"c","te"#,
    )
    .unwrap();
    let (seen, records, again) = read_lines_of(&flat);
    assert_eq!(seen[0], (1, "a".to_string()));
    assert_eq!(seen[1], (2, "b".to_string()));
    assert_eq!(seen[2].0, 3);
    assert!(
        seen[2].1.contains("file ends inside this record"),
        "{seen:?}"
    );
    assert_eq!(again, records);

    // A `.json` file of one object a line is JSONL.
    let lines = dir.path().join("lines.json");
    std::fs::write(&lines, "{\"id\": \"a\", \"text\": \"x\"}\n").unwrap();
    let sources = open_sources(&[lines]).unwrap();
    assert_eq!(sources[0].kind, SourceKind::Jsonl);
}

#[test]
fn text_files_in_utf16_or_with_a_byte_order_mark_are_read() {
    let text = "Réunion, 1 März: “quoted”";
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let bom: Vec<u8> = b"\xef\xbb\xbf"
        .iter()
        .chain(text.as_bytes())
        .copied()
        .collect();
    for bytes in [le.clone(), be, bom, text.as_bytes().to_vec()] {
        assert_eq!(text_file(bytes).unwrap(), text);
    }
    let odd = le[..le.len() - 1].to_vec();
    assert!(text_file(odd).unwrap_err().1.starts_with("invalid UTF-16"));
    let lone_surrogate = vec![0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00];
    assert!(text_file(lone_surrogate).is_err());
    assert_eq!(text_file(b"ok\n\xff".to_vec()).unwrap_err().0, 2);
}

/// The rows the `csv` crate reads from `bytes`, as `tables` configures it for quoted cells.
fn csv_rows(bytes: &[u8], delimiter: u8, backslash: bool) -> Vec<Vec<Vec<u8>>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .escape(backslash.then_some(b'\\'))
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    reader
        .byte_records()
        .map(|row| row.unwrap().iter().map(<[u8]>::to_vec).collect())
        .collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    /// `QuoteWatch` says an input ended inside a quoted cell exactly when the `csv` crate reads
    /// a row appended after it as part of that cell rather than as a row of its own.
    #[test]
    fn quote_watch_ends_quoted_exactly_when_the_csv_reader_does(
        bytes in proptest::collection::vec(
            proptest::sample::select(b"\"\",,\t\n\rab\\".to_vec()),
            0..40,
        ),
        tab in proptest::bool::ANY,
        backslash in proptest::bool::ANY,
    ) {
        use std::io::Read;
        let delimiter = if tab { b'\t' } else { b',' };
        let quotes = if backslash { Quotes::Backslash } else { Quotes::Doubled };
        let mut watch = QuoteWatch::new(&bytes[..], delimiter, quotes);
        let mut through = Vec::new();
        watch.read_to_end(&mut through).unwrap();
        proptest::prop_assert_eq!(&through, &bytes, "passed through unchanged");
        let mut appended = bytes.clone();
        appended.extend_from_slice(b"\nZZ\n");
        let row_of_its_own =
            csv_rows(&appended, delimiter, backslash).last() == Some(&vec![b"ZZ".to_vec()]);
        proptest::prop_assert_eq!(!watch.ended_in_quotes(), row_of_its_own);
    }
}

#[test]
fn a_quote_never_closed_is_reported_rather_than_swallowing_the_rows_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stray.csv");
    std::fs::write(
        &path,
        b"id,text\na,fine\nb,\"a \"\"quoted\"\" word\ntwo lines\"\nc,\"stray quote\nd,lost\ne,lost\n",
    )
    .unwrap();
    let sources = open_sources(&[path]).unwrap();
    let (good, bad) = read_all(&sources).unwrap();
    let ids: Vec<String> = good.iter().map(|r| r.id.to_string()).collect();
    assert_eq!(ids, ["a", "b"], "a cell closed on a later line is fine");
    let bad: Vec<String> = bad.iter().map(ToString::to_string).collect();
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(
        bad[0].starts_with(&format!(
            "{}:5: a quoted cell of this row is never closed",
            sources[0].name
        )),
        "{bad:?}"
    );
}

#[test]
fn a_tsv_file_is_read_with_quoting_only_when_it_was_written_with_it() {
    let dir = tempfile::tempdir().unwrap();
    // Each record as `id=text`.
    let texts = |bytes: &[u8]| -> Vec<String> {
        let path = dir.path().join("t.tsv");
        std::fs::write(&path, bytes).unwrap();
        let (good, bad) = read_all(&open_sources(&[path]).unwrap()).unwrap();
        assert!(bad.is_empty(), "{bad:?}");
        good.iter()
            .map(|r| format!("{}={}", r.id, r.text))
            .collect()
    };
    // Plain TSV, as MSRP is written: a cell may start with a quotation mark that closes
    // anywhere, even in the next cell, or never (the last row, ended by the end of the file).
    assert_eq!(
        texts(
            b"id\ttext\tsecond\na\t\"We are at war.\t\"We have declared war,\" he said.\n\
              b\tplain\tx\nc\t\"Never closed\tx"
        ),
        ["a=\"We are at war.", "b=plain", "c=\"Never closed"]
    );
    // Plain TSV with a quotation mark inside a cell, which a quoted TSV would have quoted: a
    // cell that is a whole quotation keeps its marks.
    assert_eq!(
        texts(b"id\ttext\na\tHe said \"no\" twice.\nb\t\"We will not.\"\n"),
        ["a=He said \"no\" twice.", "b=\"We will not.\""]
    );
    // Quoted as R's write.table writes TSV: every cell quoted, a quote inside one written \".
    assert_eq!(
        texts(b"\"id\"\t\"text\"\n\"a\"\t\"He said \\\"no\\\" twice.\"\n\"b\"\t\"plain\"\n"),
        ["a=He said \"no\" twice.", "b=plain"]
    );
    // Quoted as Python's csv module and pandas write TSV: doubled quotes, a tab and a line
    // break inside quotes.
    assert_eq!(
        texts(b"id\ttext\r\na\t\"\"\"Quoted\"\" start,\tand a tab\"\r\nb\t\"two\nlines\"\r\n"),
        ["a=\"Quoted\" start,\tand a tab", "b=two\nlines"]
    );
}

#[test]
fn a_row_that_read_the_rows_after_it_into_a_cell_is_reported_and_none_quoting_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.tsv");
    // Over a megabyte of cleanly quoted rows, so the quoting is told (doubled) before the rows
    // that matter; then a cell opening with a quotation mark that does not close in it, as in
    // plain TSV.
    let mut tsv = b"id\ttext\tsecond\n".to_vec();
    let mut rows = 0;
    while tsv.len() < 1_200_000 {
        tsv.extend_from_slice(format!("q{rows}\t\"Quoted \"\"cleanly\"\"\"\tx\n").as_bytes());
        rows += 1;
    }
    tsv.extend_from_slice(
        b"b\t\"I think, and\ty\nc\tmore\tz\nd\tHe said \"no\" twice.\tw\n\
          e\t\"No,\" he said.\tv\nf\t\"two\nlines\"\tu\n",
    );
    std::fs::write(&path, &tsv).unwrap();
    let b = rows + 2; // the line `b` starts on
    let read = |quoting| {
        let mut sources = open_sources(std::slice::from_ref(&path)).unwrap();
        sources[0].quoting = quoting;
        let (good, bad) = read_all(&sources).unwrap();
        let good: Vec<String> = good[rows..]
            .iter()
            .map(|r| format!("{}={}", r.id, r.text))
            .collect();
        (
            good,
            bad.iter().map(ToString::to_string).collect::<Vec<_>>(),
        )
    };

    let (good, bad) = read(Quoting::Auto);
    // `b` ran on to the quote before `no`: c and d were read into it. A cell closed badly
    // within its line (e) and one closed cleanly on the next line (f) are read as ever.
    assert_eq!(good, ["e=No, he said.", "f=two\nlines"]);
    assert_eq!(bad.len(), 1, "{bad:?}");
    let expected = format!(
        "{}:{b}: a quoted cell of this row runs on to line {}, where more text follows its \
         closing quote",
        path.display(),
        b + 2
    );
    assert!(bad[0].starts_with(&expected), "{bad:?}");

    // Read unquoted, every line is a row: f's quoted line break now ends it.
    let (good, bad) = read(Quoting::None);
    let f = b + 4;
    assert_eq!(
        bad,
        [f, f + 1].map(|line| format!("{}:{line}: 2 cells where the header has 3", path.display()))
    );
    assert_eq!(
        good[..4],
        [
            "b=\"I think, and",
            "c=more",
            "d=He said \"no\" twice.",
            "e=\"No,\" he said."
        ]
    );
}

#[test]
fn a_folders_files_are_counted_by_kind() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for name in [
        "a.jsonl.gz",
        "B.JSONL.GZ",
        "c.html",
        "sub/d.html",
        "README",
        "e.tar.zst",
    ] {
        std::fs::write(dir.path().join(name), b"").unwrap();
    }
    let kinds = file_kinds(dir.path());
    let kinds: Vec<(&str, usize)> = kinds.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    assert_eq!(
        kinds,
        [("html", 2), ("jsonl.gz", 2), ("", 1), ("tar.zst", 1)]
    );
    assert!(file_kinds(&dir.path().join("none")).is_empty());
}

#[test]
fn a_text_file_named_on_its_own_is_known_by_its_path_as_given() {
    let rel = |path: &str| match text_kind(Path::new(path)) {
        Some(SourceKind::Text { rel, outlet: None }) => rel,
        other => panic!("{path}: {other:?}"),
    };
    assert_eq!(rel("/news/ap/story.txt"), "/news/ap/story.txt");
    assert_eq!(rel("ap/STORY.TXT"), "ap/STORY.TXT");
    assert_eq!(rel("./story.txt"), "./story.txt");
    assert_eq!(text_kind(Path::new("story.md")), None);
}

#[test]
fn a_tables_quoting_is_told_from_its_start() {
    let of = |sample: &[u8], delimiter| Quotes::of(sample, delimiter);
    assert_eq!(of(b"id,text\n1,\"a \"\"b\"\" c\"\n", b','), Quotes::Doubled);
    assert_eq!(
        of(b"id,text\n1,\"a \\\"b\\\" c\"\n", b','),
        Quotes::Backslash
    );
    assert_eq!(of(b"id,text\n1,\"C:\\\\\"\n", b','), Quotes::Doubled);
    // A CSV file is quoted however badly; a TSV file that is not cleanly quoted is plain.
    assert_eq!(of(b"id,text\n1,\"a\" b\n", b','), Quotes::Doubled);
    assert_eq!(of(b"id\ttext\n1\t\"a\" b\n", b'\t'), Quotes::Plain);
    assert_eq!(of(b"id\ttext\n1\ta \"b\"\n", b'\t'), Quotes::Plain);
    assert_eq!(of(b"id\ttext\n1\tno quotes\n", b'\t'), Quotes::Doubled);
}
