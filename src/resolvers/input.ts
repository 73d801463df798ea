import { BadUserInputError } from './errors.ts';

/** Every row's key is a PostgreSQL `integer` identity: 1 to 2^31 - 1. */
const MAX_INTEGER_KEY = 2_147_483_647;

/**
 * A row key from its decimal text, or undefined when the text is not one: keys beyond the
 * integer range would otherwise reach PostgreSQL and fail there as a server error.
 */
export function integerKeyOf(text: string): number | undefined {
  if (!/^[1-9]\d{0,9}$/.test(text)) return undefined;
  const key = Number(text);
  return key <= MAX_INTEGER_KEY ? key : undefined;
}

/** Longest name a user or group may have; longer input is refused, never truncated. */
export const MAX_NAME_LENGTH = 200;
const MAX_EMAIL_LENGTH = 320;

/** Trims a name and checks it is neither blank nor too long. */
export function cleanName(name: string, subject: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) {
    throw new BadUserInputError(`${subject} name must not be empty.`);
  }
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw new BadUserInputError(`${subject} name must be at most ${MAX_NAME_LENGTH} characters.`);
  }
  return trimmed;
}

/**
 * Trims and lower-cases an email address. Lower-casing makes the unique constraint
 * case-insensitive: Ada@example.com and ada@example.com are one address.
 */
export function cleanEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  // Deliberately loose: the only reliable check of an address is mail that arrives.
  if (normalized.length > MAX_EMAIL_LENGTH || !/^[^\s@]+@[^\s@]+$/.test(normalized)) {
    throw new BadUserInputError(`"${email.slice(0, 100)}" is not an email address.`);
  }
  return normalized;
}
