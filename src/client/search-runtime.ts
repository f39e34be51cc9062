/**
 * The search engine for the browser, loaded on first use of a search box (lunr is too big for
 * every page load). Exposes window.__kbSearch; the data files search-<lang>.js set
 * window.__kbSearchData[lang]. Both are classic scripts, so they load from file:// too.
 */
import { encodeShareFragment } from '../diagnose/share.ts';
import { loadSearch, looksLikeClusterOutput, search } from '../search/query.ts';
import { offersDiagnosis, searchResults, snippetSource, RESULTS_CUTOFF } from '../search/results.ts';
import { snippetFor } from '../search/snippet.ts';
import { queryTokens } from '../search/tokenize.ts';

const runtime = { loadSearch, search, searchResults, RESULTS_CUTOFF, snippetFor, snippetSource, looksLikeClusterOutput, offersDiagnosis, queryTokens, encodeShareFragment };
export type SearchRuntime = typeof runtime;

(window as unknown as { __kbSearch: SearchRuntime }).__kbSearch = runtime;
