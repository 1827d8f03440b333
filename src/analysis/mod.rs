//! Pure measurements on samples and pixels. No I/O, no clocks: the same input always gives
//! the same numbers, so every verdict built on them is reproducible in a test.

pub mod audio_levels;
pub mod card_corners;
pub mod card_edges;
pub mod card_print;
pub mod card_surface;
pub mod face_closer_look;
pub mod face_leaning_far;
pub mod face_mesh;
pub mod face_mirror;
pub mod face_model;
pub mod face_search;
mod face_turned_reach;
pub mod face_unsmear;
pub mod faces;
pub mod frame;
pub mod frame_analysis;
pub mod glare;
mod glare_row;
pub mod grey_downscale;
mod grey_half;
pub mod lighting;
pub mod limits;
pub mod lip_sync;
pub mod look_cadence;
pub mod most_people;
pub mod motion;
pub mod mouth_track;
mod opponent_half;
pub mod seller_track;
pub mod sharpness;
pub mod speech;
pub mod turn_shift;
pub mod turn_smear;
pub mod voice_activity;
