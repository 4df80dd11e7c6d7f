import type { ConnectionType } from '@hydroml/contracts';
import type { DatabaseDriver, DriverConfig } from './driver.js';
import { MysqlDriver } from './mysql.driver.js';
import { PostgresDriver } from './postgres.driver.js';

export const DEFAULT_PORTS: Record<ConnectionType, number> = {
  postgresql: 5432,
  mysql: 3306,
  sqlite: 0,
};

export function createDriver(type: ConnectionType, config: DriverConfig): DatabaseDriver {
  switch (type) {
    case 'postgresql':
      return new PostgresDriver(config);
    case 'mysql':
      return new MysqlDriver(config);
    case 'sqlite':
      throw new Error('SQLite connections open their file with SqliteDriver');
  }
}
