// The ids and instants core stamps on what it writes. The change log itself is written only
// by the write wrapper (store/write.ts), through a write's handle.
import { randomUUID } from 'node:crypto';

export const nowInstant = (): string => new Date().toISOString();
export const newId = (): string => randomUUID();
