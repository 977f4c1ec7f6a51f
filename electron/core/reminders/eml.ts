// Writing an email message (RFC 5322 with MIME, RFC 2047 for names) that mail clients open as a
// draft to send: plain UTF-8 text, base64 so no line or character is mangled on the way.

const CRLF = '\r\n';

/** A header value in ASCII: as is when it can be, else an RFC 2047 encoded word. */
function encodeWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** "Ann Flynn" <ann@example.org>, with the name quoted or encoded as it needs. */
export function mailbox(name: string, address: string): string {
  const ascii = /^[\x20-\x7e]*$/.test(name);
  const display = ascii ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeWord(name);
  return `${display} <${address}>`;
}

/** RFC 5322 date: "Thu, 26 Nov 2026 16:52:42 +0000". */
function rfc5322Date(now: Date): string {
  return now.toUTCString().replace('GMT', '+0000');
}

export interface Message {
  to: string;
  subject: string;
  body: string;
  now?: Date;
}

/** The message as an .eml file: marked unsent, so Outlook and Apple Mail open it as a draft. */
export function emlMessage({ to, subject, body, now = new Date() }: Message): string {
  const encoded = Buffer.from(body.replace(/\r?\n/g, CRLF), 'utf8').toString('base64');
  const lines = encoded.match(/.{1,76}/g) ?? [];
  return [
    `To: ${to}`,
    `Subject: ${encodeWord(subject)}`,
    `Date: ${rfc5322Date(now)}`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...lines,
    '',
  ].join(CRLF);
}

/** The same message for the system mail client: mailto:address?subject=…&body=… */
export function mailtoLink(address: string, subject: string, body: string): string {
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
}
