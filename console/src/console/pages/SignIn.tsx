// Sign in by pasting a token, or through the organization's identity provider when it has
// configured an OpenID Connect login (oidc/).
import { useState } from "react";
import { useAuth } from "../auth";
import { OidcSignIn } from "../oidc/OidcSignIn";

export function SignIn() {
  const { signIn } = useAuth();
  const [token, setToken] = useState("");
  return (
    <main className="narrow" id="main">
      <h1>Praxis admin console</h1>
      <section aria-labelledby="paste-heading">
        <h2 id="paste-heading">Sign in with a token</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (token.trim()) signIn(token);
          }}
        >
          <label htmlFor="token">Bearer token</label>
          <textarea
            id="token"
            rows={4}
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
          />
          <button type="submit">Sign in</button>
        </form>
      </section>
      <OidcSignIn />
    </main>
  );
}
