//! Mounts the portal; everything else lives in the library.
fn main() {
    stagedoor::panic_page::install();
    stagedoor::mount::start();
}
