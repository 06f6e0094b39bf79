import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { between, processXml } from '../../engine/compiler/__tests__/bpmn-builder';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

/** A process waiting two working days on the calendar `name`. */
function processOn(id: string, name: string): string {
  const wait = '<bpmn:intermediateCatchEvent id="Task_1" name="Wait"><bpmn:timerEventDefinition qualflow:time="working"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P2D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>';
  return processXml(between(wait), { id }).replace(`<bpmn:process id="${id}"`, `<bpmn:process id="${id}" qualflow:calendar="${name}"`);
}

const nineToFive = [['09:00', '17:00']];

function calendar(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    timeZone: 'Europe/Berlin',
    workingHours: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: [['09:00', '13:00']] },
    holidays: [{ date: '2026-12-25', name: 'Christmas Day' }, { date: '2026-04-03', name: 'Good Friday' }],
    ...extra,
  };
}

describe('business calendars API', () => {
  let api: ApiHarness;
  let admin: string;
  let alice: string;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    [admin, alice] = [await api.login('admin'), await api.login('alice')];
  });
  afterAll(() => api.close());

  it('makes the first calendar an admin creates the default, and stores holidays by date', async () => {
    // when
    const created = await api.request('POST', '/api/calendars', { token: admin, body: calendar('germany') });
    // then
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'germany', timeZone: 'Europe/Berlin', isDefault: true, updatedBy: 'admin' });
    expect(created.body.holidays.map((holiday: { date: string }) => holiday.date)).toEqual(['2026-04-03', '2026-12-25']);
    expect(created.body.workingHours['5']).toEqual([['09:00', '13:00']]);
  });

  it('lets every signed-in user list and read calendars, default first', async () => {
    // given
    await api.request('POST', '/api/calendars', { token: admin, body: calendar('austria', { timeZone: 'Europe/Vienna' }) });
    // when
    const list = await api.request('GET', '/api/calendars', { token: alice });
    const one = await api.request('GET', '/api/calendars/austria', { token: alice });
    const none = await api.request('GET', '/api/calendars/atlantis', { token: alice });
    // then
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { name: string; isDefault: boolean }) => [item.name, item.isDefault])).toEqual([
      ['germany', true],
      ['austria', false],
    ]);
    expect(one.body).toMatchObject({ name: 'austria', timeZone: 'Europe/Vienna', isDefault: false });
    expect(none.status).toBe(404);
  });

  it('refuses changes by anyone but an admin, and readers who are not signed in', async () => {
    // when
    const create = await api.request('POST', '/api/calendars', { token: alice, body: calendar('mine') });
    const remove = await api.request('DELETE', '/api/calendars/austria', { token: alice });
    const anonymous = await api.request('GET', '/api/calendars');
    // then
    expect([create.status, remove.status, anonymous.status]).toEqual([403, 403, 401]);
  });

  it('answers 400 naming the field for an unknown time zone, backwards hours and an impossible holiday', async () => {
    // when
    const zone = await api.request('POST', '/api/calendars', { token: admin, body: calendar('x1', { timeZone: 'Europe/Atlantis' }) });
    const hours = await api.request('POST', '/api/calendars', { token: admin, body: calendar('x2', { workingHours: { 1: [['17:00', '09:00']] } }) });
    const badTime = await api.request('POST', '/api/calendars', { token: admin, body: calendar('x3', { workingHours: { 1: [['9:00', '25:00']] } }) });
    const holiday = await api.request('POST', '/api/calendars', { token: admin, body: calendar('x4', { holidays: [{ date: '2026-02-30' }] }) });
    const noHours = await api.request('POST', '/api/calendars', { token: admin, body: calendar('x5', { workingHours: {} }) });
    // then
    for (const response of [zone, hours, badTime, holiday, noHours]) expect(response.status).toBe(400);
    expect(JSON.stringify(zone.body.details)).toMatch(/timeZone.*IANA/);
    expect(JSON.stringify(hours.body.details)).toMatch(/workingHours.*before the end/);
    expect(JSON.stringify(holiday.body.details)).toMatch(/holidays.*real calendar date/);
    expect((await api.db.businessCalendar.count({ where: { name: { startsWith: 'x' } } }))).toBe(0);
  });

  it('answers 409 for a name that is taken', async () => {
    // when
    const response = await api.request('POST', '/api/calendars', { token: admin, body: calendar('germany') });
    // then
    expect(response.status).toBe(409);
  });

  it('lets an admin replace hours and holidays, recording who did', async () => {
    // when
    const response = await api.request('PUT', '/api/calendars/austria', {
      token: admin,
      body: { timeZone: 'Europe/Vienna', workingHours: { 1: [['08:00', '12:00'], ['13:00', '16:00']] }, holidays: [] },
    });
    // then
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ workingHours: { 1: [['08:00', '12:00'], ['13:00', '16:00']] }, holidays: [], updatedBy: 'admin' });
  });

  it('keeps exactly one default when another calendar is made the default', async () => {
    // when
    const response = await api.request('POST', '/api/calendars/austria/default', { token: admin });
    // then
    expect(response.status).toBe(200);
    const defaults = await api.db.businessCalendar.findMany({ where: { isDefault: true }, select: { name: true } });
    expect(defaults).toEqual([{ name: 'austria' }]);
  });

  it('refuses to delete the default calendar and one a deployed process names, and deletes any other', async () => {
    // given germany is named by a deployed process, spare by nobody
    await api.request('POST', '/api/calendars', { token: admin, body: calendar('spare') });
    await api.db.definition.create({
      data: { key: 'capa', version: 1, name: 'CAPA', xml: '<xml/>', hash: 'h', model: JSON.stringify({ id: 'capa', calendar: { name: 'germany' } }) },
    });
    // when
    const theDefault = await api.request('DELETE', '/api/calendars/austria', { token: admin });
    const inUse = await api.request('DELETE', '/api/calendars/germany', { token: admin });
    const spare = await api.request('DELETE', '/api/calendars/spare', { token: admin });
    // then
    expect(theDefault.status).toBe(409);
    expect(theDefault.body.error).toMatch(/default/);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error).toMatch(/capa/);
    expect(spare.status).toBe(204);
    expect(await api.db.businessCalendar.findMany({ select: { name: true }, orderBy: { name: 'asc' } })).toEqual([{ name: 'austria' }, { name: 'germany' }]);
  });

  it('refuses to deploy a process counting business time on a calendar that does not exist, naming the ones that do', async () => {
    // when
    const unknown = await api.request('POST', '/api/definitions', { token: admin, rawBody: processOn('on-atlantis', 'atlantis'), contentType: 'application/xml' });
    const known = await api.request('POST', '/api/definitions', { token: admin, rawBody: processOn('on-germany', 'germany'), contentType: 'application/xml' });
    // then
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ elementId: 'on-atlantis', message: expect.stringMatching(/"atlantis".*does not exist.*austria, germany/) })]);
    expect(known.status).toBe(201);
  });
});
