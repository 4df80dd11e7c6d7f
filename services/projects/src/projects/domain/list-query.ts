import type { ListProjectsDto } from '@hydroml/contracts';

const SORT_COLUMNS = {
  name: 'p.name',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
} as const;

export interface SqlQuery {
  text: string;
  values: unknown[];
}

export const DEFAULT_PAGE_SIZE = 20;

/**
 * The caller's projects (member of), one page, with the total in the same round trip.
 * Only whitelisted columns reach ORDER BY; the search text is a bound parameter.
 */
export function buildListQuery(userId: string, dto: ListProjectsDto): SqlQuery {
  const page = dto.page ?? 1;
  const pageSize = dto.pageSize ?? DEFAULT_PAGE_SIZE;
  const values: unknown[] = [userId];
  const where = ['m.user_id = $1'];
  if (dto.search) {
    values.push(`%${dto.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(p.name ILIKE $${values.length} OR p.description ILIKE $${values.length})`);
  }
  if (dto.favoritesOnly) where.push('f.id IS NOT NULL');
  const order = dto.order === 'desc' ? 'DESC' : 'ASC';
  const sort = SORT_COLUMNS[dto.sort ?? 'createdAt'];
  values.push(pageSize, (page - 1) * pageSize);
  const text = `SELECT p.id, p.name, p.description, p.is_public, p.is_default, p.owner_id, m.role,
      (f.id IS NOT NULL) AS favorite, p.created_at, p.updated_at, count(*) OVER() AS total
    FROM memberships m
    JOIN projects p ON p.id = m.project_id
    LEFT JOIN favorites f ON f.project_id = p.id AND f.user_id = $1
    WHERE ${where.join(' AND ')}
    ORDER BY ${sort} ${order}, p.id
    LIMIT $${values.length - 1} OFFSET $${values.length}`;
  return { text, values };
}
