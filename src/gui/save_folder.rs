//! Where the app saves reports when the seller presses "save": their Documents folder if it
//! exists, else their home folder, else the current folder.

use std::path::PathBuf;

pub fn default_folder() -> PathBuf {
    let home = std::env::var_os("USERPROFILE")
        .or_else(|| std::env::var_os("HOME"))
        .map(PathBuf::from);
    match home {
        Some(h) => {
            let docs = h.join("Documents");
            if docs.is_dir() { docs } else { h }
        }
        None => PathBuf::from("."),
    }
}
