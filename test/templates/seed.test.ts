import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listUsers } from '../../engine/api/user.service';
import { verifyPassword } from '../../engine/api/password';
import { listTemplateForms, seedDemo } from '../../engine/seed';
import { createTestDb, type TestDb } from '../support/db';

describe('seedDemo', () => {
  let testDb: TestDb;
  beforeEach(async () => {
    testDb = await createTestDb();
  });
  afterEach(async () => {
    await testDb.cleanup();
  });

  it('creates the demo organisation and deploys every template and form on an empty database', async () => {
    // given
    const lines: string[] = [];

    // when
    const seeded = await seedDemo(testDb.db, { password: 'demo', log: (line) => lines.push(line) });

    // then
    expect(seeded).toBe(true);
    const users = await listUsers(testDb.db);
    const manager = users.find((u) => u.username === 'manager')!;
    expect(users.map((u) => [u.username, u.roles, u.groups, u.managerId])).toEqual([
      ['admin', ['admin'], [], null],
      ['alice', ['staff'], ['document-control', 'quality'], manager.id],
      ['bob', ['staff'], ['quality'], manager.id],
      ['manager', ['manager'], ['management', 'quality'], null],
      ['owner', ['owner'], [], null],
    ]);
    const alice = await testDb.db.user.findUniqueOrThrow({ where: { username: 'alice' } });
    expect(await verifyPassword('demo', alice.passwordHash)).toBe(true);
    const definitions = await testDb.db.definition.findMany({ orderBy: { key: 'asc' } });
    expect(definitions.map((d) => [d.key, d.version, d.deployedBy])).toEqual([
      ['capa', 1, 'owner'],
      ['document-approval', 1, 'owner'],
      ['management-review', 1, 'owner'],
    ]);
    expect(await testDb.db.form.count()).toBe(listTemplateForms().length);
    expect(lines).toContain('Demo: user alice (staff; groups quality, document-control)');
    expect(lines).toContain('Demo: process "CAPA" (capa) version 1');
  });

  it('leaves a database that already has users untouched', async () => {
    // given
    await seedDemo(testDb.db, { password: 'demo' });
    const before = await testDb.db.definition.count();

    // when
    const seeded = await seedDemo(testDb.db, { password: 'other' });

    // then
    expect(seeded).toBe(false);
    expect(await testDb.db.user.count()).toBe(5);
    expect(await testDb.db.definition.count()).toBe(before);
  });
});
