// Adding someone to the roster or changing their details. Initials are suggested from the
// name as it is typed; initials someone else holds are flagged at once, with free ones offered.
import { useState } from 'react';
import { LIMITS, type RosterMember } from '../../../../shared/contract';
import { sameInitials, suggestAlternatives } from '../../../../shared/domain/initials';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { Field } from '../../app/Field';
import { DateField } from '../../app/DateField';
import { useSubmit } from '../../app/useSubmit';

interface RosterMemberDialogProps {
  boardId: string;
  roster: readonly RosterMember[];
  /** The person being changed; absent when adding someone. */
  member?: RosterMember;
  onSaved: (member: RosterMember) => void;
  onCancel: () => void;
}

const FIELDS = ['fullName', 'initials', 'role', 'organisation', 'email', 'isMember', 'joinedOn', 'leftOn'];

export function RosterMemberDialog({ boardId, roster, member, onSaved, onCancel }: RosterMemberDialogProps) {
  const [fullName, setFullName] = useState(member?.fullName ?? '');
  // While adding, the initials follow the name until the administrator types their own.
  const [typedInitials, setTypedInitials] = useState<string | null>(member?.initials ?? null);
  const [role, setRole] = useState(member?.role ?? '');
  const [organisation, setOrganisation] = useState(member?.organisation ?? '');
  const [email, setEmail] = useState(member?.email ?? '');
  const [isMember, setIsMember] = useState(member?.isMember ?? true);
  const [joinedOn, setJoinedOn] = useState(member?.joinedOn ?? '');
  const [leftOn, setLeftOn] = useState(member?.leftOn ?? '');
  const submit = useSubmit();

  const others = roster.filter((m) => m.id !== member?.id);
  const taken = others.map((m) => m.initials);
  const suggestions = fullName.trim() ? suggestAlternatives(fullName, taken, 3) : [];
  const initials = typedInitials ?? suggestions[0] ?? '';
  const holder = initials.trim() ? others.find((m) => sameInitials(m.initials, initials)) : undefined;
  // Core's verdict on the initials holds only until they are changed.
  const [submittedInitials, setSubmittedInitials] = useState<string | null>(null);
  const refused = initials === submittedInitials ? submit.fieldError('initials') : null;
  const initialsError = refused ?? (holder ? `${holder.initials} is already used by ${holder.fullName}.` : null);
  const offers = holder || refused ? suggestions.filter((s) => !sameInitials(s, initials)) : [];

  const save = (): void => {
    setSubmittedInitials(initials);
    void submit.run(async () => {
      const fields = {
        fullName,
        initials,
        role: role.trim() || null,
        organisation: organisation.trim() || null,
        email: email.trim() || null,
        isMember,
        joinedOn: joinedOn || null,
        leftOn: leftOn || null,
      };
      onSaved(member ? await call('updateRosterMember', { memberId: member.id, ...fields }) : await call('addRosterMember', { boardId, ...fields }));
    });
  };

  return (
    <Dialog
      title={member ? `Change ${member.fullName}` : 'Add someone to the roster'}
      submitLabel={member ? 'Save changes' : 'Add to roster'}
      busy={submit.busy}
      error={submit.formError(FIELDS)}
      onCancel={onCancel}
      onSubmit={save}
    >
      <Field
        label="Full name"
        hint="As the minutes print it, e.g. Michael O'Connor"
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        maxLength={LIMITS.personName + 20}
        autoFocus
        required
        error={submit.fieldError('fullName')}
      />
      <Field
        label="Initials"
        hint={
          member
            ? 'How the minutes name them. Minutes already recorded keep the initials they were written with.'
            : 'How the minutes name them. Suggested from the name; each person on a board has their own.'
        }
        value={initials}
        onChange={(e) => setTypedInitials(e.target.value)}
        maxLength={LIMITS.initials + 4}
        required
        autoComplete="off"
        spellCheck={false}
        error={initialsError}
        onKeyDown={(e) => {
          // The suggestions are out of the Tab order (Tab goes on to Role); ↓ and ↑ take them in turn here.
          if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || offers.length === 0 || e.altKey || e.ctrlKey || e.metaKey) return;
          e.preventDefault();
          const at = offers.findIndex((o) => sameInitials(o, initials));
          const step = e.key === 'ArrowDown' ? 1 : -1;
          const next = offers[at < 0 ? (step === 1 ? 0 : offers.length - 1) : (at + step + offers.length) % offers.length];
          if (next) setTypedInitials(next);
        }}
      />
      {offers.length > 0 ? (
        <div className="initials-offers" role="group" aria-label="Suggestions">
          <span>Free initials (↓ in Initials takes one):</span>
          {offers.map((offer) => (
            <button key={offer} type="button" className="button chip" tabIndex={-1} onClick={() => setTypedInitials(offer)}>
              Use {offer}
            </button>
          ))}
        </div>
      ) : null}
      <Field label="Role" hint="e.g. Designated Nurse" value={role} onChange={(e) => setRole(e.target.value)} maxLength={LIMITS.role + 20} error={submit.fieldError('role')} />
      <Field
        label="Organisation"
        hint="e.g. NHS Southwark"
        value={organisation}
        onChange={(e) => setOrganisation(e.target.value)}
        maxLength={LIMITS.organisation + 20}
        error={submit.fieldError('organisation')}
      />
      <Field label="Email (optional)" hint="For reminders of their actions." type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={submit.fieldError('email')} />
      <div className="check-field">
        <label>
          <input type="checkbox" checked={isMember} onChange={(e) => setIsMember(e.target.checked)} /> Voting member of the board
        </label>
        <span className="field-hint">Untick for officers and regular attendees: they are not counted towards the quorum.</span>
      </div>
      <div className="field-row">
        <DateField label="Joined (optional)" value={joinedOn} onChange={setJoinedOn} error={submit.fieldError('joinedOn')} />
        <DateField label="Left (optional)" value={leftOn} onChange={setLeftOn} error={submit.fieldError('leftOn')} />
      </div>
    </Dialog>
  );
}
