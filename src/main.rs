//! The `corroborate` command: parse arguments, call the library, map errors
//! to exit codes (0 clean, 1 findings at or above --fail-on, 2 errors).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use corroborate::check::Engine;
use corroborate::error::{Error, Result};
use corroborate::model::Severity;
use corroborate::rules::{self, RuleSet};
use corroborate::{load, output, report};

#[global_allocator]
static ALLOCATOR: corroborate::Allocator = corroborate::Allocator;

#[derive(Parser)]
#[command(
    name = "corroborate",
    version,
    after_help = "Examples:\n  corroborate check corpus/\n  corroborate check corpus/ --format html -o report.html\n  corroborate rules explain quantity-conflict",
    about = "Cross-reference the claims of several news articles: what all sources state, what rests on one source, and where they disagree."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the whole pipeline over files and folders.
    #[command(
        after_help = "Examples:\n  corroborate check corpus/\n  corroborate check a.txt b.txt --format json -o report.json\n  corroborate check corpus/ --format html -o report.html\n  corroborate check corpus/ --rules my-story.toml --fail-on error\n  corroborate check corpus/ --date 2025-05-12\n  cat article.txt | corroborate check - other.txt"
    )]
    Check {
        /// Files, folders (searched for .txt and .md) or - for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// A rule pack to add to the built-in rules (repeatable).
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Write the report here (whole or not at all) instead of stdout;
        /// never over an input article, its sources.toml or a rule pack.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Exit with 1 when a finding at or above this severity exists.
        #[arg(long, value_enum, value_name = "SEVERITY")]
        fail_on: Option<FailOn>,
        /// Colour in the text report: auto (a terminal, and NO_COLOR unset), always or never.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// Print only the summary line of the text report.
        #[arg(short, long)]
        quiet: bool,
        /// Date of the articles that give none (a `date YYYY-MM-DD` first
        /// line, front matter or sources.toml): what "Friday, May 9" and
        /// "last week" resolve against, so they can be compared.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Split a text into sentences (byte offsets).
    #[command(
        after_help = "Examples:\n  corroborate segment article.txt\n  echo 'Mr. Smith left. He was late.' | corroborate segment - --format json"
    )]
    Segment {
        /// A file, or - for stdin.
        #[arg(default_value = "-")]
        path: PathBuf,
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = SegmentFormat::Text)]
        format: SegmentFormat,
    },
    /// Every facet of a text: quantities, dates, entities, hedges, attributions.
    #[command(
        after_help = "Examples:\n  corroborate facets article.txt --format json\n  echo 'Over 40 million people voted last week.' | corroborate facets - --date 2018-01-10"
    )]
    Facets {
        /// A file, or - for stdin.
        #[arg(default_value = "-")]
        path: PathBuf,
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = FacetsFormat::Json)]
        format: FacetsFormat,
        /// Reference date for relative dates (default: the text's own date header).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Score sentence pairs read as `a<TAB>b` lines on stdin.
    #[command(
        after_help = "Examples:\n  printf 'The deal was canceled.\\tThe deal was called off.\\n' | corroborate similarity\n  corroborate similarity --format json < pairs.tsv"
    )]
    Similarity {
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = SimilarityFormat::Tsv)]
        format: SimilarityFormat,
    },
    /// Validate, list and explain rule packs.
    #[command(
        after_help = "Examples:\n  corroborate rules lint my-story.toml\n  corroborate rules list\n  corroborate rules explain cancel"
    )]
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Check rule files; errors name file, line and column.
    #[command(
        after_help = "Examples:\n  corroborate rules lint my-story.toml\n  corroborate rules lint my-rules/     (every .toml file in the folder)\n  corroborate rules lint            (checks the built-in packs)"
    )]
    Lint { paths: Vec<PathBuf> },
    /// List every rule with its section and the file it comes from.
    #[command(after_help = "Examples:\n  corroborate rules list\n  corroborate rules list --rules my-story.toml")]
    List {
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<PathBuf>,
    },
    /// Print a rule's description, parameters and examples.
    #[command(
        after_help = "Examples:\n  corroborate rules explain quantity-conflict\n  corroborate rules explain cancel"
    )]
    Explain {
        /// The rule id (as `rules list` shows it, with or without its section).
        id: String,
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
    Markdown,
    Csv,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum SegmentFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FacetsFormat {
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum SimilarityFormat {
    Tsv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Info,
    Warning,
    Error,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("corroborate: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Colour by default: only for a terminal, and only when NO_COLOR is unset or empty.
fn auto_color(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check {
            paths,
            rules,
            format,
            output: out,
            fail_on,
            color,
            quiet,
            date,
        } => {
            if let Some(d) = &date
                && !load::is_iso_date(d)
            {
                return Err(Error::Usage(format!("--date `{d}`: expected YYYY-MM-DD")));
            }
            // Compiling the rules and reading the articles do not wait on
            // each other; a rule error is still the one reported first.
            let (engine, docs) = rayon::join(
                || RuleSet::with_files(&rules).map(Engine::new),
                || load::load_paths(&paths),
            );
            let (engine, mut docs) = (engine?, docs?);
            for doc in docs.iter_mut().filter(|d| d.date.is_none()) {
                doc.date.clone_from(&date);
            }
            let read = load::input_files(&docs);
            let inputs = read.iter().chain(&rules).map(PathBuf::as_path);
            output::refuse_overwriting_input(out.as_deref(), inputs)?;
            let report = {
                use std::io::IsTerminal;
                // Only for a person watching: never on a pipe, never in the data.
                let bar = if std::io::stderr().is_terminal() && docs.len() >= 20 && !quiet {
                    let bar = indicatif::ProgressBar::new(docs.len() as u64);
                    bar.set_style(
                        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed}")
                            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                    );
                    bar
                } else {
                    indicatif::ProgressBar::hidden()
                };
                let report = engine.check_with_progress(docs, &|| bar.inc(1));
                bar.finish_and_clear();
                report
            };
            let rendered = match format {
                // Streamed: the largest format, and never needed whole.
                CheckFormat::Json => None,
                CheckFormat::Text => {
                    use std::io::IsTerminal;
                    let color = match color {
                        ColorChoice::Always => true,
                        ColorChoice::Never => false,
                        ColorChoice::Auto => auto_color(out.is_none() && std::io::stdout().is_terminal()),
                    };
                    Some(report::text::render(
                        &report,
                        &report::text::TextOptions { color, quiet },
                    ))
                }
                CheckFormat::Markdown => Some(report::markdown(&report)),
                CheckFormat::Csv => Some(report::csv(&report)),
                CheckFormat::Html => Some(report::html(&report)),
            };
            match rendered {
                Some(text) => output::write(out.as_deref(), &text)?,
                None => output::write_with(out.as_deref(), &mut |w| report::write_json(&report, w))?,
            }
            let threshold = fail_on.map(|f| match f {
                FailOn::Info => Severity::Info,
                FailOn::Warning => Severity::Warning,
                FailOn::Error => Severity::Error,
            });
            let failed = threshold.is_some_and(|t| report.findings.iter().any(|f| f.severity >= t));
            // The process ends here: freeing every claim, facet and compiled
            // rule one by one would only delay the exit.
            std::mem::forget(report);
            std::mem::forget(engine);
            Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Segment { path, rules, format } => {
            let set = RuleSet::with_files(&rules)?;
            let doc = load::read_text(&path)?;
            let spans = corroborate::segment::Segmenter::new(&set).split(&doc.text);
            let rendered = match format {
                SegmentFormat::Text => spans
                    .iter()
                    .map(|s| format!("{}\n", doc.text[s.start..s.end].replace(['\n', '\r'], " ")))
                    .collect(),
                SegmentFormat::Json => {
                    let items: Vec<_> = spans
                        .iter()
                        .map(|s| serde_json::json!({"text": &doc.text[s.start..s.end], "start": s.start, "end": s.end}))
                        .collect();
                    serde_json::to_string_pretty(&items).expect("json") + "\n"
                }
            };
            output::write(None, &rendered)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Facets {
            path,
            rules,
            format: FacetsFormat::Json,
            date,
        } => {
            let engine = Engine::new(RuleSet::with_files(&rules)?);
            let doc = load::read_text(&path)?;
            let reference = match date.or(doc.date.clone()) {
                Some(d) => Some(
                    chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                        .map_err(|_| Error::Usage(format!("--date `{d}`: expected YYYY-MM-DD")))?,
                ),
                None => None,
            };
            let facets = engine.extractor.facets(&doc.text, 0, reference);
            output::write(None, &(serde_json::to_string_pretty(&facets).expect("json") + "\n"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Similarity { rules, format } => {
            let engine = Engine::new(RuleSet::with_files(&rules)?);
            let pairs = load::read_pairs(std::io::stdin().lock(), "<stdin>")?;
            let scores = engine.similarity(&pairs);
            let rendered = match format {
                SimilarityFormat::Tsv => scores
                    .iter()
                    .map(|(s, m)| format!("{s:.4}\t{}\n", u8::from(*m)))
                    .collect(),
                SimilarityFormat::Json => {
                    let items: Vec<_> = scores
                        .iter()
                        .map(|(s, m)| serde_json::json!({"score": (s * 10000.0).round() / 10000.0, "match": m}))
                        .collect();
                    serde_json::to_string_pretty(&items).expect("json") + "\n"
                }
            };
            output::write(None, &rendered)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules {
            command: RulesCommand::Lint { paths },
        } => {
            if paths.is_empty() {
                for (p, text) in rules::DEFAULT_PACKS {
                    rules::parse_pack(p, text)?;
                }
                eprintln!("{} built-in packs: ok", rules::DEFAULT_PACKS.len());
                return Ok(ExitCode::SUCCESS);
            }
            let mut failed = false;
            let color = {
                use std::io::IsTerminal;
                auto_color(std::io::stderr().is_terminal())
            };
            // A folder stands for its rule files, in name order.
            let mut files = Vec::new();
            for p in paths {
                match std::fs::read_dir(&p) {
                    Ok(entries) => {
                        let mut inside: Vec<PathBuf> = entries
                            .filter_map(|e| e.ok().map(|e| e.path()))
                            .filter(|f| f.extension().is_some_and(|x| x == "toml"))
                            .collect();
                        inside.sort();
                        if inside.is_empty() {
                            eprintln!("error: {}: no .toml rule files in this folder", p.display());
                            failed = true;
                        }
                        files.extend(inside);
                    }
                    Err(_) => files.push(p),
                }
            }
            for p in &files {
                let shown = p.display().to_string();
                let text = match std::fs::read_to_string(p) {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("error: {shown}: cannot read rule file: {e}");
                        failed = true;
                        continue;
                    }
                };
                match rules::parse_pack(&shown, &text) {
                    Ok(_) => eprintln!("{shown}: ok"),
                    Err(e) => {
                        eprintln!("{}", rules::render_error(&e, &text, color));
                        failed = true;
                    }
                }
            }
            Ok(if failed { ExitCode::from(2) } else { ExitCode::SUCCESS })
        }
        Command::Rules {
            command: RulesCommand::List { rules },
        } => {
            let set = RuleSet::with_files(&rules)?;
            let mut out = String::new();
            for (key, origin) in &set.origins {
                out.push_str(&format!("{key}\t{origin}\n"));
            }
            output::write(None, &out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules {
            command: RulesCommand::Explain { id, rules },
        } => {
            let found = rules::explain(&id, &rules)?;
            output::write(None, &found)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
