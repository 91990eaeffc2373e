//! Paging: `nextLink` (or `x-ms-pageable` `operationName`) followed on the endpoint's
//! origin, and [`impl_page!`](crate::impl_page) for the list models.

use std::sync::Arc;

use azure_core::error::ErrorKind;
use azure_core::http::pager::{Page, PagerContinuation, PagerOptions, PagerResult, PagerState};
use azure_core::http::{ClientMethodOptions, Method, Pager, RawResponse, Request, Response, Url};
use azure_core::{Error, Result};
use serde::de::DeserializeOwned;

use super::checks::query;
use super::{check, ClientCore};

impl ClientCore {
    /// A pager over a list operation: follows `nextLink` (absent or null → one page);
    /// every next link must be on the endpoint's host, and gets the api-version of the
    /// first request when it has none.
    pub fn pager<P>(
        &self,
        options: &ClientMethodOptions<'_>,
        request: Request,
        next_link: Option<&'static str>,
    ) -> Result<Pager<P>>
    where
        P: DeserializeOwned + Page + Send + 'static,
    {
        self.pager_via(options, request, next_link, None)
    }

    /// [`ClientCore::pager`] whose next pages come from another operation
    /// (`x-ms-pageable` `operationName`): `next` builds its request from the next link,
    /// which is then a token for that operation, not a URL.
    pub fn pager_via<P>(
        &self,
        options: &ClientMethodOptions<'_>,
        request: Request,
        next_link: Option<&'static str>,
        next: Option<NextRequest>,
    ) -> Result<Pager<P>>
    where
        P: DeserializeOwned + Page + Send + 'static,
    {
        let pages = Arc::new(Pages {
            core: self.clone(),
            origin: request.url().clone(),
            first: request,
            next_link,
            next,
        });
        let options = PagerOptions {
            context: options.context.clone().into_owned(),
            ..PagerOptions::default()
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
    /// The next-page operation (`x-ms-pageable` `operationName`), if any.
    next: Option<NextRequest>,
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
            .pipeline
            .send(&options.context, &mut request, Some(check(&[200])))
            .await?;
        let link = match self.next_link {
            Some(name) => {
                let body: serde_json::Value = raw.body().json()?;
                body.get(name)
                    .and_then(serde_json::Value::as_str)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            }
            None => None,
        };
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
    ($list:ty, $item:ty, $field:ident, required $(,)?) => {
        $crate::impl_page!(@ $list, $item, self_ => self_.$field);
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
