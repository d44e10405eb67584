//! The `factlint` command line: parses arguments, runs the pipeline, prints, sets the exit code.

use clap::{Parser, Subcommand, ValueEnum};
use factlint::compare::{CHECKS, check};
use factlint::jsonl;
use factlint::model::Severity;
use factlint::pipeline::{self, Options};
use factlint::report::{Report, human, json};
use factlint::rules::Grammar;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "factlint", version, about = "Find the facts on which news articles about one story disagree.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles (files and folders) and report the facts their sources disagree on.
    Check {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Exit 1 when a finding reaches this severity.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
        #[command(flatten)]
        display: Display,
    },
    /// List every extracted fact with its topic: why a claim was, or was not, compared.
    /// `--format jsonl` is the map step of a split check: one fact a line, for `compare`.
    Facts {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = FactsFormat::Human)]
        format: FactsFormat,
    },
    /// Compare the facts of `facts --format jsonl` files (any order, any number; folders are
    /// walked for .jsonl): the same report as `check` over all their articles.
    Compare {
        /// Fact files and folders.
        #[arg(required = true, value_name = "FACTS")]
        files: Vec<PathBuf>,
        /// Extra rule folders (as given to the map step).
        #[arg(long = "rules", value_name = "DIR")]
        rule_dirs: Vec<PathBuf>,
        /// TOML files of names that are one subject.
        #[arg(long = "aliases", value_name = "FILE")]
        alias_files: Vec<PathBuf>,
        /// Jaro-Winkler similarity from which two names are spellings of one name.
        #[arg(long, value_name = "0..1")]
        name_similarity: Option<f64>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Exit 1 when a finding reaches this severity.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
        #[command(flatten)]
        display: Display,
    },
    /// List the extraction rules and the checks.
    Rules {
        /// Extra rule folders (their rules add to or replace the built-in ones, by id).
        #[arg(long = "rules", value_name = "DIR")]
        rule_dirs: Vec<PathBuf>,
    },
    /// Explain a rule (by id) or a check (by code or name).
    Explain {
        id: String,
        #[arg(long = "rules", value_name = "DIR")]
        rule_dirs: Vec<PathBuf>,
    },
}

#[derive(clap::Args)]
struct Input {
    /// Article files and folders (folders are walked for .txt, .md and .markdown files).
    #[arg(required = true, value_name = "ARTICLES")]
    paths: Vec<PathBuf>,
    /// Extra rule folders (their rules add to or replace the built-in ones, by id).
    #[arg(long = "rules", value_name = "DIR")]
    rule_dirs: Vec<PathBuf>,
    /// TOML files of names that are one subject: aliases = [["ISIS-K", "ISKP"]].
    #[arg(long = "aliases", value_name = "FILE")]
    alias_files: Vec<PathBuf>,
    /// Jaro-Winkler similarity from which two names are spellings of one name.
    #[arg(long, value_name = "0..1")]
    name_similarity: Option<f64>,
}

#[derive(clap::Args)]
struct Display {
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = Colour::Auto)]
    color: Colour,
    /// Width of the human report.
    #[arg(long, default_value_t = 100)]
    width: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FactsFormat {
    Human,
    Json,
    /// One JSON object a line: documents with their alignment context, then their facts.
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum Colour {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { input, format, fail_on, display } => check_command(&input, format, fail_on, &display),
        Command::Facts { input, format } => facts_command(&input, format),
        Command::Compare { files, rule_dirs, alias_files, name_similarity, format, fail_on, display } => {
            let input = Input { paths: files, rule_dirs, alias_files, name_similarity };
            compare_command(&input, format, fail_on, &display)
        }
        Command::Rules { rule_dirs } => rules_command(&rule_dirs),
        Command::Explain { id, rule_dirs } => explain_command(&id, &rule_dirs),
    };
    // A closed pipe (`factlint check . | head`) is not an error worth a message.
    result.unwrap_or_else(|_| ExitCode::from(2))
}

fn options(input: &Input) -> Options {
    let mut options =
        Options { rule_dirs: input.rule_dirs.clone(), alias_files: input.alias_files.clone(), ..Options::default() };
    if let Some(s) = input.name_similarity {
        options.thresholds.name_similarity = s;
    }
    options
}

fn stderr_style() -> human::Style {
    human::Style { colour: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(), width: 100 }
}

/// Prints every input that could not be used; true when there was one.
fn report_input_errors(run: &pipeline::Run) -> bool {
    let style = stderr_style();
    let mut err = std::io::stderr().lock();
    for e in &run.rule_errors {
        let _ = err.write_all(human::input_error(&format!("rule file {e}"), style).as_bytes());
    }
    for e in &run.load_errors {
        let _ = err
            .write_all(human::input_error(&format!("{e} (skipped; the other files were checked)"), style).as_bytes());
    }
    for e in &run.skipped {
        let _ = err.write_all(format!("note: {e}\n").as_bytes());
    }
    run.has_input_errors()
}

fn check_command(input: &Input, format: Format, fail_on: FailOn, display: &Display) -> std::io::Result<ExitCode> {
    let run = pipeline::run(&input.paths, &options(input));
    report_command(&run, format, fail_on, display)
}

fn compare_command(input: &Input, format: Format, fail_on: FailOn, display: &Display) -> std::io::Result<ExitCode> {
    let sources = match format {
        Format::Human => jsonl::Sources::FromFiles,
        Format::Json => jsonl::Sources::FromFacts,
    };
    let run = jsonl::compare_files(&jsonl::fact_files(&input.paths), &options(input), sources);
    report_command(&run, format, fail_on, display)
}

fn report_command(
    run: &pipeline::Run,
    format: Format,
    fail_on: FailOn,
    display: &Display,
) -> std::io::Result<ExitCode> {
    let input_errors = report_input_errors(run);
    let report = Report { docs: &run.docs, facts: &run.facts, findings: &run.findings };
    let colour = match display.color {
        Colour::Always => true,
        Colour::Never => false,
        Colour::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let text = match format {
        Format::Human => human::render(&report, human::Style { colour, width: display.width }),
        Format::Json => json::render(&report),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    let threshold = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| run.findings.iter().any(|f| f.severity >= t));
    Ok(if input_errors {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn facts_command(input: &Input, format: FactsFormat) -> std::io::Result<ExitCode> {
    if let FactsFormat::Jsonl = format {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let errors = jsonl::write_facts(&input.paths, &options(input), &mut out)?;
        out.flush()?;
        let run = pipeline::Run {
            docs: Vec::new(),
            facts: Vec::new(),
            findings: Vec::new(),
            load_errors: errors.load_errors,
            rule_errors: errors.rule_errors,
            skipped: errors.skipped,
        };
        return Ok(if report_input_errors(&run) { ExitCode::from(2) } else { ExitCode::SUCCESS });
    }
    let run = pipeline::run_keeping(&input.paths, &options(input), pipeline::Sources::All);
    let input_errors = report_input_errors(&run);
    let text = match format {
        FactsFormat::Human => human::render_facts(&run.docs, &run.facts),
        FactsFormat::Json | FactsFormat::Jsonl => json::render_facts(&run.docs, &run.facts),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(if input_errors { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn load_rules_or_report(rule_dirs: &[PathBuf]) -> (Vec<factlint::rules::Rule>, bool) {
    let grammar = Grammar::builtin();
    let options = Options { rule_dirs: rule_dirs.to_vec(), ..Options::default() };
    let (rules, errors) = pipeline::rules(&grammar, &options);
    let style = stderr_style();
    for e in &errors {
        eprint!("{}", human::input_error(&format!("rule file {e}"), style));
    }
    (rules, !errors.is_empty())
}

fn rules_command(rule_dirs: &[PathBuf]) -> std::io::Result<ExitCode> {
    let (rules, had_errors) = load_rules_or_report(rule_dirs);
    let mut out = String::from("Rules (extract facts):\n");
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in &rules {
        let first = r.description.lines().next().unwrap_or("");
        out.push_str(&format!("  {:width$}  {:<20} {}\n", r.id, r.attribute, first));
    }
    out.push_str("\nChecks (compare facts):\n");
    for c in CHECKS {
        out.push_str(&format!("  {}  {:<17} {:<8} {}\n", c.code, c.name, c.severity.to_string(), c.summary));
    }
    out.push_str("\n`factlint explain ID` shows a rule or a check in full.\n");
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(if had_errors { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn explain_command(id: &str, rule_dirs: &[PathBuf]) -> std::io::Result<ExitCode> {
    let (rules, _) = load_rules_or_report(rule_dirs);
    let mut out = String::new();
    if let Some(c) = check(id) {
        out.push_str(&format!(
            "{} ({}) — {}\nSeverity: {}\n\n{}\n\nExample: {}\n\nHow to resolve: {}\n",
            c.code, c.name, c.summary, c.severity, c.explanation, c.example, c.resolve
        ));
    } else if let Some(r) = rules.iter().find(|r| r.id == id) {
        out.push_str(&format!(
            "{} — attribute \"{}\", reads a {:?}, subject: {:?}\nFrom: {}\n\n{}\n\nPatterns:\n",
            r.id, r.attribute, r.kind, r.subject, r.origin, r.description
        ));
        for p in &r.sources {
            out.push_str(&format!("  {p}\n"));
        }
        out.push_str("\nExamples (must match):\n");
        for e in &r.examples {
            out.push_str(&format!("  {:?}\n    → {:?} read as {}\n", e.text, e.matched, e.reading));
        }
        if !r.counterexamples.is_empty() {
            out.push_str("\nCounterexamples (must not match):\n");
            for c in &r.counterexamples {
                out.push_str(&format!("  {c:?}\n"));
            }
        }
    } else {
        let known: Vec<String> =
            rules.iter().map(|r| r.id.clone()).chain(CHECKS.iter().map(|c| c.code.to_string())).collect();
        eprint!(
            "{}",
            human::input_error(&format!("no rule or check named {id:?}; known: {}", known.join(", ")), stderr_style())
        );
        return Ok(ExitCode::from(2));
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
