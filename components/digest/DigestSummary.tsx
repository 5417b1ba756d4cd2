import type { CorpusPaper } from '../../lib/corpus';
import { t } from '../i18n';
import { MarkedText } from './MarkedText';

/** The 中文 one-line summary and the key takeaways: what a reader sees without a click. */
export function DigestSummary({ paper }: { paper: CorpusPaper }) {
  return (
    <>
      <p class="summary" lang="zh-CN">
        {paper.summaryZh ? <MarkedText text={paper.summaryZh} field="summaryZh" marks={paper.uncertain} /> : <span class="muted">{t('noSummary')}</span>}
      </p>
      {paper.takeaways.length > 0 && (
        <section aria-label={t('takeaways')}>
          <h3>{t('takeaways')}</h3>
          <ul class="takeaways" lang="zh-CN">
            {paper.takeaways.map((takeaway, i) => (
              <li key={i}>
                <MarkedText text={takeaway} field={`takeaways/${i}`} marks={paper.uncertain} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
