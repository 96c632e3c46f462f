import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditEventInput } from '../../db/repositories/audit-repository.js';
import type { Database } from '../../db/schema.js';
import { currentRoles } from '../../domain/access/actor.js';
import type { AppContext } from '../app-context.js';

type EventFields = Omit<AuditEventInput, 'occurredAt' | 'requestId' | 'address' | 'actorUserId' | 'actorRole'> &
  Partial<Pick<AuditEventInput, 'actorUserId' | 'actorRole'>>;

/**
 * Writes an audit event for a request: who (from the session unless given), from where, which request.
 * Pass the transaction of the change so that the event commits with it; without one (a read) the event
 * goes through the group commit and is durable when this resolves.
 */
export async function auditRequest(
  ctx: AppContext,
  request: FastifyRequest,
  fields: EventFields,
  executor?: Kysely<Database>,
): Promise<void> {
  const actor = request.actor;
  const event: AuditEventInput = {
    occurredAt: ctx.now(),
    requestId: request.id,
    address: request.ip,
    actorUserId: fields.actorUserId ?? (actor.kind === 'user' ? actor.userId : null),
    actorRole: fields.actorRole ?? (actor.kind === 'user' ? (currentRoles(actor)[0] ?? null) : null),
    schoolId: actor.kind === 'user' ? actor.schoolId : null,
    ...fields,
  };
  if (executor) await ctx.repos.audit.append(event, executor);
  else await ctx.auditReads.append(event);
}
