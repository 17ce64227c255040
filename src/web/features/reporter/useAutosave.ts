/**
 * The form's state between the user, this browser and the server: the server's copy (values,
 * version), what the user typed on top of it (kept in localStorage until the server has it), and
 * a debounced save of the valid part with the version it was typed on. A 409 brings back the
 * server's values: fields only the other writer changed are taken, fields both changed are put to
 * the user (keep mine / take theirs). Network failures retry with a growing pause.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Field } from '../../../core/criteria/schema.ts';
import { ApiError } from '../../api.ts';
import { readDraft, writeDraft } from './draftStore.ts';
import { type FormLayout, parseTyped, problemOf } from './formModel.ts';
import { type FormState, reporterApi, type StaleDetails } from './reporterApi.ts';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'retry'; message: string }
  | { kind: 'stopped'; message: string };

export interface Conflict {
  updatedAt: string | null;
  fields: { field: Field; mine: string; theirs: unknown }[];
}

const DEBOUNCE_MS = 700;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function useAutosave(props: { initial: FormState; layout: FormLayout; userId: string }) {
  const { layout, userId } = props;
  const cycleId = props.initial.cycle.id;
  const agencyId = props.initial.agency.id;
  const [server, setServer] = useState<FormState>(props.initial);
  const [restored] = useState(() => (props.initial.editable ? readDraft(cycleId, agencyId, userId) : null));
  const [typed, setTyped] = useState<Record<string, string>>(() => restored?.typed ?? {});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [tick, setTick] = useState(0);
  const busy = useRef(false);
  const failures = useRef(0);

  // Every change of the typed overlay is on disk at once: a reload loses nothing.
  useEffect(() => {
    if (server.editable) writeDraft(cycleId, agencyId, userId, typed, server.version);
  }, [typed, server.version, server.editable, cycleId, agencyId, userId]);

  const setValue = useCallback((key: string, text: string) => {
    setTyped((t) => ({ ...t, [key]: text }));
    setServerErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _, ...rest } = e;
      return rest;
    });
  }, []);

  /** Local problems of what is typed (type, range, options), Vietnamese. */
  const localErrors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const [key, text] of Object.entries(typed)) {
      const f = layout.group.fieldsByKey.get(key);
      if (!f) continue;
      const p = problemOf(f, text);
      if (p) out[key] = p.vi;
    }
    return out;
  }, [typed, layout]);

  /** The values the score and the checks see: the server's, with the valid typed ones on top. */
  const values = useMemo(() => {
    const out: Record<string, unknown> = { ...server.values };
    for (const [key, text] of Object.entries(typed)) {
      const f = layout.group.fieldsByKey.get(key);
      if (!f) continue;
      const v = parseTyped(f, text);
      if (v === null || localErrors[key]) delete out[key];
      else out[key] = v;
    }
    return out;
  }, [server.values, typed, localErrors, layout]);

  /** The part of the typed overlay the server can take now. */
  const patchOf = useCallback(
    (t: Record<string, string>) => {
      const patch: Record<string, unknown> = {};
      for (const [key, text] of Object.entries(t)) {
        const f = layout.group.fieldsByKey.get(key);
        if (!f || localErrors[key] || serverErrors[key]) continue;
        const v = parseTyped(f, text);
        if (!same(v, server.values[key])) patch[key] = v;
      }
      return patch;
    },
    [layout, localErrors, serverErrors, server.values],
  );

  // Typed text that says what the server already has is no longer pending.
  useEffect(() => {
    const settled = Object.entries(typed).filter(([key, text]) => {
      const f = layout.group.fieldsByKey.get(key);
      return f && !localErrors[key] && same(parseTyped(f, text), server.values[key]);
    });
    if (settled.length)
      setTyped((t) => {
        const next = { ...t };
        for (const [key, text] of settled) if (next[key] === text) delete next[key];
        return next;
      });
  }, [typed, server.values, layout, localErrors]);

  const save = useCallback(async () => {
    if (busy.current || conflict || !server.editable) return;
    const patch = patchOf(typed);
    if (Object.keys(patch).length === 0) return;
    busy.current = true;
    setStatus({ kind: 'saving' });
    try {
      const res = await reporterApi.saveValues(cycleId, agencyId, server.version, patch);
      failures.current = 0;
      // The server merged field by field: what others changed meanwhile comes back with the answer.
      setServer((s) => ({
        ...s,
        status: s.status === 'not_started' ? 'draft' : s.status,
        version: res.version,
        updatedAt: res.updatedAt,
        values: applyPatch(applyPatch(s.values, res.changed), patch),
      }));
      setStatus({ kind: 'saved', at: new Date() });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && isStale(e.details)) {
        const current = e.details;
        const fields: Conflict['fields'] = [];
        for (const key of current.conflicts) {
          // Both changed it: the server names the fields another writer changed to another value.
          if (!(key in patch)) continue;
          fields.push({
            field: layout.group.fieldsByKey.get(key)!,
            mine: typed[key] ?? '',
            theirs: current.values[key],
          });
        }
        setServer((s) => ({
          ...s,
          version: current.version,
          values: current.values,
          updatedAt: current.updatedAt,
        }));
        if (fields.length) setConflict({ updatedAt: current.updatedAt, fields });
        setStatus({ kind: 'idle' });
      } else if (e instanceof ApiError && e.status === 400 && Array.isArray(e.details)) {
        const errs: Record<string, string> = {};
        for (const d of e.details as { field?: string; message?: string }[])
          if (d.field && d.message) errs[d.field] = d.message;
        if (Object.keys(errs).length === 0 && e.field) errs[e.field] = e.message;
        setServerErrors((x) => ({ ...x, ...errs }));
        setStatus({ kind: 'idle' });
      } else if (e instanceof ApiError && e.status > 0 && e.status < 500 && e.status !== 429) {
        setStatus({ kind: 'stopped', message: e.message });
      } else {
        failures.current += 1;
        setStatus({ kind: 'retry', message: e instanceof Error ? e.message : String(e) });
        const wait = Math.min(30_000, 2_000 * 2 ** (failures.current - 1));
        setTimeout(() => setTick((n) => n + 1), wait);
      }
    } finally {
      busy.current = false;
    }
  }, [typed, patchOf, server, conflict, cycleId, agencyId, layout]);

  // Debounced: a save shortly after the last keystroke, and again if typing went on meanwhile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` re-arms the save after a failure.
  useEffect(() => {
    const timer = setTimeout(() => void save(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [save, tick]);

  const resolve = useCallback(
    (keep: 'mine' | 'theirs') => {
      if (keep === 'theirs' && conflict)
        setTyped((t) => {
          const next = { ...t };
          for (const c of conflict.fields) delete next[c.field.key];
          return next;
        });
      setConflict(null);
      setTick((n) => n + 1);
    },
    [conflict],
  );

  const pendingInvalid = Object.keys(localErrors).length + Object.keys(serverErrors).length;
  const pending = Object.keys(patchOf(typed)).length;

  return {
    server,
    setServer,
    typed,
    setValue,
    values,
    localErrors,
    serverErrors,
    status,
    conflict,
    resolve,
    restoredCount: restored ? Object.keys(restored.typed).length : 0,
    pending,
    pendingInvalid,
    saveNow: save,
  };
}

function applyPatch(values: Record<string, unknown>, patch: Record<string, unknown>) {
  const out = { ...values };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

function isStale(d: unknown): d is StaleDetails {
  return typeof d === 'object' && d !== null && 'values' in d && 'version' in d && 'conflicts' in d;
}
