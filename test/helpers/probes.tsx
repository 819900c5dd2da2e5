import { useCalToken, useCalUser } from '../../src/index.js';

/** Shows `status:integrationStatus` of the token, e.g. `ready:existing` or `unauthorized:none`. */
export function TokenStatus() {
  const { status, token } = useCalToken();
  return (
    <p data-testid="token">
      {status}:{token?.integrationStatus ?? 'none'}
    </p>
  );
}

/** Shows the user's email, `loading`, or `error:<kind>`. */
export function UserEmail() {
  const user = useCalUser();
  if (user.isPending) return <p data-testid="user">loading</p>;
  if (user.isError) return <p data-testid="user">error:{user.error.kind}</p>;
  return <p data-testid="user">{user.data.email}</p>;
}
