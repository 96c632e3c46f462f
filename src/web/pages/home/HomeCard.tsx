import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';

/** One part of the home page: a card with its title and, when given, a link to the full page. */
export function HomeCard({ title, testId, link, children }: { title: string; testId: string; link?: { to: string; label: string }; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId} data-testid={testId}>
      <div className="section-title-row">
        <h2 id={titleId} className="section-title">
          {title}
        </h2>
        {link && (
          <Link to={link.to} className="button button-secondary button-compact">
            {link.label}
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}
