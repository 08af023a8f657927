// GET /api/blobs/:key: screenshots and diff images of the project named by the request.
import { Router, type RequestHandler } from 'express';
import type { Store } from '../store/index.js';
import { HttpError } from './httpError.js';
import { projectOf } from './sessionRoutes.js';

export function blobRoutes(store: Store, requireProject: RequestHandler): Router {
  const router = Router();
  router.get('/api/blobs/:key', requireProject, async (req, res) => {
    const project = projectOf(res);
    const blob = await store.getBlob(project.id, String(req.params.key));
    if (!blob) throw new HttpError(404, 'BLOB_NOT_FOUND', `No blob "${req.params.key}" in project "${project.id}".`);
    res.set({ 'Content-Type': blob.contentType, 'Cache-Control': 'private, max-age=86400', 'X-Content-Type-Options': 'nosniff' });
    res.send(Buffer.from(blob.bytes));
  });
  return router;
}
