//! A flat, pre-order copy of the tree html5ever builds: node `i`'s descendants are
//! `i + 1 .. end(i)`, so every later stage walks the page with index loops, never recursion.

use scraper::node::Element;
use scraper::{Html, Node};

/// The parent of the root, and the end of an unfinished node.
pub(super) const NONE: usize = usize::MAX;

/// What a node is: an element, a text node, or anything else (document, comment, doctype).
#[derive(Clone, Copy)]
pub(super) enum Kind<'a> {
    Elem(&'a Element),
    Text(&'a str),
    Other,
}

struct DomNode<'a> {
    parent: usize,
    end: usize,
    kind: Kind<'a>,
    /// Local name of an element, "" for other nodes.
    tag: &'a str,
    attrs: Attrs<'a>,
}

/// The attributes the extractor reads, looked up once per element (scraper's `Element::attr`
/// interns the name on every call).
#[derive(Default, Clone, Copy)]
pub(super) struct Attrs<'a> {
    pub(super) class: Option<&'a str>,
    pub(super) id: Option<&'a str>,
    pub(super) itemprop: Option<&'a str>,
    pub(super) role: Option<&'a str>,
    pub(super) hidden: Option<&'a str>,
    pub(super) aria_hidden: Option<&'a str>,
    pub(super) style: Option<&'a str>,
    pub(super) property: Option<&'a str>,
    pub(super) name: Option<&'a str>,
    pub(super) content: Option<&'a str>,
    pub(super) rel: Option<&'a str>,
    pub(super) href: Option<&'a str>,
    pub(super) type_: Option<&'a str>,
    pub(super) datetime: Option<&'a str>,
    /// Present (usually empty) on a microdata item: structured data for machines.
    pub(super) itemscope: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a Element) -> Attrs<'a> {
        let mut a = Attrs::default();
        for (name, value) in el.attrs() {
            let slot = match name {
                "class" => &mut a.class,
                "id" => &mut a.id,
                "itemprop" => &mut a.itemprop,
                "role" => &mut a.role,
                "hidden" => &mut a.hidden,
                "aria-hidden" => &mut a.aria_hidden,
                "style" => &mut a.style,
                "property" => &mut a.property,
                "name" => &mut a.name,
                "content" => &mut a.content,
                "rel" => &mut a.rel,
                "href" => &mut a.href,
                "type" => &mut a.type_,
                "datetime" => &mut a.datetime,
                "itemscope" => &mut a.itemscope,
                _ => continue,
            };
            *slot = Some(value);
        }
        a
    }
}

pub(super) struct Dom<'a> {
    nodes: Vec<DomNode<'a>>,
}

impl<'a> Dom<'a> {
    /// Flatten the tree in pre-order, iteratively.
    pub(super) fn build(doc: &'a Html) -> Dom<'a> {
        let mut nodes: Vec<DomNode<'a>> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let mut node = doc.tree.root();
        'walk: loop {
            let (kind, tag, attrs) = match node.value() {
                Node::Element(e) => (Kind::Elem(e), e.name(), Attrs::of(e)),
                Node::Text(t) => (Kind::Text(t), "", Attrs::default()),
                _ => (Kind::Other, "", Attrs::default()),
            };
            let idx = nodes.len();
            nodes.push(DomNode {
                parent: open.last().copied().unwrap_or(NONE),
                end: NONE,
                kind,
                tag,
                attrs,
            });
            if let Some(child) = node.first_child() {
                open.push(idx);
                node = child;
                continue;
            }
            nodes[idx].end = nodes.len();
            let mut cur = node;
            loop {
                if let Some(sib) = cur.next_sibling() {
                    node = sib;
                    continue 'walk;
                }
                match (cur.parent(), open.pop()) {
                    (Some(p), Some(pidx)) => {
                        nodes[pidx].end = nodes.len();
                        cur = p;
                    }
                    _ => break 'walk,
                }
            }
        }
        Dom { nodes }
    }

    pub(super) fn len(&self) -> usize {
        self.nodes.len()
    }

    pub(super) fn kind(&self, i: usize) -> Kind<'a> {
        self.nodes[i].kind
    }

    pub(super) fn end(&self, i: usize) -> usize {
        self.nodes[i].end
    }

    pub(super) fn parent(&self, i: usize) -> usize {
        self.nodes[i].parent
    }

    pub(super) fn elem(&self, i: usize) -> Option<&'a Element> {
        match self.nodes[i].kind {
            Kind::Elem(e) => Some(e),
            _ => None,
        }
    }

    pub(super) fn tag(&self, i: usize) -> &'a str {
        self.nodes[i].tag
    }

    pub(super) fn attrs(&self, i: usize) -> &Attrs<'a> {
        &self.nodes[i].attrs
    }

    /// Direct children of `i`.
    pub(super) fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.end(i);
        let mut c = i + 1;
        std::iter::from_fn(move || {
            if c >= end {
                return None;
            }
            let cur = c;
            c = self.end(cur);
            Some(cur)
        })
    }

    /// True if `i` is `j` or one of its ancestors.
    pub(super) fn contains(&self, i: usize, j: usize) -> bool {
        i <= j && j < self.end(i)
    }

    /// The text of an element's subtree, raw (not normalised); skips script/style content.
    pub(super) fn raw_text(&self, i: usize) -> String {
        let mut s = String::new();
        let mut k = i + 1;
        while k < self.end(i) {
            match self.nodes[k].kind {
                Kind::Text(t) => {
                    s.push_str(t);
                    k += 1;
                }
                Kind::Elem(e) if matches!(e.name(), "script" | "style" | "template") => {
                    k = self.end(k);
                }
                _ => k += 1,
            }
        }
        s
    }
}
