/**
 * Step 3 of the guided tour: the Lab set up for its run (seed policy, compromised model, the
 * first sample tickets, a fixed seed and start). The Lab's session is loaded on demand, like the
 * Lab itself, and is left alone while a run is going on.
 */
import { TOUR_LAB_RUN } from './tour.js';

export async function prepareTourLabRun(): Promise<void> {
  const [{ labSession }, { templateById }] = await Promise.all([
    import('../views/lab/lab-session.svelte.js'),
    import('../views/lab/policy/templates.js'),
  ]);
  if (labSession.run.running) throw new Error('a run is going on in the Lab; stop it or let it finish first.');
  const template = templateById(TOUR_LAB_RUN.templateId);
  if (template === undefined) throw new Error(`this build has no policy template "${TOUR_LAB_RUN.templateName}".`);
  labSession.templateId = template.id;
  labSession.text = template.text;
  labSession.sourceKind = 'sample';
  labSession.limit = TOUR_LAB_RUN.tickets;
  labSession.model = TOUR_LAB_RUN.model;
  labSession.approvals = 'none';
  labSession.seed = TOUR_LAB_RUN.seed;
  labSession.start = TOUR_LAB_RUN.start;
}
