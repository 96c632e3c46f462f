import type { ReactNode } from 'react';

/** A calm message that is announced politely: a success or a piece of information. */
export function Notice({ tone, children }: { tone: 'success' | 'info'; children: ReactNode }) {
  return (
    <div role="status" className={`alert alert-${tone}`}>
      {children}
    </div>
  );
}
