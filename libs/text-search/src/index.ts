export { documentTerms, normalizeSearchText, queryTerms } from './search-terms';
