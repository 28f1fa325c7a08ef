import type { BriqueDefinition } from './brique';
import { BriqueRegistry } from './brique.registry';
import { defineBrique } from './define-brique';

/** The national referential's briques (domain.md §3), declared like any plugin would be. */
export const NATIONAL_BRIQUES: readonly BriqueDefinition[] = [
  defineBrique({ code: '1.1', group: 'diagnostic', title: 'Diagnostic', cadence: 'once' }),
  defineBrique({ code: '1.2', group: 'diagnostic', title: 'Explication au ménage', cadence: 'once' }),
  defineBrique({ code: '1.3', group: 'diagnostic', title: "Élaboration d'un projet logement avec le ménage", cadence: 'once' }),
  defineBrique({ code: '1.4', group: 'diagnostic', title: "Diagnostic logement partagé et projet d'accompagnement", cadence: 'once' }),
  defineBrique({ code: '1.5', group: 'diagnostic', title: "Accord formalisant l'engagement de chacun des partenaires", cadence: 'once' }),
  defineBrique({ code: '2.1', group: 'AVDL', title: 'Aide à la recherche de logement', cadence: 'monthly' }),
  defineBrique({ code: '2.2', group: 'AVDL', title: 'Aide à la recherche collective de logement (ateliers)', cadence: 'monthly' }),
  defineBrique({ code: '2.3', group: 'AVDL', title: 'Aide aux premiers pas dans le logement', cadence: 'monthly' }),
  defineBrique({ code: '2.4', group: 'AVDL', title: 'Suivi préventif du ménage logé', cadence: 'monthly' }),
  defineBrique({ code: '2.5', group: 'AVDL', title: 'Aide au maintien dans le logement et traitement des difficultés locatives', cadence: 'monthly' }),
  defineBrique({ code: '2.6', group: 'AVDL', title: 'Favoriser la vie sociale au dedans et au dehors du logement', cadence: 'monthly' }),
  defineBrique({ code: '2.7', group: 'AVDL', title: 'Évaluation en fin de prestation et orientation', cadence: 'once' }),
  defineBrique({ code: '3.1', group: 'GLA', title: 'Aide aux premiers pas dans le logement (GLA)', cadence: 'monthly' }),
  defineBrique({
    code: '3.2',
    group: 'GLA',
    title: 'Relation locative personnalisée (contact at least monthly, home visit at least yearly)',
    cadence: 'monthly',
  }),
  defineBrique({ code: '3.3', group: 'GLA', title: 'Gestion adaptée des aspects financiers', cadence: 'monthly' }),
  defineBrique({ code: '3.4', group: 'GLA', title: 'Aide à la gestion technique du logement (yearly visit)', cadence: 'yearly' }),
  defineBrique({ code: '3.5', group: 'GLA', title: 'Favoriser la vie sociale au-dedans et au dehors du logement', cadence: 'monthly' }),
  defineBrique({ code: '3.6', group: 'GLA', title: "Préparation à un changement de type de logement ou de statut d'occupation", cadence: 'once' }),
];

/** A registry with the national catalogue and any plugins an installation adds. */
export function createBriqueRegistry(plugins: readonly BriqueDefinition[] = []): BriqueRegistry {
  return new BriqueRegistry([...NATIONAL_BRIQUES, ...plugins]);
}
