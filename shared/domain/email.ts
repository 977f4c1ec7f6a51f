// Email addresses as the roster keeps them: one address, name@domain, checked before it is saved
// so a reminder never goes to something that is not one.

export const EMAIL_MAX = 254;

// Deliberately plain: a local part and a dotted domain, no spaces, display names or lists. Mail
// clients accept far more, but a roster address that fails this is a typing slip.
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= EMAIL_MAX && ADDRESS.test(value) && !value.includes('..') && !value.startsWith('.') && !value.split('@')[0]!.endsWith('.');
}

export const EMAIL_PROBLEM = 'That is not an email address: write one address, like name@example.org.';
