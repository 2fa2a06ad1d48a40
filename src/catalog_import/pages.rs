//! The catalog-management pages behind one wasm chunk and one split point (each
//! split point costs the first load its loader): register, validate, export.

use leptos::prelude::*;

use crate::catalog::export::page::ExportPage;
use crate::catalog_import::register::RegisterPage;
use crate::catalog_import::validate::ValidatePage;

#[derive(Clone)]
pub enum ManageView {
    Register,
    Validate,
    Export,
}

crate::split_page!(catalog_import, manage_view, ManageView, |v: ManageView| match v {
    ManageView::Register => view! { <RegisterPage/> }.into_any(),
    ManageView::Validate => view! { <ValidatePage/> }.into_any(),
    ManageView::Export => view! { <ExportPage/> }.into_any(),
});
