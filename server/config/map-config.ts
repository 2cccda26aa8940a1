import { getEnv } from './env';

/** What a page passes to its map: the tile URL may be empty, and then maps draw a plain background. */
export type MapConfig = { tileUrl: string; attribution: string };

export function getMapConfig(): MapConfig {
  const env = getEnv();
  return { tileUrl: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION };
}
