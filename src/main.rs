//! The `factlint` command line: parses arguments, runs the pipeline, prints, sets the exit code.

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use factlint::baseline::Baseline;
use factlint::compare::{CHECKS, check};
use factlint::config::{Config, FailOn};
use factlint::jsonl;
use factlint::pipeline::{self, Options};
use factlint::report::{Report, github, html, human, json, markdown, sarif};
use factlint::rules::{Grammar, ValueKind};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
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
        #[command(flatten)]
        reporting: Reporting,
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
        #[command(flatten)]
        setup: Setup,
        #[command(flatten)]
        reporting: Reporting,
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
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

#[derive(clap::Args)]
struct Input {
    /// Article files and folders (folders are walked for .txt, .md, .markdown, .html and .htm files).
    #[arg(required = true, value_name = "ARTICLES")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    setup: Setup,
}

/// What a run needs besides its inputs (the map and the reduce step of a split check need the
/// same).
#[derive(clap::Args)]
struct Setup {
    /// Extra rule folders (their rules add to or replace the built-in ones, by id).
    #[arg(long = "rules", value_name = "DIR")]
    rule_dirs: Vec<PathBuf>,
    /// TOML files of names that are one subject: aliases = [["ISIS-K", "ISKP"]].
    #[arg(long = "aliases", value_name = "FILE")]
    alias_files: Vec<PathBuf>,
    /// Jaro-Winkler similarity from which two names are spellings of one name.
    #[arg(long, value_name = "0..1")]
    name_similarity: Option<f64>,
    /// Configuration file [default: the first factlint.toml from the current folder upward].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// How `check` and `compare` report.
#[derive(clap::Args)]
struct Reporting {
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Exit 1 when a finding reaches this severity [default: `fail-on` of factlint.toml, else error].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (then report as if it were given).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    #[command(flatten)]
    display: Display,
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

/// Formats of `facts`.
#[derive(Clone, Copy, ValueEnum)]
enum FactsFormat {
    Human,
    Json,
    /// One JSON object a line: documents with their alignment context, then their facts.
    Jsonl,
}

/// Report formats of `check`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// rustc-like diagnostics
    Human,
    /// one JSON document, version 1
    Json,
    /// SARIF 2.1.0, for code-scanning tools
    Sarif,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// one self-contained HTML page for editors
    Html,
    /// Markdown, for a ticket or a chat
    Markdown,
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
        Command::Check { input, reporting } => check_command(&input, &reporting),
        Command::Facts { input, format } => facts_command(&input, format),
        Command::Compare { files, setup, reporting } => compare_command(&files, &setup, &reporting),
        Command::Rules { rule_dirs } => rules_command(&rule_dirs),
        Command::Explain { id, rule_dirs } => explain_command(&id, &rule_dirs),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "factlint", &mut out);
            std::io::stdout().lock().write_all(&out).map(|_| ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .and_then(|_| std::io::stdout().lock().write_all(&out))
                .map(|_| ExitCode::SUCCESS)
        }
    };
    // A closed pipe (`factlint check . | head`) is not an error worth a message.
    result.unwrap_or_else(|_| ExitCode::from(2))
}

/// The configuration of a run (`--config`, else a factlint.toml found upward), or the error that
/// stops it, already printed.
fn config(setup: &Setup) -> Result<Config, ExitCode> {
    let cwd = std::env::current_dir().unwrap_or_default();
    Config::discover(setup.config.as_deref(), &cwd).map_err(|e| {
        eprint!("{}", human::input_error(&format!("configuration {e}"), stderr_style()));
        ExitCode::from(2)
    })
}

/// Options from the configuration, then the command line (which adds folders and files and
/// overrides values).
fn options(setup: &Setup, config: &Config) -> Options {
    let mut options = Options {
        rule_dirs: config.rule_dirs.iter().chain(&setup.rule_dirs).cloned().collect(),
        alias_files: config.alias_files.iter().chain(&setup.alias_files).cloned().collect(),
        metadata: config.metadata.clone(),
        ..Options::default()
    };
    config.thresholds.apply(&mut options.thresholds);
    if let Some(s) = setup.name_similarity {
        options.thresholds.name_similarity = s;
    }
    options
}

fn stderr_style() -> human::Style {
    human::Style { colour: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(), width: 100 }
}

/// Prints every input that could not be used; true when there was one.
fn report_input_errors(errors: &pipeline::InputErrors) -> bool {
    let style = stderr_style();
    let mut err = std::io::stderr().lock();
    for e in &errors.rule_errors {
        let _ = err.write_all(human::input_error(&format!("rule file {e}"), style).as_bytes());
    }
    for e in &errors.load_errors {
        let _ = err
            .write_all(human::input_error(&format!("{e} (skipped; the other files were checked)"), style).as_bytes());
    }
    for e in &errors.skipped {
        let _ = err.write_all(format!("note: {e}\n").as_bytes());
    }
    errors.any()
}

fn read_baseline(path: &Path) -> Result<Baseline, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
    Baseline::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn check_command(input: &Input, reporting: &Reporting) -> std::io::Result<ExitCode> {
    let config = match config(&input.setup) {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let mut options = options(&input.setup, &config);
    let bar = progress_bar(reporting.format);
    if let Some(bar) = &bar {
        options.progress = bar.hook();
    }
    let run = pipeline::run(&input.paths, &options);
    drop(bar);
    report_command(&run, &config, reporting)
}

/// The reduce step of a split check: the same report as `check` from the facts of the map step.
fn compare_command(files: &[PathBuf], setup: &Setup, reporting: &Reporting) -> std::io::Result<ExitCode> {
    let config = match config(setup) {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    // The formats that quote passages in context read the articles again; the others need only
    // what the fact lines hold.
    let sources = match reporting.format {
        CheckFormat::Human | CheckFormat::Html | CheckFormat::Markdown => jsonl::Sources::FromFiles,
        CheckFormat::Json | CheckFormat::Sarif | CheckFormat::Github => jsonl::Sources::FromFacts,
    };
    let run = jsonl::compare_files(&jsonl::fact_files(files), &options(setup, &config), sources);
    report_command(&run, &config, reporting)
}

/// Triages the findings of a run (suppressions, baseline), prints the report and sets the exit code.
fn report_command(run: &pipeline::Run, config: &Config, reporting: &Reporting) -> std::io::Result<ExitCode> {
    let baseline = match &reporting.baseline {
        Some(path) => match read_baseline(path) {
            Ok(b) => Some(b),
            Err(e) => {
                eprint!("{}", human::input_error(&e, stderr_style()));
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    let input_errors = report_input_errors(&run.errors);
    let mut triaged = factlint::triage::triage(run.findings.clone(), config, baseline.as_ref());
    if let Some(path) = &reporting.write_baseline {
        let written = Baseline::of(&triaged.findings);
        if let Err(e) = std::fs::write(path, written.to_json()) {
            eprint!(
                "{}",
                human::input_error(&format!("{}: cannot write the baseline: {e}", path.display()), stderr_style())
            );
            return Ok(ExitCode::from(2));
        }
        eprintln!("note: wrote {} finding(s) to the baseline {}", written.findings.len(), path.display());
        triaged = factlint::triage::triage(run.findings.clone(), config, Some(&written));
    }
    for &i in &triaged.unused_suppressions {
        let s = &config.suppressions[i];
        eprintln!(
            "warning: {}:{}:{}: the suppression of {} / {} matches no finding (remove it, or check the topic with `factlint facts`)",
            config.display_path(),
            s.line,
            s.column,
            s.subject,
            s.attribute
        );
    }
    let report = Report {
        docs: &run.docs,
        facts: &run.facts,
        findings: &triaged.findings,
        suppressed: triaged.suppressed,
        baselined: triaged.baselined,
    };
    let display = &reporting.display;
    let colour = match display.color {
        Colour::Always => true,
        Colour::Never => false,
        Colour::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let text = match reporting.format {
        CheckFormat::Human => human::render(&report, human::Style { colour, width: display.width }),
        CheckFormat::Json => json::render(&report),
        CheckFormat::Sarif => sarif::render(&report),
        CheckFormat::Github => github::render(&report),
        CheckFormat::Html => html::render(&report),
        CheckFormat::Markdown => markdown::render(&report),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    let fail_on = reporting.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);
    let failed = fail_on.threshold().is_some_and(|t| triaged.findings.iter().any(|f| f.severity >= t));
    Ok(if input_errors {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn facts_command(input: &Input, format: FactsFormat) -> std::io::Result<ExitCode> {
    let config = match config(&input.setup) {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let options = options(&input.setup, &config);
    if let FactsFormat::Jsonl = format {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let errors = jsonl::write_facts(&input.paths, &options, &mut out)?;
        out.flush()?;
        return Ok(if report_input_errors(&errors) { ExitCode::from(2) } else { ExitCode::SUCCESS });
    }
    let run = pipeline::run_keeping(&input.paths, &options, pipeline::Sources::All);
    let input_errors = report_input_errors(&run.errors);
    let text = match format {
        FactsFormat::Human => human::render_facts(&run.docs, &run.facts),
        FactsFormat::Json | FactsFormat::Jsonl => json::render_facts(&run.docs, &run.facts),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(if input_errors { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn load_rules_or_report(rule_dirs: &[PathBuf]) -> (factlint::rules::RuleBook, bool) {
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
            "{} — attribute \"{}\", reads a {:?}, subject: {:?}{}\nFrom: {}\n\n{}\n\nPatterns:\n",
            r.id,
            r.attribute,
            r.kind,
            r.subject,
            if matches!(r.kind, ValueKind::Count | ValueKind::Measure) {
                let bounds = r.plausible.map_or(String::new(), |[least, most]| format!(", figures {least} to {most}"));
                format!(", trend: {:?}{bounds}", r.trend)
            } else {
                String::new()
            },
            r.origin,
            r.description
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

/// Files from which a run on a terminal shows a progress bar.
const PROGRESS_FROM_FILES: usize = 20;

/// A progress bar on stderr: for the formats people read (never the machine formats), and only
/// when stderr is a terminal; it draws itself only for runs of many files.
struct Bar(indicatif::ProgressBar);

impl Bar {
    fn hook(&self) -> factlint::progress::Progress {
        let bar = self.0.clone();
        factlint::progress::Progress::new(move |step| match step {
            factlint::progress::Step::Start { files } if files >= PROGRESS_FROM_FILES => {
                bar.set_length(files as u64);
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            factlint::progress::Step::Start { .. } => {}
            factlint::progress::Step::Analysed => bar.inc(1),
            factlint::progress::Step::Comparing => bar.set_message("comparing"),
        })
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

fn progress_bar(format: CheckFormat) -> Option<Bar> {
    let for_people = matches!(format, CheckFormat::Human | CheckFormat::Html | CheckFormat::Markdown);
    if !for_people || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(Some(0), indicatif::ProgressDrawTarget::hidden());
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {wide_bar} {pos}/{len} articles {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message("analysing");
    Some(Bar(bar))
}
