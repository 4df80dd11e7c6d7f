import type { UserSummary, UserView } from '@hydroml/contracts';
import type { UserEntity } from './persistence/user.entity.js';

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    displayName: user.displayName,
    createdAt: user.createdAt.toISOString(),
  };
}

export function toUserSummary(user: UserEntity): UserSummary {
  return { id: user.id, username: user.username, displayName: user.displayName };
}
