//! The readiness report: one model, three renderings (JSON for support tools, a
//! self-contained HTML page, a short text for chat), saved atomically.

pub mod before_you_start;
pub mod card_png;
pub mod header;
pub mod html;
pub mod identity;
pub mod local_date;
pub mod missing;
pub mod model;
pub mod replay_note;
pub mod report_id;
pub mod save;
pub mod summary;
pub mod summary_files;
pub mod text;
pub mod value_text;

pub use model::{Report, ReportError, SCHEMA, SCHEMA_V1, Verdict};
