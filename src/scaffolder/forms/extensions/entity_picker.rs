//! `EntityPicker`: one entity ref from the catalog.

use leptos::prelude::*;
use serde_json::Value;

use crate::scaffolder::forms::extensions::search_box::{picker_filters, search_box};
use crate::scaffolder::forms::extensions::Extension;
use crate::scaffolder::forms::field::{FormCtx, Ids};
use crate::scaffolder::forms::keywords::plain;
use crate::scaffolder::forms::path::Path;
use crate::scaffolder::forms::picker_query::typed_ref;
use crate::scaffolder::forms::schema::Field;

/// How a picker of one entity ref differs: `OwnerPicker` and
/// `OwnedEntityPicker` are this one with other defaults.
pub struct Defaults {
    /// The kinds offered when the template names none.
    pub kinds: &'static [&'static str],
    /// The kind a typed name gets when it has none (`ui:options.defaultKind` wins).
    pub kind: Option<&'static str>,
    /// Only entities the signed-in user owns.
    pub owned: bool,
}

pub const EXTENSION: Extension =
    Extension::renders("EntityPicker", |f, ctx, ids| render_with(f, ctx, ids, Defaults { kinds: &[], kind: None, owned: false }));

/// One entity ref, searched in the catalog as the user types; a typed ref is kept
/// unless `allowArbitraryValues` is false.
pub fn render_with(f: &Field, ctx: FormCtx, ids: &Ids, defaults: Defaults) -> AnyView {
    let filters = picker_filters(f, defaults.kinds, defaults.owned);
    let path: Path = f.path.clone();
    let value = ctx.value(&path);
    let text = RwSignal::new(value.get_untracked().map(|v| plain(&v)).unwrap_or_default());
    let allow_free = f.ui("allowArbitraryValues").and_then(Value::as_bool).unwrap_or(true);
    let default_kind = f.ui_str("defaultKind").map(str::to_string).or_else(|| defaults.kind.map(str::to_string));
    let default_ns = f.ui_str("defaultNamespace").map(str::to_string);
    let p2 = path.clone();
    let on_text = Callback::new(move |t: String| {
        let v = (allow_free && !t.trim().is_empty()).then(|| Value::String(typed_ref(&t, default_kind.as_deref(), default_ns.as_deref())));
        ctx.set_value(&p2, v);
    });
    let id = f.id();
    let on_pick = Callback::new(move |r: String| {
        text.set(r.clone());
        ctx.set_value(&path, Some(Value::String(r)));
        ctx.touch(&id);
    });
    search_box(ids, f, ctx, filters, text, on_text, on_pick).into_any()
}
