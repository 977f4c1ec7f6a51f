// The right-click menu: spelling suggestions for a misspelt word (replace it, or add it to the
// dictionary), then Cut, Copy, Paste and Select All where text can be edited, or Copy where it
// can only be selected. Chromium shows none of this by itself in Electron.
import type { BrowserWindow, ContextMenuParams, Menu as MenuClass, MenuItemConstructorOptions, Session } from 'electron';

/** Minutes are written in UK English; the spellchecker needs telling (macOS uses its own). */
export const SPELLING_LANGUAGES = ['en-GB'];
const MAX_SUGGESTIONS = 6;

export type MenuParams = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags'>;

export interface SpellingActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

export function contextMenuTemplate(params: MenuParams, spelling: SpellingActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord;
  if (params.isEditable && word) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: 'No Spelling Suggestions', enabled: false });
    for (const suggestion of suggestions) items.push({ label: suggestion, click: () => spelling.replaceMisspelling(suggestion) });
    items.push({ type: 'separator' }, { label: 'Add to Dictionary', click: () => spelling.addToDictionary(word) }, { type: 'separator' });
  }
  const flags = params.editFlags;
  if (params.isEditable) {
    items.push(
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { role: 'pasteAndMatchStyle', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    );
  } else if (params.selectionText.trim()) {
    items.push({ role: 'copy', enabled: flags.canCopy });
  }
  return items;
}

/** Shows the menu on right-click in the window. */
export function attachContextMenu(win: BrowserWindow, Menu: Pick<typeof MenuClass, 'buildFromTemplate'>): void {
  const contents = win.webContents;
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
  });
}

/** Spellchecks in UK English where Chromium's own spellchecker is used (not macOS). */
export function useUkSpelling(session: Pick<Session, 'setSpellCheckerLanguages' | 'availableSpellCheckerLanguages'>, platform: NodeJS.Platform): void {
  if (platform === 'darwin') return;
  const languages = SPELLING_LANGUAGES.filter((l) => session.availableSpellCheckerLanguages.includes(l));
  if (languages.length > 0) session.setSpellCheckerLanguages(languages);
}
