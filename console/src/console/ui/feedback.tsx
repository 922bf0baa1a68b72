// How the console shows waiting and failure: a progress indicator for every wait, and every
// error with its code (GraphQL errors' extensions.code, user errors' code and field).
import type { CombinedError } from "urql";

export interface UserErrorLike {
  code: string;
  message: string;
  field: readonly string[];
}

export function Busy({ label = "Loading" }: { label?: string }) {
  return (
    <p className="busy" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}…
    </p>
  );
}

/** Errors of a request (network or GraphQL), each with its code. */
export function RequestError({ error }: { error?: CombinedError }) {
  if (!error) return null;
  const items = error.networkError
    ? [{ code: "NETWORK", message: error.networkError.message }]
    : error.graphQLErrors.map((e) => ({
        code: String((e.extensions?.code as string | undefined) ?? "ERROR"),
        message: e.message,
      }));
  return (
    <div className="error" role="alert">
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            <code>{item.code}</code> {item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The `userErrors` of a mutation payload, with the field each is about. */
export function UserErrors({ errors }: { errors?: readonly UserErrorLike[] | null }) {
  if (!errors?.length) return null;
  return (
    <div className="error" role="alert">
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <code>{e.code}</code> {e.message}
            {e.field.length > 0 && <span className="field"> ({e.field.join(".")})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A notice that something was done. */
export function Done({ children }: { children: React.ReactNode }) {
  return (
    <p className="done" role="status" aria-live="polite">
      {children}
    </p>
  );
}
