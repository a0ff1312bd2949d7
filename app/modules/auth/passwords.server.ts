import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to Argon2id, version 0x13, 19 MiB, 2 passes, 1 lane: the OWASP minimum for Argon2id.
// Its `Algorithm` is a `const enum` that our isolatedModules build cannot read, and it is an empty object at run
// time, so we rely on the default and tests/unit/auth/passwords.test.ts proves the hash says `$argon2id$`.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

// Verified against when the email matches no account, or an invited account without a password yet, so a wrong
// address takes as long to refuse as a wrong password and timing reveals nothing. Made once, lazily.
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hash('decoy password that matches nothing');
  await verify(await decoyHash, password);
  return false;
}
