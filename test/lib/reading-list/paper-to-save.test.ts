import { describe, expect, it } from 'vitest';
import { displayName, paperToSave } from '../../../lib/reading-list/paper-to-save';

describe('displayName', () => {
  it.each([
    ['Chen, Weifeng', 'Weifeng Chen'],
    ['Weifeng Chen', 'Weifeng Chen'],
    ['  Ruiz,  Nataniel ', 'Nataniel Ruiz'],
    ['Doe, Jr., John', 'Doe, Jr., John'],
    ['王晨辉', '王晨辉'],
  ])('%s → %s', (author, expected) => {
    expect(displayName(author)).toBe(expected);
  });
});

describe('paperToSave', () => {
  const none = { arxivId: null, pageVersion: null, digest: null, placements: [] };

  it('takes what the page says when the corpus does not know the paper', () => {
    expect(paperToSave({ ...none, arxivId: '2501.00001', pageVersion: 2 }, { url: 'https://arxiv.org/abs/2501.00001v2', title: ' A Title ', authors: ['Doe, Jane'] }, 'popup')).toEqual({
      arxivId: '2501.00001',
      version: 2,
      title: 'A Title',
      authors: ['Jane Doe'],
      url: 'https://arxiv.org/abs/2501.00001v2',
      source: 'popup',
    });
  });

  it('falls back to the id as the title, and drops a URL that is not http(s)', () => {
    expect(paperToSave({ ...none, arxivId: '2501.00001' }, { url: 'chrome-extension://x/popup.html', title: '' }, 'command')).toMatchObject({ title: 'arXiv:2501.00001', url: null });
  });

  it('returns null for a page with neither an id nor a title', () => {
    expect(paperToSave(none, { url: 'https://example.org', title: '  ' }, 'command')).toBeNull();
  });
});
