import type { CorpusPaper } from '../../lib/corpus';
import { t } from '../i18n';
import { MarkedText } from './MarkedText';

/** The 中文 one-line summary, when the digest has one: a missing one is left out, never announced. */
export function DigestLead({ paper }: { paper: CorpusPaper }) {
  if (!paper.summaryZh) return null;
  return (
    <p class="summary" lang="zh-CN">
      <MarkedText text={paper.summaryZh} field="summaryZh" marks={paper.uncertain} />
    </p>
  );
}

/** The key takeaways. */
export function DigestTakeaways({ paper }: { paper: CorpusPaper }) {
  if (paper.takeaways.length === 0) return null;
  return (
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
  );
}

/** The one-line summary and the key takeaways: what a reader sees without a click. */
export function DigestSummary({ paper }: { paper: CorpusPaper }) {
  return (
    <>
      <DigestLead paper={paper} />
      <DigestTakeaways paper={paper} />
    </>
  );
}
