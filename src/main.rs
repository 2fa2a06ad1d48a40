//! Mounts the portal; everything else lives in the library.
fn main() {
    stagedoor::panic_page::install();
    leptos::mount::mount_to_body(stagedoor::app::Root);
}
