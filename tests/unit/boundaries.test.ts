// The process boundaries are lint rules: a forbidden import in a folder fails `npm test`.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').length;
}

describe('import boundaries', () => {
  it('keep shared/ free of Node, Electron, the database and the DOM', async () => {
    for (const code of [
      "import fs from 'node:fs'; export const x = fs;",
      "import { app } from 'electron'; export const x = app;",
      "import Database from 'better-sqlite3'; export const x = Database;",
      "import { createRoot } from 'react-dom/client'; export const x = createRoot;",
      "import { listBoards } from '../electron/core/boards'; export const x = listBoards;",
      'export const x = document.title;',
    ]) {
      expect(await restrictedImports('shared/domain/example.ts', code), code).toBeGreaterThan(0);
    }
    expect(await restrictedImports('shared/domain/example.ts', "import { format } from 'date-fns'; export const x = format;")).toBe(0);
  });

  it("keep 'electron' out of core and the browser host", async () => {
    const code = "import { app } from 'electron'; export const x = app;";
    expect(await restrictedImports('electron/core/example.ts', code)).toBeGreaterThan(0);
    expect(await restrictedImports('electron/serve.ts', code)).toBeGreaterThan(0);
    expect(await restrictedImports('electron/main/example.ts', code)).toBe(0);
  });

  it('keep the renderer away from electron/ and Node', async () => {
    for (const code of [
      "import { listBoards } from '../../electron/core/boards/boards'; export const x = listBoards;",
      "import fs from 'node:fs'; export const x = fs;",
      "import Database from 'better-sqlite3'; export const x = Database;",
      "import { ipcRenderer } from 'electron'; export const x = ipcRenderer;",
    ]) {
      expect(await restrictedImports('renderer/src/features/example.ts', code), code).toBeGreaterThan(0);
    }
    expect(await restrictedImports('renderer/src/features/example.ts', "import { call } from '../api/client'; export const x = call;")).toBe(0);
  });
});
