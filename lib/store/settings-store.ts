import * as v from 'valibot';
import { withReopen, type CompanionDatabase } from './database';
import { toStoreError } from './store-error';

// A node id is the taxonomy's own; a page never sets one longer than this.
const nodeId = v.pipe(v.string(), v.maxLength(500));

/** The card's colours: like the page it is on (its background, else the system's setting), or fixed. */
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The user's settings, each with its default. */
export const SettingsSchema = v.object({
  cardCollapsed: v.optional(v.boolean(), false),
  theme: v.optional(v.picklist(THEMES), 'auto'),
  /** The taxonomy node the side panel opens on next, set when a card's breadcrumb is clicked. */
  pendingTaxonomyNode: v.optional(v.nullable(nodeId), null),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** A change to some settings, as a request carries it. */
export const SettingsPatchSchema = v.partial(v.object({ cardCollapsed: v.boolean(), theme: v.picklist(THEMES), pendingTaxonomyNode: v.nullable(nodeId) }));

/** The settings table: one row per setting, validated where it is read. */
export class SettingsStore {
  constructor(private readonly db: CompanionDatabase) {}

  /** The user's settings, defaults filled in. */
  async get(): Promise<Settings> {
    const rows = await withReopen(this.db, () => this.db.settings.toArray());
    const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
    // A value written by an older release that no longer fits its schema falls back to the default.
    const parsed = v.safeParse(SettingsSchema, stored);
    return parsed.success ? parsed.output : v.parse(SettingsSchema, {});
  }

  /** Changes some settings in one transaction and returns them all. */
  async update(patch: Partial<Settings>): Promise<Settings> {
    await withReopen(this.db, () =>
      this.db.transaction('rw', this.db.settings, () => this.db.settings.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })))),
    ).catch((error: unknown) => {
      throw toStoreError(error);
    });
    return this.get();
  }
}
