import { useEffect, useRef, type ReactNode } from 'react';

let firstHeadingShown = false;

/**
 * The page's one <h1>. After moving to another page inside the app, focus goes to it, so a screen
 * reader announces the new page; on the first page load focus is left alone.
 */
export function PageHeading({ children, testId }: { children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstHeadingShown) ref.current?.focus();
    firstHeadingShown = true;
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} data-testid={testId} className="page-heading">
      {children}
    </h1>
  );
}
