//! Paging: `nextLink` (or `x-ms-pageable` `operationName`) followed on the endpoint's
//! origin, and [`impl_page!`](crate::impl_page) for the list models.
//!
//! A page's body is parsed once into its model (by azure_core, when its items are
//! read); to find the next link, the pager only scans it ([`scan`]): nothing is built
//! but the link, so a page costs its body and its model, not a JSON tree besides. A
//! pager ends with an error, rather than looping, when the service sends a next link it
//! sent before, or more than [`Limits::max_empty_pages`](super::Limits) empty pages in
//! a row that each link to another.

use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, Mutex};

use azure_core::error::ErrorKind;
use azure_core::http::pager::{Page, PagerContinuation, PagerOptions, PagerResult, PagerState};
use azure_core::http::{Method, Pager, RawResponse, Request, Response, Url};
use azure_core::{Error, Result};
use serde::de::DeserializeOwned;

use super::checks::query;
use super::ClientCore;

impl ClientCore {
    /// A pager over a list operation: follows `nextLink` (absent or null → one page);
    /// every next link must be on the endpoint's host, and gets the api-version of the
    /// first request when it has none. `options.continuation` (another pager's
    /// `continuation()`) resumes there: at that next link (on the endpoint's origin
    /// only), or that next-page token.
    pub fn pager<P>(
        &self,
        api: &'static str,
        options: &PagerOptions<'_>,
        request: Request,
        next_link: Option<&'static str>,
        items: &'static str,
    ) -> Result<Pager<P>>
    where
        P: DeserializeOwned + Page + Send + 'static,
    {
        self.pager_via(api, options, request, next_link, items, None)
    }

    /// [`ClientCore::pager`] whose next pages come from another operation
    /// (`x-ms-pageable` `operationName`): `next` builds its request from the next link,
    /// which is then a token for that operation, not a URL.
    pub fn pager_via<P>(
        &self,
        api: &'static str,
        options: &PagerOptions<'_>,
        request: Request,
        next_link: Option<&'static str>,
        items: &'static str,
        next: Option<NextRequest>,
    ) -> Result<Pager<P>>
    where
        P: DeserializeOwned + Page + Send + 'static,
    {
        let pages = Arc::new(Pages {
            item_size: std::mem::size_of::<P::Item>(),
            core: self.clone(),
            origin: request.url().clone(),
            first: request,
            next_link,
            items,
            next,
            seen: Mutex::default(),
        });
        let options = PagerOptions {
            context: super::traced(&options.context, api),
            continuation: options.continuation.clone(),
        };
        // Only the page's type is generic: fetching is compiled once.
        Ok(Pager::new(
            move |state: PagerState, options: PagerOptions<'static>| {
                use futures::TryFutureExt;
                Box::pin(pages.clone().fetch(state, options).map_ok(page_result::<P>))
            },
            Some(options),
        ))
    }
}

/// A fetched page and where the next one is, for azure_core's pager.
pub(crate) fn page_result<P>(
    (raw, continuation): (RawResponse, Option<PagerContinuation>),
) -> PagerResult<Response<P>> {
    match continuation {
        Some(continuation) => PagerResult::More {
            response: raw.into(),
            continuation,
        },
        None => PagerResult::Done {
            response: raw.into(),
        },
    }
}

/// What a pager fetches its pages with.
pub(crate) struct Pages {
    core: ClientCore,
    /// The first page's request.
    first: Request,
    /// Its URL: every next page must be on the same origin.
    origin: Url,
    /// The page's next-link property, if it has one.
    next_link: Option<&'static str>,
    /// The page's items property (`x-ms-pageable` `itemName`).
    items: &'static str,
    /// The size of one item as a Rust value.
    item_size: usize,
    /// The next-page operation (`x-ms-pageable` `operationName`), if any.
    next: Option<NextRequest>,
    /// What the pages so far have said.
    seen: Mutex<Seen>,
}

/// The next links the pager has followed, and how many empty pages came in a row.
#[derive(Default)]
struct Seen {
    links: HashSet<String>,
    empty_run: usize,
}

impl Pages {
    /// Fetches one page: its response, and where the next one is, if anywhere.
    async fn fetch(
        self: Arc<Self>,
        state: PagerState,
        options: PagerOptions<'static>,
    ) -> Result<(RawResponse, Option<PagerContinuation>)> {
        let core = &self.core;
        let mut request = match state {
            PagerState::Initial => self.first.clone(),
            PagerState::More(PagerContinuation::Token(link)) => match &self.next {
                Some(next) => {
                    let request = next(&link)?;
                    core.same_origin(request.url(), &self.origin, "next-page")?;
                    request
                }
                None => {
                    return Err(Error::with_message(
                        ErrorKind::Other,
                        "a next-page token without a next-page operation",
                    ))
                }
            },
            PagerState::More(continuation) => {
                let mut url: Url = continuation.try_into()?;
                core.same_origin(&url, &self.origin, "next-page")?;
                let api_version = self
                    .first
                    .url()
                    .query_pairs()
                    .find(|(k, _)| k == "api-version")
                    .map(|(_, v)| v.into_owned());
                if let Some(api_version) = api_version {
                    if !url.query_pairs().any(|(k, _)| k == "api-version") {
                        query(&mut url, "api-version", &api_version);
                    }
                }
                let mut request = Request::new(url, Method::Get);
                request.insert_header("accept", "application/json");
                request
            }
        };
        let raw = core
            .send_checked(&options.context, &mut request, &[200])
            .await?;
        let page = scan(raw.body(), self.next_link, self.items)?;
        self.check_size(&page)?;
        self.check_progress(&page)?;
        let link = page.next_link;
        if let (Some(link), Some(_)) = (&link, &self.next) {
            return Ok((raw, Some(PagerContinuation::Token(link.clone()))));
        }
        let next = link.map(|link| request.url().join(&link)).transpose()?;
        match next {
            Some(url) => {
                core.same_origin(&url, &self.origin, "next-page")?;
                Ok((raw, Some(PagerContinuation::Link(url))))
            }
            None => Ok((raw, None)),
        }
    }
}

impl Pages {
    /// Refuses a page whose items would take more than `Limits::max_page_memory` as
    /// Rust values (their number × the item type's size), before it is parsed.
    fn check_size(&self, page: &Scanned) -> Result<()> {
        let bytes = page.items.saturating_mul(self.item_size);
        let max = self.core.limits.max_page_memory;
        if bytes > max {
            return Err(Error::with_message(
                ErrorKind::DataConversion,
                format!(
                    "the page has {} items, {bytes} bytes as values: more than `Limits::max_page_memory` ({max})",
                    page.items
                ),
            ));
        }
        Ok(())
    }

    /// Refuses a page whose next link was followed before, or one empty page too many in
    /// a row: either way the service would be paged forever.
    fn check_progress(&self, page: &Scanned) -> Result<()> {
        let Some(link) = &page.next_link else {
            return Ok(());
        };
        let mut seen = self
            .seen
            .lock()
            .map_err(|_| stuck("a pager's state was poisoned"))?;
        if !seen.links.insert(link.clone()) {
            return Err(stuck(
                "the service sent a next link it had sent before: the list would never end",
            ));
        }
        seen.empty_run = match page.items {
            0 => seen.empty_run + 1,
            _ => 0,
        };
        let max = self.core.limits.max_empty_pages;
        if seen.empty_run > max {
            return Err(stuck(&format!(
                "the service sent {} empty pages in a row, each with a next link (more than `Limits::max_empty_pages`, {max}): the list would never end",
                seen.empty_run
            )));
        }
        Ok(())
    }
}

fn stuck(message: &str) -> Error {
    Error::with_message(ErrorKind::Other, message.to_string())
}

/// What the pager needs of a page: its next link (absent, null or empty: none) and how
/// many items it has.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Scanned {
    pub next_link: Option<String>,
    pub items: usize,
}

/// Scans a page's JSON body for its next link (`next_link`, if the page has one) and
/// the number of its items (the array `items`), building nothing else: every other
/// value is skipped.
pub(crate) fn scan(body: &[u8], next_link: Option<&str>, items: &str) -> Result<Scanned> {
    use serde::de::DeserializeSeed;
    let mut de = serde_json::Deserializer::from_slice(body);
    let scanned = ScanPage { next_link, items }
        .deserialize(&mut de)
        .and_then(|page| de.end().map(|()| page))
        .map_err(|e| {
            Error::with_message(
                ErrorKind::DataConversion,
                format!("the page is not the JSON object expected: {e}"),
            )
        })?;
    Ok(scanned)
}

struct ScanPage<'a> {
    next_link: Option<&'a str>,
    items: &'a str,
}

impl<'de> serde::de::DeserializeSeed<'de> for ScanPage<'_> {
    type Value = Scanned;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<Scanned, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for ScanPage<'_> {
    type Value = Scanned;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a page (a JSON object)")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Scanned, A::Error> {
        use serde::de::IgnoredAny;
        let mut page = Scanned::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if Some(key.as_ref()) == self.next_link {
                page.next_link = map
                    .next_value::<Option<String>>()?
                    .filter(|link| !link.is_empty());
            } else if key == self.items {
                page.items = map.next_value::<Option<Count>>()?.map_or(0, |c| c.0);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(page)
    }
}

/// The length of a JSON array, its items skipped.
struct Count(usize);

impl<'de> serde::Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of items")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Count, A::Error> {
                let mut n = 0;
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Count(n))
            }
        }
        deserializer.deserialize_seq(Visitor)
    }
}

/// Builds the request for a next page from its next link (`x-ms-pageable`
/// `operationName`).
pub type NextRequest = Arc<dyn Fn(&str) -> Result<Request> + Send + Sync>;

/// Implements azure_core's `Page` for a list model whose items are in `$field`
/// (`x-ms-pageable`'s `itemName`), so a `Pager` can iterate its items.
#[macro_export]
macro_rules! impl_page {
    ($list:ty, $item:ty, $field:ident $(,)?) => {
        $crate::impl_page!(@ $list, $item, self_ => self_.$field.unwrap_or_default());
    };
    (@ $list:ty, $item:ty, $self_:ident => $items:expr) => {
        #[$crate::__private::async_trait]
        impl ::azure_core::http::pager::Page for $list {
            type Item = $item;
            type IntoIter = ::std::vec::IntoIter<$item>;
            async fn into_items(self) -> ::azure_core::Result<Self::IntoIter> {
                let $self_ = self;
                ::std::result::Result::Ok($items.into_iter())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::{scan, Scanned};

    fn scanned(body: &str) -> Scanned {
        scan(body.as_bytes(), Some("nextLink"), "value").unwrap()
    }

    #[test]
    fn scans_the_link_and_counts_the_items() {
        let body = r#"{"value": [{"a": [1, {"nextLink": "inner"}]}, {}, "x"], "extra": {"nextLink": "no"}, "nextLink": "https://h/p?page=2"}"#;
        assert_eq!(
            scanned(body),
            Scanned {
                next_link: Some("https://h/p?page=2".to_string()),
                items: 3
            }
        );
    }

    #[test]
    fn no_link_null_link_and_empty_link_end_the_list() {
        for body in [
            r#"{"value": []}"#,
            r#"{"value": [], "nextLink": null}"#,
            r#"{"nextLink": ""}"#,
        ] {
            assert_eq!(scanned(body), Scanned::default(), "{body}");
        }
        assert_eq!(scanned(r#"{"value": null, "nextLink": "l"}"#).items, 0);
    }

    #[test]
    fn escaped_keys_and_links_are_read() {
        let page = scanned(r#"{"next\u004cink": "a\/b", "value": [1]}"#);
        assert_eq!(page.next_link.as_deref(), Some("a/b"));
        assert_eq!(page.items, 1);
    }

    #[test]
    fn what_is_not_a_page_is_an_error() {
        for body in [
            "[1]",
            "{\"value\": [1]",
            "{} {}",
            "{\"nextLink\": 3}",
            "{\"value\": 1}",
        ] {
            assert!(
                scan(body.as_bytes(), Some("nextLink"), "value").is_err(),
                "{body}"
            );
        }
    }
}
