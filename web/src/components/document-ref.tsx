import type { DocumentRef } from '../../../src/model/api.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router.js';

/** A document as views cite it: its title (or origin) linking to the reader, source and date. */
export function DocumentCitation({ document, at }: { document: DocumentRef; at?: number }) {
  const { t, date } = useI18n();
  return (
    <span className="citation">
      <Link to={`/documents/${encodeURIComponent(document.id)}${at !== undefined ? `?at=${at}` : ''}`}>{document.title ?? document.origin}</Link>
      <span className="muted">
        {' · '}
        {document.source ?? t('common.unknownSource')}
        {' · '}
        {date(document.publishedAt)}
      </span>
    </span>
  );
}
