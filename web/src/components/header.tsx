import type { AuthMe } from '../../../protocol/api.js';
import type { Route } from '../router.js';
import { useLiveConnected } from '../live.js';

interface HeaderProps {
  me: AuthMe;
  projectId: string;
  onProjectChange: (projectId: string) => void;
  route: Route;
  onLogout: () => void;
}

export function Header({ me, projectId, onProjectChange, route, onLogout }: HeaderProps) {
  const live = useLiveConnected();
  const section = route.name === 'sessions' || route.name === 'settings' || route.name === 'model' ? route.name : 'runs';
  return (
    <header class="header">
      <a class="brand" href="#/runs">
        Reprise
      </a>
      <nav class="nav" aria-label="Main">
        <a href="#/runs" aria-current={section === 'runs' ? 'page' : undefined}>
          Runs
        </a>
        <a href="#/sessions" aria-current={section === 'sessions' ? 'page' : undefined}>
          Sessions
        </a>
        <a href="#/model" aria-current={section === 'model' ? 'page' : undefined}>
          Model
        </a>
        <a href="#/settings" aria-current={section === 'settings' ? 'page' : undefined}>
          Settings
        </a>
      </nav>
      <div class="header-right">
        <span class={`live-dot${live ? ' is-live' : ''}`} title={live ? 'Live updates connected' : 'Live updates disconnected'}>
          {live ? 'Live' : 'Offline'}
        </span>
        <label class="project-switcher">
          <span class="visually-hidden">Project</span>
          <select value={projectId} onChange={(event) => onProjectChange((event.target as HTMLSelectElement).value)}>
            {me.projects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </select>
        </label>
        <span class="who" title={me.principal.kind === 'token' ? 'API token' : 'User'}>
          {me.principal.username ?? me.principal.name ?? 'unknown'}
        </span>
        <button type="button" class="button button-quiet" onClick={onLogout}>
          Log out
        </button>
      </div>
    </header>
  );
}
