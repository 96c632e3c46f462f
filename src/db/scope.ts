/**
 * Whom a repository works for: the school a person acts for, and the person. Repositories that
 * take a Scope filter by its school themselves, so a query without the tenant filter cannot be
 * written by accident. Background jobs use a plainly named system repository instead.
 */
export interface Scope {
  schoolId: string;
  userId: string;
}
