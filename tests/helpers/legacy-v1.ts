// TEST SETUP ONLY: a data file as the app wrote it at schema version 1 (before 0002), with the
// rows inserted by SQL exactly as version 1 left them: minutes of 10 April 2014 agreed on
// 1 July 2014 after Chris McCree had become CMc on the roster (so the owners were stamped
// with the roster of 1 July: the bug 0002 fixes), a circulated February meeting whose action
// went on to April's matters arising, and a September draft typed after the roster changed.
import type { Database } from '../../electron/core/db/driver';

/** Fixed ids (valid UUIDs, so the API accepts them). */
export const V1 = {
  board: '10000000-0000-4000-8000-000000000001',
  people: { af: '20000000-0000-4000-8000-000000000001', cm: '20000000-0000-4000-8000-000000000002', jc: '20000000-0000-4000-8000-000000000003' },
  members: { af: '30000000-0000-4000-8000-000000000001', cm: '30000000-0000-4000-8000-000000000002', jc: '30000000-0000-4000-8000-000000000003' },
  group: '40000000-0000-4000-8000-000000000001',
  feb: '50000000-0000-4000-8000-000000000219',
  april: '50000000-0000-4000-8000-000000000410',
  july: '50000000-0000-4000-8000-000000000701',
  september: '50000000-0000-4000-8000-000000000910',
  items: {
    feb1: '60000000-0000-4000-8000-000000000001',
    april1: '60000000-0000-4000-8000-000000000002',
    april2: '60000000-0000-4000-8000-000000000003',
    july1: '60000000-0000-4000-8000-000000000004',
    sept1: '60000000-0000-4000-8000-000000000005',
  },
  decisions: { april: '70000000-0000-4000-8000-000000000001', agreement: '70000000-0000-4000-8000-000000000002', julyOther: '70000000-0000-4000-8000-000000000003' },
  actions: { feb: '80000000-0000-4000-8000-000000000001', april: '80000000-0000-4000-8000-000000000002', sept: '80000000-0000-4000-8000-000000000003' },
  attendance: {
    aprilAf: '90000000-0000-4000-8000-000000000001',
    aprilCm: '90000000-0000-4000-8000-000000000002',
    aprilGuest: '90000000-0000-4000-8000-000000000003',
    septCm: '90000000-0000-4000-8000-000000000004',
  },
  /** When April's minutes were agreed (the change log entry and the decision share it). */
  agreedAt: '2014-07-01T11:05:00.000Z',
} as const;

/**
 * The content hash version 1 of the app stored for April's minutes (computed by the code of
 * commit 1c7f6b0 from exactly these rows): what a data file written before 0002 holds.
 */
export const V1_APRIL_HASH = '07968a63cd1e2fe9d8cb49c31b0c03070146e08decd10d4fe3e11738313f4089';

const T = '2014-01-01T09:00:00.000Z';

export function writeV1Data(db: Database): void {
  const run = (sql: string, ...params: unknown[]): void => void db.prepare(sql).run(...params);
  db.transaction(() => {
    run("INSERT INTO boards (id, name, short_code, created_at, updated_at) VALUES (?, 'Executive Board', 'SSCB', ?, ?)", V1.board, T, T);
    for (const [key, name] of [['af', 'Ann Flynn'], ['cm', 'Chris McCree'], ['jc', 'Jackie Cook']] as const) {
      run('INSERT INTO people (id, full_name, created_at, updated_at) VALUES (?, ?, ?, ?)', V1.people[key], name, T, T);
    }
    // The roster as it was in April: CM, not yet CMc.
    run("INSERT INTO board_members (id, board_id, person_id, initials, role, created_at, updated_at) VALUES (?, ?, ?, 'AF', 'Development Manager', ?, ?)", V1.members.af, V1.board, V1.people.af, T, T);
    run("INSERT INTO board_members (id, board_id, person_id, initials, role, created_at, updated_at) VALUES (?, ?, ?, 'CM', 'Named Nurse', ?, ?)", V1.members.cm, V1.board, V1.people.cm, T, T);
    run("INSERT INTO board_members (id, board_id, person_id, initials, role, created_at, updated_at) VALUES (?, ?, ?, 'JC', 'Head of Social Work Improvement', ?, ?)", V1.members.jc, V1.board, V1.people.jc, T, T);
    run("INSERT INTO board_groups (id, board_id, name, kind, position, created_at) VALUES (?, ?, 'CSE subgroup', 'subgroup', 0, ?)", V1.group, V1.board, T);

    const meeting = (id: string, date: string, status: string, previous: string | null): void =>
      run(
        "INSERT INTO meetings (id, board_id, board_name, meeting_date, start_time, end_time, venue, status, previous_meeting_id, action_seq_issued, created_at, updated_at) VALUES (?, ?, 'Executive Board', ?, '10:30', '12:30', 'Tooley Street', ?, ?, 1, ?, ?)",
        id, V1.board, date, status, previous, T, T,
      );
    meeting(V1.feb, '2014-02-19', 'circulated', null);
    meeting(V1.april, '2014-04-10', 'circulated', V1.feb);
    meeting(V1.july, '2014-07-01', 'draft', V1.april);
    meeting(V1.september, '2014-09-10', 'draft', V1.july);

    const item = (id: string, meetingId: string, number: string, title: string, kind = 'normal'): void =>
      run(
        "INSERT INTO agenda_items (id, meeting_id, position, number, title, kind, discussion_json, discussion_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, meetingId, Number(number) - 1, number, title, kind,
        JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: `${title}: CM and AF reported.` }] }] } }),
        `${title}: CM and AF reported.`, T, T,
      );
    item(V1.items.feb1, V1.feb, '1', 'Sub-groups');
    item(V1.items.april1, V1.april, '1', 'Minutes and actions arising', 'matters_arising');
    item(V1.items.april2, V1.april, '2', 'CSE strategy');
    item(V1.items.july1, V1.july, '1', 'Minutes and actions arising', 'matters_arising');
    item(V1.items.sept1, V1.september, '1', 'Health');

    run("INSERT INTO decisions (id, agenda_item_id, position, text, created_at, updated_at) VALUES (?, ?, 0, 'The CSE strategy was agreed.', ?, ?)", V1.decisions.april, V1.items.april2, T, T);

    // February's action, owned by AF (nobody recorded February's attendance), carried to April.
    run("INSERT INTO actions (id, board_id, meeting_id, agenda_item_id, seq, reference, details, created_at, updated_at) VALUES (?, ?, ?, ?, 1, '2014-02-19/1', 'Review the terms of reference', ?, ?)", V1.actions.feb, V1.board, V1.feb, V1.items.feb1, T, T);
    run('INSERT INTO action_owners (id, action_id, member_id, position) VALUES (?, ?, ?, 0)', 'a0000000-0000-4000-8000-000000000001', V1.actions.feb, V1.members.af);
    run("INSERT INTO issued_references (board_id, reference, action_id, issued_at) VALUES (?, '2014-02-19/1', ?, ?)", V1.board, V1.actions.feb, T);

    // April: AF and CM present (recorded with April's initials), a guest for item 2.
    const attend = (id: string, meetingId: string, memberId: string | null, name: string, initials: string | null, status: string, position: number): void =>
      run(
        'INSERT INTO attendance (id, meeting_id, member_id, display_name, initials, role, status, is_guest, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        id, meetingId, memberId, name, initials, memberId ? 'Board member' : 'Presenter', status, memberId ? 0 : 1, position,
      );
    attend(V1.attendance.aprilAf, V1.april, V1.members.af, 'Ann Flynn', 'AF', 'present', 0);
    attend(V1.attendance.aprilCm, V1.april, V1.members.cm, 'Chris McCree', 'CM', 'present', 1);
    attend(V1.attendance.aprilGuest, V1.april, null, 'Sam Guest', null, 'in_attendance', 2);
    run('INSERT INTO attendance_items (attendance_id, agenda_item_id) VALUES (?, ?)', V1.attendance.aprilGuest, V1.items.april2);

    // April's action: AF & CM, Jackie Cook (not at the meeting), the CSE subgroup, and "tbc".
    run("INSERT INTO actions (id, board_id, meeting_id, agenda_item_id, seq, reference, details, due_kind, due_text, created_at, updated_at) VALUES (?, ?, ?, ?, 1, '2014-04-10/1', 'Circulate the CSE strategy', 'next_meeting', 'next meeting', ?, ?)", V1.actions.april, V1.board, V1.april, V1.items.april2, T, T);
    run("INSERT INTO issued_references (board_id, reference, action_id, issued_at) VALUES (?, '2014-04-10/1', ?, ?)", V1.board, V1.actions.april, T);
    const owner = (n: number, actionId: string, member: string | null, group: string | null, name: string | null): void =>
      run('INSERT INTO action_owners (id, action_id, member_id, group_id, name_text, position) VALUES (?, ?, ?, ?, ?, ?)', `a0000000-0000-4000-8000-00000000000${n}`, actionId, member, group, name, n - 2);
    owner(2, V1.actions.april, V1.members.af, null, null);
    owner(3, V1.actions.april, V1.members.cm, null, null);
    owner(4, V1.actions.april, V1.members.jc, null, null);
    owner(5, V1.actions.april, null, V1.group, null);
    owner(6, V1.actions.april, null, null, 'tbc');

    // April's matters arising: February's action, in train.
    run("INSERT INTO carried_actions (meeting_id, action_id, position, status_before) VALUES (?, ?, 0, 'open')", V1.april, V1.actions.feb);
    run("INSERT INTO action_updates (id, action_id, meeting_id, text, status, recorded_at, updated_at) VALUES ('b0000000-0000-4000-8000-000000000001', ?, ?, 'AF reported the review is under way.', 'in_progress', ?, ?)", V1.actions.feb, V1.april, T, T);
    run("UPDATE actions SET status = 'in_progress', last_update_meeting_id = ? WHERE id = ?", V1.april, V1.actions.feb);

    // By 1 July: Chris McCree is CMc on the roster, and the group has been renamed.
    run("UPDATE board_members SET initials = 'CMc' WHERE id = ?", V1.members.cm);
    run("UPDATE board_groups SET name = 'CSE and missing subgroup' WHERE id = ?", V1.group);

    // April's minutes agreed at 1 July, as version 1 did it: a decision in July's item 1, the
    // owners stamped from the roster of the day (CMc: the bug), the hash, the change log.
    run(
      "INSERT INTO decisions (id, agenda_item_id, position, text, created_at, updated_at) VALUES (?, ?, 0, 'The minutes of the meeting held on 10 April 2014 were reviewed and agreed as accurate.', ?, ?)",
      V1.decisions.agreement, V1.items.july1, V1.agreedAt, V1.agreedAt,
    );
    run("INSERT INTO decisions (id, agenda_item_id, position, text, created_at, updated_at) VALUES (?, ?, 1, 'Actions were either completed or in train.', ?, ?)", V1.decisions.julyOther, V1.items.july1, V1.agreedAt, V1.agreedAt);
    run(
      `UPDATE action_owners SET printed_as = coalesce(
         (SELECT bm.initials FROM board_members bm WHERE bm.id = action_owners.member_id),
         (SELECT g.name FROM board_groups g WHERE g.id = action_owners.group_id),
         action_owners.name_text)
       WHERE action_id IN (SELECT id FROM actions WHERE meeting_id = ?)`,
      V1.april,
    );
    run(
      "UPDATE meetings SET status = 'agreed', agreed_at_meeting_id = ?, agreed_on = '2014-07-01', content_hash = ?, updated_at = ? WHERE id = ?",
      V1.july, V1_APRIL_HASH, V1.agreedAt, V1.april,
    );
    run(
      "INSERT INTO change_log (at, actor, entity, entity_id, action, detail) VALUES (?, 'tina', 'decision', ?, 'create', '{}'), (?, 'tina', 'meeting', ?, 'agree', '{}')",
      V1.agreedAt, V1.decisions.agreement, V1.agreedAt, V1.april,
    );

    // September, typed after the roster changed: CMc was there (attendance says CMc), Jackie was not.
    attend(V1.attendance.septCm, V1.september, V1.members.cm, 'Chris McCree', 'CMc', 'present', 0);
    run("INSERT INTO actions (id, board_id, meeting_id, agenda_item_id, seq, reference, details, created_at, updated_at) VALUES (?, ?, ?, ?, 1, '2014-09-10/1', 'Report on health checks', ?, ?)", V1.actions.sept, V1.board, V1.september, V1.items.sept1, T, T);
    run("INSERT INTO issued_references (board_id, reference, action_id, issued_at) VALUES (?, '2014-09-10/1', ?, ?)", V1.board, V1.actions.sept, T);
    owner(7, V1.actions.sept, V1.members.cm, null, null);
    owner(8, V1.actions.sept, V1.members.jc, null, null);
    owner(9, V1.actions.sept, null, V1.group, null);
  })();
}
