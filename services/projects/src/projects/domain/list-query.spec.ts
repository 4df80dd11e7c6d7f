import { buildListQuery } from './list-query.js';

describe('project list query', () => {
  it('pages with bound parameters and a whitelisted sort column', () => {
    const q = buildListQuery('u1', { page: 3, pageSize: 10, sort: 'name', order: 'desc' });
    expect(q.text).toContain('ORDER BY p.name DESC, p.id');
    expect(q.values).toEqual(['u1', 10, 20]);
  });

  it('escapes LIKE wildcards in the search text and filters favourites', () => {
    const q = buildListQuery('u1', { search: '50%_off', favoritesOnly: true });
    expect(q.values[1]).toBe('%50\\%\\_off%');
    expect(q.text).toContain('ILIKE $2');
    expect(q.text).toContain('f.id IS NOT NULL');
    expect(q.text).toContain('ORDER BY p.created_at ASC');
  });
});
