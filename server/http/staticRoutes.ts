// The recorder bundle and the dashboard SPA, both built into dist/ by `npm run build`.
import express, { Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';

const RECORDER_CACHE_SECONDS = 300;

export function recorderRoute(distDir: string): Router {
  const router = Router();
  router.get('/recorder.js', (_req, res) => {
    const file = path.join(distDir, 'recorder.js');
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (!fs.existsSync(file)) {
      res.status(503).type('text/plain').send(`recorder.js is not built (${file} is missing): run npm run build.\n`);
      return;
    }
    res.setHeader('Cache-Control', `public, max-age=${RECORDER_CACHE_SECONDS}`);
    res.type('application/javascript').sendFile(file);
  });
  return router;
}

/** Static dashboard files plus the SPA fallback: any other GET outside /api returns index.html. */
export function dashboardRoutes(distDir: string): Router {
  const router = Router();
  const webDir = path.join(distDir, 'web');
  router.use(express.static(webDir, { index: false, maxAge: '1h' }));
  router.get(/^(?!\/api(\/|$)).*/, (_req, res) => {
    const index = path.join(webDir, 'index.html');
    if (fs.existsSync(index)) {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
      return;
    }
    res.status(503).type('html').send(NOT_BUILT_PAGE);
  });
  return router;
}

const NOT_BUILT_PAGE = `<!doctype html><meta charset="utf-8"><title>Reprise: dashboard not built</title>
<body style="font-family: system-ui; margin: 3rem"><h1>The Reprise dashboard is not built</h1>
<p>Run <code>npm run build</code>, then reload this page. The API under <code>/api</code> works meanwhile.</p></body>`;
