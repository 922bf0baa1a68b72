// Who is signed in: a bearer token kept for this browser tab (sessionStorage), the viewer it
// names, and signing out. Tokens come from the sign-in page (pasted, or from the
// organization's identity provider).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

const TOKEN_KEY = "praxis.console.token";

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

interface Auth {
  token: string | null;
  signIn: (token: string) => void;
  signOut: () => void;
}

const AuthContext = createContext<Auth>({ token: null, signIn: () => {}, signOut: () => {} });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(storedToken);
  const signIn = useCallback((next: string) => {
    sessionStorage.setItem(TOKEN_KEY, next.trim());
    setToken(next.trim());
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
  }, []);
  const value = useMemo(() => ({ token, signIn, signOut }), [token, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  return useContext(AuthContext);
}
