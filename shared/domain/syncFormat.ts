// What the laptops and the sync server must agree on, in one place for both: the sync format
// version every document name starts with, and the reason the server gives a refused token.

/** The sync format version: a server or a client that speaks another one is refused. */
export const SYNC_FORMAT = 'ma1';

/** The reason every refused token gets: the same for a wrong one and a rotated-away one, so neither is told apart. */
export const WRONG_TOKEN = 'wrong or revoked token for this board';
