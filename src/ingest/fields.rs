//! Which JSON fields a record's text and metadata are read from ([`Fields`], `--field`), and
//! picking just those out of a record without building the rest of it.

use std::fmt;

use serde_json::Value;

use super::json_kind;

/// Where a JSON record keeps one of the values copydesk reads: a top-level field's name, or a
/// JSON pointer (RFC 6901) to a nested one when it starts with `/` (`/meta/source`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field(Box<str>);

impl Field {
    /// The field as the user wrote it (as bad-record messages name it).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Takes the field's value out of `record` (`None` when it is absent).
    fn take(&self, record: &mut Value) -> Option<Value> {
        if self.0.starts_with('/') {
            record.pointer_mut(&self.0).map(Value::take)
        } else {
            record.as_object_mut()?.remove(&*self.0)
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which JSON fields of a JSONL record hold the text and each piece of metadata. The default
/// is the contract's names (`text`, `id`, `outlet`, `title`, `url`, `published`); corpora
/// written by other tools name them otherwise (`maintext` and `source_domain` in news-please,
/// `content` in many crawls), and [`Fields::set`] maps them without rewriting the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    /// The article body (required).
    pub text: Field,
    /// The id (a string or an integer).
    pub id: Field,
    /// Who published it.
    pub outlet: Field,
    /// Its headline.
    pub title: Field,
    /// Where it was published.
    pub url: Field,
    /// When it was published.
    pub published: Field,
}

impl Default for Fields {
    fn default() -> Self {
        let field = |name: &str| Field(name.into());
        Fields {
            text: field("text"),
            id: field("id"),
            outlet: field("outlet"),
            title: field("title"),
            url: field("url"),
            published: field("published"),
        }
    }
}

impl Fields {
    /// The names [`Fields::set`] knows.
    pub const NAMES: [&'static str; 6] = ["text", "id", "outlet", "title", "url", "published"];

    /// Reads `name`'s value from `field` instead: `set("text", "maintext")`, or a JSON pointer
    /// such as `set("outlet", "/meta/source")`. `Err` says what is wrong with the pair.
    pub fn set(&mut self, name: &str, field: &str) -> std::result::Result<(), String> {
        if field.is_empty() {
            return Err(format!("no field given for `{name}`"));
        }
        let slot = match name {
            "text" => &mut self.text,
            "id" => &mut self.id,
            "outlet" => &mut self.outlet,
            "title" => &mut self.title,
            "url" => &mut self.url,
            "published" => &mut self.published,
            _ => {
                return Err(format!(
                    "no value called `{name}`: one of {}",
                    Self::NAMES.join(", ")
                ));
            }
        };
        *slot = Field(field.into());
        Ok(())
    }
}

/// The values of a record's six fields, in the order of [`Fields::NAMES`].
type Values = [Option<Value>; 6];

impl Fields {
    /// The fields in the order of [`Fields::NAMES`].
    fn in_order(&self) -> [&Field; 6] {
        [
            &self.text,
            &self.id,
            &self.outlet,
            &self.title,
            &self.url,
            &self.published,
        ]
    }

    /// The six values of the JSON object `record`, read straight from the text: other fields
    /// are skipped, not built. `None` when `record` is not a valid JSON object, or a field is
    /// a pointer: [`Fields::take_all`] then says why or reads it. Building the whole object as
    /// a [`Value`] (a map, every key and value allocated, then six taken out) was about 8% of
    /// the read-and-tokenize floor's time at 1M. A field copydesk does not read is only checked
    /// to be well-formed JSON, so a number too large for a double in one (`1e400`, which a
    /// [`Value`] refuses) no longer makes the record bad.
    pub(super) fn pick(&self, record: &str) -> Option<Values> {
        if self.in_order().iter().any(|f| f.0.starts_with('/')) {
            return None;
        }
        let mut json = serde_json::Deserializer::from_str(record);
        let values = serde::de::DeserializeSeed::deserialize(Pick(self), &mut json).ok()?;
        json.end().ok()?;
        Some(values)
    }

    /// The six values of `record`, parsed whole and each taken out in turn (so that a field
    /// named twice is read once, by the first). `Err` says what is wrong with the record.
    pub(super) fn take_all(&self, record: &str) -> std::result::Result<Values, String> {
        let mut value: Value = serde_json::from_str(record).map_err(|e| {
            let what = if e.is_eof() {
                "truncated JSON"
            } else {
                "invalid JSON"
            };
            format!("{what}: {e}")
        })?;
        if !value.is_object() {
            return Err(format!(
                "expected a JSON object, found {}",
                json_kind(&value)
            ));
        }
        Ok(self.in_order().map(|f| f.take(&mut value)))
    }
}

/// Reads a JSON object's values of [`Fields`] (all top-level names), skipping the rest.
struct Pick<'a>(&'a Fields);

impl<'de> serde::de::DeserializeSeed<'de> for Pick<'_> {
    type Value = Values;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        json: D,
    ) -> std::result::Result<Values, D::Error> {
        json.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Pick<'_> {
    type Value = Values;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Values, A::Error> {
        let names = self.0.in_order();
        let mut values = Values::default();
        while let Some(slot) = map.next_key_seed(Slot(&names))? {
            match slot {
                // A repeated key's last value counts, as when the object is parsed whole.
                Some(i) => values[i] = Some(map.next_value()?),
                None => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(values)
    }
}

/// Reads a key of a JSON object as which of the fields it is (the first that names it), without
/// allocating it.
struct Slot<'a>(&'a [&'a Field; 6]);

impl<'de> serde::de::DeserializeSeed<'de> for Slot<'_> {
    type Value = Option<usize>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        json: D,
    ) -> std::result::Result<Option<usize>, D::Error> {
        json.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Slot<'_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> std::result::Result<Option<usize>, E> {
        Ok(self.0.iter().position(|f| f.as_str() == key))
    }
}
