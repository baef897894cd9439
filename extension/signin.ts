/** Which failures a site sign-in can fix, and the per-site opt-in list the popup and options page share. Pure. */

/** Failures the popup answers with "Use my browser's sign-in for <site>". */
export const SIGNIN_CODES: ReadonlySet<string> = new Set(['media.signin_required', 'media.forbidden', 'media.private', 'media.members_only', 'media.age_restricted']);

/** 'https://www.youtube.com/watch?v=x' -> 'https://www.youtube.com'; null for non-http(s). */
export function siteOrigin(url: string | null | undefined): string | null {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Cookies are read only for a site the user opted in for (and only while the cookies permission is granted). */
export function isSignedInSite(sites: readonly string[], url: string | null | undefined): boolean {
  const o = siteOrigin(url);
  return !!o && sites.includes(o);
}
