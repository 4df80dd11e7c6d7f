/** The name of this service's TypeORM data source (and its PostgreSQL schema). */
export const DB = 'connectors';
