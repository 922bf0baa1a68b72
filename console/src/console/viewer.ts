import { createContext, useContext } from "react";

/** The signed-in admin and their organization, for every page. */
export interface ConsoleViewer {
  organization: { id: string; slug: string; name: string };
  person: { id: string; displayName?: string | null } | null;
}

export const ViewerContext = createContext<ConsoleViewer | null>(null);

export function useViewer(): ConsoleViewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("useViewer outside the signed-in frame");
  return viewer;
}
