// Sign-in through an organization's identity provider (authorization code with PKCE).
// Written in the OIDC branch; until then the token form is the only way in.
export function OidcSignIn() {
  return null;
}

/** The page the identity provider sends the browser back to: /console/oidc/callback. */
export function OidcCallback() {
  return null;
}
