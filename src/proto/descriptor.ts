/**
 * Tiny helpers to write protobufjs JSON descriptors compactly: `opt(3, 'int64')` instead of
 * `{ type: 'int64', id: 3 }`. Both schemas here are proto2, where repeated scalars are unpacked
 * unless the .proto says `[packed = true]`.
 */
import type { INamespace, IType } from 'protobufjs';

type FieldJson = { type: string; id: number; rule?: 'repeated'; options?: Record<string, unknown> };

/** optional field */
export const opt = (id: number, type: string): FieldJson => ({ type, id });
/** repeated field, unpacked (proto2 default) */
export const rep = (id: number, type: string): FieldJson => ({ type, id, rule: 'repeated' });
/** repeated field declared `[packed = true]` */
export const packed = (id: number, type: string): FieldJson => ({ type, id, rule: 'repeated', options: { packed: true } });

export const message = (fields: Record<string, FieldJson>, nested?: INamespace['nested']): IType => (nested ? { fields, nested } : { fields });

export const enumOf = (values: Record<string, number>) => ({ values });
