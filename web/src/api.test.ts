import { describe, expect, it } from 'vitest';
import { apiErrorFrom, humanMessage } from './api';

describe('server messages as a person reads them', () => {
  it('replaces the field path with the field’s Chinese name, or drops it', () => {
    expect(humanMessage('trackingCode：查询码格式不正确')).toBe('查询码格式不正确');
    expect(humanMessage('onBehalf.audience：无效选项')).toBe('需求类型：无效选项');
    expect(humanMessage('services.0.minutes：应大于 0')).toBe('应大于 0');
    expect(humanMessage('title：不能为空')).toBe('标题：不能为空');
    expect(humanMessage('该需求已被认领')).toBe('该需求已被认领');
  });
  it('keeps the details for putting errors next to form fields', () => {
    const err = apiErrorFrom(400, {
      error: { code: 'VALIDATION', message: 'title：不能为空', details: [{ path: 'title', message: '不能为空' }] },
    });
    expect(err.message).toBe('标题：不能为空');
    expect(err.fieldErrors()).toEqual({ title: '不能为空' });
  });
});
