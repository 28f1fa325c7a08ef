import type { FastifyReply } from 'fastify';
import type { OperationJob } from './operation-jobs';

/** 202 Accepted with the job's resource in Location: the client polls it. */
export function accepted(reply: FastifyReply, base: string, job: OperationJob): OperationJob {
  void reply.status(202).header('location', `${base}/${job.id}`);
  return job;
}
