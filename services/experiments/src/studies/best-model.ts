import type { FrozenTrial } from '@hydroml/hpo';
import type { BestModelView } from '@hydroml/contracts';
import type { StudyRow } from './persistence/studies.repository.js';

function view(
  status: BestModelView['status'],
  best: FrozenTrial | null,
  reason: string | null,
  registrable = false,
): BestModelView {
  return { status, trialNumber: best?.number ?? null, registered: null, reason, registrable };
}

/**
 * Whether the study's best trial's model is in the registry, and when it is not, why not and
 * whether POST /studies/:id/register can put it there (an ended study whose best trial ran here).
 */
export function bestModelOf(row: StudyRow, best: FrozenTrial | null): BestModelView {
  const registered = row.result?.registered ?? null;
  if (registered) return { ...view('registered', best, null), registered };
  const running = row.status === 'RUNNING';
  const asked = row.spec.request.registerBest;
  if (!best) {
    const reason = running ? 'no trial has completed yet' : 'no trial completed';
    return view('no_trial', null, reason);
  }
  if (typeof best.systemAttrs.run_id !== 'string') {
    const reason =
      `the best trial (#${best.number}) was told by an external worker (ask/tell): HydroML ` +
      `holds no model of it to register`;
    return view('no_model', best, reason);
  }
  const notAsked = `not asked at creation (registerBest): register it with POST /studies/${row.id}/register {name, alias}`;
  if (running) {
    const reason = asked
      ? `registered as '${asked.name}' when the study ends`
      : `${notAsked} once the study has ended`;
    return view('pending', best, reason);
  }
  if (!asked) return view('not_registered', best, notAsked, true);
  const why = row.result?.error
    ? `registering it as '${asked.name}' failed: ${row.result.error}`
    : `the study was ${row.status} before its best model was registered as '${asked.name}'`;
  return view('not_registered', best, why, true);
}
