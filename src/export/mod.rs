//! Output formats: the Anki export ([`anki`]: `.apkg` packages and text-import files), with
//! the helpers output writers share: HTML escaping ([`escape`]) and file-name slugs ([`names`]).

pub mod anki;
pub mod escape;
pub mod names;
