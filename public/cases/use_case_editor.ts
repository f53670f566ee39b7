import { useCallback, useEffect, useRef, useState } from 'react';
import { Case } from '../../common/case_types';
import { CaseDraft, CaseField, changedSinceDraft, DraftBase, rebaseDrafts, startDrafts, updateRequest, withoutBases, withoutFields } from './case_draft';
import { canSaveCases } from '../shared/capabilities';
import { useAppServices } from '../services/app_services';
import { errorMessage, errorStatus, isAbortError } from '../services/http_error';
import { i18n } from '@osd/i18n';

export interface CaseEditorState {
  case?: Case;
  /** Why the case could not be read; `status` 404/403 means "not found or no access". */
  loadError?: { status?: number; message: string };
  loading: boolean;
  draft: CaseDraft;
  /** What each drafted field was on the case when its draft started (or at the last reload). */
  draftBase: DraftBase;
  /**
   * A save was refused because someone else changed the case since it was read (409), or was not
   * sent because a drafted field changed on the case since its draft started.
   */
  conflict: boolean;
  saving: boolean;
}

export interface CaseEditor extends CaseEditorState {
  /** The user may change the case (`siemInvestigations.save`); if not, the case is shown read-only. */
  canSave: boolean;
  /** Reads the case again; the draft stays and is shown on top of the newer case. */
  reload(): Promise<void>;
  setDraft(changes: CaseDraft): void;
  discard(fields: readonly CaseField[]): void;
  /**
   * PATCHes the changed fields with the version on screen; on failure they stay in the draft. Sends
   * nothing, and reports a conflict, when someone else changed one of these fields since its draft
   * started (the newer case may have arrived with a comment): the version alone would not tell.
   */
  save(changes: CaseDraft): Promise<boolean>;
  addComment(text: string): Promise<boolean>;
  /** Shows a case the server answered to a change made elsewhere (tasks, close with fields). */
  apply(updated: Case): void;
}

/** One case as an editable document: load, edit with optimistic concurrency, append. */
export function useCaseEditor(id: string): CaseEditor {
  const { api, core } = useAppServices();
  const [state, setState] = useState<CaseEditorState>({ loading: true, draft: {}, draftBase: {}, conflict: false, saving: false });
  const current = useRef(state);
  current.current = state;

  const load = useCallback(
    async (signal?: AbortSignal) => {
      setState((s) => ({ ...s, loading: true }));
      try {
        const c = await api.getCase(id, signal);
        // The user now sees the newest case under their draft: that is what the draft is based on.
        if (!signal?.aborted) setState((s) => ({ ...s, case: c, loading: false, loadError: undefined, conflict: false, draftBase: rebaseDrafts(c, s.draft) }));
      } catch (e) {
        if (signal?.aborted || isAbortError(e)) return;
        const status = errorStatus(e);
        const message = errorMessage(e);
        // "Not found or no access" has its own page; anything else is worth a toast.
        if (status !== 404 && status !== 403) core.notifications.toasts.addDanger({ title: i18n.translate('siemInvestigations.cases.useCaseEditor.couldNotLoadThe', { defaultMessage: 'Could not load the case' }), text: message });
        setState((s) => ({ ...s, loading: false, loadError: { status, message } }));
      }
    },
    [api, core, id]
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const setDraft = useCallback(
    (changes: CaseDraft) => setState((s) => ({ ...s, draft: { ...s.draft, ...changes }, draftBase: s.case ? startDrafts(s.draftBase, s.case, changes) : s.draftBase })),
    []
  );
  const discard = useCallback(
    (fields: readonly CaseField[]) => setState((s) => ({ ...s, draft: withoutFields(s.draft, fields), draftBase: withoutBases(s.draftBase, fields) })),
    []
  );

  const save = useCallback(
    async (changes: CaseDraft) => {
      const shown = current.current.case;
      if (!shown) return false;
      const fields = Object.keys(changes) as CaseField[];
      const request = updateRequest(shown, changes);
      if (!request) {
        setState((s) => ({ ...s, draft: withoutFields(s.draft, fields), draftBase: withoutBases(s.draftBase, fields) }));
        return true;
      }
      if (changedSinceDraft(shown, current.current.draftBase, fields).length) {
        setState((s) => ({ ...s, conflict: true, draft: { ...s.draft, ...changes } }));
        return false;
      }
      setState((s) => ({ ...s, saving: true }));
      try {
        const updated = await api.updateCase(id, request);
        setState((s) => ({ ...s, case: updated, saving: false, draft: withoutFields(s.draft, fields), draftBase: withoutBases(s.draftBase, fields) }));
        return true;
      } catch (e) {
        const conflict = errorStatus(e) === 409;
        if (!conflict) core.notifications.toasts.addDanger({ title: i18n.translate('siemInvestigations.cases.useCaseEditor.couldNotSaveThe', { defaultMessage: 'Could not save the case' }), text: errorMessage(e) });
        setState((s) => ({ ...s, saving: false, conflict: s.conflict || conflict, draft: { ...s.draft, ...changes } }));
        return false;
      }
    },
    [api, core, id]
  );

  const addComment = useCallback(
    async (text: string) => {
      try {
        const updated = await api.addComment(id, text);
        setState((s) => ({ ...s, case: updated }));
        return true;
      } catch (e) {
        core.notifications.toasts.addDanger({ title: i18n.translate('siemInvestigations.cases.useCaseEditor.couldNotAddThe', { defaultMessage: 'Could not add the comment' }), text: errorMessage(e) });
        return false;
      }
    },
    [api, core, id]
  );

  const reload = useCallback(() => load(), [load]);
  const apply = useCallback((updated: Case) => setState((s) => ({ ...s, case: updated })), []);
  return { ...state, canSave: canSaveCases(core), reload, setDraft, discard, save, addComment, apply };
}
