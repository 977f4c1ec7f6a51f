// One agenda item: number, title, presenter, confidential and deferred, the discussion, and
// the "Decisions and/or actions agreed" under it. It re-renders only when its own data changes.
import { memo, useCallback, useRef, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import { MINUTES_LIMITS } from '../../../../shared/contract';
import { sameDiscussion } from '../../../../shared/domain/discussionJson';
import { formatUkDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { DiscussionEditor } from '../../editor/DiscussionEditor';
import { useMinutes } from './context';
import { actionDetailsSelector, beginTypeAhead, decisionSelector, endTypeAhead, focusWhenReady, type TypeAhead } from './focus';
import { ActionsTable } from './ActionsTable';
import { DecisionsList } from './DecisionsList';
import { toActionState, useItem, useItemHidden, useMeta, type ItemState } from './minutesStore';
import { SAVE_DELAY_MS, useFieldFailure } from './saveQueue';
import { titleLimitNote } from './titleLimit';

interface AgendaItemCardProps {
  itemId: string;
  onDelete: (itemId: string) => void;
}

export const AgendaItemCard = memo(function AgendaItemCard({ itemId, onDelete }: AgendaItemCardProps) {
  const ctx = useMinutes();
  const { store, queue, knownInitials, registerEditor, origin, replica } = ctx;
  const item = useItem(store, itemId);
  const hidden = useItemHidden(store, itemId);
  const meta = useMeta(store);
  const lastSavedJson = useRef<string | null>(store.initialDiscussionOf(itemId).json);
  const [initial] = useState(() => store.initialDiscussionOf(itemId));
  const discussionFailure = useFieldFailure(queue, `discussion:${itemId}`);

  const onDiscussionChange = useCallback(
    (editor: LexicalEditor) => {
      // Bound to the meeting's replica, the discussion goes to core as the replica's updates instead.
      if (replica) return;
      queue.schedule(`discussion:${itemId}`, () => {
        const state = editor.getEditorState();
        const json = JSON.stringify(state.toJSON());
        // The document as last saved (or as stored, in whatever key order) is nothing to send.
        if (sameDiscussion(lastSavedJson.current, json)) return Promise.resolve();
        // Only the JSON: core derives the plain text from it.
        return call('saveDiscussion', { itemId, json }, { origin }).then(() => {
          lastSavedJson.current = json;
        });
      });
    },
    [queue, itemId, origin, replica],
  );
  const flush = useCallback(() => void queue.flush(), [queue]);
  const editorRef = useCallback((editor: LexicalEditor | null) => registerEditor(itemId, editor), [registerEditor, itemId]);

  if (!item) return null;
  const readOnly = meta.locked.content !== null;
  const label = `item ${item.number}`;

  return (
    // Hidden (not unmounted) while its delete waits for Undo; focusable from script so focus can rest on it after a delete.
    <li
      className={`item-card depth-${item.depth}${item.confidential ? ' is-confidential' : ''}`}
      data-item-card={itemId}
      // In a slot of its own inside the cards' groups (ItemGroups): one of the meeting's list of items.
      role="listitem"
      aria-labelledby={`item-${itemId}-heading`}
      hidden={hidden}
      tabIndex={-1}
    >
      <h2 className="visually-hidden" id={`item-${itemId}-heading`}>
        Item {item.number}
        {item.title ? `: ${item.title}` : ''}
      </h2>
      <ItemHeader item={item} readOnly={readOnly} structureLocked={meta.locked.structure !== null} onDelete={onDelete} />
      <ItemDetails item={item} readOnly={readOnly} laterMeetings={meta.laterMeetings} />
      <DiscussionEditor
        itemId={itemId}
        label={`Discussion, ${label}`}
        initial={initial}
        knownInitials={knownInitials}
        readOnly={readOnly}
        maxChars={MINUTES_LIMITS.discussionText}
        onChange={onDiscussionChange}
        onLeave={flush}
        editorRef={editorRef}
        replica={replica?.doc ?? null}
      />
      {discussionFailure ? (
        <p className="field-error" role="alert">
          The discussion is not saved: {discussionFailure.message} What you typed is still here.
        </p>
      ) : null}
      <section className="agreed" aria-label={`Decisions and actions, ${label}`}>
        {item.decisions.length > 0 || item.actions.length > 0 ? <h3 className="agreed-title">Decisions and/or actions agreed</h3> : null}
        <DecisionsList itemId={itemId} itemNumber={item.number} decisions={item.decisions} readOnly={readOnly} />
        <ActionsTable itemId={itemId} itemNumber={item.number} actions={item.actions} meetingDate={meta.meeting.date} readOnly={readOnly} />
        {readOnly ? null : <AgreedButtons itemId={itemId} itemNumber={item.number} />}
      </section>
    </li>
  );
});

function ItemHeader({ item, readOnly, structureLocked, onDelete }: { item: ItemState; readOnly: boolean; structureLocked: boolean; onDelete: (id: string) => void }) {
  const { store, queue, origin } = useMinutes();
  const key = `item:${item.id}:title`;
  const failure = useFieldFailure(queue, key);
  const limit = readOnly ? null : titleLimitNote(item.title.length);
  return (
    <div className="item-head">
      <span className="item-number" aria-hidden="true">
        {item.number}
      </span>
      <div className="item-title-field">
        <textarea
          className="item-title"
          rows={1}
          aria-label={`Title, item ${item.number}`}
          value={item.title}
          readOnly={readOnly}
          // No maxLength: a browser cut would drop pasted words silently; the note below says the limit instead.
          aria-invalid={limit?.over ? true : undefined}
          placeholder="Item title"
          dir="auto"
          onChange={(e) => {
            store.updateItem(item.id, { title: e.target.value.replace(/[\r\n]+/g, ' ') });
            queue.schedule(key, () => call('updateAgendaItem', { itemId: item.id, title: store.getItem(item.id)?.title ?? '' }, { origin }));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
              e.preventDefault();
              document.querySelector<HTMLElement>(`[data-item-card="${item.id}"] .ed-content`)?.focus();
            }
          }}
          onBlur={() => void queue.flush()}
        />
        {limit?.over ? (
          <span className="field-error" role="alert">
            {limit.text}
          </span>
        ) : failure ? (
          <span className="field-error" role="alert">
            Not saved: {failure.message}
          </span>
        ) : limit ? (
          <span className="field-hint">{limit.text}</span>
        ) : item.title.trim() === '' && !readOnly ? (
          <span className="field-hint item-untitled">This item has no title yet: the minutes will print its number alone.</span>
        ) : null}
      </div>
      {structureLocked ? null : (
        <button type="button" className="row-delete item-delete" aria-label={`Delete item ${item.number}`} title="Delete this item" onClick={() => onDelete(item.id)}>
          ×
        </button>
      )}
    </div>
  );
}

function ItemDetails({ item, readOnly, laterMeetings }: { item: ItemState; readOnly: boolean; laterMeetings: Array<{ id: string; date: string }> }) {
  const { store, queue, origin } = useMinutes();
  const saveFlags = (patch: Partial<ItemState>, delay = 0): void => {
    store.updateItem(item.id, patch);
    queue.schedule(
      `item:${item.id}:flags`,
      () => {
        const now = store.getItem(item.id);
        if (!now) return Promise.resolve();
        return call(
          'updateAgendaItem',
          {
            itemId: item.id,
            confidential: now.confidential,
            deferred: now.deferred,
            deferredToText: now.deferredToText,
            deferredToMeetingId: now.deferredToMeetingId,
          },
          { origin },
        );
      },
      delay,
    );
  };
  const presenterKey = `item:${item.id}:presenter`;
  const flagsFailure = useFieldFailure(queue, `item:${item.id}:flags`);
  const presenterFailure = useFieldFailure(queue, presenterKey);
  const failure = flagsFailure ?? presenterFailure;
  return (
    <div className="item-details">
      <label className="inline-field">
        <span>Presenter</span>
        <input
          value={item.presenter ?? ''}
          readOnly={readOnly}
          dir="auto"
          maxLength={MINUTES_LIMITS.presenter + 20}
          aria-label={`Presenter, item ${item.number}`}
          onChange={(e) => {
            store.updateItem(item.id, { presenter: e.target.value });
            queue.schedule(presenterKey, () => call('updateAgendaItem', { itemId: item.id, presenter: store.getItem(item.id)?.presenter ?? null }, { origin }));
          }}
          onBlur={() => void queue.flush()}
        />
      </label>
      <label className="check-field">
        <input type="checkbox" checked={item.confidential} disabled={readOnly} onChange={(e) => saveFlags({ confidential: e.target.checked })} />
        <span>Confidential</span>
      </label>
      <label className="check-field">
        <input type="checkbox" checked={item.deferred} disabled={readOnly} onChange={(e) => saveFlags({ deferred: e.target.checked })} />
        <span>Deferred</span>
      </label>
      {item.deferred ? (
        <span className="deferred-to">
          <label className="inline-field">
            <span>to</span>
            <select
              value={item.deferredToMeetingId ?? ''}
              disabled={readOnly}
              aria-label={`Deferred to which meeting, item ${item.number}`}
              onChange={(e) => saveFlags({ deferredToMeetingId: e.target.value || null })}
            >
              <option value="">{laterMeetings.length ? 'a meeting not yet set up' : 'no later meeting set up yet'}</option>
              {laterMeetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {formatUkDate(m.date)}
                </option>
              ))}
            </select>
          </label>
          {item.deferredToMeetingId ? null : (
            <input
              className="deferred-text"
              value={item.deferredToText ?? ''}
              readOnly={readOnly}
              dir="auto"
              placeholder="e.g. the January SSCB meeting"
              aria-label={`Deferred to (in words), item ${item.number}`}
              maxLength={MINUTES_LIMITS.deferredTo + 20}
              onChange={(e) => saveFlags({ deferredToText: e.target.value }, SAVE_DELAY_MS)}
              onBlur={() => void queue.flush()}
            />
          )}
        </span>
      ) : null}
      {item.confidential ? <span className="confidential-note">Left out of the public minutes</span> : null}
      {failure ? (
        <span className="field-error" role="alert">
          Not saved: {failure.message}
        </span>
      ) : null}
    </div>
  );
}

function AgreedButtons({ itemId, itemNumber }: { itemId: string; itemNumber: string }) {
  const { store, queue, notify, origin } = useMinutes();
  const failed = (wait: TypeAhead) => (err: Error): void => {
    endTypeAhead(wait);
    notify(err.message);
  };
  const addDecision = (): void => {
    const wait = beginTypeAhead();
    void queue
      .run(() => call('addDecision', { itemId }, { origin }))
      .then((d) => {
        store.updateItem(itemId, (item) => ({ decisions: [...item.decisions, d] }));
        return focusWhenReady(decisionSelector(d.id), wait);
      })
      .catch(failed(wait));
  };
  const addAction = (): void => {
    const wait = beginTypeAhead();
    void queue
      .run(() => call('addAction', { itemId }, { origin }))
      .then((a) => {
        store.updateItem(itemId, (item) => ({ actions: [...item.actions, toActionState(a)] }));
        return focusWhenReady(actionDetailsSelector(a.id), wait);
      })
      .catch(failed(wait));
  };
  return (
    <div className="agreed-buttons">
      <button type="button" className="button subtle" data-add="decision" onClick={addDecision} aria-label={`Add a decision to item ${itemNumber}`}>
        + Decision
      </button>
      <button type="button" className="button subtle" data-add="action" onClick={addAction} aria-label={`Add an action to item ${itemNumber}`}>
        + Action
      </button>
    </div>
  );
}
