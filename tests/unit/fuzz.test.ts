// Hostile input at the boundary: every API method is fuzzed (fast-check) with malformed,
// oversized and type-confused payloads. Each is refused with a typed error, nothing throws,
// and the data file is byte-identical afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, methodNames, type BoardSummary, type MeetingDetail, type MethodName } from '../../shared/contract';
import { startBrowserHost, TOKEN_HEADER } from '../../electron/serve';
import { ok, tempCore, tempDir } from '../helpers/temp';

const RUNS_PER_METHOD = 250;
const HTTP_RUNS_PER_METHOD = 25;
const counts: Record<string, number> = {};

afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`fuzz: ${total} refused payloads over ${Object.keys(counts).length} methods (${JSON.stringify(counts)})`);
});

function fingerprint(file: string): string {
  const hash = createHash('sha256');
  for (const suffix of ['', '-wal']) if (fs.existsSync(file + suffix)) hash.update(fs.readFileSync(file + suffix));
  return hash.digest('hex');
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', "'; DROP TABLE meetings; --", '../../etc/passwd', '<script>alert(1)</script>', '\u202eevil', '😀'.repeat(50)),
  fc.constant('x'.repeat(300_000)),
  fc.uuid(),
);

const confusedValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.object({ maxDepth: 3 }),
  fc.constant({ __proto__: { admin: true } }),
  fc.letrec((tie) => ({ deep: fc.oneof({ depthSize: 'small' }, fc.constant('bottom'), fc.tuple(tie('deep'))) })).deep,
);

/** Payloads shaped like the method's input (its keys), with every value drawn from the hostile pool. */
function payloads(name: MethodName): fc.Arbitrary<unknown> {
  const schema = contract[name].input as z.ZodType & { shape?: Record<string, unknown> };
  const keys = Object.keys(schema.shape ?? {});
  const shaped = fc.record(Object.fromEntries(keys.map((k) => [k, confusedValue])), { requiredKeys: [] });
  const withExtra = fc.tuple(shaped, fc.string({ minLength: 1, maxLength: 12 }), confusedValue).map(([obj, key, value]) => ({ ...obj, [`x_${key}`]: value }));
  return fc.oneof(shaped, withExtra, fc.anything(), confusedValue).filter((p) => !schema.safeParse(p).success);
}

describe('fuzzing every API method', () => {
  it('refuses malformed payloads with a typed error and leaves the data file byte-identical', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    core.store!.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = core.store!.file;
    const before = fingerprint(file);

    for (const name of methodNames) {
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(payloads(name), async (payload) => {
          const response = await core.callAsync(name, payload);
          expect(response.ok).toBe(false);
          if (!response.ok) {
            expect(response.error.code).toBe('invalid_input');
            expect(typeof response.error.message).toBe('string');
            expect(response.error.message.length).toBeLessThan(500);
          }
          refused++;
        }),
        { numRuns: RUNS_PER_METHOD },
      );
      counts[name] = refused;
      expect(refused).toBe(RUNS_PER_METHOD);
    }
    expect(core.store).not.toBeNull();
    expect(fingerprint(file)).toBe(before);
  });

  it('keeps the browser host serving through hostile HTTP bodies', async () => {
    const dir = tempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const host = await startBrowserHost({ dataFile: path.join(dir, 'data.sqlite'), rendererDir });
    try {
      const post = async (name: string, body: string): Promise<{ status: number; json: unknown }> => {
        const res = await fetch(`http://127.0.0.1:${host.port}/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
          body,
        });
        return { status: res.status, json: await res.json() };
      };
      const body = fc.oneof(
        fc.json({ maxDepth: 4 }),
        fc.string({ maxLength: 200 }),
        fc.constantFrom('{', '[', 'null', '"', '{"name":', '\u0000', '{"__proto__":{"x":1}}'),
      );
      for (const name of methodNames) {
        await fc.assert(
          fc.asyncProperty(body, async (text) => {
            let parsed: unknown;
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = Symbol('not json');
            }
            fc.pre(typeof parsed === 'symbol' || !contract[name].input.safeParse(parsed).success);
            const reply = await post(name, text);
            expect([200, 400]).toContain(reply.status);
            expect(reply.json).toMatchObject({ ok: false });
          }),
          { numRuns: HTTP_RUNS_PER_METHOD },
        );
      }
      const alive = await post('listBoards', '{}');
      expect(alive).toEqual({ status: 200, json: { ok: true, value: [] } });
    } finally {
      await host.close();
    }
  });
});
