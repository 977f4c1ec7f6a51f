// "tbc" is an explicit state, not a person: every way of writing it reads as the owner to be
// confirmed (even on a board where someone's initials are TBC), is one owner in the log's counts
// and filter, named "Owner to be confirmed", and gets no reminder.
import { describe, expect, it } from 'vitest';
import type { ActionLogOwner, OutstandingAction } from '../../shared/contract';
import { filterActionLog, ownerCounts, ownerKey } from '../../shared/domain/actionLog';
import { isToBeConfirmed, matchOwner, readOwners, TBC_LABEL } from '../../shared/domain/owners';

const dir = { members: [{ id: 'm1', initials: 'TBC', fullName: 'Tom B Clarke' }, { id: 'm2', initials: 'AF', fullName: 'Ann Flynn' }], groups: [] };

const row = (id: string, owners: ActionLogOwner[]): OutstandingAction =>
  ({ id, reference: id, details: '', owners, overdue: false, boardId: 'b', boardName: 'B', boardShortCode: null, due: { kind: 'none', date: null, meetingId: null, text: null }, dueDate: null, status: 'open', origin: { meetingId: 'm', meetingDate: '2014-02-19', itemId: null, itemNumber: null, itemTitle: null }, timesCarried: 0, latestUpdate: null }) as OutstandingAction;

const named = (name: string): ActionLogOwner => ({ kind: 'name', name, key: ownerKey({ kind: 'name', name }) });

describe('owner to be confirmed', () => {
  it('reads tbc, TBC, T.B.C. and "to be confirmed" as the state, never as the person with initials TBC', () => {
    for (const t of ['tbc', 'TBC', 'T.B.C.', 'to be confirmed', 'To be confirmed.', 'TBA', 'owner tbc']) {
      expect(isToBeConfirmed(t), t).toBe(true);
      expect(matchOwner(t, dir).kind, t).toBe('name');
    }
    expect(readOwners('AF / tbc', dir).owners.map((o) => o.kind)).toEqual(['member', 'name']);
    expect(isToBeConfirmed('Tom B Clarke')).toBe(false);
    expect(matchOwner('Tom B Clarke', dir).kind).toBe('member');
  });

  it('is one owner in the counts and the filter, however it was written', () => {
    const rows = [row('1', [named('tbc')]), row('2', [named('To be confirmed')]), row('3', [named('Jackie Cook')])];
    expect(ownerCounts(rows).map((c) => [c.label, c.count])).toEqual([
      [TBC_LABEL, 2],
      ['Jackie Cook', 1],
    ]);
    expect(filterActionLog(rows, { owner: 'tbc' }).map((r) => r.id)).toEqual(['1', '2']);
  });
});
