//! `Position<T>`: where a record sits in its list of a dataset, typed by the record.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

#[cfg(doc)]
use super::Dataset;

/// Where a record sits in its list of a [`Dataset`], typed by the record: a figure's position
/// cannot be used to look up a country. Positions come from the dataset (its lookups and
/// [`Dataset::figure_positions`]); looking one up in another dataset gives `None` or another
/// record, as any index would, so they are not kept across loads.
pub struct Position<T> {
    position: usize,
    of: PhantomData<fn() -> T>,
}

impl<T> Position<T> {
    /// The record at `position` of its list.
    pub const fn new(position: usize) -> Self {
        Position { position, of: PhantomData }
    }
    /// Its place in the list, from 0.
    pub const fn get(self) -> usize {
        self.position
    }
}

// By hand, not derived: derives would ask the record type for the same traits.
impl<T> Clone for Position<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Position<T> {}
impl<T> PartialEq for Position<T> {
    fn eq(&self, other: &Self) -> bool {
        self.position == other.position
    }
}
impl<T> Eq for Position<T> {}
impl<T> PartialOrd for Position<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Position<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.position.cmp(&other.position)
    }
}
impl<T> Hash for Position<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.position.hash(state);
    }
}
impl<T> fmt::Debug for Position<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.position)
    }
}
