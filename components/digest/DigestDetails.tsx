import type { CorpusPaper, TaxonomyPlacement } from '../../lib/corpus';
import type { ImportProvenance } from '../../lib/store/database';
import { t } from '../i18n';
import { MarkedText } from './MarkedText';
import { CorpusHtml } from './CorpusHtml';

type ChatPaper = NonNullable<CorpusPaper['chatPaper']>;

/**
 * The structured ChatPaper notes, the abstract with its math, the taxonomy notes and the provenance.
 * @param showAbstract False where the page already shows the abstract (a paper's own page); a PDF
 *   tab in the side panel keeps it.
 */
export function DigestDetails({ paper, placements, showAbstract = true }: { paper: CorpusPaper | null; placements: readonly TaxonomyPlacement[]; showAbstract?: boolean }) {
  const notes = placements.filter((placement) => placement.notes.length > 0 || placement.captions.length > 0);
  return (
    <div class="details">
      {paper?.chatPaper && <ChatPaperNotes notes={paper.chatPaper} paper={paper} />}
      {paper && showAbstract && (
        <section>
          <h3>{t('abstract')}</h3>
          <CorpusHtml class="abstract" html={paper.abstractHtml} />
        </section>
      )}
      {notes.length > 0 && (
        <section>
          <h3>{t('taxonomyNotes')}</h3>
          {notes.map((placement) => (
            <div key={placement.entryId} class="taxonomy-notes">
              <h4>{placement.method}</h4>
              {[...placement.notes, ...placement.captions].map((note, i) => (
                <p key={i}>{note}</p>
              ))}
            </div>
          ))}
        </section>
      )}
      {paper && <Provenance paper={paper} />}
    </div>
  );
}

function ChatPaperNotes({ notes, paper }: { notes: ChatPaper; paper: CorpusPaper }) {
  const marked = (text: string, field: string) => <MarkedText text={text} field={`chatPaper/${field}`} marks={paper.uncertain} />;
  const conclusion = notes.conclusion;
  const conclusionParts = conclusion
    ? (['significance', 'innovation', 'performance', 'workload'] as const).flatMap((field) => {
        const text = conclusion[field];
        return text === null ? [] : [[field, text] as const];
      })
    : [];
  return (
    <section lang="zh-CN">
      <h3>{t('notes')}</h3>
      {notes.titleZh && <p class="title-zh">{marked(notes.titleZh, 'titleZh')}</p>}
      <dl class="notes">
        {notes.affiliation && (
          <>
            <dt>{t('affiliation')}</dt>
            <dd>{marked(notes.affiliation, 'affiliation')}</dd>
          </>
        )}
        {notes.keywords.length > 0 && (
          <>
            <dt>{t('keywords')}</dt>
            <dd>
              {notes.keywords.map((keyword, i) => (
                <span key={i} class="keyword">
                  {marked(keyword, `keywords/${i}`)}
                </span>
              ))}
            </dd>
          </>
        )}
        {notes.urls?.github && (
          <>
            <dt>{t('code')}</dt>
            <dd>
              <a href={notes.urls.github} target="_blank" rel="noopener noreferrer">
                {notes.urls.github}
              </a>
            </dd>
          </>
        )}
        {notes.summary.length > 0 && (
          <>
            <dt>{t('background')}</dt>
            <dd>{notes.summary.map((text, i) => <p key={i}>{marked(text, `summary/${i}`)}</p>)}</dd>
          </>
        )}
        {notes.method.length > 0 && (
          <>
            <dt>{t('method')}</dt>
            <dd>{notes.method.map((text, i) => <p key={i}>{marked(text, `method/${i}`)}</p>)}</dd>
          </>
        )}
        {conclusion && (conclusionParts.length > 0 || conclusion.parts.length > 0) && (
          <>
            <dt>{t('conclusion')}</dt>
            <dd>
              {conclusionParts.length > 0
                ? conclusionParts.map(([field, text]) => (
                    <p key={field}>
                      <strong>{t(field)}: </strong>
                      {marked(text, `conclusion/${field}`)}
                    </p>
                  ))
                : // The numbered parts as written are the lossless fallback when no part could be named.
                  conclusion.parts.map((text, i) => <p key={i}>{marked(text, `conclusion/parts/${i}`)}</p>)}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/**
 * Where the digest came from, in words a reader knows: "ChatPaperFree daily digest, 2024-04-25",
 * the weekly overview's name and dates, or the imported file and the day it was imported. The
 * source file and line stay in a tooltip, for whoever checks a digest against its source.
 */
function Provenance({ paper }: { paper: CorpusPaper & { imported?: ImportProvenance } }) {
  return (
    <section>
      <h3>{t('provenance')}</h3>
      <ul class="provenance">
        {paper.imported && <li class="imported-from">{t('importedFrom', paper.imported.file, new Date(paper.imported.importedAt).toLocaleDateString())}</li>}
        {paper.provenance.map((source, i) => (
          <li key={i} title={`${source.sourceFile}:${source.line}`}>
            {sourceInWords(source)}
            {source.version ? ` · arXiv v${source.version}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function sourceInWords(source: CorpusPaper['provenance'][number]): string {
  if (source.kind === 'daily') return t('provenanceDaily', source.digestDate ?? '—');
  const range = source.dateRange ? `${source.dateRange.start} – ${source.dateRange.end}` : (source.digestDate ?? '—');
  return t('provenanceWeekly', range);
}
