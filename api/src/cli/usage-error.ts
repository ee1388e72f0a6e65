/** A mistake in how the command was called: reported as `usm: <message>` with exit code 2. */
export class UsageError extends Error {}
