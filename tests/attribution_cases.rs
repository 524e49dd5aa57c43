//! Who says it, how sure, and whether it is negated: one row per sentence.
//!
//! Every sentence is invented (Acme, Globex, the Daily Ledger, Jane Hargrove,
//! Marcus Okafor). A row gives the source the attribution should name (`None`:
//! no one, or an unnamed "reports"), whether the sentence carries a direct
//! quotation, the certainty level, and whether it is negated. The word lists
//! these depend on are in `rules/attribution.toml`, `rules/certainty.toml`
//! and `rules/negation.toml`.

use corroborate::check::Engine;
use corroborate::model::Certainty;
use corroborate::rules::RuleSet;

use Certainty::{Alleged as AL, Asserted as AS, Denied as DE, Reported as RE, Speculative as SP};

/// (sentence, source, direct quotation, certainty, negated)
#[rustfmt::skip]
const CASES: &[(&str, Option<&str>, bool, Certainty, bool)] = &[
    // Outlets and speakers with a reporting verb.
    ("Acme cut 200 jobs last year, the Daily Ledger reported.", Some("Daily Ledger"), false, RE, false),
    ("Globex will close its plant in Ohio, Jane Hargrove said.", Some("Jane Hargrove"), false, RE, false),
    ("The Daily Ledger reported that Acme had hired 40 engineers.", Some("Daily Ledger"), false, RE, false),
    ("Acme has hired 40 engineers, the Daily Ledger reports.", Some("Daily Ledger"), false, RE, false),
    ("Globex reported a loss of $3 million for the quarter.", Some("Globex"), false, RE, false),
    ("Jane Hargrove wrote in a blog post that the product was delayed.", Some("Jane Hargrove"), false, RE, false),
    ("The plant will close in May, said Jane Hargrove, a spokeswoman.", Some("Jane Hargrove"), false, RE, false),
    ("Jane Hargrove told reporters the plant had closed.", Some("Jane Hargrove"), false, RE, false),
    ("Globex said in a statement that it had signed the contract.", Some("Globex"), false, RE, false),
    ("In a statement, Globex said it had not broken any rules.", Some("Globex"), false, RE, true),
    ("An Acme spokesperson said the recall covered 12,000 cars.", Some("Acme"), false, RE, false),
    ("Acme's spokesperson said the recall was voluntary.", Some("Acme"), false, RE, false),
    ("A police spokesman said the road would reopen on Monday.", Some("police"), false, RE, false),
    ("The road will reopen on Monday, the agency's spokeswoman said.", Some("agency"), false, RE, false),
    // A body a possessive name owns is its own source; two of one
    // country's agencies are two origins.
    ("The toll rose to 40, according to Norland's seismic institute.", Some("Norland's seismic institute"), false, RE, false),
    ("Norland's health ministry said 40 people died.", Some("Norland's health ministry"), false, RE, false),
    ("Acme's spokeswoman, Jane Hargrove, said the recall was voluntary.", Some("Jane Hargrove"), false, RE, false),
    // Lower-case words and an age between a closing verb and the name only
    // describe the speaker, and an aside may follow the name.
    ("Globex will close the plant, said local resident Jane Hargrove.", Some("Jane Hargrove"), false, RE, false),
    ("\"We are relieved,\" said 17-year-old Marcus Okafor, one of the plant's oldest workers' sons.", Some("Marcus Okafor"), true, RE, false),
    ("\"We are relieved , \" said 17 - year - old Marcus Okafor , a welder .", Some("Marcus Okafor"), true, RE, false),
    // A name, asides set off by commas that name no one, then the verb: the
    // name speaks. Not when the name is a preposition's object, and "according
    // to" takes no speaker before it.
    ("Jane Hargrove, the plant's director, said the line would close.", Some("Jane Hargrove"), false, RE, false),
    ("Marcus Okafor, 41, who has worked there for years, said the plant was safe.", Some("Marcus Okafor"), false, RE, false),
    ("Marcus Okafor , Hargrove 's grandson , said the plant was safe .", Some("Marcus Okafor"), false, RE, false),
    ("Sen. Jane Hargrove (D-Ohio) said the plant was safe.", Some("Jane Hargrove"), false, RE, false),
    ("A truck hit a Globex van, which then sped off, according to police.", Some("police"), false, RE, false),
    // A pronoun that tells someone speaks, unless another verb names the
    // source; and an infinitive after "told" is no telling.
    ("He also told the panel that the plant was safe.", Some("he"), false, RE, false),
    ("Police said he told them he had fled the plant.", Some("police"), false, RE, false),
    ("It was a lie he told to protect the plant.", None, false, RE, false),
    // A determined subject after an aside: the comma parts them.
    ("Under questioning, the court clerk said the fire started inside.", Some("clerk"), false, RE, false),
    // An appositive's closing comma before "told"; a phrase of how after a
    // closing name; a publicist is an unnamed source.
    ("Her lawyer, Jane Hargrove, told the court the plant was safe.", Some("Jane Hargrove"), false, RE, false),
    ("\"The plant is safe,\" said Jane Hargrove in a conference call with reporters.", Some("Jane Hargrove"), true, RE, false),
    ("The singer checked into a clinic, according to her publicist.", Some("publicist"), false, RE, false),
    // An unnamed source after a closing verb, and a name after its noun.
    ("The plant will close, said officials.", Some("officials"), false, RE, false),
    ("\"They are rowdy,\" said a police officer at the scene.", Some("police"), true, RE, false),
    ("The talks failed, says a source with knowledge of the discussions.", Some("source"), false, RE, false),
    ("The plant will close, said police officers who asked to stay anonymous.", Some("officers"), false, RE, false),
    ("The plant will close, said plant spokesman Marcus Okafor.", Some("Marcus Okafor"), false, RE, false),
    ("Acme said officials would decide the matter next week at a meeting in Ohio.", Some("Acme"), false, RE, false),
    // An unnamed source opening a clause inside the sentence; a closing
    // attribution after "the" still reports all before it.
    ("When Okafor was arrested, police said they found a shotgun in his car.", Some("police"), false, RE, false),
    ("Roads were closed and officials said on Monday they would stay closed.", Some("officials"), false, RE, false),
    ("Roads were closed, and officials said they would stay closed, the Daily Ledger reported.", Some("Daily Ledger"), false, RE, false),
    // "states" after a name is mostly a noun; a relative pronoun is no
    // source; an auxiliary may stand between an unnamed source and its verb.
    ("The quake was felt in the Gulf states of Oman and Qatar.", None, false, AS, false),
    ("Acme states that the recall is voluntary.", Some("Acme"), false, RE, false),
    ("Hargrove led the project, an effort to map the coast, that concluded in 2003.", None, false, AS, false),
    ("A climber fell to his death on the mountain, police there have said.", Some("police"), false, RE, false),
    // A title alone after a quotation is a surname.
    ("\"The plant will close in May,\" King said.", Some("King"), true, RE, false),
    // After a relative pronoun, the name after the verb is what is claimed.
    ("The trial resumes with a man who claims Jane Hargrove's brother threatened him.", None, false, AL, false),
    // A place and a title between the verb and the speaker.
    ("The plant had closed, said Dornby Councilman Marcus Okafor.", Some("Marcus Okafor"), false, RE, false),
    ("The plant had closed, Const. Jane Hargrove said.", Some("Jane Hargrove"), false, RE, false),
    // A name and its affiliation: the person speaks, not the body.
    ("The Rev. Marcus Okafor of the Globex Chapel said the fire was arson.", Some("Marcus Okafor"), false, RE, false),
    ("Jane Hargrove from Acme said the plant had closed.", Some("Jane Hargrove"), false, RE, false),
    ("The plant had closed, Jane Hargrove with the Daily Ledger said.", Some("Jane Hargrove"), false, RE, false),
    // The speaker heads an appositive; the name before the verb is inside it.
    ("Jane Hargrove, director of the Globex Foundation for Safe Roads, said the plant had closed.", Some("Jane Hargrove"), false, RE, false),
    ("Marcus Okafor, 39, a clerk at Acme Hospital, said the plant had closed.", Some("Marcus Okafor"), false, RE, false),
    // A source named right after the verb that closes the sentence.
    ("Acme will build a plant near the city of Dayton, said the Daily Ledger.", Some("Daily Ledger"), false, RE, false),
    // Tokenised text writes quotation marks as `` and ''.
    ("`` Acme will close the plant in May , '' Jane Hargrove said .", Some("Jane Hargrove"), true, RE, false),
    // A reply verb says something only before what was said; elsewhere it is a deed.
    ("\"We will appeal the ruling,\" Jane Hargrove responded.", Some("Jane Hargrove"), true, RE, false),
    ("Police responded to the call at the Acme plant shortly after midnight.", None, false, AS, false),
    ("Marcus Okafor posted a game-high 27 points in the win.", None, false, AS, false),
    // An unnamed source after a comma is the verb's subject, not the place before it.
    ("Two climbers died on the ridge near Dayton, police confirmed.", Some("police"), false, RE, false),
    // The pronoun next to the verb is its subject, not the place before it.
    ("Acme had offered him a job in Dayton, they said.", Some("they"), false, RE, false),
    // After a reporting verb "would" is the reported "will": a plan or an
    // outcome passed on, not a possibility (rules/certainty.toml, "would").
    ("Marcus Okafor announced that Globex would buy the mill.", Some("Marcus Okafor"), false, RE, false),
    ("Globex would buy the mill if regulators agree.", None, false, SP, false),
    ("Globex confirmed the sale on Friday.", Some("Globex"), false, RE, false),
    // Unnamed sources.
    ("Profits rose by 8 percent, the company said.", Some("company"), false, RE, false),
    ("The deal is off, officials said.", Some("officials"), false, RE, false),
    ("Acme has not yet decided, officials said.", Some("officials"), false, RE, true),
    ("Acme was preparing a bid, people familiar with the matter said.", Some("people"), false, RE, false),
    ("Acme will cut 40 jobs, a person briefed on the plan said.", Some("person"), false, RE, false),
    // An unnamed source that opens the sentence.
    ("Police said the driver of the van fled on foot.", Some("police"), false, RE, false),
    ("Officials said 40 people had died in the flood.", Some("officials"), false, RE, false),
    ("Sources said Acme would not renew the contract.", Some("sources"), false, RE, true),
    ("Sources said Acme might not renew the contract.", Some("sources"), false, SP, true),
    // Nobody says what a source declines to say; the withheld answer stays
    // negated for matching (rules/negation.toml, withheld-statements).
    ("Globex did not say whether it would reopen the plant.", None, false, SP, true),
    ("Five people were hurt, according to local officials.", Some("officials"), false, RE, false),
    ("The quake killed 820 people, the interior ministry said in a statement.", Some("ministry"), false, RE, false),
    ("The company said it had hired 40 engineers.", Some("company"), false, RE, false),
    ("Two witnesses told reporters the van did not stop.", Some("witnesses"), false, RE, true),
    // A common word opening the unnamed source is no name; a name there stays one.
    ("Local officials said the bridge reopened on Monday.", Some("officials"), false, RE, false),
    ("Globex officials said the recall was voluntary.", Some("Globex"), false, RE, false),
    // Where the speakers are is not who speaks.
    ("Officials in Dornby said the bridge would reopen on Monday.", Some("officials"), false, RE, false),
    ("An office worker in Dornby said the tremor lasted ten seconds.", None, false, AS, false),
    ("The bridge was damaged in Dornby, said Acme spokesman Marcus Okafor.", Some("Acme"), false, RE, false),
    ("Jane Hargrove, a resident of a village in Dornby, said the tremor lasted ten seconds.", Some("Jane Hargrove"), false, RE, false),
    ("Several people said they heard two explosions near the Acme plant.", Some("people"), false, RE, false),
    ("Police arrested the driver of the van on Monday.", None, false, AS, false),
    ("Former employees said managers had ignored the warnings.", Some("employees"), false, RE, false),
    // Who was told is no source unless named: the outlet is an origin, the police are not.
    ("The driver told police the van had not stopped.", None, false, RE, true),
    // "According to", "told", "citing": the source follows.
    ("According to the Daily Ledger, Acme paid $4 million for the land.", Some("Daily Ledger"), false, RE, false),
    ("According to Jane Hargrove, the factory employs 300 people.", Some("Jane Hargrove"), false, RE, false),
    ("Acme employs 300 people, according to company filings.", None, false, RE, false),
    ("Two executives told the Daily Ledger that Acme would be sold.", Some("Daily Ledger"), false, RE, false),
    ("Acme's chief executive told the Daily Ledger that sales fell.", Some("Daily Ledger"), false, RE, false),
    ("No deal was signed, according to the Daily Ledger.", Some("Daily Ledger"), false, RE, true),
    (
        "Citing two people familiar with the matter, the Daily Ledger said Acme would exit the market.",
        Some("Daily Ledger"),
        false,
        RE,
        false,
    ),
    // Direct quotations.
    ("\"We have no plans to sell the unit,\" Jane Hargrove said.", Some("Jane Hargrove"), true, RE, true),
    ("“Our sales doubled in a year,” she said.", Some("she"), true, RE, false),
    ("\"The deal is finished,\" said Marcus Okafor, the chief executive of Globex.", Some("Marcus Okafor"), true, RE, false),
    ("\"We did not break any law,\" Marcus Okafor said.", Some("Marcus Okafor"), true, RE, true),
    ("“We are not leaving,” Jane Hargrove told the Daily Ledger.", Some("Daily Ledger"), true, RE, true),
    ("\"This is the worst quarter we have had,\" the memo read.", None, true, RE, false),
    ("The minister called the plan \"a betrayal of the workers\".", None, true, RE, false),
    ("The firm described the offer as \"fair\".", None, false, AS, false),
    // Claims and allegations.
    ("Marcus Okafor claims the merger saved 500 jobs.", Some("Marcus Okafor"), false, AL, false),
    ("Globex claimed that Acme had copied its design.", Some("Globex"), false, AL, false),
    ("Globex alleged that Acme copied its design.", Some("Globex"), false, AL, false),
    ("Acme allegedly hid the losses from investors.", None, false, AL, false),
    ("Globex is accused of dumping waste in the river.", None, false, AL, false),
    ("Reports claim that Acme has signed a second deal.", None, false, AL, false),
    // Reported without a named source.
    ("Acme reportedly paid $2 million for the patent.", None, false, RE, false),
    ("Acme is said to have paid $2 million.", None, false, RE, false),
    ("Industry sources have confirmed that Acme will close the plant.", Some("sources"), false, RE, false),
    ("Acme is believed to be in talks with Globex.", None, false, RE, false),
    // Speculation.
    ("Acme may announce the merger next week.", None, false, SP, false),
    ("Globex is expected to report a loss.", None, false, SP, false),
    ("The merger could cost 2,000 jobs.", None, false, SP, false),
    ("The firm is set to cut 300 jobs.", None, false, SP, false),
    ("Globex probably overstated its sales.", None, false, SP, false),
    // Denials.
    ("Acme denied that it had hidden the losses.", Some("Acme"), false, DE, false),
    // "has" before the verb hides no subject: as "The company denied".
    ("The company has denied any wrongdoing.", Some("company"), false, DE, false),
    ("Globex rejected claims that its phones were unsafe.", Some("Globex"), false, DE, false),
    ("Acme dismissed reports that it would close the plant.", Some("Acme"), false, DE, false),
    ("Acme rejected the allegations.", Some("Acme"), false, DE, false),
    ("Jane Hargrove refuted the figures in an interview.", Some("Jane Hargrove"), false, DE, false),
    ("Acme denied the report, Jane Hargrove said.", Some("Jane Hargrove"), false, DE, false),
    ("Globex did not deny the report.", None, false, AS, true),
    // Negation.
    ("Acme did not sign the contract.", None, false, AS, true),
    ("Globex never paid the fine.", None, false, AS, true),
    ("Acme no longer makes phones in Ohio.", None, false, AS, true),
    ("Globex failed to pay the fine.", None, false, AS, true),
    ("Acme refused to sign the contract.", None, false, AS, true),
    ("Globex has yet to pay the fine.", None, false, AS, true),
    ("Acme isn't selling the unit.", None, false, AS, true),
    ("None of the workers were paid.", None, false, AS, true),
    ("Nobody at Globex was hurt.", None, false, AS, true),
    ("Acme cannot sell the phones in the country.", None, false, AS, true),
    ("Globex not only paid the fine but also apologised.", None, false, AS, false),
    ("Acme signed the contract.", None, false, AS, false),
    ("The notice was posted on the door.", None, false, AS, false),
];

#[test]
fn attribution_certainty_negation_table() {
    let engine = Engine::new(RuleSet::defaults());
    let mut failures = Vec::new();
    for &(text, source, quote, level, negated) in CASES {
        let claim = engine.sentence_claim("x", text);
        let got_source = claim.attribution.as_ref().and_then(|a| a.source.clone());
        let got_quote = claim.attribution.as_ref().is_some_and(|a| a.quote);
        let got = (got_source.as_deref(), got_quote, claim.certainty, claim.negated);
        if got != (source, quote, level, negated) {
            failures.push(format!(
                "{text:?}\n    want source {source:?}, quote {quote}, {level:?}, negated {negated}\n    got  source {:?}, quote {}, {:?}, negated {}  (hedges {:?}, negations {:?})",
                got.0,
                got.1,
                got.2,
                got.3,
                claim.hedges.iter().map(|h| &h.text).collect::<Vec<_>>(),
                claim.negations.iter().map(|n| &n.text).collect::<Vec<_>>(),
            ));
        }
    }
    println!("{} of {} cases pass", CASES.len() - failures.len(), CASES.len());
    assert!(CASES.len() >= 60);
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
