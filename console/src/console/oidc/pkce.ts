// The browser's half of an OpenID Connect authorization code flow with PKCE (RFC 7636, S256):
// random values, the code challenge, the pending sign-in kept for this tab between the
// redirect to the identity provider and its answer, and reading an ID token's claims.

const PENDING_KEY = "praxis.console.oidc.pending";

/** What the tab remembers while the identity provider has the browser. */
export interface PendingSignIn {
  organization: string;
  issuer: string;
  clientId: string;
  tokenEndpoint: string;
  bearerToken: "ID_TOKEN" | "ACCESS_TOKEN";
  redirectUri: string;
  state: string;
  nonce: string;
  verifier: string;
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** `bytes` random bytes, base64url (32 bytes: a 43-character code verifier). */
export function randomValue(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** BASE64URL(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function savePending(pending: PendingSignIn): void {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
}

/** The pending sign-in, removed as it is read: an answer is used once. */
export function takePending(): PendingSignIn | null {
  const text = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as PendingSignIn;
  } catch {
    return null;
  }
}

/** The claims of a JWT, unverified (the API verifies the signature; this checks the nonce). */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), "="));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === "object" ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
