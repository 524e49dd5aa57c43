//! Named entities: runs of capitalised words, and the one name each resolves to.
//!
//! No trained model: a capitalised run is a name unless the rules or the
//! document say otherwise. A sentence-initial word is dropped when the
//! document also writes it in lower case or it is a stopword; titles are
//! stripped ("Rep.", "Congressman", "CEO"); company suffixes and possessives
//! are dropped; headline capitals ("US MOBILE CARRIER") keep only short
//! acronyms. Resolution turns aliases, nicknames, title + surname and an
//! initial + surname into the full name written elsewhere (see `resolve`).

use std::collections::{BTreeMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::Entity;
use crate::rules::{AbbrevClass, NameKind, RuleSet};
use crate::tokens::{Token, is_all_caps, is_capitalised, tokens};

/// Words a document writes in lower case, borrowed from its text: see
/// [`crate::extract::lower_vocabulary`].
pub type LowerVocabulary<'a> = rustc_hash::FxHashSet<&'a str>;

/// Capitalised words an article writes inside its sentences, not at their
/// start and not in title-case lines ("in Michigan"), as written: such a
/// word in a title-case line, or opening a sentence, is still a name. Empty
/// for a lone sentence (see [`EntityFinder::names_written`]).
#[derive(Debug, Default)]
pub struct NameVocabulary<'a> {
    written: rustc_hash::FxHashSet<&'a str>,
    /// Of `written`, those the article also writes last in a name or
    /// alone ("Felt" of "Mark Felt"), not only before another capitalised
    /// word ("Environmental" of "Environmental Protection Agency").
    ends: rustc_hash::FxHashSet<&'a str>,
}

impl NameVocabulary<'_> {
    pub fn contains(&self, w: &str) -> bool {
        self.written.contains(w)
    }

    pub fn is_empty(&self) -> bool {
        self.written.is_empty()
    }

    /// Whether the article writes `w` inside a sentence as a name's last
    /// word, or as a name alone.
    fn ends_name(&self, w: &str) -> bool {
        self.ends.contains(w)
    }
}

/// Name lexicons compiled from the rules. The word sets are probed for
/// every capitalised token, several times: FxHash costs a fraction of
/// SipHash on such short keys, and only membership is ever asked.
#[derive(Debug, Clone, Default)]
pub struct EntityFinder {
    titles: FxHashSet<String>,
    /// First words of the titles of two words ("prime" of "Prime Minister").
    title_heads: FxHashSet<String>,
    nicknames: FxHashMap<String, String>,
    /// Given names (a run that starts with one is a person, and "of" after
    /// it starts a place: "Michael Hargrove of Texas") and the head words
    /// that make a name no person's.
    persons: std::sync::Arc<PersonNames>,
    aliases: FxHashMap<String, String>,
    /// The written forms of aliases of two words or more, by first word:
    /// found whole before names are cut at lower-case words or titles
    /// ("Department of Health and Human Services", "Justice Department").
    known_names: FxHashMap<String, Vec<Vec<String>>>,
    stopwords: FxHashSet<String>,
    calendar: FxHashSet<String>,
    /// Function words that open names ("New York"), keyed: `NameKind::Opener`.
    openers: FxHashSet<String>,
    /// Function words that end names ("USA Today"), keyed: `NameKind::Closer`.
    closers: FxHashSet<String>,
    suffixes: FxHashSet<String>,
    /// Last words of organisations' names ("Chemicals", "Airlines").
    organisation_heads: FxHashSet<String>,
    /// Last words of public bodies' names (rules/names.toml `bodies`).
    body_heads: FxHashSet<String>,
    /// Abbreviations that open a place's or a saint's name, keyed ("St"
    /// of "St. Louis"): rules/abbreviations.toml, class `place`.
    place_prefixes: FxHashSet<String>,
    /// Common nouns and verbs the rules know (synonyms, measure nouns): a
    /// sentence-initial one is not a name even when the text never writes
    /// it in lower case.
    common: FxHashSet<String>,
    /// Nouns of unnamed sources ("officials") and the common words that
    /// may open them ("local"): see [`crate::rules::ReportingRule::modifiers`].
    unnamed: FxHashSet<String>,
    source_modifiers: FxHashSet<String>,
    /// Single-word verbs of saying (the reporting rules of shape `verb`):
    /// a title alone right before one is a surname ([`Self::surname_title`]).
    speech_verbs: FxHashSet<String>,
    connectors: FxHashSet<&'static str>,
    /// Common English words (rules/common.toml, and the words of WordNet's
    /// frequent senses in rules/related.toml): in a title-case line ("Lohan
    /// Checks Into Rehab") a capitalised word is no evidence of a name, and
    /// one of these is taken for a word.
    dictionary: FxHashSet<String>,
    /// Of those, the ones written in lower case in their first sense
    /// (rules/common.toml), no name's: what a sentence's first word is
    /// tested against ([`EntityFinder::article_word`]).
    lower_case_words: FxHashSet<String>,
}

fn key(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

/// Calls `f` with `word` lower-cased: on the stack for a short ASCII word,
/// the common case, since a name finder lower-cases most capitalised tokens
/// several times only to probe a set.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 32;
    let b = word.as_bytes();
    if b.len() > MAX || !word.is_ascii() {
        return f(&word.to_lowercase());
    }
    let mut buf = [0u8; MAX];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    // ASCII lower-cased is ASCII, and for ASCII `to_lowercase` is exactly this.
    f(std::str::from_utf8(&buf[..b.len()]).expect("ASCII is UTF-8"))
}

/// Whether [`key`] of `word` is in `set`, without allocating for most words.
fn key_in(set: &FxHashSet<String>, word: &str) -> bool {
    with_lower(word.trim_end_matches('.'), |k| set.contains(k))
}

impl EntityFinder {
    pub fn new(rules: &RuleSet) -> EntityFinder {
        let mut f = EntityFinder {
            connectors: ["of", "de", "van", "von", "der", "al", "bin", "la", "du", "&"]
                .into_iter()
                .collect(),
            ..Default::default()
        };
        for r in &rules.names {
            match r.kind {
                NameKind::Title => {
                    f.titles.extend(r.words.iter().map(|w| key(w)));
                    f.title_heads.extend(
                        r.words
                            .iter()
                            .filter(|w| w.contains(' '))
                            .filter_map(|w| w.split_whitespace().next().map(key)),
                    );
                }
                NameKind::Nickname => {
                    for g in &r.groups {
                        if let Some((full, rest)) = g.split_first() {
                            for n in rest {
                                // An ambiguous nickname ("Pat", "Alex") keeps its first reading.
                                f.nicknames.entry(n.to_lowercase()).or_insert_with(|| full.clone());
                            }
                        }
                    }
                }
                NameKind::Organisation => f.organisation_heads.extend(r.words.iter().map(|w| key(w))),
                NameKind::Body => f.body_heads.extend(r.words.iter().map(|w| key(w))),
                // Read by `PersonNames`; openers below, once the stopwords are read.
                NameKind::Place | NameKind::Given | NameKind::Opener | NameKind::Closer => {}
                NameKind::Common => {
                    f.dictionary.extend(r.words.iter().map(|w| key(w)));
                    f.lower_case_words.extend(r.words.iter().map(|w| key(w)));
                }
                NameKind::Alias => {
                    for g in &r.groups {
                        if let Some(canon) = g.first() {
                            for v in g {
                                f.aliases.insert(v.clone(), canon.clone());
                                f.aliases.insert(v.replace('.', ""), canon.clone());
                                let words: Vec<String> = v.split_whitespace().map(String::from).collect();
                                if words.len() >= 2 {
                                    f.known_names.entry(words[0].clone()).or_default().push(words);
                                }
                            }
                        }
                    }
                }
            }
        }
        for r in &rules.stopwords {
            f.stopwords.extend(r.words.iter().map(|w| w.to_lowercase()));
        }
        for r in rules.abbreviations.iter().filter(|r| r.class == AbbrevClass::Place) {
            f.place_prefixes.extend(r.words.iter().map(|w| key(w)));
        }
        for r in rules.names.iter().filter(|r| r.kind == NameKind::Opener) {
            for w in &r.words {
                f.stopwords.remove(&w.to_lowercase());
                f.openers.insert(key(w));
            }
        }
        for r in rules.names.iter().filter(|r| r.kind == NameKind::Closer) {
            f.closers.extend(r.words.iter().map(|w| key(w)));
        }
        for r in &rules.synonyms {
            f.common
                .extend(r.words.iter().filter(|w| !w.contains(' ')).map(|w| w.to_lowercase()));
        }
        for r in &rules.measures {
            f.common.extend(r.nouns.iter().map(|w| w.to_lowercase()));
        }
        for r in &rules.reporting {
            if r.shape == crate::rules::ReportingShape::Verb {
                f.speech_verbs
                    .extend(r.words.iter().filter(|w| !w.contains(' ')).map(|w| w.to_lowercase()));
            }
            if r.shape == crate::rules::ReportingShape::UnnamedSubject {
                f.common.extend(r.words.iter().map(|w| w.to_lowercase()));
                f.unnamed.extend(r.words.iter().map(|w| w.to_lowercase()));
                f.source_modifiers.extend(r.modifiers.iter().map(|w| key(w)));
            }
        }
        for r in &rules.certainty {
            f.common
                .extend(r.words.iter().filter(|w| !w.contains(' ')).map(|w| w.to_lowercase()));
        }
        for r in &rules.related {
            for (_, words) in r
                .senses
                .iter()
                .filter_map(|x| crate::rules::RelatedRule::parse_sense(x))
            {
                f.dictionary.extend(
                    words
                        .into_iter()
                        .filter(|(_, common)| *common)
                        .map(|(w, _)| w.to_lowercase()),
                );
            }
        }
        // Irregular forms of those words ("sold", "children").
        for r in &rules.related {
            let forms: Vec<String> = r
                .inflections
                .iter()
                .filter_map(|x| crate::rules::RelatedRule::parse_inflection(x))
                .filter(|(_, base)| f.dictionary.contains(&base.to_lowercase()))
                .map(|(form, _)| form.to_lowercase())
                .collect();
            f.dictionary.extend(forms);
        }
        for r in &rules.calendar {
            for g in &r.groups {
                f.calendar.extend(g.iter().map(|w| key(w)));
            }
        }
        f.suffixes = company_suffixes(rules);
        f.persons = std::sync::Arc::new(PersonNames::new(rules));
        f
    }

    /// The person-name lexicon, shared with the attribution finder rather
    /// than built from the rules again.
    pub fn persons(&self) -> std::sync::Arc<PersonNames> {
        std::sync::Arc::clone(&self.persons)
    }

    /// Entities of one sentence. `sentence_start` is the sentence's offset in
    /// the document; `lower_vocab` holds words the document writes in lower
    /// case (evidence that a capitalised one is just sentence-initial).
    pub fn find(&self, sentence: &str, sentence_start: usize, lower_vocab: &LowerVocabulary) -> Vec<Entity> {
        self.find_in(
            sentence,
            sentence_start,
            &tokens(sentence),
            lower_vocab,
            &NameVocabulary::default(),
        )
    }

    /// [`Self::find`] over the sentence's `toks` ([`tokens`] of `sentence`),
    /// which the caller shares with the other finders.
    pub fn find_in(
        &self,
        sentence: &str,
        sentence_start: usize,
        toks: &[Token],
        lower_vocab: &LowerVocabulary,
        names: &NameVocabulary,
    ) -> Vec<Entity> {
        let headline = headline_mask(toks);
        let titled = self.title_case(toks, lower_vocab, names);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some(j) = self.known_name_at(sentence, toks, i) {
                let (start, end) = (toks[i].start, toks[j - 1].end);
                let surface = &sentence[start..end];
                if let Some(canonical) = self.aliases.get(without_possessive(surface)) {
                    out.push(Entity {
                        text: surface.to_string(),
                        start: sentence_start + start,
                        end: sentence_start + end,
                        canonical: canonical.clone(),
                        titled: false,
                    });
                    i = j;
                    continue;
                }
            }
            if !(self.starts_name(toks, i, &headline, lower_vocab, names) || is_initial(sentence, &toks[i], false))
                || titled && self.title_word(toks[i].text, lower_vocab, names)
            {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() {
                let t = toks[j];
                let gap = &sentence[toks[j - 1].end..t.start];
                // A title inside a run starts a new name ("FCC Chairman Jane
                // Roe", "Texas Attorney General Greg Abbott"); the second
                // word of a title of two words ("Head Coach") goes on.
                // Not before an institution's head word: "Massachusetts
                // General Hospital", "the General Assembly".
                let opens_title = (key_in(&self.titles, t.text)
                    && !self.two_word_title(toks[j - 1].text, t.text)
                    && !toks
                        .get(j + 1)
                        .is_some_and(|next| self.persons.institution_head(next.text)))
                    || toks
                        .get(j + 1)
                        .is_some_and(|next| self.two_word_title(t.text, next.text));
                if opens_title && !key_in(&self.titles, toks[j - 1].text) {
                    break;
                }
                // So does a name after a possessive ("California's Betty Ford
                // Center"), but for a common word's ("People's Republic") and
                // before a company suffix or an organisation's head, which
                // cannot stand alone ("McDonald's Corp").
                // Nor after a saint's name ("St. Mary's Hospital").
                if let Some(owner) = possessive_owner(toks[j - 1].text)
                    && !key_in(&self.common, owner)
                    && !(j >= 2 && key_in(&self.place_prefixes, toks[j - 2].text))
                    && !key_in(&self.suffixes, t.text)
                    && !key_in(&self.organisation_heads, t.text)
                {
                    break;
                }
                // Tokenised text spaces an initial's period ("Jane Q . Roe").
                // So does a place prefix's ("St. Louis", "Mt . Cook").
                let initial = (toks[j - 1].text.chars().count() == 1 || key_in(&self.place_prefixes, toks[j - 1].text))
                    && (gap == ". " || gap == " . ");
                // "T - Mobile", "E - Trade": a letter and a hyphen spaced
                // apart, as tokenised text writes them.
                // So are two name words ("Hewlett - Packard", "Union -
                // Tribune"), outside title-case lines and web addresses,
                // whose slugs hyphen every word ("/ Wladimir - Klitschko -
                // Stops").
                let hyphened = gap == " - "
                    && (toks[j - 1].text.chars().count() == 1
                        || !titled && self.is_name_word(toks[j - 1].text) && !in_web_address(sentence, t.start))
                    && toks[j - 1].text.starts_with(|c: char| c.is_ascii_uppercase())
                    && is_capitalised(t.text);
                if !(gap.is_empty() || gap == " " || gap == " & " || initial || hyphened) {
                    break;
                }
                // In a title-case line a common word ends the name too.
                let word = !titled || !self.title_word(t.text, lower_vocab, names);
                // A capitalised noun of unnamed sources ("police"), a
                // stopword, inside a name before another name word is part
                // of it ("Anchorage Police Department"), outside title-case
                // lines, where every word is capitalised.
                let inner = !titled
                    && is_capitalised(t.text)
                    && key_in(&self.unnamed, t.text)
                    && toks.get(j + 1).is_some_and(|n| {
                        spaced(sentence, &t, n) && self.is_name_word(n.text) && !key_in(&self.calendar, n.text)
                    });
                // "USA Today reported": a closer ends the name it follows.
                let closer = !titled && is_capitalised(t.text) && key_in(&self.closers, t.text);
                if closer && !headline[j] {
                    j += 1;
                    break;
                }
                if (self.is_name_word(t.text) || inner || is_initial(sentence, &t, initial))
                    && !headline[j]
                    && !key_in(&self.calendar, t.text)
                    && word
                {
                    j += 1;
                } else if let Some(end) = self.body_after_and(sentence, toks, i, j) {
                    j = end;
                } else if self.connectors.contains(t.text)
                    // "Manuel Charr of Germany", "Ana Ruiz & Co": a person's
                    // name ends before "of" and "&", not before a particle
                    // ("Olivia de Berardinis").
                    && !(matches!(t.text, "of" | "&") && self.persons.is_given(toks[i].text))
                    && !key_in(&self.titles, toks[i].text)
                    && j + 1 < toks.len()
                    && self.is_name_word(toks[j + 1].text)
                    && spaced(sentence, &t, &toks[j + 1])
                {
                    j += 2;
                } else {
                    break;
                }
            }
            if j == i + 1 && self.surname_title(sentence, toks, i) {
                let t = toks[i];
                out.push(Entity {
                    text: t.text.to_string(),
                    start: sentence_start + t.start,
                    end: sentence_start + t.end,
                    canonical: t.text.to_string(),
                    titled: false,
                });
            } else if let Some(e) = self.make_entity(sentence, sentence_start, &toks[i..j]) {
                out.push(e);
            }
            i = j;
        }
        out
    }

    /// Whether the title at token `i`, standing alone, is a surname: after
    /// a closing quotation or a comma, and before a verb of saying or an
    /// age set off by commas (`" King said`, `, Leader said`, `King , 39 ,
    /// a clerk`). A role needs a determiner or a name beside it ("the King
    /// said", "Alaska Governor said", "King Abdullah said").
    fn surname_title(&self, sentence: &str, toks: &[Token], i: usize) -> bool {
        let t = toks[i];
        if !key_in(&self.titles, t.text) {
            return false;
        }
        let before = sentence[i.checked_sub(1).map_or(0, |p| toks[p].end)..t.start].trim();
        if before.is_empty() || !before.ends_with([',', '"', '”', '\'']) {
            return false;
        }
        let Some(next) = toks.get(i + 1) else {
            return false;
        };
        let gap = &sentence[t.end..next.start];
        if gap == " " {
            return with_lower(next.text, |w| self.speech_verbs.contains(w));
        }
        let age = next.text.len() <= 3 && next.text.bytes().all(|b| b.is_ascii_digit());
        age && gap.trim() == ","
            && toks
                .get(i + 2)
                .is_some_and(|after| sentence[next.end..after.start].trim() == ",")
    }

    /// A public body's name that joins two nouns with "and" ("Fish and
    /// Wildlife Service", "Parks and Recreation Department"): when token `j`
    /// is "and" after a name run `i..j` of up to five words, and one to
    /// three name words follow it, the last a body's head word
    /// (rules/names.toml `bodies`), the end of that name. Not when the run
    /// is a whole name already ("the Justice Department and Treasury
    /// Department"), opens with a given name or a title ("John Smith and
    /// Harvard University"), or when the body's name goes on past its head.
    fn body_after_and(&self, sentence: &str, toks: &[Token], i: usize, j: usize) -> Option<usize> {
        if toks[j].text != "and"
            || j == i
            || !spaced(sentence, &toks[j - 1], &toks[j])
            || key_in(&self.body_heads, toks[j - 1].text)
            || key_in(&self.organisation_heads, toks[j - 1].text)
            || self.persons.is_given(toks[i].text)
            || key_in(&self.titles, toks[i].text)
            || j - i > 5
        {
            return None;
        }
        let mut k = j + 1;
        while k < toks.len() && k <= j + 3 {
            let t = &toks[k];
            if !spaced(sentence, &toks[k - 1], t) || !self.is_name_word(t.text) {
                break;
            }
            if key_in(&self.body_heads, t.text) {
                // The head ends the name: "Federal Bureau of Investigation"
                // after "and" is a name of its own.
                let goes_on = toks.get(k + 1).is_some_and(|n| {
                    spaced(sentence, t, n) && (self.is_name_word(n.text) || self.connectors.contains(n.text))
                });
                return (!goes_on).then_some(k + 1);
            }
            k += 1;
        }
        None
    }

    /// The end (a token index) of the longest multi-word alias written at
    /// token `i`, words apart by single spaces; the last may carry a
    /// possessive ("the Justice Department's"). Not when the name goes on
    /// past it ("United States Geological Survey"): that longer name is cut
    /// as any other.
    fn known_name_at(&self, sentence: &str, toks: &[Token], i: usize) -> Option<usize> {
        let forms = self.known_names.get(toks[i].text)?;
        let j = forms
            .iter()
            .filter(|words| {
                let j = i + words.len();
                j <= toks.len()
                    && toks[i..j].iter().zip(words.iter()).enumerate().all(|(k, (t, w))| {
                        let written = if k + 1 == words.len() {
                            without_possessive(t.text)
                        } else {
                            t.text
                        };
                        written == w && (k == 0 || spaced(sentence, &toks[i + k - 1], t))
                    })
            })
            .map(|words| i + words.len())
            .max()?;
        let goes_on = toks.get(j).is_some_and(|next| {
            possessive_owner(toks[j - 1].text).is_none()
                && spaced(sentence, &toks[j - 1], next)
                && self.is_name_word(next.text)
        });
        (!goes_on).then_some(j)
    }

    /// Whether a mention is surely of an organisation: its name ends in a
    /// company suffix ("Acme Corp.") or an organisation's head word
    /// ("Nordvik Chemicals").
    pub fn is_organisation(&self, e: &Entity) -> bool {
        // The last of two words or more: past the first, `last` is None for one.
        let mut words = e.text.split_whitespace();
        words.next().is_some()
            && words.last().is_some_and(|w| {
                let k = key(without_possessive(w));
                self.suffixes.contains(&k) || self.organisation_heads.contains(&k)
            })
    }

    /// The one organisation a document names, if it names one only, as
    /// (offset of its first mention, canonical name). Mentions whose words
    /// open a longer organisation's name are that one ("Nordvik" in
    /// "Nordvik Chemicals").
    pub fn sole_organisation<'a>(&self, mentions: impl Iterator<Item = &'a Entity>) -> Option<(usize, String)> {
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        for e in mentions.filter(|e| self.is_organisation(e)) {
            let first = names.entry(e.canonical.as_str()).or_insert(e.start);
            *first = (*first).min(e.start);
        }
        let longest = names
            .keys()
            .max_by_key(|n| (n.split_whitespace().count(), n.len(), *n))?;
        let words: Vec<&str> = longest.split_whitespace().collect();
        let one = names.keys().all(|n| {
            let w: Vec<&str> = n.split_whitespace().collect();
            words.starts_with(&w)
        });
        one.then(|| (*names.values().min().unwrap_or(&0), longest.to_string()))
    }

    /// Whether a line has the shape of title case ("Lindsay Lohan Checks
    /// Into Rehab"): four words or more past the stopwords, every one
    /// capitalised, and no word in lower case but the short function words
    /// title case leaves so ("of", "in", "and": "It was Rep. Smith of
    /// Texas" is a sentence).
    pub fn title_shape(&self, toks: &[Token]) -> bool {
        const LOWER: [&str; 28] = [
            "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on",
            "per", "to", "up", "via", "vs", "from", "into", "onto", "with", "over", "upon",
        ];
        let mut content = 0;
        for t in toks.iter().filter(|t| t.text.starts_with(char::is_alphabetic)) {
            // A brand's own casing ("iPhone", "eBay") is no lower-case word.
            if t.text.starts_with(char::is_lowercase) && !t.text.contains(char::is_uppercase) {
                if !LOWER.contains(&t.text) {
                    return false;
                }
                continue;
            }
            if is_all_caps(t.text) && t.text.chars().count() > 4 {
                return false;
            }
            if !with_lower(t.text, |l| self.stopwords.contains(l)) {
                content += 1;
            }
        }
        content >= 4
    }

    /// Whether a line is in title case: its shape ([`Self::title_shape`]),
    /// and two of its capitalised words past the first are common words
    /// ([`Self::title_word`]): its capitals tell nothing of names, so each
    /// word is tested as a sentence's first word is.
    fn title_case(&self, toks: &[Token], lower_vocab: &LowerVocabulary, names: &NameVocabulary) -> bool {
        self.title_shape(toks)
            && toks
                .iter()
                .skip(1)
                .filter(|t| is_capitalised(t.text) && self.title_word(t.text, lower_vocab, names))
                .nth(1)
                .is_some()
    }

    /// The [`NameVocabulary`] of an article's sentences, each given as its
    /// [`tokens`].
    pub fn names_written<'a>(&self, sentences: &[Vec<Token<'a>>]) -> NameVocabulary<'a> {
        let mut names = NameVocabulary::default();
        for toks in sentences.iter().filter(|t| !self.title_shape(t)) {
            for (k, t) in toks.iter().enumerate().skip(1) {
                if is_capitalised(t.text) && !is_all_caps(t.text) {
                    names.written.insert(t.text);
                    if !toks.get(k + 1).is_some_and(|n| is_capitalised(n.text)) {
                        names.ends.insert(t.text);
                    }
                }
            }
        }
        names
    }

    /// Whether a capitalised word of a title-case line is a common word, not
    /// a name: the article writes it (or a form of it) in lower case, or the
    /// rules know it as a common word, and it does not write it capitalised
    /// inside a sentence.
    fn title_word(&self, w: &str, lower_vocab: &LowerVocabulary, names: &NameVocabulary) -> bool {
        if is_all_caps(w) || names.contains(w) {
            return false;
        }
        with_lower(w.trim_end_matches('.'), |k| self.common_word(k, lower_vocab, true))
    }

    /// Whether a capitalised word, `k` its [`key`], is a common word where
    /// capitals tell nothing of names: at a sentence's start, or anywhere in
    /// a title-case line (`title_line`). An "-ing" word is a verb ("Allowing
    /// Globex..."), and so is a word the article writes in lower case or the
    /// rules know ("Lawmakers", "foreign firms"): at a sentence's start as
    /// written or without a plural "s"; in a title-case line, which has more
    /// words to read, also in its regular forms ([`forms`]) or as a frequent
    /// English word (`dictionary`).
    fn common_word(&self, k: &str, lower_vocab: &LowerVocabulary, title_line: bool) -> bool {
        let base = without_possessive(k);
        if base.len() > 5 && base.ends_with("ing") && self.ing_form(base, lower_vocab) {
            return true;
        }
        if title_line {
            return forms(base)
                .any(|f| lower_vocab.contains(f) || self.common.contains(f) || self.dictionary.contains(f));
        }
        let singular = base.strip_suffix('s').unwrap_or(base);
        lower_vocab.contains(base) || self.common.contains(base) || self.common.contains(singular)
    }

    /// Whether a word ending in "-ing" is a form of a known word ("allowing",
    /// "using", "running"), not a name that ends so ("Beijing", "Irving",
    /// "Fleming").
    fn ing_form(&self, word: &str, lower_vocab: &LowerVocabulary) -> bool {
        let stem = &word[..word.len() - 3];
        let known = |w: &str| lower_vocab.contains(w) || self.common.contains(w) || self.dictionary.contains(w);
        // "running": a doubled last letter.
        let mut last = stem.char_indices().rev();
        let undoubled = match (last.next(), last.next()) {
            (Some((at, a)), Some((_, b))) if a == b => Some(&stem[..at]),
            _ => None,
        };
        known(stem) || known(&format!("{stem}e")) || undoubled.is_some_and(known)
    }

    fn is_name_word(&self, w: &str) -> bool {
        // "US" the acronym is not "us" the pronoun.
        (is_capitalised(w) || w.contains('&'))
            && (is_all_caps(w) || !with_lower(w, |l| self.stopwords.contains(l)))
            && !self.contraction(w)
    }

    /// A stopword with a contracted verb: "I'm", "There's", "We'll", "Don't".
    fn contraction(&self, w: &str) -> bool {
        let Some((head, tail)) = w.split_once(['\'', '’']) else {
            return false;
        };
        let head = if tail == "t" {
            head.strip_suffix('n').unwrap_or(head)
        } else {
            head
        };
        matches!(tail, "m" | "re" | "ve" | "ll" | "d" | "s" | "t") && with_lower(head, |l| self.stopwords.contains(l))
    }

    fn starts_name(
        &self,
        toks: &[Token],
        i: usize,
        headline: &[bool],
        lower_vocab: &LowerVocabulary,
        names: &NameVocabulary,
    ) -> bool {
        let w = toks[i].text;
        if headline[i] || !self.is_name_word(w) {
            return false;
        }
        with_lower(w.trim_end_matches('.'), |k| {
            self.starts_name_keyed(toks, i, k, lower_vocab, names)
                && !(i == 0
                    && !toks.get(1).is_some_and(|t| self.is_name_word(t.text))
                    && self.article_word(w, k, names))
        })
    }

    /// Whether the word opening a sentence (`toks[0]`, `k` its [`key`]) is
    /// the article's own name: one it writes capitalised inside its
    /// sentences ("Page", "Felt"), though it writes the word in lower case
    /// too ("a page", "felt"). Not a common word of the rules, not a name's
    /// opener or closer ("New", "News"), and not before an unnamed source's
    /// noun ("Church officials said"). A word the article capitalises
    /// only before another capitalised word opens a name only before one
    /// ("South Sudan's president"; not "Environmental groups" after
    /// "Environmental Protection Agency").
    fn own_name(&self, toks: &[Token], k: &str, names: &NameVocabulary) -> bool {
        let w = toks[0].text;
        let base = without_possessive(w);
        (names.ends_name(base) || names.contains(base) && toks.get(1).is_some_and(|t| is_capitalised(t.text)))
            && !self.common.contains(without_possessive(k))
            && !self.unnamed.contains(k)
            && !self.openers.contains(k)
            && !key_in(&self.closers, w)
            && !toks.get(1).is_some_and(|t| self.unnamed.contains(t.text))
    }

    /// Whether a capitalised word opening a sentence of an article, before
    /// a word that is no name, is a frequent English word written in lower
    /// case (`lower_case_words`, in one of its regular forms; "Europe" is in
    /// WordNet's list too) that the article never writes capitalised
    /// inside a sentence: "Four were killed", "Dozens fled", "Forensic tests
    /// showed". A surname that is also a word ("Page", "Cheeks") is written
    /// inside a sentence too, with its given name; a given name that is a
    /// word opens a name of two ("Mark Felt"). Not for a lone sentence
    /// (`names` empty), which has no such evidence.
    fn article_word(&self, w: &str, k: &str, names: &NameVocabulary) -> bool {
        !names.is_empty()
            && !is_all_caps(w)
            && !names.contains(without_possessive(w))
            && forms(without_possessive(k)).any(|f| self.lower_case_words.contains(f))
    }

    /// [`Self::starts_name`] past the tests of the word itself, `k` its [`key`].
    fn starts_name_keyed(
        &self,
        toks: &[Token],
        i: usize,
        k: &str,
        lower_vocab: &LowerVocabulary,
        names: &NameVocabulary,
    ) -> bool {
        if self.calendar.contains(k) {
            return false;
        }
        // An opener is a name's first word, never a name alone ("the New
        // Year", "New rules apply").
        if self.openers.contains(k) {
            return toks.get(i + 1).is_some_and(|t| self.is_name_word(t.text));
        }
        if i == 0 {
            if self.common_word(k, lower_vocab, false) && !self.titles.contains(k) && !self.own_name(toks, k, names) {
                return false;
            }
            // "Local officials said": a common word opening an unnamed source.
            if self.source_modifiers.contains(k) && toks.get(1).is_some_and(|t| self.unnamed.contains(t.text)) {
                return false;
            }
            // "Super-agent Scott Boras said", "Ex-president Roe": a
            // hyphenated word whose second part is in lower case is a
            // compound noun; names capitalise each part ("Hewlett-Packard").
            if lower_after_hyphen(toks[i].text).is_some() {
                return false;
            }
        }
        true
    }

    /// Whether two words make a title of two words ("Prime Minister"),
    /// asked of every word of a name run: only a word that opens such a
    /// title is joined to the next and looked up.
    fn two_word_title(&self, a: &str, b: &str) -> bool {
        key_in(&self.title_heads, a) && self.titles.contains(&format!("{} {}", key(a), key(b)))
    }

    fn make_entity(&self, sentence: &str, base: usize, run: &[Token]) -> Option<Entity> {
        let mut run = run;
        let full = run.len();
        // Strip leading titles ("Rep.", "Congressman", "Prime Minister"),
        // but for a title that names an institution ("General Hospital").
        while run.len() > 1 && key_in(&self.titles, run[0].text) && !self.persons.institution_head(run[1].text) {
            run = &run[1..];
        }
        // A title alone, of one word or two, is no name.
        if run.len() >= 2 && self.two_word_title(run[0].text, run[1].text) {
            run = &run[2..];
        }
        if run.is_empty() || run.len() == 1 && key_in(&self.titles, run[0].text) {
            return None;
        }
        let start = run.first()?.start;
        let end = run.last()?.end;
        let surface = &sentence[start..end];
        if is_party_tag(surface) {
            return None;
        }
        let canonical = self.canonical(surface)?;
        Some(Entity {
            text: surface.to_string(),
            start: base + start,
            end: base + end,
            canonical,
            titled: run.len() < full,
        })
    }

    /// The name with possessives, hyphen compounds and suffixes removed,
    /// aliases and nicknames applied.
    pub fn canonical(&self, surface: &str) -> Option<String> {
        // Every word but the last is whole and the last is cut at its end
        // only, so what is left of the words is a prefix of `surface`: it is
        // sliced, not rebuilt, and a String is made for the result alone.
        let mut words: Vec<&str> = surface.split(' ').collect();
        let one_word = words.len() == 1;
        if let Some(last) = words.last_mut() {
            for p in ["'s", "’s", "'", "’"] {
                if let Some(s) = last.strip_suffix(p) {
                    *last = s;
                    break;
                }
            }
            // "Globex-made", "New York-based", "UN President-elect": the
            // lower-case part after the hyphen is not a name. After a name
            // of two words or more, two short syllables that are no
            // participle are a given name ("Ban Ki-moon", "Kim Jong-un").
            if let Some((head, tail)) = lower_after_hyphen(last)
                && (one_word || !given_syllables(head, tail))
            {
                *last = head;
            }
        }
        while words.len() > 1 && words.last().is_some_and(|w| key_in(&self.suffixes, w)) {
            words.pop();
        }
        let joined = &surface[..words.iter().map(|w| w.len()).sum::<usize>() + words.len() - 1];
        let trimmed = joined.trim_end_matches(['.', ',']);
        let name = if trimmed.matches('.').count() >= 1
            && !trimmed.ends_with('.')
            && joined.ends_with('.')
            && trimmed.split('.').all(|p| p.len() <= 2)
        {
            // Keep "U.S." whole.
            joined
        } else {
            trimmed
        };
        if name.is_empty() || !name.chars().any(char::is_alphabetic) {
            return None;
        }
        // Tokenised text spaces the periods of initials and dotted
        // abbreviations: "U . S . Army" is "U.S. Army", "Jane Q . Roe" is
        // "Jane Q. Roe".
        let respaced;
        let name = if name.contains(". ") {
            respaced = match name.split_once(" . ") {
                // "Mt . Cook" is "Mt. Cook".
                Some((prefix, rest)) if key_in(&self.place_prefixes, prefix) => {
                    unspace_initials(&format!("{prefix}. {rest}"))
                }
                _ => unspace_initials(name),
            };
            respaced.as_str()
        } else {
            name
        };
        // Without a period, the name without its periods is the name.
        if let Some(c) = self.aliases.get(name).or_else(|| {
            name.contains('.')
                .then(|| self.aliases.get(&name.replace('.', "")))
                .flatten()
        }) {
            return Some(c.clone());
        }
        // "T - Mobile" as tokenised text writes "T-Mobile".
        let name = name.replace(" - ", "-");
        // A nickname opens a person's name, never a hyphened one: the
        // "Al" of "Al-Masry Al-Youm" is an article.
        if let Some(space) = name.find(' ')
            && let Some(full) = with_lower(&name[..space], |first| self.nicknames.get(first))
            && !self.persons.names_no_person(&name)
        {
            return Some(format!("{full}{}", &name[space..]));
        }
        Some(name)
    }
}

/// What tells a person's name from the others, read from the rules: a
/// given name opens one, and a place's, an institution's or an
/// organisation's head word, or a company suffix, ending a name makes it no
/// person's ("Betty Ford Center", "Acme Corp"). The entity finder and the
/// aligner both ask.
#[derive(Debug, Clone, Default)]
pub struct PersonNames {
    given: FxHashSet<String>,
    /// Keys ([`key`]) of the head words and suffixes.
    not_person_heads: FxHashSet<String>,
}

impl PersonNames {
    pub fn new(rules: &RuleSet) -> PersonNames {
        let mut p = PersonNames {
            not_person_heads: company_suffixes(rules),
            ..Default::default()
        };
        for r in &rules.names {
            match r.kind {
                NameKind::Nickname => p.given.extend(r.groups.iter().flatten().cloned()),
                NameKind::Given => p.given.extend(r.words.iter().cloned()),
                NameKind::Place | NameKind::Organisation | NameKind::Body => {
                    p.not_person_heads.extend(r.words.iter().map(|w| key(w)));
                }
                _ => {}
            }
        }
        p
    }

    /// A known given name, as written ("Michael").
    pub fn is_given(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    /// A person's name: two or three capitalised words, the first a known
    /// given name, or a name the text introduced with a title; not ending
    /// in a place's or an organisation's head word.
    pub fn is_person(&self, e: &Entity) -> bool {
        let parts: Vec<&str> = e.canonical.split(' ').collect();
        (2..=3).contains(&parts.len())
            && !self.names_no_person(&e.canonical)
            && parts
                .iter()
                .all(|p| p.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''))
            && (self.is_given(parts[0]) || e.titled)
    }

    /// Whether a name of two words or more ends in a word that makes it no
    /// person's, though a given name may open it.
    pub fn names_no_person(&self, name: &str) -> bool {
        name.rsplit_once(' ')
            .is_some_and(|(_, last)| self.institution_head(last))
    }

    /// A word that ends the names of places, bodies and organisations
    /// ("Hospital", "Assembly", "Motors", "Corp").
    pub fn institution_head(&self, word: &str) -> bool {
        key_in(&self.not_person_heads, without_possessive(word))
    }
}

/// Company suffixes, as keys: the suffix abbreviations of the rules and the
/// common ones ("Corp", "Inc").
fn company_suffixes(rules: &RuleSet) -> FxHashSet<String> {
    let mut suffixes: FxHashSet<String> = rules
        .abbreviations
        .iter()
        .filter(|r| r.class == AbbrevClass::Suffix)
        .flat_map(|r| r.words.iter().map(|w| key(w)))
        .collect();
    suffixes.extend(["corp", "inc", "ltd", "co", "llc", "plc", "group", "holdings"].map(String::from));
    suffixes
}

/// `name` with its initials written one way: the space before an
/// initial's period removed, and two initials or more in a row joined
/// ("U . S . Army" and "U. S. Army" are "U.S. Army", "Jane Q . Roe" is
/// "Jane Q. Roe").
fn unspace_initials(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    // Each word with its period: ("U", true) for "U ." and for "U.".
    let mut parts: Vec<(&str, bool)> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if single_capital(w) && words.get(i + 1) == Some(&".") {
            parts.push((w, true));
            i += 2;
        } else if let Some(l) = w.strip_suffix('.').filter(|l| single_capital(l)) {
            parts.push((l, true));
            i += 1;
        } else {
            parts.push((w, false));
            i += 1;
        }
    }
    let mut out = String::with_capacity(name.len());
    for (k, &(w, initial)) in parts.iter().enumerate() {
        // The last letter of a run at the name's end has its period
        // outside the name ("the U . S" of "the U . S ."), as "U.S" does.
        if k > 0 && !((initial || single_capital(w)) && parts[k - 1].1) {
            out.push(' ');
        }
        out.push_str(w);
        if initial {
            out.push('.');
        }
    }
    out
}

/// Two short syllables joined by a hyphen, the second in lower case and
/// no participle: a given name as East Asian names write it ("Ki-moon",
/// "Jong-un", "Myung-bak"), not "Nations-run" or "York-based".
fn given_syllables(head: &str, tail: &str) -> bool {
    (2..=5).contains(&head.chars().count())
        && (1..=5).contains(&tail.chars().count())
        && !tail.ends_with("ed")
        && !tail.ends_with("ing")
}

/// A word's parts around its first hyphen when a lower-case letter comes
/// right after it ("Super-agent", "Globex-made", "Ki-moon").
fn lower_after_hyphen(w: &str) -> Option<(&str, &str)> {
    w.split_once('-')
        .filter(|(head, tail)| !head.is_empty() && tail.starts_with(char::is_lowercase))
}

/// One capital letter: an initial's letter.
fn single_capital(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Whether `t` is an initial inside a name: one capital letter and its
/// period, glued or spaced, before a capitalised word ("Jane S. Roe", "A. B.
/// Roe", "U . S . Army"), or after another initial (`after_initial`: "the
/// U . S . team"). Alone, "S" and "A" are stopwords.
fn is_initial(sentence: &str, t: &Token, after_initial: bool) -> bool {
    if !single_capital(t.text) {
        return false;
    }
    let rest = &sentence[t.end..];
    let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(" . ")) else {
        // The last of a run of initials ("U . S ." ending a sentence).
        return after_initial && (rest.starts_with('.') || rest.starts_with(" ."));
    };
    after_initial || rest.starts_with(char::is_uppercase)
}

/// Whether tokens `a` and `b` of `sentence` stand one space apart, as
/// the words of one name do.
fn spaced(sentence: &str, a: &Token, b: &Token) -> bool {
    sentence.get(a.end..b.start) == Some(" ")
}

/// The owner a word in the possessive names ("Acme" of "Acme's"); `None`
/// for a word not in the possessive.
fn possessive_owner(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// A word without its possessive "'s".
fn without_possessive(word: &str) -> &str {
    possessive_owner(word).unwrap_or(word)
}

/// A U.S. party-state tag such as "R-Ark" or "D-N.Y": a label, not a name.
pub(crate) fn is_party_tag(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase() && !s.contains(' ')
}

/// A lower-case word and the bases its regular inflections could come
/// from ("checks" -> "check", "charged" -> "charge", "fleeing" -> "flee"),
/// some of them no words at all: each is only looked up.
fn forms(k: &str) -> impl Iterator<Item = &str> + '_ {
    const ENDINGS: [&str; 5] = ["s", "es", "ed", "d", "ing"];
    std::iter::once(k).chain(
        ENDINGS
            .into_iter()
            .filter_map(move |e| k.strip_suffix(e).filter(|stem| stem.len() >= 3)),
    )
}

/// Tokens in a run of headline capitals ("US MOBILE CARRIER Q&R"): long
/// all-capital words there are styling, not acronyms.
fn headline_mask(toks: &[Token]) -> Vec<bool> {
    let mut mask = vec![false; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        while j < toks.len() && is_all_caps(toks[j].text) {
            j += 1;
        }
        if j - i >= 3 {
            for k in i..j {
                let t = toks[k].text;
                mask[k] = t.chars().all(char::is_alphabetic) && t.chars().count() >= 5;
            }
        }
        i = j.max(i + 1);
    }
    mask
}

/// Resolve short mentions to full names across `mentions` (one list per
/// document, or one list for a whole corpus): a lone surname, or an initial
/// and a surname, becomes the one full name of a person that ends with that
/// surname. A person's name starts with a known given name or was written
/// after a title somewhere; "Allowing Globex" is not one.
pub fn resolve(finder: &EntityFinder, mentions: &mut [&mut Entity]) {
    let titled: HashSet<String> = mentions
        .iter()
        .filter(|e| e.titled)
        .map(|e| e.canonical.clone())
        .collect();
    let mut by_last: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    for e in mentions.iter() {
        let parts: Vec<&str> = e.canonical.split(' ').collect();
        let person = (finder.persons.is_given(parts[0]) || titled.contains(&e.canonical))
            && !finder.persons.names_no_person(&e.canonical);
        // Two or three words, as the aligner reads a person's name: a longer
        // run is a headline's ("Tom Fletcher Lead Celeb Congrats").
        if person
            && (2..=3).contains(&parts.len())
            && parts.iter().all(|p| is_capitalised(p))
            && !parts[0].ends_with('.')
        {
            by_last
                .entry(parts[parts.len() - 1].to_string())
                .or_default()
                .insert(e.canonical.clone());
        }
    }
    for e in mentions.iter_mut() {
        let parts: Vec<&str> = e.canonical.split(' ').collect();
        let last = parts[parts.len() - 1];
        let Some(fulls) = by_last.get(last) else { continue };
        let candidates: Vec<&String> = match parts.len() {
            1 => fulls.iter().collect(),
            2 if parts[0].trim_end_matches('.').chars().count() == 1 => {
                let initial = parts[0].chars().next();
                fulls.iter().filter(|f| f.chars().next() == initial).collect()
            }
            _ => continue,
        };
        if candidates.len() == 1 {
            e.canonical = candidates[0].clone();
        }
    }
}

/// Whether the line of `sentence` holding byte `at` is a web address or
/// a path ("http : / / www . site . com / 2013 / ...", as tokenised text
/// spaces it).
fn in_web_address(sentence: &str, at: usize) -> bool {
    let start = sentence[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = sentence[at..].find('\n').map_or(sentence.len(), |i| at + i);
    let line = &sentence[start..end];
    line.contains(" / ") || line.contains("http") || line.contains("www")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder() -> EntityFinder {
        EntityFinder::new(&RuleSet::defaults())
    }

    fn names(s: &str) -> Vec<String> {
        finder()
            .find(s, 0, &LowerVocabulary::default())
            .into_iter()
            .map(|e| e.canonical)
            .collect()
    }

    #[test]
    fn a_sentence_may_open_with_a_name_ending_in_ing_but_not_with_a_contraction() {
        assert_eq!(names("Beijing has denied the claims."), ["Beijing"]);
        assert_eq!(names("Irving scored 30 points."), ["Irving"]);
        // Forms of words: "allow", "run" (doubled), "use" less its "e" are verbs.
        assert_eq!(names("Allowing Globex to bid was a mistake."), ["Globex"]);
        assert_eq!(names("Running the Dayton plant cost Acme dearly."), ["Dayton", "Acme"]);
        for s in [
            "I'm sure Acme will win.",
            "There's no plan at Acme.",
            "We’ve told Acme.",
        ] {
            assert_eq!(names(s), ["Acme"], "{s}");
        }
        assert_eq!(names("O'Brien said so."), ["O'Brien"]);
        // A doubled letter outside ASCII is cut at a character's edge.
        assert_eq!(names("Ññing left Dayton."), ["Ññing", "Dayton"]);
    }

    #[test]
    fn a_police_department_is_one_name() {
        // "police" is a stopword: it no longer cuts the name in two.
        assert_eq!(
            names("The Anchorage Police Department said so."),
            ["Anchorage Police Department"]
        );
        // At a name's end, before a verb, it still is no name of its own.
        assert_eq!(names("In Dayton Police said so."), ["Dayton"]);
        assert_eq!(names("Acme And Globex merged."), ["Acme", "Globex"]);
    }

    #[test]
    fn a_title_inside_a_run_starts_a_new_name() {
        assert_eq!(
            names("Texas Attorney General Greg Abbott sued."),
            ["Texas", "Gregory Abbott"]
        );
        assert_eq!(
            names("Greek Prime Minister Costas Karamanlis spoke."),
            ["Greek", "Costas Karamanlis"]
        );
        // The second word of a two-word title does not cut it.
        assert_eq!(names("Head Coach Maurice Cheeks left."), ["Maurice Cheeks"]);
    }

    #[test]
    fn public_bodies_join_two_nouns_with_and() {
        assert_eq!(
            names("The Fish and Wildlife Service listed the owl."),
            ["Fish and Wildlife Service"]
        );
        assert_eq!(
            names("The Academy of Motion Picture Arts and Sciences announced it."),
            ["Academy of Motion Picture Arts and Sciences"]
        );
        // Two whole names, a person and a body, or no body head: two names.
        assert_eq!(
            names("The Justice Department and Treasury Department met."),
            ["Department of Justice", "Department of the Treasury"]
        );
        assert_eq!(
            names("Later, John Smith and Harvard University agreed."),
            ["John Smith", "Harvard University"]
        );
        assert_eq!(names("Later, Acme and Globex agreed."), ["Acme", "Globex"]);
        // A body's name that goes on past its head is a name of its own.
        assert_eq!(
            names("The Cricket Wireless and Federal Bureau of Investigation cases differ."),
            ["Cricket Wireless", "Federal Bureau of Investigation"]
        );
    }

    #[test]
    fn known_multi_word_names_are_found_whole() {
        // Cut at "and" or at a title word ("Justice"), these became
        // "Department of Health", "Human Services" and "Department".
        assert_eq!(
            names("The Department of Health and Human Services and the Justice Department's lawyers met."),
            ["Department of Health and Human Services", "Department of Justice"]
        );
        assert_eq!(
            names("The Securities and Exchange Commission fined Acme."),
            ["Securities and Exchange Commission", "Acme"]
        );
        // A longer name that opens with a known one stays that longer name.
        assert_eq!(
            names("The United States Geological Survey said so."),
            ["United States Geological Survey"]
        );
    }

    #[test]
    fn strips_titles_and_suffixes() {
        assert_eq!(
            names("It was Rep. Michael Hargrove of Texas and Umbrella Corp. today."),
            ["Michael Hargrove", "Texas", "Umbrella"]
        );
    }

    #[test]
    fn a_hyphenated_given_name_is_kept_and_a_participle_cut() {
        assert_eq!(
            names("He met Ban Ki-moon and Lee Myung-bak at a New York-based firm and a Globex-made plant."),
            ["Ban Ki-moon", "Lee Myung-bak", "New York", "Globex"]
        );
        assert_eq!(
            names("It was US President-elect Jane Roe."),
            ["United States", "Jane Roe"]
        );
    }

    #[test]
    fn nickname_and_alias() {
        assert_eq!(
            names("Then Congressman Mike Smith went to the U.S. again."),
            ["Michael Smith", "United States"]
        );
    }

    #[test]
    fn a_place_named_after_a_person_keeps_its_name() {
        assert_eq!(
            names("Betty Ford checked into the Betty Ford Center near Bill Smith Airport."),
            ["Elizabeth Ford", "Betty Ford Center", "Bill Smith Airport"]
        );
    }

    #[test]
    fn headline_capitals() {
        assert_eq!(names("US MOBILE CARRIER Q&R has backed out."), ["United States", "Q&R"]);
    }

    #[test]
    fn a_possessive_ends_a_name() {
        assert_eq!(
            names("She checked into California's Dayton Ford Center and the People's Republic of China."),
            ["California", "Dayton Ford Center", "China"]
        );
        assert_eq!(
            names("Shares of Nordvik's Corp. and Acme's Dayton plant rose."),
            ["Nordvik's", "Acme", "Dayton"]
        );
    }

    #[test]
    fn possessive_and_compound() {
        assert_eq!(
            names("the use of Acme-made phones and Globex's network"),
            ["Acme", "Globex"]
        );
    }

    #[test]
    fn resolves_surnames_and_initials() {
        let f = finder();
        let mut a = f.find("Rep. Michael Hargrove spoke.", 0, &LowerVocabulary::default());
        let mut b = f.find(
            "Mr. Hargrove said so, and M. Hargrove agreed.",
            0,
            &LowerVocabulary::default(),
        );
        let mut all: Vec<&mut Entity> = a.iter_mut().chain(b.iter_mut()).collect();
        resolve(&f, &mut all);
        assert!(b.iter().all(|e| e.canonical == "Michael Hargrove"), "{b:?}");
    }

    /// Tokenised text spaces initials' periods; the name is the same.
    #[test]
    fn initials_spaced_or_glued_are_one_name() {
        assert_eq!(names("said Dana Q . Voss ."), ["Dana Q. Voss"]);
        assert_eq!(names("said Dana Q. Voss."), ["Dana Q. Voss"]);
        assert_eq!(names("said manager A . J . Voss ."), ["A.J. Voss"]);
        assert_eq!(names("said manager A. J. Voss."), ["A.J. Voss"]);
        // "S" and "A" are initials here, not stopwords.
        assert_eq!(names("Dana S. Voss left."), ["Dana S. Voss"]);
        assert_eq!(
            names("the U . S . Geological Survey said"),
            names("the U.S. Geological Survey said")
        );
        assert_eq!(
            names("He went to the U . S . today ."),
            names("He went to the U.S. today.")
        );
        // A letter before a digit is no initial: "a .38-caliber revolver".
        assert!(names("A . 38 - caliber revolver was found .").is_empty());
    }

    /// A lone surname resolves to a full name that opens with a common
    /// given name (`given-names`), not only a nickname group's.
    #[test]
    fn resolves_surnames_of_common_given_names() {
        let f = finder();
        let mut a = f.find(
            "Chargers tackle Jamal Weller was arrested.",
            0,
            &LowerVocabulary::default(),
        );
        let mut b = f.find("Weller was released on bail.", 0, &LowerVocabulary::default());
        let mut all: Vec<&mut Entity> = a.iter_mut().chain(b.iter_mut()).collect();
        resolve(&f, &mut all);
        assert_eq!(b[0].canonical, "Jamal Weller", "{b:?}");
    }

    /// A given name ends a person's name before "of" but not before a
    /// particle of the surname.
    #[test]
    fn a_person_ends_before_of_but_not_before_a_particle() {
        let f = finder();
        let names = |t: &str| -> Vec<String> {
            f.find(t, 0, &LowerVocabulary::default())
                .into_iter()
                .map(|e| e.canonical)
                .collect()
        };
        assert_eq!(
            names("He will fight Manuel Kessel of Germany."),
            ["Manuel Kessel", "Germany"]
        );
        assert_eq!(names("It was drawn by Olivia de Berardinis."), ["Olivia de Berardinis"]);
    }

    /// The names an article's facets hold, in order.
    fn article_names(text: &str) -> Vec<String> {
        let ex = crate::extract::Extractor::new(&RuleSet::defaults());
        ex.facets(text, 0, None)
            .entities
            .into_iter()
            .map(|e| e.canonical)
            .collect()
    }

    /// A word the article capitalises inside its sentences opens one as a
    /// name, though the article also writes it in lower case.
    #[test]
    fn an_article_s_own_name_opens_a_sentence() {
        let text = "The board felt the loss on Monday.\n\
                    Investigators spoke with Marcus Felt on Tuesday.\n\
                    Felt later said the plant had closed.\n";
        assert!(article_names(text).iter().filter(|n| n.ends_with("Felt")).count() >= 2);
        // Not before an unnamed source's noun, nor a name's opener.
        let text = "The Church of Dornby was rebuilt in 2001.\n\
                    The church was full.\n\
                    Church officials said the roof had fallen.\n";
        assert!(
            !article_names(text).iter().any(|n| n == "Church"),
            "{:?}",
            article_names(text)
        );
    }

    #[test]
    fn title_case_lines_hold_only_the_names() {
        // Alone, the rules' common words tell the words from the names.
        assert_eq!(
            names("Jane Roe Charged With Murder After Dayton Office Shooting"),
            ["Jane Roe", "Dayton"]
        );
        assert_eq!(
            names("Acme Corp Cancels Deal With Globex Over Pricing"),
            ["Acme", "Globex"]
        );
        assert_eq!(
            names("Acme Recalls iPhone Chargers Bought In Dayton"),
            ["Acme", "Dayton"]
        );
        // In an article, so do the words it writes in lower case...
        assert_eq!(
            article_names("Nordvik Shuts Plant At Dayton\n\nNordvik said it shut the plant at Dayton."),
            ["Nordvik", "Dayton", "Nordvik", "Dayton"]
        );
        // ...and a common word it writes capitalised inside a sentence is a name.
        assert_eq!(
            article_names(
                "Michigan Recalls Trucks After Fire\n\nThe recall in Michigan covers trucks sold after a fire."
            ),
            ["Michigan", "Michigan"]
        );
    }

    #[test]
    fn a_sentence_of_names_is_not_a_title_case_line() {
        // "was" and "today" are lower case: no title case, "Umbrella" stays.
        assert_eq!(
            names("It was Rep. Michael Hargrove of Texas and Umbrella Corp. today."),
            ["Michael Hargrove", "Texas", "Umbrella"]
        );
        // Four names and no common word capitalised: nothing to take back.
        assert_eq!(
            names("Michael Hargrove And Jane Roe In Dayton"),
            ["Michael Hargrove", "Jane Roe", "Dayton"]
        );
    }
}
