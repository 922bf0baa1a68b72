// Running a mutation from a button or form: a progress indicator while it runs, then what
// happened — a notice, or every error (request errors with their code, the payload's
// userErrors with code and field) — shown next to the action that was taken, with focus on it.
import { useCallback, useEffect, useRef, useState } from "react";
import type { CombinedError } from "urql";
import { Busy, Done, RequestError, UserErrors, type UserErrorLike } from "./ui/feedback";

interface ActionState {
  /** Which action (e.g. "end:<partnership id>") the state belongs to. */
  key: string | null;
  pending: boolean;
  error?: CombinedError;
  userErrors: readonly UserErrorLike[];
  done: string | null;
  /** Bumped when an action finishes: moves focus to its outcome. */
  finished: number;
}

const IDLE: ActionState = { key: null, pending: false, userErrors: [], done: null, finished: 0 };

export interface Action {
  state: ActionState;
  /** Whether any action of this page is running. */
  busy: boolean;
  run<D, P extends { userErrors: readonly UserErrorLike[] }>(
    key: string,
    perform: () => Promise<{ data?: D; error?: CombinedError }>,
    payloadOf: (data: D) => P | null | undefined,
    describe: (payload: P) => string,
  ): Promise<P | null>;
  /** Shows an error found before sending anything (a required choice left empty). */
  refuse(key: string, field: string, message: string): void;
  reset(): void;
}

export function useAction(): Action {
  const [state, setState] = useState<ActionState>(IDLE);

  const run: Action["run"] = useCallback(async (key, perform, payloadOf, describe) => {
    setState((s) => ({ ...IDLE, key, pending: true, finished: s.finished }));
    const result = await perform();
    const payload = result.data ? payloadOf(result.data) : null;
    const ok = !result.error && payload && payload.userErrors.length === 0;
    setState((s) => ({
      key,
      pending: false,
      error: result.error,
      userErrors: payload?.userErrors ?? [],
      done: ok && payload ? describe(payload) : null,
      finished: s.finished + 1,
    }));
    return ok ? payload : null;
  }, []);

  const refuse = useCallback((key: string, field: string, message: string) => {
    setState((s) => ({
      ...IDLE,
      key,
      userErrors: [{ code: "BAD_USER_INPUT", message, field: ["input", field] }],
      finished: s.finished + 1,
    }));
  }, []);

  const reset = useCallback(() => setState((s) => ({ ...IDLE, finished: s.finished })), []);

  return { state, busy: state.pending, run, refuse, reset };
}

/** The progress, notice or errors of `action` when they belong to `forKey` (or any of `forKeys`). */
export function ActionOutcome({
  action,
  forKey,
  busyLabel = "Saving",
}: {
  action: Action;
  forKey: string | readonly string[];
  busyLabel?: string;
}) {
  const { state } = action;
  const mine = state.key !== null && (typeof forKey === "string" ? state.key === forKey : forKey.includes(state.key));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (mine && state.finished > 0) ref.current?.focus();
    // Only when an action finishes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.finished]);
  if (!mine) return null;
  return (
    <div className="outcome" ref={ref} tabIndex={-1}>
      {state.pending && <Busy label={busyLabel} />}
      <RequestError error={state.error} />
      <UserErrors errors={state.userErrors} />
      {state.done && <Done>{state.done}</Done>}
    </div>
  );
}

/**
 * A question asked before a destructive action, in place: focus moves to its confirm
 * button, and back to whatever opened it when cancelled.
 */
export function Confirm({
  id,
  question,
  detail,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  id: string;
  question: string;
  detail: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    confirmRef.current?.focus();
  }, []);
  function cancel() {
    onCancel();
    const previous = opener.current;
    if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
  }
  return (
    <div className="confirm" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`} className="question">
        {question}
      </p>
      <p className="small">{detail}</p>
      <div className="actions">
        <button type="button" className="danger" ref={confirmRef} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
