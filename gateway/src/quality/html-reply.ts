import type { FastifyReply } from 'fastify';
import type { HtmlReport } from '@hydroml/contracts';

/** Sends a self-contained HTML report as a download. */
export async function sendHtml(reply: FastifyReply, report: HtmlReport): Promise<void> {
  await reply
    .code(200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-disposition', `attachment; filename="${report.fileName}"`)
    .send(report.html);
}
