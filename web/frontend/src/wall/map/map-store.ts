// The layers last loaded for the selected region, shared by the map and the default detail popup.
import { shallowRef } from 'vue';
import type { MapLayers } from './map-api';

export const mapData = shallowRef<MapLayers | null>(null);
