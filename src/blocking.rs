//! Which names to compare, without comparing every name with every other.
//!
//! Alignment merges names that are spellings of one name ([`similar_names`]) or abbreviations of
//! one another ([`abbreviates`]). Comparing all pairs costs n² and dominated large corpora, so
//! candidates are found by blocking, exactly (no pair the full comparison would merge is missed):
//!
//! - Both tests need the same number of words and the same first letter in every word: that is
//!   the block key. Names of different blocks are never compared.
//! - In [`similar_names`] each pair of words is equal or a close spelling (the same first letter,
//!   five letters or more, at most one edit in four letters). Close spellings of the distinct words
//!   are found once with a pigeonhole index: a word of length L cut into k + 1 pieces, where k is
//!   the edits it may differ by, keeps one piece intact in any spelling within k edits, within k
//!   places of where it was.
//! - Within a block, a name is compared only with the names whose words at one position are the
//!   same word or a close spelling of it: the position with the fewest such names.
//! - Abbreviations need a one-letter word: a name with one is compared with its whole block.
//! - People's names that differ by one edit in one word ([`one_word_one_edit`]) are equal in every
//!   other word: they are compared within groups of names that are the same but for one word.
//!
//! The results are the same set of pairs whatever the order; merges do not depend on order.

use crate::align::{abbreviates, one_word_one_edit, similar_names};
use rayon::prelude::*;
use std::collections::HashMap;

/// How many edits two words of these lengths (in characters) may differ by and still be
/// spellings of one word, as in [`similar_names`].
fn edits(len_a: usize, len_b: usize) -> usize {
    (len_a.min(len_b) / 4).max(1)
}

/// The `parts` pieces a word of `len` characters is cut into, as ranges.
fn pieces(len: usize, parts: usize) -> impl Iterator<Item = std::ops::Range<usize>> {
    (0..parts).map(move |i| i * len / parts..(i + 1) * len / parts)
}

/// For each distinct word, the other words that are close spellings of it (in the sense of
/// [`similar_names`] for one word; equal words are not listed).
fn close_spellings(words: &[&str], threshold: f64) -> Vec<Vec<usize>> {
    let chars: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
    // Letter counts (in 32 buckets): k edits change them by at most 2k in all, a cheap test that
    // spares most candidates the full comparison.
    let bags: Vec<[u8; 32]> = chars
        .iter()
        .map(|c| {
            let mut bag = [0u8; 32];
            for ch in c {
                let b = &mut bag[*ch as usize % 32];
                *b = b.saturating_add(1);
            }
            bag
        })
        .collect();
    let bag_distance =
        |a: &[u8; 32], b: &[u8; 32]| a.iter().zip(b).map(|(x, y)| x.abs_diff(*y) as usize).sum::<usize>();
    let bags = &bags;
    type Key<'a> = (usize, usize, char, &'a [char]);
    let mut index: HashMap<Key, Vec<usize>> = HashMap::new();
    for (j, c) in chars.iter().enumerate() {
        let len = c.len();
        if len < 5 {
            continue;
        }
        let k = (len / 4).max(1);
        for (i, r) in pieces(len, k + 1).enumerate() {
            index.entry((len, i, c[0], &c[r])).or_default().push(j);
        }
    }
    let index = &index;
    let chars = &chars;
    (0..words.len())
        .into_par_iter()
        .map(|x| {
            let cx = &chars[x];
            let lx = cx.len();
            let mut found: Vec<usize> = Vec::new();
            if lx < 5 {
                return found;
            }
            for ly in (lx - lx / 4 - 1).max(5)..=lx + lx / 4 + 1 {
                let k = edits(lx, ly);
                if lx.abs_diff(ly) > k {
                    continue;
                }
                let ky = (ly / 4).max(1);
                for (i, r) in pieces(ly, ky + 1).enumerate() {
                    let n = r.len();
                    let lo = r.start.saturating_sub(k);
                    let hi = (r.start + k).min(lx.saturating_sub(n));
                    for s in lo..=hi {
                        if s + n > lx {
                            break;
                        }
                        if let Some(ys) = index.get(&(ly, i, cx[0], &cx[s..s + n])) {
                            let near = |&y: &usize| y != x && bag_distance(&bags[x], &bags[y]) <= 2 * k;
                            found.extend(ys.iter().copied().filter(near));
                        }
                    }
                }
            }
            found.sort_unstable();
            found.dedup();
            found.retain(|&y| similar_names(words[x], words[y], threshold));
            found
        })
        .collect()
}

/// What, besides a close spelling, makes two names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Also {
    /// Place and organisation names: [`abbreviates`] ("s korea", "south korea").
    Abbreviations,
    /// People's names: [`one_word_one_edit`] ("anna morvik", "ana morvik").
    OneWordOneEdit,
}

/// The pairs `(i, j)`, `i < j`, of `names` (normalised, distinct, words separated by one space)
/// that [`similar_names`] or `also` accepts; sorted.
pub fn matching_pairs(names: &[&str], threshold: f64, also: Also) -> Vec<(usize, usize)> {
    // Distinct words, and each name as word ids.
    let mut word_ids: HashMap<&str, usize> = HashMap::new();
    let mut words: Vec<&str> = Vec::new();
    let tokens: Vec<Vec<usize>> = names
        .iter()
        .map(|n| {
            n.split(' ')
                .map(|w| {
                    *word_ids.entry(w).or_insert_with(|| {
                        words.push(w);
                        words.len() - 1
                    })
                })
                .collect()
        })
        .collect();
    let close = close_spellings(&words, threshold);

    // Blocks: same number of words, same first letter of each.
    let mut blocks: HashMap<Vec<char>, Vec<usize>> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        let key: Vec<char> = n.split(' ').map(|w| w.chars().next().unwrap_or(' ')).collect();
        blocks.entry(key).or_default().push(i);
    }
    let blocks: Vec<Vec<usize>> = blocks.into_values().collect();
    let mut pairs: Vec<(usize, usize)> = blocks
        .par_iter()
        .flat_map_iter(|block| {
            let mut out = Vec::new();
            if block.len() < 2 {
                return out;
            }
            let width = tokens[block[0]].len();
            // Per word position: word id -> the block's names with that word there.
            let mut at: Vec<HashMap<usize, Vec<usize>>> = vec![HashMap::new(); width];
            for &n in block {
                for (p, &w) in tokens[n].iter().enumerate() {
                    at[p].entry(w).or_default().push(n);
                }
            }
            for &x in block {
                // The position whose same-or-close words have the fewest names.
                let lists = |p: usize| -> Vec<&Vec<usize>> {
                    let w = tokens[x][p];
                    std::iter::once(w).chain(close[w].iter().copied()).filter_map(|u| at[p].get(&u)).collect()
                };
                let best = (0..width).min_by_key(|&p| lists(p).iter().map(|l| l.len()).sum::<usize>()).unwrap_or(0);
                for &y in lists(best).into_iter().flatten() {
                    if y > x && similar_names(names[x], names[y], threshold) {
                        out.push((x, y));
                    }
                }
                if also == Also::Abbreviations && width > 1 && names[x].split(' ').any(|w| w.chars().count() == 1) {
                    for &y in block {
                        if y != x && abbreviates(names[x], names[y]) {
                            out.push((x.min(y), x.max(y)));
                        }
                    }
                }
            }
            out
        })
        .collect();
    if also == Also::OneWordOneEdit {
        pairs.extend(one_word_apart(names));
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The pairs [`one_word_one_edit`] accepts: names alike but for the word at one position, grouped
/// by that position and the other words.
fn one_word_apart(names: &[&str]) -> Vec<(usize, usize)> {
    let mut groups: HashMap<(usize, Vec<&str>), Vec<usize>> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        let words: Vec<&str> = n.split(' ').collect();
        for q in 0..words.len() {
            let rest = words.iter().enumerate().filter(|(p, _)| *p != q).map(|(_, w)| *w).collect();
            groups.entry((q, rest)).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for group in groups.values() {
        for (k, &x) in group.iter().enumerate() {
            for &y in &group[k + 1..] {
                if one_word_one_edit(names[x], names[y]) {
                    out.push((x.min(y), x.max(y)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_pairs(names: &[&str], also: Also) -> Vec<(usize, usize)> {
        let also = |a: &str, b: &str| match also {
            Also::Abbreviations => abbreviates(a, b),
            Also::OneWordOneEdit => one_word_one_edit(a, b),
        };
        let mut out = Vec::new();
        for i in 0..names.len() {
            for j in i + 1..names.len() {
                if similar_names(names[i], names[j], 0.88) || also(names[i], names[j]) {
                    out.push((i, j));
                }
            }
        }
        out
    }

    #[test]
    fn blocking_finds_exactly_the_pairs_of_the_full_comparison() {
        let names = [
            "soleimani",
            "suleimani",
            "soleiman",
            "qassem soleimani",
            "qassim suleimani",
            "qassem soleiman",
            "iran",
            "iraq",
            "s korea",
            "south korea",
            "north korea",
            "isis k",
            "isis",
            "austria",
            "australia",
            "itaewon",
            "itaewon dong",
            "kabul",
            "kabul international airport",
            "kabool international airport",
            "moscow",
            "moskow",
            "mosco",
            "krasnogorsk",
            "krasnogorks",
            "u s",
            "u k",
            "united states",
            "abcdefghijklmnop",
            "abcdefghijklmnpo",
            "abcdefghxjklmnop",
            "bcdefghijklmnop",
            "anna morvik",
            "ana morvik",
            "jana morvik",
        ];
        let expected = all_pairs(&names, Also::Abbreviations);
        assert!(expected.len() >= 8, "{expected:?}");
        assert_eq!(matching_pairs(&names, 0.88, Also::Abbreviations), expected);
        let expected = all_pairs(&names, Also::OneWordOneEdit);
        let at = |name: &str| names.iter().position(|n| *n == name).unwrap();
        assert!(expected.contains(&(at("ana morvik"), at("jana morvik"))), "first letters may differ: {expected:?}");
        assert_eq!(matching_pairs(&names, 0.88, Also::OneWordOneEdit), expected);
    }

    #[test]
    fn blocking_agrees_with_the_full_comparison_on_generated_spellings() {
        // Words with one or two edits of each other, and unrelated ones.
        let mut rng = crate::corpus::Rng::new(5);
        let letters: Vec<char> = "abdeiklmnorstu".chars().collect();
        let mut names: Vec<String> = Vec::new();
        for _ in 0..150 {
            let len = rng.range(3, 14) as usize;
            let word: String = (0..len).map(|_| *rng.pick(&letters)).collect();
            let mut variant: Vec<char> = word.chars().collect();
            for _ in 0..rng.range(1, 3) {
                let at = rng.range(1, variant.len() as u64 - 1) as usize;
                match rng.below(3) {
                    0 => variant[at] = *rng.pick(&letters),
                    1 => variant.insert(at, *rng.pick(&letters)),
                    _ => {
                        variant.remove(at);
                    }
                }
            }
            let variant: String = variant.into_iter().collect();
            names.push(word.clone());
            names.push(variant.clone());
            names.push(format!("{word} {}", &word[..2]));
            names.push(format!("{variant} {}", &word[..2]));
        }
        names.sort();
        names.dedup();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        for also in [Also::Abbreviations, Also::OneWordOneEdit] {
            let expected = all_pairs(&names, also);
            assert!(expected.len() > 50, "the sample has spellings to find: {}", expected.len());
            assert_eq!(matching_pairs(&names, 0.88, also), expected, "{also:?}");
        }
    }
}
