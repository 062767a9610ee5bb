import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { identifier } from '../../src/domain/form-schema';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { coordinatorAccount, unit, unitNames } from '../../src/domain/units';
import { audit } from '../db/audit-log';
import { addCoordinator, listCoordinators, setCoordinatorAccess } from '../db/coordinators';
import { inTransaction, type Database } from '../db/database';
import { addUnit, listUnits, renameUnit, unitsByIds } from '../db/units';
import { hashPassword, passwordProblem } from '../passwords';
import { sameOriginOnly } from './coordinator-auth';

/**
 * The area administrator's part: units, and coordinators with their roles and units. A unit
 * coordinator or a viewer gets 403 from every route here.
 */
export function administrationRoutes(app: FastifyInstance, db: Database) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: 'administration' as const };
  const unitsExist = async (units: readonly string[]) => (await unitsByIds(db, units)).length === new Set(units).size;

  api.get(
    '/api/coordinator/admin/units',
    { config: admin, schema: { hide: true, response: { 200: z.strictObject({ units: z.array(unit) }), 401: errorAnswer, 403: errorAnswer } } },
    async () => ({ units: await listUnits(db) }),
  );

  api.post(
    '/api/coordinator/admin/units',
    { onRequest: sameOriginOnly, config: admin, schema: { hide: true, body: z.strictObject({ names: unitNames }), response: { 201: unit, 400: errorAnswer, 401: errorAnswer, 403: errorAnswer } } },
    async (request, reply) => {
      if (Object.keys(request.body.names).length === 0) return reply.code(400).send({ error: 'Give the unit a name.' });
      const added = await inTransaction(db, async (trx) => {
        const made = await addUnit(trx, request.body.names, new Date());
        await audit(trx, request.coordinator!.username, 'unit-added', made.id, new Date(), [made.id]);
        return made;
      });
      return reply.code(201).send(added);
    },
  );

  api.put(
    '/api/coordinator/admin/units/:unit',
    {
      onRequest: sameOriginOnly,
      config: admin,
      schema: { hide: true, params: z.strictObject({ unit: identifier }), body: z.strictObject({ names: unitNames }), response: { 200: unit, 400: errorAnswer, 401: errorAnswer, 403: errorAnswer, 404: errorAnswer } },
    },
    async (request, reply) => {
      if (Object.keys(request.body.names).length === 0) return reply.code(400).send({ error: 'Give the unit a name.' });
      if (!(await renameUnit(db, request.params.unit, request.body.names))) return reply.code(404).send({ error: `There is no unit ${request.params.unit}.` });
      await audit(db, request.coordinator!.username, 'unit-renamed', request.params.unit, new Date(), [request.params.unit]);
      return { id: request.params.unit, names: request.body.names };
    },
  );

  api.get(
    '/api/coordinator/admin/coordinators',
    { config: admin, schema: { hide: true, response: { 200: z.strictObject({ coordinators: z.array(coordinatorAccount) }), 401: errorAnswer, 403: errorAnswer } } },
    async () => ({ coordinators: await listCoordinators(db) }),
  );

  api.post(
    '/api/coordinator/admin/coordinators',
    {
      onRequest: sameOriginOnly,
      config: admin,
      schema: {
        hide: true,
        body: z.extend(coordinatorAccount, { password: z.string().check(z.minLength(1), z.maxLength(1024)) }),
        response: { 201: coordinatorAccount, 400: errorAnswer, 401: errorAnswer, 403: errorAnswer, 409: errorAnswer },
      },
    },
    async (request, reply) => {
      const { username, role, units, password } = request.body;
      const problem = passwordProblem(password);
      if (problem) return reply.code(400).send({ error: problem });
      const assigned = role === 'admin' ? [] : units;
      if (role !== 'admin' && assigned.length === 0) return reply.code(400).send({ error: 'A unit coordinator or a viewer needs at least one unit.' });
      if (!(await unitsExist(assigned))) return reply.code(400).send({ error: 'One of the units does not exist.' });
      const hash = await hashPassword(password);
      const added = await inTransaction(db, async (trx) => {
        if (!(await addCoordinator(trx, username, hash, new Date(), { role, units: assigned }))) return false;
        await audit(trx, request.coordinator!.username, 'coordinator-added', `${username} as ${role}`, new Date(), assigned);
        return true;
      });
      if (!added) return reply.code(409).send({ error: `A coordinator named ${username} already exists.` });
      return reply.code(201).send({ username, role, units: assigned });
    },
  );

  api.put(
    '/api/coordinator/admin/coordinators/:username',
    {
      onRequest: sameOriginOnly,
      config: admin,
      schema: {
        hide: true,
        params: z.strictObject({ username: z.string().check(z.maxLength(64)) }),
        body: z.strictObject({ role: coordinatorAccount.shape.role, units: coordinatorAccount.shape.units }),
        response: { 200: coordinatorAccount, 400: errorAnswer, 401: errorAnswer, 403: errorAnswer, 404: errorAnswer },
      },
    },
    async (request, reply) => {
      const { username } = request.params;
      const { role, units } = request.body;
      const assigned = role === 'admin' ? [] : units;
      if (role !== 'admin' && assigned.length === 0) return reply.code(400).send({ error: 'A unit coordinator or a viewer needs at least one unit.' });
      // The last area administrator cannot take away their own way back in.
      if (username === request.coordinator!.username && role !== 'admin') {
        return reply.code(400).send({ error: 'You cannot take the area administrator role from yourself; ask another area administrator.' });
      }
      if (!(await unitsExist(assigned))) return reply.code(400).send({ error: 'One of the units does not exist.' });
      const changed = await inTransaction(db, async (trx) => {
        if (!(await setCoordinatorAccess(trx, username, { role, units: assigned }))) return false;
        await audit(trx, request.coordinator!.username, 'coordinator-changed', `${username} as ${role}`, new Date(), assigned);
        return true;
      });
      if (!changed) return reply.code(404).send({ error: `There is no coordinator ${username}.` });
      return { username, role, units: assigned };
    },
  );
}
