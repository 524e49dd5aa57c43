//! Table-driven sentence segmentation cases. All names are invented.

use corroborate::rules::RuleSet;
use corroborate::segment::Segmenter;

/// (what the case shows, input, expected sentences).
const CASES: &[(&str, &str, &[&str])] = &[
    // Abbreviations that end a sentence, and ones that do not.
    (
        "abbrev end before The",
        "The parcel went to Dorlan Inc. The driver signed.",
        &["The parcel went to Dorlan Inc.", "The driver signed."],
    ),
    (
        "abbrev end before He",
        "She works for Brimley Ltd. He works for the city.",
        &["She works for Brimley Ltd.", "He works for the city."],
    ),
    (
        "abbrev mid sentence",
        "Brimley Ltd. said profits rose.",
        &["Brimley Ltd. said profits rose."],
    ),
    (
        "abbrev before comma",
        "Talks with Halvex Corp., a parts maker, stalled.",
        &["Talks with Halvex Corp., a parts maker, stalled."],
    ),
    (
        "etc before lower case",
        "Pens, paper, etc. were left behind.",
        &["Pens, paper, etc. were left behind."],
    ),
    (
        "etc at sentence end",
        "They packed pens, paper, etc. Then they drove off.",
        &["They packed pens, paper, etc.", "Then they drove off."],
    ),
    (
        "state abbrev ends sentence",
        "The mill is in Dunmore, Pa. It closed in May.",
        &["The mill is in Dunmore, Pa.", "It closed in May."],
    ),
    (
        "state abbrev mid sentence",
        "A mill in Dunmore, Pa. closed in May.",
        &["A mill in Dunmore, Pa. closed in May."],
    ),
    (
        "month before day",
        "The hearing moved to Feb. 14 at the request of counsel.",
        &["The hearing moved to Feb. 14 at the request of counsel."],
    ),
    (
        "month at end",
        "The hearing moved to Feb. The judge agreed.",
        &["The hearing moved to Feb.", "The judge agreed."],
    ),
    (
        "vs never ends",
        "It was Orrin vs. Tull in the final.",
        &["It was Orrin vs. Tull in the final."],
    ),
    (
        "i.e. mid sentence",
        "Bring one thing, i.e. a torch. Nothing else.",
        &["Bring one thing, i.e. a torch.", "Nothing else."],
    ),
    (
        "et al.",
        "A paper by Quill et al. found no effect.",
        &["A paper by Quill et al. found no effect."],
    ),
    (
        "a.m. before lower case",
        "Doors open at 9 a.m. on weekdays.",
        &["Doors open at 9 a.m. on weekdays."],
    ),
    (
        "p.m. at sentence end",
        "Doors close at 6 p.m. The staff then leave.",
        &["Doors close at 6 p.m.", "The staff then leave."],
    ),
    (
        "dotted country before noun",
        "The U.K. team arrived late.",
        &["The U.K. team arrived late."],
    ),
    (
        "dotted country at end",
        "She flew back to the U.K. Her sister stayed.",
        &["She flew back to the U.K.", "Her sister stayed."],
    ),
    (
        "No. before number",
        "He wore No. 8 for the club.",
        &["He wore No. 8 for the club."],
    ),
    (
        "Jr. mid sentence",
        "Alton Breck Jr. won the race.",
        &["Alton Breck Jr. won the race."],
    ),
    (
        "Jr. at end",
        "The prize went to Alton Breck Jr. He was delighted.",
        &["The prize went to Alton Breck Jr.", "He was delighted."],
    ),
    // Titles and initials.
    (
        "Mr. before name",
        "Mr. Falk and Mrs. Orla Penn arrived.",
        &["Mr. Falk and Mrs. Orla Penn arrived."],
    ),
    (
        "Dr. before name",
        "Dr. Imre Sallow examined the patient.",
        &["Dr. Imre Sallow examined the patient."],
    ),
    (
        "military titles",
        "Gen. Tova Reyes met Capt. Ned Ulm.",
        &["Gen. Tova Reyes met Capt. Ned Ulm."],
    ),
    (
        "Prof. before name",
        "Prof. Lina Marsh teaches here.",
        &["Prof. Lina Marsh teaches here."],
    ),
    (
        "St. place name",
        "They moved to St. Albury last year.",
        &["They moved to St. Albury last year."],
    ),
    (
        "street at sentence end",
        "The bakery is on Kell St. The bread sells out.",
        &["The bakery is on Kell St.", "The bread sells out."],
    ),
    (
        "middle initial",
        "Ronald T. Weems signed the lease.",
        &["Ronald T. Weems signed the lease."],
    ),
    (
        "two initials",
        "The report was written by P. J. Hargan.",
        &["The report was written by P. J. Hargan."],
    ),
    (
        "initials at end then starter",
        "The deed names R. T. Colby. The land is his.",
        &["The deed names R. T. Colby.", "The land is his."],
    ),
    (
        "title in capitals",
        "MRS. DALE VISITS THE CAPITAL",
        &["MRS. DALE VISITS THE CAPITAL"],
    ),
    // Numbers and money.
    (
        "decimal number",
        "Inflation was 3.4 percent in the spring.",
        &["Inflation was 3.4 percent in the spring."],
    ),
    (
        "money with cents",
        "A ticket costs $12.50 at the door.",
        &["A ticket costs $12.50 at the door."],
    ),
    (
        "money at end",
        "A ticket costs $12.50. Children go free.",
        &["A ticket costs $12.50.", "Children go free."],
    ),
    (
        "number at sentence end",
        "The town has 4,512 residents. Most work locally.",
        &["The town has 4,512 residents.", "Most work locally."],
    ),
    (
        "version number",
        "Version 2.1.3 fixed the bug.",
        &["Version 2.1.3 fixed the bug."],
    ),
    (
        "percent sign",
        "Turnout rose to 61.2%. Officials were pleased.",
        &["Turnout rose to 61.2%.", "Officials were pleased."],
    ),
    (
        "time with colon",
        "The train leaves at 10:45. Be on time.",
        &["The train leaves at 10:45.", "Be on time."],
    ),
    // Ellipses.
    (
        "ellipsis mid sentence",
        "She hesitated... then signed the form.",
        &["She hesitated... then signed the form."],
    ),
    (
        "ellipsis at end",
        "The line went dead... Nobody called back.",
        &["The line went dead...", "Nobody called back."],
    ),
    (
        "unicode ellipsis mid",
        "We waited… and waited.",
        &["We waited… and waited."],
    ),
    (
        "unicode ellipsis end",
        "We waited… The bus never came.",
        &["We waited…", "The bus never came."],
    ),
    ("spaced ellipsis mid", "It was . . . odd.", &["It was . . . odd."]),
    ("ellipsis at text end", "And then...", &["And then..."]),
    // Quotations.
    // Tokenised text spaces the closing quotation mark from the full stop:
    // it still closes the sentence before it.
    (
        "spaced closing quotes",
        "He said , `` We won . '' The team left .",
        &["He said , `` We won . ''", "The team left ."],
    ),
    (
        "spaced straight quote closes an open quotation",
        "He said , \"We won . \" The team left .",
        &["He said , \"We won . \"", "The team left ."],
    ),
    (
        "spaced straight quote at the end of a line",
        "\"We won .\nWe always win . \"\nThe team left .",
        &["\"We won .", "We always win . \"", "The team left ."],
    ),
    (
        "spaced straight quote before a reporting clause",
        "\"We won .\nWhat else ? \" Ramos said .",
        &["\"We won .", "What else ? \" Ramos said ."],
    ),
    (
        "spaced straight quote opening the next sentence",
        "The team left . \"We won , \" Ramos said .",
        &["The team left .", "\"We won , \" Ramos said ."],
    ),
    (
        "spaced curly closing quote",
        "She said : “ We won . ” The team left .",
        &["She said : “ We won . ”", "The team left ."],
    ),
    // Tokenised text spaces an abbreviation's period as well.
    (
        "spaced title",
        "Deputies found it , said Harlow police Lt . Dana Voss . The road reopened .",
        &[
            "Deputies found it , said Harlow police Lt . Dana Voss .",
            "The road reopened .",
        ],
    ),
    (
        "spaced dotted abbreviation and initial",
        "She lied to the U . S . Department of Labor , said Mara B . Quill .",
        &["She lied to the U . S . Department of Labor , said Mara B . Quill ."],
    ),
    (
        "spaced month before a digit",
        "The hearing is on Oct . 12 in Dunmore .",
        &["The hearing is on Oct . 12 in Dunmore ."],
    ),
    (
        "spaced state abbreviation ends a sentence",
        "She lives in Dunmore , Calif . The house is old .",
        &["She lives in Dunmore , Calif .", "The house is old ."],
    ),
    (
        "spaced ordinary word ends a sentence",
        "They won . Mr . Voss left .",
        &["They won .", "Mr . Voss left ."],
    ),
    (
        "spaced bore of a gun",
        "He fired one shot from his . 38 - caliber revolver .",
        &["He fired one shot from his . 38 - caliber revolver ."],
    ),
    (
        "spaced initial at the end before a starter",
        "They chose Plan B . The rest failed .",
        &["They chose Plan B .", "The rest failed ."],
    ),
    (
        "multi-sentence quotation",
        "\"We are ready. We have trained for years,\" Captain Iona Pell said.",
        &[
            "\"We are ready.",
            "We have trained for years,\" Captain Iona Pell said.",
        ],
    ),
    (
        "quoted question then he said",
        "\"Where is the key?\" he said.",
        &["\"Where is the key?\" he said."],
    ),
    (
        "quoted exclamation then she said",
        "\"Get out!\" she said.",
        &["\"Get out!\" she said."],
    ),
    (
        "curly quoted question then name asked",
        "“Is it safe?” Marta Voss asked.",
        &["“Is it safe?” Marta Voss asked."],
    ),
    (
        "quoted exclamation then new sentence",
        "\"Run!\" The crowd scattered.",
        &["\"Run!\"", "The crowd scattered."],
    ),
    (
        "quote after said",
        "Ms. Penn said: \"It is finished.\" She left.",
        &["Ms. Penn said: \"It is finished.\"", "She left."],
    ),
    (
        "curly quotes two sentences",
        "“It rained all week.” “The roads flooded.”",
        &["“It rained all week.”", "“The roads flooded.”"],
    ),
    (
        "single straight quotes",
        "'Keep going.' Nobody stopped.",
        &["'Keep going.'", "Nobody stopped."],
    ),
    (
        "curly single quotes",
        "‘We tried.’ He shrugged.",
        &["‘We tried.’", "He shrugged."],
    ),
    (
        "period inside quote mid sentence",
        "He called it \"a mess.\" and moved on.",
        &["He called it \"a mess.\" and moved on."],
    ),
    // Parentheses and brackets.
    (
        "parenthesised sentence",
        "The vote passed. (Two members abstained.) The session ended.",
        &["The vote passed.", "(Two members abstained.)", "The session ended."],
    ),
    (
        "parenthesis mid sentence",
        "The fund (set up in 2009) grew fast.",
        &["The fund (set up in 2009) grew fast."],
    ),
    (
        "abbrev in parenthesis",
        "Sen. Ola Brisk (D-Mass.) voted no.",
        &["Sen. Ola Brisk (D-Mass.) voted no."],
    ),
    (
        "bracketed editor note",
        "He said [the mayor] would resign. She denied it.",
        &["He said [the mayor] would resign.", "She denied it."],
    ),
    (
        "footnote mark",
        "The river flooded in 1902. [3] It has not since.",
        &["The river flooded in 1902. [3]", "It has not since."],
    ),
    // Lists.
    (
        "numbered list lines",
        "1. Open the lid\n2. Pour the water\n3. Wait",
        &["1. Open the lid", "2. Pour the water", "3. Wait"],
    ),
    ("lettered list lines", "a. Red\nb. Blue", &["a. Red", "b. Blue"]),
    (
        "bulleted list",
        "Bring:\n\n- a coat\n\n- boots",
        &["Bring:", "- a coat", "- boots"],
    ),
    (
        "list inline numbers",
        "Steps: 1. mix, 2. bake.",
        &["Steps: 1. mix, 2. bake."],
    ),
    // URLs and e-mail addresses.
    (
        "url with dots",
        "Details are at www.example.org/news.html today.",
        &["Details are at www.example.org/news.html today."],
    ),
    (
        "url at sentence end",
        "Read more at https://example.net. Comments are closed.",
        &["Read more at https://example.net.", "Comments are closed."],
    ),
    (
        "email address",
        "Write to tips@example.com. We reply fast.",
        &["Write to tips@example.com.", "We reply fast."],
    ),
    (
        "email mid sentence",
        "Mail orla.penn@example.com for a copy.",
        &["Mail orla.penn@example.com for a copy."],
    ),
    (
        "domain with capital",
        "He posted it on Example.Com yesterday.",
        &["He posted it on Example.Com yesterday."],
    ),
    // Missing space after a period.
    (
        "missing space",
        "The shop was closed.The owner was away.",
        &["The shop was closed.", "The owner was away."],
    ),
    (
        "missing space after question",
        "Is it open?Nobody knows.",
        &["Is it open?", "Nobody knows."],
    ),
    (
        "code name is no gap",
        "Call Config.Load first.",
        &["Call Config.Load first."],
    ),
    // Sentences starting with a digit or lower case.
    (
        "digit start",
        "Prices rose in March. 2024 was worse.",
        &["Prices rose in March.", "2024 was worse."],
    ),
    (
        "lower-case start in web text",
        "we got there late. the doors were shut.",
        &["we got there late.", "the doors were shut."],
    ),
    (
        "unquoted question before lower case",
        "are you coming? we leave at noon.",
        &["are you coming?", "we leave at noon."],
    ),
    (
        "brand name with brand punctuation",
        "It started on Yahoo! and spread.",
        &["It started on Yahoo! and spread."],
    ),
    (
        "iPhone start",
        "The phone sold out. iPhone sales rose.",
        &["The phone sold out.", "iPhone sales rose."],
    ),
    // Headlines and bylines without punctuation.
    (
        "headline then body",
        "Flood Waters Recede in Corven Valley\nCORVEN — Residents returned home on Sunday.",
        &[
            "Flood Waters Recede in Corven Valley",
            "CORVEN — Residents returned home on Sunday.",
        ],
    ),
    (
        "byline and date",
        "By Tamsin Hale\nMarch 3, 2021\nThe council met.",
        &["By Tamsin Hale", "March 3, 2021", "The council met."],
    ),
    (
        "sentence-case headline",
        "Council delays vote on new bridge\nThe council put off the vote.",
        &["Council delays vote on new bridge", "The council put off the vote."],
    ),
    (
        "wrapped line is no headline",
        "The council said the bridge would\nopen next year.",
        &["The council said the bridge would\nopen next year."],
    ),
    (
        "wrapped line ending in preposition",
        "The mayor met leaders of the\nFarmers Union on Friday.",
        &["The mayor met leaders of the\nFarmers Union on Friday."],
    ),
    // Line breaks and blank lines.
    (
        "blank line ends paragraph",
        "First part without stop\n\nSecond part.",
        &["First part without stop", "Second part."],
    ),
    ("windows blank line", "One.\r\n\r\nTwo.", &["One.", "Two."]),
    ("blank line with spaces", "Alpha\n   \nBeta", &["Alpha", "Beta"]),
    (
        "line break mid sentence lower",
        "The storm hit the coast\nand moved inland.",
        &["The storm hit the coast\nand moved inland."],
    ),
    // Web and e-mail text.
    (
        "emoticon ends sentence",
        "Loved the show :) See you there.",
        &["Loved the show :)", "See you there."],
    ),
    (
        "emoticon after terminator",
        "Great food! :-) The staff were kind.",
        &["Great food! :-)", "The staff were kind."],
    ),
    (
        "salutation",
        "Hi Mara, Thanks for the notes.",
        &["Hi Mara,", "Thanks for the notes."],
    ),
    (
        "valediction and name",
        "See you then. Best regards, Tomas Vane",
        &["See you then.", "Best regards,", "Tomas Vane"],
    ),
    (
        "e-mail header stamp",
        "Petra Lund 04/12/2003 09:15 AM Please call me.",
        &["Petra Lund 04/12/2003 09:15 AM", "Please call me."],
    ),
    (
        "separator line",
        "Call me. ==================== Forwarded note follows",
        &["Call me.", "====================", "Forwarded note follows"],
    ),
    (
        "double hyphen is a dash",
        "He stopped -- then ran on.",
        &["He stopped -- then ran on."],
    ),
    (
        "exclamation run",
        "Wow!!! That was close.",
        &["Wow!!!", "That was close."],
    ),
    (
        "interrobang",
        "You did what?! Tell me.",
        &["You did what?!", "Tell me."],
    ),
];

#[test]
fn segment_cases() {
    let seg = Segmenter::new(&RuleSet::defaults());
    assert!(CASES.len() >= 80, "only {} cases", CASES.len());
    let mut failures = Vec::new();
    for (what, text, want) in CASES {
        let got: Vec<&str> = seg.split(text).iter().map(|s| &text[s.start..s.end]).collect();
        if got != *want {
            failures.push(format!("{what}: {text:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
