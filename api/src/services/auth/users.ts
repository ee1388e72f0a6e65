import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, UnauthenticatedError } from '../../domain/errors';
import { NAME_MAX_LENGTH } from '../../domain/validation';
import { User } from '../../persistence/entities';
import { inTransaction } from '../transaction';
import { issueCredential } from './credentials';
import type { LoginThrottle } from './login-throttle';
import { hashPassword, validPassword, verifyPassword } from './passwords';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string, field = 'input.email'): string {
  const normalised = email.trim().toLowerCase();
  if (normalised.length > 254 || !EMAIL.test(normalised)) {
    throw new BadUserInputError(`"${email.slice(0, 80)}" is not an email address.`, field);
  }
  return normalised;
}

export interface CreateUserInput {
  email: string;
  password: string;
  name?: string | null;
  administrator?: boolean;
}

export async function createUser(em: EntityManager, input: CreateUserInput): Promise<User> {
  const email = normaliseEmail(input.email);
  const password = validPassword(input.password, 'input.password');
  const name = (input.name ?? '').trim();
  if (name.length > NAME_MAX_LENGTH) {
    throw new BadUserInputError(`A name has at most ${NAME_MAX_LENGTH} characters.`, 'input.name');
  }
  const passwordHash = await hashPassword(password);
  return inTransaction(em, async (tx) => {
    if (await tx.findOne(User, { email })) {
      throw new BadUserInputError(`A user with the email ${email} already exists.`, 'input.email');
    }
    return tx.create(User, { email, name, passwordHash, administrator: input.administrator ?? false });
  });
}

/**
 * Signs a user in: a new session secret for the cookie and the response. Unknown email and wrong
 * password answer alike, so the response does not reveal which accounts exist.
 */
export async function login(
  em: EntityManager,
  throttle: LoginThrottle,
  input: { email: string; password: string; address: string },
): Promise<{ user: User; secret: string }> {
  const email = input.email.trim().toLowerCase();
  throttle.assertAllowed(email, input.address);
  const user = await em.findOne(User, { email });
  const valid = user ? await verifyPassword(input.password, user.passwordHash) : false;
  if (!user || !valid) {
    throttle.recordFailure(email, input.address);
    throw new UnauthenticatedError('The email or the password is wrong.');
  }
  throttle.recordSuccess(email);
  const { secret } = await issueCredential(em, user, 'SESSION');
  return { user, secret };
}

/**
 * On a database without users, creates the first administrator: from USM_ADMIN_EMAIL and
 * USM_ADMIN_PASSWORD when set, otherwise admin@localhost with a random password that the caller prints
 * once. Returns null when users already exist.
 */
export async function ensureFirstAdministrator(
  em: EntityManager,
  env: { email?: string; password?: string },
): Promise<{ user: User; generatedPassword: string | null } | null> {
  if ((await em.count(User)) > 0) return null;
  const generatedPassword = env.password ? null : randomBytes(12).toString('base64url');
  const user = await createUser(em, {
    email: env.email ?? 'admin@localhost.localdomain',
    password: env.password ?? generatedPassword!,
    name: 'Administrator',
    administrator: true,
  });
  return { user, generatedPassword };
}
