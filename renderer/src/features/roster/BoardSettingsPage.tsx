// A board's settings: name and short code, action references, agenda numbering, quorum,
// confidential items, the recurring agenda and cadence; and the standing groups that can own actions.
import { useState, type FormEvent } from 'react';
import { LIMITS, type BoardSettings } from '../../../../shared/contract';
import { describeQuorumRule, formatFraction, quorumRequired } from '../../../../shared/domain/quorum';
import { formatReference as formatActionReference, referenceFormatProblem } from '../../../../shared/domain/references';
import { call } from '../../api/client';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';
import { BoardFrame, useBoardSettings } from './BoardFrame';
import { SignatureBlockSetting } from '../interests/SignatureBlockSetting';
import { isStandingItemTitle, STANDING_ITEM_TITLE, withStandingItem } from '../../../../shared/domain/interests';
import { ReminderSettingField } from '../reminders/ReminderSettingField';
import { GroupsSection } from './GroupsSection';

export function BoardSettingsPage({ boardId }: { boardId: string }) {
  const board = useBoardSettings(boardId);
  return (
    <BoardFrame board={board} tab="settings" title="Settings">
      {(settings) => (
        <>
          <SettingsForm key={settings.boardId} settings={settings} />
          <ReminderSettingField boardId={settings.boardId} />
          <GroupsSection boardId={boardId} />
          <SignatureBlockSetting boardId={boardId} />
        </>
      )}
    </BoardFrame>
  );
}

const SHOWN = [
  'name',
  'shortCode',
  'referenceFormat',
  'itemNumbering',
  'quorumKind',
  'quorumCount',
  'quorumFraction',
  'confidentialDisplay',
  'agendaTemplate',
  'cadenceDays',
];

function SettingsForm({ settings }: { settings: BoardSettings }) {
  const [name, setName] = useState(settings.name);
  const [shortCode, setShortCode] = useState(settings.shortCode ?? '');
  const [referenceFormat, setReferenceFormat] = useState(settings.referenceFormat);
  const [itemNumbering, setItemNumbering] = useState(settings.itemNumbering);
  const [quorumKind, setQuorumKind] = useState(settings.quorum.kind);
  const [quorumCount, setQuorumCount] = useState(settings.quorum.kind === 'count' ? String(settings.quorum.count) : '');
  const [quorumFraction, setQuorumFraction] = useState(settings.quorum.kind === 'fraction' ? formatFraction(settings.quorum) : '1/3');
  const [confidentialDisplay, setConfidentialDisplay] = useState(settings.confidentialDisplay);
  const [agendaTemplate, setAgendaTemplate] = useState(settings.agendaTemplate.join('\n'));
  const [cadenceDays, setCadenceDays] = useState(settings.cadenceDays === null ? '' : String(settings.cadenceDays));
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();

  const formatProblem = referenceFormatProblem(referenceFormat.trim());
  const preview = formatProblem ? null : formatActionReference(referenceFormat.trim(), '2014-02-19', 3);
  const templateError = (() => {
    const field = submit.error?.field ?? '';
    return field === 'agendaTemplate' || field.startsWith('agendaTemplate.') ? submit.error?.message ?? null : null;
  })();
  const ruleNow = settings.quorum.kind === 'none' ? null : quorumRequired(settings.quorum, settings.currentMemberCount);

  const save = (event: FormEvent): void => {
    event.preventDefault();
    setSaved(false);
    void submit.run(async () => {
      const toNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text));
      await call('updateBoardSettings', {
        boardId: settings.boardId,
        name,
        shortCode: shortCode.trim() || null,
        referenceFormat,
        itemNumbering,
        quorumKind,
        quorumCount: quorumKind === 'count' ? toNumber(quorumCount) : null,
        quorumFraction: quorumKind === 'fraction' ? quorumFraction : null,
        confidentialDisplay,
        agendaTemplate: agendaTemplate
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line.length > 0),
        cadenceDays: toNumber(cadenceDays),
      });
      setSaved(true);
    });
  };

  return (
    <form className="settings-form" onSubmit={save} noValidate aria-label="Board settings">
      <fieldset>
        <legend>The board</legend>
        <Field
          label="Board name"
          hint="Minutes already circulated keep the name the meeting was held under."
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={LIMITS.boardName + 20}
          error={submit.fieldError('name')}
        />
        <Field
          label="Short code"
          hint="A few letters used in lists, e.g. SSCB"
          value={shortCode}
          onChange={(e) => setShortCode(e.target.value)}
          maxLength={LIMITS.shortCode + 4}
          error={submit.fieldError('shortCode')}
        />
      </fieldset>

      <fieldset>
        <legend>Minutes</legend>
        <Field
          label="Action reference format"
          hint="Date codes for the meeting date (yyyy year, MM month, dd day) and {n} for the action’s number in its meeting. Put other text in single quotes. Changing it affects only actions agreed from now on."
          value={referenceFormat}
          onChange={(e) => setReferenceFormat(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          error={submit.fieldError('referenceFormat') ?? formatProblem}
        />
        {preview ? (
          <p className="field-preview" aria-live="polite">
            Action 3 of a meeting on 19 February 2014 would be <strong>{preview}</strong>
          </p>
        ) : null}
        <div className="choice-field" role="radiogroup" aria-labelledby="numbering-label">
          <span id="numbering-label" className="choice-label">
            Agenda item numbering
          </span>
          <label>
            <input type="radio" name="numbering" checked={itemNumbering === 'letters'} onChange={() => setItemNumbering('letters')} /> Letters: 1, 1a, 1b, 2
          </label>
          <label>
            <input type="radio" name="numbering" checked={itemNumbering === 'decimal'} onChange={() => setItemNumbering('decimal')} /> Decimal: 1, 1.1, 1.2, 2
          </label>
        </div>
        <div className="choice-field" role="radiogroup" aria-labelledby="confidential-label">
          <span id="confidential-label" className="choice-label">
            Confidential items in the public minutes
          </span>
          <label>
            <input type="radio" name="confidential" checked={confidentialDisplay === 'placeholder'} onChange={() => setConfidentialDisplay('placeholder')} /> A
            placeholder line (“Item 5 was considered in the closed section”)
          </label>
          <label>
            <input type="radio" name="confidential" checked={confidentialDisplay === 'omit'} onChange={() => setConfidentialDisplay('omit')} /> Nothing: leave
            them out altogether
          </label>
        </div>
      </fieldset>

      <fieldset>
        <legend>Quorum</legend>
        <div className="choice-field" role="radiogroup" aria-label="Quorum rule">
          <label>
            <input type="radio" name="quorum" checked={quorumKind === 'none'} onChange={() => setQuorumKind('none')} /> No quorum rule
          </label>
          <label>
            <input type="radio" name="quorum" checked={quorumKind === 'count'} onChange={() => setQuorumKind('count')} /> A number of members
          </label>
          <label>
            <input type="radio" name="quorum" checked={quorumKind === 'fraction'} onChange={() => setQuorumKind('fraction')} /> A fraction of current members
          </label>
        </div>
        {quorumKind === 'count' ? (
          <Field
            label="Members needed"
            type="number"
            min={1}
            inputMode="numeric"
            value={quorumCount}
            onChange={(e) => setQuorumCount(e.target.value)}
            hint={`The board has ${settings.currentMemberCount} current ${settings.currentMemberCount === 1 ? 'member' : 'members'}.`}
            error={submit.fieldError('quorumCount')}
          />
        ) : null}
        {quorumKind === 'fraction' ? (
          <Field
            label="Fraction of current members"
            hint={`Like 1/3 or 50%; rounded up. The board has ${settings.currentMemberCount} current ${settings.currentMemberCount === 1 ? 'member' : 'members'}.`}
            value={quorumFraction}
            onChange={(e) => setQuorumFraction(e.target.value)}
            autoComplete="off"
            error={submit.fieldError('quorumFraction')}
          />
        ) : null}
        <p className="field-preview">
          Saved rule: {describeQuorumRule(settings.quorum)}
          {ruleNow !== null ? ` (${ruleNow} of today’s ${settings.currentMemberCount} members)` : ''}
        </p>
      </fieldset>

      <fieldset>
        <legend>Meetings</legend>
        <div className={templateError ? 'field has-error' : 'field'}>
          <label htmlFor="agenda-template">Recurring agenda</label>
          <span className="field-hint" id="agenda-template-hint">
            The items every agenda starts with, one per line.
          </span>
          <textarea
            id="agenda-template"
            rows={4}
            value={agendaTemplate}
            onChange={(e) => setAgendaTemplate(e.target.value)}
            aria-describedby={templateError ? 'agenda-template-hint agenda-template-error' : 'agenda-template-hint'}
            aria-invalid={templateError ? true : undefined}
            placeholder={'Introductions and apologies\nMinutes and actions arising\nAny other business'}
          />
          {templateError ? (
            <span className="field-error" id="agenda-template-error">
              {templateError}
            </span>
          ) : null}
          {!agendaTemplate.split('\n').some(isStandingItemTitle) ? (
            <button
              type="button"
              className="button compact"
              onClick={() => setAgendaTemplate((t) => withStandingItem(t.split('\n').filter((l) => l.trim() !== '')).join('\n'))}
            >
              Add the standing item “{STANDING_ITEM_TITLE}”
            </button>
          ) : null}
        </div>
        <Field
          label="Usual days between meetings (optional)"
          hint="Used to suggest the next meeting’s date, e.g. 56 for every eight weeks."
          type="number"
          min={1}
          inputMode="numeric"
          value={cadenceDays}
          onChange={(e) => setCadenceDays(e.target.value)}
          error={submit.fieldError('cadenceDays')}
        />
      </fieldset>

      {submit.formError(SHOWN) ? (
        <p className="form-error" role="alert">
          {submit.formError(SHOWN)}
        </p>
      ) : null}
      {submit.error && !submit.formError(SHOWN) ? (
        <p className="form-error" role="alert">
          The settings were not saved. Check the marked field above.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {submit.busy ? 'Saving…' : 'Save settings'}
        </button>
        {saved && !submit.busy ? (
          <span className="notice-inline" role="status">
            Settings saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}
