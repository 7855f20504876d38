import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { LOCALES, useI18n, type MessageKey } from './i18n/i18n.js';
import { Link, matchPath, useRouter } from './router.js';
import { useSession } from './session.js';
import { EntitiesView, EntityView } from './views/entities.js';
import { IncidentView, IncidentsView } from './views/incidents.js';
import { LibraryView } from './views/library.js';
import { LoginView } from './views/login.js';
import { OverviewView } from './views/overview.js';
import { ReaderView } from './views/reader.js';
import { ReviewView } from './views/review.js';

// Persons and estimates are a separate chunk, fetched on first visit: most sessions never open them,
// and the library's first load stays as small as it was.
const PersonsView = lazy(() => import('./views/persons.js').then((module) => ({ default: module.PersonsView })));
const PersonView = lazy(() => import('./views/persons.js').then((module) => ({ default: module.PersonView })));

interface Route {
  pattern: string;
  title: MessageKey;
  render(params: Record<string, string>): ReactNode;
}

const routes: Route[] = [
  { pattern: '/', title: 'nav.library', render: () => <LibraryView /> },
  { pattern: '/documents/:id', title: 'nav.reader', render: (params) => <ReaderView id={params.id as string} /> },
  { pattern: '/incidents', title: 'nav.incidents', render: () => <IncidentsView /> },
  { pattern: '/incidents/:id', title: 'nav.incidents', render: (params) => <IncidentView id={params.id as string} /> },
  { pattern: '/entities', title: 'nav.entities', render: () => <EntitiesView /> },
  { pattern: '/entities/:kind/:name', title: 'nav.entities', render: (params) => <EntityView kind={params.kind as string} name={params.name as string} /> },
  { pattern: '/persons', title: 'nav.persons', render: () => <PersonsView /> },
  { pattern: '/persons/:id', title: 'nav.persons', render: (params) => <PersonView id={params.id as string} /> },
  { pattern: '/overview', title: 'nav.overview', render: () => <OverviewView /> },
  { pattern: '/review', title: 'nav.review', render: () => <ReviewView /> },
];

const navigation: { to: string; label: MessageKey; section: string[] }[] = [
  { to: '/', label: 'nav.library', section: ['/', '/documents'] },
  { to: '/incidents', label: 'nav.incidents', section: ['/incidents'] },
  { to: '/entities', label: 'nav.entities', section: ['/entities'] },
  { to: '/persons', label: 'nav.persons', section: ['/persons'] },
  { to: '/overview', label: 'nav.overview', section: ['/overview'] },
  { to: '/review', label: 'nav.review', section: ['/review'] },
];

function isActive(path: string, section: string[]): boolean {
  return section.some((prefix) => (prefix === '/' ? path === '/' : path === prefix || path.startsWith(`${prefix}/`)));
}

function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((code) => (
        <button key={code} type="button" className={code === locale ? 'active' : ''} aria-pressed={code === locale} lang={code} onClick={() => setLocale(code)}>
          {t(code === 'en' ? 'language.en' : 'language.ru')}
        </button>
      ))}
    </div>
  );
}

/** The shell: top bar with navigation, the signed-in user and the language switch; the routed view below. */
export function App() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const { location } = useRouter();

  let content: ReactNode = <p className="empty">{t('nav.notFound')}</p>;
  let title: MessageKey = 'nav.notFound';
  for (const route of routes) {
    const params = matchPath(route.pattern, location.path);
    if (params) {
      content = route.render(params);
      title = route.title;
      break;
    }
  }
  useEffect(() => {
    document.title = `${t(title)} · Chronicle`;
  }, [t, title]);

  if (user === undefined) return <div className="boot" aria-busy="true" />;
  if (user === null) return <LoginView languageSwitch={<LanguageSwitch />} />;

  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/" className="brand">
          Chronicle
        </Link>
        <nav aria-label={t('nav.label')}>
          {navigation.map((item) => (
            <Link key={item.to} to={item.to} className={isActive(location.path, item.section) ? 'active' : ''} aria-current={isActive(location.path, item.section) ? 'page' : undefined}>
              {t(item.label)}
            </Link>
          ))}
        </nav>
        <div className="topbar-end">
          <LanguageSwitch />
          <span className="who" title={t(`role.${user.role}`)}>
            {user.username} <span className="role">{t(`role.${user.role}`)}</span>
          </span>
          <button type="button" className="quiet" onClick={() => void logout()}>
            {t('session.logout')}
          </button>
        </div>
      </header>
      <main className="content">
        <Suspense
          fallback={
            <p className="loading" aria-busy="true">
              {t('common.loading')}
            </p>
          }
        >
          {content}
        </Suspense>
      </main>
    </div>
  );
}
