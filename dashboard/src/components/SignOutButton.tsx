/** Ends the dashboard session on the server (`POST /logout`), then shows the sign-in page. */
export function SignOutButton() {
  const signOut = async () => {
    // JSON from this origin: the collector refuses any other kind of write that carries the session cookie.
    await fetch('/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(
      () => {},
    )
    location.assign('/login')
  }
  return (
    <button type="button" class="link" data-testid="sign-out" onClick={() => void signOut()}>
      Sign out
    </button>
  )
}
