// Importing legacy minutes: the preview, and the import itself.
import type { importsMethods } from '../../../shared/contract/imports';
import { onStore, type FeatureHandlers } from '../handler';
import { importMinutes, previewImport } from './importMinutes';

export const importsHandlers: FeatureHandlers<typeof importsMethods> = {
  previewImport: onStore(previewImport),
  importMinutes: onStore(importMinutes),
};
