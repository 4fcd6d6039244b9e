/** French strings of the treaty-participation views (terminology of the French texts of the treaties). */
import type { TreatyMessages } from './en.js';

export const treatiesFr: TreatyMessages = {
  'asOf.label': 'Situation au',
  'asOf.today': 'Revenir à aujourd’hui',
  'asOf.hint':
    'Calculée à partir des signatures, ratifications et retraits datés enregistrés, chacun avec sa source.',

  'standing.party': 'Partie',
  'standing.consented': 'Ratifié — pas encore en vigueur',
  'standing.signed': 'Signataire',
  'standing.withdrawal-pending': 'Retrait en cours',
  'standing.withdrawn': 'Retiré',
  'standing.ratification-withdrawn': 'Ratification retirée',
  'standing.expired': 'Traité expiré',
  'standing.not-signed': 'Non signataire',
  'consent.ratification': 'ratification',
  'consent.accession': 'adhésion',
  'consent.succession': 'succession',
  'consent.acceptance': 'acceptation',
  'consent.approval': 'approbation',
  'consent.consent-to-be-bound': 'consentement à être lié',

  'participation.title': 'Participation au {date}',
  'participation.none':
    'Aucune signature, ratification ni aucun retrait n’est enregistré pour cet instrument.',
  'participation.basis':
    'Calculé à partir des {count}\u00a0événements enregistrés jusqu’à cette date. Un État sans événement enregistré est compté comme non signataire.',
  'participation.legend': 'États par situation',

  'eif.title': 'Entrée en vigueur',
  'eif.inForce': 'En vigueur depuis le {date}',
  'eif.computed':
    'Date calculée à partir des ratifications enregistrées, selon la règle d’entrée en vigueur.',
  'eif.recorded':
    'Date indiquée par le dépositaire\u00a0: les ratifications enregistrées n’atteignent pas le seuil prévu par la règle.',
  'eif.notInForce': 'Pas en vigueur au {date}',
  'eif.count': 'Ratifications et adhésions\u00a0: {consents} sur les {required} requises.',
  'eif.pending':
    'Le nombre requis est atteint\u00a0; l’instrument entre en vigueur à l’expiration du délai prévu par sa règle.',
  'eif.annex': 'États de l’annexe 2 ayant ratifié\u00a0: {done} sur {required}.',
  'eif.missing': 'États de l’annexe 2 n’ayant pas encore ratifié ({count})',
  'eif.perState':
    'En vigueur pour chaque État à compter de sa propre ratification\u00a0; il n’y a pas de date unique d’entrée en vigueur.',
  'eif.rule': 'Règle',

  'chart.map': 'Carte',
  'chart.mapAlt':
    'Carte du monde de la situation au regard du {instrument} au {date}, une couleur par situation comme dans la légende. Le tableau ci-dessous donne les mêmes informations.',
  'chart.timeline': 'Évolution',
  'chart.timelineAlt':
    'Graphique du nombre de signataires et de parties au {instrument} au fil du temps, jusqu’au {date}. Le tableau ci-dessous donne les dates.',
  'chart.failed': 'L’image n’a pas pu être chargée.',

  'parties.title': 'États pour lesquels des événements sont enregistrés',
  'parties.filter': 'Situation',
  'parties.allStandings': 'Toutes les situations',
  'parties.none': 'Aucun État n’est dans cette situation à cette date.',
  'col.state': 'État',
  'col.standing': 'Situation',
  'col.signed': 'Signature',
  'col.consented': 'Ratification ou adhésion',
  'col.inForceFrom': 'En vigueur depuis',
  'col.withdrawal': 'Retrait',
  'col.sources': 'Sources',
  'col.protocol': 'Protocole',
  'withdrawal.notice': 'Notification\u00a0: {date}',
  'withdrawal.effective': 'Effet\u00a0: {date}',
  'sources.show': 'Sources ({count})',
  'sources.withNotes': 'Sources et notes ({count})',
  'sources.notes': 'Notes',

  'state.treaties': 'Traités',
  'state.noTreaties':
    'Aucune signature, ratification ni aucun retrait de cet État n’est enregistré.',

  'nwfz.title': 'Protocoles aux traités portant création de zones exemptes d’armes nucléaires',
  'nwfz.link':
    'Les États dotés d’armes nucléaires et les protocoles aux traités portant création de zones exemptes d’armes nucléaires',
  'nwfz.intro':
    'Ce que chacun des cinq États dotés d’armes nucléaires avait signé et ratifié de chaque protocole à la date choisie, d’après les événements enregistrés.',
  'nwfz.caption': 'Protocoles (lignes) et États dotés d’armes nucléaires (colonnes) au {date}',
  'nwfz.signed': 'Signature',
  'nwfz.ratified': 'Ratification',
  'nwfz.neither': 'Ni signé ni ratifié',
  'nwfz.details': 'Sources et notes\u00a0: {protocol}, {state}',
  'nwfz.legendRatified': 'Ratifié',
  'nwfz.legendSigned': 'Signé, non ratifié',
  'nwfz.empty': 'Aucun protocole n’est enregistré.',
};
