//! Which time a claim's figures belong to: the story's own, or an earlier
//! one the sentence names as background.
//!
//! News of one event retells earlier ones ("In 2004, a tsunami killed
//! 230,000 people", "Last year a 6.4-magnitude quake killed one"), and the
//! alignment rightly joins those sentences with the event's own tolls and
//! magnitudes: same words, same measures. Their figures disagree without
//! any source being wrong. A sentence that names a year before the latest
//! its article names, or a year-scale time ago ("four years ago", "last
//! year" when no date resolves it), is read as background, and its figures
//! are compared only with figures of the same background year.
//!
//! A whole sentence takes its year, not one clause: "the quake, the worst
//! since 2004, injured 40" is read as background too. That loses a
//! comparison; reading the clause a year governs is left for later.

use rustc_hash::FxHashMap;

use crate::model::{Claim, DateFacet};

/// The time a claim's figures describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    /// The story's own event: no earlier year named.
    Now,
    /// A year before the latest one its article names.
    Year(i32),
    /// A year-scale time ago that no date resolves ("four years ago").
    Earlier,
}

/// The era of every claim that is not `Now`, by claim id.
#[derive(Debug, Default)]
pub struct Eras<'c> {
    background: FxHashMap<&'c str, Era>,
}

impl<'c> Eras<'c> {
    /// Reads every claim's dates against the latest year its document names
    /// (a dateline or a page's date counts: it is when the article was written).
    pub fn new(claims: &'c [Claim]) -> Eras<'c> {
        let mut latest: FxHashMap<&str, i32> = FxHashMap::default();
        for c in claims {
            if let Some(y) = c.dates.iter().filter_map(DateFacet::year).max() {
                let e = latest.entry(c.doc.as_str()).or_insert(y);
                *e = (*e).max(y);
            }
        }
        let mut background = FxHashMap::default();
        for c in claims {
            let stated = c.dates.iter().filter(|d| !d.said);
            let year = stated.clone().filter_map(DateFacet::year).max();
            let era = match (year, latest.get(c.doc.as_str())) {
                (Some(y), Some(&l)) if y < l => Era::Year(y),
                (Some(_), _) => Era::Now,
                (None, _) if stated.clone().any(years_ago) => Era::Earlier,
                (None, _) => Era::Now,
            };
            if era != Era::Now {
                background.insert(c.id.as_str(), era);
            }
        }
        Eras { background }
    }

    pub fn of(&self, claim: &Claim) -> Era {
        self.background.get(claim.id.as_str()).copied().unwrap_or(Era::Now)
    }
}

/// An unresolved relative date at least a year back: "four years ago",
/// "a decade ago", "last year", "the previous year".
fn years_ago(d: &DateFacet) -> bool {
    if d.value.is_some() || d.low.is_some() {
        return false;
    }
    let t = d.text.to_lowercase();
    let scale = t.contains("year") || t.contains("decade");
    scale && (t.ends_with(" ago") || t.starts_with("last ") || t.contains("previous"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Engine;
    use crate::rules::RuleSet;

    fn claims(doc: &[&str]) -> Vec<Claim> {
        let e = Engine::new(RuleSet::defaults());
        doc.iter()
            .enumerate()
            .map(|(i, t)| {
                let mut c = e.sentence_claim(&format!("d:{i}"), t);
                c.doc = "d".into();
                c
            })
            .collect()
    }

    #[test]
    fn an_earlier_year_than_the_articles_latest_is_background() {
        let c = claims(&[
            "The quake struck Velmaria on July 2, 2013, killing 24 people.",
            "In 2004, a tsunami killed 230,000 people across the region.",
            "Four years ago a quake killed 1,000 people near Dornby.",
            "Rescuers found 24 bodies by Tuesday.",
        ]);
        let eras = Eras::new(&c);
        assert_eq!(eras.of(&c[0]), Era::Now);
        assert_eq!(eras.of(&c[1]), Era::Year(2004));
        assert_eq!(eras.of(&c[2]), Era::Earlier);
        assert_eq!(eras.of(&c[3]), Era::Now);
    }

    #[test]
    fn an_article_that_names_one_year_reads_it_as_its_own() {
        let c = claims(&["In 2004, a tsunami killed 230,000 people across the region."]);
        assert_eq!(Eras::new(&c).of(&c[0]), Era::Now);
    }
}
