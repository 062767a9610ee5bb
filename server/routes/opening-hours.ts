import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { identifier } from '../../src/domain/form-schema';
import { openingHours } from '../../src/domain/opening-hours';
import { unitList } from '../../src/domain/units';
import { hasUnits, unitsAskedFor } from '../access';
import { audit } from '../db/audit-log';
import type { Database } from '../db/database';
import { kioskById, listKiosks } from '../db/kiosks';
import { openingHoursOf, setOpeningHours } from '../db/opening-hours';
import { sameOriginOnly } from './coordinator-auth';

const hoursBody = z.strictObject({ hours: z.nullable(openingHours) });

/**
 * Opening hours, per unit or per kiosk: outside them the kiosks show a calm "closed" screen with
 * the next opening time, and keep syncing. A kiosk's own hours replace its unit's; none at all
 * means always open. Kiosks get them with their form at the next sync.
 */
export function openingHoursRoutes(app: FastifyInstance, db: Database) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const write = { onRequest: sameOriginOnly, config: { access: 'opening-hours' as const } };

  api.get(
    '/api/coordinator/opening-hours',
    { config: { access: 'opening-hours' }, schema: { hide: true, querystring: z.strictObject({ units: z.optional(unitList) }) } },
    async (request) => {
      const units = unitsAskedFor(request.access!, request.query.units);
      const kiosks = (await listKiosks(db, units)).filter((kiosk) => kiosk.revokedAt === null);
      return {
        units: await Promise.all(units.map(async (unit) => ({ unit, hours: await openingHoursOf(db, { unitId: unit }) }))),
        kiosks: await Promise.all(
          kiosks.map(async (kiosk) => ({ id: kiosk.id, name: kiosk.name, unit: kiosk.unitId, hours: await openingHoursOf(db, { kioskId: kiosk.id }) })),
        ),
      };
    },
  );

  api.put(
    '/api/coordinator/opening-hours/units/:unit',
    { ...write, schema: { hide: true, params: z.strictObject({ unit: identifier }), body: hoursBody } },
    async (request, reply) => {
      const [unit] = unitsAskedFor(request.access!, [request.params.unit]);
      await setOpeningHours(db, { unitId: unit! }, request.body.hours, request.coordinator!.username, new Date());
      await audit(db, request.coordinator!.username, 'opening-hours-saved', `unit ${unit!}`, new Date(), [unit!]);
      return reply.code(204).send();
    },
  );

  api.put(
    '/api/coordinator/opening-hours/kiosks/:kiosk',
    { ...write, schema: { hide: true, params: z.strictObject({ kiosk: z.uuidv4() }), body: hoursBody } },
    async (request, reply) => {
      const kiosk = await kioskById(db, request.params.kiosk);
      if (!kiosk || kiosk.revokedAt !== null || !hasUnits(request.access!, [kiosk.unitId])) return reply.code(404).send({ error: 'There is no such kiosk among your units.' });
      await setOpeningHours(db, { kioskId: kiosk.id }, request.body.hours, request.coordinator!.username, new Date());
      await audit(db, request.coordinator!.username, 'opening-hours-saved', `kiosk ${kiosk.name}`, new Date(), [kiosk.unitId]);
      return reply.code(204).send();
    },
  );
}
