import { describe, expect, it } from 'vitest';
import { changeRoleSchema, inviteUserSchema, newPasswordSchema, signInSchema } from '~/modules/auth/schemas';

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
}

describe('sign-in form', () => {
  it('normalises the email address and asks for missing answers', () => {
    expect(signInSchema.parse({ email: '  Jo.Bloggs@Example.COM ', password: 'x' }).email).toBe('jo.bloggs@example.com');
    expect(errorsOf(signInSchema.safeParse({ email: '', password: '' }))).toEqual({
      email: 'Enter your email address',
      password: 'Enter your password',
    });
    expect(errorsOf(signInSchema.safeParse({ email: 'not-an-email', password: 'x' }))).toEqual({
      email: 'Enter an email address in the correct format, like name@example.com',
    });
  });
});

describe('new password form', () => {
  it('needs 12 characters or more', () => {
    expect(errorsOf(newPasswordSchema.safeParse({ password: '12345678901', confirmPassword: '12345678901' }))).toEqual({
      password: 'Password must be 12 characters or more',
    });
    expect(newPasswordSchema.safeParse({ password: '123456789012', confirmPassword: '123456789012' }).success).toBe(true);
  });

  it('needs the same password twice', () => {
    expect(errorsOf(newPasswordSchema.safeParse({ password: 'correct horse battery', confirmPassword: 'correct horse batterY' }))).toEqual({
      confirmPassword: 'The passwords do not match. Enter the same password twice',
    });
  });
});

describe('invitation form', () => {
  const base = { name: 'Sam Patel', email: 'sam@example.test' };

  it('requires a council for council roles', () => {
    expect(errorsOf(inviteUserSchema.safeParse({ ...base, role: 'socialWorker', councilId: '' }))).toEqual({
      councilId: 'Select the council this person works for',
    });
    expect(inviteUserSchema.parse({ ...base, role: 'socialWorker', councilId: 'derbyshire' }).councilId).toBe('derbyshire');
  });

  it('forbids a council for hub, regional and administrator roles', () => {
    for (const role of ['hubOfficer', 'hubManager', 'regionalViewer', 'administrator']) {
      expect(errorsOf(inviteUserSchema.safeParse({ ...base, role, councilId: 'derbyshire' }))).toEqual({
        councilId: 'Leave the council empty: this role is not attached to a council',
      });
    }
    expect(inviteUserSchema.parse({ ...base, role: 'hubOfficer', councilId: '' }).councilId).toBeNull();
  });

  it('never invites an applicant or an unknown role', () => {
    expect(errorsOf(inviteUserSchema.safeParse({ ...base, role: 'applicant' }))).toEqual({ role: 'Select a role' });
    expect(errorsOf(changeRoleSchema.safeParse({ role: 'superuser' }))).toEqual({ role: 'Select a role' });
  });
});
