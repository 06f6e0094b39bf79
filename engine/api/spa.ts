/**
 * Serves the built front end: its files as they are, and index.html for any other
 * GET outside /api so client-side routes survive a reload.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Router } from 'express';

export function staticSpa(staticDir: string): Router {
  const root = resolve(staticDir);
  const index = join(root, 'index.html');
  const router = express.Router();
  router.use(express.static(root, { index: 'index.html', fallthrough: true }));
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) return next();
    if (!existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
