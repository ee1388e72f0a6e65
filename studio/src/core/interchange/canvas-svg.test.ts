import { describe, expect, it } from 'vitest';
import { layoutArchitecture } from '../layout';
import { referenceLikeGateway } from '../testing/fake-gateway';
import { serverModel } from '../testing/editor';
import {
  canvasSvg,
  clipArea,
  fitText,
  imageArea,
  imageFileName,
  roundedPolyline,
  visibleArea,
  xmlEscape,
  type CanvasSvgOptions,
} from './canvas-svg';

const OPTIONS: CanvasSvgOptions = {
  colours: {
    AGREE: { strong: '#2f64c8', tint: '#eef3fd', border: '#b9cdf2' },
    CHANGE: { strong: '#c2620a', tint: '#fdf3ea', border: '#f0cfae' },
    RECOVER: { strong: '#c23636', tint: '#fdf0f0', border: '#efbcbc' },
    OPERATE: { strong: '#1c8a4c', tint: '#edf8f1', border: '#b3dfc4' },
    IMPROVE: { strong: '#7c46c9', tint: '#f4effc', border: '#d3c1f0' },
  },
  spawnColour: '#6b7484',
};

async function drawn(options: Partial<CanvasSvgOptions> = {}, includeSpawns = true) {
  const model = await serverModel(referenceLikeGateway());
  const layout = layoutArchitecture(model, { includeSpawns });
  return { model, layout, svg: canvasSvg(model, layout, { ...OPTIONS, ...options }) };
}

const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length;

describe('the canvas as SVG', () => {
  it('draws every process, activity and routed hand-over of the layout, self-contained', async () => {
    const { model, layout, svg } = await drawn();
    expect(
      svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    ).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(count(svg, /<g class="process"/g)).toBe(5);
    expect(count(svg, /<g class="activity">/g)).toBe(Object.keys(model.activities).length);
    expect(count(svg, /<path class="handover"/g)).toBe(Object.keys(layout.routes).length);
    expect(count(svg, /<g class="handover-label">/g)).toBe(Object.keys(layout.routes).length);
    for (const process of Object.values(model.processes)) expect(svg).toContain(`>${process.name}</text>`);
    // No HTML, no external references.
    expect(svg).not.toContain('foreignObject');
    expect(svg).not.toMatch(/href="http/);
    // Every marker used is defined.
    for (const [, id] of svg.matchAll(/marker-end="url\(#([^)]+)\)"/g))
      expect(svg).toContain(`<marker id="${id}"`);
  });

  it('draws spawns dashed in grey and forks solid in the target’s colour', async () => {
    const { model, svg } = await drawn();
    const spawns = Object.values(model.handovers).filter((handover) => handover.kind === 'SPAWN').length;
    expect(spawns).toBeGreaterThan(0);
    expect(
      count(svg, /<path class="handover"[^>]*stroke="#6b7484" stroke-width="1.75" stroke-dasharray="6 5"/g),
    ).toBe(spawns);
    const { svg: withoutSpawns, layout } = await drawn({}, false);
    expect(count(withoutSpawns, /<path class="handover"/g)).toBe(Object.keys(layout.routes).length);
    expect(withoutSpawns).not.toContain('stroke-dasharray="6 5"');
  });

  it('shows the whole architecture with a margin, or the area asked for', async () => {
    const { layout, svg } = await drawn();
    const area = imageArea(layout);
    expect(area).toEqual({
      x: layout.bounds.x - 24,
      y: layout.bounds.y - 24,
      width: layout.bounds.width + 48,
      height: layout.bounds.height + 48,
    });
    expect(svg).toContain(`viewBox="${area.x} ${area.y} ${area.width} ${area.height}"`);
    const { svg: cropped } = await drawn({ area: { x: 10, y: 20, width: 300, height: 200 } });
    expect(cropped).toContain('width="300" height="200" viewBox="10 20 300 200"');
  });

  it('escapes names and shortens long ones, keeping the full name as a title', async () => {
    const model = await serverModel(referenceLikeGateway());
    const id = Object.keys(model.activities)[0]!;
    const long = 'Check <entitlement> & "priority" of a very, very long request name';
    const renamed = {
      ...model,
      activities: { ...model.activities, [id]: { ...model.activities[id]!, name: long } },
    };
    const svg = canvasSvg(renamed, layoutArchitecture(renamed), OPTIONS);
    expect(svg).toContain(`<title>${xmlEscape(long)}</title>`);
    expect(svg).not.toContain('<entitlement>');
    expect(svg).toContain('…</text>');
  });

  it('helpers: text fitting, rounded routes, the visible area and file names', () => {
    expect(fitText('Classify', 200, 13)).toBe('Classify');
    expect(fitText('A'.repeat(100), 70, 13)).toMatch(/^A{9}…$/);
    expect(
      roundedPolyline(
        [
          [0, 0],
          [20, 0],
          [20, 40],
        ],
        8,
      ),
    ).toBe('M 0 0 L 12 0 Q 20 0 20 8 L 20 40');
    expect(
      roundedPolyline(
        [
          [0, 0],
          [10, 0],
          [10, 20],
        ],
        8,
      ),
    ).toBe('M 0 0 L 5 0 Q 10 0 10 5 L 10 20');
    expect(
      roundedPolyline(
        [
          [0, 0],
          [0, 0],
        ],
        8,
      ),
    ).toBe('');
    expect(visibleArea({ x: -100, y: 50, zoom: 2 }, { width: 800, height: 600 })).toEqual({
      x: 50,
      y: -25,
      width: 400,
      height: 300,
    });
    expect(
      clipArea({ x: -50, y: 10, width: 100, height: 500 }, { x: 0, y: 0, width: 200, height: 100 }),
    ).toEqual({
      x: 0,
      y: 10,
      width: 50,
      height: 90,
    });
    expect(
      clipArea({ x: 500, y: 500, width: 10, height: 10 }, { x: 0, y: 0, width: 20, height: 20 }),
    ).toEqual({
      x: 0,
      y: 0,
      width: 20,
      height: 20,
    });
    expect(imageFileName('Études & Co', 'png')).toBe('etudes-co-architecture.png');
    expect(imageFileName('***', 'svg')).toBe('organisation-architecture.svg');
  });
});
