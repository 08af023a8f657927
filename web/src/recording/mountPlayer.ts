// Loaded only through dynamic import: rrweb-player (Svelte + rrweb replay) would triple the main bundle.
// The player rebuilds pages in rrweb's sandboxed iframe without scripts; keep its defaults.
import Player from 'rrweb-player';
import 'rrweb-player/dist/style.css';
import type { RecordedEvent } from '../../../protocol/rrweb.js';

export interface MountedPlayer {
  destroy(): void;
}

type PlayerEvents = ConstructorParameters<typeof Player>[0]['props']['events'];

export function mountPlayer(target: HTMLElement, events: RecordedEvent[], size: { width: number; height: number }): MountedPlayer {
  const player = new Player({
    target,
    props: {
      events: events as unknown as PlayerEvents,
      width: size.width,
      height: size.height,
      autoPlay: false,
      skipInactive: true,
      showController: true,
    },
  });
  return {
    destroy() {
      player.pause();
      // Svelte's $destroy is missing from the shipped typings (svelte is not a dependency here).
      (player as unknown as { $destroy(): void }).$destroy();
    },
  };
}
