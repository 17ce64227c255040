/**
 * The agency's form as an Excel workbook: download, upload (preview, then confirm), and an
 * assessor's zip of many. Each route: who may call it, its contract (workbooks.schema.ts), one use case.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalid } from '../../platform/errors.ts';
import { type App, type AppDeps, callerOf, sendDownload } from '../../platform/http.ts';
import { ErrorSchema, errorResponses } from '../../platform/schema.ts';
import { downloadForm } from './download-form.ts';
import { confirmUpload, previewUpload, type UploadedFile } from './upload-form.ts';
import { uploadMany } from './upload-many.ts';
import { workbooksAccess as access } from './workbooks.policy.ts';
import {
  BulkResult,
  ConfirmBody,
  ConfirmResult,
  CycleParams,
  FormParams,
  UploadPreview,
} from './workbooks.schema.ts';

const BASE = '/cycles/:cycleId/agencies/:agencyId/submission/workbook';
const tags = ['workbooks'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One file in the multipart field "file" (and the text field "save" of the zip upload). */
async function readFile(
  req: FastifyRequest,
  fields: Record<string, string> = {},
): Promise<UploadedFile | null> {
  if (!req.isMultipart())
    throw invalid('file', {
      vi: 'Hãy gửi tệp dưới dạng multipart/form-data, trong trường "file"',
      en: 'Send the file as multipart/form-data, in the field "file"',
    });
  let file: UploadedFile | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer(); // 413 when cut at the size limit
      if (part.fieldname === 'file') file = { filename: part.filename, bytes };
    } else fields[part.fieldname] = String(part.value ?? '');
  }
  return file;
}

export function workbooksRoutes(app: App, deps: AppDeps) {
  app.get(
    BASE,
    {
      config: { access: access.download },
      schema: {
        tags,
        summary: 'Tải biểu mẫu Excel của phiếu (điền sẵn số liệu nháp hoặc số liệu năm trước)',
        params: FormParams,
      },
    },
    async (req, reply) => {
      const file = await downloadForm(deps, callerOf(req), req.params);
      return sendDownload(reply, file.bytes, file.filename, XLSX);
    },
  );

  app.post(
    `${BASE}/preview`,
    {
      config: { access: access.upload },
      schema: {
        tags,
        summary: 'Tải lên biểu mẫu Excel đã điền: kiểm tra và xem trước mọi thay đổi (chưa lưu gì)',
        consumes: ['multipart/form-data'],
        params: FormParams,
        response: { 200: UploadPreview, ...errorResponses, 413: ErrorSchema },
      },
    },
    async (req) => previewUpload(deps, callerOf(req), { ...req.params, read: () => readFile(req) }),
  );

  app.post(
    `${BASE}/confirm`,
    {
      config: { access: access.upload },
      schema: {
        tags,
        summary: 'Xác nhận lưu biểu mẫu Excel đã xem trước (chỉ khi phiếu chưa đổi từ lúc xem trước)',
        params: FormParams,
        body: ConfirmBody,
        response: { 200: ConfirmResult, ...errorResponses },
      },
    },
    async (req) => confirmUpload(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.post(
    '/cycles/:cycleId/workbooks',
    {
      config: { access: access.bulk },
      schema: {
        tags,
        summary:
          'Tải lên tệp nén (.zip) các biểu mẫu Excel cơ quan gửi qua thư: một dòng kết quả mỗi tệp (save=true để lưu)',
        consumes: ['multipart/form-data'],
        params: CycleParams,
        response: { 200: BulkResult, ...errorResponses, 413: ErrorSchema },
      },
    },
    async (req) => {
      const fields: Record<string, string> = {};
      let read: Promise<UploadedFile | null> | undefined;
      const once = () => {
        read ??= readFile(req, fields);
        return read;
      };
      await once();
      return uploadMany(deps, callerOf(req), {
        ...req.params,
        save: z
          .stringbool()
          .catch(false)
          .parse(fields.save ?? 'false'),
        read: once,
      });
    },
  );
}
