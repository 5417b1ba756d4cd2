import { useEffect, useRef } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { isReadingListChangedNotice } from '../../lib/messages/notices';

/**
 * Calls `reload` whenever the background says the reading list changed: an edit in another side
 * panel or popup, a save from a card, an import, a change synced from another device.
 */
export function useReadingListChanges(reload: () => void): void {
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    const onNotice = (message: unknown) => {
      if (isReadingListChangedNotice(message)) latest.current();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onNotice);
    return () => browser.runtime.onMessage.removeListener(onNotice);
  }, []);
}

/**
 * An uncontrolled field of a reading-list entry (a note, the tags) that another window may change
 * while it is shown. It shows the saved value whenever that changes and the field is not being
 * edited, and remembers what it showed when the user began to edit: that is the `base` sent with
 * the change, so the background merges an edit made on a stale copy instead of overwriting.
 * @param saved The value as saved now, as the field shows it.
 */
export function useEditedField<E extends HTMLTextAreaElement | HTMLInputElement>(saved: string) {
  const ref = useRef<E>(null);
  const base = useRef<string | null>(null);
  useEffect(() => {
    const field = ref.current;
    if (field && field.ownerDocument.activeElement !== field) field.value = saved;
  }, [saved]);
  return {
    ref,
    onFocus: () => {
      base.current = ref.current?.value ?? saved;
    },
    /** What the field showed when editing began (the saved value when it never had the focus). */
    base: () => base.current ?? saved,
  };
}
