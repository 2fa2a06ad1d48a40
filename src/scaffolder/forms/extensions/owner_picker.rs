//! `OwnerPicker`: a group or user, as the owner of what the template creates.

use crate::scaffolder::forms::extensions::entity_picker::{render_with, Defaults};
use crate::scaffolder::forms::extensions::Extension;

pub const EXTENSION: Extension = Extension::renders("OwnerPicker", |f, ctx, ids| {
    render_with(f, ctx, ids, Defaults { kinds: &["Group", "User"], kind: Some("Group"), owned: false })
});
