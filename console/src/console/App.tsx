// The console's frame: sign-in when no token is held, otherwise the navigation and the page of
// the current route. Pages live in pages/, one file each.
import { useMemo } from "react";
import { BrowserRouter, NavLink, Navigate, Route, Routes, useLocation } from "react-router-dom";
import { Provider, useQuery } from "urql";
import { graphql } from "../gql";
import { AuthProvider, useAuth } from "./auth";
import { makeClient } from "./client";
import { SignIn } from "./pages/SignIn";
import { OidcCallback } from "./oidc/OidcSignIn";
import { Overview } from "./pages/Overview";
import { Partnerships } from "./pages/Partnerships";
import { Communities } from "./pages/Communities";
import { People } from "./pages/People";
import { Approvals } from "./pages/Approvals";
import { AuditLog } from "./pages/AuditLog";
import { ValueReport } from "./pages/ValueReport";
import { Busy, RequestError } from "./ui/feedback";
import { ViewerContext, type ConsoleViewer } from "./viewer";

export const ConsoleViewerQuery = graphql(`
  query ConsoleViewer {
    viewer {
      isAdmin
      isOperator
      person { id displayName }
      organization { id slug name }
    }
  }
`);

const PAGES = [
  { path: "/", label: "Overview", element: <Overview /> },
  { path: "/partnerships", label: "Partnerships", element: <Partnerships /> },
  { path: "/communities", label: "Communities", element: <Communities /> },
  { path: "/people", label: "People", element: <People /> },
  { path: "/approvals", label: "Approvals", element: <Approvals /> },
  { path: "/audit", label: "Audit log", element: <AuditLog /> },
  { path: "/value", label: "Value report", element: <ValueReport /> },
];

function Frame() {
  const { signOut } = useAuth();
  const [{ data, fetching, error }] = useQuery({ query: ConsoleViewerQuery });
  if (fetching && !data) return <Busy label="Signing in" />;
  if (error || !data) {
    return (
      <main className="narrow">
        <h1>Praxis admin console</h1>
        <RequestError error={error} />
        <button type="button" onClick={signOut}>
          Sign in again
        </button>
      </main>
    );
  }
  const viewer = data.viewer;
  const organization = viewer.organization;
  if (!organization || !viewer.isAdmin) {
    return (
      <main className="narrow">
        <h1>Praxis admin console</h1>
        <p role="alert">
          This console is for an organization's admins; this token is not an admin's of any
          organization. <a href="/graphql">GraphiQL</a> answers every token.
        </p>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </main>
    );
  }
  const consoleViewer: ConsoleViewer = {
    organization,
    person: viewer.person ?? null,
  };
  return (
    <ViewerContext.Provider value={consoleViewer}>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Praxis</span>
        <span className="org" aria-label="Organization">
          {organization.name} <code>{organization.slug}</code>
        </span>
        <span className="who">{viewer.person?.displayName}</span>
        <a href="/graphql">GraphiQL</a>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <div className="body">
        <nav aria-label="Console">
          <ul>
            {PAGES.map((page) => (
              <li key={page.path}>
                <NavLink to={page.path} end={page.path === "/"}>
                  {page.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <Routes>
            {PAGES.map((page) => (
              <Route key={page.path} path={page.path} element={page.element} />
            ))}
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </main>
      </div>
    </ViewerContext.Provider>
  );
}

function Authenticated() {
  const { token } = useAuth();
  const client = useMemo(() => makeClient(token), [token]);
  const { pathname } = useLocation();
  // The identity provider's redirect back (authorization code with PKCE), before anything
  // else: it ends with a token, or an error to show.
  if (pathname === "/oidc/callback") return <OidcCallback />;
  if (!token) return <SignIn />;
  return (
    <Provider value={client}>
      <Frame />
    </Provider>
  );
}

export function App() {
  return (
    <BrowserRouter basename="/console">
      <AuthProvider>
        <Authenticated />
      </AuthProvider>
    </BrowserRouter>
  );
}
