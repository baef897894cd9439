/** The sites whose browser sign-in NexStream may use (one job at a time), each revocable. */
export function SigninSites({ sites, onRevoke }: { sites: string[]; onRevoke: (site: string) => void }) {
  return (
    <section className="field signin-sites" aria-label="Sites using your browser's sign-in">
      <span>Sites using your browser’s sign-in</span>
      {sites.length === 0 ? (
        <small>None. The popup offers it when a site asks you to sign in.</small>
      ) : (
        <ul>
          {sites.map((s) => (
            <li key={s}>
              {s}{' '}
              <button type="button" className="ghost small" onClick={() => onRevoke(s)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
