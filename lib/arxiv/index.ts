export { parseArxivId, formatArxivId, arxivAbsUrl, arxivTitleSearchUrl, type ArxivRef } from './arxiv-id';
export { arxivRefFromUrl, parseArxivLink } from './arxiv-url';
