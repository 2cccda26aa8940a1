'use client';

import { useLeafletContext } from '@react-leaflet/core';
import type { Direction } from 'leaflet';
import { useEffect } from 'react';

type Props = {
  text: string;
  direction?: Direction;
  offset?: readonly [number, number];
  permanent?: boolean;
};

/**
 * A plain-text tooltip for the map layer it sits in.
 *
 * Why not react-leaflet's <Tooltip>: it lets Leaflet put the role="tooltip" element on the page
 * empty and fills it through a React portal a render later. A permanent tooltip is therefore
 * nameless for a moment (axe aria-tooltip-name; a screen reader may announce an empty tooltip).
 * Here Leaflet gets the text itself, so the element is never empty, and gets it as a text node,
 * so names typed by enterprises are never parsed as HTML.
 */
export function TextTooltip({ text, direction, offset, permanent = false }: Props) {
  const { overlayContainer: layer } = useLeafletContext();
  const [dx, dy] = offset ?? [0, 0];

  useEffect(() => {
    if (!layer) return;
    layer.bindTooltip(() => textNode(text), { direction, offset: [dx, dy], permanent });
    return () => {
      layer.unbindTooltip();
    };
  }, [layer, text, direction, dx, dy, permanent]);

  return null;
}

/** Text for Leaflet content (tooltips, popups): a node, never a string Leaflet would set as innerHTML. */
export function textNode(text: string): HTMLElement {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}
