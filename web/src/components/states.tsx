import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { Loadable } from '../use-api.js';

/** Render a loadable: a quiet loading line, the server's error, or the content. */
export function Loaded<T>({ value, children }: { value: Loadable<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (value.state === 'loading')
    return (
      <p className="loading" aria-busy="true">
        {t('common.loading')}
      </p>
    );
  if (value.state === 'error')
    return (
      <p className="error" role="alert">
        {t('common.error', { message: value.message })}
      </p>
    );
  return <>{children(value.data)}</>;
}

/** An empty state that says what would fill the view and how to get there. */
export function Empty({ title, hint }: { title: string; hint?: string }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {hint && <p className="muted">{hint}</p>}
    </div>
  );
}
