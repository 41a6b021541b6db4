//! Study decks: an article's vocabulary and cloze items as Anki notes (see [`super`] for the
//! note types and the writers).
//!
//! - **kernsatz Vokabel** notes, one per lemma: `Wort` "die Lieferkette", `Plural` "die
//!   Lieferketten", `English`, `Beispiel` (the first sentence with the word's forms in bold),
//!   `Teile` (compound parts), `Kategorie`, `Niveau`. GUID key: the lemma, so the same word from
//!   another article or a later run updates the note instead of duplicating it.
//! - **kernsatz Cloze** notes, one per sentence and kind of item: every item of the sentence
//!   becomes a deletion `{{cN::answer::hint}}` (the hint: article and meaning of a word, or
//!   "bestimmter Artikel" / "Endung" for the drills); `Back Extra` lists each word's lemma with
//!   article, plural (none for units: *der Euro*, not *die Euros*) and gloss, or for a drill
//!   the noun of its phrase; `Source` names the article. GUID key: source id + sentence text
//!   (for the drills with their kind before it).
//! - Tags: `kernsatz`, the category and level of the word (vocab), and a slug of the source.

use super::Package;
use super::notes::{ClozeFields, Note, VocabFields, cloze_deletion};
use crate::cloze::answer::drill_phrase;
use crate::cloze::{ClozeItem, Kind};
use crate::error::Result;
use crate::export::escape::html_escape;
use crate::export::names::slug;
use crate::lexicon::grammar::is_unit;
use crate::lexicon::{Pos, lexicon};
use crate::study::{DeckArticle, DeckSettings};
use crate::vocab::VocabEntry;

/// Add one article's notes to `pkg`: a vocabulary note per word with a meaning (a card without
/// its back teaches nothing), a cloze note per worksheet sentence; tagged with the
/// settings' tags and a slug of the article's name.
pub fn add_article(
    pkg: &mut Package,
    article: &DeckArticle,
    settings: &DeckSettings,
) -> Result<()> {
    let source = slug(article.name);
    let mut tags: Vec<String> = settings.tags.clone();
    tags.push(source.clone());
    let doc = article.document;
    for e in article.vocab.iter().filter(|e| e.meaning().is_some()) {
        let (start, end) = e.example_span;
        let note = vocab_note(e, &doc.text[start..end], start, &settings.name, &tags);
        pkg.add(note)?;
    }
    for note in cloze_notes(&article.items, &source, article.name, &settings.name, &tags) {
        pkg.add(note)?;
    }
    Ok(())
}

/// HTML of `sentence` with the byte ranges `bold` (relative to the sentence, sorted, disjoint)
/// in `<b>`.
fn bold_ranges(sentence: &str, bold: &[(usize, usize)]) -> String {
    let mut out = String::new();
    let mut pos = 0;
    for &(s, e) in bold {
        if s < pos || e > sentence.len() {
            continue;
        }
        out.push_str(&html_escape(&sentence[pos..s]));
        out.push_str("<b>");
        out.push_str(&html_escape(&sentence[s..e]));
        out.push_str("</b>");
        pos = e;
    }
    out.push_str(&html_escape(&sentence[pos..]));
    out
}

/// The vocabulary note of an entry; `sentence` is the text of the entry's example (its
/// `example_span`) and `sentence_start` its byte offset in the article (to bold the word where
/// it occurs). A cut example keeps its `…` marks.
pub fn vocab_note(
    e: &VocabEntry,
    sentence: &str,
    sentence_start: usize,
    deck: &str,
    tags: &[String],
) -> Note {
    let bold: Vec<(usize, usize)> = e
        .occurrences
        .iter()
        .filter(|(s, en)| *s >= sentence_start && *en <= sentence_start + sentence.len())
        .map(|(s, en)| (s - sentence_start, en - sentence_start))
        .collect();
    let beispiel = if bold.is_empty() {
        html_escape(&e.example)
    } else {
        let text = bold_ranges(sentence, &bold)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let before = if e.example.starts_with("… ") {
            "… "
        } else {
            ""
        };
        let after = if e.example.ends_with(" …") {
            " …"
        } else {
            ""
        };
        format!("{before}{text}{after}")
    };
    let plural = match (e.article, e.plural.as_deref()) {
        // a unit has no plural a learner needs: 30 Euro, not 30 Euros
        _ if is_unit(&e.lemma) => String::new(),
        (Some(_), Some(p)) => format!("die {p}"),
        (None, Some(p)) => p.to_owned(),
        (_, None) if e.gender == Some("pl") => "nur Plural".to_owned(),
        _ => String::new(),
    };
    let mut note_tags: Vec<String> = vec!["kernsatz".into()];
    note_tags.extend(e.category.map(str::to_owned));
    note_tags.extend(e.level.map(str::to_owned));
    note_tags.extend(tags.iter().cloned());
    Note::vocab(
        &e.lemma,
        VocabFields {
            wort: front_word(e),
            plural: html_escape(&plural),
            english: back(e),
            beispiel,
            teile: html_escape(&e.parts.join(" · ")),
            kategorie: html_escape(e.category.unwrap_or(e.pos)),
            niveau: e.level.unwrap_or("").to_owned(),
        },
    )
    .in_deck(deck)
    .with_tags(note_tags)
}

/// The word side of a vocabulary card: the headword and, on a line of its own, its
/// pronunciation (IPA). On the word side, so that the reverse card (meaning → word) does not
/// give the word away; `--known-anki` reads the first line only.
fn front_word(e: &VocabEntry) -> String {
    let mut out = html_escape(&e.headword());
    if let Some(ipa) = &e.ipa {
        out.push_str("<div class=ipa>/");
        out.push_str(&html_escape(ipa));
        out.push_str("/</div>");
    }
    out
}

/// The meaning side of a vocabulary card: the English gloss (`≈` when composed from the
/// parts' glosses), else the German definition.
fn back(e: &VocabEntry) -> String {
    html_escape(&e.meaning().unwrap_or_default())
}

/// The cloze notes of a worksheet's items: one note per sentence and kind, a deletion per item.
pub fn cloze_notes(
    items: &[ClozeItem],
    source_id: &str,
    title: &str,
    deck: &str,
    tags: &[String],
) -> Vec<Note> {
    let lex = lexicon();
    let mut notes = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let mut j = i + 1;
        while j < items.len()
            && items[j].kind == items[i].kind
            && items[j].sentence_index == items[i].sentence_index
            && items[j].sentence == items[i].sentence
        {
            j += 1;
        }
        let mut group: Vec<&ClozeItem> = items[i..j].iter().collect();
        group.sort_by_key(|it| it.start);
        let sentence = &group[0].sentence;
        let mut text = String::new();
        let mut back = Vec::new();
        let mut pos = 0;
        for (n, it) in group.iter().enumerate() {
            if it.start < pos {
                continue;
            }
            text.push_str(&escape_plain(&sentence[pos..it.start]));
            let hint = (!it.hint.is_empty()).then_some(it.hint.as_str());
            text.push_str(&cloze_deletion((n + 1) as u16, &it.answer, hint));
            pos = it.end;
            if it.kind != Kind::Vocab {
                // the completed phrase and its noun with the article: what the answer agrees with
                let noun = match lex.noun(&it.lemma) {
                    Some((g, _)) => format!("{} {}", g.article(), it.lemma),
                    None => it.lemma.clone(),
                };
                back.push(html_escape(&format!(
                    "{}: {} — {} ({noun})",
                    it.hint,
                    it.answer,
                    drill_phrase(it)
                )));
                continue;
            }
            let mut line = match &it.article {
                Some(a) => format!("{a} {}", it.lemma),
                None => it.lemma.clone(),
            };
            if let Some(a) = lex.analyze(&it.answer)
                && a.pos == Pos::Noun
                && let Some(p) = &a.plural
                && !is_unit(&a.lemma)
            {
                line.push_str(&format!(", die {p}"));
            }
            if let Some(g) = &it.gloss {
                line.push_str(&format!(" — {g}"));
            }
            back.push(html_escape(&line));
        }
        text.push_str(&escape_plain(&sentence[pos..]));
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let kind = group[0].kind;
        let mut note_tags: Vec<String> = vec!["kernsatz".into(), "cloze".into()];
        if kind != Kind::Vocab {
            note_tags.push(format!("cloze-{}", kind.as_str()));
        }
        note_tags.extend(tags.iter().cloned());
        // the vocabulary note keeps the key of earlier versions (a new deck updates it)
        let key = match kind {
            Kind::Vocab => sentence.clone(),
            k => format!("{}\u{1f}{sentence}", k.as_str()),
        };
        notes.push(
            Note::cloze(
                source_id,
                &key,
                ClozeFields {
                    text,
                    back_extra: back.join("<br>"),
                    source: html_escape(&format!("{title}, Satz {}", group[0].sentence_index + 1)),
                },
            )
            .in_deck(deck)
            .with_tags(note_tags),
        );
        i = j;
    }
    notes
}

/// Plain sentence text for a cloze field: HTML-escaped, and braces written as character
/// references so that `{{` in an article cannot start cloze markup.
fn escape_plain(s: &str) -> String {
    html_escape(s).replace('{', "&#123;").replace('}', "&#125;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_and_escape() {
        assert_eq!(
            bold_ranges("a <Lieferkette> b", &[(3, 14)]),
            "a &lt;<b>Lieferkette</b>&gt; b"
        );
    }
}
