//! View: a [`Comparison`] for people at a terminal, inline or side by side.
//!
//! Every line starts with a symbol, so the view reads without colour: `=` same, `~` reworded,
//! `>` moved, `-` trimmed (`✂` where the bottom was cut), `+` added, `@` a credit. Inside a
//! reworded sentence, removed words are `[-like this-]` and inserted ones `{+like this+}`.
//! Colour is added only when the caller says so (a terminal, and `NO_COLOR` unset). This
//! module only formats; it decides nothing.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::align::{Change, Comparison, Op, Segment, SentenceRef, Tag, VersionDiff};
use crate::attribution::{Attribution, AttributionChange, Fate};

/// How to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours.
    pub color: bool,
    /// Total width for the side-by-side layout.
    pub width: usize,
}

const RESET: &str = "\x1b[0m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const STRIKE: &str = "\x1b[9m";

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

fn symbol(s: &Segment) -> &'static str {
    match s.op {
        Op::Same => "=",
        Op::Reworded => "~",
        Op::Moved => ">",
        Op::Trimmed if s.cut => "✂",
        Op::Trimmed => "-",
        Op::Added => "+",
    }
}

/// `text` on one line: each run of whitespace that holds a line break becomes one space, so a
/// hard-wrapped sentence (Reuters-21578 wraps at 65 columns) reads as it would reflowed, and the
/// side-by-side columns wrap it at their own width.
fn one_line(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\r']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['\n', '\r']) {
        out.push_str(rest[..i].trim_end());
        rest = rest[i..].trim_start();
        if !out.is_empty() && !rest.is_empty() {
            out.push(' ');
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The text of one side of a segment, on one line; empty where the side has none.
fn side(x: Option<&SentenceRef>) -> String {
    x.map_or(String::new(), |x| one_line(&x.text).into_owned())
}

fn pct(x: f32) -> String {
    format!("{:.0}%", x * 100.0)
}

/// A credit as the views write it: `RIA Novosti (said)`; one a pronoun gives whom it refers to,
/// `Poehl ("he" said)`.
fn credit(a: &Attribution) -> String {
    match &a.pronoun {
        Some(pronoun) if *pronoun != a.source => format!("{} (\"{pronoun}\" {})", a.source, a.cue),
        _ => format!("{} ({})", a.source, a.cue),
    }
}

/// Whether the version's credit `n` is written as the reference's of `a`: the same pronoun
/// (`he`, whom it refers to cut from the copy: no need to say `kept as he`).
fn same_words(n: &Attribution, a: &AttributionChange) -> bool {
    n.pronoun.is_some() && n.pronoun == a.reference.pronoun
}

/// Inline word diff: `[-removed-] {+inserted+}`, coloured when asked; changes written against
/// each other (Chinese, Japanese) are set without a space.
fn inline(changes: &[Change], style: &Style) -> String {
    let mut out = String::new();
    for (i, c) in changes.iter().enumerate() {
        if i > 0 && !c.joined {
            out.push(' ');
        }
        out.push_str(&match c.tag {
            Tag::Equal => c.text.clone(),
            Tag::Delete => style.paint(&format!("{RED}{STRIKE}"), &format!("[-{}-]", c.text)),
            Tag::Insert => style.paint(GREEN, &format!("{{+{}+}}", c.text)),
        });
    }
    out
}

fn header(v: &VersionDiff, style: &Style, out: &mut String) {
    let who = match &v.outlet {
        Some(o) => format!("{} ({o})", v.id),
        None => v.id.clone(),
    };
    let c = &v.counts;
    let _ = writeln!(
        out,
        "{}  kept {}  reused {}  verbatim {}",
        style.paint(BOLD, &format!("── {who}")),
        pct(v.kept),
        pct(v.reused),
        pct(v.verbatim)
    );
    let _ = writeln!(
        out,
        "   {} same, {} reworded, {} moved, {} trimmed{}, {} added",
        c.same,
        c.reworded,
        c.moved,
        c.trimmed,
        v.cut_at
            .map_or(String::new(), |k| format!(" (cut from sentence {})", k + 1)),
        c.added
    );
    if let Some(h) = &v.headline {
        let line = match (&h.was, &h.now) {
            _ if h.same => style.paint(DIM, "kept"),
            (Some(_), Some(_)) => inline(&h.changes, style),
            (None, Some(now)) => {
                style.paint(GREEN, &format!("{{+{now}+}} (the reference has none)"))
            }
            (Some(was), None) => style.paint(RED, &format!("[-{was}-] (none)")),
            (None, None) => String::new(),
        };
        let _ = writeln!(out, "   headline: {line}");
    }
    if let Some(now) = &v.furniture.dateline_now {
        let was = v.furniture.dateline_was.as_deref().unwrap_or("(none)");
        let _ = writeln!(out, "   dateline: {was} → {now}");
    } else if let Some(was) = &v.furniture.dateline_was {
        let _ = writeln!(out, "   dateline: {was} → (none)");
    }
    for f in &v.furniture.added {
        if v.furniture.notices.contains(f) {
            let _ = writeln!(out, "   standing notice of the outlet (boilerplate): {f}");
        } else {
            let _ = writeln!(out, "   furniture added: {f}");
        }
    }
}

fn attributions(v: &VersionDiff, style: &Style, out: &mut String) {
    for a in &v.attributions {
        let what = match (a.fate, &a.version) {
            // The same source under other words (`Foreign Ministry`; another title before the
            // same name) says how the version wrote it.
            (Fate::Kept, Some(n)) if n.source != a.reference.source && !same_words(n, a) => {
                style.paint(DIM, &format!("kept as {}", n.source))
            }
            (Fate::Kept, _) => style.paint(DIM, "kept"),
            (Fate::Reworded, Some(n)) => style.paint(YELLOW, &format!("reworded as {}", credit(n))),
            (Fate::Replaced, Some(n)) => {
                style.paint(RED, &format!("credited to {} instead", credit(n)))
            }
            (Fate::Dropped, _) => style.paint(RED, "dropped"),
            (Fate::Trimmed, _) => style.paint(DIM, "cut with its sentence"),
            (_, None) => String::new(),
        };
        let _ = writeln!(out, "   @ {}: {what}", credit(&a.reference));
    }
    for a in &v.added_attributions {
        let _ = writeln!(out, "   @ {}: {}", credit(a), style.paint(GREEN, "added"));
    }
}

/// The inline view: each version's sentences in reading order.
pub fn inline_view(c: &Comparison, style: &Style) -> String {
    let mut out = String::new();
    let r = &c.reference;
    let who = r
        .outlet
        .as_ref()
        .map_or(r.id.clone(), |o| format!("{} ({o})", r.id));
    let _ = writeln!(
        out,
        "{} {who}: {} sentences, {} words",
        style.paint(BOLD, "reference"),
        r.sentences.len(),
        r.words
    );
    for v in &c.versions {
        out.push('\n');
        header(v, style, &mut out);
        for s in &v.segments {
            let sym = symbol(s);
            let line = match s.op {
                Op::Same => style.paint(DIM, &side(s.version.as_ref())),
                Op::Reworded => inline(&s.changes, style),
                Op::Moved if s.reworded => format!(
                    "{} {}",
                    style.paint(YELLOW, "(moved)"),
                    inline(&s.changes, style)
                ),
                Op::Moved => style.paint(YELLOW, &side(s.version.as_ref())),
                Op::Trimmed => style.paint(&format!("{RED}{STRIKE}"), &side(s.reference.as_ref())),
                Op::Added => style.paint(GREEN, &side(s.version.as_ref())),
            };
            let _ = writeln!(out, " {} {line}", style.paint(CYAN, sym));
        }
        attributions(v, style, &mut out);
    }
    out
}

/// The side-by-side view: reference on the left, version on the right, one row per segment.
pub fn side_by_side_view(c: &Comparison, style: &Style) -> String {
    let mut out = String::new();
    let col = (style.width.saturating_sub(5) / 2).max(20);
    for v in &c.versions {
        header(v, style, &mut out);
        let _ = writeln!(
            out,
            "{:<col$} | {}",
            format!("reference: {}", c.reference.id),
            v.id
        );
        let _ = writeln!(out, "{}", "-".repeat(col * 2 + 3));
        for s in &v.segments {
            let left = side(s.reference.as_ref());
            let right = side(s.version.as_ref());
            let lw = textwrap::wrap(&left, col - 2);
            let rw = textwrap::wrap(&right, col);
            let (lc, rc) = match s.op {
                Op::Same => (DIM, DIM),
                Op::Reworded | Op::Moved => (YELLOW, YELLOW),
                Op::Trimmed => (RED, ""),
                Op::Added => ("", GREEN),
            };
            for k in 0..lw.len().max(rw.len()) {
                let l = lw.get(k).map_or("", |x| x.as_ref());
                let r = rw.get(k).map_or("", |x| x.as_ref());
                let sym = if k == 0 { symbol(s) } else { " " };
                let pad = col.saturating_sub(2 + textwrap::core::display_width(l));
                let lp = if lc.is_empty() {
                    l.to_string()
                } else {
                    style.paint(lc, l)
                };
                let rp = if rc.is_empty() {
                    r.to_string()
                } else {
                    style.paint(rc, r)
                };
                let _ = writeln!(out, "{sym} {lp}{} | {rp}", " ".repeat(pad));
            }
        }
        attributions(v, style, &mut out);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{AlignParams, Doc, compare};

    fn comparison() -> Comparison {
        let r = Doc {
            id: "wire".into(),
            outlet: Some("Reuters".into()),
            published: None,
            title: Some("Cod talks to resume in April".into()),
            text: "Talks will resume in April, RIA Novosti said.\nCod stocks fell sharply this year.\nCrews welcomed the news.",
            boilerplate: Vec::new(),
        };
        let v = Doc {
            id: "copy".into(),
            outlet: None,
            published: None,
            title: Some("Cod talks to restart".into()),
            text: "Talks will restart in April.\nCod stocks fell sharply this year.",
            boilerplate: Vec::new(),
        };
        compare(&r, &[v], &AlignParams::default())
    }

    #[test]
    fn chinese_changes_are_shown_without_spaces_between_them() {
        let c = compare(
            &Doc::new(
                "wire",
                "俄罗斯和挪威同意在四月恢复渔业谈判。据俄罗斯外交部消息。",
            ),
            &[Doc::new(
                "copy",
                "俄罗斯和挪威同意在五月恢复渔业谈判。据俄罗斯外交部消息。",
            )],
            &AlignParams::default(),
        );
        let style = Style {
            color: false,
            width: 100,
        };
        let text = inline_view(&c, &style);
        assert!(
            text.contains(" ~ 俄罗斯和挪威同意在[-四-]{+五+}月恢复渔业谈判。\n"),
            "{text}"
        );
    }

    #[test]
    fn inline_view_marks_every_op_without_colour() {
        let text = inline_view(
            &comparison(),
            &Style {
                color: false,
                width: 100,
            },
        );
        assert!(!text.contains('\x1b'));
        // "April," and "April." are one word: punctuation does not make a change.
        assert!(
            text.contains(" ~ Talks will [-resume-] {+restart+} in April, [-RIA Novosti said.-]"),
            "{text}"
        );
        assert!(text.contains(" = Cod stocks"));
        assert!(text.contains(" ✂ Crews welcomed the news."));
        assert!(text.contains("@ RIA Novosti (said): dropped"));
        assert!(
            text.contains("   headline: Cod talks to [-resume in April-] {+restart+}"),
            "{text}"
        );
    }

    /// A hard-wrapped reference (lines broken inside sentences, as Reuters-21578's are) reads as
    /// reflowed: its line breaks are neither kept in the inline view nor columns' breaks.
    #[test]
    fn hard_wrapped_sentences_are_shown_reflowed() {
        let c = compare(
            &Doc::new(
                "wire",
                "Talks on cod quotas will resume in\nApril, the ministry said.\nStocks of cod in the Barents Sea\nfell sharply this year, scientists said.",
            ),
            &[Doc::new(
                "copy",
                "Talks on cod quotas will restart in April, the ministry said.",
            )],
            &AlignParams::default(),
        );
        let style = Style {
            color: false,
            width: 200,
        };
        let text = inline_view(&c, &style);
        assert!(
            text.contains(
                " ~ Talks on cod quotas will [-resume-] {+restart+} in April, the ministry said.\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                " ✂ Stocks of cod in the Barents Sea fell sharply this year, scientists said.\n"
            ),
            "{text}"
        );
        let text = side_by_side_view(&c, &style);
        let left = |line: &str| {
            line.split(" | ")
                .next()
                .unwrap_or("")
                .trim_end()
                .to_string()
        };
        let rows: Vec<String> = text.lines().map(left).collect();
        for sentence in [
            "~ Talks on cod quotas will resume in April, the ministry said.",
            "✂ Stocks of cod in the Barents Sea fell sharply this year, scientists said.",
        ] {
            assert!(rows.iter().any(|r| r == sentence), "{text}");
        }
        assert_eq!(one_line("in\r\n  April,  said"), "in April,  said");
        assert_eq!(one_line("said.\n"), "said.");
    }

    #[test]
    fn a_credit_kept_under_other_words_says_how_it_is_written() {
        let c = compare(
            &Doc::new(
                "wire",
                "Talks will resume in April, Foreign Minister Sergei Lavrov said.\nCod stocks fell.",
            ),
            &[Doc::new(
                "copy",
                "Talks will resume in April, Russia's top diplomat, Sergey Lavrov, said.\nCod stocks fell.",
            )],
            &AlignParams::default(),
        );
        let text = inline_view(
            &c,
            &Style {
                color: false,
                width: 100,
            },
        );
        assert!(
            text.contains("@ Foreign Minister Sergei Lavrov (said): kept as "),
            "{text}"
        );
        // The same words: no need to repeat them.
        let same = inline_view(
            &compare(
                &Doc::new("wire", "Talks will resume, Sergei Lavrov said."),
                &[Doc::new(
                    "copy",
                    "Talks will resume soon, Sergei Lavrov said.",
                )],
                &AlignParams::default(),
            ),
            &Style {
                color: false,
                width: 100,
            },
        );
        assert!(same.contains("@ Sergei Lavrov (said): kept\n"), "{same}");
    }

    /// A pronoun's credit is shown as whom it refers to, with the pronoun; one that refers to
    /// nobody found as the pronoun alone.
    #[test]
    fn a_pronouns_credit_names_whom_it_refers_to() {
        let c = compare(
            &Doc::new(
                "wire",
                "Sergei Lavrov said talks will resume in April.\nCod stocks fell, he said.",
            ),
            &[Doc::new("copy", "Cod stocks fell sharply, he said.")],
            &AlignParams::default(),
        );
        let plain = Style {
            color: false,
            width: 100,
        };
        let text = inline_view(&c, &plain);
        assert!(
            text.contains("@ Sergei Lavrov (\"he\" said): kept\n"),
            "{text}"
        );
        // Named by the copy: it says how.
        let named = inline_view(
            &compare(
                &Doc::new(
                    "wire",
                    "Sergei Lavrov said talks will resume in April.\nCod stocks fell, he said.",
                ),
                &[Doc::new("copy", "Cod stocks fell sharply, Lavrov said.")],
                &AlignParams::default(),
            ),
            &plain,
        );
        assert!(
            named.contains("@ Sergei Lavrov (\"he\" said): kept as Lavrov\n"),
            "{named}"
        );
        let alone = inline_view(
            &compare(
                &Doc::new("wire", "Cod stocks fell, he said."),
                &[Doc::new("copy", "Cod stocks fell.")],
                &AlignParams::default(),
            ),
            &plain,
        );
        assert!(alone.contains("@ he (said): dropped\n"), "{alone}");
    }

    #[test]
    fn colour_only_when_asked() {
        assert!(
            inline_view(
                &comparison(),
                &Style {
                    color: true,
                    width: 100
                }
            )
            .contains('\x1b')
        );
    }

    #[test]
    fn side_by_side_keeps_columns() {
        let text = side_by_side_view(
            &comparison(),
            &Style {
                color: false,
                width: 80,
            },
        );
        let rows: Vec<&str> = text.lines().filter(|l| l.contains(" | ")).collect();
        assert!(rows.len() >= 4);
        let column = |r: &str| textwrap::core::display_width(&r[..r.find(" | ").unwrap()]);
        assert!(rows.iter().all(|r| column(r) == column(rows[0])), "{text}");
    }
}
