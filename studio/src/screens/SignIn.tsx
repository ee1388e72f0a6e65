import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage, gatewayErrorFrom } from '../data/errors';
import { LoginMutation } from '../data/operations';

export function SignIn() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, login] = useMutation(LoginMutation);
  const errorId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const result = await login({ email: email.trim(), password });
    if (result.error) {
      const code = gatewayErrorFrom(result.error).code;
      setProblem(code === 'UNAUTHENTICATED' ? 'Wrong email or password.' : errorMessage(result.error));
    }
    // On success the cache now holds the signed-in user, and the app moves on by itself.
  }

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={submit} aria-describedby={problem ? errorId : undefined}>
        <div className="sign-in__brand">
          <span className="brand-mark brand-mark--large" aria-hidden="true" />
          <div>
            <h1>USM Studio</h1>
            <p className="muted">Model your service organisation the USM way.</p>
          </div>
        </div>
        <label className="field">
          <span className="field__label">Email</span>
          <input
            className="input"
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">Password</span>
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {problem && (
          <p id={errorId} className="form-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--primary button--wide" disabled={fetching}>
          {fetching ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted small">Accounts are created by an administrator; there is no open sign-up.</p>
      </form>
    </main>
  );
}
