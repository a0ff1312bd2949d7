import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '~/modules/auth/passwords.server';

describe('password hashing', () => {
  it('uses Argon2id and verifies only the same password', async () => {
    const stored = await hashPassword('a long enough passphrase');
    expect(stored.startsWith('$argon2id$v=19$')).toBe(true);
    expect(await verifyPassword(stored, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(stored, 'a long enough passphrasE')).toBe(false);
  });

  it('salts each hash, so the same password never gives the same string', async () => {
    expect(await hashPassword('same password twice')).not.toBe(await hashPassword('same password twice'));
  });

  it('always refuses through the decoy used for unknown accounts', async () => {
    expect(await verifyAgainstDecoy('decoy password that matches nothing')).toBe(false);
  });
});
