// The invitation to a shared board: what one laptop shows once and another pastes to join,
// `<serverUrl>#<boardId>.<token>`. The server never sees it: it gets the board id from the
// document names and the token from the connection.

export interface Invitation {
  serverUrl: string;
  boardId: string;
  token: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const formatInvitation = (i: Invitation): string => `${i.serverUrl}#${i.boardId}.${i.token}`;

/** Reads an invitation, or says in words what is wrong with it. */
export function parseInvitation(text: string): Invitation | { error: string } {
  const trimmed = text.trim();
  const hash = trimmed.lastIndexOf('#');
  if (hash < 0) return { error: 'This is not an invitation to a shared board: ask for it to be copied again, in full.' };
  const serverUrl = trimmed.slice(0, hash);
  const rest = trimmed.slice(hash + 1);
  const dot = rest.indexOf('.');
  const boardId = dot < 0 ? rest : rest.slice(0, dot);
  const token = dot < 0 ? '' : rest.slice(dot + 1);
  if (!/^wss?:\/\/[^\s#]+$/i.test(serverUrl)) return { error: 'The invitation does not start with a server address (wss://… or ws://…).' };
  if (!UUID.test(boardId) || !TOKEN.test(token)) return { error: 'The invitation is incomplete: ask for it to be copied again, in full.' };
  return { serverUrl, boardId: boardId.toLowerCase(), token };
}
