import type { FastifyRequest } from 'fastify';
import type { Scope } from '../../db/scope.js';
import { notFound } from './http-error.js';

/** The school and person a request works for. Without a school (a board-only member) there is nothing school-bound to reach. */
export function scopeOf(request: FastifyRequest): Scope {
  const actor = request.actor;
  if (actor.kind !== 'user' || actor.schoolId === null) throw notFound();
  return { schoolId: actor.schoolId, userId: actor.userId };
}
