import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DuplicateError, OutOfScopeError, UnknownReferenceError, ValidationError } from '../../registry/registry-repository.ts';

/** One error shape for the whole API: `{error, message, fields?}` with Chinese messages. */
export const errorHandler = fp(async (app) => {
  app.setErrorHandler((err, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.code(400).send({
        error: 'validation_failed',
        message: '输入数据校验未通过',
        fields: err.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'), message: v.message })),
      });
    }
    if (err instanceof ValidationError) return reply.code(400).send({ error: 'validation_failed', message: '输入数据校验未通过', fields: err.fields });
    if (err instanceof DuplicateError) return reply.code(409).send({ error: 'duplicate', field: err.field, message: `${err.field} 已存在` });
    if (err instanceof UnknownReferenceError) return reply.code(400).send({ error: 'invalid_reference', message: `引用的记录不存在：${err.message}` });
    if (err instanceof OutOfScopeError) return reply.code(403).send({ error: 'out_of_scope', message: '超出本账号的管辖范围' });
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send({ error: status >= 500 ? 'internal_error' : 'bad_request', message: status >= 500 ? '服务器内部错误' : (err as Error).message });
  });
});
