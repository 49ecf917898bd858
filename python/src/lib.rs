//! `didar._core`: Didar's extraction core for Python. The functions here speak
//! JSON text (the exact text `didar extract` and `didar timeline` print, from
//! the same serde types); `didar/__init__.py` turns it into dicts and lists.
//! Only the crate-root API of `didar` is used.

use didar::{analyze, Analysis, Article, PartialDate, Timeline};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The analysis of one text as the JSON line `didar extract` prints for it.
#[pyfunction]
fn analyze_json(py: Python<'_>, text: String, id: String) -> PyResult<String> {
    let article = Article { id, text };
    py.detach(|| to_json(&analyze(&article)))
}

/// The analyses of (id, text) pairs as JSON lines, computed without the GIL.
#[pyfunction]
fn analyze_batch_json(py: Python<'_>, articles: Vec<(String, String)>) -> PyResult<Vec<String>> {
    py.detach(|| {
        articles
            .into_iter()
            .map(|(id, text)| to_json(&analyze(&Article { id, text })))
            .collect()
    })
}

/// The timeline of analyses given as JSON objects (in the shape `analyze_json`
/// returns), as the JSON `didar timeline` prints (compact, not indented).
#[pyfunction]
fn merge_json(py: Python<'_>, analyses: Vec<String>) -> PyResult<String> {
    py.detach(|| {
        let parsed = analyses
            .iter()
            .enumerate()
            .map(|(i, a)| {
                serde_json::from_str::<Analysis>(a)
                    .map_err(|e| PyValueError::new_err(format!("analysis {i} is not an analysis of didar.analyze: {e}")))
            })
            .collect::<PyResult<Vec<Analysis>>>()?;
        to_json(&Timeline::build(&parsed))
    })
}

/// A meeting date as the timeline reads it: `(year, month or None, day or
/// None)`, or None when it is not a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date
/// (the timeline then counts the meeting as undated).
#[pyfunction]
fn parse_date(date: &str) -> Option<(i32, Option<u8>, Option<u8>)> {
    PartialDate::parse(date).map(|d| (d.year, d.month, d.day))
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_batch_json, m)?)?;
    m.add_function(wrap_pyfunction!(merge_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_date, m)?)?;
    Ok(())
}
