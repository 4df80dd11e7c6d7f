import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DB } from '../db.js';
import { In, Repository } from 'typeorm';
import { DomainError } from '@hydroml/contracts';
import { uniqueViolation } from '@hydroml/nest-kit';
import { UserEntity } from './persistence/user.entity.js';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity, DB) private readonly repo: Repository<UserEntity>) {}

  /** By username (case-insensitive) or email. */
  findByLogin(login: string): Promise<UserEntity | null> {
    const key = login.trim().toLowerCase();
    return this.repo
      .createQueryBuilder('u')
      .where('lower(u.username) = :key OR u.email = :key', { key })
      .getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.findById(id);
    if (!user) throw new DomainError('not_found', 'user not found');
    return user;
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo.findBy({ id: In(ids) });
  }

  /** Saves, turning unique violations into a `conflict` that names the taken field. */
  async save(user: UserEntity): Promise<UserEntity> {
    try {
      return await this.repo.save(user);
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === undefined) throw error;
      const field = constraint.includes('email') ? 'email' : 'username';
      throw new DomainError('conflict', `this ${field} is already taken`, { field });
    }
  }
}
