// Standing groups that can own actions: "All", "All agencies", "Each agency", and
// sub-groups with their own members ("CSE subgroup").
import { useState } from 'react';
import { LIMITS, type BoardGroup, type GroupKind, type RosterMember } from '../../../../shared/contract';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { Field } from '../../app/Field';
import { useLiveQuery } from '../../api/useLiveQuery';
import { useSubmit } from '../../app/useSubmit';
import { useUndoableDelete } from '../../app/useUndoableDelete';
import { useRosterList } from './RosterPage';

export const GROUP_KIND_LABEL: Record<GroupKind, string> = {
  all: 'Everyone on the board',
  all_agencies: 'All agencies',
  each_agency: 'Each agency',
  subgroup: 'Sub-group',
  other: 'Other group',
};

const STANDARD: { name: string; kind: GroupKind }[] = [
  { name: 'All', kind: 'all' },
  { name: 'All agencies', kind: 'all_agencies' },
  { name: 'Each agency', kind: 'each_agency' },
];

const hasMembers = (kind: GroupKind): boolean => kind === 'subgroup' || kind === 'other';

export function GroupsSection({ boardId }: { boardId: string }) {
  // Each group with its members and how many actions it owns.
  const groups = useLiveQuery(() => call('listGroups', { boardId }), [boardId], { watches: ['group', 'roster_member', 'action'] });
  const roster = useRosterList(boardId);
  const [editing, setEditing] = useState<{ group: BoardGroup | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const adding = useSubmit();
  const deletes = useUndoableDelete();
  const list = (groups.data ?? []).filter((g) => !deletes.hidden.has(g.id));
  const missing = STANDARD.filter((s) => !list.some((g) => g.kind === s.kind || g.name.toLowerCase() === s.name.toLowerCase()));
  const nameOf = new Map((roster.data ?? []).map((m) => [m.id, `${m.fullName} (${m.initials})`]));

  const remove = (group: BoardGroup): void => {
    setProblem(null);
    deletes.remove({
      id: group.id,
      message: `${group.name} deleted`,
      commit: () => call('deleteGroup', { groupId: group.id }),
      focusAfter: () => document.getElementById('groups-title'),
    });
  };

  return (
    <section className="settings-section" aria-labelledby="groups-title">
      <div className="section-head">
        <h2 id="groups-title" tabIndex={-1}>Standing groups</h2>
        <div className="page-actions">
          {missing.length > 0 ? (
            <button
              type="button"
              className="button"
              disabled={adding.busy}
              onClick={() =>
                void adding.run(async () => {
                  for (const s of missing) await call('saveGroup', { boardId, name: s.name, kind: s.kind });
                })
              }
            >
              Add {missing.map((s) => `“${s.name}”`).join(', ')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setEditing({ group: null })}>
            Add group
          </button>
        </div>
      </div>
      <p className="page-intro">Groups that can own actions, as the minutes write them (“All agencies”, “CSE subgroup”).</p>
      {problem || deletes.refused || adding.error ? (
        <p className="form-error" role="alert">
          {problem ?? deletes.refused ?? adding.error?.message}
        </p>
      ) : null}
      {groups.data && list.length === 0 ? (
        <div className="empty-state">
          <h3>No groups yet</h3>
          <p>Add the usual ones (“All”, “All agencies”, “Each agency”) and any sub-groups that take actions.</p>
        </div>
      ) : null}
      {list.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Kind</th>
              <th scope="col">Members</th>
              <th scope="col" className="numeric">
                Actions owned
              </th>
              <th scope="col">
                <span className="visually-hidden">Changes</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((g) => (
              <tr key={g.id}>
                <th scope="row">{g.name}</th>
                <td>{GROUP_KIND_LABEL[g.kind]}</td>
                <td>{hasMembers(g.kind) ? (g.memberIds.length ? g.memberIds.map((id) => nameOf.get(id) ?? '').join(', ') : 'No members yet') : '—'}</td>
                <td className="numeric">{g.actionCount}</td>
                <td className="row-actions">
                  <button type="button" className="button compact" onClick={() => setEditing({ group: g })} aria-label={`Change ${g.name}`}>
                    Change
                  </button>
                  {g.actionCount === 0 ? (
                    <button type="button" className="button compact danger" onClick={() => remove(g)} aria-label={`Delete ${g.name}`}>
                      Delete
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <GroupDialog
          boardId={boardId}
          group={editing.group}
          roster={(roster.data ?? []).filter((m) => m.current || editing.group?.memberIds.includes(m.id))}
          onCancel={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}

interface GroupDialogProps {
  boardId: string;
  group: BoardGroup | null;
  roster: RosterMember[];
  onSaved: () => void;
  onCancel: () => void;
}

function GroupDialog({ boardId, group, roster, onSaved, onCancel }: GroupDialogProps) {
  const [name, setName] = useState(group?.name ?? '');
  const [kind, setKind] = useState<GroupKind>(group?.kind ?? 'subgroup');
  const [memberIds, setMemberIds] = useState<string[]>(group?.memberIds ?? []);
  const submit = useSubmit();
  const toggle = (id: string, on: boolean): void => setMemberIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  return (
    <Dialog
      title={group ? `Change ${group.name}` : 'Add a group'}
      submitLabel={group ? 'Save group' : 'Add group'}
      busy={submit.busy}
      error={submit.formError(['name', 'kind', 'memberIds'])}
      onCancel={onCancel}
      onSubmit={() =>
        void submit.run(async () => {
          await call('saveGroup', {
            boardId,
            ...(group ? { groupId: group.id } : {}),
            name,
            kind,
            memberIds: hasMembers(kind) ? memberIds : [],
          });
          onSaved();
        })
      }
    >
      <Field label="Group name" hint="As the minutes write it, e.g. CSE subgroup" value={name} onChange={(e) => setName(e.target.value)} maxLength={LIMITS.groupName + 20} autoFocus error={submit.fieldError('name')} />
      <div className="field">
        <label htmlFor="group-kind">Kind</label>
        <select id="group-kind" value={kind} onChange={(e) => setKind(e.target.value as GroupKind)}>
          {(Object.keys(GROUP_KIND_LABEL) as GroupKind[]).map((k) => (
            <option key={k} value={k}>
              {GROUP_KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      {hasMembers(kind) ? (
        <fieldset className="member-picker">
          <legend>Members</legend>
          {submit.fieldError('memberIds') ? <p className="field-error">{submit.fieldError('memberIds')}</p> : null}
          {roster.length === 0 ? <p className="field-hint">Add people to the roster first.</p> : null}
          <ul>
            {roster.map((m) => (
              <li key={m.id}>
                <label>
                  <input type="checkbox" checked={memberIds.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} /> {m.fullName}{' '}
                  <span className="muted">({m.initials})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : (
        <p className="field-hint">This kind of group stands for everyone it names, so it has no list of members.</p>
      )}
    </Dialog>
  );
}
