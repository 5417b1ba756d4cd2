import { t } from '../i18n';
import { SaveButton } from './SaveButton';

/**
 * A paper the extension has no digest of, on any surface that shows the current paper (the card,
 * the side panel's *This tab*, the popup): its title, *Save*, and where a digest can come from.
 * @param onOpenImport Opens the options page, where digest files are imported.
 */
export function NoDigestPaper({ title, saved, onSave, onOpenImport }: { title: string; saved: boolean; onSave: () => Promise<void>; onOpenImport: (event: MouseEvent) => void }) {
  return (
    <div class="no-digest">
      <div class="no-digest-text">
        <p class="no-digest-title">{title}</p>
        <p class="no-digest-note">
          {t('noDigestYet')}{' '}
          <button type="button" class="link" onClick={onOpenImport}>
            {t('openOptions')}
          </button>
        </p>
      </div>
      <SaveButton saved={saved} onSave={onSave} />
    </div>
  );
}
