// The GraphQL client: urql over POST /graphql with the signed-in token. The console talks to
// the public API only, so every operation here is one an integrator could send.
import { Client, cacheExchange, fetchExchange } from "urql";

export function makeClient(token: string | null): Client {
  return new Client({
    url: "/graphql",
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: "cache-and-network",
    fetchOptions: () => {
      const headers: Record<string, string> = {};
      if (token) headers.Authorization = `Bearer ${token}`;
      return { headers };
    },
  });
}
