import type { DataSourceKind, ProjectRole } from './projects.dto.js';

export interface ProjectView {
  id: string;
  name: string;
  description: string | null;
  isPublic: boolean;
  isDefault: boolean;
  ownerId: string;
  /** The caller's role, or null when the caller reads a public project it is not a member of. */
  role: ProjectRole | null;
  favorite: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MemberView {
  projectId: string;
  userId: string;
  username: string | null;
  displayName: string | null;
  role: ProjectRole;
  addedAt: string;
}

export type DataSourceStatus =
  'empty' | 'uploading' | 'processing' | 'ingesting' | 'ready' | 'failed';

export interface DataSourceView {
  id: string;
  name: string;
  description: string | null;
  kind: DataSourceKind;
  status: DataSourceStatus;
  ownerId: string;
  projectIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface AccessDecision {
  allowed: boolean;
  /** The principal's effective role (null when it may not see the resource at all). */
  role: ProjectRole | null;
}

/** Batched lookups for GraphQL DataLoaders: one entry per requested project id. */
export type MembersByProject = Record<string, MemberView[]>;
export type DataSourcesByProject = Record<string, DataSourceView[]>;
