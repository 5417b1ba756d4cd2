import { useState } from 'preact/hooks';
import { t } from '../i18n';

/**
 * Save to reading list, which turns into *Saved*. A failure is shown in words, and the button
 * stays usable so the user can try again.
 */
export function SaveButton({ saved, onSave }: { saved: boolean; onSave: () => Promise<void> }) {
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>(saved ? 'saved' : 'idle');
  const [error, setError] = useState<string | null>(null);
  const save = async (event: MouseEvent) => {
    // A page script's click on the card (its shadow root is open) saves nothing.
    if (!event.isTrusted || state !== 'idle') return;
    setState('saving');
    setError(null);
    try {
      await onSave();
      setState('saved');
    } catch (failure) {
      setState('idle');
      setError(t('saveFailed', failure instanceof Error ? failure.message : String(failure)));
    }
  };
  return (
    <div>
      <button type="button" class="save" aria-pressed={state === 'saved'} disabled={state === 'saving'} onClick={save}>
        {state === 'saved' ? `✓ ${t('saved')}` : state === 'saving' ? t('saving') : t('save')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
