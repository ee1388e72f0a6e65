import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { PROCESS_COLOURS } from '../canvas/colours';
import { useEditorStore } from '../canvas/editor-context';
import { SPAWN_COLOUR } from '../canvas/flow-elements';
import { canvasSvg, clipArea, imageArea, imageFileName, visibleArea } from '../core/interchange/canvas-svg';
import { downloadBlob } from './download';

/** The PNG's pixels per layout unit (crisp on high-density screens and in documents). */
const PNG_SCALE = 2;
const MAX_PNG_SIDE = 8000;

/**
 * "SVG" and "PNG" on the architecture toolbar: the part of the architecture the canvas shows now, drawn
 * from the model and the layout as a self-contained SVG; the PNG is that SVG drawn onto a canvas.
 */
export function CanvasImageButtons() {
  const store = useEditorStore();
  const flow = useReactFlow();
  const [problem, setProblem] = useState<string | null>(null);

  function svgNow(): { svg: string; name: string; width: number; height: number } | null {
    const { model, layout } = store.getState();
    if (!model || !layout) return null;
    const pane = document.querySelector('.canvas .react-flow')?.getBoundingClientRect();
    // What the canvas shows, without the empty space around the architecture when zoomed out.
    const area =
      pane && pane.width > 0 ? clipArea(visibleArea(flow.getViewport(), pane), imageArea(layout)) : null;
    const svg = canvasSvg(model, layout, { colours: PROCESS_COLOURS, spawnColour: SPAWN_COLOUR, area });
    const size = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
    return {
      svg,
      name: model.organisationName,
      width: Number(size?.[1] ?? 0),
      height: Number(size?.[2] ?? 0),
    };
  }

  function exportSvg() {
    setProblem(null);
    const image = svgNow();
    if (!image) return;
    downloadBlob(new Blob([image.svg], { type: 'image/svg+xml' }), imageFileName(image.name, 'svg'));
  }

  async function exportPng() {
    setProblem(null);
    const image = svgNow();
    if (!image) return;
    try {
      const blob = await svgToPng(image.svg, image.width, image.height);
      downloadBlob(blob, imageFileName(image.name, 'png'));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The PNG could not be made.');
    }
  }

  return (
    <div className="toolbar__group" role="group" aria-label="Export image">
      <button
        type="button"
        className="button"
        title="Save what the canvas shows as an SVG image"
        onClick={exportSvg}
      >
        SVG
      </button>
      <button
        type="button"
        className="button"
        title="Save what the canvas shows as a PNG image"
        onClick={() => void exportPng()}
      >
        PNG
      </button>
      {problem && (
        <span className="form-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The image could not be drawn.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    // Browsers refuse very large canvases: a big architecture is drawn at a smaller scale.
    const scale = Math.min(PNG_SCALE, MAX_PNG_SIDE / Math.max(width, height, 1));
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
