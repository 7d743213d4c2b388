/** After every test file (vitest setupFiles): the temporary folders it made with test/helpers/temp.ts are removed. */
import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/temp.js';

afterAll(() => removeTempDirs());
