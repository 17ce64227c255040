/**
 * The form's state between the user, this browser and the server: the server's copy (values,
 * version), what the user typed on top of it (kept in localStorage until the server has it), and
 * a debounced save of the valid part with the version it was typed on. A 409 brings back the
 * server's values: fields only the other writer changed are taken, fields both changed are put to
 * the user (keep mine / take theirs). Network failures retry with a growing pause. What each
 * answer means is decided in formState.ts; this hook holds the state, the timers and the calls.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { readDraft, writeDraft } from './draftStore.ts';
import type { FormLayout } from './formModel.ts';
import {
  type Conflict,
  conflictingFields,
  effectiveValues,
  type Problems,
  pendingPatch,
  retryDelayMs,
  type SaveStatus,
  saveFailure,
  settledEntries,
  type Typed,
  typedProblems,
  valuesAfterSave,
  withoutKeys,
  withoutSettled,
} from './formState.ts';
import { type FormState, reporterApi } from './reporterApi.ts';

const DEBOUNCE_MS = 700;

export function useAutosave(props: { initial: FormState; layout: FormLayout; userId: string }) {
  const { layout, userId } = props;
  const fields = layout.group.fieldsByKey;
  const cycleId = props.initial.cycle.id;
  const agencyId = props.initial.agency.id;
  const [server, setServer] = useState<FormState>(props.initial);
  const [restored] = useState(() => (props.initial.editable ? readDraft(cycleId, agencyId, userId) : null));
  const [typed, setTyped] = useState<Typed>(() => restored?.typed ?? {});
  const [serverErrors, setServerErrors] = useState<Problems>({});
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
    // The server's refusal was of the text before this one.
    setServerErrors((e) => withoutKeys(e, [key]));
  }, []);

  const localErrors = useMemo(() => typedProblems(fields, typed), [typed, fields]);
  const values = useMemo(
    () => effectiveValues(server.values, typed, fields, localErrors),
    [server.values, typed, localErrors, fields],
  );
  const held = useMemo(() => ({ ...serverErrors, ...localErrors }), [serverErrors, localErrors]);
  const patch = useMemo(
    () => pendingPatch(typed, fields, server.values, held),
    [typed, fields, server.values, held],
  );

  // Typed text that says what the server already has is no longer pending.
  useEffect(() => {
    const settled = settledEntries(typed, fields, server.values, localErrors);
    if (settled.length) setTyped((t) => withoutSettled(t, settled));
  }, [typed, server.values, fields, localErrors]);

  const save = useCallback(async () => {
    if (busy.current || conflict || !server.editable) return;
    const sent = patch;
    if (Object.keys(sent).length === 0) return;
    busy.current = true;
    setStatus({ kind: 'saving' });
    try {
      const res = await reporterApi.saveValues(cycleId, agencyId, server.version, sent);
      failures.current = 0;
      setServer((s) => ({
        ...s,
        status: s.status === 'not_started' ? 'draft' : s.status,
        version: res.version,
        updatedAt: res.updatedAt,
        values: valuesAfterSave(s.values, res.changed, sent),
      }));
      setStatus({ kind: 'saved', at: new Date() });
    } catch (e) {
      const failure = saveFailure(e);
      switch (failure.kind) {
        case 'stale': {
          // The overlay stays: this user's edits sit on the server's new values, and only the
          // fields both changed are asked about before the next save.
          const { current } = failure;
          const both = conflictingFields(current, sent, typed, fields);
          setServer((s) => ({
            ...s,
            version: current.version,
            values: current.values,
            updatedAt: current.updatedAt,
          }));
          if (both.length) setConflict({ updatedAt: current.updatedAt, fields: both });
          setStatus({ kind: 'idle' });
          break;
        }
        case 'refused':
          setServerErrors((x) => ({ ...x, ...failure.problems }));
          setStatus({ kind: 'idle' });
          break;
        case 'stopped':
          setStatus({ kind: 'stopped', message: failure.message });
          break;
        case 'retry':
          failures.current += 1;
          setStatus({ kind: 'retry', message: failure.message });
          setTimeout(() => setTick((n) => n + 1), retryDelayMs(failures.current));
      }
    } finally {
      busy.current = false;
    }
  }, [typed, patch, server, conflict, cycleId, agencyId, fields]);

  // Debounced: a save shortly after the last keystroke, and again if typing went on meanwhile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` re-arms the save after a failure.
  useEffect(() => {
    const timer = setTimeout(() => void save(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [save, tick]);

  const resolve = useCallback(
    (keep: 'mine' | 'theirs') => {
      if (keep === 'theirs' && conflict)
        setTyped((t) =>
          withoutKeys(
            t,
            conflict.fields.map((c) => c.field.key),
          ),
        );
      setConflict(null);
      setTick((n) => n + 1);
    },
    [conflict],
  );

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
    pending: Object.keys(patch).length,
    pendingInvalid: Object.keys(localErrors).length + Object.keys(serverErrors).length,
    saveNow: save,
  };
}
