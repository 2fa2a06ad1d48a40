//! Create: the template list, the wizard with its form engine (`forms/`), tasks
//! with their live log, and the installed actions.
pub mod actions;
pub mod editor;
pub mod forms;
pub mod task;
pub mod task_log;
pub mod tasks;
pub mod templates;
pub mod wizard;
