// Deleted means gone: deleting a draft agenda item or a draft meeting removes its text from the
// change log (which keeps that each change and the deletion happened, by whom and when), the log
// stays append-only for everything else, and the schema is the same afterwards.
import { describe, expect, it } from 'vitest';
import type { BoardSummary, MeetingDetail, MinutesAction, MinutesDecision, MinutesItem } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { schemaFacts } from '../../electron/core/db/identify';
import { ok, tempCore } from '../helpers/temp';

const TITLE = 'Allegation against a member of staff at Nightjar House';
const DECISION = 'The LADO referral about Nightjar House to go ahead';
const DETAILS = 'Speak to the police about Operation Nightjar';

interface LogRow {
  entity: string;
  entity_id: string;
  action: string;
  actor: string;
  at: string;
  detail: string;
}

const log = (core: Core): LogRow[] => core.store!.db.prepare('SELECT entity, entity_id, action, actor, at, detail FROM change_log ORDER BY seq').all() as LogRow[];
const mentionsNightjar = (core: Core): LogRow[] => log(core).filter((row) => row.detail.includes('Nightjar'));

async function draftWithItem(): Promise<{ core: Core; meeting: MeetingDetail; item: MinutesItem; keep: MinutesItem }> {
  const core = await tempCore();
  const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
  const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
  const keep = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: meeting.id }).item;
  ok(core, 'updateAgendaItem', { itemId: keep.id, title: 'Apologies' });
  const item = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: meeting.id }).item;
  ok(core, 'updateAgendaItem', { itemId: item.id, title: TITLE });
  const decision = ok<MinutesDecision>(core, 'addDecision', { itemId: item.id, text: 'A first wording' });
  ok(core, 'updateDecision', { decisionId: decision.id, text: DECISION });
  const action = ok<MinutesAction>(core, 'addAction', { itemId: item.id, details: 'To be worded' });
  ok(core, 'updateAction', { actionId: action.id, details: DETAILS });
  return { core, meeting, item, keep };
}

describe('deleting a draft agenda item', () => {
  it('leaves no text of it in the change log, but keeps that each change and the deletion happened', async () => {
    const { core, item } = await draftWithItem();
    expect(mentionsNightjar(core).length).toBeGreaterThan(0);
    const entriesBefore = log(core).length;
    const schemaBefore = schemaFacts(core.store!.db).objects;

    ok(core, 'deleteAgendaItem', { itemId: item.id });

    expect(mentionsNightjar(core)).toEqual([]);
    const rows = log(core);
    // Nothing was removed from the log: entries were only blanked, and the deletion added.
    expect(rows.length).toBeGreaterThan(entriesBefore);
    const deletion = rows.find((r) => r.entity === 'agenda_item' && r.entity_id === item.id && r.action === 'delete');
    expect(deletion).toMatchObject({ actor: core.store!.actor });
    expect(deletion?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(rows.filter((r) => r.entity_id === item.id && r.action === 'update')).not.toEqual([]);
    // The rest of the log is untouched, and still append-only; the schema is what it was.
    expect(rows.some((r) => r.detail.includes('Apologies'))).toBe(true);
    expect(() => core.store!.db.prepare("UPDATE change_log SET detail = '{}'").run()).toThrow(/append-only/);
    expect(schemaFacts(core.store!.db).objects).toEqual(schemaBefore);
  });
});

describe('deleting a draft meeting', () => {
  it('leaves no text of its items in the change log', async () => {
    const { core, meeting } = await draftWithItem();
    ok(core, 'deleteMeeting', { meetingId: meeting.id });
    expect(mentionsNightjar(core)).toEqual([]);
    expect(log(core).some((r) => r.detail.includes('Apologies'))).toBe(false);
    expect(log(core).find((r) => r.entity === 'meeting' && r.entity_id === meeting.id && r.action === 'delete')).toBeDefined();
  });
});
