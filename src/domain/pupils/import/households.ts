import type { IncomingGuardian } from './incoming.js';
import { fold } from './text.js';

/**
 * What identifies a guardian across rows and imports: their e-mail address, else their name with
 * their phone number. A guardian with neither e-mail nor phone is known only on their own row
 * (null): two "J. Smit"s are not assumed to be one person.
 */
export function guardianKey(guardian: Pick<IncomingGuardian, 'name' | 'phone' | 'email'>): string | null {
  if (guardian.email) return `e:${guardian.email.trim().toLowerCase()}`;
  const digits = (guardian.phone ?? '').replace(/\D/g, '');
  if (digits) return `n:${fold(guardian.name)}|${digits}`;
  return null;
}

/**
 * The households of a file: the pupil and the guardians on one row form a household, and pupils
 * who share a guardian are in the same one (so siblings are known). Returns the pupils' keys in
 * groups, in file order.
 */
export function householdsOf(rows: readonly { pupilKey: string; guardianKeys: readonly string[] }[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const { pupilKey, guardianKeys } of rows) {
    const p = `p:${pupilKey}`;
    if (!parent.has(p)) parent.set(p, p);
    for (const key of guardianKeys) {
      const g = `g:${key}`;
      if (!parent.has(g)) parent.set(g, g);
      union(p, g);
    }
  }
  const groups = new Map<string, string[]>();
  for (const { pupilKey } of rows) {
    const root = find(`p:${pupilKey}`);
    const members = groups.get(root) ?? [];
    if (!members.includes(pupilKey)) members.push(pupilKey);
    groups.set(root, members);
  }
  return [...groups.values()];
}
