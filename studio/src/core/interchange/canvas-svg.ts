/**
 * The architecture as a self-contained SVG image, drawn from the model and the layout the canvas shows
 * (every box and every hand-over route is known there): process containers with their names and purposes,
 * activities, forks solid in the target's colour and spawns dashed, each with its call-type label. No HTML,
 * no external CSS or fonts: the file opens the same everywhere and turns into a PNG on a canvas.
 */
import { absoluteActivityBox, type ArchitectureLayout, type Box } from '../layout';
import type { ArchitectureModel } from '../model';
import { CALL_TYPE_LABELS, type ProcessKey } from '../usm';

export interface ProcessPalette {
  strong: string;
  tint: string;
  border: string;
}

export interface CanvasSvgOptions {
  colours: Readonly<Record<ProcessKey, ProcessPalette>>;
  spawnColour: string;
  /** The part of the architecture to draw, in layout coordinates (default: all of it, with a margin). */
  area?: Box | null;
  /** The image's title (its <title>, for screen readers and file browsers). */
  title?: string;
  /** Activity ids to draw emphasised (a highlighted workflow path). */
  highlight?: ReadonlySet<string> | null;
}

const MARGIN = 24;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Shortens a text to about `width` pixels at `fontSize` (average glyph width), with an ellipsis. */
export function fitText(text: string, width: number, fontSize: number): string {
  const max = Math.max(1, Math.floor(width / (fontSize * 0.53)));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** The area the image shows: the given one, or the layout's bounds with a margin. */
export function imageArea(layout: ArchitectureLayout, area?: Box | null): Box {
  if (area && area.width > 0 && area.height > 0) return area;
  const { bounds } = layout;
  return {
    x: bounds.x - MARGIN,
    y: bounds.y - MARGIN,
    width: bounds.width + 2 * MARGIN,
    height: bounds.height + 2 * MARGIN,
  };
}

/** An orthogonal polyline with rounded corners (repeated points dropped), as an SVG path. */
export function roundedPolyline(points: readonly (readonly [number, number])[], radius: number): string {
  const clean = points.filter(
    (point, index) => index === 0 || point[0] !== points[index - 1]![0] || point[1] !== points[index - 1]![1],
  );
  if (clean.length < 2) return '';
  let path = `M ${n(clean[0]![0])} ${n(clean[0]![1])}`;
  for (let i = 1; i < clean.length - 1; i++) {
    const [px, py] = clean[i - 1]!;
    const [x, y] = clean[i]!;
    const [nx, ny] = clean[i + 1]!;
    const r = Math.min(radius, Math.hypot(x - px, y - py) / 2, Math.hypot(nx - x, ny - y) / 2);
    const inX = x - Math.sign(x - px) * r;
    const inY = y - Math.sign(y - py) * r;
    const outX = x + Math.sign(nx - x) * r;
    const outY = y + Math.sign(ny - y) * r;
    path += ` L ${n(inX)} ${n(inY)} Q ${n(x)} ${n(y)} ${n(outX)} ${n(outY)}`;
  }
  const last = clean[clean.length - 1]!;
  return `${path} L ${n(last[0])} ${n(last[1])}`;
}

/** The SVG document (with XML declaration) of the architecture as the layout places it. */
export function canvasSvg(
  model: ArchitectureModel,
  layout: ArchitectureLayout,
  options: CanvasSvgOptions,
): string {
  const area = imageArea(layout, options.area);
  const title = options.title ?? `${model.organisationName}: process architecture`;
  const parts: string[] = [];
  const markers = new Map<string, string>();
  const markerFor = (colour: string) => {
    if (!markers.has(colour)) markers.set(colour, `arrow-${markers.size + 1}`);
    return markers.get(colour)!;
  };

  for (const processId of model.processIds) {
    const process = model.processes[processId]!;
    const box = layout.processes[processId];
    if (!box) continue;
    const colours = options.colours[process.key];
    parts.push(
      `<g class="process" data-process="${process.key}">`,
      `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="12" ` +
        `fill="${colours.tint}" stroke="${colours.border}" stroke-width="1.5"/>`,
      `<text x="${n(box.x + 14)}" y="${n(box.y + 26)}" font-size="17" font-weight="700" fill="${colours.strong}">` +
        `${xmlEscape(fitText(process.name, box.width - 28, 17))}</text>`,
    );
    if (process.purpose) {
      parts.push(
        `<text x="${n(box.x + 14)}" y="${n(box.y + 45)}" font-size="11.5" fill="#4b5565">` +
          `${xmlEscape(fitText(process.purpose, box.width - 28, 11.5))}</text>`,
      );
    }
    for (const activityId of process.activityIds) {
      const activity = model.activities[activityId];
      const at = absoluteActivityBox(layout, model, activityId);
      if (!activity || !at) continue;
      const emphasised = options.highlight?.has(activityId) ?? false;
      parts.push(
        `<g class="activity">`,
        `<title>${xmlEscape(activity.name)}</title>`,
        `<rect x="${n(at.x)}" y="${n(at.y)}" width="${n(at.width)}" height="${n(at.height)}" rx="8" ` +
          `fill="#ffffff" stroke="${emphasised ? colours.strong : colours.border}" ` +
          `stroke-width="${emphasised ? 2.5 : 1.25}"/>`,
        `<rect x="${n(at.x)}" y="${n(at.y + 6)}" width="4" height="${n(at.height - 12)}" rx="2" fill="${colours.strong}"/>`,
        `<text x="${n(at.x + 14)}" y="${n(at.y + at.height / 2 + 4.5)}" font-size="13" fill="#1d2430">` +
          `${xmlEscape(fitText(activity.name, at.width - 24, 13))}</text>`,
        `</g>`,
      );
    }
    parts.push(`</g>`);
  }

  const labels: string[] = [];
  for (const [handoverId, route] of Object.entries(layout.routes)) {
    const handover = model.handovers[handoverId];
    if (!handover) continue;
    const from = absoluteActivityBox(layout, model, handover.fromActivityId);
    if (!from) continue;
    const fork = handover.kind === 'FORK';
    const colour = fork ? options.colours[handover.targetKey].strong : options.spawnColour;
    const sourceX = from.x + from.width;
    const sourceY = from.y + from.height / 2;
    const path = roundedPolyline(
      [
        [sourceX, sourceY],
        [route.exitX, sourceY],
        [route.exitX, route.laneY],
        [route.entryX, route.laneY],
        [route.entryX, route.entryY],
      ],
      8,
    );
    parts.push(
      `<path class="handover" d="${path}" fill="none" stroke="${colour}" stroke-width="1.75"` +
        `${fork ? '' : ' stroke-dasharray="6 5"'} marker-end="url(#${markerFor(colour)})"/>`,
    );
    const label = CALL_TYPE_LABELS[handover.callType];
    const width = label.length * 6.6 + 14;
    labels.push(
      `<g class="handover-label">`,
      `<rect x="${n(route.labelX - width / 2)}" y="${n(route.labelY - 10)}" width="${n(width)}" height="20" rx="10" ` +
        `fill="#ffffff" stroke="${colour}"${fork ? '' : ' stroke-dasharray="3 2"'}/>`,
      `<text x="${n(route.labelX)}" y="${n(route.labelY + 4)}" font-size="11" font-weight="600" ` +
        `text-anchor="middle" fill="${colour}">${xmlEscape(label)}</text>`,
      `</g>`,
    );
  }

  const defs = [...markers.entries()].map(
    ([colour, id]) =>
      `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" ` +
      `orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${colour}"/></marker>`,
  );

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${n(area.width)}" height="${n(area.height)}" ` +
      `viewBox="${n(area.x)} ${n(area.y)} ${n(area.width)} ${n(area.height)}" font-family="${FONT}">`,
    `<title>${xmlEscape(title)}</title>`,
    `<defs>${defs.join('')}</defs>`,
    `<rect x="${n(area.x)}" y="${n(area.y)}" width="${n(area.width)}" height="${n(area.height)}" fill="#ffffff"/>`,
    ...parts,
    ...labels,
    '</svg>',
    '',
  ].join('\n');
}

/** The area a viewport shows: React Flow's translation and zoom over a pane of the given size. */
export function visibleArea(
  viewport: { x: number; y: number; zoom: number },
  pane: { width: number; height: number },
): Box {
  return {
    x: -viewport.x / viewport.zoom,
    y: -viewport.y / viewport.zoom,
    width: pane.width / viewport.zoom,
    height: pane.height / viewport.zoom,
  };
}

/** The part of `area` inside `within` (`within` itself when they do not overlap). */
export function clipArea(area: Box, within: Box): Box {
  const x = Math.max(area.x, within.x);
  const y = Math.max(area.y, within.y);
  const right = Math.min(area.x + area.width, within.x + within.width);
  const bottom = Math.min(area.y + area.height, within.y + within.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : within;
}

/** A file name for the image: the organisation's name in kebab case. */
export function imageFileName(organisationName: string, extension: 'svg' | 'png'): string {
  const base =
    organisationName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'organisation';
  return `${base}-architecture.${extension}`;
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}
