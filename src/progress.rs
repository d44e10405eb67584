//! A progress hook for long runs: the pipeline reports how far it is, the binary draws it (a bar
//! on stderr, on a terminal only). The library never draws anything itself.

use std::sync::Arc;

/// How far a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The run will read and analyse this many files.
    Start { files: usize },
    /// One more document was analysed.
    Analysed,
    /// The documents are being compared with one another.
    Comparing,
}

/// A callback for [`Step`]s; the default does nothing.
#[derive(Clone, Default)]
pub struct Progress(Option<Arc<dyn Fn(Step) + Send + Sync>>);

impl Progress {
    pub fn new(f: impl Fn(Step) + Send + Sync + 'static) -> Self {
        Progress(Some(Arc::new(f)))
    }

    pub fn report(&self, step: Step) {
        if let Some(f) = &self.0 {
            f(step);
        }
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "Progress(on)" } else { "Progress(off)" })
    }
}
