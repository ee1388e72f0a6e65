import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { createApiToken, listApiTokens, revokeApiToken, revokeSecret } from '../../services/auth/credentials';
import { createUser, login, normaliseEmail } from '../../services/auth/users';
import { User } from '../../persistence/entities';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import { apiTokenView, userNode } from '../mappers';
import { clearSessionCookie, setSessionCookie } from '../session-cookie';
import {
  ApiTokenView,
  CreateApiTokenInput,
  CreateUserInput,
  NewApiTokenView,
  RevokeApiTokenInput,
  SessionView,
  UserNode,
} from '../types/auth';

@Resolver()
export class AuthResolver {
  @Access('PUBLIC')
  @Mutation(() => SessionView, {
    description:
      'Signs in: sets an HTTP-only session cookie and returns the same session as a bearer token. ' +
      'Repeated failures are refused with RATE_LIMITED.',
  })
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() { em, throttle, address, response }: RequestContext,
  ): Promise<SessionView> {
    const session = await login(em, throttle, { email, password, address });
    if (response) setSessionCookie(response, session.secret);
    return { token: session.secret, user: userNode(session.user) };
  }

  @Access('PUBLIC')
  @Mutation(() => Boolean, {
    description: 'Ends the current session (cookie or token); false when there was none.',
  })
  async logout(@Ctx() { em, secret, response }: RequestContext): Promise<boolean> {
    if (response) clearSessionCookie(response);
    return secret ? revokeSecret(em, secret) : false;
  }

  @Access('PUBLIC')
  @Query(() => UserNode, { nullable: true, description: 'The signed-in user; null when signed out.' })
  me(@Ctx() { access }: RequestContext) {
    return access.user ? userNode(access.user) : null;
  }

  @Access('ADMINISTRATOR')
  @Mutation(() => UserNode, {
    description: 'Creates a user (administrators only; there is no open sign-up).',
  })
  async createUser(
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
    @Ctx() { em }: RequestContext,
  ) {
    return userNode(await createUser(em, { ...input, administrator: input.administrator ?? false }));
  }

  @Access('SIGNED_IN')
  @Query(() => UserNode, {
    nullable: true,
    description: 'The user with exactly this email, to add them to an organisation; null when there is none.',
  })
  async userByEmail(@Arg('email', () => String) email: string, @Ctx() { em }: RequestContext) {
    const user = await em.findOne(User, { email: normaliseEmail(email, 'email') });
    return user ? userNode(user) : null;
  }

  @Access('SIGNED_IN')
  @Mutation(() => NewApiTokenView, {
    description: 'Creates a personal API token; its secret is shown only in this answer.',
  })
  async createApiToken(
    @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const { credential, secret } = await createApiToken(em, access.requireUser(), input.name);
    return { token: secret, apiToken: apiTokenView(credential) };
  }

  @Access('SIGNED_IN')
  @Query(() => [ApiTokenView], { description: "The signed-in user's API tokens that are not revoked." })
  async apiTokens(@Ctx() { em, access }: RequestContext) {
    return (await listApiTokens(em, access.requireUser())).map(apiTokenView);
  }

  @Access('SIGNED_IN')
  @Mutation(() => Boolean, {
    description: 'Revokes one of your API tokens; requests with it are refused from now on.',
  })
  revokeApiToken(
    @Arg('input', () => RevokeApiTokenInput) input: RevokeApiTokenInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    return revokeApiToken(em, access.requireUser(), storedIdOf(input.id, 'ApiToken', 'input.id'));
  }
}
