// Sign-in through an organization's identity provider: OpenID Connect authorization code with
// PKCE (S256), as a public client. The sign-in page asks the API for the organization's login
// (public `oidcLogin`), sends the browser to the provider with a random state and nonce, and
// the callback page checks them, exchanges the code at the provider's token endpoint and keeps
// the token as the token form does. The API verifies the token like any other.
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { graphql } from "../../gql";
import type { OidcLoginQuery } from "../../gql/graphql";
import { useAuth } from "../auth";
import { makeClient } from "../client";
import { Busy } from "../ui/feedback";
import {
  codeChallenge,
  jwtClaims,
  randomValue,
  savePending,
  takePending,
  type PendingSignIn,
} from "./pkce";

const OidcLoginDocument = graphql(`
  query OidcLogin($organization: String!) {
    oidcLogin(organization: $organization) {
      issuer
      clientId
      authorizationEndpoint
      tokenEndpoint
      scopes
      bearerToken
    }
  }
`);

type Login = NonNullable<OidcLoginQuery["oidcLogin"]>;

const ORGANIZATION_KEY = "praxis.console.oidc.organization";
const CALLBACK_PATH = "/console/oidc/callback";

function redirectUri(): string {
  return new URL(CALLBACK_PATH, window.location.origin).toString();
}

/** Sends the browser to the identity provider; the tab keeps what the answer is checked by. */
async function startSignIn(organization: string, login: Login): Promise<void> {
  const pending: PendingSignIn = {
    organization,
    issuer: login.issuer,
    clientId: login.clientId,
    tokenEndpoint: login.tokenEndpoint,
    bearerToken: login.bearerToken,
    redirectUri: redirectUri(),
    state: randomValue(16),
    nonce: randomValue(16),
    verifier: randomValue(32),
  };
  const url = new URL(login.authorizationEndpoint);
  const params = url.searchParams;
  params.set("response_type", "code");
  params.set("client_id", login.clientId);
  params.set("redirect_uri", pending.redirectUri);
  params.set("scope", login.scopes);
  params.set("state", pending.state);
  params.set("nonce", pending.nonce);
  params.set("code_challenge", await codeChallenge(pending.verifier));
  params.set("code_challenge_method", "S256");
  savePending(pending);
  window.location.assign(url.toString());
}

/** The sign-in page's section: an organization's slug, then "Sign in with <issuer>". */
export function OidcSignIn() {
  const [organization, setOrganization] = useState(
    () => localStorage.getItem(ORGANIZATION_KEY) ?? "",
  );
  const [looking, setLooking] = useState(false);
  const [found, setFound] = useState<{ organization: string; login: Login } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [redirecting, setRedirecting] = useState(false);

  async function lookUp(e: React.FormEvent) {
    e.preventDefault();
    const slug = organization.trim();
    if (!slug) return;
    setLooking(true);
    setFound(null);
    setProblem(null);
    const result = await makeClient(null)
      .query(OidcLoginDocument, { organization: slug }, { requestPolicy: "network-only" })
      .toPromise();
    setLooking(false);
    if (result.error) {
      setProblem(`Could not ask Praxis for the sign-in of “${slug}”: ${result.error.message}`);
      return;
    }
    const login = result.data?.oidcLogin;
    if (!login) {
      setProblem(
        `“${slug}” has no sign-in through an identity provider here. Check the organization's ` +
          "short name, or sign in with a token.",
      );
      return;
    }
    localStorage.setItem(ORGANIZATION_KEY, slug);
    setFound({ organization: slug, login });
  }

  async function go() {
    if (!found) return;
    setRedirecting(true);
    try {
      await startSignIn(found.organization, found.login);
    } catch (err) {
      setRedirecting(false);
      setProblem(`Could not start the sign-in: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <section aria-labelledby="oidc-heading">
      <h2 id="oidc-heading">Sign in through your organization</h2>
      <form onSubmit={lookUp}>
        <label>
          Organization
          <input
            name="organization"
            autoComplete="organization"
            spellCheck={false}
            placeholder="e.g. acme"
            value={organization}
            onChange={(e) => {
              setOrganization(e.target.value);
              setFound(null);
            }}
            required
          />
        </label>
        <button type="submit" className="secondary" disabled={looking}>
          Continue
        </button>
      </form>
      {looking && <Busy label="Looking up the organization's sign-in" />}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {found && (
        <p>
          <button type="button" onClick={go} disabled={redirecting}>
            Sign in with {found.login.issuer}
          </button>
        </p>
      )}
      {redirecting && <Busy label="Going to the identity provider" />}
    </section>
  );
}

/** Why a sign-in through the identity provider did not end with a token. */
class SignInFailure extends Error {}

/** Checks the provider's answer and exchanges its code; returns the bearer token to keep. */
async function finishSignIn(search: URLSearchParams): Promise<string> {
  const pending = takePending();
  const error = search.get("error");
  if (error) {
    const description = search.get("error_description");
    throw new SignInFailure(
      `The identity provider did not sign you in: ${error}${description ? ` (${description})` : ""}.`,
    );
  }
  if (!pending) {
    throw new SignInFailure(
      "No sign-in was started in this tab, or its answer was already used. Start again.",
    );
  }
  if (search.get("state") !== pending.state) {
    throw new SignInFailure(
      "The identity provider's answer does not belong to the sign-in this tab started (state " +
        "mismatch). Nothing was signed in; start again.",
    );
  }
  const code = search.get("code");
  if (!code) throw new SignInFailure("The identity provider's answer has no authorization code.");

  let response: Response;
  try {
    response = await fetch(pending.tokenEndpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: pending.redirectUri,
        client_id: pending.clientId,
        code_verifier: pending.verifier,
      }),
    });
  } catch {
    throw new SignInFailure(
      `Could not reach the token endpoint ${pending.tokenEndpoint} (is this console's origin ` +
        "allowed by its CORS settings?).",
    );
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok || !body) {
    const reason = body && typeof body.error === "string" ? body.error : `HTTP ${response.status}`;
    const detail =
      body && typeof body.error_description === "string" ? ` (${body.error_description})` : "";
    throw new SignInFailure(`The token endpoint refused the code: ${reason}${detail}.`);
  }
  const idToken = typeof body.id_token === "string" ? body.id_token : null;
  const claims = idToken ? jwtClaims(idToken) : null;
  if (!idToken || !claims) {
    throw new SignInFailure("The token endpoint's answer has no readable ID token.");
  }
  if (claims.nonce !== pending.nonce) {
    throw new SignInFailure(
      "The ID token was not issued for this sign-in (nonce mismatch). Nothing was signed in.",
    );
  }
  if (claims.iss !== pending.issuer) {
    throw new SignInFailure(
      `The ID token comes from ${String(claims.iss)}, not from ${pending.issuer}.`,
    );
  }
  if (pending.bearerToken === "ACCESS_TOKEN") {
    if (typeof body.access_token !== "string") {
      throw new SignInFailure("The token endpoint's answer has no access token.");
    }
    return body.access_token;
  }
  return idToken;
}

/** The page the identity provider sends the browser back to: /console/oidc/callback. */
export function OidcCallback() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const started = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Once per page load: the pending sign-in is used up by the first attempt.
    if (started.current) return;
    started.current = true;
    finishSignIn(new URLSearchParams(window.location.search))
      .then((token) => {
        navigate("/", { replace: true });
        signIn(token);
      })
      .catch((err: unknown) => {
        setFailure(
          err instanceof SignInFailure
            ? err.message
            : `The sign-in failed: ${err instanceof Error ? err.message : String(err)}`,
        );
      });
  }, [navigate, signIn]);

  useEffect(() => {
    if (failure) heading.current?.focus();
  }, [failure]);

  return (
    <main className="narrow" id="main">
      <h1 ref={heading} tabIndex={-1}>
        {failure ? "Sign-in failed" : "Signing in"}
      </h1>
      {failure ? (
        <>
          <p className="error" role="alert">
            {failure}
          </p>
          <p>
            <a href="/console/">Back to sign-in</a>
          </p>
        </>
      ) : (
        <Busy label="Finishing the sign-in with your identity provider" />
      )}
    </main>
  );
}
