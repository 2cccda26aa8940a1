import sharp from 'sharp';

/** A real raster image of the given size and format, for upload tests. */
export function makeImage(format: 'png' | 'jpeg' | 'webp', width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#e8eef3' } })
    .toFormat(format)
    .toBuffer();
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script><rect width="100" height="100"/></svg>',
);
