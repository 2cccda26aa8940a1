import { getEnv } from './env';
import type { MapConfig } from '../../contracts/views';

export function getMapConfig(): MapConfig {
  const env = getEnv();
  return { tileUrl: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION };
}
