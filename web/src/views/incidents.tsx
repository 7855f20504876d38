import type { IncidentDetail, IncidentList } from '../../../src/model/api.js';
import { api } from '../api.js';
import { DocumentCitation } from '../components/document-ref.js';
import { AgreementMarker, FigureChip, useRangeText, useStatementText, type FigureWithStatements } from '../components/figures.js';
import { StatusBadge } from '../components/claim-review.js';
import { Empty, Loaded } from '../components/states.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, useRouter } from '../router.js';
import { useApi } from '../use-api.js';
import { vocabularyLabel } from '../vocabulary.js';

type ClaimStatus = 'proposed' | 'accepted' | 'edited' | 'rejected';
const asStatus = (status: string): ClaimStatus => (status === 'accepted' || status === 'edited' || status === 'rejected' ? status : 'proposed');

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A date range at the precision it has: "Oct 2006" for a whole month, "2007" for a whole year, else days. */
function useDateRange(): (start: string | null, end: string | null) => string {
  const { date, t } = useI18n();
  return (start, end) => {
    if (!start) return t('common.undated');
    if (!end || end === start) return date(start);
    const [startYear, startMonth, startDay] = start.split('-').map(Number);
    const [endYear, endMonth, endDay] = end.split('-').map(Number);
    if (startYear && startMonth && endYear && endMonth && startDay === 1 && endDay === lastDayOfMonth(endYear, endMonth)) {
      if (startMonth === 1 && endMonth === 12) return startYear === endYear ? String(startYear) : `${startYear} – ${endYear}`;
      if (startYear === endYear && startMonth === endMonth) return date(start, 'month');
      return `${date(start, 'month')} – ${date(end, 'month')}`;
    }
    return `${date(start)} – ${date(end)}`;
  };
}

const ORDERS = ['date', 'documents', 'conflicts'] as const;
type Order = (typeof ORDERS)[number];
type IncidentRow = IncidentList['incidents'][number];

/** Date order as the server gives it; or the most reported first; or those whose sources conflict first. */
function sortIncidents(incidents: IncidentRow[], order: Order): IncidentRow[] {
  if (order === 'date') return incidents;
  const conflicts = (incident: IncidentRow) => incident.figures.filter((figure) => figure.conflict).length;
  const differ = (incident: IncidentRow) => incident.figures.filter((figure) => figure.differ).length;
  return [...incidents].sort((a, b) =>
    order === 'documents' ? b.documents - a.documents || b.independentSources - a.independentSources : conflicts(b) - conflicts(a) || differ(b) - differ(a) || b.documents - a.documents,
  );
}

/** Incidents: acts grouped across sources, with their figure ranges and conflicts at a glance. */
export function IncidentsView() {
  const { t, locale } = useI18n();
  const dateRange = useDateRange();
  const [list] = useApi((signal) => api.incidents(signal), 'incidents');
  const { location, navigate } = useRouter();
  const order = ORDERS.find((value) => value === location.query.get('order')) ?? 'date';
  return (
    <section>
      <div className="view-head">
        <h1>{t('incidents.title')}</h1>
        <div className="filters inline">
          <label>
            {t('incidents.order')}
            <select value={order} onChange={(event) => navigate(event.target.value === 'date' ? '/incidents' : `/incidents?order=${event.target.value}`, { replace: true })}>
              <option value="date">{t('incidents.byDate')}</option>
              <option value="documents">{t('incidents.byDocuments')}</option>
              <option value="conflicts">{t('incidents.byConflicts')}</option>
            </select>
          </label>
        </div>
      </div>
      <Loaded value={list}>
        {(data) =>
          data.incidents.length === 0 ? (
            <Empty title={t('incidents.empty')} hint={t('incidents.emptyHint')} />
          ) : (
            <table className="grid incidents">
              <thead>
                <tr>
                  <th>{t('incidents.colIncident')}</th>
                  <th>{t('incidents.colWhen')}</th>
                  <th>{t('incidents.colFigures')}</th>
                  <th className="num">{t('incidents.colDocuments')}</th>
                  <th className="num">{t('incidents.colSources')}</th>
                </tr>
              </thead>
              <tbody>
                {sortIncidents(data.incidents, order).map((incident) => (
                  <tr key={incident.id}>
                    <td>
                      <Link to={`/incidents/${encodeURIComponent(incident.id)}`} className="doc-title">
                        {incident.title}
                      </Link>
                      <div className="tags">
                        {incident.types.map((type) => (
                          <span key={type} className={`tag act-${type}`}>
                            {vocabularyLabel('acts', type, locale)}
                          </span>
                        ))}
                        {incident.places.map((place) => (
                          <span key={place} className="tag place">
                            {place}
                          </span>
                        ))}
                      </div>
                    </td>
                    <td className="nowrap">{dateRange(incident.start, incident.end)}</td>
                    <td>
                      <div className="figure-chips">
                        {incident.figures.length === 0 ? <span className="muted">—</span> : incident.figures.map((figure) => <FigureChip key={figure.what} figure={figure} />)}
                      </div>
                    </td>
                    <td className="num">{incident.documents}</td>
                    <td className="num">{incident.independentSources}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}

/** One incident: figures with every source's statement side by side, and the acts on a timeline. */
export function IncidentView({ id }: { id: string }) {
  const [detail] = useApi((signal) => api.incident(id, signal), id);
  return <Loaded value={detail}>{(data) => <Incident incident={data} />}</Loaded>;
}

function Incident({ incident }: { incident: IncidentDetail }) {
  const { t, locale } = useI18n();
  const dateRange = useDateRange();
  return (
    <section className="incident">
      <div className="view-head">
        <div>
          <p className="breadcrumb">
            <Link to="/incidents">{t('nav.incidents')}</Link>
          </p>
          <h1>{incident.title}</h1>
          <p className="meta">
            {dateRange(incident.start, incident.end)} · {t('incidents.documents', { count: incident.documents })} · {t('figure.sources', { count: incident.independentSources })}
          </p>
          <div className="tags">
            {incident.types.map((type) => (
              <span key={type} className={`tag act-${type}`}>
                {vocabularyLabel('acts', type, locale)}
              </span>
            ))}
            {incident.places.map((place) => (
              <Link key={place} to={`/entities/place/${encodeURIComponent(place)}`} className="tag place">
                {place}
              </Link>
            ))}
          </div>
        </div>
      </div>
      <h2>{t('incident.figures')}</h2>
      {incident.figures.length === 0 ? <Empty title={t('incident.noFigures')} hint={t('incident.noFiguresHint')} /> : incident.figures.map((figure) => <FigureBlock key={figure.what} figure={figure} />)}
      <h2>{t('incident.timeline')}</h2>
      {incident.timeline.length === 0 ? (
        <Empty title={t('incident.noActs')} />
      ) : (
        <ol className="timeline">
          {incident.timeline.map((act) => (
            <li key={act.claim} className={`act-${act.type}`}>
              <div className="timeline-date">{act.date ? act.date : t('common.undated')}</div>
              <div className="timeline-body">
                <div className="timeline-head">
                  <span className={`tag act-${act.type}`}>{vocabularyLabel('acts', act.type, locale)}</span>
                  <StatusBadge status={asStatus(act.status)} />
                </div>
                <blockquote className="quote">{act.quote}</blockquote>
                <p className="cite-line">
                  <DocumentCitation document={act.document} at={act.start} />
                  {act.attributedTo && <span className="muted"> · {t('claim.according', { who: act.attributedTo })}</span>}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function FigureBlock({ figure }: { figure: FigureWithStatements }) {
  const { t, locale } = useI18n();
  const range = useRangeText();
  const statementText = useStatementText();
  return (
    <div className={`figure-block${figure.conflict ? ' has-conflict' : ''}`} data-figure={figure.what}>
      <div className="figure-summary">
        <h3>{vocabularyLabel('figures', figure.what, locale)}</h3>
        <span className="figure-range">{range(figure, figure.statements)}</span>
        <AgreementMarker figure={figure} />
        <span className="muted">
          {t('figure.sources', { count: figure.independentSources })} · {t('figure.statements', { count: figure.statements.length })}
        </span>
      </div>
      <div className="statements">
        {figure.statements.map((statement) => (
          <div key={statement.claim} className="statement">
            <div className="statement-value">
              <strong>{statementText(statement)}</strong>
              <StatusBadge status={asStatus(statement.status)} />
            </div>
            <blockquote className="quote">{statement.quote}</blockquote>
            <p className="cite-line">
              <DocumentCitation document={statement.document} at={statement.start} />
            </p>
            {statement.attributedTo && <p className="muted small">{t('claim.according', { who: statement.attributedTo })}</p>}
            {statement.origins.length > 0 && <p className="muted small">{t('figure.origins', { origins: statement.origins.join(', ') })}</p>}
          </div>
        ))}
      </div>
    </div>
  );
}
