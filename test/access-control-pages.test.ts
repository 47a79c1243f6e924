import { describe } from 'vitest';
import { describeMatrix } from './access-matrix';

describe('access control on every page route', () => {
  describeMatrix('page');
});
