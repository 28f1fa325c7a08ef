import type { FastifyReply } from 'fastify';

/**
 * CSV when the client asks for it (Accept: text/csv, or ?format=csv for a link a browser follows);
 * JSON otherwise. An Accept listing both prefers whichever comes first.
 */
export function wantsCsv(accept: string | undefined, format: string | undefined): boolean {
  if (format) return format.toLowerCase() === 'csv';
  if (!accept) return false;
  const types = accept.split(',').map((t) => t.split(';')[0].trim().toLowerCase());
  const csv = types.indexOf('text/csv');
  const json = types.findIndex((t) => t === 'application/json' || t === '*/*' || t === 'application/*');
  return csv !== -1 && (json === -1 || csv < json);
}

export function sendCsv(reply: FastifyReply, filename: string, body: string): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .header('vary', 'accept')
    .send(body);
}
