import { useEffect, useRef, type ReactNode } from 'react';
import { isTyping } from '../canvas/focus';

export interface PresentationKeys {
  next(): void;
  previous(): void;
  togglePlay?: () => void;
}

/**
 * Holds a walkthrough. While presenting it fills the screen (the Fullscreen API when the browser allows,
 * else the whole window above the studio's chrome), in large type, and the keyboard drives it: → or Space
 * next, ← previous, P play/pause, Esc leaves. The same element stays mounted either way, so the canvas
 * inside keeps its state.
 */
export function PresentationFrame({
  presenting,
  onLeave,
  keys,
  label,
  children,
}: {
  presenting: boolean;
  onLeave: () => void;
  keys: PresentationKeys;
  label: string;
  children: ReactNode;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const latest = useRef({ keys, onLeave });
  latest.current = { keys, onLeave };

  useEffect(() => {
    const element = frame.current;
    if (!presenting || !element) return;
    if (document.fullscreenEnabled && !document.fullscreenElement) {
      // Refused without a user gesture or by policy: the full-window layout stays.
      element.requestFullscreen?.().catch(() => undefined);
    }
    function onFullscreenChange() {
      // Esc in full screen is the browser's: it leaves full screen, and so the presentation.
      if (!document.fullscreenElement) latest.current.onLeave();
    }
    function onKeyDown(event: KeyboardEvent) {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const { keys: current, onLeave: leave } = latest.current;
      let handled = true;
      if (event.key === 'ArrowRight' || event.key === ' ' || event.key === 'PageDown') current.next();
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') current.previous();
      else if ((event.key === 'p' || event.key === 'P') && current.togglePlay) current.togglePlay();
      else if (event.key === 'Escape') leave();
      else handled = false;
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    }
    document.addEventListener('fullscreenchange', onFullscreenChange);
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      window.removeEventListener('keydown', onKeyDown, true);
      if (document.fullscreenElement === element) void document.exitFullscreen().catch(() => undefined);
    };
  }, [presenting]);

  return (
    <div
      ref={frame}
      className={presenting ? 'trainer-frame is-presenting' : 'trainer-frame'}
      role={presenting ? 'region' : undefined}
      aria-label={presenting ? `Presentation: ${label}` : undefined}
    >
      {children}
    </div>
  );
}
