import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Client, Provider, cacheExchange, fetchExchange, useQuery } from "urql";
import { graphql } from "../gql";

const ViewerQuery = graphql(`
  query ConsoleViewer {
    viewer {
      isAdmin
      person { id displayName }
      organization { id slug name }
    }
  }
`);

const client = new Client({
  url: "/graphql",
  exchanges: [cacheExchange, fetchExchange],
  fetchOptions: () => {
    const token = sessionStorage.getItem("praxis.console.token");
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    return { headers };
  },
});

function App() {
  const [{ data, fetching, error }] = useQuery({ query: ViewerQuery });
  if (fetching) return <p role="status">Loading…</p>;
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <main>
      <h1>Praxis admin console</h1>
      <p>{data?.viewer.organization?.name}</p>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Provider value={client}>
      <App />
    </Provider>
  </StrictMode>,
);
