//! `copydesk report`, checked in a real browser: headless Chromium loads the page, runs its
//! script, and the rendered DOM is read back. `.ci/run` installs Chromium (Debian `chromium`).

use std::path::{Path, PathBuf};
use std::process::Command as Process;

mod common;
use common::{copydesk, wire as corpus, wire_with_pinewood_copy};

fn chromium() -> &'static str {
    for c in [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ] {
        if Path::new(c).exists() {
            return c;
        }
    }
    panic!("the report tests need Chromium: apt-get install chromium (.ci/run does)");
}

/// The DOM of `page` (a file, with `#fragment`) after its scripts ran.
fn rendered(page: &Path, fragment: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Process::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}{fragment}", page.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        dom.contains("data-ready="),
        "the page's script did not finish:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dom
}

/// Writes the report of `inputs` into `dir` and returns its path.
fn report(dir: &Path, inputs: &[&Path], title: &str) -> PathBuf {
    let page = dir.join("report.html");
    copydesk()
        .arg("report")
        .args(inputs)
        .args(["--out", page.to_str().unwrap(), "--title", title, "--quiet"])
        .assert()
        .success();
    page
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn timeline_labels_do_not_overlap() {
    // Outlets published minutes apart (the fishing story has three within 90 minutes): every
    // label's box, as laid out in the browser, clears every other's. A probe appended to a copy
    // of the page counts the overlapping pairs once the page has rendered.
    let dir = tempfile::tempdir().unwrap();
    let page = report(dir.path(), &[&corpus()], "Wire test");
    let probe = r##"<script>setTimeout(() => {
      const boxes = [...document.querySelectorAll("#timeline label")].map(l => l.getBoundingClientRect());
      let overlaps = 0;
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
      }
      document.body.setAttribute("data-labels", boxes.length + " " + overlaps);
    }, 200);</script>"##;
    let html = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, html.replace("</body>", &format!("{probe}</body>"))).unwrap();
    for fragment in ["#c0", "#c3"] {
        let dom = rendered(&page, fragment);
        let got = dom
            .split("data-labels=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("the probe ran");
        let (labels, overlaps) = got.split_once(' ').unwrap();
        assert!(labels.parse::<usize>().unwrap() >= 8, "{fragment}: {got}");
        assert_eq!(overlaps, "0", "{fragment}: labels overlap ({got})");
    }
}

#[test]
fn index_and_cluster_views_show_the_corpus_edits() {
    let dir = tempfile::tempdir().unwrap();
    let page = report(dir.path(), &[&corpus()], "Wire test");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "self-contained: no network references"
    );

    let index = rendered(&page, "");
    assert_eq!(count(&index, "class=\"row\""), 2, "two clusters listed");
    assert!(index.contains("Russia and Norway to resume Barents Sea fishing talks"));
    assert!(index.contains("id=\"summary\""));

    // Cluster 0 is the fishing story; its versions are in input order of the corpus, so find
    // each outlet's tab index from the rendered tab list.
    let cluster = rendered(&page, "#c0");
    assert!(cluster.contains("id=\"cluster-title\""));
    assert!(cluster.contains("id=\"timeline\"") && cluster.contains("id=\"bars\""));
    let tab = |outlet: &str| tab_of(&cluster, outlet);

    let ledger = rendered(&page, &format!("#c0/v{}", tab("The Northern Ledger")));
    assert!(
        ledger.contains("class=\"right op-reworded\""),
        "reworded sentence highlighted"
    );
    assert!(
        ledger.contains("<del title=\"removed\">Citing the Russian Foreign Ministry"),
        "removed words struck"
    );
    assert!(ledger.contains("<ins title=\"inserted\">will</ins>"));
    assert!(
        ledger.contains("class=\"flag attr-flag\""),
        "attribution change flagged in the text"
    );
    assert_eq!(count(&ledger, "class=\"fate fate-dropped\""), 2);
    assert!(
        ledger.contains("class=\"furniture headline\"")
            && ledger.contains("<ins title=\"inserted\">set for April</ins>"),
        "the headline's rewording shown"
    );

    let courier = rendered(&page, &format!("#c0/v{}", tab("Valley Courier")));
    assert!(
        courier.contains("id=\"cut\""),
        "the cut from the bottom is marked"
    );
    assert_eq!(count(&courier, "class=\"left op-trimmed\""), 8);

    let post = rendered(&page, &format!("#c0/v{}", tab("Evening Post")));
    assert_eq!(
        count(&post, "class=\"moved-from\""),
        3,
        "moved sentences link to where they stood"
    );

    let gazette = rendered(&page, &format!("#c0/v{}/inline", tab("Lakeside Gazette")));
    assert!(gazette.contains("class=\"inline\""));
    assert!(gazette.contains("class=\"seg op-added\""));
    assert!(gazette.contains("Furniture added: Follow us on Facebook"));

    let metro = rendered(&page, &format!("#c0/v{}", tab("Metro Morning")));
    assert!(metro.contains("class=\"fate fate-replaced\""));
    assert!(metro.contains("Headline: <span class=\"muted\">kept</span>"));
}

/// The number of `outlet`'s version tab in a rendered cluster view (`#c{id}/v{number}`).
fn tab_of(cluster: &str, outlet: &str) -> usize {
    let tabs: Vec<&str> = cluster
        .split("role=\"tab\"")
        .skip(1)
        .map(|t| {
            t.split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("")
        })
        .collect();
    tabs.iter()
        .position(|t| *t == outlet)
        .unwrap_or_else(|| panic!("no tab {outlet} in {tabs:?}"))
}

/// The cells of the row of `outlet` in the table of how each outlet treated the stories.
fn habits_row(index: &str, outlet: &str) -> Vec<String> {
    let table = index
        .split("id=\"habits\"")
        .nth(1)
        .expect("the outlets' table is on the index")
        .split("</table>")
        .next()
        .unwrap();
    let row = table
        .split("<tr>")
        .find(|r| r.starts_with(&format!("<td>{outlet}</td>")))
        .unwrap_or_else(|| panic!("no row for {outlet}"));
    row.split("<td>")
        .skip(1)
        .map(|c| c.split("</td>").next().unwrap().to_string())
        .collect()
}

/// The index says, per outlet, what it did with the stories (the shipped corpus's edits: Metro
/// Morning credits TASS instead of RIA Novosti, Valley Courier cuts the story short, Lakeside
/// Gazette adds a local intro), and quotes the boilerplate left out; a story run under an
/// outlet's standing notice shows the notice as that, not as text the outlet added.
#[test]
fn the_index_says_how_each_outlet_treated_the_stories_and_quotes_the_boilerplate() {
    let dir = tempfile::tempdir().unwrap();
    let (input, _) = wire_with_pinewood_copy(dir.path());
    let page = report(dir.path(), &[&input], "Outlets");

    let index = rendered(&page, "");
    let metro = habits_row(&index, "Metro Morning");
    assert_eq!(metro[1], "1", "{metro:?}");
    assert_eq!(metro[6], "6 kept, 1 replaced", "{metro:?}");
    assert_eq!(metro[8], "Russian news agency TASS ×1", "{metro:?}");
    let courier = habits_row(&index, "Valley Courier");
    assert_eq!(courier[3], "1", "cut short: {courier:?}");
    assert!(courier[2].starts_with("28% · 100%"), "{courier:?}");
    let gazette = habits_row(&index, "Lakeside Gazette");
    assert_eq!(
        gazette[4], "2",
        "a local intro in both its versions: {gazette:?}"
    );
    let reuters = habits_row(&index, "Reuters");
    assert_eq!(reuters[1], "0 (+1 as reference)", "{reuters:?}");

    let boilerplate = index
        .split("id=\"boilerplate\"")
        .nth(1)
        .expect("the boilerplate is listed");
    assert!(
        boilerplate.contains("Pinewood Weekly, in 6 articles: <q dir=\"ltr\">Pinewood Weekly is written by volunteers"),
        "{}",
        &boilerplate[..boilerplate.len().min(600)]
    );

    let cluster = rendered(&page, "#c0");
    let pinewood = tab_of(&cluster, "Pinewood Weekly");
    let version = rendered(&page, &format!("#c0/v{pinewood}"));
    assert!(
        version.contains("Standing notice of Pinewood Weekly (boilerplate, left out of the comparison): Pinewood Weekly is written by volunteers"),
        "the notice named as such"
    );
    assert!(!version.contains("Furniture added: Pinewood"));
}

/// Each story lists the articles outside it that share passages with its reference: the
/// shipped corpus's independently written reports of the same two events (Nordic Business
/// Daily on the fishing talks, Radio North on the quake), and nothing unrelated.
#[test]
fn a_story_lists_the_related_articles_that_are_not_its_versions() {
    let dir = tempfile::tempdir().unwrap();
    let page = report(dir.path(), &[&corpus()], "Related");
    let related = |fragment: &str| -> Vec<String> {
        let dom = rendered(&page, fragment);
        let Some(list) = dom.split("<ul id=\"related\">").nth(1) else {
            return Vec::new();
        };
        let list = list.split("</ul>").next().unwrap();
        list.split("<li>").skip(1).map(str::to_string).collect()
    };
    let fishing = related("#c0");
    assert_eq!(fishing.len(), 1, "{fishing:?}");
    assert!(
        fishing[0].contains("Oslo cautious as quota talks with Moscow return</span> · Nordic Business Daily, 2026-03-14"),
        "{fishing:?}"
    );
    assert!(
        fishing[0].contains("of it is in the reference"),
        "{fishing:?}"
    );
    assert!(!fishing[0].contains("a copy of it"), "{fishing:?}");
    let quake = related("#c3");
    assert_eq!(quake.len(), 1, "{quake:?}");
    assert!(quake[0].contains("Radio North"), "{quake:?}");
}

/// The index's tables sort from the keyboard as by mouse: Enter or Space on a focused heading
/// sorts (again: reverses), other keys do nothing, and the focus stays on the heading. A probe
/// appended to a copy of the page presses the keys and writes down each order.
#[test]
fn the_index_tables_sort_from_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let page = report(dir.path(), &[&corpus()], "Keys");
    let probe = r##"<script>setTimeout(() => {
      const press = (th, key) => th.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
      const outlets = () => [...document.querySelectorAll("#habits tbody tr")].map(r => r.cells[0].textContent);
      const habitsHead = () => document.querySelectorAll("#habits th")[0];
      const got = { habits: [] };
      for (const key of ["Enter", " ", "a"]) {
        press(habitsHead(), key);
        got.habits.push({ key, order: outlets(), sort: habitsHead().getAttribute("aria-sort") });
      }
      const title = () => document.querySelector('#clusters th[data-key="title"]');
      title().focus();
      press(title(), "Enter");
      got.titles = [...document.querySelectorAll("#clusters tbody tr")].map(r => r.cells[1].textContent);
      got.focused = document.activeElement === title();
      document.body.setAttribute("data-keys", JSON.stringify(got));
    }, 200);</script>"##;
    let html = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, html.replace("</body>", &format!("{probe}</body>"))).unwrap();
    let dom = rendered(&page, "");
    let got = dom
        .split("data-keys=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the probe ran")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let got: serde_json::Value = serde_json::from_str(&got).unwrap();
    let order = |i: usize| -> Vec<String> {
        serde_json::from_value(got["habits"][i]["order"].clone()).unwrap()
    };
    let mut ascending = order(0);
    ascending.sort_by_key(|o| o.to_lowercase());
    assert!(ascending.len() >= 10, "{ascending:?}");
    assert_eq!(order(0), ascending, "Enter sorts by outlet, A to Z");
    assert_eq!(got["habits"][0]["sort"], "ascending");
    let mut descending = ascending.clone();
    descending.reverse();
    assert_eq!(order(1), descending, "Space reverses");
    assert_eq!(got["habits"][1]["sort"], "descending");
    assert_eq!(order(2), descending, "another key does nothing");

    let titles: Vec<String> = serde_json::from_value(got["titles"].clone()).unwrap();
    let mut sorted = titles.clone();
    sorted.sort();
    assert!(titles.len() >= 2);
    assert_eq!(titles, sorted, "Enter sorts the clusters by headline");
    assert_eq!(got["focused"], true, "the heading keeps the focus");
}

/// Without headlines (many corpora have none), each cluster is listed by its reference's lead.
#[test]
fn clusters_without_headlines_are_listed_by_their_lead() {
    let dir = tempfile::tempdir().unwrap();
    let untitled: Vec<String> = std::fs::read_to_string(corpus())
        .unwrap()
        .lines()
        .map(|l| {
            let mut r: serde_json::Value = serde_json::from_str(l).unwrap();
            r.as_object_mut().unwrap().remove("title");
            r.to_string()
        })
        .collect();
    let input = dir.path().join("untitled.jsonl");
    std::fs::write(&input, untitled.join("\n")).unwrap();
    let page = report(dir.path(), &[&input], "Untitled");
    let index = rendered(&page, "");
    assert!(
        index.contains(
            ">Russia and Norway have agreed to resume talks on fishing quotas in the Barents Sea next month, ending a pause…</a>"
        ),
        "the fishing story listed by its lead"
    );
    assert!(!index.contains("(no headline)"));
}

#[test]
fn hostile_article_text_renders_as_text_and_runs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let payload = concat!(
        "Officials said the dam would open on Monday. <script>document.body.setAttribute('data-pwned','script')</script> ",
        "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> ",
        "Read more at javascript:document.body.setAttribute('data-pwned','link') and </script><script>document.body.setAttribute('data-pwned','close')</script> ",
        "The dam holds water for three towns and the river has risen for a week after heavy rain in the hills upstream."
    );
    let line = |id: &str| {
        serde_json::json!({
            "id": id,
            "outlet": "<b onmouseover=alert(1)>Evil</b>",
            "title": "<img src=x onerror=\"document.body.setAttribute('data-pwned','title')\">",
            "text": payload,
        })
        .to_string()
    };
    let hostile = dir.path().join("hostile.jsonl");
    std::fs::write(&hostile, format!("{}\n{}\n", line("h1"), line("h2"))).unwrap();
    let page = report(
        dir.path(),
        &[&hostile],
        "<script>document.body.setAttribute('data-pwned','page-title')</script>",
    );
    for fragment in ["", "#c0", "#c0/v0/inline"] {
        let dom = rendered(&page, fragment);
        // Every payload marks <body data-pwned=...> when it runs; the text may mention it.
        let body_tag = dom
            .split("<body")
            .nth(1)
            .and_then(|b| b.split('>').next())
            .unwrap_or("");
        assert!(body_tag.contains("data-ready"), "{body_tag}");
        assert!(
            !body_tag.contains("data-pwned"),
            "script ran at {fragment:?}: {body_tag}"
        );
        assert!(
            !dom.contains("<img"),
            "markup from article text became an element at {fragment:?}"
        );
        assert!(
            !dom.contains("<b onmouseover"),
            "outlet became markup at {fragment:?}"
        );
    }
    let cluster = rendered(&page, "#c0/v0/inline");
    assert!(
        cluster.contains("&lt;script&gt;document.body.setAttribute"),
        "the article's markup is shown as text"
    );
}

#[test]
fn a_template_can_be_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("mini.html");
    std::fs::write(&template, "<html><body><h1>{{ title }}</h1>{% for c in clusters %}<p>cluster {{ c.id }}</p>{% endfor %}</body></html>").unwrap();
    let page = dir.path().join("out.html");
    copydesk()
        .args([
            "report",
            corpus().to_str().unwrap(),
            "--out",
            page.to_str().unwrap(),
            "--title",
            "A & B",
            "--quiet",
        ])
        .args(["--template", template.to_str().unwrap()])
        .assert()
        .success();
    let html = std::fs::read_to_string(page).unwrap();
    assert!(html.contains("<h1>A &amp; B</h1>"), "{html}");
    assert_eq!(count(&html, "<p>cluster "), 2);
}

#[test]
fn a_capped_page_shows_the_largest_clusters_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("capped.html");
    copydesk()
        .args(["report", corpus().to_str().unwrap(), "--max-clusters", "1"])
        .args(["--out", page.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "the 1 largest of 2 clusters; --max-clusters 0 shows all",
        ));
    let index = rendered(&page, "");
    assert_eq!(count(&index, "class=\"row\""), 1, "one cluster listed");
    // The fishing story (9 versions) outranks the earthquake (8).
    assert!(index.contains("Russia and Norway to resume Barents Sea fishing talks"));
    assert!(index.contains("Showing the 1 largest of 2 clusters"));
    // The summary still counts every cluster.
    assert!(index.contains("<b>2</b>clusters of 2+"), "{index}");
    // Uncapped, no note.
    let full = report(dir.path(), &[&corpus()], "All");
    assert!(!rendered(&full, "").contains("id=\"shown-note\""));
}

#[test]
fn a_page_for_one_story_shows_that_story_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("one.html");
    let story = |id: &str| {
        copydesk()
            .args(["report", corpus().to_str().unwrap(), "--copies-of", id])
            .args(["--out", page.to_str().unwrap()])
            .assert()
            .success()
    };
    // The smaller story (the earthquake, 8 versions), named by one of its copies.
    story("quake-city-bulletin").stderr(predicates::str::contains(
        "the story of quake-city-bulletin: 1 of 2 clusters",
    ));
    let index = rendered(&page, "");
    assert_eq!(count(&index, "class=\"row\""), 1, "one cluster listed");
    assert!(index.contains("Magnitude 6.1 quake shakes Valdoria, cuts power"));
    assert!(index.contains("Showing the story of quake-city-bulletin alone, of 2 clusters"));
    // An article with no copies: no story, said on the page and on stderr.
    story("fish-nordic-business").stderr(predicates::str::contains("no copies"));
    let index = rendered(&page, "");
    assert_eq!(count(&index, "class=\"row\""), 0);
    assert!(index.contains("fish-nordic-business has no copies in this corpus."));
    // An unknown id is an error.
    copydesk()
        .args(["report", corpus().to_str().unwrap(), "--copies-of", "nope"])
        .args(["--out", page.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no record with id \"nope\""));
}

#[test]
fn urdu_text_runs_right_to_left_and_english_left_to_right() {
    // Two versions of a short Urdu weather report (written for this test), the second trimmed
    // and with its lead reworded; and the English corpus beside them.
    let sentences = [
        "لاہور میں آج صبح سے شدید بارش ہو رہی ہے اور شہر کی کئی سڑکیں پانی میں ڈوب گئی ہیں۔",
        "محکمہ موسمیات کے مطابق بارش کا یہ سلسلہ کل شام تک جاری رہنے کا امکان ہے۔",
        "شہر کے نشیبی علاقوں میں پانی گھروں میں داخل ہو گیا اور لوگ اپنا سامان چھتوں پر لے گئے۔",
        "بجلی کی فراہمی کئی گھنٹے معطل رہی جس سے کاروبار زندگی بری طرح متاثر ہوا۔",
        "ضلعی انتظامیہ نے شہریوں کو ہدایت کی ہے کہ وہ غیر ضروری سفر سے گریز کریں۔",
        "اسکولوں میں آج چھٹی کا اعلان کیا گیا اور امتحانات اگلے ہفتے تک ملتوی کر دیے گئے۔",
        "ریسکیو اہلکار کشتیوں کی مدد سے پھنسے ہوئے خاندانوں کو محفوظ مقامات پر منتقل کر رہے ہیں۔",
        "کسانوں کا کہنا ہے کہ تیز بارش سے گندم کی کھڑی فصل کو نقصان پہنچنے کا خدشہ ہے۔",
    ];
    let full = sentences.join(" ");
    let trimmed = format!(
        "لاہور میں آج صبح سے موسلا دھار بارش ہو رہی ہے اور شہر کی کئی سڑکیں پانی میں ڈوب گئی ہیں۔ {}",
        sentences[1..6].join(" ")
    );
    let dir = tempfile::tempdir().unwrap();
    let urdu = dir.path().join("urdu.jsonl");
    let line = |id: &str, text: &str| {
        serde_json::json!({"id": id, "outlet": id, "title": "لاہور میں شدید بارش", "text": text})
            .to_string()
    };
    std::fs::write(
        &urdu,
        format!(
            "{}\n{}\n",
            line("urdu-wire", &full),
            line("urdu-paper", &trimmed)
        ),
    )
    .unwrap();
    let page = report(dir.path(), &[&corpus(), &urdu], "RTL test");
    let index = rendered(&page, "");
    let urdu_row = index
        .split("<tr ")
        .find(|r| r.contains("لاہور میں شدید بارش"))
        .expect("the Urdu story is a cluster");
    assert!(urdu_row.contains("dir=\"rtl\""), "{urdu_row}");
    let urdu_id = urdu_row
        .split("data-cluster=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();

    let cluster = rendered(&page, &format!("#c{urdu_id}"));
    assert!(cluster.contains("id=\"cluster-title\"") && cluster.contains("dir=\"rtl\""));
    // Every sentence cell of both columns is right-to-left (the trimmed rows' empty version
    // cells excepted); the English labels inside do not turn them.
    let cells: Vec<&str> = cluster
        .split("<div class=\"")
        .filter(|c| c.starts_with("left op-") || c.starts_with("right op-"))
        .filter(|c| !c.starts_with("right op-trimmed"))
        .collect();
    assert!(cells.len() >= 8, "{}", cells.len());
    for c in &cells {
        let tag = c.split('>').next().unwrap();
        assert!(tag.contains("dir=\"rtl\""), "{tag}");
    }
    // The English story stays left-to-right.
    let english = rendered(&page, "#c0");
    assert!(english.contains("class=\"left op-same\" dir=\"ltr\""));
    assert!(!english.contains("dir=\"rtl\""));
}

#[test]
fn chinese_changes_are_marked_character_by_character_without_spaces() {
    // A short Chinese fisheries story (written for this test) and a copy that moves the talks
    // from April (四月) to May (五月).
    let story = [
        "俄罗斯和挪威同意在四月恢复渔业谈判。",
        "据俄罗斯外交部消息，第一轮谈判将在摩尔曼斯克举行。",
        "科学家警告说，巴伦支海的鳕鱼资源已降至三十年来的最低点。",
        "特罗姆瑟的渔民对这一消息表示欢迎，他们的渔船已在港口停泊了数月。",
        "双方还将讨论明年的捕捞配额和对违规船只的检查。",
    ];
    let full = story.join("");
    let copy = full.replace("在四月", "在五月");
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("zh.jsonl");
    let line = |id: &str, text: &str| serde_json::json!({"id": id, "outlet": id, "text": text});
    std::fs::write(
        &corpus,
        format!("{}\n{}\n", line("xinhua", &full), line("paper", &copy)),
    )
    .unwrap();
    let page = report(dir.path(), &[&corpus], "CJK test");
    let cluster = rendered(&page, "#c0");
    assert!(
        cluster.contains("在<del title=\"removed\">四</del><ins title=\"inserted\">五</ins>月"),
        "{cluster}"
    );
}

/// A pronoun's credit is listed under whom it refers to, the pronoun beside it, and what the
/// copy did to it: kept where it names the speaker instead, dropped where the credit is gone;
/// the sentence that lost its credit is the one flagged, not another crediting the same source.
#[test]
fn a_pronouns_credit_is_listed_under_whom_it_refers_to() {
    let dir = tempfile::tempdir().unwrap();
    let story = [
        "Foreign Minister Sergei Lavrov said on Friday that talks on fishing quotas in the Barents Sea would resume in April after a pause of two years.",
        "The first round will be held in Murmansk and led by deputy ministers from both sides, he said.",
        "Cod and haddock stocks have fallen sharply since the last agreement was signed in Oslo, he said.",
        "Norwegian fishermen have asked their government to press for a smaller Russian quota this year.",
    ];
    let copy = [
        story[0].to_string(),
        story[1].replace(", he said.", "."),
        story[2].replace(", he said.", ", Lavrov said."),
        story[3].to_string(),
    ];
    let line = |id: &str, outlet: &str, text: String| {
        serde_json::json!({"id": id, "outlet": outlet, "title": "Fishing talks", "text": text})
            .to_string()
    };
    let corpus = dir.path().join("pronouns.jsonl");
    let lines = [
        line("wire", "Wire", story.join(" ")),
        line("copy", "Copy Daily", copy.join(" ")),
    ];
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    let page = report(dir.path(), &[&corpus], "Pronouns");
    let view = rendered(&page, "#c0/v1");
    let credit = |fate: &str| {
        format!(
            "⚑ Foreign Minister Sergei Lavrov (“he” said)</span><span class=\"fate fate-{fate}\""
        )
    };
    assert!(view.contains(&credit("kept")), "{view}");
    assert!(view.contains(&credit("dropped")), "{view}");
    assert_eq!(count(&view, "class=\"flag attr-flag\""), 1, "{view}");
    assert!(view.contains("title=\"attribution dropped: Foreign Minister Sergei Lavrov\""));
}
