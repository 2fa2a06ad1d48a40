//! Backstage's field extensions, named by a field's `ui:field`: one file each,
//! holding its renderer and the rule it adds to the schema's own, as Backstage
//! does with `fields/EntityPicker/{EntityPicker,schema}`. Adding one is a file
//! with an `EXTENSION` and a line in `ALL`.

use leptos::prelude::AnyView;
use serde_json::Value;

use crate::scaffolder::forms::field::{FormCtx, Ids};
use crate::scaffolder::forms::schema::Field;

pub mod chips;
pub mod entity_name_picker;
pub mod entity_picker;
pub mod entity_tags_picker;
pub mod multi_entity_picker;
pub mod my_groups_picker;
pub mod owned_entity_picker;
pub mod owner_picker;
pub mod repo_branch_picker;
pub mod repo_owner_picker;
pub mod repo_url_picker;
pub mod search_box;
pub mod secret;
pub mod select_field_from_api;

pub type Render = fn(&Field, FormCtx, &Ids) -> AnyView;

pub struct Extension {
    /// The `ui:field` name templates use.
    pub name: &'static str,
    /// Draws the input; `None`: the plain widget of the field's type.
    pub render: Option<Render>,
    /// The rule the extension adds to the schema's own: the end of a sentence that
    /// starts with the field's title ("must be …"), or `None` when the value passes.
    pub validate: Option<fn(&Field, &Value) -> Option<String>>,
    /// The renderer draws its own label (a fieldset with a legend).
    pub labels_itself: bool,
}

impl Extension {
    /// An extension that draws its own input, inside the usual label and help.
    pub const fn renders(name: &'static str, render: Render) -> Self {
        Extension { name, render: Some(render), validate: None, labels_itself: false }
    }
}

/// Every extension the portal knows.
pub static ALL: [Extension; 12] = [
    entity_picker::EXTENSION,
    owner_picker::EXTENSION,
    owned_entity_picker::EXTENSION,
    multi_entity_picker::EXTENSION,
    my_groups_picker::EXTENSION,
    entity_name_picker::EXTENSION,
    entity_tags_picker::EXTENSION,
    repo_url_picker::EXTENSION,
    repo_branch_picker::EXTENSION,
    repo_owner_picker::EXTENSION,
    select_field_from_api::EXTENSION,
    secret::EXTENSION,
];

/// The extension a `ui:field` names; `None` for one the portal does not know (the
/// form then shows a text box with a notice).
pub fn find(name: &str) -> Option<&'static Extension> {
    ALL.iter().find(|e| e.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_name_is_known_once() {
        for e in &ALL {
            assert_eq!(ALL.iter().filter(|o| o.name == e.name).count(), 1, "{}", e.name);
            assert!(std::ptr::eq(find(e.name).unwrap(), e));
        }
        assert!(find("NoSuchPicker").is_none());
        // Backstage's names, as templates spell them.
        for name in [
            "EntityPicker",
            "OwnerPicker",
            "OwnedEntityPicker",
            "MultiEntityPicker",
            "MyGroupsPicker",
            "EntityNamePicker",
            "EntityTagsPicker",
            "RepoUrlPicker",
            "RepoBranchPicker",
            "RepoOwnerPicker",
            "SelectFieldFromApi",
            "Secret",
        ] {
            assert!(find(name).is_some(), "{name}");
        }
    }
}
