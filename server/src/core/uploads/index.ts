/** Upload limits and the one reader every upload goes through; see docs/hardening.md 「上传限制」. */
export { MULTIPART_LIMITS, UPLOAD_KINDS, XLSX_LIMITS } from './limits';
export { readUpload, type Upload, type UploadKindName } from './read-upload';
export { inspectXlsx, uploadTooLarge } from './xlsx-guard';
