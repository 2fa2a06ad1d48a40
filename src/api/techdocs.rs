//! The TechDocs plugin (`/api/techdocs`).

use super::types::TechDocsMetadata;
use super::{ApiError, Backend};
use crate::model::entity_ref::{encode_segment, EntityRef};

/// `{namespace}/{kind}/{name}`: TechDocs puts the namespace first.
pub fn docs_path(r: &EntityRef) -> String {
    format!(
        "{}/{}/{}",
        encode_segment(&r.namespace.to_ascii_lowercase()),
        encode_segment(&r.kind.to_ascii_lowercase()),
        encode_segment(&r.name)
    )
}

impl Backend {
    /// Site metadata of a built docs site; 404 before the first build.
    pub async fn techdocs_metadata(&self, r: &EntityRef) -> Result<TechDocsMetadata, ApiError> {
        self.get_json(&self.plugin_url("techdocs", &format!("/metadata/techdocs/{}", docs_path(r)))).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_comes_first() {
        assert_eq!(docs_path(&EntityRef::new("Component", "default", "checkout-service")), "default/component/checkout-service");
    }
}
