//! Didar reads diplomatic meetings out of Arabic, Persian and English news:
//! which states and people met, when, where, on what occasion, in person or
//! by phone, held or only announced, and the sentence that says so; and it
//! merges the reports of many articles into one [`Timeline`].
//!
//! The extraction core is plain Rust with no browser dependency. The same
//! core serves the command line (`src/bin/didar.rs`) and the WebAssembly app
//! (`src/ui/`, compiled only for `wasm32`).
//!
//! ```
//! let article = didar::Article { id: "x".into(), text: "Iran's defense minister met his Kazakh counterpart in Moscow on 4 April 2018.".into() };
//! let analysis = didar::analyze(&article);
//! assert_eq!(analysis.meetings[0].parties, ["IR", "KZ"]);
//! ```

pub mod calendar;
pub mod corpus;
pub mod correction;
pub mod dates;
pub mod export;
pub mod extract;
pub mod import;
pub mod knowledge;
pub mod lang;
pub mod library;
pub mod model;
pub mod names;
pub mod occasions;
pub mod readable;
pub mod saved;
pub mod text;
pub mod timeline;
pub mod trie;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;

pub use extract::analyze;
pub use model::{Analysis, Article, Evidence, Location, Meeting, Mode, Participant, PartialDate, Status};
pub use timeline::Timeline;
