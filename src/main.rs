//! Mounts the portal; everything else lives in the library.
fn main() {
    stagedoor::shell::panic_page::install();
    stagedoor::shell::app::start();
}
