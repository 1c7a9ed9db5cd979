import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AlarmStore } from '../../alerts/alarm-store.ts';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Accepted attachment types and the extension each is stored under. */
const EXT: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };
// Served, never uploaded: snapshots and clips the video linkage takes from a live stream.
const TYPE_OF: Readonly<Record<string, string>> = { ...Object.fromEntries(Object.entries(EXT).map(([t, e]) => [e, t])), mp4: 'video/mp4' };

const idParams = z.object({ id: z.coerce.number().int().positive() });
const fileParams = idParams.extend({ file: z.string().regex(/^[0-9a-f-]{36}\.(jpg|png|pdf|mp4)$/, '附件标识无效') });

const mediaType = (header: string | undefined) => (header ?? '').split(';')[0].trim().toLowerCase();

/** The name the uploader gave, decoded and stripped of any path; null when missing or malformed. */
function fileName(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header === '') return null;
  let name: string;
  try { name = decodeURIComponent(header); } catch { return null; }
  name = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f]/g, '').trim().slice(0, 200);
  return name || null;
}

/** 处置反馈 attachments: raw body upload and scoped download under `<dataDir>/attachments/<alarmId>/`. */
export const alarmAttachmentRoutes: FastifyPluginAsyncZod<{ alarms: AlarmStore; dataDir: string }> = async (app, { alarms, dataDir }) => {
  app.addHook('preHandler', app.requireUser);
  const root = path.join(dataDir, 'attachments');
  // Any type is read as bytes here, so the handler answers a refused type itself (415, in Chinese).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES }, (_req, body, done) => done(null, body));
  // Size is refused before the body is read when the declared length is too big (413 from the body limit otherwise).
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'POST') return;
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > ATTACHMENT_MAX_BYTES) {
      req.log.warn({ length }, 'attachment refused: too large');
      return reply.code(413).send({ error: 'too_large', message: '附件不能超过 10 MB' });
    }
  });

  app.post(
    '/api/alarms/:id/attachments',
    {
      bodyLimit: ATTACHMENT_MAX_BYTES,
      schema: { tags: ['alarms'], summary: '上传处置反馈附件（请求体为文件本身：JPEG、PNG 或 PDF，不超过 10 MB；文件名放在 X-File-Name，URL 编码）', params: idParams },
    },
    async (req, reply) => {
      const alarm = await alarms.get(req.params.id, req.user!.scope);
      if (!alarm) return reply.code(404).send({ error: 'not_found', message: '报警不存在' });
      const type = mediaType(req.headers['content-type']);
      const ext = EXT[type];
      if (!ext) {
        req.log.warn({ alarmId: alarm.id, type }, 'attachment refused: type');
        return reply.code(415).send({ error: 'unsupported_media_type', message: '附件只能是 JPG、PNG 图片或 PDF 文件' });
      }
      const body = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0) return reply.code(400).send({ error: 'empty', message: '附件内容为空' });
      const id = randomUUID();
      const file = `${id}.${ext}`;
      const name = fileName(req.headers['x-file-name']) ?? file;
      const dir = path.join(root, String(alarm.id));
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, file), body);
      await writeFile(path.join(dir, `${file}.json`), JSON.stringify({ name, type, size: body.length, by: req.user!.username, at: new Date().toISOString() }));
      req.log.info({ alarmId: alarm.id, file, size: body.length }, 'attachment stored');
      return reply.code(201).send({ id, name, url: `/api/alarms/${alarm.id}/attachments/${file}` });
    },
  );

  app.get('/api/alarms/:id/attachments/:file', { schema: { tags: ['alarms'], summary: '下载处置反馈附件', params: fileParams } }, async (req, reply) => {
    const alarm = await alarms.get(req.params.id, req.user!.scope);
    if (!alarm) return reply.code(404).send({ error: 'not_found', message: '报警不存在' });
    const dir = path.join(root, String(alarm.id));
    const file = req.params.file;
    const bytes = await readFile(path.join(dir, file)).catch(() => null);
    if (!bytes) return reply.code(404).send({ error: 'not_found', message: '附件不存在' });
    const meta = await readFile(path.join(dir, `${file}.json`), 'utf8').then((t) => JSON.parse(t) as { name?: string }).catch(() => ({ name: undefined }));
    return reply
      .header('content-type', TYPE_OF[file.split('.').pop()!])
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(meta.name ?? file)}`)
      .header('x-content-type-options', 'nosniff')
      .send(bytes);
  });
};
