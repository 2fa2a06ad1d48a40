//! `OwnedEntityPicker`: one entity the signed-in user (or one of their groups) owns.

use crate::scaffolder::forms::extensions::entity_picker::{render_with, Defaults};
use crate::scaffolder::forms::extensions::Extension;

pub const EXTENSION: Extension =
    Extension::renders("OwnedEntityPicker", |f, ctx, ids| render_with(f, ctx, ids, Defaults { kinds: &[], kind: None, owned: true }));
