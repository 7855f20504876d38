/** "These two names are one entity" (merge) or "this mention is of that entity" (split). */
export type EntityDecision =
  | { kind: 'merge'; entityKind: string; keep: string; merge: string }
  | { kind: 'split'; entityKind: string; mentionKey: string; from: string; to: string };
