export { parseArxivId, formatArxivId, arxivAbsUrl, type ArxivRef } from './arxiv-id';
export { arxivRefFromUrl, parseArxivLink } from './arxiv-url';
