// The discussion's formatting bar: bold, italic, underline, lists, link, undo and redo. Each
// has its usual shortcut (Ctrl/⌘+B, I, U, K, Z, Y); the buttons show and change the state.
import { memo, useCallback, useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister, $getNearestNodeOfType } from '@lexical/utils';
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { SAFE_LINK } from '../../../../shared/domain/discussion';
import { MOD_LABEL } from '../shortcutsLabel';

interface Formats {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  list: 'bullet' | 'number' | null;
  link: boolean;
}

const NONE: Formats = { bold: false, italic: false, underline: false, list: null, link: false };
const same = (a: Formats, b: Formats): boolean =>
  a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.list === b.list && a.link === b.link;

// The links the editor makes are the links the PDF prints: one rule, in shared/domain.
export { SAFE_LINK };

export const ToolbarPlugin = memo(function ToolbarPlugin({ label }: { label: string }) {
  const [editor] = useLexicalComposerContext();
  const [formats, setFormats] = useState<Formats>(NONE);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);

  const $readFormats = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const anchor = selection.anchor.getNode();
    const list = $getNearestNodeOfType(anchor, ListNode);
    const parent = anchor.getParent();
    const next: Formats = {
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      underline: selection.hasFormat('underline'),
      list: list ? (list.getListType() === 'number' ? 'number' : 'bullet') : null,
      link: $isLinkNode(anchor) || $isLinkNode(parent),
    };
    setFormats((prev) => (same(prev, next) ? prev : next));
  }, []);

  const openLink = useCallback(() => {
    setLinkError(null);
    setLinkDraft(formats.link ? '' : 'https://');
  }, [formats.link]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read($readFormats)),
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            // Ctrl/⌘+K: add or edit a link, as in word processors.
            if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.code === 'KeyK') {
              event.preventDefault();
              openLink();
              return true;
            }
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, $readFormats, openLink],
  );

  const format = (f: TextFormatType) => () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f);
  const list = (type: 'bullet' | 'number') => () => {
    if (formats.list === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
  };
  const applyLink = (): void => {
    const url = (linkDraft ?? '').trim();
    if (url === '') {
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
      setLinkDraft(null);
      editor.focus();
      return;
    }
    if (!SAFE_LINK.test(url)) {
      setLinkError('A link starts with https://, http:// or mailto:.');
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    setLinkDraft(null);
    editor.focus();
  };
  // Buttons keep the editor's selection: a mousedown on them must not take focus away.
  const keep = (e: React.MouseEvent) => e.preventDefault();

  return (
    <div className="ed-toolbar" role="toolbar" aria-label={`Formatting, ${label}`}>
      <button type="button" className="ed-tool" aria-pressed={formats.bold} title={`Bold (${MOD_LABEL}+B)`} onMouseDown={keep} onClick={format('bold')}>
        <b aria-hidden="true">B</b>
        <span className="visually-hidden">Bold</span>
      </button>
      <button type="button" className="ed-tool" aria-pressed={formats.italic} title={`Italic (${MOD_LABEL}+I)`} onMouseDown={keep} onClick={format('italic')}>
        <i aria-hidden="true">I</i>
        <span className="visually-hidden">Italic</span>
      </button>
      <button type="button" className="ed-tool" aria-pressed={formats.underline} title={`Underline (${MOD_LABEL}+U)`} onMouseDown={keep} onClick={format('underline')}>
        <u aria-hidden="true">U</u>
        <span className="visually-hidden">Underline</span>
      </button>
      <span className="ed-sep" aria-hidden="true" />
      <button type="button" className="ed-tool" aria-pressed={formats.list === 'bullet'} title="Bulleted list" onMouseDown={keep} onClick={list('bullet')}>
        <span aria-hidden="true">•≡</span>
        <span className="visually-hidden">Bulleted list</span>
      </button>
      <button type="button" className="ed-tool" aria-pressed={formats.list === 'number'} title="Numbered list" onMouseDown={keep} onClick={list('number')}>
        <span aria-hidden="true">1≡</span>
        <span className="visually-hidden">Numbered list</span>
      </button>
      <button type="button" className="ed-tool" aria-pressed={formats.link} title={`Link (${MOD_LABEL}+K)`} onMouseDown={keep} onClick={openLink}>
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.8 2.8 0 014 4L11 8.5M9 11.5l-1.2 1.2a2.8 2.8 0 01-4-4L5 7.5" />
        </svg>
        <span className="visually-hidden">Link</span>
      </button>
      <span className="ed-sep" aria-hidden="true" />
      <button type="button" className="ed-tool" disabled={!canUndo} title={`Undo (${MOD_LABEL}+Z)`} onMouseDown={keep} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        <span aria-hidden="true">↶</span>
        <span className="visually-hidden">Undo</span>
      </button>
      <button type="button" className="ed-tool" disabled={!canRedo} title={`Redo (${MOD_LABEL}+Y)`} onMouseDown={keep} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        <span aria-hidden="true">↷</span>
        <span className="visually-hidden">Redo</span>
      </button>
      {linkDraft !== null ? (
        <span className="ed-link-form">
          <label>
            <span className="visually-hidden">Link address</span>
            <input
              type="url"
              value={linkDraft}
              placeholder="https://… (empty removes the link)"
              aria-invalid={linkError ? true : undefined}
              autoFocus
              onChange={(e) => setLinkDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  applyLink();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  setLinkDraft(null);
                  editor.focus();
                }
              }}
            />
          </label>
          <button type="button" className="ed-tool" onClick={applyLink}>
            Apply
          </button>
          {linkError ? (
            <span className="field-error" role="alert">
              {linkError}
            </span>
          ) : null}
        </span>
      ) : null}
    </div>
  );
});
