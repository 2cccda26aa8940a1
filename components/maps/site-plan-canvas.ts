import L from 'leaflet';

/** CircleMarker options this renderer understands: `label` is drawn centred in white. */
export type LabelledCircleOptions = L.CircleMarkerOptions & { label?: string };

type CircleInternals = L.CircleMarker & {
  _point: L.Point;
  _radius: number;
  _pxBounds?: L.Bounds;
  _empty(): boolean;
  _updatePath(): void;
  options: LabelledCircleOptions;
};
type DrawOrder = { layer: CircleInternals; next: DrawOrder | null };
type CanvasInternals = L.Canvas & {
  _map: L.Map & { _animatingZoom?: boolean; _getNewPixelOrigin(center: L.LatLng, zoom: number): L.Point };
  _container: HTMLCanvasElement;
  _ctx: CanvasRenderingContext2D;
  _drawing: boolean;
  _drawFirst: DrawOrder | null;
  _redrawBounds: L.Bounds | null;
  _bounds?: L.Bounds;
  _center?: L.LatLng;
  _zoom?: number;
  options: L.RendererOptions & { extent?: L.LatLngBounds };
  // Ours: where and at which zoom and pixel origin the canvas content was drawn.
  _drawnOrigin?: L.Point;
  _drawnTopLeft?: L.LatLng;
  _font?: string;
};

// Thousands of DOM tooltips would make the map crawl, so numbers are painted on the same canvas
// as the circles. This leans on Leaflet 1.9's (stable, but private) Canvas renderer internals.
//
// Why more than a label hook: Leaflet's canvas renderer throws its canvas away and redraws every
// circle at the end of each drag (moveend), off-screen ones included: with thousands of points that
// is one long frame per drag on a phone. Here the canvas only spans the points' extent (the plan)
// within the padded view, a pan that stays inside what is already drawn redraws nothing, a redraw
// draws only the circles on the canvas, and each circle is a pre-rendered sprite (one per style).
const RETINA = L.Browser.retina ? 2 : 1;
const SPRITE_MARGIN = 1;
const EXTENT_MARGIN_PX = 16;
const sprites = new Map<string, HTMLCanvasElement>();

function spriteFor(fill: string, stroke: string, weight: number, radius: number): HTMLCanvasElement {
  const key = `${fill}|${stroke}|${weight}|${radius}`;
  const cached = sprites.get(key);
  if (cached) return cached;
  const half = radius + weight / 2 + SPRITE_MARGIN;
  const sprite = document.createElement('canvas');
  sprite.width = sprite.height = Math.ceil(2 * half * RETINA);
  const ctx = sprite.getContext('2d')!;
  ctx.scale(RETINA, RETINA);
  ctx.beginPath();
  ctx.arc(half, half, radius, 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
  if (weight > 0) {
    ctx.lineWidth = weight;
    ctx.strokeStyle = stroke;
    ctx.stroke();
  }
  sprites.set(key, sprite);
  return sprite;
}

function intersect(a: L.Bounds, b: L.Bounds): L.Bounds | null {
  const min = L.point(Math.max(a.min!.x, b.min!.x), Math.max(a.min!.y, b.min!.y));
  const max = L.point(Math.min(a.max!.x, b.max!.x), Math.min(a.max!.y, b.max!.y));
  return min.x < max.x && min.y < max.y ? L.bounds(min, max) : null;
}

const LabelledCanvas = L.Canvas.extend({
  _update(this: CanvasInternals) {
    const map = this._map;
    if (map._animatingZoom && this._bounds) return;
    const size = map.getSize();
    const viewMin = map.containerPointToLayerPoint([0, 0]).round();
    const view = L.bounds(viewMin, viewMin.add(size));
    const { extent } = this.options;
    const points = extent
      ? L.bounds(
          map.latLngToLayerPoint(extent.getNorthWest()).subtract([EXTENT_MARGIN_PX, EXTENT_MARGIN_PX]),
          map.latLngToLayerPoint(extent.getSouthEast()).add([EXTENT_MARGIN_PX, EXTENT_MARGIN_PX]),
        )
      : null;
    const shown = points ? intersect(view, points) : view;
    const origin = map.getPixelOrigin();
    const isSameFrame = this._zoom === map.getZoom() && this._drawnOrigin?.equals(origin) === true;
    // Nothing new can come into sight: keep the canvas as it is (the map pane moves it along).
    if (isSameFrame && this._bounds && (!shown || this._bounds.contains(shown))) return;

    const padding = size.multiplyBy(this.options.padding ?? 0.5).round();
    const padded = L.bounds(view.min!.subtract(padding), view.max!.add(padding));
    const b = (points ? intersect(padded, points) : padded) ?? L.bounds(viewMin, viewMin.add([1, 1]));
    this._bounds = b;
    this._center = map.getCenter();
    this._zoom = map.getZoom();
    this._drawnOrigin = origin;
    this._drawnTopLeft = map.layerPointToLatLng(b.min!);

    const container = this._container;
    const canvasSize = b.getSize();
    L.DomUtil.setPosition(container, b.min!);
    container.width = RETINA * canvasSize.x;
    container.height = RETINA * canvasSize.y;
    container.style.width = `${canvasSize.x}px`;
    container.style.height = `${canvasSize.y}px`;
    if (RETINA !== 1) this._ctx.scale(RETINA, RETINA);
    this._ctx.translate(-b.min!.x, -b.min!.y);
    this.fire('update');
  },

  // The canvas no longer sits at "centre − half a padded view", so zoom animations place it by its own corner.
  _updateTransform(this: CanvasInternals, center: L.LatLng, zoom: number) {
    if (!this._drawnTopLeft || this._zoom === undefined) return;
    const map = this._map;
    const scale = map.getZoomScale(zoom, this._zoom);
    const topLeft = map.project(this._drawnTopLeft, zoom).subtract(map._getNewPixelOrigin(center, zoom));
    if (L.Browser.any3d) L.DomUtil.setTransform(this._container, topLeft, scale);
    else L.DomUtil.setPosition(this._container, topLeft);
  },

  _draw(this: CanvasInternals) {
    const bounds = this._redrawBounds;
    const cull = bounds ?? this._bounds;
    const ctx = this._ctx;
    ctx.save();
    if (bounds) {
      const size = bounds.getSize();
      ctx.beginPath();
      ctx.rect(bounds.min!.x, bounds.min!.y, size.x, size.y);
      ctx.clip();
    }
    this._drawing = true;
    this._font = undefined;
    for (let order = this._drawFirst; order; order = order.next) {
      const layer = order.layer;
      if (!cull || (layer._pxBounds && layer._pxBounds.intersects(cull))) layer._updatePath();
    }
    this._drawing = false;
    ctx.restore();
  },

  _updateCircle(this: CanvasInternals, layer: CircleInternals) {
    if (!this._drawing || layer._empty()) return;
    const { options } = layer;
    const ctx = this._ctx;
    const radius = Math.max(Math.round(layer._radius), 1);
    const weight = options.stroke === false ? 0 : (options.weight ?? 0);
    const sprite = spriteFor(options.fillColor ?? options.color ?? '#3388ff', options.color ?? '#3388ff', weight, radius);
    const half = sprite.width / RETINA / 2;
    // Snapped to device pixels, so the sprite is copied, not resampled.
    const x = Math.round(layer._point.x * RETINA) / RETINA;
    const y = Math.round(layer._point.y * RETINA) / RETINA;
    ctx.drawImage(sprite, x - half, y - half, 2 * half, 2 * half);

    const label = options.label;
    if (!label) return;
    const font = `700 ${label.length <= 2 ? 12 : label.length === 3 ? 10 : 8}px system-ui, sans-serif`;
    // Font changes are costly (parsed each time): set the text state once per run of equal sizes.
    if (this._font !== font) {
      ctx.font = font;
      ctx.fillStyle = '#ffffff';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      this._font = font;
    }
    ctx.fillText(label, x, y + 0.5);
  },
});

/**
 * A canvas renderer that also draws each circle's `label` option; one per map. `extent` (where
 * the points can be: the plan) keeps the canvas no larger than what can hold points.
 */
export function createLabelledCanvas(extent?: L.LatLngBounds): L.Canvas {
  type Options = L.RendererOptions & { extent?: L.LatLngBounds };
  return new (LabelledCanvas as unknown as new (options?: Options) => L.Canvas)({ padding: 0.5, tolerance: 4, extent });
}
