//! The dashboard's JSON files (the dataset, the map), read in one pass.
//!
//! - One envelope for every file ([`FileSpec::read`], errors [`FileError`]): a size limit, no
//!   byte-order mark, JSON syntax with line and column, a root object, its `schema` and
//!   `schema_version`. The errors' words, naming the file, are in `text::notices`.
//! - Lenient records inside: every field is kept as what the file gave ([`Raw`]: absent, null,
//!   a number, text, a list of texts, something else), so that validation, not the parser,
//!   decides what is wrong, and one record with a wrong type costs that record only. Strings
//!   borrow from the text where they can; values nobody reads are skipped.
//!
//! Nothing here fails on content: the only JSON errors are the reader's own (syntax, nesting
//! deeper than 128, numbers out of range), exactly as when reading a `serde_json::Value`,
//! because every value, skipped ones too, is read through `deserialize_any`.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// One JSON value as validation sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Raw<'de> {
    /// The field is not in the object.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any number, as `serde_json::Value::as_f64` reads it.
    Number(f64),
    /// A string, borrowed from the file unless it holds escapes.
    Text(Cow<'de, str>),
    /// A list whose items are all strings (possibly none).
    Texts(Vec<Cow<'de, str>>),
    /// Any other list, or an object.
    Other,
}

impl Raw<'_> {
    /// False for absent and null, the two ways a file leaves a field out.
    pub fn is_given(&self) -> bool {
        !matches!(self, Raw::Absent | Raw::Null)
    }

    /// The string, when the value is one.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Raw::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// The fields of one kind of object: reads the value of each key it knows, and says which keys
/// it does not know (their values are skipped). Records implement it with [`record!`].
pub trait Fields<'de>: Default {
    /// Reads the value of `key` into its field; `false` when the key is not a field (the value is
    /// then still unread). A key given twice keeps its last value, as in a JSON object.
    ///
    /// # Errors
    /// Only the JSON reader's own.
    fn read<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
}

/// A struct of [`Raw`] fields named as the JSON keys they read, implementing [`Fields`].
macro_rules! record {
    ($(#[$meta:meta])* $vis:vis struct $name:ident { $($(#[$field_meta:meta])* $field:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Default)]
        $vis struct $name<'de> {
            $($(#[$field_meta])* pub $field: $crate::domain::dataset::json::Raw<'de>,)*
        }

        impl<'de> $crate::domain::dataset::json::Fields<'de> for $name<'de> {
            fn read<A: serde::de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
                match key {
                    $(stringify!($field) => self.$field = map.next_value()?,)*
                    _ => return Ok(false),
                }
                Ok(true)
            }
        }
    };
}
pub(crate) use record;

/// A list item, or the root of a file: an object read into its fields, or anything else.
#[derive(Debug)]
pub enum Item<R> {
    /// An object.
    Object(R),
    /// Not an object (skipped).
    NotObject,
}

/// A list of records as the file gives it.
#[derive(Debug, Default)]
pub enum List<R> {
    /// The key is not in the object.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// A list.
    Items(Vec<Item<R>>),
    /// Anything else (skipped).
    Other,
}

/// Any JSON value, read and thrown away. Unlike `serde::de::IgnoredAny`, it goes through
/// `deserialize_any`, so the reader's nesting limit and number range hold for it too.
pub struct Skip;

/// The object key being read, borrowed unless it holds escapes.
struct Key<'de>(Cow<'de, str>);

/// The visitor methods every lenient type shares: each kind of scalar but `null` becomes `$value`.
macro_rules! scalars_become {
    ($value:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

/// Reads what is left of a list and forgets it.
fn skip_items<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<Skip>()?.is_some() {}
    Ok(())
}

/// Reads what is left of an object and forgets it.
fn skip_entries<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_key::<Skip>()?.is_some() {
        map.next_value::<Skip>()?;
    }
    Ok(())
}

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SkipVisitor;
        impl<'de> Visitor<'de> for SkipVisitor {
            type Value = Skip;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            scalars_become!(Skip);
            fn visit_unit<E: de::Error>(self) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Skip, A::Error> {
                skip_items(seq).map(|()| Skip)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Skip, A::Error> {
                skip_entries(map).map(|()| Skip)
            }
        }
        deserializer.deserialize_any(SkipVisitor)
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for Raw<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = Raw<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Raw<'de>, E> {
                Ok(Raw::Bool(value))
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Raw<'de>, E> {
                Ok(Raw::Number(value as f64))
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Raw<'de>, E> {
                Ok(Raw::Number(value as f64))
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Raw<'de>, E> {
                Ok(Raw::Number(value))
            }
            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Raw<'de>, E> {
                Ok(Raw::Text(Cow::Borrowed(text)))
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Raw<'de>, E> {
                Ok(Raw::Text(Cow::Owned(text.to_owned())))
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Raw<'de>, E> {
                Ok(Raw::Text(Cow::Owned(text)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Raw<'de>, E> {
                Ok(Raw::Null)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw<'de>, A::Error> {
                let mut texts = Some(Vec::new());
                while let Some(item) = seq.next_element::<Raw<'de>>()? {
                    match (item, &mut texts) {
                        (Raw::Text(text), Some(list)) => list.push(text),
                        _ => texts = None,
                    }
                }
                Ok(texts.map_or(Raw::Other, Raw::Texts))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Raw<'de>, A::Error> {
                skip_entries(map).map(|()| Raw::Other)
            }
        }
        deserializer.deserialize_any(RawVisitor)
    }
}

/// Reads the entries of an object into `R`'s fields, skipping the keys it does not know.
fn read_fields<'de, R: Fields<'de>, A: MapAccess<'de>>(mut map: A) -> Result<R, A::Error> {
    let mut record = R::default();
    while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
        if !record.read(&key, &mut map)? {
            map.next_value::<Skip>()?;
        }
    }
    Ok(record)
}

impl<'de, R: Fields<'de>> Deserialize<'de> for Item<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor<R>(PhantomData<R>);
        impl<'de, R: Fields<'de>> Visitor<'de> for ItemVisitor<R> {
            type Value = Item<R>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            scalars_become!(Item::NotObject);
            fn visit_unit<E: de::Error>(self) -> Result<Item<R>, E> {
                Ok(Item::NotObject)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Item<R>, A::Error> {
                skip_items(seq).map(|()| Item::NotObject)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item<R>, A::Error> {
                read_fields(map).map(Item::Object)
            }
        }
        deserializer.deserialize_any(ItemVisitor(PhantomData))
    }
}

impl<'de, R: Fields<'de>> Deserialize<'de> for List<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor<R>(PhantomData<R>);
        impl<'de, R: Fields<'de>> Visitor<'de> for ListVisitor<R> {
            type Value = List<R>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            scalars_become!(List::Other);
            fn visit_unit<E: de::Error>(self) -> Result<List<R>, E> {
                Ok(List::Null)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<R>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(List::Items(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<List<R>, A::Error> {
                skip_entries(map).map(|()| List::Other)
            }
        }
        deserializer.deserialize_any(ListVisitor(PhantomData))
    }
}

/// The root object of a dashboard file: its `schema` and `schema_version`, and the rest read by
/// `B`.
#[derive(Debug, Default)]
struct Envelope<'de, B> {
    /// The `schema` field.
    schema: Raw<'de>,
    /// The `schema_version` field, kept whole so that a wrong one can be quoted as written.
    schema_version: Option<Value>,
    /// Every other field.
    body: B,
}

impl<'de, B: Fields<'de>> Fields<'de> for Envelope<'de, B> {
    fn read<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "schema" => self.schema = map.next_value()?,
            "schema_version" => self.schema_version = Some(map.next_value()?),
            _ => return self.body.read(key, map),
        }
        Ok(true)
    }
}

/// A file kept whole apart from its envelope, for files read by a strict serde type after it.
impl<'de> Fields<'de> for serde_json::Map<String, Value> {
    fn read<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        self.insert(key.to_string(), map.next_value()?);
        Ok(true)
    }
}

/// The dashboard's files, as messages name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// The dataset file.
    Dataset,
    /// The map file.
    Map,
}

/// What a kind of file must be, beyond JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileSpec {
    /// The `schema` value the file declares.
    pub schema: &'static str,
    /// The `schema_version` this build reads.
    pub version: u64,
    /// Largest file accepted, in bytes.
    pub max_bytes: u64,
}

/// Why a file fails the envelope every dashboard file shares.
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// The file is empty (or holds only white space).
    Empty,
    /// The file is larger than the dashboard accepts.
    TooLarge {
        /// Size of the file in bytes.
        bytes: u64,
        /// Largest accepted size in bytes.
        limit: u64,
    },
    /// The text is not valid JSON.
    NotJson {
        /// 1-based line of the first error.
        line: usize,
        /// 1-based column of the first error.
        column: usize,
        /// What the JSON reader reported.
        detail: String,
    },
    /// The JSON is not an object.
    NotAnObject,
    /// The `schema` field names another kind of file.
    WrongSchema {
        /// The schema the file declares (empty when missing).
        found: String,
    },
    /// The file's `schema_version` is one this build cannot read.
    UnsupportedVersion {
        /// The version found, as written (`(none)` when missing).
        found: String,
    },
}

impl FileSpec {
    /// Refuses empty and oversized files before any reading.
    ///
    /// # Errors
    /// [`FileError::Empty`] or [`FileError::TooLarge`].
    pub fn check_size(&self, bytes: u64) -> Result<(), FileError> {
        if bytes == 0 {
            return Err(FileError::Empty);
        }
        if bytes > self.max_bytes {
            return Err(FileError::TooLarge { bytes, limit: self.max_bytes });
        }
        Ok(())
    }

    /// The text of a file, size checked, without the byte-order mark some editors save.
    ///
    /// # Errors
    /// [`FileError::Empty`] (white space only included) or [`FileError::TooLarge`].
    pub fn text<'t>(&self, text: &'t str) -> Result<&'t str, FileError> {
        self.check_size(text.len() as u64)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(FileError::Empty);
        }
        Ok(text)
    }

    /// Reads a file of this kind in one pass: the envelope's checks, and every field but
    /// `schema` and `schema_version` read into `B`.
    ///
    /// # Errors
    /// A [`FileError`] when the text fails the envelope.
    pub fn read<'de, B: Fields<'de>>(&self, text: &'de str) -> Result<B, FileError> {
        let root: Item<Envelope<'de, B>> = serde_json::from_str(self.text(text)?).map_err(not_json)?;
        self.open(root)
    }

    /// [`FileSpec::read`] for a document already parsed (the checks after the JSON syntax).
    ///
    /// # Errors
    /// As [`FileSpec::read`].
    pub fn read_value<'de, B: Fields<'de>>(&self, value: &'de Value) -> Result<B, FileError> {
        self.open(Item::deserialize(value).map_err(not_json)?)
    }

    fn open<'de, B>(&self, root: Item<Envelope<'de, B>>) -> Result<B, FileError> {
        let Item::Object(Envelope { schema, schema_version, body }) = root else { return Err(FileError::NotAnObject) };
        let schema = schema.as_text().unwrap_or_default();
        if schema != self.schema {
            return Err(FileError::WrongSchema { found: schema.to_string() });
        }
        match schema_version {
            Some(Value::Number(number)) if number.as_u64() == Some(self.version) => Ok(body),
            Some(other) => Err(FileError::UnsupportedVersion { found: other.to_string() }),
            None => Err(FileError::UnsupportedVersion { found: "(none)".into() }),
        }
    }
}

fn not_json(error: serde_json::Error) -> FileError {
    FileError::NotJson {
        line: error.line(),
        column: error.column(),
        detail: error.to_string().split(" at line").next().unwrap_or_default().to_string(),
    }
}
