import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionUser } from '../../src/model/api.js';
import { api, ApiFailure, setUnauthorizedHandler } from './api.js';

interface SessionValue {
  /** undefined while the first whoami is under way; null when signed out. */
  user: SessionUser | null | undefined;
  /** Whether this user may accept, edit and reject claims (analysts and admins). */
  canReview: boolean;
  login(username: string, password: string, totp?: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.whoami().then(
      (session) => live && setUser(session.user),
      () => live && setUser(null),
    );
    setUnauthorizedHandler(() => setUser(null));
    return () => {
      live = false;
      setUnauthorizedHandler(null);
    };
  }, []);
  const login = useCallback(async (username: string, password: string, totp?: string) => {
    const session = await api.login({ username, password, ...(totp ? { totp } : {}) });
    setUser(session.user);
  }, []);
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
    }
    setUser(null);
  }, []);
  const value = useMemo<SessionValue>(() => ({ user, canReview: user?.role === 'analyst' || user?.role === 'admin', login, logout }), [user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
