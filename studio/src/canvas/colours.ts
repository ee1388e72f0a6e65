import type { ProcessKey } from '../core/usm';

/** One colour per process: containers, their activities, the edges that enter them and the minimap. */
export const PROCESS_COLOURS: Readonly<Record<ProcessKey, { strong: string; tint: string; border: string }>> =
  {
    AGREE: { strong: '#2f64c8', tint: '#eef3fd', border: '#b9cdf2' },
    CHANGE: { strong: '#c2620a', tint: '#fdf3ea', border: '#f0cfae' },
    RECOVER: { strong: '#c23636', tint: '#fdf0f0', border: '#efbcbc' },
    OPERATE: { strong: '#1c8a4c', tint: '#edf8f1', border: '#b3dfc4' },
    IMPROVE: { strong: '#7c46c9', tint: '#f4effc', border: '#d3c1f0' },
  };
