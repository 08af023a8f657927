// Who is making a request. Stored in res.locals.principal by requireAuth.
export type Principal =
  | { kind: 'token'; name: string; /** null: an admin token that reaches every project. */ projectId: string | null }
  | { kind: 'user'; username: string; sessionId: string; csrfToken: string };

export function canAccessProject(principal: Principal, projectId: string): boolean {
  return principal.kind === 'user' || principal.projectId === null || principal.projectId === projectId;
}

export function describePrincipal(principal: Principal): Record<string, unknown> {
  return principal.kind === 'user'
    ? { kind: 'user', username: principal.username }
    : { kind: 'token', name: principal.name, projectId: principal.projectId };
}
