//! Writes a deterministic benchmark corpus and its manifest of planted disagreements.
//!
//! `cargo run --release --example gen_corpus -- --seed 1 --size 10MB --out target/corpus-10mb`

use clap::Parser;
use std::path::PathBuf;

#[derive(Parser)]
struct Args {
    /// Seed: the same seed and size give the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Approximate total size of the articles: 1MB, 100MB, 1GB (decimal units).
    #[arg(long, default_value = "10MB")]
    size: String,
    /// Output folder (keep it under target/: corpora are never committed).
    #[arg(long)]
    out: PathBuf,
}

fn main() {
    let args = Args::parse();
    let Some(size) = factlint::corpus::parse_size(&args.size) else {
        eprintln!("error: cannot read the size {:?} (try 10MB, 1GB)", args.size);
        std::process::exit(2);
    };
    let start = std::time::Instant::now();
    match factlint::corpus::generate(args.seed, size, &args.out) {
        Ok(m) => eprintln!(
            "wrote {} bytes in {} articles of {} stories, {} planted disagreements, to {} in {:.1?}",
            m.bytes,
            m.articles,
            m.stories,
            m.planted.len(),
            args.out.display(),
            start.elapsed()
        ),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}
