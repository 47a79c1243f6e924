import { Hono } from 'hono';
import type { AppEnv } from '../env';
export const relationshipPages = new Hono<AppEnv>();
