/** The districts and counties of Chongqing as names say them (data/places.tsv): 江津 for 江津区 and 江津县 alike. */
import { dataPath } from '../paths.js';
import { readTsv } from './tsv.js';

export const PLACES: readonly string[] = readTsv(dataPath('places.tsv')).map((r) => r.place!).filter(Boolean);
