import { markedRuns } from '../../lib/corpus/marked-text';
import type { UncertainMark } from '../../lib/corpus/uncertain-marks';
import { t } from '../i18n';

/**
 * A field's text with the characters the mojibake repair was unsure of marked; the alternatives
 * show on hover and to screen readers. Text is rendered as text, never as HTML.
 */
export function MarkedText({ text, field, marks }: { text: string; field: string; marks: readonly UncertainMark[] }) {
  return (
    <>
      {markedRuns(text, field, marks).map((run, i) =>
        run.mark ? (
          <mark
            key={i}
            class="uncertain"
            tabIndex={0}
            title={run.mark.alternatives.length > 0 ? t('uncertainChar', run.mark.alternatives.join(' ')) : t('uncertainLost')}
          >
            {run.text}
          </mark>
        ) : (
          run.text
        ),
      )}
    </>
  );
}
