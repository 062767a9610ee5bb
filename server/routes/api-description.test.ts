import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResponse, startTestServer, syncBody, type TestServer } from '../test-support';

let server: TestServer;
let description: {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: object }> }; responses: Record<string, unknown>; security?: unknown }>>;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
};

beforeAll(async () => {
  server = await startTestServer();
  const reply = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(reply.statusCode).toBe(200);
  description = reply.json();
});
afterAll(() => server.close());

const bodySchema = (path: string) => description.paths[path]!.post!.requestBody!.content['application/json']!.schema;

describe('GET /api/openapi.json', () => {
  it('describes the kiosk API, the health endpoints and the metrics, and nothing else', () => {
    expect(description.openapi).toMatch(/^3\.1/);
    expect(Object.keys(description.paths).sort()).toEqual(['/api/health', '/api/kiosk/enroll', '/api/kiosk/form', '/api/kiosk/setup', '/api/kiosk/sync', '/api/ready', '/metrics']);
    expect(Object.keys(description.paths['/metrics']!.get!.responses).sort()).toEqual(['200', '403']);
    expect(Object.keys(description.paths['/api/ready']!.get!.responses).sort()).toEqual(['200', '503']);
    expect(description.components.securitySchemes.deviceToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(description.paths['/api/kiosk/sync']!.post!.security).toEqual([{ deviceToken: [] }]);
    expect(Object.keys(description.paths['/api/kiosk/sync']!.post!.responses).sort()).toEqual(['200', '400', '401', '413', '422']);
    expect(Object.keys(description.paths['/api/kiosk/form']!.get!.responses)).toContain('304');
  });

  it('has a sync body schema that accepts what a kiosk sends and refuses what the server refuses', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(bodySchema('/api/kiosk/sync'));
    expect(validate(syncBody([makeResponse(), makeResponse()], { abandoned: { '2026-11-23': 2 } })), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate(syncBody([makeResponse()], { ip: '10.0.0.1' }))).toBe(false);
    expect(validate(syncBody([{ ...makeResponse(), submittedAt: '2026-11-23T10:12:00Z' }]))).toBe(false);
    expect(validate(syncBody([{ ...makeResponse(), id: '12345' }]))).toBe(false);
    expect(validate(syncBody([{ ...makeResponse(), partOfDay: '10:12' }]))).toBe(false);
    expect(validate(syncBody([], { waiting: -1 }))).toBe(false);
  });

  it("describes the database identity on the sync answers, as optional (older servers send none)", () => {
    const answers = description.paths['/api/kiosk/sync']!.post!.responses as Record<string, { content: Record<string, { schema: { properties: Record<string, unknown>; required?: string[] } }> }>;
    for (const status of ['200', '422']) {
      const schema = answers[status]!.content['application/json']!.schema;
      expect(schema.properties.databaseId, status).toMatchObject({ type: 'string' });
      expect(schema.required ?? [], status).not.toContain('databaseId');
    }
  });

  it('has an enrollment body schema that needs a pairing code', () => {
    const validate = new Ajv2020({ strict: false }).compile(bodySchema('/api/kiosk/enroll'));
    expect(validate({ pairingCode: 'ABCD-EFGH' })).toBe(true);
    expect(validate({})).toBe(false);
  });
});
