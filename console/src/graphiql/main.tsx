import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import { StrictMode, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";

const TOKEN_KEY = "praxis.graphiql.token";

function endpoint(): { http: string; ws: string } {
  const http = new URL("/graphql", window.location.href);
  const ws = new URL(http);
  ws.protocol = http.protocol === "https:" ? "wss:" : "ws:";
  return { http: http.toString(), ws: ws.toString() };
}

/** `?query=` and `?variables=` of the page's URL: links from docs open with an operation. */
function fromUrl(name: "query" | "variables"): string | undefined {
  return new URLSearchParams(window.location.search).get(name) ?? undefined;
}

/** Keeps the URL's parameter in step with the editor, so the address can be shared. */
function toUrl(name: "query" | "variables", value: string): void {
  const url = new URL(window.location.href);
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  window.history.replaceState(null, "", url);
}

function App() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? "");
  // Given by the URL, then followed as edited (GraphiQL remounts when the token changes).
  const [query, setQuery] = useState(() => fromUrl("query"));
  const [variables, setVariables] = useState(() => fromUrl("variables"));
  const fetcher = useMemo(() => {
    const { http, ws } = endpoint();
    const bearer = token.trim() ? `Bearer ${token.trim()}` : undefined;
    return createGraphiQLFetcher({
      url: http,
      subscriptionUrl: ws,
      headers: bearer ? { Authorization: bearer } : undefined,
      wsConnectionParams: bearer ? { Authorization: bearer } : undefined,
    });
  }, [token]);
  return (
    <div className="praxis-graphiql">
      <form className="praxis-token" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="praxis-token">Token</label>
        <input
          id="praxis-token"
          type="password"
          autoComplete="off"
          placeholder="Paste a bearer token (sent as Authorization on queries and subscriptions)"
          value={token}
          onChange={(e) => {
            setToken(e.target.value);
            sessionStorage.setItem(TOKEN_KEY, e.target.value);
          }}
        />
        <a href="/console/">Admin console</a>
      </form>
      <div className="praxis-graphiql-editor">
        <GraphiQL
          fetcher={fetcher}
          key={token}
          query={query}
          variables={variables}
          onEditQuery={(value) => {
            setQuery(value);
            toUrl("query", value);
          }}
          onEditVariables={(value) => {
            setVariables(value);
            toUrl("variables", value);
          }}
        />
      </div>
    </div>
  );
}

const style = document.createElement("style");
style.textContent = `
  html, body, #graphiql { height: 100%; margin: 0; }
  .praxis-graphiql { display: flex; flex-direction: column; height: 100%; }
  .praxis-token { display: flex; gap: 0.5rem; align-items: center; padding: 0.4rem 0.75rem;
    font: 14px system-ui, sans-serif; border-bottom: 1px solid #ddd; }
  .praxis-token input { flex: 1; padding: 0.3rem 0.5rem; font: inherit; }
  .praxis-graphiql-editor { flex: 1; min-height: 0; }
`;
document.head.appendChild(style);

createRoot(document.getElementById("graphiql")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
