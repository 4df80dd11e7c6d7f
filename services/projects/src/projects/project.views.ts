import type { ProjectRole, ProjectView } from '@hydroml/contracts';

/** A project row as the list/get queries return it (snake_case from SQL). */
export interface ProjectRow {
  id: string;
  name: string;
  description: string | null;
  is_public: boolean;
  is_default: boolean;
  owner_id: string;
  role: ProjectRole | null;
  favorite: boolean;
  created_at: Date;
  updated_at: Date;
  total?: string;
}

export function toProjectView(row: ProjectRow): ProjectView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    isPublic: row.is_public,
    isDefault: row.is_default,
    ownerId: row.owner_id,
    role: row.role,
    favorite: row.favorite,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
