//! Attribution: who a sentence says the information comes from.
//!
//! Two shapes, both from the rules: a reporting verb beside its subject
//! ("Wirepost reported", "said Jane Smith", "he said") and a phrase followed
//! by its source ("according to X", "told X", "seen by X"). The second names
//! the origin more precisely ("aides told Wirepost": the origin a reader can
//! check is Wirepost), so it wins when both are present.

use std::collections::HashSet;

use crate::lexicon::{Occurrence, PhraseMatch, PhraseMatcher};
use crate::model::{Attribution, Certainty, DateFacet, Entity};
use crate::rules::{ReportingShape, RuleSet};
use crate::tokens::tokens;

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Whether a quotation closes within the few words before `at`: `"...,"
/// the comedian added`, `'' added Immelman`. A guarded verb there reports
/// the quotation.
fn after_quotation(sentence: &str, at: usize) -> bool {
    // A quotation mark opening the sentence closes the one before it, as
    // tokenised text splits them ("'' Ty Lawson added 16 points"): the
    // sentence's first word is not read.
    let before = sentence[..at].trim_start();
    let past_first = before.find(char::is_whitespace).map_or("", |i| &before[i..]);
    past_first
        .split_whitespace()
        .rev()
        .take(4)
        .any(|w| ends_quotation(w) || w.ends_with(",'") || w == "'")
}

/// Whether `text` ends with a closing quotation mark: straight, curly, or
/// the two apostrophes of tokenised text.
fn ends_quotation(text: &str) -> bool {
    text.ends_with(['"', '”']) || text.ends_with("''")
}

/// Whether what stands before a clause-final verb sets it off: a comma or
/// a closing quotation ("..., said MENA.", "'' he said").
fn set_off(head: &str) -> bool {
    head.ends_with(',') || ends_quotation(head)
}

/// Whether a name ends with a possessive "'s" ("Norland's").
fn possessive(name: &str) -> bool {
    name.ends_with("'s") || name.ends_with("’s")
}

/// The first `n` words of `text`, lower-cased, read from its first sixty
/// characters (so a long sentence is not tokenised for a word or three).
fn leading_words(text: &str, n: usize) -> Vec<String> {
    let cut = text.char_indices().nth(60).map_or(text.len(), |(i, _)| i);
    tokens(&text[..cut])
        .into_iter()
        .take(n)
        .map(|t| t.text.to_lowercase())
        .collect()
}

/// The last `n` words of `text`, lower-cased, read from its last sixty
/// characters.
fn trailing_words(text: &str, n: usize) -> Vec<String> {
    let cut = text.char_indices().rev().nth(59).map_or(0, |(i, _)| i);
    let toks = tokens(&text[cut..]);
    toks[toks.len().saturating_sub(n)..]
        .iter()
        .map(|t| t.text.to_lowercase())
        .collect()
}

/// Whether one of `phrases` stands right before a verb (`before`: the
/// phrase's last word is `edge`, the word before the verb) or right after
/// it (its first word is `edge`); `words` reads the words next to the verb
/// only when some phrase's edge word matches.
fn next_to_phrase(phrases: &[Vec<String>], edge: &str, before: bool, words: impl FnOnce() -> Vec<String>) -> bool {
    let end = |p: &Vec<String>| if before { p.last() } else { p.first() }.is_some_and(|w| w.eq_ignore_ascii_case(edge));
    if !phrases.iter().any(end) {
        return false;
    }
    let words = words();
    phrases.iter().any(|p| {
        if before {
            words.ends_with(p)
        } else {
            words.starts_with(p)
        }
    })
}

/// What must follow a guarded reporting verb for it to report speech (its
/// rule's `only_before` and `speech_later`), and what must not
/// (`never_before`, and before it `never_after`).
#[derive(Debug, Clone, Default)]
struct Guard {
    next: HashSet<String>,
    later: Vec<String>,
    /// Phrases right after the verb that make it no saying (`never_before`).
    never: Vec<Vec<String>>,
    /// Phrases right before the verb that make it no saying (`never_after`).
    never_after: Vec<Vec<String>>,
}

/// A reporting verb or phrase as the matcher finds it: its shape, the
/// certainty it gives, and its rule's guard (an index into `guards`).
#[derive(Debug, Clone, Copy)]
struct Verb {
    shape: ReportingShape,
    level: Certainty,
    guard: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct AttributionFinder {
    verbs: PhraseMatcher<Verb>,
    /// What must (not) follow the verbs of rules with an `only_before` or a
    /// `never_before` list.
    guards: Vec<Guard>,
    /// Titles written before a name (the `title` names rules), lower case:
    /// "said Mr Wright" names Wright.
    titles: HashSet<String>,
    /// Nouns of unnamed sources ("police", "officials"), lower-cased.
    unnamed: HashSet<String>,
    /// The common words that may open such a source ("local", "industry").
    modifiers: HashSet<String>,
    /// Words that may open what follows a clause-final "X said" ("in a
    /// statement", "on Monday"), lower-cased.
    closing: HashSet<String>,
    /// Words that mark a page's own date (rules `publication`).
    publication: Vec<Vec<String>>,
    /// A sentence that is only a dateline dates its page.
    datelines: crate::segment::Datelines,
    /// Words right before a reporting verb that unsay it ("not", "never",
    /// "declined to"), lower-cased.
    unsaid: HashSet<String>,
    /// Bodies a possessive name may own ("ministry", "centre"), lower-cased.
    bodies: HashSet<String>,
    /// Phrases whose common-noun object is the listener ("told police").
    listeners: HashSet<String>,
    /// One-word outlets written like surnames ("Reuters"), lower-cased.
    outlets: HashSet<String>,
    /// Whether a name told something is a person's.
    persons: std::sync::Arc<crate::extract::entity::PersonNames>,
    /// Nouns that after "the" stand for an article's one organisation.
    stand_ins: HashSet<String>,
    /// People who speak for a body ("spokesman"), lower-cased.
    spokespeople: HashSet<String>,
    /// People who speak for themselves ("observers", "students"), whom a
    /// name before them describes, lower-cased.
    independent: HashSet<String>,
    /// The reporting verbs of one word, lower-cased.
    verb_words: HashSet<String>,
}

/// What a name told a claim is ([`AttributionFinder::told`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Told {
    /// A person's full name: the teller is the source.
    Person,
    /// One word written like a surname: a person's if the article names
    /// one in full with it, else an outlet's.
    Surname,
    /// An outlet: it stays the origin.
    Outlet,
}

impl AttributionFinder {
    /// Marks the dates that say when the source spoke: right after the
    /// reporting verb ("officials said Sunday", "said late on Monday"), or
    /// after fewer than `CLOSING_WORDS` (6) words that open with a `closing`
    /// word ("said in a statement on Monday", as a clause-final "X said"
    /// may end). "said the plant closed on Monday" dates what
    /// was said. `sentence` starts at document offset `base`, as do the
    /// offsets of `att` and `dates`.
    pub fn mark_said_dates(&self, sentence: &str, base: usize, att: &Attribution, dates: &mut [DateFacet]) {
        if att.verb.is_none() {
            return;
        }
        for d in dates.iter_mut().filter(|d| d.start >= att.end) {
            let Some(gap) = sentence.get(att.end - base..d.start - base) else {
                continue;
            };
            let words = tokens(gap);
            let plain = gap
                .chars()
                .all(|c| c.is_alphanumeric() || c.is_whitespace() || c == '\'');
            d.said = plain
                && words.len() < CLOSING_WORDS
                && words
                    .first()
                    .is_none_or(|w| self.closing.contains(&w.text.to_lowercase()));
        }
    }

    /// Marks the dates of a page's own header as `said`: a date within
    /// `PUBLICATION_WORDS` words after a capitalised `publication` word
    /// ("Published Sep 26, 2013", "Posted at 10:04 am on May 14"), a date
    /// on a line of its own among the sentence's lines ([`own_line`]), and
    /// every date of a sentence that holds a web address (a header copied
    /// with the text: address, headline, dateline) or that is only a
    /// dateline. Two articles published on two days do not disagree on
    /// when the fact happened.
    pub fn mark_published_dates(&self, sentence: &str, base: usize, dates: &mut [DateFacet]) {
        if dates.is_empty() {
            return;
        }
        if header_address(sentence) || self.datelines.is_dateline(sentence) {
            for d in dates.iter_mut() {
                d.said = true;
            }
            return;
        }
        let words: Vec<crate::tokens::Token> = tokens(sentence);
        for d in dates.iter_mut() {
            let Some(at) = d.start.checked_sub(base) else { continue };
            if own_line(sentence, at, d.end - base) {
                d.said = true;
                continue;
            }
            let first = words.partition_point(|t| t.end <= at);
            let from = first.saturating_sub(PUBLICATION_WORDS);
            // Capitalised, as a header writes it: "the report, published on
            // Monday" may date the fact itself.
            let marked = (from..first).any(|k| {
                crate::tokens::is_capitalised(words[k].text)
                    && self.publication.iter().any(|p| {
                        k + p.len() <= first
                            && words[k..k + p.len()]
                                .iter()
                                .zip(p)
                                .all(|(t, w)| t.text.eq_ignore_ascii_case(w))
                    })
            });
            if marked {
                d.said = true;
            }
        }
    }

    /// The source a named entity gives: its canonical name, or the body it
    /// owns when a possessive names one ([`Self::possessive_source`]).
    fn named_source(&self, sentence: &str, base: usize, e: &Entity, tokens: &[crate::tokens::Token]) -> String {
        self.possessive_source(sentence, base, e, tokens)
            .map_or_else(|| e.canonical.clone(), |(s, _)| s)
    }

    /// "Indian navy said", "Surrey police said": a name right before one or
    /// two lower-case words (or bodies, capitalised: "Oregon State Police
    /// say") that end in one of the rule's `bodies`, then the
    /// verb at `verb`, is that body's, not the name's: a country's navy and
    /// its government are two origins. As [`Self::possessive_source`] for
    /// "Norland's interior ministry said".
    fn body_of(&self, sentence: &str, base: usize, e: &Entity, verb: usize) -> Option<String> {
        if possessive(&e.text) {
            return None;
        }
        let gap = sentence.get(e.end.checked_sub(base)?..verb)?.trim();
        let words: Vec<&str> = gap.split(' ').collect();
        // Lower case, or a body written capitalised ("Oregon State Police say").
        let body = |w: &str| self.bodies.contains(&w.to_lowercase());
        let word = |w: &&str| !w.is_empty() && (w.chars().all(|c| c.is_lowercase()) || body(w));
        (words.len() <= 2 && words.iter().all(word) && body(words.last()?)).then(|| format!("{} {gap}", e.canonical))
    }

    /// "Western observers said", "a Canadian analyst noted": a name right
    /// before one of the rule's `independent` nouns, people who speak for
    /// themselves, only describes them; they are the source, unnamed. The
    /// noun is one of the up to two words between the name and the verb at
    /// `verb` ("Chiefs fan would say").
    fn described(&self, sentence: &str, base: usize, e: &Entity, verb: usize) -> Option<String> {
        let gap = sentence.get(e.end.checked_sub(base)?..verb)?;
        // Not past an aside: "Williams, a critic of the policy, said" is his.
        if gap.contains(',') || gap.split_whitespace().count() > 2 {
            return None;
        }
        gap.split_whitespace()
            .map(str::to_lowercase)
            .find(|w| self.independent.contains(w))
    }

    /// "Morocco's geophysical centre", "Acme's legal department": a
    /// possessive name followed (with only spaces between) by up to three
    /// lower-case words, the last of them one of the rule's `bodies`, is
    /// that body, not the owner: two of a country's agencies are two
    /// origins. A person speaks for the owner ("Acme's spokesperson").
    /// Returns the source and the document offset where it ends.
    fn possessive_source(
        &self,
        sentence: &str,
        base: usize,
        e: &Entity,
        tokens: &[crate::tokens::Token],
    ) -> Option<(String, usize)> {
        let end = e.end.checked_sub(base)?;
        let owner_end = if possessive(&e.text) {
            end
        } else {
            let rest = sentence.get(end..)?;
            end + ["'s", "’s"].iter().find(|p| rest.starts_with(*p))?.len()
        };
        let after = &tokens[tokens.partition_point(|t| t.start < owner_end)..];
        if !after
            .first()
            .is_some_and(|t| sentence[owner_end..t.start].trim().is_empty())
        {
            return None;
        }
        let head = lower_case_run(sentence, after)
            .iter()
            .rev()
            .find(|t| self.bodies.contains(t.text))?
            .end;
        Some((
            format!("{}'s {}", e.canonical, &sentence[owner_end..head].trim_start()),
            base + head,
        ))
    }

    pub fn new(rules: &RuleSet) -> AttributionFinder {
        Self::with_persons(
            rules,
            std::sync::Arc::new(crate::extract::entity::PersonNames::new(rules)),
        )
    }

    /// [`Self::new`] with the person-name lexicon already built
    /// ([`crate::extract::entity::EntityFinder::persons`]).
    pub fn with_persons(
        rules: &RuleSet,
        persons: std::sync::Arc<crate::extract::entity::PersonNames>,
    ) -> AttributionFinder {
        let mut entries = Vec::new();
        let mut unnamed = HashSet::new();
        let mut modifiers = HashSet::new();
        let mut closing = HashSet::new();
        let mut publication: Vec<Vec<String>> = Vec::new();
        let mut unsaid = HashSet::new();
        let mut bodies = HashSet::new();
        let mut listeners = HashSet::new();
        let mut outlets = HashSet::new();
        let mut stand_ins = HashSet::new();
        let mut spokespeople = HashSet::new();
        let mut independent = HashSet::new();
        let mut verb_words = HashSet::new();
        let mut guards: Vec<Guard> = Vec::new();
        for r in &rules.reporting {
            listeners.extend(r.listeners.iter().map(|w| w.to_lowercase()));
            outlets.extend(r.outlets.iter().map(|w| w.to_lowercase()));
            if r.shape == ReportingShape::UnnamedSubject {
                unnamed.extend(r.words.iter().map(|w| w.to_lowercase()));
                modifiers.extend(r.modifiers.iter().map(|w| w.to_lowercase()));
                closing.extend(r.closing.iter().map(|w| w.to_lowercase()));
                publication.extend(
                    r.publication
                        .iter()
                        .map(|p| p.split_whitespace().map(str::to_lowercase).collect()),
                );
                unsaid.extend(r.unsaid.iter().map(|w| w.to_lowercase()));
                bodies.extend(r.bodies.iter().map(|w| w.to_lowercase()));
                stand_ins.extend(r.stand_ins.iter().map(|w| w.to_lowercase()));
                spokespeople.extend(r.spokespeople.iter().map(|w| w.to_lowercase()));
                independent.extend(r.independent.iter().map(|w| w.to_lowercase()));
                continue;
            }
            let phrases = |list: &[String]| -> Vec<Vec<String>> {
                list.iter()
                    .map(|p| p.split_whitespace().map(str::to_lowercase).collect())
                    .collect()
            };
            let guarded = !r.only_before.is_empty() || !r.never_before.is_empty() || !r.never_after.is_empty();
            let guard = guarded.then(|| {
                guards.push(Guard {
                    next: r.only_before.iter().map(|w| w.to_lowercase()).collect(),
                    later: r.speech_later.iter().map(|w| w.to_lowercase()).collect(),
                    never: phrases(&r.never_before),
                    never_after: phrases(&r.never_after),
                });
                guards.len() - 1
            });
            if r.shape == ReportingShape::Verb {
                verb_words.extend(r.words.iter().filter(|w| !w.contains(' ')).map(|w| w.to_lowercase()));
            }
            for w in &r.words {
                entries.push((
                    w.clone(),
                    Verb {
                        shape: r.shape,
                        level: r.level,
                        guard,
                    },
                ));
            }
        }
        // The same word may have both shapes ("told"): keep both readings by
        // trying source-after first.
        entries.sort_by_key(|(_, v)| v.shape != ReportingShape::SourceAfter);
        let titles = rules
            .names
            .iter()
            .filter(|r| r.kind == crate::rules::NameKind::Title)
            .flat_map(|r| r.words.iter().map(|w| w.trim_end_matches('.').to_lowercase()))
            .collect();
        AttributionFinder {
            verbs: PhraseMatcher::new(entries),
            guards,
            titles,
            unnamed,
            modifiers,
            closing,
            publication,
            datelines: crate::segment::Datelines::new(rules),
            unsaid,
            bodies,
            listeners,
            outlets,
            persons,
            stand_ins,
            spokespeople,
            independent,
            verb_words,
        }
    }

    /// `next`, the first entity after a verb ending at `end`, when only an
    /// article stands between them ("told the Ledger"), or with `titled`
    /// also titles ("said Sgt. Marty Earley").
    fn name_after<'e>(
        &self,
        sentence: &str,
        base: usize,
        end: usize,
        next: Option<&'e Entity>,
        titled: bool,
    ) -> Option<&'e Entity> {
        next.filter(|e| {
            let gap = &sentence[end..e.start - base];
            let plain = gap.len() <= if titled { 24 } else { 12 }
                && gap.split_whitespace().all(|w| {
                    let w = w.to_lowercase();
                    let w = if titled { w.trim_end_matches('.') } else { &w };
                    matches!(w, "a" | "the" | "an") || titled && self.titles.contains(w)
                });
            plain || titled && self.described_after(gap)
        })
    }

    /// Whether the words between a closing verb and a name only describe
    /// the name: up to three lower-case words, none a function word, a
    /// spokesperson or a body, or an age ("said local resident Jeremy
    /// Ortiz", "said 17-year-old Jeremy Ortiz", as tokenised text writes it
    /// too: "17 - year - old").
    fn described_after(&self, gap: &str) -> bool {
        let words: Vec<&str> = gap
            .split_whitespace()
            .filter(|w| !matches!(*w, "a" | "an" | "the" | "-"))
            .collect();
        let age = |w: &str| {
            w.split('-')
                .all(|p| p.bytes().all(|b| b.is_ascii_digit()) || matches!(p, "year" | "years" | "old"))
        };
        let describes = |w: &&str| age(w) || self.describing_noun(w) && !function_word(w);
        (1..=5).contains(&words.len()) && gap.len() <= 40 && words.iter().all(describes)
    }

    /// Whether a word may describe a speaker named next to it: lower case,
    /// and neither a spokesperson nor a body, who speak for another.
    fn describing_noun(&self, w: &str) -> bool {
        w.chars().all(char::is_lowercase) && !self.spokespeople.contains(w) && !self.bodies.contains(w)
    }

    /// "said Anchorage businessman Andrew Halcro": the name after a verb,
    /// `e`, then one to three lower-case words, then the next name,
    /// `following`, with only spaces between: the first name describes the
    /// second, who speaks. Not when one of the words is a spokesperson
    /// ("said Acme spokesman John Smith": he speaks for Acme) or a body.
    fn described_name<'e>(
        &self,
        sentence: &str,
        base: usize,
        e: &Entity,
        following: Option<&'e Entity>,
    ) -> Option<&'e Entity> {
        let f = following?;
        let gap = sentence.get(e.end.checked_sub(base)?..f.start.checked_sub(base)?)?;
        let words: Vec<&str> = gap.split_whitespace().collect();
        // Nouns only, "and" only between two ("businessman and blogger"):
        // "said Zadan and Meron" are two speakers, "said Rick Lund of the
        // Dornby Society" one with his body.
        let inner = |i: usize| i > 0 && i + 1 < words.len();
        let describes = (1..=3).contains(&words.len())
            && words
                .iter()
                .enumerate()
                .all(|(i, w)| self.describing_noun(w) && (!function_word(w) || *w == "and" && inner(i)));
        // "said Brooklyn Councilman Jane Roe": a place and a title before
        // the speaker.
        let title = f.titled
            && (1..=2).contains(&words.len())
            && words
                .iter()
                .all(|w| self.titles.contains(&w.trim_end_matches('.').to_lowercase()));
        (describes || title).then_some(f)
    }

    /// The name right after a verb that closes the sentence and is set off
    /// by a comma or a quotation: "... the city of Marseille, said MENA.".
    /// A title may stand before it ("..., said Sgt. Marty Earley."), and
    /// what follows it says when, how or who else ("said Zadan and Meron
    /// jointly", "said MENA on Friday"), not what it did ("said Mr Bashir
    /// should be arrested", where the name is what was said). `next` is the
    /// first entity after the verb at `start..end`.
    fn closing_source<'e>(
        &self,
        sentence: &str,
        base: usize,
        start: usize,
        end: usize,
        next: Option<&'e Entity>,
    ) -> Option<&'e Entity> {
        let e = self.name_after(sentence, base, end, next, true)?;
        let head = sentence[..start].trim_end();
        let set_off = set_off(head);
        let rest = sentence[e.end - base..].trim_start();
        let tail = tokens(rest);
        let closes = !rest.starts_with(char::is_alphanumeric)
            || tail.first().is_none_or(|t| {
                let w = t.text.to_lowercase();
                t.text.starts_with(char::is_uppercase)
                    || self.closing.contains(&w)
                    || self.modifiers.contains(&w)
                    || self.unnamed.contains(&w)
                    || matches!(w.as_str(), "and" | "with" | "who" | "of" | "from")
            });
        // An aside may follow the name, however long ("said Jeremy Ortiz,
        // one of the deputy's sons from a previous marriage").
        let aside = rest.starts_with(',');
        // So may a phrase of how or where ("said Dirk Kempthorne in a
        // conference call with reporters").
        let how = tail.first().is_some_and(|t| self.closing.contains(t.text));
        (set_off && (tail.len() <= 4 || aside || how) && closes).then_some(e)
    }

    /// What the name `e` after a listener verb ("told") is: a person who
    /// heard the claim, or an outlet that carries it. A person's full name
    /// ([`PersonNames::is_person`]) is a person. One word written like a
    /// surname ("told Okafor") may be either ("told Wirepost"): the article
    /// decides ([`AttributionFinder::resolve_tellers`]). An acronym ("told
    /// CNN"), a name after "the" ("told the Herald") or before "news
    /// agency", "magazine" or a possessive ("told NBC10's reporter"), a
    /// listed one-word outlet ("told Reuters") and any other name is an
    /// outlet.
    ///
    /// [`PersonNames::is_person`]: crate::extract::entity::PersonNames::is_person
    fn told(&self, sentence: &str, base: usize, e: &Entity) -> Told {
        if self.persons.is_person(e) {
            return Told::Person;
        }
        // Only the word before the name and the one after it are read.
        let before = sentence[..e.start - base].split_whitespace().next_back().unwrap_or("");
        let after = sentence[e.end - base..].split_whitespace().next().unwrap_or("");
        let surname = !e.canonical.contains(' ')
            && !crate::tokens::is_all_caps(&e.canonical)
            && !self.outlets.contains(&e.canonical.to_lowercase())
            && !before.eq_ignore_ascii_case("the")
            && !possessive(&e.text)
            && !["news", "magazine", "newspaper", "'s", "’s", "'", "’"]
                .iter()
                .any(|w| after.to_lowercase().starts_with(w));
        if surname { Told::Surname } else { Told::Outlet }
    }

    /// A lone surname told a claim ([`Told::Surname`]) is a person's when
    /// the article names that person in full ("Marcus Okafor ... Jane Roe
    /// told Okafor that ..."): then the teller is the source.
    pub fn resolve_tellers(&self, sentences: &mut [crate::extract::SentenceFacets]) {
        let has_teller = |sf: &crate::extract::SentenceFacets| {
            sf.attribution
                .iter()
                .chain(&sf.facets.attributions)
                .any(|a| a.teller.is_some())
        };
        if !sentences.iter().any(has_teller) {
            return;
        }
        let surnames: HashSet<String> = sentences
            .iter()
            .flat_map(|sf| &sf.facets.entities)
            .filter(|e| self.persons.is_person(e))
            .filter_map(|e| e.canonical.rsplit(' ').next().map(str::to_string))
            .collect();
        for sf in sentences {
            for a in sf.attribution.iter_mut().chain(sf.facets.attributions.iter_mut()) {
                if a.source.as_ref().is_some_and(|s| surnames.contains(s))
                    && let Some(teller) = a.teller.take()
                {
                    a.source = Some(teller);
                }
            }
        }
    }

    /// The name `e` opens its clause: not the object of a preposition or a
    /// question word ("head of production for Paperny Films", "why Felt").
    fn opens_clause(&self, sentence: &str, base: usize, e: &Entity) -> bool {
        tokens(&sentence[..e.start - base]).last().is_none_or(|t| {
            !PREPOSITIONS.contains(&t.text.to_lowercase().as_str()) && !matches!(t.text, "why" | "how" | "whether")
        })
    }

    /// Whether the name `e` is the subject of the verb at `verb`, with
    /// asides set off by commas between them that name no one and hold no
    /// quotation: "Jane Roe, the plant's director, said", "Roe, 39, a
    /// clerk, said", "Roe, who ran the plant, said". The comma right before
    /// the verb shows it: "in Ohio, police said" has its subject there.
    fn set_off_subject(&self, sentence: &str, base: usize, e: &Entity, verb: usize) -> bool {
        let Some(gap) = sentence.get(e.end - base..verb) else {
            return false;
        };
        // "head of production for Paperny Films, located down the street,
        // said", "why Felt, who was ill, admitted".
        if !self.opens_clause(sentence, base, e) {
            return false;
        }
        let Some(inner) = gap.trim().strip_prefix(',').and_then(|g| g.strip_suffix(',')) else {
            return false;
        };
        let words: Vec<&str> = inner.split_whitespace().collect();
        // A name may own the aside's noun ("Felt 's grandson"), and none
        // other may stand in it: "Smith, Jones and Lee said" lists three.
        let owned = |i: usize| {
            words.get(i + 1).is_some_and(|n| matches!(*n, "'s" | "’s" | "'" | "’"))
                || ["'s", "’s"].iter().any(|p| words[i].ends_with(p))
        };
        (1..=12).contains(&words.len())
            && inner.split(',').count() <= 3
            && !inner.contains(['"', '“', '”', '(', ')'])
            && !inner.contains("''")
            && !inner.contains("``")
            && words
                .iter()
                .enumerate()
                .all(|(i, w)| !w.starts_with(char::is_uppercase) || owned(i))
            && !words.iter().any(|w| matches!(*w, "and" | "or" | "&"))
            && !(words.len() == 1 && self.unnamed.contains(&words[0].to_lowercase()))
    }

    /// Whether the words between a name and the verb after it hold the
    /// verb's own subject: an unnamed source or a pronoun after a comma
    /// ("in New Zealand, police confirmed"; not "Nichols, who argued",
    /// "Gotti, grudgingly acknowledged"), or right before the verb after a
    /// linking word ("across Greece after witnesses claimed"; not "Acme
    /// officials said" nor "Acme relief agency said", whose name is the
    /// source).
    fn subject_between(&self, gap: &str) -> bool {
        let subject = |w: &str| {
            let w = w.to_lowercase();
            self.unnamed.contains(&w) || PRONOUNS.contains(&w.as_str())
        };
        let words: Vec<&str> = gap.split_whitespace().collect();
        let linked = matches!(words.as_slice(), [link, noun]
            if link.starts_with(char::is_lowercase)
                && !self.modifiers.contains(&link.to_lowercase())
                && !self.unnamed.contains(&link.to_lowercase())
                && subject(noun));
        linked
            || gap
                .split_once(',')
                .is_some_and(|(_, after)| after.split_whitespace().any(subject))
    }

    /// Whether a guarded verb at `start..end` reports speech: written in
    /// lower case (capitalised, it opens a page's header: "Posted : June
    /// 12 , 2013"), after a quotation, or before what was said: the next
    /// word or mark is one of the guard's `next`, nothing but a full stop
    /// follows, or one of its `later` phrases comes before the clause ends.
    fn guard_passes(&self, sentence: &str, start: usize, end: usize, guard: &Guard) -> bool {
        // "Needless to say", "tells the story": most verbs have none of
        // the phrases' edge words next to them, and are let through without
        // reading the words around them.
        let head = &sentence[..start];
        let rest = &sentence[end..];
        let before = head.split_whitespace().next_back().unwrap_or("");
        if next_to_phrase(&guard.never_after, before, true, || trailing_words(head, 3)) {
            return false;
        }
        let after = rest.split_whitespace().next().unwrap_or("");
        if next_to_phrase(&guard.never, after, false, || leading_words(rest, 3)) {
            return false;
        }
        if guard.next.is_empty() {
            return true;
        }
        if sentence[start..end].chars().any(char::is_uppercase) {
            return false;
        }
        if after_quotation(sentence, start) {
            return true;
        }
        let rest = rest.trim_start();
        if rest.trim_end_matches(['.', '!', '"', '”', '\'', ' ']).is_empty() {
            return true;
        }
        let next = match rest.chars().next() {
            Some(c) if c.is_alphanumeric() => leading_words(rest, 1).pop().unwrap_or_default(),
            Some(c) => rest[..c.len_utf8()].to_string(),
            None => String::new(),
        };
        if guard.next.contains(&next) {
            return true;
        }
        let clause = rest[..rest.find([',', ';']).unwrap_or(rest.len())].to_lowercase();
        let words: Vec<&str> = clause.split_whitespace().collect();
        guard.later.iter().any(|p| {
            let p: Vec<&str> = p.split_whitespace().collect();
            words.windows(p.len()).any(|w| w == p.as_slice())
        })
    }

    /// Whether the attribution's source is a stand-in noun after "the"
    /// ("the company said", "according to the company"), or before one of
    /// the `spokespeople` ("a company spokesman said"), as opposed to "a
    /// company", "company officials" or a name.
    pub fn is_stand_in(&self, text: &str, a: &Attribution) -> bool {
        let Some(noun) = a.source.as_deref().filter(|s| self.stand_ins.contains(*s)) else {
            return false;
        };
        let written = a.text.to_lowercase();
        let the_noun = format!("the {noun}");
        let spokesperson = written
            .strip_prefix(noun)
            .and_then(|rest| rest.strip_prefix(' '))
            .and_then(|rest| rest.split_whitespace().next())
            .is_some_and(|w| self.spokespeople.contains(w));
        let determiner = text[..a.start].split_whitespace().next_back().map(str::to_lowercase);
        written.contains(&the_noun)
            || (written.starts_with(noun)
                && match determiner.as_deref() {
                    Some("the") => true,
                    Some("a" | "an") => spokesperson,
                    _ => false,
                })
    }

    /// The attribution of one sentence, if any, and the certainty it implies.
    /// `entities` are the sentence's entities with document offsets; the
    /// result's offsets are document offsets too.
    pub fn find(&self, sentence: &str, base: usize, entities: &[Entity]) -> Option<(Attribution, Certainty)> {
        self.find_with(
            sentence,
            base,
            entities,
            &tokens(sentence),
            self.verbs.find_iter(sentence),
        )
    }

    /// The reporting verbs and phrases [`Self::find_in`] reads
    /// occurrences of.
    pub fn phrase_list(&self) -> &[String] {
        self.verbs.phrases()
    }

    /// [`Self::find`] over the sentence's `all_tokens` ([`tokens`] of
    /// `sentence`) and the `occurrences` of [`Self::phrase_list`] in it
    /// ([`crate::lexicon::PhraseScan::scan`]), which the caller shares with
    /// the other finders.
    pub fn find_in(
        &self,
        sentence: &str,
        base: usize,
        entities: &[Entity],
        all_tokens: &[crate::tokens::Token],
        occurrences: &[Occurrence],
    ) -> Option<(Attribution, Certainty)> {
        let verbs = self.verbs.matches_in(sentence, occurrences);
        self.find_with(sentence, base, entities, all_tokens, verbs)
    }

    fn find_with<'a>(
        &'a self,
        sentence: &str,
        base: usize,
        entities: &[Entity],
        all_tokens: &[crate::tokens::Token],
        verbs: impl Iterator<Item = PhraseMatch<'a, Verb>>,
    ) -> Option<(Attribution, Certainty)> {
        let quote = has_quotation(sentence);
        // A page's address ("... / co - worker - calls - alleged - shooter")
        // names no one who says anything.
        let addresses = crate::extract::certainty::web_addresses(sentence);
        let mut verb_hit: Option<(Attribution, Certainty)> = None;
        // Tokens once per sentence; each verb looks only at its neighbours,
        // so a pathological one-sentence document stays linear.
        for m in verbs {
            let Verb { shape, level, guard } = *m.payload;
            // Part of a hyphenated word: "Weitz co-wrote the film".
            if sentence[..m.start].ends_with('-') || addresses.iter().any(|&(s, e)| (s..e).contains(&m.start)) {
                continue;
            }
            if let Some(k) = guard
                && !self.guard_passes(sentence, m.start, m.end, &self.guards[k])
            {
                continue;
            }
            let verb = sentence[m.start..m.end].to_string();
            let listener = self.listeners.contains(&verb.to_lowercase());
            let next = entities.partition_point(|e| e.start < base + m.end);
            let after_entity = self.name_after(sentence, base, m.end, entities.get(next), false);
            // Subject before the verb, within two words ("Wirepost reported", "Mr. Hargrove said").
            let prev_entity = entities.partition_point(|e| e.end <= base + m.start);
            let before_entity = prev_entity
                .checked_sub(1)
                .and_then(|i| entities.get(i))
                .filter(|e| {
                    let gap = &sentence[e.end - base..m.start];
                    // A line break between them: the name ends a header
                    // line ("12 : 49 PM EDT\nThe President announced").
                    // A quotation closing between them: the name is inside
                    // what was said ("holding onto Latoya Brown ,” says
                    // Fairman").
                    gap.len() <= 40
                        && (gap.split_whitespace().count() <= 2 || party_tag(gap))
                        && !gap.contains(['\n', '"', '”'])
                        && !gap.contains("''")
                        && !self.subject_between(gap)
                })
                .and_then(|e| {
                    appositive_head(sentence, base, e, m.start, entities).or_else(|| {
                        (!located(sentence, base, e, entities))
                            .then(|| affiliated_head(sentence, base, e, entities).unwrap_or(e))
                    })
                });
            // "Jane Roe, the plant's director, said": a name, then asides set
            // off by commas that name no one, then the verb.
            let aside_entity = before_entity
                .is_none()
                .then(|| {
                    entities[prev_entity.saturating_sub(2)..prev_entity]
                        .iter()
                        .rev()
                        .find(|e| self.set_off_subject(sentence, base, e, m.start))
                })
                .flatten();
            let before_entity = before_entity.or(aside_entity);
            match shape {
                // Never in the matcher: these rules list nouns, not phrases.
                ReportingShape::UnnamedSubject => {}
                ReportingShape::SourceAfter => {
                    // "a man told LaSalle to stop": an order to the one
                    // told, not a report to an outlet.
                    if listener
                        && let Some(e) = after_entity
                        && sentence[e.end - base..].trim_start().starts_with("to ")
                    {
                        continue;
                    }
                    // "X told reporters": with no named listener, the
                    // speaker is the source. An appositive's closing comma
                    // may stand between ("His lawyer, Jane Roe, told the
                    // court"). "Jane Roe told Judge Lee that ...": a named
                    // teller is the source, and a person told only heard
                    // it; told an outlet, the outlet is the origin a reader
                    // can check ("Roe told Wirepost", "aides told
                    // Wirepost"). Not the object of a preposition ("a
                    // friend of Roe told Lee").
                    let told = listener
                        .then(|| after_entity.map(|a| self.told(sentence, base, a)))
                        .flatten()
                        .unwrap_or(Told::Outlet);
                    let speaker = before_entity.filter(|e| {
                        let gap = &sentence[e.end - base..m.start];
                        (after_entity.is_none() || (told != Told::Outlet && self.opens_clause(sentence, base, e)))
                            && ((aside_entity.is_some() || gap.trim() == ",") && listener
                                || gap.chars().all(|c| c.is_alphanumeric() || c == ' '))
                    });
                    let before_words = &all_tokens[..all_tokens.partition_point(|t| t.end <= m.start)];
                    // "He also told the panel ...": a pronoun speaks, unless
                    // another verb of the sentence names the source ("Police
                    // say he told them ..."), and not of an infinitive ("a
                    // lie he told to serve ..."). "I told them" is inside a
                    // quotation, whose speaker is another's.
                    let pronoun = (after_entity.is_none()
                        && speaker.is_none()
                        && listener
                        && !sentence[m.end..].trim_start().starts_with("to "))
                    .then(|| pronoun_subject(sentence, before_words, m.start))
                    .flatten()
                    .filter(|p| matches!(p.text.to_lowercase().as_str(), "he" | "she" | "they"));
                    // "Two witnesses told reporters ...": an unnamed speaker.
                    let unnamed = (after_entity.is_none() && speaker.is_none() && pronoun.is_none())
                        .then(|| self.opening_unnamed(sentence, before_words, m.start))
                        .flatten();
                    // "according to the union", "according to local officials";
                    // not "told police" (the listener).
                    let listed = (after_entity.is_none() && speaker.is_none() && unnamed.is_none() && !listener)
                        .then(|| self.unnamed_after(sentence, all_tokens, m.end))
                        .flatten();
                    let owned = after_entity.and_then(|e| self.possessive_source(sentence, base, e, all_tokens));
                    let common = unnamed.or(listed).map(|n| self.common_source(sentence, all_tokens, n));
                    let teller = speaker.map(|e| {
                        self.described(sentence, base, e, m.start)
                            .unwrap_or_else(|| self.named_source(sentence, base, e, all_tokens))
                    });
                    let listened = owned
                        .as_ref()
                        .map(|(s, _)| s.clone())
                        .or_else(|| after_entity.map(|e| e.canonical.clone()));
                    let source = if told == Told::Person {
                        teller.clone().or(listened)
                    } else {
                        listened.or(teller.clone())
                    }
                    .or_else(|| pronoun.map(|p| p.text.to_lowercase()))
                    .or_else(|| common.as_ref().map(|(s, _)| s.clone()));
                    if source.is_some() || verb_hit.is_none() {
                        let opening = unnamed.and(common.as_ref()).map(|&(_, at)| base + at);
                        let opening = pronoun.map(|p| base + p.start).or(opening);
                        let start = speaker.map_or(opening.unwrap_or(base + m.start), |e| e.start);
                        let end = owned.map_or(
                            after_entity.map_or(listed.map_or(base + m.end, |n| base + n.end), |e| e.end),
                            |(_, end)| end,
                        );
                        let att = Attribution {
                            text: sentence[start - base..end - base].to_string(),
                            start,
                            end,
                            source: source.clone(),
                            verb: Some(verb.clone()),
                            quote,
                            teller: if told == Told::Surname { teller } else { None },
                        };
                        if source.is_some() && pronoun.is_none() {
                            return Some((att, level));
                        }
                        // A pronoun teller waits: a later verb may name the source.
                        if verb_hit.as_ref().is_none_or(|(a, _)| a.source.is_none()) {
                            verb_hit = Some((att, level));
                        }
                    }
                }
                ReportingShape::Verb => {
                    // A passive "is said to" / "was reported" is a hedge, not a speaker.
                    let before_words = &all_tokens[..all_tokens.partition_point(|t| t.end <= m.start)];
                    let prev = before_words.last().map(|t| t.text.to_lowercase());
                    if matches!(
                        prev.as_deref(),
                        Some("is" | "was" | "are" | "were" | "be" | "been" | "being")
                    ) {
                        continue;
                    }
                    // After a determiner or a possessive the word is an
                    // adjective: "Obama's reported choice", "the reported deal".
                    let head = sentence[..m.start].trim_end();
                    if prev.as_deref().is_some_and(is_determiner) || possessive(head) {
                        continue;
                    }
                    // "Globex did not say whether ...", "declined to say":
                    // nobody says it.
                    let near = &before_words[before_words.len().saturating_sub(2)..];
                    if near.iter().any(|t| self.unsaid.contains(&t.text.to_lowercase()))
                        || near.iter().any(|t| t.text.ends_with("n't") || t.text.ends_with("n’t"))
                    {
                        continue;
                    }
                    let pronoun = pronoun_subject(sentence, before_words, m.start);
                    let inverted = self.closing_source(sentence, base, m.start, m.end, entities.get(next));
                    let before_entity = before_entity.filter(|_| inverted.is_none());
                    // "... in Florida, they said": the pronoun next to the
                    // verb is its subject, not the name before it.
                    let (source, start, end) = if let Some(p) = pronoun {
                        (Some(p.text.to_lowercase()), base + p.start, base + m.end)
                    } else if let Some(e) = before_entity {
                        let source = self
                            .described(sentence, base, e, m.start)
                            .or_else(|| self.body_of(sentence, base, e, m.start))
                            .unwrap_or_else(|| self.named_source(sentence, base, e, all_tokens));
                        (Some(source), e.start, base + m.end)
                    } else if let Some(n) = self.opening_unnamed(sentence, before_words, m.start) {
                        // Before "said X": "Sources said Acme would ..." is said by sources.
                        let (source, at) = self.common_source(sentence, all_tokens, n);
                        (Some(source), base + at, base + m.end)
                    } else if let Some(n) = inverted
                        .is_none()
                        .then(|| determined_subject(sentence, before_words, m.start, m.end, &self.verb_words))
                        .flatten()
                    {
                        // "The mayor said Acme would close": the mayor says it.
                        let (source, at) = self.common_source(sentence, all_tokens, n);
                        (Some(source), base + at, base + m.end)
                    } else if let Some(e) = after_entity
                        // "a man who claims Roe hit him": after a relative
                        // pronoun the verb has its subject before it, and
                        // the name after opens what is claimed.
                        .filter(|_| !matches!(prev.as_deref(), Some("who" | "that" | "which")))
                        .or(inverted)
                    {
                        let e = self
                            .described_name(sentence, base, e, entities.get(next + 1))
                            .unwrap_or(e);
                        match self.possessive_source(sentence, base, e, all_tokens) {
                            Some((source, end)) => (Some(source), base + m.start, end),
                            None => (Some(e.canonical.clone()), base + m.start, e.end),
                        }
                    } else if let Some(n) = unnamed_source(sentence, before_words, m.start, m.end, &self.closing)
                        .or_else(|| described_source(sentence, before_words, m.start, m.end))
                    {
                        // "..., officials said." An unnamed source still attributes.
                        let (source, at) = self.common_source(sentence, all_tokens, n);
                        (Some(source), base + at, base + m.end)
                    } else if let Some(n) = self.clause_unnamed(sentence, before_words, m.start) {
                        // "When he was arrested, police said they found ...".
                        let (source, at) = self.common_source(sentence, all_tokens, n);
                        (Some(source), base + at, base + m.end)
                    } else if let Some(n) = self.closing_unnamed(sentence, all_tokens, m.start, m.end) {
                        // "..., said a police officer at the scene"; a name
                        // after the noun is the speaker ("said plant
                        // spokesman Marcus Okafor").
                        let named = entities
                            .get(entities.partition_point(|e| e.start < base + n.end))
                            .filter(|e| {
                                let gap = &sentence[n.end..e.start - base];
                                gap.split_whitespace().count() <= 3
                                    && gap.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
                                    && gap.starts_with(' ')
                            });
                        match named {
                            Some(e) => (Some(e.canonical.clone()), base + m.start, e.end),
                            None => {
                                let (source, _) = self.common_source(sentence, all_tokens, n);
                                (Some(source), base + m.start, base + n.end)
                            }
                        }
                    } else if level == Certainty::Alleged && matches!(prev.as_deref(), Some("who" | "that")) {
                        // "a man who claims ...", "a suit that alleges ...":
                        // someone unnamed alleges it. Not other verbs: "the
                        // vote that confirmed her role" is a deed; nor after
                        // "which", most often a thing's deed ("the attacks,
                        // which claimed dozens of lives").
                        (None, base + m.start, base + m.end)
                    } else {
                        continue;
                    };
                    // "Acme denied it, Jane Hargrove said.": the attribution
                    // that closes the sentence reports all that comes before.
                    let rest = &sentence[end - base..];
                    let head = sentence[..start - base].trim_end();
                    let head = head
                        .strip_suffix("the")
                        .filter(|h| h.is_empty() || h.ends_with(char::is_whitespace))
                        .map_or(head, str::trim_end);
                    let outer = set_off(head) && (tokens(rest).len() <= 4 || rest.trim_start().starts_with(','));
                    if outer || verb_hit.as_ref().is_none_or(|(a, _)| a.source.is_none()) {
                        let att = Attribution {
                            text: sentence[start - base..end - base].to_string(),
                            start,
                            end,
                            source,
                            verb: Some(verb),
                            quote,
                            teller: None,
                        };
                        verb_hit = Some((att, level));
                    }
                }
            }
        }
        if verb_hit.is_some() {
            return verb_hit;
        }
        if quote {
            let att = Attribution {
                text: String::new(),
                start: base,
                end: base,
                source: None,
                verb: None,
                quote: true,
                teller: None,
            };
            return Some((att, Certainty::Reported));
        }
        None
    }
}

impl AttributionFinder {
    /// The source a common noun names, and where its words start in
    /// `sentence`: the noun itself, or for one of the `spokespeople` the
    /// body spoken for, written right before it as a lower-case possessive
    /// ("the company's spokesman": company) or as an unnamed-source noun or
    /// body ("a police spokeswoman": police). As with a name ("Acme's
    /// spokesperson" is Acme), two articles quoting the company and its
    /// spokesman have the fact from one origin.
    fn common_source(
        &self,
        sentence: &str,
        all: &[crate::tokens::Token],
        noun: crate::tokens::Token,
    ) -> (String, usize) {
        let lowered = noun.text.to_lowercase();
        if !self.spokespeople.contains(&lowered) {
            return (lowered, noun.start);
        }
        let k = all.partition_point(|t| t.start < noun.start);
        let owner = k.checked_sub(1).map(|i| all[i]).and_then(|prev| {
            if !sentence[prev.end..noun.start].trim().is_empty() || !is_lower_word(prev.text) {
                return None;
            }
            match possessor(prev.text) {
                Some(body) => Some((body.to_string(), prev.start)),
                None => (self.unnamed.contains(prev.text) || self.bodies.contains(prev.text))
                    .then(|| (prev.text.to_string(), prev.start)),
            }
        });
        owner.unwrap_or((lowered, noun.start))
    }

    /// An unnamed source right after a phrase that names its source next
    /// ("according to the union", "according to local officials"): the
    /// head of up to three lower-case words past a determiner, with only
    /// spaces between them ("according to company filings" names none).
    fn unnamed_after<'a>(
        &self,
        sentence: &str,
        tokens: &[crate::tokens::Token<'a>],
        phrase_end: usize,
    ) -> Option<crate::tokens::Token<'a>> {
        let after = &tokens[tokens.partition_point(|t| t.start < phrase_end)..];
        let skip = usize::from(after.first().is_some_and(|t| is_determiner(t.text)));
        lower_case_run(sentence, &after[skip..])
            .last()
            .filter(|t| self.unnamed.contains(t.text))
            .copied()
    }

    /// One of the unnamed-source nouns opening a clause inside the sentence
    /// right before the verb, after a comma or a conjunction, with "the" or
    /// one of the rule's modifiers before it at most: "When he was
    /// arrested, police said they found ...", "... and police said on
    /// Saturday ...". The verb need not close its clause, as the noun
    /// list is the rule's own.
    fn clause_unnamed<'a>(
        &self,
        sentence: &str,
        before: &[crate::tokens::Token<'a>],
        verb_start: usize,
    ) -> Option<crate::tokens::Token<'a>> {
        let (before, verb_start) = before_subject(before, verb_start, 1, false);
        let n = before.len().checked_sub(1)?;
        let noun = before[n];
        if !self.unnamed.contains(noun.text) || !sentence[noun.end..verb_start].trim().is_empty() {
            return None;
        }
        let modified = n > 0
            && (before[n - 1].text == "the" || self.modifiers.contains(before[n - 1].text))
            && sentence[before[n - 1].end..noun.start].trim().is_empty();
        let first = n - usize::from(modified);
        let head = sentence[..before[first].start].trim_end();
        let joined = first > 0
            && matches!(
                before[first - 1].text,
                "and" | "but" | "while" | "as" | "after" | "when" | "because" | "so"
            )
            && head.ends_with(before[first - 1].text);
        (first > 0 && head.ends_with(',') || joined).then_some(noun)
    }

    /// An unnamed source right after a verb that closes the sentence and is
    /// set off by a comma or a quotation: "..., said officials.", "..., said
    /// a police officer at the scene.", "..., says a source with knowledge
    /// of the talks." A determiner or a number may open it, and up to two
    /// lower-case words may stand before the noun; after it, only a few
    /// words, or words of where, how or who ("at the scene", "with
    /// knowledge of", "who asked not to be named").
    fn closing_unnamed<'a>(
        &self,
        sentence: &str,
        tokens: &[crate::tokens::Token<'a>],
        verb_start: usize,
        verb_end: usize,
    ) -> Option<crate::tokens::Token<'a>> {
        if !set_off(sentence[..verb_start].trim_end()) {
            return None;
        }
        let after = &tokens[tokens.partition_point(|t| t.start < verb_end)..];
        let opener = |t: &crate::tokens::Token| {
            is_determiner(t.text) || matches!(t.text, "one" | "two" | "three" | "several" | "some" | "many")
        };
        let skip = usize::from(after.first().is_some_and(opener));
        let mut k = (skip..(skip + 3).min(after.len())).find(|&k| self.unnamed.contains(after[k].text))?;
        // "police officers": the last noun of the run heads it.
        while after
            .get(k + 1)
            .is_some_and(|t| self.unnamed.contains(t.text) && sentence[after[k].end..t.start].trim().is_empty())
        {
            k += 1;
        }
        let spaced = after[..=k]
            .windows(2)
            .all(|w| sentence[w[0].end..w[1].start].trim().is_empty());
        let plain = after[skip..k]
            .iter()
            .all(|t| t.text.chars().all(char::is_lowercase) && !function_word(t.text));
        if !spaced || !plain {
            return None;
        }
        let rest = &after[k + 1..];
        let gap = rest.first().map_or("", |t| &sentence[after[k].end..t.start]);
        let closes = rest.len() <= 4
            || gap.trim_start().starts_with(',')
            || rest.first().is_some_and(|t| {
                self.closing.contains(t.text) || matches!(t.text, "with" | "who" | "familiar" | "close" | "from" | "at")
            });
        closes.then_some(after[k])
    }

    /// An unnamed source that opens the sentence right before the verb:
    /// "Police said ...", "Local officials said ...", "The company said ...",
    /// "Two witnesses told ...". At most two words before the noun. With
    /// "have" or "has" before the verb ("Industry sources have confirmed"),
    /// only the rule's modifiers or "the" may come before the noun: a
    /// sentence that opens "Although police have responded" names no source.
    fn opening_unnamed<'a>(
        &self,
        sentence: &str,
        before: &[crate::tokens::Token<'a>],
        verb_start: usize,
    ) -> Option<crate::tokens::Token<'a>> {
        // A line opens a sentence too: a header read into the sentence
        // ("10 : 14 AM\nPolice say two people ...") stands before it.
        let line_start = sentence[..verb_start].rfind('\n').map_or(0, |i| i + 1);
        let before = &before[before.partition_point(|t| t.start < line_start)..];
        let (before, verb_start, strict) = match before.split_last() {
            Some((aux, rest))
                if matches!(aux.text.to_lowercase().as_str(), "have" | "has")
                    && sentence[aux.end..verb_start].trim().is_empty() =>
            {
                (rest, aux.start, true)
            }
            _ => (before, verb_start, false),
        };
        // Where the speakers are is no part of them: "Officials in Ohio
        // said", "Rescue teams in the Dornby district said".
        let (before, verb_start) = match before.iter().rposition(|t| t.text == "in") {
            Some(k)
                if k > 0
                    && before.len() - k <= 4
                    && before[k + 1..]
                        .iter()
                        .all(|t| t.text == "the" || crate::tokens::is_capitalised(t.text)) =>
            {
                (&before[..k], before[k].start)
            }
            _ => (before, verb_start),
        };
        let noun = *before.last()?;
        if before.len() > 3 || !sentence[noun.end..verb_start].trim().is_empty() {
            return None;
        }
        let opens = sentence[line_start..before[0].start]
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '"' | '“' | '\'' | '‘'));
        let lowered = noun.text.to_lowercase();
        // Words before the noun are lower case but for the sentence's first.
        let modifiers = before[..before.len() - 1].iter().enumerate().all(|(i, t)| {
            let lower = t.text.to_lowercase();
            if strict {
                lower == "the" || self.modifiers.contains(&lower)
            } else {
                i == 0 || t.text.chars().all(|c| c.is_lowercase() || c == '-')
            }
        });
        (opens && modifiers && self.unnamed.contains(&lowered)).then_some(noun)
    }
}

/// The words before a verb up to its subject, and where the words between
/// them start: up to `max` adverbs ([`SUBJECT_ADVERBS`]), and with
/// `auxiliaries`, "have", "has", "had" or "there" too, are passed over
/// ("sources earlier said", "police there have said").
fn before_subject<'t, 'a>(
    mut before: &'t [crate::tokens::Token<'a>],
    mut verb_start: usize,
    max: usize,
    auxiliaries: bool,
) -> (&'t [crate::tokens::Token<'a>], usize) {
    for _ in 0..max {
        match before.split_last() {
            Some((last, rest))
                if SUBJECT_ADVERBS.contains(&last.text.to_lowercase().as_str())
                    || auxiliaries && matches!(last.text, "have" | "has" | "had" | "there") =>
            {
                (before, verb_start) = (rest, last.start);
            }
            _ => break,
        }
    }
    (before, verb_start)
}

/// A common-noun subject right before a reporting verb that closes its
/// clause ("..., officials said." / "..., the company said Tuesday.").
fn unnamed_source<'a>(
    sentence: &str,
    before: &[crate::tokens::Token<'a>],
    verb_start: usize,
    verb_end: usize,
    closing: &HashSet<String>,
) -> Option<crate::tokens::Token<'a>> {
    // "..., legal sources earlier said.", "..., officials have said.", "...,
    // police there have said.": adverbs or an auxiliary between the subject
    // and the verb.
    let (before, verb_start) = before_subject(before, verb_start, 2, true);
    let noun = *before.last()?;
    if !sentence[noun.end..verb_start].trim().is_empty()
        || !noun.text.chars().all(|c| c.is_lowercase())
        || noun.text.len() < 3
        || function_word(noun.text)
    {
        return None;
    }
    // The subject opens a clause: after a comma, or a determiner at its
    // start, and up to two lower-case words before the noun ("..., the
    // interior ministry said", "..., finance ministry officials said").
    let opens_clause = |at: usize| {
        let head = sentence[..at].trim_end();
        head.is_empty() || head.ends_with([',', '"', '”'])
    };
    let n = before.len() - 1;
    let clause_start = (0..=2.min(n)).any(|k| {
        let first = n - k;
        let modifiers = before[first..n]
            .iter()
            .all(|t| is_lower_word(t.text) && !is_determiner(t.text));
        modifiers
            && (opens_clause(before[first].start)
                || (first > 0 && is_determiner(before[first - 1].text) && opens_clause(before[first - 1].start)))
    });
    let rest = sentence[verb_end..].trim_start();
    // Look a few words ahead only: the rest of a huge sentence is not needed.
    let mut cut = rest.len().min(48);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    // "..., the company said Tuesday." / "..., the company said in a
    // statement on Monday." / "..., police said late on Monday."
    let tail = tokens(&rest[..cut]);
    let when_or_how = tail.first().is_some_and(|t| closing.contains(&t.text.to_lowercase()));
    let closes = rest.is_empty()
        || rest.starts_with(['.', ',', ';'])
        || (cut == rest.len() && (tail.len() <= 2 || (when_or_how && tail.len() <= CLOSING_WORDS)));
    (clause_start && closes).then_some(noun)
}

/// Up to three lower-case words from the start of `tokens`, with only
/// white space between them: the words of a source named by common nouns
/// ("local officials", "geophysical centre").
fn lower_case_run<'a, 't>(sentence: &str, tokens: &'t [crate::tokens::Token<'a>]) -> &'t [crate::tokens::Token<'a>] {
    let mut n = 0;
    for (i, t) in tokens.iter().take(3).enumerate() {
        let spaced = i == 0 || sentence[tokens[i - 1].end..t.start].trim().is_empty();
        let plain = t.text.chars().all(char::is_lowercase);
        // A possessive owns the word after it: "the plant's operator".
        let owner =
            !plain && is_lower_word(t.text) && i < 2 && tokens.get(i + 1).is_some_and(|n| is_lower_word(n.text));
        if !spaced || !(plain || owner) {
            break;
        }
        n = i + 1;
    }
    &tokens[..n]
}

/// The most words a clause-final "X said" may be followed by when they
/// open with a `closing` word: "said in a statement on Monday" (five).
const CLOSING_WORDS: usize = 6;

/// How many words before a date a `publication` word may stand ("Posted
/// at 10 : 04 am on May 14": five).
const PUBLICATION_WORDS: usize = 6;

/// A lower-case word, or one in the possessive: "company's", "victims'",
/// as in "..., the company's spokesman said".
fn is_lower_word(word: &str) -> bool {
    let stem = possessor(word).unwrap_or(word);
    !stem.is_empty() && stem.chars().all(char::is_lowercase)
}

/// The owner a possessive names: "company" of "company's", "victims" of
/// "victims'"; `None` for a word not in the possessive.
fn possessor(word: &str) -> Option<&str> {
    ["'s", "’s", "'", "’"].iter().find_map(|p| word.strip_suffix(p))
}

fn is_determiner(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "the" | "a" | "an")
}

/// Adverbs that may stand between a clause-final subject and its verb.
const SUBJECT_ADVERBS: &[&str] = &[
    "also",
    "earlier",
    "later",
    "previously",
    "again",
    "first",
    "initially",
    "repeatedly",
];

/// Words that open a noun phrase as its determiner: "the mayor", "a
/// witness", "his lawyer".
const SUBJECT_DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "one", "another",
];

/// The head noun of a subject that a determiner opens right before a verb,
/// up to two lower-case words between ("The mayor said Acme would close",
/// "the software giant also said"): the verb has its subject there, and a
/// name after it is what was said, not who said it. The words between the
/// noun and the verb may only be adverbs ([`SUBJECT_ADVERBS`], or ending in
/// "-ly"), and nothing but spaces stands between the phrase's words.
fn determined_subject<'a>(
    sentence: &str,
    before: &[crate::tokens::Token<'a>],
    verb_start: usize,
    verb_end: usize,
    verb_words: &HashSet<String>,
) -> Option<crate::tokens::Token<'a>> {
    let mut k = before.len();
    while k > 0 && before.len() - k < 2 && is_adverb(before[k - 1].text) {
        k -= 1;
    }
    let noun = *before.get(k.checked_sub(1)?)?;
    let lower = |w: &str| w.chars().all(char::is_lowercase);
    let function = |w: &str| function_word(w) || is_adverb(w);
    if noun.text.len() < 3 || !lower(noun.text) || function(noun.text) {
        return None;
    }
    for d in 1..=3 {
        let at = (k - 1).checked_sub(d)?;
        let t = before[at];
        let spaced = sentence[t.start..verb_start]
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
        if !spaced {
            return None;
        }
        if SUBJECT_DETERMINERS.contains(&t.text.to_lowercase().as_str()) {
            let subject = subject_phrase(sentence, before, at, verb_start, verb_end, verb_words)
                && !participle(&sentence[verb_end..]);
            return subject.then_some(noun);
        }
        if !lower(t.text) || function(t.text) {
            return None;
        }
    }
    None
}

/// Whether the noun phrase that the determiner `before[at]` opens is the
/// subject of the verb at `verb_start..verb_end`: not the object of a
/// preposition ("people familiar with the matter said" is said by the
/// people), of a relative clause ("the officer who fired the shot says"), a
/// participle ("the company managing the cables says") or an outer
/// reporting verb ("Kyrtsos said the violent demonstrations revealed ..."),
/// and the verb no noun ("an unsubstantiated claim").
fn subject_phrase(
    sentence: &str,
    before: &[crate::tokens::Token],
    at: usize,
    verb_start: usize,
    verb_end: usize,
    verb_words: &HashSet<String>,
) -> bool {
    let clause = &before[at.saturating_sub(3)..at];
    // Only a word right before the determiner governs it: "Under
    // questioning, the court source said" has its subject.
    let object = clause.last().is_some_and(|p| {
        let w = p.text.to_lowercase();
        let next_to = sentence[p.end..before[at].start].trim().is_empty();
        next_to && (PREPOSITIONS.contains(&w.as_str()) || w.len() > 4 && w.ends_with("ing") || verb_words.contains(&w))
    }) || clause
        .iter()
        .any(|p| matches!(p.text.to_lowercase().as_str(), "who" | "which" | "that" | "whom"));
    // A "verb" ending the sentence right after its phrase is a noun ("this
    // remains an unsubstantiated claim."), unless the phrase is set off as
    // a speaker is ("..., the judge said."); so is a base form after "a"
    // ("an unsubstantiated claim about ...", where "a publicist says" agrees).
    let last = sentence[verb_end..]
        .trim_matches(|c: char| c.is_whitespace() || ".!?\"'”".contains(c))
        .is_empty();
    let det = before[at].text.to_lowercase();
    let singular = matches!(det.as_str(), "a" | "an" | "one" | "another" | "this" | "that");
    let verb = &sentence[verb_start..verb_end];
    let base_form = singular && !verb.ends_with('s') && !verb.ends_with('d');
    let noun_verb = base_form || last && !set_off(sentence[..before[at].start].trim_end());
    !object && !noun_verb
}

/// An adverb that may stand between a subject and its verb: one of
/// [`SUBJECT_ADVERBS`], or a word ending in "-ly" ("finally", "steadfastly").
fn is_adverb(w: &str) -> bool {
    SUBJECT_ADVERBS.contains(&w) || w.len() > 4 && w.ends_with("ly")
}

/// Lower-case words that are no noun of a speaker: auxiliaries,
/// conjunctions, relatives, adverbs and words of time ("this week
/// revealed", "a few days ago announced").
const NOT_NOUNS: &[&str] = &[
    "and",
    "but",
    "or",
    "nor",
    "has",
    "have",
    "had",
    "was",
    "were",
    "are",
    "is",
    "been",
    "being",
    "who",
    "which",
    "that",
    "also",
    "not",
    "then",
    "than",
    "there",
    "here",
    "them",
    "what",
    "when",
    "where",
    "while",
    "would",
    "will",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "said",
    "says",
    "say",
    "only",
    "just",
    "even",
    "still",
    "yet",
    "once",
    "now",
    "today",
    "ago",
    "almost",
    "already",
    "never",
    "ever",
    "soon",
    "day",
    "days",
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "thing",
];

/// Prepositions whose object a noun phrase may be.
const PREPOSITIONS: &[&str] = &[
    "with",
    "of",
    "on",
    "in",
    "for",
    "to",
    "from",
    "by",
    "at",
    "about",
    "into",
    "over",
    "after",
    "before",
    "near",
    "under",
    "against",
    "between",
    "among",
    "through",
    "during",
    "like",
    "across",
    "around",
    "throughout",
    "within",
    "without",
    "upon",
    "toward",
    "towards",
    "behind",
    "beyond",
    "inside",
    "outside",
];

/// Whether a word is a function word ([`NOT_NOUNS`], [`PREPOSITIONS`], a
/// determiner or a pronoun), no noun.
fn function_word(w: &str) -> bool {
    NOT_NOUNS.contains(&w) || PREPOSITIONS.contains(&w) || SUBJECT_DETERMINERS.contains(&w) || PRONOUNS.contains(&w)
}

/// Whether what follows a verb makes it a participle after its noun, not
/// the noun's saying: "the rules announced Thursday would allow", "the
/// measures insisted upon by the EU". Up to two words of time may come
/// first ("announced last weekend").
fn participle(rest: &str) -> bool {
    const TIME: &[&str] = &[
        "last",
        "this",
        "on",
        "week",
        "weekend",
        "here",
        "there",
        "yesterday",
        "today",
        "earlier",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    const AFTER: &[&str] = &[
        "would", "will", "could", "can", "may", "might", "should", "must", "is", "are", "was", "were", "has", "have",
        "had", "include", "includes", "upon", "by",
    ];
    let words = leading_words(rest, 4);
    let k = words.iter().take(2).take_while(|w| TIME.contains(&w.as_str())).count();
    words.get(k).is_some_and(|w| AFTER.contains(&w.as_str()))
}

/// Words that open a described unnamed source: "people familiar with the
/// matter", "a person briefed on the talks", "officials close to the deal".
const DESCRIBED: &[&str] = &[
    "familiar",
    "briefed",
    "close",
    "involved",
    "with",
    "knowledgeable",
    "who",
];

/// The head noun of a described unnamed source that ends a sentence after a
/// comma: "..., people familiar with the matter said." gives "people".
fn described_source<'a>(
    sentence: &str,
    before: &[crate::tokens::Token<'a>],
    verb_start: usize,
    verb_end: usize,
) -> Option<crate::tokens::Token<'a>> {
    let rest = sentence[verb_end..].trim_start();
    if !(rest.is_empty() || rest.starts_with(['.', ';'])) {
        return None;
    }
    // The clause since the last comma, at most eight words.
    let comma = sentence[..verb_start].rfind([',', '"', '”'])?;
    let clause: Vec<_> = before.iter().filter(|t| t.start > comma).copied().collect();
    if clause.len() < 3 || clause.len() > 8 {
        return None;
    }
    let skip = usize::from(matches!(
        clause[0].text.to_lowercase().as_str(),
        "a" | "an" | "the" | "two" | "three" | "several"
    ));
    let head = *clause.get(skip)?;
    let next = clause.get(skip + 1)?.text.to_lowercase();
    (head.text.chars().all(char::is_lowercase) && head.text.len() >= 3 && DESCRIBED.contains(&next.as_str()))
        .then_some(head)
}

/// A quotation of three or more words, in straight or curly double quotes,
/// or in the paired backticks and apostrophes of tokenised text (``...'').
pub fn has_quotation(sentence: &str) -> bool {
    // Every quotation mark is '"', '`' or starts with the byte E2 ('“',
    // '”'): most sentences hold none and need no walk over their characters.
    if !sentence.bytes().any(|b| b == b'"' || b == b'`' || b == 0xE2) {
        return false;
    }
    let mut inside = false;
    let mut words = 0;
    let mut best = 0;
    for (i, c) in sentence.char_indices() {
        let rest = &sentence[i..];
        match c {
            '“' => {
                inside = true;
                words = 0;
            }
            '`' if rest.starts_with("``") && !inside => {
                inside = true;
                words = 0;
            }
            '\'' if inside && rest.starts_with("''") => {
                inside = false;
                best = best.max(words);
            }
            '”' => {
                inside = false;
                best = best.max(words);
            }
            '"' => {
                if inside {
                    best = best.max(words);
                }
                inside = !inside;
                words = 0;
            }
            ' ' if inside && sentence[i + 1..].starts_with(|c: char| c.is_alphanumeric()) => words += 1,
            _ => {}
        }
    }
    // An unclosed quotation (it runs on into the next sentence) counts.
    if inside {
        best = best.max(words);
    }
    best >= 2
}

/// True when the date at `start..end` of `sentence` stands on a line of its
/// own, among other lines, with no lower-case word beside it: a dateline
/// ("Apr 12 , 2007", "( March 20 , 2007 ) - -") of a header read into the
/// first sentence along with a headline.
fn own_line(sentence: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (sentence.get(..start), sentence.get(end..)) else {
        return false;
    };
    let line_before = before.rsplit('\n').next().unwrap_or("");
    let line_after = after.split('\n').next().unwrap_or("");
    if line_before.len() == before.len() && line_after.len() == after.len() {
        return false;
    }
    !tokens(line_before)
        .into_iter()
        .chain(tokens(line_after))
        .any(|t| t.text.starts_with(char::is_lowercase))
}

/// The speaker a name before ", said" stands in an appositive of:
/// "Jane Smith, director of the Acme Foundation for Human Rights, said"
/// names Jane Smith, not Human Rights. From `e` (right before the comma
/// and the verb at `verb`, or before a few lower-case words, the comma and
/// the verb), walk back over comma-separated asides that
/// open with a lower-case word or a digit ("head of", "a clerk at", "39")
/// to the name that ends right before the first of them.
fn appositive_head<'e>(
    sentence: &str,
    base: usize,
    e: &Entity,
    verb: usize,
    entities: &'e [Entity],
) -> Option<&'e Entity> {
    // The aside may end in lower-case words after the name: "Rafaat Hindy,
    // from the Egyptian ministry, said".
    let tail = sentence[e.end - base..verb].trim().strip_suffix(',')?;
    let words: Vec<&str> = tail.split_whitespace().collect();
    if words.len() > 3 || !words.iter().all(|w| w.chars().all(char::is_lowercase)) {
        return None;
    }
    let mut at = e.start - base;
    // At most a few asides: "King, 39, a clerk at the hospital, said".
    for _ in 0..3 {
        let comma = sentence[..at].rfind(',')?;
        let aside = sentence[comma + 1..at].trim_start();
        if !aside.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) {
            return None;
        }
        let head_end = sentence[..comma].trim_end().len();
        if let Some(head) = entities
            .iter()
            .find(|h| h.end == base + head_end && h.start < base + head_end)
        {
            return Some(head);
        }
        at = comma;
    }
    None
}

/// "Rescue teams in Dornby said": the name `e` is where the speakers are
/// (after "in", with or without "the", after a word that is no name:
/// "Officials in Ohio said"), not who speaks.
fn located(sentence: &str, base: usize, e: &Entity, entities: &[Entity]) -> bool {
    before_preposition(sentence, base, e, &["in"]).is_some_and(|b| {
        sentence[..b]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.chars().all(char::is_alphabetic))
            && !entities.iter().any(|n| n.end == base + b)
    })
}

/// "Jane Roe of the Acme Foundation said" names Jane Roe: the name `e`
/// before the verb is the affiliation (after "of", "from", "at" or "with",
/// with or without "the") of the name right before it.
fn affiliated_head<'e>(sentence: &str, base: usize, e: &Entity, entities: &'e [Entity]) -> Option<&'e Entity> {
    let head_end = before_preposition(sentence, base, e, &["of", "from", "at", "with"])?;
    entities.iter().find(|h| h.end == base + head_end)
}

/// Where the text before one of `prepositions` ends, when that word
/// stands right before the name `e` (one space between), "the" perhaps
/// between them: "Officials| in Ohio", "Jane Roe| of the Acme Foundation".
fn before_preposition(sentence: &str, base: usize, e: &Entity, prepositions: &[&str]) -> Option<usize> {
    let before = sentence[..e.start - base].strip_suffix(' ')?;
    let before = before.strip_suffix(" the").unwrap_or(before);
    prepositions
        .iter()
        .find_map(|p| before.strip_suffix(p).and_then(|b| b.strip_suffix(' ')))
        .map(str::len)
}

/// The pronoun right before the verb at `verb`, or before an adverb there:
/// "she said", "she also said".
fn pronoun_subject<'t, 'a>(
    sentence: &str,
    before_words: &'t [crate::tokens::Token<'a>],
    verb: usize,
) -> Option<&'t crate::tokens::Token<'a>> {
    let adverb = before_words.last().is_some_and(|t| is_adverb(t.text));
    let k = before_words.len().checked_sub(1 + usize::from(adverb))?;
    let t = &before_words[k];
    (PRONOUNS.contains(&t.text.to_lowercase().as_str())
        && sentence[t.end..verb].chars().all(|c| c.is_alphabetic() || c == ' '))
    .then_some(t)
}

/// A bracketed party tag between a name and its verb: "Barbara Boxer
/// ( D-Calif. ) said".
fn party_tag(gap: &str) -> bool {
    let inner = gap
        .trim()
        .strip_prefix('(')
        .and_then(|g| g.strip_suffix(')'))
        .map(str::trim);
    inner.is_some_and(super::entity::is_party_tag)
}

/// A web address that opens its line, or ends it with no full stop: a
/// page's header copied with its text ("http://example.com/a" above the
/// headline, "posted by staff http://example.com/a"). An address a
/// sentence of prose ends or holds ("customers can register at
/// http://example.com/a.") is a link, and leaves its dates as they are.
fn header_address(sentence: &str) -> bool {
    super::certainty::web_addresses(sentence)
        .into_iter()
        .any(|(start, end)| {
            let line_start = sentence[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = sentence[end..].find('\n').map_or(sentence.len(), |i| end + i);
            let ends_line = sentence[end..line_end].trim().is_empty();
            let stopped = sentence[start..line_end].trim_end().ends_with(['.', '!', '?']);
            sentence[line_start..start].trim().is_empty() || (ends_line && !stopped)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entity::EntityFinder;

    fn source(s: &str) -> Option<String> {
        let rules = RuleSet::defaults();
        let ents = EntityFinder::new(&rules).find(s, 0, &Default::default());
        AttributionFinder::new(&rules)
            .find(s, 0, &ents)
            .and_then(|(a, _)| a.source)
    }

    #[test]
    fn shapes() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "The firm pressured the carrier, Wirepost reported Tuesday.",
                Some("Wirepost"),
            ),
            ("Aides told Wirepost on condition of anonymity.", Some("Wirepost")),
            (
                "According to a letter seen by Wirepost, the deal is off.",
                Some("Wirepost"),
            ),
            ("\"It is a big loss,\" he said.", Some("he")),
            (
                "The plant will close, said Jane Smith, a spokeswoman.",
                Some("Jane Smith"),
            ),
            (
                "\"There will be no change,\" Jane Smith, director of the Acme Foundation for Human Rights, said.",
                Some("Jane Smith"),
            ),
            (
                "The plant will close, Jane Smith, 39, a clerk at Globex Hospital, said.",
                Some("Jane Smith"),
            ),
            (
                "A new cable will link Alexandria and the French city of Marseille, said MENA.",
                Some("MENA"),
            ),
            (
                "\"We face a blackout in the Middle East,\" said Mr Wright.",
                Some("Wright"),
            ),
            (
                "The governor of Unity State, Taban Deng, said Mr Bashir should be arrested.",
                Some("Taban Deng"),
            ),
            (
                "Two climbers died on the ridge in New Zealand, police confirmed.",
                Some("police"),
            ),
            (
                "September 10 , 2010 10 : 14 AM\nPolice say two people have been killed.",
                Some("police"),
            ),
            (
                "The wound was caused by a ricochet, legal sources earlier said.",
                Some("sources"),
            ),
            ("Acme Corp's reported offer of $5 million was rejected.", None),
            ("He had a friend in Florida, they said.", Some("they")),
            ("Weitz co-wrote the 1998 animated film Antz.", None),
            ("The plant will close in May.", None),
            ("Acme is said to have pulled out of the Globex deal.", None),
        ];
        for &(text, want) in cases {
            assert_eq!(source(text).as_deref(), want, "{text}");
        }
        assert_ne!(
            source("Riots spread across Greece after witnesses claimed that the officer fired first.").as_deref(),
            Some("Greece")
        );
    }

    /// Which dates of `s` (by text) say when its source spoke.
    fn said_dates(s: &str) -> Vec<String> {
        let rules = RuleSet::defaults();
        let ents = EntityFinder::new(&rules).find(s, 0, &Default::default());
        let finder = AttributionFinder::new(&rules);
        let (att, _) = finder.find(s, 0, &ents).expect("attributed");
        let mut dates = crate::extract::date::DateFinder::new(&rules).find(s, None);
        finder.mark_said_dates(s, 0, &att, &mut dates);
        dates.into_iter().filter(|d| d.said).map(|d| d.text).collect()
    }

    #[test]
    fn a_date_right_after_the_reporting_verb_is_when_the_source_spoke() {
        assert_eq!(said_dates("Ten people died, officials said on Sunday."), ["Sunday"]);
        assert_eq!(said_dates("Officials said Sunday that ten people died."), ["Sunday"]);
        assert_eq!(
            said_dates("Ten people died on Friday, the company said in a statement on Sunday."),
            ["Sunday"]
        );
        assert_eq!(
            said_dates("Ten people died on Friday, the company said in a statement late on Sunday."),
            ["Sunday"]
        );
        // What was said carries its own date.
        assert!(said_dates("Officials said the mine collapsed on Friday.").is_empty());
        assert!(said_dates("Officials said that on Friday the mine collapsed.").is_empty());
    }

    /// Which dates of `s` (by text) are its page's own.
    fn published_dates(s: &str) -> Vec<String> {
        let rules = RuleSet::defaults();
        let finder = AttributionFinder::new(&rules);
        let mut dates = crate::extract::date::DateFinder::new(&rules).find(s, None);
        finder.mark_published_dates(s, 0, &mut dates);
        dates.into_iter().filter(|d| d.said).map(|d| d.text).collect()
    }

    #[test]
    fn a_page_header_dates_its_publication_not_the_fact() {
        assert_eq!(
            published_dates("Published 9:46 PM CDT Sep 26, 2013 A jury convicted the man."),
            ["Sep 26, 2013"]
        );
        assert_eq!(
            published_dates("Acme adds a phone, posted at 10:04 am on May 14, 2013 by staff http://example.com/a"),
            ["May 14, 2013"]
        );
        // A dateline standing alone as a sentence.
        assert_eq!(
            published_dates("WEDNESDAY , JULY 29 , 2009"),
            ["WEDNESDAY , JULY 29 , 2009"]
        );
        // A dateline on a line of its own, a headline above it.
        assert_eq!(
            published_dates("Acme Plant Closes Its Doors\nApr 12 , 2007\nThe plant closed on Monday."),
            ["Apr 12 , 2007"]
        );
        // A link in a sentence of prose is no header.
        assert!(published_dates("Beginning April 29, customers can register at http://example.com/a.").is_empty());
        assert!(
            published_dates("Beginning April 29 , customers can register at http : / / example . com / a .").is_empty()
        );
        assert!(published_dates("On April 29 athttp : / / example . com / a , customers can register.").is_empty());
        assert_eq!(
            published_dates("http : / / example . com / a\nAcme Plant Closes\nApr 12 , 2007"),
            ["Apr 12 , 2007"]
        );
        // A date on a line with prose beside it is the fact's.
        assert!(published_dates("Acme Plant Closes\nThe plant closed on Apr 12 , 2007.").is_empty());
        assert!(published_dates("The plant closed on Apr 12 , 2007.").is_empty());
        // In prose the word may date the fact itself.
        assert!(published_dates("The report, published on Monday, found 40 faults.").is_empty());
        assert!(published_dates("The company updated its forecast on May 14, 2013.").is_empty());
    }

    #[test]
    fn quotations() {
        assert!(has_quotation("“Our products are used widely,” she said."));
        assert!(!has_quotation("It is \"unlikely\" now."));
        assert!(has_quotation("`` There will be no real change , '' she said ."));
        assert!(!has_quotation("It is `` unlikely '' now ."));
    }
}
