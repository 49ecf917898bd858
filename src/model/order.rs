//! Sorting with one copy of the sort algorithm in the program.
//!
//! The standard library's `sort_by`/`sort_unstable_by` is compiled anew for
//! every element type and comparison: about 5 KB of WebAssembly each, 75 KB
//! for Didar's twenty sorts (`twiggy monos`, issue 14). These functions sort
//! the positions `0..n` with a comparison behind `dyn` (one compiled sort for
//! the whole program) and then move the elements into that order with a short
//! loop, the only code compiled per type.
//!
//! [`sort_by`] and [`sort_by_key`] are stable, as `slice::sort_by` is. The
//! callers that used `sort_unstable` sort values whose equal elements cannot be
//! told apart, or sort with a key that ends in a tie-breaker, so the stable
//! order is the same order.

use std::cmp::Ordering;

/// The positions `0..n` ordered by `cmp`, stably: the one compiled sort.
#[inline(never)]
fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Puts `v[order[i]]` at `i` for every `i`, following the permutation's cycles.
fn apply<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        if done[start] {
            continue;
        }
        let mut j = start;
        loop {
            done[j] = true;
            let k = order[j];
            if k == start {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    apply(v, &order);
}

/// Sorts `v` stably by the key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, like `slice::sort` (and, for values whose
/// equal elements are identical, like `slice::sort_unstable`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        // Pairs sorted by their first field only: equal keys keep their order.
        let mut seed = 12345u32;
        for n in [0, 1, 2, 3, 7, 20, 21, 100, 1000] {
            let v: Vec<(u8, u32)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
                    ((seed >> 16) as u8 % 7, i)
                })
                .collect();
            let (mut a, mut b) = (v.clone(), v.clone());
            a.sort_by_key(|p| p.0);
            sort_by_key(&mut b, |p| p.0);
            assert_eq!(a, b);
            let (mut a, mut b) = (v.clone(), v);
            a.sort();
            sort(&mut b);
            assert_eq!(a, b);
        }
    }
}
