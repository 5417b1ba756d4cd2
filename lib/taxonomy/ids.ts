import { splitMethodName } from './method-name';
import { shortHash, slugify } from './normalize';

/**
 * Hands out node ids derived from heading paths: `parent-id/slug`, where the slug is made from the
 * heading without its qualifiers (`ID-Aligner (image + text)` → `id-aligner`), so retagging a method
 * keeps its id. An id depends only on the path and on earlier siblings whose names slugify the same
 * way, never on array positions, so adding a block elsewhere in the export changes no existing id.
 */
export class NodeIdAllocator {
  // parent id → slug → the heading name that owns it
  private readonly taken = new Map<string, Map<string, string>>();

  /**
   * The id of the child `name` of `parentId` (null for a top-level area). Asking twice for the
   * same child gives the same id.
   *
   * Collisions are resolved deterministically: the first sibling (in document order) keeps the
   * plain slug, a later sibling whose different name slugifies the same (`Others` and `others`, or
   * one method under two sets of qualifiers) gets `~` and a hash of its exact name. A name with no
   * letters or digits is `h-` plus its hash.
   */
  idFor(parentId: string | null, name: string): string {
    const prefix = parentId === null ? '' : `${parentId}/`;
    const siblings = this.taken.get(prefix) ?? new Map<string, string>();
    this.taken.set(prefix, siblings);
    const base = slugify(splitMethodName(name).method) || `h-${shortHash(name)}`;
    for (const candidate of [base, `${base}~${shortHash(name)}`]) {
      const owner = siblings.get(candidate);
      if (owner === undefined) {
        siblings.set(candidate, name);
        return prefix + candidate;
      }
      if (owner === name) return prefix + candidate;
    }
    // Two different names with the same slug and the same 32-bit hash: count on.
    for (let n = 2; ; n++) {
      const candidate = `${base}~${shortHash(name)}-${n}`;
      const owner = siblings.get(candidate);
      if (owner === undefined || owner === name) {
        siblings.set(candidate, name);
        return prefix + candidate;
      }
    }
  }
}
