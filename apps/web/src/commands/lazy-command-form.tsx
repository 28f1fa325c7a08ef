import { type ComponentProps, lazy, Suspense } from 'react';

/**
 * The forms (rjsf and the JSON-schema validator, most of the app's JavaScript) are loaded the first
 * time a form opens, not with the lists a person lands on: the caseload's first load carries none of it.
 */
const LoadedCommandForm = lazy(() => import('./command-form').then((module) => ({ default: module.CommandForm })));

export function CommandForm(props: ComponentProps<typeof LoadedCommandForm>) {
  return (
    <Suspense fallback={<p role="status">Chargement du formulaire…</p>}>
      <LoadedCommandForm {...props} />
    </Suspense>
  );
}
