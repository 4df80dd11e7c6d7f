// The reference for bench/api: the same project-list SQL, served by a bare Fastify server straight
// from PostgreSQL (no gateway, no NATS, no auth), so the benchmark can print what they cost.
import Fastify from 'fastify';
import pg from 'pg';
import { buildListQuery } from '../../services/projects/dist/projects/domain/list-query.js';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  options: '-c search_path=projects',
});
const userId = process.env.BENCH_USER_ID;
const app = Fastify({ logger: false });
app.get('/projects', async () => {
  const { text, values } = buildListQuery(userId, {});
  const { rows } = await pool.query(text, values);
  return { items: rows, total: rows.length ? Number(rows[0].total) : 0, page: 1, pageSize: 20 };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
