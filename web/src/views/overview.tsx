import { api } from '../api.js';
import { ActsByMonthChart, FiguresByIncidentChart, IncidentTimeline } from '../components/charts.js';
import { Empty, Loaded } from '../components/states.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router.js';
import { useApi } from '../use-api.js';

/** The record at a glance: counts, acts over time by type, figure ranges per incident, incidents on a time line. */
export function OverviewView() {
  const { t, number } = useI18n();
  const [overview] = useApi((signal) => api.overview(signal), 'overview');
  return (
    <section className="overview">
      <div className="view-head">
        <h1>{t('overview.title')}</h1>
      </div>
      <Loaded value={overview}>
        {(data) =>
          data.counts.documents === 0 ? (
            <Empty title={t('overview.empty')} hint={t('overview.emptyHint')} />
          ) : (
            <>
              <div className="tiles">
                <Link to="/" className="tile">
                  <span className="tile-number">{number(data.counts.documents)}</span>
                  <span className="tile-label">{t('overview.documents', { count: data.counts.documents })}</span>
                </Link>
                <div className="tile">
                  <span className="tile-number">{number(data.counts.sources)}</span>
                  <span className="tile-label">{t('overview.sources', { count: data.counts.sources })}</span>
                </div>
                <Link to="/incidents" className="tile">
                  <span className="tile-number">{number(data.counts.incidents)}</span>
                  <span className="tile-label">{t('overview.incidents', { count: data.counts.incidents })}</span>
                </Link>
                <Link to="/review" className="tile">
                  <span className="tile-number">{number(data.counts.claims.proposed)}</span>
                  <span className="tile-label">{t('overview.proposed', { count: data.counts.claims.proposed })}</span>
                </Link>
                <div className="tile">
                  <span className="tile-number">{number(data.counts.claims.accepted + data.counts.claims.edited)}</span>
                  <span className="tile-label">{t('overview.reviewed', { count: data.counts.claims.accepted + data.counts.claims.edited })}</span>
                </div>
                <div className="tile">
                  <span className="tile-number">{number(data.counts.claims.rejected)}</span>
                  <span className="tile-label">{t('overview.rejected', { count: data.counts.claims.rejected })}</span>
                </div>
              </div>
              <div className="panel">
                <h2>{t('overview.actsOverTime')}</h2>
                <ActsByMonthChart rows={data.actsByMonth} />
              </div>
              <div className="panel">
                <h2>{t('overview.figuresByIncident')}</h2>
                <p className="muted small">{t('overview.figuresHint')}</p>
                <FiguresByIncidentChart rows={data.figuresByIncident} />
              </div>
              <div className="panel">
                <h2>{t('overview.timeline')}</h2>
                <IncidentTimeline rows={data.timeline} />
              </div>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
