// A dialog built on <dialog>: the browser handles focus trapping, Escape and the backdrop.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ComponentChildren }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    return () => element.close();
  }, []);
  return (
    <dialog ref={dialog} class="modal" aria-label={title} onClose={onClose}>
      <header class="modal-head">
        <h2>{title}</h2>
        <button type="button" class="button button-quiet" onClick={onClose}>
          Close
        </button>
      </header>
      {children}
    </dialog>
  );
}
