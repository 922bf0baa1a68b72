// A small OpenID Connect provider for the browser tests, on a loopback port: an RS256 key pair,
// /authorize (redirects back with a code, or with an error), /token (checks the PKCE verifier,
// answers with an ID token signed with the key, CORS open to the console) and /jwks.
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Person {
  sub: string;
  name: string;
  email?: string;
  admin?: boolean;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | null;
  person: Person;
}

export interface MockIdp {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUrl: string;
  /** Who /authorize signs in (as if they had typed their password). */
  person: Person;
  /** What /authorize answers next: a code, an error, or a code with another state. */
  answer: "code" | "access_denied" | "wrong_state";
  /** Every /authorize request's query, and every /token request's form, in order. */
  authorizeRequests: URLSearchParams[];
  tokenRequests: { form: URLSearchParams; status: number }[];
  close(): Promise<void>;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64url");
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startMockIdp(): Promise<MockIdp> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = `mock-${randomBytes(4).toString("hex")}`;
  const jwk = { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  const grants = new Map<string, Grant>();

  const idp: MockIdp = {
    issuer: "",
    authorizationEndpoint: "",
    tokenEndpoint: "",
    jwksUrl: "",
    person: { sub: "nobody", name: "Nobody" },
    answer: "code",
    authorizeRequests: [],
    tokenRequests: [],
    close: () => Promise.resolve(),
  };

  function idToken(grant: Grant): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: "RS256", typ: "JWT", kid };
    const claims: Record<string, unknown> = {
      iss: idp.issuer,
      aud: grant.clientId,
      sub: grant.person.sub,
      name: grant.person.name,
      iat: now,
      exp: now + 600,
    };
    if (grant.person.email) claims.email = grant.person.email;
    if (grant.person.admin) claims.roles = ["admin"];
    if (grant.nonce) claims.nonce = grant.nonce;
    const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    return `${input}.${base64url(sign("sha256", Buffer.from(input), privateKey))}`;
  }

  function json(res: ServerResponse, status: number, body: unknown, cors?: string): void {
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
    };
    if (cors) headers["Access-Control-Allow-Origin"] = cors;
    res.writeHead(status, headers);
    res.end(JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", idp.issuer);
    const origin = req.headers.origin ?? "*";
    if (url.pathname === "/jwks") return json(res, 200, { keys: [jwk] });
    if (url.pathname === "/authorize" && req.method === "GET") {
      const q = url.searchParams;
      idp.authorizeRequests.push(q);
      const redirect = new URL(q.get("redirect_uri") ?? "");
      if (idp.answer === "access_denied") {
        redirect.searchParams.set("error", "access_denied");
        redirect.searchParams.set("error_description", "The user declined the sign-in");
        redirect.searchParams.set("state", q.get("state") ?? "");
      } else {
        const code = randomBytes(16).toString("base64url");
        grants.set(code, {
          clientId: q.get("client_id") ?? "",
          redirectUri: q.get("redirect_uri") ?? "",
          challenge: q.get("code_challenge") ?? "",
          nonce: q.get("nonce"),
          person: idp.person,
        });
        redirect.searchParams.set("code", code);
        redirect.searchParams.set(
          "state",
          idp.answer === "wrong_state" ? "not-the-state-you-sent" : (q.get("state") ?? ""),
        );
      }
      res.writeHead(302, { Location: redirect.toString() });
      res.end();
      return;
    }
    if (url.pathname === "/token" && req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": "POST",
        "Access-Control-Allow-Headers": "Content-Type, Accept",
      });
      res.end();
      return;
    }
    if (url.pathname === "/token" && req.method === "POST") {
      const form = new URLSearchParams(await readBody(req));
      const refuse = (description: string) => {
        idp.tokenRequests.push({ form, status: 400 });
        json(res, 400, { error: "invalid_grant", error_description: description }, origin);
      };
      const code = form.get("code") ?? "";
      const grant = grants.get(code);
      grants.delete(code);
      if (form.get("grant_type") !== "authorization_code") return refuse("wrong grant type");
      if (!grant) return refuse("unknown or used code");
      if (form.get("client_id") !== grant.clientId) return refuse("wrong client");
      if (form.get("redirect_uri") !== grant.redirectUri) return refuse("wrong redirect_uri");
      const verifier = form.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (verifier.length < 43 || challenge !== grant.challenge) {
        return refuse("PKCE verification failed");
      }
      idp.tokenRequests.push({ form, status: 200 });
      return json(
        res,
        200,
        {
          access_token: randomBytes(16).toString("hex"),
          token_type: "Bearer",
          expires_in: 600,
          id_token: idToken(grant),
        },
        origin,
      );
    }
    json(res, 404, { error: "not_found" });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => json(res, 500, { error: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  idp.issuer = `http://127.0.0.1:${port}`;
  idp.authorizationEndpoint = `${idp.issuer}/authorize`;
  idp.tokenEndpoint = `${idp.issuer}/token`;
  idp.jwksUrl = `${idp.issuer}/jwks`;
  idp.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return idp;
}
