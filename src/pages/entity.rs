//! `/catalog/:namespace/:kind/:name`: one entity.

use leptos::prelude::*;

use crate::api::Backend;
use crate::components::entity_link::EntityLink;
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::components::page_header::PageHeader;
use crate::model::entity_ref::EntityRef;

#[component]
pub fn EntityPage(entity_ref: EntityRef) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let r = entity_ref.clone();
    let entity = LocalResource::new(move || {
        let (backend, r) = (backend.clone(), r.clone());
        async move { backend.entity_by_ref(&r).await }
    });
    view! {
        {move || {
            let r = entity_ref.clone();
            match entity.get() {
                None => view! { <Loading what="the entity"/> }.into_any(),
                Some(Ok(e)) => {
                    let subtitle = format!("{} · {}", e.kind(), e.entity_ref());
                    let owner = e.owner();
                    view! {
                        <PageHeader title=e.display_name().to_string() subtitle=subtitle/>
                        <section class="card" aria-labelledby="about-heading">
                            <h2 id="about-heading">"About"</h2>
                            <p>{e.description().unwrap_or("No description.").to_string()}</p>
                            <dl class="facts">
                                <dt>"Owner"</dt>
                                <dd>{owner.map(|o| view! { <EntityLink entity_ref=o hide_kind="group"/> })}</dd>
                                <dt>"Type"</dt>
                                <dd>{e.spec_str("type").unwrap_or("—").to_string()}</dd>
                                <dt>"Lifecycle"</dt>
                                <dd>{e.spec_str("lifecycle").unwrap_or("—").to_string()}</dd>
                            </dl>
                        </section>
                    }
                    .into_any()
                }
                Some(Err(err)) if err.is_not_found() => view! {
                    <PageHeader title="Entity not found"/>
                    <p class="empty">{format!("The catalog has no {} named \"{}\" in namespace \"{}\".", r.kind, r.name, r.namespace)}</p>
                }
                .into_any(),
                Some(Err(err)) => view! {
                    <PageHeader title=r.name.clone()/>
                    <ErrorPanel error=err on_retry=Callback::new(move |_| entity.refetch())/>
                }
                .into_any(),
            }
        }}
    }
}
