// The shell: who is logged in, which project is selected, and which page the hash points at.
import { useEffect, useState } from 'preact/hooks';
import type { AuthMe } from '../../protocol/api.js';
import { api, ApiError, messageOf, setCsrfToken } from './api.js';
import { disconnectLive, joinProject } from './live.js';
import { useRoute } from './router.js';
import { Header } from './components/header.js';
import { ErrorBox, Loading, Empty } from './components/status.js';
import { LoginPage } from './pages/loginPage.js';
import { RunsPage } from './pages/runsPage.js';
import { RunPage } from './pages/runPage.js';
import { SessionInRunPage } from './pages/sessionInRunPage.js';
import { SessionsPage } from './pages/sessionsPage.js';
import { SettingsPage } from './pages/settingsPage.js';
import { ModelPage } from './pages/modelPage.js';

const PROJECT_STORAGE_KEY = 'reprise.project';

type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'error'; error: string } | { status: 'ok'; me: AuthMe };

export function App() {
  const [auth, setAuth] = useState<AuthState>({ status: 'loading' });
  const [projectId, setProjectId] = useState<string>(() => localStorage.getItem(PROJECT_STORAGE_KEY) ?? '');
  const route = useRoute();

  const loadMe = () => {
    setAuth({ status: 'loading' });
    api.me().then(
      (me) => {
        setCsrfToken(me.csrfToken ?? '');
        setAuth({ status: 'ok', me });
      },
      (error: unknown) =>
        setAuth(error instanceof ApiError && error.status === 401 ? { status: 'anonymous' } : { status: 'error', error: messageOf(error) }),
    );
  };
  useEffect(loadMe, []);

  const projects = auth.status === 'ok' ? auth.me.projects : [];
  const project = projects.find((candidate) => candidate.id === projectId) ?? projects[0];
  useEffect(() => {
    if (!project) return;
    localStorage.setItem(PROJECT_STORAGE_KEY, project.id);
    joinProject(project.id);
  }, [project?.id]);

  if (auth.status === 'loading') return <Loading label="Checking your session…" />;
  if (auth.status === 'anonymous') return <LoginPage onLoggedIn={loadMe} />;
  if (auth.status === 'error') return <ErrorBox title="Cannot load the dashboard" message={auth.error} onRetry={loadMe} />;

  const logout = async () => {
    try {
      await api.logout();
    } finally {
      disconnectLive();
      setCsrfToken('');
      setAuth({ status: 'anonymous' });
    }
  };

  return (
    <div class="shell">
      <Header me={auth.me} projectId={project?.id ?? ''} onProjectChange={setProjectId} route={route} onLogout={logout} />
      <main class="content" id="main">
        {!project ? (
          <Empty title="No project yet">
            <p>Your account has no project. Create one with the CLI (`reprise project create`) and reload.</p>
          </Empty>
        ) : (
          <Page route={route} project={project.id} />
        )}
      </main>
    </div>
  );
}

function Page({ route, project }: { route: ReturnType<typeof useRoute>; project: string }) {
  switch (route.name) {
    case 'runs':
      return <RunsPage project={project} />;
    case 'run':
      return <RunPage key={route.runId} project={project} runId={route.runId} />;
    case 'sessionInRun':
      return <SessionInRunPage key={`${route.runId}/${route.sessionId}`} project={project} runId={route.runId} sessionId={route.sessionId} />;
    case 'sessions':
      return <SessionsPage project={project} />;
    case 'settings':
      return <SettingsPage key={project} project={project} />;
    case 'model':
      return <ModelPage project={project} />;
    case 'notFound':
      return (
        <Empty title="Page not found">
          <p>
            Nothing lives at <code>{route.path}</code>. <a href="#/runs">Go to runs</a>.
          </p>
        </Empty>
      );
  }
}
