//! Proper names: Wiktionary's toponyms and first/last names plus a hand-written list of names
//! in German news (countries, places, people, organisations).

use rustc_hash::FxHashMap;

use super::sorted::SortedLines;

/// `wikt_names.tsv` (CC BY-SA 4.0, from Wiktionary via german-nouns).
pub(crate) const WIKT_NAMES_TSV: &str = include_str!("../../data/lexicon/wikt_names.tsv");
/// `news_names.tsv`: written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const NEWS_NAMES_TSV: &str = include_str!("../../data/lexicon/news_names.tsv");

/// What a proper name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A person (first or last name).
    Person,
    /// A country, region, city or other place.
    Place,
    /// A company, institution, medium or alliance.
    Organisation,
    /// Another proper name.
    Other,
}

impl NameKind {
    fn parse(s: &str) -> Option<NameKind> {
        Some(match s {
            "person" => NameKind::Person,
            "place" => NameKind::Place,
            "org" => NameKind::Organisation,
            "other" => NameKind::Other,
            _ => return None,
        })
    }

    /// From Wiktionary's kinds column (t = toponym, v/n = first/last name, e = other).
    fn from_wikt(kinds: &str) -> NameKind {
        if kinds.contains('t') {
            NameKind::Place
        } else if kinds.contains('v') || kinds.contains('n') {
            NameKind::Person
        } else {
            NameKind::Other
        }
    }
}

/// Both name lists.
#[derive(Debug)]
pub(crate) struct Names {
    wikt: SortedLines,
    pub(crate) news: FxHashMap<&'static str, NameKind>,
    pub(crate) problems: Vec<String>,
}

impl Names {
    pub(crate) fn new() -> Self {
        let mut news = FxHashMap::default();
        let mut problems = Vec::new();
        for (n, line) in NEWS_NAMES_TSV.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            match line
                .split_once('\t')
                .and_then(|(name, kind)| Some((name, NameKind::parse(kind.trim())?)))
            {
                Some((name, kind)) if !name.contains(' ') => {
                    if news.insert(name, kind).is_some() {
                        problems.push(format!("news_names.tsv line {}: duplicate {name}", n + 1));
                    }
                }
                _ => problems.push(format!("news_names.tsv line {}: bad line {line:?}", n + 1)),
            }
        }
        Names {
            wikt: SortedLines::with_key_index(WIKT_NAMES_TSV, super::sorted::keys::WIKT_NAMES),
            news,
            problems,
        }
    }

    /// The hand-written news list, exact surface.
    pub(crate) fn news(&self, name: &str) -> Option<NameKind> {
        self.news.get(name).copied()
    }

    /// Wiktionary's names, exact surface; not the names whose first entry is a common noun
    /// (see [`Names::wikt_homonym`]).
    pub(crate) fn wikt(&self, name: &str) -> Option<NameKind> {
        self.wikt
            .get(name)
            .filter(|rest| !rest.contains('\t'))
            .map(NameKind::from_wikt)
    }

    /// The kinds column (`t`, `v`, `n`, `e`) of a Wiktionary name whose first entry is a
    /// common noun, marked `noun` in `wikt_names.tsv` (*Hermann*: Hermannteig, first name,
    /// last name; *Huber*; *Steuer*): a name only where a text uses it as one.
    pub(crate) fn wikt_homonym(&self, name: &str) -> Option<&'static str> {
        self.wikt
            .get(name)
            .and_then(|rest| rest.strip_suffix("\tnoun"))
    }
}

/// Heads of nouns for a person's office or role that stand right before the person's name
/// without an article (*Trainer Koller*, *Bischof Schönborn*, *Landeshauptmann Hermann
/// Schützenhofer*, *Ministerin Gewessler*, *Herr Huber*), lower case: a noun ending in one of
/// them (*Bundeskanzler*, *Außenminister*) is such a title, also in the feminine (*-in*, and
/// *-frau* for *-mann*).
const TITLE_HEADS: &[&str] = &[
    "präsident",
    "kanzler",
    "minister",
    "premier",
    "sekretär",
    "direktor",
    "chef",
    "obmann",
    "hauptmann",
    "bürgermeister",
    "gouverneur",
    "senator",
    "botschafter",
    "kommissar",
    "stadtrat",
    "stadträt",
    "landesrat",
    "landesrät",
    "bundesrat",
    "bundesrät",
    "gemeinderat",
    "gemeinderät",
    "hofrat",
    "hofrät",
    "abgeordneter",
    "sprecher",
    "vorsitzender",
    "stellvertreter",
    "richter",
    "anwalt",
    "ermittler",
    "bischof",
    "kardinal",
    "papst",
    "pfarrer",
    "erzbischof",
    "trainer",
    "coach",
    "kapitän",
    "stürmer",
    "verteidiger",
    "torhüter",
    "tormann",
    "professor",
    "doktor",
    "general",
    "oberst",
    "kommandant",
    "könig",
    "prinz",
    "fürst",
    "herr",
    "kollege",
    "manager",
    "regisseur",
    "autor",
    "sänger",
    "schauspieler",
    "künstler",
    "intendant",
    "dirigent",
    "vize",
];

/// Whether `word` (a capitalised noun, also after a hyphen: *ÖVP-Klubobmann*) names an office
/// or role that precedes a person's name: a noun ending in one of [`TITLE_HEADS`], its
/// feminine (*Ministerin*, *Obfrau*) or the weak singular (*Präsidenten*, *Kollegen*), and
/// *Frau*.
pub(crate) fn is_title(word: &str) -> bool {
    let last = word.rsplit('-').next().unwrap_or(word);
    if !last.starts_with(char::is_uppercase) {
        return false;
    }
    let lower = last.to_lowercase();
    if lower.ends_with("frau") {
        return true;
    }
    // the word itself, its feminine (Ministerin) or a weak singular (Präsidenten, Kollegen)
    [
        Some(lower.as_str()),
        lower.strip_suffix("in"),
        lower.strip_suffix("en"),
        lower.strip_suffix('n'),
    ]
    .into_iter()
    .flatten()
    .any(|s| TITLE_HEADS.iter().any(|h| s.ends_with(h)))
}

/// The base forms a name could have before a genitive ending: Chinas → China, Bidens →
/// Biden, Kishida's → Kishida, Paris' → Paris.
pub(crate) fn genitive_bases(surface: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for suffix in ["'s", "’s", "'", "’", "s"] {
        if let Some(base) = surface.strip_suffix(suffix)
            && base.chars().count() >= 2
        {
            out.push(base);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_whose_first_entry_is_a_noun_are_marked_not_names() {
        let names = Names::new();
        // Hermann (Hermannteig, first name, last name), Huber, Steuer: homonyms only
        for w in ["Hermann", "Huber", "Steuer"] {
            assert_eq!(names.wikt(w), None, "{w}");
        }
        assert_eq!(names.wikt_homonym("Hermann"), Some("nv"));
        assert_eq!(names.wikt_homonym("Huber"), Some("n"));
        // a name whose first entry is a name
        assert_eq!(names.wikt("Aachen"), Some(NameKind::Place));
        assert_eq!(names.wikt_homonym("Aachen"), None);
    }

    #[test]
    fn titles_before_names() {
        for w in [
            "Trainer",
            "Bischof",
            "Bundeskanzler",
            "Außenministerin",
            "Landeshauptmann",
            "Landeshauptfrau",
            "ÖVP-Klubobmann",
            "Präsidenten",
            "Stadträtin",
            "Frau",
            "Herr",
        ] {
            assert!(is_title(w), "{w}");
        }
        for w in [
            "Reform",
            "Apparat",
            "Mannschaft",
            "Bank",
            "trainer",
            "Ministerium",
        ] {
            assert!(!is_title(w), "{w}");
        }
    }
}
