import L from 'leaflet';

/** CircleMarker options this renderer understands: `label` is drawn centred in white. */
export type LabelledCircleOptions = L.CircleMarkerOptions & { label?: string };

type CircleInternals = L.CircleMarker & { _point: L.Point; _radius: number; _empty(): boolean; options: LabelledCircleOptions };
type CanvasInternals = { _drawing: boolean; _ctx: CanvasRenderingContext2D };

const baseUpdateCircle = (L.Canvas.prototype as unknown as { _updateCircle(layer: CircleInternals): void })._updateCircle;

// Thousands of DOM tooltips would make the map crawl, so numbers are painted on the same canvas
// as the circles. This leans on Leaflet 1.9's (stable, but private) `_updateCircle` hook.
const LabelledCanvas = L.Canvas.extend({
  _updateCircle(this: CanvasInternals, layer: CircleInternals) {
    baseUpdateCircle.call(this, layer);
    const label = layer.options.label;
    if (!label || !this._drawing || layer._empty()) return;
    const ctx = this._ctx;
    const size = label.length <= 2 ? 12 : label.length === 3 ? 10 : 8;
    ctx.save();
    ctx.font = `700 ${size}px system-ui, sans-serif`;
    ctx.fillStyle = '#ffffff';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(label, layer._point.x, layer._point.y + 0.5);
    ctx.restore();
  },
});

/** A canvas renderer that also draws each circle's `label` option; one per map. */
export function createLabelledCanvas(): L.Canvas {
  return new (LabelledCanvas as unknown as new (options?: L.RendererOptions) => L.Canvas)({ padding: 0.3, tolerance: 4 });
}
