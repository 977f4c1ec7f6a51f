// A board's minutes style (item numbering and reference format) has one writer: the board's
// settings page and the minutes' own style dialog change it the same way, renumbering drafts.
import { describe, expect, it } from 'vitest';
import type { BoardSettings, BoardSummary, MeetingDetail, Minutes, MinutesItem } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { ok, tempCore } from '../helpers/temp';

const numbersOf = (core: Core, meetingId: string): string[] => ok<Minutes>(core, 'getMinutes', { meetingId }).items.map((i) => `${i.number} ${i.title}`);

function addItems(core: Core, meetingId: string): void {
  const add = (payload: Record<string, unknown>) => ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId, ...payload }).item;
  const one = add({ title: 'Minutes and actions arising' });
  add({ parentId: one.id, title: 'Sub-groups' });
  add({ parentId: one.id, title: 'Probation' });
  const two = add({ title: 'Early help' });
  add({ parentId: two.id, title: 'Referrals' });
}

/** A board with agreed minutes (January), circulated minutes (February) and a draft (April), all lettered. */
function boardWithMinutes(core: Core, name: string): { board: BoardSummary; agreed: string; circulated: string; draft: string } {
  const board = ok<BoardSummary>(core, 'createBoard', { name });
  const meeting = (date: string) => ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date }).id;
  const agreed = meeting('2014-01-08');
  const circulated = meeting('2014-02-19');
  const draft = meeting('2014-04-10');
  for (const id of [agreed, circulated, draft]) addItems(core, id);
  ok(core, 'circulateMinutes', { meetingId: agreed });
  ok(core, 'agreeMinutes', { meetingId: agreed, atMeetingId: circulated });
  ok(core, 'circulateMinutes', { meetingId: circulated });
  return { board, agreed, circulated, draft };
}

function settingsWith(s: BoardSettings, changes: Partial<Record<string, unknown>>) {
  return {
    boardId: s.boardId,
    name: s.name,
    shortCode: s.shortCode,
    referenceFormat: s.referenceFormat,
    itemNumbering: s.itemNumbering,
    quorumKind: s.quorum.kind,
    quorumCount: s.quorum.kind === 'count' ? s.quorum.count : null,
    quorumFraction: s.quorum.kind === 'fraction' ? `${s.quorum.numerator}/${s.quorum.denominator}` : null,
    confidentialDisplay: s.confidentialDisplay,
    agendaTemplate: s.agendaTemplate,
    cadenceDays: s.cadenceDays,
    ...changes,
  };
}

const LETTERED = ['1 Minutes and actions arising', '1a Sub-groups', '1b Probation', '2 Early help', '2a Referrals'];
const DECIMAL = ['1 Minutes and actions arising', '1.1 Sub-groups', '1.2 Probation', '2 Early help', '2.1 Referrals'];

describe('the minutes style', () => {
  it('renumbers the draft minutes from the board settings exactly as from the minutes style, and leaves circulated and agreed ones alone', async () => {
    const core = await tempCore();
    const viaStyle = boardWithMinutes(core, 'Executive Board');
    const viaSettings = boardWithMinutes(core, 'Main Board');

    ok(core, 'setMinutesStyle', { boardId: viaStyle.board.id, numbering: 'decimal' });
    const settings = ok<BoardSettings>(core, 'getBoardSettings', { boardId: viaSettings.board.id });
    const saved = ok<BoardSettings>(core, 'updateBoardSettings', settingsWith(settings, { itemNumbering: 'decimal' }));
    expect(saved.itemNumbering).toBe('decimal');

    for (const board of [viaStyle, viaSettings]) {
      expect(numbersOf(core, board.draft), board.board.name).toEqual(DECIMAL);
      expect(numbersOf(core, board.circulated), board.board.name).toEqual(LETTERED);
      expect(numbersOf(core, board.agreed), board.board.name).toEqual(LETTERED);
    }
    // The agreed minutes still match their content hash: nothing of theirs was touched.
    expect(ok<{ matches: boolean }>(core, 'verifyMinutes', { meetingId: viaSettings.agreed })).toMatchObject({ matches: true });

    // And back again, the other way round.
    ok(core, 'updateBoardSettings', settingsWith(saved, { itemNumbering: 'letters' }));
    ok(core, 'setMinutesStyle', { boardId: viaStyle.board.id, numbering: 'letters' });
    for (const board of [viaStyle, viaSettings]) expect(numbersOf(core, board.draft), board.board.name).toEqual(LETTERED);
  });

});
